//! YouTube: comments on watch pages; titles and descriptions in the upload details.

use super::{EditorKind, ReplyContext, Site, Surface};
use crate::platform::Platform;

pub const SITE: Site = Site {
    id: "youtube",
    name: "YouTube",
    hosts: &["youtube.com"],
    default_platform: Platform::YoutubeComment,
    content_warning: None,
    surfaces: &[
        // video title in the upload/details form (YouTube Studio)
        Surface {
            selector: "#title-textarea [contenteditable]",
            platform: Platform::YoutubeTitle,
            editor: EditorKind::ContentEditable,
            // send button: Studio saves the whole details form ("Save"), not this field (2026-12-01)
            send_button: None,
        },
        // video description in the upload/details form
        Surface {
            selector: "#description-textarea [contenteditable]",
            platform: Platform::YoutubeDescription,
            editor: EditorKind::ContentEditable,
            // send button: Studio saves the whole details form ("Save"), not this field (2026-12-01)
            send_button: None,
        },
        // comment and reply box under a video
        Surface {
            selector: "ytd-commentbox #contenteditable-root",
            platform: Platform::YoutubeComment,
            editor: EditorKind::ContentEditable,
            // send button: comment box "Comment"/"Reply" button (public automation scripts, 2026-12-01)
            send_button: Some(
                "ytd-commentbox #submit-button button, ytd-commentbox #submit-button",
            ),
        },
    ],
    // the reply context (YouTube web, Polymer components, 2026-12-01)
    reply: ReplyContext {
        containers: &[
            // comment reply box: the comment answered (Studio uses the same component)
            "ytd-comment-view-model",
            // older comment component
            "ytd-comment-renderer",
        ],
        name: &[
            // the commenter's channel name
            "#author-text",
        ],
        handle: &[
            // the same link shows "@handle"
            "#author-text",
        ],
        handle_links: &[],
        text: &[
            // the comment's text
            "#content-text",
        ],
    },
};
