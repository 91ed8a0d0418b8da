//! The requests a page needs to reply from its composer: the list of typed triggers (triggers
//! only, never bodies), one template rendered with the page's context for its platform, search
//! results for the picker, and the note that a template was used (for the recent and frequent
//! order). The background answers them from the `templates` collection of the store; a content
//! script never receives the library, only what these answers hold.

use super::Response;
use crate::length::CountOptions;
use crate::platform::Platform;
use crate::store::{self, Collection, Store, Write};
use crate::template::search::SearchIndex;
use crate::template::{render_template, Lang, Moment, RenderContext, Template, Values};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The page's side of a render: who is answered, where, and when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageContext {
    /// The display name of the person answered, as the page shows it (text).
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub handle: Option<String>,
    /// The language of the comment answered (BCP 47), when the page marks it.
    #[serde(default)]
    pub comment_lang: Option<String>,
    /// The brand's name on this network, from the settings.
    #[serde(default)]
    pub brand: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub page_title: Option<String>,
    /// Now with the user's UTC offset, `2026-11-24T10:00:00-05:00`; absent: UTC now.
    #[serde(default)]
    pub now: Option<String>,
    /// The user's language (`fr-CA`, `fr-FR`, `en`, or a UI tag such as `fr`).
    #[serde(default)]
    pub lang: Option<String>,
}

/// What the user filled in the picker (fields by name, the option of each choice).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filled {
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    #[serde(default)]
    pub choices: Vec<usize>,
}

/// Which template to render: by id (the picker) or by its typed trigger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderRequest {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub trigger: Option<String>,
    #[serde(default)]
    pub context: PageContext,
    /// The platform of the composer (its length, and the short variant when the text does not
    /// fit).
    #[serde(default)]
    pub platform: Option<Platform>,
    #[serde(default)]
    pub values: Filled,
}

/// A rendered template, as the page inserts it or the picker previews it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderAnswer {
    pub id: String,
    pub text: String,
    /// Where the caret goes (UTF-16 in `text`), from `{{curseur}}`.
    pub cursor: Option<u32>,
    /// Fill-in fields to ask before inserting.
    pub fields: Vec<String>,
    /// The options of each choice, in order.
    pub choices: Vec<Vec<String>>,
    /// Variables left out for want of a value.
    pub left_out: Vec<String>,
    /// Error codes of the template's text (it is not inserted while there are some).
    pub errors: Vec<String>,
    /// The variant's language tag.
    pub lang: String,
    /// The short variant was used.
    pub short: bool,
    /// Length and limit on the platform, and whether it fits.
    pub length: Option<u32>,
    pub limit: Option<u32>,
    pub fits: Option<bool>,
}

/// What the content script tells the picker's frame: one opening (`open`, its number) with the
/// page's context and platform, or the frame hidden again (`open: None`, `closed` the opening
/// that ended).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickerState {
    #[serde(default)]
    pub context: PageContext,
    #[serde(default)]
    pub platform: Option<Platform>,
    #[serde(default)]
    pub open: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<u32>,
    /// The template the opening starts on (chosen in the context menu), first in the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
}

/// One search result: enough to list and choose, not the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub id: String,
    pub title: String,
    pub trigger: Option<String>,
    pub tags: Vec<String>,
}

impl Found {
    /// The result that lists `t`: its id, title, trigger and tags.
    fn of(t: &Template) -> Found {
        Found {
            id: t.id.clone(),
            title: t.title.clone(),
            trigger: t.trigger.clone(),
            tags: t.tags.clone(),
        }
    }
}

/// A request of this module, as `serve` hands it over.
#[derive(Clone, Debug, PartialEq)]
pub enum ReplyCall {
    Triggers,
    Render(Box<RenderRequest>),
    Search { query: String, limit: usize },
    Used { id: String },
}

/// The `storage.local` key the background bumps (to the time) on every template write, so
/// content scripts read the trigger list again.
pub const CHANGED_KEY: &str = "templates_changed";

/// Whether answering `request` with `response` changed the library's templates (a write that
/// committed, an import chunk that wrote some, starter templates added; a use count changes no
/// trigger).
pub fn changes_triggers(request: &super::Request, response: &Response) -> bool {
    use super::Request as R;
    match (request, response) {
        (
            R::StorePut { collection, .. } | R::StoreDelete { collection, .. },
            Response::StoreSaved { .. },
        ) => *collection == Collection::Templates,
        (R::TemplatesImport { .. }, Response::TemplatesImported { outcome }) => outcome.written > 0,
        (R::TemplatesInstallStarter, Response::TemplatesInstalled { added }) => *added > 0,
        _ => false,
    }
}

/// Results at most in one search answer.
pub const MAX_RESULTS: usize = 50;

/// The live templates (a record whose body is not a template is skipped), with their records'
/// revisions.
async fn templates<S: Store>(store: &S) -> Result<Vec<(Template, u64)>, store::StoreError> {
    let records = store::list_live(store, Collection::Templates).await?;
    Ok(records
        .into_iter()
        .filter_map(|r| {
            let mut t: Template = serde_json::from_value(r.body).ok()?;
            t.id = r.id;
            Some((t, r.revision))
        })
        .collect())
}

/// The render context of a page context (`now_ms`: the background's clock, used when the page
/// gave no moment).
pub fn render_context(c: &PageContext, now_ms: u64) -> RenderContext {
    let now = c
        .now
        .as_deref()
        .and_then(Moment::parse)
        .unwrap_or_else(|| utc_moment(now_ms));
    let lang = c
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::FrCa);
    RenderContext {
        lang,
        comment_lang: c.comment_lang.clone(),
        now,
        author: c.author.clone(),
        handle: c.handle.clone(),
        brand: c.brand.clone(),
        url: c.url.clone(),
        page_title: c.page_title.clone(),
    }
}

fn utc_moment(now_ms: u64) -> Moment {
    let minutes = now_ms / 60_000;
    Moment {
        day: (minutes / 1440) as i64,
        minute: (minutes % 1440) as u16,
        offset: 0,
    }
}

/// Renders `t` for a page.
pub fn render_for_page(t: &Template, r: &RenderRequest, now_ms: u64) -> RenderAnswer {
    let ctx = render_context(&r.context, now_ms);
    let values = Values {
        fields: r.values.fields.clone(),
        choices: r.values.choices.clone(),
    };
    let options = CountOptions::default();
    let out = render_template(t, &ctx, &values, r.platform.map(|p| (p, &options)));
    RenderAnswer {
        id: t.id.clone(),
        text: out.text,
        cursor: out.cursor,
        fields: out.fields,
        choices: out.choices,
        left_out: out.left_out.into_iter().map(|l| l.name).collect(),
        errors: out
            .errors
            .iter()
            .map(|e| crate::error::Coded::code(&e.code).to_string())
            .collect(),
        lang: out.lang.tag().to_string(),
        short: out.short,
        length: out.length.as_ref().map(|l| l.length),
        limit: out.length.as_ref().map(|l| l.limit),
        fits: out.length.as_ref().map(|l| l.valid),
    }
}

/// Runs one call against the store. `request_id` makes the use count's write idempotent.
pub async fn run<S: Store>(store: &S, request_id: &str, call: ReplyCall, now: u64) -> Response {
    let all = match templates(store).await {
        Ok(all) => all,
        Err(e) => return Response::from(e),
    };
    match call {
        ReplyCall::Triggers => {
            let mut triggers: Vec<String> =
                all.into_iter().filter_map(|(t, _)| t.trigger).collect();
            triggers.sort();
            triggers.dedup();
            Response::Triggers { triggers }
        }
        ReplyCall::Render(r) => {
            let found = all.iter().find(|(t, _)| match (&r.id, &r.trigger) {
                (Some(id), _) => &t.id == id,
                (None, Some(tr)) => t.trigger.as_deref() == Some(tr.as_str()),
                (None, None) => false,
            });
            match found {
                Some((t, _)) => Response::Rendered(Box::new(render_for_page(t, &r, now))),
                None => Response::from(&ReplyError::UnknownTemplate),
            }
        }
        ReplyCall::Search { query, limit } => {
            let list: Vec<Template> = all.into_iter().map(|(t, _)| t).collect();
            let limit = limit.clamp(1, MAX_RESULTS);
            let order: Vec<usize> = if query.trim().is_empty() {
                recent_first(&list, limit)
            } else {
                SearchIndex::new(&list)
                    .search(&query, now as i64, limit)
                    .into_iter()
                    .map(|h| h.index as usize)
                    .collect()
            };
            let results = order
                .into_iter()
                .filter_map(|i| list.get(i))
                .map(Found::of)
                .collect();
            Response::SearchResults { results }
        }
        ReplyCall::Used { id } => {
            let Some((mut t, revision)) = all.into_iter().find(|(t, _)| t.id == id) else {
                return Response::from(&ReplyError::UnknownTemplate);
            };
            t.uses = t.uses.saturating_add(1);
            t.last_used = Some(now as i64);
            let body = match serde_json::to_value(&t) {
                Ok(b) => b,
                Err(e) => return super::ProtocolError::Internal(e.to_string()).into(),
            };
            let write = Write::Put {
                collection: Collection::Templates,
                id,
                expected_revision: Some(revision),
                body,
            };
            match store::write(store, request_id, &write, now).await {
                Ok(_) => Response::Ack,
                Err(e) => Response::from(e),
            }
        }
    }
}

/// The templates the context menu lists: the `limit` most used (`template::menu::most_used`),
/// id and title only.
pub async fn menu_templates<S: Store>(
    store: &S,
    limit: usize,
) -> Result<Vec<Found>, store::StoreError> {
    let list: Vec<Template> = templates(store)
        .await?
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    Ok(crate::template::menu::most_used(&list, limit)
        .into_iter()
        .filter_map(|i| list.get(i))
        .map(Found::of)
        .collect())
}

/// With no query: the most recently used first, then the most used, then by title.
pub fn recent_first(list: &[Template], limit: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..list.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&list[a], &list[b]);
        y.last_used
            .cmp(&x.last_used)
            .then(y.uses.cmp(&x.uses))
            .then_with(|| x.title.cmp(&y.title))
    });
    order.truncate(limit);
    order
}

/// Why a reply request could not be answered.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReplyError {
    /// No live template has that id or trigger (deleted since the list was read).
    #[error("no template has this id or trigger")]
    UnknownTemplate,
    /// The template's text has errors: it is not inserted until they are fixed.
    #[error("the template has errors")]
    TemplateInvalid,
    /// Inserted by a trigger with the defaults of its fill-in fields and choices.
    #[error("inserted with the defaults of its fields")]
    FieldsDefaulted,
    /// "Save the selection as a template" with a selection that holds no words.
    #[error("the selection holds no text to save")]
    EmptySelection,
}

impl ReplyError {
    /// Every code, for the test that each has its message.
    pub const ALL: [ReplyError; 4] = [
        ReplyError::UnknownTemplate,
        ReplyError::TemplateInvalid,
        ReplyError::FieldsDefaulted,
        ReplyError::EmptySelection,
    ];
}

impl crate::error::Coded for ReplyError {
    fn code(&self) -> &'static str {
        match self {
            ReplyError::UnknownTemplate => "reply.unknown_template",
            ReplyError::TemplateInvalid => "reply.template_invalid",
            ReplyError::FieldsDefaulted => "reply.fields_defaulted",
            ReplyError::EmptySelection => "reply.empty_selection",
        }
    }
}

#[cfg(test)]
mod tests;
