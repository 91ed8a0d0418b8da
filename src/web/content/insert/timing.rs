//! Waiting in the page: a timeout, an animation frame (or 100 ms in a hidden tab, which has none),
//! and "two frames and a little more", what an editor needs to render from its model.

use wasm_bindgen_futures::JsFuture;

/// A promise resolved by `schedule(resolve)`.
async fn wait(schedule: impl FnOnce(&js_sys::Function)) {
    let mut schedule = Some(schedule);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(s) = schedule.take() {
            s(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

pub async fn sleep(ms: i32) {
    wait(|resolve| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve, ms);
        }
    })
    .await;
}

/// The next animation frame, or 100 ms in a hidden tab (which has no frames).
async fn frame() {
    wait(|resolve| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(resolve);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve, 100);
        }
    })
    .await;
}

/// Two frames and `ms` more: what an editor needs to render from its model.
pub async fn settle_for(ms: i32) {
    frame().await;
    frame().await;
    sleep(ms).await;
}
