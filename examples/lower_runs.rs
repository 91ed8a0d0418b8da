//! Prints the table of `src/text/lower.rs` (`LOWER_RUNS`): the standard library's one-to-one
//! lower-case mapping of the characters past ASCII as runs, each a start, a count, a stride (1,
//! or 2 for upper/lower pairs that alternate) and the distance to the lower case.
//! `cargo run --example lower_runs`; a test in `src/text/lower.rs` checks the table against the
//! standard library for every character.

fn single(c: char) -> Option<char> {
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) if x != c => Some(x),
        _ => None,
    }
}

fn main() {
    let pairs: Vec<(u32, i64)> = (0x80u32..=0x10FFFF)
        .filter_map(char::from_u32)
        .filter_map(|c| single(c).map(|l| (c as u32, l as i64 - c as i64)))
        .collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < pairs.len() {
        let (start, delta) = pairs[i];
        let mut best = (1u32, 1u32);
        for stride in [1u32, 2] {
            let mut n = 1;
            while i + (n as usize) < pairs.len()
                && n < 255
                && pairs[i + n as usize] == (start + n * stride, delta)
            {
                n += 1;
            }
            if n > best.0 {
                best = (n, stride);
            }
        }
        runs.push((start, best.0, best.1, delta));
        i += best.0 as usize;
    }
    println!("const LOWER_RUNS: [(u32, i32); {}] = [", runs.len());
    for (start, n, stride, delta) in runs {
        let head = start | (u32::from(stride == 2) << 21) | (n << 22);
        println!("    ({head:#010x}, {delta}),");
    }
    println!("];");
}
