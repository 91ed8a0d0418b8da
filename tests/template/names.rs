//! First names and full names from the display names networks show: French (France, Québec)
//! and English, with titles, degrees, pronouns, jobs, emoji, decorations, organisations,
//! handles and initials.

use porte_voix::template::names::{first_name, full_name, lower, upper};

/// (display name, expected first name)
const FIRST_NAMES: &[(&str, Option<&str>)] = &[
    // plain names
    ("Marie Tremblay", Some("Marie")),
    ("Jean-François Gagnon", Some("Jean-François")),
    ("Marc-André Roy", Some("Marc-André")),
    ("Marie-Ève Bouchard", Some("Marie-Ève")),
    ("Anne-Sophie Lefebvre", Some("Anne-Sophie")),
    ("Pierre-Luc Côté", Some("Pierre-Luc")),
    ("Émilie Fortin", Some("Émilie")),
    ("Zoé Martin", Some("Zoé")),
    ("Chloé", Some("Chloé")),
    ("Océane Dubois", Some("Océane")),
    ("Noémie Gauthier-Pelletier", Some("Noémie")),
    ("Sarah O'Connor", Some("Sarah")),
    ("Siobhan McKenzie", Some("Siobhan")),
    ("John Smith", Some("John")),
    ("Mary-Kate Olsen", Some("Mary-Kate")),
    ("DeShawn Jackson", Some("DeShawn")),
    ("Nguyễn Văn An", Some("Nguyễn")),
    ("José García", Some("José")),
    ("Björn Andersson", Some("Björn")),
    ("Łukasz Nowak", Some("Łukasz")),
    ("Ahmed Ben Ali", Some("Ahmed")),
    ("Maëlle Le Gall", Some("Maëlle")),
    ("Gaëtan D'Amours", Some("Gaëtan")),
    ("Jean de La Fontaine", Some("Jean")),
    ("Joëlle", Some("Joëlle")),
    // titles and honorifics
    ("Dr Marie-Ève Tremblay, PhD", Some("Marie-Ève")),
    ("Dre Julie Lavoie", Some("Julie")),
    ("Dr. John Watson", Some("John")),
    ("M. Jean Dupont", Some("Jean")),
    ("Mme Sylvie Bérubé", Some("Sylvie")),
    ("Mlle Camille Petit", Some("Camille")),
    ("Me Louise Arbour", Some("Louise")),
    ("Pr Didier Raoult", Some("Didier")),
    ("Prof. Hélène Carrère", Some("Hélène")),
    ("Mr John Doe", Some("John")),
    ("Mrs. Jane Doe", Some("Jane")),
    ("Ms Emma Stone", Some("Emma")),
    ("Miss Lily Evans", Some("Lily")),
    ("Sir Elton John", Some("Elton")),
    ("Madame Nathalie Simard", Some("Nathalie")),
    ("Monsieur Paul Arcand", Some("Paul")),
    ("Dr Dre", None),
    // a title and a surname only
    ("Mme Tremblay", None),
    ("M. Dupont", None),
    ("Dr House", None),
    ("Mr. Bean", None),
    // suffixes
    ("Julie Lavoie, CPA", Some("Julie")),
    ("Marc Bélanger CRHA", Some("Marc")),
    ("Louis Gagné, ing.", Some("Louis")),
    ("Robert Downey Jr.", Some("Robert")),
    ("Martin Luther King III", Some("Martin")),
    ("Sophie Roy, MBA, CPA", Some("Sophie")),
    ("Karim Haddad PhD", Some("Karim")),
    // pronouns
    ("Alex Morin (iel/they)", Some("Alex")),
    ("Camille Girard (elle/she)", Some("Camille")),
    ("Jordan Lee she/her", Some("Jordan")),
    ("Sam Taylor (he/him)", Some("Sam")),
    // jobs and affiliations
    ("Nadia El-Khoury | Marketing numérique", Some("Nadia")),
    ("Julien Morel - Community manager", Some("Julien")),
    ("Léa Rousseau · Photographe", Some("Léa")),
    ("Thomas Bernard (Lyon)", Some("Thomas")),
    ("Vincent Lambert, directeur des ventes", Some("Vincent")),
    ("Isabelle Caron — Autrice", Some("Isabelle")),
    ("Guillaume Fontaine | CM @ Desjardins", Some("Guillaume")),
    ("Mélanie Ouellet • Rimouski", Some("Mélanie")),
    ("Hugo Moreau [Paris]", Some("Hugo")),
    ("Patrick Leblanc: pompier", Some("Patrick")),
    // emoji and decorations
    ("🌸 Marie-Ève 🌸", Some("Marie-Ève")),
    ("Sophie ✨ Tremblay", Some("Sophie")),
    ("Jean-Philippe 🇨🇦", Some("Jean-Philippe")),
    ("⭐️ Caroline Dion ⭐️", Some("Caroline")),
    ("👩🏽‍💻 Aïcha Diallo", Some("Aïcha")),
    ("Kevin 🏒🥅", Some("Kevin")),
    ("★ Valérie ★", Some("Valérie")),
    ("Manon 💙 | Québec", Some("Manon")),
    ("🌻", None),
    ("♡ ♡ ♡", None),
    // all capitals, all lower case
    ("MARIE-ÈVE TREMBLAY", Some("Marie-Ève")),
    ("jean-françois gagnon", Some("Jean-François")),
    ("JEAN DUPONT", Some("Jean")),
    ("élodie martin", Some("Élodie")),
    ("Marie TREMBLAY", Some("Marie")),
    ("ÉMILIE", Some("Émilie")),
    ("françois-xavier", Some("François-Xavier")),
    ("marc-andré ROY", Some("Marc-André")),
    // handles, initials, digits
    ("@marieeve", None),
    ("marie_tremblay88", None),
    ("jf1987", None),
    ("J.-F. Tremblay", None),
    ("J.F.", None),
    ("JF Gagnon", None),
    ("M. T.", None),
    ("A. Smith", None),
    ("K", None),
    ("xxx", None),
    // organisations
    ("Boulangerie Chez Paul", None),
    ("Ville de Montréal", None),
    ("Service client Fnac", None),
    ("Les Cafés Van Houtte", None),
    ("La Poste", None),
    ("Le Devoir", None),
    ("Desjardins Coop", None),
    ("Tremblay & Fils", None),
    ("Rona inc.", None),
    ("Peinture Dupuis ltée", None),
    ("Garage Martin SARL", None),
    ("Chez Ginette", None),
    ("L'Oréal Paris", None),
    ("The Coffee Shop", None),
    ("Université Laval", None),
    ("Cégep de Sherbrooke", None),
    ("Hôtel Le Germain", None),
    ("Pharmacie Jean Coutu", None),
    ("Club de hockey Canadien", None),
    ("Support Team", None),
    ("Équipe Marketing", None),
    ("Fondation Jeunes en Tête", None),
    ("Radio-Canada Info", None),
    ("Mairie de Lyon", None),
    ("Acme Corp", None),
    ("Studio Créatif Montréal", None),
    ("SNCF", None),
    // more of what networks show
    ("Catherine (Cath) Dubé", Some("Catherine")),
    ("Mathieu L.", Some("Mathieu")),
    ("Stéphanie St-Pierre", Some("Stéphanie")),
    ("Dr. Jean-Luc Picard, MD", Some("Jean-Luc")),
    ("ÉRIC", Some("Éric")),
    ("L'Équipe Rivard", None),
    ("Isabelle & Marc", None),
    ("marie.tremblay", None),
    ("Jean‑Sébastien Bach 🎹", Some("Jean-Sébastien")),
    // fancy-font letters
    ("𝓜𝓪𝓻𝓲𝓮 ✨", Some("Marie")),
    ("𝐉𝐞𝐚𝐧-𝐅𝐫𝐚𝐧𝐜̧𝐨𝐢𝐬 𝐆𝐚𝐠𝐧𝐨𝐧", Some("Jean-François")),
    ("𝕊𝕠𝕡𝕙𝕚𝕖 𝕃𝕒𝕧𝕠𝕚𝕖", Some("Sophie")),
    ("ⓂⒶⓇⒸ", Some("Marc")),
    ("Ｊｕｌｉｅ", Some("Julie")),
    ("Geneviève Ouellet-Lévesque 🇫🇷🇨🇦", Some("Geneviève")),
    (
        "Frédérique | Responsable communauté chez Fnac",
        Some("Frédérique"),
    ),
    ("Maxime Gagnon, B. Sc. inf.", Some("Maxime")),
    ("Louis-Philippe 🍁 (Québec)", Some("Louis-Philippe")),
    ("Capt. Marie Renaud", Some("Marie")),
    // other scripts
    ("山田 太郎", None),
    ("Анна Петрова", Some("Анна")),
];

#[test]
fn first_names_from_display_names() {
    assert!(FIRST_NAMES.len() >= 100, "{} cases", FIRST_NAMES.len());
    let mut wrong = Vec::new();
    for &(display, want) in FIRST_NAMES {
        let got = first_name(display);
        if got.as_deref() != want {
            wrong.push(format!("{display:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn full_names_are_kept_as_written_without_emoji() {
    let cases = [
        ("🌸 Marie-Ève Tremblay 🌸", "Marie-Ève Tremblay"),
        ("Sophie ✨ Tremblay", "Sophie Tremblay"),
        ("Kevin 🏒🥅", "Kevin"),
        ("🌻", ""),
        ("  Julie   Roy  ", "Julie Roy"),
        ("𝓜𝓪𝓻𝓲𝓮 𝓣𝓻𝓮𝓶𝓫𝓵𝓪𝔂 ✨", "Marie Tremblay"),
        ("Dr Marie-Ève Tremblay, PhD", "Dr Marie-Ève Tremblay, PhD"),
        // the case is the person's own: never "fixed"
        ("JEAN DE LA FONTAINE", "JEAN DE LA FONTAINE"),
        ("jean d’alembert", "jean d’alembert"),
        ("marie-ève bouchard-côté", "marie-ève bouchard-côté"),
        ("Marie TREMBLAY", "Marie TREMBLAY"),
        ("bell hooks", "bell hooks"),
        ("danah boyd 🌈", "danah boyd"),
        ("SARAH O’CONNOR 🇮🇪", "SARAH O’CONNOR"),
        // apostrophes and dashes as typed
        ("Chloé L’Heureux‑Dubé", "Chloé L’Heureux‑Dubé"),
        // markup is text, unchanged (never `<Img src=x>`)
        ("<img src=x>", "<img src=x>"),
        (
            "<img src=x onerror=alert(1)> 🔥",
            "<img src=x onerror=alert(1)>",
        ),
        ("🎄 Café Paulette | Montréal 🎄", "Café Paulette | Montréal"),
        ("mike o'brien", "mike o'brien"),
    ];
    for (display, want) in cases {
        assert_eq!(full_name(display), want, "{display:?}");
    }
}

#[test]
fn first_names_still_have_their_case_fixed() {
    let cases = [
        ("marie-ève bouchard-côté", Some("Marie-Ève")),
        ("JEAN-FRANÇOIS ROY", Some("Jean-François")),
        ("danah boyd 🌈", Some("Danah")),
        ("<img src=x>", None),
        ("Chloé L’Heureux‑Dubé", Some("Chloé")),
    ];
    for (display, want) in cases {
        assert_eq!(first_name(display).as_deref(), want, "{display:?}");
    }
}

#[test]
fn hostile_and_odd_inputs_do_not_panic() {
    for s in [
        "",
        " ",
        "-",
        "'",
        "((((",
        "))))",
        "|||",
        "Dr",
        "Dr Dr Dr",
        "\u{0301}",
        "a\u{0301}",
        "<img src=x onerror=alert(1)>",
        "\u{202E}Marie",
    ] {
        let _ = first_name(s);
        let _ = full_name(s);
    }
    assert_eq!(first_name("<img src=x onerror=alert(1)>"), None);
}

#[test]
fn the_small_case_mapping_agrees_with_unicode_where_it_maps() {
    // Latin with its accents, Vietnamese, Greek, Cyrillic: the letters names are written in
    let ranges = [
        0x20..=0x17F,
        0x391..=0x3AB,
        0x3B1..=0x3CB,
        0x400..=0x45F,
        0x1E00..=0x1E95,
        0x1EA0..=0x1EFF,
    ];
    let single = |mut it: std::iter::Peekable<std::vec::IntoIter<char>>| {
        let c = it.next();
        if it.peek().is_some() {
            None
        } else {
            c
        }
    };
    let mut mapped = 0;
    for n in ranges.into_iter().flatten() {
        let Some(c) = char::from_u32(n) else { continue };
        // dotless ı, long ſ, µ and final ς change script or form upward: left as they are
        if matches!(c, 'ı' | 'ſ' | 'µ' | 'ς' | 'İ' | 'ŉ' | 'ß') {
            continue;
        }
        let std_lower = single(c.to_lowercase().collect::<Vec<_>>().into_iter().peekable());
        let std_upper = single(c.to_uppercase().collect::<Vec<_>>().into_iter().peekable());
        assert_eq!(Some(lower(c)), std_lower, "lower {c:?} U+{n:04X}");
        assert_eq!(Some(upper(c)), std_upper, "upper {c:?} U+{n:04X}");
        mapped += (lower(c) != c) as u32;
    }
    assert!(mapped > 300, "{mapped}");
}
