//! Reading JSON data member by member, whatever holds it: serde_json's `Value` (the command
//! line, the extension's engine, the tests) or, in a page, the JS value itself
//! (`web::js_json::JsJson`), so that the in-page engine carries no JSON parser. The readers
//! written over it: the stored settings, a Mastodon instance's document, the background's
//! answers to a page.

/// A JSON value, read as serde_json reads the JSON text of it.
pub trait Json: Sized {
    /// The member `key` of an object (`None`: not an object, or no such member).
    fn get(&self, key: &str) -> Option<Self>;
    /// Whether it is an object (not an array, not `null`).
    fn is_object(&self) -> bool;
    /// `null`.
    fn is_null(&self) -> bool;
    /// A string.
    fn as_str(&self) -> Option<String>;
    /// A boolean.
    fn as_bool(&self) -> Option<bool>;
    /// A whole number from 0 to `u64::MAX` (serde_json's `as_u64`).
    fn as_u64(&self) -> Option<u64>;
    /// The items of an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// The members of an object, in no particular order.
    fn members(&self) -> Option<Vec<(String, Self)>>;
}

impl Json for &serde_json::Value {
    fn get(&self, key: &str) -> Option<Self> {
        serde_json::Value::get(self, key)
    }
    fn is_object(&self) -> bool {
        serde_json::Value::is_object(self)
    }
    fn is_null(&self) -> bool {
        serde_json::Value::is_null(self)
    }
    fn as_str(&self) -> Option<String> {
        serde_json::Value::as_str(self).map(str::to_owned)
    }
    fn as_bool(&self) -> Option<bool> {
        serde_json::Value::as_bool(self)
    }
    fn as_u64(&self) -> Option<u64> {
        serde_json::Value::as_u64(self)
    }
    fn items(&self) -> Option<Vec<Self>> {
        serde_json::Value::as_array(self).map(|a| a.iter().collect())
    }
    fn members(&self) -> Option<Vec<(String, Self)>> {
        serde_json::Value::as_object(self).map(|m| m.iter().map(|(k, v)| (k.clone(), v)).collect())
    }
}
