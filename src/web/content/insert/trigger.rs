//! Selecting a typed trigger before the caret so that the editor adopts the selection: at
//! once on the trigger key (`preselect_trigger`, while the template is rendered), then, before
//! inserting over it, checked and waited for (`select_trigger`: the document's
//! `selectionchange`, then the technology's own delay, then the selection read again); and the
//! caret given back when the template cannot be inserted (`release_trigger`).

use super::slice16;
use super::timing::sleep;
use crate::insert::InsertError;
use crate::web::dom;
use crate::web::editors::{insert as tech, Editor};
use std::cell::RefCell;
use unicode_segmentation::UnicodeSegmentation;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element};

/// A typed trigger selected on the trigger key, before its template was rendered.
struct Preselected {
    host: Element,
    trigger: String,
    /// Resolved once the document's `selectionchange` for that selection was dispatched.
    changed: js_sys::Promise,
}

thread_local! {
    static PRESELECTED: RefCell<Option<Preselected>> = const { RefCell::new(None) };
}

/// How long to wait for a `selectionchange` before reading the selection anyway (a selection
/// that did not move fires none).
const SELECTIONCHANGE_WAIT_MS: i32 = 100;

/// A promise resolved on the document's next `selectionchange`, or after
/// [`SELECTIONCHANGE_WAIT_MS`]. Made before the selection moves: the event is dispatched later,
/// in a task of its own, after the editors' own listeners (registered earlier) have run.
fn next_selectionchange(document: &Document) -> js_sys::Promise {
    let document = document.clone();
    js_sys::Promise::new(&mut |resolve, _| {
        let once = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&once, &"once".into(), &JsValue::TRUE);
        let _ = dom::call_method(
            &document,
            "addEventListener",
            &[
                "selectionchange".into(),
                resolve.clone().into(),
                once.into(),
            ],
        );
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                SELECTIONCHANGE_WAIT_MS,
            );
        }
    })
}

/// Extends the document's selection backwards over `trigger` (from the caret, or from the end of
/// what is selected); resolves once the `selectionchange` it causes was dispatched.
fn extend_over(
    document: &Document,
    selection: &web_sys::Selection,
    trigger: &str,
) -> js_sys::Promise {
    if selection.range_count() > 0 && !selection.is_collapsed() {
        let _ = selection.collapse_to_end();
    }
    let changed = next_selectionchange(document);
    for _ in 0..trigger.graphemes(true).count() {
        let _ = dom::call_method(
            selection,
            "modify",
            &["extend".into(), "backward".into(), "character".into()],
        );
    }
    changed
}

/// Selects the typed trigger `trigger` before the caret in `host` now, on the trigger key, so
/// that the editor adopts the selection while the template is rendered ([`super::insert`] then checks
/// and waits for what remains). `false` when the trigger is not before the caret.
pub fn preselect_trigger(host: &Element, trigger: &str) -> bool {
    let Some(document) = host.owner_document() else {
        return false;
    };
    let t16 = crate::insert::len16(trigger);
    if let Some((value, _, end)) = tech::field_state(host) {
        let start = end.saturating_sub(t16);
        return end >= t16
            && slice16(&value, start, end) == trigger
            && tech::field_select(host, start, end).is_ok();
    }
    let Ok(Some(selection)) = document.get_selection() else {
        return false;
    };
    let changed = extend_over(&document, &selection, trigger);
    PRESELECTED.with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            *p = Some(Preselected {
                host: host.clone(),
                trigger: trigger.to_string(),
                changed,
            });
        }
    });
    true
}

/// The trigger selected by [`preselect_trigger`] will not be replaced (its template could not be
/// rendered): the caret goes back after it, where the user left it.
pub fn release_trigger(host: &Element, trigger: &str) {
    let pre = PRESELECTED.with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.take()));
    if let Some((value, s, e)) = tech::field_state(host) {
        if slice16(&value, s, e) == trigger {
            let _ = tech::field_select(host, e, e);
        }
        return;
    }
    let selection = host
        .owner_document()
        .and_then(|d| d.get_selection().ok().flatten());
    if let (Some(_), Some(selection)) = (pre, selection) {
        if selection.to_string() == trigger {
            let _ = selection.collapse_to_end();
        }
    }
}

/// Selects the typed trigger before the caret (unless [`preselect_trigger`] already did), and
/// waits until the editor has adopted that selection: the `selectionchange` dispatched (the
/// editors read the DOM selection into their model there), then the technology's own delay
/// ([`Editor::selection_sync_ms`]), then the selection must still be the trigger (an editor may
/// reset it while flushing). Three tries.
pub(super) async fn select_trigger(
    document: &Document,
    host: &Element,
    editor: &dyn Editor,
    trigger: &str,
) -> Result<(), InsertError> {
    let pre = PRESELECTED.with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.take()));
    if tech::field_state(host).is_some() {
        // a text field's selection is its own: set at once, nothing to adopt
        let selected =
            tech::field_state(host).is_some_and(|(value, s, e)| slice16(&value, s, e) == trigger);
        return if selected || preselect_trigger(host, trigger) {
            Ok(())
        } else {
            Err(InsertError::TriggerNotFound)
        };
    }
    let selection = document
        .get_selection()
        .ok()
        .flatten()
        .ok_or(InsertError::TriggerNotFound)?;
    let mut pre = pre.filter(|p| &p.host == host && p.trigger == trigger);
    for _ in 0..3 {
        let changed = match pre.take() {
            Some(p) if selection.to_string() == trigger => p.changed,
            _ => extend_over(document, &selection, trigger),
        };
        let _ = JsFuture::from(changed).await;
        sleep(editor.selection_sync_ms()).await;
        if selection.to_string() == trigger {
            return Ok(());
        }
    }
    Err(InsertError::TriggerNotFound)
}
