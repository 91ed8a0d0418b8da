//! The picker's fill-in fields and choices: one input per field, one list per choice with more
//! than one option, read back into the values the preview and the insertion render with.

use super::preview::{chosen, request};
use super::{now_ms, Picker};
use crate::protocol::reply::{render_for_page, Filled};
use crate::web::ext::t_with;
use crate::web::pages::el;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// The inputs of the chosen template's fill-in fields and choices.
pub(super) fn draw_fields(p: &Picker) -> Result<(), JsValue> {
    let frag = p.doc.create_document_fragment();
    if let Some(t) = chosen(p) {
        let a = render_for_page(t, &request(p, t), now_ms());
        for (n, name) in a.fields.iter().enumerate() {
            let id = format!("pk-f-{n}");
            frag.append_child(&el(&p.doc, "label", &[("for", &id)], Some(name))?.into())?;
            frag.append_child(
                &el(
                    &p.doc,
                    "input",
                    &[("id", &id), ("data-field", name), ("type", "text")],
                    None,
                )?
                .into(),
            )?;
        }
        for (n, options) in a.choices.iter().enumerate().filter(|(_, o)| o.len() > 1) {
            let id = format!("pk-c-{n}");
            let label = t_with("picker_choice", &[&(n + 1).to_string()]);
            frag.append_child(&el(&p.doc, "label", &[("for", &id)], Some(&label))?.into())?;
            let select = el(
                &p.doc,
                "select",
                &[("id", &id), ("data-choice", &n.to_string())],
                None,
            )?;
            for (k, o) in options.iter().enumerate() {
                select.append_child(
                    &el(&p.doc, "option", &[("value", &k.to_string())], Some(o))?.into(),
                )?;
            }
            frag.append_child(&select)?;
        }
    }
    p.fields.replace_children_with_node_1(&frag);
    Ok(())
}

pub(super) fn read_fields(p: &mut Picker) {
    let mut values = Filled::default();
    if let Ok(list) = p.fields.query_selector_all("input[data-field]") {
        for i in 0..list.length() {
            let Some(input) = list
                .item(i)
                .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
            else {
                continue;
            };
            let name = input.get_attribute("data-field").unwrap_or_default();
            let v = input.value();
            if !v.is_empty() {
                values.fields.insert(name, v);
            }
        }
    }
    if let Ok(list) = p.fields.query_selector_all("select[data-choice]") {
        for i in 0..list.length() {
            let Some(select) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlSelectElement>().ok())
            else {
                continue;
            };
            let n: usize = select
                .get_attribute("data-choice")
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            if values.choices.len() <= n {
                values.choices.resize(n + 1, 0);
            }
            values.choices[n] = select.selected_index().max(0) as usize;
        }
    }
    p.values = values;
}
