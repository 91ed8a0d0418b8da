//! `tone.texting`: texting spellings in a brand's reply (« slt », « mrc », « stp », « dsl »,
//! "thx", "pls", "u"); the argument gives the word spelled out for the UI's suggestion.

use super::{Ctx, Finding, Severity};

/// `texting spelling=the word it stands for`, the spelling folded: one byte string (no table of
/// pointers in the in-page engine).
const TEXTING: &[&str] = &[
    "slt=salut",
    "bjr=bonjour",
    "bsr=bonsoir",
    "mrc=merci",
    "mci=merci",
    "stp=s'il te plaît",
    "svp=s'il vous plaît",
    "dsl=désolé",
    "pk=pourquoi",
    "pq=pourquoi",
    "pcq=parce que",
    "tkt=t'inquiète",
    "jsp=je sais pas",
    "cc=coucou",
    "bcp=beaucoup",
    "qqn=quelqu'un",
    "qqch=quelque chose",
    "tjrs=toujours",
    "tjs=toujours",
    "ds=dans",
    "jtm=je t'aime",
    "rdv=rendez-vous",
    "mtn=maintenant",
    "ptet=peut-être",
    "biz=bisous",
    "thx=thanks",
    "thanx=thanks",
    "tx=thanks",
    "pls=please",
    "plz=please",
    "u=you",
    "ur=your",
    "r=are",
    "b4=before",
    "idk=I don't know",
    "tbh=to be honest",
    "imo=in my opinion",
    "btw=by the way",
    "bc=because",
    "cuz=because",
    "msg=message",
    "pic=picture",
    "ppl=people",
];
const JOINED: [u8; super::token::joined_len(TEXTING)] =
    super::token::join::<{ super::token::joined_len(TEXTING) }>(TEXTING);

/// The entries of [`TEXTING`], from its joined bytes.
pub(super) fn entries() -> impl Iterator<Item = (&'static str, &'static str)> {
    std::str::from_utf8(&JOINED)
        .unwrap_or("")
        .lines()
        .filter_map(|l| l.split_once('='))
}

/// Pushes one finding with every texting spelling and what it stands for.
pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut spans = Vec::new();
    let mut words = Vec::new();
    for t in ctx
        .toks
        .iter()
        .filter(|t| t.is_wordlike() && t.is(super::tags::TEXTING))
    {
        if let Some((_, full)) = entries().find(|(w, _)| *w == t.norm) {
            // « svp » is accepted in writing; a lone « r » or « u » only in an English sentence
            if t.norm == "svp"
                || (t.norm.len() == 1
                    && ctx.langs.get(t.sentence as usize) != Some(&super::Lang::En))
            {
                continue;
            }
            spans.push(t.span);
            words.push(format!("{}={}", t.text(ctx.text), full));
        }
    }
    if !spans.is_empty() {
        out.push(
            Finding::new("tone.texting", Severity::Info, spans).arg("words", words.join(", ")),
        );
    }
}
