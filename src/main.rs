//! The `porte-voix` command line: check posts against a platform's length rule, one text, a
//! batch of JSON lines, or every row of a scheduler's CSV export.
//!
//! Arguments are parsed with `lexopt` rather than clap: it is one small dependency-free crate
//! (no proc macros, a fraction of clap's compile time and binary size), handles `--opt=value`,
//! `--opt value` and non-UTF-8 arguments correctly, and our interface is small enough that a
//! hand-written `--help` stays readable. The interface below is stable: scripts depend on it.
//!
//! Exit codes: 0 every text fits, 1 at least one is over a limit, 2 bad input or usage.

use std::process::ExitCode;

use porte_voix::platform::Platform;

mod cli;

use cli::CliError;

const HELP: &str = "\
porte-voix — check posts against each social network's length rules

USAGE:
    porte-voix check --platform <ID> [OPTIONS] [FILE|-]
    porte-voix check --platform <ID> --jsonl < posts.jsonl
    porte-voix check --platform <ID> --csv <FILE> --column <NAME> [--json]
    porte-voix tone [OPTIONS] [TEXT|FILE|-]
    porte-voix tone --jsonl < texts.jsonl
    porte-voix platforms
    porte-voix --help | --version

CHECK OPTIONS:
    -p, --platform <ID>        where the text will be posted (see `porte-voix platforms`)
        --json                 print the report as one JSON object (with --csv: one JSON
                               line per row over the limit)
        --jsonl                read JSON lines {\"text\": \"...\"} on standard input, write one
                               report (or {\"error\": ...}) line per input line, in order
        --csv <FILE>           check every row of a CSV file (first row = column names)
        --column <NAME>        the CSV column that holds the text
        --x-premium            X Premium account: 25,000 instead of 280
        --mastodon-limit <N>   the Mastodon instance's own character limit
        --content-warning <T>  Mastodon content warning (counts with the text)

    A text read from FILE or standard input loses one trailing newline (the one editors add).

TONE OPTIONS:
        --jsonl                read JSON lines {\"text\": \"...\", \"lang\": \"fr\"} (lang optional,
                               \"fr\" or \"en\", detected when absent; also \"reply_to\",
                               \"register\", \"platform\"), write one report line per input
        --json                 print the report of TEXT as one JSON object
        --lang <fr|en>         read the text in this language instead of detecting it
        --register <tu|vous>   the brand's register in French
        --reply-to <TEXT>      the comment being answered (courtesy checks)
        --off <IDS>            turn checks off, comma-separated (polarity, hostility, shouting,
                               punctuation, blame, sarcasm, courtesy, register, sentences,
                               density, texting, positive)
    `tone` exits 0, or 2 when an input line is not valid (its output line is {\"error\": ...}).

EXIT STATUS:
    0  every text is within the limits
    1  at least one text is over a limit
    2  bad input or usage (message on standard error)
";

enum Command {
    Help,
    Version,
    Platforms,
    Check(cli::check::CheckArgs),
    Tone(cli::tone::ToneArgs),
}

fn parse_args() -> Result<Command, CliError> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let first = match parser.next()? {
        None => return Err(CliError::Usage("missing command".into())),
        Some(Short('h') | Long("help")) => return Ok(Command::Help),
        Some(Short('V') | Long("version")) => return Ok(Command::Version),
        Some(Value(v)) => v.string()?,
        Some(other) => return Err(other.unexpected().into()),
    };
    let help_or = |c: Option<Command>| c.unwrap_or(Command::Help);
    Ok(match first.as_str() {
        "help" => Command::Help,
        "platforms" => {
            if let Some(arg) = parser.next()? {
                return Err(arg.unexpected().into());
            }
            Command::Platforms
        }
        "check" => help_or(cli::check::parse(&mut parser)?.map(Command::Check)),
        "tone" => help_or(cli::tone::parse(&mut parser)?.map(Command::Tone)),
        other => return Err(CliError::Usage(format!("unknown command `{other}`"))),
    })
}

fn platforms() -> String {
    let mut s = String::new();
    for &p in Platform::ALL {
        let r = p.rule();
        s.push_str(&format!(
            "{:<22} {:>6} {:<9} {}\n",
            p.id(),
            r.limit,
            r.unit.id(),
            if r.certain { "certain" } else { "uncertain" }
        ));
    }
    s
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|cmd| match cmd {
        Command::Help => {
            print!("{HELP}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Version => {
            println!("porte-voix {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        Command::Platforms => {
            print!("{}", platforms());
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(a) => cli::check::run(a),
        Command::Tone(a) => cli::tone::run(a),
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("porte-voix: error[{}]: {e}", e.code());
            ExitCode::from(2)
        }
    }
}
