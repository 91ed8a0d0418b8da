//! Exports the extension pages' loaders call.

use wasm_bindgen::prelude::*;

/// Popup: draws the popup into `#app`.
#[wasm_bindgen]
pub async fn popup_main() -> Result<(), JsValue> {
    crate::web::pages::popup()
        .await
        .map_err(crate::web::error::boundary)
}

/// Options page: draws the settings form into `#app`.
#[wasm_bindgen]
pub async fn options_main() -> Result<(), JsValue> {
    crate::web::pages::options()
        .await
        .map_err(crate::web::error::boundary)
}

/// The template picker's frame: draws it and loads the library.
#[wasm_bindgen]
pub async fn picker_main() -> Result<(), JsValue> {
    crate::web::picker::main()
        .await
        .map_err(crate::web::error::boundary)
}

/// The picker's frame: a new state from the content script of its tab (`picker.js` checked the
/// sender).
#[wasm_bindgen]
pub fn picker_state(json: String) {
    crate::web::picker::apply_state(&json);
}

/// Library page: draws the template library into `#app`.
#[wasm_bindgen]
pub async fn library_main() -> Result<(), JsValue> {
    crate::web::library::main()
        .await
        .map_err(crate::web::error::boundary)
}

/// Backlog page: draws the list, the item editor, the calendar and the transfers into `#app`.
/// `first`: what the loader read while the engine started, a promise of `{records, complete}`
/// (the records changed last, newest first) or of `null` (then the page reads them itself).
#[wasm_bindgen]
pub async fn backlog_main(first: JsValue) -> Result<(), JsValue> {
    crate::web::backlog::page(first)
        .await
        .map_err(crate::web::error::boundary)
}
