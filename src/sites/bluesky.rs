//! Bluesky: the web composer is TipTap (ProseMirror).

use super::{EditorKind, ReplyContext, Site, Surface};
use crate::platform::Platform;

pub const SITE: Site = Site {
    id: "bluesky",
    name: "Bluesky",
    hosts: &["bsky.app"],
    default_platform: Platform::Bluesky,
    content_warning: None,
    surfaces: &[
        // post and reply composer
        Surface {
            selector: ".ProseMirror",
            platform: Platform::Bluesky,
            editor: EditorKind::ProseMirror,
            // send button: "Post" button of the composer dialog (bluesky-social/social-app, 2026-12-01)
            send_button: Some("[data-testid=\"composerPublishBtn\"]"),
        },
    ],
    // the reply context (Bluesky web, bluesky-social/social-app test ids, 2026-12-01, not seen live)
    reply: ReplyContext {
        containers: &[
            // reply dialog: the post answered, above the composer
            "[data-testid=\"replyToPost\"]",
            // thread view: the post
            "[data-testid^=\"postThreadItem-by-\"]",
            // feed: the post
            "[data-testid^=\"feedItem-by-\"]",
        ],
        name: &[
            // the author's display name
            "[data-testid=\"postAuthorName\"]",
            // the author's profile link (first with text)
            "a[href^=\"/profile/\"]",
        ],
        handle: &[
            // "@handle" next to the name
            "[data-testid=\"postAuthorHandle\"]",
            "a[href^=\"/profile/\"]",
        ],
        handle_links: &[],
        text: &[
            // the post's text
            "[data-testid=\"postText\"]",
            "[data-word-wrap=\"1\"]",
        ],
    },
};
