//! Mentions, hashtags and per-network link detection that is not twitter-text's: Mastodon's
//! `@user@domain` rule and Bluesky's link facets with the app's link shortening.
//!
//! Everything here returns byte ranges into the `&str` it was given; `length` converts them to
//! UTF-16 once.

use std::ops::Range;

#[inline]
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || ('\u{300}'..='\u{36F}').contains(&c)
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// Hashtags: `#` (or `＃`) not preceded by a word character, `&` or another `#`, followed by
/// word characters of which at least one is not a digit.
pub fn hashtags(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for_each_hashtag(text, &mut |r| out.push(r));
    out
}

/// `hashtags`, one range at a time (no allocation; `dyn` so that the scan is compiled once).
pub(crate) fn for_each_hashtag(text: &str, f: &mut dyn FnMut(Range<usize>)) {
    // Jump from one `#` to the next (`memchr`), or byte by byte when a `＃` (EF BC 83) is there.
    let wide = text.contains('＃');
    let next = |from: usize| -> Option<usize> {
        let rest = &text.as_bytes()[from..];
        let at = if wide {
            rest.iter().position(|&b| b == b'#' || b == 0xEF)
        } else {
            text[from..].find('#')
        };
        at.map(|j| from + j)
    };
    let mut from = 0;
    while let Some(i) = next(from) {
        let c = text[i..].chars().next().unwrap_or('#');
        from = i + c.len_utf8();
        if c != '#' && c != '＃' {
            continue;
        }
        if prev_char(text, i).is_some_and(|p| is_word(p) || p == '&' || p == '#' || p == '＃') {
            continue;
        }
        let body = i + c.len_utf8();
        let mut end = body;
        let mut has_letter = false;
        for (j, d) in text[body..].char_indices() {
            if is_word(d) || d == '\u{200C}' || d == '\u{200D}' {
                has_letter |= !d.is_ascii_digit();
                end = body + j + d.len_utf8();
            } else {
                break;
            }
        }
        if end > body && has_letter {
            f(i..end);
        }
    }
}

fn ascii_run(text: &str, from: usize, f: impl Fn(u8) -> bool) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() && f(b[i]) {
        i += 1;
    }
    i
}

/// `[a-z0-9_]+([.-]+[a-z0-9_]+)*` (case-insensitive) from `from`: its end.
fn username_end(text: &str, from: usize) -> Option<usize> {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut end = ascii_run(text, from, word);
    if end == from {
        return None;
    }
    loop {
        let sep = ascii_run(text, end, |b| b == b'.' || b == b'-');
        if sep == end {
            break;
        }
        let next = ascii_run(text, sep, word);
        if next == sep {
            break;
        }
        end = next;
    }
    Some(end)
}

/// `[[:word:]]+([.-]+[[:word:]]+)*` from `from`: its end.
fn domain_end(text: &str, from: usize) -> Option<usize> {
    let word_run = |at: usize| {
        text[at..]
            .char_indices()
            .find(|&(_, c)| !is_word(c))
            .map_or(text.len(), |(j, _)| at + j)
    };
    let mut end = word_run(from);
    if end == from {
        return None;
    }
    loop {
        let sep = ascii_run(text, end, |b| b == b'.' || b == b'-');
        if sep == end {
            break;
        }
        let next = word_run(sep);
        if next == sep {
            break;
        }
        end = next;
    }
    Some(end)
}

/// A mention as Mastodon's server sees it (`Account::MENTION_RE`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The whole mention, `@user` or `@user@domain`.
    pub range: Range<usize>,
    /// End of the `@user` part (what Mastodon counts).
    pub user_end: usize,
}

/// Mentions by Mastodon's rule: `@user` or `@user@domain`, not preceded by `=`, `/` or a word
/// character. Also used for the mention spans of the other platforms (a fediverse-aware
/// superset of `@name`).
pub fn mentions(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for_each_mention(text, &mut |m| out.push(m));
    out
}

/// `mentions`, one at a time (no allocation; `dyn` so that the scan is compiled once).
pub(crate) fn for_each_mention(text: &str, f: &mut dyn FnMut(Mention)) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Jump to the next `@` (`memchr`).
        match text[i..].find('@') {
            Some(j) => i += j,
            None => break,
        }
        if prev_char(text, i).is_some_and(|p| p == '=' || p == '/' || is_word(p)) {
            i += 1;
            continue;
        }
        let Some(user_end) = username_end(text, i + 1) else {
            i += 1;
            continue;
        };
        let mut end = user_end;
        if b.get(user_end) == Some(&b'@') {
            if let Some(d) = domain_end(text, user_end + 1) {
                end = d;
            }
        }
        f(Mention {
            range: i..end,
            user_end,
        });
        i = end;
    }
}

/// A Bluesky link facet: the range of its text and its URI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlueskyLink {
    /// Byte range of the link's text in the post.
    pub range: Range<usize>,
    /// Whether the text starts with `http://` or `https://`.
    pub has_scheme: bool,
}

#[inline]
fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

fn starts_with_ci(s: &str, p: &str) -> bool {
    s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
}

/// Bluesky's link detection (`detectFacets` in `@atproto/api`): a link starts at the beginning
/// of a line, after a space or after `(`, is either `https?://\S+` or a domain
/// `[a-z][a-z0-9]*(\.[a-z0-9]+)+\S*` whose last label is in Bluesky's TLD list, and loses one trailing
/// `.,;:!?` and then a `)` when it has no `(`.
pub fn bluesky_links(text: &str) -> Vec<BlueskyLink> {
    let known = super::tld::bluesky_contains;
    let mut out = Vec::new();
    let mut p = 0;
    // The character before `p` (looked up again after a jump).
    let mut prev: Option<char> = None;
    'scan: while p <= text.len() {
        let at_line_start =
            p == 0 || prev.is_some_and(|c| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'));
        let here = text[p..].chars().next();
        let mut starts = [None, None];
        if at_line_start {
            starts[0] = Some(p);
        }
        if let Some(c) = here {
            if is_js_space(c) || c == '(' {
                starts[1] = Some(p + c.len_utf8());
            }
        }
        for s in starts.into_iter().flatten() {
            let rest = &text[s..];
            let run_end = rest
                .char_indices()
                .find(|&(_, c)| is_js_space(c))
                .map_or(text.len(), |(j, _)| s + j);
            let scheme = ["https://", "http://"]
                .iter()
                .find(|sch| starts_with_ci(rest, sch))
                .map(|sch| sch.len());
            let matched = match scheme {
                Some(l) if run_end > s + l => Some(true),
                _ => {
                    // [a-z][a-z0-9]*(\.[a-z0-9]+)+
                    let b = text.as_bytes();
                    if s < b.len() && b[s].is_ascii_alphabetic() {
                        let mut e = ascii_run(text, s, |x| x.is_ascii_alphanumeric());
                        let mut labels = 0;
                        let mut last_label = e..e;
                        while e < b.len() && b[e] == b'.' {
                            let n = ascii_run(text, e + 1, |x| x.is_ascii_alphanumeric());
                            if n == e + 1 {
                                break;
                            }
                            labels += 1;
                            last_label = e + 1..n;
                            e = n;
                        }
                        if labels == 0 {
                            None
                        } else if known(&text[last_label]) {
                            Some(false)
                        } else {
                            // A match that fails validation still consumes its text.
                            p = run_end.max(p + 1);
                            prev = prev_char(text, p);
                            continue 'scan;
                        }
                    } else {
                        None
                    }
                }
            };
            if let Some(has_scheme) = matched {
                let mut end = run_end;
                if text[s..end].ends_with(['.', ',', ';', ':', '!', '?']) {
                    end -= 1;
                }
                if text[s..end].ends_with(')') && !text[s..end].contains('(') {
                    end -= 1;
                }
                out.push(BlueskyLink {
                    range: s..end,
                    has_scheme,
                });
                p = run_end.max(p + 1);
                prev = prev_char(text, p);
                continue 'scan;
            }
        }
        prev = here;
        p += here.map_or(1, |c| c.len_utf8());
    }
    out
}

fn percent_encode_into(out: &mut String, s: &str, keep: impl Fn(char) -> bool) {
    for c in s.chars() {
        if c.is_ascii() && c > ' ' && c != '\u{7F}' && keep(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
}

/// Percent-decodes `s` as the URL standard does for a host (bytes, then UTF-8); `None` when the
/// bytes are not UTF-8 (the browser's `URL` throws then).
fn percent_decode(s: &str) -> Option<String> {
    if !s.contains('%') {
        return Some(s.to_string());
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// The URL standard's "ends in a number": the last label (a trailing dot aside) is decimal
/// digits or `0x` and hex digits, so the host is read as an IPv4 address.
fn ends_in_a_number(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    let last = host.rsplit('.').next().unwrap_or("");
    if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    last.strip_prefix("0x")
        .or_else(|| last.strip_prefix("0X"))
        .is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The URL standard's IPv4 parser (decimal, `0x` hex and leading-zero octal parts, the last
/// part filling the remaining bytes), written back dotted; `None` where `URL` throws.
fn ipv4(host: &str) -> Option<String> {
    let host = host.strip_suffix('.').unwrap_or(host);
    let parts: Vec<&str> = host.split('.').collect();
    if parts.len() > 4 {
        return None;
    }
    let mut nums = Vec::with_capacity(parts.len());
    for p in &parts {
        let (digits, radix) = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X"))
        {
            (h, 16)
        } else if p.len() > 1 && p.starts_with('0') {
            (&p[1..], 8)
        } else {
            (*p, 10)
        };
        if p.is_empty() {
            return None;
        }
        let n = if digits.is_empty() {
            0
        } else {
            u64::from_str_radix(digits, radix).ok()?
        };
        nums.push(n);
    }
    let (last, head) = nums.split_last()?;
    if head.iter().any(|&n| n > 255) || *last >= 256u64.pow(5 - nums.len() as u32) {
        return None;
    }
    let mut v = *last;
    for (i, &n) in head.iter().enumerate() {
        v += n << (8 * (3 - i));
    }
    Some(format!(
        "{}.{}.{}.{}",
        (v >> 24) & 255,
        (v >> 16) & 255,
        (v >> 8) & 255,
        v & 255
    ))
}

/// Removes `.` and `..` segments from a path (`%2e` counts as a dot), as `URL` does.
fn resolve_dots(path: &str) -> String {
    let Some(rest) = path.strip_prefix('/') else {
        return path.to_string();
    };
    let is_dot = |s: &str| s == "." || s.eq_ignore_ascii_case("%2e");
    let is_dotdot = |s: &str| {
        matches!(s.len(), 2 | 4 | 6)
            && (s == ".."
                || s.eq_ignore_ascii_case(".%2e")
                || s.eq_ignore_ascii_case("%2e.")
                || s.eq_ignore_ascii_case("%2e%2e"))
    };
    let segments: Vec<&str> = rest.split('/').collect();
    let mut out: Vec<&str> = Vec::with_capacity(segments.len());
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        if is_dotdot(seg) {
            out.pop();
            if last {
                out.push("");
            }
        } else if is_dot(seg) {
            if last {
                out.push("");
            }
        } else {
            out.push(seg);
        }
    }
    format!("/{}", out.join("/"))
}

/// The Bluesky app's `toShortUrl`: `host + path` (with query and fragment) where a path longer
/// than 15 characters is cut to 13 and followed by `...`. The host and path are first put in the
/// form a browser's `URL` gives them (lower-case Punycode host, default port dropped,
/// percent-encoded path). `None` when the text is not an `http(s)` URL a browser accepts (the
/// app then keeps the text unchanged).
pub fn bluesky_short_url(url: &str) -> Option<String> {
    let (rest, default_port) = if starts_with_ci(url, "https://") {
        (&url[8..], "443")
    } else if starts_with_ci(url, "http://") {
        (&url[7..], "80")
    } else {
        return None;
    };
    let auth_end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let authority = &rest[..auth_end];
    let hostport = authority.rsplit('@').next().unwrap_or("");
    let (host, port) = match hostport.rfind(':') {
        Some(i) if !hostport.starts_with('[') || hostport[..i].ends_with(']') => {
            (&hostport[..i], Some(&hostport[i + 1..]))
        }
        _ => (hostport, None),
    };
    // the URL standard's host parser: percent-decode, then forbidden code points, IDNA, IPv4
    let decoded = if host.starts_with('[') {
        host.to_string()
    } else {
        percent_decode(host)?
    };
    if decoded.is_empty()
        || decoded.contains([' ', '#', '/', ':', '<', '>', '?', '@', '\\', '^', '|', '%'])
            && !decoded.starts_with('[')
    {
        return None;
    }
    let mut out = String::new();
    for (i, label) in decoded.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push_str(&super::punycode::host_label_to_ascii(label));
    }
    if !out.starts_with('[') && ends_in_a_number(&out) {
        out = ipv4(&out)?;
    }
    if let Some(port) = port {
        if !port.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let trimmed = port.trim_start_matches('0');
        if !port.is_empty() && trimmed != default_port {
            out.push(':');
            out.push_str(if trimmed.is_empty() { "0" } else { trimmed });
        }
    }
    let tail = &rest[auth_end..];
    let (before_hash, hash) = match tail.find('#') {
        Some(i) => (&tail[..i], &tail[i + 1..]),
        None => (tail, ""),
    };
    let has_hash = tail.contains('#');
    let (path, query) = match before_hash.find('?') {
        Some(i) => (&before_hash[..i], Some(&before_hash[i + 1..])),
        None => (before_hash, None),
    };
    let mut shown = String::new();
    let path = resolve_dots(&path.replace('\\', "/"));
    if !path.is_empty() && path != "/" {
        percent_encode_into(&mut shown, &path, |c| !"\"<>`{}^".contains(c));
    }
    if let Some(q) = query.filter(|q| !q.is_empty()) {
        shown.push('?');
        percent_encode_into(&mut shown, q, |c| !"\"#<>'".contains(c));
    }
    if has_hash && !hash.is_empty() {
        shown.push('#');
        percent_encode_into(&mut shown, hash, |c| !"\"<>`".contains(c));
    }
    if shown.len() > 15 {
        out.push_str(&shown[..13]);
        out.push_str("...");
    } else {
        out.push_str(&shown);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_paths_are_read_as_the_url_standard_reads_them() {
        assert_eq!(
            bluesky_short_url("https://0x7f.1/a").as_deref(),
            Some("127.0.0.1/a")
        );
        assert_eq!(bluesky_short_url("https://08.1/a"), None);
        assert_eq!(bluesky_short_url("https://1.2.3.4.5/"), None);
        assert_eq!(
            bluesky_short_url("https://ex%41mple.com/").as_deref(),
            Some("example.com")
        );
        assert_eq!(bluesky_short_url("https://ex%ffample.com/"), None);
        assert_eq!(
            bluesky_short_url("https://e.com/a/../b/%2e/c/.%2E/d").as_deref(),
            Some("e.com/b/d")
        );
        assert_eq!(resolve_dots("/a/b/.."), "/a/");
        assert_eq!(resolve_dots("/../../x"), "/x");
    }

    #[test]
    fn short_urls() {
        assert_eq!(
            bluesky_short_url("https://www.lapresse.ca/actualites/2025-01-01/article.php").unwrap(),
            "www.lapresse.ca/actualites/2..."
        );
        assert_eq!(
            bluesky_short_url("https://Example.COM/").unwrap(),
            "example.com"
        );
        assert_eq!(
            bluesky_short_url("http://example.com:80/a?b=1").unwrap(),
            "example.com/a?b=1"
        );
        assert_eq!(bluesky_short_url("example.com/a"), None);
    }

    #[test]
    fn links() {
        let t = "Voir https://bsky.app/profile/x. et (lapresse.ca) ou e.g. fin";
        let l = bluesky_links(t);
        let s: Vec<&str> = l.iter().map(|l| &t[l.range.clone()]).collect();
        assert_eq!(s, ["https://bsky.app/profile/x", "lapresse.ca"]);
    }

    #[test]
    fn mastodon_mentions() {
        let t = "Salut @alice@mastodon.social et @bob, pas mail@x.org";
        let m = mentions(t);
        assert_eq!(m.len(), 2);
        assert_eq!(&t[m[0].range.start..m[0].user_end], "@alice");
        assert_eq!(&t[m[0].range.clone()], "@alice@mastodon.social");
        assert_eq!(&t[m[1].range.clone()], "@bob");
    }

    #[test]
    fn tags() {
        let t = "#Québec #2025 a#b #tabarnak_de_câlice";
        let h: Vec<&str> = hashtags(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(h, ["#Québec", "#tabarnak_de_câlice"]);
    }
}
