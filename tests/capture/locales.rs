//! Every error code of capture, of the backlog and of imports and exports, and every reason an
//! import or export report gives, has its message in French and in English; the French ones
//! follow French typography (no plain space before : ; ! ? or inside « »).

use porte_voix::backlog::BacklogError;
use porte_voix::capture::CaptureError;
use porte_voix::error::{message_key, Coded};
use porte_voix::transfer::import::SkipReason;
use porte_voix::transfer::TransferError;
use serde_json::Value;

fn messages(lang: &str) -> Value {
    let p = format!(
        "{}/extension/_locales/{lang}/messages.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn keys() -> Vec<String> {
    let codes: Vec<&'static str> = vec![
        BacklogError::TransitionNotAllowed {
            from: "idea",
            to: "published",
        }
        .code(),
        BacklogError::ScheduleNeedsTime.code(),
        BacklogError::UnknownItem("x".into()).code(),
        BacklogError::DuplicateId("x".into()).code(),
        BacklogError::NewerSchema(2).code(),
        BacklogError::DamagedItem(String::new()).code(),
        CaptureError::NotAWebPage("chrome://newtab/".into()).code(),
        TransferError::TooLarge { size: 1, max: 0 }.code(),
        TransferError::TooManyRecords { max: 0 }.code(),
        TransferError::TooDeep { max: 0 }.code(),
        TransferError::NotUtf8.code(),
        TransferError::NotABackup.code(),
        TransferError::NewerVersion {
            found: 2,
            supported: 1,
        }
        .code(),
        TransferError::Malformed {
            format: "json",
            line: 1,
            detail: String::new(),
        }
        .code(),
        TransferError::MissingColumn("url").code(),
        TransferError::NoBookmarks.code(),
    ];
    let mut keys: Vec<String> = codes.into_iter().map(message_key).collect();
    for r in [
        SkipReason::NotAWebAddress,
        SkipReason::BadRow,
        SkipReason::AlreadyPresent,
        SkipReason::OlderThanCurrent,
        SkipReason::DuplicateInFile,
    ] {
        let id = serde_json::to_value(r).unwrap();
        keys.push(format!("import_skip_{}", id.as_str().unwrap()));
    }
    keys.push("export_skip_no_network".into());
    keys.push("export_skip_no_draft".into());
    keys
}

#[test]
fn every_code_and_reason_has_both_messages() {
    let (fr, en) = (messages("fr"), messages("en"));
    for key in keys() {
        for (lang, m) in [("fr", &fr), ("en", &en)] {
            let text = m[&key]["message"].as_str().unwrap_or("");
            assert!(!text.trim().is_empty(), "{lang} lacks {key}");
        }
        let (f, e) = (
            fr[&key]["message"].as_str().unwrap(),
            en[&key]["message"].as_str().unwrap(),
        );
        assert_ne!(f, e, "{key} is not translated");
        for bad in [" :", " ;", " !", " ?", "« ", " »"] {
            assert!(
                !f.contains(bad),
                "{key}: French typography wants a no-break space in {f:?}"
            );
        }
    }
}
