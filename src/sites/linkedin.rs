//! LinkedIn: the share box and the comment boxes are both Quill, with different limits.

use super::{EditorKind, Site, Surface};
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
};
