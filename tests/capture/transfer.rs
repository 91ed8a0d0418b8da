//! Exports and imports: golden files from a saved backup (Hootsuite, ICS, generic CSV), the
//! 350-row split, imports of bookmarks, Pocket and generic CSV files with their reports, and
//! hostile or damaged files that end in an error with the backlog untouched.
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::backlog::{Backlog, Item, Planned, State};
use porte_voix::error::Coded;
use porte_voix::platform::Platform;
use porte_voix::transfer::hootsuite::{self, DateOrder};
use porte_voix::transfer::import::{plan_ideas, plan_items, SkipReason};
use porte_voix::transfer::{backup, bookmarks, csv_generic, ics, pocket, TransferError};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/capture/transfer")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

fn saved() -> backup::Backup {
    backup::parse(&std::fs::read(fixture("backup.json")).unwrap()).unwrap()
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("new-{n}")
    }
}

#[test]
fn hootsuite_files_match_the_golden_files() {
    let (files, report) = hootsuite::export(&saved().backlog, DateOrder::DayFirst);
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, vec!["hootsuite-x.csv", "hootsuite-linkedin.csv"]);
    for f in &files {
        assert_eq!(f.csv, read(&f.name), "{}", f.name);
    }
    assert_eq!(report.rows, 4);
    assert!(report.split.is_empty());
    let skipped: Vec<(&str, &str, Option<Platform>)> = report
        .skipped
        .iter()
        .map(|s| (s.id.as_str(), s.reason, s.network))
        .collect();
    assert_eq!(
        skipped,
        vec![
            ("sans-reseau", "no_network", None),
            ("soldes", "no_draft", Some(Platform::Bluesky))
        ]
    );
}

#[test]
fn hootsuite_month_first_dates() {
    let (files, _) = hootsuite::export(&saved().backlog, DateOrder::MonthFirst);
    assert!(
        files[0].csv.starts_with("12/01/2026 09:30,"),
        "{}",
        files[0].csv
    );
    assert!(files[0].csv.contains("\r\n12/24/2026 18:00,"));
}

#[test]
fn hootsuite_splits_at_350_rows_and_says_so() {
    let mut items = Vec::new();
    for k in 0..800u32 {
        let mut i = Item::idea(format!("p{k:03}"), "t", 0);
        i.state = State::Scheduled;
        i.planned = Planned::parse(&format!(
            "2027-01-{:02}T{:02}:{:02}",
            1 + k / 96,
            (k / 4) % 24,
            (k % 4) * 15
        ));
        i.set_draft(Platform::X, &format!("Message n°{k}"));
        items.push(i);
    }
    let (files, report) = hootsuite::export(&items, DateOrder::DayFirst);
    let shape: Vec<(&str, usize)> = files.iter().map(|f| (f.name.as_str(), f.rows)).collect();
    assert_eq!(
        shape,
        vec![
            ("hootsuite-x-1.csv", 350),
            ("hootsuite-x-2.csv", 350),
            ("hootsuite-x-3.csv", 100)
        ]
    );
    assert_eq!(report.split, vec![Platform::X]);
    assert_eq!(report.rows, 800);
    for f in &files {
        assert_eq!(f.csv.matches("\r\n").count(), f.rows);
    }
    // in date order across the files
    assert!(files[0].csv.starts_with("01/01/2027 00:00,Message n°0,"));
    assert!(files[2].csv.ends_with("Message n°799,\r\n"));
}

#[test]
fn ics_matches_the_golden_file() {
    let b = saved();
    assert_eq!(ics::export(&b.backlog, b.exported_ms), read("calendar.ics"));
}

#[test]
fn generic_csv_matches_the_golden_file_and_comes_back_whole() {
    let b = saved();
    let csv = csv_generic::export(&b.backlog);
    assert_eq!(csv, read("generic.csv"));
    let mut next = ids();
    let plan = csv_generic::plan_import(&Backlog::default(), csv.as_bytes(), &mut next, 0).unwrap();
    assert_eq!(plan.report.imported, b.backlog.len());
    assert!(plan.report.skipped.is_empty());
    assert_eq!(plan.new_items, b.backlog);
    // importing it again over itself changes nothing
    let current = Backlog {
        items: b.backlog.clone(),
    };
    let again = csv_generic::plan_import(&current, csv.as_bytes(), &mut next, 0).unwrap();
    assert_eq!(again.report.imported, 0);
    assert_eq!(again.report.merged, 0);
    assert!(again
        .report
        .skipped
        .iter()
        .all(|s| s.reason == SkipReason::AlreadyPresent));
    assert!(again.new_items.is_empty() && again.updated_items.is_empty());
}

#[test]
fn generic_csv_from_a_spreadsheet_with_bad_rows() {
    let csv = "title,url,state,planned,tags\n\
               Idée sans lien,,,,\"veille, #Veille, idées\"\n\
               Mauvais état,https://exemple.fr/a,brouillon,,\n\
               Mauvaise date,https://exemple.fr/b,idea,31/12/2026,\n\
               Programmé sans heure,https://exemple.fr/c,scheduled,2026-12-31,\n\
               ,,,,\n\
               Bon,https://exemple.fr/d?utm_source=x,draft,2026-12-31T10:00,\n";
    let mut next = ids();
    let plan = csv_generic::plan_import(&Backlog::default(), csv.as_bytes(), &mut next, 7).unwrap();
    assert_eq!(plan.report.imported, 2);
    let bad: Vec<(usize, SkipReason)> = plan
        .report
        .skipped
        .iter()
        .map(|s| (s.line, s.reason))
        .collect();
    assert_eq!(
        bad,
        vec![
            (3, SkipReason::BadRow),
            (4, SkipReason::BadRow),
            (5, SkipReason::BadRow)
        ]
    );
    assert_eq!(plan.new_items[0].tags, vec!["veille", "idées"]);
    assert_eq!(plan.new_items[0].id, "new-1");
    assert_eq!(plan.new_items[1].state, State::Draft);
    let e = csv_generic::plan_import(&Backlog::default(), b"nom,adresse\nx,y\n", &mut next, 0)
        .unwrap_err();
    assert_eq!(e.code(), "transfer.missing_column");
}

#[test]
fn bookmarks_import_report() {
    let current = Backlog {
        items: saved().backlog,
    };
    let incoming = bookmarks::parse(read("bookmarks.html").as_bytes()).unwrap();
    assert_eq!(incoming.len(), 7);
    let plan = plan_ideas(&current, incoming, Vec::new(), 99);
    assert_eq!(plan.report.imported, 1);
    assert_eq!(plan.report.merged, 4);
    let skipped: Vec<(usize, SkipReason)> = plan
        .report
        .skipped
        .iter()
        .map(|s| (s.line, s.reason))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (23, SkipReason::NotAWebAddress),
            (24, SkipReason::NotAWebAddress)
        ]
    );
    let new = &plan.new_items[0];
    assert_eq!(
        new.url(),
        Some("https://www.youtube.com/watch?v=Zx3kQ9pL2aB")
    );
    assert_eq!(new.title, "Écrire pour les réseaux");
    assert_eq!(new.state, State::Idea);
    assert_eq!(new.created_ms, 1_764_600_000_000);

    let mut after = current.clone();
    plan.apply(&mut after);
    assert_eq!(after.items.len(), current.items.len() + 1);
    let cop = after.get("cop31").unwrap();
    assert_eq!(cop.tags, vec!["climat", "COP31", "à relire"]);
    assert_eq!(
        cop.title, "COP31 : un accord a minima",
        "a merge keeps the user's title"
    );
    assert_eq!(after.get("avent").unwrap().tags, vec!["décembre", "Veille"]);
    assert_eq!(
        after.get("idee").unwrap().tags,
        vec!["Québec", "hiver", "Veille"]
    );
}

#[test]
fn pocket_import_report() {
    let current = Backlog {
        items: saved().backlog,
    };
    let incoming = pocket::parse(read("pocket.csv").as_bytes()).unwrap();
    let plan = plan_ideas(&current, incoming, Vec::new(), 0);
    assert_eq!((plan.report.imported, plan.report.merged), (2, 1));
    let skipped: Vec<(usize, SkipReason, &str)> = plan
        .report
        .skipped
        .iter()
        .map(|s| (s.line, s.reason, s.detail.as_str()))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (4, SkipReason::NotAWebAddress, ""),
            (5, SkipReason::NotAWebAddress, "chrome://settings")
        ]
    );
    let first = &plan.new_items[0];
    assert_eq!(
        first.url(),
        Some(
            "https://www.ledger.example/city/2026/nov/24/council-votes-bike-lanes?CMP=share_btn_tw"
        )
    );
    assert_eq!(first.tags, vec!["velo", "ville"]);
    assert_eq!(first.created_ms, 1_764_000_000_000);
    assert_eq!(plan.updated_items[0].id, "avent");
    assert!(plan.updated_items[0].tags.contains(&"veille".to_string()));
    let e = pocket::parse(b"title,address\nx,y\n").unwrap_err();
    assert_eq!(e, TransferError::MissingColumn("url"));
}

#[test]
fn a_backup_restores_into_an_existing_backlog() {
    let b = saved();
    let mut current = Backlog {
        items: b.backlog.clone(),
    };
    // the backlog has moved on since the backup for one item, and is behind for another
    current.items[0].note = "plus récent".into();
    current.items[0].updated_ms += 1;
    current.items[1].updated_ms -= 1;
    current.items[1].title = "ancienne version".into();
    // and holds under another id a page the backup has
    let mut same_page = b.backlog[3].clone();
    same_page.id = "autre-id".into();
    current.items.remove(3);
    current.items.push(same_page);
    let mut items: Vec<(usize, Item)> = b.backlog.iter().cloned().enumerate().collect();
    items.push((9, b.backlog[2].clone()));
    let plan = plan_items(&current, items, Vec::new(), 5);
    let skipped: Vec<(usize, SkipReason)> = plan
        .report
        .skipped
        .iter()
        .map(|s| (s.line, s.reason))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (0, SkipReason::OlderThanCurrent),
            (2, SkipReason::AlreadyPresent),
            (4, SkipReason::AlreadyPresent),
            (9, SkipReason::DuplicateInFile)
        ]
    );
    assert_eq!(
        plan.report.merged, 2,
        "the newer avent, and the page under another id"
    );
    assert_eq!(plan.report.imported, 0);
    let mut after = current.clone();
    plan.apply(&mut after);
    assert_eq!(after.get("avent").unwrap().title, "Calendrier de l'Avent");
    assert_eq!(after.get("cop31").unwrap().note, "plus récent");
    assert_eq!(after.items.len(), current.items.len());
}

#[test]
fn the_backup_keeps_templates_and_settings_untouched() {
    let b = saved();
    assert_eq!(b.templates[0]["body"], "Merci {prénom} !");
    assert_eq!(b.settings["mastodon_instances"][0], "piaille.fr");
    let again = backup::parse(b.to_json().as_bytes()).unwrap();
    assert_eq!(again, b);
}

fn hostile_cases() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let deep = format!(
        "{{\"format\":\"porte-voix-backup\",\"version\":1,\"exported_ms\":0,\"templates\":[{}{}]}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    // 50 MB of a backup that never ends, 50 MB of brackets, and one byte over the limit
    let mut cut =
        b"{\"format\":\"porte-voix-backup\",\"version\":1,\"exported_ms\":0,\"templates\":[\""
            .to_vec();
    cut.resize(50 * 1024 * 1024, b'a');
    let brackets = vec![b'['; 50 * 1024 * 1024];
    let over = vec![b' '; porte_voix::transfer::MAX_INPUT_BYTES + 1];
    vec![
        ("deep nesting", deep.into_bytes(), "transfer.malformed"),
        ("50 MB cut short", cut, "transfer.malformed"),
        ("50 MB of brackets", brackets, "transfer.not_a_backup"),
        ("over the limit", over, "transfer.too_large"),
        ("not JSON", b"<html>".to_vec(), "transfer.malformed"),
        ("cut short", b"{\"format\":\"porte-voix-backup\",\"version\":1,\"backlog\":[{".to_vec(), "transfer.malformed"),
        ("another JSON", b"{\"items\":[]}".to_vec(), "transfer.not_a_backup"),
        ("a JSON array", b"[1,2]".to_vec(), "transfer.not_a_backup"),
        (
            "newer",
            b"{\"format\":\"porte-voix-backup\",\"version\":2,\"exported_ms\":0}".to_vec(),
            "transfer.newer_version",
        ),
        (
            "a bad item",
            b"{\"format\":\"porte-voix-backup\",\"version\":1,\"exported_ms\":0,\"backlog\":[{\"id\":\"a\",\"state\":\"lost\"}]}".to_vec(),
            "transfer.malformed",
        ),
        ("Latin-1", b"{\"format\":\"porte-voix-backup\",\"titre\":\"\xe9t\xe9\"}".to_vec(), "transfer.not_utf8"),
    ]
}

#[test]
fn hostile_backups_end_with_a_clear_error_and_change_nothing() {
    let before = Backlog {
        items: saved().backlog,
    };
    for (name, bytes, code) in hostile_cases() {
        let mut backlog = before.clone();
        let result = backup::parse(&bytes).map(|b| {
            let items = b.backlog.into_iter().enumerate().collect();
            plan_items(&backlog, items, Vec::new(), 0).apply(&mut backlog)
        });
        let err = result.expect_err(name);
        assert_eq!(err.code(), code, "{name}: {err}");
        assert!(!err.to_string().is_empty());
        assert_eq!(backlog, before, "{name}");
    }
}

#[test]
fn hostile_bookmark_files() {
    let deep = format!(
        "{}<DT><A HREF=\"https://exemple.fr/\">x</A>",
        "<DT><H3>d</H3><DL><p>".repeat(100)
    );
    assert_eq!(
        bookmarks::parse(deep.as_bytes()).unwrap_err(),
        TransferError::TooDeep {
            max: porte_voix::transfer::MAX_DEPTH
        }
    );
    assert_eq!(
        bookmarks::parse(b"<html><body>pas de favoris</body></html>")
            .unwrap_err()
            .code(),
        "transfer.no_bookmarks"
    );
    let junk = "<p>pas un favori</p>\n".repeat(50 * 1024 * 1024 / 21);
    let code = |r: Result<Vec<porte_voix::transfer::import::Incoming>, TransferError>| {
        r.unwrap_err().code()
    };
    assert_eq!(
        code(bookmarks::parse(junk.as_bytes())),
        "transfer.no_bookmarks"
    );
    assert_eq!(
        code(pocket::parse(junk.as_bytes())),
        "transfer.missing_column"
    );
    let over = vec![b' '; porte_voix::transfer::MAX_INPUT_BYTES + 1];
    assert_eq!(code(bookmarks::parse(&over)), "transfer.too_large");
    assert_eq!(code(pocket::parse(&over)), "transfer.too_large");
    // an unterminated tag or attribute does not loop or panic
    let broken = bookmarks::parse(b"<DL><p><DT><A HREF=\"https://exemple.fr/a>titre").unwrap();
    assert_eq!(broken.len(), 1);
}

#[test]
fn pocket_html_export_is_a_bookmarks_file_too() {
    let html = "<!DOCTYPE html><html><head><title>Pocket Export</title></head><body>\n\
        <h1>Unread</h1>\n<ul>\n\
        <li><a href=\"https://www.ledger.example/city/bike-lanes?utm_campaign=pocket\" time_added=\"1764000000\" tags=\"velo,ville\">Council votes</a></li>\n\
        </ul>\n<h1>Read Archive</h1>\n<ul>\n\
        <li><a href=\"https://carnet.example.org/dix-idees/\" time_added=\"1764100000\" tags=\"\">Dix idées</a></li>\n\
        </ul></body></html>";
    let pages = bookmarks::parse(html.as_bytes()).unwrap();
    type Page<'a> = (usize, &'a str, Option<&'a str>, Vec<&'a str>, Option<u64>);
    let got: Vec<Page> = pages
        .iter()
        .map(|p| {
            (
                p.line,
                p.url.as_str(),
                p.title.as_deref(),
                p.tags.iter().map(String::as_str).collect(),
                p.created_ms,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                4,
                "https://www.ledger.example/city/bike-lanes?utm_campaign=pocket",
                Some("Council votes"),
                vec!["velo", "ville"],
                Some(1_764_000_000_000)
            ),
            (
                8,
                "https://carnet.example.org/dix-idees/",
                Some("Dix idées"),
                vec![],
                Some(1_764_100_000_000)
            ),
        ]
    );
    let plan = plan_ideas(&Backlog::default(), pages, Vec::new(), 0);
    assert_eq!(
        plan.new_items[0].url(),
        Some("https://www.ledger.example/city/bike-lanes")
    );
    assert_eq!(
        plan.new_items[1].tags,
        Vec::<String>::new(),
        "an empty tags attribute adds no tag"
    );
}
