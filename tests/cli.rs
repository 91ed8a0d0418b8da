//! The `porte-voix` command line run as a user would, one test binary: one module per command
//! in `tests/cli/` (`check.rs` also holds help, version and what every command shares), the
//! shared way of running the binary in `tests/support/cli.rs`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/cli.rs"]
mod support;

#[path = "cli/backlog.rs"]
mod backlog;
#[path = "cli/capture.rs"]
mod capture;
#[path = "cli/check.rs"]
mod check;
#[path = "cli/clean_url.rs"]
mod clean_url;
#[path = "cli/export.rs"]
mod export;
#[path = "cli/render.rs"]
mod render;
#[path = "cli/templates.rs"]
mod templates;
#[path = "cli/tone.rs"]
mod tone;
