//! The content script's Rust half: follows the focused composer, reads its text the way its editor
//! lays it out, counts it with the platform's rule and draws the badge in a closed shadow root
//! styled with `adoptedStyleSheets` (an inline `<style>` is blocked by some pages' CSP in Firefox).

use crate::length::{count_with, CountOptions, LengthReport};
use crate::platform::Platform;
use crate::sites::{platform_for, site_for_host, Site};
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
  transform: translate(-100%, -100%);
  font: 600 12px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-variant-numeric: tabular-nums;
  padding: 3px 8px; border-radius: 999px; white-space: nowrap;
  background: #1d4ed8; color: #ffffff; box-shadow: 0 1px 3px rgba(0,0,0,.25);
}
.badge[data-state="near"] { background: #a16207; color: #ffffff; }
.badge[data-state="over"] { background: #b91c1c; color: #ffffff; }
.unit { font-weight: 400; opacity: .85; margin-inline-start: 4px; }
@media (prefers-color-scheme: dark) {
  .badge { background: #93c5fd; color: #0b1220; }
  .badge[data-state="near"] { background: #fcd34d; color: #1f1300; }
  .badge[data-state="over"] { background: #fca5a5; color: #2a0505; }
}
"#;

struct Badge {
    host: HtmlElement,
    pill: HtmlElement,
    count: web_sys::Text,
    unit: HtmlElement,
}

struct Content {
    document: Document,
    site: Option<&'static Site>,
    options: CountOptions,
    engine: String,
    badge: Badge,
    composer: Option<Element>,
    _listeners: Vec<EventListener>,
}

thread_local! {
    static CONTENT: RefCell<Option<Content>> = const { RefCell::new(None) };
}

/// Starts following composers on this page. Idempotent.
pub fn start(engine: &str, options: CountOptions) -> Result<(), JsValue> {
    if CONTENT.with(|c| c.borrow().is_some()) {
        return Ok(());
    }
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let host = window.location().hostname()?;
    let badge = make_badge(&document, engine)?;
    let listeners = listen(&document, &window);
    let content = Content {
        document: document.clone(),
        site: site_for_host(&host),
        options,
        engine: engine.to_string(),
        badge,
        composer: None,
        _listeners: listeners,
    };
    CONTENT.with(|c| *c.borrow_mut() = Some(content));
    // a composer may already have the focus when the core finishes loading
    if let Some(active) = deep_active_element(&document) {
        on_focus(&active);
    }
    Ok(())
}

fn make_badge(document: &Document, engine: &str) -> Result<Badge, JsValue> {
    let host: HtmlElement = document.create_element("porte-voix-badge")?.dyn_into()?;
    host.set_attribute("data-engine", engine)?;
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(BADGE_CSS)?;
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let pill: HtmlElement = document.create_element("div")?.dyn_into()?;
    pill.set_class_name("badge");
    pill.set_attribute("part", "badge")?;
    let count = document.create_text_node("");
    let unit: HtmlElement = document.create_element("span")?.dyn_into()?;
    unit.set_class_name("unit");
    pill.append_child(&count)?;
    pill.append_child(&unit)?;
    root.append_child(&pill)?;
    Ok(Badge {
        host,
        pill,
        count,
        unit,
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
        EventListener::new_with_options(document, "input", capture, |_| refresh()),
        EventListener::new_with_options(document, "keyup", capture, |_| refresh()),
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

fn on_focus(el: &Element) {
    let Some(composer) = composer_of(el) else {
        return;
    };
    CONTENT.with(|c| {
        if let Some(c) = c.borrow_mut().as_mut() {
            c.composer = Some(composer);
        }
    });
    refresh();
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
        let text = read_text(composer);
        let focused = deep_active_element(&self.document)
            .map(|a| composer.contains(Some(&a)))
            .unwrap_or(false);
        if text.is_empty() && !focused {
            self.hide();
            return;
        }
        let report = count_with(&text, platform, &self.options);
        self.show(&report);
    }

    fn show(&self, r: &LengthReport) {
        let b = &self.badge;
        b.count.set_data(&format!("{} / {}", r.length, r.limit));
        let unit_key = match serde_json::to_value(r.unit) {
            Ok(serde_json::Value::String(u)) => format!("unit_{u}"),
            _ => "unit_characters".to_string(),
        };
        b.unit.set_text_content(Some(&super::ext::t(&unit_key)));
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
            super::ext::t_with("badge_remaining", &[&r.remaining.to_string()])
        } else {
            super::ext::t_with("badge_over", &[&(-r.remaining).to_string()])
        };
        let _ = b.pill.set_attribute("title", &label);
        let _ = b.host.set_attribute("data-engine", &self.engine);
        if b.host.parent_node().is_none() {
            if let Some(root) = self.document.document_element() {
                let _ = root.append_child(&b.host);
            }
        }
        let _ = b.host.set_attribute("data-visible", "");
        self.place();
    }

    fn hide(&self) {
        let _ = self.badge.host.remove_attribute("data-visible");
    }

    /// Pins the badge to the composer's bottom-right corner (fixed positioning follows scrolling).
    fn place(&self) {
        let Some(composer) = &self.composer else {
            return;
        };
        let rect = composer.get_bounding_client_rect();
        let style = self.badge.host.style();
        let _ = style.set_property("left", &format!("{}px", (rect.right() - 6.0).max(0.0)));
        let _ = style.set_property("top", &format!("{}px", (rect.bottom() - 4.0).max(0.0)));
    }
}

/// The composer's text as the network will post it: a field's value; for rich editors, one line
/// per block (Draft.js blocks, paragraphs), `<br>` as a line break.
pub fn read_text(composer: &Element) -> String {
    if let Some(ta) = composer.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return ta.value();
    }
    if let Some(input) = composer.dyn_ref::<web_sys::HtmlInputElement>() {
        return input.value();
    }
    // Draft.js: one `[data-block]` per line; its text is in `[data-text]` spans
    if let Ok(blocks) = composer.query_selector_all("[data-block=\"true\"]") {
        if blocks.length() > 0 {
            let lines: Vec<String> = (0..blocks.length())
                .filter_map(|i| blocks.get(i))
                .map(|n| n.text_content().unwrap_or_default())
                .collect();
            return lines.join("\n");
        }
    }
    block_lines(composer).join("\n")
}

fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "P" | "DIV"
            | "LI"
            | "H1"
            | "H2"
            | "H3"
            | "H4"
            | "H5"
            | "H6"
            | "BLOCKQUOTE"
            | "PRE"
            | "UL"
            | "OL"
    )
}

/// The lines of an editor's DOM: each block is a line (an empty block an empty line), inline
/// content between blocks is a line, and a `<br>` ends a line unless it is the placeholder that
/// keeps a block open (the last node of its parent).
fn block_lines(node: &web_sys::Node) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current: Option<String> = None;
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.get(i) else {
            continue;
        };
        match child.node_type() {
            web_sys::Node::TEXT_NODE => current
                .get_or_insert_with(String::new)
                .push_str(&child.text_content().unwrap_or_default()),
            web_sys::Node::ELEMENT_NODE => {
                let tag = child.node_name();
                if tag == "BR" {
                    lines.push(current.take().unwrap_or_default());
                    if child.next_sibling().is_some() {
                        current = Some(String::new());
                    }
                } else if is_block(&tag) {
                    if let Some(line) = current.take() {
                        lines.push(line);
                    }
                    let inner = block_lines(&child);
                    if inner.is_empty() {
                        lines.push(String::new());
                    } else {
                        lines.extend(inner);
                    }
                } else {
                    let inner = block_lines(&child);
                    let mut inner = inner.into_iter();
                    if let Some(first) = inner.next() {
                        current.get_or_insert_with(String::new).push_str(&first);
                    }
                    for line in inner {
                        lines.push(current.take().unwrap_or_default());
                        current = Some(line);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(line) = current {
        lines.push(line);
    }
    lines
}
