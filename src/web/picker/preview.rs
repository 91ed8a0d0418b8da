//! The picker's preview of the chosen template: rendered with the page's context, its length on
//! this platform, its tone (`tone.rs`) and its fill-in fields, drawn once per animation frame (never on the keystroke
//! itself, however many keys were typed before the frame).

use super::fields::draw_fields;
use super::tone::draw_tone;
use super::{now_ms, with, Picker};
use crate::protocol::reply::{render_for_page, RenderRequest};
use crate::template::Template;
use crate::web::ext::t_with;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The template chosen in the list.
pub(super) fn chosen(p: &Picker) -> Option<&Template> {
    p.results.get(p.selected).map(|&i| &p.templates[i])
}

/// The render of `t` for this page, with what was filled in.
pub(super) fn request(p: &Picker, t: &Template) -> RenderRequest {
    RenderRequest {
        id: Some(t.id.clone()),
        trigger: None,
        context: p.opened.context.clone(),
        platform: p.opened.platform,
        values: p.values.clone(),
    }
}

/// The fields and the preview of the chosen template, drawn at the next animation frame (once,
/// however many keys were typed before it), or within 100 ms where frames are throttled.
pub(super) fn preview_later(p: &mut Picker) {
    if p.preview_due {
        return;
    }
    p.preview_due = true;
    let Some(window) = web_sys::window() else {
        return;
    };
    let flush = Closure::once_into_js(|| with(flush_preview));
    let f: &js_sys::Function = flush.unchecked_ref();
    let _ = window.request_animation_frame(f);
    let late = Closure::once_into_js(|| with(flush_preview));
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(late.unchecked_ref(), 100);
}

/// Draws the fields and the preview now if they are due.
pub(super) fn flush_preview(p: &mut Picker) -> Result<(), JsValue> {
    if !p.preview_due {
        return Ok(());
    }
    p.preview_due = false;
    draw_fields(p)?;
    draw_preview(p)
}

/// The chosen template rendered, its tone, and its length on this platform.
pub(super) fn draw_preview(p: &Picker) -> Result<(), JsValue> {
    let Some(t) = chosen(p) else {
        p.preview.set_text_content(None);
        p.length.set_text_content(None);
        return draw_tone(p, "");
    };
    let a = render_for_page(t, &request(p, t), now_ms());
    p.preview.set_text_content(Some(&a.text));
    draw_tone(p, &a.text)?;
    let line = match (a.length, a.limit, a.fits) {
        (Some(l), Some(m), Some(true)) => {
            t_with("picker_length", &[&l.to_string(), &m.to_string()])
        }
        (Some(l), Some(m), _) => t_with("picker_too_long", &[&l.to_string(), &m.to_string()]),
        _ => String::new(),
    };
    p.length.set_text_content(Some(&line));
    p.length.set_attribute(
        "data-fits",
        if a.fits == Some(false) {
            "false"
        } else {
            "true"
        },
    )
}
