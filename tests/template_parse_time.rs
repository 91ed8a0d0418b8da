//! The template parser's time is linear in its input, on adversarial bodies. Alone in its test
//! binary: nothing else runs while it measures.
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::template::parse;

fn time_of(body: &str) -> f64 {
    let t = std::time::Instant::now();
    std::hint::black_box(parse(std::hint::black_box(body)));
    t.elapsed().as_secs_f64()
}

#[test]
fn time_is_linear_on_adversarial_input() {
    // Patterns that would make a naive parser quadratic: openings never closed, openings
    // closed at the very end, endless arguments and fallbacks. 1 MB against 100 KB, measured
    // in turns so that a busy machine slows both alike, the best of each kept: linear is 10
    // times the time, quadratic 100 times; allow 40.
    for unit in ["{{", "{{a", "{{choix:a|", "\\{{", "é😀{{x}}"] {
        let medium: String = unit.repeat(100_000 / unit.len());
        let big: String = unit.repeat(1_000_000 / unit.len());
        let big_closed = format!("{big}}}}}");
        let (mut tm, mut tb, mut tc) = (f64::INFINITY, f64::INFINITY, f64::INFINITY);
        for _ in 0..3 {
            for _ in 0..3 {
                tm = tm.min(time_of(&medium));
            }
            tb = tb.min(time_of(&big));
            tc = tc.min(time_of(&big_closed));
        }
        let bound = tm * 40.0 + 0.02;
        assert!(
            tb < bound && tc < bound,
            "{unit:?}: 100 KB {tm}s, 1 MB {tb}s, closed {tc}s"
        );
    }
}
