//! The backlog's requests: a capture (what the page collector read, the user's small form), "is
//! this page already in the backlog" (the popup), and saving an item edited in the backlog page.
//! Pure: runs against any [`Store`] (IndexedDB in the background, memory in tests).
//!
//! One item per article without an index: an item captured from a page gets the id
//! [`page_id`] of its page key (`Item::page_key`), so finding the page again is one read by
//! key, and a retry of a capture whose answer was lost lands on the same record (and, within the
//! same request id, is not applied twice). Items without a page get the id the client gives.

use crate::backlog::{dedupe, item::normalize_tags, CaptureInput, Item, MergeReport, State};
use crate::capture::{choose, Candidates};
use crate::platform::Platform;
use crate::store::{self, Collection, Record, Store, StoreError, Write};
use serde::{Deserialize, Serialize};

/// What the user adds to a capture (the small form; everything optional).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaptureForm {
    pub tags: Vec<String>,
    pub note: String,
    pub networks: Vec<Platform>,
    /// The state a new item starts in (`idea` when absent; only idea or draft).
    pub state: Option<State>,
}

/// A capture: the page's candidates as the collector read them, and the form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaptureRequest {
    pub candidates: Candidates,
    /// The largest suitable image of the page (absolute), used when the page declares none.
    pub largest_image: Option<String>,
    pub form: CaptureForm,
}

/// What a capture did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Captured {
    pub id: String,
    /// The page was already in the backlog: merged into its item.
    pub merged: bool,
    pub title: String,
    /// What the merge changed (absent for a new item).
    #[serde(default)]
    pub tags_added: usize,
    #[serde(default)]
    pub quote_added: bool,
    pub record: Record,
}

/// The item already holding a page (for the popup).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Found {
    pub id: String,
    pub title: String,
    pub state: State,
}

pub use crate::backlog::dedupe::page_id;

/// The body an item is stored as.
pub fn item_body(item: &Item) -> Result<serde_json::Value, StoreError> {
    serde_json::to_value(item).map_err(|e| StoreError::Damaged(e.to_string()))
}

fn read_item(record: &Record) -> Result<Item, StoreError> {
    Item::from_stored(&record.body).map_err(|e| StoreError::Damaged(e.to_string()))
}

/// The `meta` key that points from a page address to the item captured from it when the page
/// declared another canonical address (the item's id comes from the canonical one).
fn alias_key(page_key: &str) -> String {
    format!("page_alias:{}", page_id(page_key))
}

/// The live item holding the page at `url`, if any: the page's own item (the tab's address is
/// its canonical one), else the item captured from this address under its canonical one.
pub async fn find<S: Store>(store: &S, url: &str) -> Result<Option<(Record, Item)>, StoreError> {
    let key = dedupe::key(&crate::capture::clean_url(url));
    if let Some(record) = store::get_live(store, Collection::Backlog, &page_id(&key)).await? {
        let item = read_item(&record)?;
        // a hash is a hash: the item must really hold this page
        if item.page_key().as_deref() == Some(key.as_str()) {
            return Ok(Some((record, item)));
        }
    }
    let Some(id) = store
        .meta(&alias_key(&key))
        .await?
        .and_then(|v| v.as_str().map(str::to_string))
    else {
        return Ok(None);
    };
    let Some(record) = store::get_live(store, Collection::Backlog, &id).await? else {
        return Ok(None);
    };
    let item = read_item(&record)?;
    Ok(Some((record, item)))
}

/// Captures a page: chooses its metadata, then creates its item or merges into the item that
/// already holds it. Saved (and answered) only once the write committed; idempotent by
/// `request_id`.
pub async fn capture<S: Store>(
    store: &S,
    request_id: &str,
    req: &CaptureRequest,
    now: u64,
) -> Result<Captured, StoreError> {
    let mut chosen = choose(&req.candidates);
    if chosen.image.is_none() {
        chosen.image = req.largest_image.clone().filter(|i| i.contains("://"));
    }
    let input = CaptureInput {
        tags: normalize_tags(req.form.tags.iter().map(String::as_str)),
        note: req.form.note.clone(),
        networks: req.form.networks.clone(),
    };
    let key = dedupe::key(&chosen.canonical);
    let id = page_id(&key);
    let current = store.get(Collection::Backlog, &id).await?;
    let live = current
        .as_ref()
        .filter(|r| !r.deleted)
        .map(read_item)
        .transpose()?
        .filter(|i| i.page_key().as_deref() == Some(key.as_str()));
    let (item, merged, report) = match live {
        Some(mut item) => {
            let report = dedupe::merge(&mut item, &chosen, &input, now);
            (item, true, report)
        }
        None => {
            let mut item = Item::idea(&id, chosen.title.clone().unwrap_or_default(), now);
            if req.form.state == Some(State::Draft) {
                item.state = State::Draft;
            }
            dedupe::merge(&mut item, &chosen, &input, now);
            (item, false, MergeReport::default())
        }
    };
    let write = Write::Put {
        collection: Collection::Backlog,
        id: id.clone(),
        expected_revision: current.as_ref().map(|r| r.revision),
        body: item_body(&item)?,
    };
    let record = store::write(store, request_id, &write, now).await?;
    // the tab's own address leads to the item too (the popup looks pages up by it); a hint
    // written after the item committed: when it fails, the item is saved all the same
    let page_key = dedupe::key(&chosen.url);
    if page_key != key {
        let _ = store
            .set_meta(&alias_key(&page_key), &serde_json::Value::from(id.clone()))
            .await;
    }
    // a retry of an applied request answers the record as that write left it
    let item = read_item(&record).unwrap_or(item);
    Ok(Captured {
        id,
        merged,
        title: item.title,
        tags_added: report.tags_added,
        quote_added: report.quote_added,
        record,
    })
}

/// Saves an item edited in the backlog page, checked by the core: it must read back as an item,
/// and a page's item keeps its page id. With `restore` (a backup brought back), an item deleted
/// since is brought back over its tombstone, whatever the tombstone's revision; a live item
/// still needs the revision last read, so a restore never overwrites a change unseen.
pub async fn save<S: Store>(
    store: &S,
    request_id: &str,
    item: &Item,
    expected_revision: Option<u64>,
    restore: bool,
    now: u64,
) -> Result<Record, StoreError> {
    let mut expected_revision = expected_revision;
    if restore {
        if let Some(tombstone) = store
            .get(Collection::Backlog, &item.id)
            .await?
            .filter(|r| r.deleted)
        {
            expected_revision = Some(tombstone.revision);
        }
    }
    let write = Write::Put {
        collection: Collection::Backlog,
        id: item.id.clone(),
        expected_revision,
        body: item_body(item)?,
    };
    store::write(store, request_id, &write, now).await
}

/// Runs a backlog request (the dispatch already checked who may ask).
pub async fn serve<S: Store>(
    store: &S,
    env: &super::Envelope<super::Request>,
    now: u64,
) -> super::Response {
    use super::{Request, Response};
    let result = match &env.body {
        Request::Capture(req) => {
            // a page without a web address (the browser's own, a new tab, a file): refused
            // before anything is read or written
            if let Err(e) = crate::capture::check_page_url(&req.candidates.page_url) {
                return Response::from(&e);
            }
            capture(store, &env.request_id, req, now)
                .await
                .map(|captured| Response::Captured { captured })
        }
        Request::BacklogFind { url } => {
            find(store, url).await.map(|found| Response::BacklogFound {
                found: found.map(|(_, item)| Found {
                    id: item.id,
                    title: item.title,
                    state: item.state,
                }),
            })
        }
        Request::BacklogSave {
            item,
            expected_revision,
            restore,
        } => save(
            store,
            &env.request_id,
            item,
            *expected_revision,
            *restore,
            now,
        )
        .await
        .map(|record| Response::StoreSaved { record }),
        other => Err(StoreError::Unavailable(other.kind().to_string())),
    };
    result.unwrap_or_else(Response::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capture::candidates::Meta;
    use crate::store::memory::{now_or_never, MemoryStore};

    fn page(url: &str, title: &str) -> CaptureRequest {
        CaptureRequest {
            candidates: Candidates {
                page_url: url.into(),
                meta: vec![Meta {
                    key: "og:title".into(),
                    content: title.into(),
                }],
                ..Candidates::default()
            },
            ..CaptureRequest::default()
        }
    }

    fn run<F: std::future::Future>(f: F) -> F::Output {
        now_or_never(f).unwrap()
    }

    #[test]
    fn the_same_article_twice_is_one_item_and_says_so() {
        let store = MemoryStore::new().unwrap();
        let cases = [
            // (first capture, second capture): same page once cleaned
            (
                "https://www.lemonde.fr/a/b.html?utm_source=x",
                "https://www.lemonde.fr/a/b.html",
            ),
            (
                "https://Example.COM/é?fbclid=1#:~:text=x",
                "https://example.com/é",
            ),
            (
                "https://www.youtube.com/watch?v=abc&si=zz",
                "https://www.youtube.com/watch?v=abc",
            ),
            (
                "https://lapresse.ca/actualites/2026-11-24/élections.php",
                "https://lapresse.ca/actualites/2026-11-24/élections.php?gclid=9",
            ),
        ];
        for (n, (a, b)) in cases.iter().enumerate() {
            let first = run(capture(
                &store,
                &format!("r{n}a"),
                &page(a, "Élections 🇨🇦"),
                10,
            ))
            .unwrap();
            let mut again = page(b, "Élections 🇨🇦");
            again.form.tags = vec!["#veille".into()];
            let second = run(capture(&store, &format!("r{n}b"), &again, 20)).unwrap();
            assert!(!first.merged, "{a}");
            assert!(second.merged, "{b}");
            assert_eq!(first.id, second.id);
            assert_eq!(second.tags_added, 1);
            assert_eq!(second.record.revision, 2);
        }
        let live = run(store::list_live(&store, Collection::Backlog)).unwrap();
        assert_eq!(live.len(), cases.len());
    }

    #[test]
    fn different_pages_are_different_items_and_a_retry_writes_once() {
        let store = MemoryStore::new().unwrap();
        let a = run(capture(
            &store,
            "same",
            &page("https://blog.example/?p=1", "Un"),
            1,
        ))
        .unwrap();
        let again = run(capture(
            &store,
            "same",
            &page("https://blog.example/?p=1", "Un"),
            2,
        ))
        .unwrap();
        assert_eq!(a.record, again.record);
        let b = run(capture(
            &store,
            "other",
            &page("https://blog.example/?p=2", "Deux"),
            3,
        ))
        .unwrap();
        assert_ne!(a.id, b.id);
        let live = run(store::list_live(&store, Collection::Backlog)).unwrap();
        assert_eq!(live.len(), 2);
        let found = run(find(&store, "https://blog.example/?p=2&utm_medium=mail")).unwrap();
        assert_eq!(found.map(|(_, i)| i.title), Some("Deux".to_string()));
        assert!(run(find(&store, "https://blog.example/?p=3"))
            .unwrap()
            .is_none());
    }

    #[test]
    fn a_deleted_page_captured_again_comes_back_and_the_form_is_kept() {
        let store = MemoryStore::new().unwrap();
        let first = run(capture(&store, "1", &page("https://x.example/a", "A"), 1)).unwrap();
        let delete = Write::Delete {
            collection: Collection::Backlog,
            id: first.id.clone(),
            expected_revision: None,
        };
        run(store::write(&store, "2", &delete, 2)).unwrap();
        let mut req = page("https://x.example/a", "A");
        req.form = CaptureForm {
            tags: vec![" Québec ".into(), "québec".into()],
            note: "à relire".into(),
            networks: vec![Platform::Bluesky],
            state: Some(State::Draft),
        };
        req.largest_image = Some("https://x.example/big.jpg".into());
        let back = run(capture(&store, "3", &req, 3)).unwrap();
        assert!(!back.merged);
        let item = read_item(&back.record).unwrap();
        assert_eq!(item.tags, vec!["Québec".to_string()]);
        assert_eq!(item.state, State::Draft);
        assert_eq!(item.note, "à relire");
        assert_eq!(
            item.source.and_then(|s| s.image).as_deref(),
            Some("https://x.example/big.jpg")
        );
    }

    #[test]
    fn a_restored_backup_brings_back_items_deleted_since() {
        let store = MemoryStore::new().unwrap();
        let captured = run(capture(
            &store,
            "c",
            &page("https://www.ledevoir.com/culture/rentrée", "La rentrée 📚"),
            1,
        ))
        .unwrap();
        let backup = read_item(&captured.record).unwrap();
        // edited twice, then deleted: the tombstone's revision (4) is newer than the backup's (1)
        let mut edited = backup.clone();
        for (k, title) in ["Rentrée littéraire", "Rentrée littéraire — à relire"]
            .iter()
            .enumerate()
        {
            edited.title = title.to_string();
            run(save(
                &store,
                &format!("e{k}"),
                &edited,
                Some(k as u64 + 1),
                false,
                2,
            ))
            .unwrap();
        }
        let delete = Write::Delete {
            collection: Collection::Backlog,
            id: backup.id.clone(),
            expected_revision: Some(3),
        };
        run(store::write(&store, "d", &delete, 3)).unwrap();
        // an ordinary save meets the tombstone
        let plain = run(save(&store, "s", &backup, None, false, 4)).unwrap_err();
        assert_eq!(crate::error::Coded::code(&plain), "store.conflict");
        // the restore wins over it, and says saved only once written
        let restored = run(save(&store, "r", &backup, None, true, 5)).unwrap();
        assert_eq!(restored.revision, 5);
        assert!(!restored.deleted);
        let live = run(store::get_live(&store, Collection::Backlog, &backup.id)).unwrap();
        assert_eq!(
            live.map(|r| read_item(&r).unwrap().title),
            Some("La rentrée 📚".into())
        );
        // a retry of the same restore writes nothing more
        let again = run(save(&store, "r", &backup, None, true, 6)).unwrap();
        assert_eq!(again, restored);
        // a live item changed since is not overwritten by a restore
        let mut other = backup.clone();
        other.note = "changée ailleurs".into();
        run(save(&store, "o", &other, Some(5), false, 7)).unwrap();
        let stale = run(save(&store, "r2", &backup, Some(5), true, 8)).unwrap_err();
        assert_eq!(crate::error::Coded::code(&stale), "store.conflict");
        // nor is an item that never existed refused
        let mut fresh = Item::idea("idée-québec", "Portrait d'une bénévole", 9);
        fresh.tags = vec!["Québec".into()];
        assert_eq!(
            run(save(&store, "f", &fresh, None, true, 9))
                .unwrap()
                .revision,
            1
        );
    }

    #[test]
    fn an_imported_page_captured_later_merges_into_its_item() {
        use crate::backlog::Backlog;
        use crate::transfer::{bookmarks, csv_generic, import::plan_ideas, pocket};
        let pocket_csv = "title,url,time_added,tags,status\n\
            Pistes cyclables,https://www.ledevoir.com/societe/pistes?utm_source=pocket,1764000000,vélo|ville,unread\n";
        let bookmarks_html = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n\
            <DT><A HREF=\"https://www.lapresse.ca/actualites/2026-11-24/hiver.php?fbclid=42\" ADD_DATE=\"1764000000\">L'hiver québécois ❄️</A>\n</DL>";
        let generic_csv =
            "url,title,state\nhttps://blog.example/?p=12&utm_medium=mail,Dix idées,idea\n";
        let mut n = 0;
        let mut next = || {
            n += 1;
            format!("new-{n}")
        };
        let empty = Backlog::default();
        let plans = [
            (
                plan_ideas(
                    &empty,
                    pocket::parse(pocket_csv.as_bytes()).unwrap(),
                    Vec::new(),
                    1,
                ),
                "https://www.ledevoir.com/societe/pistes?utm_campaign=x#:~:text=vélo",
            ),
            (
                plan_ideas(
                    &empty,
                    bookmarks::parse(bookmarks_html.as_bytes()).unwrap(),
                    Vec::new(),
                    1,
                ),
                "https://www.lapresse.ca/actualites/2026-11-24/hiver.php",
            ),
            (
                csv_generic::plan_import(&empty, generic_csv.as_bytes(), &mut next, 1).unwrap(),
                "https://blog.example/?p=12",
            ),
        ];
        for (k, (plan, captured_url)) in plans.into_iter().enumerate() {
            let store = MemoryStore::new().unwrap();
            assert_eq!(plan.new_items.len(), 1, "{captured_url}");
            let item = &plan.new_items[0];
            run(save(&store, &format!("i{k}"), item, None, false, 2)).unwrap();
            let later = run(capture(
                &store,
                &format!("c{k}"),
                &page(captured_url, "Titre"),
                3,
            ))
            .unwrap();
            assert!(later.merged, "{captured_url}");
            assert_eq!(later.id, item.id);
            assert_eq!(
                run(store::list_live(&store, Collection::Backlog))
                    .unwrap()
                    .len(),
                1
            );
            assert!(run(find(&store, captured_url)).unwrap().is_some());
        }
    }

    #[test]
    fn a_page_without_a_web_address_is_refused_and_nothing_is_written() {
        use crate::protocol::{Envelope, Request, Response};
        let store = MemoryStore::new().unwrap();
        run(capture(
            &store,
            "seed",
            &page("https://www.ledevoir.com/société/veille", "Déjà là 📚"),
            1,
        ))
        .unwrap();
        let before = run(store::list_live(&store, Collection::Backlog)).unwrap();
        // what a tab the page could not be read in hands over: the browser's own pages, a new
        // tab, a local file, a link that is no web address, or no address at all
        let refused = [
            "chrome://settings/",
            "chrome://newtab/",
            "about:blank",
            "about:reader?url=https://www.lapresse.ca/a.php",
            "moz-extension://5d0c1e0e/backlog.html",
            "file:///home/chloé/Téléchargements/enquête.html",
            "javascript:void(0)",
            "mailto:rédaction@ledevoir.com",
            "view-source:https://www.lemonde.fr/",
            "https://",
            "",
            "   ",
        ];
        for (n, url) in refused.iter().enumerate() {
            let env = Envelope::new(
                format!("refused-{n}"),
                Request::Capture(page(url, "Réglages ⚙️")),
            );
            match run(serve(&store, &env, 10 + n as u64)) {
                Response::Error { code, .. } => assert_eq!(code, "capture.not_a_web_page", "{url}"),
                other => panic!("{url}: {other:?}"),
            }
        }
        assert_eq!(
            run(store::list_live(&store, Collection::Backlog)).unwrap(),
            before
        );
        // web addresses, whatever their case or spaces around them, are captured
        for (n, url) in [
            "HTTPS://www.lapresse.ca/a.php",
            " http://blogue.example/?p=7 ",
        ]
        .iter()
        .enumerate()
        {
            let env = Envelope::new(format!("web-{n}"), Request::Capture(page(url, "Québec 🇨🇦")));
            assert!(
                matches!(run(serve(&store, &env, 50)), Response::Captured { .. }),
                "{url}"
            );
        }
    }

    #[test]
    fn a_full_disk_says_so_loses_nothing_and_the_backlog_still_opens() {
        use crate::protocol::{Envelope, Request, Response};
        let store = MemoryStore::new().unwrap();
        for k in 0..20 {
            let req = page(
                &format!("https://www.lapresse.ca/actualites/{k}.php"),
                &format!("Élections n° {k} 🗳️"),
            );
            run(capture(&store, &format!("seed-{k}"), &req, k)).unwrap();
        }
        let before = run(store::list_live(&store, Collection::Backlog)).unwrap();
        store.set_quota(Some(store.used_bytes() + 200));
        let mut big = page(
            "https://www.ledevoir.com/long?utm_source=x",
            "Un très long dossier",
        );
        big.form.note = "é".repeat(2_000);
        let envelope = Envelope::new("full-1", Request::Capture(big.clone()));
        // a capture, and an edit of an item already there
        let mut edited = read_item(&before[3]).unwrap();
        edited.note = "Note québécoise ".repeat(100);
        let edit = Envelope::new(
            "full-2",
            Request::BacklogSave {
                item: edited,
                expected_revision: Some(before[3].revision),
                restore: false,
            },
        );
        for env in [&envelope, &edit] {
            match run(serve(&store, env, 100)) {
                Response::Error { code, .. } => assert_eq!(code, "store.quota"),
                other => panic!("{other:?}"),
            }
        }
        // nothing lost, nothing half written, and the backlog reads as before
        let after = run(store::list_live(&store, Collection::Backlog)).unwrap();
        assert_eq!(after, before);
        let json = serde_json::to_string(&after).unwrap();
        let loaded = crate::backlog::load::decode(&json).unwrap();
        assert_eq!((loaded.items.len(), loaded.damaged), (20, 0));
        assert!(run(find(&store, "https://www.ledevoir.com/long"))
            .unwrap()
            .is_none());
        // room made: the same request goes through, once
        store.set_quota(None);
        let Response::Captured { captured } = run(serve(&store, &envelope, 101)) else {
            panic!("the retry should capture");
        };
        assert!(!captured.merged);
        let Response::Captured { captured: again } = run(serve(&store, &envelope, 102)) else {
            panic!("a retry answers the same");
        };
        assert_eq!(again.record, captured.record);
        assert_eq!(
            run(store::list_live(&store, Collection::Backlog))
                .unwrap()
                .len(),
            21
        );
    }

    #[test]
    fn the_popup_finds_a_page_captured_under_its_canonical_address() {
        use crate::capture::candidates::Link;
        let store = MemoryStore::new().unwrap();
        // (the tab's address, what the page declares as canonical, another tab address of it)
        let cases = [
            (
                "https://www.lemonde.fr/international/article/2026/11/24/cop31_123_3210.html?utm_medium=social#xtor=RSS",
                "https://www.lemonde.fr/international/article/2026/11/24/cop31_123_3210.html?amp=1",
                "https://www.lemonde.fr/international/article/2026/11/24/cop31_123_3210.html?utm_source=x",
            ),
            (
                "https://m.youtube.com/watch?v=dQw4w9WgXcQ&si=abc",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "https://m.youtube.com/watch?v=dQw4w9WgXcQ&fbclid=1",
            ),
            (
                "https://ici.radio-canada.ca/nouvelle/2120/hiver-québec?fbclid=9",
                "https://ici.radio-canada.ca/nouvelle/2120/hiver-quebec",
                "https://ici.radio-canada.ca/nouvelle/2120/hiver-québec",
            ),
        ];
        for (k, (tab, canonical, again)) in cases.iter().enumerate() {
            let mut req = page(tab, "L'hiver québécois ❄️");
            req.candidates.links = vec![Link {
                rel: "canonical".into(),
                href: canonical.to_string(),
            }];
            let captured = run(capture(&store, &format!("c{k}"), &req, 1)).unwrap();
            for url in [tab, canonical, again] {
                let found = run(find(&store, url)).unwrap();
                assert_eq!(found.map(|(_, i)| i.id), Some(captured.id.clone()), "{url}");
            }
        }
        assert!(run(find(&store, "https://www.lemonde.fr/international/"))
            .unwrap()
            .is_none());
        // deleted since: the popup no longer says it is there
        let (record, item) = run(find(&store, cases[1].0)).unwrap().unwrap();
        let delete = Write::Delete {
            collection: Collection::Backlog,
            id: item.id,
            expected_revision: Some(record.revision),
        };
        run(store::write(&store, "del", &delete, 2)).unwrap();
        assert!(run(find(&store, cases[1].0)).unwrap().is_none());
        assert!(run(find(&store, cases[1].1)).unwrap().is_none());
    }

    #[test]
    fn page_ids_are_stable_and_distinct() {
        assert_eq!(page_id("https://a.example/"), page_id("https://a.example/"));
        assert_ne!(
            page_id("https://a.example/"),
            page_id("https://a.example/x")
        );
        assert_eq!(page_id("x").len(), 5 + 32);
    }
}
