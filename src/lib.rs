//! Porte-voix: the core of a browser extension for community managers.
//!
//! Every decision lives here in pure Rust, testable natively; the browser layer (`web`) is
//! compiled only for `wasm32` and is the one place that touches wasm-bindgen, web-sys, js-sys
//! and gloo.

/// The error convention: stable `area.snake_case` codes, messages from `_locales`.
pub mod error;
/// Inserting into a composer, the decisions: the content-bound message, read-back judgement, caret.
pub mod insert;
/// Mastodon instances the user enables: what they typed, what the browser granted.
pub mod instances;
/// `count(text, platform)`: the length report a composer badge or the command line shows.
pub mod length;
/// The UI languages and the number formatting the UI does itself.
pub mod locale;
/// The platforms Porte-voix counts for, each with its length rule as data.
pub mod platform;
/// Typed messages between the content script, the background and the extension pages.
pub mod protocol;
/// The user's settings, their schema version and migrations.
pub mod settings;
/// The social networks' sites: hosts and the platform each composer posts to.
pub mod sites;
/// Grapheme, UTF-16 and entity (URL, mention, hashtag) helpers shared by the length rules.
pub mod text;

/// The browser layer: every `#[wasm_bindgen]` export, the content script, background and pages.
#[cfg(target_arch = "wasm32")]
pub mod web;
