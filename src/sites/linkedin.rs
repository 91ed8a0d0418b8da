//! LinkedIn: the share box and the comment boxes are both Quill, with different limits.

use super::{EditorKind, ReplyContext, Site, Surface};
use crate::platform::Platform;

pub const SITE: Site = Site {
    id: "linkedin",
    name: "LinkedIn",
    hosts: &["linkedin.com"],
    default_platform: Platform::Linkedin,
    content_warning: None,
    surfaces: &[
        // comment and reply boxes under a post
        Surface {
            selector: ".comments-comment-box .ql-editor, .comments-comment-texteditor .ql-editor",
            platform: Platform::LinkedinComment,
            editor: EditorKind::Quill,
            // send button: comment box "Comment"/"Reply" button (public automation scripts, 2026-12-01)
            send_button: Some(
                ".comments-comment-box__submit-button, .comments-comment-box__submit-button--cr",
            ),
        },
        // "Start a post" share box
        Surface {
            selector: ".share-creation-state .ql-editor, .share-box .ql-editor",
            platform: Platform::Linkedin,
            editor: EditorKind::Quill,
            // send button: share box "Post" button (public automation scripts, 2026-12-01)
            send_button: Some(".share-actions__primary-action"),
        },
    ],
    // the reply context (LinkedIn web; from public automation scripts, 2026-12-01, not seen live)
    reply: ReplyContext {
        containers: &[
            // comment reply box: the comment answered
            "article.comments-comment-entity",
            // comment reply box (older layout)
            "article.comments-comment-item",
            // comment box under a post: the post
            ".feed-shared-update-v2",
            // messaging: one event per message
            ".msg-s-event-listitem",
        ],
        name: &[
            // comment: the commenter's name
            ".comments-comment-meta__description-title",
            // post: the actor's name
            ".update-components-actor__title span[aria-hidden=\"true\"]",
            // post (older layout)
            ".update-components-actor__name",
            // messaging: the sender
            ".msg-s-message-group__name",
        ],
        handle: &[],
        handle_links: &[],
        text: &[
            // comment text
            ".comments-comment-item__main-content",
            // post text
            ".update-components-text",
            // messaging: the message body
            ".msg-s-event-listitem__body",
        ],
    },
};
