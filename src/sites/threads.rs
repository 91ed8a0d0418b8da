//! Threads: posts and replies are Lexical editors with a 500 limit.

use super::{EditorKind, Site, Surface};
use crate::platform::Platform;

pub const SITE: Site = Site {
    id: "threads",
    name: "Threads",
    hosts: &["threads.net", "threads.com"],
    default_platform: Platform::Threads,
    content_warning: None,
    surfaces: &[
        // post and reply composer
        Surface {
            selector: "[data-lexical-editor]",
            platform: Platform::Threads,
            editor: EditorKind::Lexical,
            // send button: posting happens in a dialog whose "Post" button has no stable selector (2026-12-01)
            send_button: None,
        },
    ],
};
