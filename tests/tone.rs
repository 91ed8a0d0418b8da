//! The tone check, one test binary: one module per concern in `tests/tone/`.

#[path = "tone/checks.rs"]
mod checks;
#[path = "tone/lang.rs"]
mod lang;
#[path = "tone/polarity.rs"]
mod polarity;
#[path = "tone/props.rs"]
mod props;
