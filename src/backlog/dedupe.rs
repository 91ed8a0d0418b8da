//! One item per article: the key two captures share when they are the same page (the canonical
//! URL once cleaned, scheme and host in lower case, without its fragment), and how a second
//! capture merges into the first.

use super::item::{normalize_tags, Item};
use crate::capture::{clean_url, Capture};
use crate::platform::Platform;

/// The dedupe key of a URL.
pub fn key(url: &str) -> String {
    let cleaned = clean_url(url);
    let no_fragment = cleaned.split('#').next().unwrap_or("");
    match no_fragment.find("://") {
        Some(i) => {
            let rest = &no_fragment[i + 3..];
            let host_end = rest.find(['/', '?']).unwrap_or(rest.len());
            let mut host = rest[..host_end].to_ascii_lowercase();
            for default in [":80", ":443"] {
                if let Some(h) = host.strip_suffix(default) {
                    host = h.to_string();
                }
            }
            let mut path = &rest[host_end..];
            if path.is_empty() {
                path = "/";
            }
            format!(
                "{}://{}{}",
                no_fragment[..i].to_ascii_lowercase(),
                host.trim_end_matches('.'),
                path
            )
        }
        None => no_fragment.to_string(),
    }
}

/// The store key of the item holding the page with this dedupe key: `page-` and a 128-bit
/// FNV-1a hash of the key, in hex (a key can be longer than an id may be). Captures and imports
/// alike give a page's item this id, so the same page from either lands on one record.
pub fn page_id(page_key: &str) -> String {
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;
    let mut h: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for b in page_key.bytes() {
        h ^= u128::from(b);
        h = h.wrapping_mul(PRIME);
    }
    format!("page-{h:032x}")
}

/// What the user adds when capturing (the small form; all optional).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaptureInput {
    pub tags: Vec<String>,
    pub note: String,
    pub networks: Vec<Platform>,
}

/// What merging a second capture changed in the item.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct MergeReport {
    pub tags_added: usize,
    pub networks_added: usize,
    pub note_added: bool,
    pub quote_added: bool,
    /// Metadata fields the first capture lacked and this one filled.
    pub fields_filled: Vec<&'static str>,
}

fn fill(
    slot: &mut Option<String>,
    new: &Option<String>,
    name: &'static str,
    filled: &mut Vec<&'static str>,
) {
    if slot.is_none() && new.is_some() {
        slot.clone_from(new);
        filled.push(name);
    }
}

/// Merges a new capture of the same page into `item`: tags and networks joined, a new note
/// appended, a new quote kept, metadata the item lacked filled in; nothing the user wrote is
/// replaced, and the state does not change.
pub fn merge(item: &mut Item, capture: &Capture, input: &CaptureInput, now_ms: u64) -> MergeReport {
    let mut r = MergeReport::default();
    let before = item.tags.len();
    let joined = normalize_tags(
        item.tags
            .iter()
            .map(String::as_str)
            .chain(input.tags.iter().map(String::as_str)),
    );
    r.tags_added = joined.len() - before;
    item.tags = joined;
    for n in &input.networks {
        if !item.networks.contains(n) {
            item.networks.push(*n);
            r.networks_added += 1;
        }
    }
    let note = input.note.trim();
    if !note.is_empty() && !item.note.contains(note) {
        if !item.note.is_empty() {
            item.note.push_str("\n\n");
        }
        item.note.push_str(note);
        r.note_added = true;
    }
    if let Some(q) = &capture.quote {
        if !item.quotes.iter().any(|x| x.text == q.text) {
            item.quotes.push(q.clone());
            r.quote_added = true;
        }
    }
    match &mut item.source {
        Some(src) => {
            let f = &mut r.fields_filled;
            fill(&mut src.title, &capture.title, "title", f);
            fill(&mut src.description, &capture.description, "description", f);
            fill(&mut src.image, &capture.image, "image", f);
            fill(&mut src.site_name, &capture.site_name, "site_name", f);
            fill(&mut src.author, &capture.author, "author", f);
            fill(&mut src.published, &capture.published, "published", f);
            fill(&mut src.lang, &capture.lang, "lang", f);
        }
        None => {
            let mut src = capture.clone();
            src.quote = None;
            item.source = Some(src);
        }
    }
    if item.title.is_empty() {
        if let Some(t) = &capture.title {
            item.title = t.clone();
        }
    }
    item.updated_ms = now_ms;
    r
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn the_same_page_has_the_same_key() {
        let same = [
            "https://www.exemple.fr/article?id=3",
            "https://www.exemple.fr/article?id=3&utm_source=x",
            "HTTPS://WWW.Exemple.FR/article?id=3#commentaires",
            "https://www.exemple.fr:443/article?id=3&fbclid=1#:~:text=a",
        ];
        for u in same {
            assert_eq!(key(u), "https://www.exemple.fr/article?id=3", "{u}");
        }
        assert_ne!(
            key("https://exemple.fr/Article"),
            key("https://exemple.fr/article")
        );
        assert_ne!(
            key("https://exemple.fr/a?id=3"),
            key("https://exemple.fr/a?id=4")
        );
        assert_eq!(key("https://exemple.fr"), key("https://exemple.fr/"));
    }
}
