//! Reads through an index, described in pure data so that IndexedDB and the in-memory store run
//! the same ones: which index, and which key ranges of it (a union, in order). Keys are strings
//! here (the backlog's indexes are over states, planned dates and tags). What to read for a
//! query is decided by the model that owns the records (`backlog::filter`), not here.

/// A range of keys: from `lower` (included) to `upper` (included unless `upper_open`); an absent
/// bound is open on that side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyRange {
    pub lower: Option<String>,
    pub upper: Option<String>,
    pub upper_open: bool,
}

impl KeyRange {
    /// The one key `key`.
    pub fn only(key: &str) -> KeyRange {
        KeyRange {
            lower: Some(key.to_string()),
            upper: Some(key.to_string()),
            upper_open: false,
        }
    }

    /// Whether `key` is in the range.
    pub fn contains(&self, key: &str) -> bool {
        let above = self.lower.as_deref().is_none_or(|l| key >= l);
        let below = match self.upper.as_deref() {
            None => true,
            Some(u) if self.upper_open => key < u,
            Some(u) => key <= u,
        };
        above && below
    }

    /// Whether no key can be in it (IndexedDB refuses such a range: it is not read at all).
    pub fn is_empty(&self) -> bool {
        match (self.lower.as_deref(), self.upper.as_deref()) {
            (Some(l), Some(u)) => l > u || (l == u && self.upper_open),
            _ => false,
        }
    }
}

/// A read of one index over a union of key ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexRead {
    /// The index's name (`schema::BY_STATE`…).
    pub index: &'static str,
    /// The ranges, each read in key order, one after the other; no range: nothing is read.
    pub ranges: Vec<KeyRange>,
}
