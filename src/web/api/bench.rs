//! The benchmark's export (feature `bench`, built only by `benches/browser/tone-core.mjs`, never
//! shipped): the length and tone steps of the content script's refresh, called as the refresh
//! calls them, many times in a row, so that the browser benchmark times the in-page engine's own
//! code without the DOM around it. Nothing else lives here.

use crate::platform::Platform;
use crate::settings::Settings;
use crate::web::content::session;
use wasm_bindgen::prelude::*;

/// Runs `iterations` times what the refresh runs per input on a composer of `platform` (an id,
/// `x`) holding `text`, with the default settings: the length count (`session::count`, the
/// session's snapshot) and the tone report (`tone::analyse` with `Settings::tone_settings`, the
/// tone feature), the comment answered being `reply` (read once, as the feature reads it once per
/// composer; empty: none). Returns the last run's length, number of findings and score, for the
/// benchmark to check against the command line.
#[wasm_bindgen]
pub fn bench_length_tone(text: &str, platform: &str, reply: &str, iterations: u32) -> Vec<f64> {
    let platform = Platform::from_id(platform).unwrap_or(Platform::X);
    let settings = Settings::default();
    let tone = settings.tone_settings(platform);
    let reply = (!reply.trim().is_empty()).then(|| crate::tone::reply_context(reply, &tone));
    let mut last = vec![0.0; 3];
    for _ in 0..iterations {
        let options = settings.count_options_on(None);
        let length = session::count(std::hint::black_box(text), platform, &options);
        let report = crate::tone::analyse(
            std::hint::black_box(text),
            &settings.tone_settings(platform),
            reply.as_ref(),
        );
        last = vec![
            length.length as f64,
            report.findings.len() as f64,
            report.score,
        ];
    }
    last
}
