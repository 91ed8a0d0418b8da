//! Exports and imports in the backlog page. Exports: the JSON backup of everything (templates,
//! backlog, settings), the generic CSV, the ICS calendar, Hootsuite's files (one a network, at
//! most 350 rows each; the page says when a network's posts were split). Imports: a backup, a
//! generic CSV, a Netscape bookmarks file, a Pocket CSV. The core plans an import and reports it
//! before anything is written; writing goes item by item through the background, with progress.
//! A file that cannot be read ends with its error's message, the backlog untouched.

use super::{by_id, on, status, with};
use crate::backlog::{Backlog, Item};
use crate::protocol::{Request, Response};
use crate::store::Collection;
use crate::transfer::import::ImportPlan;
use crate::transfer::{backup, bookmarks, csv_generic, hootsuite, ics, pocket};
use crate::web::ext::{self, t, t_with};
use crate::web::pages::el;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlInputElement};

thread_local! {
    /// An import planned and reported, waiting for the user's go.
    static PENDING: RefCell<Option<(ImportPlan, Option<backup::Backup>)>> = const { RefCell::new(None) };
}

pub(super) fn build(doc: &Document) -> Result<Element, JsValue> {
    let section = el(
        doc,
        "section",
        &[
            ("id", "view-transfer"),
            ("aria-labelledby", "transfer-title"),
        ],
        None,
    )?;
    section.append_child(&*el(
        doc,
        "h2",
        &[("id", "transfer-title")],
        Some(&t("backlog_view_transfer")),
    )?)?;
    section.append_child(&*el(doc, "h3", &[], Some(&t("backlog_export")))?)?;
    let exports = el(doc, "p", &[("class", "actions")], None)?;
    for (id, key) in [
        ("export-json", "backlog_export_json"),
        ("export-csv", "backlog_export_csv"),
        ("export-ics", "backlog_export_ics"),
        ("export-hootsuite", "backlog_export_hootsuite"),
    ] {
        let b = el(
            doc,
            "button",
            &[("type", "button"), ("id", id)],
            Some(&t(key)),
        )?;
        let which = id.to_string();
        on(&b, "click", move |_| {
            let which = which.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = export(&which).await {
                    status(&crate::web::error::message_of(&e));
                }
            });
        })?;
        exports.append_child(&b)?;
    }
    section.append_child(&exports)?;
    section.append_child(&*el(doc, "h3", &[], Some(&t("backlog_import")))?)?;
    let label = el(
        doc,
        "label",
        &[("for", "import-file")],
        Some(&t("backlog_import_file")),
    )?;
    section.append_child(&label)?;
    let file = el(
        doc,
        "input",
        &[
            ("type", "file"),
            ("id", "import-file"),
            ("accept", ".json,.csv,.html,.htm"),
        ],
        None,
    )?;
    section.append_child(&file)?;
    on(&file, "change", |_| {
        wasm_bindgen_futures::spawn_local(async {
            if let Err(e) = read_file().await {
                status(&crate::web::error::message_of(&e));
            }
        });
    })?;
    section.append_child(&*el(
        doc,
        "div",
        &[("id", "import-report"), ("aria-live", "polite")],
        None,
    )?)?;
    let apply = el(
        doc,
        "button",
        &[("type", "button"), ("id", "import-apply"), ("hidden", "")],
        Some(&t("backlog_import_apply")),
    )?;
    on(&apply, "click", |_| {
        wasm_bindgen_futures::spawn_local(apply_pending())
    })?;
    section.append_child(&apply)?;
    section.append_child(&*el(
        doc,
        "progress",
        &[
            ("id", "progress"),
            ("hidden", ""),
            ("max", "1"),
            ("value", "0"),
            ("aria-label", &t("backlog_progress")),
        ],
        None,
    )?)?;
    Ok(section)
}

fn now() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// How many items one part of a JSON export holds (a few megabytes of text).
const EXPORT_PART: usize = 5000;

/// The JSON backup in parts (`backup::Backup::json_head`, the model's items slice by slice,
/// the tail), with the export's progress shown and the page drawn between two slices; and how
/// many items it holds. The items are written from the model as they are, never copied whole.
async fn json_parts(head: &backup::Backup) -> Result<(js_sys::Array, usize), JsValue> {
    let started = super::load::now();
    let parts = js_sys::Array::of1(&JsValue::from_str(&head.json_head()));
    let progress = by_id("progress")?;
    let total = with(|m| m.items.len());
    progress.set_attribute("max", &total.max(1).to_string())?;
    progress.set_attribute("value", "0")?;
    progress.toggle_attribute_with_force("hidden", false)?;
    let mut done = 0;
    // the model may grow meanwhile (a capture saved here): what is there when a slice is written
    while let Some(part) = with(|m| {
        let end = (done + EXPORT_PART).min(m.items.len());
        (end > done).then(|| (backup::json_items(&m.items[done..end], done == 0), end))
    }) {
        parts.push(&JsValue::from_str(&part.0));
        done = part.1;
        progress.set_attribute("value", &done.to_string())?;
        status(&t_with(
            "backlog_exporting",
            &[&done.to_string(), &total.max(done).to_string()],
        ));
        super::load::pause(0).await?;
    }
    parts.push(&JsValue::from_str(backup::JSON_TAIL));
    progress.toggle_attribute_with_force("hidden", true)?;
    super::load::figure("export", super::load::now() - started);
    Ok((parts, done))
}

/// Offers `text` as a file to save.
fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    download_parts(name, mime, &js_sys::Array::of1(&JsValue::from_str(text)))
}

/// Offers the text made of `parts` (strings) as a file to save: one Blob over the parts, the
/// whole text never held in one string.
fn download_parts(name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a = super::document()?
        .create_element("a")?
        .dyn_into::<web_sys::HtmlAnchorElement>()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

async fn list(collection: Collection) -> Result<Vec<crate::store::Record>, JsValue> {
    match ext::send(&Request::StoreList { collection }).await? {
        Response::StoreRecords { records } => Ok(records),
        Response::Error { code, message } => {
            Err(JsValue::from_str(&super::error_text(&code, &message)))
        }
        other => Err(crate::web::error::WebError::Shape(format!("{other:?}")).into()),
    }
}

fn items() -> Vec<Item> {
    with(|m| m.items.clone())
}

async fn export(which: &str) -> Result<(), JsValue> {
    super::load::whole().await?;
    let day = super::today().to_string();
    match which {
        "export-json" => {
            let templates: Vec<serde_json::Value> = list(Collection::Templates)
                .await?
                .into_iter()
                .filter_map(|r| serde_json::to_value(r).ok())
                .collect();
            let settings = serde_json::to_value(ext::load_settings().await).unwrap_or_default();
            let head = backup::Backup::new(now(), settings, templates, Vec::new());
            let (parts, count) = json_parts(&head).await?;
            download_parts(
                &format!("porte-voix-{day}.json"),
                "application/json",
                &parts,
            )?;
            status(&t_with("backlog_exported", &[&count.to_string()]));
        }
        "export-csv" => download(
            &format!("porte-voix-{day}.csv"),
            "text/csv",
            &csv_generic::export(&items()),
        )?,
        "export-ics" => download(
            &format!("porte-voix-{day}.ics"),
            "text/calendar",
            &ics::export(&items(), now()),
        )?,
        _ => {
            let (files, report) = hootsuite::export(&items(), hootsuite::DateOrder::DayFirst);
            for f in &files {
                download(&f.name, "text/csv", &f.csv)?;
            }
            let mut text = t_with(
                "backlog_hootsuite_done",
                &[&report.rows.to_string(), &report.files.to_string()],
            );
            if !report.split.is_empty() {
                let nets: Vec<String> = report
                    .split
                    .iter()
                    .map(|p| super::list::network_name(*p))
                    .collect();
                text.push(' ');
                text.push_str(&t_with("backlog_hootsuite_split", &[&nets.join(", ")]));
            }
            if !report.skipped.is_empty() {
                text.push(' ');
                text.push_str(&t_with(
                    "backlog_hootsuite_skipped",
                    &[&report.skipped.len().to_string()],
                ));
            }
            status(&text);
        }
    }
    Ok(())
}

/// Reads the chosen file and plans its import (nothing is written yet).
async fn read_file() -> Result<(), JsValue> {
    let input = by_id("import-file")?.dyn_into::<HtmlInputElement>()?;
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return Ok(());
    };
    let name = file.name().to_lowercase();
    if file.size() > crate::transfer::MAX_INPUT_BYTES as f64 {
        let e = crate::transfer::TransferError::TooLarge {
            size: file.size() as usize,
            max: crate::transfer::MAX_INPUT_BYTES,
        };
        return show_error(&e);
    }
    let buffer = JsFuture::from(file.array_buffer()).await?;
    super::load::whole().await?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let current = Backlog { items: items() };
    let now = now();
    let mut counter = 0u64;
    let mut new_id = || {
        counter += 1;
        format!("import-{now:x}-{counter}")
    };
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_lowercase();
    let first = head
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .next();
    let planned = if name.ends_with(".json") || first == Some('{') {
        backup::parse(&bytes).map(|b| {
            let entries = b
                .backlog
                .iter()
                .cloned()
                .enumerate()
                .map(|(k, i)| (k + 1, i))
                .collect();
            (
                crate::transfer::import::plan_items(&current, entries, Vec::new(), now),
                Some(b),
            )
        })
    } else if name.ends_with(".html") || name.ends_with(".htm") || first == Some('<') {
        bookmarks::parse(&bytes).map(|inc| {
            (
                crate::transfer::import::plan_ideas(&current, inc, Vec::new(), now),
                None,
            )
        })
    } else if head.contains("time_added") {
        pocket::parse(&bytes).map(|inc| {
            (
                crate::transfer::import::plan_ideas(&current, inc, Vec::new(), now),
                None,
            )
        })
    } else {
        csv_generic::plan_import(&current, &bytes, &mut new_id, now).map(|p| (p, None))
    };
    match planned {
        Ok((plan, backup)) => {
            let r = &plan.report;
            let doc = super::document()?;
            let host = by_id("import-report")?;
            host.set_text_content(None);
            host.append_child(&*el(
                &doc,
                "p",
                &[],
                Some(&t_with(
                    "backlog_import_report",
                    &[
                        &r.imported.to_string(),
                        &r.merged.to_string(),
                        &r.skipped.len().to_string(),
                    ],
                )),
            )?)?;
            let ul = el(&doc, "ul", &[], None)?;
            for s in r.skipped.iter().take(50) {
                let reason = serde_json::to_value(s.reason)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                ul.append_child(&*el(
                    &doc,
                    "li",
                    &[],
                    Some(&t_with(
                        "backlog_import_skipped_line",
                        &[
                            &s.line.to_string(),
                            &t(&format!("import_skip_{reason}")),
                            &s.detail,
                        ],
                    )),
                )?)?;
            }
            host.append_child(&ul)?;
            PENDING.with(|p| *p.borrow_mut() = Some((plan, backup)));
            by_id("import-apply")?.toggle_attribute_with_force("hidden", false)?;
            Ok(())
        }
        Err(e) => show_error(&e),
    }
}

fn show_error(e: &crate::transfer::TransferError) -> Result<(), JsValue> {
    use crate::error::Coded;
    PENDING.with(|p| p.borrow_mut().take());
    by_id("import-apply")?.toggle_attribute_with_force("hidden", true)?;
    by_id("import-report")?.set_text_content(Some(&super::error_text(e.code(), &e.to_string())));
    Ok(())
}

/// Writes the planned import, item by item, with progress; then the backup's settings.
async fn apply_pending() {
    let Some((plan, backup)) = PENDING.with(|p| p.borrow_mut().take()) else {
        return;
    };
    let Ok(progress) = by_id("progress") else {
        return;
    };
    let _ = by_id("import-apply")
        .and_then(|b| b.toggle_attribute_with_force("hidden", true).map(|_| ()));
    // a backup brings back what was deleted since; other imports only add and merge
    let restore = backup.is_some();
    let all: Vec<Item> = plan
        .updated_items
        .into_iter()
        .chain(plan.new_items)
        .collect();
    let total = all.len().max(1);
    let _ = progress.set_attribute("max", &total.to_string());
    let _ = progress.toggle_attribute_with_force("hidden", false);
    let mut failed = 0usize;
    for (k, item) in all.into_iter().enumerate() {
        if !super::save(item, restore).await {
            failed += 1;
        }
        if k % 25 == 0 {
            let _ = progress.set_attribute("value", &(k + 1).to_string());
        }
    }
    if let Some(b) = backup {
        let settings = crate::settings::Settings::from_stored(&b.settings);
        if !b.settings.is_null() {
            crate::web::error::log("restore settings", ext::save_settings(&settings).await);
        }
        for rec in b
            .templates
            .iter()
            .filter_map(|v| serde_json::from_value::<crate::store::Record>(v.clone()).ok())
        {
            if rec.deleted {
                continue;
            }
            let current = match ext::send(&Request::StoreGet {
                collection: Collection::Templates,
                id: rec.id.clone(),
            })
            .await
            {
                Ok(Response::StoreRecord { record }) => record,
                _ => None,
            };
            if current.is_none() {
                let put = Request::StorePut {
                    collection: Collection::Templates,
                    id: rec.id.clone(),
                    expected_revision: None,
                    body: rec.body.clone(),
                };
                crate::web::error::log("restore template", ext::send(&put).await);
            }
        }
    }
    let _ = progress.toggle_attribute_with_force("hidden", true);
    super::refresh();
    status(&if failed == 0 {
        t("backlog_import_done")
    } else {
        t_with("backlog_import_failed", &[&failed.to_string()])
    });
}
