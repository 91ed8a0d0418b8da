//! The picker's place in the page: a frame of the extension's `picker.html`, loaded hidden soon
//! after the first composer got the focus (so the shortcut finds it ready: its engine compiled,
//! the library loaded and indexed). On the extension's `open_picker` (the keyboard command, sent
//! by the background) it is shown next to the composer followed and given the page's context
//! (reply context, brand, URL, title, now), the composer's platform and an opening number by a
//! runtime message (`picker_state`; a new frame gets them in its URL fragment); on
//! `close_picker` (Esc, or after inserting) it is hidden again, told so the same way, and the
//! focus returns to the composer. A state told before the frame's page has run its scripts (its
//! `load`) may have found no one listening: it is told again at the `load` (the frame takes an
//! opening it has already taken once only). Messages are taken
//! from this extension only (`sender_allowed`); the page can neither read the frame's content nor
//! post to it anything it acts on.

use super::features::triggers::page_context;
use super::{insert, session};
use crate::insert::InsertError;
use crate::protocol::page::picker_state_json;
use crate::protocol::reply::PickerState;
use crate::web::dom::{geometry, Listener};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = getURL)]
    fn runtime_get_url(path: &str) -> String;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "runtime"], js_name = sendMessage)]
    fn runtime_send_message(message: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Tells the loaded frame its new state (shown with a context, or hidden) by a runtime message:
/// it reaches the extension's pages (the frame checks that it comes from this extension's content
/// script in its own tab's top frame); a page cannot send one.
fn tell(state: &PickerState) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"kind".into(), &"picker_state".into());
    let _ = js_sys::Reflect::set(&message, &"state".into(), &picker_state_json(state).into());
    if let Ok(p) = runtime_send_message(&message) {
        // nobody answers: the rejection is expected
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        });
    }
}

/// The frame's size (CSS pixels).
const WIDTH: f64 = 420.0;
const HEIGHT: f64 = 400.0;
/// Its least height, where the window has no room for the whole frame above or below the
/// composer: the search box, the list and a few lines of preview.
const MIN_HEIGHT: f64 = 320.0;
/// Space kept between the frame and the composer or the window's edge.
const GAP: f64 = 8.0;

/// Where the frame goes for a composer at `rect` in a `vw` × `vh` window: `(left, top, height)`.
/// Below the composer if it fits, else above; where neither has room for the whole frame, on the
/// side with more room, shortened to it (not under `MIN_HEIGHT`), so it covers the composer only
/// when the window is too small for anything else.
fn placement(rect: &geometry::Rect, vw: f64, vh: f64) -> (f64, f64, f64) {
    let left = rect.left.min(vw - WIDTH - GAP).max(GAP);
    let below = vh - rect.bottom - GAP;
    let above = rect.top - 2.0 * GAP;
    let (top, height) = if below >= HEIGHT {
        (rect.bottom + GAP, HEIGHT)
    } else if above >= HEIGHT {
        (rect.top - GAP - HEIGHT, HEIGHT)
    } else if below >= above {
        let height = below.clamp(MIN_HEIGHT, HEIGHT);
        ((rect.bottom + GAP).min(vh - height), height)
    } else {
        let height = above.clamp(MIN_HEIGHT, HEIGHT);
        (rect.top - GAP - height, height)
    };
    (left, top.max(GAP), height)
}

/// How long after the first focus the hidden frame is loaded (the badge's start goes first).
const PRELOAD_AFTER_MS: i32 = 800;

/// The frame in the page, hidden or shown.
struct Frame {
    el: Element,
    /// The composer it was opened for, while it is shown.
    host: Option<Element>,
    /// Openings so far (the frame tells a new opening from a repeated fragment by it).
    opened: u32,
    /// The frame's page has loaded: its scripts, and so its message listener, have run.
    started: bool,
    /// The last state told before that, told again at the `load`.
    unheard: Option<PickerState>,
    _load: Listener,
}

thread_local! {
    static FRAME: RefCell<Option<Frame>> = const { RefCell::new(None) };
}

/// Hidden: invisible, out of the focus order and of the accessibility tree, letting clicks
/// through; the frame keeps running.
const HIDDEN_STYLE: &str = "all: initial; position: fixed; z-index: 2147483647; left: 0; top: 0; \
     width: 420px; height: 400px; border: 0; display: block; visibility: hidden; \
     pointer-events: none; color-scheme: light dark;";

/// `open_picker` / `close_picker` from the extension, with its sender.
pub fn handle(message: &JsValue, sender: &JsValue) -> Result<JsValue, JsValue> {
    insert::check_sender(sender)?;
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
    match get(message, "kind").and_then(|k| k.as_string()).as_deref() {
        Some("open_picker") => open_on(None).map(|_| JsValue::TRUE),
        Some("close_picker") => {
            close(true);
            Ok(JsValue::TRUE)
        }
        _ => Ok(JsValue::FALSE),
    }
}

/// Loads the hidden frame a little after the first focus, unless it is there already.
pub fn preload_later() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let load = Closure::once_into_js(|| {
        if let Err(e) = frame(&PickerState::default()) {
            web_sys::console::warn_2(&"Porte-voix: picker preload".into(), &e);
        }
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        load.unchecked_ref(),
        PRELOAD_AFTER_MS,
    );
}

/// `picker.html` with `state` in its fragment.
fn frame_url(state: &PickerState) -> String {
    let fragment = js_sys::encode_uri_component(&picker_state_json(state));
    format!(
        "{}#{}",
        runtime_get_url("picker.html"),
        String::from(fragment)
    )
}

/// The frame, and whether it was there already; created hidden, with `state` in its fragment, if
/// it is not in the page.
fn frame(state: &PickerState) -> Result<(Element, bool), JsValue> {
    let existing = FRAME.with(|c| {
        c.borrow()
            .as_ref()
            .map(|f| f.el.clone())
            .filter(|el| el.is_connected())
    });
    if let Some(el) = existing {
        return Ok((el, true));
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let el = document.create_element("iframe")?;
    let load = Listener::capture(&el, "load", |_| on_load())?;
    el.set_attribute("src", &frame_url(state))?;
    el.set_attribute("title", &crate::web::ext::t("picker_title"))?;
    el.set_attribute("data-porte-voix", "picker")?;
    hide(&el)?;
    document
        .document_element()
        .ok_or("no root")?
        .append_child(&el)?;
    let opened = FRAME.with(|c| c.borrow().as_ref().map_or(0, |f| f.opened));
    FRAME.with(|c| {
        *c.borrow_mut() = Some(Frame {
            el: el.clone(),
            host: None,
            opened,
            started: false,
            unheard: None,
            _load: load,
        })
    });
    Ok((el, false))
}

/// The frame's page has loaded: a state told before it is told again (the first may have come
/// before its listener).
fn on_load() {
    let unheard = FRAME.with(|c| {
        c.try_borrow_mut().ok().and_then(|mut c| {
            let f = c.as_mut()?;
            f.started = true;
            f.unheard.take()
        })
    });
    if let Some(state) = unheard {
        tell(&state);
    }
}

/// Tells the frame `state`, and keeps it to tell again at the frame's `load` if it has not
/// loaded yet.
fn tell_frame(state: &PickerState) {
    FRAME.with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            if let Some(f) = c.as_mut().filter(|f| !f.started) {
                f.unheard = Some(state.clone());
            }
        }
    });
    tell(state);
}

fn hide(el: &Element) -> Result<(), JsValue> {
    el.set_attribute("style", HIDDEN_STYLE)?;
    el.set_attribute("aria-hidden", "true")?;
    el.set_attribute("tabindex", "-1")
}

/// Shows the frame next to the composer followed, with this page's context; `template`: the
/// picker opens on that template (chosen in the context menu, its fields to fill in).
pub fn open_on(template: Option<String>) -> Result<(), JsValue> {
    let Some((host, _, _)) = session::current() else {
        close(false);
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            insert::notice::show(&body, &InsertError::NoComposer);
        }
        return Ok(());
    };
    let opened = FRAME.with(|c| c.borrow().as_ref().map_or(0, |f| f.opened)) + 1;
    let state = PickerState {
        context: page_context(&host),
        platform: session::platform_of(&host),
        open: Some(opened),
        closed: None,
        template,
    };
    // not loaded yet (the shortcut came first): created with this opening in its fragment
    let (el, loaded) = frame(&state)?;
    FRAME.with(|c| {
        if let Some(f) = c.borrow_mut().as_mut() {
            f.opened = opened;
            f.host = Some(host.clone());
        }
    });
    if loaded {
        tell_frame(&state);
    }
    let rect = geometry::Rect::of(&host);
    let window = web_sys::window().ok_or("no window")?;
    let vh = window.inner_height()?.as_f64().unwrap_or(HEIGHT);
    let vw = window.inner_width()?.as_f64().unwrap_or(WIDTH);
    let (left, top, height) = placement(&rect, vw, vh);
    el.set_attribute(
        "style",
        &format!(
            "all: initial; position: fixed; z-index: 2147483647; left: {}; top: {}; \
             width: {}; height: {}; border: 0; border-radius: 10px; \
             box-shadow: 0 6px 24px rgba(0,0,0,.3); color-scheme: light dark; display: block;",
            geometry::px(left),
            geometry::px(top),
            geometry::px(WIDTH),
            geometry::px(height)
        ),
    )?;
    el.remove_attribute("aria-hidden")?;
    el.remove_attribute("tabindex")?;
    if let Some(f) = el.dyn_ref::<HtmlElement>() {
        f.focus()?;
    }
    Ok(())
}

/// Hides the frame (it stays loaded, told by its fragment that it is closed); `refocus`: the
/// focus goes back to the composer.
fn close(refocus: bool) {
    let shown = FRAME.with(|c| {
        c.try_borrow_mut().ok().and_then(|mut c| {
            c.as_mut()
                .and_then(|f| Some((f.el.clone(), f.host.take()?, f.opened)))
        })
    });
    let Some((el, host, opened)) = shown else {
        return;
    };
    let _ = hide(&el);
    tell_frame(&PickerState {
        closed: Some(opened),
        ..PickerState::default()
    });
    if refocus {
        if let Some(h) = host.dyn_ref::<HtmlElement>() {
            let _ = h.focus();
        }
    }
}
