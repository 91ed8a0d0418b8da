//! Running the `porte-voix` binary as a user would, for the command-line tests: `tests/cli.rs`
//! declares this file as its module `support` (`#[path = "support/cli.rs"] mod support;`), and
//! each command's file of `tests/cli/` uses the parts it needs.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, ExitStatus, Output, Stdio};

/// Starts the binary with `args`, its standard output to `stdout`, its standard error piped, and
/// feeds `stdin` to it from a thread (the binary streams its output while reading, so writing
/// everything first could fill the output pipe and deadlock). The thread ends when the input is
/// written or the binary has gone.
fn spawn(args: &[&str], stdin: &str, stdout: Stdio) -> (Child, std::thread::JoinHandle<()>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_porte-voix"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(stdout)
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
    let (child, writer) = spawn(args, stdin, Stdio::piped());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// What the binary did when the reader of its standard output went away after `n` lines, as
/// `| head -n` does; `n` = 0: a reader that has gone before the binary writes anything.
pub struct ClosedEarly {
    /// The lines the reader took, without their line ends.
    pub lines: Vec<String>,
    pub status: ExitStatus,
    pub stderr: String,
}

pub fn run_into_closing_reader(args: &[&str], stdin: &str, n: usize) -> ClosedEarly {
    let (reading, writing) = std::io::pipe().unwrap();
    let mut reader = if n == 0 {
        // closed before the binary starts: its first write fails (EPIPE), whatever the timing
        drop(reading);
        None
    } else {
        Some(BufReader::new(reading))
    };
    let (child, writer) = spawn(args, stdin, Stdio::from(writing));
    let mut lines = Vec::new();
    if let Some(reader) = reader.as_mut() {
        for _ in 0..n {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            lines.push(line.trim_end_matches(['\n', '\r']).to_string());
        }
    }
    // the only reading end of the pipe: the binary's next write fails (EPIPE)
    drop(reader);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    ClosedEarly {
        lines,
        status: out.status,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The convention for a closed output pipe, every command: the reader got the same first `n`
/// lines as a full run gives, and the binary stopped there quietly, exit status 0, nothing on
/// standard error (no panic, no `cli.io` error). With `n` > 0 the command must have far more to
/// write than a pipe holds (64 KiB on Linux), so that it is still writing when the pipe closes.
pub fn assert_ends_quietly(args: &[&str], stdin: &str, n: usize) {
    let full = run(args, stdin);
    let all = stdout(&full);
    assert!(
        all.lines().count() > n,
        "{args:?}: the command must write more than the {n} lines the reader takes"
    );
    if n > 0 {
        assert!(
            all.len() > 256 * 1024,
            "{args:?}: {} bytes of output fit in a pipe: the reader would close after the end",
            all.len()
        );
    }
    let closed = run_into_closing_reader(args, stdin, n);
    assert_eq!(closed.stderr, "", "{args:?}: a closed pipe is not an error");
    assert_eq!(closed.status.code(), Some(0), "{args:?}");
    let first: Vec<&str> = all.lines().take(n).collect();
    assert_eq!(closed.lines, first, "{args:?}");
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
