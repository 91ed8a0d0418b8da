//! The content script's Rust half: follows the focused composer, reads its text the way its editor
//! lays it out, counts it with the platform's rule and draws the badge in a closed shadow root
//! styled with `adoptedStyleSheets` (an inline `<style>` is blocked by some pages' CSP in Firefox).

use super::composer::ComposerText;
use crate::length::{count_with, CountOptions, LengthReport};
use crate::locale::{group_digits, Lang};
use crate::platform::Platform;
use crate::sites::{platform_for, site_for_host_in, Site};
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, ShadowRootInit, ShadowRootMode};

/// The badge's look; `:host` keeps page styles from leaking in.
const BADGE_CSS: &str = r#"
:host { all: initial; position: fixed; z-index: 2147483646; pointer-events: none; display: none; }
:host([data-visible]) { display: block; }
.badge {
  transform: translate(-100%, -50%);
  font: 600 12px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-variant-numeric: tabular-nums;
  padding: 3px 8px; border-radius: 999px; white-space: nowrap;
  background: #1d4ed8; color: #ffffff; box-shadow: 0 1px 3px rgba(0,0,0,.25);
}
.badge[data-state="near"] { background: #a16207; color: #ffffff; }
.badge[data-state="over"] { background: #b91c1c; color: #ffffff; }
.unit { font-weight: 400; opacity: .85; margin-inline-start: 4px; }
/* read by screen readers, not shown */
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  .badge { background: #93c5fd; color: #0b1220; }
  .badge[data-state="near"] { background: #fcd34d; color: #1f1300; }
  .badge[data-state="over"] { background: #fca5a5; color: #2a0505; }
}
"#;

/// The name of the highlight that marks the text past the limit, and its look (in the page's
/// own adopted style sheets: `::highlight()` applies where the text is, outside our shadow root).
const OVERFLOW_HIGHLIGHT: &str = "porte-voix-overflow";
const PAGE_CSS: &str = r#"
::highlight(porte-voix-overflow) { background-color: rgba(220, 38, 38, 0.22); text-decoration: underline wavy #dc2626; }
@media (prefers-color-scheme: dark) {
  ::highlight(porte-voix-overflow) { background-color: rgba(248, 113, 113, 0.3); text-decoration: underline wavy #fca5a5; }
}
"#;

thread_local! {
    static PAGE_SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
}

/// `CSS.highlights`, where the browser has it.
fn highlight_registry() -> Option<JsValue> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let registry = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    (!registry.is_undefined()).then_some(registry)
}

fn new_highlight(range: &web_sys::Range) -> Result<JsValue, JsValue> {
    let ctor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"Highlight".into())?.dyn_into()?;
    js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(range))
}

fn call_method(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &name.into())?.dyn_into()?;
    f.apply(target, &args.iter().collect::<js_sys::Array>())
}

/// Adds our page style sheet to `document.adoptedStyleSheets` once (again if the page dropped it).
fn ensure_page_sheet(document: &Document) {
    let sheet = PAGE_SHEET.with(|s| {
        let mut s = s.borrow_mut();
        if s.is_none() {
            let sheet = web_sys::CssStyleSheet::new().ok()?;
            sheet.replace_sync(PAGE_CSS).ok()?;
            *s = Some(sheet);
        }
        s.clone()
    });
    let Some(sheet) = sheet else { return };
    let current = js_sys::Array::from(&document.adopted_style_sheets());
    if !current.includes(&sheet, 0) {
        current.push(&sheet);
        document.set_adopted_style_sheets(&current);
    }
}

/// The look of the overflow mark over a text field: a transparent copy of the field's text laid
/// out exactly like it, where only the part past the limit shows, as a translucent band.
const FIELD_MARK_CSS: &str = r#"
:host { all: initial; position: fixed; z-index: 2147483645; pointer-events: none; display: none; }
:host([data-visible]) { display: block; }
.mirror { box-sizing: border-box; overflow: hidden; white-space: pre-wrap; overflow-wrap: break-word;
  color: transparent; border-style: solid; border-color: transparent; margin: 0; background: transparent; }
mark { color: transparent; background-color: rgba(220, 38, 38, 0.22); border-radius: 2px;
  text-decoration: underline wavy #dc2626; }
@media (prefers-color-scheme: dark) {
  mark { background-color: rgba(248, 113, 113, 0.3); text-decoration-color: #fca5a5; }
}
"#;

/// The text-field styles the mirror copies so that its text wraps exactly like the field's.
const MIRRORED: &[&str] = &[
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "font-variant",
    "font-stretch",
    "line-height",
    "letter-spacing",
    "word-spacing",
    "text-transform",
    "text-indent",
    "tab-size",
    "text-align",
    "direction",
    "padding-top",
    "padding-right",
    "padding-bottom",
    "padding-left",
    "border-top-width",
    "border-right-width",
    "border-bottom-width",
    "border-left-width",
];

/// The longest field text (UTF-16 units) the overflow mirror copies.
const MIRROR_MAX: u32 = 100_000;

struct FieldMark {
    host: HtmlElement,
    mirror: HtmlElement,
    before: web_sys::Text,
    over: web_sys::Text,
}

/// A host element of ours with a closed shadow root styled by `css` (adoptedStyleSheets: an
/// inline `<style>` is blocked by some pages' CSP in Firefox).
fn closed_host(
    document: &Document,
    tag: &str,
    css: &str,
) -> Result<(HtmlElement, web_sys::ShadowRoot), JsValue> {
    let host: HtmlElement = document.create_element(tag)?.dyn_into()?;
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(css)?;
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    Ok((host, root))
}

fn make_field_mark(document: &Document) -> Result<FieldMark, JsValue> {
    let (host, root) = closed_host(document, "porte-voix-mark", FIELD_MARK_CSS)?;
    let mirror: HtmlElement = document.create_element("div")?.dyn_into()?;
    mirror.set_class_name("mirror");
    let before = document.create_text_node("");
    let mark = document.create_element("mark")?;
    let over = document.create_text_node("");
    mark.append_child(&over)?;
    mirror.append_child(&before)?;
    mirror.append_child(&mark)?;
    root.append_child(&mirror)?;
    Ok(FieldMark {
        host,
        mirror,
        before,
        over,
    })
}

struct Badge {
    host: HtmlElement,
    pill: HtmlElement,
    count: web_sys::Text,
    unit: HtmlElement,
    /// A polite live region: screen readers hear when the text crosses the limit (not every
    /// keystroke).
    live: HtmlElement,
    /// The state last shown ("" when hidden), to announce changes only.
    last_state: std::cell::Cell<&'static str>,
}

struct Content {
    document: Document,
    /// The UI language, for number formatting (read once: it does not change under a page).
    lang: Lang,
    site: Option<&'static Site>,
    options: CountOptions,
    /// The Mastodon instance's own limit, read once at start.
    instance_limit: Option<u32>,
    engine: String,
    badge: Badge,
    field_mark: FieldMark,
    composer: Option<Element>,
    /// Watches the current composer's DOM: rich editors often change it without an `input`
    /// event (Draft.js handles `beforeinput` itself), and so will inserted templates.
    observer: web_sys::MutationObserver,
    _on_mutation: Closure<dyn FnMut()>,
    _listeners: Vec<EventListener>,
}

thread_local! {
    static CONTENT: RefCell<Option<Content>> = const { RefCell::new(None) };
}

/// The site this page belongs to, if we serve it (`instances`: the Mastodon instances the user
/// enabled; the content script runs on one only once its access is granted).
pub fn page_site(instances: &[String]) -> Option<&'static Site> {
    let host = web_sys::window()?.location().hostname().ok()?;
    site_for_host_in(&host, instances)
}

/// Starts following composers on this page. Idempotent.
pub fn start(
    engine: &str,
    site: Option<&'static Site>,
    settings: &crate::settings::Settings,
    instance_limit: Option<u32>,
) -> Result<(), JsValue> {
    if CONTENT.with(|c| c.borrow().is_some()) {
        return Ok(());
    }
    let options = settings.count_options_on(instance_limit);
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let badge = make_badge(&document, engine)?;
    let field_mark = make_field_mark(&document)?;
    let listeners = listen(&document, &window);
    let on_mutation = Closure::<dyn FnMut()>::new(schedule_refresh);
    let observer = web_sys::MutationObserver::new(on_mutation.as_ref().unchecked_ref())?;
    let content = Content {
        document: document.clone(),
        site,
        options,
        instance_limit,
        engine: engine.to_string(),
        lang: Lang::from_tag(&super::ext::ui_language()),
        badge,
        field_mark,
        composer: None,
        observer,
        _on_mutation: on_mutation,
        _listeners: listeners,
    };
    CONTENT.with(|c| *c.borrow_mut() = Some(content));
    // settings changed in the options page: count with them at once, no reload
    super::ext::on_storage_change(Box::new(|| {
        wasm_bindgen_futures::spawn_local(async {
            let settings = super::ext::load_settings().await;
            CONTENT.with(|c| {
                if let Some(c) = c.borrow_mut().as_mut() {
                    c.options = settings.count_options_on(c.instance_limit);
                }
            });
            refresh();
        });
    }));
    // a composer may already have the focus when the core finishes loading
    if let Some(active) = deep_active_element(&document) {
        on_focus(&active);
    }
    Ok(())
}

fn make_badge(document: &Document, engine: &str) -> Result<Badge, JsValue> {
    let (host, root) = closed_host(document, "porte-voix-badge", BADGE_CSS)?;
    host.set_attribute("data-engine", engine)?;
    let pill: HtmlElement = document.create_element("div")?.dyn_into()?;
    pill.set_class_name("badge");
    pill.set_attribute("part", "badge")?;
    let count = document.create_text_node("");
    let unit: HtmlElement = document.create_element("span")?.dyn_into()?;
    unit.set_class_name("unit");
    pill.append_child(&count)?;
    pill.append_child(&unit)?;
    root.append_child(&pill)?;
    let live: HtmlElement = document.create_element("div")?.dyn_into()?;
    live.set_class_name("live");
    live.set_attribute("role", "status")?;
    live.set_attribute("aria-live", "polite")?;
    root.append_child(&live)?;
    Ok(Badge {
        host,
        pill,
        count,
        unit,
        live,
        last_state: std::cell::Cell::new(""),
    })
}

fn listen(document: &Document, window: &web_sys::Window) -> Vec<EventListener> {
    let capture = EventListenerOptions::run_in_capture_phase();
    let passive = EventListenerOptions {
        phase: gloo::events::EventListenerPhase::Capture,
        passive: true,
    };
    vec![
        EventListener::new_with_options(document, "focusin", capture, |e| {
            if let Some(el) = event_target(e) {
                on_focus(&el);
            }
        }),
        EventListener::new_with_options(document, "input", capture, |_| schedule_refresh()),
        EventListener::new_with_options(document, "focusout", capture, |_| {
            // decide once the focus has moved (it may move to the same composer's child)
            let cb = Closure::once_into_js(refresh);
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(cb.unchecked_ref());
            }
        }),
        EventListener::new_with_options(document, "scroll", passive, |_| reposition()),
        EventListener::new_with_options(window, "resize", passive, |_| reposition()),
    ]
}

/// The element an event really targets, through open shadow roots.
fn event_target(e: &web_sys::Event) -> Option<Element> {
    e.composed_path().get(0).dyn_into::<Element>().ok()
}

fn deep_active_element(document: &Document) -> Option<Element> {
    let mut el = document.active_element()?;
    while let Some(inner) = el.shadow_root().and_then(|r| r.active_element()) {
        el = inner;
    }
    Some(el)
}

/// The composer an element belongs to: a text field, or the outermost editable host.
fn composer_of(el: &Element) -> Option<Element> {
    match el.tag_name().as_str() {
        "TEXTAREA" => return Some(el.clone()),
        "INPUT" => {
            let ty = el
                .get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            return matches!(ty.as_str(), "" | "text" | "search").then(|| el.clone());
        }
        _ => {}
    }
    let html = el.dyn_ref::<HtmlElement>()?;
    if !html.is_content_editable() {
        return None;
    }
    let mut host = html.clone();
    while let Some(parent) = host
        .parent_element()
        .and_then(|p| p.dyn_into::<HtmlElement>().ok())
    {
        if !parent.is_content_editable() {
            break;
        }
        host = parent;
    }
    Some(host.into())
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
fn content_warning_field(site: Option<&Site>, composer: &Element) -> Option<Element> {
    let cw = site?.content_warning?;
    let form = composer.closest(cw.form).ok().flatten()?;
    form.query_selector(cw.field).ok().flatten()
}

fn on_focus(el: &Element) {
    let site = CONTENT.with(|c| c.borrow().as_ref().and_then(|c| c.site));
    let Some(composer) = composer_of_content_warning(site, el).or_else(|| composer_of(el)) else {
        return;
    };
    CONTENT.with(|c| {
        if let Some(c) = c.borrow_mut().as_mut() {
            if c.composer.as_ref() != Some(&composer) {
                c.observer.disconnect();
                let init = web_sys::MutationObserverInit::new();
                init.set_subtree(true);
                init.set_child_list(true);
                init.set_character_data(true);
                let _ = c.observer.observe_with_options(&composer, &init);
                c.composer = Some(composer);
            }
        }
    });
    refresh();
}

thread_local! {
    static REFRESH_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Recounts once per animation frame however many events and mutations a keystroke causes.
fn schedule_refresh() {
    if REFRESH_PENDING.with(|p| p.replace(true)) {
        return;
    }
    let run = Closure::once_into_js(|| {
        REFRESH_PENDING.with(|p| p.set(false));
        refresh();
    });
    let scheduled = web_sys::window()
        .map(|w| w.request_animation_frame(run.unchecked_ref()).is_ok())
        .unwrap_or(false);
    if !scheduled {
        REFRESH_PENDING.with(|p| p.set(false));
        refresh();
    }
}

fn platform_of(site: Option<&Site>, composer: &Element) -> Option<Platform> {
    let site = site?;
    Some(platform_for(site, |sel| {
        composer.closest(sel).ok().flatten().is_some()
    }))
}

/// Recounts the current composer and redraws the badge.
fn refresh() {
    CONTENT.with(|c| {
        if let Some(c) = c.borrow().as_ref() {
            c.redraw();
        }
    });
}

fn reposition() {
    CONTENT.with(|c| {
        if let Some(c) = c.borrow().as_ref() {
            c.place();
        }
    });
}

impl Content {
    fn redraw(&self) {
        let Some(composer) = self.composer.as_ref().filter(|e| e.is_connected()) else {
            self.hide();
            return;
        };
        let Some(platform) = platform_of(self.site, composer) else {
            self.hide();
            return;
        };
        let composer_text = super::composer::read(composer);
        let text = &composer_text.text;
        let cw_field = content_warning_field(self.site, composer);
        let focused = deep_active_element(&self.document)
            .map(|a| composer.contains(Some(&a)) || cw_field.as_ref() == Some(&a))
            .unwrap_or(false);
        let cw = cw_field
            .as_ref()
            .map(super::composer::read_text)
            .filter(|v| !v.is_empty());
        if text.is_empty() && cw.is_none() && !focused {
            self.hide();
            return;
        }
        let with_cw = cw.is_some();
        let report = match cw {
            Some(cw) => {
                let options = CountOptions {
                    content_warning: Some(cw),
                    ..self.options.clone()
                };
                count_with(text, platform, &options)
            }
            None => count_with(text, platform, &self.options),
        };
        self.show(&report, with_cw);
        self.mark_overflow(composer, &composer_text, report.overflow.map(|o| o.start));
    }

    /// Marks the text past the limit: in rich editors with a CSS custom highlight (no change to
    /// the editor's DOM, which the editor owns; nothing where the browser lacks the Highlight
    /// API), over a `<textarea>` with a mirror of its text (a range cannot reach inside a field).
    fn mark_overflow(&self, composer: &Element, text: &ComposerText, start16: Option<u32>) {
        if let Some(field) = composer.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            self.mark_field(field, &text.text, start16);
            return;
        }
        let _ = self.field_mark.host.remove_attribute("data-visible");
        let Some(registry) = highlight_registry() else {
            return;
        };
        let range = start16
            .and_then(|s| text.dom_position(s))
            .and_then(|(node, offset)| {
                let range = self.document.create_range().ok()?;
                range.set_start(&node, offset).ok()?;
                range
                    .set_end(composer, composer.child_nodes().length())
                    .ok()?;
                Some(range)
            });
        let result = match range {
            Some(range) => {
                ensure_page_sheet(&self.document);
                new_highlight(&range).and_then(|h| {
                    call_method(
                        &registry,
                        "set",
                        &[JsValue::from_str(OVERFLOW_HIGHLIGHT), h],
                    )
                })
            }
            None => call_method(
                &registry,
                "delete",
                &[JsValue::from_str(OVERFLOW_HIGHLIGHT)],
            ),
        };
        if let Err(e) = result {
            web_sys::console::warn_2(&"Porte-voix: overflow highlight".into(), &e);
        }
    }

    /// `with_cw`: the count includes a content warning (said in the tooltip).
    fn show(&self, r: &LengthReport, with_cw: bool) {
        let b = &self.badge;
        // an uncertain rule counts generously (UTF-16 units): say it is approximate
        let approx = if r.certain { "" } else { "≈ " };
        let lang = self.lang;
        let (n, limit) = (
            group_digits(r.length.into(), lang),
            group_digits(r.limit.into(), lang),
        );
        b.count.set_data(&format!("{approx}{n} / {limit}"));
        b.unit
            .set_text_content(Some(&super::ext::t(&format!("unit_{}", r.unit.id()))));
        let state = if !r.valid {
            "over"
        } else if r.remaining <= i64::from(20.max(r.limit / 20)) {
            "near"
        } else {
            "ok"
        };
        let _ = b.pill.set_attribute("data-state", state);
        let _ = b.pill.set_attribute("data-platform", r.platform.id());
        let label = if r.valid {
            super::ext::t_with("badge_remaining", &[&group_digits(r.remaining, lang)])
        } else {
            super::ext::t_with("badge_over", &[&group_digits(-r.remaining, lang)])
        };
        let label = if r.certain {
            label
        } else {
            format!("{label} — {}", super::ext::t("badge_approximate"))
        };
        let label = if with_cw {
            format!("{label} — {}", super::ext::t("badge_with_content_warning"))
        } else {
            label
        };
        let _ = b.pill.set_attribute("title", &label);
        self.announce(r, state);
        let _ = b.host.set_attribute("data-engine", &self.engine);
        if b.host.parent_node().is_none() {
            if let Some(root) = self.document.document_element() {
                let _ = root.append_child(&b.host);
            }
        }
        let _ = b.host.set_attribute("data-visible", "");
        self.place();
    }

    /// The mirror over a `<textarea>`: the same text, laid out with the field's own metrics, the
    /// part from `start16` on inside a `<mark>`.
    fn mark_field(&self, field: &web_sys::HtmlTextAreaElement, text: &str, start16: Option<u32>) {
        let m = &self.field_mark;
        // Past MIRROR_MAX units, laying out a copy of the text costs seconds per keystroke: the
        // badge alone says it is over (no network takes posts that long in a text field).
        let Some(start16) = start16.filter(|_| field.text_length() <= MIRROR_MAX) else {
            let _ = m.host.remove_attribute("data-visible");
            return;
        };
        let units: Vec<u16> = text.encode_utf16().collect();
        let cut = (start16 as usize).min(units.len());
        m.before.set_data(&String::from_utf16_lossy(&units[..cut]));
        m.over.set_data(&String::from_utf16_lossy(&units[cut..]));
        if let Some(Ok(Some(cs))) = web_sys::window().map(|w| w.get_computed_style(field)) {
            let style = m.mirror.style();
            for prop in MIRRORED {
                let _ = style.set_property(prop, &cs.get_property_value(prop).unwrap_or_default());
            }
        }
        if m.host.parent_node().is_none() {
            if let Some(root) = self.document.document_element() {
                let _ = root.append_child(&m.host);
            }
        }
        let _ = m.host.set_attribute("data-visible", "");
        self.place_field_mark();
    }

    /// Keeps the mirror on its field: same box (without the field's scrollbar), same scroll.
    fn place_field_mark(&self) {
        let m = &self.field_mark;
        let Some(field) = self
            .composer
            .as_ref()
            .and_then(|c| c.dyn_ref::<web_sys::HtmlTextAreaElement>())
        else {
            return;
        };
        if !m.host.has_attribute("data-visible") {
            return;
        }
        let rect = field.get_bounding_client_rect();
        let host = m.host.style();
        let _ = host.set_property("left", &format!("{}px", rect.left()));
        let _ = host.set_property("top", &format!("{}px", rect.top()));
        let borders = f64::from(field.offset_width() - field.client_width());
        let scrollbar = borders - f64::from(field.client_left()) * 2.0;
        let style = m.mirror.style();
        let _ = style.set_property("width", &format!("{}px", rect.width() - scrollbar.max(0.0)));
        let _ = style.set_property("height", &format!("{}px", rect.height()));
        m.mirror.set_scroll_top(field.scroll_top());
    }

    /// Tells screen readers when the text goes over the limit, and when it is back under; a
    /// composer focused already over the limit is announced too. Nothing on other keystrokes.
    fn announce(&self, r: &LengthReport, state: &'static str) {
        let b = &self.badge;
        let before = b.last_state.replace(state);
        let key = match (before, state) {
            ("over", "over") => return,
            (_, "over") => "badge_announce_over",
            ("over", _) => "badge_announce_under",
            _ => return,
        };
        let network = self.site.map_or(r.platform.id(), |s| s.name);
        let n = group_digits(r.remaining.abs(), self.lang);
        b.live
            .set_text_content(Some(&super::ext::t_with(key, &[network, &n])));
    }

    fn hide(&self) {
        self.badge.last_state.set("");
        self.badge.live.set_text_content(None);
        let _ = self.badge.host.remove_attribute("data-visible");
        let _ = self.field_mark.host.remove_attribute("data-visible");
        if let Some(registry) = highlight_registry() {
            let _ = call_method(
                &registry,
                "delete",
                &[JsValue::from_str(OVERFLOW_HIGHLIGHT)],
            );
        }
    }

    /// Pins the badge astride the composer's bottom edge, at its right (fixed positioning follows
    /// scrolling): it hides at most the bottom padding, not the last line of text.
    fn place(&self) {
        let Some(composer) = &self.composer else {
            return;
        };
        let rect = composer.get_bounding_client_rect();
        let style = self.badge.host.style();
        let _ = style.set_property("left", &format!("{}px", (rect.right() - 6.0).max(0.0)));
        let _ = style.set_property("top", &format!("{}px", rect.bottom().max(0.0)));
        self.place_field_mark();
    }
}
