// The offline queue: captures the server could not take yet, kept in chrome.storage.local until
// it answers. A capture leaves the queue only when the server stored it (2xx) or refused it for
// good (a 4xx other than 401/408/429); its id is the server's idempotency key, so sending it
// twice stores it once. Each capture remembers the server it was captured for and is only ever
// sent there: pointing the extension at another server never hands it the backlog.

import * as storage from "../shared/storage.js";

/**
 * @typedef {{id: string, url: string, html: string, captured_at: string, kind?: string,
 *            views?: {urn: string, dwell_ms: number}[]}} Capture
 * @typedef {{count: number, bytes: number, max_items: number, max_bytes: number,
 *            nearly_full: boolean, dropped: number, failures: number, last_error: string|null,
 *            rejected: {url: string, message: string, at: string}[]}} QueueSummary
 */

// One queue operation at a time within this worker's life (captures, alarms and the popup's
// "Sync now" can overlap); storage is the state, this chain only orders the writes.
/** @type {Promise<unknown>} */
let chain = Promise.resolve();
/**
 * @template T
 * @param {() => Promise<T>} operation
 * @returns {Promise<T>}
 */
function serialised(operation) {
  const run = chain.then(
    () => operation(),
    () => operation(),
  );
  chain = run.catch(() => {});
  return run;
}

async function gzipBase64(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

async function gunzipBase64(encoded) {
  const bytes = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}

/**
 * Adds a capture to the queue (no-op if its id is already there). When the queue is full the
 * oldest captures are dropped, and counted, so the popup can say so; the popup warns from
 * QUEUE_WARN_RATIO on, before anything is dropped.
 * @param {Capture} capture
 * @param {string} reason why it could not be sent (shown in the popup)
 * @param {string} [server] the server it was captured for (default: the one set now)
 */
export function enqueue(capture, reason, server) {
  return serialised(async () => {
    const target = server ?? (await storage.getSettings()).server;
    const index = await storage.getQueueIndex();
    if (index.some((entry) => entry.id === capture.id)) return;
    const htmlGz = await gzipBase64(capture.html);
    const bytes = htmlGz.length;
    let total = index.reduce((sum, entry) => sum + entry.bytes, 0);
    let dropped = 0;
    while (
      index.length > 0 &&
      (index.length + 1 > storage.QUEUE_MAX_ITEMS || total + bytes > storage.QUEUE_MAX_BYTES)
    ) {
      const oldest = index.shift();
      total -= oldest.bytes;
      dropped += 1;
      await storage.removeQueuedItem(oldest.id);
    }
    const { html: _html, ...rest } = capture;
    await storage.putQueuedItem(capture.id, { capture: rest, html_gz: htmlGz });
    index.push({
      id: capture.id,
      bytes,
      url: capture.url,
      server: target,
      queued_at: new Date().toISOString(),
      attempts: 0,
      last_error: reason,
    });
    await storage.setQueueIndex(index);
    const state = await storage.getQueueState();
    await storage.updateQueueState({ dropped: state.dropped + dropped, last_error: reason });
  });
}

/** @returns {Promise<QueueSummary>} */
export async function summary() {
  const [index, state] = await Promise.all([storage.getQueueIndex(), storage.getQueueState()]);
  const bytes = index.reduce((sum, entry) => sum + entry.bytes, 0);
  return {
    count: index.length,
    bytes,
    max_items: storage.QUEUE_MAX_ITEMS,
    max_bytes: storage.QUEUE_MAX_BYTES,
    nearly_full:
      index.length >= storage.QUEUE_MAX_ITEMS * storage.QUEUE_WARN_RATIO ||
      bytes >= storage.QUEUE_MAX_BYTES * storage.QUEUE_WARN_RATIO,
    dropped: state.dropped,
    failures: state.failures,
    last_error: index.length ? state.last_error : null,
    rejected: state.rejected ?? [],
  };
}

/** Forgets the counts of dropped and refused captures (the user has seen them). */
export function clearNotices() {
  return serialised(async () => {
    await storage.updateQueueState({ dropped: 0, rejected: [] });
    return summary();
  });
}

/**
 * Sends the queued captures meant for `client`'s server, oldest first, and stops at the first
 * retryable failure. Captures for any other server stay queued, untouched.
 * @param {{base: string, postCapture: (capture: Capture) => Promise<unknown>}} client
 * @returns {Promise<{sent: number, remaining: number, error: import("../shared/api.js").ApiError|null}>}
 */
export function flush(client) {
  return serialised(async () => {
    const all = await storage.getQueueIndex();
    const elsewhere = all.filter((entry) => entry.server !== client.base);
    const index = all.filter((entry) => entry.server === client.base);
    let sent = 0;
    let failure = null;
    const rejected = [];
    while (index.length > 0) {
      const entry = index[0];
      const item = await storage.getQueuedItem(entry.id);
      if (item) {
        const capture = { ...item.capture, html: await gunzipBase64(item.html_gz) };
        try {
          await client.postCapture(capture);
          sent += 1;
        } catch (error) {
          if (error.retryable) {
            entry.attempts += 1;
            entry.last_error = error.message;
            failure = error;
            break;
          }
          rejected.push({ url: entry.url, message: error.message, at: new Date().toISOString() });
        }
      }
      index.shift();
      await storage.removeQueuedItem(entry.id);
      await storage.setQueueIndex([...elsewhere, ...index]);
    }
    await storage.setQueueIndex([...elsewhere, ...index]);
    const state = await storage.getQueueState();
    await storage.updateQueueState({
      failures: failure ? state.failures + 1 : 0,
      last_error: failure ? failure.message : null,
      last_sync_at: sent ? new Date().toISOString() : state.last_sync_at,
      rejected: [...rejected, ...(state.rejected ?? [])].slice(0, 5),
    });
    return { sent, remaining: index.length + elsewhere.length, error: failure };
  });
}
