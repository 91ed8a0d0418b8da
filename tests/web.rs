//! The web layer in a real browser (wasm-bindgen-test, headless Chromium): how composer text is
//! read from each editor's DOM, and the loader's panic hook.
#![cfg(all(target_arch = "wasm32", feature = "inpage"))]

use porte_voix::web::read_text;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A composer built from test markup (test input only; the product never parses HTML strings).
fn composer(tag: &str, markup: &str) -> web_sys::Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element(tag).unwrap();
    el.set_attribute("contenteditable", "true").unwrap();
    el.set_inner_html(markup);
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

#[wasm_bindgen_test]
fn textarea_value_is_read_as_is() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let ta: web_sys::HtmlTextAreaElement =
        doc.create_element("textarea").unwrap().dyn_into().unwrap();
    ta.set_value("Ligne 1\n\nLigne 3 🇨🇦");
    assert_eq!(read_text(&ta), "Ligne 1\n\nLigne 3 🇨🇦");
}

#[wasm_bindgen_test]
fn draft_js_blocks_are_lines_and_empty_blocks_empty_lines() {
    let el = composer(
        "div",
        r#"<div data-contents="true"><div data-block="true"><div><span data-text="true">Merci Chloé</span></div></div><div data-block="true"><div><span><br data-text="true"></span></div></div><div data-block="true"><div><span data-text="true">À bientôt</span></div></div></div>"#,
    );
    assert_eq!(read_text(&el), "Merci Chloé\n\nÀ bientôt");
}

#[wasm_bindgen_test]
fn paragraph_editors_quill_prosemirror_lexical() {
    // Quill and ProseMirror keep an empty paragraph open with a <br>
    let quill = composer("div", "<p>Bonjour</p><p><br></p><p>Merci</p>");
    assert_eq!(read_text(&quill), "Bonjour\n\nMerci");
    let pm = composer(
        "div",
        r#"<p>Salut</p><p><br class="ProseMirror-trailingBreak"></p>"#,
    );
    assert_eq!(read_text(&pm), "Salut\n");
    let lexical = composer(
        "div",
        r#"<p dir="ltr"><span data-lexical-text="true">Hé </span><strong data-lexical-text="true">toi</strong></p>"#,
    );
    assert_eq!(read_text(&lexical), "Hé toi");
    let empty = composer("div", "<p><br></p>");
    assert_eq!(read_text(&empty), "");
}

#[wasm_bindgen_test]
fn bare_contenteditable_divs_and_breaks() {
    let el = composer("div", "Salut<div>Chloé</div><div><br></div><div>fin</div>");
    assert_eq!(read_text(&el), "Salut\nChloé\n\nfin");
    let br = composer("div", "a<br>b");
    assert_eq!(read_text(&br), "a\nb");
    let trailing = composer("div", "<p>a<br></p>");
    assert_eq!(read_text(&trailing), "a");
    let list = composer("div", "<ul><li>un</li><li>deux</li></ul>");
    assert_eq!(read_text(&list), "un\ndeux");
}

/// What the badge counts, in the browser: a Draft.js composer read as X will post it, then
/// counted by the wasm build of the core (NFC, the TLD list, emoji weights), as on the page.
#[wasm_bindgen_test]
fn a_composer_read_from_the_dom_counts_as_x_does() {
    use porte_voix::length::count;
    use porte_voix::platform::Platform;
    let el = composer(
        "div",
        r#"<div data-contents="true"><div data-block="true"><div><span data-text="true">Merci Chloé 👋 lapresse.ca</span></div></div><div data-block="true"><div><span data-text="true">À bientôt 🇨🇦</span></div></div></div>"#,
    );
    let text = read_text(&el);
    assert_eq!(text, "Merci Chloé 👋 lapresse.ca\nÀ bientôt 🇨🇦");
    let r = count(&text, Platform::X);
    // 12 + 2 (👋) + 1 + 23 (the link) + 1 (line break) + 10 + 2 (the flag)
    assert_eq!(r.length, 51);
    assert_eq!(r.urls.len(), 1);
    assert!(r.valid);
}

#[wasm_bindgen_test]
fn offsets_map_back_to_text_nodes_for_the_overflow_mark() {
    let el = composer("div", "<p>ab</p><p><br></p><p>c<strong>dé</strong></p>");
    let text = porte_voix::web::composer::read(&el);
    assert_eq!(text.text, "ab\n\ncdé");
    let at = |o: u32| {
        text.dom_position(o)
            .map(|(node, off)| (node.node_value().unwrap_or_default(), off))
    };
    assert_eq!(at(1), Some(("ab".to_string(), 1)));
    // a line break maps to the start of the next text
    assert_eq!(at(2), Some(("c".to_string(), 0)));
    assert_eq!(at(4), Some(("c".to_string(), 0)));
    assert_eq!(at(6), Some(("dé".to_string(), 1)));
    assert_eq!(at(7), None);
    // text fields have no text nodes to mark
    let doc = web_sys::window().unwrap().document().unwrap();
    let ta: web_sys::HtmlTextAreaElement =
        doc.create_element("textarea").unwrap().dyn_into().unwrap();
    ta.set_value("abc");
    assert_eq!(
        porte_voix::web::composer::read(&ta)
            .dom_position(1)
            .map(|_| ()),
        None
    );
}

/// A panic in its own task (as in one of the content script's event handlers) reaches the hook
/// the loader installs, with its message: the loader then shows its notice instead of failing
/// silently. The only test here that panics on purpose: after a panic the instance keeps `std`'s
/// panic count raised, so a later panic in this instance would abort without reaching a hook.
#[wasm_bindgen_test]
async fn zz_a_panic_reaches_the_loaders_hook_with_its_message() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let seen: Rc<RefCell<Vec<String>>> = Rc::default();
    let record = seen.clone();
    let notify = Closure::<dyn Fn(String)>::new(move |m: String| record.borrow_mut().push(m));
    porte_voix::web::api::install_panic_hook(
        notify.as_ref().unchecked_ref::<js_sys::Function>().clone(),
    );
    notify.forget();
    let window = web_sys::window().unwrap();
    let boom = Closure::once_into_js(|| -> () { panic!("épreuve de panique") });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(boom.unchecked_ref(), 0)
        .unwrap();
    let later = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 200)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(later).await.unwrap();
    let seen = seen.borrow();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert!(seen[0].contains("épreuve de panique"), "{seen:?}");
}
