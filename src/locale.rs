//! The UI languages (French first, English) and what the UI formats itself in them: numbers
//! with each language's digit grouping. Messages themselves live in `extension/_locales`.

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// The language for a BCP 47 tag such as `fr-CA` or `en-US` (French unless English).
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }
}

/// `n` with the language's digit grouping: `25 000` in French (narrow no-break space, as the
/// Office québécois de la langue française and the Imprimerie nationale write it), `25,000` in
/// English. Four-digit numbers are grouped too (`3 000`), as counters are compared at a glance.
pub fn group_digits(n: i64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Fr => '\u{202F}',
        Lang::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_groups_with_narrow_no_break_spaces() {
        assert_eq!(group_digits(280, Lang::Fr), "280");
        assert_eq!(group_digits(3000, Lang::Fr), "3\u{202F}000");
        assert_eq!(group_digits(63206, Lang::Fr), "63\u{202F}206");
        assert_eq!(group_digits(1_000_002, Lang::Fr), "1\u{202F}000\u{202F}002");
        assert_eq!(group_digits(-1250, Lang::Fr), "-1\u{202F}250");
        assert_eq!(group_digits(0, Lang::Fr), "0");
    }

    #[test]
    fn english_groups_with_commas() {
        assert_eq!(group_digits(25000, Lang::En), "25,000");
        assert_eq!(group_digits(999, Lang::En), "999");
        assert_eq!(group_digits(-100000, Lang::En), "-100,000");
    }

    #[test]
    fn languages_from_tags() {
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag("EN"), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::Fr);
    }
}
