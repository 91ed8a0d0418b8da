//! The messages the in-page engine sends and reads, written and read by hand: the tab's limit,
//! the trigger list, a render and a use. Serialising them through [`Request`]'s `Serialize` and
//! reading answers through [`Response`]'s `Deserialize` would bring the serialisers of every
//! request and answer kind (templates, backlog items, captures, their derived `Debug`) into
//! every social network's page. Each writer gives the JSON serde writes for the same request,
//! and [`PageAnswer::read`] reads what serde writes for the answers a page gets (tests check
//! both). No browser types here.

use super::reply::{PageContext, PickerState, RenderAnswer, RenderRequest};
use super::PROTOCOL_VERSION;
use crate::json::Json;
use crate::platform::Platform;

#[cfg(doc)]
use super::{Request, Response};

/// The envelope of a request of `kind` whose other fields are `fields` (JSON members, each
/// preceded by a comma, or empty).
fn envelope(request_id: &str, kind: &str, fields: &str) -> String {
    let mut out = String::with_capacity(80 + request_id.len() + fields.len());
    out.push_str("{\"protocol_version\":");
    out.push_str(&PROTOCOL_VERSION.to_string());
    out.push_str(",\"request_id\":");
    push_json_string(&mut out, request_id);
    out.push_str(",\"body\":{\"kind\":");
    push_json_string(&mut out, kind);
    out.push_str(fields);
    out.push_str("}}");
    out
}

/// [`Request::TabLimit`]: the limit the tab's badge counts the page's platform against.
pub fn tab_limit_json(request_id: &str, platform: Platform, limit: u32) -> String {
    let mut fields = String::from(",\"platform\":");
    push_json_string(&mut fields, platform.id());
    fields.push_str(",\"limit\":");
    fields.push_str(&limit.to_string());
    envelope(request_id, "tab_limit", &fields)
}

/// [`Request::TriggerList`]: the typed triggers of the library, and nothing else of it.
pub fn trigger_list_json(request_id: &str) -> String {
    envelope(request_id, "trigger_list", "")
}

/// [`Request::TemplateUsed`]: a template was inserted (its use count and last use).
pub fn template_used_json(request_id: &str, id: &str) -> String {
    let mut fields = String::from(",\"id\":");
    push_json_string(&mut fields, id);
    envelope(request_id, "template_used", &fields)
}

/// [`Request::Render`]: one template rendered with the page's context.
pub fn render_json(request_id: &str, request: &RenderRequest) -> String {
    let mut f = String::with_capacity(256);
    f.push_str(",\"id\":");
    push_opt_string(&mut f, request.id.as_deref());
    f.push_str(",\"trigger\":");
    push_opt_string(&mut f, request.trigger.as_deref());
    f.push_str(",\"context\":");
    push_context(&mut f, &request.context);
    f.push_str(",\"platform\":");
    push_opt_string(&mut f, request.platform.map(Platform::id));
    f.push_str(",\"values\":{\"fields\":{");
    for (i, (name, value)) in request.values.fields.iter().enumerate() {
        if i > 0 {
            f.push(',');
        }
        push_json_string(&mut f, name);
        f.push(':');
        push_json_string(&mut f, value);
    }
    f.push_str("},\"choices\":[");
    for (i, c) in request.values.choices.iter().enumerate() {
        if i > 0 {
            f.push(',');
        }
        f.push_str(&c.to_string());
    }
    f.push_str("]}");
    envelope(request_id, "render", &f)
}

/// What the content script tells the picker's frame, as JSON (the frame reads it with serde).
pub fn picker_state_json(state: &PickerState) -> String {
    let mut out = String::with_capacity(256);
    out.push_str("{\"context\":");
    push_context(&mut out, &state.context);
    out.push_str(",\"platform\":");
    push_opt_string(&mut out, state.platform.map(Platform::id));
    out.push_str(",\"open\":");
    push_opt_u32(&mut out, state.open);
    if let Some(closed) = state.closed {
        out.push_str(",\"closed\":");
        out.push_str(&closed.to_string());
    }
    if let Some(template) = &state.template {
        out.push_str(",\"template\":");
        push_opt_string(&mut out, Some(template.as_str()));
    }
    out.push('}');
    out
}

/// The page's context as a JSON object (every member, `null` when absent, as serde writes it).
fn push_context(out: &mut String, c: &PageContext) {
    let members = [
        ("author", &c.author),
        ("handle", &c.handle),
        ("comment_lang", &c.comment_lang),
        ("brand", &c.brand),
        ("url", &c.url),
        ("page_title", &c.page_title),
        ("now", &c.now),
        ("lang", &c.lang),
    ];
    out.push('{');
    for (i, (name, value)) in members.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_string(out, name);
        out.push(':');
        push_opt_string(out, value.as_deref());
    }
    out.push('}');
}

fn push_opt_string(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => push_json_string(out, s),
        None => out.push_str("null"),
    }
}

fn push_opt_u32(out: &mut String, n: Option<u32>) {
    match n {
        Some(n) => out.push_str(&n.to_string()),
        None => out.push_str("null"),
    }
}

/// Appends `s` as a JSON string literal (quotes, backslashes and control characters escaped).
fn push_json_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let b = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[b >> 4]));
                out.push(char::from(HEX[b & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// An answer of the background, as a page reads it: only the kinds a page's requests get.
#[derive(Clone, Debug, PartialEq)]
pub enum PageAnswer {
    /// [`Response::Ack`].
    Ack,
    /// [`Response::Triggers`].
    Triggers(Vec<String>),
    /// [`Response::Rendered`].
    Rendered(Box<RenderAnswer>),
    /// [`Response::Error`]: its stable code.
    Error(String),
    /// Another kind, or an answer of a known kind that does not have its shape: the kind (empty
    /// when there is none).
    Unexpected(String),
}

impl PageAnswer {
    /// Reads an answer (the JSON of a [`Response`]).
    pub fn read(answer: serde_json::Value) -> PageAnswer {
        PageAnswer::read_from(&&answer)
    }

    /// [`read`](Self::read) from any JSON value (in a page: the JS value as the message came).
    pub fn read_from<J: Json>(answer: &J) -> PageAnswer {
        let kind = answer
            .get("kind")
            .and_then(|k| k.as_str())
            .unwrap_or_default();
        let unexpected = || PageAnswer::Unexpected(kind.clone());
        match kind.as_str() {
            "ack" => PageAnswer::Ack,
            "triggers" => match answer.get("triggers").and_then(|t| t.items()) {
                Some(list) => match list.iter().map(|t| t.as_str()).collect() {
                    Some(list) => PageAnswer::Triggers(list),
                    None => unexpected(),
                },
                _ => unexpected(),
            },
            "rendered" => match read_rendered(answer) {
                Some(a) => PageAnswer::Rendered(Box::new(a)),
                None => unexpected(),
            },
            "error" => match answer.get("code").and_then(|c| c.as_str()) {
                Some(code) => PageAnswer::Error(code),
                None => unexpected(),
            },
            _ => unexpected(),
        }
    }
}

/// A [`Response::Rendered`] read member by member (serde's `Deserialize` would bring its error
/// messages' float formatting into the page); `None` when a member is missing or of another
/// type, as serde would refuse it.
fn read_rendered<J: Json>(v: &J) -> Option<RenderAnswer> {
    let string = |k: &str| v.get(k)?.as_str();
    let strings =
        |v: &J| -> Option<Vec<String>> { v.items()?.iter().map(|s| s.as_str()).collect() };
    let list = |k: &str| strings(&v.get(k)?);
    // an optional member: absent or null is `None`, another type refuses the answer
    let opt_u32 = |k: &str| -> Option<Option<u32>> {
        match v.get(k) {
            None => Some(None),
            Some(n) if n.is_null() => Some(None),
            Some(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()).map(Some),
        }
    };
    let fits = match v.get("fits") {
        None => None,
        Some(b) if b.is_null() => None,
        Some(b) => Some(b.as_bool()?),
    };
    Some(RenderAnswer {
        id: string("id")?,
        text: string("text")?,
        cursor: opt_u32("cursor")?,
        fields: list("fields")?,
        choices: v
            .get("choices")?
            .items()?
            .iter()
            .map(strings)
            .collect::<Option<_>>()?,
        left_out: list("left_out")?,
        errors: list("errors")?,
        lang: string("lang")?,
        short: v.get("short")?.as_bool()?,
        length: opt_u32("length")?,
        limit: opt_u32("limit")?,
        fits,
    })
}
