//! The one error convention of the crate: every error that crosses a boundary (to the UI, the
//! command line, another context) has a stable code `area.snake_case` and a message for logs.
//! The UI never shows the message: it shows the `_locales` message `error_<area>_<name>` (the
//! code with its dot made an underscore), in French or English. Expected problems in bulk work
//! (an import's bad rows) are data in a report, not errors.

/// An error with a stable code.
pub trait Coded: std::fmt::Display {
    /// `area.snake_case`, stable once released (the UI and scripts key on it).
    fn code(&self) -> &'static str;
}

/// The `_locales` key of a code's message: `template.unknown_variable` →
/// `error_template_unknown_variable`.
pub fn message_key(code: &str) -> String {
    format!("error_{}", code.replace('.', "_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_key_is_the_code_with_an_underscore() {
        assert_eq!(
            message_key("template.unknown_variable"),
            "error_template_unknown_variable"
        );
    }
}
