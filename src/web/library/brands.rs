//! The brand's name per network (`{{marque}}`/`{{brand}}`), kept in the settings and used by the
//! preview and the lengths at once.

use super::{el, on, preview, Ui};
use crate::template::view::REPLY_NETWORKS;
use crate::web::error::log;
use crate::web::ext::{self, t};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// Builds the brand names' form.
pub(super) fn build(ui: &Ui) -> Result<Element, JsValue> {
    let doc = &ui.doc;
    let section = el(doc, "details", &[("class", "brands")], None)?;
    section.append_child(&*el(doc, "summary", &[], Some(&t("library_brands_title")))?)?;
    let form = el(doc, "form", &[("id", "brands"), ("novalidate", "")], None)?;
    form.append_child(&*el(
        doc,
        "p",
        &[("class", "muted")],
        Some(&t("library_brands_hint")),
    )?)?;
    let settings = ui.data.borrow().settings.clone();
    let mut inputs = Vec::new();
    for p in REPLY_NETWORKS {
        let id = format!("brand-{}", p.id());
        let row = el(doc, "div", &[("class", "row")], None)?;
        row.append_child(&*el(
            doc,
            "label",
            &[("for", &id)],
            Some(&t(&super::list::network_key(p))),
        )?)?;
        let input: HtmlInputElement = el(
            doc,
            "input",
            &[("type", "text"), ("id", &id), ("maxlength", "100")],
            None,
        )?
        .dyn_into()?;
        input.set_value(settings.brands.get(p.id()).map_or("", String::as_str));
        row.append_child(&input)?;
        form.append_child(&row)?;
        inputs.push((p, input));
    }
    form.append_child(&*el(
        doc,
        "button",
        &[("type", "submit")],
        Some(&t("library_brands_save")),
    )?)?;
    let status = el(
        doc,
        "p",
        &[("id", "brands-status"), ("role", "status")],
        None,
    )?;
    form.append_child(&status)?;
    section.append_child(&form)?;
    let u = ui.clone();
    on(&form, "submit", move |e: web_sys::Event| {
        e.prevent_default();
        let brands: std::collections::BTreeMap<String, String> = inputs
            .iter()
            .map(|(p, i)| (p.id().to_string(), i.value().trim().to_string()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let (u, status) = (u.clone(), status.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let next = crate::settings::Settings {
                brands,
                ..ext::load_settings().await
            };
            let ok = log("library: brands", ext::save_settings(&next).await).is_some();
            status.set_text_content(Some(&t(if ok {
                "library_brands_saved"
            } else {
                "options_save_failed"
            })));
            u.data.borrow_mut().settings = next;
            log(
                "library: preview",
                preview::update(&u, &super::editor::collect(&u)),
            );
        });
    })?;
    Ok(section)
}
