//! CSS custom highlights (`CSS.highlights`, the Highlight API): mark ranges of a page's text
//! without touching its DOM, which rich editors own. Does nothing where the browser lacks it.

use super::call_method;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Range;

/// `CSS.highlights`, where the browser has it.
pub fn registry() -> Option<JsValue> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let registry = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    (!registry.is_undefined()).then_some(registry)
}

/// Highlights `range` under `name` (replacing what `name` marked before).
pub fn set(name: &str, range: &Range) -> Result<(), JsValue> {
    set_all(name, std::slice::from_ref(range))
}

/// Highlights every range of `ranges` under `name` (replacing what `name` marked before).
pub fn set_all(name: &str, ranges: &[Range]) -> Result<(), JsValue> {
    let Some(registry) = registry() else {
        return Ok(());
    };
    let ctor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"Highlight".into())?.dyn_into()?;
    let args: js_sys::Array = ranges.iter().collect();
    let highlight = js_sys::Reflect::construct(&ctor, &args)?;
    call_method(&registry, "set", &[JsValue::from_str(name), highlight]).map(|_| ())
}

/// Removes the highlight `name`.
pub fn delete(name: &str) -> Result<(), JsValue> {
    let Some(registry) = registry() else {
        return Ok(());
    };
    call_method(&registry, "delete", &[JsValue::from_str(name)]).map(|_| ())
}
