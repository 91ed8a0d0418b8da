//! The Mastodon instances a user enables beyond the ones served out of the box.
//!
//! Mastodon is thousands of servers. The extension asks for no host at install beyond the
//! networks it knows; the user names their instance (`piaille.fr`), the browser asks them to grant
//! `https://piaille.fr/*`, and the background then registers the content script there. This
//! module holds the pure part: reading what the user typed, and deciding from the settings and
//! the granted origins which instances are served.

use crate::sites::site_for_host;

/// How many instances one profile may enable (a CM with a few brands has a handful).
pub const MAX_INSTANCES: usize = 50;

/// Why a typed instance was refused. Each has a stable code mapped to a `_locales` message.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InstanceError {
    #[error("not a server name such as piaille.fr")]
    Invalid,
    #[error("{0} is already served without enabling it")]
    Builtin(String),
    #[error("{0} is already enabled")]
    Duplicate(String),
    #[error("at most {MAX_INSTANCES} instances can be enabled")]
    TooMany,
}

impl crate::error::Coded for InstanceError {
    fn code(&self) -> &'static str {
        match self {
            InstanceError::Invalid => "instance.invalid",
            InstanceError::Builtin(_) => "instance.builtin",
            InstanceError::Duplicate(_) => "instance.duplicate",
            InstanceError::TooMany => "instance.too_many",
        }
    }
}

/// Reads an instance as a user types it: `piaille.fr`, `https://piaille.fr/home`,
/// `@alice@piaille.fr`, `alice@piaille.fr`, `Piaille.FR.`, or an internationalised name
/// (`écoute.social` → `xn--coute-9ra.social`). Returns the lower-case ASCII host.
///
/// Refuses ports, IP addresses, other schemes and the hosts served out of the box.
pub fn parse_instance(input: &str) -> Result<String, InstanceError> {
    let mut rest = input.trim();
    if let Some(i) = rest.find("://") {
        let scheme = rest[..i].to_ascii_lowercase();
        if scheme != "https" && scheme != "http" {
            return Err(InstanceError::Invalid);
        }
        rest = &rest[i + 3..];
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // a handle: @alice@piaille.fr or alice@piaille.fr
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.is_empty() || host.len() > 253 || host.contains(':') {
        return Err(InstanceError::Invalid);
    }
    let mut labels = Vec::new();
    for label in host.split('.') {
        let ascii = crate::text::punycode::host_label_to_ascii(label);
        let ok = !ascii.is_empty()
            && ascii.len() <= 63
            && !ascii.starts_with('-')
            && !ascii.ends_with('-')
            && ascii
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            return Err(InstanceError::Invalid);
        }
        labels.push(ascii);
    }
    // a name with a top-level domain: not "localhost", not 192.168.0.1
    let tld = labels.last().map(String::as_str).unwrap_or("");
    if labels.len() < 2 || !tld.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Err(InstanceError::Invalid);
    }
    let host = labels.join(".");
    if host.len() > 253 {
        return Err(InstanceError::Invalid);
    }
    if site_for_host(&host).is_some() {
        return Err(InstanceError::Builtin(host));
    }
    Ok(host)
}

/// Adds a typed instance to `list`, refusing duplicates and going over [`MAX_INSTANCES`].
pub fn add_instance(list: &[String], input: &str) -> Result<Vec<String>, InstanceError> {
    let host = parse_instance(input)?;
    if list.contains(&host) {
        return Err(InstanceError::Duplicate(host));
    }
    if list.len() >= MAX_INSTANCES {
        return Err(InstanceError::TooMany);
    }
    let mut next = list.to_vec();
    next.push(host);
    Ok(next)
}

/// The host permission to request for an instance, and the content script's match pattern there.
pub fn origin_pattern(host: &str) -> String {
    format!("https://{host}/*")
}

/// Whether a granted origin pattern (as `permissions.getAll()` lists them) gives access to every
/// page of `https://{host}/`.
pub fn pattern_covers(pattern: &str, host: &str) -> bool {
    if pattern == "<all_urls>" {
        return true;
    }
    let Some((scheme, rest)) = pattern.split_once("://") else {
        return false;
    };
    if scheme != "https" && scheme != "*" {
        return false;
    }
    let Some((host_pattern, path)) = rest.split_once('/') else {
        return false;
    };
    if path != "*" {
        return false;
    }
    let host_pattern = host_pattern.to_ascii_lowercase();
    if host_pattern == "*" {
        return true;
    }
    match host_pattern.strip_prefix("*.") {
        Some(suffix) => {
            host == suffix
                || (host.len() > suffix.len()
                    && host.ends_with(suffix)
                    && host.as_bytes()[host.len() - suffix.len() - 1] == b'.')
        }
        None => host_pattern == host,
    }
}

/// The instances the extension serves now: those the user enabled whose host access the browser
/// grants (the user may withdraw it from the browser's own extension settings at any time).
pub fn served(enabled: &[String], granted: &[String]) -> Vec<String> {
    enabled
        .iter()
        .filter(|host| granted.iter().any(|p| pattern_covers(p, host)))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Coded;

    #[test]
    fn instances_are_read_the_way_users_type_them() {
        for input in [
            "piaille.fr",
            " Piaille.FR ",
            "piaille.fr.",
            "https://piaille.fr",
            "https://piaille.fr/",
            "HTTPS://piaille.fr/home?x=1#top",
            "http://piaille.fr/@alice",
            "@alice@piaille.fr",
            "alice@piaille.fr",
        ] {
            assert_eq!(
                parse_instance(input).as_deref(),
                Ok("piaille.fr"),
                "{input}"
            );
        }
        assert_eq!(
            parse_instance("Écoute.Social").as_deref(),
            Ok("xn--coute-9ra.social")
        );
        assert_eq!(
            parse_instance("mastodon.eus").as_deref(),
            Ok("mastodon.eus")
        );
        assert_eq!(
            parse_instance("m-2.tooting.ch").as_deref(),
            Ok("m-2.tooting.ch")
        );
    }

    #[test]
    fn what_is_not_a_server_name_is_refused() {
        for input in [
            "",
            "   ",
            "piaille",
            "localhost",
            "192.168.0.1",
            "piaille.fr:8443",
            "[::1]",
            "ftp://piaille.fr",
            "javascript:alert(1)",
            "pia ille.fr",
            "-piaille.fr",
            "piaille-.fr",
            "piaille..fr",
            "pi_aille.fr",
            "*.piaille.fr",
            "@alice@",
        ] {
            assert_eq!(
                parse_instance(input),
                Err(InstanceError::Invalid),
                "{input:?}"
            );
        }
        let long = format!("{}.fr", "a".repeat(64));
        assert_eq!(parse_instance(&long), Err(InstanceError::Invalid));
    }

    #[test]
    fn hosts_served_out_of_the_box_are_not_enabled_twice() {
        assert_eq!(
            parse_instance("mastodon.social"),
            Err(InstanceError::Builtin("mastodon.social".into()))
        );
        assert_eq!(
            parse_instance("https://www.x.com/home").unwrap_err().code(),
            "instance.builtin"
        );
    }

    #[test]
    fn adding_refuses_duplicates_and_keeps_the_order() {
        let list = add_instance(&[], "piaille.fr").unwrap();
        let list = add_instance(&list, "@bob@mamot.fr").unwrap();
        assert_eq!(list, ["piaille.fr", "mamot.fr"]);
        assert_eq!(
            add_instance(&list, "https://PIAILLE.fr/"),
            Err(InstanceError::Duplicate("piaille.fr".into()))
        );
        let full: Vec<String> = (0..MAX_INSTANCES).map(|i| format!("i{i}.fr")).collect();
        assert_eq!(
            add_instance(&full, "piaille.fr"),
            Err(InstanceError::TooMany)
        );
    }

    #[test]
    fn granted_patterns_cover_hosts_like_the_browser_matches_them() {
        assert!(pattern_covers("https://piaille.fr/*", "piaille.fr"));
        assert!(pattern_covers("*://piaille.fr/*", "piaille.fr"));
        assert!(pattern_covers("https://*/*", "piaille.fr"));
        assert!(pattern_covers("<all_urls>", "piaille.fr"));
        assert!(pattern_covers("https://*.piaille.fr/*", "piaille.fr"));
        assert!(pattern_covers("https://*.fr/*", "piaille.fr"));
        assert!(!pattern_covers("http://piaille.fr/*", "piaille.fr"));
        assert!(!pattern_covers("https://piaille.fr/home", "piaille.fr"));
        assert!(!pattern_covers("https://*.piaille.fr/*", "evilpiaille.fr"));
        assert!(!pattern_covers("https://mamot.fr/*", "piaille.fr"));
        assert!(!pattern_covers(
            "https://piaille.fr.evil.org/*",
            "piaille.fr"
        ));
        assert!(!pattern_covers("garbage", "piaille.fr"));
    }

    #[test]
    fn only_enabled_and_granted_instances_are_served() {
        let enabled = vec!["piaille.fr".to_string(), "mamot.fr".to_string()];
        let granted = vec![
            "https://piaille.fr/*".to_string(),
            "https://other.example/*".to_string(),
        ];
        assert_eq!(served(&enabled, &granted), ["piaille.fr"]);
        assert!(served(&enabled, &[]).is_empty());
        assert!(served(&[], &granted).is_empty());
        assert_eq!(origin_pattern("piaille.fr"), "https://piaille.fr/*");
    }
}
