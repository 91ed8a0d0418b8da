//! Hootsuite's bulk composer files: one CSV per network, no header row, three columns — date and
//! time (`DD/MM/YYYY HH:MM` or `MM/DD/YYYY HH:MM`, the order the user picks in Hootsuite's upload
//! dialog), the message, the link (empty when there is none or the message already has it) —
//! UTF-8, at most 350 rows a file: a longer list is split into numbered files, and the report
//! says so.

use serde::Serialize;

use super::csv_cells::neutralise;
use crate::backlog::{Item, State};
use crate::platform::Platform;

/// Rows Hootsuite's bulk composer takes in one file.
pub const MAX_ROWS: usize = 350;

/// How the date is written; Hootsuite asks which when the file is uploaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// `31/12/2026 09:30` (France, Québec).
    #[default]
    DayFirst,
    /// `12/31/2026 09:30`.
    MonthFirst,
}

/// One file to upload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HootsuiteFile {
    pub network: Platform,
    /// `hootsuite-x.csv`, or `hootsuite-x-1.csv`, `hootsuite-x-2.csv`… when split.
    pub name: String,
    pub rows: usize,
    pub csv: String,
}

/// A scheduled item that got no row, and why (the UI shows `export_skip_<reason>`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExportSkip {
    pub id: String,
    /// `no_network` (the item names no network) or `no_draft` (no text for that network).
    pub reason: &'static str,
    pub network: Option<Platform>,
}

/// What the export wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ExportReport {
    pub rows: usize,
    pub files: usize,
    /// The networks whose posts did not fit in one file.
    pub split: Vec<Platform>,
    pub skipped: Vec<ExportSkip>,
}

fn date_cell(item: &Item, order: DateOrder) -> Option<String> {
    let p = item.planned?;
    let t = p.time?;
    let (a, b) = match order {
        DateOrder::DayFirst => (p.date.day, p.date.month),
        DateOrder::MonthFirst => (p.date.month, p.date.day),
    };
    Some(format!(
        "{a:02}/{b:02}/{:04} {:02}:{:02}",
        p.date.year, t.hour, t.minute
    ))
}

/// The files for the scheduled items, one set per network in the order of `Platform::ALL`.
pub fn export(items: &[Item], order: DateOrder) -> (Vec<HootsuiteFile>, ExportReport) {
    let mut scheduled: Vec<&Item> = items
        .iter()
        .filter(|i| i.state == State::Scheduled && i.planned.is_some_and(|p| p.time.is_some()))
        .collect();
    scheduled.sort_by(|a, b| (a.planned, &a.id).cmp(&(b.planned, &b.id)));
    let mut report = ExportReport::default();
    let mut files = Vec::new();
    for item in &scheduled {
        if item.networks.is_empty() {
            report.skipped.push(ExportSkip {
                id: item.id.clone(),
                reason: "no_network",
                network: None,
            });
        }
    }
    for &network in Platform::ALL {
        let mut rows: Vec<[String; 3]> = Vec::new();
        for item in scheduled.iter().filter(|i| i.networks.contains(&network)) {
            let Some(message) = item.draft(network) else {
                report.skipped.push(ExportSkip {
                    id: item.id.clone(),
                    reason: "no_draft",
                    network: Some(network),
                });
                continue;
            };
            let link = item
                .url()
                .filter(|u| !message.contains(u))
                .unwrap_or("")
                .to_string();
            if let Some(date) = date_cell(item, order) {
                rows.push([date, message.to_string(), link]);
            }
        }
        if rows.is_empty() {
            continue;
        }
        let parts = rows.len().div_ceil(MAX_ROWS);
        if parts > 1 {
            report.split.push(network);
        }
        for (k, chunk) in rows.chunks(MAX_ROWS).enumerate() {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new());
            for r in chunk {
                let _ = w.write_record(r.iter().map(|c| neutralise(c).into_owned()));
            }
            let name = if parts > 1 {
                format!("hootsuite-{}-{}.csv", network.id(), k + 1)
            } else {
                format!("hootsuite-{}.csv", network.id())
            };
            files.push(HootsuiteFile {
                network,
                name,
                rows: chunk.len(),
                csv: String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default(),
            });
            report.rows += chunk.len();
        }
    }
    report.files = files.len();
    (files, report)
}
