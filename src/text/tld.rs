//! The top-level domains a scheme-less URL may end with: twitter-text's list (X, Mastodon,
//! Threads…) and Bluesky's, embedded as one small text file and parsed on first use: no YAML
//! parser and no build script in the library.
//!
//! The sources are `tlds.txt` (derived from `tests/conformance/twitter-text/tld_lib.yml`, a test
//! checks that the two agree) and `tlds_bluesky.txt` (checked against the npm `tlds` package by
//! `tests/oracle/bluesky.test.mjs`). The engines embed `tlds_merged.txt` instead, their union in
//! one sorted list (4 kB less in the in-page engine); `cargo run --example merge_tlds` writes it
//! from the sources and a test checks that it is exactly that.

use std::sync::OnceLock;

/// twitter-text's list: `[generic]` then `[country]`, one TLD per line, `#` comments.
pub const TLDS_TXT: &str = include_str!("tlds.txt");

/// Bluesky's list (ASCII entries of the IANA root zone list as npm `tlds` packages it), which its
/// link detection checks scheme-less domains against; newer than twitter-text's.
pub const BLUESKY_TLDS_TXT: &str = include_str!("tlds_bluesky.txt");

/// The two lists in one, sorted, each TLD written after the one before it: a digit first when
/// they share a start (that many bytes of the previous TLD, then the rest), then a space and the
/// lists it is in (`g` twitter-text's generic TLDs, `c` its country ones, `b` Bluesky's) unless
/// they are the usual ones: `cb` for two ASCII letters, `gb` for anything else. No TLD has a digit.
const MERGED_TXT: &str = include_str!("tlds_merged.txt");

/// The lists a TLD of [`MERGED_TXT`] is in when its line does not say.
fn usual_lists(tld: &str) -> &'static str {
    if tld.len() == 2 && tld.is_ascii() {
        "cb"
    } else {
        "gb"
    }
}

/// The entries of the merged list: each TLD, its kind in twitter-text's list, and whether
/// Bluesky's has it.
fn merged() -> Vec<(String, Option<TldKind>, bool)> {
    let mut out: Vec<(String, Option<TldKind>, bool)> = Vec::with_capacity(1600);
    for line in MERGED_TXT.lines().filter(|l| !l.is_empty()) {
        let (shared, line) = match line.as_bytes().first() {
            Some(&d @ b'1'..=b'9') => ((d - b'0') as usize, &line[1..]),
            _ => (0, line),
        };
        let (rest, lists) = line.split_once(' ').unwrap_or((line, ""));
        let mut tld = out
            .last()
            .and_then(|p| p.0.get(..shared))
            .unwrap_or("")
            .to_string();
        tld.push_str(rest);
        let lists = if lists.is_empty() {
            usual_lists(&tld)
        } else {
            lists
        };
        let kind = if lists.contains('g') {
            Some(TldKind::Generic)
        } else if lists.contains('c') {
            Some(TldKind::Country)
        } else {
            None
        };
        out.push((tld, kind, lists.contains('b')));
    }
    out
}

/// The text of `tlds_merged.txt` as the two sources give it.
pub fn merged_text() -> String {
    let (generic, country) = lists();
    let bluesky: Vec<&str> = BLUESKY_TLDS_TXT
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut all: Vec<&str> = generic
        .iter()
        .chain(&country)
        .chain(&bluesky)
        .copied()
        .collect();
    all.sort_unstable();
    all.dedup();
    let mut out = String::new();
    let mut prev = "";
    for tld in all {
        let mut lists = String::new();
        for (flag, list) in [('g', &generic), ('c', &country), ('b', &bluesky)] {
            if list.contains(&tld) {
                lists.push(flag);
            }
        }
        // the bytes shared with the previous TLD, whole characters, at most 9
        let mut shared = 0;
        for ((i, a), b) in tld.char_indices().zip(prev.chars()) {
            if a != b || i + a.len_utf8() > 9 {
                break;
            }
            shared = i + a.len_utf8();
        }
        if shared > 0 {
            out.push(char::from(b'0' + shared as u8));
        }
        out.push_str(&tld[shared..]);
        if lists != usual_lists(tld) {
            out.push(' ');
            out.push_str(&lists);
        }
        out.push('\n');
        prev = tld;
    }
    out
}

/// Whether `tld` is in Bluesky's list (case-sensitive, as `detectFacets` compares).
pub fn bluesky_contains(tld: &str) -> bool {
    static LIST: OnceLock<Vec<String>> = OnceLock::new();
    // the merged list is sorted
    let list = LIST.get_or_init(|| merged().into_iter().filter(|e| e.2).map(|e| e.0).collect());
    list.binary_search_by(|t| t.as_str().cmp(tld)).is_ok()
}

/// Which list a TLD comes from (twitter-text tries generic ones first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TldKind {
    /// A generic TLD (`com`, `みんな`, …).
    Generic,
    /// A country-code TLD (`fr`, `ca`, `香港`, …).
    Country,
}

/// The parsed list: lower-case UTF-16 keys sorted by code unit, so that the keys sharing a
/// prefix form one contiguous range and a prefix sorts before its extensions. A lookup narrows
/// that range one code unit at a time with two binary searches in one column (no hashing); an
/// index by first ASCII unit skips the widest step.
#[derive(Debug)]
pub struct TldSet {
    /// Number of keys.
    n: usize,
    /// Length of the longest key.
    max_len: usize,
    /// Column-major: unit `i` of key `k` is `cols[i * n + k]`, 0 past the key's end (so a key
    /// sorts before its extensions within every column's range).
    cols: Vec<u16>,
    /// Length of each key.
    lens: Vec<u8>,
    /// Kind of each key.
    kinds: Vec<TldKind>,
    /// For a first unit below 0x80: the range of keys that starts with it.
    by_first: [(u16, u16); 128],
}

/// The generic and country lists as written in `tlds.txt`, in order (the source of the merged
/// list; the engines do not embed it).
pub fn lists() -> (Vec<&'static str>, Vec<&'static str>) {
    let (mut generic, mut country) = (Vec::new(), Vec::new());
    let mut current: Option<TldKind> = None;
    for line in TLDS_TXT.lines() {
        let line = line.trim();
        match line {
            "" => {}
            l if l.starts_with('#') => {}
            "[generic]" => current = Some(TldKind::Generic),
            "[country]" => current = Some(TldKind::Country),
            l => match current {
                Some(TldKind::Generic) => generic.push(l),
                Some(TldKind::Country) => country.push(l),
                None => {}
            },
        }
    }
    (generic, country)
}

/// The set, built once.
pub fn set() -> &'static TldSet {
    static SET: OnceLock<TldSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut all: Vec<(Vec<u16>, TldKind)> = merged()
            .into_iter()
            .filter_map(|(tld, kind, _)| Some((lower16(&tld), kind?)))
            .collect();
        // A spelling in both lists is generic (generic entries sort first among equal keys).
        heap_sort(&mut all, |a, b| {
            (&a.0, a.1 == TldKind::Country) < (&b.0, b.1 == TldKind::Country)
        });
        all.dedup_by(|later, first| later.0 == first.0);
        let n = all.len();
        let max_len = all.iter().map(|k| k.0.len()).max().unwrap_or(0);
        let mut cols = vec![0u16; n * max_len];
        for (k, (key, _)) in all.iter().enumerate() {
            for (i, &u) in key.iter().enumerate() {
                cols[i * n + k] = u;
            }
        }
        let mut by_first = [(0u16, 0u16); 128];
        for (b, slot) in by_first.iter_mut().enumerate() {
            let lo = all.partition_point(|k| k.0[0] < b as u16);
            let hi = all.partition_point(|k| k.0[0] <= b as u16);
            *slot = (lo as u16, hi as u16);
        }
        TldSet {
            n,
            max_len,
            cols,
            lens: all.iter().map(|k| k.0.len() as u8).collect(),
            kinds: all.iter().map(|k| k.1).collect(),
            by_first,
        }
    })
}

/// An in-place heap sort: run once at start-up, and a few hundred bytes of wasm where the
/// standard library's sorts, instantiated for this one type, weigh several kilobytes.
fn heap_sort<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let sift_down = |v: &mut [T], mut node: usize, end: usize| loop {
        let mut child = 2 * node + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[node], &v[child]) {
            break;
        }
        v.swap(node, child);
        node = child;
    };
    for i in (0..v.len() / 2).rev() {
        sift_down(v, i, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

fn lower16(s: &str) -> Vec<u16> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let mut buf = [0u16; 2];
        out.extend_from_slice(simple_lower(c).encode_utf16(&mut buf));
    }
    out
}

/// One-to-one lower-casing (JavaScript's case-insensitive regex compares single characters).
#[inline]
pub(crate) fn simple_lower(c: char) -> char {
    super::lower::simple_lower(c)
}

/// Lower-cases one UTF-16 unit when it is a BMP scalar (surrogates are left alone).
#[inline]
pub(crate) fn lower_unit(u: u16) -> u16 {
    if u < 0x80 {
        return (u as u8).to_ascii_lowercase() as u16;
    }
    match char::from_u32(u as u32) {
        Some(c) => {
            let l = simple_lower(c) as u32;
            if l <= 0xFFFF {
                l as u16
            } else {
                u
            }
        }
        None => u,
    }
}

impl TldSet {
    /// The keys of `lo..hi` (which share their first `i` units) whose unit `i` is `c`.
    #[inline]
    fn narrow(&self, lo: usize, hi: usize, i: usize, c: u16) -> (usize, usize) {
        let col = &self.cols[i * self.n + lo..i * self.n + hi];
        let a = col.partition_point(|&x| x < c);
        let b = a + col[a..].partition_point(|&x| x <= c);
        (lo + a, lo + b)
    }

    /// Whether `tld` (exact spelling, as the `tlds` package compares) is in the list.
    pub fn contains(&self, tld: &str) -> bool {
        // Keys are lower-case; an upper-case spelling is not in the list (case-sensitive).
        let (mut lo, mut hi) = (0, self.n);
        let mut len = 0;
        for u in tld.encode_utf16() {
            if len == self.max_len || u == 0 || lo >= hi {
                return false;
            }
            (lo, hi) = self.narrow(lo, hi, len, u);
            len += 1;
        }
        len > 0 && lo < hi && self.lens[lo] as usize == len
    }

    /// twitter-text's `(?:validGTLD|validCCTLD)` at `pos` of `buf`, with the lookahead
    /// `(?=[^0-9a-zA-Z@+-]|$)`: the end of the TLD when one matches. Generic TLDs are preferred,
    /// then the longest match, like the reference alternation (longest spellings listed first).
    pub fn match_at(&self, buf: &[u16], pos: usize) -> Option<usize> {
        if pos >= buf.len() {
            return None;
        }
        // Keys sharing the prefix `lower(buf[pos..pos + i])` are `lo..hi`; a key equal to the
        // prefix itself sorts first.
        let first = lower_unit(buf[pos]);
        let (mut lo, mut hi) = if first < 0x80 {
            let (a, b) = self.by_first[first as usize];
            (a as usize, b as usize)
        } else {
            self.narrow(0, self.n, 0, first)
        };
        let (mut generic, mut country) = (None, None);
        // Like the reference, which compares at most 64 units of input.
        let max = (buf.len() - pos).min(64).min(self.max_len);
        let mut i = 1;
        while lo < hi {
            if self.lens[lo] as usize == i {
                let end = pos + i;
                if end >= buf.len() || lookahead_ok(buf[end]) {
                    match self.kinds[lo] {
                        TldKind::Generic => generic = Some(end),
                        TldKind::Country => country = Some(end),
                    }
                }
            }
            if i >= max {
                break;
            }
            let c = lower_unit(buf[pos + i]);
            if c == 0 {
                break;
            }
            (lo, hi) = self.narrow(lo, hi, i, c);
            i += 1;
        }
        generic.or(country)
    }
}

/// `[^0-9a-zA-Z@+-]`: what may follow a TLD.
#[inline]
fn lookahead_ok(u: u16) -> bool {
    !(u < 0x80 && ((u as u8).is_ascii_alphanumeric() || matches!(u as u8, b'@' | b'+' | b'-')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_merged_list_is_exactly_the_two_sources() {
        assert!(
            MERGED_TXT == merged_text(),
            "src/text/tlds_merged.txt is not the union of tlds.txt and tlds_bluesky.txt: \
             cargo run --example merge_tlds > src/text/tlds_merged.txt"
        );
        let (generic, country) = lists();
        let twitter: Vec<_> = merged().into_iter().filter(|e| e.1.is_some()).collect();
        assert_eq!(twitter.len(), generic.len() + country.len());
        for (tld, kind, _) in twitter {
            let want = if generic.contains(&tld.as_str()) {
                TldKind::Generic
            } else {
                TldKind::Country
            };
            assert_eq!(kind, Some(want), "{tld}");
        }
        let bluesky: Vec<String> = merged().into_iter().filter(|e| e.2).map(|e| e.0).collect();
        let mut source: Vec<&str> = BLUESKY_TLDS_TXT
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        source.sort_unstable();
        assert_eq!(bluesky, source);
        assert!(bluesky_contains("photography") && !bluesky_contains("みんな"));
    }

    #[test]
    fn every_tld_starts_with_a_domain_character() {
        // `url::find_raw` only tries a `.` followed by a domain character: a TLD must start
        // with one (no space, no punctuation, no directional or invalid character).
        let (generic, country) = lists();
        for t in generic.iter().chain(&country) {
            let c = t.chars().next().unwrap();
            assert!(c.is_alphanumeric(), "{t}");
        }
    }

    #[test]
    fn bluesky_knows_the_current_root_zone() {
        for t in ["com", "fr", "quebec", "music", "kids", "spa", "amazon"] {
            assert!(bluesky_contains(t), "{t}");
        }
        // withdrawn from the root zone since twitter-text's list; and case-sensitive
        for t in ["intel", "off", "active", "COM", "", "c"] {
            assert!(!bluesky_contains(t), "{t}");
        }
    }

    #[test]
    fn lookups() {
        let set = set();
        assert!(set.contains("com") && set.contains("みんな") && !set.contains("COM"));
        assert!(!set.contains("") && !set.contains("comx") && !set.contains("co\u{0}"));
        let buf: Vec<u16> = "COM/ co.uk ca- みんな".encode_utf16().collect();
        assert_eq!(set.match_at(&buf, 0), Some(3));
        assert_eq!(set.match_at(&buf, 5), Some(7)); // `co`, then `.uk` is another label
        assert_eq!(set.match_at(&buf, 11), None); // `ca` followed by `-`
        assert_eq!(set.match_at(&buf, 15), Some(18));
    }
}
