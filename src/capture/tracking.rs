//! The tracking parameters URL cleaning strips, as data. Nothing else lives here.
//!
//! Sources (names only, matched without regard to case):
//! - ClearURLs rules (`data.min.json`, https://github.com/ClearURLs/Rules, LGPL-3.0): the
//!   `globalRules` provider and the site providers for X/Twitter, LinkedIn, YouTube, Instagram,
//!   Facebook, Reddit, TikTok, Spotify and Medium (read at commit 9317c06, July 2025). Its regular
//!   expressions are written out here as names and prefixes; the over-broad ones (`[a-z]?mc`,
//!   Twitter's bare `src`, Facebook's `[a-z]*ref[a-z]*`) are left out, because they also match
//!   parameters that carry content.
//! - Brave's query filter (`components/query_filter/utils.cc`, https://github.com/brave/brave-core,
//!   MPL-2.0): its simple, scoped and conditional tracker lists.
//!
//! A parameter listed here must never carry what a page shows: YouTube's `v` and `t`, a blog's
//! `p`, an `id`, a search `s` stay (the tests hold them).

/// Stripped on every site (lower case).
pub const GLOBAL: &[&str] = &[
    // ClearURLs globalRules
    "utm",
    "yclid",
    "_openstat",
    "fb_action_types",
    "fb_action_ids",
    "fb_source",
    "fb_ref",
    "fbclid",
    "action_object_map",
    "action_type_map",
    "action_ref_map",
    "gs_l",
    "mkt_tok",
    "gclid",
    "cmpid",
    "os_ehash",
    "_ga",
    "_gl",
    "__twitter_impression",
    "wt_mc",
    "wtmc",
    "wt_zmc",
    "wtzmc",
    "wtrid",
    "dclid",
    "echobox",
    "spm",
    "tracking_source",
    "ceneo_spo",
    "itm_campaign",
    "itm_medium",
    "itm_source",
    "__hsfp",
    "__hssc",
    "__hstc",
    "_hsenc",
    "_hsmi",
    "__s",
    "hsctatracking",
    "mc_eid",
    "mc_cid",
    "mc_tc",
    "ml_subscriber",
    "ml_subscriber_hash",
    "msclkid",
    "oly_anon_id",
    "oly_enc_id",
    "rb_clickid",
    "s_cid",
    "vero_conv",
    "vero_id",
    "wickedid",
    "twclid",
    // Brave's simple trackers not in the list above
    "_bhlid",
    "_branch_match_id",
    "_branch_referrer",
    "_kx",
    "at_recipient_id",
    "at_recipient_list",
    "bbeml",
    "bsft_clkid",
    "bsft_uid",
    "et_rid",
    "fb_comment_id",
    "guce_referrer",
    "guce_referrer_sig",
    "irclickid",
    "mtm_cid",
    "pk_cid",
    "sc_customer",
    "sc_eh",
    "sc_uid",
    "srsltid",
    "ss_email_id",
    "unicorn_click_id",
    "vgo_ee",
    "wbraid",
    "ymclid",
    "ysclid",
    // Instagram's share id and X's referrer, which also travel on links to other sites
    "igshid",
    "igsh",
    "ref_src",
];

/// Stripped on every site when the name starts with one of these (lower case).
pub const GLOBAL_PREFIXES: &[&str] = &[
    "utm_", // ClearURLs utm(?:_[a-z_]*)?
    "ga_",  // ClearURLs ga_[a-z_]+
    "hmb_", // ClearURLs hmb_(campaign|medium|source)
    "otm_", // ClearURLs otm_[a-z_]*
    "vn_",  // ClearURLs vn(?:_[a-z]*)+
    "oft_", // Brave oft_c, oft_ck, oft_d, oft_id…
];

/// A parameter stripped only on some sites.
pub struct Scoped {
    /// The parameter's name, lower case.
    pub name: &'static str,
    /// The sites (a host or any of its subdomains).
    pub domains: &'static [&'static str],
    /// When set, only on paths that contain this (X's `s` and `t` only on status links).
    pub path_contains: Option<&'static str>,
}

const X: &[&str] = &["x.com", "twitter.com"];
const YOUTUBE: &[&str] = &["youtube.com", "youtu.be"];
const LINKEDIN: &[&str] = &["linkedin.com"];
const FACEBOOK: &[&str] = &["facebook.com"];
const REDDIT: &[&str] = &["reddit.com"];
const TIKTOK: &[&str] = &["tiktok.com"];

const fn on(name: &'static str, domains: &'static [&'static str]) -> Scoped {
    Scoped {
        name,
        domains,
        path_contains: None,
    }
}

/// Site-scoped trackers (ClearURLs site providers, Brave's scoped list).
pub const SCOPED: &[Scoped] = &[
    Scoped {
        name: "s",
        domains: X,
        path_contains: Some("/status/"),
    },
    Scoped {
        name: "t",
        domains: X,
        path_contains: Some("/status/"),
    },
    on("ref_url", X),
    on("cn", X),
    on("si", YOUTUBE),
    on("pp", YOUTUBE),
    on("feature", YOUTUBE),
    on("kw", YOUTUBE),
    on("trk", LINKEDIN),
    on("trkinfo", LINKEDIN),
    on("refid", LINKEDIN),
    on("trackingid", LINKEDIN),
    on("lipi", LINKEDIN),
    on("licu", LINKEDIN),
    on("mibextid", FACEBOOK),
    on("__tn__", FACEBOOK),
    on("eav", FACEBOOK),
    on("paipv", FACEBOOK),
    on("comment_tracking", FACEBOOK),
    on("sfnsn", FACEBOOK),
    on("share_id", REDDIT),
    on("correlation_id", REDDIT),
    on("ref_campaign", REDDIT),
    on("ref_source", REDDIT),
    on("rdt", REDDIT),
    on("$deep_link", REDDIT),
    on("$3p", REDDIT),
    on("$original_url", REDDIT),
    on("_r", TIKTOK),
    on("_t", TIKTOK),
    on("_d", TIKTOK),
    on("u_code", TIKTOK),
    on("preview_pb", TIKTOK),
    on("share_app_name", TIKTOK),
    on("share_iid", TIKTOK),
    on("si", &["spotify.com"]),
    on("source", &["medium.com"]),
];

/// Prefixes stripped on some sites (Facebook's `__cft__[0]`, `__xts__[0]`, `hc_ref`…).
pub const SCOPED_PREFIXES: &[(&str, &[&str])] = &[
    ("__cft__", FACEBOOK),
    ("__xts__", FACEBOOK),
    ("hc_", FACEBOOK),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys are compared in lower case: an entry with a capital would never match.
    #[test]
    fn every_entry_is_lower_case_and_listed_once() {
        let mut names: Vec<String> = GLOBAL.iter().map(|s| s.to_string()).collect();
        names.extend(GLOBAL_PREFIXES.iter().map(|p| format!("{p}*")));
        names.extend(
            SCOPED
                .iter()
                .map(|s| format!("{}@{}", s.name, s.domains.join(","))),
        );
        names.extend(
            SCOPED_PREFIXES
                .iter()
                .map(|(p, d)| format!("{p}*@{}", d.join(","))),
        );
        for n in &names {
            assert_eq!(n, &n.to_lowercase(), "{n}");
        }
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "an entry is listed twice");
        // the content parameters the issue names are never stripped on their own
        for kept in ["v", "t", "p", "id", "s", "q", "page", "list", "index"] {
            assert!(!GLOBAL.contains(&kept), "{kept}");
            assert!(
                !GLOBAL_PREFIXES.iter().any(|p| kept.starts_with(p)),
                "{kept}"
            );
        }
    }
}
