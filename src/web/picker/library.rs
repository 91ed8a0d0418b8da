//! The library as the picker holds it: read once through the background's store (`store_list`),
//! indexed for the search, and read again when it changed while the picker was hidden.

use super::list::search;
use super::with;
use crate::protocol::{Request, Response};
use crate::store::Collection;
use crate::template::search::SearchIndex;
use crate::template::Template;
use crate::web::ext;
use wasm_bindgen::prelude::*;

/// The library's live templates.
pub(super) async fn load_templates() -> Result<Vec<Template>, JsValue> {
    let answer = ext::send(&Request::StoreList {
        collection: Collection::Templates,
    })
    .await?;
    Ok(match answer {
        Response::StoreRecords { records } => records
            .into_iter()
            .filter_map(|r| {
                let mut t: Template = serde_json::from_value(r.body).ok()?;
                t.id = r.id;
                Some(t)
            })
            .collect(),
        _ => Vec::new(),
    })
}

/// Reads the library again and indexes it (it changed while the picker was hidden).
pub(super) async fn reload() {
    let Some(templates) = crate::web::error::log("picker: library", load_templates().await) else {
        return;
    };
    let index = SearchIndex::new(&templates);
    with(|p| {
        p.templates = templates;
        p.index = index;
        p.stale = false;
        search(p);
        Ok(())
    });
}
