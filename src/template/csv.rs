//! CSV export of the library and CSV import with a column mapping (title, trigger, body,
//! tags, language…), which also reads other template tools' exports. One row per text: a
//! template's language variants follow it on rows with the same id. Cells that a spreadsheet
//! would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) are written with a
//! leading `'`, removed again on import. Compiled for the command line and the extension's
//! engine only (feature `extension`; the command line has it with `cli`): the in-page engine never links the `csv` crate.

use super::model::{Lang, Template, Variant, TRIGGER_PREFIXES};
use super::transfer::{plan_import, ImportError, ImportPlan, MAX_BYTES, MAX_TEMPLATES};
use crate::platform::Platform;

/// Why a CSV file is refused (nothing is applied).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    #[error("the CSV cannot be read at line {line}: {detail}")]
    Malformed { line: u64, detail: String },
    #[error("no column is mapped to the templates' text")]
    NoBody,
    #[error(transparent)]
    Import(#[from] ImportError),
}

impl crate::error::Coded for CsvError {
    fn code(&self) -> &'static str {
        match self {
            CsvError::Malformed { .. } => "template.csv_malformed",
            CsvError::NoBody => "template.csv_no_body",
            CsvError::Import(e) => e.code(),
        }
    }
}

/// The export's columns, in order.
pub const COLUMNS: [&str; 8] = [
    "id", "title", "trigger", "language", "body", "short", "tags", "networks",
];

/// A cell that a spreadsheet would run as a formula starts with one of these; a `'` before one
/// is the guard.
fn risky(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A guard `'` goes before a risky cell, and before a cell that already looks guarded, so that
/// `restore` gives back exactly what was written.
fn neutralise(cell: &str) -> String {
    let looks_guarded = |s: &str| {
        s.strip_prefix('\'')
            .is_some_and(|r| risky(r) || r.starts_with('\''))
    };
    if risky(cell) || looks_guarded(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if risky(rest) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

/// The library as CSV (UTF-8, first row the column names).
pub fn export_csv(templates: &[Template]) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    for t in templates {
        let tags = t.tags.join(", ");
        let nets: Vec<&str> = t.networks.iter().map(|p| p.id()).collect();
        let mut row = |lang: Option<Lang>, body: &str, short: Option<&str>, first: bool| {
            let cells = [
                t.id.as_str(),
                if first { &t.title } else { "" },
                if first {
                    t.trigger.as_deref().unwrap_or("")
                } else {
                    ""
                },
                lang.map_or("", Lang::tag),
                body,
                short.unwrap_or(""),
                if first { &tags } else { "" },
                &if first { nets.join(" ") } else { String::new() },
            ];
            let _ = w.write_record(cells.iter().map(|c| neutralise(c)));
        };
        row(t.lang, &t.body, t.short.as_deref(), true);
        for v in &t.variants {
            row(Some(v.lang), &v.body, v.short.as_deref(), false);
        }
    }
    w.into_inner()
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default()
}

/// Which column holds what (column indexes); `body` is required.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CsvMapping {
    pub id: Option<usize>,
    pub title: Option<usize>,
    pub trigger: Option<usize>,
    pub language: Option<usize>,
    pub body: Option<usize>,
    pub short: Option<usize>,
    pub tags: Option<usize>,
    pub networks: Option<usize>,
}

fn reader(data: &[u8]) -> Result<csv::Reader<&[u8]>, CsvError> {
    if data.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            bytes: data.len(),
            max: MAX_BYTES,
        }
        .into());
    }
    let data = data.strip_prefix("\u{feff}".as_bytes()).unwrap_or(data);
    Ok(csv::ReaderBuilder::new().flexible(true).from_reader(data))
}

fn malformed(e: csv::Error) -> CsvError {
    CsvError::Malformed {
        line: e.position().map_or(0, |p| p.line()),
        detail: e.to_string(),
    }
}

/// The column names of a CSV file (its first row), for the mapping step.
pub fn csv_headers(data: &[u8]) -> Result<Vec<String>, CsvError> {
    let mut r = reader(data)?;
    Ok(r.headers()
        .map_err(malformed)?
        .iter()
        .map(str::to_string)
        .collect())
}

/// A first guess of the mapping from the column names, ours and other tools' (Text Blaze,
/// Briskine, spreadsheets in French or English); the user corrects it.
pub fn guess_mapping(headers: &[String]) -> CsvMapping {
    let find = |names: &[&str]| {
        headers.iter().position(|h| {
            let h: String = h
                .trim()
                .to_lowercase()
                .replace(['é', 'è'], "e")
                .replace(['_', '-'], " ");
            names.contains(&h.as_str())
        })
    };
    CsvMapping {
        id: find(&["id"]),
        title: find(&["title", "titre", "name", "nom", "label", "libelle"]),
        trigger: find(&[
            "trigger",
            "raccourci",
            "shortcut",
            "abbreviation",
            "keyword",
            "shortcode",
            "declencheur",
        ]),
        language: find(&["language", "langue", "lang", "locale"]),
        body: find(&[
            "body", "text", "texte", "content", "contenu", "message", "template", "snippet",
            "modele", "reponse",
        ]),
        short: find(&["short", "court", "short text", "texte court"]),
        tags: find(&[
            "tags",
            "tag",
            "etiquettes",
            "labels",
            "category",
            "categorie",
            "folder",
        ]),
        networks: find(&["networks", "reseaux", "platforms"]),
    }
}

/// FNV-1a: a stable id for a row without one, so importing the same file twice does not
/// duplicate it.
fn stable_id(title: &str, body: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in title.bytes().chain([0]).chain(body.bytes()) {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    format!("csv.{h:016x}")
}

/// Reads a CSV file with a mapping and plans its import into `library` (the same rules as a
/// JSON import). Rows with an empty text are skipped; rows whose id repeats are the language
/// variants of the first.
pub fn plan_csv_import(
    library: &[Template],
    data: &[u8],
    m: &CsvMapping,
) -> Result<ImportPlan, CsvError> {
    let body_col = m.body.ok_or(CsvError::NoBody)?;
    let mut r = reader(data)?;
    let mut out: Vec<Template> = Vec::new();
    let mut rec = csv::StringRecord::new();
    while r.read_record(&mut rec).map_err(malformed)? {
        let cell = |c: Option<usize>| c.and_then(|i| rec.get(i)).map(restore).unwrap_or("");
        let body = cell(Some(body_col));
        if body.trim().is_empty() {
            continue;
        }
        let lang = Lang::from_tag(cell(m.language));
        let short = Some(cell(m.short)).filter(|s| !s.trim().is_empty());
        let id = cell(m.id).trim();
        if !id.is_empty() {
            if let Some(t) = out.iter_mut().find(|t| t.id == id) {
                if let Some(lang) = lang.filter(|l| t.lang != Some(*l)) {
                    if !t.variants.iter().any(|v| v.lang == lang) {
                        t.variants.push(Variant {
                            lang,
                            body: body.to_string(),
                            short: short.map(str::to_string),
                        });
                        continue;
                    }
                }
            }
        }
        let title = match cell(m.title).trim() {
            "" => body.chars().take(40).collect::<String>(),
            t => t.to_string(),
        };
        let mut t = Template::new(if id.is_empty() { "" } else { id }, title.trim(), body);
        if id.is_empty() {
            t.id = stable_id(&t.title, body);
        }
        t.lang = lang;
        t.short = short.map(str::to_string);
        let trigger = cell(m.trigger).trim();
        if !trigger.is_empty() {
            t.trigger = Some(if trigger.starts_with(TRIGGER_PREFIXES) {
                trigger.to_string()
            } else {
                format!(";{trigger}")
            });
        }
        t.tags = cell(m.tags)
            .split([',', ';', '|'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        t.networks = cell(m.networks)
            .split([' ', ','])
            .filter_map(|p| Platform::from_id(p.trim()))
            .collect();
        t.revision = 1;
        out.push(t);
        if out.len() > MAX_TEMPLATES {
            return Err(ImportError::TooMany {
                count: out.len(),
                max: MAX_TEMPLATES,
            }
            .into());
        }
    }
    Ok(plan_import(library, out)?)
}
