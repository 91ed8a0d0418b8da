//! X (formerly Twitter): posts, replies and quotes share one Draft.js composer and one rule.

use super::{EditorKind, ReplyContext, Site, Surface};
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
    // the reply context (X web; selectors from public automation scripts, 2026-12-01, not seen live)
    reply: ReplyContext {
        containers: &[
            // reply and quote: the post answered, above the composer or in the modal
            "article[data-testid=\"tweet\"]",
            // DM: the messages of the conversation, the last one before the composer
            "[data-testid=\"messageEntry\"]",
        ],
        name: &[
            // post: the name block, first child of User-Name (the second holds handle and time)
            "[data-testid=\"User-Name\"] > :first-child",
        ],
        handle: &[
            // post: "@handle · 3 h" in User-Name
            "[data-testid=\"User-Name\"]",
        ],
        handle_links: &[],
        text: &[
            // post and DM text (carries the post's lang attribute)
            "[data-testid=\"tweetText\"]",
        ],
    },
};
