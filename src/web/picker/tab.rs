//! The picker's way to the content script of its own tab (top frame): `chrome.tabs.sendMessage`
//! where the frame has the `tabs` API (Chrome), else through the background (`picker_relay`,
//! Firefox). Nothing else talks to the tab from the frame.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = getCurrent)]
    fn tabs_get_current() -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = sendMessage)]
    fn tabs_send_message(tab: f64, message: &JsValue, options: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "runtime"], js_name = sendMessage)]
    fn runtime_send_message(message: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Whether this frame has the `tabs` API: Chrome gives it to an extension frame inside a page,
/// Firefox does not.
fn has_tabs() -> bool {
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
    get(&js_sys::global(), "chrome")
        .and_then(|c| get(&c, "tabs"))
        .is_some_and(|t| t.is_object())
}

/// Sends `message` to the content script of the tab this frame is in (its top frame): directly,
/// or, without the `tabs` API (Firefox), through the background (`picker_relay`, which sends it
/// to the tab the frame is in and nowhere else).
pub(super) async fn to_tab(message: &serde_json::Value) -> Result<JsValue, JsValue> {
    if !has_tabs() {
        let relay = serde_json::json!({"kind": "picker_relay", "message": message});
        let relay = js_sys::JSON::parse(&relay.to_string())?;
        return JsFuture::from(runtime_send_message(&relay)?).await;
    }
    let tab = JsFuture::from(tabs_get_current()).await?;
    let id = js_sys::Reflect::get(&tab, &"id".into())?
        .as_f64()
        .ok_or("no tab")?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"frameId".into(), &0.into())?;
    let message = js_sys::JSON::parse(&message.to_string())?;
    JsFuture::from(tabs_send_message(id, &message, &options)).await
}
