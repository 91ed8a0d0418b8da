//! Tone: what a reply sounds like before it goes out, in French (France and Québec) and English.
//! `analyse` returns a [`ToneReport`]: the language, the overall polarity and score (in the
//! manner of VADER, `polarity`), and findings from the checks of the registry (`registry`, one
//! file per check). A finding is a stable code, a severity, the UTF-16 spans of the words that
//! caused it and arguments for the UI's localised message (`_locales` key: the code with its dot
//! made an underscore, `tone.shouting` → `tone_shouting`); never prose.
//!
//! Nothing here touches the browser; the lexicons are data files under `tone/`.

pub mod lang;
pub mod lexicon;
pub mod phrases;
pub mod polarity;
pub mod registry;
pub mod tags;
pub mod token;

pub mod blame;
pub mod courtesy;
pub mod density;
pub mod hostility;
pub mod positive;
pub mod punctuation;
pub mod register;
pub mod sarcasm;
pub mod sentences;
pub mod shouting;
pub mod texting;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::platform::Platform;
use crate::text::Span16;
use token::{Kind, Sentence, Token};

/// The two languages the checks know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French (index 0 of per-language arrays) (France, Québec, Belgium, Switzerland…).
    Fr,
    /// English.
    En,
}

impl Lang {
    /// `fr` or `en`.
    pub fn id(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// From `fr` or `en` (any case).
    pub fn from_id(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing (also every positive signal).
    Info,
    /// Probably to change.
    Warning,
    /// To change before posting.
    Problem,
}

/// Negative, neutral or positive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PolarityClass {
    /// Score ≤ −0.05.
    Negative,
    /// In between.
    Neutral,
    /// Score ≥ 0.05.
    Positive,
}

/// The brand's register in French: « tu » or « vous ».
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Register {
    /// Tutoiement.
    Tu,
    /// Vouvoiement.
    Vous,
}

impl Register {
    /// The register stored or typed as `tu` or `vous` (read without serde's error machinery,
    /// which would weigh on the in-page engine).
    pub fn from_id(id: &str) -> Option<Register> {
        match id {
            "tu" => Some(Register::Tu),
            "vous" => Some(Register::Vous),
            _ => None,
        }
    }
}

/// One finding of a check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Stable code, `tone.<name>`; its message is `_locales` `tone_<name>`.
    pub code: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// UTF-16 spans of the words that caused it (may be empty: something missing).
    #[serde(serialize_with = "spans_as_pairs")]
    pub spans: Vec<Span16>,
    /// Arguments of the message, by name.
    #[serde(serialize_with = "args_as_map", skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(&'static str, String)>,
}

fn spans_as_pairs<S: Serializer>(spans: &[Span16], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(spans.len()))?;
    for sp in spans {
        seq.serialize_element(&[sp.start, sp.end])?;
    }
    seq.end()
}

fn args_as_map<S: Serializer>(args: &[(&'static str, String)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(args.len()))?;
    for (k, v) in args {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

impl Finding {
    /// A finding without arguments.
    pub fn new(code: &'static str, severity: Severity, spans: Vec<Span16>) -> Self {
        Finding {
            code,
            severity,
            spans,
            args: Vec::new(),
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

/// The tone of one text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ToneReport {
    /// The language the text was read in.
    pub lang: Lang,
    /// Negative, neutral or positive.
    pub polarity: PolarityClass,
    /// −1…1, rounded to three decimals.
    pub score: f64,
    /// What the checks found, in registry order.
    pub findings: Vec<Finding>,
}

/// What the user set: the language (else detected), the brand's register, the platform, the
/// checks turned off.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ToneSettings {
    /// Force a language instead of detecting it.
    pub lang: Option<Lang>,
    /// The brand's register in French, if it has one.
    pub register: Option<Register>,
    /// Where the text will be posted (hashtag and emoji limits).
    pub platform: Option<Platform>,
    /// Ids of the checks turned off (see `registry::CHECKS`).
    pub disabled: Vec<String>,
    /// Words above which a sentence is too long (0: the default, 35).
    pub max_sentence_words: u32,
}

/// A text being answered (the comment the reply is for), already analysed.
pub struct ReplyContext {
    /// Its polarity.
    pub polarity: polarity::Polarity,
    /// Whether it reads as a complaint (negative, or with complaint words).
    pub complaint: bool,
}

/// Everything a check reads.
pub struct Ctx<'a> {
    /// The text.
    pub text: &'a str,
    /// Its language.
    pub lang: Lang,
    /// Its tokens.
    pub toks: &'a [Token],
    /// Its sentences.
    pub sentences: &'a [Sentence],
    /// The language of each sentence.
    pub langs: &'a [Lang],
    /// The polarity of the text.
    pub polarity: &'a polarity::Polarity,
    /// The settings.
    pub settings: &'a ToneSettings,
    /// The comment being answered, if known.
    pub reply: Option<&'a ReplyContext>,
}

impl Ctx<'_> {
    /// The UTF-16 span covering tokens `a..b`.
    pub fn span(&self, a: usize, b: usize) -> Span16 {
        Span16::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }

    /// The original text of tokens `a..b`.
    pub fn words(&self, a: usize, b: usize) -> &str {
        &self.text[self.toks[a].start..self.toks[b - 1].end]
    }
}

/// The language of the text (forced, or detected) and of each sentence (its own where its
/// evidence is clear, else the text's).
fn languages(
    text: &str,
    toks: &[Token],
    sentences: &[Sentence],
    forced: Option<Lang>,
) -> (Lang, Vec<Lang>) {
    if let Some(l) = forced {
        return (l, vec![l; sentences.len()]);
    }
    let per: Vec<lang::Evidence> = sentences
        .iter()
        .map(|s| lang::evidence(text, &toks[s.first..s.end]))
        .collect();
    let total = per
        .iter()
        .fold(lang::Evidence::default(), |a, b| lang::Evidence {
            fr: a.fr + b.fr,
            en: a.en + b.en,
        });
    let main = total.lang(0.01).unwrap_or(Lang::Fr);
    (
        main,
        per.iter().map(|e| e.lang(2.0).unwrap_or(main)).collect(),
    )
}

fn classify(score: f32) -> PolarityClass {
    if score >= 0.05 {
        PolarityClass::Positive
    } else if score <= -0.05 {
        PolarityClass::Negative
    } else {
        PolarityClass::Neutral
    }
}

struct Analysed {
    toks: Vec<Token>,
    sentences: Vec<Sentence>,
    lang: Lang,
    langs: Vec<Lang>,
    polarity: polarity::Polarity,
}

fn read(text: &str, settings: &ToneSettings) -> Analysed {
    let (mut toks, sentences) = token::tokenize(text);
    for t in toks.iter_mut().filter(|t| t.kind == Kind::Word) {
        t.valence = [
            lexicon::valence_hashed(Lang::Fr, &t.norm, t.hash),
            lexicon::valence_hashed(Lang::En, &t.norm, t.hash),
        ];
    }
    let (lang, langs) = languages(text, &toks, &sentences, settings.lang);
    let letters = toks
        .iter()
        .filter(|t| t.kind == Kind::Word && t.norm.chars().any(char::is_alphabetic));
    let (mut words, mut caps) = (0, 0);
    for t in letters {
        words += 1;
        caps += t.caps as u32;
    }
    let all_caps = words > 0 && caps == words;
    let polarity = polarity::score(&toks, &sentences, &langs, all_caps);
    Analysed {
        toks,
        sentences,
        lang,
        langs,
        polarity,
    }
}

/// Reads the comment being answered once, for `analyse`'s courtesy checks.
pub fn reply_context(text: &str, settings: &ToneSettings) -> ReplyContext {
    let a = read(
        text,
        &ToneSettings {
            lang: None,
            ..settings.clone()
        },
    );
    let complaint =
        a.polarity.score <= -0.05 || a.toks.iter().any(|t| courtesy::is_complaint_word(&t.norm));
    ReplyContext {
        polarity: a.polarity,
        complaint,
    }
}

/// The tone of `text`, with the comment it answers if known.
pub fn analyse(text: &str, settings: &ToneSettings, reply: Option<&ReplyContext>) -> ToneReport {
    let a = read(text, settings);
    let ctx = Ctx {
        text,
        lang: a.lang,
        toks: &a.toks,
        sentences: &a.sentences,
        langs: &a.langs,
        polarity: &a.polarity,
        settings,
        reply,
    };
    let mut findings = Vec::new();
    for check in registry::CHECKS {
        if !settings.disabled.iter().any(|d| d == check.id) {
            (check.run)(&ctx, &mut findings);
        }
    }
    let score = a.polarity.score;
    ToneReport {
        lang: a.lang,
        polarity: classify(score),
        // + 0.0: a score that rounds to zero is 0, not -0
        score: (score as f64 * 1000.0).round() / 1000.0 + 0.0,
        findings,
    }
}

/// A count as decimal digits, for a finding's argument (without the formatting machinery, which
/// the in-page engine would otherwise carry).
pub fn itoa(mut n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[i..].iter().map(|&d| d as char).collect()
}

/// A score with two decimals (`-0.62`), as `format!("{:.2}")` writes it, without it.
pub fn decimal2(x: f32) -> String {
    let hundredths = (x.abs() * 100.0).round() as usize;
    let mut s = String::with_capacity(8);
    if x < 0.0 && hundredths > 0 {
        s.push('-');
    }
    s.push_str(&itoa(hundredths / 100));
    s.push('.');
    s.push((b'0' + (hundredths / 10 % 10) as u8) as char);
    s.push((b'0' + (hundredths % 10) as u8) as char);
    s
}

#[cfg(test)]
mod number_tests {
    #[test]
    fn counts_print_as_decimal() {
        for n in [0usize, 7, 10, 42, 999, 1000, 65_536, usize::MAX] {
            assert_eq!(super::itoa(n), n.to_string());
        }
    }

    #[test]
    fn scores_print_with_two_decimals() {
        for x in [
            -1.0f32, -0.62, -0.05, -0.5, -0.999, -0.123, 0.0, 0.3, 0.996, 1.0,
        ] {
            assert_eq!(super::decimal2(x), format!("{:.2}", x), "{x}");
        }
    }
}
