//! Import plans: what an import would add and change, computed from the parsed file and the
//! current backlog without touching it, with the report the user sees (imported, merged, skipped
//! with reasons). `apply` then makes the changes; it cannot fail.

use serde::Serialize;

use crate::backlog::dedupe::{key, merge, CaptureInput};
use crate::backlog::item::normalize_tags;
use crate::backlog::{Backlog, Item};
use crate::capture::resolve::is_web_url;
use crate::capture::{clean_url, Capture};

/// A page brought by a read-later or bookmarks export, to become an idea.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Incoming {
    /// Where it is in the file (a line or row number, 1-based), for the report.
    pub line: usize,
    pub url: String,
    pub title: Option<String>,
    pub tags: Vec<String>,
    pub note: String,
    /// When it was saved, if the file says.
    pub created_ms: Option<u64>,
}

/// Why a record was not imported (the UI shows `import_skip_<reason>` from `_locales`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// No address, or not an http(s) one (`javascript:`, `place:`, a file…).
    NotAWebAddress,
    /// A row the format does not allow (wrong number of cells, a bad date, an unknown state).
    BadRow,
    /// The same item (same id, same content) is already in the backlog.
    AlreadyPresent,
    /// The backlog holds a newer version of this item.
    OlderThanCurrent,
    /// The file holds this id twice; the first one was taken.
    DuplicateInFile,
}

/// One record left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub line: usize,
    pub reason: SkipReason,
    /// What was read there (an address, a cell), cut to 200 characters.
    pub detail: String,
}

impl Skipped {
    pub fn new(line: usize, reason: SkipReason, detail: &str) -> Skipped {
        Skipped {
            line,
            reason,
            detail: detail.chars().take(200).collect(),
        }
    }
}

/// What an import did (or would do).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// New items.
    pub imported: usize,
    /// Records merged into an item already there (or into an earlier record of the same file).
    pub merged: usize,
    pub skipped: Vec<Skipped>,
}

/// The changes an import would make.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Items to add, in file order.
    pub new_items: Vec<Item>,
    /// Items already in the backlog, as they will be after the import.
    pub updated_items: Vec<Item>,
    pub report: ImportReport,
}

impl ImportPlan {
    /// Makes the planned changes.
    pub fn apply(self, backlog: &mut Backlog) {
        for u in self.updated_items {
            if let Some(slot) = backlog.items.iter_mut().find(|i| i.id == u.id) {
                *slot = u;
            }
        }
        backlog.items.extend(self.new_items);
    }

    fn find_by_key(&self, current: &Backlog, k: &str) -> Option<Target> {
        if let Some(i) = self
            .new_items
            .iter()
            .position(|i| i.url().is_some_and(|u| key(u) == k))
        {
            return Some(Target::New(i));
        }
        if let Some(i) = self
            .updated_items
            .iter()
            .position(|i| i.url().is_some_and(|u| key(u) == k))
        {
            return Some(Target::Updated(i));
        }
        current
            .items
            .iter()
            .find(|i| i.url().is_some_and(|u| key(u) == k))
            .map(|i| Target::Current(i.id.clone()))
    }

    /// The item a merge goes into, copied into `updated_items` when it is a current one.
    fn target_mut(&mut self, current: &Backlog, t: Target) -> Option<&mut Item> {
        match t {
            Target::New(i) => self.new_items.get_mut(i),
            Target::Updated(i) => self.updated_items.get_mut(i),
            Target::Current(id) => {
                let item = current.get(&id)?.clone();
                self.updated_items.push(item);
                self.updated_items.last_mut()
            }
        }
    }
}

enum Target {
    New(usize),
    Updated(usize),
    Current(String),
}

/// Plans pages from a bookmarks or read-later export as ideas: cleaned addresses, one item per
/// page (merged with what the backlog or the file already has).
pub fn plan_ideas(
    current: &Backlog,
    incoming: Vec<Incoming>,
    skipped: Vec<Skipped>,
    new_id: &mut dyn FnMut() -> String,
    now_ms: u64,
) -> ImportPlan {
    let mut plan = ImportPlan {
        report: ImportReport {
            skipped,
            ..ImportReport::default()
        },
        ..ImportPlan::default()
    };
    for inc in incoming {
        let url = inc.url.trim();
        if !is_web_url(url) {
            plan.report
                .skipped
                .push(Skipped::new(inc.line, SkipReason::NotAWebAddress, url));
            continue;
        }
        let url = clean_url(url);
        let capture = Capture {
            url: url.clone(),
            canonical: url.clone(),
            title: inc.title.clone(),
            ..Capture::default()
        };
        let input = CaptureInput {
            tags: inc.tags.clone(),
            note: inc.note.clone(),
            networks: Vec::new(),
        };
        let when = inc.created_ms.unwrap_or(now_ms);
        match plan.find_by_key(current, &key(&url)) {
            Some(t) => {
                if let Some(item) = plan.target_mut(current, t) {
                    merge(item, &capture, &input, now_ms);
                }
                plan.report.merged += 1;
            }
            None => {
                let mut item = Item::idea(new_id(), inc.title.clone().unwrap_or_default(), when);
                merge(&mut item, &capture, &input, when);
                if item.title.is_empty() {
                    item.title = url;
                }
                plan.new_items.push(item);
                plan.report.imported += 1;
            }
        }
    }
    plan
}

/// Plans whole items (from a backup or the generic CSV): an id already in the backlog is kept
/// whichever is newer; a page already there under another id is merged into it; the rest is
/// added as it is.
pub fn plan_items(
    current: &Backlog,
    items: Vec<(usize, Item)>,
    skipped: Vec<Skipped>,
    now_ms: u64,
) -> ImportPlan {
    let mut plan = ImportPlan {
        report: ImportReport {
            skipped,
            ..ImportReport::default()
        },
        ..ImportPlan::default()
    };
    let mut seen: Vec<String> = Vec::new();
    for (line, mut item) in items {
        if seen.contains(&item.id) {
            plan.report
                .skipped
                .push(Skipped::new(line, SkipReason::DuplicateInFile, &item.id));
            continue;
        }
        seen.push(item.id.clone());
        item.tags = normalize_tags(item.tags.iter().map(String::as_str));
        if let Some(existing) = current.get(&item.id) {
            if *existing == item {
                plan.report
                    .skipped
                    .push(Skipped::new(line, SkipReason::AlreadyPresent, &item.id));
            } else if item.updated_ms > existing.updated_ms {
                plan.updated_items.push(item);
                plan.report.merged += 1;
            } else {
                plan.report.skipped.push(Skipped::new(
                    line,
                    SkipReason::OlderThanCurrent,
                    &item.id,
                ));
            }
            continue;
        }
        let target = item
            .url()
            .map(key)
            .and_then(|k| plan.find_by_key(current, &k));
        match target {
            Some(t) => {
                if let Some(into) = plan.target_mut(current, t) {
                    if let Some(src) = &item.source {
                        let input = CaptureInput {
                            tags: item.tags.clone(),
                            note: item.note.clone(),
                            networks: item.networks.clone(),
                        };
                        merge(into, src, &input, now_ms);
                    }
                    for q in item.quotes {
                        if !into.quotes.contains(&q) {
                            into.quotes.push(q);
                        }
                    }
                }
                plan.report.merged += 1;
            }
            None => {
                plan.new_items.push(item);
                plan.report.imported += 1;
            }
        }
    }
    plan
}
