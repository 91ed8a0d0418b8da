//! The content backlog: items (`item`: states and their allowed moves, tags, note, target
//! networks, per-network drafts, the stored schema), when they are planned (`when`), calendar
//! queries (`calendar`), the list's search, filters and sort (`search`), which of the store's
//! indexes answers a filter (`filter`, through the `store::Store` trait), one item per article
//! (`dedupe`), and stored records read in bulk (`load`). Pure data and rules: the store keeps
//! each item as an opaque JSON body; nothing here touches the browser.

pub mod calendar;
pub mod dedupe;
pub mod filter;
pub mod item;
pub mod load;
pub mod search;
pub mod when;

pub use dedupe::{CaptureInput, MergeReport};
pub use item::{Draft, Item, State};
pub use when::{Date, Planned, Time};

use crate::capture::Capture;
use crate::error::Coded;

/// A refused change to the backlog.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BacklogError {
    #[error("an item cannot move from {from} to {to}")]
    TransitionNotAllowed {
        from: &'static str,
        to: &'static str,
    },
    #[error("a scheduled item needs a planned date and time")]
    ScheduleNeedsTime,
    #[error("no item with id {0}")]
    UnknownItem(String),
    #[error("an item with id {0} already exists")]
    DuplicateId(String),
    #[error("the item was stored by a newer version of Porte-voix (schema {0})")]
    NewerSchema(u64),
    #[error("a stored item cannot be read: {0}")]
    DamagedItem(String),
}

impl Coded for BacklogError {
    fn code(&self) -> &'static str {
        match self {
            BacklogError::TransitionNotAllowed { .. } => "backlog.transition_not_allowed",
            BacklogError::ScheduleNeedsTime => "backlog.schedule_needs_time",
            BacklogError::UnknownItem(_) => "backlog.unknown_item",
            BacklogError::DuplicateId(_) => "backlog.duplicate_id",
            BacklogError::NewerSchema(_) => "backlog.newer_schema",
            BacklogError::DamagedItem(_) => "backlog.damaged_item",
        }
    }
}

/// What capturing a page did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CaptureOutcome {
    /// A new idea was added.
    Created { id: String },
    /// The page was already in the backlog (same canonical URL once cleaned): merged into it.
    Merged { id: String, report: MergeReport },
}

/// The items, in the order they were added. The background holds its records in the store; this
/// is the same logic over a plain list (used by imports, the command line and tests).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Backlog {
    pub items: Vec<Item>,
}

impl Backlog {
    pub fn get(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    fn get_mut(&mut self, id: &str) -> Result<&mut Item, BacklogError> {
        self.items
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or_else(|| BacklogError::UnknownItem(id.to_string()))
    }

    /// The item already holding this page (same dedupe key), if any.
    pub fn find_page(&self, url: &str) -> Option<&Item> {
        let k = dedupe::key(url);
        self.items
            .iter()
            .find(|i| i.url().is_some_and(|u| dedupe::key(u) == k))
    }

    /// Adds an item as it is; refuses an id already used.
    pub fn insert(&mut self, item: Item) -> Result<(), BacklogError> {
        if self.get(&item.id).is_some() {
            return Err(BacklogError::DuplicateId(item.id));
        }
        self.items.push(item);
        Ok(())
    }

    /// Captures a page: a new idea, or merged into the item that already holds the same page.
    /// `new_id` is used only when an item is created. This scans the list; the store finds the
    /// page through an index on `Item::page_key` instead, then calls `dedupe::merge`.
    pub fn capture(
        &mut self,
        capture: &Capture,
        input: &CaptureInput,
        new_id: &str,
        now_ms: u64,
    ) -> Result<CaptureOutcome, BacklogError> {
        let k = dedupe::key(&capture.canonical);
        if let Some(existing) = self
            .items
            .iter_mut()
            .find(|i| i.url().is_some_and(|u| dedupe::key(u) == k))
        {
            let report = dedupe::merge(existing, capture, input, now_ms);
            return Ok(CaptureOutcome::Merged {
                id: existing.id.clone(),
                report,
            });
        }
        let mut item = Item::idea(new_id, capture.title.clone().unwrap_or_default(), now_ms);
        dedupe::merge(&mut item, capture, input, now_ms);
        self.insert(item)?;
        Ok(CaptureOutcome::Created {
            id: new_id.to_string(),
        })
    }

    /// Moves an item to another state, if the move is allowed.
    pub fn set_state(&mut self, id: &str, to: State, now_ms: u64) -> Result<(), BacklogError> {
        let item = self.get_mut(id)?;
        if !item.state.can_move_to(to) {
            return Err(BacklogError::TransitionNotAllowed {
                from: item.state.id(),
                to: to.id(),
            });
        }
        if to == State::Scheduled && item.planned.and_then(|p| p.time).is_none() {
            return Err(BacklogError::ScheduleNeedsTime);
        }
        item.state = to;
        item.updated_ms = now_ms;
        Ok(())
    }

    /// Plans an item (or un-plans it with `None`). A scheduled item keeps a date and a time.
    pub fn plan(
        &mut self,
        id: &str,
        planned: Option<Planned>,
        now_ms: u64,
    ) -> Result<(), BacklogError> {
        let item = self.get_mut(id)?;
        if item.state == State::Scheduled && planned.and_then(|p| p.time).is_none() {
            return Err(BacklogError::ScheduleNeedsTime);
        }
        item.planned = planned;
        item.updated_ms = now_ms;
        Ok(())
    }

    /// Moves a planned item to another day on the calendar, keeping its time (drag and drop, or
    /// the keyboard's day and week steps).
    pub fn move_to_day(&mut self, id: &str, day: Date, now_ms: u64) -> Result<(), BacklogError> {
        let item = self.get_mut(id)?;
        let time = item.planned.and_then(|p| p.time);
        item.planned = Some(Planned { date: day, time });
        item.updated_ms = now_ms;
        Ok(())
    }

    /// Moves a planned item by a number of days (the keyboard: ±1, ±7); an unplanned item does
    /// not move.
    pub fn shift_days(&mut self, id: &str, days: i64, now_ms: u64) -> Result<(), BacklogError> {
        let day = self.get_mut(id)?.planned.map(|p| p.date.add_days(days));
        match day {
            Some(d) => self.move_to_day(id, d, now_ms),
            None => Ok(()),
        }
    }
}
