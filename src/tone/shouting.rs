//! `tone.shouting`: words or runs in capitals, not acronyms. A word in capitals is shouted when
//! it is a real word (in a lexicon or a function word, at least three letters; or seven letters
//! and more, longer than acronyms run), or part of a
//! run of two or more words in capitals; a short unknown word in capitals (SNCF, USA, PDF, TVQ)
//! is an acronym. A text entirely in capitals is shouted as a whole once it has three words.

use super::lexicon;
use super::tags;
use super::token::{Kind, Token};
use super::{Ctx, Finding, Lang, Severity};

/// Known acronyms that are also words or long (never shouting on their own).
const ACRONYMS: &[&str] = &[
    "ok", "usa", "onu", "otan", "nasa", "unesco", "covid", "sida", "fifa", "uefa", "pdf", "faq",
    "asap", "cv", "rip", "tva", "tvq", "tps", "sncf", "ratp", "caf", "cpam", "urssaf", "ceo",
    "pdg", "rh", "hr", "it", "ia", "ai", "ue", "eu", "uk", "us", "qc", "mtl", "nb", "ps", "pps",
    "dm", "mp", "rt", "fyi", "tl", "dr", "tldr", "diy", "vip", "gps", "sms", "url", "html", "api",
    "id", "tv", "dvd", "cd", "pc", "wifi", "led", "lol", "mdr", "omg",
];
crate::words_joined!(ACRONYMS_JOINED, ACRONYMS);

fn is_real_word(t: &Token) -> bool {
    let norm = t.norm.as_str();
    let letters = norm.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && !t.is(tags::ACRONYM)
        && (letters >= 7
            || lexicon::valence(Lang::Fr, norm).is_some()
            || lexicon::valence(Lang::En, norm).is_some()
            || t.is(tags::FR_WORD | tags::EN_WORD))
}

/// Pushes `tone.shouting` with one span per shouted word or run.
pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let toks = ctx.toks;
    let words: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].kind == Kind::Word && toks[i].norm.chars().any(char::is_alphabetic))
        .collect();
    let caps: Vec<usize> = words.iter().copied().filter(|&i| toks[i].caps).collect();
    if caps.is_empty() {
        return;
    }
    let mut spans = Vec::new();
    let mut shouted = Vec::new();
    if caps.len() == words.len() && words.len() >= 3 {
        spans.push(ctx.span(words[0], words[words.len() - 1] + 1));
        shouted.push(ctx.words(words[0], words[words.len() - 1] + 1).to_string());
    } else {
        // runs of consecutive capitalised words (only punctuation between them)
        let mut k = 0;
        while k < caps.len() {
            let mut e = k;
            while e + 1 < caps.len()
                && words
                    .iter()
                    .position(|&w| w == caps[e])
                    .map(|p| words.get(p + 1))
                    == Some(Some(&caps[e + 1]))
            {
                e += 1;
            }
            let run = &caps[k..=e];
            let real = run.iter().filter(|&&i| is_real_word(&toks[i])).count();
            let all_acronyms = run.iter().all(|&i| toks[i].is(tags::ACRONYM));
            if !all_acronyms
                && (real >= 1 && (run.len() >= 2 || toks[run[0]].norm.chars().count() >= 3))
            {
                spans.push(ctx.span(run[0], run[run.len() - 1] + 1));
                shouted.push(ctx.words(run[0], run[run.len() - 1] + 1).to_string());
            }
            k = e + 1;
        }
    }
    if !spans.is_empty() {
        out.push(
            Finding::new("tone.shouting", Severity::Warning, spans)
                .arg("words", shouted.join(", ")),
        );
    }
}
