// The popup. Opening it captures the current LinkedIn tab (through the worker) and shows what
// Top of Mind knows: the person and what to do next, the posts on a feed, or today's list
// anywhere else. Tests and automation pass the tab explicitly: popup.html?tab=<tabId>.

import { createClient } from "../shared/api.js";
import { isLinkedInUrl, pageKind, profileUrl } from "../shared/linkedin.js";
import { MSG } from "../shared/messages.js";
import { getSettings } from "../shared/storage.js";
import { suggestionList } from "./cards.js";
import { h, replace } from "./dom.js";
import * as fmt from "./format.js";
import { renderJobSearch, renderPosting } from "./jobs.js";
import { renderPeople, renderPosts } from "./lists.js";
import { renderProfile } from "./profile.js";
import {
  ask,
  button,
  externalLink,
  markAnswered,
  notice,
  notices,
  openSettings,
  session,
  setConnection,
  show,
  toast,
  view,
} from "./ui.js";

const POST_PAGES = new Set(["post", "feed", "activity", "search"]);

async function targetTabId() {
  const param = new URLSearchParams(location.search).get("tab");
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

// ---- Notices about the offline queue -------------------------------------------------------

function renderQueueNotices(queue) {
  const items = [];
  const dismiss = () =>
    button("Dismiss", async () => renderQueueNotices(await ask(MSG.CLEAR_NOTICES)), {
      class: "small",
    });
  if (queue.count > 0 && queue.nearly_full) {
    items.push(
      notice(
        "bad",
        `Offline queue nearly full (${queue.count} of ${queue.max_items} captures).`,
        "Start Top of Mind so they sync; when the queue is full the oldest captures are dropped.",
        button("Sync now", syncNow),
      ),
    );
  }
  if (queue.dropped > 0) {
    items.push(
      notice(
        "bad",
        `${fmt.plural(queue.dropped, "old capture")} dropped while the queue was full.`,
        "Keep Top of Mind running while you browse LinkedIn to avoid this.",
        dismiss(),
      ),
    );
  }
  for (const rejected of queue.rejected ?? []) {
    items.push(
      notice(
        "bad",
        "A saved capture was refused by Top of Mind.",
        `${rejected.message} (${rejected.url})`,
        dismiss(),
      ),
    );
  }
  replace(notices, ...items);
}

async function syncNow() {
  const result = await ask(MSG.SYNC);
  if (result.error) toast(`Still offline: ${result.error}`, "bad");
  else toast(result.sent ? `Synced ${fmt.plural(result.sent, "capture")}` : "Nothing to sync");
  const status = await ask(MSG.STATUS);
  renderQueueNotices(status.queue);
  return result;
}

// ---- Today (any other tab) -----------------------------------------------------------------

async function renderToday(extras = []) {
  if (!session.settings.token) return renderNotPaired();
  let digest;
  try {
    digest = await session.api.digest();
  } catch (error) {
    return renderApiError(error);
  }
  setConnection("ok", "Connected");
  const items = digest.items ?? [];
  const due = Number(digest.due_today_count ?? 0);
  ask(MSG.REFRESH_BADGE);
  markAnswered();
  show(
    "today",
    ...extras,
    h(
      "section",
      { class: "block", "aria-labelledby": "today-title" },
      h("h1", { id: "today-title", class: "page-title" }, "Today"),
      h(
        "p",
        { class: "summary" },
        due ? `${fmt.plural(due, "suggestion")} due today` : "Nothing due today. Nice.",
      ),
      suggestionList(items, {
        showPerson: true,
        emptyText: "Open a LinkedIn profile or post to capture it.",
        onChange: () => {},
      }),
    ),
    externalLink(`${session.api.base}/`, "Open the dashboard", { class: "dashboard-link" }),
  );
}

// ---- States without data -------------------------------------------------------------------

function renderNotPaired(extra = null) {
  setConnection("off", "Not connected");
  show(
    "not-paired",
    extra,
    notice(
      "warn",
      "Connect Top of Mind",
      'Start Top of Mind ("topofmind serve"), click "Show a pairing code" on its Settings page, and type the code in this extension\'s settings.',
      button("Open settings", openSettings, { class: "primary" }),
    ),
  );
}

/** @param {string} [queued] what happens to a capture that could not be sent */
function renderWrongToken(queued = "") {
  setConnection("bad", "Token refused");
  return show(
    "wrong-token",
    notice(
      "bad",
      "Top of Mind refused the token",
      `${queued}Pair again with a code from the dashboard's Settings page, or paste the token from "topofmind token".`,
      button("Open settings", openSettings, { class: "primary" }),
    ),
  );
}

function renderApiError(error) {
  if (error.kind === "unauthorized") return renderWrongToken();
  if (error.kind === "offline") {
    setConnection("off", "Offline");
    return show(
      "server-down",
      notice(
        "warn",
        "Top of Mind is not running",
        `Nothing answered at ${session.api.base}. Start it with "topofmind serve".`,
        button("Try again", () => main(), { class: "primary" }),
      ),
    );
  }
  setConnection("bad", "Error");
  return show("error", notice("bad", "Something went wrong", error.message ?? String(error)));
}

function renderQueued(outcome) {
  const title = outcome.snapshot?.title?.replace(/\s*\|\s*LinkedIn\s*$/, "") || null;
  if (outcome.reason === "not_paired") {
    return renderNotPaired(
      notice(
        "good",
        "Saved offline",
        "This page is saved and will sync once the extension is connected.",
      ),
    );
  }
  if (outcome.reason === "unauthorized") {
    return renderWrongToken("This capture is saved offline and will sync once you pair again. ");
  }
  setConnection("off", "Offline");
  return show(
    "queued",
    notice(
      "warn",
      "Saved offline — will sync when Top of Mind is running.",
      `${title ? `“${title}” is safe in the extension. ` : ""}Start it with "topofmind serve".`,
      button(
        "Sync now",
        async () => {
          const result = await syncNow();
          if (!result.error && result.remaining === 0) await main();
        },
        { class: "primary" },
      ),
    ),
  );
}

function renderCaptureError(outcome) {
  setConnection(
    outcome.reason === "unreadable" ? "ok" : "bad",
    outcome.reason === "unreadable" ? "Connected" : "Error",
  );
  const fields = outcome.fields
    ? Object.entries(outcome.fields).map(([field, messages]) =>
        h("li", {}, `${field}: ${[].concat(messages).join(" ")}`),
      )
    : [];
  show(
    "capture-error",
    notice(
      "bad",
      outcome.reason === "unreadable"
        ? "Could not read this page"
        : "Top of Mind could not take this page",
      outcome.message,
    ),
    fields.length ? h("ul", { class: "field-errors" }, fields) : null,
  );
}

function warningsNotice(list) {
  const warnings = Array.isArray(list) ? list : [];
  if (!warnings.length) return [];
  return [
    h(
      "details",
      { class: "notice notice-warn warnings" },
      h("summary", {}, `Read with ${fmt.plural(warnings.length, "warning")}`),
      h(
        "ul",
        {},
        warnings.map((w) => h("li", {}, String(w))),
      ),
    ),
  ];
}

async function renderSent(outcome, url) {
  setConnection("ok", "Connected");
  const response = outcome.response ?? {};
  const extracted = response.extracted ?? {};
  const kind = response.kind ?? extracted.kind ?? pageKind(url);
  const extras = warningsNotice(response.warnings ?? extracted.warnings);
  if (response.status === "empty") {
    return show(
      "empty-page",
      notice(
        "warn",
        "Couldn't read this page",
        "It is saved, and Top of Mind will read it again when its parser improves.",
      ),
      ...extras,
    );
  }
  if (kind === "job") {
    if (session.userActed) return;
    return renderPosting(response, extras);
  }
  if (kind === "job_search") {
    if (session.userActed) return;
    return renderJobSearch(response, extras);
  }
  if (kind === "profile" && response.person) {
    if (session.userActed) return;
    return renderProfile(response.person, response.suggestions, {
      source: "capture",
      extras,
      added: response.person_added,
    });
  }
  if (POST_PAGES.has(kind) || (response.posts ?? []).length) {
    if (session.userActed) return;
    return renderPosts(response, outcome, extras);
  }
  if (kind === "people" && (extracted.people ?? []).length) {
    if (session.userActed) return;
    return renderPeople(extracted.people, extras);
  }
  if (kind === "unknown") {
    return show(
      "unknown-page",
      notice(
        "warn",
        "Top of Mind doesn't read this kind of LinkedIn page yet",
        "It is saved. Open a person's profile, a job posting, a post, your feed or a search to see suggestions.",
      ),
      ...extras,
    );
  }
  if (response.person) return renderProfile(response.person, null, { source: "capture", extras });
  return show(
    "captured",
    notice("good", "Captured", `Top of Mind read this page as “${kind}”.`),
    ...extras,
  );
}

// ---- Start ---------------------------------------------------------------------------------

// How long a capture may wait for a known person to be drawn first.
const LOOKUP_HEAD_START_MS = 400;

async function captureAndShow(tabId, url) {
  let captureDone = false;
  const lookupUrl = pageKind(url) === "profile" ? profileUrl(url) : null;
  if (lookupUrl && session.settings.token) {
    // A known person is drawn from the database before the capture is sent: parsing a page
    // keeps the server busy for a while, and the popup should not wait behind it.
    const known = (async () => {
      const person = await session.api.lookup(lookupUrl);
      const suggestions = (await session.api.openSuggestions(person.id)).items ?? [];
      if (!captureDone && !session.userActed) {
        setConnection("ok", "Connected");
        renderProfile(person, suggestions, { source: "lookup" });
      }
    })().catch(() => {});
    await Promise.race([known, new Promise((done) => setTimeout(done, LOOKUP_HEAD_START_MS))]);
  }
  const outcome = await ask(MSG.CAPTURE, { tabId });
  captureDone = true;
  if (outcome?.snapshot) view.dataset.captureMs = outcome.snapshot.elapsed_ms.toFixed(1);
  switch (outcome?.status) {
    case "sent":
      return renderSent(outcome, url);
    case "queued":
      return renderQueued(outcome);
    case "not_linkedin":
      return renderToday();
    default:
      return renderCaptureError(
        outcome ?? { reason: "internal", message: "No answer from the extension." },
      );
  }
}

async function main() {
  session.userActed = false;
  // Once the user's hand is on the view (a click, a tap, a key), a late answer — the capture
  // after the quick lookup — must not redraw it under them.
  for (const type of ["pointerdown", "keydown"]) {
    view.addEventListener(
      type,
      () => {
        session.userActed = true;
      },
      { capture: true },
    );
  }
  session.settings = await getSettings();
  session.api = createClient(session.settings);
  setConnection(
    session.settings.token ? "unknown" : "off",
    session.settings.token ? "" : "Not connected",
  );
  ask(MSG.STATUS).then((status) => status && renderQueueNotices(status.queue));
  const tabId = await targetTabId();
  const tab = tabId === null ? null : await chrome.tabs.get(tabId).catch(() => null);
  if (tab?.url && isLinkedInUrl(tab.url)) await captureAndShow(tabId, tab.url);
  else await renderToday();
}

document.getElementById("open-settings")?.addEventListener("click", openSettings);
main().catch((error) => renderApiError(error));
