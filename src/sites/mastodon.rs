//! Mastodon: the web composer is a React textarea; each instance may raise the 500 limit; the
//! content warning, when the toggle shows it, counts with the text.

use super::{CompanionField, EditorKind, ReplyContext, Site, Surface};
use crate::platform::Platform;

pub const SITE: Site = Site {
    id: "mastodon",
    name: "Mastodon",
    hosts: &["mastodon.social"],
    default_platform: Platform::Mastodon,
    // present only while the CW toggle is on; its text posts (and counts) with the status
    content_warning: Some(CompanionField {
        form: ".compose-form",
        field: "input.spoiler-input__input, .spoiler-input input, .compose-form__spoiler input",
    }),
    surfaces: &[
        // the compose form and reply forms
        Surface {
            selector: "textarea.autosuggest-textarea__textarea",
            platform: Platform::Mastodon,
            editor: EditorKind::TextField,
            // send button: "Publish"/"Toot" button of the compose form (mastodon/mastodon compose_form.jsx, 2026-12-01)
            send_button: Some(
                ".compose-form__submit button, .compose-form__publish-button-wrapper button",
            ),
        },
    ],
    // the reply context (Mastodon web, mastodon/mastodon app/javascript components, 2026-12-01)
    reply: ReplyContext {
        containers: &[
            // reply: the status answered, shown in the compose form above the textarea
            ".reply-indicator",
            // thread and timeline: the status
            ".status",
            // detailed status view
            ".detailed-status",
        ],
        name: &[
            // status and reply indicator: display name
            ".display-name__html",
        ],
        handle: &[
            // status and reply indicator: "@user@instance"
            ".display-name__account",
        ],
        handle_links: &[],
        text: &[
            // reply indicator text
            ".reply-indicator__content",
            // status text (carries the status's lang attribute)
            ".status__content",
        ],
    },
};
