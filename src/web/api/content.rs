//! Exports the content script's loader calls.

use crate::locale::Lang;
use crate::platform::Platform;
use crate::web::{content, ext};
use wasm_bindgen::prelude::*;

/// Content script: start following composers. `engine` is `"wasm"` or `"wasm2js"`.
#[wasm_bindgen]
pub async fn content_start(engine: String) -> Result<(), JsValue> {
    let settings = ext::load_settings().await;
    let site = content::page_site(&settings.mastodon_instances);
    let env = content::Env {
        engine,
        lang: Lang::from_tag(&ext::ui_language()),
        site,
    };
    content::start(env, &settings)?;
    // settings changed in the options page: count with them at once, no reload
    ext::on_storage_change(Box::new(|| {
        wasm_bindgen_futures::spawn_local(async {
            content::set_settings(&ext::load_settings().await);
        });
    }));
    // Mastodon: the first badge counts with the known limit (the user's, else the default);
    // the instance's own limit replaces it when its API answers
    if site.is_some_and(|s| s.id == "mastodon") {
        wasm_bindgen_futures::spawn_local(async {
            if let Some(limit) = ext::mastodon_instance_limit("").await {
                content::set_instance_limit(limit);
            }
        });
    }
    Ok(())
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

/// Content script: a message from the extension (`chrome.runtime.onMessage`), with its sender.
/// Today `{kind: "insert_text", text, cursor?, trigger?}`: inserts into the composer followed and
/// answers `{ok}` or `{ok: false, code}`; a sender that is not this extension is refused.
#[wasm_bindgen]
pub async fn content_message(message: JsValue, sender: JsValue) -> Result<JsValue, JsValue> {
    content::insert::handle(message, sender).await
}
