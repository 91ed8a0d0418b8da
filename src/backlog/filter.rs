//! Which of the store's indexes answers the list's filters, so that a filter reads only the
//! records it can show instead of the whole backlog: a state filter through `by_state`, a tag
//! through `by_tag` (every tag in use that the query's tag matches, ignoring case and accents as
//! the search does), a date range through `by_planned`. Each read is necessary, not sufficient:
//! every item the query shows is among the records of any one of them, and the search
//! (`search`) then applies every filter to those. When several apply, the one with the fewest
//! entries is read. The network and the text have no index: a query with nothing else reads
//! nothing here. Pure decisions over the [`Store`] trait; nothing here touches a browser.
//!
//! A query the indexes answer whole (filters on state, tag and dates, sorted by the last change,
//! no text nor network: the list's default too) is answered by keys alone ([`keyed`]): the ids
//! under every filter's index, intersected (the archived ones left out for the default states),
//! and how many. The list walks the `by_updated` index newest first over those ids and reads
//! only the records of the rows in view.

use super::search::{fold, Query, Sort};
use super::State;
use crate::store::schema::{BY_PLANNED, BY_STATE, BY_TAG, BY_UPDATED};
use crate::store::{Collection, IndexRead, KeyRange, Record, Store, StoreError};

/// The index reads that each contain every item `q` shows, in the order state, tag, date.
/// `tags_in_use`: the distinct keys of the tag index (only looked at when `q` has a tag).
pub fn reads(q: &Query, tags_in_use: &[String]) -> Vec<IndexRead> {
    let mut out = Vec::new();
    if !q.states.is_empty() {
        let mut ids: Vec<&str> = q.states.iter().map(|s| s.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        out.push(IndexRead {
            index: BY_STATE,
            ranges: ids.into_iter().map(KeyRange::only).collect(),
        });
    }
    if let Some(tag) = q.tag.as_deref() {
        let wanted = fold(tag.trim());
        out.push(IndexRead {
            index: BY_TAG,
            ranges: tags_in_use
                .iter()
                .filter(|k| fold(k) == wanted)
                .map(|k| KeyRange::only(k))
                .collect(),
        });
    }
    if q.from.is_some() || q.to.is_some() {
        // a planned key is the date, then `T` and the time: every time of the day `to` sorts
        // before `{to}U`
        out.push(IndexRead {
            index: BY_PLANNED,
            ranges: vec![KeyRange {
                lower: q.from.map(|d| d.to_string()),
                upper: q.to.map(|d| format!("{d}U")),
                upper_open: true,
            }],
        });
    }
    out
}

/// Of reads with these entry counts, the one to make: the fewest entries (the first of equals).
pub fn choose(counts: &[u32]) -> Option<usize> {
    counts
        .iter()
        .enumerate()
        .min_by_key(|(k, n)| (**n, *k))
        .map(|(k, _)| k)
}

/// The read that answers `q` with the fewest records, or `None` when no index applies (then
/// the list searches what it holds). Asks the store for the tags in use (when `q` has a tag)
/// and for each candidate's count: key-only reads, no record is read here.
pub async fn plan<S: Store>(store: &S, q: &Query) -> Result<Option<IndexRead>, StoreError> {
    let tags = match q.tag {
        Some(_) => store.index_keys(Collection::Backlog, BY_TAG).await?,
        None => Vec::new(),
    };
    let mut candidates = reads(q, &tags);
    if candidates.len() < 2 {
        return Ok(candidates.pop());
    }
    let mut counts = Vec::with_capacity(candidates.len());
    for read in &candidates {
        counts.push(store.index_count(Collection::Backlog, read).await?);
    }
    Ok(choose(&counts).map(|k| candidates.swap_remove(k)))
}

/// The live records among which every item `q` shows is, read through the index [`plan`]
/// chooses; `None` when no index applies.
pub async fn candidates<S: Store>(store: &S, q: &Query) -> Result<Option<Vec<Record>>, StoreError> {
    let Some(read) = plan(store, q).await? else {
        return Ok(None);
    };
    let mut records = store.index_records(Collection::Backlog, &read).await?;
    records.retain(|r| !r.deleted);
    Ok(Some(records))
}

/// What the list reads by keys for a query the indexes answer whole: the ids under each of its
/// filters' indexes (`include`, intersected; none for the default list) minus those under
/// `exclude` (the archived items, when the query shows every state but archived).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyReads {
    pub include: Vec<IndexRead>,
    pub exclude: Option<IndexRead>,
}

/// The key reads that give exactly the items `q` shows, when the indexes answer it whole: every
/// filter is on state, tag or dates (each index holds live records only: a tombstone has no
/// body), no text, no network, sorted by the last change. `None`: the records must be searched.
pub fn key_reads(q: &Query, tags_in_use: &[String]) -> Option<KeyReads> {
    if q.sort != Sort::Updated || q.network.is_some() || !fold(&q.text).trim().is_empty() {
        return None;
    }
    let exclude = q.states.is_empty().then(|| IndexRead {
        index: BY_STATE,
        ranges: vec![KeyRange::only(State::Archived.id())],
    });
    Some(KeyReads {
        include: reads(q, tags_in_use),
        exclude,
    })
}

/// The items a query shows, as ids read by keys ([`keyed`]): which ids it admits, and how many.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyedSet {
    /// The ids every included read holds; `None`: every live record (the default list).
    pub only: Option<std::collections::HashSet<String>>,
    /// Ids never shown (archived, for the default list).
    pub not: std::collections::HashSet<String>,
    /// How many items the query shows.
    pub count: usize,
}

impl KeyedSet {
    /// Whether the record `id` is shown (for the default list, when it is live: a walk over
    /// every record checks that on the record itself).
    pub fn admits(&self, id: &str) -> bool {
        !self.not.contains(id) && self.only.as_ref().is_none_or(|o| o.contains(id))
    }
}

/// The read of every live, not archived record of the state index (what the default list
/// counts).
pub fn active_states() -> IndexRead {
    let mut ids: Vec<&str> = State::ALL
        .iter()
        .filter(|s| **s != State::Archived)
        .map(|s| s.id())
        .collect();
    ids.sort_unstable();
    IndexRead {
        index: BY_STATE,
        ranges: ids.into_iter().map(KeyRange::only).collect(),
    }
}

/// The read of the whole `by_updated` index (every record, tombstones too, by its last change):
/// the list's order while it is answered by keys, newest first.
pub fn by_change() -> IndexRead {
    IndexRead {
        index: BY_UPDATED,
        ranges: vec![KeyRange {
            lower: None,
            upper: None,
            upper_open: false,
        }],
    }
}

/// The items `q` shows, read by keys alone (no record is read): `None` when the indexes do not
/// answer `q` whole ([`key_reads`]). The default list reads only the archived ids and a count.
/// The list's order is then the store's last change of each record (`by_updated`, walked
/// newest first by the page): the item's own `updated_ms` whenever the item was last written
/// by a save; an item imported with an older time sorts by when it was imported until the whole
/// backlog is in the page.
pub async fn keyed<S: Store>(store: &S, q: &Query) -> Result<Option<KeyedSet>, StoreError> {
    let tags = match q.tag {
        Some(_) => store.index_keys(Collection::Backlog, BY_TAG).await?,
        None => Vec::new(),
    };
    let Some(reads) = key_reads(q, &tags) else {
        return Ok(None);
    };
    let not: std::collections::HashSet<String> = match &reads.exclude {
        Some(read) => store
            .index_ids(Collection::Backlog, read)
            .await?
            .into_iter()
            .collect(),
        None => Default::default(),
    };
    if reads.include.is_empty() {
        let count = store
            .index_count(Collection::Backlog, &active_states())
            .await?;
        return Ok(Some(KeyedSet {
            only: None,
            not,
            count: count as usize,
        }));
    }
    let mut only: Option<std::collections::HashSet<String>> = None;
    for read in &reads.include {
        let ids = store.index_ids(Collection::Backlog, read).await?;
        only = Some(match only {
            None => ids.into_iter().collect(),
            Some(before) => ids.into_iter().filter(|i| before.contains(i)).collect(),
        });
        if only.as_ref().is_some_and(|o| o.is_empty()) {
            break;
        }
    }
    let mut only = only.unwrap_or_default();
    only.retain(|id| !not.contains(id));
    let count = only.len();
    Ok(Some(KeyedSet {
        only: Some(only),
        not,
        count,
    }))
}

#[cfg(test)]
mod tests;
