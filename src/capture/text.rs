//! Text values as a page declares them: character references decoded (for text the browser
//! does not decode, such as JSON-LD inside a script) and whitespace collapsed. No-break spaces
//! (French typography: « guillemets », the space before : ; ! ?) are kept.

use std::borrow::Cow;

/// Named references 160..=255 (Latin-1), in code point order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other named references met in titles and descriptions.
const OTHER: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("dagger", '†'),
    ("bull", '•'),
    ("hellip", '…'),
    ("prime", '′'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("euro", '€'),
    ("trade", '™'),
    ("larr", '←'),
    ("rarr", '→'),
];

fn named(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(160 + i as u32);
    }
    OTHER.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// Decodes `&name;`, `&#123;` and `&#x1F600;`; anything else is left as written.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(';')
            .filter(|&e| e > 0 && e <= 32)
            .map(|e| e + 1);
        let decoded = end.and_then(|e| {
            let body = &rest[1..e];
            let c = if let Some(num) = body.strip_prefix('#') {
                let v = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse::<u32>().ok(),
                }?;
                // NUL, surrogates and out-of-range values become U+FFFD, as browsers do
                Some(
                    char::from_u32(v)
                        .filter(|&c| c != '\0')
                        .unwrap_or('\u{FFFD}'),
                )
            } else {
                named(body)
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whitespace that collapses: every Unicode space except the no-break ones.
fn collapses(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}' | '\u{2007}' | '\u{2060}')
}

/// Runs of whitespace become one space; none at either end.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if collapses(c) {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// A declared value made ready: collapsed, `None` when nothing is left.
pub fn clean_value(s: &str) -> Option<String> {
    let v = collapse_whitespace(s);
    (!v.is_empty()).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_decode_and_others_stay() {
        let cases = [
            ("L&#039;été &amp; l&rsquo;hiver", "L'été & l’hiver"),
            ("&laquo;&nbsp;Bonjour&nbsp;&raquo;", "«\u{A0}Bonjour\u{A0}»"),
            ("&#x1F389; f&ecirc;te", "🎉 fête"),
            ("Caf&eacute; cr&egrave;me", "Café crème"),
            ("AT&T &unknown; & co", "AT&T &unknown; & co"),
            ("&#0; &#xD800;", "\u{FFFD} \u{FFFD}"),
            ("pas d'entité", "pas d'entité"),
            ("&amp;amp;", "&amp;"),
        ];
        for (input, want) in cases {
            assert_eq!(decode_entities(input), want, "{input}");
        }
    }

    #[test]
    fn whitespace_collapses_but_no_break_spaces_stay() {
        let cases = [
            ("  Le   titre\n\t du jour  ", Some("Le titre du jour")),
            (
                "Question\u{202F}?  Réponse\u{A0}!",
                Some("Question\u{202F}? Réponse\u{A0}!"),
            ),
            ("\u{2003}Em\u{3000}space ", Some("Em space")),
            (" \n\t ", None),
        ];
        for (input, want) in cases {
            assert_eq!(clean_value(input).as_deref(), want, "{input:?}");
        }
    }
}
