//! The top-level domains a scheme-less URL may end with (twitter-text's list), embedded as a
//! small text file and parsed on first use: no YAML parser and no build script in the library.
//!
//! `tlds.txt` is derived from `tests/conformance/twitter-text/tld_lib.yml`; a test checks that the
//! two agree, so the list cannot drift silently.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The embedded list: `[generic]` then `[country]`, one TLD per line, `#` comments.
pub const TLDS_TXT: &str = include_str!("tlds.txt");

/// Which list a TLD comes from (twitter-text tries generic ones first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TldKind {
    /// A generic TLD (`com`, `みんな`, …).
    Generic,
    /// A country-code TLD (`fr`, `ca`, `香港`, …).
    Country,
}

/// The parsed list: lower-case UTF-16 keys, and the distinct key lengths, longest first.
#[derive(Debug)]
pub struct TldSet {
    map: HashMap<Box<[u16]>, TldKind>,
    lengths: Vec<usize>,
}

/// The generic and country lists as written in `tlds.txt`, in order.
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
        let (generic, country) = lists();
        let mut map = HashMap::with_capacity(generic.len() + country.len());
        // Country entries first so that a generic entry with the same spelling wins.
        for (kind, list) in [(TldKind::Country, &country), (TldKind::Generic, &generic)] {
            for t in list.iter() {
                let key: Box<[u16]> = lower16(t).into_boxed_slice();
                map.insert(key, kind);
            }
        }
        let mut lengths: Vec<usize> = map.keys().map(|k| k.len()).collect();
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        lengths.dedup();
        TldSet { map, lengths }
    })
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
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
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
    /// Whether `tld` (exact spelling, as the `tlds` package compares) is in the list.
    pub fn contains(&self, tld: &str) -> bool {
        let mut buf = [0u16; 64];
        let mut n = 0;
        for u in tld.encode_utf16() {
            if n == buf.len() {
                return false;
            }
            buf[n] = u;
            n += 1;
        }
        // Keys are lower-case; an upper-case spelling is not in the list (case-sensitive).
        self.map.contains_key(&buf[..n])
    }

    /// twitter-text's `(?:validGTLD|validCCTLD)` at `pos` of `buf`, with the lookahead
    /// `(?=[^0-9a-zA-Z@+-]|$)`: the end of the TLD when one matches. Generic TLDs are preferred,
    /// then the longest match, like the reference alternation (longest spellings listed first).
    pub fn match_at(&self, buf: &[u16], pos: usize) -> Option<usize> {
        let max = self.lengths.first().copied().unwrap_or(0);
        let avail = buf.len().saturating_sub(pos).min(max);
        if avail == 0 {
            return None;
        }
        let mut lower = [0u16; 64];
        let avail = avail.min(lower.len());
        for (i, slot) in lower.iter_mut().enumerate().take(avail) {
            *slot = lower_unit(buf[pos + i]);
        }
        let mut country: Option<usize> = None;
        for &len in &self.lengths {
            if len > avail {
                continue;
            }
            let end = pos + len;
            if end < buf.len() && !lookahead_ok(buf[end]) {
                continue;
            }
            match self.map.get(&lower[..len]) {
                Some(TldKind::Generic) => return Some(end),
                Some(TldKind::Country) if country.is_none() => country = Some(end),
                _ => {}
            }
        }
        country
    }
}

/// `[^0-9a-zA-Z@+-]`: what may follow a TLD.
#[inline]
fn lookahead_ok(u: u16) -> bool {
    !(u < 0x80 && ((u as u8).is_ascii_alphanumeric() || matches!(u as u8, b'@' | b'+' | b'-')))
}
