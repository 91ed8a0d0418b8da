//! The options page's tone section: one checkbox per tone check (`tone::registry::CHECKS`), the
//! brand's register (tu / vous) and the language the checks read texts in (told from each text,
//! or always French, or always English). Each change is saved at once; the content scripts follow
//! the stored settings live.

use super::error::log;
use super::ext::{self, t};
use super::pages::el;
use crate::tone::registry::CHECKS;
use crate::tone::{Lang, Register};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement};

/// Draws the section into `parent` and wires it.
pub fn section(
    doc: &Document,
    parent: &Element,
    settings: &crate::settings::Settings,
) -> Result<(), JsValue> {
    let section = el(
        doc,
        "section",
        &[("id", "tone"), ("aria-labelledby", "tone-title")],
        None,
    )?;
    section.append_child(&*el(
        doc,
        "h2",
        &[("id", "tone-title")],
        Some(&t("options_tone")),
    )?)?;
    let fieldset = el(doc, "fieldset", &[("aria-describedby", "tone-hint")], None)?;
    fieldset.append_child(&*el(doc, "legend", &[], Some(&t("options_tone")))?)?;
    fieldset.append_child(&*el(
        doc,
        "p",
        &[("id", "tone-hint"), ("class", "muted")],
        Some(&t("options_tone_hint")),
    )?)?;
    let status = el(doc, "p", &[("id", "tone-status"), ("role", "status")], None)?;
    let mut boxes = Vec::new();
    for check in CHECKS {
        let row = el(doc, "div", &[("class", "row")], None)?;
        let id = format!("tone-check-{}", check.id);
        let input = el(
            doc,
            "input",
            &[
                ("type", "checkbox"),
                ("id", &id),
                ("name", "tone_check"),
                ("value", check.id),
            ],
            None,
        )?
        .dyn_into::<HtmlInputElement>()?;
        input.set_checked(!settings.tone_disabled.iter().any(|d| d == check.id));
        row.append_child(&input)?;
        let label = t(&format!("options_tone_check_{}", check.id));
        row.append_child(&*el(doc, "label", &[("for", &id)], Some(&label))?)?;
        fieldset.append_child(&row)?;
        boxes.push(input);
    }
    let reg_row = el(doc, "div", &[("class", "row column")], None)?;
    reg_row.append_child(&*el(
        doc,
        "label",
        &[("for", "tone-register")],
        Some(&t("options_tone_register")),
    )?)?;
    let select = el(
        doc,
        "select",
        &[("id", "tone-register"), ("name", "tone_register")],
        None,
    )?
    .dyn_into::<HtmlSelectElement>()?;
    for value in ["", "tu", "vous"] {
        let key = format!(
            "options_tone_register_{}",
            if value.is_empty() { "none" } else { value }
        );
        select.append_child(&*el(doc, "option", &[("value", value)], Some(&t(&key)))?)?;
    }
    select.set_value(match settings.tone_register {
        Some(Register::Tu) => "tu",
        Some(Register::Vous) => "vous",
        None => "",
    });
    reg_row.append_child(&select)?;
    fieldset.append_child(&reg_row)?;
    let lang_row = el(doc, "div", &[("class", "row column")], None)?;
    lang_row.append_child(&*el(
        doc,
        "label",
        &[("for", "tone-lang")],
        Some(&t("options_tone_lang")),
    )?)?;
    let lang = el(
        doc,
        "select",
        &[("id", "tone-lang"), ("name", "tone_lang")],
        None,
    )?
    .dyn_into::<HtmlSelectElement>()?;
    for (value, key) in [
        ("", "options_tone_lang_auto"),
        ("fr", "options_tone_lang_fr"),
        ("en", "options_tone_lang_en"),
    ] {
        lang.append_child(&*el(doc, "option", &[("value", value)], Some(&t(key)))?)?;
    }
    lang.set_value(settings.tone_lang.map_or("", Lang::id));
    lang_row.append_child(&lang)?;
    fieldset.append_child(&lang_row)?;
    section.append_child(&fieldset)?;
    section.append_child(&status)?;
    parent.append_child(&section)?;

    let (sel, lang_sel, st) = (select.clone(), lang.clone(), status.clone());
    let on_change = Closure::<dyn Fn()>::new(move || {
        let disabled: Vec<String> = boxes
            .iter()
            .filter(|b| !b.checked())
            .map(|b| b.value())
            .collect();
        let register = match sel.value().as_str() {
            "tu" => Some(Register::Tu),
            "vous" => Some(Register::Vous),
            _ => None,
        };
        let lang = Lang::from_id(&lang_sel.value());
        let st = st.clone();
        st.set_text_content(Some(&t("options_saving")));
        wasm_bindgen_futures::spawn_local(async move {
            let next = crate::settings::Settings {
                tone_disabled: disabled,
                tone_register: register,
                tone_lang: lang,
                ..ext::load_settings().await
            };
            let key = if log("options: save tone", ext::save_settings(&next).await).is_some() {
                "options_saved"
            } else {
                "options_save_failed"
            };
            st.set_text_content(Some(&t(key)));
        });
    });
    section.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())?;
    on_change.forget();
    Ok(())
}
