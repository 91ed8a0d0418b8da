//! Telling French from English, per text and per sentence, from the tokens: function words
//! (weighted), French accents, elisions, then the valence lexicons as a tie-break. A few hundred
//! bytes of word lists instead of a language-identification crate (whatlang adds 75 KB gzip
//! for 69 languages; we need two). Mixed texts: `analyse` asks per sentence and falls back to the
//! text's language where a sentence says too little.
//!
//! No valence or rule lives here.

use super::tags;
use super::token::{Kind, Token};
use super::Lang;

/// French function words and very common words (folded), none of them an English word too.
const FR: &[&str] = &[
    "alors",
    "au",
    "aussi",
    "aux",
    "avec",
    "avez",
    "avoir",
    "bonjour",
    "bonne",
    "c'",
    "ca",
    "ce",
    "cela",
    "ces",
    "cet",
    "cette",
    "chez",
    "comme",
    "comment",
    "d'",
    "dans",
    "de",
    "des",
    "deux",
    "donc",
    "du",
    "elle",
    "elles",
    "en",
    "encore",
    "entre",
    "est",
    "et",
    "etait",
    "ete",
    "etre",
    "eu",
    "faire",
    "fait",
    "il",
    "ils",
    "j'",
    "je",
    "jamais",
    "l'",
    "le",
    "les",
    "leur",
    "lui",
    "m'",
    "mais",
    "merci",
    "mes",
    "moi",
    "mon",
    "meme",
    "n'",
    "ne",
    "nos",
    "notre",
    "nous",
    "ou",
    "par",
    "pas",
    "peu",
    "peut",
    "pour",
    "pourquoi",
    "qu'",
    "quand",
    "que",
    "quel",
    "quelle",
    "qui",
    "rien",
    "s'",
    "sa",
    "sans",
    "ses",
    "si",
    "sont",
    "suis",
    "sur",
    "t'",
    "ta",
    "te",
    "tes",
    "toi",
    "ton",
    "tous",
    "tout",
    "tres",
    "trop",
    "tu",
    "un",
    "une",
    "vos",
    "votre",
    "vous",
    "vraiment",
    "y",
    "ete",
    "c'est",
    "oui",
    "non",
    "salut",
    "avez",
    "sera",
    "bien",
    "tres",
    "aujourd'hui",
    "ici",
    "depuis",
    "chose",
    "quoi",
    "ben",
    "pis",
    "faut",
    "ai",
    "avait",
];

/// English function words and very common words, none of them a French word too.
const EN: &[&str] = &[
    "about",
    "after",
    "all",
    "also",
    "am",
    "and",
    "any",
    "are",
    "at",
    "be",
    "because",
    "been",
    "but",
    "by",
    "can",
    "can't",
    "could",
    "did",
    "didn't",
    "do",
    "does",
    "don't",
    "for",
    "from",
    "get",
    "got",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "i'm",
    "if",
    "in",
    "is",
    "isn't",
    "it",
    "it's",
    "just",
    "know",
    "like",
    "me",
    "more",
    "my",
    "no",
    "not",
    "now",
    "of",
    "one",
    "only",
    "or",
    "our",
    "out",
    "please",
    "really",
    "she",
    "should",
    "so",
    "some",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "they",
    "this",
    "to",
    "too",
    "up",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "who",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "you're",
    "hi",
    "hello",
    "yes",
    "an",
    "its",
    "than",
    "been",
    "into",
    "we're",
    "won't",
    "doesn't",
    "let",
    "sorry",
    "never",
    "always",
    "ever",
    "still",
    "every",
    "want",
    "need",
    "make",
    "take",
    "back",
    "today",
    "tomorrow",
    "yesterday",
    "order",
    "help",
    "team",
    "guys",
    "thing",
    "way",
    "day",
    "people",
    "customer",
    "answer",
    "answers",
    "see",
    "look",
    "time",
    "wait",
    "love",
];

crate::words_joined!(FR_JOINED, FR);
crate::words_joined!(EN_JOINED, EN);

/// Evidence for French and for English in some tokens (higher is stronger).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Evidence {
    /// Points for French.
    pub fr: f32,
    /// Points for English.
    pub en: f32,
}

impl Evidence {
    /// The language the evidence points to, if it points somewhere by at least `margin`.
    pub fn lang(&self, margin: f32) -> Option<Lang> {
        if self.fr >= self.en + margin {
            Some(Lang::Fr)
        } else if self.en >= self.fr + margin {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// The evidence one token gives.
pub fn token_evidence(text: &str, t: &Token) -> Evidence {
    let mut e = Evidence::default();
    if t.kind != Kind::Word {
        return e;
    }
    let w = t.norm.as_str();
    if t.is(tags::FR_WORD) {
        e.fr = 1.0;
        return e;
    }
    if t.is(tags::EN_WORD) {
        e.en = 1.0;
        return e;
    }
    let original = t.text(text);
    // French letters in a word not known as a function word
    if !original.is_ascii()
        && original.chars().any(|c| {
            matches!(
                c,
                'é' | 'è'
                    | 'ê'
                    | 'à'
                    | 'ç'
                    | 'ù'
                    | 'û'
                    | 'ô'
                    | 'î'
                    | 'â'
                    | 'ë'
                    | 'ï'
                    | 'œ'
                    | 'É'
                    | 'È'
                    | 'À'
                    | 'Ç'
            )
        })
    {
        e.fr += 0.7;
    } else if w.contains('\'')
        && (w.ends_with("n't")
            || w.ends_with("'s")
            || w.ends_with("'ll")
            || w.ends_with("'ve")
            || w.ends_with("'re"))
    {
        e.en += 1.0;
    }
    let f = t.valence_in(Lang::Fr).is_some();
    let g = t.valence_in(Lang::En).is_some();
    if f && !g {
        e.fr += 0.3;
    } else if g && !f {
        e.en += 0.3;
    }
    e
}

/// Weighs the tokens `toks` of `text`.
pub fn evidence(text: &str, toks: &[Token]) -> Evidence {
    toks.iter()
        .map(|t| token_evidence(text, t))
        .fold(Evidence::default(), |a, b| Evidence {
            fr: a.fr + b.fr,
            en: a.en + b.en,
        })
}

/// The language of a whole text: the evidence's, else `fallback`.
pub fn detect(text: &str, toks: &[Token], fallback: Lang) -> Lang {
    evidence(text, toks).lang(0.01).unwrap_or(fallback)
}

/// Whether a folded word is a French or English function word.
pub fn is_function_word(w: &str) -> bool {
    tags::of_str(w) & (tags::FR_WORD | tags::EN_WORD) != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tone::token::tokenize;

    #[test]
    fn short_posts() {
        let cases = [
            ("Merci pour votre retour, on regarde ça !", Lang::Fr),
            ("Thanks for your feedback, we're looking into it!", Lang::En),
            ("C'est nul", Lang::Fr),
            ("This is awful", Lang::En),
            ("Tabarnak, ma commande est encore en retard", Lang::Fr),
            ("slt, tkt on s'en occupe", Lang::Fr),
            ("thx, will do", Lang::En),
            ("Génial 😍", Lang::Fr),
            ("I love it 😍", Lang::En),
            ("Envoyez-nous un DM", Lang::Fr),
        ];
        for (text, want) in cases {
            let (t, _) = tokenize(text);
            assert_eq!(detect(text, &t, Lang::Fr), want, "{text}");
            assert_eq!(detect(text, &t, Lang::En), want, "{text} (other fallback)");
        }
    }
}
