// The page side of a capture: a self-contained function the background injects with
// scripting.executeScript({ func }) into the tab the user asked to capture (activeTab: only then,
// only that tab). It reads, without judging, what the page declares among the sources the core
// names (`sources.meta`: <meta> keys, `sources.links`: <link rel> words), the selection and the
// largest suitable image; the core chooses among them.
export function collect(sources) {
  const wantMeta = new Set(sources.meta);
  const wantRel = new Set(sources.links);
  const text = (el) => (el ? el.textContent.trim() : null) || null;
  const meta = [];
  for (const m of document.querySelectorAll('meta[content]')) {
    const equiv = m.getAttribute('http-equiv');
    const key = (equiv ? `http-equiv:${equiv}` : m.getAttribute('property') || m.getAttribute('name') || m.getAttribute('itemprop') || '').toLowerCase();
    if (wantMeta.has(key)) meta.push({ key, content: m.getAttribute('content') });
  }
  const links = [];
  for (const l of document.querySelectorAll('link[rel][href]')) {
    const rel = l.getAttribute('rel');
    if (rel.toLowerCase().split(/\s+/).some((w) => wantRel.has(w))) links.push({ rel, href: l.getAttribute('href') });
  }
  const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent).slice(0, 20);
  const dated = [...document.querySelectorAll('[itemprop="datePublished"]:not(meta)')].map(
    (e) => e.getAttribute('content') || e.getAttribute('datetime') || e.textContent.trim(),
  );
  const pubdate = [...document.querySelectorAll('time[pubdate][datetime]')].map((e) => e.getAttribute('datetime'));
  // the largest image drawn at a reasonable size (not an icon, not a tracking pixel)
  let largest = null;
  let area = 0;
  for (const img of document.images) {
    const w = img.naturalWidth || img.width;
    const h = img.naturalHeight || img.height;
    if (w < 200 || h < 100 || !img.currentSrc?.startsWith('http')) continue;
    if (w * h > area) {
      area = w * h;
      largest = img.currentSrc;
    }
  }
  const selection = String(window.getSelection?.() ?? '').trim() || null;
  const body = document.body ? document.body.innerText.slice(0, 2000) : null;
  return {
    candidates: {
      page_url: location.href,
      base_href: document.querySelector('base[href]')?.getAttribute('href') ?? null,
      html_lang: document.documentElement.getAttribute('lang'),
      title: text(document.querySelector('title')),
      first_h1: text(document.querySelector('h1')),
      meta,
      links,
      json_ld: jsonLd,
      item_date_published: dated,
      time_pubdate: pubdate,
      text_sample: body,
      selection,
    },
    largest_image: largest,
  };
}
