//! Netscape bookmark files (what Firefox, Chrome, Safari, Pocket, Raindrop and most read-later
//! tools export): each `<A HREF>` becomes a page to import, with its `TAGS` (or `tags`), its
//! `ADD_DATE` (or Pocket's `time_added`), its title, and the folders it sits in as tags. A small
//! tolerant scanner, not an HTML parser: the format is a flat list of tags, and this runs in the
//! extension's engine where no parser is linked.

use super::import::Incoming;
use super::{input_text, TransferError, MAX_DEPTH, MAX_RECORDS};
use crate::capture::text::{clean_value, decode_entities};

/// The attributes of a start tag (names in lower case, values decoded).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let b = tag.as_bytes();
    // skip the tag name
    let mut i = b
        .iter()
        .position(|c| c.is_ascii_whitespace())
        .unwrap_or(b.len());
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        if start == i {
            break;
        }
        let name = tag[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vstart = i + 1;
                let vend = b[vstart..]
                    .iter()
                    .position(|c| *c == q)
                    .map_or(b.len(), |p| vstart + p);
                value = decode_entities(&tag[vstart..vend]).into_owned();
                i = (vend + 1).min(b.len());
            } else {
                let vstart = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = decode_entities(&tag[vstart..i]).into_owned();
            }
        }
        out.push((name, value));
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Text up to the closing tag `</name>` (case-insensitive), and where it ends.
fn text_until<'a>(html: &'a str, from: usize, name: &str) -> (&'a str, usize) {
    let lower_close = format!("</{name}");
    let rest = &html[from..];
    let end = find_ci(rest, &lower_close).unwrap_or(rest.len());
    (&rest[..end], from + end)
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    hay.as_bytes()
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The pages of a bookmarks file, and its line numbers for the report.
pub fn parse(bytes: &[u8]) -> Result<Vec<Incoming>, TransferError> {
    let html = input_text(bytes)?;
    let mut out = Vec::new();
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut pending_folder: Option<String> = None;
    let mut i = 0;
    // line numbers for the report, counted as the scan moves forward
    let (mut line, mut counted_to) = (1usize, 0usize);
    while let Some(rel) = html[i..].find('<') {
        let start = i + rel;
        let Some(close_rel) = html[start..].find('>') else {
            break;
        };
        let end = start + close_rel;
        let tag = &html[start + 1..end];
        i = end + 1;
        let name: String = tag
            .char_indices()
            .take_while(|(k, c)| !(c.is_ascii_whitespace() || (*c == '/' && *k > 0)))
            .map(|(_, c)| c.to_ascii_lowercase())
            .collect();
        match name.as_str() {
            "h3" => {
                let (text, after) = text_until(html, i, "h3");
                pending_folder = clean_value(&decode_entities(&strip_tags(text)));
                i = after;
            }
            "dl" => {
                folders.push(pending_folder.take());
                if folders.len() > MAX_DEPTH {
                    return Err(TransferError::TooDeep { max: MAX_DEPTH });
                }
            }
            "/dl" => {
                folders.pop();
            }
            "a" => {
                let attrs = attributes(tag);
                let (text, after) = text_until(html, i, "a");
                i = after;
                let Some(href) = attr(&attrs, "href") else {
                    continue;
                };
                let mut tags: Vec<String> = attr(&attrs, "tags")
                    .map(|t| {
                        t.split(',')
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty())
                            .collect()
                    })
                    .unwrap_or_default();
                // the innermost folder names the page's subject; the top level (the toolbar,
                // the menu) says nothing, so only folders below it count
                tags.extend(folders.iter().skip(2).flatten().cloned());
                let created_ms = attr(&attrs, "add_date")
                    .or_else(|| attr(&attrs, "time_added"))
                    .and_then(|s| s.trim().parse::<u64>().ok())
                    .map(|secs| {
                        if secs > 100_000_000_000 {
                            secs / 1000
                        } else {
                            secs
                        }
                    })
                    .map(|secs| secs * 1000);
                line += html[counted_to..start]
                    .bytes()
                    .filter(|b| *b == b'\n')
                    .count();
                counted_to = start;
                out.push(Incoming {
                    line,
                    url: href.trim().to_string(),
                    title: clean_value(&decode_entities(&strip_tags(text))),
                    tags,
                    note: String::new(),
                    created_ms,
                });
                if out.len() > MAX_RECORDS {
                    return Err(TransferError::TooManyRecords { max: MAX_RECORDS });
                }
            }
            _ => {}
        }
    }
    if out.is_empty() {
        return Err(TransferError::NoBookmarks);
    }
    Ok(out)
}
