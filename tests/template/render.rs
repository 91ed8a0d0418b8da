//! Rendering: values from the reply context, fallbacks, left-out variables with their space,
//! cursor in UTF-16, fields and choices, dates in the text's language, the variant choice and
//! the short text on tight platforms.
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::length::CountOptions;
use porte_voix::platform::Platform;
use porte_voix::template::{
    parse, render, render_template, Lang, Moment, RenderContext, Template, Values, Variant,
};

const NB: &str = "\u{a0}";

fn ctx(lang: Lang) -> RenderContext {
    let mut c = RenderContext::new(lang, Moment::parse("2026-11-24T14:30:00-05:00").unwrap());
    c.author = Some("Dre Marie-Ève Tremblay, PhD 🌸".into());
    c.handle = Some("marieeve".into());
    c.brand = Some("Café Soleil".into());
    c.url = Some("https://exemple.ca/p/1".into());
    c.page_title = Some("Nos horaires".into());
    c
}

fn text(body: &str, c: &RenderContext, v: &Values) -> String {
    let r = render(&parse(body), c, v);
    assert!(r.errors.is_empty(), "{body}: {:?}", r.errors);
    r.text
}

#[test]
fn every_value_from_the_context() {
    let c = ctx(Lang::FrCa);
    let v = Values::default();
    let cases = [
        ("Bonjour {{prenom}} !", "Bonjour Marie-Ève !"),
        ("Hi {{first_name}}!", "Hi Marie-Ève!"),
        ("{{nom_complet}}", "Dre Marie-Ève Tremblay, PhD"),
        ("{{pseudo}}", "@marieeve"),
        ("L'équipe {{marque}}", "L'équipe Café Soleil"),
        (
            "{{url}} — {{titre_page}}",
            "https://exemple.ca/p/1 — Nos horaires",
        ),
        ("{{date}}", "24~novembre"),
        ("{{date:+2j}}", "26~novembre"),
        ("{{date:+1s}}", "1er~décembre"),
        ("{{date:+4jo}}", "30~novembre"),
        ("{{jour}}", "mardi"),
        ("{{jour:+3d}}", "vendredi"),
        ("{{heure}}", "14~h~30"),
    ];
    for (body, want) in cases {
        // `~` stands for the no-break space French puts between a number and its word
        assert_eq!(text(body, &c, &v), want.replace('~', NB), "{body}");
    }
}

#[test]
fn dates_and_times_follow_the_texts_language() {
    let v = Values::default();
    let body = "{{jour}} {{date:+2d}}, {{heure}}";
    assert_eq!(
        text(body, &ctx(Lang::En), &v),
        "Tuesday November 26, 2:30 PM"
    );
    assert_eq!(
        text(body, &ctx(Lang::FrFr), &v),
        format!("mardi 26{NB}novembre, 14:30")
    );
    assert_eq!(
        text(body, &ctx(Lang::FrCa), &v),
        format!("mardi 26{NB}novembre, 14{NB}h{NB}30")
    );
}

#[test]
fn a_missing_value_is_left_out_with_its_space_or_the_fallback_applies() {
    let mut c = ctx(Lang::FrCa);
    c.author = Some("Boulangerie Chez Paul".into());
    c.handle = None;
    let v = Values::default();
    let cases = [
        ("Merci {{prenom}} !", "Merci !", vec!["first_name"]),
        ("Merci {{prenom|à toi}} !", "Merci à toi !", vec![]),
        (
            "Bonjour {{prenom}}, merci",
            "Bonjour, merci",
            vec!["first_name"],
        ),
        ("{{prenom}} merci", "merci", vec!["first_name"]),
        (
            "Salut\n{{prenom}} merci",
            "Salut\nmerci",
            vec!["first_name"],
        ),
        (
            "Merci {{pseudo}} {{prenom}} !",
            "Merci !",
            vec!["handle", "first_name"],
        ),
        ("Merci {{prenom|}} !", "Merci !", vec![]),
        ("Merci{{prenom}}!", "Merci!", vec!["first_name"]),
    ];
    for (body, want, left) in cases {
        let r = render(&parse(body), &c, &v);
        assert_eq!(r.text, want, "{body}");
        let names: Vec<&str> = r.left_out.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, left, "{body}");
    }
    // the place of what was left out, in the body
    let r = render(&parse("Merci 😀 {{prenom}} !"), &c, &v);
    assert_eq!((r.left_out[0].start, r.left_out[0].end), (9, 19));
}

#[test]
fn cursor_fields_and_choices() {
    let c = ctx(Lang::FrCa);
    let mut v = Values::default();
    let body =
        "{{choix:Bonjour|Salut}} 😀 {{prenom}}, votre commande {{champ:Numéro de commande}} \
                part {{date:+2jo}}. {{curseur}}\n{{champ:Numéro de commande}}";
    let r = render(&parse(body), &c, &v);
    assert_eq!(r.fields, vec!["Numéro de commande"]);
    assert_eq!(r.choices, vec![vec!["Bonjour".to_string(), "Salut".into()]]);
    assert!(r
        .text
        .starts_with("Bonjour 😀 Marie-Ève, votre commande part"));
    let cursor = r.cursor.unwrap() as usize;
    let units: Vec<u16> = r.text.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&units[..cursor]).unwrap(),
        format!("Bonjour 😀 Marie-Ève, votre commande part 26{NB}novembre. ")
    );
    v.fields
        .insert("Numéro de commande".into(), " 4821 ".into());
    v.choices = vec![1];
    let r = render(&parse(body), &c, &v);
    assert!(
        r.text
            .starts_with("Salut 😀 Marie-Ève, votre commande 4821 part"),
        "{}",
        r.text
    );
    assert!(r.text.ends_with("\n4821"));
    assert!(r.left_out.is_empty());
    // an option out of range: the first
    v.choices = vec![9];
    assert!(render(&parse(body), &c, &v).text.starts_with("Bonjour"));
    // no cursor
    assert_eq!(render(&parse("Merci"), &c, &v).cursor, None);
    // a cursor at the end, after a left-out variable
    let mut c2 = c.clone();
    c2.author = None;
    let r = render(
        &parse("Merci {{prenom}} {{curseur}}"),
        &c2,
        &Values::default(),
    );
    assert_eq!(r.text, "Merci ");
    assert_eq!(r.cursor, Some(6));
    // a cursor just before a left-out variable stays where the text goes on
    let r = render(
        &parse("Merci {{curseur}}{{prenom}} !"),
        &c2,
        &Values::default(),
    );
    assert_eq!(r.text, "Merci !");
    assert_eq!(r.cursor, Some(5));
}

#[test]
fn the_erroneous_parts_are_kept_and_reported() {
    let r = render(
        &parse("Merci {{prenon}} !"),
        &ctx(Lang::FrCa),
        &Values::default(),
    );
    assert_eq!(r.text, "Merci {{prenon}} !");
    assert_eq!(r.errors.len(), 1);
}

fn library_template() -> Template {
    let mut t = Template::new(
        "merci",
        "Merci",
        "Merci beaucoup {{prenom}} pour ce message ! Toute l'équipe de {{marque}} vous remercie \
         chaleureusement, et nous vous répondrons en détail dès que possible, au plus tard le \
         {{date:+2jo}}. En attendant, notre page d'aide répond à la plupart des questions : {{url}} \
         Bonne fin de journée et à très bientôt, au plaisir de vous relire sur nos réseaux !",
    );
    t.lang = Some(Lang::FrCa);
    t.short = Some("Merci {{prenom}} ! On vous répond d'ici le {{date:+2jo}}.".into());
    t.variants = vec![Variant {
        lang: Lang::En,
        body: "Thank you {{first_name}}! We will get back to you by {{date:+2bd}}.".into(),
        short: None,
    }];
    t
}

#[test]
fn the_variant_follows_the_comment_then_the_setting() {
    let t = library_template();
    let v = Values::default();
    let mut c = ctx(Lang::FrCa);
    c.comment_lang = Some("en".into());
    let r = render_template(&t, &c, &v, None);
    assert_eq!(
        (r.lang, r.text.as_str()),
        (
            Lang::En,
            "Thank you Marie-Ève! We will get back to you by November 26."
        )
    );
    c.comment_lang = None;
    c.lang = Lang::En;
    assert_eq!(render_template(&t, &c, &v, None).lang, Lang::En);
    c.lang = Lang::FrFr;
    // no fr-FR variant: the Québec text, with France's time format
    let r = render_template(&t, &c, &v, None);
    assert_eq!(r.lang, Lang::FrCa);
}

#[test]
fn the_short_text_when_the_main_one_does_not_fit() {
    let t = library_template();
    let v = Values::default();
    let c = ctx(Lang::FrCa);
    let o = CountOptions::default();
    let r = render_template(&t, &c, &v, Some((Platform::X, &o)));
    assert!(r.short, "{}", r.text);
    assert!(r.length.as_ref().unwrap().valid);
    assert!(r.text.starts_with("Merci Marie-Ève !"));
    // fits on Facebook: the main text
    let r = render_template(&t, &c, &v, Some((Platform::FacebookComment, &o)));
    assert!(!r.short);
    assert!(r.length.as_ref().unwrap().valid);
    // X Premium: the main text fits
    let premium = CountOptions {
        x_premium: true,
        ..Default::default()
    };
    assert!(!render_template(&t, &c, &v, Some((Platform::X, &premium))).short);
    // without a platform: no length
    assert!(render_template(&t, &c, &v, None).length.is_none());
}

#[test]
fn the_full_name_is_quoted_as_written() {
    let v = Values::default();
    let cases = [
        ("<img src=x>", "Merci <img src=x> !", "Merci toi !"),
        (
            "jean-françois roy 🍁",
            "Merci jean-françois roy !",
            "Merci Jean-François !",
        ),
        (
            "ÉLODIE D’AMOURS",
            "Merci ÉLODIE D’AMOURS !",
            "Merci Élodie !",
        ),
    ];
    for (author, full, first) in cases {
        let mut c = ctx(Lang::FrCa);
        c.author = Some(author.into());
        assert_eq!(text("Merci {{nom_complet}} !", &c, &v), full, "{author}");
        assert_eq!(text("Merci {{prenom|toi}} !", &c, &v), first, "{author}");
    }
}
