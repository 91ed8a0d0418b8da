//! `porte-voix export`, run as a user would, from the saved backup in the fixtures.
#![cfg(not(target_arch = "wasm32"))]

use crate::support::{assert_ends_quietly, run, tmp};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/capture/transfer/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn tmp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("porte-voix-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn ics_to_standard_output() {
    let o = run(&["export", "--ics", &fixture("backup.json")], "");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        std::fs::read_to_string(fixture("calendar.ics")).unwrap()
    );
}

#[test]
fn hootsuite_files_into_a_directory_with_a_summary() {
    let dir = tmp_dir("hs");
    let o = run(
        &[
            "export",
            "--csv",
            "hootsuite",
            &fixture("backup.json"),
            "--out",
            dir.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("hootsuite-x.csv\t2 rows"), "{out}");
    assert!(
        out.contains("skipped soldes: no draft for bluesky"),
        "{out}"
    );
    for name in ["hootsuite-x.csv", "hootsuite-linkedin.csv"] {
        assert_eq!(
            std::fs::read_to_string(dir.join(name)).unwrap(),
            std::fs::read_to_string(fixture(name)).unwrap()
        );
    }
    let o = run(
        &[
            "export",
            "--csv",
            "hootsuite",
            "--date-order",
            "mm/dd",
            &fixture("backup.json"),
            "--out",
            dir.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read_to_string(dir.join("hootsuite-x.csv"))
        .unwrap()
        .starts_with("12/01/2026 09:30,"));
}

#[test]
fn generic_csv_to_a_file() {
    let dir = tmp_dir("generic");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("tout.csv");
    let o = run(
        &[
            "export",
            "--csv",
            "generic",
            &fixture("backup.json"),
            "-o",
            file.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(file).unwrap(),
        std::fs::read_to_string(fixture("generic.csv")).unwrap()
    );
}

#[test]
fn errors_name_the_file_and_the_code() {
    let o = run(&["export", "--ics", &fixture("bookmarks.html")], "");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("transfer.malformed") && err.contains("bookmarks.html"),
        "{err}"
    );
    let o = run(
        &["export", "--csv", "hootsuite", &fixture("backup.json")],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8(o.stderr).unwrap().contains("--out"));
    let o = run(&["export", "--csv", "buffer", &fixture("backup.json")], "");
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["export", &fixture("backup.json")], "");
    assert_eq!(o.status.code(), Some(2));
    // a file that cannot be written says so (not "cannot read"), with its path
    let missing = tmp_dir("missing").join("no-such-dir").join("calendar.ics");
    let o = run(
        &[
            "export",
            "--ics",
            &fixture("backup.json"),
            "--out",
            missing.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("cannot write") && err.contains("calendar.ics") && err.contains("cli.io"),
        "{err}"
    );
}

/// `porte-voix export … | head`: the command stops quietly when its reader has gone.
#[test]
fn ends_quietly_when_the_reader_closes_the_pipe() {
    // the fixture's items, again and again under new ids: a backup of a few thousand items
    let mut backup: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("backup.json")).unwrap()).unwrap();
    let items = backup["backlog"].as_array().unwrap().clone();
    backup["backlog"] = (0..3000)
        .map(|i| {
            let mut item = items[i % items.len()].clone();
            item["id"] = format!("{}-{i}", item["id"].as_str().unwrap()).into();
            item
        })
        .collect();
    let big = tmp("closed-backup.json", &backup.to_string());
    assert_ends_quietly(&["export", "--ics", &big], "", 1);
    assert_ends_quietly(&["export", "--csv", "generic", &big], "", 1);
    assert_ends_quietly(&["export", "--ics", &fixture("backup.json")], "", 0);
    let dir = tmp_dir("closed");
    assert_ends_quietly(
        &[
            "export",
            "--csv",
            "hootsuite",
            &big,
            "--out",
            dir.to_str().unwrap(),
        ],
        "",
        0,
    );
}
