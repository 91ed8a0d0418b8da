//! URL cleaning: strips tracking parameters and text fragments. Only the query and the fragment
//! change; everything else keeps its bytes. Pure string work (no URL parser, no regex), so it can
//! run in the in-page engine. The lists live in `tracking.rs`.

use super::tracking::{GLOBAL, GLOBAL_PREFIXES, SCOPED, SCOPED_PREFIXES};

/// A cleaned URL and the names of the parameters taken out (as written in the URL).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cleaned {
    pub url: String,
    pub removed: Vec<String>,
    /// A text fragment (`#:~:text=…`) was taken out.
    pub text_fragment_removed: bool,
}

/// The URL without its tracking parameters and text fragment.
pub fn clean_url(url: &str) -> String {
    clean_url_detailed(url).url
}

/// The parts of a URL string cleaning looks at, as byte ranges of the input.
struct Parts<'a> {
    /// Scheme, authority and path (everything before `?` or `#`).
    head: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn split(url: &str) -> Parts<'_> {
    let (before_frag, fragment) = match url.find('#') {
        Some(i) => (&url[..i], Some(&url[i + 1..])),
        None => (url, None),
    };
    let (head, query) = match before_frag.find('?') {
        Some(i) => (&before_frag[..i], Some(&before_frag[i + 1..])),
        None => (before_frag, None),
    };
    Parts {
        head,
        query,
        fragment,
    }
}

/// Lower-case host of an absolute URL (`scheme://[user@]host[:port]/…`), without a trailing dot.
pub(crate) fn host_of(head: &str) -> Option<String> {
    let rest = &head[head.find("://")? + 3..];
    let authority = &rest[..rest.find('/').unwrap_or(rest.len())];
    let hostport = match authority.rfind('@') {
        Some(i) => &authority[i + 1..],
        None => authority,
    };
    let host = if hostport.starts_with('[') {
        &hostport[..hostport.find(']').map_or(hostport.len(), |i| i + 1)]
    } else {
        &hostport[..hostport.find(':').unwrap_or(hostport.len())]
    };
    Some(host.trim_end_matches('.').to_ascii_lowercase())
}

fn path_of(head: &str) -> &str {
    match head.find("://") {
        Some(i) => {
            let rest = &head[i + 3..];
            rest.find('/').map_or("", |j| &rest[j..])
        }
        None => head,
    }
}

fn on_domain(host: &str, domain: &str) -> bool {
    host == domain
        || (host.len() > domain.len()
            && host.ends_with(domain)
            && host.as_bytes()[host.len() - domain.len() - 1] == b'.')
}

/// The parameter name, percent-decoded where it encodes ASCII, ASCII letters in lower case.
fn key_of(segment: &str) -> String {
    let raw = &segment[..segment.find('=').unwrap_or(segment.len())];
    let b = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                let v = (h * 16 + l) as u8;
                if v.is_ascii() {
                    out.push(v.to_ascii_lowercase() as char);
                    i += 3;
                    continue;
                }
            }
        }
        // the lists are ASCII: other characters pass through as they are (no Unicode case
        // tables in the in-page engine for names that can never match)
        let ch_len = raw[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&raw[i..i + ch_len].to_ascii_lowercase());
        i += ch_len;
    }
    out
}

/// Whether a parameter name (already lower case) is a tracker on this host and path.
pub fn is_tracking(key: &str, host: Option<&str>, path: &str) -> bool {
    if GLOBAL.contains(&key) || GLOBAL_PREFIXES.iter().any(|p| key.starts_with(p)) {
        return true;
    }
    let Some(host) = host else { return false };
    SCOPED.iter().any(|s| {
        s.name == key
            && s.domains.iter().any(|d| on_domain(host, d))
            && s.path_contains.is_none_or(|p| path.contains(p))
    }) || SCOPED_PREFIXES
        .iter()
        .any(|(p, domains)| key.starts_with(p) && domains.iter().any(|d| on_domain(host, d)))
}

/// `clean_url` with what it removed.
pub fn clean_url_detailed(url: &str) -> Cleaned {
    let url = url.trim();
    let parts = split(url);
    let host = host_of(parts.head);
    let path = path_of(parts.head);
    let mut removed = Vec::new();
    let mut out = String::with_capacity(url.len());
    out.push_str(parts.head);
    if let Some(query) = parts.query {
        let mut kept: Vec<&str> = Vec::new();
        for segment in query.split('&') {
            if segment.is_empty() {
                kept.push(segment);
                continue;
            }
            if is_tracking(&key_of(segment), host.as_deref(), path) {
                removed.push(segment[..segment.find('=').unwrap_or(segment.len())].to_string());
            } else {
                kept.push(segment);
            }
        }
        if removed.is_empty() {
            if !query.is_empty() {
                out.push('?');
            }
            out.push_str(query);
        } else {
            kept.retain(|s| !s.is_empty());
            if !kept.is_empty() {
                out.push('?');
                out.push_str(&kept.join("&"));
            }
        }
    }
    let mut text_fragment_removed = false;
    if let Some(fragment) = parts.fragment {
        let kept = match fragment.find(":~:") {
            Some(i) => {
                text_fragment_removed = true;
                &fragment[..i]
            }
            None => fragment,
        };
        if !kept.is_empty() || !text_fragment_removed {
            out.push('#');
            out.push_str(kept);
        }
    }
    Cleaned {
        url: out,
        removed,
        text_fragment_removed,
    }
}
