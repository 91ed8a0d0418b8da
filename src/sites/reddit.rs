//! Reddit: titles, post bodies and comments each have their own limit.

use super::{EditorKind, ReplyContext, Site, Surface};
use crate::platform::Platform;

pub const SITE: Site = Site {
    id: "reddit",
    name: "Reddit",
    hosts: &["reddit.com"],
    default_platform: Platform::RedditComment,
    content_warning: None,
    surfaces: &[
        // post title field on the submit page
        Surface {
            selector: "textarea[name=\"title\"], faceplate-textarea-input[name=\"title\"]",
            platform: Platform::RedditTitle,
            editor: EditorKind::TextField,
            // send button: submit page "Post" button (public automation scripts, 2026-12-01)
            send_button: Some("button[type=\"submit\"]"),
        },
        // post body on the submit page
        Surface {
            selector: "shreddit-composer[name=\"body\"] [data-lexical-editor]",
            platform: Platform::RedditBody,
            editor: EditorKind::Lexical,
            // send button: submit page "Post" button (public automation scripts, 2026-12-01)
            send_button: Some("button[type=\"submit\"]"),
        },
        // comment and reply composer
        Surface {
            selector: "shreddit-composer [data-lexical-editor], textarea[name=\"text\"]",
            platform: Platform::RedditComment,
            editor: EditorKind::Lexical,
            // send button: comment "Comment" button (public automation scripts, 2026-12-01)
            send_button: Some(
                "shreddit-composer button[slot=\"submit-button\"], button[type=\"submit\"]",
            ),
        },
    ],
    // the reply context (Reddit web, shreddit components, 2026-12-01, not seen live)
    reply: ReplyContext {
        containers: &[
            // comment reply: the comment answered
            "shreddit-comment",
            // comment under a post: the post
            "shreddit-post",
        ],
        name: &[
            // comment: the commenter's user name
            "[slot=\"commentMeta\"] a[href^=\"/user/\"]",
            // post: the author's user name
            "a[href^=\"/user/\"]",
        ],
        handle: &["a[href^=\"/user/\"]"],
        handle_links: &[],
        text: &[
            // comment text
            "[slot=\"comment\"]",
            // post body
            "[slot=\"text-body\"]",
            // post title
            "[slot=\"title\"]",
        ],
    },
};
