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
