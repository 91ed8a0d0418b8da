//! URL detection that reproduces twitter-text 3.1's `extractUrlsWithIndices` (the rule that
//! decides which part of a post counts as a 23-unit link), without a regex engine.
//!
//! The reference is one large JavaScript regular expression applied to UTF-16 code units with
//! backtracking; this file walks the same grammar by hand, on a `&[u16]` so that offsets and
//! character classes behave exactly like JavaScript's (surrogate halves included). The grammar:
//!
//! ```text
//! (preceding char | ^) (https?://)? domain (:port)? (/path)? (?query)?
//! domain = subdomain* name (gTLD | ccTLD | xn--punycode)
//! ```
//!
//! Every piece is linear in practice: label runs are precomputed, and the domain match from a
//! label start is memoised, so a long run of dotted words cannot go quadratic.

use super::tld;

/// One extracted URL, as UTF-16 offsets into the scanned buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UrlMatch {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// Whether the URL was written with `http://` or `https://`.
    pub has_protocol: bool,
}

const MAX_URL_LENGTH: usize = 4096;
const MAX_TCO_SLUG_LENGTH: usize = 40;
const MAX_DOMAIN_LABEL_LENGTH: usize = 63;
const DEFAULT_PROTOCOL_LEN: usize = "https://".len();

#[inline]
fn is_invalid(u: u16) -> bool {
    matches!(u, 0xFFFE | 0xFEFF | 0xFFFF)
}

#[inline]
fn is_directional(u: u16) -> bool {
    matches!(u, 0x202A..=0x202E | 0x061C | 0x200E | 0x200F | 0x2066..=0x2069)
}

#[inline]
fn is_space(u: u16) -> bool {
    matches!(
        u,
        0x09..=0x0D
            | 0x20
            | 0x85
            | 0xA0
            | 0x1680
            | 0x180E
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
    )
}

/// A 128-bit membership mask of ASCII bytes, built at compile time.
const fn mask(set: &[u8]) -> u128 {
    let mut m = 0u128;
    let mut i = 0;
    while i < set.len() {
        m |= 1u128 << set[i];
        i += 1;
    }
    m
}

#[inline]
fn in_mask(u: u16, m: u128) -> bool {
    // Two 64-bit halves: a u128 shift is a library call on some targets (wasm32 included).
    match u {
        0..=63 => (m as u64 >> u) & 1 == 1,
        64..=127 => ((m >> 64) as u64 >> (u - 64)) & 1 == 1,
        _ => false,
    }
}

#[inline]
fn is_ascii(u: u16, set: &[u8]) -> bool {
    u < 0x80 && set.contains(&(u as u8))
}

const PUNCT: u128 = mask(b"!'#%&()*+,\\-./:;<=>?@[]^_{|}~$");
const PATH: u128 = mask(b"!*';:=+,.$/%#[]-_~@|&");
const PATH_END: u128 = mask(b"+-=_#/");
const QUERY: u128 = mask(b"!?*'@();:&=+$/%#[]-_.,~|");
const QUERY_END: u128 = mask(b"-_&=#/");

/// twitter-text's `punct` (note: no `"` and no backtick, unlike the Ruby version).
#[inline]
fn is_punct(u: u16) -> bool {
    in_mask(u, PUNCT)
}

/// `validDomainChars`.
#[inline]
fn is_domain_char(u: u16) -> bool {
    !(is_punct(u) || is_space(u) || is_invalid(u) || is_directional(u))
}

/// `validUrlPrecedingChars`, first alternative (directional marks are already allowed by it).
#[inline]
fn is_preceding_ok(u: u16) -> bool {
    !((u < 0x80 && ((u as u8).is_ascii_alphanumeric() || matches!(u as u8, b'@' | b'$' | b'#')))
        || u == 0xFF20
        || u == 0xFF03
        || is_invalid(u))
}

#[inline]
fn is_latin_accent(u: u16) -> bool {
    matches!(
        u,
        0xC0..=0xD6
            | 0xD8..=0xF6
            | 0xF8..=0xFF
            | 0x0100..=0x024F
            | 0x0253
            | 0x0254
            | 0x0256
            | 0x0257
            | 0x0259
            | 0x025B
            | 0x0263
            | 0x0268
            | 0x026F
            | 0x0272
            | 0x0289
            | 0x028B
            | 0x02BB
            | 0x0300..=0x036F
            | 0x1E00..=0x1EFF
    )
}

#[inline]
fn is_alnum(u: u16) -> bool {
    u < 0x80 && (u as u8).is_ascii_alphanumeric()
}

#[inline]
fn is_cyrillic(u: u16) -> bool {
    (0x0400..=0x04FF).contains(&u)
}

/// `validGeneralUrlPathChars`.
#[inline]
fn is_path_char(u: u16) -> bool {
    is_alnum(u) || is_cyrillic(u) || is_latin_accent(u) || u == 0x2013 || in_mask(u, PATH)
}

/// `validUrlPathEndingChars` (single-character part).
#[inline]
fn is_path_ending(u: u16) -> bool {
    is_alnum(u) || is_cyrillic(u) || is_latin_accent(u) || in_mask(u, PATH_END)
}

/// `validUrlQueryChars`.
#[inline]
fn is_query_char(u: u16) -> bool {
    is_alnum(u) || in_mask(u, QUERY)
}

/// `validUrlQueryEndingChars`.
#[inline]
fn is_query_ending(u: u16) -> bool {
    is_alnum(u) || in_mask(u, QUERY_END)
}

/// The label characters of `validAsciiDomain`.
#[inline]
fn is_ascii_label(u: u16) -> bool {
    is_alnum(u) || u == b'-' as u16 || is_latin_accent(u)
}

fn run_end(buf: &[u16], from: usize, pred: impl Fn(u16) -> bool) -> usize {
    let mut i = from;
    while i < buf.len() && pred(buf[i]) {
        i += 1;
    }
    i
}

fn starts_with_ci(buf: &[u16], at: usize, lit: &[u8]) -> bool {
    buf.len() >= at + lit.len()
        && buf[at..at + lit.len()]
            .iter()
            .zip(lit)
            .all(|(&u, &b)| u < 0x80 && (u as u8).eq_ignore_ascii_case(&b))
}

/// `xn--[-0-9a-z]+` (case-insensitive) at `pos`.
fn punycode_tld_at(buf: &[u16], pos: usize) -> Option<usize> {
    if !starts_with_ci(buf, pos, b"xn--") {
        return None;
    }
    let e = run_end(buf, pos + 4, |u| is_alnum(u) || u == b'-' as u16);
    (e > pos + 4).then_some(e)
}

/// `(?:validGTLD|validCCTLD|validPunycode)` at `pos`.
fn tld_at(buf: &[u16], pos: usize) -> Option<usize> {
    tld::set()
        .match_at(buf, pos)
        .or_else(|| punycode_tld_at(buf, pos))
}

const UNKNOWN: u32 = u32::MAX;
const NO_MATCH: u32 = u32::MAX - 1;

/// Per-text scanning state: label runs and the memo of domain matches.
struct Scanner<'a> {
    buf: &'a [u16],
    /// End of the run of `[domain char _ -]` starting at each index.
    sub_run: Vec<u32>,
    /// Index of the next `_` at or after each index (`len` when none).
    next_underscore: Vec<u32>,
    /// Domain match from a label start: `UNKNOWN`, `NO_MATCH` or the end.
    memo: Vec<u32>,
}

impl<'a> Scanner<'a> {
    fn new(buf: &'a [u16]) -> Self {
        let n = buf.len();
        let mut sub_run = vec![0u32; n + 1];
        let mut next_underscore = vec![0u32; n + 1];
        sub_run[n] = n as u32;
        next_underscore[n] = n as u32;
        for i in (0..n).rev() {
            let u = buf[i];
            sub_run[i] = if is_domain_char(u) || u == b'_' as u16 || u == b'-' as u16 {
                sub_run[i + 1]
            } else {
                i as u32
            };
            next_underscore[i] = if u == b'_' as u16 {
                i as u32
            } else {
                next_underscore[i + 1]
            };
        }
        Scanner {
            buf,
            sub_run,
            next_underscore,
            memo: vec![UNKNOWN; n + 1],
        }
    }

    /// `validSubdomain` at `q`: the label end (the index of its `.`).
    fn sub_label(&self, q: usize) -> Option<usize> {
        let b = self.buf;
        if q >= b.len() || !is_domain_char(b[q]) {
            return None;
        }
        let e = self.sub_run[q] as usize;
        (e < b.len() && b[e] == b'.' as u16 && is_domain_char(b[e - 1])).then_some(e)
    }

    /// `validDomainName` over `[q, dot)`, given that it is a valid subdomain label.
    fn name_label_ok(&self, q: usize, dot: usize) -> bool {
        (self.next_underscore[q] as usize) >= dot
    }

    /// `validDomain` starting at `q`: its end, following the regex's backtracking order
    /// (as many subdomains as possible, then fewer).
    fn domain_at(&mut self, q: usize) -> Option<usize> {
        // Walk the chain of labels until a memoised start or the chain's end.
        let mut chain: Vec<(usize, usize)> = Vec::new(); // (label start, dot index)
        let mut cur = q;
        let mut tail: Option<usize>;
        loop {
            let m = self.memo[cur];
            if m != UNKNOWN {
                tail = (m != NO_MATCH).then_some(m as usize);
                break;
            }
            match self.sub_label(cur) {
                Some(dot) => {
                    chain.push((cur, dot));
                    cur = dot + 1;
                }
                None => {
                    self.memo[cur] = NO_MATCH;
                    tail = None;
                    break;
                }
            }
        }
        // Resolve backwards: result(label) = result(next label) or (this label as the name
        // followed by a TLD).
        for &(start, dot) in chain.iter().rev() {
            let r = tail.or_else(|| {
                if self.name_label_ok(start, dot) {
                    tld_at(self.buf, dot + 1)
                } else {
                    None
                }
            });
            self.memo[start] = r.map_or(NO_MATCH, |e| e as u32);
            tail = r;
        }
        tail
    }
}

/// A raw match of the big regex, before the JavaScript post-processing.
struct Raw {
    before: Option<u16>,
    start: usize,
    end: usize,
    protocol_len: usize,
    domain: (usize, usize),
    has_path: bool,
}

fn balanced_parens(buf: &[u16], j: usize) -> Option<usize> {
    if j >= buf.len() || buf[j] != b'(' as u16 {
        return None;
    }
    let g = run_end(buf, j + 1, is_path_char);
    if g < buf.len() {
        if buf[g] == b')' as u16 && g > j + 1 {
            return Some(g + 1);
        }
        if buf[g] == b'(' as u16 {
            let g2 = run_end(buf, g + 1, is_path_char);
            if g2 > g + 1 && g2 < buf.len() && buf[g2] == b')' as u16 {
                let g3 = run_end(buf, g2 + 1, is_path_char);
                if g3 < buf.len() && buf[g3] == b')' as u16 {
                    return Some(g3 + 1);
                }
            }
        }
    }
    None
}

fn path_ending_at(buf: &[u16], j: usize) -> Option<usize> {
    if j < buf.len() && is_path_ending(buf[j]) {
        Some(j + 1)
    } else {
        balanced_parens(buf, j)
    }
}

/// `(?:validUrlBalancedParens G*)* E` at `j`, first result in backtracking order.
fn parens_then_ending(buf: &[u16], j: usize, depth: u32) -> Option<usize> {
    if depth < 64 {
        if let Some(b) = balanced_parens(buf, j) {
            let g = run_end(buf, b, is_path_char);
            for k in (b..=g).rev() {
                if let Some(e) = parens_then_ending(buf, k, depth + 1) {
                    return Some(e);
                }
            }
        }
    }
    path_ending_at(buf, j)
}

/// One iteration of `validUrlPath`.
fn path_segment(buf: &[u16], i: usize) -> Option<usize> {
    let gmax = run_end(buf, i, is_path_char);
    for j in (i..=gmax).rev() {
        if let Some(e) = parens_then_ending(buf, j, 0) {
            return Some(e);
        }
    }
    if i < buf.len() && buf[i] == b'@' as u16 {
        let r = run_end(buf, i + 1, is_path_char);
        if let Some(slash) = (i + 2..r).rev().find(|&t| buf[t] == b'/' as u16) {
            return Some(slash + 1);
        }
    }
    None
}

/// `\?Q*QE` at `p` (which holds the `?`).
fn query_at(buf: &[u16], p: usize) -> Option<usize> {
    let r = run_end(buf, p + 1, is_query_char);
    (p + 1..r)
        .rev()
        .find(|&t| is_query_ending(buf[t]))
        .map(|t| t + 1)
}

fn url_rest(buf: &[u16], dend: usize) -> (usize, bool) {
    let mut end = dend;
    if end < buf.len() && buf[end] == b':' as u16 {
        let d = run_end(buf, end + 1, |u| (b'0' as u16..=b'9' as u16).contains(&u));
        if d > end + 1 {
            end = d;
        }
    }
    let mut has_path = false;
    if end < buf.len() && buf[end] == b'/' as u16 {
        has_path = true;
        let mut pos = end + 1;
        while let Some(e) = path_segment(buf, pos) {
            if e <= pos {
                break;
            }
            pos = e;
        }
        end = pos;
    }
    if end < buf.len() && buf[end] == b'?' as u16 {
        if let Some(q) = query_at(buf, end) {
            end = q;
        }
    }
    (end, has_path)
}

fn url_at(sc: &mut Scanner<'_>, s: usize, before: Option<u16>) -> Option<Raw> {
    let buf = sc.buf;
    for proto in [&b"https://"[..], &b"http://"[..], &b""[..]] {
        if !proto.is_empty() && !starts_with_ci(buf, s, proto) {
            continue;
        }
        let ds = s + proto.len();
        if let Some(dend) = sc.domain_at(ds) {
            let (end, has_path) = url_rest(buf, dend);
            return Some(Raw {
                before,
                start: s,
                end,
                protocol_len: proto.len(),
                domain: (ds, dend),
                has_path,
            });
        }
    }
    None
}

fn find_raw(sc: &mut Scanner<'_>, from: usize) -> Option<Raw> {
    let n = sc.buf.len();
    for p in from..=n {
        if p < n && is_preceding_ok(sc.buf[p]) {
            if let Some(r) = url_at(sc, p + 1, Some(sc.buf[p])) {
                return Some(r);
            }
        }
        if p == 0 {
            if let Some(r) = url_at(sc, 0, None) {
                return Some(r);
            }
        }
    }
    None
}

/// `validAsciiDomain` anchored at `p` of `d` (the lookahead's `$` is the end of `d`).
fn ascii_domain_at(d: &[u16], p: usize) -> Option<usize> {
    let mut starts = Vec::new();
    let mut cur = p;
    loop {
        let e = run_end(d, cur, is_ascii_label);
        if e > cur && e < d.len() && d[e] == b'.' as u16 {
            cur = e + 1;
            starts.push(cur);
        } else {
            break;
        }
    }
    starts.iter().rev().find_map(|&t| tld_at(d, t))
}

/// All matches of the global `validAsciiDomain` in `d`, as `(start, end)`.
fn ascii_domains(d: &[u16]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < d.len() {
        match (pos..d.len()).find_map(|p| ascii_domain_at(d, p).map(|e| (p, e))) {
            Some((s, e)) => {
                out.push((s, e));
                pos = e;
            }
            None => break,
        }
    }
    out
}

/// twitter-text's `isValidUrl` (through `idna.toAscii`): every label at most 63 characters once
/// Punycode-encoded, and the whole URL at most 4096.
fn is_valid_url(buf: &[u16], raw: &Raw) -> bool {
    let domain = &buf[raw.domain.0..raw.domain.1];
    if domain.starts_with(&[b'x' as u16, b'n' as u16, b'-' as u16, b'-' as u16])
        && ascii_domains(domain).is_empty()
    {
        return false;
    }
    for label in domain.split(|&u| u == b'.' as u16) {
        match super::punycode::to_ascii_len(label) {
            Some(l) if (1..=MAX_DOMAIN_LABEL_LENGTH).contains(&l) => {}
            _ => return false,
        }
    }
    let protocol_len = if raw.protocol_len > 0 {
        raw.protocol_len
    } else {
        DEFAULT_PROTOCOL_LEN
    };
    protocol_len + (raw.end - raw.start) <= MAX_URL_LENGTH
}

/// `^https?://t\.co/([a-z0-9]+)(?:\?Q*QE)?` on the URL: `(slug length, match length)`.
fn tco(url: &[u16]) -> Option<(usize, usize)> {
    let p = if starts_with_ci(url, 0, b"https://t.co/") {
        13
    } else if starts_with_ci(url, 0, b"http://t.co/") {
        12
    } else {
        return None;
    };
    let e = run_end(url, p, is_alnum);
    if e == p {
        return None;
    }
    let mut end = e;
    if end < url.len() && url[end] == b'?' as u16 {
        if let Some(q) = query_at(url, end) {
            end = q;
        }
    }
    Some((e - p, end))
}

/// twitter-text's `extractUrlsWithIndices` over UTF-16 code units. `without_protocol` is its
/// `extractUrlsWithoutProtocol` option (true for X; false for Mastodon, which only links URLs
/// written with a scheme).
pub fn extract(buf: &[u16], without_protocol: bool) -> Vec<UrlMatch> {
    let needle = if without_protocol { b'.' } else { b':' } as u16;
    if !buf.contains(&needle) {
        return Vec::new();
    }
    let mut sc = Scanner::new(buf);
    let mut out = Vec::new();
    let mut last = 0;
    while let Some(raw) = find_raw(&mut sc, last) {
        last = raw.end;
        if !is_valid_url(buf, &raw) {
            continue;
        }
        if raw.protocol_len == 0 {
            if !without_protocol || raw.before.is_some_and(|b| is_ascii(b, b"-_./")) {
                continue;
            }
            let (ds, de) = raw.domain;
            let found = ascii_domains(&buf[ds..de]);
            let n = found.len();
            for (i, (a, b)) in found.into_iter().enumerate() {
                let end = if i + 1 == n && raw.has_path {
                    raw.end
                } else {
                    ds + b
                };
                out.push(UrlMatch {
                    start: ds + a,
                    end,
                    has_protocol: false,
                });
            }
        } else {
            let mut end = raw.end;
            if let Some((slug, len)) = tco(&buf[raw.start..raw.end]) {
                if slug > MAX_TCO_SLUG_LENGTH {
                    continue;
                }
                end = raw.start + len;
            }
            out.push(UrlMatch {
                start: raw.start,
                end,
                has_protocol: true,
            });
        }
    }
    out
}

/// Convenience for `&str` callers: the URLs of `text` as `(utf16 start, utf16 end, url)`.
pub fn extract_str(text: &str, without_protocol: bool) -> Vec<(u32, u32, String)> {
    let buf: Vec<u16> = text.encode_utf16().collect();
    extract(&buf, without_protocol)
        .into_iter()
        .map(|m| {
            (
                m.start as u32,
                m.end as u32,
                String::from_utf16_lossy(&buf[m.start..m.end]),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(t: &str) -> Vec<String> {
        extract_str(t, true).into_iter().map(|u| u.2).collect()
    }

    #[test]
    fn basics() {
        assert_eq!(urls("text http://google.com"), ["http://google.com"]);
        assert_eq!(urls("test http://twitter.com/."), ["http://twitter.com/"]);
        assert_eq!(
            urls("test http://example.comだよね.comtest/hogehoge"),
            ["http://example.com"]
        );
        assert_eq!(
            urls("text http://en.wikipedia.org/wiki/Primer_(film)"),
            ["http://en.wikipedia.org/wiki/Primer_(film)"]
        );
        assert_eq!(urls("voir lapresse.ca, svp"), ["lapresse.ca"]);
        assert!(urls("john.doe.gov@mail.com").is_empty());
    }
}
