//! Exports the content script's loader calls.

use crate::locale::Lang;
use crate::web::{content, ext};
use wasm_bindgen::prelude::*;

/// Content script: start following composers. `engine` is `"wasm"` or `"wasm2js"`; `stored` is
/// what `storage.local` holds under `settings` (read by the loader while the engine loaded;
/// `undefined` when nothing is stored: the defaults).
#[wasm_bindgen]
pub async fn content_start(engine: String, stored: JsValue) -> Result<(), JsValue> {
    let settings = crate::settings::Settings::read(&crate::web::js_json::JsJson(stored));
    let site = content::page_site(&settings.mastodon_instances);
    let env = content::Env {
        engine,
        lang: Lang::from_tag(&ext::ui_language()),
        site,
    };
    content::start(env, &settings).map_err(crate::web::error::boundary)?;
    // the popup shows the limit the badge counts with, as this tab reports it
    content::report_limit();
    // settings changed in the options page: count with them at once, no reload
    ext::on_storage_change(Box::new(|| {
        wasm_bindgen_futures::spawn_local(async {
            content::set_settings(&ext::load_settings().await);
        });
    }))?;
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

/// Content script: a message from the extension (`chrome.runtime.onMessage`), with its sender.
/// Today `{kind: "insert_text", text, cursor?, trigger?}`: inserts into the composer followed and
/// answers `{ok}` or `{ok: false, code}`; a sender that is not this extension is refused.
#[wasm_bindgen]
pub async fn content_message(message: JsValue, sender: JsValue) -> Result<JsValue, JsValue> {
    content::insert::handle(message, sender).await
}

/// Content script: `{kind: "open_picker" | "close_picker"}` from the extension (the keyboard
/// command through the background, or the picker's frame), with its sender.
#[wasm_bindgen]
pub fn content_picker(message: JsValue, sender: JsValue) -> Result<JsValue, JsValue> {
    content::picker::handle(&message, &sender)
}

/// Content script: `{kind: "menu_template", id}` from the background (a template chosen in the
/// context menu; `id` null for "Other templates…"), with its sender. Answers `{ok}`,
/// `{ok: false, code}`, or `{ok: true, picker: true}` when the picker opened on the template.
#[wasm_bindgen]
pub async fn content_menu(message: JsValue, sender: JsValue) -> Result<JsValue, JsValue> {
    content::menu::handle(message, sender).await
}
