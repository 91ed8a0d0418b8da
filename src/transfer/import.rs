//! Import plans: what an import would add and change, computed from the parsed file and the
//! current backlog without touching it, with the report the user sees (imported, merged, skipped
//! with reasons). `apply` then makes the changes; it cannot fail.

use std::collections::{HashMap, HashSet};

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
        let at: HashMap<String, usize> = backlog
            .items
            .iter()
            .enumerate()
            .map(|(k, i)| (i.id.clone(), k))
            .collect();
        for u in self.updated_items {
            if let Some(&k) = at.get(&u.id) {
                backlog.items[k] = u;
            }
        }
        backlog.items.extend(self.new_items);
    }
}

/// Where a page already is: an item the plan adds, one it changes, or one of the backlog.
#[derive(Clone, Copy)]
enum Target {
    New(usize),
    Updated(usize),
    Current(usize),
}

/// The plan being built, with every page's dedupe key indexed once (a scan per record would
/// make a 10,000-bookmark import into a 50,000-item backlog take minutes).
struct Planner<'a> {
    current: &'a Backlog,
    plan: ImportPlan,
    pages: HashMap<String, Target>,
}

impl<'a> Planner<'a> {
    fn new(current: &'a Backlog, skipped: Vec<Skipped>) -> Planner<'a> {
        let mut pages = HashMap::new();
        for (i, item) in current.items.iter().enumerate() {
            if let Some(u) = item.url() {
                pages.entry(key(u)).or_insert(Target::Current(i));
            }
        }
        Planner {
            current,
            plan: ImportPlan {
                report: ImportReport {
                    skipped,
                    ..ImportReport::default()
                },
                ..ImportPlan::default()
            },
            pages,
        }
    }

    fn find(&self, page_key: &str) -> Option<Target> {
        self.pages.get(page_key).copied()
    }

    /// The item a merge goes into; a current one is copied into `updated_items` first.
    fn target_mut(&mut self, page_key: &str, t: Target) -> Option<&mut Item> {
        match t {
            Target::New(i) => self.plan.new_items.get_mut(i),
            Target::Updated(i) => self.plan.updated_items.get_mut(i),
            Target::Current(i) => {
                let item = self.current.items.get(i)?.clone();
                self.plan.updated_items.push(item);
                let at = self.plan.updated_items.len() - 1;
                self.pages.insert(page_key.to_string(), Target::Updated(at));
                self.plan.updated_items.last_mut()
            }
        }
    }

    fn add(&mut self, item: Item) {
        if let Some(u) = item.url() {
            let k = key(u);
            self.pages
                .entry(k)
                .or_insert(Target::New(self.plan.new_items.len()));
        }
        self.plan.new_items.push(item);
        self.plan.report.imported += 1;
    }
}

/// Plans pages from a bookmarks or read-later export as ideas: cleaned addresses, one item per
/// page (merged with what the backlog or the file already has), each new item with the id a
/// capture of its page would give ([`crate::backlog::dedupe::page_id`]).
pub fn plan_ideas(
    current: &Backlog,
    incoming: Vec<Incoming>,
    skipped: Vec<Skipped>,
    now_ms: u64,
) -> ImportPlan {
    let mut p = Planner::new(current, skipped);
    for inc in incoming {
        let url = inc.url.trim();
        if !is_web_url(url) {
            p.plan
                .report
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
        let page_key = key(&url);
        match p.find(&page_key) {
            Some(t) => {
                if let Some(item) = p.target_mut(&page_key, t) {
                    merge(item, &capture, &input, now_ms);
                }
                p.plan.report.merged += 1;
            }
            None => {
                // the id a capture of the page gives: a later capture merges into it
                let mut item = Item::idea(
                    crate::backlog::dedupe::page_id(&page_key),
                    inc.title.clone().unwrap_or_default(),
                    when,
                );
                merge(&mut item, &capture, &input, when);
                if item.title.is_empty() {
                    item.title = url;
                }
                p.add(item);
            }
        }
    }
    p.plan
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
    let mut p = Planner::new(current, skipped);
    let by_id: HashMap<&str, &Item> = current.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut seen: HashSet<String> = HashSet::new();
    for (line, mut item) in items {
        if !seen.insert(item.id.clone()) {
            p.plan
                .report
                .skipped
                .push(Skipped::new(line, SkipReason::DuplicateInFile, &item.id));
            continue;
        }
        item.tags = normalize_tags(item.tags.iter().map(String::as_str));
        if let Some(existing) = by_id.get(item.id.as_str()) {
            if **existing == item {
                p.plan.report.skipped.push(Skipped::new(
                    line,
                    SkipReason::AlreadyPresent,
                    &item.id,
                ));
            } else if item.updated_ms > existing.updated_ms {
                // a later record of the same page merges into this newer version
                if let Some(u) = existing.url() {
                    p.pages
                        .insert(key(u), Target::Updated(p.plan.updated_items.len()));
                }
                p.plan.updated_items.push(item);
                p.plan.report.merged += 1;
            } else {
                p.plan.report.skipped.push(Skipped::new(
                    line,
                    SkipReason::OlderThanCurrent,
                    &item.id,
                ));
            }
            continue;
        }
        let page_key = item.url().map(key);
        match page_key.as_deref().and_then(|k| p.find(k).map(|t| (k, t))) {
            Some((k, t)) => {
                let k = k.to_string();
                if let Some(into) = p.target_mut(&k, t) {
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
                p.plan.report.merged += 1;
            }
            None => p.add(item),
        }
    }
    p.plan
}
