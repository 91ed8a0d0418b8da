//! The tone checks on realistic replies in French (France and Québec) and English: which codes
//! fire, which do not, and the exact words (UTF-16 spans) they point at.

use porte_voix::tone::{
    analyse, registry, reply_context, Lang, PolarityClass, Register, Severity, ToneReport,
    ToneSettings,
};

fn report(text: &str) -> ToneReport {
    analyse(text, &ToneSettings::default(), None)
}

/// The substrings of `text` a finding's spans point at (spans are UTF-16).
fn marked(text: &str, r: &ToneReport, code: &str) -> Vec<String> {
    let u: Vec<u16> = text.encode_utf16().collect();
    r.findings
        .iter()
        .filter(|f| f.code == code)
        .flat_map(|f| f.spans.iter())
        .map(|s| String::from_utf16(&u[s.start as usize..s.end as usize]).unwrap())
        .collect()
}

fn codes(r: &ToneReport) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.code).collect()
}

#[test]
fn profanity_and_quebec_sacres_in_their_spellings() {
    let cases: &[(&str, &[&str])] = &[
        ("Tabarnak, encore en retard!", &["Tabarnak"]),
        ("ben voyons tabarnac c'est quoi ça", &["tabarnac"]),
        ("TABARNAQUE de service", &["TABARNAQUE"]),
        ("Câlisse que c'est long", &["Câlisse"]),
        ("calice j'attends depuis 3 semaines", &["calice"]),
        ("Crisse, ça marche pas", &["Crisse"]),
        ("criss de colis 📦", &["criss"]),
        ("Ostie que je suis tanné", &["Ostie"]),
        ("esti de compagnie", &["esti"]),
        ("Mon ciboire de forfait", &["ciboire"]),
        ("sacrament, encore une panne", &["sacrament"]),
        ("viarge, répondez", &["viarge"]),
        ("Ils m'ont fait câlisser dehors", &["câlisser"]),
        ("C'est de la merde, putain", &["merde", "putain"]),
        ("This is fucking ridiculous", &["fucking"]),
        ("What a load of bullshit", &["bullshit"]),
    ];
    for (text, words) in cases {
        let r = report(text);
        assert_eq!(marked(text, &r, "tone.profanity"), *words, "{text}");
    }
    // a minced sacre is only worth knowing
    let r = report("Tabarouette que c'est beau!");
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "tone.profanity")
        .unwrap();
    assert_eq!(f.severity, Severity::Info);
    for clean in [
        "La crise sanitaire a retardé les envois.",
        "Christine vous répondra demain.",
        "Notre table est réservée.",
        "Merci, on regarde ça tout de suite.",
        "Thanks, we'll look into it.",
        "The damage is covered by the warranty.",
    ] {
        assert!(
            !codes(&report(clean)).contains(&"tone.profanity"),
            "{clean}"
        );
    }
}

#[test]
fn insults_aimed_at_the_reader() {
    let cases: &[(&str, &str)] = &[
        ("t'es con ou quoi", "t'es con"),
        ("T’es vraiment con", "T’es vraiment con"),
        ("Vous êtes nuls", "Vous êtes nuls"),
        ("espèce d'imbécile", "espèce d'imbécile"),
        ("bande d'incompétents", "bande d'incompétents"),
        ("you idiot", "you idiot"),
        ("You're pathetic.", "You're pathetic"),
        ("you are all clueless", "you are all clueless"),
        ("t'es ben niaiseux", "t'es ben niaiseux"),
    ];
    for (text, want) in cases {
        let r = report(text);
        assert_eq!(marked(text, &r, "tone.insult"), [*want], "{text}");
        let f = r.findings.iter().find(|f| f.code == "tone.insult").unwrap();
        assert_eq!(f.severity, Severity::Problem);
    }
    for not_aimed in [
        "Ce serait idiot de rater ça",
        "That idea was stupid of me, sorry",
    ] {
        assert!(
            !codes(&report(not_aimed)).contains(&"tone.insult"),
            "{not_aimed}"
        );
    }
}

#[test]
fn shouting_but_not_acronyms() {
    let cases: &[(&str, &[&str])] = &[
        ("C'EST INADMISSIBLE", &["C'EST INADMISSIBLE"]),
        ("Je veux mon argent MAINTENANT", &["MAINTENANT"]),
        ("This is NOT OK at all", &["NOT OK"]),
        ("We are VERY sorry", &["VERY"]),
        ("Votre colis part avec la SNCF et la RATP", &[]),
        ("Le PDF est sur le site de la TVQ", &[]),
        ("Shipping to the USA and UK takes a week", &[]),
        ("Merci à l'UNESCO et à la FIFA", &[]),
        ("OK, merci!", &[]),
    ];
    for (text, want) in cases {
        let r = report(text);
        assert_eq!(marked(text, &r, "tone.shouting"), *want, "{text}");
    }
}

#[test]
fn repeated_punctuation() {
    let cases: &[(&str, &[&str])] = &[
        ("Vraiment ?!?", &["?!?"]),
        ("Where is my order!!!", &["!!!"]),
        ("Quoi ??? Encore ?!", &["???"]),
        ("Super !!!! Merci !!!", &["!!!!", "!!!"]),
        ("Vraiment ?!", &[]),
        ("Merci !", &[]),
        ("Wait... what?", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(
            marked(text, &report(text), "tone.repeated_punctuation"),
            *want,
            "{text}"
        );
    }
}

#[test]
fn blame_passive_aggression_and_sarcasm() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "Vous auriez dû lire les conditions.",
            "tone.blame",
            "Vous auriez dû",
        ),
        (
            "C'est de votre faute si le colis est perdu.",
            "tone.blame",
            "C'est de votre faute",
        ),
        (
            "You should have checked the size chart.",
            "tone.blame",
            "You should have",
        ),
        (
            "Did you even read the FAQ?",
            "tone.blame",
            "Did you even read",
        ),
        (
            "Comme déjà mentionné, le délai est de 5 jours.",
            "tone.passive_aggressive",
            "Comme déjà mentionné",
        ),
        (
            "Comme je l'ai déjà dit, c'est impossible.",
            "tone.passive_aggressive",
            "Comme je l'ai déjà dit",
        ),
        (
            "As I already said, we cannot refund.",
            "tone.passive_aggressive",
            "As I already said",
        ),
        (
            "Per my last email, the deadline passed.",
            "tone.passive_aggressive",
            "Per my last email",
        ),
        ("Bien sûr… on va regarder ça.", "tone.sarcasm", "Bien sûr…"),
        ("Sure, whatever.", "tone.sarcasm", "Sure, whatever"),
        (
            "Yeah right, like that will happen",
            "tone.sarcasm",
            "Yeah right",
        ),
        (
            "Ben voyons donc, encore une panne",
            "tone.sarcasm",
            "Ben voyons donc",
        ),
        ("Génial… encore un retard.", "tone.sarcasm", "Génial…"),
        ("Great... another delay.", "tone.sarcasm", "Great..."),
    ];
    for (text, code, want) in cases {
        let r = report(text);
        assert_eq!(marked(text, &r, code), [*want], "{text}: {:?}", codes(&r));
    }
    for polite in [
        "Bien sûr, nous vous rappelons demain.",
        "Génial, merci pour votre retour !",
        "Sure, we can do that.",
        "You should receive it tomorrow.",
    ] {
        let c = codes(&report(polite));
        assert!(
            !c.iter()
                .any(|c| ["tone.sarcasm", "tone.blame", "tone.passive_aggressive"].contains(c)),
            "{polite}: {c:?}"
        );
    }
}

#[test]
fn courtesy_when_answering_a_complaint() {
    let settings = ToneSettings::default();
    let complaint = reply_context(
        "Ça fait trois semaines que j'attends mon colis, c'est inadmissible !",
        &settings,
    );
    let cold = "Le colis est parti.";
    let r = analyse(cold, &settings, Some(&complaint));
    let c = codes(&r);
    for code in [
        "tone.missing_greeting",
        "tone.missing_thanks",
        "tone.missing_apology",
        "tone.missing_next_step",
    ] {
        assert!(c.contains(&code), "{code} in {c:?}");
    }
    let warm = "Bonjour Julie, merci de votre patience et désolés pour ce retard. Écrivez-nous en MP avec votre numéro de commande, on s'en occupe.";
    let r = analyse(warm, &settings, Some(&complaint));
    assert!(
        !codes(&r).iter().any(|c| c.starts_with("tone.missing_")),
        "{:?}",
        codes(&r)
    );
    for code in ["tone.empathy", "tone.thanks", "tone.next_step"] {
        assert!(codes(&r).contains(&code), "{code}");
    }
    // English, and a greeting only counts at the start
    let complaint = reply_context("My order arrived broken. Unacceptable.", &settings);
    let r = analyse("We will send a new one. Hi!", &settings, Some(&complaint));
    assert!(codes(&r).contains(&"tone.missing_greeting"));
    assert!(!codes(&r).contains(&"tone.missing_next_step"));
    // no complaint answered, no courtesy findings
    let praise = reply_context("Super produit, merci !", &settings);
    let r = analyse(cold, &settings, Some(&praise));
    assert!(!codes(&r).iter().any(|c| c.starts_with("tone.missing_")));
    let r = analyse(cold, &settings, None);
    assert!(!codes(&r).iter().any(|c| c.starts_with("tone.missing_")));
}

#[test]
fn tu_and_vous() {
    let text = "Merci pour ton message, nous revenons vers vous demain.";
    let r = report(text);
    assert_eq!(marked(text, &r, "tone.mixed_register"), ["ton", "vous"]);
    let vous = ToneSettings {
        register: Some(Register::Vous),
        ..Default::default()
    };
    let text = "Salut ! Tu peux nous écrire en privé ?";
    let r = analyse(text, &vous, None);
    assert_eq!(marked(text, &r, "tone.register_mismatch"), ["Tu"]);
    assert_eq!(
        r.findings
            .iter()
            .find(|f| f.code == "tone.register_mismatch")
            .unwrap()
            .args,
        [("expected", "vous".to_string())]
    );
    let tu = ToneSettings {
        register: Some(Register::Tu),
        ..Default::default()
    };
    let text = "Pouvez-vous nous envoyer votre numéro ?";
    assert_eq!(
        marked(text, &analyse(text, &tu, None), "tone.register_mismatch"),
        ["Pouvez-vous", "votre"]
    );
    assert!(codes(&analyse("Tu peux nous écrire ?", &tu, None)).is_empty());
    assert!(!codes(&report("Could you send us your number?")).contains(&"tone.mixed_register"));
}

#[test]
fn long_sentences_density_and_texting() {
    let long = format!("{}.", vec!["mot"; 40].join(" "));
    let r = report(&long);
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "tone.long_sentence")
        .unwrap();
    assert_eq!(
        f.args,
        [("words", "40".to_string()), ("max", "35".to_string())]
    );
    assert!(!codes(&report("Une phrase courte. Une autre.")).contains(&"tone.long_sentence"));

    let x = ToneSettings {
        platform: Some(porte_voix::platform::Platform::X),
        ..Default::default()
    };
    let text = "Nouveau menu #resto #mtl #foodie";
    let r = analyse(text, &x, None);
    assert_eq!(
        marked(text, &r, "tone.too_many_hashtags"),
        ["#resto", "#mtl", "#foodie"]
    );
    let ig = ToneSettings {
        platform: Some(porte_voix::platform::Platform::Instagram),
        ..Default::default()
    };
    assert!(!codes(&analyse(text, &ig, None)).contains(&"tone.too_many_hashtags"));
    let text = "Bravo 🎉🎉🎉🎉🎉🎉🎉 👨‍👩‍👧";
    let r = analyse(text, &x, None);
    assert_eq!(
        marked(text, &r, "tone.too_many_emoji").len(),
        8,
        "a ZWJ family is one emoji"
    );

    let text = "slt, mrc pour ton msg, stp envoie ton num";
    let r = report(text);
    assert_eq!(
        marked(text, &r, "tone.texting"),
        ["slt", "mrc", "msg", "stp"]
    );
    let text = "thx, pls DM us";
    assert_eq!(marked(text, &report(text), "tone.texting"), ["thx", "pls"]);
    assert!(!codes(&report("Merci, s'il vous plaît écrivez-nous.")).contains(&"tone.texting"));
}

#[test]
fn checks_can_be_turned_off_and_every_code_has_messages() {
    let text = "C'EST UNE HONTE!!! tabarnak";
    let all = codes(&report(text));
    assert!(all.contains(&"tone.shouting") && all.contains(&"tone.profanity"));
    let off = ToneSettings {
        disabled: vec!["shouting".into(), "hostility".into()],
        ..Default::default()
    };
    let some = codes(&analyse(text, &off, None));
    assert!(!some.contains(&"tone.shouting") && !some.contains(&"tone.profanity"));
    assert!(some.contains(&"tone.repeated_punctuation"));

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for lang in ["fr", "en"] {
        let p = root.join(format!("extension/_locales/{lang}/messages.json"));
        let m: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        for check in registry::CHECKS {
            for code in check.codes {
                let key = code.replace('.', "_");
                assert!(m[&key]["message"].is_string(), "{lang}: {key}");
            }
        }
    }
}

#[test]
fn every_finding_code_is_declared_by_its_check() {
    let texts = [
        "C'EST UNE HONTE!!! Vous auriez dû lire, tabarnak. Bien sûr… slt #a #b #c #d",
        "you idiot, as I already said, sure whatever!!! thx",
    ];
    let declared: Vec<&str> = registry::CHECKS
        .iter()
        .flat_map(|c| c.codes.iter().copied())
        .collect();
    for t in texts {
        for f in report(t).findings {
            assert!(declared.contains(&f.code), "{}", f.code);
        }
    }
}

#[test]
fn language_is_detected_or_forced() {
    assert_eq!(report("Merci pour votre message").lang, Lang::Fr);
    assert_eq!(report("Thanks for your message").lang, Lang::En);
    let forced = ToneSettings {
        lang: Some(Lang::En),
        ..Default::default()
    };
    assert_eq!(
        analyse("Merci pour votre message", &forced, None).lang,
        Lang::En
    );
    assert_eq!(
        report("Excellent, merci !").polarity,
        PolarityClass::Positive
    );
}
