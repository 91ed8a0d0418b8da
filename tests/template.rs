//! Templates, one test binary: one module per concern in `tests/template/` (the parser's time
//! test is `tests/template_parse_time.rs`, alone in its binary while it measures).

#[path = "template/csv.rs"]
mod csv;
#[path = "template/dates.rs"]
mod dates;
#[path = "template/names.rs"]
mod names;
#[path = "template/parse.rs"]
mod parse;
#[path = "template/render.rs"]
mod render;
#[path = "template/search.rs"]
mod search;
#[path = "template/starter.rs"]
mod starter;
#[path = "template/transfer.rs"]
mod transfer;
