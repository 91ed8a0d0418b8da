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
    /// The folded titles (what the title sort compares).
    titles: Vec<String>,
}

impl Index {
    /// The index of `items`, in their order.
    pub fn build(items: &[Item]) -> Index {
        let mut index = Index::default();
        for item in items {
            index.push(item);
        }
        index
    }

    /// Refreshes the entry of the item at `at` after it changed.
    pub fn update(&mut self, at: usize, item: &Item) {
        if let Some(h) = self.haystacks.get_mut(at) {
            *h = haystack(item);
        }
        if let Some(t) = self.titles.get_mut(at) {
            *t = fold(&item.title);
        }
    }

    /// Adds the entry of an item appended to the list (the index grows with the list, batch by
    /// batch, instead of being built again).
    pub fn push(&mut self, item: &Item) {
        self.haystacks.push(haystack(item));
        self.titles.push(fold(&item.title));
    }

    /// How many items it covers.
    pub fn len(&self) -> usize {
        self.haystacks.len()
    }

    /// Whether it covers no item.
    pub fn is_empty(&self) -> bool {
        self.haystacks.is_empty()
    }
}

impl Query {
    /// Whether every item this query shows is also shown by `before` (the same filters and sort,
    /// and each word of `before` inside a word of this one: the user typed on). The list then
    /// searches only among what `before` found, already in order.
    pub fn narrows(&self, before: &Query) -> bool {
        if self.states != before.states
            || self.tag != before.tag
            || self.network != before.network
            || self.from != before.from
            || self.to != before.to
            || self.sort != before.sort
        {
            return false;
        }
        let now = fold(&self.text);
        let now: Vec<&str> = now.split_whitespace().collect();
        fold(&before.text)
            .split_whitespace()
            .all(|old| now.iter().any(|w| w.contains(old)))
    }
}

/// The items the list shows, in order (folding every item: for a one-off query).
pub fn search<'a>(items: &'a [Item], q: &Query) -> Vec<&'a Item> {
    search_indexed(items, &Index::build(items), q)
}

/// The items the list shows, in order, with the index of `items` (built by `Index::build` on
/// the same slice).
pub fn search_indexed<'a>(items: &'a [Item], index: &Index, q: &Query) -> Vec<&'a Item> {
    search_positions(items, index, q, None)
        .into_iter()
        .filter_map(|k| items.get(k))
        .collect()
}

/// The positions in `items` of what the list shows, in order. `within`: positions already found
/// by a query this one [`Query::narrows`], in their order; only those are looked at, and their
/// order is kept.
pub fn search_positions(
    items: &[Item],
    index: &Index,
    q: &Query,
    within: Option<&[usize]>,
) -> Vec<usize> {
    let folded = fold(&q.text);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let tag = q.tag.as_deref().map(fold);
    let keep = |k: usize| -> bool {
        let Some(i) = items.get(k) else {
            return false;
        };
        let h = index.haystacks.get(k).map(String::as_str).unwrap_or("");
        if !words.iter().all(|w| h.contains(w)) {
            return false;
        }
        let state_ok = if q.states.is_empty() {
            i.state != State::Archived
        } else {
            q.states.contains(&i.state)
        };
        state_ok
            && tag
                .as_ref()
                .is_none_or(|t| i.tags.iter().any(|x| fold(x) == *t))
            && q.network.is_none_or(|n| i.networks.contains(&n))
            && (q.from.is_none() && q.to.is_none()
                || i.planned.is_some_and(|p| {
                    q.from.is_none_or(|f| p.date >= f) && q.to.is_none_or(|t| p.date <= t)
                }))
    };
    if let Some(before) = within {
        return before.iter().copied().filter(|&k| keep(k)).collect();
    }
    sorted(items, index, q, (0..items.len()).filter(|&k| keep(k)))
}

/// The positions of what the list shows, in order, looking only at `among` (positions in
/// `items`, in any order, each once): every item the query shows must be among them, as the
/// records read through an index are (`filter`). The same answer as [`search_positions`] then.
pub fn search_among(items: &[Item], index: &Index, q: &Query, among: &[usize]) -> Vec<usize> {
    let kept = search_positions(items, index, q, Some(among));
    sorted(items, index, q, kept.into_iter())
}

/// `found` in the query's order; the position breaks ties.
fn sorted(
    items: &[Item],
    index: &Index,
    q: &Query,
    found: impl Iterator<Item = usize>,
) -> Vec<usize> {
    // each sort key is read once into a compact vector, then sorted without touching the items
    // again; the position breaks ties, so the order is the items' order among equals
    let mut out: Vec<usize> = Vec::new();
    let at = |k: usize| items.get(k);
    match q.sort {
        Sort::Planned => {
            let mut keyed: Vec<_> = found
                .filter_map(|k| {
                    at(k).map(|i| {
                        (
                            (
                                i.planned.is_none(),
                                i.planned,
                                std::cmp::Reverse(i.updated_ms),
                            ),
                            k,
                        )
                    })
                })
                .collect();
            keyed.sort_unstable();
            out.extend(keyed.into_iter().map(|(_, k)| k));
        }
        Sort::Updated | Sort::Created => {
            let created = q.sort == Sort::Created;
            let mut keyed: Vec<(std::cmp::Reverse<u64>, usize)> = found
                .filter_map(|k| {
                    at(k).map(|i| {
                        let ms = if created { i.created_ms } else { i.updated_ms };
                        (std::cmp::Reverse(ms), k)
                    })
                })
                .collect();
            keyed.sort_unstable();
            out.extend(keyed.into_iter().map(|(_, k)| k));
        }
        Sort::Title => {
            let mut keyed: Vec<(&str, usize)> = found
                .map(|k| (index.titles.get(k).map_or("", String::as_str), k))
                .collect();
            keyed.sort_unstable();
            out.extend(keyed.into_iter().map(|(_, k)| k));
        }
    }
    out
}
