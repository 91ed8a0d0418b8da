//! Prints `src/text/tlds_merged.txt`, the TLD list the engines embed, from its two sources
//! (`tlds.txt`, `tlds_bluesky.txt`): `cargo run --example merge_tlds > src/text/tlds_merged.txt`.

fn main() {
    print!("{}", porte_voix::text::tld::merged_text());
}
