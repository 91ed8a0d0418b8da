//! Native benchmark of template rendering: parse + render of a typical reply (first name from a
//! decorated display name, a fill-in field, a business-day date, a choice, the cursor), with and
//! without the length report, and the whole `render_template` of a starter template for X.
//! Search over 5,000 templates per keystroke, and the index build.
//! Run with `cargo bench --bench template`.

use criterion::{criterion_group, criterion_main, Criterion};
use porte_voix::length::CountOptions;
use porte_voix::platform::Platform;
use porte_voix::template::search::SearchIndex;
use porte_voix::template::starter::starter;
use porte_voix::template::{parse, render, render_template, Lang, Moment, RenderContext, Values};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let body = "{{choix:Bonjour|Salut}} {{prenom|à vous}}, merci pour votre message ! Votre commande \
                {{champ:Numéro de commande}} part le {{date:+2jo}} ({{jour:+2jo}}) avant {{heure}}. \
                L'équipe {{marque}} reste disponible : {{url}} {{curseur}}";
    let now = Moment::parse("2026-11-24T10:00:00-05:00").unwrap_or(Moment {
        day: 0,
        minute: 0,
        offset: 0,
    });
    let mut ctx = RenderContext::new(Lang::FrCa, now);
    ctx.author = Some("Dre Marie-Ève Tremblay, PhD 🌸 | Montréal".into());
    ctx.brand = Some("Café Soleil".into());
    ctx.url = Some("https://exemple.ca/aide".into());
    let mut values = Values::default();
    values
        .fields
        .insert("Numéro de commande".into(), "4821".into());
    let parsed = parse(body);
    let mut g = c.benchmark_group("template");
    g.bench_function("parse", |b| b.iter(|| parse(black_box(body))));
    g.bench_function("render", |b| {
        b.iter(|| render(black_box(&parsed), &ctx, &values))
    });
    g.bench_function("parse_render_length_x", |b| {
        b.iter(|| {
            let r = render(&parse(black_box(body)), &ctx, &values);
            porte_voix::length::count(&r.text, Platform::X).length
        })
    });
    let lib = starter();
    let t = lib
        .iter()
        .find(|t| t.id == "starter.avis-negatif")
        .unwrap_or(&lib[0]);
    let opts = CountOptions::default();
    g.bench_function("render_template_x_short_fallback", |b| {
        b.iter(|| render_template(black_box(t), &ctx, &values, Some((Platform::X, &opts))))
    });
    g.finish();

    // search over 5,000 templates: each keystroke of a query typed, and the index build
    let lib: Vec<porte_voix::template::Template> = (0..5_000)
        .map(|i| {
            let mut t = starter()[i % 31].clone();
            t.id = format!("t{i}");
            t.title = format!("{} {i}", t.title);
            t
        })
        .collect();
    let idx = SearchIndex::new(&lib);
    let mut g = c.benchmark_group("search_5000");
    for q in [
        "r",
        "rem",
        "rembour",
        "commande retard",
        "remboursment",
        "evenement",
    ] {
        g.bench_function(q, |b| b.iter(|| idx.search(black_box(q), 0, 50).len()));
    }
    g.sample_size(10);
    g.bench_function("index_build", |b| {
        b.iter(|| SearchIndex::new(black_box(&lib)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
