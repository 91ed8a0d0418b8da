//! Every `#[wasm_bindgen]` export, one file per context whose JS loader calls it (`api/`); the
//! exports every context shares are here. `content` is compiled into the in-page engine (feature
//! `inpage`), `background` and `pages` into the extension's engine (feature `extension`). Errors
//! cross as JS `Error`s with a `code`, through the one conversion in `crate::web::error`; a panic
//! is reported through the hook installed by [`install_panic_hook`].

use wasm_bindgen::prelude::*;

#[cfg(feature = "extension")]
pub mod background;
#[cfg(all(feature = "inpage", feature = "bench"))]
pub mod bench;
#[cfg(feature = "inpage")]
pub mod content;
#[cfg(feature = "extension")]
pub mod pages;

/// The crate's version, shown by the popup and checked by the tests.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Installs a panic hook that logs the panic and calls `notify(message)` once, so the loader can
/// tell the user instead of failing silently.
#[wasm_bindgen]
pub fn install_panic_hook(notify: js_sys::Function) {
    std::panic::set_hook(Box::new(move |info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&format!("Porte-voix: {message}")));
        crate::web::error::log(
            "panic notice",
            notify.call1(&JsValue::NULL, &JsValue::from_str(&message)),
        );
    }));
}
