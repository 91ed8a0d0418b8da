//! Word tags: every word list a check asks about per token (negations, contrast words, function
//! words, « tu » and « vous », texting spellings…) in one table of folded words, each with the
//! bits of the lists it is in. The tokeniser looks each token up once (`Token::tags`); a check
//! then tests a bit instead of looking the word up in a set of its own.
//!
//! The first tokens of the phrase sets (`phrases`) are tagged too: a phrase set tries only the
//! tokens with its bit.
//!
//! The lists stay in their checks' files; only which bit stands for which list lives here.

use std::sync::OnceLock;

use super::token::{hash, HashIndex};
use super::{
    blame, courtesy, hostility, lang, lexicon, polarity, positive, register, sarcasm, shouting,
    texting, Lang,
};

/// `polarity`: negations acting on the next words.
pub const NEGATOR: u32 = 1;
/// `polarity`: contrast words (« mais », "but").
pub const CONTRAST: u32 = 1 << 1;
/// `polarity`: concessive words (« malgré », "despite").
pub const CONCESSIVE: u32 = 1 << 2;
/// `polarity`: apology words.
pub const APOLOGY: u32 = 1 << 3;
/// `polarity`: empathy words.
pub const EMPATHY: u32 = 1 << 4;
/// `polarity`: the last word of an intensifier or dampener.
pub const BOOSTER_LAST: u32 = 1 << 5;
/// `polarity`: the first word of a set phrase (« pas mal », "no problem").
pub const PHRASE_HEAD: u32 = 1 << 6;
/// `lang`: a French function word.
pub const FR_WORD: u32 = 1 << 7;
/// `lang`: an English function word.
pub const EN_WORD: u32 = 1 << 8;
/// `register`: a form of « tu ».
pub const TU: u32 = 1 << 9;
/// `register`: a form of « vous ».
pub const VOUS: u32 = 1 << 10;
/// `texting`: a texting spelling.
pub const TEXTING: u32 = 1 << 11;
/// `hostility`: a word that aims what follows at the reader.
pub const AIMED: u32 = 1 << 12;
/// `shouting`: a known acronym.
pub const ACRONYM: u32 = 1 << 13;
/// `lexicon`: the first word of a phrase of the French lexicon.
pub const LEXICON_PHRASE_FR: u32 = 1 << 14;
/// `lexicon`: the first word of a phrase of the English lexicon.
pub const LEXICON_PHRASE_EN: u32 = 1 << 15;
/// `hostility`: the first word of a swear word or phrase.
pub const SWEAR_HEAD: u32 = 1 << 16;
/// `hostility`: the first word of an insult.
pub const INSULT_HEAD: u32 = 1 << 17;
/// `blame`: the first word of a blaming phrase.
pub const BLAME_HEAD: u32 = 1 << 18;
/// `blame`: the first word of a passive-aggressive phrase.
pub const PASSIVE_HEAD: u32 = 1 << 19;
/// `sarcasm`: the first word of a sarcasm marker.
pub const SARCASM_HEAD: u32 = 1 << 20;
/// `courtesy`: the first word of a greeting.
pub const GREETING_HEAD: u32 = 1 << 21;
/// `courtesy`: the first word of thanks.
pub const THANKS_HEAD: u32 = 1 << 22;
/// `courtesy`: the first word of an apology.
pub const APOLOGIES_HEAD: u32 = 1 << 23;
/// `courtesy`: the first word of a next step.
pub const NEXT_STEP_HEAD: u32 = 1 << 24;
/// `positive`: the first word of an empathy phrase.
pub const EMPATHY_PHRASE_HEAD: u32 = 1 << 25;

/// The bit of the first words of a language's lexicon phrases.
pub fn lexicon_phrase(lang: Lang) -> u32 {
    match lang {
        Lang::Fr => LEXICON_PHRASE_FR,
        Lang::En => LEXICON_PHRASE_EN,
    }
}

struct Table {
    words: Vec<&'static str>,
    tags: Vec<u32>,
    index: HashIndex,
}

/// The lines of a joined list (see `token::join`).
fn lines(joined: &'static [u8]) -> impl Iterator<Item = &'static str> {
    std::str::from_utf8(joined)
        .unwrap_or("")
        .split('\n')
        .filter(|w| !w.is_empty())
}

fn build() -> Table {
    let mut words: Vec<&'static str> = Vec::new();
    let mut tags: Vec<u32> = Vec::new();
    let mut add = |tag: u32, list: &mut dyn Iterator<Item = &'static str>| {
        for w in list {
            words.push(w);
            tags.push(tag);
        }
    };
    add(NEGATOR, &mut lines(&polarity::NEGATORS_JOINED));
    add(CONTRAST, &mut lines(&polarity::CONTRAST_JOINED));
    add(CONCESSIVE, &mut lines(&polarity::CONCESSIVE_JOINED));
    add(APOLOGY, &mut lines(&polarity::APOLOGY_JOINED));
    add(EMPATHY, &mut lines(&polarity::EMPATHY_JOINED));
    add(BOOSTER_LAST, &mut polarity::booster_lasts());
    add(PHRASE_HEAD, &mut polarity::phrase_heads());
    add(FR_WORD, &mut lines(&lang::FR_JOINED));
    add(EN_WORD, &mut lines(&lang::EN_JOINED));
    add(TU, &mut lines(&register::TU_JOINED));
    add(VOUS, &mut lines(&register::VOUS_JOINED));
    add(TEXTING, &mut texting::entries().map(|e| e.0));
    add(AIMED, &mut lines(&hostility::AIMED_JOINED));
    add(ACRONYM, &mut lines(&shouting::ACRONYMS_JOINED));
    for lang in [Lang::Fr, Lang::En] {
        add(
            lexicon_phrase(lang),
            &mut lexicon::words(lang).phrase_heads(),
        );
    }
    // the phrase sets' first tokens (the sets tokenise their phrases without tags)
    for (tag, set) in [
        (SWEAR_HEAD, hostility::swears()),
        (INSULT_HEAD, hostility::insults()),
        (BLAME_HEAD, blame::blame()),
        (PASSIVE_HEAD, blame::passive()),
        (SARCASM_HEAD, sarcasm::markers()),
        (GREETING_HEAD, courtesy::greetings()),
        (THANKS_HEAD, courtesy::thanks()),
        (APOLOGIES_HEAD, courtesy::apologies()),
        (NEXT_STEP_HEAD, courtesy::next_steps()),
        (EMPATHY_PHRASE_HEAD, positive::empathy()),
    ] {
        add(tag, &mut set.heads());
    }
    // one entry per word, with the bits of every list it is in
    let first = HashIndex::new(words.iter().map(|w| hash(w)).collect());
    let mut merged = vec![0u32; words.len()];
    for (i, w) in words.iter().enumerate() {
        if let Some(f) = first.find(hash(w), |j| words[j] == *w) {
            merged[f] |= tags[i];
        }
    }
    let (mut kept, mut kept_tags) = (Vec::new(), Vec::new());
    for (i, w) in words.iter().enumerate() {
        if merged[i] != 0 {
            kept.push(*w);
            kept_tags.push(merged[i]);
        }
    }
    let index = HashIndex::new(kept.iter().map(|w| hash(w)).collect());
    Table {
        words: kept,
        tags: kept_tags,
        index,
    }
}

/// The tags of a folded word whose [`hash`] is `h`.
pub fn of(h: u32, w: &str) -> u32 {
    static TABLE: OnceLock<Table> = OnceLock::new();
    let t = TABLE.get_or_init(build);
    t.index
        .find(h, |i| t.words[i] == w)
        .map_or(0, |i| t.tags[i])
}

/// The tags of a folded word.
pub fn of_str(w: &str) -> u32 {
    of(hash(w), w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_carries_every_list_it_is_in() {
        // « pas »: a negation and the head of « pas mal »; "so": a booster and an English word
        assert_eq!(
            of_str("pas") & (NEGATOR | PHRASE_HEAD),
            NEGATOR | PHRASE_HEAD
        );
        assert_eq!(
            of_str("so") & (BOOSTER_LAST | EN_WORD),
            BOOSTER_LAST | EN_WORD
        );
        assert_ne!(of_str("vous") & (VOUS | FR_WORD), 0);
        assert_eq!(of_str("tabouret"), 0);
        assert_eq!(of_str(""), 0);
    }
}
