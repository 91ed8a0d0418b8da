//! Search over the library as the user types: title, trigger, tags and every text, folded
//! (case and accents: « eve » finds « Ève »). An index built once per library change: the
//! sorted list of distinct folded words, each with the templates (and fields) it occurs in. A
//! query term matches the words it begins (binary search for the range), or, for a term of
//! four letters or more that begins none, words one typo away. Every term must match; the
//! score weighs where it matched (trigger, title, tags, text) and whole words over prefixes,
//! then use: frequent and recent first. An empty query lists recent and frequent first.
//! No matcher crate: a bare scan with one (fuzzy-matcher, nucleo-matcher) measured 6 to 80 ms
//! over 5,000 templates, far over a keystroke's budget; the index answers in well under 1 ms.

use super::model::Template;
use std::collections::HashMap;

/// Where a word occurs, as bits.
const TRIGGER: u8 = 1;
const TITLE: u8 = 2;
const TAG: u8 = 4;
const TEXT: u8 = 8;

/// Lower case without accents, letters and digits only; anything else separates words.
pub fn fold_words(s: &str, mut each: impl FnMut(&str)) {
    let mut w = String::new();
    for c in s.chars().map(super::names::lower) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
            'û' | 'ü' | 'ú' | 'ù' => 'u',
            'ÿ' => 'y',
            'œ' => {
                w.push('o');
                'e'
            }
            'æ' => {
                w.push('a');
                'e'
            }
            c => c,
        };
        if c.is_alphanumeric() {
            w.push(c);
        } else if !w.is_empty() {
            each(&w);
            w.clear();
        }
    }
    if !w.is_empty() {
        each(&w);
    }
}

/// The index of a library (positions refer to the slice it was built from).
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    /// Distinct folded words, sorted.
    words: Vec<String>,
    /// For each word: (template position, fields bits), by template position.
    postings: Vec<Vec<(u32, u8)>>,
    /// Per template: use count and last use, for the ranking.
    usage: Vec<(u32, i64)>,
}

/// One result: the template's position in the library slice, and its score.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Hit {
    pub index: u32,
    pub score: f32,
}

fn within_one_typo(a: &[u8], b: &[u8]) -> bool {
    // one substitution, insertion, deletion or swap of two neighbours
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if l.len() - s.len() > 1 {
        return false;
    }
    let p = s.iter().zip(l).take_while(|(x, y)| x == y).count();
    if p == s.len() {
        return true; // the same, or one letter more at the end
    }
    if s.len() == l.len() {
        s[p + 1..] == l[p + 1..]
            || (p + 1 < s.len() && s[p] == l[p + 1] && s[p + 1] == l[p] && s[p + 2..] == l[p + 2..])
    } else {
        s[p..] == l[p + 1..]
    }
}

impl SearchIndex {
    /// Indexes every template's trigger, title, tags and texts.
    pub fn new(templates: &[Template]) -> SearchIndex {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut postings: Vec<Vec<(u32, u8)>> = Vec::new();
        for (i, t) in templates.iter().enumerate() {
            let i = i as u32;
            let mut add = |s: &str, field: u8| {
                fold_words(s, |w| {
                    let id = match ids.get(w) {
                        Some(&id) => id,
                        None => {
                            let id = postings.len() as u32;
                            ids.insert(w.to_string(), id);
                            postings.push(Vec::new());
                            id
                        }
                    };
                    let p = &mut postings[id as usize];
                    match p.last_mut() {
                        Some(last) if last.0 == i => last.1 |= field,
                        _ => p.push((i, field)),
                    }
                })
            };
            if let Some(tr) = &t.trigger {
                add(tr, TRIGGER);
            }
            add(&t.title, TITLE);
            for g in &t.tags {
                add(g, TAG);
            }
            for x in t.texts() {
                add(x.text, TEXT);
            }
        }
        let mut sorted: Vec<(String, u32)> = ids.into_iter().collect();
        sorted.sort_unstable();
        SearchIndex {
            postings: sorted
                .iter()
                .map(|&(_, id)| std::mem::take(&mut postings[id as usize]))
                .collect(),
            words: sorted.into_iter().map(|(w, _)| w).collect(),
            usage: templates
                .iter()
                .map(|t| (t.uses, t.last_used.unwrap_or(0)))
                .collect(),
        }
    }

    fn use_bonus(&self, i: usize, now: i64) -> f32 {
        let (uses, last) = self.usage.get(i).copied().unwrap_or((0, 0));
        let days = ((now - last).max(0) / 86_400_000) as f32;
        let recent = if last > 0 {
            2.0 / (1.0 + days / 7.0)
        } else {
            0.0
        };
        (uses as f32 + 1.0).log2() * 0.5 + recent
    }

    /// The templates matching `query`, best first, at most `limit`. `now` (milliseconds since
    /// the epoch) weighs recent use.
    pub fn search(&self, query: &str, now: i64, limit: usize) -> Vec<Hit> {
        let n = self.usage.len();
        let mut terms = Vec::new();
        fold_words(query, |w| terms.push(w.to_string()));
        let mut score = vec![0f32; n];
        let mut matched = vec![0u16; n];
        for (k, term) in terms.iter().enumerate() {
            let mut best = vec![0f32; n];
            let start = self.words.partition_point(|w| w.as_str() < term.as_str());
            let end = start
                + self.words[start..]
                    .iter()
                    .take_while(|w| w.starts_with(term.as_str()))
                    .count();
            let mut visit = |wi: usize, whole: bool, typo: bool| {
                for &(i, f) in &self.postings[wi] {
                    let field = if f & TRIGGER != 0 {
                        10.0
                    } else if f & TITLE != 0 {
                        8.0
                    } else if f & TAG != 0 {
                        5.0
                    } else {
                        2.0
                    };
                    let s = field * if whole { 1.5 } else { 1.0 } * if typo { 0.5 } else { 1.0 };
                    let b = &mut best[i as usize];
                    *b = b.max(s);
                }
            };
            for wi in start..end {
                visit(wi, self.words[wi].len() == term.len(), false);
            }
            if start == end && term.chars().count() >= 4 {
                let t = term.as_bytes();
                for wi in 0..self.words.len() {
                    if self.words[wi].len().abs_diff(t.len()) <= 1
                        && within_one_typo(self.words[wi].as_bytes(), t)
                    {
                        visit(wi, true, true);
                    }
                }
            }
            for i in 0..n {
                if best[i] > 0.0 && matched[i] as usize == k {
                    matched[i] += 1;
                    score[i] += best[i];
                }
            }
        }
        // one u64 per hit, the score's bits inverted above the position: an ascending sort of
        // plain integers is best score first, then library order (scores are never negative)
        let key = |i: usize| {
            let s = score[i] + self.use_bonus(i, now);
            (u64::from(!s.max(0.0).to_bits()) << 32) | i as u64
        };
        let mut keys: Vec<u64> = (0..n)
            .filter(|&i| matched[i] as usize == terms.len())
            .map(key)
            .collect();
        if limit < keys.len() {
            keys.select_nth_unstable(limit);
            keys.truncate(limit);
        }
        keys.sort_unstable();
        let hits: Vec<Hit> = keys
            .into_iter()
            .map(|k| Hit {
                index: k as u32,
                score: f32::from_bits(!((k >> 32) as u32)),
            })
            .collect();
        hits
    }
}
