//! The backlog list's search, filters and sort. Search ignores case and accents (« Été » finds
//! « ete ») and wants every word of the query somewhere in the title, the note, the drafts, the
//! tags or the captured page's title and site. `haystack` is what a caller may keep per item so
//! that each keystroke does not fold every item again.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::item::{Item, State};
use super::when::Date;
use crate::platform::Platform;

/// Lower case without accents (each character decomposed, combining marks dropped); œ and æ
/// spelt out. ASCII takes a fast path: most of a post is ASCII even in French.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            c => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }),
        }
    }
    out
}

/// Everything the search looks into, folded.
pub fn haystack(item: &Item) -> String {
    let mut parts: Vec<&str> = vec![&item.title, &item.note];
    parts.extend(item.drafts.iter().map(|d| d.text.as_str()));
    parts.extend(item.tags.iter().map(String::as_str));
    if let Some(s) = &item.source {
        parts.extend(s.title.as_deref());
        parts.extend(s.site_name.as_deref());
    }
    fold(&parts.join("\n"))
}

/// How the list is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Planned date and time, unplanned items last; then the most recently changed.
    Planned,
    /// Most recently changed first.
    #[default]
    Updated,
    /// Most recently added first.
    Created,
    /// By title, ignoring case and accents.
    Title,
}

/// What the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Words to find (all of them).
    pub text: String,
    /// The states shown; empty means all but archived.
    pub states: Vec<State>,
    /// Only items with this tag (ignoring case and accents).
    pub tag: Option<String>,
    /// Only items for this network.
    pub network: Option<Platform>,
    /// Only items planned from this day…
    pub from: Option<Date>,
    /// …to this day (included).
    pub to: Option<Date>,
    pub sort: Sort,
}

/// The folded text of every item, built once (and again for an item when it changes), so a
/// keystroke in the search field only compares strings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Index {
    haystacks: Vec<String>,
}

impl Index {
    /// The index of `items`, in their order.
    pub fn build(items: &[Item]) -> Index {
        Index {
            haystacks: items.iter().map(haystack).collect(),
        }
    }

    /// Refreshes the entry of the item at `at` after it changed.
    pub fn update(&mut self, at: usize, item: &Item) {
        if let Some(h) = self.haystacks.get_mut(at) {
            *h = haystack(item);
        }
    }
}

/// The items the list shows, in order (folding every item: for a one-off query).
pub fn search<'a>(items: &'a [Item], q: &Query) -> Vec<&'a Item> {
    search_indexed(items, &Index::build(items), q)
}

/// The items the list shows, in order, with the index of `items` (built by `Index::build` on
/// the same slice).
pub fn search_indexed<'a>(items: &'a [Item], index: &Index, q: &Query) -> Vec<&'a Item> {
    let words: Vec<String> = fold(&q.text)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let tag = q.tag.as_deref().map(fold);
    let mut out: Vec<&Item> = items
        .iter()
        .zip(
            index
                .haystacks
                .iter()
                .map(String::as_str)
                .chain(std::iter::repeat("")),
        )
        .filter(|(_, h)| words.iter().all(|w| h.contains(w.as_str())))
        .map(|(i, _)| i)
        .filter(|i| {
            if q.states.is_empty() {
                i.state != State::Archived
            } else {
                q.states.contains(&i.state)
            }
        })
        .filter(|i| {
            tag.as_ref()
                .is_none_or(|t| i.tags.iter().any(|x| fold(x) == *t))
        })
        .filter(|i| q.network.is_none_or(|n| i.networks.contains(&n)))
        .filter(|i| {
            if q.from.is_none() && q.to.is_none() {
                return true;
            }
            i.planned.is_some_and(|p| {
                q.from.is_none_or(|f| p.date >= f) && q.to.is_none_or(|t| p.date <= t)
            })
        })
        .collect();
    match q.sort {
        Sort::Planned => out.sort_by(|a, b| {
            (
                a.planned.is_none(),
                a.planned,
                std::cmp::Reverse(a.updated_ms),
            )
                .cmp(&(
                    b.planned.is_none(),
                    b.planned,
                    std::cmp::Reverse(b.updated_ms),
                ))
        }),
        Sort::Updated => out.sort_by_key(|i| std::cmp::Reverse(i.updated_ms)),
        Sort::Created => out.sort_by_key(|i| std::cmp::Reverse(i.created_ms)),
        Sort::Title => out.sort_by_cached_key(|i| fold(&i.title)),
    }
    out
}
