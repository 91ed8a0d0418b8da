//! The options page's Mastodon instances: the list of enabled instances with their state, and a
//! field to add one. Adding asks the browser for host access to that instance only; the
//! background registers the content script there once the settings and the grant agree.
//!
//! `permissions.request` must run in the click's own task (the browser refuses it otherwise), so
//! every handler calls it synchronously and only then awaits.

use super::error::log;
use super::ext::{self, t, t_with};
use super::pages::el;
use crate::error::{message_key, Coded};
use crate::instances::{add_instance, origin_pattern, served, InstanceError};
use crate::locale::{group_digits, Lang};
use crate::text::punycode::host_to_unicode;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

struct Ui {
    doc: Document,
    list: Element,
    empty: Element,
    input: HtmlInputElement,
    error: Element,
    status: Element,
    lang: Lang,
    /// The instances as last drawn (the stored list; the storage stays the source of truth).
    shown: RefCell<Vec<String>>,
}

/// Draws the section into `parent` and wires it.
pub async fn section(doc: &Document, parent: &Element) -> Result<(), JsValue> {
    let section = el(
        doc,
        "section",
        &[("id", "instances"), ("aria-labelledby", "instances-title")],
        None,
    )?;
    section.append_child(&*el(
        doc,
        "h2",
        &[("id", "instances-title")],
        Some(&t("options_instances")),
    )?)?;
    section.append_child(&*el(
        doc,
        "p",
        &[("id", "instances-hint"), ("class", "muted")],
        Some(&t("options_instances_hint")),
    )?)?;
    let list = el(
        doc,
        "ul",
        &[
            ("id", "instances-list"),
            ("aria-labelledby", "instances-title"),
        ],
        None,
    )?;
    let empty = el(
        doc,
        "p",
        &[("id", "instances-empty"), ("class", "muted")],
        Some(&t("options_instances_empty")),
    )?;
    section.append_child(&list)?;
    section.append_child(&empty)?;

    let form = el(
        doc,
        "form",
        &[("id", "instance-form"), ("novalidate", "")],
        None,
    )?;
    let row = el(doc, "div", &[("class", "row column")], None)?;
    row.append_child(&*el(
        doc,
        "label",
        &[("for", "instance-host")],
        Some(&t("options_instance_label")),
    )?)?;
    let line = el(doc, "div", &[("class", "row")], None)?;
    let input = el(
        doc,
        "input",
        &[
            ("type", "text"),
            ("id", "instance-host"),
            ("name", "instance"),
            ("placeholder", "piaille.fr"),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
            ("autocapitalize", "none"),
            ("aria-describedby", "instances-hint instance-error"),
        ],
        None,
    )?
    .dyn_into::<HtmlInputElement>()?;
    line.append_child(&input)?;
    line.append_child(&*el(
        doc,
        "button",
        &[("type", "submit"), ("id", "instance-add")],
        Some(&t("options_instance_add")),
    )?)?;
    row.append_child(&line)?;
    let error = el(
        doc,
        "p",
        &[("id", "instance-error"), ("class", "error")],
        None,
    )?;
    row.append_child(&error)?;
    form.append_child(&row)?;
    let status = el(
        doc,
        "p",
        &[("id", "instance-status"), ("role", "status")],
        None,
    )?;
    form.append_child(&status)?;
    section.append_child(&form)?;
    parent.append_child(&section)?;

    let ui = Rc::new(Ui {
        doc: doc.clone(),
        list,
        empty,
        input,
        error,
        status,
        lang: Lang::from_tag(&ext::ui_language()),
        shown: RefCell::new(Vec::new()),
    });
    ui.refresh().await?;

    let on_submit = {
        let ui = ui.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            ui.add();
        })
    };
    form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref())?;
    on_submit.forget();

    // one listener for every row's buttons
    let on_click = {
        let ui = ui.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let Some(button) = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("button[data-action]").ok().flatten())
            else {
                return;
            };
            let host = button.get_attribute("data-host").unwrap_or_default();
            match button.get_attribute("data-action").as_deref() {
                Some("remove") => ui.clone().remove(host),
                Some("grant") => ui.grant(host),
                _ => {}
            }
        })
    };
    ui.list
        .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
    on_click.forget();

    // access withdrawn or granted in the browser's own settings, or another options tab: redraw
    let live = ui.clone();
    ext::on_grants_or_storage_change(Box::new(move || {
        let ui = live.clone();
        spawn_local(async move {
            log("instances: redraw", ui.refresh().await);
        });
    }))?;
    Ok(())
}

impl Ui {
    fn say(&self, text: &str) {
        self.status.set_text_content(Some(text));
    }

    fn invalid(&self, message: &str) {
        log(
            "instances: field state",
            self.input.set_attribute("aria-invalid", "true"),
        );
        self.error.set_text_content(Some(message));
        self.say("");
        log("instances: focus", self.input.focus());
    }

    fn valid(&self) {
        log(
            "instances: field state",
            self.input.remove_attribute("aria-invalid"),
        );
        self.error.set_text_content(None);
    }

    /// Reads the stored list and the browser's grants, and draws the list again.
    async fn refresh(self: &Rc<Self>) -> Result<(), JsValue> {
        let settings = ext::load_settings().await;
        let granted = ext::granted_origins().await;
        let active = served(&settings.mastodon_instances, &granted);
        // a redraw must not lose the keyboard focus of a row's button
        let focused = self
            .doc
            .active_element()
            .filter(|e| self.list.contains(Some(e)))
            .and_then(|e| {
                Some((
                    e.get_attribute("data-host")?,
                    e.get_attribute("data-action")?,
                ))
            });
        self.list.set_text_content(None);
        for host in &settings.mastodon_instances {
            let on = active.contains(host);
            // shown as typed (écoute.social), stored and granted as DNS has it (xn--…)
            let name = host_to_unicode(host);
            let li = el(&self.doc, "li", &[("data-host", host)], None)?;
            li.append_child(&*el(
                &self.doc,
                "span",
                &[("class", "host"), ("title", host)],
                Some(&name),
            )?)?;
            let state = el(
                &self.doc,
                "span",
                &[("class", if on { "state ok" } else { "state warn" })],
                Some(&t(if on {
                    "options_instance_active"
                } else {
                    "options_instance_not_granted"
                })),
            )?;
            li.append_child(&state)?;
            if !on {
                li.append_child(&*el(
                    &self.doc,
                    "button",
                    &[
                        ("type", "button"),
                        ("data-action", "grant"),
                        ("data-host", host),
                        (
                            "aria-label",
                            &t_with("options_instance_grant_label", &[&name]),
                        ),
                    ],
                    Some(&t("options_instance_grant")),
                )?)?;
            }
            li.append_child(&*el(
                &self.doc,
                "button",
                &[
                    ("type", "button"),
                    ("class", "secondary"),
                    ("data-action", "remove"),
                    ("data-host", host),
                    (
                        "aria-label",
                        &t_with("options_instance_remove_label", &[&name]),
                    ),
                ],
                Some(&t("options_instance_remove")),
            )?)?;
            self.list.append_child(&li)?;
            if on {
                // the instance's own limit, read with the access just granted
                let lang = self.lang;
                let origin = format!("https://{host}");
                spawn_local(async move {
                    if let Some(limit) = ext::mastodon_instance_limit(&origin).await {
                        let n = group_digits(i64::from(limit), lang);
                        state.set_text_content(Some(&t_with(
                            "options_instance_active_limit",
                            &[&n],
                        )));
                    }
                });
            }
        }
        if let Some((host, action)) = focused {
            // hosts are checked ASCII names, safe inside a selector
            let selector = format!("button[data-host=\"{host}\"][data-action=\"{action}\"]");
            match self.list.query_selector(&selector).ok().flatten() {
                Some(b) => {
                    if let Some(b) = b.dyn_ref::<HtmlElement>() {
                        log("instances: focus", b.focus());
                    }
                }
                None => {
                    log("instances: focus", self.input.focus());
                }
            }
        }
        let none = settings.mastodon_instances.is_empty();
        log(
            "instances: list state",
            self.list.toggle_attribute_with_force("hidden", none),
        );
        log(
            "instances: list state",
            self.empty.toggle_attribute_with_force("hidden", !none),
        );
        *self.shown.borrow_mut() = settings.mastodon_instances;
        Ok(())
    }

    fn error_text(err: &InstanceError) -> String {
        let key = message_key(err.code());
        match err {
            InstanceError::Builtin(host) | InstanceError::Duplicate(host) => {
                t_with(&key, &[&host_to_unicode(host)])
            }
            InstanceError::Invalid | InstanceError::TooMany => t(&key),
        }
    }

    /// The add form: check what was typed, ask the browser, then store.
    fn add(self: &Rc<Self>) {
        let typed = self.input.value();
        let host = match add_instance(&self.shown.borrow(), &typed) {
            Ok(list) => list.last().cloned().unwrap_or_default(),
            Err(err) => return self.invalid(&Self::error_text(&err)),
        };
        self.valid();
        let asked = self.ask(&host);
        let name = host_to_unicode(&host);
        let ui = self.clone();
        spawn_local(async move {
            match asked.await {
                Ok(true) => {
                    let mut settings = ext::load_settings().await;
                    match add_instance(&settings.mastodon_instances, &host) {
                        Ok(list) => settings.mastodon_instances = list,
                        // added meanwhile (another options tab): nothing to store
                        Err(InstanceError::Duplicate(_)) => {}
                        Err(err) => return ui.invalid(&Self::error_text(&err)),
                    }
                    if log("instances: save", ext::save_settings(&settings).await).is_none() {
                        return ui.say(&t("options_instance_failed"));
                    }
                    ui.input.set_value("");
                    log("instances: redraw", ui.refresh().await);
                    ui.say(&t_with("options_instance_added", &[&name]));
                }
                Ok(false) => ui.say(&t_with("options_instance_denied", &[&name])),
                Err(_) => ui.say(&t("options_instance_failed")),
            }
        });
    }

    /// Asks again for an instance whose access was withdrawn from the browser's settings.
    fn grant(self: &Rc<Self>, host: String) {
        let asked = self.ask(&host);
        let name = host_to_unicode(&host);
        let ui = self.clone();
        spawn_local(async move {
            let granted = asked.await;
            log("instances: redraw", ui.refresh().await);
            ui.say(&match granted {
                Ok(true) => t_with("options_instance_added", &[&name]),
                Ok(false) => t_with("options_instance_denied", &[&name]),
                Err(_) => t("options_instance_failed"),
            });
        });
    }

    /// Asks the browser for the instance's access and says so. Called in the click's or submit's
    /// own task (the browser shows its prompt only from a user gesture); the answer is awaited
    /// after. Resolves to whether the user granted it; a failed call is logged.
    fn ask(&self, host: &str) -> impl std::future::Future<Output = Result<bool, JsValue>> {
        let asked = ext::request_origin(&origin_pattern(host));
        self.say(&t_with(
            "options_instance_asking",
            &[&host_to_unicode(host)],
        ));
        async move {
            let answer = match asked {
                Ok(p) => JsFuture::from(p).await.map(|v| v.as_bool() == Some(true)),
                Err(e) => Err(e),
            };
            if let Err(e) = &answer {
                web_sys::console::error_2(&"Porte-voix:".into(), e);
            }
            answer
        }
    }

    /// Removes an instance from the list and gives its access back to the browser.
    fn remove(self: Rc<Self>, host: String) {
        spawn_local(async move {
            let mut settings = ext::load_settings().await;
            settings.mastodon_instances.retain(|h| *h != host);
            if log("instances: save", ext::save_settings(&settings).await).is_none() {
                return self.say(&t("options_instance_failed"));
            }
            // the settings no longer list it: even if the browser keeps the grant, it is not served
            if let Err(e) = ext::remove_origin(&origin_pattern(&host)).await {
                web_sys::console::warn_2(&"Porte-voix:".into(), &e);
            }
            log("instances: redraw", self.refresh().await);
            self.say(&t_with(
                "options_instance_removed",
                &[&host_to_unicode(&host)],
            ));
            // the button that had the focus is gone: give it to the field
            if let Some(input) = self.input.dyn_ref::<HtmlElement>() {
                log("instances: focus", input.focus());
            }
        });
    }
}
