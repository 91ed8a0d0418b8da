//! Facebook: posts and comments are Lexical editors; comments have their own, shorter limit.

use super::{EditorKind, ReplyContext, Site, Surface};
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
    // the reply context (Facebook web; from public automation scripts, 2026-12-01, not seen live)
    reply: ReplyContext {
        containers: &[
            // post, comment and reply: each is a role=article (comments nest in the post's)
            "[role=\"article\"]",
            // Messenger: one row per message
            "[role=\"row\"]",
        ],
        name: &[
            // post: the author's name link
            "[data-ad-rendering-role=\"profile_name\"]",
            // post: the heading that holds the author's name
            "h2 strong",
            // comment: the commenter's name link, first link with text
            "a[role=\"link\"][href]",
        ],
        handle: &[],
        handle_links: &[],
        text: &[
            // post: its message
            "[data-ad-preview=\"message\"]",
            // post (newer layout)
            "[data-ad-comet-preview=\"message\"]",
            // comment: its text block
            "div[dir=\"auto\"]",
        ],
    },
};
