//! URL cleaning, case by case: tracking parameters out, content parameters in, the rest of the
//! URL byte for byte.

use porte_voix::capture::{clean_url, clean_url_detailed};

/// (input, expected)
const CASES: &[(&str, &str)] = &[
    // newsletters and campaigns: utm_* in any case, alone or mixed with content
    (
        "https://www.lemonde.fr/planete/article/2026/11/24/cop31_6543210_3244.html?utm_source=twitter&utm_medium=social&utm_campaign=echobox",
        "https://www.lemonde.fr/planete/article/2026/11/24/cop31_6543210_3244.html",
    ),
    (
        "https://blog.example.org/?p=1234&utm_source=newsletter",
        "https://blog.example.org/?p=1234",
    ),
    (
        "https://blog.example.org/?UTM_Source=Newsletter&p=1234&Utm_Medium=email",
        "https://blog.example.org/?p=1234",
    ),
    ("https://example.com/a?utm=1", "https://example.com/a"),
    ("https://example.com/a?utm_", "https://example.com/a"),
    // percent-encoded parameter names are still recognised
    ("https://example.com/a?utm%5Fsource=x&b=2", "https://example.com/a?b=2"),
    // click ids
    ("https://www.ledevoir.com/societe/812345/neige?fbclid=IwAR0abcDEF", "https://www.ledevoir.com/societe/812345/neige"),
    ("https://shop.example.com/item/42?gclid=EAIaIQobChMI&color=rouge", "https://shop.example.com/item/42?color=rouge"),
    ("https://example.com/?dclid=CJ&msclkid=abc&yclid=123&q=vélo", "https://example.com/?q=vélo"),
    ("https://www.instagram.com/p/C0abcDEF/?igshid=MzRlODBiNWFlZA==", "https://www.instagram.com/p/C0abcDEF/"),
    ("https://www.instagram.com/reel/C0abc/?igsh=MWx1", "https://www.instagram.com/reel/C0abc/"),
    ("https://example.com/news?mc_cid=a1b2&mc_eid=c3d4&id=77", "https://example.com/news?id=77"),
    ("https://example.com/post?_hsenc=p2ANqtz&_hsmi=2&__hstc=1&__hssc=2&__hsfp=3", "https://example.com/post"),
    ("https://example.com/a?_ga=2.1&_gl=1*abc&x=1", "https://example.com/a?x=1"),
    ("https://example.com/?srsltid=AfmBOo&wbraid=x&twclid=y&ysclid=z", "https://example.com/"),
    ("https://example.com/?oft_id=1&oft_k=2&hmb_source=3&otm_x=4&keep=5", "https://example.com/?keep=5"),
    // X: ref_src everywhere; s and t only on status links
    (
        "https://x.com/ladepeche/status/1860000000000000000?s=20&t=AbCdEfGh",
        "https://x.com/ladepeche/status/1860000000000000000",
    ),
    (
        "https://twitter.com/user/status/123?ref_src=twsrc%5Etfw&s=46",
        "https://twitter.com/user/status/123",
    ),
    ("https://mobile.twitter.com/user/status/123?t=x", "https://mobile.twitter.com/user/status/123"),
    ("https://x.com/search?q=%23cm&s=09", "https://x.com/search?q=%23cm&s=09"),
    ("https://blog.example.org/?s=recette+tarte&t=2", "https://blog.example.org/?s=recette+tarte&t=2"),
    ("https://example.com/?ref_src=twsrc", "https://example.com/"),
    // YouTube: v and t kept, si and the share feature out
    (
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&si=AbCdEf123",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
    ),
    ("https://youtu.be/dQw4w9WgXcQ?si=xyz&t=10", "https://youtu.be/dQw4w9WgXcQ?t=10"),
    ("https://music.youtube.com/watch?v=abc&feature=share&pp=ygU", "https://music.youtube.com/watch?v=abc"),
    ("https://www.youtube.com/watch?v=abc&list=PL123&index=2", "https://www.youtube.com/watch?v=abc&list=PL123&index=2"),
    // si stays where it is not a tracker
    ("https://example.com/page?si=1", "https://example.com/page?si=1"),
    ("https://notyoutube.com/watch?si=1", "https://notyoutube.com/watch?si=1"),
    ("https://open.spotify.com/track/4uLU6hMC?si=a1b2c3", "https://open.spotify.com/track/4uLU6hMC"),
    // LinkedIn
    (
        "https://www.linkedin.com/posts/jeanne-dupont_cm-activity-7260000000000000000-abcd?trk=public_profile&utm_source=share",
        "https://www.linkedin.com/posts/jeanne-dupont_cm-activity-7260000000000000000-abcd",
    ),
    ("https://fr.linkedin.com/in/jeanne?trk=people-guest&lipi=urn%3Ali", "https://fr.linkedin.com/in/jeanne"),
    ("https://example.com/?trk=1", "https://example.com/?trk=1"),
    // Facebook, Reddit, TikTok, Medium
    ("https://www.facebook.com/story.php?story_fbid=123&id=456&mibextid=Nif5oz", "https://www.facebook.com/story.php?story_fbid=123&id=456"),
    ("https://www.facebook.com/page/posts/1?__cft__[0]=AZX&__tn__=%2CO%2CP-R", "https://www.facebook.com/page/posts/1"),
    ("https://www.reddit.com/r/france/comments/abc/titre/?share_id=XyZ&utm_medium=android_app", "https://www.reddit.com/r/france/comments/abc/titre/"),
    ("https://www.tiktok.com/@marque/video/7300000000?_r=1&_t=8abc&lang=fr", "https://www.tiktok.com/@marque/video/7300000000?lang=fr"),
    ("https://medium.com/@auteur/titre-abc123?source=rss----1", "https://medium.com/@auteur/titre-abc123"),
    ("https://example.com/?source=rss", "https://example.com/?source=rss"),
    // content parameters and their bytes are untouched, in their order
    ("https://example.com/article.php?id=42&page=2", "https://example.com/article.php?id=42&page=2"),
    (
        "https://example.com/recherche?q=caf%C3%A9+cr%C3%A8me&utm_source=x&tri=date&q2=%E2%9C%A8",
        "https://example.com/recherche?q=caf%C3%A9+cr%C3%A8me&tri=date&q2=%E2%9C%A8",
    ),
    ("https://example.com/?b=2&a=1&utm_term=z&c", "https://example.com/?b=2&a=1&c"),
    ("https://example.com/?flag&utm_id=3", "https://example.com/?flag"),
    ("https://exemple.québec/nouvelles?id=é&fbclid=1", "https://exemple.québec/nouvelles?id=é"),
    ("https://example.com/?emoji=🎉&gclid=1", "https://example.com/?emoji=🎉"),
    // no lone ? and no stray &
    ("https://example.com/?utm_source=a&utm_medium=b", "https://example.com/"),
    ("https://example.com/path?", "https://example.com/path"),
    ("https://example.com/?&&utm_source=a&&x=1&", "https://example.com/?x=1"),
    ("https://example.com/?a=1&&b=2", "https://example.com/?a=1&&b=2"),
    // fragments kept, text fragments taken out
    ("https://example.com/doc#section-2", "https://example.com/doc#section-2"),
    ("https://example.com/doc?utm_source=x#section-2", "https://example.com/doc#section-2"),
    ("https://example.com/doc#:~:text=le%20passage", "https://example.com/doc"),
    ("https://example.com/doc#intro:~:text=start,end", "https://example.com/doc#intro"),
    ("https://example.com/doc?id=3&fbclid=x#:~:text=a&text=b", "https://example.com/doc?id=3"),
    ("https://example.com/app#/route?utm_source=x", "https://example.com/app#/route?utm_source=x"),
    // scheme, host, port, user info and path are never changed
    ("HTTPS://Example.COM:8443/A/B?utm_source=x", "HTTPS://Example.COM:8443/A/B"),
    ("https://user:pw@www.youtube.com:443/watch?v=a&si=b", "https://user:pw@www.youtube.com:443/watch?v=a"),
    ("https://www.youtube.com./watch?v=a&si=b", "https://www.youtube.com./watch?v=a"),
    ("http://[2001:db8::1]/p?gclid=1&q=2", "http://[2001:db8::1]/p?q=2"),
    // surrounding whitespace from a paste
    ("  https://example.com/?utm_source=x  \n", "https://example.com/"),
    // no URL at all: left as is
    ("pas une adresse", "pas une adresse"),
    ("", ""),
];

#[test]
fn the_cleaning_table() {
    let mut failures = Vec::new();
    for (input, expected) in CASES {
        let got = clean_url(input);
        if got != *expected {
            failures.push(format!("{input}\n  want {expected}\n  got  {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cleaning_twice_changes_nothing_more() {
    for (input, _) in CASES {
        let once = clean_url(input);
        assert_eq!(clean_url(&once), once, "{input}");
    }
}

#[test]
fn the_report_names_what_was_removed() {
    let c = clean_url_detailed("https://example.com/?UTM_Source=a&id=1&fbclid=b#:~:text=x");
    assert_eq!(c.url, "https://example.com/?id=1");
    assert_eq!(
        c.removed,
        vec!["UTM_Source".to_string(), "fbclid".to_string()]
    );
    assert!(c.text_fragment_removed);
    let c = clean_url_detailed("https://example.com/?id=1#top");
    assert!(c.removed.is_empty());
    assert!(!c.text_fragment_removed);
}
