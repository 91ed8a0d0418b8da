//! Prints the benchmark corpus (the same 10,000 posts the native benchmark counts) as a JSON
//! array, for the in-browser benchmark: `cargo run --release --example corpus > corpus.json`.

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() {
    let posts = corpus::corpus();
    println!(
        "{}",
        serde_json::to_string(&posts).expect("strings serialise")
    );
}
