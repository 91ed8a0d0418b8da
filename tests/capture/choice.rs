//! The order of preference of each field, source by source, on candidates built by hand (what
//! the browser's collector hands over).

use porte_voix::capture::candidates::{meta_keys, Link, Meta};
use porte_voix::capture::{choose, Candidates, Quote};

fn page(url: &str) -> Candidates {
    Candidates {
        page_url: url.into(),
        ..Default::default()
    }
}

fn meta(c: &mut Candidates, key: &str, content: &str) {
    c.meta.push(Meta {
        key: key.into(),
        content: content.into(),
    });
}

fn link(c: &mut Candidates, rel: &str, href: &str) {
    c.links.push(Link {
        rel: rel.into(),
        href: href.into(),
    });
}

#[test]
fn title_falls_back_source_by_source() {
    let mut c = page("https://exemple.fr/a");
    c.first_h1 = Some("  Le h1\n ".into());
    assert_eq!(choose(&c).title.as_deref(), Some("Le h1"));
    c.title = Some("Le <title>".into());
    assert_eq!(choose(&c).title.as_deref(), Some("Le <title>"));
    meta(&mut c, "twitter:title", "Twitter");
    assert_eq!(choose(&c).title.as_deref(), Some("Twitter"));
    meta(&mut c, "OG:Title", "   ");
    assert_eq!(
        choose(&c).title.as_deref(),
        Some("Twitter"),
        "a blank value is no value"
    );
    meta(&mut c, "og:title", "Open Graph");
    assert_eq!(choose(&c).title.as_deref(), Some("Open Graph"));
}

#[test]
fn description_ends_with_json_ld() {
    let mut c = page("https://exemple.fr/a");
    c.json_ld
        .push(r#"{"@type":"BlogPosting","description":"D&eacute;crit  en JSON-LD"}"#.into());
    assert_eq!(choose(&c).description.as_deref(), Some("Décrit en JSON-LD"));
    meta(&mut c, "description", "La meta");
    assert_eq!(choose(&c).description.as_deref(), Some("La meta"));
    meta(&mut c, "twitter:description", "Twitter");
    assert_eq!(choose(&c).description.as_deref(), Some("Twitter"));
    meta(&mut c, "og:description", "OG");
    assert_eq!(choose(&c).description.as_deref(), Some("OG"));
}

#[test]
fn image_sources_and_resolution() {
    let mut c = page("https://exemple.fr/dossier/page.html?x=1");
    link(&mut c, "image_src", "vignette.png");
    assert_eq!(
        choose(&c).image.as_deref(),
        Some("https://exemple.fr/dossier/vignette.png")
    );
    c.json_ld
        .push(r#"{"@type":"NewsArticle","image":{"@type":"ImageObject","url":"/ld.jpg"}}"#.into());
    assert_eq!(
        choose(&c).image.as_deref(),
        Some("https://exemple.fr/ld.jpg")
    );
    meta(&mut c, "twitter:image", "data:image/png;base64,AAAA");
    assert_eq!(
        choose(&c).image.as_deref(),
        Some("https://exemple.fr/ld.jpg"),
        "a data: URL is not kept"
    );
    meta(
        &mut c,
        "og:image:url",
        "//cdn.exemple.fr/og.jpg?utm_source=x&sig=1",
    );
    assert_eq!(
        choose(&c).image.as_deref(),
        Some("https://cdn.exemple.fr/og.jpg?utm_source=x&sig=1"),
        "an image URL is made absolute, not cleaned"
    );
    c.base_href = Some("https://static.exemple.fr/img/".into());
    meta(&mut c, "og:image", "une.jpg");
    assert_eq!(
        choose(&c).image.as_deref(),
        Some("https://static.exemple.fr/img/une.jpg")
    );
}

#[test]
fn canonical_sources_made_absolute_and_cleaned() {
    let mut c = page("https://exemple.fr/a?utm_source=x&id=4#:~:text=z");
    let item = choose(&c);
    assert_eq!(item.url, "https://exemple.fr/a?id=4");
    assert_eq!(item.canonical, "https://exemple.fr/a?id=4");
    meta(&mut c, "og:url", "https://www.exemple.fr/a?id=4&fbclid=q");
    assert_eq!(choose(&c).canonical, "https://www.exemple.fr/a?id=4");
    link(&mut c, "alternate", "/en/a");
    link(&mut c, "Canonical", "/articles/a?id=4&gclid=1");
    assert_eq!(choose(&c).canonical, "https://exemple.fr/articles/a?id=4");
    assert_eq!(choose(&c).url, "https://exemple.fr/a?id=4");
}

#[test]
fn author_skips_profile_links() {
    let mut c = page("https://exemple.fr/a");
    meta(&mut c, "DC.creator", "Service presse");
    assert_eq!(choose(&c).author.as_deref(), Some("Service presse"));
    c.json_ld
        .push(r#"{"@type":"Article","author":"Jean Dubois"}"#.into());
    assert_eq!(choose(&c).author.as_deref(), Some("Jean Dubois"));
    meta(
        &mut c,
        "article:author",
        "https://www.facebook.com/jean.dubois",
    );
    assert_eq!(choose(&c).author.as_deref(), Some("Jean Dubois"));
    meta(&mut c, "article:author", "J. Dubois");
    assert_eq!(choose(&c).author.as_deref(), Some("J. Dubois"));
    meta(&mut c, "author", "Jean Dubois, à Lyon");
    assert_eq!(choose(&c).author.as_deref(), Some("Jean Dubois, à Lyon"));
}

#[test]
fn published_in_utc_when_an_offset_is_given() {
    let mut c = page("https://exemple.fr/a");
    c.time_pubdate.push("2026-11-02".into());
    assert_eq!(choose(&c).published.as_deref(), Some("2026-11-02"));
    c.item_date_published.push("le 3 novembre".into());
    c.item_date_published
        .push("2026-11-03T08:00:00-05:00".into());
    assert_eq!(
        choose(&c).published.as_deref(),
        Some("2026-11-03T13:00:00Z")
    );
    c.json_ld
        .push(r#"{"@type":"NewsArticle","datePublished":"2026-11-04T10:00:00"}"#.into());
    assert_eq!(choose(&c).published.as_deref(), Some("2026-11-04T10:00:00"));
    meta(
        &mut c,
        "article:published_time",
        "2026-11-05T01:00:00+02:00",
    );
    assert_eq!(
        choose(&c).published.as_deref(),
        Some("2026-11-04T23:00:00Z")
    );
}

#[test]
fn language_declared_then_detected() {
    let mut c = page("https://exemple.fr/a");
    assert_eq!(choose(&c).lang, None);
    c.text_sample = Some(
        "Les équipes de la mairie ont présenté le plan pour les écoles et les crèches.".into(),
    );
    assert_eq!(choose(&c).lang.as_deref(), Some("fr"));
    meta(&mut c, "http-equiv:content-language", "en-US");
    assert_eq!(choose(&c).lang.as_deref(), Some("en"));
    meta(&mut c, "og:locale", "fr_CA");
    assert_eq!(choose(&c).lang.as_deref(), Some("fr"));
    c.html_lang = Some("en".into());
    assert_eq!(choose(&c).lang.as_deref(), Some("en"));
}

#[test]
fn site_name_sources() {
    let mut c = page("https://exemple.fr/a");
    c.json_ld
        .push(r#"{"@graph":[{"@type":"WebSite","name":"Le site"}]}"#.into());
    assert_eq!(choose(&c).site_name.as_deref(), Some("Le site"));
    c.json_ld.push(
        r#"{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"L'éditeur"}}"#.into(),
    );
    assert_eq!(choose(&c).site_name.as_deref(), Some("L'éditeur"));
    meta(&mut c, "application-name", "L'appli");
    assert_eq!(choose(&c).site_name.as_deref(), Some("L'appli"));
    meta(&mut c, "og:site_name", "Le nom OG");
    assert_eq!(choose(&c).site_name.as_deref(), Some("Le nom OG"));
}

#[test]
fn broken_or_hostile_json_ld_is_ignored() {
    let mut c = page("https://exemple.fr/a");
    c.json_ld
        .push("{\"@type\": \"Article\", \"description\": ".into());
    c.json_ld
        .push(format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)));
    c.json_ld
        .push("<!-- {\"@type\":\"Article\",\"description\":\"Dans un commentaire\"} -->".into());
    assert_eq!(
        choose(&c).description.as_deref(),
        Some("Dans un commentaire")
    );
}

#[test]
fn the_selection_becomes_a_quote_with_its_source() {
    let mut c = page("https://exemple.fr/a?utm_medium=x");
    link(&mut c, "canonical", "https://exemple.fr/article");
    c.selection = Some("  « Il faut  publier\n\n moins, mais mieux. »  \n".into());
    assert_eq!(
        choose(&c).quote,
        Some(Quote {
            text: "« Il faut publier\nmoins, mais mieux. »".into(),
            source: "https://exemple.fr/article".into()
        })
    );
    c.selection = Some(" \n ".into());
    assert_eq!(choose(&c).quote, None);
}

#[test]
fn the_collector_list_names_every_meta_source() {
    let keys = meta_keys();
    for k in [
        "og:title",
        "twitter:title",
        "og:image:url",
        "article:author",
        "dc.creator",
        "http-equiv:content-language",
    ] {
        assert!(keys.iter().any(|x| x == k), "{k} missing from {keys:?}");
    }
}
