//! DOM helpers the in-page features share: closed shadow hosts styled with adopted style sheets
//! (`dom/shadow.rs`), the page's own adopted sheet (`dom/page_sheet.rs`), CSS custom highlights
//! (`dom/highlight.rs`), geometry and fixed placement (`dom/geometry.rs`), and here the focus and
//! event helpers. Nothing here knows composers, editors or features.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, EventTarget};

pub mod geometry;
pub mod highlight;
pub mod page_sheet;
pub mod shadow;

/// The focused element, through open shadow roots.
pub fn deep_active_element(document: &Document) -> Option<Element> {
    let mut el = document.active_element()?;
    while let Some(inner) = el.shadow_root().and_then(|r| r.active_element()) {
        el = inner;
    }
    Some(el)
}

/// The element an event really targets, through open shadow roots.
pub fn event_target(e: &web_sys::Event) -> Option<Element> {
    e.composed_path().get(0).dyn_into::<Element>().ok()
}

/// Calls `target[name](...args)`: for APIs web-sys does not bind (the Highlight API).
pub fn call_method(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &name.into())?.dyn_into()?;
    f.apply(target, &args.iter().collect::<js_sys::Array>())
}

/// Runs `f` in a later task (after the current event has finished dispatching).
pub fn later(f: impl FnOnce() + 'static) {
    later_boxed(Box::new(f));
}

/// Runs `f` in a task after the next frame is drawn: what the current task changed is on screen
/// first. (A hidden tab draws no frame: `f` waits until it is shown.)
pub fn after_paint(f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    let Some(w) = web_sys::window() else {
        return later_boxed(f);
    };
    let then: Box<dyn FnOnce()> = Box::new(move || later_boxed(f));
    let cb = Closure::once_into_js(then);
    if let Err(e) = w.request_animation_frame(cb.unchecked_ref()) {
        web_sys::console::warn_2(&"Porte-voix: requestAnimationFrame".into(), &e);
    }
}

/// One closure type for every caller of [`later`]: each distinct closure type given to
/// wasm-bindgen adds its own glue to the module.
fn later_boxed(f: Box<dyn FnOnce()>) {
    let cb = Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        if let Err(e) = w.set_timeout_with_callback(cb.unchecked_ref()) {
            web_sys::console::warn_2(&"Porte-voix: setTimeout".into(), &e);
        }
    }
}

/// An event listener, removed when dropped. Its callback is a `Fn` closure, which may run
/// re-entrantly: an event dispatched synchronously from inside our own handling (a feature
/// focusing an element fires `focusin` at once) reaches it. (A `FnMut` closure, as gloo's
/// listeners use, refuses a nested call with an exception: the nested event would be lost.)
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    callback: Closure<dyn Fn(web_sys::Event)>,
}

impl Listener {
    /// Listens to `kind` events on `target` in the capture phase.
    pub fn capture(
        target: &EventTarget,
        kind: &'static str,
        f: impl Fn(&web_sys::Event) + 'static,
    ) -> Result<Listener, JsValue> {
        Listener::capture_boxed(target, kind, Box::new(f))
    }

    /// One instance of the code below for every caller of [`Listener::capture`].
    fn capture_boxed(
        target: &EventTarget,
        kind: &'static str,
        f: Box<dyn Fn(&web_sys::Event)>,
    ) -> Result<Listener, JsValue> {
        let callback = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| f(&e));
        target.add_event_listener_with_callback_and_bool(
            kind,
            callback.as_ref().unchecked_ref(),
            true,
        )?;
        Ok(Listener {
            target: target.clone(),
            kind,
            callback,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let removed = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.callback.as_ref().unchecked_ref(),
            true,
        );
        if let Err(e) = removed {
            web_sys::console::warn_2(&"Porte-voix: removeEventListener".into(), &e);
        }
    }
}
