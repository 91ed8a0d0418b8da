//! The popup's capture block: whether the current page is already in the backlog, a one-click
//! "save this page", the small form (tags, note, networks, state), and a link to the backlog.
//! The page is read by the popup loader's collector (`extension/collect.js`, activeTab) and
//! captured through the same request as the context menu.

use crate::backlog::State;
use crate::protocol::backlog::{CaptureForm, CaptureRequest};
use crate::protocol::{Request, Response};
use crate::web::ext::{self, t, t_with};
use crate::web::pages::el;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// Calls a helper the popup's loader put on the global object, and awaits it.
async fn helper(name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &name.into())?.dyn_into()?;
    let array: js_sys::Array = args.iter().collect();
    let value = f.apply(&JsValue::NULL, &array)?;
    JsFuture::from(js_sys::Promise::resolve(&value)).await
}

fn value_of(doc: &Document, id: &str) -> String {
    let Some(e) = doc.get_element_by_id(id) else {
        return String::new();
    };
    if let Some(i) = e.dyn_ref::<HtmlInputElement>() {
        return i.value();
    }
    if let Some(a) = e.dyn_ref::<HtmlTextAreaElement>() {
        return a.value();
    }
    e.dyn_ref::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// Adds the capture block to the popup's `main`.
pub async fn draw(doc: &Document, main: &Element) -> Result<(), JsValue> {
    let section = el(
        doc,
        "section",
        &[("id", "capture"), ("aria-labelledby", "capture-title")],
        None,
    )?;
    section.append_child(&*el(
        doc,
        "h2",
        &[("id", "capture-title")],
        Some(&t("capture_title")),
    )?)?;
    let known = el(
        doc,
        "p",
        &[("id", "capture-known"), ("role", "status")],
        None,
    )?;
    section.append_child(&known)?;
    let save = el(
        doc,
        "button",
        &[("type", "button"), ("id", "capture-save")],
        Some(&t("capture_save")),
    )?;
    section.append_child(&save)?;
    let details = el(doc, "details", &[], None)?;
    details.append_child(&*el(doc, "summary", &[], Some(&t("capture_more")))?)?;
    for (id, key, tag) in [
        ("capture-tags", "backlog_field_tags", "input"),
        ("capture-note", "backlog_field_note", "textarea"),
    ] {
        let p = el(doc, "p", &[], None)?;
        p.append_child(&*el(doc, "label", &[("for", id)], Some(&t(key)))?)?;
        p.append_child(&*el(doc, tag, &[("id", id)], None)?)?;
        details.append_child(&p)?;
    }
    let p = el(doc, "p", &[], None)?;
    p.append_child(&*el(
        doc,
        "label",
        &[("for", "capture-state")],
        Some(&t("backlog_field_state")),
    )?)?;
    let state = el(doc, "select", &[("id", "capture-state")], None)?;
    for s in [State::Idea, State::Draft] {
        state.append_child(&*el(
            doc,
            "option",
            &[("value", s.id())],
            Some(&t(&format!("backlog_state_{}", s.id()))),
        )?)?;
    }
    p.append_child(&state)?;
    details.append_child(&p)?;
    let p = el(doc, "p", &[], None)?;
    p.append_child(&*el(
        doc,
        "label",
        &[("for", "capture-networks")],
        Some(&t("capture_networks")),
    )?)?;
    p.append_child(&*el(
        doc,
        "input",
        &[
            ("id", "capture-networks"),
            ("placeholder", "x, bluesky, mastodon"),
        ],
        None,
    )?)?;
    details.append_child(&p)?;
    section.append_child(&details)?;
    let open = el(
        doc,
        "a",
        &[
            ("id", "open-backlog"),
            ("href", "backlog.html"),
            ("target", "_blank"),
        ],
        Some(&t("capture_open_backlog")),
    )?;
    section.append_child(&open)?;
    main.append_child(&section)?;

    let tab = helper("porteVoixActiveTab", &[])
        .await
        .unwrap_or(JsValue::NULL);
    let url = js_sys::Reflect::get(&tab, &"url".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|u| u.starts_with("http"));
    let Some(url) = url else {
        known.set_text_content(Some(&t("capture_not_a_page")));
        save.set_attribute("disabled", "")?;
        return Ok(());
    };
    if let Ok(Response::BacklogFound { found: Some(f) }) =
        ext::send(&Request::BacklogFind { url }).await
    {
        known.set_text_content(Some(&t_with(
            "capture_already",
            &[&f.title, &t(&format!("backlog_state_{}", f.state.id()))],
        )));
    }
    let doc2 = doc.clone();
    let click = Closure::<dyn FnMut()>::new(move || {
        let doc = doc2.clone();
        let tab = tab.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let known = doc.get_element_by_id("capture-known");
            let say = |text: &str| {
                if let Some(k) = &known {
                    k.set_text_content(Some(text));
                }
            };
            let collected = helper("porteVoixReadTab", &[tab])
                .await
                .map(|v| ext::to_json(&v))
                .unwrap_or_default();
            let mut req: CaptureRequest = serde_json::from_value(collected).unwrap_or_default();
            req.form = CaptureForm {
                tags: value_of(&doc, "capture-tags")
                    .split(',')
                    .map(str::to_string)
                    .collect(),
                note: value_of(&doc, "capture-note"),
                networks: value_of(&doc, "capture-networks")
                    .split(',')
                    .filter_map(|n| {
                        crate::platform::Platform::from_id(n.trim().to_lowercase().as_str())
                    })
                    .collect(),
                state: State::from_id(&value_of(&doc, "capture-state")),
            };
            match ext::send(&Request::Capture(req)).await {
                Ok(Response::Captured { captured }) => say(&t_with(
                    if captured.merged {
                        "capture_merged"
                    } else {
                        "capture_saved"
                    },
                    &[&captured.title],
                )),
                Ok(Response::Error { code, message }) => say(&super::error_text(&code, &message)),
                _ => say(&t("error_protocol_internal")),
            }
        });
    });
    save.dyn_ref::<web_sys::HtmlElement>()
        .ok_or(crate::web::error::WebError::Missing("button"))?
        .set_onclick(Some(click.as_ref().unchecked_ref()));
    click.forget();
    Ok(())
}
