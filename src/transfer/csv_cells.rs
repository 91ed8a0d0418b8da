//! The formula-injection guard for CSV cells: a cell that starts with `=`, `+`, `-`, `@`, a tab
//! or a carriage return (after any apostrophes) gets a leading apostrophe, so a spreadsheet shows
//! it as text instead of running it. Reading our own files takes the apostrophe off again, so a
//! round trip gives back exactly what was written.

const TRIGGERS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

fn needs_guard(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(TRIGGERS)
}

/// The cell as written to a CSV file.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_guard(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A cell read from one of our CSV files, as it was before `neutralise`.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(cell) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangerous_cells_are_neutralised_and_restored() {
        let cases = [
            (
                "=HYPERLINK(\"http://evil\")",
                "'=HYPERLINK(\"http://evil\")",
            ),
            ("+33 6 12 34 56 78", "'+33 6 12 34 56 78"),
            ("-5 % sur tout", "'-5 % sur tout"),
            ("@marque merci !", "'@marque merci !"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "'\rcmd"),
            ("'=déjà", "''=déjà"),
            ("''@x", "'''@x"),
            ("Bonjour = salut", "Bonjour = salut"),
            ("'apostrophe", "'apostrophe"),
            ("", ""),
            ("🎉 -20 %", "🎉 -20 %"),
        ];
        for (cell, written) in cases {
            assert_eq!(neutralise(cell), written, "{cell:?}");
            assert_eq!(restore(written), cell, "{written:?}");
        }
    }
}
