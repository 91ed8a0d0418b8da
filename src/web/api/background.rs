//! Exports the background's loader calls.

use wasm_bindgen::prelude::*;

/// Background: answers one message. `message_json` is the envelope as received, `sender_json`
/// `{"tab_id", "url", "instances"}` as the loader read them from the browser. Resolves to the
/// response's JSON; never rejects (failures are `{"kind": "error", "code", "message"}`).
#[wasm_bindgen]
pub async fn background_message(message_json: String, sender_json: String) -> String {
    let response = crate::web::background::on_message(&message_json, &sender_json).await;
    serde_json::to_string(&response).unwrap_or_else(|e| {
        format!(
            r#"{{"kind":"error","code":"protocol.internal","message":{:?}}}"#,
            e.to_string()
        )
    })
}

/// Background: a tab was closed; forgets it.
#[wasm_bindgen]
pub async fn background_forget_tab(tab_id: f64) -> Result<(), JsValue> {
    crate::web::background::forget_tab(tab_id as i64)
        .await
        .map_err(crate::web::error::boundary)
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

/// Background: installs the starter templates never installed before (on install and update;
/// a deleted one is not re-added). Resolves to how many were added.
#[wasm_bindgen]
pub async fn background_install_starter() -> Result<u32, JsValue> {
    let now = js_sys::Date::now().max(0.0) as u64;
    crate::protocol::templates::install_starter(&crate::web::background::idb::IdbStore, now)
        .await
        .map_err(|e| crate::web::error::to_js_error(&e))
}

/// Background: the context menu's capture entries (JSON array for `contextMenus.create`).
#[wasm_bindgen]
pub fn background_capture_menus() -> String {
    crate::web::capture::menus()
}

/// Background: what the page collector reads (`{"meta": [...], "links": [...]}`).
#[wasm_bindgen]
pub fn background_capture_sources() -> String {
    crate::web::capture::sources()
}

/// Background: captures what the user clicked (see `web::capture::capture`); resolves to the
/// response's JSON (`{"kind": "captured", ...}` once committed, or an error with its code).
#[wasm_bindgen]
pub async fn background_capture(
    collected_json: String,
    info_json: String,
    form_json: String,
    request_id: String,
) -> String {
    let response =
        crate::web::capture::capture(&collected_json, &info_json, &form_json, &request_id).await;
    serde_json::to_string(&response).unwrap_or_else(|e| {
        format!(
            r#"{{"kind":"error","code":"protocol.internal","message":{:?}}}"#,
            e.to_string()
        )
    })
}

/// Background: the context menu's template entries (JSON array for `contextMenus.create`):
/// "Insert a template" with the most used templates of the library now, and "Save the
/// selection as a template".
#[wasm_bindgen]
pub async fn background_template_menus() -> String {
    crate::web::template_menu::menus().await
}

/// Background: "Save the selection as a template" (`info_json`: the click information).
/// Resolves to `{"kind": "template_saved", "id"}` once committed, or an error's JSON.
#[wasm_bindgen]
pub async fn background_save_selection(info_json: String, request_id: String) -> String {
    crate::web::template_menu::save_selection(&info_json, &request_id).await
}
