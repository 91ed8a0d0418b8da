//! Overall polarity on realistic posts, reviews and replies in French (France, Québec) and
//! English: negation windows, intensifiers and dampeners, « mais »/"but", capitals, exclamation,
//! emoji, and apologies that are not negative.

use porte_voix::tone::{analyse, PolarityClass, ToneSettings};

fn score(text: &str) -> f64 {
    analyse(text, &ToneSettings::default(), None).score
}

fn class(text: &str) -> PolarityClass {
    analyse(text, &ToneSettings::default(), None).polarity
}

#[test]
fn clear_cases_in_both_languages() {
    use PolarityClass::*;
    let cases: &[(&str, PolarityClass)] = &[
        ("Service impeccable, je recommande !", Positive),
        ("Livraison rapide, produit conforme, merci 🙏", Positive),
        ("C'est vraiment génial, bravo à toute l'équipe", Positive),
        ("Trop bon, j'adore 😍", Positive),
        ("C'est pas mal du tout", Positive),
        ("Tiguidou, merci ben gros!", Positive),
        ("Quel service pourri, plus jamais", Negative),
        ("Je suis très déçu de ma commande", Negative),
        ("C'est nul, ça marche pas", Negative),
        ("Franchement décevant 😡", Negative),
        ("Je n'aime pas du tout ce nouveau design", Negative),
        ("Ce n'est pas terrible", Negative),
        ("Je suis tanné d'attendre, c'est plate", Negative),
        ("Votre colis arrivera mardi.", Neutral),
        ("Le magasin ouvre à 9 h.", Neutral),
        ("Great service, thank you so much!", Positive),
        ("I love the new update 😍", Positive),
        ("Not bad at all", Positive),
        ("This is the worst experience ever", Negative),
        ("I'm not happy with this at all", Negative),
        ("Terrible customer service :(", Negative),
        ("Your order ships on Tuesday.", Neutral),
    ];
    for (text, want) in cases {
        assert_eq!(class(text), *want, "{text}: {}", score(text));
    }
}

#[test]
fn negation_flips_and_damps() {
    assert!(score("C'est bon") > 0.0);
    assert!(score("Ce n'est pas bon") < 0.0);
    assert!(score("C'est pas bon") < 0.0);
    assert!(score("J'aime pas") < 0.0);
    assert!(score("I don't like it") < 0.0);
    assert!(score("never good") < 0.0);
    // « pas mal » and "not bad" read as mildly positive
    assert!(score("pas mal") > 0.0);
}

#[test]
fn intensifiers_dampeners_capitals_and_exclamation() {
    assert!(score("C'est très bien") > score("C'est bien"));
    assert!(score("C'est un peu décevant") > score("C'est décevant"));
    assert!(score("This is very good") > score("This is good"));
    assert!(score("This is kind of good") < score("This is good"));
    assert!(score("This is GOOD, really") > score("This is good, really"));
    assert!(score("Merci !!!") > score("Merci"));
    assert!(score("C'est super bien") > score("C'est bien"));
}

#[test]
fn but_shifts_the_weight() {
    // what follows « mais » / "but" decides
    assert!(score("Le produit est beau mais la livraison est catastrophique") < 0.0);
    assert!(score("Livraison lente, mais le produit est excellent") > 0.0);
    assert!(score("The food was good but the service was terrible") < 0.0);
}

#[test]
fn apologies_and_empathy_are_not_negative() {
    for text in [
        "Nous sommes désolés pour le désagrément.",
        "Désolé pour le retard, on s'en occupe.",
        "Je comprends votre frustration.",
        "Sorry for the inconvenience.",
        "We apologize for the delay.",
        "I understand your frustration, let me check.",
    ] {
        assert!(score(text) >= 0.0, "{text}: {}", score(text));
    }
    // an apology does not hide what comes after « mais »
    assert!(score("Désolé, mais c'est nul") < 0.0);
}

#[test]
fn emoji_and_emoticons_count() {
    assert!(score("ok 😡") < 0.0);
    assert!(score("ok 😍") > 0.0);
    assert!(score("ok :(") < 0.0);
    assert!(score("ok :)") > 0.0);
    assert!(score("ok <3") > 0.0);
    assert!(score("👍🏽") > 0.0, "skin tone variants");
}

#[test]
fn score_is_bounded() {
    let text = "génial ".repeat(200);
    let s = score(&text);
    assert!(s > 0.9 && s <= 1.0);
    let s = score(&"horrible ".repeat(200));
    assert!((-1.0..-0.9).contains(&s));
    assert_eq!(score(""), 0.0);
}

#[test]
fn an_apology_does_not_hide_a_sacre() {
    assert!(score("Nous sommes désolés 😔 tabarnak de retard") < 0.0);
    assert!(score("Sorry, this is fucking ridiculous") < 0.0);
}

#[test]
fn an_intensified_apology_is_still_an_apology() {
    for text in [
        "Nous sommes vraiment désolés pour ce retard.",
        "Vraiment navrés pour ce très long délai.",
        "We are so sorry for the delay.",
        "We're really sorry for the inconvenience.",
    ] {
        assert!(score(text) >= 0.0, "{text}: {}", score(text));
    }
}
