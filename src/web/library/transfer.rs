//! Import and export on the library page. Export: the whole library as JSON (the versioned
//! export) or CSV, downloaded through a Blob URL. Import: the file is read and planned by the
//! core (`template::transfer`, `template::csv`; a CSV first goes through the column mapping),
//! the report (added, merged, skipped with reasons) is shown BEFORE anything is written, and
//! "Importer" writes the plan in chunks with the progress shown. A malformed, hostile or huge
//! file ends with its message and the library untouched.

use super::{ask, el, error_text, on, reload, Sent, Ui};
use crate::error::Coded;
use crate::protocol::templates::ImportItem;
use crate::protocol::{Request, Response};
use crate::template::csv::{csv_headers, export_csv, guess_mapping, plan_csv_import, CsvMapping};
use crate::template::transfer::{export_json, plan_json_import, ImportPlan, SkipReason, MAX_BYTES};
use crate::web::error::log;
use crate::web::ext::{t, t_with};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

/// How many templates one import request carries.
const CHUNK: usize = 100;

/// The mapping step's fields: (mapping field, `_locales` key).
const MAPPED: [(&str, &str); 8] = [
    ("title", "library_col_title"),
    ("trigger", "library_col_trigger"),
    ("language", "library_col_language"),
    ("body", "library_col_body"),
    ("short", "library_col_short"),
    ("tags", "library_col_tags"),
    ("networks", "library_col_networks"),
    ("id", "library_col_id"),
];

#[derive(Clone)]
struct Parts {
    ui: Ui,
    panel: Element,
    message: Element,
    plan: Rc<RefCell<Option<ImportPlan>>>,
    csv: Rc<RefCell<Vec<u8>>>,
}

/// Builds the toolbar (export buttons, the import file chooser) and the import panel.
pub(super) fn build(ui: &Ui) -> Result<Element, JsValue> {
    let doc = &ui.doc;
    let bar = el(doc, "div", &[("class", "tools")], None)?;
    let json = el(
        doc,
        "button",
        &[
            ("type", "button"),
            ("id", "export-json"),
            ("class", "secondary"),
        ],
        Some(&t("library_export_json")),
    )?;
    let csv = el(
        doc,
        "button",
        &[
            ("type", "button"),
            ("id", "export-csv"),
            ("class", "secondary"),
        ],
        Some(&t("library_export_csv")),
    )?;
    bar.append_child(&json)?;
    bar.append_child(&csv)?;
    let wrap = el(doc, "div", &[("class", "row")], None)?;
    wrap.append_child(&*el(
        doc,
        "label",
        &[("for", "import-file")],
        Some(&t("library_import")),
    )?)?;
    let file: HtmlInputElement = el(
        doc,
        "input",
        &[
            ("type", "file"),
            ("id", "import-file"),
            ("accept", ".json,.csv,application/json,text/csv"),
        ],
        None,
    )?
    .dyn_into()?;
    wrap.append_child(&file)?;
    bar.append_child(&wrap)?;
    let message = el(
        doc,
        "p",
        &[("id", "import-message"), ("role", "alert")],
        None,
    )?;
    let panel = el(
        doc,
        "section",
        &[
            ("id", "import-panel"),
            ("class", "import-panel"),
            ("hidden", ""),
            ("aria-label", &t("library_import_title")),
        ],
        None,
    )?;
    bar.append_child(&message)?;
    bar.append_child(&panel)?;
    let parts = Parts {
        ui: ui.clone(),
        panel,
        message,
        plan: Rc::default(),
        csv: Rc::default(),
    };

    let u = ui.clone();
    on(&json, "click", move |_: web_sys::Event| {
        let text = export_json(&u.data.borrow().templates);
        log(
            "library: export",
            download(&text, "application/json", "porte-voix-modeles.json"),
        );
    })?;
    let u = ui.clone();
    on(&csv, "click", move |_: web_sys::Event| {
        let text = export_csv(&u.data.borrow().templates);
        log(
            "library: export",
            download(&text, "text/csv", "porte-voix-modeles.csv"),
        );
    })?;
    let p = parts.clone();
    let input = file.clone();
    on(&file, "change", move |_: web_sys::Event| {
        let Some(f) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        input.set_value("");
        wasm_bindgen_futures::spawn_local(read_file(p.clone(), f));
    })?;
    Ok(bar)
}

/// Offers `text` as a file download.
fn download(text: &str, mime: &str, name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(&format!("{mime};charset=utf-8"));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(crate::web::error::WebError::Missing("document"))?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

fn fail(p: &Parts, code: &str) {
    p.message.set_text_content(Some(&error_text(code)));
    log("library: panel", p.panel.set_attribute("hidden", ""));
    p.plan.borrow_mut().take();
}

async fn read_file(p: Parts, file: web_sys::File) {
    p.message.set_text_content(None);
    // a huge file is refused before it is read
    if file.size() > MAX_BYTES as f64 {
        return fail(&p, "template.import_too_large");
    }
    let buf = match JsFuture::from(file.array_buffer()).await {
        Ok(b) => js_sys::Uint8Array::new(&b).to_vec(),
        Err(_) => return fail(&p, "template.import_malformed"),
    };
    let is_csv = file.name().to_lowercase().ends_with(".csv");
    if is_csv {
        match csv_headers(&buf) {
            Ok(headers) => {
                *p.csv.borrow_mut() = buf;
                log("library: mapping", mapping_step(&p, &headers));
            }
            Err(e) => fail(&p, e.code()),
        }
        return;
    }
    let Ok(text) = String::from_utf8(buf) else {
        return fail(&p, "template.import_malformed");
    };
    let planned = plan_json_import(&p.ui.data.borrow().templates, &text);
    match planned {
        Ok(plan) => {
            log("library: report", show_report(&p, plan));
        }
        Err(e) => fail(&p, e.code()),
    }
}

fn mapping_step(p: &Parts, headers: &[String]) -> Result<(), JsValue> {
    let doc = &p.ui.doc;
    let guess = guess_mapping(headers);
    let g = serde_json::to_value(&guess).unwrap_or_default();
    p.panel.set_text_content(None);
    p.panel
        .append_child(&*el(doc, "h2", &[], Some(&t("library_mapping_title")))?)?;
    let mut selects: Vec<(&str, HtmlSelectElement)> = Vec::new();
    for (name, key) in MAPPED {
        let id = format!("map-{name}");
        let row = el(doc, "div", &[("class", "row")], None)?;
        row.append_child(&*el(doc, "label", &[("for", &id)], Some(&t(key)))?)?;
        let s: HtmlSelectElement = el(doc, "select", &[("id", &id)], None)?.dyn_into()?;
        s.append_child(&*el(
            doc,
            "option",
            &[("value", "")],
            Some(&t("library_col_none")),
        )?)?;
        for (i, h) in headers.iter().enumerate() {
            s.append_child(&*el(doc, "option", &[("value", &i.to_string())], Some(h))?)?;
        }
        s.set_value(&g[name].as_u64().map(|i| i.to_string()).unwrap_or_default());
        row.append_child(&s)?;
        p.panel.append_child(&row)?;
        selects.push((name, s));
    }
    let go = el(
        doc,
        "button",
        &[("type", "button"), ("id", "mapping-continue")],
        Some(&t("library_mapping_continue")),
    )?;
    p.panel.append_child(&go)?;
    p.panel.remove_attribute("hidden")?;
    let pp = p.clone();
    on(&go, "click", move |_: web_sys::Event| {
        let mut m = serde_json::Map::new();
        for (name, s) in &selects {
            let v = s.value().parse::<u64>().ok();
            m.insert(
                (*name).to_string(),
                v.map_or(serde_json::Value::Null, serde_json::Value::from),
            );
        }
        let mapping: CsvMapping =
            serde_json::from_value(serde_json::Value::Object(m)).unwrap_or_default();
        let planned = plan_csv_import(&pp.ui.data.borrow().templates, &pp.csv.borrow(), &mapping);
        match planned {
            Ok(plan) => {
                log("library: report", show_report(&pp, plan));
            }
            Err(e) => fail(&pp, e.code()),
        }
    })?;
    if let Some(first) = p
        .panel
        .query_selector("select")?
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        first.focus()?;
    }
    Ok(())
}

fn reason_key(r: SkipReason) -> &'static str {
    match r {
        SkipReason::Unchanged => "template_skip_unchanged",
        SkipReason::Older => "template_skip_older",
        SkipReason::TriggerTaken => "template_skip_trigger_taken",
        SkipReason::TriggerInvalid => "template_skip_trigger_invalid",
        SkipReason::TooLong => "template_skip_too_long",
        SkipReason::BadId => "template_skip_bad_id",
        SkipReason::EmptyBody => "template_skip_empty_body",
    }
}

/// Shows what the import would do; nothing is written yet.
fn show_report(p: &Parts, plan: ImportPlan) -> Result<(), JsValue> {
    let doc = &p.ui.doc;
    let report = plan.report();
    p.panel.set_text_content(None);
    p.panel
        .append_child(&*el(doc, "h2", &[], Some(&t("library_report_title")))?)?;
    let summary = el(
        doc,
        "p",
        &[("id", "import-summary")],
        Some(&t_with(
            "library_report_summary",
            &[
                &report.added.to_string(),
                &report.merged.to_string(),
                &report.skipped.len().to_string(),
            ],
        )),
    )?;
    p.panel.append_child(&summary)?;
    if !report.skipped.is_empty() {
        let ul = el(doc, "ul", &[("id", "import-skipped")], None)?;
        for s in report.skipped.iter().take(200) {
            ul.append_child(&*el(
                doc,
                "li",
                &[],
                Some(&t_with(
                    "library_skip_line",
                    &[&s.title, &t(reason_key(s.reason))],
                )),
            )?)?;
        }
        p.panel.append_child(&ul)?;
    }
    let progress = el(
        doc,
        "progress",
        &[
            ("id", "import-progress"),
            ("max", "1"),
            ("value", "0"),
            ("hidden", ""),
            ("aria-label", &t("library_import_progress")),
        ],
        None,
    )?;
    p.panel.append_child(&progress)?;
    let apply = el(
        doc,
        "button",
        &[("type", "button"), ("id", "import-apply")],
        Some(&t("library_import_apply")),
    )?;
    let cancel = el(
        doc,
        "button",
        &[
            ("type", "button"),
            ("id", "import-cancel"),
            ("class", "secondary"),
        ],
        Some(&t("library_import_cancel")),
    )?;
    if report.added + report.merged == 0 {
        apply.set_attribute("disabled", "")?;
    }
    p.panel.append_child(&apply)?;
    p.panel.append_child(&cancel)?;
    p.panel.remove_attribute("hidden")?;
    *p.plan.borrow_mut() = Some(plan);
    let pp = p.clone();
    on(&cancel, "click", move |_: web_sys::Event| {
        pp.plan.borrow_mut().take();
        log("library: panel", pp.panel.set_attribute("hidden", ""));
        pp.message
            .set_text_content(Some(&t("library_import_cancelled")));
    })?;
    let pp = p.clone();
    let button = apply.clone();
    on(&apply, "click", move |_: web_sys::Event| {
        let Some(plan) = pp.plan.borrow_mut().take() else {
            return;
        };
        log("library: apply", button.set_attribute("disabled", ""));
        wasm_bindgen_futures::spawn_local(write_plan(pp.clone(), plan, progress.clone()));
    })?;
    if let Some(b) = p
        .panel
        .query_selector("#import-apply:not([disabled]), #import-cancel")?
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        b.focus()?;
    }
    Ok(())
}

/// Writes the plan in chunks, showing the progress.
async fn write_plan(p: Parts, plan: ImportPlan, progress: Element) {
    let items: Vec<ImportItem> = {
        let d = p.ui.data.borrow();
        let rev = |id: &str| {
            d.position(id)
                .and_then(|i| d.records.get(i))
                .map(|r| r.revision)
        };
        plan.add
            .iter()
            .map(|t| (t, None))
            .chain(plan.merge.iter().map(|t| (t, rev(&t.id))))
            .filter_map(|(t, expected)| {
                Some(ImportItem {
                    id: t.id.clone(),
                    expected_revision: expected,
                    body: serde_json::to_value(t).ok()?,
                })
            })
            .collect()
    };
    let total = items.len();
    log(
        "library: progress",
        progress.set_attribute("max", &total.max(1).to_string()),
    );
    log("library: progress", progress.remove_attribute("hidden"));
    let (mut written, mut conflicts) = (0u32, 0usize);
    for chunk in items.chunks(CHUNK) {
        match ask(&Request::TemplatesImport {
            items: chunk.to_vec(),
        })
        .await
        {
            Sent::Answer {
                response: Response::TemplatesImported { outcome },
                ..
            } => {
                written += outcome.written;
                conflicts += outcome.conflicts.len();
            }
            Sent::Answer {
                response: Response::Error { code, .. },
                ..
            } => {
                p.message.set_text_content(Some(&error_text(&code)));
                break;
            }
            _ => {
                p.message
                    .set_text_content(Some(&t("library_background_lost")));
                break;
            }
        }
        let done = written as usize + conflicts;
        log(
            "library: progress",
            progress.set_attribute("value", &done.to_string()),
        );
        p.message.set_text_content(Some(&t_with(
            "library_import_progress_line",
            &[&done.to_string(), &total.to_string()],
        )));
    }
    p.message.set_text_content(Some(&t_with(
        "library_import_done",
        &[&written.to_string(), &conflicts.to_string()],
    )));
    log("library: panel", p.panel.set_attribute("hidden", ""));
    log("library: reload", reload(&p.ui).await);
}
