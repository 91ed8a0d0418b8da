//! `porte-voix clean-url`, run as a user would: arguments, standard input, help.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_porte-voix"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_owned();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

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
