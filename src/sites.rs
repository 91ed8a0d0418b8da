//! The social networks Porte-voix serves, as data: the hosts of each site, the platform rule its
//! composers post to, and the composer surfaces that post elsewhere (a comment box, a title field).
//!
//! One file per network under `sites/`; this module only holds the shapes and the registry. Nothing
//! here touches the browser: the content script matches the CSS selectors against the DOM.

use crate::platform::Platform;
use serde::Serialize;

mod bluesky;
mod facebook;
mod instagram;
mod linkedin;
mod mastodon;
mod reddit;
mod threads;
mod tiktok;
mod x;
mod youtube;

/// The editor library a surface uses, which decides how text is read and inserted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EditorKind {
    /// A `<textarea>` or `<input>`, React-controlled or not.
    TextField,
    /// Draft.js (`.public-DraftEditor-content`).
    DraftJs,
    /// Lexical (`[data-lexical-editor]`).
    Lexical,
    /// ProseMirror or TipTap (`.ProseMirror`).
    ProseMirror,
    /// Quill (`.ql-editor`).
    Quill,
    /// A bare `contenteditable` with no editor framework.
    ContentEditable,
}

/// One kind of composer on a site: where it is, what it posts to, which editor it is.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Surface {
    /// CSS selector matched with `Element.closest` from the focused editable element.
    pub selector: &'static str,
    /// The length rule of what this composer posts.
    pub platform: Platform,
    /// The editor library expected there (detected again from the DOM at run time).
    pub editor: EditorKind,
    /// The network's own send button for this composer, searched from the composer outwards
    /// (the nearest match): inserted text must enable it. `None` where it has no stable selector.
    pub send_button: Option<&'static str>,
}

/// A field whose text is posted with the composer's and counts with it (Mastodon's content
/// warning).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct CompanionField {
    /// The form holding both, matched with `Element.closest` from the composer.
    pub form: &'static str,
    /// The field, matched inside that form.
    pub field: &'static str,
}

/// Where the comment or post a composer answers is, matched from the composer outwards: the
/// nearest container that precedes the composer (or holds it), then, inside it, the display name
/// and handle of its author and its text. Each list is tried in order; the first match wins.
/// What is read is text, never markup.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct ReplyContext {
    /// The comment or post answered.
    pub containers: &'static [&'static str],
    /// Its author's display name.
    pub name: &'static [&'static str],
    /// Its author's handle (the first `@word` of the element's text, else the whole text).
    pub handle: &'static [&'static str],
    /// Links to its author's profile whose address names the handle (`/@handle`), read when
    /// `handle` finds none: for a network that shows the handle nowhere as text (TikTok).
    pub handle_links: &'static [&'static str],
    /// Its text.
    pub text: &'static [&'static str],
}

/// A social network's site.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Site {
    /// Stable identifier, also the fixture folder name under `tests/fixtures/sites/`.
    pub id: &'static str,
    /// The network's name as shown to the user (a brand name: not translated).
    pub name: &'static str,
    /// Host names served, without port; a host matches itself and its subdomains.
    pub hosts: &'static [&'static str],
    /// The rule of a composer that matches no surface.
    pub default_platform: Platform,
    /// The content-warning field counted with the composers' text, where the network has one.
    pub content_warning: Option<CompanionField>,
    /// Surfaces, most specific first.
    pub surfaces: &'static [Surface],
    /// The comment or post a composer answers, for every surface of the site.
    pub reply: ReplyContext,
}

/// Every site, one line per network.
pub const SITES: &[&Site] = &[
    &x::SITE,
    &facebook::SITE,
    &instagram::SITE,
    &linkedin::SITE,
    &mastodon::SITE,
    &bluesky::SITE,
    &threads::SITE,
    &reddit::SITE,
    &youtube::SITE,
    &tiktok::SITE,
];

/// The site serving `host` (case-insensitive; a subdomain such as `www.` or `m.` matches).
pub fn site_for_host(host: &str) -> Option<&'static Site> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    SITES.iter().copied().find(|site| {
        site.hosts.iter().any(|h| {
            host == *h
                || (host.len() > h.len()
                    && host.ends_with(h)
                    && host.as_bytes()[host.len() - h.len() - 1] == b'.')
        })
    })
}

/// The site serving `host`, counting the Mastodon instances the user enabled (`instances` are
/// lower-case hosts; an instance matches its own host only, as its content script does).
pub fn site_for_host_in(host: &str, instances: &[String]) -> Option<&'static Site> {
    site_for_host(host).or_else(|| {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        instances.contains(&host).then_some(&mastodon::SITE)
    })
}

/// The host of an `http` or `https` URL, without user info or port.
pub fn url_host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    Some(host_port.split(':').next().unwrap_or(""))
}

/// The site of a URL such as `https://www.linkedin.com/feed/` (only `http` and `https`),
/// counting the Mastodon instances the user enabled.
pub fn site_for_url(url: &str, instances: &[String]) -> Option<&'static Site> {
    site_for_host_in(url_host(url)?, instances)
}

/// The platform a composer posts to, given which of the site's surface selectors matched
/// (`matched[i]` is true when `surfaces[i].selector` matched the composer).
pub fn platform_for(site: &Site, matched: impl Fn(&str) -> bool) -> Platform {
    site.surfaces
        .iter()
        .find(|s| matched(s.selector))
        .map(|s| s.platform)
        .unwrap_or(site.default_platform)
}

/// Text read from the page, as a template takes it: runs of white space (line breaks, tabs,
/// no-break spaces) made one space, trimmed; `None` when nothing is left.
pub fn clean_text(raw: &str) -> Option<String> {
    let out = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    (!out.is_empty()).then_some(out)
}

/// The handle in an element's text: its first `@word` (X shows "Name @handle · 3 h"), else the
/// whole cleaned text when it is one word (Threads, Instagram show the bare user name).
pub fn handle_in(raw: &str) -> Option<String> {
    let at = raw
        .split_whitespace()
        .map(|w| w.trim_start_matches(['(', '[', '·']))
        .find(|w| w.len() > 1 && w.starts_with('@'));
    match at {
        Some(w) => Some(
            w.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
                .to_string(),
        ),
        None => {
            let t = clean_text(raw)?;
            (!t.contains(' ')).then_some(t)
        }
    }
}

/// The handle in the address of a link to a profile, as `@handle`: the first segment of the
/// path when it is `@` and a name (letters, digits, `_`, `.`), as TikTok's `/@handle` or
/// `https://www.tiktok.com/@handle/video/…`; `None` for any other address.
pub fn handle_in_link(href: &str) -> Option<String> {
    let href = href.trim();
    // an absolute or scheme-relative address: its path starts after the host
    let path = match href.find("//") {
        Some(i)
            if href[..i]
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == ':') =>
        {
            let after = &href[i + 2..];
            &after[after.find('/')?..]
        }
        _ => href,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let name = path.split('/').find(|s| !s.is_empty())?.strip_prefix('@')?;
    (!name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.'))
    .then(|| format!("@{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_subdomains_resolve_to_their_site() {
        assert_eq!(site_for_host("x.com").map(|s| s.id), Some("x"));
        assert_eq!(
            site_for_host("WWW.LinkedIn.com").map(|s| s.id),
            Some("linkedin")
        );
        assert_eq!(
            site_for_host("m.facebook.com").map(|s| s.id),
            Some("facebook")
        );
        assert!(site_for_host("notx.com").is_none());
        assert!(site_for_host("evil-x.com").is_none());
        assert!(site_for_host("x.com.evil.org").is_none());
        assert!(site_for_host("").is_none());
        assert_eq!(
            site_for_host("www.tiktok.com").map(|s| s.id),
            Some("tiktok")
        );
        assert!(site_for_host("tiktok.com.evil.org").is_none());
    }

    #[test]
    fn urls_resolve_by_host_only() {
        assert_eq!(
            site_for_url("https://bsky.app/profile/a", &[]).map(|s| s.id),
            Some("bluesky")
        );
        assert_eq!(
            site_for_url("https://x.com:8443/home?q=1", &[]).map(|s| s.id),
            Some("x")
        );
        assert!(site_for_url("https://example.org/x.com", &[]).is_none());
        assert!(site_for_url("chrome-extension://abc/popup.html", &[]).is_none());
        assert!(site_for_url("https://user@evil.org/", &[]).is_none());
    }

    #[test]
    fn enabled_instances_are_mastodon_sites_by_exact_host() {
        let instances = vec!["piaille.fr".to_string()];
        assert_eq!(
            site_for_host_in("Piaille.FR", &instances).map(|s| s.id),
            Some("mastodon")
        );
        assert_eq!(
            site_for_url("https://piaille.fr/home", &instances).map(|s| s.id),
            Some("mastodon")
        );
        assert!(site_for_host_in("piaille.fr", &[]).is_none());
        assert!(site_for_host_in("evil.piaille.fr", &instances).is_none());
        assert!(site_for_host_in("piaille.fr.evil.org", &instances).is_none());
        assert!(site_for_url("https://example.org/piaille.fr", &instances).is_none());
        // the networks served out of the box still win
        assert_eq!(
            site_for_host_in("x.com", &instances).map(|s| s.id),
            Some("x")
        );
    }

    #[test]
    fn site_ids_and_hosts_are_unique() {
        let mut ids: Vec<_> = SITES.iter().map(|s| s.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), SITES.len());
        let mut hosts: Vec<_> = SITES.iter().flat_map(|s| s.hosts.iter()).collect();
        let n = hosts.len();
        hosts.sort();
        hosts.dedup();
        assert_eq!(hosts.len(), n);
    }

    #[test]
    fn page_text_is_cleaned_and_handles_found() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            ("  Marie-Ève\n  Tremblay ", Some("Marie-Ève Tremblay"), None),
            (
                "Marie-Ève Tremblay @marieeve_tremblay · 3 h",
                Some("Marie-Ève Tremblay @marieeve_tremblay · 3 h"),
                Some("@marieeve_tremblay"),
            ),
            (
                "@marieeve.example",
                Some("@marieeve.example"),
                Some("@marieeve.example"),
            ),
            ("lea.bouchard", Some("lea.bouchard"), Some("lea.bouchard")),
            ("\u{a0}\t\n", None, None),
            (
                "<img src=x onerror=alert(1)>",
                Some("<img src=x onerror=alert(1)>"),
                None,
            ),
            (
                "Chloé 🇨🇦 (@chloe_qc)",
                Some("Chloé 🇨🇦 (@chloe_qc)"),
                Some("@chloe_qc"),
            ),
            ("John Smith", Some("John Smith"), None),
        ];
        for (raw, text, handle) in cases {
            assert_eq!(clean_text(raw).as_deref(), *text, "{raw:?}");
            assert_eq!(handle_in(raw).as_deref(), *handle, "{raw:?}");
        }
    }

    #[test]
    fn every_site_says_where_the_reply_context_is() {
        for site in SITES {
            let r = site.reply;
            assert!(!r.containers.is_empty(), "{}", site.id);
            assert!(!r.name.is_empty(), "{}", site.id);
            assert!(!r.text.is_empty(), "{}", site.id);
            for sel in r
                .containers
                .iter()
                .chain(r.name)
                .chain(r.handle)
                .chain(r.handle_links)
                .chain(r.text)
            {
                assert!(
                    !sel.trim().is_empty() && !sel.contains(','),
                    "{}: {sel:?}",
                    site.id
                );
            }
        }
    }

    #[test]
    fn every_site_that_shows_a_handle_says_where() {
        // Facebook and LinkedIn show display names only: there is no handle to read
        for site in SITES {
            let r = site.reply;
            let has = !r.handle.is_empty() || !r.handle_links.is_empty();
            assert_eq!(
                has,
                !["facebook", "linkedin"].contains(&site.id),
                "{}",
                site.id
            );
        }
        let tt = site_for_host("www.tiktok.com").unwrap();
        assert!(tt.reply.handle.is_empty(), "TikTok shows no handle as text");
        assert!(!tt.reply.handle_links.is_empty());
    }

    #[test]
    fn handles_are_read_from_profile_addresses() {
        let cases: &[(&str, Option<&str>)] = &[
            ("/@annesophie.cote", Some("@annesophie.cote")),
            ("/@lea.bouchard_", Some("@lea.bouchard_")),
            (
                "https://www.tiktok.com/@chloe_qc?lang=fr-CA",
                Some("@chloe_qc"),
            ),
            (
                "https://www.tiktok.com/@boulangerie.st.roch/video/7300000000000000000",
                Some("@boulangerie.st.roch"),
            ),
            (
                "//www.tiktok.com/@JF_Gagnon_514#comments",
                Some("@JF_Gagnon_514"),
            ),
            ("  /@marie_eve  ", Some("@marie_eve")),
            // accented letters are letters
            ("/@zoé.gagnon", Some("@zoé.gagnon")),
            // not a profile
            ("/", None),
            ("", None),
            ("/@", None),
            ("/tag/québec", None),
            ("/music/son-original-7300", None),
            ("https://www.tiktok.com/", None),
            ("https://www.tiktok.com", None),
            // a name that is not one, an encoded or a second @
            ("/@a%20b", None),
            ("/@user@mastodon.social", None),
            ("/@<img src=x onerror=alert(1)>", None),
            ("/@🎄", None),
            ("javascript:alert('@x')", None),
            ("mailto:chloe@exemple.ca", None),
            // the handle must be the first segment
            ("/fr/@chloe_qc", None),
        ];
        for (href, want) in cases {
            assert_eq!(handle_in_link(href).as_deref(), *want, "{href:?}");
        }
    }

    #[test]
    fn surfaces_pick_the_first_matching_selector() {
        let li = site_for_host("linkedin.com").unwrap();
        let p = platform_for(li, |sel| sel.contains("comments-comment"));
        assert_eq!(p, Platform::LinkedinComment);
        assert_eq!(platform_for(li, |_| false), Platform::Linkedin);
        let tt = site_for_host("www.tiktok.com").unwrap();
        let p = platform_for(tt, |sel| sel.contains("comment-input"));
        assert_eq!(p, Platform::TiktokComment);
        assert_eq!(p.rule().limit, 150);
    }
}
