//! The `porte-voix` binary, run as a user would: help, version, platforms, the `check` command
//! in every mode with every exit code, and what every command shares (a closed output pipe, a
//! JSON line that is not UTF-8).
#![cfg(not(target_arch = "wasm32"))]

use crate::support::{assert_ends_quietly, run, stderr, stdout, tmp};

#[test]
fn help_and_version() {
    let o = run(&["--help"], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("--platform"));
    let o = run(&["--version"], "");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o).trim(),
        format!("porte-voix {}", env!("CARGO_PKG_VERSION"))
    );
    let o = run(&["platforms"], "");
    assert!(stdout(&o).contains("linkedin-comment"));
}

#[test]
fn check_json_stdin_valid() {
    let o = run(
        &["check", "--platform", "x", "--json"],
        "Bonjour « tout le monde » !\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "exactly one JSON object");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["platform"], "x");
    assert_eq!(v["length"], 27, "the trailing newline is not counted");
    assert_eq!(v["limit"], 280);
    assert_eq!(v["remaining"], 253);
    assert_eq!(v["valid"], true);
    assert_eq!(v["unit"], "weighted");
    assert!(out.starts_with(
        r#"{"platform":"x","length":27,"limit":280,"remaining":253,"valid":true,"unit":"weighted""#
    ));
}

#[test]
fn check_file_over_limit_exit_1() {
    let p = tmp("long.txt", &"a".repeat(281));
    let o = run(&["check", "--platform", "x", &p], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("281/280"), "{}", stdout(&o));
    let o = run(&["check", "--platform", "x", "--x-premium", &p], "");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn mastodon_limit_option() {
    let text = "a".repeat(600);
    assert_eq!(
        run(&["check", "-p", "mastodon", "-"], &text).status.code(),
        Some(1)
    );
    let o = run(
        &[
            "check",
            "-p",
            "mastodon",
            "--mastodon-limit",
            "1000",
            "--json",
            "-",
        ],
        &text,
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["limit"], 1000);
}

/// The command line takes exactly the Mastodon limits the options page takes (one validation,
/// `Settings::parse_mastodon_limit`): accepted ones count with that limit, refused ones are a
/// usage error (exit 2).
#[test]
fn mastodon_limit_accepts_what_the_options_accept() {
    use porte_voix::settings::Settings;
    let text = "Allô 👋 ".repeat(100); // 700 graphemes
    let cases: &[(&str, Option<u32>)] = &[
        ("1", Some(1)),
        ("640", Some(640)),
        ("5000", Some(5000)),
        ("100000", Some(100_000)),
        ("1 000", Some(1000)),
        (" 5000 ", Some(5000)),
        ("12\u{202f}000", Some(12_000)),
        ("0", None),
        ("-3", None),
        ("100001", None),
        ("4294967296", None),
        ("dix", None),
        ("1,5", None),
        ("1.5", None),
        ("", None),
        ("   ", None),
        ("1e3", None),
    ];
    for &(input, want) in cases {
        // the options page's answer
        assert_eq!(
            Settings::parse_mastodon_limit(input).ok().flatten(),
            want,
            "{input:?}"
        );
        let o = run(
            &[
                "check",
                "-p",
                "mastodon",
                "--mastodon-limit",
                input,
                "--json",
                "-",
            ],
            &text,
        );
        match want {
            Some(n) => {
                let v: serde_json::Value = serde_json::from_str(&stdout(&o))
                    .unwrap_or_else(|_| panic!("{input:?}: {}", stderr(&o)));
                assert_eq!(v["limit"], n, "{input:?}");
                assert_eq!(
                    o.status.code(),
                    Some(if n >= 700 { 0 } else { 1 }),
                    "{input:?}"
                );
            }
            None => {
                assert_eq!(
                    o.status.code(),
                    Some(2),
                    "{input:?} accepted: {}",
                    stdout(&o)
                );
                assert!(
                    stderr(&o).contains("--mastodon-limit"),
                    "{input:?}: {}",
                    stderr(&o)
                );
                assert!(!stderr(&o).contains("panicked"));
            }
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check"][..],
        &["check", "--platform", "myspace"][..],
        &["check", "--platform", "x", "--bogus"][..],
        &["frobnicate"][..],
        &["check", "--platform", "x", "/nonexistent/file.txt"][..],
        &["check", "--platform", "x", "--mastodon-limit", "lots"][..],
    ] {
        let o = run(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("error["), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"));
    }
}

#[test]
fn jsonl_batch_in_order_with_error_lines() {
    let input = format!(
        "{}\n{}\nnot json\n{}\n",
        r#"{"text": "un"}"#,
        serde_json::json!({ "text": "a".repeat(300) }),
        r#"{"text": "👨‍👩‍👧‍👦"}"#
    );
    let o = run(&["check", "--platform", "x", "--jsonl"], &input);
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["length"], 2);
    assert_eq!(lines[1]["valid"], false);
    assert_eq!(lines[2]["error"]["code"], "jsonl.malformed");
    assert_eq!(lines[2]["error"]["line"], 3);
    assert_eq!(lines[3]["length"], 2);
    assert_eq!(o.status.code(), Some(2), "a malformed line is bad input");

    let ok = run(
        &["check", "--platform", "x", "--jsonl"],
        "{\"text\": \"a\"}\n{\"text\": \"b\"}",
    );
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(stdout(&ok).lines().count(), 2);
    let over = run(
        &["check", "--platform", "x", "--jsonl"],
        &format!("{}\n", serde_json::json!({ "text": "a".repeat(300) })),
    );
    assert_eq!(over.status.code(), Some(1));
}

#[test]
fn jsonl_thousands_of_posts() {
    let input: String = (0..3000)
        .map(|i| {
            format!(
                "{}\n",
                serde_json::json!({ "text": format!("Post numéro {i} https://example.com/{i} 👍🏽") })
            )
        })
        .collect();
    let o = run(&["check", "--platform", "bluesky", "--jsonl"], &input);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o).lines().count(), 3000);
}

#[test]
fn csv_reports_rows_over_the_limit() {
    let long = "a".repeat(1300);
    let csv = format!(
        "date,message\n2026-01-01,\"Bonjour, « tout le monde »\"\n2026-01-02,\"{long}\"\n2026-01-03,\"multi\nligne\"\n2026-01-04,{long}\n"
    );
    let p = tmp("posts.csv", &csv);
    let path = p.as_str();
    let o = run(
        &[
            "check",
            "--csv",
            path,
            "--column",
            "message",
            "--platform",
            "linkedin-comment",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("line 3:"), "{out}");
    assert!(out.contains("line 6:"), "{out}");
    assert!(!out.contains("line 2:"), "{out}");
    assert!(out.contains("2 of 4 rows over the limit"), "{out}");

    let o = run(
        &[
            "check",
            "--csv",
            path,
            "--column",
            "message",
            "--platform",
            "linkedin-comment",
            "--json",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    let rows: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["line"], 3);
    assert_eq!(rows[0]["report"]["length"], 1300);

    let o = run(
        &[
            "check",
            "--csv",
            path,
            "--column",
            "message",
            "--platform",
            "linkedin",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("0 of 4 rows"));
}

#[test]
fn csv_bad_input_exit_2() {
    let p = tmp("cols.csv", "date,texte\n2026-01-01,salut\n");
    let o = run(
        &[
            "check",
            "--csv",
            &p,
            "--column",
            "message",
            "--platform",
            "x",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("csv.missing_column"), "{}", stderr(&o));
    let o = run(
        &[
            "check",
            "--csv",
            "/nonexistent.csv",
            "--column",
            "m",
            "--platform",
            "x",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    let bad = tmp("bad.csv", "message\n\"unterminated\n");
    let o = run(
        &[
            "check",
            "--csv",
            &bad,
            "--column",
            "message",
            "--platform",
            "x",
        ],
        "",
    );
    assert!(
        matches!(o.status.code(), Some(0) | Some(2)),
        "no panic: {}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("panicked"));
    let latin1 =
        std::env::temp_dir().join(format!("porte-voix-cli-{}-latin1.csv", std::process::id()));
    std::fs::write(&latin1, b"message\n\xe9t\xe9\n").unwrap();
    let o = run(
        &[
            "check",
            "--csv",
            latin1.to_str().unwrap(),
            "--column",
            "message",
            "--platform",
            "x",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("UTF-8"));
}

/// `porte-voix check … | head`: every mode stops quietly when its reader has gone, whether the
/// reader took a first line or nothing (`| true`), and whatever the texts' verdict.
#[test]
fn check_ends_quietly_when_the_reader_closes_the_pipe() {
    let posts: String = (0..2000)
        .map(|i| {
            let text = match i % 3 {
                0 => format!("Bonjour à tous 👋🏽 ! Le billet n° {i} est en ligne : https://exemple.fr/billets/{i}"),
                1 => format!("Allô la gang, on se voit au Salon du livre de Québec, kiosque {i} 📚"),
                _ => format!("Thanks for your patience, order #{i} ships tomorrow {}", "🎉".repeat(140)),
            };
            format!("{}\n", serde_json::json!({ "text": text }))
        })
        .collect();
    let long = tmp("closed-long.txt", &"Pourquoi pas ? ".repeat(40));
    let rows: String = std::iter::once("date,message\n".to_string())
        .chain((0..3000).map(|i| {
            format!(
                "2026-12-{:02},\"Nouveauté n° {i} : « {} »\"\n",
                i % 28 + 1,
                "é".repeat(300)
            )
        }))
        .collect();
    let csv = tmp("closed.csv", &rows);
    for (args, stdin, n) in [
        (&["check", "-p", "x", "--jsonl"][..], posts.as_str(), 1),
        (&["check", "-p", "bluesky", "--jsonl"], &posts, 0),
        (&["check", "-p", "x", &long], "", 0),
        (
            &["check", "-p", "mastodon", "--json", "-"],
            "Merci « tout le monde » !",
            0,
        ),
        (
            &["check", "-p", "x", "--csv", &csv, "--column", "message"],
            "",
            1,
        ),
        (
            &[
                "check", "-p", "x", "--csv", &csv, "--column", "message", "--json",
            ],
            "",
            1,
        ),
    ] {
        assert_ends_quietly(args, stdin, n);
    }
}

#[test]
fn help_version_and_platforms_end_quietly_when_the_reader_closes_the_pipe() {
    for args in [
        &["--help"][..],
        &["--version"],
        &["platforms"],
        &["check", "--help"],
    ] {
        assert_ends_quietly(args, "", 0);
    }
}

/// A JSON-lines input line that is not UTF-8 gets the one code the error convention gives it,
/// `jsonl.not_utf8`, in every command that reads JSON lines; the next line is still answered and
/// the exit status is 2.
#[test]
fn jsonl_line_not_utf8_has_one_code_in_every_command() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    for (args, good) in [
        (
            &["check", "--platform", "x", "--jsonl"][..],
            r#"{"text": "Bonjour"}"#,
        ),
        (&["render", "--jsonl"][..], r#"{"template": "Merci !"}"#),
        (&["tone", "--jsonl"][..], r#"{"text": "Merci beaucoup !"}"#),
    ] {
        let command = args[0];
        let mut input = b"{\"text\": \"\xe9t\xe9\"}\n".to_vec();
        input.extend_from_slice(good.as_bytes());
        input.push(b'\n');
        let mut child = Command::new(env!("CARGO_BIN_EXE_porte-voix"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&input).unwrap();
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{command}: {}", stderr(&o));
        let lines: Vec<serde_json::Value> = stdout(&o)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2, "{command}: {lines:?}");
        assert_eq!(lines[0]["error"]["code"], "jsonl.not_utf8", "{command}");
        assert!(lines[1].get("error").is_none(), "{command}: {}", lines[1]);
    }
}
