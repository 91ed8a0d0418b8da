//! The starter library: it reads, every template lints clean on its networks in every
//! language, ids and triggers are stable and unique, the Québec and France texts use their own
//! words, and installing never duplicates nor brings back a deleted template.
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::length::CountOptions;
use porte_voix::template::lint::lint;
use porte_voix::template::parse::{parse, Node};
use porte_voix::template::starter::{starter, to_install};
use porte_voix::template::transfer::check_unique;
use porte_voix::template::{Lang, Template};

fn text_of(t: &Template, lang: Lang) -> &str {
    if t.lang == Some(lang) {
        return &t.body;
    }
    t.variants
        .iter()
        .find(|v| v.lang == lang)
        .map(|v| v.body.as_str())
        .unwrap_or_else(|| panic!("{} has no {lang:?} text", t.id))
}

#[test]
fn about_thirty_templates_each_in_three_languages() {
    let s = starter();
    assert!((28..=40).contains(&s.len()), "{}", s.len());
    check_unique(&s).unwrap();
    for t in &s {
        assert!(t.id.starts_with("starter."), "{}", t.id);
        for lang in Lang::ALL {
            assert!(!text_of(t, lang).trim().is_empty());
        }
        assert!(!t.networks.is_empty() && !t.tags.is_empty(), "{}", t.id);
    }
}

#[test]
fn every_starter_template_lints_clean() {
    let opts = CountOptions::default();
    for t in starter() {
        let problems = lint(&t, &opts);
        assert!(problems.is_empty(), "{}: {problems:?}", t.id);
    }
}

#[test]
fn the_replies_the_issue_asks_for() {
    let s = starter();
    let by_trigger = |tr: &str| {
        s.iter()
            .find(|t| t.trigger.as_deref() == Some(tr))
            .unwrap_or_else(|| panic!("no {tr}"))
    };
    let fields = |body: &str| {
        parse(body)
            .nodes
            .iter()
            .filter(|n| matches!(n, Node::Field { .. }))
            .count()
    };
    // thanks: `;merci`, no fill-in field, in any language
    let merci = by_trigger(";merci");
    for lang in Lang::ALL {
        assert_eq!(fields(text_of(merci, lang)), 0);
    }
    // an order question asks for the order number
    let order = by_trigger(";commande");
    assert!(text_of(order, Lang::FrCa).contains("{{champ:Numéro de commande}}"));
    assert!(text_of(order, Lang::En).contains("{{field:Order number}}"));
    for tag in [
        "excuses",
        "modération",
        "emploi",
        "événement",
        "avis",
        "horaires",
    ] {
        assert!(s.iter().any(|t| t.tags.iter().any(|g| g == tag)), "{tag}");
    }
}

#[test]
fn quebec_and_france_each_with_their_own_words() {
    let s = starter();
    let all = |lang| {
        s.iter()
            .map(|t| text_of(t, lang))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (ca, fr) = (all(Lang::FrCa), all(Lang::FrFr));
    for word in [
        "courriel",
        "fin de semaine",
        "magasinage",
        "présentement",
        "infolettre",
    ] {
        assert!(ca.contains(word), "fr-CA lacks {word}");
        assert!(!fr.contains(word), "fr-FR has {word}");
    }
    for word in ["e-mail", "week-end", "shopping", "newsletter"] {
        assert!(fr.contains(word), "fr-FR lacks {word}");
        assert!(!ca.contains(word), "fr-CA has {word}");
    }
}

#[test]
fn installing_never_duplicates_nor_brings_back_a_deleted_template() {
    let all = starter();
    // first run: everything
    let first = to_install(&[], &[]);
    assert_eq!(first.len(), all.len());
    // an update with everything already there: nothing
    assert!(to_install(&first, &[]).is_empty());
    // the user deleted one: it stays deleted
    let installed: Vec<String> = first.iter().map(|t| t.id.clone()).collect();
    let mut lib = first.clone();
    lib.remove(0);
    assert!(to_install(&lib, &installed).is_empty());
    // a user template already has `;merci`: the starter one comes without it
    let mut mine = Template::new("mine", "Mon merci", "Merci !");
    mine.trigger = Some(";MERCI".into());
    let fresh = to_install(&[mine], &[]);
    let merci = fresh.iter().find(|t| t.id == "starter.merci").unwrap();
    assert_eq!(merci.trigger, None);
    assert!(fresh.iter().filter(|t| t.trigger.is_some()).count() == all.len() - 1);
}
