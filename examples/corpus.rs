//! Prints the benchmark corpus (the same 10,000 posts the native benchmark counts,
//! `benches/corpus.rs`) as a JSON array, for the oracle tests (`tests/oracle/`):
//! `cargo run --example corpus > corpus.json`.

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() {
    let posts = corpus::corpus();
    println!(
        "{}",
        serde_json::to_string(&posts).expect("strings serialise")
    );
}
