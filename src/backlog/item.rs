//! One backlog item and its states. The allowed moves are a table (`ALLOWED`); the UI offers only
//! those, and the core refuses any other with `backlog.transition_not_allowed`.

use serde::{Deserialize, Serialize};

use super::when::Planned;
use crate::capture::{Capture, Quote};
use crate::platform::Platform;

/// Where an item stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Idea,
    Draft,
    Scheduled,
    Published,
    Archived,
}

use State::*;

/// Every allowed move: forward along idea → draft → scheduled → published, one step back
/// (a draft back to an idea, a scheduled post back to a draft), to the archive from anywhere,
/// and out of the archive as an idea or a draft.
pub const ALLOWED: &[(State, State)] = &[
    (Idea, Draft),
    (Draft, Scheduled),
    (Scheduled, Published),
    (Draft, Idea),
    (Scheduled, Draft),
    (Idea, Archived),
    (Draft, Archived),
    (Scheduled, Archived),
    (Published, Archived),
    (Archived, Idea),
    (Archived, Draft),
];

impl State {
    pub const ALL: &'static [State] = &[Idea, Draft, Scheduled, Published, Archived];

    pub fn id(self) -> &'static str {
        match self {
            Idea => "idea",
            Draft => "draft",
            Scheduled => "scheduled",
            Published => "published",
            Archived => "archived",
        }
    }

    pub fn from_id(s: &str) -> Option<State> {
        State::ALL.iter().copied().find(|st| st.id() == s)
    }

    /// Whether an item may move from `self` to `to` (staying put is always allowed).
    pub fn can_move_to(self, to: State) -> bool {
        self == to || ALLOWED.contains(&(self, to))
    }
}

/// A post text for one network.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub network: Platform,
    pub text: String,
}

/// The schema version of an item as this build stores it.
pub const ITEM_SCHEMA: u32 = 1;

fn item_schema() -> u32 {
    ITEM_SCHEMA
}

/// One backlog item. `id` is given by whoever creates it (the background uses a random UUID);
/// times are milliseconds since 1970 in UTC.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Schema version of this record (see `from_stored`).
    #[serde(default = "item_schema")]
    pub schema: u32,
    pub id: String,
    pub state: State,
    /// The captured page, if the item comes from one (an idea typed by hand has none).
    #[serde(default)]
    pub source: Option<Capture>,
    /// Passages quoted from the page, one per capture of a selection.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// The item's own title (the page's title at capture; the user may change it).
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The networks it will be posted to, in the user's order.
    #[serde(default)]
    pub networks: Vec<Platform>,
    #[serde(default)]
    pub planned: Option<Planned>,
    /// One text per network.
    #[serde(default)]
    pub drafts: Vec<Draft>,
    pub created_ms: u64,
    pub updated_ms: u64,
}

impl Item {
    /// A new idea with nothing but a title.
    pub fn idea(id: impl Into<String>, title: impl Into<String>, now_ms: u64) -> Item {
        Item {
            schema: ITEM_SCHEMA,
            id: id.into(),
            state: Idea,
            source: None,
            quotes: Vec::new(),
            title: title.into(),
            note: String::new(),
            tags: Vec::new(),
            networks: Vec::new(),
            planned: None,
            drafts: Vec::new(),
            created_ms: now_ms,
            updated_ms: now_ms,
        }
    }

    /// Reads a stored item of any schema version up to this build's, bringing it up to date
    /// (version 1 is the first: an item without a version is read as version 1).
    pub fn from_stored(value: &serde_json::Value) -> Result<Item, super::BacklogError> {
        let schema = value
            .get("schema")
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(1);
        if schema > u64::from(ITEM_SCHEMA) {
            return Err(super::BacklogError::NewerSchema(schema));
        }
        let mut item: Item = serde_json::from_value(value.clone())
            .map_err(|e| super::BacklogError::DamagedItem(e.to_string()))?;
        item.schema = ITEM_SCHEMA;
        Ok(item)
    }

    /// The address of the item's page, as captured (canonical), if any.
    pub fn url(&self) -> Option<&str> {
        self.source.as_ref().map(|s| s.canonical.as_str())
    }

    /// The key two captures of the same page share (`dedupe::key` of the canonical URL): what
    /// the store indexes to find the page again without reading every item.
    pub fn page_key(&self) -> Option<String> {
        self.url().map(super::dedupe::key)
    }

    /// The draft for a network, if written.
    pub fn draft(&self, network: Platform) -> Option<&str> {
        self.drafts
            .iter()
            .find(|d| d.network == network)
            .map(|d| d.text.as_str())
    }

    /// Sets (or, with an empty text, removes) the draft for a network.
    pub fn set_draft(&mut self, network: Platform, text: &str) {
        self.drafts.retain(|d| d.network != network);
        if !text.is_empty() {
            self.drafts.push(Draft {
                network,
                text: text.to_string(),
            });
            if !self.networks.contains(&network) {
                self.networks.push(network);
            }
        }
    }
}

/// Tags as the user types them: trimmed, a leading `#` dropped, blank ones and repeats (without
/// regard to case) left out, in order.
pub fn normalize_tags<'a>(tags: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let t = t.trim().trim_start_matches('#').trim();
        if !t.is_empty() && !out.iter().any(|o| o.to_lowercase() == t.to_lowercase()) {
            out.push(t.to_string());
        }
    }
    out
}
