//! Overall polarity and intensity in the manner of VADER (Hutto & Gilbert, 2014): each word's
//! lexicon valence, raised or lowered by the intensifiers and dampeners before it (« très »,
//! « un peu », "very", "kind of"), flipped and damped by a negation in a window before it (or,
//! in French, by « ne … pas » around a verb: « je n'aime pas »), weighed ×0.5 before and ×1.5
//! after « mais »/"but" in its sentence, raised by capitals in a mixed-case text and by
//! exclamation marks; emoji and emoticons count as words. Negative contributions weigh ×1.5
//! (the negativity bias of SO-CAL, Taboada et al. 2011); a concessive clause (« malgré … »,
//! "despite …", up to its comma) weighs half. Apologies and empathy formulas
//! (« désolé pour le désagrément », "I understand your frustration") are not counted as
//! negative: in such a sentence, before any « mais », negative valences count zero.
//!
//! Returns the score and each word's contribution (the words a UI can underline); word lists of
//! the rules live here, valences in `lexicon`.

use super::lexicon;
use super::tags;
use super::token::{Kind, Sentence, Token};
use super::Lang;

/// The result: a score in −1…1 and the tokens that moved it.
#[derive(Clone, Debug, Default)]
pub struct Polarity {
    /// Normalised score, −1…1.
    pub score: f32,
    /// (token index, contribution) of every token with a non-zero contribution.
    pub contributions: Vec<(usize, f32)>,
}

const B_INCR: f32 = 0.293;
const C_INCR: f32 = 0.733;
const N_SCALAR: f32 = -0.74;
const NEGATIVE_WEIGHT: f32 = 1.5;
/// In an apology or empathy sentence, negative words up to this strength (« retard »,
/// « désagrément », "inconvenience", "frustration") count zero; stronger ones (a sacre, an
/// insult, "horrible") still count.
const APOLOGY_MAX: f32 = 2.3;

/// Intensifiers and dampeners, folded, each after its effect: `+` boosts by [`B_INCR`], `-`
/// dampens by as much, `~` boosts by half of it; phrases are matched on consecutive tokens. One
/// byte string in the binary ([`BOOSTERS_JOINED`]), no table of pointers.
const BOOSTERS: &[&str] = &[
    // English (VADER's list, shortened)
    "+absolutely",
    "+amazingly",
    "+awfully",
    "+completely",
    "+deeply",
    "+entirely",
    "+especially",
    "+exceptionally",
    "+extremely",
    "+fully",
    "+greatly",
    "+highly",
    "+hugely",
    "+incredibly",
    "+intensely",
    "+most",
    "+particularly",
    "+purely",
    "+quite",
    "+really",
    "+remarkably",
    "+so",
    "+super",
    "+thoroughly",
    "+totally",
    "+tremendously",
    "+truly",
    "+unbelievably",
    "+utterly",
    "+very",
    "+way",
    "+fucking",
    "+freaking",
    "+damn",
    "+too",
    "+such",
    "-almost",
    "-barely",
    "-hardly",
    "-kind of",
    "-kinda",
    "-less",
    "-little",
    "-a bit",
    "-a little",
    "-marginally",
    "-occasionally",
    "-partly",
    "-scarcely",
    "-slightly",
    "-somewhat",
    "-sort of",
    "-sorta",
    "-fairly",
    "-rather",
    "~pretty",
    // French (France and Québec)
    "+tres",
    "+vraiment",
    "+trop",
    "+super",
    "+hyper",
    "+ultra",
    "+tellement",
    "+extremement",
    "+totalement",
    "+completement",
    "+absolument",
    "+vachement",
    "+particulierement",
    "+full",
    "+ben",
    "+si",
    "+tant",
    "+incroyablement",
    "+franchement",
    "+carrement",
    "+grave",
    "+enormement",
    "+profondement",
    "+vraiement",
    "+archi",
    "+tout a fait",
    "+fort",
    "-un peu",
    "-peu",
    "-assez",
    "-plutot",
    "-presque",
    "-legerement",
    "-moyennement",
    "-relativement",
    "-quelque peu",
    "+pas mal",
];
const BOOSTERS_JOINED: [u8; super::token::joined_len(BOOSTERS)] =
    super::token::join::<{ super::token::joined_len(BOOSTERS) }>(BOOSTERS);

/// Negations that act on the next three words.
const NEGATORS: &[&str] = &[
    "not",
    "no",
    "never",
    "none",
    "nothing",
    "nobody",
    "nowhere",
    "neither",
    "nor",
    "cannot",
    "without",
    "aint",
    "cant",
    "dont",
    "doesnt",
    "didnt",
    "isnt",
    "wasnt",
    "wont",
    "wouldnt",
    "shouldnt",
    "couldnt",
    "havent",
    "hasnt",
    "hadnt",
    "arent",
    "werent",
    "rarely",
    "seldom",
    "pas",
    "jamais",
    "rien",
    "aucun",
    "aucune",
    "ni",
    "sans",
    "guere",
    "nullement",
    "personne",
];

/// French words that close « ne … » after the verb.
const FR_SECOND: &[&str] = &["pas", "jamais", "plus", "guere", "point", "rien"];

/// Contrast words: what comes after weighs more.
const CONTRAST: &[&str] = &[
    "but",
    "however",
    "mais",
    "cependant",
    "pourtant",
    "toutefois",
    "neanmoins",
];

/// Concessive words: their clause (up to the next comma) weighs half (« malgré quelques
/// longueurs, … », "despite its flaws, …", "great, although slow").
const CONCESSIVE: &[&str] = &[
    "despite",
    "although",
    "though",
    "spite",
    "malgre",
    "quoique",
    "bien que",
    "meme si",
    "even though",
];

/// Apology words: a sentence with one of them does not count its negative words (before a
/// contrast word).
const APOLOGY: &[&str] = &[
    "sorry",
    "apologize",
    "apologise",
    "apologies",
    "apology",
    "desole",
    "navre",
    "excuse",
    "excuses",
    "excusez",
    "pardon",
    "regrettons",
    "dsl",
    "deplorons",
];

/// Empathy words: « je comprends / nous comprenons votre frustration », "I understand".
const EMPATHY: &[&str] = &[
    "understand",
    "comprends",
    "comprenons",
    "comprend",
    "hear",
    "imagine",
    "imaginons",
];

/// Set phrases whose meaning is not the sum of their words (folded tokens, valence).
const PHRASES: &[(&[&str], f32)] = &[
    (&["pas", "mal"], 1.5),
    (&["pas", "terrible"], -1.6),
    (&["pas", "top"], -1.6),
    (&["pas", "fou"], -1.2),
    (&["pas", "de", "souci"], 0.8),
    (&["pas", "de", "soucis"], 0.8),
    (&["pas", "de", "probleme"], 0.8),
    (&["sans", "souci"], 0.8),
    (&["sans", "soucis"], 0.8),
    (&["aucun", "probleme"], 0.8),
    (&["aucun", "souci"], 0.8),
    (&["no", "problem"], 0.8),
    (&["no", "worries"], 0.8),
    (&["n'", "hesitez", "pas"], 0.6),
    (&["n'", "hesite", "pas"], 0.6),
    (&["don't", "hesitate"], 0.6),
    (&["yeah", "right"], -2.0),
    (&["to", "die", "for"], 3.0),
    (&["the", "bomb"], 3.0),
    (&["the", "shit"], 3.0),
    (&["not", "bad"], 1.5),
    (&["must", "see"], 2.4),
    (&["fait", "chier"], -2.8),
    (&["a", "fuir"], -3.0),
    (&["a", "eviter"], -2.6),
    (&["passe", "a", "cote"], -1.4),
    (&["en", "avoir", "marre"], -2.4),
    (&["j'", "en", "ai", "marre"], -2.6),
    (&["sans", "interet"], -2.2),
    (&["sans", "plus"], -1.0),
    (&["waste", "of", "time"], -2.4),
    (&["perte", "de", "temps"], -2.4),
];

fn booster_table() -> &'static [(&'static str, &'static str, f32)] {
    // (last word, whole booster, scalar), sorted by last word
    static T: std::sync::OnceLock<Vec<(&'static str, &'static str, f32)>> =
        std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut v: Vec<_> = std::str::from_utf8(&BOOSTERS_JOINED)
            .unwrap_or("")
            .lines()
            .filter_map(|l| {
                let (effect, b) = l.split_at_checked(1)?;
                let s = match effect {
                    "+" => B_INCR,
                    "-" => -B_INCR,
                    _ => B_INCR * 0.5,
                };
                Some((b.rsplit(' ').next().unwrap_or(b), b, s))
            })
            .collect();
        super::token::sort_small(&mut v, |a, b| a.0 < b.0);
        v
    })
}

/// The last words of the boosters, for the word tags.
pub(super) fn booster_lasts() -> impl Iterator<Item = &'static str> {
    booster_table().iter().map(|e| e.0)
}

/// The first words of the set phrases, for the word tags.
pub(super) fn phrase_heads() -> impl Iterator<Item = &'static str> {
    PHRASES.iter().map(|p| p.0[0])
}

fn booster(toks: &[Token], i: usize) -> Option<(f32, usize)> {
    // a booster of one or several words ending at token i; returns (scalar, first token)
    if !toks[i].is(tags::BOOSTER_LAST) {
        return None;
    }
    let table = booster_table();
    let last = toks[i].norm.as_str();
    let lo = table.partition_point(|e| e.0 < last);
    let mut best: Option<(f32, usize)> = None;
    for &(_, b, s) in table[lo..].iter().take_while(|e| e.0 == last) {
        let parts = b.split(' ').count();
        if parts > i + 1 {
            continue;
        }
        let first = i + 1 - parts;
        if b.split(' ').zip(&toks[first..=i]).all(|(w, t)| t.norm == w)
            && best.is_none_or(|(_, f)| first < f)
        {
            best = Some((s, first));
        }
    }
    best
}

crate::words_joined!(NEGATORS_JOINED, NEGATORS);
crate::words_joined!(CONTRAST_JOINED, CONTRAST);
crate::words_joined!(CONCESSIVE_JOINED, CONCESSIVE);
crate::words_joined!(APOLOGY_JOINED, APOLOGY);
crate::words_joined!(EMPATHY_JOINED, EMPATHY);

fn is_negator(t: &Token) -> bool {
    t.is_wordlike() && (t.is(tags::NEGATOR) || t.norm.ends_with("n't"))
}

/// « désolé(e)(s) », « navré(e)(s) » (folded): by the first letter before the comparison.
fn is_sorry_fr(norm: &str) -> bool {
    match norm.as_bytes().first() {
        Some(b'd') => norm.starts_with("desole"),
        Some(b'n') => norm.starts_with("navre"),
        _ => false,
    }
}

fn phrase_at(toks: &[Token], i: usize) -> Option<(f32, usize)> {
    if !toks[i].is(tags::PHRASE_HEAD) {
        return None;
    }
    // the first words' hashes, to compare strings only where they match
    static HEADS: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    let heads = HEADS.get_or_init(|| PHRASES.iter().map(|p| super::token::hash(p.0[0])).collect());
    let (head, h) = (toks[i].norm.as_str(), toks[i].hash);
    let candidates = PHRASES
        .iter()
        .zip(heads)
        .filter(|&(p, &ph)| ph == h && p.0[0] == head);
    for (&(p, v), _) in candidates {
        if i + p.len() <= toks.len() && p.iter().zip(&toks[i..]).all(|(w, t)| t.norm == *w) {
            return Some((v, p.len()));
        }
    }
    None
}

/// A phrase of the lexicon (« coup de cœur », « à fuir ») starting at token `i`: (valence, tokens).
fn lexicon_phrase(toks: &[Token], i: usize, lang: Lang) -> Option<(f32, usize)> {
    if !toks[i].is(tags::lexicon_phrase(lang)) {
        return None;
    }
    let lex = lexicon::words(lang);
    let mut key = String::new();
    for n in (2..=4usize).rev() {
        if i + n > toks.len() {
            continue;
        }
        key.clear();
        for (k, t) in toks[i..i + n].iter().enumerate() {
            if k > 0 {
                key.push(' ');
            }
            key.push_str(&t.norm);
        }
        if let Some(v) = lex.exact(&key) {
            return Some((v, n));
        }
    }
    None
}

/// Scores `toks`, each sentence in the language `langs[sentence]`.
pub fn score(
    toks: &[Token],
    sentences: &[Sentence],
    langs: &[Lang],
    all_caps_text: bool,
) -> Polarity {
    let mut contributions: Vec<(usize, f32)> = Vec::new();
    let mut skip_until = 0usize;
    for (si, s) in sentences.iter().enumerate() {
        let lang = langs.get(si).copied().unwrap_or(Lang::Fr);
        let first_contribution = contributions.len();
        let mut contrast_at: Option<usize> = None;
        let mut apology = false;
        for (i, t) in toks.iter().enumerate().take(s.end).skip(s.first) {
            if contrast_at.is_none() && t.is(tags::CONTRAST) {
                contrast_at = Some(i);
            }
            if contrast_at.is_none()
                && (t.is(tags::APOLOGY | tags::EMPATHY)
                    || (lang == Lang::Fr && is_sorry_fr(&t.norm)))
            {
                apology = true;
            }
        }
        let mut i = s.first;
        while i < s.end {
            let t = &toks[i];
            if i < skip_until {
                i += 1;
                continue;
            }
            if !t.is_wordlike() && !matches!(t.kind, Kind::Emoji | Kind::Emoticon) {
                i += 1;
                continue;
            }
            if let Some((v, n)) =
                phrase_at(&toks[..s.end], i).or_else(|| lexicon_phrase(&toks[..s.end], i, lang))
            {
                contributions.push((i, v));
                skip_until = i + n;
                i += n;
                continue;
            }
            let base = match t.kind {
                Kind::Emoji | Kind::Emoticon => lexicon::emoji().exact(&t.norm).or_else(|| {
                    // an emoji with a variation selector or skin tone: try its first character
                    let c = t.norm.chars().next()?;
                    let mut b = [0u8; 4];
                    lexicon::emoji().exact(c.encode_utf8(&mut b))
                }),
                // « désolé », "sorry": an apology, not a negative word
                _ if t.is(tags::APOLOGY) || is_sorry_fr(&t.norm) => None,
                // the first word of a booster phrase ("kind" of "kind of") is part of it
                _ if i + 1 < s.end && booster(toks, i + 1).is_some_and(|(_, f)| f == i) => None,
                _ => {
                    if booster(toks, i).is_some_and(|_| {
                        // a booster followed by a valence word is only a booster
                        toks.get(i + 1).is_some_and(|n| {
                            n.sentence == t.sentence && n.valence_in(lang).is_some()
                        })
                    }) {
                        None
                    } else {
                        t.valence_in(lang)
                    }
                }
            };
            let Some(mut v) = base else {
                i += 1;
                continue;
            };
            if t.is_wordlike() {
                if t.caps && !all_caps_text {
                    v += C_INCR * v.signum();
                }
                // boosters and negations in the three tokens before
                let mut negated = false;
                for back in 1..=3usize {
                    if i < s.first + back {
                        break;
                    }
                    let j = i - back;
                    let p = &toks[j];
                    if let Some((scalar, _)) = booster(toks, j) {
                        let damp = [1.0, 0.95, 0.9][back - 1];
                        let mut sc = scalar * damp;
                        if p.caps && !all_caps_text {
                            sc += C_INCR * scalar.signum();
                        }
                        v += sc * v.signum();
                    }
                    if is_negator(p) {
                        negated = true;
                    }
                }
                // French « ne/n' VERB pas », or spoken « j'aime pas »
                if lang == Lang::Fr && !negated {
                    let next = toks[i + 1..s.end]
                        .iter()
                        .take(2)
                        .any(|n| FR_SECOND.contains(&n.norm.as_str()));
                    let ne = toks[s.first..i]
                        .iter()
                        .rev()
                        .take(3)
                        .any(|n| n.norm == "ne" || n.norm == "n'");
                    let right_after = toks
                        .get(i + 1)
                        .is_some_and(|n| n.sentence == t.sentence && n.norm == "pas");
                    if (next && ne) || right_after {
                        negated = true;
                    }
                }
                if negated {
                    v *= N_SCALAR;
                }
            }
            contributions.push((i, v));
            i += 1;
        }
        // concessive clauses: from the word to the next comma
        let mut halved: Vec<(usize, usize)> = Vec::new();
        for i in s.first..s.end {
            let two = |a: &str, b: &str| toks[i].norm == b && i > s.first && toks[i - 1].norm == a;
            // (the second words compared inline first: most tokens are neither)
            let second = matches!(toks[i].norm.as_bytes(), b"que" | b"si");
            if toks[i].is(tags::CONCESSIVE) || (second && (two("bien", "que") || two("meme", "si")))
            {
                let end = (i + 1..s.end)
                    .find(|&j| toks[j].kind == Kind::Punct && toks[j].norm == ",")
                    .unwrap_or(s.end);
                halved.push((i, end));
            }
        }
        // contrast and apology, inside the sentence
        // an intensified negative ("so fucking ridiculous") is a criticism, apology or not
        let boosted = |i: usize| {
            (1..=3)
                .any(|b| i >= s.first + b && booster(toks, i - b).is_some_and(|(sc, _)| sc > 0.0))
        };
        for c in &mut contributions[first_contribution..] {
            let apology = apology && !(c.1 < -1.5 && boosted(c.0));
            if halved.iter().any(|&(a, b)| c.0 > a && c.0 < b) {
                c.1 *= 0.5;
            }
            if let Some(k) = contrast_at {
                if c.0 < k {
                    c.1 *= 0.5;
                    if apology && (-APOLOGY_MAX..0.0).contains(&c.1) {
                        c.1 = 0.0;
                    }
                } else {
                    c.1 *= 1.5;
                }
            } else if apology && (-APOLOGY_MAX..0.0).contains(&c.1) {
                c.1 = 0.0;
            }
        }
    }
    // negativity bias: readers weigh a negative expression more than a positive one, and
    // people soften criticism with praise; SO-CAL (Taboada et al., 2011) weighs negatives ×1.5
    for c in &mut contributions {
        if c.1 < 0.0 {
            c.1 *= NEGATIVE_WEIGHT;
        }
    }
    contributions.retain(|c| c.1 != 0.0);
    let mut sum: f32 = contributions.iter().map(|c| c.1).sum();
    // exclamation marks (up to four) push in the direction of the text
    let bangs = toks
        .iter()
        .filter(|t| t.kind == Kind::Punct)
        .map(|t| t.norm.matches('!').count())
        .sum::<usize>()
        .min(4) as f32;
    if sum != 0.0 {
        sum += bangs * 0.292 * sum.signum();
    }
    let score = (sum / (sum * sum + 15.0).sqrt()).clamp(-1.0, 1.0);
    Polarity {
        score,
        contributions,
    }
}
