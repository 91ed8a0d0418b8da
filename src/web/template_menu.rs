//! The background's template entries of the context menu: "Insert a template ›" (in editable
//! contexts) with the most used templates (`template::menu`), "Other templates…" that opens the
//! picker, and "Save the selection as a template" (in selection contexts), which writes the
//! template through the same path as a message from one of our pages (so the library's change
//! is announced to every open page and content script) before the library opens it for editing.
//!
//! What a click on a template does in the page (render with the page's context, insert, or open
//! the picker on it) is the content script's (`content/menu.rs`); the background loader only
//! forwards the click to the frame it came from. Menu titles come from `_locales`.

use crate::protocol::reply::menu_templates;
use crate::protocol::{Envelope, Request, Response};
use crate::store::Collection;
use crate::template::menu::{from_selection, menu_label, MENU_SIZE};
use crate::web::ext::{self, t};
use serde::Deserialize;

/// The parent entry's id; each template's entry is `PREFIX` + its id.
pub const PARENT: &str = "template-insert";
/// A template's entry id prefix.
pub const PREFIX: &str = "template-insert:";
/// "Other templates…": the picker.
pub const MORE: &str = "template-more";
/// "Save the selection as a template".
pub const SAVE: &str = "template-save-selection";

/// The template entries (JSON array for `contextMenus.create`), the most used templates of
/// the library now in the submenu.
pub async fn menus() -> String {
    let store = crate::web::background::idb::IdbStore;
    let listed = match menu_templates(&store, MENU_SIZE).await {
        Ok(listed) => listed,
        Err(e) => {
            web_sys::console::warn_2(
                &"Porte-voix: menu templates".into(),
                &crate::error::Coded::code(&e).into(),
            );
            Vec::new()
        }
    };
    let editable = ["editable"];
    let mut menus = vec![serde_json::json!({
        "id": PARENT, "title": t("menu_template_insert"), "contexts": editable,
    })];
    for found in &listed {
        menus.push(serde_json::json!({
            "id": format!("{PREFIX}{}", found.id),
            "parentId": PARENT,
            "title": menu_label(&found.title),
            "contexts": editable,
        }));
    }
    if !listed.is_empty() {
        menus.push(serde_json::json!({
            "id": "template-separator", "parentId": PARENT, "type": "separator", "contexts": editable,
        }));
    }
    menus.push(serde_json::json!({
        "id": MORE, "parentId": PARENT, "title": t("menu_template_more"), "contexts": editable,
    }));
    menus.push(serde_json::json!({
        "id": SAVE, "title": t("menu_template_save_selection"), "contexts": ["selection"],
    }));
    serde_json::Value::Array(menus).to_string()
}

/// The part of the browser's click information a save reads.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct ClickInfo {
    selection_text: Option<String>,
}

/// "Save the selection as a template": the template made of the click's selection, written
/// (idempotent by `request_id`). Resolves to `{"kind": "template_saved", "id"}` once committed,
/// or an error response's JSON (`reply.empty_selection` when the selection holds no words).
pub async fn save_selection(info_json: &str, request_id: &str) -> String {
    let info: ClickInfo = serde_json::from_str(info_json).unwrap_or_default();
    let now = js_sys::Date::now().max(0.0) as i64;
    let id = format!("t-{request_id}");
    let text = info.selection_text.unwrap_or_default();
    let Some(template) = from_selection(&id, &text, now) else {
        return error_json(&crate::protocol::reply::ReplyError::EmptySelection);
    };
    let body = match serde_json::to_value(&template) {
        Ok(body) => body,
        Err(e) => {
            return error_json(&crate::protocol::ProtocolError::Internal(e.to_string()));
        }
    };
    let envelope = Envelope::new(
        request_id,
        Request::StorePut {
            collection: Collection::Templates,
            id: id.clone(),
            expected_revision: None,
            body,
        },
    );
    let origin = ext::extension_origin();
    let sender = serde_json::json!({"tab_id": null, "url": format!("{origin}background.js")});
    let (Ok(message), sender) = (serde_json::to_string(&envelope), sender.to_string()) else {
        return error_json(&crate::protocol::ProtocolError::Internal("envelope".into()));
    };
    match crate::web::background::on_message(&message, &sender).await {
        Response::StoreSaved { .. } => {
            serde_json::json!({"kind": "template_saved", "id": id}).to_string()
        }
        other => serde_json::to_string(&other).unwrap_or_else(|e| {
            error_json(&crate::protocol::ProtocolError::Internal(e.to_string()))
        }),
    }
}

fn error_json(e: &dyn crate::error::Coded) -> String {
    serde_json::json!({"kind": "error", "code": e.code(), "message": e.to_string()}).to_string()
}
