//! CSV export and import with a column mapping: the texts survive a round trip (variants,
//! short texts, triggers, tags, networks), formula injection is neutralised, other tools'
//! exports map by their column names, and bad files are refused whole.
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::error::Coded;
use porte_voix::platform::Platform;
use porte_voix::template::csv::{
    csv_headers, export_csv, guess_mapping, plan_csv_import, CsvMapping,
};
use porte_voix::template::starter::starter;
use porte_voix::template::transfer::SkipReason;
use porte_voix::template::{Lang, Template, Variant};
use proptest::prelude::*;

fn import(data: &str) -> Vec<Template> {
    let headers = csv_headers(data.as_bytes()).unwrap();
    let plan = plan_csv_import(&[], data.as_bytes(), &guess_mapping(&headers)).unwrap();
    assert!(plan.skipped.is_empty(), "{:?}", plan.skipped);
    plan.add
}

/// What a CSV carries of a template.
fn texts(t: &Template) -> impl PartialEq + std::fmt::Debug {
    (
        t.id.clone(),
        t.title.clone(),
        t.trigger.clone(),
        t.lang,
        t.body.clone(),
        t.short.clone(),
        t.variants.clone(),
        t.tags.clone(),
        t.networks.clone(),
    )
}

#[test]
fn the_starter_library_round_trips() {
    let lib = starter();
    let back = import(&export_csv(&lib));
    assert_eq!(back.len(), lib.len());
    for (a, b) in lib.iter().zip(&back) {
        assert_eq!(texts(a), texts(b));
    }
}

#[test]
fn formulas_are_neutralised_and_restored() {
    let mut t = Template::new("f", "=HYPERLINK(\"http://evil\")", "=1+1");
    t.short = Some("@SUM(A1)".into());
    t.tags = vec!["+tag".into()];
    t.variants = vec![Variant {
        lang: Lang::En,
        body: "-2+3".into(),
        short: Some("'=already quoted".into()),
    }];
    let csv = export_csv(&[t.clone()]);
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            let c = cell.trim_start_matches('"');
            assert!(!c.starts_with(['=', '+', '-', '@']), "{cell} in {line}");
        }
    }
    assert_eq!(texts(&import(&csv)[0]), texts(&t));
    // apostrophes that look like the guard come back as written
    for body in ["'", "''", "'''=x", "'=x", "'x", "''x"] {
        let t = Template::new("q", "t", body);
        assert_eq!(import(&export_csv(std::slice::from_ref(&t)))[0].body, body);
    }
}

#[test]
fn other_tools_exports_map_by_column_names() {
    // a Text Blaze-like export, a French spreadsheet, a Briskine-like export
    let cases = [
        (
            "Name,Shortcut,Text\nMerci,/merci,Merci beaucoup !\n",
            "/merci",
        ),
        (
            "Titre,Raccourci,Texte,Étiquettes,Langue\nMerci,merci,Merci !,\"a, b\",fr-CA\n",
            ";merci",
        ),
        ("title,shortcut,body,tags\nMerci,mc,Thanks!,x\n", ";mc"),
    ];
    for (data, trigger) in cases {
        let got = import(data);
        assert_eq!(got.len(), 1, "{data}");
        assert_eq!(got[0].title, "Merci");
        assert_eq!(got[0].trigger.as_deref(), Some(trigger));
        assert!(got[0].id.starts_with("csv."));
    }
    let fr = import(cases[1].0);
    assert_eq!(fr[0].tags, vec!["a", "b"]);
    assert_eq!(fr[0].lang, Some(Lang::FrCa));
}

#[test]
fn a_mapping_chosen_by_hand_and_a_second_import_adds_nothing() {
    let data = "col1,col2,col3\nRetard,Votre colis a du retard.,;retard\n,Sans titre,\n";
    let m = CsvMapping {
        title: Some(0),
        body: Some(1),
        trigger: Some(2),
        ..Default::default()
    };
    let plan = plan_csv_import(&[], data.as_bytes(), &m).unwrap();
    assert_eq!(plan.add.len(), 2);
    assert_eq!(plan.add[1].title, "Sans titre"); // no title: the text's beginning
    let mut lib = Vec::new();
    plan.apply(&mut lib);
    let again = plan_csv_import(&lib, data.as_bytes(), &m).unwrap();
    assert!(again.add.is_empty());
    assert!(again
        .skipped
        .iter()
        .all(|s| s.reason == SkipReason::Unchanged));
}

#[test]
fn bad_files_are_refused_whole() {
    let m = CsvMapping {
        body: Some(0),
        ..Default::default()
    };
    let code = |data: &[u8], m: &CsvMapping| plan_csv_import(&[], data, m).unwrap_err().code();
    assert_eq!(code(b"a\n\xff\xfe\n", &m), "template.csv_malformed");
    assert_eq!(
        code(b"a\nb\n", &CsvMapping::default()),
        "template.csv_no_body"
    );
    let huge = vec![b'a'; 50 << 20];
    assert_eq!(code(&huge, &m), "template.import_too_large");
    let dup = "id,body\na,x\na,y\n";
    let m2 = guess_mapping(&csv_headers(dup.as_bytes()).unwrap());
    assert_eq!(code(dup.as_bytes(), &m2), "template.import_duplicate_id");
    let trig = "body,trigger\nx,;a\ny,;A\n";
    let m3 = guess_mapping(&csv_headers(trig.as_bytes()).unwrap());
    assert_eq!(
        code(trig.as_bytes(), &m3),
        "template.import_duplicate_trigger"
    );
}

prop_compose! {
    fn arb_template()(
        id in "[a-z0-9]{1,8}",
        title in "[^\r]{1,20}",
        body in "\\PC{1,60}",
        short in proptest::option::of("\\PC{1,20}"),
        en in proptest::option::of("\\PC{1,40}"),
        tags in proptest::collection::vec("[a-zé+=@-][a-zé ]{0,6}[a-zé]", 0..3),
        networks in proptest::collection::vec(proptest::sample::select(Platform::ALL.to_vec()), 0..3),
    ) -> Template {
        let mut t = Template::new(&id, title.trim(), &body);
        t.lang = Some(Lang::FrCa);
        t.short = short.filter(|s| !s.trim().is_empty());
        t.variants = en.filter(|s| !s.trim().is_empty()).map(|body| Variant { lang: Lang::En, body, short: None }).into_iter().collect();
        t.tags = tags;
        t.networks = networks;
        t.revision = 1;
        t
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn texts_survive_a_round_trip(mut lib in proptest::collection::vec(arb_template(), 1..5)) {
        lib.dedup_by(|a, b| a.id == b.id);
        lib.retain(|t| !t.body.trim().is_empty() && !t.title.is_empty());
        let mut ids = std::collections::HashSet::new();
        lib.retain(|t| ids.insert(t.id.clone()));
        let csv = export_csv(&lib);
        let m = guess_mapping(&csv_headers(csv.as_bytes()).unwrap());
        let plan = plan_csv_import(&[], csv.as_bytes(), &m).unwrap();
        prop_assert_eq!(plan.add.len(), lib.len());
        for (a, b) in lib.iter().zip(&plan.add) {
            prop_assert_eq!(texts(a), texts(b));
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(data in proptest::collection::vec(any::<u8>(), 0..300)) {
        let m = CsvMapping { body: Some(0), title: Some(1), trigger: Some(2), tags: Some(3), language: Some(4), ..Default::default() };
        let _ = plan_csv_import(&[], &data, &m);
        let _ = csv_headers(&data);
    }
}
