//! The starter library: about thirty replies a community manager writes every day (thanks,
//! apologies, moving to private messages, orders with a fill-in order number, out of hours,
//! events, negative reviews, de-escalation, job postings…), each in Québec French (courriel,
//! fin de semaine, magasiner), France French and English, as data compiled in
//! (`starter.json`, the export format). Ids are stable (`starter.…`): the store remembers the
//! ids it installed, so an update never duplicates one and a deleted one never comes back.

use super::model::Template;
use super::names::lower_str;
use super::transfer::read_export;

const STARTER_JSON: &str = include_str!("starter.json");

/// Every starter template (a test proves the data reads and lints clean).
pub fn starter() -> Vec<Template> {
    read_export(STARTER_JSON).unwrap_or_default()
}

/// The starter templates to install into `library`: those whose id is neither in the library
/// nor among the ids installed before (`installed`, kept by the store: a template the user
/// deleted is not re-added). A trigger the library already uses is left off the new template.
pub fn to_install(library: &[Template], installed: &[String]) -> Vec<Template> {
    let taken: Vec<String> = library
        .iter()
        .filter_map(|t| Some(lower_str(t.trigger.as_ref()?)))
        .collect();
    starter()
        .into_iter()
        .filter(|s| !installed.contains(&s.id) && !library.iter().any(|t| t.id == s.id))
        .map(|mut s| {
            if s.trigger
                .as_ref()
                .is_some_and(|tr| taken.contains(&lower_str(tr)))
            {
                s.trigger = None;
            }
            s
        })
        .collect()
}
