//! The extension's own pages, drawn from Rust: the popup (which network this tab is, how it is
//! counted, which engine the page runs) and the options page (counting settings).
//!
//! Text goes in with `textContent` only; every label comes from `_locales`. The pages' virtualised
//! list (template library, backlog) is `pages/virtual_list.rs`.

pub(in crate::web) mod virtual_list;

use super::error::{log, WebError};
use super::ext::{self, t, t_with};
use crate::error::{message_key, Coded};
use crate::protocol::{Engine, Request, Response, TabInfo};
use crate::settings::Settings;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| WebError::Missing("document").into())
}

/// A `<section>` (with `attrs`) named by its `<h2 id=heading_id>`, which reads `heading`.
pub(super) fn titled_section(
    doc: &Document,
    attrs: &[(&str, &str)],
    heading_id: &str,
    heading: &str,
) -> Result<Element, JsValue> {
    let section = el(doc, "section", attrs, None)?;
    section.set_attribute("aria-labelledby", heading_id)?;
    section.append_child(&*el(doc, "h2", &[("id", heading_id)], Some(heading))?)?;
    Ok(section)
}

/// Creates `<tag>` with attributes and text.
pub(super) fn el(
    doc: &Document,
    tag: &str,
    attrs: &[(&str, &str)],
    text: Option<&str>,
) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    for (k, v) in attrs {
        e.set_attribute(k, v)?;
    }
    if let Some(text) = text {
        e.set_text_content(Some(text));
    }
    Ok(e)
}

fn app_root(doc: &Document, title_key: &str) -> Result<Element, JsValue> {
    if let Some(html) = doc.document_element() {
        // the language of the text the browser serves, whatever the browser's own
        html.set_attribute("lang", &ext::ui_language())?;
    }
    doc.set_title(&t(title_key));
    doc.get_element_by_id("app")
        .ok_or_else(|| WebError::Missing("#app").into())
}

/// A platform's rule in a few words: "weighted count, limit 280".
fn rule_line(limit: u32, unit: crate::platform::Unit) -> String {
    let unit = unit.id();
    let lang = ext::ui_lang();
    t_with(
        "popup_rule",
        &[
            &t(&format!("unit_{unit}")),
            &crate::locale::group_digits(limit.into(), lang),
        ],
    )
}

/// A link to the template library page (a new tab).
fn library_link(doc: &Document) -> Result<Element, JsValue> {
    let p = el(doc, "p", &[], None)?;
    p.append_child(&*el(
        doc,
        "a",
        &[
            ("id", "open-library"),
            ("href", "library.html"),
            ("target", "_blank"),
        ],
        Some(&t("library_open")),
    )?)?;
    Ok(p)
}

/// Draws the popup for the active tab.
pub async fn popup() -> Result<(), JsValue> {
    let doc = document()?;
    let app = app_root(&doc, "popup_title")?;
    let main = el(&doc, "main", &[], None)?;
    let h1 = el(&doc, "h1", &[], Some(&t("ext_name")))?;
    let status = el(
        &doc,
        "p",
        &[("id", "status"), ("role", "status")],
        Some(&t("popup_loading")),
    )?;
    let rule = el(&doc, "p", &[("id", "rule")], None)?;
    let engine = el(&doc, "p", &[("id", "engine"), ("class", "muted")], None)?;
    let button = el(
        &doc,
        "button",
        &[("id", "open-options"), ("type", "button")],
        Some(&t("popup_open_options")),
    )?;
    let footer = el(
        &doc,
        "p",
        &[("id", "version"), ("class", "muted")],
        Some(&t_with("popup_version", &[env!("CARGO_PKG_VERSION")])),
    )?;
    let library = library_link(&doc)?;
    for child in [&h1, &status, &rule, &engine, &button, &library, &footer] {
        main.append_child(child)?;
    }
    app.append_child(&main)?;

    let click = Closure::<dyn FnMut()>::new(|| {
        wasm_bindgen_futures::spawn_local(async {
            if ext::open_options().await.is_ok() {
                if let Some(w) = web_sys::window() {
                    log("popup: close", w.close());
                }
            }
        });
    });
    button
        .dyn_ref::<HtmlElement>()
        .ok_or(WebError::Missing("button"))?
        .set_onclick(Some(click.as_ref().unchecked_ref()));
    click.forget();

    let tab: Option<TabInfo> = match ext::active_tab_id().await? {
        Some(id) => match ext::send(&Request::TabStatus { tab_id: id }).await? {
            Response::TabStatus { tab } => tab,
            Response::Error { code, message } => {
                web_sys::console::warn_1(
                    &format!("Porte-voix: tab status: [{code}] {message}").into(),
                );
                None
            }
            other => return Err(WebError::Shape(format!("{other:?}")).into()),
        },
        None => None,
    };
    match tab {
        Some(info) => {
            status.set_text_content(Some(&t_with("popup_on_site", &[&info.site_name])));
            // the limit the tab's badge counts with, as its content script reported it; until
            // the core loads there (nobody typed yet), the one the settings give
            let limit = match info.limit {
                Some(limit) => limit,
                None => {
                    let options = ext::load_settings().await.count_options();
                    crate::length::limit(info.platform, &options)
                }
            };
            rule.set_text_content(Some(&rule_line(limit, info.platform.rule().unit)));
            let engine_key = match info.engine {
                Some(Engine::Wasm) => "popup_engine_wasm",
                Some(Engine::Wasm2js) => "popup_engine_wasm2js",
                None => "popup_engine_idle",
            };
            engine.set_text_content(Some(&t(engine_key)));
        }
        None => {
            status.set_text_content(Some(&t("popup_unsupported")));
            rule.set_text_content(Some(&t("popup_unsupported_hint")));
        }
    }
    // capture: "already in the backlog", save this page, the small form
    super::backlog::popup::draw(&doc, &main).await?;
    Ok(())
}

/// The templates' fieldset: the key that replaces a typed trigger (a `select` of the keys
/// offered, the current one chosen), with why Enter is not offered.
fn trigger_key_field(
    doc: &Document,
    form: &Element,
    current: &str,
) -> Result<HtmlSelectElement, JsValue> {
    let fieldset = el(doc, "fieldset", &[], None)?;
    fieldset.append_child(&*el(doc, "legend", &[], Some(&t("options_templates")))?)?;
    let row = el(doc, "div", &[("class", "row column")], None)?;
    row.append_child(&*el(
        doc,
        "label",
        &[("for", "trigger-key")],
        Some(&t("options_trigger_key")),
    )?)?;
    let select = el(
        doc,
        "select",
        &[
            ("id", "trigger-key"),
            ("name", "trigger_key"),
            ("aria-describedby", "trigger-key-hint"),
        ],
        None,
    )?
    .dyn_into::<HtmlSelectElement>()?;
    for key in crate::settings::trigger_key_choices(current) {
        let label = match key {
            "Tab" => "options_trigger_key_tab",
            " " => "options_trigger_key_space",
            _ => "options_trigger_key_enter",
        };
        select.append_child(&*el(doc, "option", &[("value", key)], Some(&t(label)))?)?;
    }
    select.set_value(current);
    row.append_child(&select)?;
    row.append_child(&*el(
        doc,
        "p",
        &[("id", "trigger-key-hint"), ("class", "muted")],
        Some(&t("options_trigger_key_hint")),
    )?)?;
    fieldset.append_child(&row)?;
    form.append_child(&fieldset)?;
    Ok(select)
}

/// Draws the options page and saves the settings on submit.
pub async fn options() -> Result<(), JsValue> {
    let doc = document()?;
    let app = app_root(&doc, "options_title")?;
    let settings = ext::load_settings().await;

    let main = el(&doc, "main", &[], None)?;
    main.append_child(&*el(&doc, "h1", &[], Some(&t("options_title")))?)?;
    let form = el(
        &doc,
        "form",
        &[("id", "settings"), ("novalidate", "")],
        None,
    )?;
    let fieldset = el(&doc, "fieldset", &[], None)?;
    fieldset.append_child(&*el(&doc, "legend", &[], Some(&t("options_counting")))?)?;

    let premium_row = el(&doc, "div", &[("class", "row")], None)?;
    let premium = el(
        &doc,
        "input",
        &[
            ("type", "checkbox"),
            ("id", "x-premium"),
            ("name", "x_premium"),
        ],
        None,
    )?
    .dyn_into::<HtmlInputElement>()?;
    premium.set_checked(settings.x_premium);
    premium_row.append_child(&premium)?;
    premium_row.append_child(&*el(
        &doc,
        "label",
        &[("for", "x-premium")],
        Some(&t("options_x_premium")),
    )?)?;
    fieldset.append_child(&premium_row)?;

    let limit_row = el(&doc, "div", &[("class", "row column")], None)?;
    limit_row.append_child(&*el(
        &doc,
        "label",
        &[("for", "mastodon-limit")],
        Some(&t("options_mastodon_limit")),
    )?)?;
    let limit = el(
        &doc,
        "input",
        &[
            ("type", "text"),
            ("inputmode", "numeric"),
            ("id", "mastodon-limit"),
            ("name", "mastodon_limit"),
            ("placeholder", "500"),
            (
                "aria-describedby",
                "mastodon-limit-hint mastodon-limit-error",
            ),
        ],
        None,
    )?
    .dyn_into::<HtmlInputElement>()?;
    limit.set_value(
        &settings
            .mastodon_limit
            .map(|n| n.to_string())
            .unwrap_or_default(),
    );
    limit_row.append_child(&limit)?;
    limit_row.append_child(&*el(
        &doc,
        "p",
        &[("id", "mastodon-limit-hint"), ("class", "muted")],
        Some(&t("options_mastodon_limit_hint")),
    )?)?;
    let error = el(
        &doc,
        "p",
        &[("id", "mastodon-limit-error"), ("class", "error")],
        None,
    )?;
    limit_row.append_child(&error)?;
    fieldset.append_child(&limit_row)?;
    form.append_child(&fieldset)?;
    let trigger_key = trigger_key_field(&doc, &form, &settings.trigger_key)?;

    form.append_child(&*el(
        &doc,
        "button",
        &[("type", "submit")],
        Some(&t("options_save")),
    )?)?;
    let saved = el(
        &doc,
        "p",
        &[("id", "save-status"), ("role", "status")],
        None,
    )?;
    form.append_child(&saved)?;
    main.append_child(&form)?;
    super::tone_options::section(&doc, &main, &settings)?;
    super::instances_ui::section(&doc, &main).await?;
    main.append_child(&*library_link(&doc)?)?;
    app.append_child(&main)?;

    let submit = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        let parsed = Settings::parse_mastodon_limit(&limit.value());
        let (x_premium, mastodon_limit) = match parsed {
            Ok(mastodon_limit) => {
                log(
                    "options: field state",
                    limit.remove_attribute("aria-invalid"),
                );
                error.set_text_content(None);
                (premium.checked(), mastodon_limit)
            }
            Err(err) => {
                log(
                    "options: field state",
                    limit.set_attribute("aria-invalid", "true"),
                );
                error.set_text_content(Some(&t(&message_key(err.code()))));
                saved.set_text_content(None);
                log("options: focus", limit.focus());
                return;
            }
        };
        let trigger_key = trigger_key.value();
        let saved = saved.clone();
        saved.set_text_content(Some(&t("options_saving")));
        wasm_bindgen_futures::spawn_local(async move {
            // this form's fields over the stored record: the instances are edited apart
            let next = Settings {
                x_premium,
                mastodon_limit,
                trigger_key,
                ..ext::load_settings().await
            };
            // "saved" only once the browser has committed the write
            let key = if log("options: save", ext::save_settings(&next).await).is_some() {
                "options_saved"
            } else {
                "options_save_failed"
            };
            saved.set_text_content(Some(&t(key)));
        });
    });
    form.add_event_listener_with_callback("submit", submit.as_ref().unchecked_ref())?;
    submit.forget();
    Ok(())
}
