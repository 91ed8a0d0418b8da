//! Native benchmark of what runs on every keystroke in a composer: the length report and the
//! tone report together, for a 280-character post and a 3,000-character text, in French and
//! English (emoji, a URL, hashtags, a sacre, capitals). Run with `cargo bench --bench tone`.
//! Goal: ≤ 50 µs for 280 characters, ≤ 0.5 ms for 3,000.

use criterion::{criterion_group, criterion_main, Criterion};
use porte_voix::length::count;
use porte_voix::platform::Platform;
use porte_voix::tone::{analyse, reply_context, ToneSettings};
use std::hint::black_box;

const FR: &str = "Bonjour Julie, merci pour votre message ! Nous sommes vraiment désolés pour ce retard de livraison 😔 Votre colis est bloqué au centre de tri, mais on s'en occupe. Écrivez-nous en MP avec votre numéro de commande : https://exemple.fr/aide #service @Julie ";
const EN: &str = "Hi Sam, thanks for reaching out! We're SO sorry your order arrived damaged 😞 That's not the experience we want for you, but we'll make it right. Please DM us your order number and a photo, and we'll ship a replacement today: https://example.com/help #support ";

fn text_of(base: &str, chars: usize) -> String {
    let mut s = String::new();
    while s.chars().count() < chars {
        s.push_str(base);
    }
    s.chars().take(chars).collect()
}

fn bench(c: &mut Criterion) {
    let settings = ToneSettings::default();
    let reply = reply_context(
        "Trois semaines que j'attends, c'est une honte tabarnak !!!",
        &settings,
    );
    let mut g = c.benchmark_group("length_and_tone");
    for (lang, base) in [("fr", FR), ("en", EN)] {
        for chars in [280usize, 3000] {
            let text = text_of(base, chars);
            g.bench_function(format!("length_only_{lang}_{chars}"), |b| {
                b.iter(|| count(black_box(&text), Platform::X).length)
            });
            g.bench_function(format!("{lang}_{chars}"), |b| {
                b.iter(|| {
                    let l = count(black_box(&text), Platform::X);
                    let t = analyse(black_box(&text), &settings, Some(&reply));
                    (l.length, t.findings.len())
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
