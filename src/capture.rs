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

use crate::error::Coded;

/// A page that cannot be captured.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaptureError {
    /// The page has no web address (the browser's own pages, a new tab, a local file, a link
    /// that is not a web address): an item keeps only http(s) addresses, so nothing is written.
    #[error("not a web page: `{0}`")]
    NotAWebPage(String),
}

impl Coded for CaptureError {
    fn code(&self) -> &'static str {
        match self {
            CaptureError::NotAWebPage(_) => "capture.not_a_web_page",
        }
    }
}

/// Checks that the page to capture has a web address (absolute http or https).
pub fn check_page_url(page_url: &str) -> Result<(), CaptureError> {
    if resolve::is_web_url(page_url.trim()) {
        Ok(())
    } else {
        Err(CaptureError::NotAWebPage(page_url.to_string()))
    }
}
