//! The typed messages between the content script, the background and the extension pages, and the
//! background's decisions on them (pure: the web layer moves the messages, keeps the tab state in
//! `storage.session`, and gives [`serve`] its IndexedDB [`Store`]).
//!
//! Every request travels in an [`Envelope`] carrying the protocol version and a request id. A
//! request that writes is idempotent by id: a retry after the service worker was stopped must not
//! apply twice (the tab state remembers the last ids; the store records them with the record).
//!
//! Who may ask what: a content script runs inside a social network's page, so it may only ask for
//! what that page needs ([`Request::allowed_from_content_script`]); reading or writing the library
//! or the backlog is for the extension's own pages, and the dispatch refuses the rest with
//! `protocol.forbidden`.

use crate::error::Coded;
use crate::length::{count_with, CountOptions, LengthReport};
use crate::platform::Platform;
use crate::sites::site_for_url;
use crate::store::{self, Collection, Record, Store, StoreError, Write};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub mod backlog;
pub mod page;
pub mod reply;
pub use page::tab_limit_json;

/// Bumped on any incompatible change of [`Request`] or [`Response`]. The one definition: the
/// content-script loader, which speaks before the core is loaded, keeps a copy that a structure
/// test (`tests/structure.rs`) compares with this.
pub const PROTOCOL_VERSION: u32 = 1;

/// How many applied request ids the background remembers for idempotence.
const REMEMBERED_IDS: usize = 64;

/// How many hosts that refused WebAssembly the background remembers.
const REMEMBERED_HOSTS: usize = 64;

/// A message with its protocol version and id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub protocol_version: u32,
    pub request_id: String,
    pub body: T,
}

impl<T> Envelope<T> {
    /// A message of the current protocol version.
    pub fn new(request_id: impl Into<String>, body: T) -> Envelope<T> {
        Envelope {
            protocol_version: PROTOCOL_VERSION,
            request_id: request_id.into(),
            body,
        }
    }
}

/// Which build of the Rust core a content script runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// Real WebAssembly (the page's CSP allows it).
    Wasm,
    /// The same crate compiled to JavaScript by wasm2js (the page's CSP blocks wasm).
    Wasm2js,
}

/// What a context asks the background.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    /// A content script started on a page (before loading the Rust core).
    Hello,
    /// A content script loaded the Rust core with this engine.
    EngineReady { engine: Engine },
    /// A content script found that its page's CSP refuses WebAssembly. Remembered for the page's
    /// host until the browser restarts, so later pages there skip the probe: each refused attempt
    /// is a CSP violation the page sees and may report to its site.
    WasmRefused,
    /// A content script's badge counts `platform` (the page's own) against `limit`: the settings
    /// and, on a Mastodon instance, the limit the instance reported. The popup shows this.
    TabLimit { platform: Platform, limit: u32 },
    /// The popup asks what Porte-voix knows of a tab.
    TabStatus { tab_id: i64 },
    /// Count a text for a platform in the background (the path a plain-JS content script uses).
    Count {
        text: String,
        platform: Platform,
        #[serde(default)]
        options: CountOptions,
    },
    /// Creates or replaces a record (a template, a backlog item), idempotent by request id;
    /// `expected_revision` is the revision last read (absent to create).
    StorePut {
        collection: Collection,
        id: String,
        #[serde(default)]
        expected_revision: Option<u64>,
        body: serde_json::Value,
    },
    /// Deletes a record, leaving a tombstone; idempotent by request id.
    StoreDelete {
        collection: Collection,
        id: String,
        #[serde(default)]
        expected_revision: Option<u64>,
    },
    /// One live record.
    StoreGet { collection: Collection, id: String },
    /// Every live record of a collection.
    StoreList { collection: Collection },
    /// The library's typed triggers, only them (a content script keeps them in memory).
    TriggerList,
    /// One template (by id or trigger) rendered with the page's context for its platform.
    Render(Box<reply::RenderRequest>),
    /// Templates matching a query (title, trigger, tags; no body), recent and frequent first.
    TemplateSearch {
        query: String,
        #[serde(default)]
        limit: Option<u32>,
    },
    /// A template was inserted: its use count and last use are updated.
    TemplateUsed { id: String },
    /// Installs the starter templates never installed before (first run, update, first open
    /// of the library).
    TemplatesInstallStarter,
    /// Writes one chunk of a planned template import.
    TemplatesImport { items: Vec<templates::ImportItem> },
    /// Captures a page into the backlog (see [`backlog`]).
    Capture(backlog::CaptureRequest),
    /// Whether a page is already in the backlog (the popup).
    BacklogFind { url: String },
    /// Saves an item edited in the backlog page.
    BacklogSave {
        item: crate::backlog::Item,
        #[serde(default)]
        expected_revision: Option<u64>,
        /// A restored backup: the item comes back even where it was deleted since (its
        /// tombstone, whatever its revision, gives way; a live item is still checked).
        #[serde(default)]
        restore: bool,
    },
}

impl Request {
    /// Whether a content script (a page of a social network) may send this request. Kinds for
    /// in-page features join this list when they come (the template trigger list, a template
    /// render, template search results, a capture): each answers only what the page needs, never
    /// the whole library or backlog.
    pub fn allowed_from_content_script(&self) -> bool {
        match self {
            Request::Hello
            | Request::EngineReady { .. }
            | Request::WasmRefused
            | Request::TabLimit { .. }
            | Request::Count { .. }
            | Request::TriggerList
            | Request::Render(_)
            | Request::TemplateSearch { .. }
            | Request::TemplateUsed { .. } => true,
            Request::TabStatus { .. }
            | Request::StorePut { .. }
            | Request::StoreDelete { .. }
            | Request::StoreGet { .. }
            | Request::StoreList { .. }
            | Request::TemplatesInstallStarter
            | Request::TemplatesImport { .. } => false,
            Request::Capture(_) | Request::BacklogFind { .. } | Request::BacklogSave { .. } => {
                false
            }
        }
    }

    /// The request's `kind` tag (for logs and errors).
    pub fn kind(&self) -> &'static str {
        match self {
            Request::Hello => "hello",
            Request::EngineReady { .. } => "engine_ready",
            Request::WasmRefused => "wasm_refused",
            Request::TabLimit { .. } => "tab_limit",
            Request::TabStatus { .. } => "tab_status",
            Request::Count { .. } => "count",
            Request::StorePut { .. } => "store_put",
            Request::StoreDelete { .. } => "store_delete",
            Request::StoreGet { .. } => "store_get",
            Request::StoreList { .. } => "store_list",
            Request::TriggerList => "trigger_list",
            Request::Render(_) => "render",
            Request::TemplateSearch { .. } => "template_search",
            Request::TemplateUsed { .. } => "template_used",
            Request::TemplatesInstallStarter => "templates_install_starter",
            Request::TemplatesImport { .. } => "templates_import",
            Request::Capture(_) => "capture",
            Request::BacklogFind { .. } => "backlog_find",
            Request::BacklogSave { .. } => "backlog_save",
        }
    }
}

/// The background's answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Response {
    /// Answer to [`Request::Hello`]: who we are and what the page is.
    Hello {
        version: String,
        site: Option<String>,
        platform: Option<Platform>,
        /// The page's host refused WebAssembly earlier in this browser session: start on wasm2js
        /// without trying (the attempt would be reported as a CSP violation again).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        wasm_refused: bool,
    },
    /// The request was applied (or had been, under the same id).
    Ack,
    /// Answer to [`Request::TabStatus`].
    TabStatus { tab: Option<TabInfo> },
    /// Answer to [`Request::Count`]. Read by JavaScript only (a length report is not read back
    /// into Rust).
    #[serde(skip_deserializing)]
    Count { report: LengthReport },
    /// A write committed (or had, under the same request id): the record as it is now.
    StoreSaved { record: Record },
    /// Answer to [`Request::StoreGet`]: `None` when absent or deleted.
    StoreRecord { record: Option<Record> },
    /// Answer to [`Request::StoreList`].
    StoreRecords { records: Vec<Record> },
    /// Answer to [`Request::TriggerList`].
    Triggers { triggers: Vec<String> },
    /// Answer to [`Request::Render`].
    Rendered(Box<reply::RenderAnswer>),
    /// Answer to [`Request::TemplateSearch`].
    SearchResults { results: Vec<reply::Found> },
    /// Answer to [`Request::TemplatesInstallStarter`]: how many were added.
    TemplatesInstalled { added: u32 },
    /// Answer to [`Request::TemplatesImport`].
    TemplatesImported { outcome: templates::ImportOutcome },
    /// Answer to [`Request::Capture`].
    Captured { captured: backlog::Captured },
    /// Answer to [`Request::BacklogFind`].
    BacklogFound { found: Option<backlog::Found> },
    /// The request could not be served; `code` is stable, the UI translates it.
    Error { code: String, message: String },
}

impl<E: Coded> From<&E> for Response {
    fn from(e: &E) -> Self {
        Response::Error {
            code: e.code().to_string(),
            message: e.to_string(),
        }
    }
}

/// Who sent a request, as the browser reports it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sender {
    pub tab_id: Option<i64>,
    pub url: Option<String>,
    /// The Mastodon instances served now (enabled and granted), so a tab there is recognised.
    #[serde(default)]
    pub instances: Vec<String>,
    /// The extension's own origin (`chrome-extension://<id>/`, `moz-extension://<uuid>/`): a
    /// sender whose URL is under it is one of our pages.
    #[serde(default)]
    pub extension_origin: Option<String>,
}

/// Where a request comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// A content script in a web page: it may ask only for what the page needs.
    ContentScript,
    /// The popup, the options page, the library, the backlog (our own origin).
    ExtensionPage,
}

impl Sender {
    /// The sender's context: one of our pages only when its URL is under our origin; anything
    /// else (a web page, an unknown sender) is treated as a content script.
    pub fn context(&self) -> Context {
        match (&self.url, &self.extension_origin) {
            (Some(url), Some(origin))
                if !origin.is_empty()
                    && origin.contains("://")
                    && url.starts_with(origin.as_str()) =>
            {
                Context::ExtensionPage
            }
            _ => Context::ContentScript,
        }
    }
}

/// What the background knows of one tab.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TabInfo {
    pub site: String,
    pub site_name: String,
    pub platform: Platform,
    pub engine: Option<Engine>,
    /// The tab's host.
    #[serde(default)]
    pub host: Option<String>,
    /// The limit the tab's badge counts `platform` against, as its content script reported it
    /// (absent until the core loaded in the tab).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// The background's state, persisted between service-worker lifetimes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BackgroundState {
    /// Schema version of this shape.
    #[serde(default)]
    pub schema: u32,
    /// Tabs with a running content script, by tab id (as a string: JSON object keys).
    #[serde(default)]
    pub tabs: BTreeMap<String, TabInfo>,
    /// The last applied request ids, oldest first.
    #[serde(default)]
    pub applied: Vec<String>,
    /// Hosts whose pages refused WebAssembly in this browser session, most recent last (at most
    /// [`REMEMBERED_HOSTS`]; the state lives in session storage, so a restart tries them again).
    #[serde(default)]
    pub wasm_refused: Vec<String>,
}

/// Errors the background reports, each with a stable code.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ProtocolError {
    #[error("protocol version {0} is not supported (expected {PROTOCOL_VERSION})")]
    Version(u32),
    #[error("malformed message: {0}")]
    Malformed(String),
    #[error("this request must come from a tab")]
    NoTab,
    #[error("a content script may not send `{0}`")]
    Forbidden(&'static str),
    #[error("the background failed: {0}")]
    Internal(String),
}

impl Coded for ProtocolError {
    fn code(&self) -> &'static str {
        match self {
            ProtocolError::Version(_) => "protocol.version",
            ProtocolError::Malformed(_) => "protocol.malformed",
            ProtocolError::NoTab => "protocol.no_tab",
            ProtocolError::Forbidden(_) => "protocol.forbidden",
            ProtocolError::Internal(_) => "protocol.internal",
        }
    }
}

impl From<ProtocolError> for Response {
    fn from(e: ProtocolError) -> Self {
        Response::from(&e)
    }
}

impl From<StoreError> for Response {
    fn from(e: StoreError) -> Self {
        Response::from(&e)
    }
}

/// Parses an envelope from JSON, checking the protocol version.
pub fn parse_request(json: &str) -> Result<Envelope<Request>, ProtocolError> {
    let env: Envelope<serde_json::Value> =
        serde_json::from_str(json).map_err(|e| ProtocolError::Malformed(e.to_string()))?;
    if env.protocol_version != PROTOCOL_VERSION {
        return Err(ProtocolError::Version(env.protocol_version));
    }
    let body =
        serde_json::from_value(env.body).map_err(|e| ProtocolError::Malformed(e.to_string()))?;
    Ok(Envelope {
        protocol_version: env.protocol_version,
        request_id: env.request_id,
        body,
    })
}

/// The background's decision on a request that needs no store.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    /// Answer this; `changed` says whether the tab state changed (persist it only then).
    Reply { response: Response, changed: bool },
    /// A store operation: [`serve`] runs it against the store.
    Store(StoreCall),
    /// A reply request (triggers, render, search, use): [`serve`] answers it from the library.
    Library(reply::ReplyCall),
    /// A backlog request: [`serve`] runs it against the store ([`backlog`]).
    Backlog,
}

/// A store operation decided on, run by [`serve`] against a [`Store`].
#[derive(Clone, Debug, PartialEq)]
pub enum StoreCall {
    Write(Write),
    Get { collection: Collection, id: String },
    List { collection: Collection },
    InstallStarter,
    Import(Vec<templates::ImportItem>),
}

fn reply(response: Response, changed: bool) -> Decision {
    Decision::Reply { response, changed }
}

/// The sender page's host, lower-cased (a tab's host; what [`Request::WasmRefused`] is
/// remembered by).
fn sender_host(sender: &Sender) -> Option<String> {
    sender
        .url
        .as_deref()
        .and_then(crate::sites::url_host)
        .map(str::to_ascii_lowercase)
}

/// The background's decision on one request (pure). Refuses what the sender may not ask.
pub fn handle(state: &mut BackgroundState, env: &Envelope<Request>, sender: &Sender) -> Decision {
    if sender.context() == Context::ContentScript && !env.body.allowed_from_content_script() {
        return reply(ProtocolError::Forbidden(env.body.kind()).into(), false);
    }
    match &env.body {
        Request::Hello => {
            let host = sender_host(sender);
            let site = sender
                .url
                .as_deref()
                .and_then(|u| site_for_url(u, &sender.instances));
            let mut changed = false;
            if let (Some(site), Some(tab)) = (site, sender.tab_id) {
                let info = TabInfo {
                    site: site.id.to_string(),
                    site_name: site.name.to_string(),
                    platform: site.default_platform,
                    engine: None,
                    host: host.clone(),
                    limit: None,
                };
                changed = state.tabs.insert(tab.to_string(), info.clone()) != Some(info);
            }
            let wasm_refused = host.is_some_and(|h| state.wasm_refused.contains(&h));
            let response = Response::Hello {
                version: env!("CARGO_PKG_VERSION").to_string(),
                site: site.map(|s| s.id.to_string()),
                platform: site.map(|s| s.default_platform),
                wasm_refused,
            };
            reply(response, changed)
        }
        Request::WasmRefused => {
            let Some(host) = sender_host(sender) else {
                return reply(Response::Ack, false);
            };
            if state.wasm_refused.last() == Some(&host) {
                return reply(Response::Ack, false);
            }
            state.wasm_refused.retain(|h| *h != host);
            state.wasm_refused.push(host);
            if state.wasm_refused.len() > REMEMBERED_HOSTS {
                let extra = state.wasm_refused.len() - REMEMBERED_HOSTS;
                state.wasm_refused.drain(..extra);
            }
            reply(Response::Ack, true)
        }
        Request::EngineReady { engine } => {
            if state.applied.iter().any(|id| id == &env.request_id) {
                return reply(Response::Ack, false);
            }
            let Some(tab) = sender.tab_id else {
                return reply(ProtocolError::NoTab.into(), false);
            };
            if let Some(info) = state.tabs.get_mut(&tab.to_string()) {
                info.engine = Some(*engine);
            }
            state.applied.push(env.request_id.clone());
            if state.applied.len() > REMEMBERED_IDS {
                let extra = state.applied.len() - REMEMBERED_IDS;
                state.applied.drain(..extra);
            }
            reply(Response::Ack, true)
        }
        Request::TabLimit { platform, limit } => {
            let Some(tab) = sender.tab_id else {
                return reply(ProtocolError::NoTab.into(), false);
            };
            let mut changed = false;
            if let Some(info) = state.tabs.get_mut(&tab.to_string()) {
                // a page reports its own platform's limit; anything else is ignored
                if info.platform == *platform && info.limit != Some(*limit) {
                    info.limit = Some(*limit);
                    changed = true;
                }
            }
            reply(Response::Ack, changed)
        }
        Request::TabStatus { tab_id } => reply(
            Response::TabStatus {
                tab: state.tabs.get(&tab_id.to_string()).cloned(),
            },
            false,
        ),
        Request::Count {
            text,
            platform,
            options,
        } => reply(
            Response::Count {
                report: count_with(text, *platform, options),
            },
            false,
        ),
        Request::StorePut {
            collection,
            id,
            expected_revision,
            body,
        } => Decision::Store(StoreCall::Write(Write::Put {
            collection: *collection,
            id: id.clone(),
            expected_revision: *expected_revision,
            body: body.clone(),
        })),
        Request::StoreDelete {
            collection,
            id,
            expected_revision,
        } => Decision::Store(StoreCall::Write(Write::Delete {
            collection: *collection,
            id: id.clone(),
            expected_revision: *expected_revision,
        })),
        Request::StoreGet { collection, id } => Decision::Store(StoreCall::Get {
            collection: *collection,
            id: id.clone(),
        }),
        Request::StoreList { collection } => Decision::Store(StoreCall::List {
            collection: *collection,
        }),
        Request::TriggerList => Decision::Library(reply::ReplyCall::Triggers),
        Request::Render(r) => Decision::Library(reply::ReplyCall::Render(r.clone())),
        Request::TemplateSearch { query, limit } => Decision::Library(reply::ReplyCall::Search {
            query: query.clone(),
            limit: limit.unwrap_or(20) as usize,
        }),
        Request::TemplateUsed { id } => {
            Decision::Library(reply::ReplyCall::Used { id: id.clone() })
        }
        Request::TemplatesInstallStarter => Decision::Store(StoreCall::InstallStarter),
        Request::TemplatesImport { items } => Decision::Store(StoreCall::Import(items.clone())),
        Request::Capture(_) | Request::BacklogFind { .. } | Request::BacklogSave { .. } => {
            Decision::Backlog
        }
    }
}

/// Decides on one request and runs its store operation, if any, against `store` (IndexedDB in
/// the background, the in-memory store in tests). `now`: milliseconds since the Unix epoch.
/// Returns the response and whether the tab state changed.
pub async fn serve<S: Store>(
    state: &mut BackgroundState,
    env: &Envelope<Request>,
    sender: &Sender,
    store: &S,
    now: u64,
) -> (Response, bool) {
    match handle(state, env, sender) {
        Decision::Reply { response, changed } => (response, changed),
        Decision::Store(call) => {
            let response = match call {
                StoreCall::Write(w) => store::write(store, &env.request_id, &w, now)
                    .await
                    .map(|record| Response::StoreSaved { record }),
                StoreCall::Get { collection, id } => store::get_live(store, collection, &id)
                    .await
                    .map(|record| Response::StoreRecord { record }),
                StoreCall::List { collection } => store::list_live(store, collection)
                    .await
                    .map(|records| Response::StoreRecords { records }),
                StoreCall::InstallStarter => templates::install_starter(store, now)
                    .await
                    .map(|added| Response::TemplatesInstalled { added }),
                StoreCall::Import(items) => {
                    templates::import_chunk(store, &env.request_id, &items, now)
                        .await
                        .map(|outcome| Response::TemplatesImported { outcome })
                }
            };
            (response.unwrap_or_else(Response::from), false)
        }
        Decision::Library(call) => (reply::run(store, &env.request_id, call, now).await, false),
        Decision::Backlog => (backlog::serve(store, env, now).await, false),
    }
}

/// Forgets a closed tab. Returns whether the state changed.
pub fn forget_tab(state: &mut BackgroundState, tab_id: i64) -> bool {
    state.tabs.remove(&tab_id.to_string()).is_some()
}

pub mod templates;

#[cfg(test)]
mod tests;
