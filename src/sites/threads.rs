//! Threads: posts and replies are Lexical editors with a 500 limit.

use super::{EditorKind, ReplyContext, Site, Surface};
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
    // the reply context (Threads web; from public automation scripts, 2026-12-01, not seen live)
    reply: ReplyContext {
        containers: &[
            // reply dialog and thread: the post answered
            "[data-pressable-container=\"true\"]",
            "article",
        ],
        name: &[
            // the author's user name link (Threads shows no display name in the feed)
            "a[href^=\"/@\"]",
        ],
        handle: &["a[href^=\"/@\"]"],
        handle_links: &[],
        text: &[
            // the post's text
            "[dir=\"auto\"] span",
        ],
    },
};
