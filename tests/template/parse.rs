//! The template language: every variable in French and English, arguments, fallbacks, escapes,
//! and the errors with their codes and UTF-16 places; never a panic and time linear in the
//! input (property tests; the time test is `tests/template_parse_time.rs`, alone in its binary so
//! that no other test shares the processor while it measures).
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::template::parse::{parse, Node, Shift, Unit, Var};
use porte_voix::template::TemplateError;
use proptest::prelude::*;

fn vars(body: &str) -> Vec<Node> {
    let p = parse(body);
    assert!(p.errors.is_empty(), "{body:?}: {:?}", p.errors);
    p.nodes
        .into_iter()
        .filter(|n| !matches!(n, Node::Text(_)))
        .collect()
}

fn var_of(body: &str) -> Var {
    match vars(body).as_slice() {
        [Node::Var { var, .. }] => *var,
        other => panic!("{body:?}: {other:?}"),
    }
}

#[test]
fn every_variable_in_french_and_english() {
    let d = |n, unit| Shift { n, unit };
    let cases = [
        ("{{prenom}}", "{{first_name}}", Var::FirstName),
        ("{{nom_complet}}", "{{full_name}}", Var::FullName),
        ("{{pseudo}}", "{{handle}}", Var::Handle),
        ("{{marque}}", "{{brand}}", Var::Brand),
        ("{{date}}", "{{date}}", Var::Date(Shift::NONE)),
        ("{{date:+2j}}", "{{date:+2d}}", Var::Date(d(2, Unit::Days))),
        ("{{date:+1s}}", "{{date:+1w}}", Var::Date(d(1, Unit::Weeks))),
        (
            "{{date:+2jo}}",
            "{{date:+2bd}}",
            Var::Date(d(2, Unit::BusinessDays)),
        ),
        ("{{date:-3j}}", "{{date:-3d}}", Var::Date(d(-3, Unit::Days))),
        ("{{jour}}", "{{weekday}}", Var::Weekday(Shift::NONE)),
        (
            "{{jour:+1j}}",
            "{{weekday:+1d}}",
            Var::Weekday(d(1, Unit::Days)),
        ),
        ("{{heure}}", "{{time}}", Var::Time),
        ("{{url}}", "{{url}}", Var::Url),
        ("{{titre_page}}", "{{page_title}}", Var::PageTitle),
        // as people type them
        ("{{Prénom}}", "{{ first_name }}", Var::FirstName),
        ("{{PRENOM}}", "{{First_Name}}", Var::FirstName),
    ];
    for (fr, en, want) in cases {
        assert_eq!(var_of(fr), want, "{fr}");
        assert_eq!(var_of(en), want, "{en}");
    }
}

#[test]
fn cursor_fields_choices_fallbacks_escapes() {
    assert_eq!(vars("a{{curseur}}b"), vec![Node::Cursor]);
    assert_eq!(vars("a{{cursor}}b"), vec![Node::Cursor]);
    match vars("N° {{champ:Numéro de commande}}").as_slice() {
        [Node::Field { name, fallback, .. }] => {
            assert_eq!(name, "Numéro de commande");
            assert_eq!(fallback, &None);
        }
        other => panic!("{other:?}"),
    }
    match vars("{{field: Order number | n/a}}").as_slice() {
        [Node::Field { name, fallback, .. }] => {
            assert_eq!(name, "Order number");
            assert_eq!(fallback.as_deref(), Some("n/a"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        vars("{{choix:Bonjour|Salut}} !"),
        vec![Node::Choice(vec!["Bonjour".into(), "Salut".into()])]
    );
    assert_eq!(
        vars("{{choice:Hi|Hello|Hey}}"),
        vec![Node::Choice(vec![
            "Hi".into(),
            "Hello".into(),
            "Hey".into()
        ])]
    );
    match vars("Merci {{prenom|toi}} !").as_slice() {
        [Node::Var { fallback, .. }] => assert_eq!(fallback.as_deref(), Some("toi")),
        other => panic!("{other:?}"),
    }
    // escapes
    let p = parse(r"Écrivez \{{prenom}} pour le prénom");
    assert!(p.errors.is_empty());
    assert_eq!(
        p.nodes,
        vec![Node::Text("Écrivez {{prenom}} pour le prénom".into())]
    );
    // lone braces are text
    let p = parse("a } b }} c { d");
    assert!(p.errors.is_empty());
    assert_eq!(p.nodes, vec![Node::Text("a } b }} c { d".into())]);
}

#[test]
fn errors_have_their_code_and_utf16_place() {
    use TemplateError::*;
    // (body, [(code, start, end)])
    type Expected = &'static [(TemplateError, u32, u32)];
    let cases: &[(&str, Expected)] = &[
        ("Bonjour {{foo}}", &[(UnknownVariable, 8, 15)]),
        ("Bonjour {{prenom", &[(Unclosed, 8, 16)]),
        ("{{}}", &[(EmptyName, 0, 4)]),
        ("{{ }}", &[(EmptyName, 0, 5)]),
        ("{{|toi}}", &[(EmptyName, 0, 8)]),
        ("{{champ:}}", &[(EmptyName, 0, 10)]),
        ("{{champ}}", &[(BadArgument, 0, 9)]),
        ("{{choix}}", &[(BadArgument, 0, 9)]),
        ("{{choix:|}}", &[(BadArgument, 0, 11)]),
        ("{{prenom:x}}", &[(BadArgument, 0, 12)]),
        ("{{date:+2x}}", &[(BadArgument, 0, 12)]),
        ("{{date:+j}}", &[(BadArgument, 0, 11)]),
        ("{{date:+99999j}}", &[(BadArgument, 0, 16)]),
        ("{{curseur}}{{curseur}}", &[(DuplicateCursor, 11, 22)]),
        ("{{curseur|x}}", &[(BadArgument, 0, 13)]),
        // UTF-16: the emoji is two units, « é » one
        ("😀é {{nope}}", &[(UnknownVariable, 4, 12)]),
        // unclosed on its line; the next line parses
        ("{{prenom\n{{nom_complet}}", &[(Unclosed, 0, 8)]),
        // a second `{{` before the first is closed
        ("{{prenom {{nom_complet}}", &[(Unclosed, 0, 9)]),
        // several errors, all reported, in order
        (
            "{{a}} {{}} {{prenom",
            &[
                (UnknownVariable, 0, 5),
                (EmptyName, 6, 10),
                (Unclosed, 11, 19),
            ],
        ),
    ];
    for (body, want) in cases {
        let got: Vec<(TemplateError, u32, u32)> = parse(body)
            .errors
            .iter()
            .map(|e| (e.code, e.start, e.end))
            .collect();
        assert_eq!(&got, want, "{body:?}");
    }
}

#[test]
fn an_erroneous_part_stays_in_the_text_as_written() {
    let p = parse("Salut {{foo}} et {{prenom");
    let text: String = p
        .nodes
        .iter()
        .map(|n| match n {
            Node::Text(s) => s.as_str(),
            _ => "",
        })
        .collect();
    assert_eq!(text, "Salut {{foo}} et {{prenom");
}

#[test]
fn the_codes_are_stable() {
    use porte_voix::error::Coded;
    assert_eq!(
        TemplateError::UnknownVariable.code(),
        "template.unknown_variable"
    );
    assert_eq!(TemplateError::Unclosed.code(), "template.unclosed");
    assert_eq!(TemplateError::EmptyName.code(), "template.empty_name");
    let json = serde_json::to_string(&parse("{{x}}").errors).unwrap();
    assert_eq!(
        json,
        r#"[{"code":"template.unknown_variable","start":0,"end":5}]"#
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_input_never_panics(s in "\\PC*") {
        let p = parse(&s);
        let len = s.encode_utf16().count() as u32;
        for e in &p.errors {
            prop_assert!(e.start < e.end && e.end <= len, "{:?} in {:?}", e, s);
        }
    }

    #[test]
    fn template_shaped_input_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("{{".to_string()), Just("}}".to_string()), Just("\\{{".to_string()),
                Just("|".to_string()), Just(":".to_string()), Just("prenom".to_string()),
                Just("champ".to_string()), Just("choix".to_string()), Just("date".to_string()),
                Just("+2jo".to_string()), Just("\n".to_string()), Just("é😀".to_string()),
                "[a-z ]{0,4}",
            ],
            0..40,
        )
    ) {
        let s: String = parts.concat();
        let p = parse(&s);
        // errors are in order and do not overlap
        for w in p.errors.windows(2) {
            prop_assert!(w[0].end <= w[1].start);
        }
    }
}
