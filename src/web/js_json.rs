//! A JS value read as JSON data (`json::Json`), member by member through js-sys: what storage,
//! messages and `fetch`'s `json()` give, read without `JSON.stringify` and a parse, so that the
//! in-page engine carries no JSON parser. It reads as serde_json reads the JSON text of the
//! value: own members only, `undefined` as absent (or `null` in an array), a number as a whole
//! number only when it is one.

use crate::json::Json;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// A JS value read as JSON.
#[derive(Clone, Debug)]
pub struct JsJson(pub JsValue);

impl JsJson {
    /// The value as an object that is not an array.
    fn object(&self) -> Option<&Object> {
        (self.0.is_object() && !Array::is_array(&self.0)).then(|| self.0.unchecked_ref())
    }
}

impl Json for JsJson {
    fn get(&self, key: &str) -> Option<Self> {
        let object = self.object()?;
        let key = JsValue::from_str(key);
        if !Object::has_own(object, &key) {
            return None;
        }
        Reflect::get(object, &key)
            .ok()
            .filter(|v| !v.is_undefined())
            .map(JsJson)
    }
    fn is_object(&self) -> bool {
        self.object().is_some()
    }
    fn is_null(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }
    fn as_str(&self) -> Option<String> {
        self.0.as_string()
    }
    fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }
    fn as_u64(&self) -> Option<u64> {
        // JSON.stringify writes a whole number below 1e21 as digits, which serde_json reads as a
        // u64 when it fits
        let n = self.0.as_f64()?;
        (n >= 0.0 && n.fract() == 0.0 && n < 18_446_744_073_709_551_616.0).then_some(n as u64)
    }
    fn items(&self) -> Option<Vec<Self>> {
        Array::is_array(&self.0)
            .then(|| self.0.unchecked_ref::<Array>().iter().map(JsJson).collect())
    }
    fn members(&self) -> Option<Vec<(String, Self)>> {
        let object = self.object()?;
        Some(
            Object::keys(object)
                .iter()
                .filter_map(|k| {
                    let v = Reflect::get(object, &k)
                        .ok()
                        .filter(|v| !v.is_undefined())?;
                    Some((k.as_string()?, JsJson(v)))
                })
                .collect(),
        )
    }
}
