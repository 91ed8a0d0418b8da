//! The background (service worker in Chrome, event page in Firefox; no `window`): runs the core's
//! decision on each message and executes what it asks for — the tab state in `storage.session`,
//! records in IndexedDB (`idb`). It decides nothing itself.

pub mod idb;

use crate::protocol::{self, BackgroundState, Response, Sender};
use crate::web::ext;
use wasm_bindgen::prelude::*;

/// The `storage.session` key of the tab state (a JSON string, as older versions wrote it).
const STATE_KEY: &str = "background_state";

async fn load_state() -> BackgroundState {
    let stored = crate::web::error::log(
        "background: read the tab state",
        ext::session_get(STATE_KEY).await,
    );
    match stored.as_ref().and_then(|v| v.as_str()) {
        // a damaged state is logged and started afresh: it only names the open tabs
        Some(s) => serde_json::from_str(s)
            .map_err(|e| {
                web_sys::console::warn_1(&format!("Porte-voix: tab state unreadable: {e}").into());
            })
            .unwrap_or_default(),
        None => BackgroundState::default(),
    }
}

async fn save_state(state: &BackgroundState) -> Result<(), JsValue> {
    let json = serde_json::to_string(state)
        .map_err(|e| crate::web::error::WebError::Shape(e.to_string()))?;
    ext::session_set(STATE_KEY, &JsValue::from_str(&json)).await
}

/// Answers one message (`message_json`: an envelope; `sender_json`: who sent it, as the loader
/// read it from the browser). Always answers: failures are a [`Response::Error`] with a code.
pub async fn on_message(message_json: &str, sender_json: &str) -> Response {
    let env = match protocol::parse_request(message_json) {
        Ok(env) => env,
        Err(e) => return e.into(),
    };
    let mut sender: Sender = match serde_json::from_str(sender_json) {
        Ok(s) => s,
        Err(e) => return protocol::ProtocolError::Malformed(e.to_string()).into(),
    };
    // the origin comes from the browser, not from the message
    sender.extension_origin = Some(ext::extension_origin());
    let mut state = load_state().await;
    let now = js_sys::Date::now().max(0.0) as u64;
    let (response, changed) = protocol::serve(&mut state, &env, &sender, &idb::IdbStore, now).await;
    if protocol::reply::changes_triggers(&env.body, &response) {
        // content scripts watch this key and read the trigger list again
        let bumped =
            ext::local_set(protocol::reply::CHANGED_KEY, &JsValue::from_f64(now as f64)).await;
        let _ = crate::web::error::log("background: templates changed", bumped);
    }
    if changed {
        if let Err(e) = save_state(&state).await {
            return protocol::ProtocolError::Internal(crate::web::error::message_of(&e)).into();
        }
    }
    response
}

/// Forgets a closed tab.
pub async fn forget_tab(tab_id: i64) -> Result<(), JsValue> {
    let mut state = load_state().await;
    if protocol::forget_tab(&mut state, tab_id) {
        save_state(&state).await?;
    }
    Ok(())
}
