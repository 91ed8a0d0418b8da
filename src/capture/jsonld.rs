//! The page's JSON-LD (schema.org): its nodes (top-level arrays and `@graph` flattened, `@id`
//! references followed) and the fields the choice reads from its main entity. A script that is
//! not valid JSON, or nests deeper than the JSON parser allows, is ignored.

use serde_json::{Map, Value};

use super::candidates::LdField;
use super::text::{clean_value, decode_entities};

type Node = Map<String, Value>;

/// Types of a page's main entity, most specific first.
const MAIN_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "LiveBlogPosting",
    "BlogPosting",
    "Article",
    "TechArticle",
    "ScholarlyArticle",
    "VideoObject",
    "Recipe",
    "Product",
    "Event",
    "WebPage",
    "ItemPage",
    "AboutPage",
    "CollectionPage",
];

fn strip_wrappers(s: &str) -> &str {
    let mut s = s.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(inner) = s.strip_prefix(open) {
            s = inner.trim();
            if let Some(inner) = s.strip_suffix(close) {
                s = inner.trim();
            }
        }
    }
    s
}

fn flatten(v: Value, out: &mut Vec<Node>, depth: u32) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| flatten(i, out, depth + 1)),
        Value::Object(mut o) => {
            if let Some(graph) = o.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            if o.keys().any(|k| k != "@context") {
                out.push(o);
            }
        }
        _ => {}
    }
}

/// Every node of every script, in document order.
pub struct Graph {
    nodes: Vec<Node>,
}

fn types(n: &Node) -> Vec<&str> {
    match n.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean_value(&decode_entities(s)),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl Graph {
    pub fn parse(scripts: &[String]) -> Graph {
        let mut nodes = Vec::new();
        for s in scripts {
            if let Ok(v) = serde_json::from_str::<Value>(strip_wrappers(s)) {
                flatten(v, &mut nodes, 0);
            }
        }
        Graph { nodes }
    }

    /// Nodes in the order the choice prefers them: main-entity types first (most specific
    /// first), then the rest in document order.
    fn ranked(&self) -> Vec<&Node> {
        let mut ranked: Vec<(usize, usize, &Node)> = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let rank = types(n)
                    .iter()
                    .filter_map(|t| MAIN_TYPES.iter().position(|m| m == t))
                    .min()
                    .unwrap_or(MAIN_TYPES.len());
                (rank, i, n)
            })
            .collect();
        ranked.sort_by_key(|(r, i, _)| (*r, *i));
        ranked.into_iter().map(|(_, _, n)| n).collect()
    }

    fn node_by_id(&self, id: &str) -> Option<&Node> {
        self.nodes
            .iter()
            .find(|n| n.get("@id").and_then(Value::as_str) == Some(id) && n.len() > 1)
    }

    /// A name: a string, an object's `name`, a reference's `name`, or the names of a list.
    fn names(&self, v: &Value) -> Option<String> {
        match v {
            Value::Array(items) => {
                let names: Vec<String> = items.iter().filter_map(|i| self.names(i)).collect();
                (!names.is_empty()).then(|| names.join(", "))
            }
            Value::Object(o) => match o.get("name") {
                Some(n) => text_of(n),
                None => o
                    .get("@id")
                    .and_then(Value::as_str)
                    .and_then(|id| self.node_by_id(id))
                    .and_then(|n| n.get("name"))
                    .and_then(text_of),
            },
            other => text_of(other),
        }
    }

    fn image(&self, v: &Value) -> Option<String> {
        match v {
            Value::String(s) => clean_value(s),
            Value::Array(items) => items.iter().find_map(|i| self.image(i)),
            Value::Object(o) => {
                for key in ["url", "contentUrl"] {
                    if let Some(u) = o.get(key).and_then(|u| self.image(u)) {
                        return Some(u);
                    }
                }
                o.get("@id")
                    .and_then(Value::as_str)
                    .and_then(|id| self.node_by_id(id))
                    .and_then(|n| ["url", "contentUrl"].iter().find_map(|k| n.get(*k)))
                    .and_then(|u| self.image(u))
            }
            _ => None,
        }
    }

    /// The first value of `field` in preference order.
    pub fn field(&self, field: LdField) -> Option<String> {
        let ranked = self.ranked();
        match field {
            LdField::Description => ranked
                .iter()
                .find_map(|n| n.get("description").and_then(text_of)),
            LdField::DatePublished => ranked
                .iter()
                .find_map(|n| n.get("datePublished").and_then(text_of)),
            LdField::Image => ranked.iter().find_map(|n| {
                ["image", "thumbnailUrl"]
                    .iter()
                    .find_map(|k| n.get(*k).and_then(|v| self.image(v)))
            }),
            LdField::Author => ranked
                .iter()
                .find_map(|n| n.get("author").and_then(|a| self.names(a))),
            LdField::PublisherName => ranked
                .iter()
                .find_map(|n| n.get("publisher").and_then(|p| self.names(p))),
            LdField::WebSiteName => self
                .nodes
                .iter()
                .filter(|n| types(n).contains(&"WebSite"))
                .find_map(|n| n.get("name").and_then(text_of)),
        }
    }
}
