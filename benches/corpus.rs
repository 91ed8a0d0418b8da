//! The benchmark corpus: 10,000 deterministic, realistic posts (short replies and ~280-character
//! posts with URLs, emoji, French and Québec French). Included with `#[path]` by the native
//! benchmark (`benches/length.rs`), by `examples/corpus.rs` (which prints it as JSON for the
//! in-browser benchmark and the oracle tests) and by `examples/stages.rs` (profiling).
#![allow(dead_code)]

/// Number of posts in the benchmark corpus.
pub const CORPUS_SIZE: usize = 10_000;
/// Seed of the benchmark corpus.
pub const CORPUS_SEED: u64 = 2026;

/// The corpus.
pub fn corpus() -> Vec<String> {
    sample_corpus(CORPUS_SIZE, CORPUS_SEED)
}

/// A deterministic corpus of realistic posts (short replies, ~280-character posts with URLs,
/// emoji and French): the same `(count, seed)` always gives the same texts.
pub fn sample_corpus(count: usize, seed: u64) -> Vec<String> {
    const OPENERS: &[&str] = &[
        "Merci pour votre message!",
        "Bonjour à toute l'équipe,",
        "Thanks for reaching out,",
        "Bonne nouvelle :",
        "Ayoye, quelle semaine!",
        "Allô @marie_tremblay,",
        "Petit rappel 📣",
        "On vous écoute 👂",
    ];
    const MIDDLES: &[&str] = &[
        "notre nouvelle collection est arrivée en magasin",
        "le service à la clientèle est ouvert jusqu'à 21 h ce soir",
        "vous pouvez lire l'article complet sur https://www.lapresse.ca/actualites/2025-06-24/fete-nationale.php",
        "« C'est pas mal câlice de beau » comme dirait mon oncle",
        "tabarnak que c'était bon, le pouding chômeur",
        "the full thread is on https://mastodon.social/@porte_voix/112233445566",
        "inscrivez-vous ici : example.com/inscription?utm_source=x",
        "on se voit au festival d'été de Québec",
        "nos bureaux de Montréal et de Trois-Rivières seront fermés lundi",
        "réponse en moins de 24 h, promis",
        "東京でもお待ちしています",
        "détails : bit.ly/3xYzAbc.",
    ];
    const CLOSERS: &[&str] = &[
        "#Québec #MTL",
        "👨‍👩‍👧‍👦🇨🇦",
        "👍🏽",
        "Bonne journée! ☀️",
        "— L'équipe",
        "#fêtenationale 🎉",
        "@support@mastodon.social",
        "",
    ];
    let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        // Knuth's MMIX linear congruential generator: deterministic, no dependency.
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    (0..count)
        .map(|_| {
            let mut s = String::with_capacity(320);
            s.push_str(OPENERS[next(OPENERS.len())]);
            // Short replies about a third of the time, ~280-character posts otherwise.
            let parts = if next(3) == 0 { 1 } else { 3 + next(3) };
            for _ in 0..parts {
                s.push(' ');
                s.push_str(MIDDLES[next(MIDDLES.len())]);
                s.push('.');
            }
            let closer = CLOSERS[next(CLOSERS.len())];
            if !closer.is_empty() {
                s.push(' ');
                s.push_str(closer);
            }
            s
        })
        .collect()
}
