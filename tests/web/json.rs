//! The in-page engine reads settings, the background's answers and Mastodon instance documents
//! from the JS values themselves (`web::js_json::JsJson`), with no JSON parser. Each reader gives
//! what it gave through the path it replaced: `JSON.stringify` of the value, read by serde_json.

use porte_voix::json::Json;
use porte_voix::protocol::page::PageAnswer;
use porte_voix::settings::{instance_limit, instance_limit_of, Settings};
use porte_voix::web::js_json::JsJson;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

/// The value a script expression gives (test input only).
fn js(expression: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .unwrap()
}

/// What the replaced path read: the value through `JSON.stringify`, then serde_json.
fn through_text(value: &JsValue) -> serde_json::Value {
    if value.is_undefined() {
        return serde_json::Value::Null;
    }
    let text = js_sys::JSON::stringify(value).unwrap().as_string().unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Checks that `read` gives from each value (a script expression, then the odd values) what
/// `through` gave from its JSON text.
fn same_as_through_text<T: PartialEq + std::fmt::Debug>(
    cases: &[&str],
    read: impl Fn(JsJson) -> T,
    through: impl Fn(serde_json::Value) -> T,
) {
    for expression in cases.iter().chain(ODD) {
        let value = js(expression);
        let want = through(through_text(&value));
        assert_eq!(read(JsJson(value)), want, "{expression}");
    }
}

/// Values as storage, messages and `fetch` give them, with what JSON text cannot say: members
/// that are `undefined`, inherited members, whole numbers written as decimals, numbers too
/// large for a u64, holes in arrays.
const ODD: &[&str] = &[
    "undefined",
    "null",
    "'texte'",
    "42",
    "[]",
    "[1, 'deux']",
    "{}",
    "{a: undefined}",
    "Object.create({x_premium: true, kind: 'ack'})",
];

#[wasm_bindgen_test]
fn settings_read_from_the_js_value_as_through_its_json_text() {
    let cases = [
        r#"{schema: 3, x_premium: true, mastodon_limit: 500, mastodon_instances: ["mastodon.social", "Piaille.FR", " pas un hôte ", 3, null], tone_disabled: ["shouting", "inconnu", "shouting", 7, "blame"], tone_register: "vous", tone_lang: "fr", trigger_key: "Tab", brands: {x: "Café Ste-Foy 🍁", mastodon: "   ", inconnu: "X", bluesky: 7, linkedin: "Épicerie Chloé"}}"#,
        "{xPremium: true, mastodon_limit: 500.0}",
        "{x_premium: 'oui', mastodon_limit: 1.5}",
        "{mastodon_limit: -3}",
        "{mastodon_limit: '500'}",
        "{mastodon_limit: 100001}",
        "{mastodon_limit: 1e21}",
        "{mastodon_limit: 12345678901234567890}",
        "{mastodon_limit: -0}",
        "{mastodon_limit: NaN, x_premium: undefined}",
        "{brands: ['x', 'y'], tone_disabled: 'shouting', mastodon_instances: {a: 1}}",
        "{tone_register: 'tu', tone_lang: 'en', trigger_key: 'Enter', brands: {x: undefined}}",
        "{mastodon_instances: [ , 'mastodon.social']}",
    ];
    same_as_through_text(
        &cases,
        |v| Settings::read(&v),
        |v| Settings::from_stored(&v),
    );
    // the first case reads something: not defaults on both sides
    let full = Settings::read(&JsJson(js(cases[0])));
    assert!(full.x_premium && full.mastodon_limit == Some(500));
    assert_eq!(
        full.brand(porte_voix::platform::Platform::X).as_deref(),
        Some("Café Ste-Foy 🍁")
    );
    assert_eq!(full.tone_disabled, ["shouting", "blame"]);
}

#[wasm_bindgen_test]
fn answers_read_from_the_js_value_as_through_their_json_text() {
    let rendered = r#"{kind: "rendered", id: "t1", text: "Merci Marie-Ève ! 🙏\nÀ bientôt", cursor: 5, fields: ["commande"], choices: [["oui", "non"], []], left_out: [], errors: [], lang: "fr", short: false, length: 31, limit: 280, fits: true}"#;
    let cases = [
        "{kind: 'ack'}",
        "{kind: 'triggers', triggers: [';merci', ';désolé']}",
        "{kind: 'triggers', triggers: []}",
        "{kind: 'triggers', triggers: [';merci', 3]}",
        "{kind: 'triggers'}",
        "{kind: 'error', code: 'template.not_found', message: 'introuvable'}",
        "{kind: 'error'}",
        "{kind: 'autre'}",
        "{kind: 3}",
        rendered,
        r#"{kind: "rendered", id: "t1", text: "", cursor: null, fields: [], choices: [], left_out: ["prénom"], errors: [], lang: "en", short: true, limit: 500, fits: null}"#,
        r#"{kind: "rendered", id: "t1", text: "", cursor: 2.0, fields: [], choices: [], left_out: [], errors: [], lang: "en", short: true, length: undefined, limit: 500}"#,
        r#"{kind: "rendered", id: "t1", text: "", cursor: 2.5, fields: [], choices: [], left_out: [], errors: [], lang: "en", short: true}"#,
        r#"{kind: "rendered", id: "t1", text: "", cursor: "2", fields: [], choices: [], left_out: [], errors: [], lang: "en", short: true}"#,
        r#"{kind: "rendered", id: "t1", text: "", fields: [], choices: [[1]], left_out: [], errors: [], lang: "en", short: true}"#,
        r#"{kind: "rendered", id: "t1", text: "", fields: [], choices: [], left_out: [], errors: [], lang: "en", short: "non"}"#,
        r#"{kind: "rendered", id: "t1", fields: [], choices: [], left_out: [], errors: [], lang: "en", short: true, fits: "oui"}"#,
    ];
    same_as_through_text(&cases, |v| PageAnswer::read_from(&v), PageAnswer::read);
    assert!(matches!(
        PageAnswer::read_from(&JsJson(js(rendered))),
        PageAnswer::Rendered(r) if r.text == "Merci Marie-Ève ! 🙏\nÀ bientôt" && r.cursor == Some(5) && r.fits == Some(true)
    ));
}

#[wasm_bindgen_test]
fn instance_limits_read_from_the_js_value_as_through_their_json_text() {
    let cases = [
        "{configuration: {statuses: {max_characters: 500}}}",
        "{configuration: {statuses: {max_characters: 5000.0, max_media_attachments: 4}}}",
        "{configuration: {statuses: {max_characters: '500'}}}",
        "{configuration: {statuses: {max_characters: 0}}}",
        "{configuration: {statuses: {max_characters: 100001}}}",
        "{configuration: {statuses: []}}",
        "{configuration: null}",
        "{max_toot_chars: 5000}",
    ];
    same_as_through_text(&cases, |v| instance_limit_of(&v), |v| instance_limit(&v));
    assert_eq!(instance_limit_of(&JsJson(js(cases[1]))), Some(5000));
}

#[wasm_bindgen_test]
fn members_are_own_and_defined_and_numbers_whole() {
    let v = JsJson(js("Object.assign(Object.create({hérité: 1}), {a: 1, b: undefined, c: null, d: 2.5, e: [1, , 3]})"));
    assert!(v.get("hérité").is_none());
    assert!(v.get("b").is_none());
    assert!(v.get("c").is_some_and(|c| c.is_null()));
    assert_eq!(v.get("a").and_then(|a| a.as_u64()), Some(1));
    assert_eq!(v.get("d").and_then(|d| d.as_u64()), None);
    let mut keys: Vec<String> = v.members().unwrap().into_iter().map(|(k, _)| k).collect();
    keys.sort();
    assert_eq!(keys, ["a", "c", "d", "e"]);
    let items = v.get("e").and_then(|e| e.items()).unwrap();
    assert_eq!(items.len(), 3);
    assert!(items[1].is_null());
    assert!(!JsJson(js("[1]")).is_object() && JsJson(js("{}")).is_object());
}
