// What runs in the LinkedIn tab, once, when the user asks: chrome.scripting.executeScript serialises
// capturePage and calls it in the extension's isolated world. It must stay self-contained (no
// imports, no closures), return a plain value and leave nothing behind: no listeners, no globals,
// no DOM changes. It reads the page; it never reads cookies and never acts on LinkedIn.

/**
 * @typedef {{urn: string, dwell_ms: number}} PostView
 * @typedef {{url: string, title: string, html: string, trimmed: boolean, views: PostView[],
 *            elapsed_ms: number}} PageSnapshot
 */

/**
 * Snapshot of the page the user is reading.
 *
 * A page under maxChars is sent whole (document.documentElement.outerHTML). A larger one (a long
 * feed is several MB) is cut down to what the server's parser reads, wrapped in a minimal
 * <html><head>…</head><body>…</body></html>: the head's title/meta/canonical/JSON-LD, the main
 * content, LinkedIn's embedded <code> JSON, and the rendered posts — each element's outerHTML,
 * never one inside another already kept.
 *
 * Views are the posts (elements whose data-urn/data-id holds urn:li:activity) intersecting the
 * viewport now. dwell_ms is 0: measuring dwell would need a script left running on LinkedIn.
 *
 * @param {number} maxChars
 * @returns {PageSnapshot}
 */
export function capturePage(maxChars) {
  const started = performance.now();
  const POSTS = '[data-urn*="urn:li:activity"], [data-id*="urn:li:activity"]';
  // LinkedIn's content column across DOM eras: <main> (2019-2026), the scaffold column, the
  // feed's core rail; the first one present wins.
  const MAIN = ["main", ".scaffold-layout__main", ".core-rail", "[role='main']"];
  const HEAD_KEEP =
    "title, meta[charset], meta[name='description'], meta[property^='og:'], link[rel='canonical'], " +
    "script[type='application/ld+json']";

  const postElements = Array.from(document.querySelectorAll(POSTS));
  const views = [];
  const seen = new Set();
  const height = window.innerHeight || document.documentElement.clientHeight;
  const width = window.innerWidth || document.documentElement.clientWidth;
  for (const element of postElements) {
    const attribute = element.getAttribute("data-urn") || element.getAttribute("data-id") || "";
    const match = attribute.match(/urn:li:activity:\d+/);
    if (!match || seen.has(match[0])) continue;
    const box = element.getBoundingClientRect();
    const visible =
      box.height > 0 && box.bottom > 0 && box.top < height && box.right > 0 && box.left < width;
    if (visible) {
      seen.add(match[0]);
      views.push({ urn: match[0], dwell_ms: 0 });
    }
  }

  // The navigation entry gives the size of the HTML LinkedIn first sent without serialising
  // anything; the DOM may have grown since (single-page app), hence the second check.
  const navigation = /** @type {PerformanceNavigationTiming|undefined} */ (
    performance.getEntriesByType("navigation")[0]
  );
  const sentSize = navigation && navigation.decodedBodySize ? navigation.decodedBodySize : 0;
  let html = sentSize > maxChars ? "" : document.documentElement.outerHTML;
  let trimmed = false;

  if (!html || html.length > maxChars) {
    trimmed = true;
    const kept = [];
    const keep = (element) => {
      if (element && !kept.some((other) => other.contains(element))) kept.push(element);
    };
    let main = null;
    for (const selector of MAIN) {
      main = document.querySelector(selector);
      if (main) break;
    }
    keep(main);
    document.body?.querySelectorAll("script[type='application/ld+json']").forEach(keep);
    document.querySelectorAll("code").forEach(keep);
    postElements.forEach(keep);
    const head = Array.from(document.head ? document.head.querySelectorAll(HEAD_KEEP) : [])
      .map((element) => element.outerHTML)
      .join("");
    const lang = document.documentElement.getAttribute("lang");
    html =
      "<!DOCTYPE html>" +
      (lang ? `<html lang="${lang.replace(/[^\w-]/g, "")}">` : "<html>") +
      `<head>${head}</head><body>` +
      kept.map((element) => element.outerHTML).join("\n") +
      "</body></html>";
  }

  return {
    url: location.href,
    title: document.title,
    html,
    trimmed,
    views,
    elapsed_ms: performance.now() - started,
  };
}
