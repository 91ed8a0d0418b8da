//! The one boundary of errors with JavaScript: every error an export returns becomes a JS `Error`
//! whose `name` is `PorteVoixError`, with a stable `code` (`area.snake_case`, the `_locales` key
//! `error_<area>_<name>`) and a `message` for the console; and fallible browser calls that the
//! code goes on after are logged here, never dropped silently.

use crate::error::Coded;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Failures of the browser layer itself.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// A page lacks an element or a global it was built with.
    #[error("missing {0}")]
    Missing(&'static str),
    /// A browser API threw or rejected.
    #[error("{0}")]
    Browser(String),
    /// A value did not have the shape expected of it.
    #[error("unexpected value: {0}")]
    Shape(String),
}

impl Coded for WebError {
    fn code(&self) -> &'static str {
        match self {
            WebError::Missing(_) => "web.missing",
            WebError::Browser(_) => "web.browser",
            WebError::Shape(_) => "web.shape",
        }
    }
}

impl From<WebError> for JsValue {
    fn from(e: WebError) -> Self {
        to_js_error(&e)
    }
}

/// A coded error as a JS `Error` with `name`, `code` and `message`.
pub fn to_js_error<E: Coded>(e: &E) -> JsValue {
    coded_error(e.code(), &e.to_string())
}

fn coded_error(code: &str, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    err.set_name("PorteVoixError");
    // setting a property on a fresh Error cannot fail; a failure would only lose the code
    if js_sys::Reflect::set(&err, &"code".into(), &code.into()).is_err() {
        web_sys::console::warn_1(&"Porte-voix: could not set an error code".into());
    }
    err.into()
}

/// The message of any thrown JS value (an `Error`, a string, anything else).
pub fn message_of(value: &JsValue) -> String {
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// What crosses an export's boundary: a JS `Error` with a `code`. An `Error` that already has
/// one passes unchanged; any other thrown value (a browser API's `DOMException`, a string)
/// becomes a `web.browser` error carrying its message.
pub fn boundary(value: JsValue) -> JsValue {
    let has_code = value.is_instance_of::<js_sys::Error>()
        && js_sys::Reflect::get(&value, &"code".into())
            .ok()
            .is_some_and(|c| c.is_string());
    if has_code {
        value
    } else {
        to_js_error(&WebError::Browser(message_of(&value)))
    }
}

/// Logs a failed call the code goes on after (`what` says which).
pub fn log<T>(what: &str, result: Result<T, JsValue>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(e) => {
            web_sys::console::warn_1(&format!("Porte-voix: {what}: {}", message_of(&e)).into());
            None
        }
    }
}

/// Logs a coded error the code goes on after.
pub fn log_coded<T, E: Coded>(what: &str, result: Result<T, E>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(e) => {
            web_sys::console::warn_1(&format!("Porte-voix: {what}: [{}] {e}", e.code()).into());
            None
        }
    }
}
