//! The picker's result list: the search per keystroke (`template::search`; recent and frequent
//! first when the query is empty) and the list of results drawn at once, the chosen one marked
//! for the search box's `aria-activedescendant`.

use super::preview::preview_later;
use super::{now_ms, Picker, SHOWN};
use crate::protocol::reply::{recent_first, Filled};
use crate::web::pages::el;
use wasm_bindgen::prelude::*;

/// Searches the library for the query now (the time measured per keystroke).
pub(super) fn search(p: &mut Picker) {
    let q = p.query.value();
    p.results = if q.trim().is_empty() {
        recent_first(&p.templates, SHOWN)
    } else {
        p.index
            .search(&q, now_ms() as i64, SHOWN)
            .into_iter()
            .map(|h| h.index as usize)
            .collect()
    };
    p.selected = 0;
    p.values = Filled::default();
    let _ = crate::web::error::log("picker list", draw_list(p));
    preview_later(p);
}

/// The choice moved one row down or up (wrapping); false when there is nothing to choose.
pub(super) fn move_choice(p: &mut Picker, down: bool) -> bool {
    let n = p.results.len();
    if n == 0 {
        return false;
    }
    p.selected = if down {
        (p.selected + 1) % n
    } else {
        (p.selected + n - 1) % n
    };
    p.values = Filled::default();
    true
}

pub(super) fn draw_list(p: &Picker) -> Result<(), JsValue> {
    let frag = p.doc.create_document_fragment();
    for (n, &i) in p.results.iter().enumerate() {
        let t = &p.templates[i];
        let id = format!("pk-o-{n}");
        let sel = if n == p.selected { "true" } else { "false" };
        let li = el(
            &p.doc,
            "li",
            &[
                ("id", &id),
                ("role", "option"),
                ("aria-selected", sel),
                ("data-id", &t.id),
            ],
            None,
        )?;
        li.append_child(&el(&p.doc, "span", &[("class", "pk-t")], Some(&t.title))?.into())?;
        if let Some(tr) = &t.trigger {
            li.append_child(&el(&p.doc, "span", &[("class", "pk-tr")], Some(tr))?.into())?;
        }
        frag.append_child(&li)?;
    }
    p.list.replace_children_with_node_1(&frag);
    p.empty
        .toggle_attribute_with_force("hidden", !p.results.is_empty())?;
    match p.results.is_empty() {
        true => p.query.remove_attribute("aria-activedescendant")?,
        false => p
            .query
            .set_attribute("aria-activedescendant", &format!("pk-o-{}", p.selected))?,
    }
    if let Some(li) = p.doc.get_element_by_id(&format!("pk-o-{}", p.selected)) {
        li.scroll_into_view_with_bool(false);
    }
    Ok(())
}
