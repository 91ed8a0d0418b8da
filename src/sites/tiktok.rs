//! TikTok: the comment and reply composers under a video (Draft.js), counted as comments.

use super::{EditorKind, ReplyContext, Site, Surface};
use crate::platform::Platform;

pub const SITE: Site = Site {
    id: "tiktok",
    name: "TikTok",
    hosts: &["tiktok.com"],
    // the web composers on tiktok.com are comment boxes (captions are written in the app or in
    // TikTok Studio, whose editor has no known selector)
    default_platform: Platform::TiktokComment,
    content_warning: None,
    surfaces: &[
        // comment box at the foot of the comments and reply box under a comment ("Ajouter un
        // commentaire…"): a Draft.js editor inside data-e2e=comment-input (public automation
        // scripts and notes, 2024-12 to 2026-01, read 2026-12-01, not seen live; Firefox's webcompat
        // intervention 2015406 for tiktok.com styles a contenteditable=plaintext-only reply box, so
        // the editor is detected again from the DOM)
        Surface {
            selector: "[data-e2e=\"comment-input\"]",
            platform: Platform::TiktokComment,
            editor: EditorKind::DraftJs,
            // send button: "Publier"/"Post" next to the box (public automation scripts, 2026-12-01)
            send_button: Some("[data-e2e=\"comment-post\"]"),
        },
    ],
    // the reply context (TikTok web; data-e2e test ids from public automation scripts, 2026-12-01,
    // not seen live)
    reply: ReplyContext {
        containers: &[
            // a comment or a reply to one: its item wrapper (class names are generated, the
            // component name inside them is stable)
            "[class*=\"DivCommentItemWrapper\"]",
            // a comment thread: the comment and its replies
            "[class*=\"DivCommentObjectWrapper\"]",
        ],
        name: &[
            // comment: the commenter's nickname (the display name, not the handle)
            "[data-e2e=\"comment-username-1\"]",
            // reply to a comment
            "[data-e2e=\"comment-username-2\"]",
        ],
        // the handle is shown nowhere as text: only in the address of the profile link
        handle: &[],
        // the link around the nickname: href="/@handle" (public automation scripts and notes,
        // 2024-12 to 2026-01, read 2026-12-01, not seen live)
        handle_links: &[
            // comment
            "[data-e2e=\"comment-username-1\"] a[href]",
            // reply to a comment
            "[data-e2e=\"comment-username-2\"] a[href]",
        ],
        text: &[
            // comment text
            "[data-e2e=\"comment-level-1\"]",
            // reply text
            "[data-e2e=\"comment-level-2\"]",
        ],
    },
};
