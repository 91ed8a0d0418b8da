//! Exports the background's loader calls.

use crate::protocol::{self, BackgroundState, Sender};
use wasm_bindgen::prelude::*;

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
