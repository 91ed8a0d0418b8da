//! The editor's live preview: the template rendered for a sample commenter with the brand of
//! each network and the current moment, the errors listed and marked where they are in the text
//! (the parser's UTF-16 offsets; choosing one selects it in the text box), and the rendered
//! length on each network the template is meant for (all reply networks when none is said).

use super::{el, on, Ui};
use crate::template::view::{pieces, preview_context, Piece, REPLY_NETWORKS};
use crate::template::{parse, render_template, Lang, Moment, Template, Values};
use crate::web::error::log;
use crate::web::ext::{t, t_with};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Now, in the browser's time zone.
fn now() -> Option<Moment> {
    let d = js_sys::Date::new_0();
    Moment::new(
        i64::from(d.get_full_year()),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        -(d.get_timezone_offset() as i16),
    )
}

/// The language the preview renders in: the template's, else the UI's.
fn preview_lang(tpl: &Template) -> Lang {
    tpl.lang
        .unwrap_or(match crate::web::ext::ui_language().as_str() {
            "en" => Lang::En,
            _ => Lang::FrCa,
        })
}

/// Redraws the preview, the errors and the lengths for `tpl` (the form as it is now).
pub(super) fn update(ui: &Ui, tpl: &Template) -> Result<(), JsValue> {
    let e = &ui.editor;
    let Some(now) = now() else { return Ok(()) };
    let settings = ui.data.borrow().settings.clone();
    let opts = settings.count_options();
    let lang = preview_lang(tpl);
    let first_network = tpl.networks.first().copied().unwrap_or(REPLY_NETWORKS[0]);
    let ctx = preview_context(lang, now, settings.brand(first_network));
    let rendered = render_template(tpl, &ctx, &Values::default(), None);
    e.preview.set_text_content(Some(&rendered.text));
    let notes: Vec<String> = rendered
        .left_out
        .iter()
        .map(|l| t_with("library_left_out", &[&l.name]))
        .collect();
    e.preview_notes.set_text_content(Some(&notes.join(" ")));

    // errors of the body, in place and listed
    let errors = parse(&tpl.body).errors;
    e.errors.set_text_content(None);
    e.marks.set_text_content(None);
    if errors.is_empty() {
        log("library: body", e.body.remove_attribute("aria-invalid"));
        log("library: marks", e.marks_box.set_attribute("hidden", ""));
    } else {
        e.body.set_attribute("aria-invalid", "true")?;
        e.marks_box.remove_attribute("hidden")?;
        for (k, err) in errors.iter().enumerate() {
            let li = el(&ui.doc, "li", &[], None)?;
            let code: &'static str = err.code.into();
            let b = el(
                &ui.doc,
                "button",
                &[
                    ("type", "button"),
                    ("class", "error-at"),
                    ("data-code", code),
                    ("data-start", &err.start.to_string()),
                    ("data-end", &err.end.to_string()),
                ],
                Some(&format!("{} {}", k + 1, super::error_text(code))),
            )?;
            li.append_child(&b)?;
            e.errors.append_child(&li)?;
        }
        for piece in pieces(&tpl.body, &errors) {
            match piece {
                Piece::Plain(text) => {
                    e.marks.append_child(&ui.doc.create_text_node(&text))?;
                }
                Piece::Marked { text, error } => {
                    let m = el(
                        &ui.doc,
                        "mark",
                        &[("data-error", &(error + 1).to_string())],
                        Some(&text),
                    )?;
                    e.marks.append_child(&m)?;
                }
            }
        }
    }

    // the length on each network
    let ui_lang = crate::web::ext::ui_lang();
    let group_digits = crate::locale::group_digits;
    e.lengths.set_text_content(None);
    let networks = if tpl.networks.is_empty() {
        REPLY_NETWORKS.to_vec()
    } else {
        tpl.networks.clone()
    };
    for p in networks {
        let ctx = preview_context(lang, now, settings.brand(p));
        let r = render_template(tpl, &ctx, &Values::default(), Some((p, &opts)));
        let Some(len) = r.length else { continue };
        let mut text = t_with(
            "library_length_line",
            &[
                &t(&super::list::network_key(p)),
                &group_digits(len.length.into(), ui_lang),
                &group_digits(len.limit.into(), ui_lang),
            ],
        );
        if r.short {
            text.push(' ');
            text.push_str(&t("library_length_short"));
        }
        if !len.valid {
            text.push(' ');
            text.push_str(&t("library_length_over"));
        }
        let class = if len.valid { "ok" } else { "over" };
        e.lengths.append_child(&*el(
            &ui.doc,
            "li",
            &[("class", class), ("data-network", p.id())],
            Some(&text),
        )?)?;
    }
    Ok(())
}

/// Choosing an error selects its place in the text box.
pub(super) fn wire(ui: &Ui) -> Result<(), JsValue> {
    let u = ui.clone();
    on(&ui.editor.errors, "click", move |ev: web_sys::Event| {
        let Some(b) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button.error-at").ok().flatten())
        else {
            return;
        };
        let at = |name: &str| {
            b.get_attribute(name)
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(0)
        };
        let body = &u.editor.body;
        log("library: focus", body.focus());
        log(
            "library: select",
            body.set_selection_range(at("data-start"), at("data-end").max(at("data-start"))),
        );
    })
}
