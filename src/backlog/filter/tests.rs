use super::*;
use crate::backlog::search::{search, search_among, Index, Sort};
use crate::backlog::{Date, Item, Planned, State};
use crate::platform::Platform;
use crate::store::memory::{now_or_never, MemoryStore};
use crate::store::{write, Write};

fn run<F: std::future::Future>(f: F) -> F::Output {
    now_or_never(f).expect("the in-memory store answers at once")
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// A backlog as a CM in Montréal, Lyon or Toronto would keep it: French (France and Québec) and
/// English titles, tags in several spellings (case, accents, emoji), every state, some items
/// planned (with a time, or the day alone), for several networks.
fn backlog() -> Vec<Item> {
    let titles = [
        "Rentrée scolaire : ce qui change",
        "La tempête de verglas à Québec",
        "Festival d'été de Québec : la programmation",
        "Élections municipales à Lyon",
        "Climate report: what it means for cities",
        "Le vélo d'hiver à Montréal 🚲",
        "Café et coworking : notre sélection",
        "Théâtre : la saison 2027",
        "Marché de Noël de Strasbourg 🎄",
        "Back to school: 10 tips",
    ];
    let tags: [&[&str]; 10] = [
        &["rentrée", "École"],
        &["Québec", "météo"],
        &["Été", "Québec", "festival"],
        &["élections"],
        &["climate", "Climat"],
        &["vélo", "hiver", "🚲 vélo"],
        &["café"],
        &["théâtre", "culture"],
        &["noël", "🎄"],
        &["ete", "school"],
    ];
    let mut out = Vec::new();
    for k in 0..60u64 {
        let n = k as usize;
        let mut item = Item::idea(
            format!("page-{k:03}"),
            format!("{} ({k})", titles[n % titles.len()]),
            1_764_000_000_000 + k * 7,
        );
        item.state = State::ALL[n % State::ALL.len()];
        item.tags = tags[n % tags.len()].iter().map(|t| t.to_string()).collect();
        if k % 4 == 1 {
            item.tags.push("ÉTÉ".into());
        }
        item.networks = match k % 3 {
            0 => vec![Platform::X],
            1 => vec![Platform::Bluesky, Platform::Linkedin],
            _ => vec![],
        };
        item.planned = match k % 5 {
            0 => Planned::parse(&format!("2026-12-{:02}T09:30", 1 + k % 28)),
            1 => Planned::parse(&format!("2026-12-{:02}", 1 + k % 28)),
            2 => Planned::parse(&format!("2027-01-{:02}T18:05", 1 + k % 28)),
            _ => None,
        };
        item.note = if k % 6 == 0 {
            "À relire avant lundi".into()
        } else {
            String::new()
        };
        // distinct times: the order of the answer does not depend on where an item sits
        item.updated_ms = 1_764_100_000_000 + (k * 7919) % 1000;
        out.push(item);
    }
    out
}

fn stored(items: &[Item]) -> MemoryStore {
    let store = MemoryStore::new().unwrap();
    for (k, item) in items.iter().enumerate() {
        let w = Write::Put {
            collection: Collection::Backlog,
            id: item.id.clone(),
            expected_revision: None,
            body: serde_json::to_value(item).unwrap(),
        };
        run(write(&store, &format!("r{k}"), &w, 1_000 + k as u64)).unwrap();
    }
    // one deleted: a tombstone is in no answer
    let gone = Write::Delete {
        collection: Collection::Backlog,
        id: items[2].id.clone(),
        expected_revision: Some(1),
    };
    run(write(&store, "gone", &gone, 9_999)).unwrap();
    store
}

fn query(states: &[State], tag: Option<&str>, from: Option<&str>, to: Option<&str>) -> Query {
    Query {
        states: states.to_vec(),
        tag: tag.map(str::to_string),
        from: from.map(date),
        to: to.map(date),
        ..Query::default()
    }
}

#[test]
fn each_filter_reads_its_index_over_the_keys_it_matches() {
    let tags: Vec<String> = [
        "Climat",
        "climate",
        "ete",
        "Été",
        "ÉTÉ",
        "Québec",
        "🎄",
        "🚲 vélo",
        "vélo",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    let only = |keys: &[&str]| keys.iter().map(|k| KeyRange::only(k)).collect::<Vec<_>>();
    let between = |lower: Option<&str>, upper: Option<&str>| {
        vec![KeyRange {
            lower: lower.map(str::to_string),
            upper: upper.map(str::to_string),
            upper_open: true,
        }]
    };
    let cases: Vec<(Query, Vec<IndexRead>)> = vec![
        // the default list (every state but archived) and a network or text alone: no index
        (Query::default(), vec![]),
        (
            Query {
                network: Some(Platform::X),
                text: "québec".into(),
                ..Query::default()
            },
            vec![],
        ),
        (
            query(&[State::Draft], None, None, None),
            vec![IndexRead {
                index: BY_STATE,
                ranges: only(&["draft"]),
            }],
        ),
        // several states: one range each, in key order, each once
        (
            query(
                &[State::Scheduled, State::Idea, State::Scheduled],
                None,
                None,
                None,
            ),
            vec![IndexRead {
                index: BY_STATE,
                ranges: only(&["idea", "scheduled"]),
            }],
        ),
        // a tag as typed, ignoring case and accents: every spelling in use
        (
            query(&[], Some("ete"), None, None),
            vec![IndexRead {
                index: BY_TAG,
                ranges: only(&["ete", "Été", "ÉTÉ"]),
            }],
        ),
        (
            query(&[], Some(" QUEBEC "), None, None),
            vec![IndexRead {
                index: BY_TAG,
                ranges: only(&["Québec"]),
            }],
        ),
        (
            query(&[], Some("🚲 VÉLO"), None, None),
            vec![IndexRead {
                index: BY_TAG,
                ranges: only(&["🚲 vélo"]),
            }],
        ),
        // a tag nobody uses: a read of nothing (the answer is empty without reading a record)
        (
            query(&[], Some("hockey"), None, None),
            vec![IndexRead {
                index: BY_TAG,
                ranges: vec![],
            }],
        ),
        // dates: the day `to` with every time on it
        (
            query(&[], None, Some("2026-12-01"), Some("2026-12-07")),
            vec![IndexRead {
                index: BY_PLANNED,
                ranges: between(Some("2026-12-01"), Some("2026-12-07U")),
            }],
        ),
        (
            query(&[], None, Some("2027-01-01"), None),
            vec![IndexRead {
                index: BY_PLANNED,
                ranges: between(Some("2027-01-01"), None),
            }],
        ),
        (
            query(&[], None, None, Some("2026-12-24")),
            vec![IndexRead {
                index: BY_PLANNED,
                ranges: between(None, Some("2026-12-24U")),
            }],
        ),
        // all three: each is a candidate
        (
            query(
                &[State::Published],
                Some("climat"),
                Some("2026-12-01"),
                Some("2026-12-31"),
            ),
            vec![
                IndexRead {
                    index: BY_STATE,
                    ranges: only(&["published"]),
                },
                IndexRead {
                    index: BY_TAG,
                    ranges: only(&["Climat"]),
                },
                IndexRead {
                    index: BY_PLANNED,
                    ranges: between(Some("2026-12-01"), Some("2026-12-31U")),
                },
            ],
        ),
    ];
    for (q, want) in cases {
        assert_eq!(reads(&q, &tags), want, "{q:?}");
    }
}

#[test]
fn a_planned_range_holds_the_days_it_names_and_no_other() {
    let r = &reads(
        &query(&[], None, Some("2026-12-01"), Some("2026-12-07")),
        &[],
    )[0]
    .ranges[0];
    for inside in [
        "2026-12-01",
        "2026-12-01T00:00",
        "2026-12-07",
        "2026-12-07T23:59",
    ] {
        assert!(r.contains(inside), "{inside}");
    }
    for outside in [
        "2026-11-30T23:59",
        "2026-12-08",
        "2026-12-08T00:00",
        "2027-12-01",
    ] {
        assert!(!r.contains(outside), "{outside}");
    }
    // from after to: nothing
    let r = &reads(
        &query(&[], None, Some("2026-12-08"), Some("2026-12-01")),
        &[],
    )[0]
    .ranges[0];
    assert!(r.is_empty());
}

#[test]
fn the_read_with_the_fewest_entries_is_chosen() {
    assert_eq!(choose(&[]), None);
    assert_eq!(choose(&[12]), Some(0));
    assert_eq!(choose(&[16_667, 5_000, 8_000]), Some(1));
    assert_eq!(choose(&[300, 0, 12]), Some(1));
    assert_eq!(choose(&[40, 12, 12]), Some(1));
}

fn ids<'a>(items: impl IntoIterator<Item = &'a Item>) -> Vec<String> {
    items.into_iter().map(|i| i.id.clone()).collect()
}

#[test]
fn the_answer_through_an_index_is_the_answer_over_the_whole_backlog() {
    let mut items = backlog();
    let store = stored(&items);
    items.remove(2); // deleted
    let states: [&[State]; 4] = [
        &[],
        &[State::Draft],
        &[State::Idea, State::Scheduled],
        &[State::Archived],
    ];
    let tags = [
        None,
        Some("ete"),
        Some("QUÉBEC"),
        Some("vélo"),
        Some("🎄"),
        Some("hockey"),
    ];
    let dates = [
        (None, None),
        (Some("2026-12-01"), Some("2026-12-07")),
        (Some("2027-01-01"), None),
        (None, Some("2026-12-15")),
    ];
    let sorts = [Sort::Updated, Sort::Planned, Sort::Title, Sort::Created];
    let mut indexed = 0;
    for s in states {
        for t in tags {
            for (from, to) in dates {
                for (k, sort) in sorts.iter().enumerate() {
                    let mut q = query(s, t, from, to);
                    q.sort = *sort;
                    q.network = (k == 1).then_some(Platform::Bluesky);
                    q.text = if k == 2 {
                        "québec".into()
                    } else {
                        String::new()
                    };
                    let whole = ids(search(&items, &q));
                    match run(candidates(&store, &q)).unwrap() {
                        None => {
                            assert!(s.is_empty() && t.is_none() && from.is_none() && to.is_none())
                        }
                        Some(records) => {
                            indexed += 1;
                            let read: Vec<Item> = records
                                .iter()
                                .map(|r| Item::from_stored(&r.body).unwrap())
                                .collect();
                            assert!(read.len() <= items.len());
                            assert_eq!(ids(search(&read, &q)), whole, "{q:?}");
                        }
                    }
                }
            }
        }
    }
    assert!(indexed > 300, "{indexed}");
}

#[test]
fn a_filter_reads_only_the_records_its_index_holds() {
    let mut items = backlog();
    let store = stored(&items);
    items.remove(2);
    let folded_has = |i: &Item, t: &str| i.tags.iter().any(|x| fold(x) == fold(t));
    // a tag: exactly the items carrying it, in any spelling
    for tag in ["ete", "Québec", "🎄", "climat"] {
        let read = run(candidates(&store, &query(&[], Some(tag), None, None)))
            .unwrap()
            .unwrap();
        let mut want: Vec<String> = items
            .iter()
            .filter(|i| folded_has(i, tag))
            .map(|i| i.id.clone())
            .collect();
        let mut got: Vec<String> = read.iter().map(|r| r.id.clone()).collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{tag}");
    }
    // a state and a rare tag: the tag's few records, not the state's many
    let q = query(&[State::Draft], Some("🎄"), None, None);
    assert_eq!(run(plan(&store, &q)).unwrap().unwrap().index, BY_TAG);
    let q = query(
        &[State::Draft],
        Some("ete"),
        Some("2026-12-05"),
        Some("2026-12-05"),
    );
    assert_eq!(run(plan(&store, &q)).unwrap().unwrap().index, BY_PLANNED);
    let q = query(&[State::Archived], Some("ete"), None, None);
    assert_eq!(run(plan(&store, &q)).unwrap().unwrap().index, BY_STATE);
    // a deleted item is in no answer, even under its old state
    let drafts = run(candidates(
        &store,
        &query(&[State::Scheduled], None, None, None),
    ))
    .unwrap()
    .unwrap();
    assert!(drafts.iter().all(|r| !r.deleted && r.id != "page-002"));
    assert_eq!(
        drafts.len(),
        items.iter().filter(|i| i.state == State::Scheduled).count()
    );
}

#[test]
fn searching_among_a_superset_in_any_order_gives_the_whole_search() {
    let items = backlog();
    let index = Index::build(&items);
    for sort in [Sort::Updated, Sort::Planned, Sort::Title, Sort::Created] {
        let q = Query {
            states: vec![State::Idea, State::Draft],
            sort,
            ..Query::default()
        };
        let whole = crate::backlog::search::search_positions(&items, &index, &q, None);
        // the ideas and drafts, backwards, with a few others mixed in
        let mut among: Vec<usize> = (0..items.len()).rev().filter(|k| k % 5 < 3).collect();
        among.rotate_left(7);
        assert_eq!(search_among(&items, &index, &q, &among), whole, "{sort:?}");
    }
}

/// The backlog stored as saves leave it: each record's last change is its item's `updated_ms`.
fn stored_as_saved(items: &[Item]) -> MemoryStore {
    let store = MemoryStore::new().unwrap();
    for (k, item) in items.iter().enumerate() {
        let w = Write::Put {
            collection: Collection::Backlog,
            id: item.id.clone(),
            expected_revision: None,
            body: serde_json::to_value(item).unwrap(),
        };
        run(write(&store, &format!("r{k}"), &w, item.updated_ms)).unwrap();
    }
    let gone = Write::Delete {
        collection: Collection::Backlog,
        id: items[2].id.clone(),
        expected_revision: Some(1),
    };
    run(write(&store, "gone", &gone, 1)).unwrap();
    store
}

/// The list's walk over a keyed answer, as the page makes it: every record newest change first
/// (`by_updated` backwards), those the set admits, live ones only.
fn walk(store: &MemoryStore, set: &KeyedSet) -> Vec<String> {
    let mut order = run(store.index_ids(Collection::Backlog, &by_change())).unwrap();
    order.reverse();
    order
        .into_iter()
        .filter(|id| set.admits(id))
        .filter(|id| {
            run(store.get(Collection::Backlog, id))
                .unwrap()
                .is_some_and(|r| !r.deleted)
        })
        .collect()
}

#[test]
fn a_query_the_indexes_answer_is_answered_by_keys_as_the_whole_search_answers_it() {
    let mut items = backlog();
    let store = stored_as_saved(&items);
    items.remove(2); // deleted
    let states: [&[State]; 5] = [
        &[],
        &[State::Draft],
        &[State::Idea, State::Scheduled],
        &[State::Archived],
        &[State::Published, State::Archived],
    ];
    let tags = [
        None,
        Some("ete"),
        Some("QUÉBEC"),
        Some("🚲 VÉLO"),
        Some("🎄"),
        Some("hockey"),
    ];
    let dates = [
        (None, None),
        (Some("2026-12-01"), Some("2026-12-07")),
        (Some("2027-01-01"), None),
        (None, Some("2026-12-15")),
        (Some("2026-12-10"), Some("2026-12-01")),
    ];
    let mut answered = 0;
    let mut nonempty = 0;
    for s in states {
        for t in tags {
            for (from, to) in dates {
                let q = query(s, t, from, to);
                let whole = ids(search(&items, &q));
                let set = run(keyed(&store, &q)).unwrap().expect("answered by keys");
                assert_eq!(set.count, whole.len(), "{q:?}");
                assert_eq!(walk(&store, &set), whole, "{q:?}");
                // the default list reads no set of ids, only the archived ones
                assert_eq!(
                    set.only.is_none(),
                    s.is_empty() && t.is_none() && from.is_none() && to.is_none()
                );
                answered += 1;
                nonempty += usize::from(!whole.is_empty());
            }
        }
    }
    assert_eq!(answered, 150);
    assert!(nonempty > 40, "{nonempty}");
}

#[test]
fn a_query_with_text_a_network_or_another_sort_is_not_answered_by_keys() {
    let items = backlog();
    let store = stored_as_saved(&items);
    let with = |f: &dyn Fn(&mut Query)| {
        let mut q = query(&[State::Draft], Some("ete"), None, None);
        f(&mut q);
        q
    };
    let cases = [
        with(&|q| q.text = "québec".into()),
        with(&|q| q.network = Some(Platform::X)),
        with(&|q| q.sort = Sort::Planned),
        with(&|q| q.sort = Sort::Title),
        with(&|q| q.sort = Sort::Created),
    ];
    for q in cases {
        assert_eq!(key_reads(&q, &[]), None, "{q:?}");
        assert_eq!(run(keyed(&store, &q)).unwrap(), None, "{q:?}");
    }
    // blank text is no text
    let q = with(&|q| q.text = "  ".into());
    assert!(run(keyed(&store, &q)).unwrap().is_some());
}
