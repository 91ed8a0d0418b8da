//! `porte-voix backlog lint`, run as a user would: a generic CSV and a Hootsuite file, posts over
//! and within each network's limit.
#![cfg(not(target_arch = "wasm32"))]

use crate::support::{assert_ends_quietly, run, tmp};

#[test]
fn generic_csv_each_draft_against_its_network() {
    let long_x = "é".repeat(281);
    let csv = format!(
        "id,title,draft:x,draft:bluesky,draft:linkedin\r\n\
         a,\"Deux\nlignes\",Court 🎉,,Un post LinkedIn\r\n\
         b,Trop long,{long_x},{},\r\n",
        "🇫🇷".repeat(150)
    );
    let f = tmp("generic.csv", &csv);
    let o = run(&["backlog", "lint", &f, "--json"], "");
    assert_eq!(o.status.code(), Some(1), "one post is over: exit 1");
    let rows: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summary: Vec<(u64, &str, &str, u64, bool)> = rows
        .iter()
        .map(|r| {
            (
                r["line"].as_u64().unwrap(),
                r["id"].as_str().unwrap(),
                r["network"].as_str().unwrap(),
                r["length"].as_u64().unwrap(),
                r["valid"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (2, "a", "x", 8, true), // X counts an emoji as 2
            (2, "a", "linkedin", 16, true),
            (4, "b", "x", 281, false),
            (4, "b", "bluesky", 150, true),
        ]
    );
}

#[test]
fn hootsuite_file_counts_the_link_hootsuite_adds() {
    let msg = "a".repeat(260);
    let f = tmp(
        "hootsuite-x.csv",
        &format!("01/12/2026 09:30,{msg},https://exemple.fr/un-article-au-titre-long\r\n24/12/2026 18:00,Court,\r\n"),
    );
    let o = run(&["backlog", "lint", "--platform", "x", &f], "");
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    // 260 + a space + a link counted 23 by X
    assert!(out.contains("line 1\t-\tx\t284/280\tOVER by 4"), "{out}");
    assert!(out.contains("line 2\t-\tx\t5/280\tok"), "{out}");
    assert!(out.contains("2 posts checked, 1 over the limit"));
    let o = run(
        &["backlog", "lint", "--platform", "x", "--x-premium", &f],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn usage_and_input_errors() {
    let f = tmp("plain.csv", "title,message\nx,y\n");
    let o = run(&["backlog", "lint", &f], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("draft:<network>"));
    assert_eq!(run(&["backlog", "purge"], "").status.code(), Some(2));
    assert_eq!(run(&["backlog", "lint"], "").status.code(), Some(2));
    assert_eq!(
        run(&["backlog", "lint", "--platform", "myspace", &f], "")
            .status
            .code(),
        Some(2)
    );
}

/// `porte-voix backlog lint … | head`: the command stops quietly when its reader has gone.
#[test]
fn ends_quietly_when_the_reader_closes_the_pipe() {
    let rows: String = std::iter::once("id,title,draft:x,draft:bluesky,draft:linkedin\r\n".to_string())
        .chain((0..4000).map(|i| {
            format!(
                "item-{i},Salon n° {i},\"Allô la gang, on se voit au kiosque {i} 📚\",{},\"Rendez-vous au Salon du livre, kiosque {i}.\"\r\n",
                "🇫🇷".repeat(if i % 10 == 0 { 320 } else { 3 })
            )
        }))
        .collect();
    let f = tmp("closed-generic.csv", &rows);
    assert_ends_quietly(&["backlog", "lint", &f], "", 1);
    assert_ends_quietly(&["backlog", "lint", &f, "--json"], "", 1);
    assert_ends_quietly(&["backlog", "lint", &f, "--json"], "", 0);
}

/// `--mastodon-limit` takes and refuses what `check` and the options page take and refuse: a
/// limit written with a thin space is a limit, one over 100,000 is refused.
#[test]
fn mastodon_limit_as_the_options_take_it() {
    let f = tmp(
        "mastodon-limit.csv",
        &format!("id,draft:mastodon\r\na,{}\r\n", "Allô 👋 ".repeat(100)), // 700 graphemes
    );
    for (limit, status) in [
        ("640", 1),
        ("1 000", 0),
        ("12\u{202f}000", 0),
        ("100001", 2),
        ("0", 2),
        ("", 2),
    ] {
        let o = run(&["backlog", "lint", &f, "--mastodon-limit", limit], "");
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(status), "{limit:?}: {err}");
        if status == 2 {
            assert!(err.contains("--mastodon-limit"), "{limit:?}: {err}");
        }
    }
}
