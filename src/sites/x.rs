//! X (formerly Twitter): posts, replies and quotes share one Draft.js composer and one rule.

use super::{EditorKind, Site, Surface};
use crate::platform::Platform;

pub const SITE: Site = Site {
    id: "x",
    name: "X",
    hosts: &["x.com", "twitter.com"],
    default_platform: Platform::X,
    content_warning: None,
    surfaces: &[
        // post, reply and quote composer (tweetTextarea_0, _1… for thread items)
        Surface {
            selector: "[data-testid^=\"tweetTextarea_\"]",
            platform: Platform::X,
            editor: EditorKind::DraftJs,
            // send button: "Post"/"Reply" button of the inline and modal composers (public automation scripts, 2026-12-01)
            send_button: Some("[data-testid=\"tweetButtonInline\"], [data-testid=\"tweetButton\"]"),
        },
    ],
};
