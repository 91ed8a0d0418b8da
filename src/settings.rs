//! The user's settings (stored in `storage.local`): their shape, schema version and migrations.
//!
//! Pure data; the web layer reads and writes the JSON. A stored shape from any older schema
//! version, or a damaged one, still yields usable settings: unknown or broken fields fall back to
//! their defaults instead of losing the rest.

use crate::length::CountOptions;
use serde::{Deserialize, Serialize};

/// The schema version written by this build.
pub const SETTINGS_SCHEMA: u32 = 2;

/// The key under which the settings live in `storage.local`.
pub const STORAGE_KEY: &str = "settings";

/// Settings as the options page edits them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Schema version of this record.
    pub schema: u32,
    /// The user's X account is Premium (posts up to 25,000).
    pub x_premium: bool,
    /// The character limit of the user's Mastodon instances, when it differs from what each
    /// instance reports (or 500 when it reports nothing).
    pub mastodon_limit: Option<u32>,
    /// Mastodon instances the user enabled beyond mastodon.social (lower-case ASCII hosts, in the
    /// order added). Served only while the browser grants their host access.
    #[serde(default)]
    pub mastodon_instances: Vec<String>,
    /// Ids of the tone checks turned off (`tone::registry::CHECKS`; schema 2).
    #[serde(default)]
    pub tone_disabled: Vec<String>,
    /// The brand's register in French, if it has one (schema 2).
    #[serde(default)]
    pub tone_register: Option<crate::tone::Register>,
    /// The language the tone checks read every text in, instead of telling it from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tone_lang: Option<crate::tone::Lang>,
    /// The brand's name per network (platform id → name), for `{{marque}}`/`{{brand}}`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub brands: std::collections::BTreeMap<String, String>,
    /// The key that replaces a typed template trigger (`KeyboardEvent.key`: `Tab`, `Enter`, ` `).
    #[serde(
        default = "default_trigger_key",
        skip_serializing_if = "is_default_trigger_key"
    )]
    pub trigger_key: String,
}

/// The keys a trigger may be set to (`KeyboardEvent.key` values).
pub const TRIGGER_KEYS: [&str; 3] = ["Tab", "Enter", " "];

/// The keys the options page offers, in order: Tab and Space end a word without sending
/// anything when a trigger is not recognised (the list not loaded yet, a page whose script was
/// orphaned by an update); Enter sends the message on many networks, so it is not offered.
pub const OFFERED_TRIGGER_KEYS: [&str; 2] = ["Tab", " "];

/// The keys to offer when `current` is set: the offered ones, and `current` too when it is a
/// valid key the options page no longer offers (so opening the page never changes it).
pub fn trigger_key_choices(current: &str) -> Vec<&'static str> {
    let mut keys = OFFERED_TRIGGER_KEYS.to_vec();
    if let Some(k) = TRIGGER_KEYS.iter().find(|k| **k == current) {
        if !keys.contains(k) {
            keys.push(k);
        }
    }
    keys
}

/// The trigger key when the user chose none.
pub const DEFAULT_TRIGGER_KEY: &str = "Tab";

fn default_trigger_key() -> String {
    DEFAULT_TRIGGER_KEY.to_string()
}

/// The default key is not written (a record saved without a choice reads the same everywhere).
fn is_default_trigger_key(key: &str) -> bool {
    key == DEFAULT_TRIGGER_KEY
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            schema: SETTINGS_SCHEMA,
            x_premium: false,
            mastodon_limit: None,
            mastodon_instances: Vec::new(),
            tone_disabled: Vec::new(),
            tone_register: None,
            tone_lang: None,
            trigger_key: default_trigger_key(),
            brands: Default::default(),
        }
    }
}

/// Errors of a settings value the user typed.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SettingsError {
    #[error("the Mastodon limit must be a whole number from 1 to 100000")]
    MastodonLimit,
}

impl crate::error::Coded for SettingsError {
    fn code(&self) -> &'static str {
        match self {
            SettingsError::MastodonLimit => "settings.mastodon_limit",
        }
    }
}

impl Settings {
    /// Reads stored settings of any schema version; never fails (a damaged record gives defaults
    /// for the damaged fields only).
    pub fn from_stored(value: &serde_json::Value) -> Settings {
        Settings::read(&value)
    }

    /// [`from_stored`](Self::from_stored) from any JSON value (in a page: the JS value).
    pub fn read<J: crate::json::Json>(obj: &J) -> Settings {
        let mut s = Settings::default();
        if !obj.is_object() {
            return s;
        }
        if let Some(b) = obj.get("x_premium").and_then(|v| v.as_bool()) {
            s.x_premium = b;
        }
        // schema 0 (before versioning) called it `xPremium`
        if let Some(b) = obj.get("xPremium").and_then(|v| v.as_bool()) {
            s.x_premium = b;
        }
        s.mastodon_limit = obj
            .get("mastodon_limit")
            .and_then(|v| v.as_u64())
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (1..=100_000).contains(n));
        // each entry is read again as if typed: a damaged or duplicate one is dropped alone
        if let Some(list) = obj.get("mastodon_instances").and_then(|v| v.items()) {
            for host in list.iter().filter_map(|v| v.as_str()) {
                if let Ok(next) = crate::instances::add_instance(&s.mastodon_instances, &host) {
                    s.mastodon_instances = next;
                }
            }
        }
        // schema 2 added the tone settings (older records: every check on, no register); an
        // unknown check id is dropped alone
        if let Some(list) = obj.get("tone_disabled").and_then(|v| v.items()) {
            for id in list.iter().filter_map(|v| v.as_str()) {
                let known = crate::tone::registry::CHECKS.iter().any(|c| c.id == id);
                if known && !s.tone_disabled.contains(&id) {
                    s.tone_disabled.push(id);
                }
            }
        }
        s.tone_register = obj
            .get("tone_register")
            .and_then(|v| v.as_str())
            .and_then(|v| crate::tone::Register::from_id(&v));
        s.tone_lang = obj
            .get("tone_lang")
            .and_then(|v| v.as_str())
            .and_then(|v| crate::tone::Lang::from_id(&v));
        // the trigger key: one of the keys that end a word, else the default
        if let Some(k) = obj.get("trigger_key").and_then(|v| v.as_str()) {
            if TRIGGER_KEYS.contains(&k.as_str()) {
                s.trigger_key = k;
            }
        }
        // brand names: a known network and a non-empty name of at most 100 characters each
        if let Some(map) = obj.get("brands").and_then(|v| v.members()) {
            for (network, name) in map {
                let name = name.as_str().unwrap_or_default();
                let name = name.trim();
                if crate::platform::Platform::from_id(&network).is_some()
                    && !name.is_empty()
                    && name.chars().count() <= 100
                {
                    s.brands.insert(network, name.to_string());
                }
            }
        }
        s
    }

    /// The brand's name on `platform`, when the settings give one.
    pub fn brand(&self, platform: crate::platform::Platform) -> Option<String> {
        self.brands.get(platform.id()).cloned()
    }

    /// The tone settings these settings imply, for a text posted on `platform`.
    pub fn tone_settings(&self, platform: crate::platform::Platform) -> crate::tone::ToneSettings {
        crate::tone::ToneSettings {
            lang: self.tone_lang,
            register: self.tone_register,
            platform: Some(platform),
            disabled: self.tone_disabled.clone(),
            ..crate::tone::ToneSettings::default()
        }
    }

    /// Parses the Mastodon limit field as typed (empty means "the default 500").
    pub fn parse_mastodon_limit(input: &str) -> Result<Option<u32>, SettingsError> {
        let t = input.trim();
        if t.is_empty() {
            return Ok(None);
        }
        let cleaned: String = t
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
            .collect();
        match cleaned.parse::<u32>() {
            Ok(n) if (1..=100_000).contains(&n) => Ok(Some(n)),
            _ => Err(SettingsError::MastodonLimit),
        }
    }

    /// The counting options on a Mastodon instance that reports `instance_limit`: a limit the
    /// user set wins over the instance's.
    pub fn count_options_on(&self, instance_limit: Option<u32>) -> CountOptions {
        let mut o = self.count_options();
        o.mastodon_limit = o.mastodon_limit.or(instance_limit);
        o
    }

    /// The counting options these settings imply.
    pub fn count_options(&self) -> CountOptions {
        CountOptions {
            x_premium: self.x_premium,
            mastodon_limit: self.mastodon_limit,
            ..CountOptions::default()
        }
    }
}

/// The instance documents to ask for a post limit, in order: Mastodon 4's, then Mastodon 3's
/// (which has the same `configuration` block since 3.4).
pub const INSTANCE_PATHS: [&str; 2] = ["/api/v2/instance", "/api/v1/instance"];

/// The post limit a Mastodon instance reports in `/api/v2/instance` or `/api/v1/instance`
/// (`configuration.statuses.max_characters`), when it is a sensible number. Other servers'
/// fields (Pleroma's `max_toot_chars`) are not read: they count by other rules.
pub fn instance_limit(instance: &serde_json::Value) -> Option<u32> {
    instance_limit_of(&instance)
}

/// [`instance_limit`] of any JSON value (in a page: the JS value).
pub fn instance_limit_of<J: crate::json::Json>(instance: &J) -> Option<u32> {
    instance
        .get("configuration")?
        .get("statuses")?
        .get("max_characters")?
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| (1..=100_000).contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Coded;
    use serde_json::json;

    #[test]
    fn current_schema_round_trips() {
        let s = Settings {
            schema: SETTINGS_SCHEMA,
            x_premium: true,
            mastodon_limit: Some(1000),
            mastodon_instances: vec!["piaille.fr".into(), "xn--coute-9ra.social".into()],
            tone_disabled: vec!["shouting".into(), "courtesy".into()],
            tone_register: Some(crate::tone::Register::Vous),
            tone_lang: Some(crate::tone::Lang::En),
            trigger_key: "Enter".into(),
            brands: [("x".to_string(), "Café Chez Camille ☕".to_string())].into(),
        };
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(Settings::from_stored(&v), s);
    }

    #[test]
    fn schema_one_gets_every_tone_check_and_no_register() {
        let s = Settings::from_stored(&json!({"schema": 1, "x_premium": true}));
        assert!(s.x_premium);
        assert!(s.tone_disabled.is_empty());
        assert_eq!(s.tone_register, None);
        assert_eq!(s.schema, SETTINGS_SCHEMA);
    }

    #[test]
    fn tone_settings_drop_unknown_checks_and_bad_registers_alone() {
        let s = Settings::from_stored(&json!({
            "tone_disabled": ["shouting", "nope", 3, "shouting", "blame"],
            "tone_register": "vousvoie"
        }));
        assert_eq!(s.tone_disabled, ["shouting", "blame"]);
        assert_eq!(s.tone_register, None);
        let s = Settings::from_stored(&json!({"tone_register": "tu"}));
        assert_eq!(s.tone_register, Some(crate::tone::Register::Tu));
        let t = s.tone_settings(crate::platform::Platform::Mastodon);
        assert_eq!(t.register, Some(crate::tone::Register::Tu));
        assert_eq!(t.platform, Some(crate::platform::Platform::Mastodon));
    }

    #[test]
    fn a_tone_language_set_is_forced_on_every_text_and_a_bad_one_is_dropped_alone() {
        use crate::tone::{analyse, Lang};
        // by default the language is told from the text
        let s = Settings::from_stored(&json!({"tone_register": "vous"}));
        assert_eq!(s.tone_lang, None);
        let fr = "Bonjour Julie, merci pour votre message : nous regardons ça aujourd’hui.";
        let en = "Hi Julie, thanks for your message: we are looking into it today.";
        let x = crate::platform::Platform::X;
        assert_eq!(analyse(fr, &s.tone_settings(x), None).lang, Lang::Fr);
        assert_eq!(analyse(en, &s.tone_settings(x), None).lang, Lang::En);
        for (stored, want) in [
            (json!("en"), Some(Lang::En)),
            (json!("FR"), Some(Lang::Fr)),
            (json!("de"), None),
            (json!(""), None),
            (json!(1), None),
            (json!(null), None),
        ] {
            let s = Settings::from_stored(&json!({"tone_lang": stored, "tone_register": "vous"}));
            assert_eq!(s.tone_lang, want, "{stored}");
            // the rest of the record is kept
            assert_eq!(
                s.tone_register,
                Some(crate::tone::Register::Vous),
                "{stored}"
            );
            let t = s.tone_settings(x);
            assert_eq!(t.lang, want, "{stored}");
            if let Some(lang) = want {
                // both texts read in the language set, whatever they are written in
                assert_eq!(analyse(fr, &t, None).lang, lang, "{stored}");
                assert_eq!(analyse(en, &t, None).lang, lang, "{stored}");
            }
        }
        // not written while unset: a record saved without a choice reads the same everywhere
        let v = serde_json::to_value(Settings::default()).unwrap();
        assert!(v.get("tone_lang").is_none(), "{v}");
    }

    #[test]
    fn trigger_key_choices_keep_a_key_set_before() {
        for (current, keys) in [
            ("Tab", vec!["Tab", " "]),
            (" ", vec!["Tab", " "]),
            ("Enter", vec!["Tab", " ", "Enter"]),
            ("a", vec!["Tab", " "]),
        ] {
            assert_eq!(trigger_key_choices(current), keys, "{current:?}");
        }
        assert!(trigger_key_choices("Tab").contains(&DEFAULT_TRIGGER_KEY));
        assert!(OFFERED_TRIGGER_KEYS
            .iter()
            .all(|k| TRIGGER_KEYS.contains(k)));
    }

    #[test]
    fn trigger_key_is_read_as_typed_or_dropped() {
        let cases = [
            (json!({"trigger_key": "Enter"}), "Enter"),
            (json!({"trigger_key": " "}), " "),
            (json!({"trigger_key": "a"}), "Tab"),
            (json!({"trigger_key": 9}), "Tab"),
            (json!({}), "Tab"),
        ];
        for (v, key) in cases {
            assert_eq!(Settings::from_stored(&v).trigger_key, key, "{v}");
        }
        // the default is not written; a chosen key is, and reads back
        let v = serde_json::to_value(Settings::default()).unwrap();
        assert!(v.get("trigger_key").is_none());
        let chosen = Settings {
            trigger_key: " ".into(),
            ..Settings::default()
        };
        let v = serde_json::to_value(&chosen).unwrap();
        assert_eq!(Settings::from_stored(&v).trigger_key, " ");
    }

    #[test]
    fn brand_names_are_kept_per_known_network_only() {
        let s = Settings::from_stored(&json!({"brands": {
            "x": " Boulangerie Chez Paul ", "mastodon": "", "myspace": "Moi", "bluesky": 42,
            "linkedin-comment": "Ville de Montréal"
        }}));
        assert_eq!(
            s.brand(crate::platform::Platform::X).as_deref(),
            Some("Boulangerie Chez Paul")
        );
        assert_eq!(s.brand(crate::platform::Platform::Mastodon), None);
        assert_eq!(s.brands.len(), 2);
        // none given: nothing written (older readers see the same record)
        let v = serde_json::to_value(Settings::default()).unwrap();
        assert!(v.get("brands").is_none());
    }

    #[test]
    fn a_schema_one_record_with_brands_keeps_them_and_gets_every_tone_check() {
        let s = Settings::from_stored(&json!({
            "schema": 1, "x_premium": true, "mastodon_instances": ["piaille.fr"],
            "brands": {"x": "Café Paulette", "mastodon": "Librairie Olivieri"}
        }));
        assert_eq!(s.schema, SETTINGS_SCHEMA);
        assert!(s.x_premium);
        assert_eq!(s.mastodon_instances, ["piaille.fr"]);
        assert_eq!(
            s.brand(crate::platform::Platform::Mastodon).as_deref(),
            Some("Librairie Olivieri")
        );
        assert!(s.tone_disabled.is_empty());
        assert_eq!(s.tone_register, None);
        // written back as schema 2, read again unchanged
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(v["schema"], 2);
        assert_eq!(Settings::from_stored(&v), s);
    }

    #[test]
    fn every_schema_version_reads_into_the_current_one() {
        // (stored record, x_premium, trigger key, tone checks off, register, X brand)
        let cases = [
            // schema 0: before versioning, `xPremium`
            (json!({"xPremium": true}), true, "Tab", vec![], None, None),
            // schema 1 as first written: no trigger key, no tone settings
            (
                json!({"schema": 1, "x_premium": false, "mastodon_limit": null}),
                false,
                "Tab",
                vec![],
                None,
                None,
            ),
            // schema 1 with the trigger key and a brand, still no tone settings
            (
                json!({"schema": 1, "x_premium": true, "trigger_key": "Enter",
                       "brands": {"x": "Dépanneur Chez Ginette"}}),
                true,
                "Enter",
                vec![],
                None,
                Some("Dépanneur Chez Ginette"),
            ),
            // schema 2: tone settings beside the trigger key
            (
                json!({"schema": 2, "x_premium": false, "trigger_key": " ",
                       "tone_disabled": ["sarcasm"], "tone_register": "vous"}),
                false,
                " ",
                vec!["sarcasm"],
                Some(crate::tone::Register::Vous),
                None,
            ),
        ];
        for (v, premium, key, off, register, brand) in cases {
            let s = Settings::from_stored(&v);
            assert_eq!(s.schema, SETTINGS_SCHEMA, "{v}");
            assert_eq!(s.x_premium, premium, "{v}");
            assert_eq!(s.trigger_key, key, "{v}");
            assert_eq!(s.tone_disabled, off, "{v}");
            assert_eq!(s.tone_register, register, "{v}");
            assert_eq!(
                s.brand(crate::platform::Platform::X).as_deref(),
                brand,
                "{v}"
            );
            // written back in the current schema, read again unchanged
            let back = serde_json::to_value(&s).unwrap();
            assert_eq!(back["schema"], SETTINGS_SCHEMA, "{v}");
            assert_eq!(Settings::from_stored(&back), s, "{v}");
        }
    }

    #[test]
    fn schema_zero_is_migrated() {
        let s = Settings::from_stored(&json!({"xPremium": true}));
        assert!(s.x_premium);
        assert_eq!(s.schema, SETTINGS_SCHEMA);
    }

    #[test]
    fn damaged_fields_fall_back_alone() {
        let s = Settings::from_stored(&json!({"x_premium": true, "mastodon_limit": "beaucoup"}));
        assert!(s.x_premium);
        assert_eq!(s.mastodon_limit, None);
        assert_eq!(Settings::from_stored(&json!(null)), Settings::default());
        assert_eq!(
            Settings::from_stored(&json!({"mastodon_limit": 0})).mastodon_limit,
            None
        );
    }

    #[test]
    fn stored_instances_are_checked_one_by_one() {
        let s = Settings::from_stored(&json!({
            "mastodon_instances": ["piaille.fr", "PIAILLE.FR", 42, "not a host", "mastodon.social", "mamot.fr"]
        }));
        assert_eq!(s.mastodon_instances, ["piaille.fr", "mamot.fr"]);
        let s =
            Settings::from_stored(&json!({"x_premium": true, "mastodon_instances": "piaille.fr"}));
        assert!(s.x_premium);
        assert!(s.mastodon_instances.is_empty());
        // a record from before instances existed
        assert!(
            Settings::from_stored(&json!({"schema": 1, "x_premium": false}))
                .mastodon_instances
                .is_empty()
        );
    }

    #[test]
    fn mastodon_limit_input_is_checked() {
        assert_eq!(Settings::parse_mastodon_limit(""), Ok(None));
        assert_eq!(Settings::parse_mastodon_limit(" 1 000 "), Ok(Some(1000)));
        assert_eq!(Settings::parse_mastodon_limit("5000"), Ok(Some(5000)));
        assert_eq!(
            Settings::parse_mastodon_limit("-3").unwrap_err().code(),
            "settings.mastodon_limit"
        );
        assert!(Settings::parse_mastodon_limit("0").is_err());
        assert!(Settings::parse_mastodon_limit("dix").is_err());
    }

    #[test]
    fn instance_limit_is_read_from_the_v2_instance_document() {
        let doc = json!({"domain": "piaille.fr", "configuration": {"statuses": {"max_characters": 5000}}});
        assert_eq!(instance_limit(&doc), Some(5000));
        assert_eq!(
            instance_limit(&json!({"configuration": {"statuses": {}}})),
            None
        );
        assert_eq!(
            instance_limit(&json!({"configuration": {"statuses": {"max_characters": 0}}})),
            None
        );
        assert_eq!(
            instance_limit(&json!({"configuration": {"statuses": {"max_characters": "500"}}})),
            None
        );
        assert_eq!(instance_limit(&json!([])), None);
        // Pleroma's field: another server, another counting rule
        assert_eq!(
            instance_limit(&json!({"uri": "pleroma.example", "max_toot_chars": 5000})),
            None
        );
    }

    #[test]
    fn the_users_mastodon_limit_wins_over_the_instances() {
        let mut s = Settings::default();
        assert_eq!(s.count_options_on(Some(5000)).mastodon_limit, Some(5000));
        assert_eq!(s.count_options_on(None).mastodon_limit, None);
        s.mastodon_limit = Some(640);
        assert_eq!(s.count_options_on(Some(5000)).mastodon_limit, Some(640));
    }

    #[test]
    fn settings_drive_count_options() {
        let s = Settings {
            x_premium: true,
            mastodon_limit: Some(640),
            ..Settings::default()
        };
        let o = s.count_options();
        assert!(o.x_premium);
        assert_eq!(o.mastodon_limit, Some(640));
    }
}
