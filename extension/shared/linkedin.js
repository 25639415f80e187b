// What kind of LinkedIn page a URL is, from the URL alone (the server's parser has the last word).

/** @typedef {"profile"|"activity"|"post"|"feed"|"search"|"people"|"job"|"job_search"|"unknown"} PageKind */

/** True for the pages the extension may capture (https://www.linkedin.com/...). */
export function isLinkedInUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && parsed.hostname === "www.linkedin.com";
  } catch {
    return false;
  }
}

/** @returns {PageKind} */
export function pageKind(url) {
  if (!isLinkedInUrl(url)) return "unknown";
  const path = new URL(url).pathname;
  if (/^\/in\/[^/]+\/recent-activity\//.test(path)) return "activity";
  if (/^\/in\/[^/]+\/?$/.test(path)) return "profile";
  if (/^\/posts\//.test(path) || /^\/feed\/update\//.test(path)) return "post";
  if (/^\/feed\/?$/.test(path)) return "feed";
  if (/^\/search\/results\/content\//.test(path)) return "search";
  if (/^\/search\/results\/people\//.test(path) || /^\/mynetwork\//.test(path)) return "people";
  if (/^(\/comm)?\/jobs\/view\/[^/]+/.test(path)) return "job";
  if (/^\/jobs(\/|$)/.test(path)) return "job_search";
  return "unknown";
}

// Tracking parameters LinkedIn appends to links; they say nothing about the page and can push a
// URL past the API's 2000 characters.
const TRACKING_PARAMETER =
  /^(trk|trkInfo|trackingId|lipi|midToken|midSig|eBP|refId|original_referer|rcm|miniProfileUrn|origin|sid|utm_\w+)$/i;

/** The URL without its fragment and tracking parameters (the page's own query is kept). */
export function cleanUrl(url) {
  const parsed = new URL(url);
  parsed.hash = "";
  for (const name of [...parsed.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(name)) parsed.searchParams.delete(name);
  }
  return parsed.href;
}

/** The canonical profile URL of a /in/<id>/ page, or null. */
export function profileUrl(url) {
  if (!isLinkedInUrl(url)) return null;
  const match = new URL(url).pathname.match(/^\/in\/([^/]+)/);
  return match ? `https://www.linkedin.com/in/${match[1]}/` : null;
}

/** True for a person's profile URL (authors can also be companies or showcase pages). */
export function isPersonUrl(url) {
  return Boolean(url) && /^https:\/\/www\.linkedin\.com\/in\/[^/]+\/?$/.test(url);
}
