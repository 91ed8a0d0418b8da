//! The picker's keys: Esc closes, Enter inserts the chosen template (rendered with what was
//! filled in) into the composer and records the use, the arrows move the choice.

use super::fields::read_fields;
use super::list::{draw_list, move_choice};
use super::preview::{chosen, flush_preview, request};
use super::tab::to_tab;
use super::{now_ms, with};
use crate::protocol::reply::render_for_page;
use crate::protocol::Request;
use crate::web::ext;

pub(super) fn on_key(e: web_sys::KeyboardEvent) {
    match e.key().as_str() {
        "Escape" => {
            e.prevent_default();
            wasm_bindgen_futures::spawn_local(async {
                let _ = to_tab(&serde_json::json!({"kind": "close_picker"})).await;
            });
        }
        "Enter" => {
            e.prevent_default();
            wasm_bindgen_futures::spawn_local(insert());
        }
        k @ ("ArrowDown" | "ArrowUp") => {
            e.prevent_default();
            let down = k == "ArrowDown";
            with(|p| {
                if move_choice(p, down) {
                    draw_list(p)?;
                    super::preview::preview_later(p);
                }
                Ok(())
            });
        }
        _ => {}
    }
}

/// Enter: the chosen template, rendered with what was filled in, goes to the composer.
async fn insert() {
    let mut out = None;
    with(|p| {
        // the fields of the template chosen now, not of the one before
        flush_preview(p)?;
        read_fields(p);
        if let Some(t) = chosen(p) {
            out = Some(render_for_page(t, &request(p, t), now_ms()));
        }
        Ok(())
    });
    let Some(a) = out else { return };
    let message = serde_json::json!({"kind": "insert_text", "text": a.text, "cursor": a.cursor});
    let answer = crate::web::error::log("picker: insert", to_tab(&message).await);
    let ok = answer
        .and_then(|v| js_sys::Reflect::get(&v, &"ok".into()).ok())
        .is_some_and(|v| v.is_truthy());
    if ok {
        // recent and frequent first at the next opening, without reading the library again
        with(|p| {
            let now = now_ms() as i64;
            if let Some(t) = p.templates.iter_mut().find(|t| t.id == a.id) {
                t.uses = t.uses.saturating_add(1);
                t.last_used = Some(now);
            }
            Ok(())
        });
        let used = Request::TemplateUsed { id: a.id };
        let _ = crate::web::error::log("picker: used", ext::send(&used).await);
    }
    let _ = to_tab(&serde_json::json!({"kind": "close_picker", "inserted": ok})).await;
}
