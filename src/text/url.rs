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

/// ASCII letters and digits, as a mask.
const ALNUM: u128 = {
    let mut m = 0u128;
    let mut c = 0;
    while c < 128 {
        if (c as u8).is_ascii_alphanumeric() {
            m |= 1u128 << c;
        }
        c += 1;
    }
    m
};

/// `validGeneralUrlPathChars`.
#[inline]
fn is_path_char(u: u16) -> bool {
    if u < 0x80 {
        return in_mask(u, ALNUM | PATH);
    }
    is_cyrillic(u) || is_latin_accent(u) || u == 0x2013
}

/// `validUrlPathEndingChars` (single-character part).
#[inline]
fn is_path_ending(u: u16) -> bool {
    if u < 0x80 {
        return in_mask(u, ALNUM | PATH_END);
    }
    is_cyrillic(u) || is_latin_accent(u)
}

/// `validUrlQueryChars`.
#[inline]
fn is_query_char(u: u16) -> bool {
    in_mask(u, ALNUM | QUERY)
}

/// `validUrlQueryEndingChars`.
#[inline]
fn is_query_ending(u: u16) -> bool {
    in_mask(u, ALNUM | QUERY_END)
}

/// The label characters of `validAsciiDomain`.
#[inline]
fn is_ascii_label(u: u16) -> bool {
    if u < 0x80 {
        return in_mask(u, ALNUM | (1u128 << b'-'));
    }
    is_latin_accent(u)
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

/// `validDomainChars` for ASCII, as a mask: neither `punct` nor a space.
const DOMAIN_ASCII: u128 = {
    let mut m = !PUNCT & !(1u128 << 0x20);
    let mut c = 0x09;
    while c <= 0x0D {
        m &= !(1u128 << c);
        c += 1;
    }
    m
};
/// What a subdomain label is made of (`[validDomainChars_-]`) for ASCII, as a mask.
const RUN_ASCII: u128 = DOMAIN_ASCII | (1u128 << b'_') | (1u128 << b'-');

/// `validDomainChars`, with an ASCII fast path.
#[inline]
fn is_domain_unit(u: u16) -> bool {
    if u < 0x80 {
        in_mask(u, DOMAIN_ASCII)
    } else {
        is_domain_char(u)
    }
}

/// `[validDomainChars_-]`, with an ASCII fast path.
#[inline]
fn is_run_unit(u: u16) -> bool {
    if u < 0x80 {
        in_mask(u, RUN_ASCII)
    } else {
        is_domain_char(u)
    }
}

/// One maximal tail of a label run: every index in `[from, end)` is a `[validDomainChars_-]`
/// unit and the run ends at `end`.
#[derive(Clone, Copy)]
struct Run {
    from: usize,
    end: usize,
    /// One past the last `_` in `[from, end)`, or 0 when there is none.
    underscore_end: usize,
}

/// Per-text scanning state: the label run of the last candidate start, and the memo of domain
/// matches (allocated on first use).
struct Scanner<'a> {
    buf: &'a [u16],
    /// The run last computed: a run is scanned once however many candidates start inside it.
    run: Run,
    /// Domain match from a label start: `UNKNOWN`, `NO_MATCH` or the end; empty until needed.
    memo: Vec<u32>,
    /// Scratch for `domain_at`: `(label start, dot index, label is a valid name)`.
    chain: Vec<(usize, usize, bool)>,
}

impl<'a> Scanner<'a> {
    fn new(buf: &'a [u16]) -> Self {
        Scanner {
            buf,
            run: Run {
                from: 0,
                end: 0,
                underscore_end: 0,
            },
            memo: Vec::new(),
            chain: Vec::new(),
        }
    }

    /// The run of `[validDomainChars_-]` containing `q` (which must be such a unit). The run of
    /// a candidate start is kept (`keep`): every other candidate inside it reuses it, so a run
    /// is scanned once. Labels further along a chain are not kept: their result is memoised.
    #[inline]
    fn run_at(&mut self, q: usize, keep: bool) -> Run {
        if self.run.from <= q && q < self.run.end {
            return self.run;
        }
        let b = self.buf;
        let mut i = q;
        let mut underscore_end = 0;
        while i < b.len() && is_run_unit(b[i]) {
            if b[i] == b'_' as u16 {
                underscore_end = i + 1;
            }
            i += 1;
        }
        let run = Run {
            from: q,
            end: i,
            underscore_end,
        };
        if keep {
            self.run = run;
        }
        run
    }

    /// `validSubdomain` at `q`: the label end (the index of its `.`) and whether the label is
    /// also a `validDomainName` (no `_`).
    #[inline]
    fn sub_label(&mut self, q: usize, keep: bool) -> Option<(usize, bool)> {
        let b = self.buf;
        if q >= b.len() || !is_domain_unit(b[q]) {
            return None;
        }
        let r = self.run_at(q, keep);
        let e = r.end;
        (e < b.len() && b[e] == b'.' as u16 && is_domain_unit(b[e - 1]))
            .then_some((e, r.underscore_end <= q))
    }

    #[inline]
    fn memo_get(&self, q: usize) -> u32 {
        self.memo.get(q).copied().unwrap_or(UNKNOWN)
    }

    fn memo_set(&mut self, q: usize, v: u32) {
        if self.memo.is_empty() {
            self.memo = vec![UNKNOWN; self.buf.len() + 1];
        }
        self.memo[q] = v;
    }

    /// `validDomain` starting at `q`: its end, following the regex's backtracking order
    /// (as many subdomains as possible, then fewer).
    fn domain_at(&mut self, q: usize) -> Option<usize> {
        // Walk the chain of labels until a memoised start or the chain's end.
        let mut chain = std::mem::take(&mut self.chain);
        chain.clear();
        let mut cur = q;
        let mut tail: Option<usize>;
        loop {
            let m = self.memo_get(cur);
            if m != UNKNOWN {
                tail = (m != NO_MATCH).then_some(m as usize);
                break;
            }
            match self.sub_label(cur, cur == q) {
                Some((dot, name_ok)) => {
                    chain.push((cur, dot, name_ok));
                    cur = dot + 1;
                }
                None => {
                    // A failing candidate start is cheap to test again (its run is kept); a
                    // failing label after a dot is memoised.
                    if cur != q {
                        self.memo_set(cur, NO_MATCH);
                    }
                    tail = None;
                    break;
                }
            }
        }
        // Resolve backwards: result(label) = result(next label) or (this label as the name
        // followed by a TLD).
        for &(start, dot, name_ok) in chain.iter().rev() {
            let r = tail.or_else(|| {
                if name_ok {
                    tld_at(self.buf, dot + 1)
                } else {
                    None
                }
            });
            self.memo_set(start, r.map_or(NO_MATCH, |e| e as u32));
            tail = r;
        }
        self.chain = chain;
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
    // Every alternative needs a domain character at `s` (the `h` of a scheme included).
    if s >= buf.len() || !is_domain_unit(buf[s]) {
        return None;
    }
    let protos: &[&[u8]] = if buf[s] | 0x20 == b'h' as u16 {
        &[b"https://", b"http://", b""]
    } else {
        &[b""]
    };
    for &proto in protos {
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

/// The first `.` at or after `from` that a domain can contain: a domain character on each side
/// (the next label, or a TLD, starts with one).
fn next_domain_dot(buf: &[u16], from: usize) -> Option<usize> {
    let mut i = from.max(1);
    while i + 1 < buf.len() {
        let d = i + buf[i..buf.len() - 1]
            .iter()
            .position(|&u| u == b'.' as u16)?;
        if is_domain_unit(buf[d - 1]) && is_domain_unit(buf[d + 1]) {
            return Some(d);
        }
        i = d + 1;
    }
    None
}

/// The regex's next match at or after `from` (the index of the preceding character).
///
/// Only starts that can begin a domain are tried: a domain's first label is a run of
/// `[validDomainChars_-]` ending at a `.` with a domain character on each side, and a scheme
/// (`https://`, 8 units) ends right where that run begins. Starts are tried in increasing
/// order, like the regex, so the first match is the same.
fn find_raw(sc: &mut Scanner<'_>, from: usize) -> Option<Raw> {
    let buf = sc.buf;
    if from == 0 {
        // At index 0 the regex first tries a preceding character, then `^`.
        if !buf.is_empty() && is_preceding_ok(buf[0]) {
            if let Some(r) = url_at(sc, 1, Some(buf[0])) {
                return Some(r);
            }
        }
        if let Some(r) = url_at(sc, 0, None) {
            return Some(r);
        }
    }
    // Next start to try (its preceding character is at `s - 1`).
    let mut s = from.max(1) + 1;
    while let Some(d) = next_domain_dot(buf, s + 1) {
        let mut a = d;
        while a > 0 && is_run_unit(buf[a - 1]) {
            a -= 1;
        }
        for t in a.saturating_sub(DEFAULT_PROTOCOL_LEN).max(s)..d {
            let u = buf[t - 1];
            if is_preceding_ok(u) {
                if let Some(r) = url_at(sc, t, Some(u)) {
                    return Some(r);
                }
            }
        }
        s = d + 1;
    }
    None
}

/// `validAsciiDomain` anchored at `p` of `d` (the lookahead's `$` is the end of `d`).
fn ascii_domain_at(d: &[u16], p: usize) -> Option<usize> {
    // The labels `p..dot` are followed by the TLD candidates (each label start after a dot),
    // tried from the last one back.
    let mut cur = p;
    loop {
        let e = run_end(d, cur, is_ascii_label);
        if e > cur && e < d.len() && d[e] == b'.' as u16 {
            cur = e + 1;
        } else {
            break;
        }
    }
    // Inside `p..cur` every `.` ends a label.
    (p + 1..=cur)
        .rev()
        .filter(|&t| d[t - 1] == b'.' as u16)
        .find_map(|t| tld_at(d, t))
}

/// All matches of the global `validAsciiDomain` in `d`, as `(start, end)`, in order.
struct AsciiDomains<'a> {
    d: &'a [u16],
    pos: usize,
}

impl Iterator for AsciiDomains<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let d = self.d;
        if self.pos >= d.len() {
            return None;
        }
        let (s, e) = (self.pos..d.len()).find_map(|p| ascii_domain_at(d, p).map(|e| (p, e)))?;
        self.pos = e;
        Some((s, e))
    }
}

fn ascii_domains(d: &[u16]) -> AsciiDomains<'_> {
    AsciiDomains { d, pos: 0 }
}

/// twitter-text's `isValidUrl` (through `idna.toAscii`): every label at most 63 characters once
/// Punycode-encoded, and the whole URL at most 4096.
fn is_valid_url(buf: &[u16], raw: &Raw) -> bool {
    let domain = &buf[raw.domain.0..raw.domain.1];
    if domain.starts_with(&[b'x' as u16, b'n' as u16, b'-' as u16, b'-' as u16])
        && ascii_domains(domain).next().is_none()
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
    // A URL without a scheme has a `.` (`find_raw` looks for them); one with a scheme a `:`.
    if !without_protocol && !buf.contains(&(b':' as u16)) {
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
            let mut found = ascii_domains(&buf[ds..de]).peekable();
            while let Some((a, b)) = found.next() {
                let end = if found.peek().is_none() && raw.has_path {
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
    let buf = super::to_utf16(text);
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
