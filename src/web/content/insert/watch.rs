//! The user's own hand on the composer while an insertion is read back and verified: their first
//! key (a modifier alone aside) or trusted `beforeinput` (an undo or a paste from the context
//! menu, a drop) in the composer, and the composer's text at that moment, read in the capture
//! phase before the editor handles the action. A change the user makes after an attempt had
//! effect is theirs, never an attempt that failed (`crate::insert::taken_over`).
//!
//! What an insertion technique fires itself (Firefox's `execCommand` dispatches a trusted
//! `beforeinput`) is forgotten: the watch is reset once the technique has run.
//!
//! Nothing here decides: the read-back (`insert.rs`) asks.

use crate::web::dom;
use crate::web::editors::Editor;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, KeyboardEvent};

/// Listens while alive; the listeners go with it.
pub struct Watch {
    /// The composer's text when the user first acted since the last [`Watch::reset`].
    acted: Rc<RefCell<Option<String>>>,
    _listeners: Vec<dom::Listener>,
}

impl Watch {
    pub fn start(document: &Document, host: &Element, editor: &'static dyn Editor) -> Watch {
        let acted = Rc::new(RefCell::new(None));
        let mut listeners = Vec::new();
        for kind in ["keydown", "beforeinput"] {
            let (acted, host) = (acted.clone(), host.clone());
            let listener = dom::Listener::capture(document, kind, move |e| {
                let by_user = e.is_trusted()
                    && dom::event_target(e).is_some_and(|t| host.contains(Some(&t)))
                    && !e.dyn_ref::<KeyboardEvent>().is_some_and(|k| {
                        matches!(k.key().as_str(), "Control" | "Shift" | "Alt" | "Meta")
                    });
                if let (true, Ok(mut acted)) = (by_user, acted.try_borrow_mut()) {
                    if acted.is_none() {
                        *acted = Some(editor.read(&host).text);
                    }
                }
            });
            match listener {
                Ok(l) => listeners.push(l),
                Err(e) => web_sys::console::warn_2(&"Porte-voix: insert watch".into(), &e),
            }
        }
        Watch {
            acted,
            _listeners: listeners,
        }
    }

    /// Forgets what was seen so far (an attempt has just been made).
    pub fn reset(&self) {
        if let Ok(mut a) = self.acted.try_borrow_mut() {
            *a = None;
        }
    }

    /// The composer's text when the user first acted since the last reset, if they did.
    pub fn acted(&self) -> Option<String> {
        self.acted.try_borrow().ok().and_then(|a| a.clone())
    }
}
