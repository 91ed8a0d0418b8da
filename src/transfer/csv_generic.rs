//! The generic CSV: every field of every item, one row per item, a `draft:<network>` column for
//! each network any item has a draft for. Written with the formula guard on every cell; read back
//! (our own files or a spreadsheet the user edited) into an import plan.

use super::csv_cells::{neutralise, restore};
use super::import::{plan_items, ImportPlan, SkipReason, Skipped};
use super::{input_text, TransferError, MAX_RECORDS};
use crate::backlog::item::normalize_tags;
use crate::backlog::{Backlog, Draft, Item, Planned, State};
use crate::capture::{Capture, Quote};
use crate::platform::Platform;

/// The fixed columns, in order; the draft columns follow.
pub const COLUMNS: &[&str] = &[
    "id",
    "state",
    "title",
    "url",
    "canonical",
    "page_title",
    "description",
    "image",
    "site_name",
    "author",
    "published",
    "lang",
    "note",
    "tags",
    "networks",
    "planned",
    "created_ms",
    "updated_ms",
    "quotes",
];

const DRAFT_PREFIX: &str = "draft:";

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

/// The CSV of these items (UTF-8, comma-separated, a header row, CRLF line ends).
pub fn export(items: &[Item]) -> String {
    let networks: Vec<Platform> = Platform::ALL
        .iter()
        .copied()
        .filter(|p| items.iter().any(|i| i.draft(*p).is_some()))
        .collect();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    header.extend(networks.iter().map(|n| format!("{DRAFT_PREFIX}{}", n.id())));
    let _ = w.write_record(&header);
    for i in items {
        let src = i.source.as_ref();
        let quotes = if i.quotes.is_empty() {
            String::new()
        } else {
            serde_json::to_string(&i.quotes).unwrap_or_default()
        };
        let mut row: Vec<String> = vec![
            i.id.clone(),
            i.state.id().into(),
            i.title.clone(),
            src.map(|s| s.url.clone()).unwrap_or_default(),
            src.map(|s| s.canonical.clone()).unwrap_or_default(),
            src.map(|s| opt(&s.title).to_string()).unwrap_or_default(),
            src.map(|s| opt(&s.description).to_string())
                .unwrap_or_default(),
            src.map(|s| opt(&s.image).to_string()).unwrap_or_default(),
            src.map(|s| opt(&s.site_name).to_string())
                .unwrap_or_default(),
            src.map(|s| opt(&s.author).to_string()).unwrap_or_default(),
            src.map(|s| opt(&s.published).to_string())
                .unwrap_or_default(),
            src.map(|s| opt(&s.lang).to_string()).unwrap_or_default(),
            i.note.clone(),
            i.tags.join(", "),
            i.networks
                .iter()
                .map(|n| n.id())
                .collect::<Vec<_>>()
                .join(" "),
            i.planned.map(|p| p.to_string()).unwrap_or_default(),
            i.created_ms.to_string(),
            i.updated_ms.to_string(),
            quotes,
        ];
        row.extend(
            networks
                .iter()
                .map(|n| i.draft(*n).unwrap_or("").to_string()),
        );
        let _ = w.write_record(row.iter().map(|c| neutralise(c).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// One row into an item, or why not.
fn row_to_item(
    get: &dyn Fn(&str) -> Option<String>,
    drafts: &[(Platform, usize)],
    cells: &csv::StringRecord,
    new_id: &mut dyn FnMut() -> String,
    now_ms: u64,
) -> Result<Item, String> {
    let cell = |name: &str| get(name).unwrap_or_default();
    let state = match cell("state").as_str() {
        "" => State::Idea,
        s => State::from_id(s).ok_or_else(|| format!("state `{s}`"))?,
    };
    let planned = match cell("planned").as_str() {
        "" => None,
        p => Some(Planned::parse(p).ok_or_else(|| format!("planned `{p}`"))?),
    };
    let mut networks = Vec::new();
    for n in cell("networks").split([' ', ',']).filter(|s| !s.is_empty()) {
        networks.push(Platform::from_id(n).ok_or_else(|| format!("network `{n}`"))?);
    }
    let number = |name: &str| -> Result<Option<u64>, String> {
        match cell(name).as_str() {
            "" => Ok(None),
            n => n.parse().map(Some).map_err(|_| format!("{name} `{n}`")),
        }
    };
    let created_ms = number("created_ms")?.unwrap_or(now_ms);
    let updated_ms = number("updated_ms")?.unwrap_or(created_ms);
    let quotes: Vec<Quote> = match cell("quotes").as_str() {
        "" => Vec::new(),
        q => serde_json::from_str(q).map_err(|_| "quotes".to_string())?,
    };
    let url = cell("url");
    let canonical = cell("canonical");
    let source = (!url.is_empty() || !canonical.is_empty()).then(|| Capture {
        url: if url.is_empty() {
            canonical.clone()
        } else {
            url.clone()
        },
        canonical: if canonical.is_empty() {
            url.clone()
        } else {
            canonical.clone()
        },
        title: non_empty(&cell("page_title")),
        description: non_empty(&cell("description")),
        image: non_empty(&cell("image")),
        site_name: non_empty(&cell("site_name")),
        author: non_empty(&cell("author")),
        published: non_empty(&cell("published")),
        lang: non_empty(&cell("lang")),
        quote: None,
    });
    let mut item = Item {
        schema: crate::backlog::item::ITEM_SCHEMA,
        // a row without an id: a page's item gets the id a capture of the page gives (a later
        // capture merges into it), anything else a fresh one
        id: non_empty(&cell("id"))
            .or_else(|| {
                source.as_ref().map(|s| {
                    crate::backlog::dedupe::page_id(&crate::backlog::dedupe::key(&s.canonical))
                })
            })
            .unwrap_or_else(&mut *new_id),
        state,
        source,
        quotes,
        title: cell("title"),
        note: cell("note"),
        tags: normalize_tags(cell("tags").split(',')),
        networks,
        planned,
        drafts: Vec::new(),
        created_ms,
        updated_ms,
    };
    if state == State::Scheduled && planned.and_then(|p| p.time).is_none() {
        return Err("scheduled without a planned time".into());
    }
    for (network, col) in drafts {
        let text = restore(cells.get(*col).unwrap_or("")).to_string();
        if !text.is_empty() {
            item.drafts.push(Draft {
                network: *network,
                text,
            });
        }
    }
    // drafts in the order of the item's networks, as the extension keeps them
    let networks = &item.networks;
    item.drafts.sort_by_key(|d| {
        networks
            .iter()
            .position(|n| *n == d.network)
            .unwrap_or(usize::MAX)
    });
    Ok(item)
}

/// Plans the import of a generic CSV file (ours, or edited in a spreadsheet). Needs a header
/// row with at least a `title` or a `url` column; other columns are optional.
pub fn plan_import(
    current: &Backlog,
    bytes: &[u8],
    new_id: &mut dyn FnMut() -> String,
    now_ms: u64,
) -> Result<ImportPlan, TransferError> {
    let text = input_text(bytes)?;
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = r
        .headers()
        .map_err(|e| malformed(&e))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect::<Vec<_>>();
    if !header.iter().any(|h| h == "title" || h == "url") {
        return Err(TransferError::MissingColumn("title"));
    }
    let col = |name: &str| header.iter().position(|h| h == name);
    let drafts: Vec<(Platform, usize)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            h.strip_prefix(DRAFT_PREFIX)
                .and_then(Platform::from_id)
                .map(|p| (p, i))
        })
        .collect();
    let mut items = Vec::new();
    let mut skipped = Vec::new();
    for (n, rec) in r.records().enumerate() {
        let line = n + 2;
        if n >= MAX_RECORDS {
            return Err(TransferError::TooManyRecords { max: MAX_RECORDS });
        }
        let rec = rec.map_err(|e| malformed(&e))?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |name: &str| {
            col(name)
                .and_then(|i| rec.get(i))
                .map(|c| restore(c).to_string())
        };
        match row_to_item(&get, &drafts, &rec, new_id, now_ms) {
            Ok(item) => items.push((line, item)),
            Err(detail) => skipped.push(Skipped::new(line, SkipReason::BadRow, &detail)),
        }
    }
    Ok(plan_items(current, items, skipped, now_ms))
}

fn malformed(e: &csv::Error) -> TransferError {
    TransferError::Malformed {
        format: "csv",
        line: e.position().map_or(0, |p| p.line() as usize),
        detail: e.to_string(),
    }
}
