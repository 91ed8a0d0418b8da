//! Search over the library: accent- and case-folded, title, trigger, tags and texts, every
//! term required, prefixes as the user types, one typo forgiven, recent and frequent first.
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::template::search::SearchIndex;
use porte_voix::template::starter::starter;
use porte_voix::template::Template;

fn ids(lib: &[Template], idx: &SearchIndex, q: &str) -> Vec<String> {
    idx.search(q, 0, 10)
        .iter()
        .map(|h| {
            lib[h.index as usize]
                .id
                .trim_start_matches("starter.")
                .to_string()
        })
        .collect()
}

#[test]
fn finds_by_title_trigger_tag_and_text_without_accents() {
    let lib = starter();
    let idx = SearchIndex::new(&lib);
    // (query, a template that must come first)
    let cases = [
        ("merci", "merci"),  // the trigger and the title
        (";merci", "merci"), // typed with its prefix
        ("retard", "commande-retard"),
        ("evenement complet", "evenement-complet"), // accents folded, two terms
        ("ÉVÉNEMENT COMPLET", "evenement-complet"),
        ("arnaque", "fraude"),             // the trigger
        ("rembours", "remboursement"),     // a prefix while typing
        ("rupture stock", "rupture"),      // title and text
        ("moderation", "calme"), // a tag; the de-escalation comes before the rules (trigger wins)
        ("remboursment", "remboursement"), // one letter missing
        ("ruptrue", "rupture"),  // two letters swapped
        ("hiring", "emploi"),    // the English text
    ];
    for (q, first) in cases {
        let got = ids(&lib, &idx, q);
        assert_eq!(got.first().map(String::as_str), Some(first), "{q}: {got:?}");
    }
    // every term must match
    assert!(ids(&lib, &idx, "merci zzzzqqq").is_empty());
    assert!(ids(&lib, &idx, "xyzzy").is_empty());
}

#[test]
fn recent_and_frequent_first() {
    let mut lib = starter();
    let day = 86_400_000i64;
    let now = 1_800_000_000_000i64;
    // an empty query lists the most used and recent first
    let pos = |id: &str| lib.iter().position(|t| t.id == id).unwrap();
    let (a, b) = (pos("starter.faq"), pos("starter.rdv"));
    lib[a].uses = 50;
    lib[a].last_used = Some(now - 30 * day);
    lib[b].uses = 3;
    lib[b].last_used = Some(now - day / 2);
    let idx = SearchIndex::new(&lib);
    let top: Vec<u32> = idx.search("", now, 3).iter().map(|h| h.index).collect();
    assert_eq!(top.len(), 3);
    assert!(
        top[..2].contains(&(a as u32)) && top[..2].contains(&(b as u32)),
        "{top:?}"
    );
    // with a query, use breaks near-ties: two templates whose text says « commande »
    let hits = idx.search("commande", now, 50);
    assert!(hits.len() >= 3);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn a_large_library_is_searched_whole() {
    // 5,000 templates: each starter template many times with a numbered title
    let base = starter();
    let lib: Vec<Template> = (0..5_000)
        .map(|i| {
            let mut t = base[i % base.len()].clone();
            t.id = format!("t{i}");
            t.title = format!("{} n° {i}", t.title);
            t.trigger = None;
            t
        })
        .collect();
    let idx = SearchIndex::new(&lib);
    let hits = idx.search("4321", 0, 10);
    assert_eq!(lib[hits[0].index as usize].id, "t4321");
    let want = (0..5_000)
        .filter(|i| base[i % base.len()].id == "starter.remboursement")
        .count();
    assert_eq!(idx.search("remboursement", 0, 10_000).len(), want);
}

#[test]
fn hits_best_first_then_library_order_and_a_limit_keeps_the_best() {
    // many ties (5,000 templates all matching "r…" through their title) and a few better ones
    let words = [
        "remboursement",
        "livraison",
        "merci",
        "rendez-vous",
        "courriel",
    ];
    let mut lib: Vec<Template> = (0..5000)
        .map(|i| {
            let w = words[i % words.len()];
            Template::new(
                &format!("t{i}"),
                &format!("Réponse {i} — {w}"),
                &format!("Bonjour {{{{prenom}}}}, votre {w} n° {i}."),
            )
        })
        .collect();
    lib[4321].trigger = Some(";rapide".into());
    lib[17].uses = 1;
    let idx = SearchIndex::new(&lib);
    for q in ["r", "re", "rem", "rembourse", "merci", "rendez vous"] {
        let all = idx.search(q, 0, usize::MAX);
        assert!(!all.is_empty(), "{q}");
        for w in all.windows(2) {
            let (a, b) = (w[0], w[1]);
            assert!(
                a.score > b.score || (a.score == b.score && a.index < b.index),
                "{q}: {a:?} before {b:?}"
            );
        }
        for limit in [0, 1, 7, 50, all.len()] {
            assert_eq!(
                idx.search(q, 0, limit),
                all[..limit.min(all.len())],
                "{q} {limit}"
            );
        }
    }
    // the trigger and the frequent use rank first among the 5,000 "r…" hits
    let first = idx.search("r", 0, 2);
    assert_eq!(first[0].index, 4321);
    assert_eq!(first[1].index, 17);
}
