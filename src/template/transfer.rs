//! The library's JSON export (versioned: `{"format": "porte-voix.templates", "version": 1,
//! "templates": [...]}`) and import as a plan: the file is read whole, checked (size, nesting,
//! types, duplicate ids, a trigger used twice) and compared with the library; the caller
//! applies the plan only when it was computed without error, so a bad file never touches the
//! library. Rows that cannot be taken (a trigger already used by another template, a text too
//! long, an older revision) are skipped with their reason, as data in the report.

use super::model::Template;
use super::names::lower_str;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The `format` of an export.
pub const FORMAT: &str = "porte-voix.templates";
/// The schema version written by this build (and the newest read).
pub const VERSION: u32 = 1;
/// The largest file read (a library of 5,000 long templates is about 10 MB).
pub const MAX_BYTES: usize = 16 << 20;
/// The deepest nesting of arrays and objects read (an export nests 4 deep).
pub const MAX_DEPTH: usize = 16;
/// The most templates in one file.
pub const MAX_TEMPLATES: usize = 20_000;
/// The longest text (body, short, variant) kept, in characters.
pub const MAX_TEXT: usize = 20_000;
/// The longest id, title or tag kept, in characters.
pub const MAX_LABEL: usize = 300;

/// Why a whole file is refused (nothing is applied).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is {bytes} bytes; the most is {max}")]
    TooLarge { bytes: usize, max: usize },
    #[error("the file nests deeper than {max} levels")]
    TooDeep { max: usize },
    #[error("not valid JSON or not the expected shape: {detail}")]
    Malformed { detail: String },
    #[error("not a Porte-voix template library")]
    NotALibrary,
    #[error("library version {found}; this version of Porte-voix reads up to {supported}")]
    Version { found: u64, supported: u32 },
    #[error("{count} templates; the most is {max}")]
    TooMany { count: usize, max: usize },
    #[error("the id `{id}` is used by two templates")]
    DuplicateId { id: String },
    #[error("the trigger `{trigger}` is used by two templates")]
    DuplicateTrigger { trigger: String },
}

impl crate::error::Coded for ImportError {
    fn code(&self) -> &'static str {
        match self {
            ImportError::TooLarge { .. } => "template.import_too_large",
            ImportError::TooDeep { .. } => "template.import_too_deep",
            ImportError::Malformed { .. } => "template.import_malformed",
            ImportError::NotALibrary => "template.import_not_library",
            ImportError::Version { .. } => "template.import_version",
            ImportError::TooMany { .. } => "template.import_too_many",
            ImportError::DuplicateId { .. } => "template.import_duplicate_id",
            ImportError::DuplicateTrigger { .. } => "template.import_duplicate_trigger",
        }
    }
}

#[derive(Serialize)]
struct ExportRef<'a> {
    format: &'static str,
    version: u32,
    templates: &'a [Template],
}

/// The library as a JSON export.
pub fn export_json(templates: &[Template]) -> String {
    let e = ExportRef {
        format: FORMAT,
        version: VERSION,
        templates,
    };
    serde_json::to_string_pretty(&e).unwrap_or_default()
}

/// Rejects nesting deeper than `max` with one pass over the bytes (strings skipped), before
/// any parser recurses into it.
fn check_depth(text: &str, max: usize) -> Result<(), ImportError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in text.as_bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Err(ImportError::TooDeep { max });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Reads an export: its size, nesting, format, version and every template's shape. Migrations
/// from older versions go here (there is one version so far).
pub fn read_export(text: &str) -> Result<Vec<Template>, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            max: MAX_BYTES,
        });
    }
    check_depth(text, MAX_DEPTH)?;
    let malformed = |e: serde_json::Error| ImportError::Malformed {
        detail: e.to_string(),
    };
    let v: serde_json::Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(malformed)?;
    if v.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::NotALibrary);
    }
    match v.get("version").and_then(|n| n.as_u64()) {
        Some(1) => {}
        Some(found) => {
            return Err(ImportError::Version {
                found,
                supported: VERSION,
            })
        }
        None => return Err(ImportError::NotALibrary),
    }
    let list = v
        .get("templates")
        .and_then(|t| t.as_array())
        .ok_or(ImportError::NotALibrary)?;
    if list.len() > MAX_TEMPLATES {
        return Err(ImportError::TooMany {
            count: list.len(),
            max: MAX_TEMPLATES,
        });
    }
    list.iter()
        .enumerate()
        .map(|(i, t)| {
            Template::deserialize(t).map_err(|e| ImportError::Malformed {
                detail: format!("template {}: {e}", i + 1),
            })
        })
        .collect()
}

/// Refuses two templates with one id, or one trigger (case not counted) on two templates.
pub fn check_unique(templates: &[Template]) -> Result<(), ImportError> {
    let mut ids = HashSet::new();
    let mut triggers = HashSet::new();
    for t in templates {
        if !ids.insert(t.id.as_str()) {
            return Err(ImportError::DuplicateId { id: t.id.clone() });
        }
        if let Some(tr) = &t.trigger {
            if !triggers.insert(lower_str(tr)) {
                return Err(ImportError::DuplicateTrigger {
                    trigger: tr.clone(),
                });
            }
        }
    }
    Ok(())
}

/// Why one template of a file is not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// The library already has it, identical.
    Unchanged,
    /// The library has a newer revision of it.
    Older,
    /// Another template of the library has this trigger.
    TriggerTaken,
    /// The trigger is not like `;merci`.
    TriggerInvalid,
    /// A text is longer than `MAX_TEXT`, or a label than `MAX_LABEL`.
    TooLong,
    /// The id is empty or has control characters.
    BadId,
    /// The body is empty.
    EmptyBody,
}

/// A template not taken, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub id: String,
    pub title: String,
    pub reason: SkipReason,
}

/// What an import will do: templates added, templates replaced by a newer revision, and the
/// ones skipped with their reason. Nothing is written until `apply`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportPlan {
    pub add: Vec<Template>,
    pub merge: Vec<Template>,
    pub skipped: Vec<Skipped>,
}

/// The report shown before the import writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub added: usize,
    pub merged: usize,
    pub skipped: Vec<Skipped>,
}

impl ImportPlan {
    pub fn report(&self) -> ImportReport {
        ImportReport {
            added: self.add.len(),
            merged: self.merge.len(),
            skipped: self.skipped.clone(),
        }
    }

    /// Writes the plan into a library held in memory (the store does the same in one
    /// transaction).
    pub fn apply(self, library: &mut Vec<Template>) {
        for m in self.merge {
            if let Some(t) = library.iter_mut().find(|t| t.id == m.id) {
                *t = m;
            }
        }
        library.extend(self.add);
    }
}

fn too_long(t: &Template) -> bool {
    let long = |s: &str, max: usize| s.len() > max && s.chars().count() > max;
    t.texts().iter().any(|x| long(x.text, MAX_TEXT))
        || long(&t.title, MAX_LABEL)
        || long(&t.id, MAX_LABEL)
        || t.tags.len() > 100
        || t.tags.iter().any(|g| long(g, MAX_LABEL))
        || t.networks.len() > 100
        || t.variants.len() > 10
}

/// Plans the import of `incoming` into `library`. Same id: the newer revision (then the later
/// update) replaces the library's, keeping the local use count and last use; identical or
/// older is skipped. A template whose trigger another template of the library has is skipped.
pub fn plan_import(
    library: &[Template],
    incoming: Vec<Template>,
) -> Result<ImportPlan, ImportError> {
    check_unique(&incoming)?;
    let by_id: HashMap<&str, &Template> = library.iter().map(|t| (t.id.as_str(), t)).collect();
    // a trigger another template of the library has is taken, even when that template is
    // replaced by this import too (a swap of triggers is done in two imports, never lost)
    let triggers: HashMap<String, &str> = library
        .iter()
        .filter_map(|t| Some((lower_str(t.trigger.as_ref()?), t.id.as_str())))
        .collect();
    let mut plan = ImportPlan::default();
    for mut t in incoming {
        let skip = |reason| Skipped {
            id: t.id.clone(),
            title: t.title.clone(),
            reason,
        };
        let existing = by_id.get(t.id.as_str()).copied();
        let reason = if t.id.trim().is_empty() || t.id.chars().any(char::is_control) {
            Some(SkipReason::BadId)
        } else if too_long(&t) {
            Some(SkipReason::TooLong)
        } else if t.body.trim().is_empty() {
            Some(SkipReason::EmptyBody)
        } else if t.check_trigger().is_err() {
            Some(SkipReason::TriggerInvalid)
        } else if existing == Some(&t) {
            Some(SkipReason::Unchanged)
        } else if existing.is_some_and(|e| (e.revision, e.updated) >= (t.revision, t.updated)) {
            Some(SkipReason::Older)
        } else if t.trigger.as_ref().is_some_and(|tr| {
            triggers
                .get(&lower_str(tr))
                .is_some_and(|owner| *owner != t.id)
        }) {
            Some(SkipReason::TriggerTaken)
        } else {
            None
        };
        if let Some(r) = reason {
            plan.skipped.push(skip(r));
            continue;
        }
        match existing {
            Some(e) => {
                t.uses = t.uses.max(e.uses);
                t.last_used = t.last_used.max(e.last_used);
                plan.merge.push(t);
            }
            None => plan.add.push(t),
        }
    }
    Ok(plan)
}

/// Reads a JSON export and plans its import into `library`.
pub fn plan_json_import(library: &[Template], text: &str) -> Result<ImportPlan, ImportError> {
    plan_import(library, read_export(text)?)
}
