//! Reddit: titles, post bodies and comments each have their own limit.

use super::{EditorKind, Site, Surface};
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
};
