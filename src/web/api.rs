//! Every `#[wasm_bindgen]` export, grouped by the context whose JS loader calls it. Errors cross as
//! JS `Error`s; a panic is reported through the hook installed by [`install_panic_hook`].

use super::ext;
use crate::platform::Platform;
use crate::protocol::{self, BackgroundState, Sender};
use wasm_bindgen::prelude::*;

/// The crate's version, shown by the popup and checked by the tests.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Installs a panic hook that logs the panic and calls `notify(message)` once, so the loader can
/// tell the user instead of failing silently.
#[wasm_bindgen]
pub fn install_panic_hook(notify: js_sys::Function) {
    std::panic::set_hook(Box::new(move |info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&format!("Porte-voix: {message}")));
        let _ = notify.call1(&JsValue::NULL, &JsValue::from_str(&message));
    }));
}

/// Content script: start following composers. `engine` is `"wasm"` or `"wasm2js"`.
#[wasm_bindgen]
pub async fn content_start(engine: String) -> Result<(), JsValue> {
    let settings = ext::load_settings().await;
    let site = super::content::page_site(&settings.mastodon_instances);
    // the instance's own limit, read once: the user may clear theirs later
    let instance_limit = if site.map(|s| s.id) == Some("mastodon") {
        ext::mastodon_instance_limit("").await
    } else {
        None
    };
    super::content::start(&engine, site, &settings, instance_limit)
}

/// Counts `text` for `platform` (an id such as `"x"`); returns the length report.
#[wasm_bindgen]
pub fn count(text: &str, platform: &str) -> Result<JsValue, JsValue> {
    let p = Platform::from_id(platform).ok_or_else(|| {
        let e = js_sys::Error::new(&format!("unknown platform {platform:?}"));
        e.set_name("PorteVoixError");
        let _ = js_sys::Reflect::set(&e, &"code".into(), &"platform.unknown".into());
        JsValue::from(e)
    })?;
    // one string and the engine's own JSON.parse: cheaper than building the object field by
    // field through the wasm boundary (measured: slower in wasm, see BENCHMARKS.md)
    let mut json = String::with_capacity(256);
    crate::length::count(text, p).write_json(&mut json);
    js_sys::JSON::parse(&json)
}

/// Background: decides on one message. Takes the stored state, the message and its sender as
/// JSON; returns `{"response": …, "state": …}` where `state` is present only when it changed.
#[wasm_bindgen]
pub fn background_handle(state_json: &str, message_json: &str, sender_json: &str) -> String {
    let mut state: BackgroundState = serde_json::from_str(state_json).unwrap_or_default();
    let sender: Sender = serde_json::from_str(sender_json).unwrap_or_default();
    let (response, changed) = match protocol::parse_request(message_json) {
        Ok(env) => protocol::handle(&mut state, &env, &sender),
        Err(e) => (e.into(), false),
    };
    let mut out = serde_json::json!({ "response": response });
    if changed {
        out["state"] = serde_json::to_value(&state).unwrap_or_default();
    }
    out.to_string()
}

/// Background: a tab was closed. Returns the new state JSON, or `undefined` when unchanged.
#[wasm_bindgen]
pub fn background_forget_tab(state_json: &str, tab_id: f64) -> Option<String> {
    let mut state: BackgroundState = serde_json::from_str(state_json).unwrap_or_default();
    protocol::forget_tab(&mut state, tab_id as i64)
        .then(|| serde_json::to_string(&state).unwrap_or_default())
}

/// Background: which Mastodon instances to serve, from the stored settings (JSON, any schema)
/// and the origins the browser grants (`permissions.getAll().origins`, JSON). Returns
/// `{"hosts": [...], "matches": [...]}`: the hosts, and the content script's match patterns.
#[wasm_bindgen]
pub fn background_instances(settings_json: &str, granted_json: &str) -> String {
    let stored: serde_json::Value = serde_json::from_str(settings_json).unwrap_or_default();
    let granted: Vec<String> = serde_json::from_str(granted_json).unwrap_or_default();
    let settings = crate::settings::Settings::from_stored(&stored);
    let hosts = crate::instances::served(&settings.mastodon_instances, &granted);
    let matches: Vec<String> = hosts
        .iter()
        .map(|h| crate::instances::origin_pattern(h))
        .collect();
    serde_json::json!({ "hosts": hosts, "matches": matches }).to_string()
}

/// Popup: draws the popup into `#app`.
#[wasm_bindgen]
pub async fn popup_main() -> Result<(), JsValue> {
    super::pages::popup().await
}

/// Options page: draws the settings form into `#app`.
#[wasm_bindgen]
pub async fn options_main() -> Result<(), JsValue> {
    super::pages::options().await
}
