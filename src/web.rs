//! The browser layer, compiled for `wasm32` only: the one place that uses wasm-bindgen, web-sys,
//! js-sys and gloo. It moves data between the DOM / extension APIs and the pure core, and decides
//! nothing the core could decide.

/// Every `#[wasm_bindgen]` export: what the JS loaders of each context call.
pub mod api;
/// The content script: the session that follows the focused composer, and the in-page features.
pub mod content;
/// DOM helpers the features share: closed shadow hosts, page sheets, highlights, geometry.
pub mod dom;
/// One file per editor technology: detect, read as the network will post (insertion to come).
pub mod editors;
/// Bindings to the WebExtension APIs (`chrome.*`) and the i18n helper.
mod ext;
/// The options page's list of Mastodon instances: adding one asks the browser for its access.
mod instances_ui;
/// The popup and the options page.
mod pages;

/// The text of the composer `host` (a text field or an editing host) as the network will post
/// it, its technology detected from the DOM.
pub fn read_text(host: &web_sys::Element) -> String {
    editors::detect(host, None).read(host).text
}
