//! `porte-voix clean-url`, run as a user would: arguments, standard input, help.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/cli.rs"]
mod cli;
use cli::run;

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
