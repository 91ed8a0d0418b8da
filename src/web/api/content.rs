//! Exports the content script's loader calls.

use crate::platform::Platform;
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
        .map_err(crate::web::error::boundary)?;
    // the popup shows the limit the badge counts with, as this tab reports it
    ext::report_tab_limit(site, &settings.count_options_on(instance_limit));
    Ok(())
}

/// Counts `text` for `platform` (an id such as `"x"`); returns the length report.
#[wasm_bindgen]
pub fn count(text: &str, platform: &str) -> Result<JsValue, JsValue> {
    let p = Platform::from_id(platform).ok_or_else(|| {
        crate::web::error::to_js_error(&crate::platform::UnknownPlatform(platform.to_string()))
    })?;
    // one string and the engine's own JSON.parse: cheaper than building the object field by
    // field through the wasm boundary (measured: slower in wasm, see BENCHMARKS.md)
    let mut json = String::with_capacity(256);
    crate::length::count(text, p).write_json(&mut json);
    js_sys::JSON::parse(&json).map_err(crate::web::error::boundary)
}
