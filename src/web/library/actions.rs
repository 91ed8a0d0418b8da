//! The editor's actions on a saved template: duplicate (a copy without its trigger or use
//! counts, opened at once) and delete, with "Annuler" in a toast that puts it back (open again,
//! its row in the list in view and focused).

use super::editor::{after_write, collect, open_new, saved};
use super::{ask, reload, toast, Ui};
use crate::protocol::Request;
use crate::store::Collection;
use crate::web::error::log;
use crate::web::ext::{request_id, t, t_with};

/// Deletes the template open in the editor; the toast's "Annuler" restores it.
pub(super) async fn delete(ui: Ui) {
    let (id, revision) = {
        let c = ui.editor.current.borrow();
        (c.id.clone(), c.revision)
    };
    let before = collect(&ui);
    let sent = ask(&Request::StoreDelete {
        collection: Collection::Templates,
        id: id.clone(),
        expected_revision: revision,
    })
    .await;
    let Some(tombstone) = saved(&ui, sent) else {
        return;
    };
    log("library: reload", reload(&ui).await);
    log("library: new", open_new(&ui));
    let u = ui.clone();
    let text = t_with("library_deleted", &[&before.title]);
    ui.status.set_text_content(Some(&text));
    toast(
        &ui,
        &text,
        Box::new(move || {
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(body) = serde_json::to_value(&before) else {
                    return;
                };
                let sent = ask(&Request::StorePut {
                    collection: Collection::Templates,
                    id: id.clone(),
                    expected_revision: Some(tombstone.revision),
                    body,
                })
                .await;
                if saved(&u, sent).is_some() {
                    u.status.set_text_content(Some(&t("library_restored")));
                    after_write(&u, &id).await;
                    // the toast is gone: the keyboard goes on from the restored template's row
                    log("library: focus", u.list.rows.focus_active());
                }
            });
        }),
    );
}

/// Saves a copy of the form as a new template and opens it.
pub(super) async fn duplicate(ui: Ui) {
    let mut copy = collect(&ui);
    copy.id = format!("t-{}", request_id());
    copy.title = t_with("library_copy_title", &[&copy.title]);
    copy.trigger = None;
    copy.uses = 0;
    copy.last_used = None;
    let Ok(body) = serde_json::to_value(&copy) else {
        return;
    };
    let sent = ask(&Request::StorePut {
        collection: Collection::Templates,
        id: copy.id.clone(),
        expected_revision: None,
        body,
    })
    .await;
    if saved(&ui, sent).is_some() {
        after_write(&ui, &copy.id).await;
        log("library: focus", ui.editor.title.focus());
    }
}
