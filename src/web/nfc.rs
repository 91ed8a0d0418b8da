//! NFC through the browser: `String.prototype.normalize("NFC")`, the function twitter-text itself
//! calls before counting, as the core's [`Normalizer`] for the in-page engine. The content script
//! passes it to the length count so that the page does not download unicode-normalization's
//! tables (about 45 KB of wasm). The core asks only for texts holding a character outside
//! `text::nfc_stable`'s ranges. Nothing else lives here.

use crate::text::Normalizer;
use js_sys::JsString;

/// The browser's NFC.
pub struct BrowserNfc;

impl Normalizer for BrowserNfc {
    fn is_nfc(&self, s: &str) -> bool {
        let js = JsString::from(s);
        // compared in JS (`===`): nothing is copied back into the module
        js.normalize("NFC") == js
    }

    fn nfc_into(&self, s: &str, out: &mut String) {
        out.push_str(&String::from(JsString::from(s).normalize("NFC")));
    }
}
