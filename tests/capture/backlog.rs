//! The backlog model: an item's life from idea to archive, refused moves with their codes,
//! one item per article, and the calendar's month and week.

use porte_voix::backlog::calendar::{month, month_grid, week};
use porte_voix::backlog::{
    Backlog, BacklogError, CaptureInput, CaptureOutcome, Date, Item, Planned, State, Time,
};
use porte_voix::capture::{Capture, Quote};
use porte_voix::error::Coded;
use porte_voix::platform::Platform;

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::new(y, m, day).unwrap()
}

fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> Planned {
    Planned::at(d(y, m, day), Time::new(h, min).unwrap())
}

fn page(canonical: &str, title: &str) -> Capture {
    Capture {
        url: canonical.into(),
        canonical: canonical.into(),
        title: Some(title.into()),
        ..Default::default()
    }
}

#[test]
fn the_states_allowed_from_each_state() {
    use State::*;
    // (from, every state it may move to besides itself)
    let expected: &[(State, &[State])] = &[
        (Idea, &[Draft, Archived]),
        (Draft, &[Idea, Scheduled, Archived]),
        (Scheduled, &[Draft, Published, Archived]),
        (Published, &[Archived]),
        (Archived, &[Idea, Draft]),
    ];
    for (from, allowed) in expected {
        for to in State::ALL {
            let want = from == to || allowed.contains(to);
            assert_eq!(from.can_move_to(*to), want, "{from:?} → {to:?}");
        }
    }
}

#[test]
fn an_item_from_idea_to_archive() {
    let mut b = Backlog::default();
    b.insert(Item::idea("a", "Calendrier de l'Avent", 1))
        .unwrap();
    b.set_state("a", State::Draft, 2).unwrap();
    assert_eq!(
        b.set_state("a", State::Scheduled, 3),
        Err(BacklogError::ScheduleNeedsTime)
    );
    b.plan("a", Planned::parse("2026-12-01"), 3).unwrap();
    assert_eq!(
        b.set_state("a", State::Scheduled, 3).unwrap_err().code(),
        "backlog.schedule_needs_time"
    );
    b.plan("a", Some(at(2026, 12, 1, 9, 30)), 4).unwrap();
    b.set_state("a", State::Scheduled, 5).unwrap();
    assert_eq!(
        b.plan("a", Planned::parse("2026-12-02"), 6),
        Err(BacklogError::ScheduleNeedsTime),
        "a scheduled item keeps its time"
    );
    b.set_state("a", State::Published, 7).unwrap();
    let e = b.set_state("a", State::Draft, 8).unwrap_err();
    assert_eq!(e.code(), "backlog.transition_not_allowed");
    assert_eq!(
        e,
        BacklogError::TransitionNotAllowed {
            from: "published",
            to: "draft"
        }
    );
    b.set_state("a", State::Archived, 9).unwrap();
    let item = b.get("a").unwrap();
    assert_eq!(item.state, State::Archived);
    assert_eq!(item.updated_ms, 9);
    assert_eq!(item.created_ms, 1);
    assert_eq!(
        b.set_state("zz", State::Draft, 1).unwrap_err().code(),
        "backlog.unknown_item"
    );
    assert_eq!(
        b.insert(Item::idea("a", "x", 1)).unwrap_err().code(),
        "backlog.duplicate_id"
    );
}

#[test]
fn capturing_the_same_article_twice_merges_and_says_so() {
    let mut b = Backlog::default();
    let first = page(
        "https://www.lequotidien.example/cop31",
        "COP31 : un accord a minima",
    );
    let input = CaptureInput {
        tags: vec!["climat".into(), "#COP31".into()],
        note: "Pour jeudi".into(),
        networks: vec![Platform::Linkedin],
    };
    assert_eq!(
        b.capture(&first, &input, "id-1", 10).unwrap(),
        CaptureOutcome::Created { id: "id-1".into() }
    );
    let item = b.get("id-1").unwrap();
    assert_eq!(item.state, State::Idea);
    assert_eq!(item.title, "COP31 : un accord a minima");
    assert_eq!(item.tags, vec!["climat", "COP31"]);

    // the same page reached through a tracked link, with a selection and more metadata
    let mut again = page(
        "https://WWW.lequotidien.example/cop31?utm_source=twitter#:~:text=x",
        "autre",
    );
    again.author = Some("Camille Martin".into());
    again.quote = Some(Quote {
        text: "« Une étape »".into(),
        source: "https://www.lequotidien.example/cop31".into(),
    });
    let input2 = CaptureInput {
        tags: vec!["Climat".into(), "énergie".into()],
        note: "Citer la présidence".into(),
        networks: vec![Platform::Linkedin, Platform::Bluesky],
    };
    match b.capture(&again, &input2, "id-2", 20).unwrap() {
        CaptureOutcome::Merged { id, report } => {
            assert_eq!(id, "id-1");
            assert_eq!(report.tags_added, 1);
            assert_eq!(report.networks_added, 1);
            assert!(report.note_added && report.quote_added);
            assert_eq!(report.fields_filled, vec!["author"]);
        }
        other => panic!("expected a merge, got {other:?}"),
    }
    assert_eq!(b.items.len(), 1);
    let item = b.get("id-1").unwrap();
    assert_eq!(
        item.title, "COP31 : un accord a minima",
        "the first title stays"
    );
    assert_eq!(item.tags, vec!["climat", "COP31", "énergie"]);
    assert_eq!(item.networks, vec![Platform::Linkedin, Platform::Bluesky]);
    assert_eq!(item.note, "Pour jeudi\n\nCiter la présidence");
    assert_eq!(item.quotes.len(), 1);
    assert_eq!(item.updated_ms, 20);
    assert!(b
        .find_page("https://www.lequotidien.example/cop31?fbclid=1")
        .is_some());
    assert!(b
        .find_page("https://www.lequotidien.example/cop32")
        .is_none());

    // a different article is a new item
    b.capture(
        &page("https://www.lequotidien.example/cop32", "COP32"),
        &CaptureInput::default(),
        "id-3",
        30,
    )
    .unwrap();
    assert_eq!(b.items.len(), 2);
}

#[test]
fn per_network_drafts() {
    let mut item = Item::idea("a", "t", 0);
    item.set_draft(Platform::X, "Court 🎉");
    item.set_draft(Platform::Linkedin, "Plus long, avec des détails.");
    item.set_draft(Platform::X, "Plus court");
    assert_eq!(item.draft(Platform::X), Some("Plus court"));
    assert_eq!(item.networks, vec![Platform::X, Platform::Linkedin]);
    item.set_draft(Platform::X, "");
    assert_eq!(item.draft(Platform::X), None);
}

fn planned_backlog() -> Backlog {
    let mut b = Backlog::default();
    let plans = [
        ("nov-30", Some(at(2026, 11, 30, 18, 0))),
        ("dec-01-b", Some(at(2026, 12, 1, 9, 30))),
        ("dec-01-a", Some(at(2026, 12, 1, 8, 0))),
        ("dec-01-allday", Planned::parse("2026-12-01")),
        ("dec-06", Some(at(2026, 12, 6, 23, 59))),
        ("dec-31", Some(at(2026, 12, 31, 12, 0))),
        ("jan-01", Some(at(2027, 1, 1, 0, 0))),
        ("unplanned", None),
        ("archived", Some(at(2026, 12, 2, 10, 0))),
    ];
    for (i, (id, p)) in plans.iter().enumerate() {
        let mut item = Item::idea(*id, format!("Post {i}"), 0);
        item.planned = *p;
        if *id == "archived" {
            item.state = State::Archived;
        }
        b.insert(item).unwrap();
    }
    b
}

fn ids(items: Vec<&Item>) -> Vec<&str> {
    items.into_iter().map(|i| i.id.as_str()).collect()
}

#[test]
fn calendar_month_and_week() {
    let b = planned_backlog();
    assert_eq!(
        ids(month(&b.items, 2026, 12)),
        vec!["dec-01-allday", "dec-01-a", "dec-01-b", "dec-06", "dec-31"]
    );
    assert_eq!(ids(month(&b.items, 2026, 11)), vec!["nov-30"]);
    assert_eq!(ids(month(&b.items, 2027, 1)), vec!["jan-01"]);
    assert!(month(&b.items, 2026, 13).is_empty());
    // the week of Wednesday 2 December 2026 runs from Monday 30 November to Sunday 6 December
    assert_eq!(
        ids(week(&b.items, d(2026, 12, 2))),
        vec!["nov-30", "dec-01-allday", "dec-01-a", "dec-01-b", "dec-06"]
    );
    assert_eq!(
        ids(week(&b.items, d(2026, 12, 31))),
        vec!["dec-31", "jan-01"]
    );
}

#[test]
fn the_month_grid_is_whole_weeks_from_monday() {
    let grid = month_grid(2026, 12);
    assert_eq!(grid.first(), Some(&d(2026, 11, 30)));
    assert_eq!(grid.last(), Some(&d(2027, 1, 3)));
    assert_eq!(grid.len(), 35);
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks
    let feb = month_grid(2027, 2);
    assert_eq!(feb.len(), 28);
    assert_eq!(feb[0], d(2027, 2, 1));
}

#[test]
fn moving_on_the_calendar_keeps_the_time() {
    let mut b = planned_backlog();
    b.move_to_day("dec-01-b", d(2026, 12, 24), 5).unwrap();
    assert_eq!(
        b.get("dec-01-b").unwrap().planned,
        Some(at(2026, 12, 24, 9, 30))
    );
    b.shift_days("dec-01-b", 7, 6).unwrap();
    assert_eq!(
        b.get("dec-01-b").unwrap().planned,
        Some(at(2026, 12, 31, 9, 30))
    );
    b.shift_days("dec-01-b", 1, 7).unwrap();
    assert_eq!(
        b.get("dec-01-b").unwrap().planned,
        Some(at(2027, 1, 1, 9, 30))
    );
    b.shift_days("dec-01-b", -32, 8).unwrap();
    assert_eq!(
        b.get("dec-01-b").unwrap().planned,
        Some(at(2026, 11, 30, 9, 30))
    );
    b.shift_days("unplanned", 1, 9).unwrap();
    assert_eq!(b.get("unplanned").unwrap().planned, None);
    assert_eq!(ids(month(&b.items, 2027, 1)), vec!["jan-01"]);
}

mod search {
    use porte_voix::backlog::search::{fold, search, Query, Sort};
    use porte_voix::backlog::{Date, Item, Planned, State};
    use porte_voix::platform::Platform;

    /// id, title, note, tags, state, planned, updated
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        &'static [&'static str],
        State,
        Option<&'static str>,
        u64,
    );

    fn items() -> Vec<Item> {
        let mut v = Vec::new();
        let rows: [Row; 6] = [
            (
                "a",
                "Été indien à Montréal",
                "",
                &["Québec"],
                State::Idea,
                None,
                5,
            ),
            (
                "b",
                "Soldes d'hiver",
                "Prévoir un visuel",
                &["commerce"],
                State::Draft,
                Some("2027-01-08T09:00"),
                3,
            ),
            (
                "c",
                "Bilan de l'année",
                "",
                &["bilan", "Œuvres"],
                State::Scheduled,
                Some("2026-12-30T18:00"),
                9,
            ),
            (
                "d",
                "COP31",
                "citer les ONG",
                &["climat"],
                State::Published,
                Some("2026-11-25T10:00"),
                1,
            ),
            ("e", "Vieux sujet", "été", &[], State::Archived, None, 7),
            (
                "f",
                "Calendrier de l'Avent",
                "",
                &["décembre"],
                State::Draft,
                Some("2026-12-01"),
                4,
            ),
        ];
        for (id, title, note, tags, state, planned, updated) in rows {
            let mut i = Item::idea(id, title, 0);
            i.note = note.into();
            i.tags = tags.iter().map(|t| t.to_string()).collect();
            i.state = state;
            i.planned = planned.and_then(Planned::parse);
            i.updated_ms = updated;
            i.created_ms = 10 - updated;
            v.push(i);
        }
        v[1].set_draft(Platform::Instagram, "Jusqu'à -50 % 🎉");
        v[2].networks.push(Platform::Linkedin);
        v
    }

    fn ids(items: Vec<&Item>) -> Vec<&str> {
        items.into_iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Été À Œuvre ÇA"), "ete a oeuvre ca");
        assert_eq!(fold("QUÉBEC"), fold("quebec"));
    }

    #[test]
    fn words_accents_and_case() {
        let v = items();
        let q = |text: &str| Query {
            text: text.into(),
            ..Query::default()
        };
        assert_eq!(
            ids(search(&v, &q("ete"))),
            vec!["a"],
            "archived items are not searched by default"
        );
        assert_eq!(ids(search(&v, &q("MONTREAL indien"))), vec!["a"]);
        assert_eq!(
            ids(search(&v, &q("-50 %"))),
            vec!["b"],
            "drafts are searched"
        );
        assert_eq!(
            ids(search(&v, &q("oeuvres"))),
            vec!["c"],
            "tags are searched"
        );
        assert_eq!(ids(search(&v, &q("ong"))), vec!["d"], "notes are searched");
        assert!(search(&v, &q("ete hiver")).is_empty());
        let all = Query {
            states: State::ALL.to_vec(),
            ..q("été")
        };
        assert_eq!(ids(search(&v, &all)), vec!["e", "a"]);
    }

    #[test]
    fn filters_and_sorts() {
        let v = items();
        let by_tag = Query {
            tag: Some("quebec".into()),
            ..Query::default()
        };
        assert_eq!(ids(search(&v, &by_tag)), vec!["a"]);
        let by_net = Query {
            network: Some(Platform::Instagram),
            ..Query::default()
        };
        assert_eq!(ids(search(&v, &by_net)), vec!["b"]);
        let december = Query {
            from: Date::new(2026, 12, 1),
            to: Date::new(2026, 12, 31),
            sort: Sort::Planned,
            ..Query::default()
        };
        assert_eq!(ids(search(&v, &december)), vec!["f", "c"]);
        let drafts = Query {
            states: vec![State::Draft],
            sort: Sort::Title,
            ..Query::default()
        };
        assert_eq!(ids(search(&v, &drafts)), vec!["f", "b"]);
        let planned = Query {
            sort: Sort::Planned,
            ..Query::default()
        };
        assert_eq!(ids(search(&v, &planned)), vec!["d", "f", "c", "b", "a"]);
        assert_eq!(
            ids(search(&v, &Query::default())),
            vec!["c", "a", "f", "b", "d"]
        );
        let created = Query {
            sort: Sort::Created,
            ..Query::default()
        };
        assert_eq!(ids(search(&v, &created)), vec!["d", "b", "f", "a", "c"]);
    }

    #[test]
    fn the_index_follows_changes() {
        use porte_voix::backlog::search::{search_indexed, Index};
        let mut v = items();
        let mut index = Index::build(&v);
        let q = Query {
            text: "visuel carré".into(),
            ..Query::default()
        };
        assert!(search_indexed(&v, &index, &q).is_empty());
        v[5].note = "Un visuel CARRÉ pour Instagram".into();
        assert!(
            search_indexed(&v, &index, &q).is_empty(),
            "not until the index is told"
        );
        index.update(5, &v[5]);
        assert_eq!(ids(search_indexed(&v, &index, &q)), vec!["f"]);
    }

    #[test]
    fn a_query_narrows_the_previous_one_only_when_typing_on() {
        let q = |text: &str| Query {
            text: text.into(),
            ..Query::default()
        };
        // (before, after, narrows)
        let cases = [
            ("", "qué", true),
            ("qué", "québec", true),
            ("que", "Québec", true),
            ("QUÉBEC", "quebec", true),
            ("été", "été indien", true),
            ("indien été", "été indien", true),
            ("bibli", "bibliothèques 📚", true),
            ("québec", "qué", false),
            ("été indien", "été", false),
            ("cafe", "thé", false),
            ("n° 4", "n° 49", true),
        ];
        for (before, after, narrows) in cases {
            assert_eq!(q(after).narrows(&q(before)), narrows, "{before} → {after}");
        }
        let archived = Query {
            states: vec![State::Archived],
            ..q("québec")
        };
        assert!(!archived.narrows(&q("qué")), "another filter");
        let by_title = Query {
            sort: Sort::Title,
            ..q("québec")
        };
        assert!(!by_title.narrows(&q("qué")), "another order");
    }

    #[test]
    fn searching_within_the_last_result_finds_what_a_full_search_finds() {
        use porte_voix::backlog::search::{search_positions, Index};
        let v = items();
        let index = Index::build(&v);
        let steps = ["", "e", "et", "ete", "été i", "été in"];
        for sort in [Sort::Updated, Sort::Planned, Sort::Created, Sort::Title] {
            let mut before: Option<(Query, Vec<usize>)> = None;
            for text in steps {
                let q = Query {
                    text: text.into(),
                    sort,
                    ..Query::default()
                };
                let full = search_positions(&v, &index, &q, None);
                if let Some((bq, found)) = &before {
                    assert!(q.narrows(bq));
                    let within = search_positions(&v, &index, &q, Some(found));
                    assert_eq!(within, full, "{text:?} {sort:?}");
                }
                before = Some((q, full));
            }
        }
    }

    #[test]
    fn the_index_grows_with_the_list() {
        use porte_voix::backlog::search::{search_indexed, Index};
        let all = items();
        let mut v: Vec<Item> = Vec::new();
        let mut index = Index::default();
        let q = Query {
            text: "oeuvres".into(),
            ..Query::default()
        };
        for item in all.iter().cloned() {
            index.push(&item);
            v.push(item);
        }
        assert_eq!(index.len(), all.len());
        assert_eq!(ids(search_indexed(&v, &index, &q)), vec!["c"]);
        assert_eq!(
            search_indexed(&v, &index, &Query::default()),
            search_indexed(&all, &Index::build(&all), &Query::default())
        );
    }

    #[test]
    fn stored_items_of_any_version() {
        use porte_voix::error::Coded;
        // schema 1 written before the field existed: no "schema", most fields absent
        let old = serde_json::json!({"id": "x", "state": "idea", "created_ms": 1, "updated_ms": 2});
        let item = Item::from_stored(&old).unwrap();
        assert_eq!(
            (item.schema, item.title.as_str(), item.tags.len()),
            (1, "", 0)
        );
        let newer = serde_json::json!({"schema": 9, "id": "x", "state": "idea", "created_ms": 1, "updated_ms": 2});
        assert_eq!(
            Item::from_stored(&newer).unwrap_err().code(),
            "backlog.newer_schema"
        );
        let damaged = serde_json::json!({"id": "x", "state": "oublié"});
        assert_eq!(
            Item::from_stored(&damaged).unwrap_err().code(),
            "backlog.damaged_item"
        );
        let stored = serde_json::to_value(&items()[1]).unwrap();
        assert_eq!(stored["schema"], 1);
        assert_eq!(Item::from_stored(&stored).unwrap(), items()[1]);
    }
}
