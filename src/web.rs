//! The browser layer, compiled for `wasm32` only: the one place that uses wasm-bindgen, web-sys,
//! js-sys and serde-wasm-bindgen. It moves data between the DOM / extension APIs and the pure core, and decides
//! nothing the core could decide.
//!
//! Two engines are built from it (cargo features): `inpage`, the content script's engine, which
//! every social-network page downloads (composers, badge); and `extension`, the background's and
//! the extension pages' engine. A module belongs to the engine that runs it, so a page never
//! downloads the options or the background.

/// Every `#[wasm_bindgen]` export: what the JS loaders of each context call.
pub mod api;
/// The background: runs the core's decisions on messages; the tab state and IndexedDB.
#[cfg(feature = "extension")]
pub mod background;
/// The backlog page: list, item editor, calendar, exports and imports.
#[cfg(feature = "extension")]
mod backlog;
/// The background's side of a capture: context menus, the collector's sources, the request.
#[cfg(feature = "extension")]
pub mod capture;
/// The content script: the session that follows the focused composer, and the in-page features.
#[cfg(feature = "inpage")]
pub mod content;
/// DOM helpers the features share: closed shadow hosts, page sheets, highlights, geometry.
#[cfg(feature = "inpage")]
pub mod dom;
/// One file per editor technology: detect, read as the network will post, insert.
#[cfg(feature = "inpage")]
pub mod editors;
/// The one conversion of errors to JS `Error`s (`name`, `code`, `message`), and logging.
#[cfg(any(feature = "inpage", feature = "extension"))]
pub mod error;
/// Bindings to the WebExtension APIs (`chrome.*`) and the i18n helper, used by both engines
/// (each uses its part of them).
#[cfg(any(feature = "inpage", feature = "extension"))]
#[cfg_attr(not(all(feature = "inpage", feature = "extension")), allow(dead_code))]
mod ext;
/// The options page's list of Mastodon instances: adding one asks the browser for its access.
#[cfg(feature = "extension")]
mod instances_ui;
/// A JS value read as JSON data (settings, messages, fetched documents) without a JSON parser.
#[cfg(any(feature = "inpage", feature = "extension"))]
pub mod js_json;
/// The template library page: list, search, filters, editor with live preview, import/export.
#[cfg(feature = "extension")]
mod library;
/// NFC through the browser's `String.prototype.normalize`, for the in-page count.
#[cfg(feature = "inpage")]
pub mod nfc;
/// The popup and the options page.
#[cfg(feature = "extension")]
mod pages;
/// The template picker's frame (an extension page next to the composer).
#[cfg(feature = "extension")]
pub mod picker;
/// The background's template entries of the context menu (insert one, save the selection).
#[cfg(feature = "extension")]
pub mod template_menu;

#[cfg(feature = "extension")]
mod tone_options;
/// The tone check's findings and polarity in the user's words, for every surface that shows it.
#[cfg(any(feature = "inpage", feature = "extension"))]
mod tone_text;

/// The text of the composer `host` (a text field or an editing host) as the network will post
/// it, its technology detected from the DOM.
#[cfg(feature = "inpage")]
pub fn read_text(host: &web_sys::Element) -> String {
    editors::detect(host, None).read(host).text
}
