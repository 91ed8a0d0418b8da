//! Capture: what an item saved from a web page holds, chosen from what the page declares.
//!
//! Lives here: URL cleaning (`clean`, with its tracking lists as data in `tracking`). No browser
//! code, no regex crate, no URL parser: this module may run in any engine.

pub mod clean;
pub mod tracking;

pub use clean::{clean_url, clean_url_detailed, Cleaned};
