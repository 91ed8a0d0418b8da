//! The web layer in a real browser (wasm-bindgen-test, headless Chromium): how each editor
//! technology is recognised and read (placeholders and decorations skipped), offsets mapped back
//! to the DOM, the content script's session surviving re-entrant events and failing features,
//! and the JS-facing exports; the in-page count's NFC through the browser (`web/nfc.rs`); the
//! background's IndexedDB connection (`web/store.rs`); JS values read as JSON without a parser
//! (`web/json.rs`).
#![cfg(all(target_arch = "wasm32", feature = "inpage"))]

#[path = "web/json.rs"]
mod json;
#[path = "web/nfc.rs"]
mod nfc;
#[path = "web/store.rs"]
mod store;

use porte_voix::web::content::{self, Feature, Scope, Snapshot};
use porte_voix::web::editors::{self, Technique, TECHNOLOGIES};
use porte_voix::web::read_text;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// An element built from test markup (test input only; the product never parses HTML strings).
fn element(tag: &str, attrs: &[(&str, &str)], markup: &str) -> web_sys::Element {
    let el = document().create_element(tag).unwrap();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    el.set_inner_html(markup);
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Attributes of a test element.
type Attrs = &'static [(&'static str, &'static str)];

/// What makes an element editable.
const CE: (&str, &str) = ("contenteditable", "true");

/// A bare contenteditable composer.
fn composer(tag: &str, markup: &str) -> web_sys::Element {
    element(tag, &[("contenteditable", "true")], markup)
}

#[wasm_bindgen_test]
fn textarea_value_is_read_as_is() {
    let ta: web_sys::HtmlTextAreaElement = document()
        .create_element("textarea")
        .unwrap()
        .dyn_into()
        .unwrap();
    ta.set_value("Ligne 1\n\nLigne 3 🇨🇦");
    assert_eq!(read_text(&ta), "Ligne 1\n\nLigne 3 🇨🇦");
}

#[wasm_bindgen_test]
fn draft_js_blocks_are_lines_and_empty_blocks_empty_lines() {
    let el = element(
        "div",
        &[
            ("contenteditable", "true"),
            ("class", "public-DraftEditor-content"),
        ],
        r#"<div data-contents="true"><div data-block="true"><div><span data-text="true">Merci Chloé</span></div></div><div data-block="true"><div><span><br data-text="true"></span></div></div><div data-block="true"><div><span data-text="true">À bientôt</span></div></div></div>"#,
    );
    assert_eq!(read_text(&el), "Merci Chloé\n\nÀ bientôt");
}

#[wasm_bindgen_test]
fn paragraph_editors_quill_prosemirror_lexical() {
    // Quill and ProseMirror keep an empty paragraph open with a <br>
    let quill = element(
        "div",
        &[("contenteditable", "true"), ("class", "ql-editor")],
        "<p>Bonjour</p><p><br></p><p>Merci</p>",
    );
    assert_eq!(read_text(&quill), "Bonjour\n\nMerci");
    let pm = element(
        "div",
        &[("contenteditable", "true"), ("class", "tiptap ProseMirror")],
        r#"<p>Salut</p><p><br class="ProseMirror-trailingBreak"></p>"#,
    );
    assert_eq!(read_text(&pm), "Salut\n");
    let lexical = element(
        "div",
        &[("contenteditable", "true"), ("data-lexical-editor", "true")],
        r#"<p dir="ltr"><span data-lexical-text="true">Hé </span><strong data-lexical-text="true">toi</strong></p>"#,
    );
    assert_eq!(read_text(&lexical), "Hé toi");
    // Lexical's plain-text mode: one paragraph, <br> per line break, an extra <br> after a last
    // empty line
    let plain = element(
        "div",
        &[("contenteditable", "true"), ("data-lexical-editor", "true")],
        r#"<p><span data-lexical-text="true">Allô</span><br><span data-lexical-text="true">ça va ?</span><br><br></p>"#,
    );
    assert_eq!(read_text(&plain), "Allô\nça va ?\n");
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

/// Placeholders and decorations drawn inside the editable element are not text of the post: an
/// empty composer reads empty, whatever the editor draws in it.
#[wasm_bindgen_test]
fn placeholders_and_decorations_are_not_read() {
    let cases: &[(&str, Attrs, &str, &str)] = &[
        (
            "TipTap placeholder extension on an empty paragraph",
            &[CE, ("class", "tiptap ProseMirror")],
            r#"<p data-placeholder="Quoi de neuf ?" class="is-empty is-editor-empty"><br class="ProseMirror-trailingBreak"></p>"#,
            "",
        ),
        (
            "ProseMirror widget decoration (hint text)",
            &[CE, ("class", "ProseMirror")],
            r#"<p><span class="ProseMirror-widget" contenteditable="false">Astuce : mentionnez @quelqu’un</span><br class="ProseMirror-trailingBreak"></p>"#,
            "",
        ),
        (
            "ProseMirror atom node (a mention) is posted",
            &[CE, ("class", "ProseMirror")],
            r#"<p>Merci <span class="mention" contenteditable="false">@chloe.bsky.social</span> !</p>"#,
            "Merci @chloe.bsky.social !",
        ),
        (
            "Quill's empty editor (placeholder in CSS)",
            &[
                CE,
                ("class", "ql-editor ql-blank"),
                ("data-placeholder", "Partagez vos idées"),
            ],
            "<p><br></p>",
            "",
        ),
        (
            "Quill list markers",
            &[CE, ("class", "ql-editor")],
            r#"<ol><li data-list="bullet"><span class="ql-ui" contenteditable="false"></span>Un</li><li data-list="bullet"><span class="ql-ui" contenteditable="false"></span>Deux 🇫🇷</li></ol>"#,
            "Un\nDeux 🇫🇷",
        ),
        (
            "Lexical decorator node",
            &[CE, ("data-lexical-editor", "true")],
            r#"<p><span data-lexical-text="true">Salut </span><span contenteditable="false" data-lexical-decorator="true">GIF</span></p>"#,
            "Salut ",
        ),
        (
            "a page's non-editable placeholder span",
            &[CE],
            r#"<span contenteditable="false">Écrivez un commentaire…</span>"#,
            "",
        ),
        (
            "an aria-hidden decoration",
            &[CE, ("role", "textbox")],
            r#"<div aria-hidden="true">Répondre à Marie-Ève</div><div><br></div>"#,
            "",
        ),
        (
            "a placeholder element by class, with typed text after it",
            &[CE],
            r#"<span class="editor-placeholder">Votre réponse</span>Bonjour à tous"#,
            "Bonjour à tous",
        ),
        (
            "Draft.js with a decoration in a block",
            &[CE, ("class", "public-DraftEditor-content")],
            r#"<div data-contents="true"><div data-block="true"><span data-text="true">Québec </span><span aria-hidden="true">⟶ lien</span></div></div>"#,
            "Québec ",
        ),
    ];
    for (what, attrs, markup, want) in cases {
        let el = element("div", attrs, markup);
        assert_eq!(&read_text(&el), want, "{what}");
    }
}

#[wasm_bindgen_test]
fn technology_is_detected_from_the_dom_with_the_site_data_as_a_hint() {
    use porte_voix::sites::EditorKind;
    let cases: &[(&str, Attrs, Option<EditorKind>, &str)] = &[
        ("textarea", &[], None, "text-field"),
        (
            "div",
            &[CE, ("class", "notranslate public-DraftEditor-content")],
            None,
            "draft-js",
        ),
        (
            "div",
            &[CE, ("data-lexical-editor", "true")],
            None,
            "lexical",
        ),
        (
            "div",
            &[CE, ("class", "tiptap ProseMirror")],
            None,
            "prosemirror",
        ),
        ("div", &[CE, ("class", "ql-editor ql-blank")], None, "quill"),
        (
            "div",
            &[CE, ("data-slate-editor", "true")],
            None,
            "unknown-rich",
        ),
        (
            "div",
            &[CE, ("class", "ck ck-editor__editable")],
            None,
            "unknown-rich",
        ),
        ("div", &[CE], None, "contenteditable"),
        (
            "div",
            &[CE],
            Some(EditorKind::ContentEditable),
            "contenteditable",
        ),
        // the DOM decides over the site data
        (
            "div",
            &[CE, ("class", "ql-editor")],
            Some(EditorKind::Lexical),
            "quill",
        ),
        ("textarea", &[], Some(EditorKind::DraftJs), "text-field"),
        // the site expects a rich editor, the DOM shows none we know: read it as an unknown one
        (
            "div",
            &[CE, ("role", "textbox")],
            Some(EditorKind::Lexical),
            "unknown-rich",
        ),
    ];
    for (tag, attrs, hint, want) in cases {
        let el = element(tag, attrs, "");
        assert_eq!(
            editors::detect(&el, *hint).id(),
            *want,
            "{tag} {attrs:?} hint {hint:?}"
        );
    }
    // an element inside a Draft.js root whose editable carries no class of its own
    let root = element("div", &[("class", "DraftEditor-root")], "");
    let inner = document().create_element("div").unwrap();
    inner.set_attribute("contenteditable", "true").unwrap();
    root.append_child(&inner).unwrap();
    assert_eq!(editors::detect(&inner, None).id(), "draft-js");
}

#[wasm_bindgen_test]
fn the_editing_host_is_the_outermost_editable_or_the_text_field() {
    let outer = composer("div", "<p><strong>gras</strong></p>");
    let strong = outer.query_selector("strong").unwrap().unwrap();
    assert_eq!(editors::editing_host(&strong), Some(outer.clone()));
    let button = element("button", &[], "Publier");
    assert_eq!(editors::editing_host(&button), None);
    let search = element("input", &[("type", "search")], "");
    assert_eq!(editors::editing_host(&search), Some(search.clone()));
    let checkbox = element("input", &[("type", "checkbox")], "");
    assert_eq!(editors::editing_host(&checkbox), None);
}

/// What was measured on the libraries, kept by each technology's insertion order: never a plain
/// `execCommand` where it loses paragraphs (Draft.js, Lexical), a DOM Range only where no editor
/// owns the DOM, and a technique with no default action first where the editor is unknown.
#[wasm_bindgen_test]
fn insertion_orders_keep_the_measured_constraints() {
    let all: Vec<&dyn editors::Editor> = TECHNOLOGIES
        .iter()
        .copied()
        .chain([
            &editors::UnknownRich as &dyn editors::Editor,
            &editors::contenteditable::Bare,
        ])
        .collect();
    for e in &all {
        let order = e.insertion_order();
        assert!(!order.is_empty(), "{}", e.id());
        let mut sorted = order.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), order.len(), "{} repeats a technique", e.id());
        if order.contains(&Technique::RangeInsertion) {
            assert_eq!(e.id(), "contenteditable");
        }
    }
    for id in ["draft-js", "lexical"] {
        let e = all.iter().find(|e| e.id() == id).unwrap();
        assert!(
            !e.insertion_order().contains(&Technique::ExecCommand),
            "{id}"
        );
        assert_eq!(e.insertion_order()[0], Technique::SyntheticPaste, "{id}");
    }
    for id in ["unknown-rich", "contenteditable"] {
        let e = all.iter().find(|e| e.id() == id).unwrap();
        assert_eq!(e.insertion_order()[0], Technique::SyntheticPaste, "{id}");
    }
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
    let text = editors::detect(&el, None).read(&el);
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
    let ta: web_sys::HtmlTextAreaElement = document()
        .create_element("textarea")
        .unwrap()
        .dyn_into()
        .unwrap();
    ta.set_value("abc");
    assert_eq!(
        editors::detect(&ta, None)
            .read(&ta)
            .dom_position(1)
            .map(|_| ()),
        None
    );
}

/// Stands in for `chrome.i18n` (the test page is not an extension page): a message is its key.
fn install_chrome_i18n() {
    let i18n = js_sys::Object::new();
    let get = js_sys::Function::new_with_args("key", "return key");
    let lang = js_sys::Function::new_no_args("return 'fr'");
    js_sys::Reflect::set(&i18n, &"getMessage".into(), &get).unwrap();
    js_sys::Reflect::set(&i18n, &"getUILanguage".into(), &lang).unwrap();
    let chrome = js_sys::Object::new();
    js_sys::Reflect::set(&chrome, &"i18n".into(), &i18n).unwrap();
    js_sys::Reflect::set(&js_sys::global(), &"chrome".into(), &chrome).unwrap();
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// A feature that, from inside its update, moves the focus and dispatches `focusin` and `input`
/// synchronously (as inserting a template will), and records what it was given.
struct Reentrant {
    other: web_sys::HtmlTextAreaElement,
    field: web_sys::HtmlTextAreaElement,
    dispatches_left: Cell<u32>,
    seen: RefCell<Vec<(String, u32)>>,
}

impl Feature for Reentrant {
    fn update(&self, snapshot: &Snapshot) -> Result<(), JsValue> {
        let c = snapshot.composer.as_ref().ok_or("no composer")?;
        self.seen
            .borrow_mut()
            .push((c.text.text.clone(), c.report.length));
        let left = self.dispatches_left.get();
        if left > 0 {
            self.dispatches_left.set(left - 1);
            self.other.focus()?;
            self.field.focus()?;
            self.field
                .dispatch_event(&web_sys::Event::new("focusin")?)?;
            self.field.dispatch_event(&web_sys::Event::new("input")?)?;
        }
        Ok(())
    }
    fn leave(&self) -> Result<(), JsValue> {
        Ok(())
    }
}

/// Always fails: logged, and the features after it still run.
struct Failing(Rc<Cell<u32>>);

impl Feature for Failing {
    fn update(&self, _: &Snapshot) -> Result<(), JsValue> {
        self.0.set(self.0.get() + 1);
        Err(JsValue::from_str("échec voulu"))
    }
    fn leave(&self) -> Result<(), JsValue> {
        Err(JsValue::from_str("échec voulu"))
    }
}

/// The session survives events dispatched from inside a feature (no borrow is held while
/// features run; a re-entrant refresh runs after, not nested) and a failing feature; it keeps
/// counting. Under the former design, the `focusin` borrowed the state mutably while it was
/// borrowed, which panics (and aborts the content script).
#[wasm_bindgen_test]
async fn the_session_survives_re_entrant_events_and_failing_features() {
    install_chrome_i18n();
    let field: web_sys::HtmlTextAreaElement = element("textarea", &[], "").dyn_into().unwrap();
    let other: web_sys::HtmlTextAreaElement = element("textarea", &[], "").dyn_into().unwrap();
    let failures = Rc::new(Cell::new(0));
    content::add(
        "failing",
        Scope::EVERYWHERE,
        Rc::new(Failing(failures.clone())),
    );
    let probe = Rc::new(Reentrant {
        other: other.clone(),
        field: field.clone(),
        dispatches_left: Cell::new(3),
        seen: RefCell::new(Vec::new()),
    });
    content::add("reentrant", Scope::EVERYWHERE, probe.clone());
    content::start(
        content::Env {
            engine: "wasm".into(),
            lang: porte_voix::locale::Lang::Fr,
            site: porte_voix::sites::site_for_host("mastodon.social"),
        },
        &porte_voix::settings::Settings::default(),
    )
    .unwrap();

    let last = |p: &Reentrant| p.seen.borrow().last().cloned();
    // Mastodon counts graphemes (no links here)
    let counted = |s: &str| {
        use unicode_segmentation::UnicodeSegmentation;
        (s.to_string(), s.graphemes(true).count() as u32)
    };
    async fn until(what: &str, ok: impl Fn() -> bool) {
        for _ in 0..100 {
            if ok() {
                return;
            }
            sleep(20).await;
        }
        panic!("timed out: {what}");
    }

    field.set_value("Allô 👋");
    field.focus().unwrap();
    field
        .dispatch_event(&web_sys::Event::new("focusin").unwrap())
        .unwrap();
    until("the first count", || {
        last(&probe) == Some(counted("Allô 👋"))
    })
    .await;
    assert_eq!(
        probe.dispatches_left.get(),
        0,
        "the feature re-entered: {:?}",
        probe.seen.borrow()
    );
    assert!(failures.get() > 0, "the failing feature ran");

    // and it keeps counting after: typing in the field
    let typed = "Allô 👋 Encore une ligne\nÀ bientôt 🇨🇦";
    field.set_value(typed);
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    until("the count after typing", || {
        last(&probe) == Some(counted(typed))
    })
    .await;
    // the registered features still run too: the badge is shown
    let badge = document()
        .query_selector("porte-voix-badge")
        .unwrap()
        .expect("the badge host is in the page");
    assert!(badge.has_attribute("data-visible"));
    assert_eq!(badge.get_attribute("data-engine").as_deref(), Some("wasm"));
    // the focus moves elsewhere: the probe keeps following the focused composer
    other.set_value("Autre");
    other.focus().unwrap();
    other
        .dispatch_event(&web_sys::Event::new("focusin").unwrap())
        .unwrap();
    until("the other field", || last(&probe) == Some(counted("Autre"))).await;
}

/// A panic in its own task (as in one of the content script's event handlers) reaches the hook
/// the loader installs, with its message: the loader then shows its notice instead of failing
/// silently. The only test here that panics on purpose: after a panic the instance keeps `std`'s
/// panic count raised, so a later panic in this instance would abort without reaching a hook.
#[wasm_bindgen_test]
fn selection_points_map_to_offsets_in_the_text() {
    // Quill-like: one <p> per line, <p><br></p> for a blank one
    let el = element(
        "div",
        &[CE, ("class", "ql-editor")],
        "<p>Allo Zoë 👋🏽</p><p><br></p><p>À bientôt</p>",
    );
    let editor = editors::detect(&el, None);
    let text = editor.read(&el);
    assert_eq!(text.text, "Allo Zoë 👋🏽\n\nÀ bientôt");
    let first = el.first_element_child().unwrap().first_child().unwrap();
    let last = el.last_element_child().unwrap().first_child().unwrap();
    // inside text nodes: exact (UTF-16)
    assert_eq!(text.offset_of(&first, 0), 0);
    assert_eq!(text.offset_of(&first, 5), 5);
    assert_eq!(text.offset_of(&first, 9), 9);
    assert_eq!(text.offset_of(&first, 13), 13);
    assert_eq!(text.offset_of(&last, 2), 17);
    // on an element: the next text node's start (the blank line's own offset is one less, which
    // whitespace-insensitive judging ignores); past everything: the end
    let blank = el.child_nodes().item(1).unwrap();
    assert_eq!(text.offset_of(&blank, 0), 15);
    assert_eq!(text.offset_of(&el, 3), 24);
    el.remove();
}

#[wasm_bindgen_test]
fn set_range_text_replaces_the_selection_and_tells_the_page() {
    let ta: web_sys::HtmlTextAreaElement = document()
        .create_element("textarea")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&ta).unwrap();
    ta.set_value("Salut XXX !");
    ta.set_selection_range(6, 9).unwrap();
    let inputs = Rc::new(Cell::new(0));
    let seen = inputs.clone();
    let on_input =
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || seen.set(seen.get() + 1));
    ta.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref())
        .unwrap();
    let applied =
        editors::insert::apply(Technique::SetRangeText, &document(), &ta, "Zoë 🇨🇦", false).unwrap();
    assert!(applied);
    assert_eq!(ta.value(), "Salut Zoë 🇨🇦 !");
    assert_eq!(
        editors::insert::field_state(&ta).map(|s| (s.1, s.2)),
        Some((14, 14))
    );
    assert_eq!(inputs.get(), 1);
    ta.remove();
}

#[wasm_bindgen_test]
fn range_insertion_puts_lines_in_a_bare_editable_at_the_caret() {
    let el = composer("div", "Avant après");
    let html: web_sys::HtmlElement = el.clone().dyn_into().unwrap();
    html.focus().unwrap();
    let selection = document().get_selection().unwrap().unwrap();
    let range = document().create_range().unwrap();
    range.set_start(&el.first_child().unwrap(), 6).unwrap();
    range.collapse_with_to_start(true);
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range).unwrap();
    let bare = editors::detect(&el, None);
    assert_eq!(bare.id(), "contenteditable");
    // the single-line execCommand refuses several lines and an empty editor
    for (text, empty) in [("deux\nlignes", false), ("une", true)] {
        let applied = editors::insert::apply(
            Technique::ExecCommandSingleLine,
            &document(),
            &el,
            text,
            empty,
        )
        .unwrap();
        assert!(!applied, "{text}");
    }
    editors::insert::apply(
        Technique::RangeInsertion,
        &document(),
        &el,
        "Bonjour,\nmerci 🙏 ",
        false,
    )
    .unwrap();
    assert_eq!(bare.read(&el).text, "Avant Bonjour,\nmerci 🙏 après");
    // the caret is after the text
    let at = document()
        .get_selection()
        .unwrap()
        .unwrap()
        .get_range_at(0)
        .unwrap();
    let read = bare.read(&el);
    let offset = read.offset_of(&at.start_container().unwrap(), at.start_offset().unwrap());
    assert_eq!(
        offset,
        "Avant Bonjour,\nmerci 🙏 ".encode_utf16().count() as u32
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn zz_a_panic_reaches_the_loaders_hook_with_its_message() {
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
    sleep(200).await;
    let seen = seen.borrow();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert!(seen[0].contains("épreuve de panique"), "{seen:?}");
}

#[wasm_bindgen_test]
fn pixel_lengths_are_valid_css_within_a_hundredth_of_a_pixel() {
    use porte_voix::web::dom::geometry::px;
    let cases = [
        (0.0, "0.00px"),
        (12.5, "12.50px"),
        (-0.25, "-0.25px"),
        (-12.345_6, "-12.35px"),
        (1_080.0, "1080.00px"),
        (333.333_333_3, "333.33px"),
        (0.004, "0.00px"),
        (-0.004, "0.00px"),
        (1e-7, "0.00px"),
        (f64::NAN, "0.00px"),
    ];
    let el = element("div", &[], "");
    let style = el.dyn_ref::<web_sys::HtmlElement>().unwrap().style();
    for (v, want) in cases {
        assert_eq!(px(v), want, "{v}");
        style.remove_property("left").unwrap();
        style.set_property("left", &px(v)).unwrap();
        let got = style.get_property_value("left").unwrap();
        let back: f64 = got.trim_end_matches("px").parse().unwrap();
        let expected = if v.is_nan() { 0.0 } else { v };
        assert!((back - expected).abs() <= 0.005, "{v}: {got}");
    }
    el.remove();
}
