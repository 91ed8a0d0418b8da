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
    style.set_property("left", &px(left))?;
    style.set_property("top", &px(top))
}

/// Sets `width` and `height` of `el` in pixels.
pub fn size(el: &HtmlElement, width: f64, height: f64) -> Result<(), JsValue> {
    let style = el.style();
    style.set_property("width", &px(width.max(0.0)))?;
    style.set_property("height", &px(height.max(0.0)))
}

/// `v` CSS pixels as a CSS length, to the hundredth of a pixel (finer than layout's 1/64 px),
/// e.g. `-12.50px`. Written with integers: `core`'s float formatting is 20 KB of wasm that
/// nothing else in the page needs. Not a number: `0.00px`.
pub fn px(v: f64) -> String {
    // `as` saturates, and maps NaN to 0
    let hundredths = (v * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let n = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}px", n / 100, n % 100)
}
