//! Porte-voix: the core of a browser extension for community managers.
//!
//! Every decision lives here in pure Rust, testable natively; the browser layer (`web`) is
//! compiled only for `wasm32` and is the one place that touches wasm-bindgen, web-sys, js-sys
//! and serde-wasm-bindgen.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

/// The content backlog: items, states and their moves, calendar queries, one item per article.
pub mod backlog;
/// Capture from a web page: URL cleaning, metadata candidates and the choice among them.
pub mod capture;
/// The error convention: stable `area.snake_case` codes, messages from `_locales`.
pub mod error;
/// Inserting into a composer, the decisions: the content-bound message, read-back judgement, caret.
pub mod insert;
/// Mastodon instances the user enables: what they typed, what the browser granted.
pub mod instances;
/// Reading JSON member by member from serde_json's `Value` or, in a page, from the JS value.
pub mod json;
/// `count(text, platform)`: the length report a composer badge or the command line shows.
pub mod length;
/// The arithmetic of the pages' virtualised lists: rows in view for a scroll offset, keyboard moves.
pub mod list_window;
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
/// What the background keeps in IndexedDB: records, revisions, tombstones, schema migrations.
pub mod store;
/// Saved replies: the model, the template language, first names, dates, rendering, import/export.
pub mod template;
/// Grapheme, UTF-16 and entity (URL, mention, hashtag) helpers shared by the length rules.
pub mod text;
/// Tone checks in French and English: polarity, hostility, shouting, courtesy, register…
pub mod tone;
/// Exports and imports: JSON backup, CSV (generic, Hootsuite, Pocket), ICS, bookmarks; reports.
pub mod transfer;

/// The browser layer: every `#[wasm_bindgen]` export, the content script, background and pages.
#[cfg(target_arch = "wasm32")]
pub mod web;
