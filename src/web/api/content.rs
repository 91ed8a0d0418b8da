//! Exports the content script's loader calls.

use crate::web::ext;
use wasm_bindgen::prelude::*;

/// Content script: start following composers. `engine` is `"wasm"` or `"wasm2js"`.
#[wasm_bindgen]
pub async fn content_start(engine: String) -> Result<(), JsValue> {
    let settings = ext::load_settings().await;
    let site = crate::web::content::page_site(&settings.mastodon_instances);
    // the instance's own limit, read once: the user may clear theirs later
    let instance_limit = if site.map(|s| s.id) == Some("mastodon") {
        ext::mastodon_instance_limit("").await
    } else {
        None
    };
    crate::web::content::start(&engine, site, &settings, instance_limit)
}
