//! The length engine, one test binary: twitter-text's conformance suite, the per-platform
//! fixtures and the property tests, one module each in `tests/length/`.

#[path = "length/conformance.rs"]
mod conformance;
#[path = "length/fixtures.rs"]
mod fixtures;
#[path = "length/props.rs"]
mod props;
