//! The template language, parsed once into a list of nodes. `{{name}}`, `{{name:argument}}`,
//! `{{name|fallback}}`, `\{{` for a literal `{{`. Every variable has a French and an English
//! name; a name is read in lower case with `é`/`è`/`ê` as `e` (`{{Prénom}}` is `{{prenom}}`).
//! Errors carry UTF-16 offsets into the body and a stable code; the parser never stops at the
//! first one and never drops one. One pass over the input: time linear in its length (a `{{`
//! is looked for its `}}` only up to the end of its line or the next `{{`).
//! Nothing here knows a value: rendering is `render`.

use super::TemplateError;

/// How far a date is moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Days,
    Weeks,
    /// Monday to Friday.
    BusinessDays,
}

/// `+2j`, `+1w`, `-3bd`: a number and a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shift {
    pub n: i32,
    pub unit: Unit,
}

impl Shift {
    /// No shift.
    pub const NONE: Shift = Shift {
        n: 0,
        unit: Unit::Days,
    };
}

/// A variable whose value comes from the context (not a field, not a choice).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Var {
    FirstName,
    FullName,
    Handle,
    Brand,
    Date(Shift),
    Weekday(Shift),
    Time,
    Url,
    PageTitle,
}

impl Var {
    /// The English name, the id the render result and the UI use (`first_name`, `date`…).
    pub fn id(self) -> &'static str {
        match self {
            Var::FirstName => "first_name",
            Var::FullName => "full_name",
            Var::Handle => "handle",
            Var::Brand => "brand",
            Var::Date(_) => "date",
            Var::Weekday(_) => "weekday",
            Var::Time => "time",
            Var::Url => "url",
            Var::PageTitle => "page_title",
        }
    }
}

/// A half-open UTF-16 range of the body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// One piece of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// Literal text (escapes resolved; an erroneous part is kept here as written).
    Text(String),
    /// A variable from the context, with its fallback.
    Var {
        var: Var,
        fallback: Option<String>,
        span: Span,
    },
    /// `{{curseur}}`: where the caret ends.
    Cursor,
    /// `{{champ:Numéro de commande}}`: asked before inserting.
    Field {
        name: String,
        fallback: Option<String>,
        span: Span,
    },
    /// `{{choix:Bonjour|Salut}}`: the first by default, the others offered.
    Choice(Vec<String>),
}

/// A parse error: its code and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ParseError {
    pub code: TemplateError,
    pub start: u32,
    pub end: u32,
}

/// A parsed template: its nodes and every error found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub nodes: Vec<Node>,
    pub errors: Vec<ParseError>,
}

/// Converts increasing byte offsets of one text to UTF-16 offsets in one pass.
struct To16<'a> {
    s: &'a str,
    byte: usize,
    unit: u32,
}

impl To16<'_> {
    fn at(&mut self, byte: usize) -> u32 {
        self.unit += crate::text::utf16_len(&self.s[self.byte..byte]);
        self.byte = byte;
        self.unit
    }
}

/// Parses a template body.
pub fn parse(body: &str) -> Parsed {
    let b = body.as_bytes();
    let mut out = Parsed::default();
    let mut text = String::new();
    let mut to16 = To16 {
        s: body,
        byte: 0,
        unit: 0,
    };
    let mut cursor_seen = false;
    let (mut i, mut lit) = (0, 0);
    let pair = |k: usize, c: u8| b.get(k) == Some(&c) && b.get(k + 1) == Some(&c);
    while i < b.len() {
        if b[i] == b'\\' && pair(i + 1, b'{') {
            text.push_str(&body[lit..i]);
            text.push_str("{{");
            i += 3;
            lit = i;
            continue;
        }
        if !pair(i, b'{') {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        let close = loop {
            match b.get(j) {
                None | Some(b'\n') => break None,
                Some(b'{') if pair(j, b'{') => break None,
                Some(b'}') if pair(j, b'}') => break Some(j),
                _ => j += 1,
            }
        };
        text.push_str(&body[lit..i]);
        let start = to16.at(i);
        let end_byte = close.map_or(j, |c| c + 2);
        let span = Span {
            start,
            end: to16.at(end_byte),
        };
        let node = match close {
            None => Err(TemplateError::Unclosed),
            Some(c) => node(&body[i + 2..c], span),
        };
        let node = match node {
            Ok(Node::Cursor) if cursor_seen => Err(TemplateError::DuplicateCursor),
            other => other,
        };
        match node {
            Ok(n) => {
                cursor_seen |= n == Node::Cursor;
                if !text.is_empty() {
                    out.nodes.push(Node::Text(std::mem::take(&mut text)));
                }
                out.nodes.push(n);
            }
            Err(code) => {
                text.push_str(&body[i..end_byte]);
                out.errors.push(ParseError {
                    code,
                    start: span.start,
                    end: span.end,
                });
            }
        }
        i = end_byte;
        lit = i;
    }
    text.push_str(&body[lit..]);
    if !text.is_empty() {
        out.nodes.push(Node::Text(text));
    }
    out
}

/// The canonical form of a written name: lower case, `é`/`è`/`ê` as `e`.
fn canonical(name: &str) -> String {
    name.chars()
        .map(super::names::lower)
        .map(|c| {
            if matches!(c, 'é' | 'è' | 'ê') {
                'e'
            } else {
                c
            }
        })
        .collect()
}

fn node(inner: &str, span: Span) -> Result<Node, TemplateError> {
    use TemplateError::*;
    let name_end = inner.find([':', '|']).unwrap_or(inner.len());
    let name = canonical(inner[..name_end].trim());
    if name.is_empty() {
        return Err(EmptyName);
    }
    let rest = &inner[name_end..];
    let (arg, fallback) = match rest.strip_prefix(':') {
        Some(r) => match r.split_once('|') {
            Some((a, f)) => (Some(a), Some(f.trim().to_string())),
            None => (Some(r), None),
        },
        None => (None, rest.strip_prefix('|').map(|f| f.trim().to_string())),
    };
    let var = |v: Var| -> Result<Node, TemplateError> {
        if arg.is_some() {
            Err(BadArgument)
        } else {
            Ok(Node::Var {
                var: v,
                fallback: fallback.clone(),
                span,
            })
        }
    };
    match name.as_str() {
        "prenom" | "first_name" => var(Var::FirstName),
        "nom_complet" | "full_name" => var(Var::FullName),
        "pseudo" | "handle" => var(Var::Handle),
        "marque" | "brand" => var(Var::Brand),
        "heure" | "time" => var(Var::Time),
        "url" => var(Var::Url),
        "titre_page" | "page_title" => var(Var::PageTitle),
        "date" | "jour" | "weekday" => {
            let shift = arg.map_or(Ok(Shift::NONE), shift)?;
            let v = if name == "date" {
                Var::Date(shift)
            } else {
                Var::Weekday(shift)
            };
            Ok(Node::Var {
                var: v,
                fallback,
                span,
            })
        }
        "curseur" | "cursor" if arg.is_none() && fallback.is_none() => Ok(Node::Cursor),
        "curseur" | "cursor" => Err(BadArgument),
        "champ" | "field" => match arg.map(str::trim) {
            None => Err(BadArgument),
            Some("") => Err(EmptyName),
            Some(n) => Ok(Node::Field {
                name: n.to_string(),
                fallback,
                span,
            }),
        },
        "choix" | "choice" => {
            let all = rest.strip_prefix(':').ok_or(BadArgument)?;
            let options: Vec<String> = all.split('|').map(|o| o.trim().to_string()).collect();
            if options.iter().all(String::is_empty) {
                Err(BadArgument)
            } else {
                Ok(Node::Choice(options))
            }
        }
        _ => Err(UnknownVariable),
    }
}

/// `+2j`/`+2d` days, `+1s`/`+1w` weeks, `+2jo`/`+2bd` business days; the sign may be `-`; up to
/// 3,660 days (ten years) either way.
fn shift(arg: &str) -> Result<Shift, TemplateError> {
    let a = arg.trim();
    let (neg, a) = match a.as_bytes().first() {
        Some(b'+') => (false, &a[1..]),
        Some(b'-') => (true, &a[1..]),
        _ => (false, a),
    };
    let digits = a.bytes().take_while(u8::is_ascii_digit).count();
    let unit = match &a[digits..] {
        "j" | "d" => Unit::Days,
        "s" | "w" => Unit::Weeks,
        "jo" | "bd" => Unit::BusinessDays,
        _ => return Err(TemplateError::BadArgument),
    };
    let n: i32 = match a[..digits].parse() {
        Ok(n) if (1..=4).contains(&digits) => n,
        _ => return Err(TemplateError::BadArgument),
    };
    let days = match unit {
        Unit::Days => n,
        Unit::Weeks => n * 7,
        Unit::BusinessDays => n * 7 / 5,
    };
    if days > 3660 {
        return Err(TemplateError::BadArgument);
    }
    Ok(Shift {
        n: if neg { -n } else { n },
        unit,
    })
}
