//! Instagram: comment boxes are React-controlled textareas counted as captions.

use super::{EditorKind, ReplyContext, Site, Surface};
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
    // the reply context (Instagram web; from public automation scripts, 2026-12-01, not seen live)
    reply: ReplyContext {
        containers: &[
            // comment reply: the comment's list item
            "ul li[role=\"menuitem\"]",
            // post caption and comment: the post's article
            "article",
            // DM: the conversation — its header (the person's name) and its messages
            // ([role=grid] > [role=row]) (2026-12-01, not seen live; a message row holds no name)
            "div:has(> [role=\"grid\"])",
        ],
        name: &[
            // post and comment: the author's profile link (the user name is the name shown); DM:
            // the person's display name in the conversation's header
            "header a[href^=\"/\"]",
            // comment: the commenter's link
            "h3 a",
        ],
        handle: &[
            // the same link: Instagram shows the bare user name
            "header a[href^=\"/\"]",
            "h3 a",
            // DM: the user name next to the display name in the conversation's header
            "header a[href^=\"/\"] + span",
        ],
        handle_links: &[],
        text: &[
            // DM: the messages, the first one shown
            "[role=\"row\"] [dir=\"auto\"]",
            // caption and comment text
            "h1[dir=\"auto\"]",
            "span[dir=\"auto\"]",
        ],
    },
};
