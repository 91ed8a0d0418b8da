//! The first name of the person answered, from the display name a network shows: « Bonjour
//! Marie-Ève » from "Dre Marie-Ève Tremblay, PhD 🌸". Titles and honorifics, suffixes
//! (degrees, Jr, pronouns, "| job", "- job", "(city)") and emoji are dropped; compound first
//! names stay whole; a name written all in capitals or all in lower case is capitalised
//! (hyphens and apostrophes respected). The full name is quoted as written, emoji dropped.
//! A handle, initials or an organisation give
//! no first name: the template's fallback applies. Word lists are compact `const` data; no
//! dictionary of first names (any name is accepted when the shape is a person's).

/// Titles and honorifics before a name (lower case, accents and dots removed).
const TITLES: &[&str] = &[
    "dr",
    "dre",
    "docteur",
    "docteure",
    "doctor",
    "m",
    "mm",
    "mme",
    "mmes",
    "mlle",
    "mlles",
    "me",
    "maitre",
    "madame",
    "monsieur",
    "mademoiselle",
    "mr",
    "mrs",
    "ms",
    "mx",
    "miss",
    "sir",
    "dame",
    "lady",
    "lord",
    "pr",
    "pre",
    "prof",
    "professeur",
    "professeure",
    "professor",
    "rev",
    "hon",
    "capt",
    "pere",
    "soeur",
    "frere",
];

/// Words after a name that are not part of it: degrees, generations, professional orders.
const SUFFIXES: &[&str] = &[
    "phd", "mba", "cpa", "crha", "cria", "ing", "eng", "peng", "jr", "sr", "ii", "iii", "iv", "md",
    "msc", "bsc", "llb", "llm", "esq", "cfa", "pmp", "fcpa", "cma", "adma", "dmd", "rn", "inf",
    "pharm", "avocat", "avocate", "notaire", "she", "her", "he", "him", "they", "them", "elle",
    "il", "iel", "lui",
];

/// Words that mark an organisation, a shop or a service rather than a person.
const ORGANISATION: &[&str] = &[
    "boulangerie",
    "patisserie",
    "ville",
    "service",
    "services",
    "client",
    "clients",
    "clientele",
    "support",
    "team",
    "equipe",
    "inc",
    "sarl",
    "sas",
    "sasu",
    "eurl",
    "sa",
    "ltee",
    "ltd",
    "llc",
    "llp",
    "corp",
    "co",
    "cie",
    "coop",
    "cooperative",
    "gmbh",
    "cafe",
    "cafes",
    "coffee",
    "restaurant",
    "resto",
    "bistro",
    "brasserie",
    "bar",
    "pub",
    "pizzeria",
    "boutique",
    "magasin",
    "shop",
    "store",
    "agence",
    "agency",
    "studio",
    "studios",
    "groupe",
    "group",
    "societe",
    "association",
    "asso",
    "officiel",
    "officielle",
    "official",
    "hq",
    "company",
    "compagnie",
    "banque",
    "bank",
    "caisse",
    "mairie",
    "municipalite",
    "gouvernement",
    "government",
    "ministere",
    "universite",
    "university",
    "ecole",
    "school",
    "college",
    "cegep",
    "lycee",
    "hotel",
    "pharmacie",
    "pharmacy",
    "clinique",
    "clinic",
    "hopital",
    "hospital",
    "fondation",
    "foundation",
    "institut",
    "institute",
    "club",
    "centre",
    "center",
    "radio",
    "tv",
    "journal",
    "magazine",
    "news",
    "media",
    "medias",
    "editions",
    "librairie",
    "bibliotheque",
    "library",
    "musee",
    "museum",
    "theatre",
    "festival",
    "syndicat",
    "federation",
    "conseil",
    "region",
    "departement",
    "commune",
    "fils",
    "freres",
    "marketing",
    "communication",
    "communications",
    "consulting",
    "solutions",
    "labs",
    "podcast",
    "fc",
    "garage",
    "salon",
    "spa",
    "immobilier",
    "assurance",
    "assurances",
    "transports",
    "info",
    "infos",
    "actu",
    "actus",
    "officiels",
    "ltda",
    "pty",
    "plc",
    "ag",
    "bv",
    "srl",
    "spa",
    "hq",
    "staff",
    "team",
    "crew",
    "collectif",
    "mouvement",
    "parti",
    "office",
    "bureau",
    "direction",
    "ministry",
    "department",
    "city",
];

/// First words that make the whole name an organisation's ("Les Cafés …", "Chez Paul").
const ORGANISATION_FIRST: &[&str] = &["le", "la", "les", "l", "the", "chez", "aux", "au"];

/// Lower-case particles inside a full name.
const PARTICLES: &[&str] = &[
    "de", "du", "des", "la", "le", "d", "l", "van", "von", "der", "den", "di", "da", "del",
    "della", "dos", "das", "do", "y", "et", "e", "ten", "ter", "bin", "al",
];

/// The lower case of a letter of the scripts names are written in here (Latin with its
/// accents and Vietnamese, Greek, Cyrillic); any other character unchanged. The full Unicode
/// case tables (`char::to_lowercase`) would add about 20 KB to the in-page engine.
pub fn lower(c: char) -> char {
    let n = c as u32;
    let m = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB => n + 32,
        0x410..=0x42F => n + 32,
        0x400..=0x40F => n + 80,
        0x178 => 0xFF,
        0x100..=0x137 | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF
            if n.is_multiple_of(2) =>
        {
            n + 1
        }
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        _ => n,
    };
    char::from_u32(m).unwrap_or(c)
}

/// The upper case of a letter, as `lower` knows them; `ß` and other letters unchanged.
pub fn upper(c: char) -> char {
    let n = c as u32;
    let m = match n {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE | 0x3B1..=0x3C1 | 0x3C3..=0x3CB => n - 32,
        0x430..=0x44F => n - 32,
        0x450..=0x45F => n - 80,
        0xFF => 0x178,
        0x101..=0x137 | 0x14B..=0x177 | 0x1E01..=0x1E95 | 0x1EA1..=0x1EFF if n % 2 == 1 => n - 1,
        0x13A..=0x148 | 0x17A..=0x17E if n.is_multiple_of(2) => n - 1,
        _ => n,
    };
    char::from_u32(m).unwrap_or(c)
}

/// `s` in lower case, as `lower` knows it.
pub fn lower_str(s: &str) -> String {
    s.chars().map(lower).collect()
}

/// Lower case, accents and dots removed: the form the word lists use.
fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars().map(lower) {
        s.push(match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
            'û' | 'ü' | 'ú' | 'ù' => 'u',
            'ÿ' => 'y',
            '.' | '\'' => continue,
            c => c,
        });
    }
    s
}

/// Keeps letters, digits, marks, ASCII punctuation and a few typographic marks; every other
/// character (emoji, pictographs, dingbats, variation selectors, joiners) becomes a space.
/// Apostrophes become `'`, dashes between words `-`, spaces collapse.
fn clean(display: &str) -> String {
    cleaned(display, true)
}

/// As [`clean`], apostrophes and dashes left as written.
fn clean_as_written(display: &str) -> String {
    cleaned(display, false)
}

fn cleaned(display: &str, normalise: bool) -> String {
    let plain: String = display.chars().map(plain_letter).collect();
    let nfc = crate::text::Nfc::new(&plain, &crate::text::UNICODE_NFC);
    let mut s = String::with_capacity(display.len());
    for c in nfc.as_str().chars() {
        let c = match c {
            '’' | 'ʼ' | '‘' | '`' | '´' if normalise => '\'',
            '‐' | '‑' if normalise => '-',
            '’' | 'ʼ' | '‘' | '`' | '´' | '‐' | '‑' => c,
            c if c.is_whitespace() => ' ',
            c if c.is_alphanumeric()
                || ('\u{300}'..='\u{36f}').contains(&c)
                || (c.is_ascii_graphic())
                || "–—·•«»".contains(c) =>
            {
                c
            }
            _ => ' ',
        };
        if c != ' ' || !(s.is_empty() || s.ends_with(' ')) {
            s.push(c);
        }
    }
    while s.ends_with(' ') {
        s.pop();
    }
    s
}

/// A decorative letter as its plain Latin letter: the mathematical alphabets (𝐌𝐚𝐫𝐢𝐞, 𝓜𝓪𝓻𝓲𝓮,
/// 𝕄𝕒𝕣𝕚𝕖…), their letterlike forms (ℳ, ℯ…), circled and fullwidth letters, as fancy-font
/// generators write display names.
fn plain_letter(c: char) -> char {
    let n = c as u32;
    let from = |base: u32, upper: bool| {
        char::from_u32(if upper { 'A' } else { 'a' } as u32 + (n - base)).unwrap_or(c)
    };
    match n {
        0x1D400..=0x1D6A3 => {
            let k = (n - 0x1D400) % 52;
            char::from_u32(if k < 26 {
                'A' as u32 + k
            } else {
                'a' as u32 + k - 26
            })
            .unwrap_or(c)
        }
        0x24B6..=0x24CF => from(0x24B6, true),
        0x24D0..=0x24E9 => from(0x24D0, false),
        0xFF21..=0xFF3A => from(0xFF21, true),
        0xFF41..=0xFF5A => from(0xFF41, false),
        _ => match c {
            'ℂ' => 'C',
            'ℊ' => 'g',
            'ℋ' | 'ℌ' | 'ℍ' => 'H',
            'ℐ' | 'ℑ' => 'I',
            'ℒ' => 'L',
            'ℕ' => 'N',
            'ℙ' => 'P',
            'ℚ' => 'Q',
            'ℛ' | 'ℜ' | 'ℝ' => 'R',
            'ℤ' | 'ℨ' => 'Z',
            'ℬ' => 'B',
            'ℭ' => 'C',
            'ℯ' => 'e',
            'ℰ' => 'E',
            'ℱ' => 'F',
            'ℳ' => 'M',
            'ℴ' => 'o',
            c => c,
        },
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// The first name with its case fixed when it is all capitals or all lower case: each part
/// (after a hyphen or an apostrophe) capitalised.
fn fix_case(name: &str) -> String {
    let letters = || name.chars().filter(|c| c.is_alphabetic());
    let all_upper = letters().all(|c| upper(c) == c);
    let all_lower = letters().all(|c| lower(c) == c);
    if !(all_upper || all_lower) || letters().count() < 2 {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut start = true;
        for c in word.chars() {
            if start {
                out.push(upper(c));
            } else {
                out.push(lower(c));
            }
            start = !c.is_alphabetic() && !('\u{300}'..='\u{36f}').contains(&c);
        }
    }
    out
}

/// The display name as a reply may quote it: as written (case, apostrophes and dashes kept),
/// emoji and decorations dropped, decorative letters made plain, spaces collapsed. Empty when
/// nothing is left. (Only the first name has its case fixed: a full name quoted back is the
/// person's own spelling, and a display name such as `<img src=x>` must come out unchanged.)
pub fn full_name(display: &str) -> String {
    let c = clean_as_written(display);
    c.trim_matches(|ch: char| ch == ' ' || "|·•-–—,:".contains(ch))
        .to_string()
}

/// The first name, or `None` when none can be told (a handle, initials only, an organisation,
/// a title with a surname only).
pub fn first_name(display: &str) -> Option<String> {
    let cleaned = clean(display);
    // Brackets hold pronouns, a city, a job: out. The rest splits at the marks that introduce a
    // job or an affiliation.
    let mut flat = String::with_capacity(cleaned.len());
    let mut depth = 0u32;
    for c in cleaned.chars() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                flat.push('|');
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '·' | '•' | '–' | '—' | ',' | ':' | ';' | '«' | '»' | '"' | '~' | '*' => {
                flat.push('|')
            }
            c => flat.push(c),
        }
    }
    let flat = flat
        .replace(" - ", "|")
        .replace(" -", "|")
        .replace("- ", "|");
    let segment = flat
        .split('|')
        .find(|s| s.chars().any(char::is_alphabetic))?;
    let mut tokens: Vec<&str> = segment
        .split(' ')
        .map(|t| t.trim_matches(|c: char| "\"'!?".contains(c)))
        .filter(|t| !t.is_empty())
        .collect();
    let folded: Vec<String> = tokens.iter().map(|t| fold(t)).collect();
    let org_start = tokens.first().is_some_and(|t| {
        let l = lower_str(t);
        l.starts_with("l'") && l.len() > 2
    });
    if org_start
        || folded
            .first()
            .is_some_and(|f| ORGANISATION_FIRST.contains(&f.as_str()))
        || folded
            .iter()
            .flat_map(|f| f.split('-'))
            .any(|f| ORGANISATION.contains(&f))
        || tokens.iter().any(|t| t.contains('&') || t.contains('+'))
    {
        return None;
    }
    let mut titled = false;
    while tokens.len() > 1 && TITLES.contains(&fold(tokens[0]).as_str()) {
        tokens.remove(0);
        titled = true;
    }
    let mut k = 0;
    tokens.retain(|t| {
        k += 1;
        !(t.contains('/') || (k > 1 && SUFFIXES.contains(&fold(t).as_str())))
    });
    if titled && tokens.len() < 2 {
        return None; // "Mme Tremblay": a surname only
    }
    let name = (*tokens.first()?).trim_end_matches('.');
    let f = fold(name);
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let initials = name
        .split(['.', '-'])
        .filter(|p| !p.is_empty())
        .all(|p| p.chars().filter(|c| c.is_alphabetic()).count() <= 1)
        || (letters.len() == 2 && letters.iter().all(|&c| lower(c) != c));
    let latin = letters.iter().all(|c| (*c as u32) < 0x250);
    let vowel = f.contains(['a', 'e', 'i', 'o', 'u', 'y', 'æ', 'œ']);
    if name.starts_with('@')
        || name.contains(|c: char| c.is_ascii_digit() || c == '_' || c == '@' || c == '#')
        || initials
        || (latin && !vowel)
        || letters.iter().any(|&c| is_cjk(c))
        || (PARTICLES.contains(&f.as_str()) && tokens.len() > 1)
        || TITLES.contains(&f.as_str())
        || name.contains(|c: char| {
            !(c.is_alphabetic() || c == '-' || c == '\'' || ('\u{300}'..='\u{36f}').contains(&c))
        })
    {
        return None;
    }
    Some(fix_case(name.trim_matches(['-', '\''])))
}
