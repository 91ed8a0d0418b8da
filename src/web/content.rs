//! The content script's Rust half, by feature: `content/session.rs` follows the focused composer
//! and publishes plain snapshots of it; `content/features.rs` lists the in-page features (one
//! file each under `content/features/`) with where they run, and runs them on every snapshot;
//! `content/insert.rs` inserts text into the composer followed, on the extension's request.
//!
//! Editor technologies (how a composer's text is read) live in `web/editors/`, DOM helpers in
//! `web/dom/`, the length rules in the core: none of that belongs here.

use crate::sites::{site_for_host_in, Site};

pub mod features;
pub mod insert;
pub mod menu;
pub mod picker;
pub mod reply_context;
pub mod session;

pub use features::{add, Editors, Feature, Scope};
pub use session::{report_limit, set_instance_limit, set_settings, start, Composer, Env, Snapshot};

/// The site this page belongs to, if we serve it (`instances`: the Mastodon instances the user
/// enabled; the content script runs on one only once its access is granted).
pub fn page_site(instances: &[String]) -> Option<&'static Site> {
    let host = web_sys::window()?.location().hostname().ok()?;
    site_for_host_in(&host, instances)
}
