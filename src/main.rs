//! The `porte-voix` command line: check posts against a platform's length rule, one text, a
//! batch of JSON lines, or every row of a scheduler's CSV export; capture a saved page's
//! metadata; clean URLs; lint and export the content backlog from a JSON backup; render reply
//! templates (`render --jsonl`) and lint a template library's export (`templates lint`); check
//! the tone of a reply (`tone`).
//!
//! Arguments are parsed with `lexopt` rather than clap: it is one small dependency-free crate
//! (no proc macros, a fraction of clap's compile time and binary size), handles `--opt=value`,
//! `--opt value` and non-UTF-8 arguments correctly, and our interface is small enough that a
//! hand-written `--help` stays readable. The interface below is stable: scripts depend on it.
//!
//! Exit codes: 0 every text fits, 1 at least one is over a limit, 2 bad input or usage. Every
//! command writes through `cli::Out`: when the reader of standard output has gone (`| head`), it
//! stops there and exits 0, quietly.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

use std::process::ExitCode;

use porte_voix::error::Coded;
use porte_voix::platform::Platform;

mod cli;

use cli::{CliError, Out};

const HELP: &str = "\
porte-voix — check posts against each social network's length rules and their tone, render
and lint reply templates, read what a saved page declares, clean URLs, and export the backlog

USAGE:
    porte-voix check --platform <ID> [OPTIONS] [FILE|-]
    porte-voix check --platform <ID> --jsonl < posts.jsonl
    porte-voix check --platform <ID> --csv <FILE> --column <NAME> [--json]
    porte-voix capture --url <URL> [FILE.html|-] [--json]
    porte-voix backlog lint FILE.csv [--json]          (a generic CSV export)
    porte-voix backlog lint --platform <ID> FILE.csv   (a Hootsuite bulk file)
    porte-voix export --ics BACKUP.json [--out FILE]
    porte-voix export --csv hootsuite BACKUP.json --out DIR [--date-order dd/mm|mm/dd]
    porte-voix export --csv generic BACKUP.json [--out FILE]
    porte-voix clean-url [URL…]                        (no URL: one a line on standard input)
    porte-voix render --jsonl < templates.jsonl
    porte-voix templates lint [--json] <FILE>
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

CAPTURE:
        --url <URL>            where the saved page comes from (relative links resolve
                               against it, and it is the item's address once cleaned)
        --json                 one JSON object: url, canonical, title, description, image,
                               site_name, author, published, lang (null when absent)

BACKLOG LINT:
    The length of each post, per network: every draft:<network> column of a generic CSV, or
    with --platform the message (and the link Hootsuite adds) of a Hootsuite bulk file. One line
    per post (--json: one JSON object per post); exit 1 when one is over. Also takes
    --x-premium and --mastodon-limit <N>.

EXPORT (from a JSON backup saved by the extension):
        --ics                  the calendar (RFC 5545) of scheduled items, floating local times
        --csv hootsuite        Hootsuite's bulk composer: one file per network in --out DIR,
                               350 rows at most a file (longer lists are split, and it says so)
        --csv generic          every field of every item, a draft:<network> column per network
        --date-order <ORDER>   Hootsuite dates as dd/mm (default) or mm/dd
    Cells starting with = + - @ tab or CR get a leading apostrophe (formula injection).

CLEAN-URL:
    Prints each URL without its tracking parameters (utm_*, fbclid, gclid, X's s/t on status
    links, YouTube's si, LinkedIn's trk…) and without a text fragment (#:~:text=), one a line.
RENDER (--jsonl):
    one JSON object per line: {\"template\": \"Merci {{prenom}} !\", \"lang\": \"fr-CA\",
    \"now\": \"2026-11-24T10:00:00-05:00\", \"context\": {\"author\", \"handle\", \"brand\",
    \"url\", \"page_title\"}, \"values\": {\"field name\": \"...\"}, \"choices\": [0],
    \"platform\": \"x\"} (all but template optional; no now: this machine's clock and zone);
    one line out: {\"text\", \"cursor\", \"fields\", \"choices\", \"left_out\", \"errors\",
    \"length\"}

TEMPLATES LINT:
    checks a library's JSON export: every text parses, uses known variables, and fits each
    of its networks with a long sample context; a summary, or one JSON report with --json
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
    0  every text is within the limits (render, lint: no template error)
    1  at least one text is over a limit (render, lint: a template has errors)
    2  bad input or usage (message on standard error)
";

enum Command {
    Help,
    Version,
    Platforms,
    Check(cli::check::CheckArgs),
    CleanUrl(cli::clean_url::CleanUrlArgs),
    #[cfg(not(target_arch = "wasm32"))]
    Capture(cli::capture::CaptureArgs),
    #[cfg(not(target_arch = "wasm32"))]
    Export(cli::export::ExportArgs),
    Backlog(cli::backlog::BacklogCommand),
    Render(cli::render::RenderArgs),
    Templates(cli::templates::TemplatesArgs),
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
        #[cfg(not(target_arch = "wasm32"))]
        "capture" => help_or(cli::capture::parse(&mut parser)?.map(Command::Capture)),
        "backlog" => help_or(cli::backlog::parse(&mut parser)?.map(Command::Backlog)),
        #[cfg(not(target_arch = "wasm32"))]
        "export" => help_or(cli::export::parse(&mut parser)?.map(Command::Export)),
        "clean-url" => help_or(cli::clean_url::parse(&mut parser)?.map(Command::CleanUrl)),
        "render" => help_or(cli::render::parse_args(&mut parser)?.map(Command::Render)),
        "templates" => help_or(cli::templates::parse_args(&mut parser)?.map(Command::Templates)),
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

fn print(text: &str) -> Result<ExitCode, CliError> {
    let mut out = Out::stdout();
    out.text(text)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|cmd| match cmd {
        Command::Help => print(HELP),
        Command::Version => print(&format!("porte-voix {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Platforms => print(&platforms()),
        Command::Check(a) => cli::check::run(a),
        Command::CleanUrl(a) => cli::clean_url::run(a),
        #[cfg(not(target_arch = "wasm32"))]
        Command::Capture(a) => cli::capture::run(a),
        #[cfg(not(target_arch = "wasm32"))]
        Command::Export(a) => cli::export::run(a),
        Command::Backlog(a) => cli::backlog::run(a),
        Command::Render(a) => cli::render::run(a),
        Command::Templates(a) => cli::templates::run(a),
        Command::Tone(a) => cli::tone::run(a),
    });
    match result {
        Ok(code) => code,
        Err(e) if e.is_closed_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("porte-voix: error[{}]: {e}", e.code());
            ExitCode::from(2)
        }
    }
}
