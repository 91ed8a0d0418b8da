//! The editor's live preview: each text of the template (the main one, then each language
//! variant) rendered for a sample commenter with the brand of each network and the current
//! moment, its errors (body and short text) listed and marked where they are (the parser's UTF-16
//! offsets; choosing one selects it in its text box), and the rendered length on each network
//! the template is meant for (all reply networks when none is said), the short text used where
//! the main one does not fit.

use super::{el, on, Ui};
use crate::length::CountOptions;
use crate::platform::Platform;
use crate::template::view::{pieces, preview_context, Piece, REPLY_NETWORKS};
use crate::template::{parse, render_template, Lang, Moment, RenderContext, Template, Values};
use crate::web::error::log;
use crate::web::ext::{t, t_with};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlTextAreaElement};

/// Where one text's preview is drawn: its text boxes, error list and marks, rendered text,
/// notes and lengths.
#[derive(Clone)]
pub(super) struct Panel {
    pub body: HtmlTextAreaElement,
    pub short: HtmlTextAreaElement,
    pub errors: Element,
    pub marks_box: Element,
    pub marks: Element,
    pub preview: Element,
    pub notes: Element,
    pub lengths: Element,
}

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

/// Time spent in the core's rendering, and the number of calls.
#[derive(Default)]
struct Timing {
    spent: f64,
    calls: u32,
}

/// Redraws the preview, the errors and the lengths of every text of `tpl` (the form as it is
/// now): the main text in the editor's panel, each variant in its own.
pub(super) fn update(ui: &Ui, tpl: &Template) -> Result<(), JsValue> {
    let Some(now) = now() else { return Ok(()) };
    let mut timing = Timing::default();
    let main = Template {
        variants: Vec::new(),
        ..tpl.clone()
    };
    draw(ui, &ui.editor.panel(), &main, now, &mut timing)?;
    let variants = super::variants::panels(ui);
    for (lang, panel) in variants {
        let Some(v) = tpl.variants.iter().find(|v| v.lang == lang) else {
            continue;
        };
        let single = Template {
            lang: Some(v.lang),
            body: v.body.clone(),
            short: v.short.clone(),
            variants: Vec::new(),
            ..tpl.clone()
        };
        draw(ui, &panel, &single, now, &mut timing)?;
    }
    super::variants::refresh_add(ui, tpl);
    record_render_time(ui, &timing)
}

/// One text (`tpl` has no variants) into `panel`.
fn draw(
    ui: &Ui,
    panel: &Panel,
    tpl: &Template,
    now: Moment,
    timing: &mut Timing,
) -> Result<(), JsValue> {
    let settings = ui.data.borrow().settings.clone();
    let opts = settings.count_options();
    let lang = preview_lang(tpl);
    let mut timed = |ctx: &RenderContext, platform: Option<(Platform, &CountOptions)>| {
        let start = super::perf_now();
        let r = render_template(tpl, ctx, &Values::default(), platform);
        timing.spent += super::perf_now() - start;
        timing.calls += 1;
        r
    };
    let first_network = tpl.networks.first().copied().unwrap_or(REPLY_NETWORKS[0]);
    let ctx = preview_context(lang, now, settings.brand(first_network));
    let rendered = timed(&ctx, None);
    panel.preview.set_text_content(Some(&rendered.text));
    let notes: Vec<String> = rendered
        .left_out
        .iter()
        .map(|l| t_with("library_left_out", &[&l.name]))
        .collect();
    panel.notes.set_text_content(Some(&notes.join(" ")));
    draw_errors(ui, panel, tpl)?;

    // the length on each network
    let ui_lang = crate::web::ext::ui_lang();
    let group_digits = crate::locale::group_digits;
    panel.lengths.set_text_content(None);
    let networks = if tpl.networks.is_empty() {
        REPLY_NETWORKS.to_vec()
    } else {
        tpl.networks.clone()
    };
    for p in networks {
        let ctx = preview_context(lang, now, settings.brand(p));
        let r = timed(&ctx, Some((p, &opts)));
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
        panel.lengths.append_child(&*el(
            &ui.doc,
            "li",
            &[("class", class), ("data-network", p.id())],
            Some(&text),
        )?)?;
    }
    Ok(())
}

/// The errors of the body and of the short text, listed (each a button that selects it) and
/// marked in a copy of the text.
fn draw_errors(ui: &Ui, panel: &Panel, tpl: &Template) -> Result<(), JsValue> {
    panel.errors.set_text_content(None);
    panel.marks.set_text_content(None);
    let short = tpl.short.clone().unwrap_or_default();
    let texts = [
        (&panel.body, tpl.body.as_str(), false),
        (&panel.short, short.as_str(), true),
    ];
    let mut k = 0;
    let mut any = false;
    for (area, text, is_short) in texts {
        let errors = parse(text).errors;
        if errors.is_empty() {
            log("library: text", area.remove_attribute("aria-invalid"));
            continue;
        }
        area.set_attribute("aria-invalid", "true")?;
        if any {
            panel.marks.append_child(&*el(&ui.doc, "br", &[], None)?)?;
        }
        any = true;
        for err in &errors {
            k += 1;
            let li = el(&ui.doc, "li", &[], None)?;
            let code: &'static str = err.code.into();
            let mut message = super::error_text(code);
            if is_short {
                message = t_with("library_error_in_short", &[&message]);
            }
            let b = el(
                &ui.doc,
                "button",
                &[
                    ("type", "button"),
                    ("class", "error-at"),
                    ("data-code", code),
                    ("data-for", &area.id()),
                    ("data-start", &err.start.to_string()),
                    ("data-end", &err.end.to_string()),
                ],
                Some(&format!("{k} {message}")),
            )?;
            li.append_child(&b)?;
            panel.errors.append_child(&li)?;
        }
        let first = k - errors.len();
        for piece in pieces(text, &errors) {
            match piece {
                Piece::Plain(text) => {
                    panel.marks.append_child(&ui.doc.create_text_node(&text))?;
                }
                Piece::Marked { text, error } => {
                    let m = el(
                        &ui.doc,
                        "mark",
                        &[("data-error", &(first + error + 1).to_string())],
                        Some(&text),
                    )?;
                    panel.marks.append_child(&m)?;
                }
            }
        }
    }
    if any {
        panel.marks_box.remove_attribute("hidden")
    } else {
        panel.marks_box.set_attribute("hidden", "")
    }
}

/// Adds the time spent in the core's rendering to the totals on the preview
/// (`data-render-ms`, `data-renders`), which the benchmarks read.
fn record_render_time(ui: &Ui, timing: &Timing) -> Result<(), JsValue> {
    let p = &ui.editor.preview;
    let read = |name: &str| {
        p.get_attribute(name)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let total = read("data-render-ms") + timing.spent;
    let count = read("data-renders") + f64::from(timing.calls);
    p.set_attribute("data-render-ms", &format!("{total:.3}"))?;
    p.set_attribute("data-renders", &count.to_string())
}

/// Choosing an error (of any text) selects its place in its text box.
pub(super) fn wire(ui: &Ui) -> Result<(), JsValue> {
    let u = ui.clone();
    on(&ui.editor.form, "click", move |ev: web_sys::Event| {
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
        let Some(area) = b
            .get_attribute("data-for")
            .and_then(|id| u.doc.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
        else {
            return;
        };
        log("library: focus", area.focus());
        log(
            "library: select",
            area.set_selection_range(at("data-start"), at("data-end").max(at("data-start"))),
        );
    })
}
