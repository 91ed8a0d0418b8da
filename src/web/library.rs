//! The template library page (`extension/library.html`): the list with search and filters
//! (`list`), the editor with its live preview, errors in place and lengths per network
//! (`editor`) and its language variants (`variants`), import and export (`transfer`), the brand names per network (`brands`).
//!
//! The library lives in the background's IndexedDB: this page reads it whole (an extension page
//! may; a content script may not) and writes one template at a time with the revision it read,
//! so a save made elsewhere in between is refused (`store.conflict`) and the user chooses. A
//! write whose answer is lost (the service worker stopped) is sent again under the same request
//! id: applied once, and the page says whether it was. Text goes in with `textContent` only;
//! every label comes from `_locales`. No `RefCell` borrow is held across a DOM call.

mod actions;
mod brands;
mod editor;
mod form;
mod list;
mod preview;
mod transfer;
mod variants;

use super::error::{log, WebError};
use super::ext::{self, t};
use super::pages::el;
use crate::error::message_key;
use crate::protocol::{Request, Response};
use crate::settings::Settings;
use crate::store::{Collection, Record};
use crate::template::search::SearchIndex;
use crate::template::Template;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The library as the page last read it.
#[derive(Default)]
struct Data {
    /// Live template records, by title.
    pub records: Vec<Record>,
    /// Their templates (revision and times from the record), same order.
    pub templates: Vec<Template>,
    pub index: SearchIndex,
    /// What each template's row shows, same order (shared: a keystroke copies no text).
    pub rows: Vec<Rc<list::Row>>,
    pub settings: Settings,
}

impl Data {
    fn set(&mut self, records: Vec<Record>) {
        let mut pairs: Vec<(Record, Template)> = records
            .into_iter()
            .filter_map(|r| {
                let mut t: Template = log_json("library: a stored template", &r.body)?;
                t.id = r.id.clone();
                t.revision = u32::try_from(r.revision).unwrap_or(u32::MAX);
                t.created = r.created as i64;
                t.updated = r.updated as i64;
                Some((r, t))
            })
            .collect();
        pairs.sort_by_cached_key(|(_, t)| (t.title.to_lowercase(), t.id.clone()));
        let (records, templates) = pairs.into_iter().unzip();
        self.records = records;
        self.templates = templates;
        self.index = SearchIndex::new(&self.templates);
        self.rows = self.templates.iter().map(list::Row::of).collect();
    }

    /// The position of template `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.templates.iter().position(|t| t.id == id)
    }
}

fn log_json(what: &str, v: &serde_json::Value) -> Option<Template> {
    serde_json::from_value(v.clone())
        .map_err(|e| web_sys::console::warn_1(&format!("Porte-voix: {what}: {e}").into()))
        .ok()
}

/// What "Annuler" does.
type Undo = Box<dyn FnOnce()>;

/// The page's parts, cheap to clone (handles to the DOM and the shared data).
#[derive(Clone)]
struct Ui {
    pub doc: Document,
    pub data: Rc<RefCell<Data>>,
    pub list: list::ListUi,
    pub editor: form::EditorUi,
    /// Announcements of the whole page (saved, deleted, imported).
    pub status: Element,
    pub toast: Element,
    pub toast_text: Element,
    pub toast_undo: HtmlElement,
    /// What "Annuler" in the toast does.
    pub undo: Rc<RefCell<Option<Undo>>>,
}

/// How a request went.
enum Sent {
    /// Answered (`retried`: after the first attempt's answer was lost).
    Answer { response: Response, retried: bool },
    /// No answer, twice: the write may not have happened.
    Lost,
}

/// Sends `request`; when its answer is lost (the service worker stopped), sends it again under
/// the same request id, which the background applies at most once.
async fn ask(request: &Request) -> Sent {
    ask_as(&ext::request_id(), request).await
}

/// [`ask`] under the request id `id` (a request sent before under it is applied only once).
async fn ask_as(id: &str, request: &Request) -> Sent {
    match ext::send_as(id, request).await {
        Ok(response) => Sent::Answer {
            response,
            retried: false,
        },
        Err(first) => {
            web_sys::console::warn_1(
                &format!(
                    "Porte-voix: no answer, retrying: {}",
                    super::error::message_of(&first)
                )
                .into(),
            );
            sleep(300).await;
            match ext::send_as(id, request).await {
                Ok(response) => Sent::Answer {
                    response,
                    retried: true,
                },
                Err(e) => {
                    log("library: retry", Err::<(), _>(e));
                    Sent::Lost
                }
            }
        }
    }
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            log(
                "library: timer",
                w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms),
            );
        }
    });
    log(
        "library: wait",
        wasm_bindgen_futures::JsFuture::from(promise).await,
    );
}

/// Searches the library a few times as it is read, the results unused. The browser compiles
/// wasm functions lazily to a first tier and optimises a function only once it has run a while:
/// without this, the user's first keystrokes on the first page opened ran that first tier
/// (measured 9–18 ms against 0.5 ms once optimised, `benches/browser/library.mjs`).
fn warm_search(data: &Data) {
    let filter = |query: &str| crate::template::view::Filter {
        query: query.into(),
        ..Default::default()
    };
    for q in ["e", "a", "r", "m", "s", "re", "me", "co"] {
        let kept = crate::template::view::filtered(&data.templates, &data.index, &filter(q), 0);
        std::hint::black_box(kept);
    }
}

/// `performance.now()`, in milliseconds.
fn perf_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The message of an error code, from `_locales`.
fn error_text(code: &str) -> String {
    t(&message_key(code))
}

/// Reads the library again and redraws the list.
async fn reload(ui: &Ui) -> Result<(), JsValue> {
    let request = Request::StoreList {
        collection: Collection::Templates,
    };
    match ask(&request).await {
        Sent::Answer {
            response: Response::StoreRecords { records },
            ..
        } => {
            ui.data.borrow_mut().set(records);
            list::refresh_filters(ui)?;
            list::render(ui, false)?;
            warm_search(&ui.data.borrow());
            Ok(())
        }
        Sent::Answer {
            response: Response::Error { code, .. },
            ..
        } => {
            ui.status.set_text_content(Some(&error_text(&code)));
            Ok(())
        }
        Sent::Answer { response, .. } => Err(WebError::Shape(format!("{response:?}")).into()),
        Sent::Lost => {
            ui.status
                .set_text_content(Some(&t("library_background_lost")));
            Ok(())
        }
    }
}

/// Shows the toast with `text`; its "Annuler" runs `undo` once, and takes the focus so the
/// keyboard user can reach it at once.
fn toast(ui: &Ui, text: &str, undo: Box<dyn FnOnce()>) {
    ui.toast_text.set_text_content(Some(text));
    *ui.undo.borrow_mut() = Some(undo);
    log("library: toast", ui.toast.remove_attribute("hidden"));
    log("library: toast focus", ui.toast_undo.focus());
}

fn hide_toast(ui: &Ui) {
    ui.undo.borrow_mut().take();
    log("library: toast", ui.toast.set_attribute("hidden", ""));
}

/// Adds a listener for the page's life.
fn on<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    target: &web_sys::EventTarget,
    event: &str,
    f: impl FnMut(E) + 'static,
) -> Result<(), JsValue> {
    let c = Closure::<dyn FnMut(E)>::new(f);
    target.add_event_listener_with_callback(event, c.as_ref().unchecked_ref())?;
    c.forget();
    Ok(())
}

/// Draws the library page.
pub async fn main() -> Result<(), JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(WebError::Missing("document"))?;
    if let Some(html) = doc.document_element() {
        html.set_attribute("lang", &ext::ui_language())?;
    }
    doc.set_title(&t("library_title"));
    let app = doc
        .get_element_by_id("app")
        .ok_or(WebError::Missing("#app"))?;
    let data = Rc::new(RefCell::new(Data {
        settings: ext::load_settings().await,
        ..Data::default()
    }));

    let header = el(&doc, "header", &[("class", "library-head")], None)?;
    header.append_child(&*el(&doc, "h1", &[], Some(&t("library_title")))?)?;
    let status = el(
        &doc,
        "p",
        &[("id", "library-status"), ("role", "status")],
        None,
    )?;
    let main = el(&doc, "main", &[], None)?;
    let columns = el(&doc, "div", &[("class", "library")], None)?;
    main.append_child(&columns)?;
    let list = list::build(&doc, &columns)?;
    let editor = editor::build(&doc, &columns)?;
    let toast = el(
        &doc,
        "div",
        &[("id", "toast"), ("class", "toast"), ("hidden", "")],
        None,
    )?;
    let toast_text = el(&doc, "span", &[("role", "status")], None)?;
    let toast_undo: HtmlElement = el(
        &doc,
        "button",
        &[("type", "button"), ("id", "toast-undo")],
        Some(&t("library_undo")),
    )?
    .dyn_into()?;
    toast.append_child(&toast_text)?;
    toast.append_child(&toast_undo)?;
    let ui = Ui {
        doc: doc.clone(),
        data,
        list,
        editor,
        status: status.clone(),
        toast,
        toast_text,
        toast_undo: toast_undo.clone(),
        undo: Rc::default(),
    };
    let tools = transfer::build(&ui)?;
    header.append_child(&tools)?;
    header.append_child(&status)?;
    app.append_child(&header)?;
    main.append_child(&*brands::build(&ui)?)?;
    main.append_child(&ui.toast)?;
    app.append_child(&main)?;

    let u = ui.clone();
    on(&toast_undo, "click", move |_: web_sys::Event| {
        let undo = u.undo.borrow_mut().take();
        hide_toast(&u);
        if let Some(undo) = undo {
            undo();
        }
    })?;
    // Escape closes the toast and the conflict choice
    let u = ui.clone();
    on(&doc, "keydown", move |e: web_sys::KeyboardEvent| {
        if e.key() == "Escape" {
            hide_toast(&u);
            editor::hide_conflict(&u);
        }
    })?;
    list::wire(&ui)?;
    editor::wire(&ui)?;

    // first open: the starter library, if the install at start-up did not run
    if let Sent::Answer {
        response: Response::Error { code, .. },
        ..
    } = ask(&Request::TemplatesInstallStarter).await
    {
        web_sys::console::warn_1(&format!("Porte-voix: starter templates: {code}").into());
    }
    reload(&ui).await?;
    // `#edit=<id>`: opened on a template (one just saved from a selection in a page)
    let wanted = doc
        .location()
        .and_then(|l| l.hash().ok())
        .and_then(|h| h.strip_prefix("#edit=").map(str::to_string))
        .and_then(|id| js_sys::decode_uri_component(&id).ok()?.as_string());
    let known = wanted
        .as_deref()
        .filter(|id| ui.data.borrow().position(id).is_some());
    match known {
        Some(id) => {
            editor::open_id(&ui, id)?;
            editor::focus_title(&ui)?;
        }
        None => editor::open_new(&ui)?,
    }
    Ok(())
}
