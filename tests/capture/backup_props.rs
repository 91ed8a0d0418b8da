//! Property: a JSON backup read back is exactly what was written — every item field, and the
//! templates and settings as raw values — whatever the text (accents, emoji, quotes, controls).
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::backlog::{Date, Draft, Item, Planned, State, Time};
use porte_voix::capture::{Capture, Quote};
use porte_voix::platform::Platform;
use porte_voix::transfer::backup::{self, Backup};
use proptest::prelude::*;
use serde_json::Value;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,12}",
        "[éèàçœÉ«» ’…\u{202F}\u{A0}]{0,8}",
        "\\PC{0,16}",
        Just("🎉👩‍💻🇫🇷".to_string()),
        Just("\"quotes\" \\ back\nslash\t\u{0}".to_string()),
    ]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn platform() -> impl Strategy<Value = Platform> {
    (0..Platform::ALL.len()).prop_map(|i| Platform::ALL[i])
}

fn planned() -> impl Strategy<Value = Option<Planned>> {
    prop::option::of(
        (
            1970i32..2100,
            1u32..13,
            1u32..29,
            prop::option::of((0u32..24, 0u32..60)),
        )
            .prop_map(|(y, m, d, t)| Planned {
                date: Date::new(y, m, d).unwrap_or(Date {
                    year: 2026,
                    month: 1,
                    day: 1,
                }),
                time: t.and_then(|(h, mi)| Time::new(h, mi)),
            }),
    )
}

fn capture() -> impl Strategy<Value = Option<Capture>> {
    prop::option::of(
        (
            text(),
            text(),
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
        )
            .prop_map(
                |(
                    url,
                    canonical,
                    title,
                    description,
                    image,
                    site_name,
                    author,
                    published,
                    lang,
                )| Capture {
                    url,
                    canonical,
                    title,
                    description,
                    image,
                    site_name,
                    author,
                    published,
                    lang,
                    quote: None,
                },
            ),
    )
}

fn item() -> impl Strategy<Value = Item> {
    (
        (
            text(),
            0usize..5,
            capture(),
            prop::collection::vec((text(), text()), 0..3),
            text(),
            text(),
        ),
        (
            prop::collection::vec(text(), 0..4),
            prop::collection::vec(platform(), 0..4),
            planned(),
            prop::collection::vec((platform(), text()), 0..3),
            any::<u64>(),
            any::<u64>(),
        ),
    )
        .prop_map(
            |((id, st, source, quotes, title, note), (tags, networks, planned, drafts, c, u))| {
                Item {
                    schema: porte_voix::backlog::item::ITEM_SCHEMA,
                    id,
                    state: State::ALL[st],
                    source,
                    quotes: quotes
                        .into_iter()
                        .map(|(text, source)| Quote { text, source })
                        .collect(),
                    title,
                    note,
                    tags,
                    networks,
                    planned,
                    drafts: drafts
                        .into_iter()
                        .map(|(network, text)| Draft { network, text })
                        .collect(),
                    created_ms: c,
                    updated_ms: u,
                }
            },
        )
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e300f64..1e300).prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_backup_round_trip_loses_nothing(
        items in prop::collection::vec(item(), 0..6),
        templates in prop::collection::vec(json(), 0..4),
        settings in json(),
        at in any::<u64>(),
    ) {
        let b = Backup::new(at, settings, templates, items);
        let back = backup::parse(b.to_json().as_bytes()).unwrap();
        prop_assert_eq!(back, b);
    }

    /// Written in parts (a large export, slice by slice), the backup is the same text.
    #[test]
    fn a_backup_written_in_parts_is_the_same_text(
        items in prop::collection::vec(item(), 0..12),
        templates in prop::collection::vec(json(), 0..4),
        settings in json(),
        at in any::<u64>(),
        slice in 1usize..5,
    ) {
        let b = Backup::new(at, settings, templates, items);
        let mut text = b.json_head();
        for (k, part) in b.backlog.chunks(slice).enumerate() {
            text.push_str(&backup::json_items(part, k == 0));
        }
        text.push_str(backup::JSON_TAIL);
        prop_assert_eq!(&text, &b.to_json());
        prop_assert_eq!(backup::parse(text.as_bytes()).unwrap(), b);
    }
}
