//! The session: which composer has the focus (its element, site, surface, editor technology),
//! the counting options in force, and the snapshots published to the features on every change.
//!
//! Re-entrancy rule: no borrow of the session's state is held across a DOM call or a feature.
//! A refresh takes a short borrow to copy what it needs, releases it, reads the DOM into a
//! [`Snapshot`], then runs the features with no borrow held. A refresh asked for while one runs
//! (a feature focused an element or dispatched `input`, synchronously) is not nested: it runs
//! again right after, with a fresh snapshot. State is only ever taken with `try_borrow*`; a
//! change that finds it busy is retried in a later task.

use super::features;
use crate::length::{count_with_normalizer, CountOptions, LengthReport};
use crate::locale::Lang;
use crate::platform::Platform;
use crate::settings::Settings;
use crate::sites::{platform_for, Site, Surface};
use crate::web::dom;
use crate::web::editors::{detect, editing_host, text_field, ComposerText, Editor};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, MutationObserver, MutationObserverInit};

/// What does not change under a page.
#[derive(Clone)]
pub struct Env {
    /// `"wasm"` or `"wasm2js"`.
    pub engine: String,
    /// The UI language, for number formatting.
    pub lang: Lang,
    /// The site served here (`None`: nothing is counted).
    pub site: Option<&'static Site>,
}

/// What the features see on each change: plain data, no borrow behind it.
pub struct Snapshot {
    pub document: Document,
    pub env: Env,
    /// The settings in force (the tone checks read theirs).
    pub settings: Settings,
    /// The composer followed, while it is in the page and its site is served.
    pub composer: Option<Composer>,
}

/// The composer followed, read now.
pub struct Composer {
    pub element: Element,
    pub editor: &'static dyn Editor,
    pub platform: Platform,
    /// The text as the network will post it, with the DOM nodes it came from.
    pub text: ComposerText,
    /// The content warning posted with it (Mastodon), when not empty.
    pub content_warning: Option<String>,
    /// The focus is in the composer (or in its content-warning field).
    pub focused: bool,
    /// The counting options in force (the content warning included).
    pub options: CountOptions,
    /// The text counted with the platform's rule.
    pub report: LengthReport,
}

struct Session {
    document: Document,
    env: Env,
    settings: Settings,
    instance_limit: Option<u32>,
    composer: Option<(Element, &'static dyn Editor)>,
    /// Watches the composer's DOM: rich editors often change it without an `input` event
    /// (Draft.js handles `beforeinput` itself), and so will inserted templates.
    observer: MutationObserver,
    _on_mutation: Closure<dyn FnMut()>,
    _listeners: Vec<dom::Listener>,
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
    static LAST: RefCell<Option<Rc<Snapshot>>> = const { RefCell::new(None) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    static FRAME_PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Rounds of refresh one call may run when features keep asking for another.
const MAX_ROUNDS: u32 = 4;

/// Starts following composers on this page. Idempotent.
pub fn start(env: Env, settings: &Settings) -> Result<(), JsValue> {
    if SESSION.with(|s| s.try_borrow().map_or(true, |s| s.is_some())) {
        return Ok(());
    }
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let on_mutation = Closure::<dyn FnMut()>::new(schedule_refresh);
    let observer = MutationObserver::new(on_mutation.as_ref().unchecked_ref())?;
    let session = Session {
        document: document.clone(),
        env,
        settings: settings.clone(),
        instance_limit: None,
        composer: None,
        observer,
        _on_mutation: on_mutation,
        _listeners: listen(&document, &window)?,
    };
    SESSION
        .with(|s| s.try_borrow_mut().map(|mut s| *s = Some(session)))
        .map_err(|_| JsValue::from_str("session busy"))?;
    features::start();
    super::insert::start(&document);
    super::picker::preload_later();
    // a composer may already have the focus when the core finishes loading
    if let Some(active) = dom::deep_active_element(&document) {
        on_focus(&active);
    }
    Ok(())
}

/// Runs `change` on the session's state (no DOM call inside), then refreshes; retried in a later
/// task if the state is busy.
fn change(f: impl FnOnce(&mut Session) + 'static) {
    let done = SESSION.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => {
            if let Some(s) = s.as_mut() {
                f(s);
            }
            Ok(())
        }
        Err(_) => Err(f),
    });
    match done {
        Ok(()) => {
            report_limit();
            refresh();
        }
        Err(f) => dom::later(move || change(f)),
    }
}

/// Tells the background the limit this tab counts with (the popup shows it), at start and after
/// every change of the settings or of the instance's limit.
pub fn report_limit() {
    let current = SESSION.with(|s| {
        s.try_borrow().ok().and_then(|s| {
            s.as_ref()
                .map(|s| (s.env.site, s.settings.count_options_on(s.instance_limit)))
        })
    });
    if let Some((site, options)) = current {
        super::super::ext::report_tab_limit(site, &options);
    }
}

/// The composer followed (the focused one, or the last one focused) while it is in the page:
/// its element, its technology and the site surface it belongs to.
pub fn current() -> Option<(Element, &'static dyn Editor, Option<&'static Surface>)> {
    let (el, editor, site) = SESSION.with(|s| {
        let s = s.try_borrow().ok()?;
        let s = s.as_ref()?;
        let (el, editor) = s.composer.clone()?;
        Some((el, editor, s.env.site))
    })?;
    if !el.is_connected() {
        return None;
    }
    let surface = site.and_then(|site| surface_of(site, &el));
    Some((el, editor, surface))
}

/// The site served on this page.
pub fn site() -> Option<&'static Site> {
    SESSION.with(|s| s.try_borrow().ok()?.as_ref()?.env.site)
}

/// The platform a composer of this page posts to.
pub fn platform_of(el: &Element) -> Option<Platform> {
    let site = site()?;
    Some(platform_for(site, |sel| {
        el.closest(sel).ok().flatten().is_some()
    }))
}

/// The settings changed (options page): count with them at once.
pub fn set_settings(settings: &Settings) {
    let settings = settings.clone();
    change(move |s| s.settings = settings);
}

/// The Mastodon instance's own limit arrived from its API.
pub fn set_instance_limit(limit: u32) {
    change(move |s| s.instance_limit = Some(limit));
}

/// The page events the session follows, all in the capture phase (the page cannot stop them
/// before us). Their callbacks may run re-entrantly (a feature focusing an element dispatches
/// `focusin` synchronously): [`dom::Listener`] allows it.
fn listen(document: &Document, window: &web_sys::Window) -> Result<Vec<dom::Listener>, JsValue> {
    Ok(vec![
        dom::Listener::capture(document, "focusin", |e| {
            if let Some(el) = dom::event_target(e) {
                on_focus(&el);
            }
        })?,
        dom::Listener::capture(document, "input", |_| schedule_refresh())?,
        // decide once the focus has moved (it may move to the same composer's child)
        dom::Listener::capture(document, "focusout", |_| dom::later(refresh))?,
        dom::Listener::capture(document, "scroll", |_| reposition())?,
        dom::Listener::capture(window, "resize", |_| reposition())?,
    ])
}

/// The first surface of `site` the composer belongs to.
fn surface_of(site: &'static Site, el: &Element) -> Option<&'static Surface> {
    site.surfaces
        .iter()
        .find(|s| el.closest(s.selector).ok().flatten().is_some())
}

/// The composer whose post a content-warning field belongs to (the field itself is not a post).
fn composer_of_content_warning(site: Option<&Site>, el: &Element) -> Option<Element> {
    let site = site?;
    let cw = site.content_warning?;
    if !el.matches(cw.field).unwrap_or(false) {
        return None;
    }
    let form = el.closest(cw.form).ok().flatten()?;
    site.surfaces
        .iter()
        .find_map(|s| form.query_selector(s.selector).ok().flatten())
}

/// The content-warning field posted with `composer`, when the network has one and it is shown.
fn content_warning_field(site: &Site, composer: &Element) -> Option<Element> {
    let cw = site.content_warning?;
    let form = composer.closest(cw.form).ok().flatten()?;
    form.query_selector(cw.field).ok().flatten()
}

fn on_focus(el: &Element) {
    let site = match SESSION.with(|s| s.try_borrow().map(|s| s.as_ref().map(|s| s.env.site))) {
        Ok(Some(site)) => site,
        Ok(None) => return,
        Err(_) => {
            let el = el.clone();
            dom::later(move || on_focus(&el));
            return;
        }
    };
    let Some(host) = composer_of_content_warning(site, el).or_else(|| editing_host(el)) else {
        return;
    };
    let current = SESSION.with(|s| {
        s.try_borrow()
            .ok()?
            .as_ref()?
            .composer
            .as_ref()
            .map(|c| c.0.clone())
    });
    if current.as_ref() == Some(&host) {
        refresh();
        return;
    }
    let hint = site.and_then(|s| surface_of(s, &host)).map(|s| s.editor);
    let editor = detect(&host, hint);
    let observer = SESSION.with(|s| {
        let mut s = s.try_borrow_mut().ok()?;
        let s = s.as_mut()?;
        s.composer = Some((host.clone(), editor));
        Some(s.observer.clone())
    });
    let Some(observer) = observer else {
        let el = el.clone();
        dom::later(move || on_focus(&el));
        return;
    };
    observer.disconnect();
    let init = MutationObserverInit::new();
    init.set_subtree(true);
    init.set_child_list(true);
    init.set_character_data(true);
    if let Err(e) = observer.observe_with_options(&host, &init) {
        web_sys::console::warn_2(&"Porte-voix: observe".into(), &e);
    }
    refresh();
}

/// Recounts once per animation frame however many events and mutations a keystroke causes.
fn schedule_refresh() {
    if FRAME_PENDING.with(|p| p.replace(true)) {
        return;
    }
    let run = Closure::once_into_js(|| {
        FRAME_PENDING.with(|p| p.set(false));
        refresh();
    });
    let scheduled = web_sys::window()
        .map(|w| w.request_animation_frame(run.unchecked_ref()).is_ok())
        .unwrap_or(false);
    if !scheduled {
        FRAME_PENDING.with(|p| p.set(false));
        refresh();
    }
}

/// Reads the composer and runs the features on the new snapshot. Called while a refresh runs
/// (from inside a feature), it only asks the running one for another round.
pub fn refresh() {
    if RUNNING.with(|r| r.replace(true)) {
        AGAIN.with(|a| a.set(true));
        return;
    }
    for _ in 0..MAX_ROUNDS {
        AGAIN.with(|a| a.set(false));
        let Some(snapshot) = snapshot() else {
            break;
        };
        let snapshot = Rc::new(snapshot);
        LAST.with(|l| {
            if let Ok(mut l) = l.try_borrow_mut() {
                *l = Some(snapshot.clone());
            }
        });
        features::update(&snapshot);
        if !AGAIN.with(|a| a.get()) {
            break;
        }
    }
    RUNNING.with(|r| r.set(false));
    if AGAIN.with(|a| a.replace(false)) {
        schedule_refresh();
    }
}

/// Keeps what the features drew on the composer as the page scrolls or resizes.
fn reposition() {
    if RUNNING.with(|r| r.get()) {
        return;
    }
    let last = LAST.with(|l| l.try_borrow().ok().and_then(|l| l.clone()));
    if let Some(snapshot) = last {
        features::place(&snapshot);
    }
}

/// A snapshot of the session and of the composer's DOM now. The session is borrowed only to
/// copy its handles; the DOM is read after.
fn snapshot() -> Option<Snapshot> {
    let (document, env, base, composer, settings) = SESSION.with(|s| {
        let s = s.try_borrow().ok()?;
        let s = s.as_ref()?;
        Some((
            s.document.clone(),
            s.env.clone(),
            s.settings.count_options_on(s.instance_limit),
            s.composer.clone(),
            s.settings.clone(),
        ))
    })?;
    let composer = match (composer, env.site) {
        (Some((element, editor)), Some(site)) if element.is_connected() => {
            Some(read_composer(&document, site, element, editor, base))
        }
        _ => None,
    };
    Some(Snapshot {
        document,
        env,
        settings,
        composer,
    })
}

fn read_composer(
    document: &Document,
    site: &'static Site,
    element: Element,
    editor: &'static dyn Editor,
    base: CountOptions,
) -> Composer {
    let platform = platform_for(site, |sel| element.closest(sel).ok().flatten().is_some());
    let text = editor.read(&element);
    let cw_field = content_warning_field(site, &element);
    let focused = dom::deep_active_element(document)
        .map(|a| element.contains(Some(&a)) || cw_field.as_ref() == Some(&a))
        .unwrap_or(false);
    let content_warning = cw_field
        .map(|f| text_field::TextField.read(&f).text)
        .filter(|v| !v.is_empty());
    let options = CountOptions {
        content_warning: content_warning.clone(),
        ..base
    };
    let report = count(&text.text, platform, &options);
    Composer {
        element,
        editor,
        platform,
        text,
        content_warning,
        focused,
        options,
        report,
    }
}

/// The length of a composer's text as the refresh counts it on every input (NFC through the
/// browser, see `web::nfc`).
pub fn count(text: &str, platform: Platform, options: &CountOptions) -> LengthReport {
    count_with_normalizer(text, platform, options, &crate::web::nfc::BrowserNfc)
}
