//! Style sheets we add to the page itself (for rules that must apply outside our shadow roots,
//! such as `::highlight()`), through `document.adoptedStyleSheets`: one sheet per name, made once,
//! added again if the page dropped it.

use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Document};

thread_local! {
    static SHEETS: RefCell<Vec<(&'static str, CssStyleSheet)>> = const { RefCell::new(Vec::new()) };
}

/// Adds the sheet `name` with `css` to the page's adopted sheets, unless it is there already.
pub fn ensure(document: &Document, name: &'static str, css: &str) -> Result<(), JsValue> {
    let known = SHEETS.with(|s| {
        s.try_borrow()
            .ok()
            .and_then(|s| s.iter().find(|(n, _)| *n == name).map(|(_, c)| c.clone()))
    });
    let sheet = match known {
        Some(sheet) => sheet,
        None => {
            let sheet = CssStyleSheet::new()?;
            sheet.replace_sync(css)?;
            SHEETS.with(|s| {
                if let Ok(mut s) = s.try_borrow_mut() {
                    s.push((name, sheet.clone()));
                }
            });
            sheet
        }
    };
    let current = js_sys::Array::from(&document.adopted_style_sheets());
    if !current.includes(&sheet, 0) {
        current.push(&sheet);
        document.set_adopted_style_sheets(&current);
    }
    Ok(())
}
