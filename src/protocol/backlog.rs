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

/// The store key of the item holding the page with this dedupe key: `page-` and a 128-bit
/// FNV-1a hash of the key, in hex (a key can be longer than an id may be).
pub fn page_id(page_key: &str) -> String {
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;
    let mut h: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for b in page_key.bytes() {
        h ^= u128::from(b);
        h = h.wrapping_mul(PRIME);
    }
    format!("page-{h:032x}")
}

/// The body an item is stored as.
pub fn item_body(item: &Item) -> Result<serde_json::Value, StoreError> {
    serde_json::to_value(item).map_err(|e| StoreError::Damaged(e.to_string()))
}

fn read_item(record: &Record) -> Result<Item, StoreError> {
    Item::from_stored(&record.body).map_err(|e| StoreError::Damaged(e.to_string()))
}

/// The live item holding the page at `url`, if any.
pub async fn find<S: Store>(store: &S, url: &str) -> Result<Option<(Record, Item)>, StoreError> {
    let key = dedupe::key(&crate::capture::clean_url(url));
    let Some(record) = store::get_live(store, Collection::Backlog, &page_id(&key)).await? else {
        return Ok(None);
    };
    let item = read_item(&record)?;
    // a hash is a hash: the item must really hold this page
    Ok((item.page_key().as_deref() == Some(key.as_str())).then_some((record, item)))
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
/// and a page's item keeps its page id.
pub async fn save<S: Store>(
    store: &S,
    request_id: &str,
    item: &Item,
    expected_revision: Option<u64>,
    now: u64,
) -> Result<Record, StoreError> {
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
        Request::Capture(req) => capture(store, &env.request_id, req, now)
            .await
            .map(|captured| Response::Captured { captured }),
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
        } => save(store, &env.request_id, item, *expected_revision, now)
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
    fn page_ids_are_stable_and_distinct() {
        assert_eq!(page_id("https://a.example/"), page_id("https://a.example/"));
        assert_ne!(
            page_id("https://a.example/"),
            page_id("https://a.example/x")
        );
        assert_eq!(page_id("x").len(), 5 + 32);
    }
}
