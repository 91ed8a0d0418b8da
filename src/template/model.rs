//! The template record as stored and exported: its texts (main body, short variant, language
//! variants), trigger, tags, networks, times, revision and use counts. Serde only; no parsing of
//! the template language here (`parse`), no rendering (`render`).

use super::TemplateError;
use crate::platform::Platform;
use serde::{Deserialize, Serialize};

/// The language of a template text: Québec French, France French, English. Dates, times and
/// the choice of variant follow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "fr-CA")]
    FrCa,
    #[serde(rename = "fr-FR")]
    FrFr,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Every language, in the order of the UI menus.
    pub const ALL: [Lang; 3] = [Lang::FrCa, Lang::FrFr, Lang::En];

    /// The tag as serialised (`fr-CA`, `fr-FR`, `en`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::FrCa => "fr-CA",
            Lang::FrFr => "fr-FR",
            Lang::En => "en",
        }
    }

    /// The language of a BCP 47 tag: `fr-CA` is Québec French, any other `fr…` France French,
    /// `en…` English; anything else `None`. Case does not matter.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase().replace('_', "-");
        let (primary, region) = t.split_once('-').unwrap_or((&t, ""));
        match primary {
            "fr" if region == "ca" => Some(Lang::FrCa),
            "fr" => Some(Lang::FrFr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// French (either variety).
    pub fn is_french(self) -> bool {
        self != Lang::En
    }
}

/// A language variant of a template: the same reply written for another language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub lang: Lang,
    pub body: String,
    /// The short text for tight platforms (X, Bluesky, Threads) in that language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
}

/// A saved reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Stable id (the starter library's never change, so an update never duplicates them).
    pub id: String,
    pub title: String,
    /// The language of `body` (`None`: not said; the user's setting is assumed).
    #[serde(default)]
    pub lang: Option<Lang>,
    pub body: String,
    /// The short text used on a tight platform when `body` does not fit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// The same reply in other languages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
    /// Typed in a composer (`;merci` then Tab) to insert the template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The networks the template is meant for (empty: any); lint checks it fits each.
    #[serde(default)]
    pub networks: Vec<Platform>,
    /// Milliseconds since the Unix epoch.
    #[serde(default)]
    pub created: i64,
    /// Milliseconds since the Unix epoch.
    #[serde(default)]
    pub updated: i64,
    /// Incremented by every save; a save based on an older revision is refused.
    #[serde(default)]
    pub revision: u32,
    /// Times inserted (kept locally).
    #[serde(default)]
    pub uses: u32,
    /// Milliseconds since the Unix epoch of the last insertion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used: Option<i64>,
}

/// One text of a template, as `Template::texts` lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text<'a> {
    /// The language of the text (`None` for a main body whose language is not said).
    pub lang: Option<Lang>,
    /// The short variant.
    pub short: bool,
    pub text: &'a str,
}

impl Template {
    /// A template with a title and a body, everything else empty.
    pub fn new(id: &str, title: &str, body: &str) -> Template {
        Template {
            id: id.into(),
            title: title.into(),
            lang: None,
            body: body.into(),
            short: None,
            variants: Vec::new(),
            trigger: None,
            tags: Vec::new(),
            networks: Vec::new(),
            created: 0,
            updated: 0,
            revision: 0,
            uses: 0,
            last_used: None,
        }
    }

    /// Every text (main body, short, each variant's body and short), in a stable order.
    pub fn texts(&self) -> Vec<Text<'_>> {
        let mut out = vec![Text {
            lang: self.lang,
            short: false,
            text: &self.body,
        }];
        if let Some(s) = &self.short {
            out.push(Text {
                lang: self.lang,
                short: true,
                text: s,
            });
        }
        for v in &self.variants {
            out.push(Text {
                lang: Some(v.lang),
                short: false,
                text: &v.body,
            });
            if let Some(s) = &v.short {
                out.push(Text {
                    lang: Some(v.lang),
                    short: true,
                    text: s,
                });
            }
        }
        out
    }

    /// The body and short text to use: the variant in the language of the comment answered
    /// (`comment_lang`, a BCP 47 tag such as `fr` or `en-US`) when there is one, else in the
    /// user's language, else the main body. A comment in French with no region takes the
    /// user's French variety when the template has it.
    pub fn pick(&self, comment_lang: Option<&str>, setting: Lang) -> (Lang, &str, Option<&str>) {
        let main = (self.lang.unwrap_or(setting), &self.body, &self.short);
        let all: Vec<(Lang, &String, &Option<String>)> = std::iter::once(main)
            .chain(self.variants.iter().map(|v| (v.lang, &v.body, &v.short)))
            .collect();
        let find = |want: Lang, exact: bool| {
            all.iter()
                .find(|c| c.0 == want || (!exact && c.0.is_french() == want.is_french()))
        };
        let comment = comment_lang.and_then(|tag| {
            let l = Lang::from_tag(tag)?;
            if !l.is_french() || tag.contains(['-', '_']) {
                find(l, true).or_else(|| find(l, false))
            } else if setting.is_french() {
                find(setting, true).or_else(|| find(l, false))
            } else {
                find(l, false)
            }
        });
        let c = comment
            .or_else(|| find(setting, true))
            .or_else(|| find(setting, false))
            .unwrap_or(&all[0]);
        (c.0, c.1.as_str(), c.2.as_deref())
    }

    /// Checks the trigger's shape, when there is one.
    pub fn check_trigger(&self) -> Result<(), TemplateError> {
        self.trigger.as_deref().map_or(Ok(()), check_trigger)
    }
}

/// The characters a trigger may start with.
pub const TRIGGER_PREFIXES: &[char] = &[';', '/', '!', ',', '.', ':', '~'];

/// A trigger is a prefix from `TRIGGER_PREFIXES` then 1 to 31 letters (accents allowed), digits,
/// `-` or `_`: `;merci`, `/rdv`, `;délai-livraison`.
pub fn check_trigger(t: &str) -> Result<(), TemplateError> {
    let mut chars = t.chars();
    let ok = chars.next().is_some_and(|c| TRIGGER_PREFIXES.contains(&c)) && {
        let rest = chars.as_str();
        let n = rest.chars().count();
        (1..=31).contains(&n)
            && rest
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    };
    if ok {
        Ok(())
    } else {
        Err(TemplateError::TriggerInvalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers() {
        for ok in [";merci", "/rdv", ";délai-livraison", "!faq_2", ";a", ";ÉTÉ"] {
            assert_eq!(check_trigger(ok), Ok(()), "{ok}");
        }
        for bad in [
            "merci",
            ";",
            "; merci",
            ";merci!",
            "",
            ";merci\n",
            "@merci",
            "#merci",
            ";aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            ";👍",
        ] {
            assert_eq!(
                check_trigger(bad),
                Err(TemplateError::TriggerInvalid),
                "{bad:?}"
            );
        }
    }

    fn with_variants() -> Template {
        let mut t = Template::new("t", "Merci", "Merci beaucoup !");
        t.lang = Some(Lang::FrCa);
        t.variants = vec![
            Variant {
                lang: Lang::En,
                body: "Thanks a lot!".into(),
                short: None,
            },
            Variant {
                lang: Lang::FrFr,
                body: "Merci beaucoup, bonne journée !".into(),
                short: Some("Merci !".into()),
            },
        ];
        t
    }

    #[test]
    fn variant_by_comment_language_then_setting() {
        let t = with_variants();
        let cases: &[(Option<&str>, Lang, Lang)] = &[
            (Some("en"), Lang::FrCa, Lang::En),
            (Some("en-US"), Lang::FrFr, Lang::En),
            (Some("fr-FR"), Lang::En, Lang::FrFr),
            (Some("fr-CA"), Lang::En, Lang::FrCa),
            // French without region: the user's French variety
            (Some("fr"), Lang::FrFr, Lang::FrFr),
            (Some("fr"), Lang::FrCa, Lang::FrCa),
            // an English-speaking user answering a French comment: the first French text
            (Some("fr"), Lang::En, Lang::FrCa),
            // unknown comment language: the setting
            (Some("de"), Lang::En, Lang::En),
            (None, Lang::FrFr, Lang::FrFr),
            (None, Lang::En, Lang::En),
        ];
        for &(comment, setting, want) in cases {
            assert_eq!(t.pick(comment, setting).0, want, "{comment:?} {setting:?}");
        }
        assert_eq!(t.pick(Some("fr-FR"), Lang::En).2, Some("Merci !"));
    }

    #[test]
    fn a_template_without_variants_uses_its_body() {
        let t = Template::new("t", "x", "Bonjour");
        assert_eq!(
            t.pick(Some("en"), Lang::FrCa),
            (Lang::FrCa, "Bonjour", None)
        );
        let mut t = Template::new("t", "x", "Hello");
        t.lang = Some(Lang::En);
        // only English exists: a French comment still gets it
        assert_eq!(t.pick(Some("fr"), Lang::FrCa).1, "Hello");
    }
}
