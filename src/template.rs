//! Saved replies: the template model, the template language (parsed once into an AST, errors
//! with UTF-16 offsets and stable codes), first names from display names, dates in French and
//! English, rendering with the length report, import and export, the starter library.
//!
//! Pure Rust: no browser, no clock, no storage. The caller gives the moment (`Moment`, with the
//! user's UTC offset), the reply context and the values of fill-in fields; the store persists
//! what `transfer` plans. CSV (`template::csv`) is compiled only for the command line and the
//! extension's engine (feature `extension`; the command line has it with `cli`), never into the in-page engine.

pub mod dates;
pub mod lint;
pub mod menu;
pub mod model;
pub mod names;
pub mod parse;
pub mod render;
pub mod search;
pub mod starter;
pub mod transfer;
pub mod triggers;
pub mod view;

#[cfg(any(feature = "cli", feature = "extension"))]
pub mod csv;

pub use dates::Moment;
pub use model::{Lang, Template, Variant};
pub use parse::{parse, Node, ParseError, Parsed};
pub use render::{render, render_template, RenderContext, Rendered, Values};

/// The errors of a template's text or shape, each with its stable code. A parse error also has
/// its place (`ParseError`); none is ever dropped silently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
#[serde(into = "&'static str")]
pub enum TemplateError {
    /// `{{nom_inconnu}}`: no variable has that name, in French or English.
    #[error("unknown variable")]
    UnknownVariable,
    /// A `{{` with no `}}` on the same line.
    #[error("`{{{{` is not closed on its line")]
    Unclosed,
    /// `{{}}`, `{{ }}`, `{{|toi}}`, `{{champ:}}`: a name is missing.
    #[error("a variable has no name")]
    EmptyName,
    /// An argument the variable does not take or cannot read (`{{date:+2x}}`, `{{prenom:x}}`,
    /// `{{choix}}` without options).
    #[error("the variable's argument is not valid")]
    BadArgument,
    /// A second `{{curseur}}`: the caret can end in one place only.
    #[error("more than one cursor")]
    DuplicateCursor,
    /// A trigger that is not a prefix (`;`, `/`, `!`, `,`, `.`, `:`, `~`) and 1 to 31 letters,
    /// digits, `-` or `_`.
    #[error("the trigger must be like `;merci`")]
    TriggerInvalid,
    /// The rendered text does not fit one of the template's networks.
    #[error("too long for the network")]
    TooLong,
}

impl crate::error::Coded for TemplateError {
    fn code(&self) -> &'static str {
        (*self).into()
    }
}

impl From<TemplateError> for &'static str {
    fn from(e: TemplateError) -> &'static str {
        match e {
            TemplateError::UnknownVariable => "template.unknown_variable",
            TemplateError::Unclosed => "template.unclosed",
            TemplateError::EmptyName => "template.empty_name",
            TemplateError::BadArgument => "template.bad_argument",
            TemplateError::DuplicateCursor => "template.duplicate_cursor",
            TemplateError::TriggerInvalid => "template.trigger_invalid",
            TemplateError::TooLong => "template.too_long",
        }
    }
}
