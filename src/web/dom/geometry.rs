//! Where things are on screen, and fixed placement of our hosts (fixed positioning follows
//! scrolling without work on our side).

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement};

/// An element's box in viewport coordinates (CSS pixels).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn of(el: &Element) -> Rect {
        let r = el.get_bounding_client_rect();
        Rect {
            left: r.left(),
            top: r.top(),
            right: r.right(),
            bottom: r.bottom(),
        }
    }
    pub fn width(&self) -> f64 {
        self.right - self.left
    }
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
}

/// Puts a `position: fixed` host at (`left`, `top`).
pub fn pin(host: &HtmlElement, left: f64, top: f64) -> Result<(), JsValue> {
    let style = host.style();
    style.set_property("left", &format!("{left}px"))?;
    style.set_property("top", &format!("{top}px"))
}

/// Sets `width` and `height` of `el` in pixels.
pub fn size(el: &HtmlElement, width: f64, height: f64) -> Result<(), JsValue> {
    let style = el.style();
    style.set_property("width", &format!("{}px", width.max(0.0)))?;
    style.set_property("height", &format!("{}px", height.max(0.0)))
}
