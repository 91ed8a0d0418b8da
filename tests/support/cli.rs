//! Running the `porte-voix` binary as a user would, for the command-line tests: every
//! `tests/cli*.rs` includes this file (`#[path = "support/cli.rs"] mod cli;`) and uses the parts
//! it needs.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};

/// Starts the binary with `args`, its three streams piped, and feeds `stdin` to it from a thread
/// (the binary streams its output while reading, so writing everything first could fill the
/// output pipe and deadlock). The thread ends when the input is written or the binary has gone.
fn spawn(args: &[&str], stdin: &str) -> (Child, std::thread::JoinHandle<()>) {
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
    (child, writer)
}

/// Runs the binary to its end with `stdin` as its standard input (`""`: an empty one).
pub fn run(args: &[&str], stdin: &str) -> Output {
    let (child, writer) = spawn(args, stdin);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Standard output read as JSON lines, one value a line.
pub fn lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Writes `content` to `name` in this test run's own temporary folder; its path.
pub fn tmp(name: &str, content: &str) -> String {
    let dir = std::env::temp_dir().join(format!("porte-voix-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.to_string_lossy().into_owned()
}
