//! Facebook: posts and comments are Lexical editors; comments have their own, shorter limit.

use super::{EditorKind, Site, Surface};
use crate::platform::Platform;

pub const SITE: Site = Site {
    id: "facebook",
    name: "Facebook",
    hosts: &["facebook.com"],
    default_platform: Platform::Facebook,
    content_warning: None,
    surfaces: &[
        // send buttons: comments post on Enter and the post dialog's "Post" button has no stable
        // selector (2026-12-01)
        // comment and reply boxes under a post ("Comment as…", "Reply to…", "Écrire un commentaire…")
        Surface { selector: "[aria-label^=\"Comment\"], [aria-label^=\"Reply\"], [aria-label^=\"Écrire un commentaire\"], [aria-label^=\"Répondre\"]", platform: Platform::FacebookComment, editor: EditorKind::Lexical, send_button: None },
        // the "Create post" dialog
        Surface { selector: "[role=\"dialog\"] [data-lexical-editor]", platform: Platform::Facebook, editor: EditorKind::Lexical, send_button: None },
    ],
};
