//! The background's IndexedDB connection (`web::background::idb`) in a real browser: two
//! first uses at once leave one connection open, so the database can still be deleted or
//! upgraded by another context, and the next use opens it again.
#![cfg(feature = "extension")]

use porte_voix::store::{schema::DB_NAME, Collection};
use porte_voix::web::background::idb;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use wasm_bindgen_test::*;

/// A use of the store started now (not when awaited), as two messages handled at once are.
fn count_now(collection: Collection) -> js_sys::Promise {
    future_to_promise(async move {
        idb::count(collection)
            .await
            .map(JsValue::from)
            .map_err(|e| JsValue::from_str(&e.to_string()))
    })
}

/// Deletes the database: "deleted", or "blocked" when a connection stays open.
async fn delete_database() -> String {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).unwrap();
    let factory = get(&js_sys::global(), "indexedDB");
    let delete: js_sys::Function = get(&factory, "deleteDatabase").unchecked_into();
    let request = delete.call1(&factory, &DB_NAME.into()).unwrap();
    let set = |key: &str, f: JsValue| {
        js_sys::Reflect::set(&request, &key.into(), &f).unwrap();
    };
    let done = js_sys::Promise::new(&mut |resolve, _| {
        let ok = resolve.clone();
        let on_success = Closure::once_into_js(move || ok.call1(&JsValue::NULL, &"deleted".into()));
        let on_blocked =
            Closure::once_into_js(move || resolve.call1(&JsValue::NULL, &"blocked".into()));
        set("onsuccess", on_success);
        set("onblocked", on_blocked);
    });
    JsFuture::from(done).await.unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
async fn two_first_uses_at_once_leave_one_connection() {
    assert_eq!(delete_database().await, "deleted", "a clean start");
    let both = js_sys::Array::of2(
        &count_now(Collection::Backlog),
        &count_now(Collection::Templates),
    );
    let counts = JsFuture::from(js_sys::Promise::all(&both)).await.unwrap();
    assert_eq!(js_sys::Array::from(&counts).length(), 2);
    // the connection kept closes itself for the deletion; an extra one would block it
    assert_eq!(delete_database().await, "deleted");
    // and the store opens the (new, empty) database again on its next use
    assert_eq!(
        idb::count(Collection::Backlog)
            .await
            .map_err(|e| e.to_string()),
        Ok(0)
    );
}
