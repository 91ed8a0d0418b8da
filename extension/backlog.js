import { backlog_main } from './pkg/extension.js';
import { run } from './pages.js';

// The items changed last, read from the database as the background left it while the engine
// starts (the engine would read them only once it runs). Resolves to `{ records, complete }`
// (live records, newest first; `complete`: they are the whole backlog) or to null when they
// cannot be read here: then the engine reads them itself. Nothing is created or upgraded here.
function latest(limit) {
  return new Promise((resolve) => {
    let request;
    try {
      request = indexedDB.open('porte-voix');
    } catch {
      resolve(null);
      return;
    }
    // no database yet: creating it is the background's (aborted, the empty one is dropped)
    request.onupgradeneeded = () => request.transaction.abort();
    request.onerror = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      try {
        const index = db.transaction('backlog', 'readonly').objectStore('backlog').index('by_updated');
        if (typeof index.getAllRecords === 'function') {
          // one request: the newest records first (tombstones among them are left out)
          const all = index.getAllRecords({ direction: 'prev', count: limit });
          all.onsuccess = () => resolve({
            records: all.result.map((r) => r.value).filter((v) => !v.deleted),
            complete: all.result.length < limit,
          });
          all.onerror = () => resolve(null);
        } else {
          const records = [];
          const cursor = index.openCursor(null, 'prev');
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c || records.length >= limit) {
              resolve({ records, complete: !c });
              return;
            }
            if (!c.value.deleted) records.push(c.value);
            c.continue();
          };
          cursor.onerror = () => resolve(null);
        }
      } catch {
        resolve(null);
      } finally {
        // closes once the read is done
        db.close();
      }
    };
  });
}

const first = latest(60);
run(() => backlog_main(first));
