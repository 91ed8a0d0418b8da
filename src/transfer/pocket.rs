//! Pocket's CSV export (`title,url,time_added,tags,status`, tags separated by `|`, times in
//! seconds since 1970): each row a page to import as an idea.

use super::import::Incoming;
use super::{input_text, TransferError, MAX_RECORDS};
use crate::capture::text::clean_value;

/// The pages of a Pocket CSV export.
pub fn parse(bytes: &[u8]) -> Result<Vec<Incoming>, TransferError> {
    let text = input_text(bytes)?;
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let malformed = |e: csv::Error| TransferError::Malformed {
        format: "csv",
        line: e.position().map_or(0, |p| p.line() as usize),
        detail: e.to_string(),
    };
    let header: Vec<String> = r
        .headers()
        .map_err(malformed)?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    let url_col = col("url").ok_or(TransferError::MissingColumn("url"))?;
    let (title_col, time_col, tags_col) = (col("title"), col("time_added"), col("tags"));
    let mut out = Vec::new();
    for (n, rec) in r.records().enumerate() {
        if n >= MAX_RECORDS {
            return Err(TransferError::TooManyRecords { max: MAX_RECORDS });
        }
        let rec = rec.map_err(malformed)?;
        let cell = |c: Option<usize>| c.and_then(|i| rec.get(i)).unwrap_or("");
        out.push(Incoming {
            line: n + 2,
            url: cell(Some(url_col)).trim().to_string(),
            title: clean_value(cell(title_col)),
            tags: cell(tags_col)
                .split('|')
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
            note: String::new(),
            created_ms: cell(time_col).trim().parse::<u64>().ok().map(|s| s * 1000),
        });
    }
    Ok(out)
}
