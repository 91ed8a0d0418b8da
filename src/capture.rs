//! Capture: what an item saved from a web page holds, chosen from what the page declares.
//!
//! Lives here: URL cleaning (`clean`, its tracking lists as data in `tracking`); the candidates a
//! page declares and the list of sources each field is read from (`candidates`, data shared by
//! the browser's DOM collector and the command line's `html` collector); the choice among them
//! (`choose`, with `jsonld`, `date`, `lang`, `resolve`, `text`). No browser code, no regex crate,
//! no URL parser: everything but `html` may run in either wasm engine (the choice runs in the
//! extension's engine, next to the store; cleaning is small enough for the in-page one). `html`
//! is native only: it links an HTML tokenizer that has no place in the extension.

pub mod candidates;
pub mod choose;
pub mod clean;
pub mod date;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod jsonld;
pub mod lang;
pub mod resolve;
pub mod text;
pub mod tracking;

pub use candidates::Candidates;
pub use choose::{choose, Capture, Quote};
pub use clean::{clean_url, clean_url_detailed, Cleaned};
