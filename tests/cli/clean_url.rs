//! `porte-voix clean-url`, run as a user would: arguments, standard input, help.
#![cfg(not(target_arch = "wasm32"))]

use crate::support::{assert_ends_quietly, run};

#[test]
fn urls_as_arguments_one_a_line_in_order() {
    let o = run(
        &[
            "clean-url",
            "https://www.youtube.com/watch?v=abc&si=XYZ&t=12",
            "https://blog.example.fr/?p=7&utm_source=lettre#:~:text=bonjour",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "https://www.youtube.com/watch?v=abc&t=12\nhttps://blog.example.fr/?p=7\n"
    );
}

#[test]
fn urls_from_standard_input_skip_blank_lines() {
    let o = run(
        &["clean-url"],
        "https://x.com/a/status/1?s=20\r\n\nhttps://example.com/?id=3&fbclid=z\n",
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "https://x.com/a/status/1\nhttps://example.com/?id=3\n"
    );
}

#[test]
fn help_mentions_the_command_and_bad_flags_are_usage_errors() {
    let o = run(&["--help"], "");
    assert!(String::from_utf8(o.stdout).unwrap().contains("clean-url"));
    let o = run(&["clean-url", "--nope"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8(o.stderr).unwrap().contains("cli.usage"));
}

/// `porte-voix clean-url … | head`: the command stops quietly when its reader has gone.
#[test]
fn ends_quietly_when_the_reader_closes_the_pipe() {
    let urls: String = (0..12_000)
        .map(|i| match i % 3 {
            0 => format!("https://www.exemple.fr/article-{i}?utm_source=lettre&utm_medium=email\n"),
            1 => format!("https://youtu.be/v{i}?si=partage&t=12\n"),
            _ => format!(
                "https://www.lapresse.example/actualites/{i}?fbclid=IwAR0abc#:~:text=bonjour\n"
            ),
        })
        .collect();
    assert_ends_quietly(&["clean-url"], &urls, 1);
    assert_ends_quietly(&["clean-url"], &urls, 0);
    assert_ends_quietly(
        &[
            "clean-url",
            "https://x.com/marie/status/1?s=20&t=abc",
            "https://youtu.be/abc?si=x",
        ],
        "",
        0,
    );
}
