//! Bindings to the WebExtension APIs this crate calls (`chrome.*`, which Firefox also provides
//! with promises in MV3), and small helpers around them. No logic lives here.

use super::js_json::JsJson;
use crate::json::Json;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "i18n"], js_name = getMessage)]
    fn i18n_get_message(name: &str, substitutions: &js_sys::Array) -> String;
    /// Throws when the extension's context is gone (the extension was updated or reloaded under
    /// a page that still runs its old content script).
    #[wasm_bindgen(catch, js_namespace = ["chrome", "runtime"], js_name = sendMessage)]
    fn runtime_send_message(message: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = openOptionsPage)]
    fn runtime_open_options_page() -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = query)]
    fn tabs_query(query: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = get)]
    fn storage_local_get(keys: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = set)]
    fn storage_local_set(items: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = ["chrome", "permissions"], js_name = request)]
    fn permissions_request(permissions: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = ["chrome", "permissions"], js_name = remove)]
    fn permissions_remove(permissions: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = ["chrome", "permissions"], js_name = getAll)]
    fn permissions_get_all() -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = ["chrome", "permissions", "onAdded"], js_name = addListener)]
    fn permissions_on_added(listener: &js_sys::Function);
    #[wasm_bindgen(js_namespace = ["chrome", "permissions", "onRemoved"], js_name = addListener)]
    fn permissions_on_removed(listener: &js_sys::Function);
    /// Throws where there is no `chrome.storage` (a context without the extension's APIs).
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "onChanged"], js_name = addListener)]
    fn storage_on_changed(listener: &js_sys::Function) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = get)]
    fn storage_session_get(keys: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = set)]
    fn storage_session_set(items: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = getURL)]
    fn runtime_get_url(path: &str) -> String;
}

/// The UI language the browser actually serves our `_locales` in (`fr` or `en`): a German
/// browser gets the default locale, French, so its pages say `lang="fr"` and format numbers the
/// French way. Read from a message each locale names itself by, not from the browser's language.
pub fn ui_language() -> String {
    t("ext_locale")
}

/// [`ui_language`] as the core's language.
pub fn ui_lang() -> crate::locale::Lang {
    crate::locale::Lang::from_tag(&ui_language())
}

/// Calls `listener` when `key` of the storage `area` (`"local"`, `"sync"`, `"session"`) changes,
/// for the page's whole life; changes of other keys do not wake it.
pub fn on_storage_key_change(
    area: &'static str,
    key: &'static str,
    mut listener: Box<dyn FnMut()>,
) -> Result<(), JsValue> {
    let filtered =
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |changes: JsValue, name: JsValue| {
            let in_area = name.as_string().is_some_and(|n| n == area);
            if in_area && js_sys::Reflect::has(&changes, &key.into()).unwrap_or(false) {
                listener();
            }
        })
        .into_js_value();
    storage_on_changed(filtered.unchecked_ref())
}

/// Runs `task` after every change of `key` in storage `area`, one run at a time: the changes that
/// arrive during a run are answered by one more run after it (a bulk import writing thousands of
/// templates costs two runs, not thousands).
pub fn on_storage_key_change_serial<F, Fut>(
    area: &'static str,
    key: &'static str,
    task: F,
) -> Result<(), JsValue>
where
    F: Fn() -> Fut + 'static,
    Fut: std::future::Future<Output = ()> + 'static,
{
    use std::cell::Cell;
    use std::rc::Rc;
    /// Idle, running, running with a change seen since it began.
    #[derive(Clone, Copy, PartialEq)]
    enum Run {
        Idle,
        Running,
        Again,
    }
    let state = Rc::new(Cell::new(Run::Idle));
    let task = Rc::new(task);
    on_storage_key_change(
        area,
        key,
        Box::new(move || {
            if state.get() != Run::Idle {
                state.set(Run::Again);
                return;
            }
            state.set(Run::Running);
            let (state, task) = (state.clone(), task.clone());
            wasm_bindgen_futures::spawn_local(async move {
                loop {
                    task().await;
                    if state.get() == Run::Again {
                        state.set(Run::Running);
                        continue;
                    }
                    state.set(Run::Idle);
                    break;
                }
            });
        }),
    )
}

/// Calls `listener` whenever the browser's grants or the stored settings change (from this page,
/// another tab, or the browser's own extension settings), for the page's whole life.
pub fn on_grants_or_storage_change(listener: Box<dyn FnMut()>) -> Result<(), JsValue> {
    let listener = std::rc::Rc::new(std::cell::RefCell::new(listener));
    let on_grants = {
        let listener = listener.clone();
        Closure::<dyn FnMut()>::new(move || (listener.borrow_mut())()).into_js_value()
    };
    let f: &js_sys::Function = on_grants.unchecked_ref();
    permissions_on_added(f);
    permissions_on_removed(f);
    on_storage_key_change(
        "local",
        crate::settings::STORAGE_KEY,
        Box::new(move || (listener.borrow_mut())()),
    )
}

/// Calls `listener` whenever the stored settings change, for the page's whole life (content
/// scripts have `storage` but not `permissions`).
pub fn on_storage_change(listener: Box<dyn FnMut()>) -> Result<(), JsValue> {
    on_storage_key_change("local", crate::settings::STORAGE_KEY, listener)
}

/// The extension's own origin, `chrome-extension://<id>/` or `moz-extension://<uuid>/`.
pub fn extension_origin() -> String {
    runtime_get_url("")
}

/// The value stored under `key` in `storage.session` (`null` when none).
pub async fn session_get(key: &str) -> Result<serde_json::Value, JsValue> {
    let got = JsFuture::from(storage_session_get(&JsValue::from_str(key))).await?;
    Ok(to_json(&got)[key].clone())
}

/// Stores `value` under `key` in `storage.session`; resolves once stored.
pub async fn session_set(key: &str, value: &JsValue) -> Result<(), JsValue> {
    let items = js_sys::Object::new();
    js_sys::Reflect::set(&items, &key.into(), value)?;
    JsFuture::from(storage_session_set(&items))
        .await
        .map(|_| ())
}

fn origins(pattern: &str) -> Result<JsValue, JsValue> {
    let obj = js_sys::Object::new();
    js_sys::Reflect::set(
        &obj,
        &"origins".into(),
        &js_sys::Array::of1(&pattern.into()),
    )?;
    Ok(obj.into())
}

/// Asks the user to grant host access to `pattern`. Must be called synchronously from a user
/// gesture (the browser refuses otherwise), hence a promise rather than an async fn: the caller
/// awaits it after the call. Resolves to `true` when granted.
pub fn request_origin(pattern: &str) -> Result<js_sys::Promise, JsValue> {
    Ok(permissions_request(&origins(pattern)?))
}

/// Gives back host access to `pattern`.
pub async fn remove_origin(pattern: &str) -> Result<bool, JsValue> {
    let done = JsFuture::from(permissions_remove(&origins(pattern)?)).await?;
    Ok(done.as_bool().unwrap_or(false))
}

/// The origin patterns the browser grants now (`permissions.getAll().origins`).
pub async fn granted_origins() -> Vec<String> {
    let all = super::error::log("permissions", JsFuture::from(permissions_get_all()).await);
    all.and_then(|all| serde_json::from_value(to_json(&all)["origins"].clone()).ok())
        .unwrap_or_default()
}

/// The `_locales` message `key`, with substitutions; the key itself if it is missing (a visible
/// bug rather than an empty label).
pub fn t_with(key: &str, subs: &[&str]) -> String {
    let arr = js_sys::Array::new();
    for s in subs {
        arr.push(&JsValue::from_str(s));
    }
    let msg = i18n_get_message(key, &arr);
    if msg.is_empty() {
        key.to_string()
    } else {
        msg
    }
}

/// The `_locales` message `key`.
pub fn t(key: &str) -> String {
    t_with(key, &[])
}

/// Serialises to a plain JS value (objects, never `Map`: Chrome's storage drops `Map`s).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| super::error::WebError::Shape(e.to_string()).into())
}

/// A JS value as `serde_json::Value` (through `JSON.stringify`, which is what storage keeps).
pub fn to_json(value: &JsValue) -> serde_json::Value {
    if value.is_undefined() {
        return serde_json::Value::Null;
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(serde_json::Value::Null)
}

/// A fresh request id (unique enough per browser profile: time + randomness).
pub fn request_id() -> String {
    format!(
        "{:x}-{:08x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    )
}

/// Sends a request envelope to the background and reads its typed answer (a background that
/// answers something else is a `web.shape` error).
pub async fn send(
    request: &crate::protocol::Request,
) -> Result<crate::protocol::Response, JsValue> {
    send_as(&request_id(), request).await
}

/// Sends a request under a request id the caller keeps, so that a retry after the background
/// was stopped is the same request (a write is applied once), and reads its typed answer.
pub async fn send_as(
    request_id: &str,
    request: &crate::protocol::Request,
) -> Result<crate::protocol::Response, JsValue> {
    let env = crate::protocol::Envelope::new(request_id, request);
    let answer = JsFuture::from(runtime_send_message(&to_js(&env)?)?).await?;
    serde_json::from_value(to_json(&answer))
        .map_err(|e| super::error::WebError::Shape(e.to_string()).into())
}

/// Sends a request envelope the in-page engine wrote by hand (`protocol::page`) and gives the
/// answer as it came, for `protocol::page::PageAnswer::read_from`: the page's engine carries
/// neither `Request`'s serialisers nor `Response`'s deserialisers, nor a JSON parser.
pub async fn send_page(envelope: &str) -> Result<JsJson, JsValue> {
    let message = js_sys::JSON::parse(envelope)?;
    let answer = JsFuture::from(runtime_send_message(&message)?).await?;
    Ok(JsJson(answer))
}

/// A content script tells the background the limit its badge counts the page's platform
/// against, so the popup shows that limit rather than computing its own. Fire and forget: the
/// badge does not wait on the popup's information; a failure is logged.
pub fn report_tab_limit(
    site: Option<&'static crate::sites::Site>,
    options: &crate::length::CountOptions,
) {
    let Some(site) = site else { return };
    let platform = site.default_platform;
    let limit = crate::length::limit(platform, options);
    // the envelope written by the core, not serialised here: see `protocol::tab_limit_json`
    let message = js_sys::JSON::parse(&crate::protocol::tab_limit_json(
        &request_id(),
        platform,
        limit,
    ));
    wasm_bindgen_futures::spawn_local(async move {
        let sent = match message {
            Ok(m) => match runtime_send_message(&m) {
                Ok(p) => JsFuture::from(p).await,
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        };
        if let Some(answer) = super::error::log("tab limit", sent) {
            // read without the response type: only an error is worth a look
            let field = |name: &str| {
                js_sys::Reflect::get(&answer, &name.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            if field("kind").as_deref() == Some("error") {
                let code = field("code").unwrap_or_default();
                web_sys::console::warn_1(&format!("Porte-voix: tab limit refused: {code}").into());
            }
        }
    });
}

/// Opens the options page.
pub async fn open_options() -> Result<(), JsValue> {
    JsFuture::from(runtime_open_options_page())
        .await
        .map(|_| ())
}

/// The id of the active tab of the current window, if any.
pub async fn active_tab_id() -> Result<Option<i64>, JsValue> {
    let q = js_sys::Object::new();
    js_sys::Reflect::set(&q, &"active".into(), &JsValue::TRUE)?;
    js_sys::Reflect::set(&q, &"currentWindow".into(), &JsValue::TRUE)?;
    let tabs = JsFuture::from(tabs_query(&q)).await?;
    let first = js_sys::Array::from(&tabs).get(0);
    if first.is_undefined() {
        return Ok(None);
    }
    Ok(js_sys::Reflect::get(&first, &"id".into())?
        .as_f64()
        .map(|f| f as i64))
}

/// `url` fetched and read as JSON; `None` on any failure (network, status, not JSON).
pub async fn fetch_json(url: &str) -> Option<JsJson> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let json = JsFuture::from(response.json().ok()?).await.ok()?;
    Some(JsJson(json))
}

/// The post limit a Mastodon instance reports in its public API at `origin` (`""` for the
/// page's own): `/api/v2/instance`, else `/api/v1/instance` (Mastodon 3).
pub async fn mastodon_instance_limit(origin: &str) -> Option<u32> {
    for path in crate::settings::INSTANCE_PATHS {
        if let Some(limit) = fetch_json(&format!("{origin}{path}"))
            .await
            .as_ref()
            .and_then(crate::settings::instance_limit_of)
        {
            return Some(limit);
        }
    }
    None
}

/// The stored settings (defaults when none or damaged).
pub async fn load_settings() -> crate::settings::Settings {
    let key = JsValue::from_str(crate::settings::STORAGE_KEY);
    match super::error::log(
        "read settings",
        JsFuture::from(storage_local_get(&key)).await,
    ) {
        Some(v) => JsJson(v)
            .get(crate::settings::STORAGE_KEY)
            .map_or_else(Default::default, |s| crate::settings::Settings::read(&s)),
        None => crate::settings::Settings::default(),
    }
}

/// Writes one `storage.local` key; resolves once the browser has stored it.
pub async fn local_set(key: &str, value: &JsValue) -> Result<(), JsValue> {
    let items = js_sys::Object::new();
    js_sys::Reflect::set(&items, &key.into(), value)?;
    JsFuture::from(storage_local_set(&items)).await.map(|_| ())
}

/// Writes the settings; resolves once the browser has stored them.
pub async fn save_settings(settings: &crate::settings::Settings) -> Result<(), JsValue> {
    let items = js_sys::Object::new();
    js_sys::Reflect::set(
        &items,
        &crate::settings::STORAGE_KEY.into(),
        &to_js(settings)?,
    )?;
    JsFuture::from(storage_local_set(&items)).await.map(|_| ())
}
