//! Telling French from English: short social posts of both languages (France, Québec, texting),
//! mixed texts read sentence by sentence, and a forced language.

use porte_voix::tone::{analyse, Lang, ToneSettings};

fn lang(text: &str) -> Lang {
    analyse(text, &ToneSettings::default(), None).lang
}

#[test]
fn short_posts() {
    let fr = [
        "Merci beaucoup !",
        "C'est quand la prochaine vente ?",
        "Toujours pas reçu ma commande 😡",
        "slt vous livrez au Québec ?",
        "Ben voyons donc, c'est ben trop cher",
        "J'ai adoré le spectacle hier soir",
        "Où est mon colis ?",
        "Trop hâte de voir ça 🔥",
        "Le service client ne répond jamais",
        "Est-ce que le magasin est ouvert dimanche ?",
        "Je suis tanné d'attendre",
        "Vous êtes les meilleurs",
    ];
    let en = [
        "Thank you so much!",
        "When is the next sale?",
        "Still haven't received my order 😡",
        "Do you ship to Canada?",
        "I loved the show last night",
        "Where is my parcel?",
        "Can't wait to see this 🔥",
        "Customer service never answers",
        "Is the store open on Sunday?",
        "You guys are the best",
        "thx, will do",
        "This is a joke",
    ];
    for t in fr {
        assert_eq!(lang(t), Lang::Fr, "{t}");
    }
    for t in en {
        assert_eq!(lang(t), Lang::En, "{t}");
    }
}

#[test]
fn mixed_text_reads_each_sentence_in_its_language() {
    // a French reply quoting an English slogan: French overall, and the English sentence is
    // still read with the English lexicon (its "terrible" counts as negative)
    let text = "Bonjour, merci pour votre message. This update is terrible and useless. Nous transmettons à l'équipe.";
    let r = analyse(text, &ToneSettings::default(), None);
    assert_eq!(r.lang, Lang::Fr);
    let neg = r.findings.iter().find(|f| f.code == "tone.negative");
    let u: Vec<u16> = text.encode_utf16().collect();
    let words: Vec<String> = neg
        .map(|f| {
            f.spans
                .iter()
                .map(|s| String::from_utf16(&u[s.start as usize..s.end as usize]).unwrap())
                .collect()
        })
        .unwrap_or_default();
    assert!(words.contains(&"terrible".to_string()), "{words:?}");
}

#[test]
fn a_forced_language_wins() {
    let s = ToneSettings {
        lang: Some(Lang::Fr),
        ..Default::default()
    };
    assert_eq!(analyse("Thanks a lot", &s, None).lang, Lang::Fr);
}
