// The toolbar badge: how many suggestions are due today (GET /api/digest -> due_today_count).

import { createClient } from "../shared/api.js";
import { getSettings } from "../shared/storage.js";
import { summary } from "./queue.js";

const DUE_COLOR = "#4f46e5";
const PROBLEM_COLOR = "#b3261e";
const IDLE_COLOR = "#6b7280";

async function show(text, color, title) {
  await Promise.all([
    chrome.action.setBadgeText({ text }),
    chrome.action.setBadgeBackgroundColor({ color }),
    chrome.action.setTitle({ title }),
  ]);
}

/**
 * Re-reads the digest and sets the badge; never throws.
 * @returns {Promise<{count: number|null, error: string|null}>}
 */
export async function refreshBadge() {
  const settings = await getSettings();
  if (!settings.token) {
    await show("", IDLE_COLOR, "Top of Mind: not connected yet. Open the extension's settings.");
    return { count: null, error: "not_paired" };
  }
  try {
    const digest = await createClient(settings).digest();
    const count = Number(digest?.due_today_count ?? 0);
    const title =
      count === 0 ? "Top of Mind: nothing due today" : `Top of Mind: ${count} due today`;
    await show(count > 0 ? String(Math.min(count, 999)) : "", DUE_COLOR, title);
    return { count, error: null };
  } catch (error) {
    if (error.kind === "unauthorized") {
      await show("!", PROBLEM_COLOR, "Top of Mind refused the token. Pair again in settings.");
    } else {
      const queued = (await summary()).count;
      const title = queued
        ? `Top of Mind is not running; ${queued} capture(s) saved offline.`
        : "Top of Mind is not running.";
      await show(queued ? "…" : "", IDLE_COLOR, title);
    }
    return { count: null, error: error.kind ?? "internal" };
  }
}
