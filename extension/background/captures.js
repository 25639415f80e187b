// Capture on click: read the tab once with chrome.scripting, send the snapshot to
// POST /api/captures, or queue it when the server cannot take it now.

import { capturePage } from "../capture/capture.js";
import { createClient } from "../shared/api.js";
import { cleanUrl, isLinkedInUrl, pageKind } from "../shared/linkedin.js";
import { getSettings, setLastOutcome } from "../shared/storage.js";
import { refreshBadge } from "./badge.js";
import * as queue from "./queue.js";

/** Pages above this many characters are trimmed to what the parser reads (see capturePage). */
export const MAX_PAGE_CHARS = 1_500_000;

const SYNC_ALARM = "sync-queue";
const RETRY_BASE_MINUTES = 0.5;
const RETRY_MAX_MINUTES = 30;

/**
 * @typedef {{elapsed_ms: number, trimmed: boolean, chars: number, views: string[], title: string}}
 *   SnapshotInfo
 * @typedef {{status: "sent", capture_id: string, response: object, snapshot: SnapshotInfo}
 *   | {status: "queued", capture_id: string, reason: string, message: string, snapshot: SnapshotInfo}
 *   | {status: "error", reason: string, message: string, fields?: object, snapshot?: SnapshotInfo}
 *   | {status: "not_linkedin"}} CaptureOutcome
 */

/**
 * Captures tab `tabId` and sends it. Never throws.
 * @param {number} tabId
 * @returns {Promise<CaptureOutcome>}
 */
export async function captureTab(tabId) {
  let tab;
  try {
    tab = await chrome.tabs.get(tabId);
  } catch {
    return { status: "error", reason: "no_tab", message: "That tab is gone." };
  }
  // tab.url is only visible for hosts in host_permissions, so any other tab reads as undefined.
  if (!tab.url || !isLinkedInUrl(tab.url)) return { status: "not_linkedin" };

  let snapshot;
  try {
    const [injection] = await chrome.scripting.executeScript({
      target: { tabId },
      func: capturePage,
      args: [MAX_PAGE_CHARS],
    });
    snapshot = injection?.result;
  } catch (error) {
    return {
      status: "error",
      reason: "unreadable",
      message: `Could not read this page (${error.message}). Reload the tab and try again.`,
    };
  }
  if (!snapshot || typeof snapshot.html !== "string") {
    return {
      status: "error",
      reason: "unreadable",
      message:
        "This page had nothing to read yet. Wait for it to load, then open Top of Mind again.",
    };
  }

  const url = cleanUrl(snapshot.url);
  const kind = pageKind(url);
  const capture = {
    id: crypto.randomUUID(),
    url,
    html: snapshot.html,
    captured_at: new Date().toISOString(),
    ...(kind === "unknown" ? {} : { kind }),
    views: snapshot.views,
  };
  const info = {
    elapsed_ms: snapshot.elapsed_ms,
    trimmed: snapshot.trimmed,
    chars: snapshot.html.length,
    views: snapshot.views.map((view) => view.urn),
    title: snapshot.title,
  };
  return send(capture, info);
}

/** @returns {Promise<CaptureOutcome>} */
async function send(capture, info) {
  const settings = await getSettings();
  if (!settings.token) {
    await queue.enqueue(capture, "Not connected to Top of Mind yet.", settings.server);
    await remember("queued", "Saved offline: not connected yet.");
    return {
      status: "queued",
      capture_id: capture.id,
      reason: "not_paired",
      message: "Not connected to Top of Mind yet.",
      snapshot: info,
    };
  }
  try {
    const response = await createClient(settings).postCapture(capture);
    await remember("sent", `Captured ${capture.url}`);
    // Not awaited: the popup shows the answer now; badge and backlog follow.
    refreshBadge();
    syncQueue();
    return { status: "sent", capture_id: capture.id, response, snapshot: info };
  } catch (error) {
    if (error.retryable) {
      await queue.enqueue(capture, error.message, settings.server);
      await scheduleRetry();
      await remember("queued", error.message);
      refreshBadge();
      return {
        status: "queued",
        capture_id: capture.id,
        reason: error.kind,
        message: error.message,
        snapshot: info,
      };
    }
    await remember("error", error.message);
    return {
      status: "error",
      reason: error.kind ?? "internal",
      message: error.message,
      fields: error.fields ?? undefined,
      snapshot: info,
    };
  }
}

async function remember(kind, message) {
  await setLastOutcome({ at: new Date().toISOString(), kind, message });
}

/** Creates the retry alarm unless one is pending; the delay doubles with each failed sync. */
export async function scheduleRetry() {
  if (await chrome.alarms.get(SYNC_ALARM)) return;
  const { failures } = await queue.summary();
  const minutes = Math.min(RETRY_MAX_MINUTES, RETRY_BASE_MINUTES * 2 ** failures);
  await chrome.alarms.create(SYNC_ALARM, { delayInMinutes: minutes });
}

/**
 * Sends the offline queue now; on a retryable failure the next try is scheduled. Never throws.
 * @returns {Promise<{sent: number, remaining: number, error: string|null}>}
 */
export async function syncQueue() {
  const pending = await queue.summary();
  if (pending.count === 0) return { sent: 0, remaining: 0, error: null };
  const settings = await getSettings();
  if (!settings.token) return { sent: 0, remaining: pending.count, error: "Not connected yet." };
  const result = await queue.flush(createClient(settings));
  if (result.remaining > 0 && result.error) {
    await scheduleRetry();
  } else {
    await chrome.alarms.clear(SYNC_ALARM);
  }
  if (result.sent > 0) refreshBadge();
  return { sent: result.sent, remaining: result.remaining, error: result.error?.message ?? null };
}

export { SYNC_ALARM };
