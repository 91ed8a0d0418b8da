//! Mastodon: the web composer is a React textarea; each instance may raise the 500 limit.

use super::{EditorKind, Site, Surface};
use crate::platform::Platform;

pub const SITE: Site = Site {
    id: "mastodon",
    name: "Mastodon",
    hosts: &["mastodon.social"],
    default_platform: Platform::Mastodon,
    surfaces: &[
        // the compose form and reply forms
        Surface {
            selector: "textarea.autosuggest-textarea__textarea",
            platform: Platform::Mastodon,
            editor: EditorKind::TextField,
        },
    ],
};
