//! Bluesky: the web composer is TipTap (ProseMirror).

use super::{EditorKind, Site, Surface};
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
};
