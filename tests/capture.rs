//! Capture, backlog and transfer, one test binary: one module per concern in `tests/capture/`
//! (grouped so that the crate and its dependencies are linked once, not once per file).

#[path = "capture/backlog.rs"]
mod backlog;
#[path = "capture/backup_props.rs"]
mod backup_props;
#[path = "capture/choice.rs"]
mod choice;
#[path = "capture/clean_url.rs"]
mod clean_url;
#[path = "capture/locales.rs"]
mod locales;
#[path = "capture/pages.rs"]
mod pages;
#[path = "capture/transfer.rs"]
mod transfer;
