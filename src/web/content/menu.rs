//! A template chosen in the browser's context menu (the background forwards the click to this
//! frame's content script): the same path as the picker's. The template is rendered by the
//! background with this page's context (the commenter's first name…) for the composer's
//! platform — the content script asks for that one render, never for the library — then
//! inserted by the insertion layer (read back, the clipboard and a notice when it cannot be
//! verified), and its use is recorded. A template with fill-in fields or choices is not inserted
//! blind: the picker opens on it, to ask them. "Other templates…" opens the picker.

use super::features::triggers::page_context;
use super::{insert, picker, session};
use crate::error::Coded;
use crate::insert::InsertError;
use crate::protocol::page::{self, PageAnswer};
use crate::protocol::reply::{Filled, RenderRequest, ReplyError};
use crate::web::ext;
use wasm_bindgen::prelude::*;

/// `{kind: "menu_template", id}` from the extension, with its sender: see the module.
pub async fn handle(message: JsValue, sender: JsValue) -> Result<JsValue, JsValue> {
    insert::check_sender(&sender)?;
    let id = js_sys::Reflect::get(&message, &"id".into())
        .ok()
        .and_then(|v| v.as_string());
    let answer = js_sys::Object::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&answer, &k.into(), &v);
    let Some(id) = id else {
        // "Other templates…"
        picker::open_on(None)?;
        set("ok", JsValue::TRUE)?;
        set("picker", JsValue::TRUE)?;
        return Ok(answer.into());
    };
    match run(&id).await {
        Ok(Done::Inserted) => set("ok", JsValue::TRUE)?,
        Ok(Done::Picker) => {
            set("ok", JsValue::TRUE)?;
            set("picker", JsValue::TRUE)?
        }
        Err(code) => {
            set("ok", JsValue::FALSE)?;
            set("code", code.into())?
        }
    };
    Ok(answer.into())
}

enum Done {
    Inserted,
    Picker,
}

/// Renders template `id` for the composer followed and inserts it, or opens the picker on it.
async fn run(id: &str) -> Result<Done, &'static str> {
    let Some((host, _, _)) = session::current() else {
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            insert::notice::show(&body, &InsertError::NoComposer);
        }
        return Err(InsertError::NoComposer.code());
    };
    let request = RenderRequest {
        id: Some(id.to_string()),
        trigger: None,
        context: page_context(&host),
        platform: session::platform_of(&host),
        values: Filled::default(),
    };
    let envelope = page::render_json(&ext::request_id(), &request);
    let answer = match ext::send_page(&envelope)
        .await
        .map(|a| PageAnswer::read_from(&a))
    {
        Ok(PageAnswer::Rendered(a)) => a,
        Ok(PageAnswer::Error(code)) if code == ReplyError::UnknownTemplate.code() => {
            insert::notice::show(&host, &ReplyError::UnknownTemplate);
            return Err(ReplyError::UnknownTemplate.code());
        }
        Ok(_) => return Err("protocol.internal"),
        Err(e) => {
            web_sys::console::warn_2(&"Porte-voix: menu render".into(), &e);
            return Err("protocol.internal");
        }
    };
    if !answer.errors.is_empty() {
        insert::notice::show(&host, &ReplyError::TemplateInvalid);
        return Err(ReplyError::TemplateInvalid.code());
    }
    // fill-in fields and choices are asked in the picker, never guessed
    if !answer.fields.is_empty() || answer.choices.iter().any(|c| c.len() > 1) {
        picker::open_on(Some(answer.id.clone())).map_err(|e| {
            web_sys::console::warn_2(&"Porte-voix: menu picker".into(), &e);
            "protocol.internal"
        })?;
        return Ok(Done::Picker);
    }
    insert::insert(&answer.text, answer.cursor, None)
        .await
        .map_err(|e| e.code())?;
    let used = page::template_used_json(&ext::request_id(), &answer.id);
    if let Err(e) = ext::send_page(&used).await {
        web_sys::console::warn_2(&"Porte-voix: template used".into(), &e);
    }
    Ok(Done::Inserted)
}
