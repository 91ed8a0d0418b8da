//! Profiling driver (instruction counts under callgrind, see BENCHMARKS.md): counts the first 2,000 corpus posts for the platform given as
//! argv[1] (`none` only generates the corpus, to subtract its cost under callgrind).
#[path = "../benches/corpus.rs"]
mod corpus;
fn main() {
    let posts = corpus::corpus();
    let which = std::env::args().nth(1).unwrap_or_default();
    let mut s = 0u64;
    if which != "none" {
        let p = porte_voix::platform::Platform::from_id(&which).unwrap();
        for t in &posts[..2000] {
            s += porte_voix::length::count(t, p).length as u64;
        }
    }
    println!("{s}");
}
