//! The background's side of a capture: the context menu's entries (page, selection, link,
//! image), what the page collector must read (the core's lists), and turning what it read plus
//! the browser's click information into the core's capture request, served like any message.
//! The injection itself (`scripting.executeScript` with `extension/collect.js`, on the tab the
//! user acted on: `activeTab`) and the badge are the background loader's few lines.

use crate::protocol::backlog::CaptureRequest;
use crate::protocol::{self, BackgroundState, Envelope, Request, Response, Sender};
use crate::web::ext::{self, t};
use serde::Deserialize;

/// The context menu's entries: id, title key, the contexts it shows in.
const MENUS: &[(&str, &str, &[&str])] = &[
    ("capture-page", "capture_menu_page", &["page"]),
    (
        "capture-selection",
        "capture_menu_selection",
        &["selection"],
    ),
    ("capture-link", "capture_menu_link", &["link"]),
    ("capture-image", "capture_menu_image", &["image"]),
];

/// The menus to create, as `chrome.contextMenus.create` takes them (JSON array).
pub fn menus() -> String {
    let list: Vec<serde_json::Value> = MENUS
        .iter()
        .map(|(id, key, contexts)| serde_json::json!({"id": id, "title": t(key), "contexts": contexts}))
        .collect();
    serde_json::Value::Array(list).to_string()
}

/// What the collector reads: `{"meta": [...], "links": [...]}` (the core's lists).
pub fn sources() -> String {
    serde_json::json!({
        "meta": crate::capture::candidates::meta_keys(),
        "links": crate::capture::candidates::link_rels(),
    })
    .to_string()
}

/// The browser's click information (`contextMenus.OnClickData`, or a command's stand-in).
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct ClickInfo {
    menu_item_id: String,
    selection_text: Option<String>,
    link_url: Option<String>,
    src_url: Option<String>,
    page_url: Option<String>,
}

/// The capture request for a click: the page's candidates, adjusted for what was clicked (a
/// link is captured as its own page; a clicked image comes first among the image candidates;
/// the browser's selection text when the page collector could not read one).
fn request_for(collected: serde_json::Value, info: &ClickInfo) -> CaptureRequest {
    let mut req: CaptureRequest = serde_json::from_value(collected).unwrap_or_default();
    let c = &mut req.candidates;
    if c.page_url.is_empty() {
        c.page_url = info.page_url.clone().unwrap_or_default();
    }
    match info.menu_item_id.as_str() {
        "capture-link" => {
            if let Some(link) = &info.link_url {
                // only the link is known: its own page's metadata is not ours to read
                let selection = info.selection_text.clone();
                req = CaptureRequest::default();
                req.candidates.page_url = link.clone();
                req.candidates.selection = selection;
            }
        }
        "capture-image" => {
            if let Some(src) = &info.src_url {
                c.meta.insert(
                    0,
                    crate::capture::candidates::Meta {
                        key: "og:image".into(),
                        content: src.clone(),
                    },
                );
            }
        }
        "capture-page" => c.selection = None,
        _ => {}
    }
    if req.candidates.selection.is_none() && info.menu_item_id == "capture-selection" {
        req.candidates.selection = info.selection_text.clone();
    }
    req
}

/// Captures what the user clicked: `collected_json` is the collector's answer (or `null` when
/// the page could not be read: then the tab's address and title), `info_json` the click
/// information, `form_json` the small form (or `null`). Served through the same path as a
/// message from one of our pages; the answer is the response's JSON.
pub async fn capture(
    collected_json: &str,
    info_json: &str,
    form_json: &str,
    request_id: &str,
) -> Response {
    let collected: serde_json::Value = serde_json::from_str(collected_json).unwrap_or_default();
    let info: ClickInfo = serde_json::from_str(info_json).unwrap_or_default();
    let mut req = request_for(collected, &info);
    if let Ok(form) = serde_json::from_str(form_json) {
        req.form = form;
    }
    let origin = ext::extension_origin();
    let sender = Sender {
        url: Some(format!("{origin}background")),
        extension_origin: Some(origin),
        ..Sender::default()
    };
    let env = Envelope::new(request_id, Request::Capture(req));
    let now = js_sys::Date::now().max(0.0) as u64;
    let mut state = BackgroundState::default();
    let store = crate::web::background::idb::IdbStore;
    protocol::serve(&mut state, &env, &sender, &store, now)
        .await
        .0
}
