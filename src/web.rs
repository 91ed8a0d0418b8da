//! The browser layer, compiled for `wasm32` only: the one place that uses wasm-bindgen, web-sys,
//! js-sys and gloo. It moves data between the DOM / extension APIs and the pure core, and decides
//! nothing the core could decide.

/// Every `#[wasm_bindgen]` export: what the JS loaders of each context call.
pub mod api;
/// The background: runs the core's decisions on messages; the tab state and IndexedDB.
pub mod background;
/// Reading a composer's text as its editor lays it out; offsets back to DOM positions.
pub mod composer;
/// The content script: finds composers and draws the length badge in a closed shadow root.
mod content;
/// The one conversion of errors to JS `Error`s (`name`, `code`, `message`), and logging.
pub mod error;
/// Bindings to the WebExtension APIs (`chrome.*`) and the i18n helper.
mod ext;
/// The options page's list of Mastodon instances: adding one asks the browser for its access.
mod instances_ui;
/// The popup and the options page.
mod pages;

pub use composer::read_text;
