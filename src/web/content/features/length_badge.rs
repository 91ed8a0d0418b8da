//! The length badge: the count and the limit of the focused composer, in a closed shadow root
//! astride the composer's bottom edge; its colour says ok / near / over; a polite live region
//! tells screen readers when the text goes over the limit and when it is back under (not on
//! every keystroke). The tone feature draws its indicator and details into the same root
//! ([`slot`]): one badge, the count and the tone. Runs on every composer.

use crate::length::LengthReport;
use crate::locale::{group_digits, Lang};
use crate::web::content::{Composer, Feature, Snapshot};
use crate::web::dom::{geometry, shadow};
use crate::web::ext::{t, t_with};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{Document, HtmlElement, ShadowRoot};

/// The badge's look; `:host` keeps page styles from leaking in.
const CSS: &str = r#"
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

struct LengthBadge {
    document: Document,
    host: HtmlElement,
    pill: HtmlElement,
    count: web_sys::Text,
    unit: HtmlElement,
    live: HtmlElement,
    /// The state last shown ("" when hidden), to announce changes only.
    last_state: Cell<&'static str>,
}

thread_local! {
    /// The badge's host, its pill and its root, for the tone feature to draw into.
    static SLOT: RefCell<Option<(HtmlElement, HtmlElement, ShadowRoot)>> = const { RefCell::new(None) };
}

/// The badge's host, its pill (the tone indicator goes at its end) and its closed root (the
/// tone's details go there), once the badge is made.
pub fn slot() -> Option<(HtmlElement, HtmlElement, ShadowRoot)> {
    SLOT.with(|s| s.try_borrow().ok()?.clone())
}

pub fn make(document: &Document) -> Result<Rc<dyn Feature>, JsValue> {
    // the tone's look is in the badge's sheet: the tone draws into this root
    let css = [CSS, super::tone::BADGE_CSS].concat();
    let (host, root) = shadow::closed_host(document, "porte-voix-badge", &css)?;
    let pill = shadow::child(document, &root, "div", "badge")?;
    pill.set_attribute("part", "badge")?;
    // the badge speaks the extension's language, not the page's: screen readers read it so
    let lang = t("ext_locale");
    pill.set_attribute("lang", &lang)?;
    let count = document.create_text_node("");
    pill.append_child(&count)?;
    let unit = shadow::child(document, &pill, "span", "unit")?;
    let live = shadow::child(document, &root, "div", "live")?;
    live.set_attribute("role", "status")?;
    live.set_attribute("aria-live", "polite")?;
    live.set_attribute("lang", &lang)?;
    SLOT.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *s = Some((host.clone(), pill.clone(), root));
        }
    });
    Ok(Rc::new(LengthBadge {
        document: document.clone(),
        host,
        pill,
        count,
        unit,
        live,
        last_state: Cell::new(""),
    }))
}

/// The badge's state for a report: over the limit, near it (20 left, or 5 % of long limits), ok.
fn state_of(r: &LengthReport) -> &'static str {
    if !r.valid {
        "over"
    } else if r.remaining <= i64::from(20.max(r.limit / 20)) {
        "near"
    } else {
        "ok"
    }
}

impl Feature for LengthBadge {
    fn update(&self, snapshot: &Snapshot) -> Result<(), JsValue> {
        let Some(c) = &snapshot.composer else {
            return self.leave();
        };
        // an empty composer the user left says nothing
        if c.text.text.is_empty() && c.content_warning.is_none() && !c.focused {
            return self.leave();
        }
        // the composer's box is read before anything is written: one layout, not a second one
        // forced by our own writes
        let rect = geometry::Rect::of(&c.element);
        self.show(snapshot, c)?;
        self.pin(&rect)
    }

    fn place(&self, snapshot: &Snapshot) -> Result<(), JsValue> {
        match &snapshot.composer {
            Some(c) => self.pin(&geometry::Rect::of(&c.element)),
            None => Ok(()),
        }
    }

    fn leave(&self) -> Result<(), JsValue> {
        self.last_state.set("");
        self.live.set_text_content(None);
        shadow::hide(&self.host)
    }
}

impl LengthBadge {
    /// Astride the composer's bottom edge (`rect`), at its right: it hides at most the bottom
    /// padding, not the last line of text.
    fn pin(&self, rect: &geometry::Rect) -> Result<(), JsValue> {
        geometry::pin(
            &self.host,
            (rect.right - 6.0).max(0.0),
            rect.bottom.max(0.0),
        )
    }

    fn show(&self, snapshot: &Snapshot, c: &Composer) -> Result<(), JsValue> {
        let r = &c.report;
        let lang = snapshot.env.lang;
        // an uncertain rule counts generously (UTF-16 units): say it is approximate
        let approx = if r.certain { "" } else { "≈ " };
        let (n, limit) = (
            group_digits(r.length.into(), lang),
            group_digits(r.limit.into(), lang),
        );
        self.count.set_data(&format!("{approx}{n} / {limit}"));
        self.unit
            .set_text_content(Some(&t(&format!("unit_{}", r.unit.id()))));
        let state = state_of(r);
        self.pill.set_attribute("data-state", state)?;
        self.pill.set_attribute("data-platform", r.platform.id())?;
        let mut label = if r.valid {
            t_with("badge_remaining", &[&group_digits(r.remaining, lang)])
        } else {
            t_with("badge_over", &[&group_digits(-r.remaining, lang)])
        };
        if !r.certain {
            label = format!("{label} — {}", t("badge_approximate"));
        }
        if c.content_warning.is_some() {
            label = format!("{label} — {}", t("badge_with_content_warning"));
        }
        self.pill.set_attribute("title", &label)?;
        self.announce(snapshot, r, state, lang);
        self.host
            .set_attribute("data-engine", &snapshot.env.engine)?;
        shadow::show(&self.document, &self.host)
    }

    /// Tells screen readers when the text goes over the limit, and when it is back under; a
    /// composer focused already over the limit is announced too. Nothing on other keystrokes.
    fn announce(&self, snapshot: &Snapshot, r: &LengthReport, state: &'static str, lang: Lang) {
        let before = self.last_state.replace(state);
        let key = match (before, state) {
            ("over", "over") => return,
            (_, "over") => "badge_announce_over",
            ("over", _) => "badge_announce_under",
            _ => return,
        };
        let network = snapshot.env.site.map_or(r.platform.id(), |s| s.name);
        let n = group_digits(r.remaining.abs(), lang);
        self.live
            .set_text_content(Some(&t_with(key, &[network, &n])));
    }
}
