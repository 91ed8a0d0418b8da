//! The typed messages between the content script, the background and the extension pages, and the
//! background's decisions on them (pure: the web layer only moves them and persists the state).
//!
//! Every message travels in an [`Envelope`] carrying the protocol version and a request id. A
//! request that writes is idempotent by id: a retry after the service worker was stopped must not
//! apply twice, so the background remembers the last ids it applied.

use crate::length::{count_with, CountOptions, LengthReport};
use crate::platform::Platform;
use crate::sites::site_for_url;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bumped on any incompatible change of [`Request`] or [`Response`].
pub const PROTOCOL_VERSION: u32 = 1;

/// How many applied request ids the background remembers for idempotence.
const REMEMBERED_IDS: usize = 64;

/// A message with its protocol version and id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub protocol_version: u32,
    pub request_id: String,
    pub body: T,
}

/// Which build of the Rust core a content script runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// Real WebAssembly (the page's CSP allows it).
    Wasm,
    /// The same crate compiled to JavaScript by wasm2js (the page's CSP blocks wasm).
    Wasm2js,
}

/// What a context asks the background.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    /// A content script started on a page (before loading the Rust core).
    Hello,
    /// A content script loaded the Rust core with this engine.
    EngineReady { engine: Engine },
    /// The popup asks what Porte-voix knows of a tab.
    TabStatus { tab_id: i64 },
    /// Count a text for a platform in the background (the path a plain-JS content script uses).
    Count {
        text: String,
        platform: Platform,
        #[serde(default)]
        options: CountOptions,
    },
}

/// The background's answers.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Response {
    /// Answer to [`Request::Hello`]: who we are and what the page is.
    Hello {
        version: String,
        site: Option<String>,
        platform: Option<Platform>,
    },
    /// The request was applied (or had been, under the same id).
    Ack,
    /// Answer to [`Request::TabStatus`].
    TabStatus { tab: Option<TabInfo> },
    /// Answer to [`Request::Count`].
    Count { report: LengthReport },
    /// The request could not be served; `code` is stable, the UI translates it.
    Error { code: String, message: String },
}

/// Who sent a request, as the browser reports it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sender {
    pub tab_id: Option<i64>,
    pub url: Option<String>,
    /// The Mastodon instances served now (enabled and granted), so a tab there is recognised.
    #[serde(default)]
    pub instances: Vec<String>,
}

/// What the background knows of one tab.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TabInfo {
    pub site: String,
    pub site_name: String,
    pub platform: Platform,
    pub engine: Option<Engine>,
    /// The tab's host (the popup reads a Mastodon instance's own limit there).
    #[serde(default)]
    pub host: Option<String>,
}

/// The background's state, persisted between service-worker lifetimes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BackgroundState {
    /// Schema version of this shape.
    #[serde(default)]
    pub schema: u32,
    /// Tabs with a running content script, by tab id (as a string: JSON object keys).
    #[serde(default)]
    pub tabs: BTreeMap<String, TabInfo>,
    /// The last applied request ids, oldest first.
    #[serde(default)]
    pub applied: Vec<String>,
}

/// Errors the background reports, each with a stable code.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ProtocolError {
    #[error("protocol version {0} is not supported (expected {PROTOCOL_VERSION})")]
    Version(u32),
    #[error("malformed message: {0}")]
    Malformed(String),
    #[error("this request must come from a tab")]
    NoTab,
}

impl ProtocolError {
    /// Stable code for the UI and the logs.
    pub fn code(&self) -> &'static str {
        match self {
            ProtocolError::Version(_) => "protocol.version",
            ProtocolError::Malformed(_) => "protocol.malformed",
            ProtocolError::NoTab => "protocol.no_tab",
        }
    }
}

impl From<ProtocolError> for Response {
    fn from(e: ProtocolError) -> Self {
        Response::Error {
            code: e.code().to_string(),
            message: e.to_string(),
        }
    }
}

/// Parses an envelope from JSON, checking the protocol version.
pub fn parse_request(json: &str) -> Result<Envelope<Request>, ProtocolError> {
    let env: Envelope<serde_json::Value> =
        serde_json::from_str(json).map_err(|e| ProtocolError::Malformed(e.to_string()))?;
    if env.protocol_version != PROTOCOL_VERSION {
        return Err(ProtocolError::Version(env.protocol_version));
    }
    let body =
        serde_json::from_value(env.body).map_err(|e| ProtocolError::Malformed(e.to_string()))?;
    Ok(Envelope {
        protocol_version: env.protocol_version,
        request_id: env.request_id,
        body,
    })
}

/// The background's decision on one request. Returns the response and whether `state` changed
/// (so the web layer persists it only then).
pub fn handle(
    state: &mut BackgroundState,
    env: &Envelope<Request>,
    sender: &Sender,
) -> (Response, bool) {
    match &env.body {
        Request::Hello => {
            let site = sender
                .url
                .as_deref()
                .and_then(|u| site_for_url(u, &sender.instances));
            let mut changed = false;
            if let (Some(site), Some(tab)) = (site, sender.tab_id) {
                let info = TabInfo {
                    site: site.id.to_string(),
                    site_name: site.name.to_string(),
                    platform: site.default_platform,
                    engine: None,
                    host: sender
                        .url
                        .as_deref()
                        .and_then(crate::sites::url_host)
                        .map(str::to_ascii_lowercase),
                };
                changed = state.tabs.insert(tab.to_string(), info.clone()) != Some(info);
            }
            let response = Response::Hello {
                version: env!("CARGO_PKG_VERSION").to_string(),
                site: site.map(|s| s.id.to_string()),
                platform: site.map(|s| s.default_platform),
            };
            (response, changed)
        }
        Request::EngineReady { engine } => {
            if state.applied.iter().any(|id| id == &env.request_id) {
                return (Response::Ack, false);
            }
            let Some(tab) = sender.tab_id else {
                return (ProtocolError::NoTab.into(), false);
            };
            if let Some(info) = state.tabs.get_mut(&tab.to_string()) {
                info.engine = Some(*engine);
            }
            state.applied.push(env.request_id.clone());
            if state.applied.len() > REMEMBERED_IDS {
                let extra = state.applied.len() - REMEMBERED_IDS;
                state.applied.drain(..extra);
            }
            (Response::Ack, true)
        }
        Request::TabStatus { tab_id } => (
            Response::TabStatus {
                tab: state.tabs.get(&tab_id.to_string()).cloned(),
            },
            false,
        ),
        Request::Count {
            text,
            platform,
            options,
        } => (
            Response::Count {
                report: count_with(text, *platform, options),
            },
            false,
        ),
    }
}

/// Forgets a closed tab. Returns whether the state changed.
pub fn forget_tab(state: &mut BackgroundState, tab_id: i64) -> bool {
    state.tabs.remove(&tab_id.to_string()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(id: &str, body: Request) -> Envelope<Request> {
        Envelope {
            protocol_version: PROTOCOL_VERSION,
            request_id: id.into(),
            body,
        }
    }

    fn x_tab() -> Sender {
        Sender {
            tab_id: Some(7),
            url: Some("https://x.com/home".into()),
            ..Sender::default()
        }
    }

    #[test]
    fn hello_registers_the_tab_and_names_the_site() {
        let mut st = BackgroundState::default();
        let (r, changed) = handle(&mut st, &env("1", Request::Hello), &x_tab());
        assert!(changed);
        match r {
            Response::Hello { site, platform, .. } => {
                assert_eq!(site.as_deref(), Some("x"));
                assert_eq!(platform, Some(Platform::X));
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(st.tabs["7"].site_name, "X");
        // the same hello again changes nothing
        assert!(!handle(&mut st, &env("2", Request::Hello), &x_tab()).1);
    }

    #[test]
    fn hello_from_an_unknown_site_registers_nothing() {
        let mut st = BackgroundState::default();
        let s = Sender {
            tab_id: Some(1),
            url: Some("https://example.org/".into()),
            ..Sender::default()
        };
        let (r, changed) = handle(&mut st, &env("1", Request::Hello), &s);
        assert!(!changed);
        assert!(matches!(r, Response::Hello { site: None, .. }));
        assert!(st.tabs.is_empty());
    }

    #[test]
    fn hello_from_an_enabled_instance_is_a_mastodon_tab() {
        let mut st = BackgroundState::default();
        let mut s = Sender {
            tab_id: Some(3),
            url: Some("https://piaille.fr/home".into()),
            ..Sender::default()
        };
        // not served (not enabled, or access withdrawn): nothing registered
        let (r, _) = handle(&mut st, &env("1", Request::Hello), &s);
        assert!(matches!(r, Response::Hello { site: None, .. }));
        s.instances = vec!["piaille.fr".into()];
        let (r, changed) = handle(&mut st, &env("2", Request::Hello), &s);
        assert!(changed);
        assert!(matches!(
            r,
            Response::Hello {
                platform: Some(Platform::Mastodon),
                ..
            }
        ));
        assert_eq!(st.tabs["3"].site, "mastodon");
        assert_eq!(st.tabs["3"].host.as_deref(), Some("piaille.fr"));
    }

    #[test]
    fn engine_ready_is_idempotent_by_request_id() {
        let mut st = BackgroundState::default();
        handle(&mut st, &env("1", Request::Hello), &x_tab());
        let ready = env(
            "r-1",
            Request::EngineReady {
                engine: Engine::Wasm2js,
            },
        );
        assert_eq!(handle(&mut st, &ready, &x_tab()), (Response::Ack, true));
        assert_eq!(handle(&mut st, &ready, &x_tab()), (Response::Ack, false));
        assert_eq!(st.applied, vec!["r-1".to_string()]);
        let (r, _) = handle(
            &mut st,
            &env("3", Request::TabStatus { tab_id: 7 }),
            &Sender::default(),
        );
        match r {
            Response::TabStatus { tab: Some(t) } => assert_eq!(t.engine, Some(Engine::Wasm2js)),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn remembered_ids_are_bounded() {
        let mut st = BackgroundState::default();
        for i in 0..200 {
            handle(
                &mut st,
                &env(
                    &format!("id{i}"),
                    Request::EngineReady {
                        engine: Engine::Wasm,
                    },
                ),
                &x_tab(),
            );
        }
        assert_eq!(st.applied.len(), REMEMBERED_IDS);
        assert_eq!(st.applied.last().map(String::as_str), Some("id199"));
    }

    #[test]
    fn requests_round_trip_through_json_with_their_kind_tag() {
        let e = env("abc", Request::TabStatus { tab_id: 3 });
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.contains(r#""kind":"tab_status""#), "{json}");
        assert_eq!(parse_request(&json).unwrap(), e);
    }

    #[test]
    fn bad_messages_get_stable_error_codes() {
        let wrong = r#"{"protocol_version":99,"request_id":"1","body":{"kind":"hello"}}"#;
        assert_eq!(parse_request(wrong).unwrap_err().code(), "protocol.version");
        let unknown = r#"{"protocol_version":1,"request_id":"1","body":{"kind":"nope"}}"#;
        assert_eq!(
            parse_request(unknown).unwrap_err().code(),
            "protocol.malformed"
        );
        assert_eq!(parse_request("{").unwrap_err().code(), "protocol.malformed");
    }

    #[test]
    fn count_is_served_in_the_background() {
        let mut st = BackgroundState::default();
        let req = env(
            "c",
            Request::Count {
                text: "Bonjour".into(),
                platform: Platform::Threads,
                options: CountOptions::default(),
            },
        );
        match handle(&mut st, &req, &Sender::default()).0 {
            Response::Count { report } => {
                assert_eq!(report.length, 7);
                assert_eq!(report.limit, 500);
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
