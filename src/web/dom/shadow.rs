//! Our own elements on a page: a host element with a CLOSED shadow root (pages cannot read or
//! restyle what is inside), styled with `adoptedStyleSheets` (an inline `<style>` is blocked by
//! some pages' CSP in Firefox), attached to the document element when first shown.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// A new host element `tag` with a closed shadow root styled by `css`. Not attached yet.
pub fn closed_host(
    document: &Document,
    tag: &str,
    css: &str,
) -> Result<(HtmlElement, ShadowRoot), JsValue> {
    let host: HtmlElement = document.create_element(tag)?.dyn_into()?;
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(css)?;
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    Ok((host, root))
}

/// Shows `host` (its `data-visible` attribute, which its sheet keys on), attaching it to the
/// document element first if it is not (again) in the page.
pub fn show(document: &Document, host: &HtmlElement) -> Result<(), JsValue> {
    if host.parent_node().is_none() {
        if let Some(root) = document.document_element() {
            root.append_child(host)?;
        }
    }
    host.set_attribute("data-visible", "")
}

/// Hides `host` (keeps it in the page for the next time).
pub fn hide(host: &HtmlElement) -> Result<(), JsValue> {
    host.remove_attribute("data-visible")
}

/// A child element `tag` of class `class` appended to `parent`.
pub fn child(
    document: &Document,
    parent: &web_sys::Node,
    tag: &str,
    class: &str,
) -> Result<HtmlElement, JsValue> {
    let el: HtmlElement = document.create_element(tag)?.dyn_into()?;
    el.set_class_name(class);
    parent.append_child(&el)?;
    Ok(el)
}
