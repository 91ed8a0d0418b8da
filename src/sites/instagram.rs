//! Instagram: comment boxes are React-controlled textareas counted as captions.

use super::{EditorKind, Site, Surface};
use crate::platform::Platform;

pub const SITE: Site = Site {
    id: "instagram",
    name: "Instagram",
    hosts: &["instagram.com"],
    default_platform: Platform::Instagram,
    content_warning: None,
    surfaces: &[
        // comment field under a post ("Add a comment…", "Ajouter un commentaire…")
        Surface {
            selector: "textarea[aria-label]",
            platform: Platform::Instagram,
            editor: EditorKind::TextField,
            // send button: comments post with a "Post" text button that carries no stable selector (2026-12-01)
            send_button: None,
        },
    ],
};
