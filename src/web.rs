//! The browser layer, compiled for `wasm32` only: the one place that uses wasm-bindgen, web-sys,
//! js-sys and gloo. It moves data between the DOM / extension APIs and the pure core, and decides
//! nothing the core could decide.
//!
//! Two engines are built from it (cargo features): `inpage`, the content script's engine, which
//! every social-network page downloads (composers, badge); and `extension`, the background's and
//! the extension pages' engine. A module belongs to the engine that runs it, so a page never
//! downloads the options or the background.

/// Every `#[wasm_bindgen]` export: what the JS loaders of each context call.
pub mod api;
/// Reading a composer's text as its editor lays it out; offsets back to DOM positions.
#[cfg(feature = "inpage")]
pub mod composer;
/// The content script: finds composers and draws the length badge in a closed shadow root.
#[cfg(feature = "inpage")]
mod content;
/// Bindings to the WebExtension APIs (`chrome.*`) and the i18n helper, used by both engines
/// (each uses its part of them).
#[cfg(any(feature = "inpage", feature = "extension"))]
#[cfg_attr(not(all(feature = "inpage", feature = "extension")), allow(dead_code))]
mod ext;
/// The options page's list of Mastodon instances: adding one asks the browser for its access.
#[cfg(feature = "extension")]
mod instances_ui;
/// The popup and the options page.
#[cfg(feature = "extension")]
mod pages;

#[cfg(feature = "inpage")]
pub use composer::read_text;
