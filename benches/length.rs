//! Native benchmark of the length engine over the shared 10,000-post corpus
//! (`benches/corpus.rs`): time per post for X (URLs + emoji + NFC), Mastodon,
//! Bluesky and a UTF-16 platform. Run with `cargo bench --bench length`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use porte_voix::length::count;
use porte_voix::platform::Platform;
use std::hint::black_box;

#[path = "../benches/corpus.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    let posts = corpus::corpus();
    let mut g = c.benchmark_group("count_10k_posts");
    g.throughput(Throughput::Elements(posts.len() as u64));
    g.sample_size(20);
    for p in [
        Platform::X,
        Platform::Mastodon,
        Platform::Bluesky,
        Platform::Linkedin,
    ] {
        g.bench_function(p.id(), |b| {
            b.iter(|| {
                let mut total = 0u64;
                for post in &posts {
                    total += count(black_box(post), p).length as u64;
                }
                total
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
