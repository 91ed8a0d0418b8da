//! The in-page features: ONE registry list ([`FEATURES`]), each entry naming its file under
//! `features/` and where it runs (which editors, which platforms); and the runner that gives
//! each snapshot to every feature. A feature that fails is logged with its name and the others
//! keep running. A feature holds its own state; it reads the session only through the
//! [`Snapshot`] it is given, so it never holds a borrow of the session across a DOM call.

use super::session::{Composer, Snapshot};
use crate::platform::Platform;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::Document;

mod field_mirror;
mod length_badge;
mod overflow_mark;
mod tone;
pub mod triggers;

/// One in-page feature.
pub trait Feature {
    /// A new snapshot of a composer it runs on: redraw.
    fn update(&self, snapshot: &Snapshot) -> Result<(), JsValue>;
    /// The page scrolled or resized: move what it drew (the composer's text is unchanged).
    fn place(&self, _snapshot: &Snapshot) -> Result<(), JsValue> {
        Ok(())
    }
    /// No composer it runs on any more: take down what it drew.
    fn leave(&self) -> Result<(), JsValue>;
}

/// Which editors a feature runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editors {
    Any,
    /// `<textarea>` and text `<input>`.
    TextFields,
    /// Every editable element that is not a text field.
    Rich,
}

/// Where a feature runs.
#[derive(Clone, Copy, Debug)]
pub struct Scope {
    pub editors: Editors,
    /// The platforms it runs for; `None`: all.
    pub platforms: Option<&'static [Platform]>,
}

impl Scope {
    pub const EVERYWHERE: Scope = Scope {
        editors: Editors::Any,
        platforms: None,
    };

    /// The composer is one this scope covers.
    pub fn covers(&self, composer: &Composer) -> bool {
        let field = composer.editor.kind() == Some(crate::sites::EditorKind::TextField);
        let editor_ok = match self.editors {
            Editors::Any => true,
            Editors::TextFields => field,
            Editors::Rich => !field,
        };
        editor_ok
            && self
                .platforms
                .is_none_or(|p| p.contains(&composer.platform))
    }
}

/// A feature's registry entry: its name (the file `features/<name>.rs`), where it runs, how it
/// is made the first time a composer it runs on is followed, and whether that happens in the
/// focus's own task (`at_once`) or after the next frame is drawn: the first badge is not held up
/// by features that have nothing to show on a composer just focused (its shadow roots, its
/// sheets, its first run), and a feature that must see the first keys (the trigger key) is made
/// at once.
pub struct Registration {
    pub name: &'static str,
    pub scope: Scope,
    pub make: fn(&Document) -> Result<Rc<dyn Feature>, JsValue>,
    pub at_once: bool,
}

/// Every in-page feature, one line each.
pub const FEATURES: &[Registration] = &[
    Registration {
        name: "length_badge",
        scope: Scope::EVERYWHERE,
        make: length_badge::make,
        at_once: true,
    },
    Registration {
        name: "overflow_mark",
        scope: Scope {
            editors: Editors::Rich,
            platforms: None,
        },
        make: overflow_mark::make,
        at_once: false,
    },
    Registration {
        name: "field_mirror",
        scope: Scope {
            editors: Editors::TextFields,
            platforms: None,
        },
        make: field_mirror::make,
        at_once: false,
    },
    Registration {
        name: "tone",
        scope: Scope::EVERYWHERE,
        make: tone::make,
        at_once: false,
    },
    Registration {
        name: "triggers",
        scope: Scope::EVERYWHERE,
        make: triggers::make,
        at_once: true,
    },
];

/// How a running feature comes to be: made already, or made the first time a composer it runs
/// on is followed (the first badge does not wait for features its composer does not use).
enum Made {
    Ready(Rc<dyn Feature>),
    Later(fn(&Document) -> Result<Rc<dyn Feature>, JsValue>),
    /// Made only after the page has drawn a frame since the session started.
    AfterPaint(fn(&Document) -> Result<Rc<dyn Feature>, JsValue>),
    /// Making it failed (logged once): it stays out.
    Failed,
}

struct Running {
    name: &'static str,
    scope: Scope,
    feature: RefCell<Made>,
    /// It ran on the last snapshot (so it has something to take down).
    active: Cell<bool>,
}

impl Running {
    /// The feature, made now if it was not yet. No borrow is held when this returns.
    fn feature(&self, document: &Document) -> Option<Rc<dyn Feature>> {
        let make = match &*self.feature.try_borrow().ok()? {
            Made::Ready(f) => return Some(f.clone()),
            Made::Later(make) => *make,
            Made::AfterPaint(make) if PAINTED.with(|p| p.get()) => *make,
            Made::AfterPaint(_) => {
                if !PAINT_ASKED.with(|a| a.replace(true)) {
                    super::super::dom::after_paint(|| {
                        PAINTED.with(|p| p.set(true));
                        super::session::refresh();
                    });
                }
                return None;
            }
            Made::Failed => return None,
        };
        let made = make(document);
        let mut slot = self.feature.try_borrow_mut().ok()?;
        match made {
            Ok(f) => {
                *slot = Made::Ready(f.clone());
                Some(f)
            }
            Err(e) => {
                *slot = Made::Failed;
                drop(slot);
                warn(self.name, "start", &e);
                None
            }
        }
    }

    /// The feature, if it was made.
    fn made(&self) -> Option<Rc<dyn Feature>> {
        match &*self.feature.try_borrow().ok()? {
            Made::Ready(f) => Some(f.clone()),
            _ => None,
        }
    }
}

thread_local! {
    static RUNNING: RefCell<Vec<Rc<Running>>> = const { RefCell::new(Vec::new()) };
    /// A frame was drawn since the session started: the features not made at once can be.
    static PAINTED: Cell<bool> = const { Cell::new(false) };
    static PAINT_ASKED: Cell<bool> = const { Cell::new(false) };
}

fn warn(name: &str, what: &str, e: &JsValue) {
    web_sys::console::warn_2(
        &JsValue::from_str(&format!("Porte-voix: feature {name} failed ({what}):")),
        e,
    );
}

/// Registers every feature of [`FEATURES`] (once per page); each is made the first time a
/// composer it runs on is followed (after the next frame, unless `at_once`). One that cannot be
/// made is logged and left out.
pub(super) fn start() {
    for r in FEATURES {
        let made = if r.at_once {
            Made::Later(r.make)
        } else {
            Made::AfterPaint(r.make)
        };
        push(r.name, r.scope, made);
    }
}

/// Adds a running feature, for the rest of the page's life (a feature loaded later).
pub fn add(name: &'static str, scope: Scope, feature: Rc<dyn Feature>) {
    push(name, scope, Made::Ready(feature));
}

fn push(name: &'static str, scope: Scope, feature: Made) {
    let running = Rc::new(Running {
        name,
        scope,
        feature: RefCell::new(feature),
        active: Cell::new(false),
    });
    let pushed = RUNNING.with(|r| r.try_borrow_mut().map(|mut r| r.push(running.clone())));
    if pushed.is_err() {
        super::super::dom::later(move || {
            let made = running.feature.replace(Made::Failed);
            push(name, scope, made);
        });
    }
}

/// The running features, copied: no borrow is held while they run.
fn running() -> Vec<Rc<Running>> {
    RUNNING.with(|r| r.try_borrow().map(|r| r.clone()).unwrap_or_default())
}

/// Gives `snapshot` to every feature: `update` where it runs, `leave` where it just stopped.
pub(super) fn update(snapshot: &Snapshot) {
    for f in running() {
        let covered = snapshot
            .composer
            .as_ref()
            .is_some_and(|c| f.scope.covers(c));
        let result = if covered {
            match f.feature(&snapshot.document) {
                Some(feature) => {
                    f.active.set(true);
                    feature.update(snapshot)
                }
                None => Ok(()),
            }
        } else if f.active.replace(false) {
            f.made().map_or(Ok(()), |feature| feature.leave())
        } else {
            Ok(())
        };
        if let Err(e) = result {
            warn(f.name, if covered { "update" } else { "leave" }, &e);
        }
    }
}

/// Asks the active features to follow the composer on screen.
pub(super) fn place(snapshot: &Snapshot) {
    for f in running().into_iter().filter(|f| f.active.get()) {
        let Some(feature) = f.made() else { continue };
        if let Err(e) = feature.place(snapshot) {
            warn(f.name, "place", &e);
        }
    }
}
