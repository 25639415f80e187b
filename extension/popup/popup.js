// The popup. Opening it captures the current LinkedIn tab (through the worker) and shows what
// Top of Mind knows: the person and what to do next, the posts on a feed, or today's list
// anywhere else. Tests and automation pass the tab explicitly: popup.html?tab=<tabId>.

import { createClient } from "../shared/api.js";
import { isLinkedInUrl, isPersonUrl, pageKind, profileUrl } from "../shared/linkedin.js";
import { MSG } from "../shared/messages.js";
import { getSettings } from "../shared/storage.js";
import { h, replace, safeHref } from "./dom.js";
import * as fmt from "./format.js";

const QUICK_LOG = [
  { kind: "comment", label: "Commented" },
  { kind: "reaction", label: "Reacted" },
  { kind: "message", label: "Messaged" },
  { kind: "thank_you", label: "Sent thank-you" },
  { kind: "call", label: "Had a call" },
  { kind: "event", label: "Met at an event" },
];
const TAGS = ["hiring manager", "recruiter", "interviewer", "referrer", "peer"];
const SNOOZE = [
  { hours: 24, label: "1 day" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "1 week" },
];
const POST_PAGES = new Set(["post", "feed", "activity", "search"]);

const view = /** @type {HTMLElement} */ (document.getElementById("view"));
const notices = /** @type {HTMLElement} */ (document.getElementById("notices"));
const connection = /** @type {HTMLElement} */ (document.getElementById("connection"));
const toastBox = /** @type {HTMLElement} */ (document.getElementById("toast"));

/** @type {{server: string, token: string}} */
let settings;
/** @type {ReturnType<typeof createClient>} */
let api;
// Once the user clicked something, a late answer must not redraw the view under their hand.
let userActed = false;

const ask = (type, fields = {}) => chrome.runtime.sendMessage({ type, ...fields });

function openSettings() {
  chrome.runtime.openOptionsPage();
}

function setConnection(state, text) {
  connection.dataset.state = state;
  connection.textContent = text;
}

function show(state, ...children) {
  view.dataset.state = state;
  view.setAttribute("aria-busy", "false");
  replace(view, ...children);
}

let toastTimer = 0;
function toast(text, tone = "good") {
  toastBox.textContent = text;
  toastBox.dataset.tone = tone;
  toastBox.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    toastBox.hidden = true;
  }, 2500);
}

function notice(tone, title, body, ...actions) {
  return h(
    "section",
    { class: `notice notice-${tone}`, role: tone === "bad" ? "alert" : "status" },
    h("p", { class: "notice-title" }, title),
    body ? h("p", { class: "notice-body" }, body) : null,
    actions.length ? h("div", { class: "notice-actions" }, actions) : null,
  );
}

function button(label, onclick, props = {}) {
  return h(
    "button",
    {
      type: "button",
      ...props,
      onclick: async (event) => {
        userActed = true;
        const target = /** @type {HTMLButtonElement} */ (event.currentTarget);
        target.disabled = true;
        try {
          await onclick(event);
        } catch (error) {
          toast(error?.message ?? String(error), "bad");
        } finally {
          if (target.isConnected) target.disabled = false;
        }
      },
    },
    label,
  );
}

function externalLink(href, label, props = {}) {
  const safe = safeHref(href);
  if (!safe) return null;
  return h("a", { href: safe, target: "_blank", rel: "noopener noreferrer", ...props }, label);
}

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

// ---- Suggestions ---------------------------------------------------------------------------

function suggestionCard(suggestion, { showPerson, onChange }) {
  const timing = fmt.dueWindow(suggestion);
  const card = h("li", {
    // Priorities run 0-100; 80 and up (thank-yous, replies owed) get the accent.
    class: `card suggestion${Number(suggestion.priority) >= 80 ? " priority-high" : ""}`,
    dataset: { suggestionId: String(suggestion.id) },
  });
  const finish = (message) => {
    card.remove();
    toast(message);
    ask(MSG.REFRESH_BADGE);
    onChange?.();
  };
  const draft = suggestion.draft?.body ? suggestion.draft : null;
  const postHref = suggestion.post_url ? safeHref(suggestion.post_url) : null;
  const who = showPerson && suggestion.person_name ? suggestion.person_name : null;
  replace(
    card,
    h(
      "div",
      { class: "suggestion-head" },
      h("span", { class: "kind" }, fmt.suggestionKind(suggestion.kind)),
      timing.text
        ? h("span", { class: `due${timing.late ? " late" : ""}` }, timing.text)
        : null,
    ),
    who ? h("p", { class: "suggestion-person" }, who) : null,
    h("p", { class: "reason" }, suggestion.reason ?? ""),
    draft
      ? h(
          "details",
          { class: "draft" },
          h("summary", {}, "Draft"),
          h("p", { class: "draft-body" }, draft.body),
          (draft.warnings ?? []).length
            ? h("ul", { class: "draft-warnings" }, draft.warnings.map((w) => h("li", {}, w)))
            : null,
        )
      : null,
    h(
      "div",
      { class: "actions" },
      button(
        "Done",
        async () => {
          await api.completeSuggestion(suggestion.id);
          finish("Marked done and logged");
        },
        { class: "primary small", "aria-label": `Done: ${suggestion.reason ?? ""}` },
      ),
      h(
        "details",
        { class: "menu" },
        h("summary", { class: "button small", "aria-label": "Snooze" }, "Snooze"),
        h(
          "div",
          { class: "menu-items" },
          SNOOZE.map((option) =>
            button(
              option.label,
              async () => {
                await api.snoozeSuggestion(suggestion.id, option.hours);
                finish(`Snoozed for ${option.label}`);
              },
              { class: "small", "aria-label": `Snooze ${option.label}` },
            ),
          ),
        ),
      ),
      button(
        "Dismiss",
        async () => {
          await api.dismissSuggestion(suggestion.id);
          finish("Dismissed");
        },
        { class: "small quiet" },
      ),
      draft
        ? button(
            "Copy draft",
            async () => {
              await navigator.clipboard.writeText(draft.body);
              toast("Draft copied");
            },
            { class: "small" },
          )
        : null,
      postHref ? externalLink(postHref, "Open the post", { class: "button small quiet" }) : null,
    ),
  );
  return card;
}

function suggestionList(suggestions, options) {
  if (!suggestions.length) {
    return h("p", { class: "empty" }, options.emptyText ?? "Nothing to do for now.");
  }
  return h(
    "ol",
    { class: "suggestions", "aria-label": "Suggestions" },
    suggestions.map((s) => suggestionCard(s, options)),
  );
}

// ---- Profile -------------------------------------------------------------------------------

function personHeader(person) {
  const degree = fmt.degree(person.degree);
  const mutual = fmt.mutuals(person.mutual_count, person.mutual_names);
  const work = [person.title, person.company].filter(Boolean).join(" · ");
  return h(
    "section",
    { class: "person", "aria-label": "Person" },
    h(
      "div",
      { class: "person-name-row" },
      h("h1", { class: "person-name" }, person.name ?? "Unknown name"),
      degree ? h("span", { class: "degree", title: "Connection degree" }, degree) : null,
    ),
    person.headline ? h("p", { class: "headline" }, person.headline) : null,
    work && work !== person.headline ? h("p", { class: "work" }, work) : null,
    mutual ? h("p", { class: "mutual" }, mutual) : null,
    person.do_not_contact
      ? h("p", { class: "dnc" }, "Marked do not contact: no suggestions for this person.")
      : null,
  );
}

function cadenceBlock(person) {
  const cadence = person.cadence ?? {};
  const status = fmt.cadenceStatus(cadence.status);
  const last = cadence.last_outbound_at ? fmt.relative(cadence.last_outbound_at) : "never";
  const touches = Number(cadence.touches_30d ?? 0);
  return h(
    "section",
    { class: "cadence", "aria-label": "Cadence" },
    h("span", { class: `pill tone-${status.tone}`, dataset: { cadence: cadence.status ?? "" } }, status.text),
    h(
      "dl",
      { class: "facts" },
      h("div", {}, h("dt", {}, "Last touch"), h("dd", { "data-fact": "last-touch" }, last)),
      h(
        "div",
        {},
        h("dt", {}, "Touches this month"),
        h("dd", { "data-fact": "touches" }, String(touches)),
      ),
    ),
  );
}

function quickLog(person, onLogged) {
  return h(
    "section",
    { class: "quick-log", "aria-labelledby": "quick-log-title" },
    h("h2", { id: "quick-log-title" }, "I just…"),
    h(
      "div",
      { class: "log-grid" },
      QUICK_LOG.map((entry) =>
        button(
          entry.label,
          async () => {
            await api.logInteraction(person.id, {
              kind: entry.kind,
              direction: "outbound",
              source: "extension",
            });
            toast(`Logged: ${entry.label.toLowerCase()}`);
            await onLogged();
          },
          { class: "log", "aria-label": `Log: ${entry.label}`, dataset: { kind: entry.kind } },
        ),
      ),
    ),
  );
}

function tagEditor(person, onChange) {
  const current = new Set((person.tags ?? []).map((tag) => String(tag)));
  const all = [...TAGS, ...[...current].filter((tag) => !TAGS.includes(tag))];
  return h(
    "section",
    { class: "tags", "aria-labelledby": "tags-title" },
    h("h2", { id: "tags-title" }, "Tags"),
    h(
      "div",
      { class: "chips" },
      all.map((tag) =>
        button(
          tag,
          async () => {
            const next = new Set(current);
            if (next.has(tag)) next.delete(tag);
            else next.add(tag);
            const updated = await api.updateContact(person.id, { tags: [...next] });
            onChange(updated);
          },
          { class: "chip", "aria-pressed": current.has(tag) ? "true" : "false" },
        ),
      ),
    ),
  );
}

async function freshProfile(person) {
  const [found, open] = await Promise.all([
    person.profile_url ? api.lookup(person.profile_url) : { person },
    api.openSuggestions(person.id),
  ]);
  return { person: found.person ?? person, suggestions: open.items ?? [] };
}

function recentTouches(person) {
  const list = h("ol", { class: "touches", "aria-label": "Recent touches" });
  const section = h(
    "section",
    { class: "block", "aria-labelledby": "touches-title" },
    h("h2", { id: "touches-title" }, "Recent touches"),
    list,
  );
  api
    .recentInteractions(person.id)
    .then((page) => {
      const items = page.items ?? [];
      if (!items.length) {
        replace(list, h("li", { class: "empty" }, "None logged yet."));
        return;
      }
      replace(
        list,
        items.map((item) =>
          h(
            "li",
            { dataset: { kind: item.kind } },
            h("span", {}, fmt.interactionKind(item.kind)),
            h("span", { class: "muted-time" }, fmt.relative(item.occurred_at)),
          ),
        ),
      );
    })
    .catch(() => section.remove());
  return section;
}

let answered = false;
function markAnswered() {
  // The popup has answered the click: person and suggestions are on screen (bench_popup.py).
  if (answered) return;
  answered = true;
  performance.mark("topofmind:answer");
}

/**
 * @param {object} person
 * @param {object[]|null} suggestions null: not known yet, fetched here
 */
function renderProfile(person, suggestions, { source, extras = [] }) {
  const redraw = async () => {
    const fresh = await freshProfile(person);
    renderProfile(fresh.person, fresh.suggestions, { source: "refresh", extras });
  };
  const todo = h(
    "section",
    { class: "block", "aria-labelledby": "todo-title" },
    h("h2", { id: "todo-title" }, "Next steps"),
  );
  const fillTodo = (items) => {
    todo.append(
      suggestionList(items, {
        showPerson: false,
        emptyText: "No open suggestions for this person.",
        onChange: () => {},
      }),
    );
    todo.dataset.loaded = "true";
    markAnswered();
  };
  const dashboard = externalLink(
    `${api.base}/contacts/${encodeURIComponent(person.id)}`,
    `Open ${person.name ?? "this person"} in Top of Mind`,
    { class: "dashboard-link" },
  );
  show(
    "profile",
    ...extras,
    personHeader(person),
    cadenceBlock(person),
    todo,
    quickLog(person, redraw),
    recentTouches(person),
    tagEditor(person, (updated) =>
      renderProfile(updated, null, { source: "refresh", extras }),
    ),
    dashboard,
  );
  view.dataset.source = source;
  view.dataset.personId = String(person.id);
  if (suggestions) {
    fillTodo(suggestions);
  } else {
    api
      .openSuggestions(person.id)
      .then((page) => fillTodo(page.items ?? []))
      .catch(() => fillTodo([]));
  }
}

// ---- Post pages ----------------------------------------------------------------------------

function postItem(post, viewed) {
  const item = h("li", { class: "card post", dataset: { urn: post.urn ?? "" } });
  const trackButton = () =>
    button(
      "Track",
      async () => {
        const person = await api.createContact({ name: post.author_name, profile_url: post.author_url });
        post.tracked = true;
        post.author_person_id = person.id;
        toast(`Tracking ${post.author_name}`);
        replace(item, ...content());
      },
      { class: "small", "aria-label": `Track ${post.author_name ?? "this author"}` },
    );
  const content = () => [
    h(
      "div",
      { class: "post-head" },
      h("span", { class: "author" }, post.author_name ?? "Unknown author"),
      post.tracked
        ? h("span", { class: "pill tone-good" }, "Tracked")
        : isPersonUrl(post.author_url)
          ? trackButton()
          : null,
    ),
    post.text ? h("p", { class: "post-text" }, post.text) : null,
    h(
      "div",
      { class: "post-meta" },
      post.posted_at ? h("span", {}, fmt.relative(post.posted_at)) : null,
      viewed ? h("span", { class: "seen" }, "In view") : null,
      externalLink(post.url, "Open the post", { class: "quiet-link" }),
    ),
  ];
  replace(item, ...content());
  return item;
}

function renderPosts(response, outcome, extras) {
  const posts = response.posts ?? [];
  const viewed = new Set(outcome.snapshot?.views ?? []);
  const tracked = posts.filter((post) => post.tracked).length;
  const inView = viewed.size;
  const summary = [
    fmt.plural(posts.length, "post") + " captured",
    `${tracked} by tracked people`,
    inView ? `${inView} in view` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  markAnswered();
  show(
    "posts",
    ...extras,
    response.person ? personHeader(response.person) : null,
    h(
      "section",
      { class: "block", "aria-labelledby": "posts-title" },
      h("h2", { id: "posts-title" }, "Posts on this page"),
      h("p", { class: "summary" }, summary),
      posts.length
        ? h("ol", { class: "posts" }, posts.map((post) => postItem(post, viewed.has(post.urn))))
        : h("p", { class: "empty" }, "No posts found on this page yet. Scroll to load some, then open Top of Mind again."),
    ),
    response.suggestions?.length
      ? h(
          "section",
          { class: "block", "aria-labelledby": "new-title" },
          h("h2", { id: "new-title" }, "New suggestions"),
          suggestionList(response.suggestions, { showPerson: true, onChange: () => {} }),
        )
      : null,
  );
}

// ---- People lists (search results, connections) ---------------------------------------------

function renderPeople(people, extras) {
  markAnswered();
  show(
    "people",
    ...extras,
    h(
      "section",
      { class: "block", "aria-labelledby": "people-title" },
      h("h2", { id: "people-title" }, "People on this page"),
      h("p", { class: "summary" }, `${fmt.plural(people.length, "person", "people")} captured`),
      h(
        "ol",
        { class: "posts" },
        people.map((person) => {
          const item = h("li", { class: "card person-item" });
          const track = isPersonUrl(person.profile_url)
            ? button(
                "Track",
                async () => {
                  await api.createContact({
                    name: person.name,
                    profile_url: person.profile_url,
                    ...(person.headline ? { headline: person.headline } : {}),
                  });
                  toast(`Tracking ${person.name}`);
                  track.replaceWith(h("span", { class: "pill tone-good" }, "Tracked"));
                },
                { class: "small", "aria-label": `Track ${person.name ?? "this person"}` },
              )
            : null;
          replace(
            item,
            h("div", { class: "post-head" }, h("span", { class: "author" }, person.name), track),
            person.headline ? h("p", { class: "post-text" }, person.headline) : null,
          );
          return item;
        }),
      ),
    ),
  );
}

// ---- Today (any other tab) -----------------------------------------------------------------

async function renderToday(extras = []) {
  if (!settings.token) return renderNotPaired();
  let digest;
  try {
    digest = await api.digest();
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
    externalLink(`${api.base}/`, "Open the dashboard", { class: "dashboard-link" }),
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
      'Start Top of Mind ("topofmind serve"), open its Settings page and click "Pair the extension", or paste the token in this extension\'s settings.',
      button("Open settings", openSettings, { class: "primary" }),
    ),
  );
}

function renderApiError(error) {
  if (error.kind === "unauthorized") {
    setConnection("bad", "Token refused");
    return show(
      "wrong-token",
      notice(
        "bad",
        "Top of Mind refused the token",
        'Pair again from the dashboard\'s Settings page, or paste the token from "topofmind token".',
        button("Open settings", openSettings, { class: "primary" }),
      ),
    );
  }
  if (error.kind === "offline") {
    setConnection("off", "Offline");
    return show(
      "server-down",
      notice(
        "warn",
        "Top of Mind is not running",
        `Nothing answered at ${api.base}. Start it with "topofmind serve".`,
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
      notice("good", "Saved offline", "This page is saved and will sync once the extension is connected."),
    );
  }
  if (outcome.reason === "unauthorized") {
    setConnection("bad", "Token refused");
    return show(
      "wrong-token",
      notice(
        "bad",
        "Top of Mind refused the token",
        "This capture is saved offline and will sync after you pair again from the dashboard's Settings page.",
        button("Open settings", openSettings, { class: "primary" }),
      ),
    );
  }
  setConnection("off", "Offline");
  return show(
    "queued",
    notice(
      "warn",
      "Saved offline — will sync when Top of Mind is running.",
      `${title ? `“${title}” is safe in the extension. ` : ""}Start it with "topofmind serve".`,
      button("Sync now", async () => {
        const result = await syncNow();
        if (!result.error && result.remaining === 0) await main();
      }, { class: "primary" }),
    ),
  );
}

function renderCaptureError(outcome) {
  setConnection(outcome.reason === "unreadable" ? "ok" : "bad", outcome.reason === "unreadable" ? "Connected" : "Error");
  const fields = outcome.fields
    ? Object.entries(outcome.fields).map(([field, messages]) =>
        h("li", {}, `${field}: ${[].concat(messages).join(" ")}`),
      )
    : [];
  show(
    "capture-error",
    notice(
      "bad",
      outcome.reason === "unreadable" ? "Could not read this page" : "Top of Mind could not take this page",
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
      h("ul", {}, warnings.map((w) => h("li", {}, String(w)))),
    ),
  ];
}

async function renderSent(outcome, url) {
  setConnection("ok", "Connected");
  const response = outcome.response ?? {};
  const extracted = response.extracted ?? {};
  const kind = response.kind ?? extracted.kind ?? pageKind(url);
  const extras = warningsNotice(response.warnings ?? extracted.warnings);
  if (kind === "profile" && response.person) {
    if (userActed) return;
    // The capture answer carries the person's open suggestions; older servers may not.
    const open = Array.isArray(response.suggestions) ? response.suggestions : null;
    return renderProfile(response.person, open, { source: "capture", extras });
  }
  if (POST_PAGES.has(kind) || (response.posts ?? []).length) {
    if (userActed) return;
    return renderPosts(response, outcome, extras);
  }
  if (kind === "people" && (extracted.people ?? []).length) {
    if (userActed) return;
    return renderPeople(extracted.people, extras);
  }
  if (kind === "unknown") {
    return show(
      "unknown-page",
      notice(
        "warn",
        "Top of Mind doesn't read this kind of LinkedIn page yet",
        "It is saved. Open a person's profile, a post, your feed or a content search to see suggestions.",
      ),
      ...extras,
    );
  }
  if (response.person) return renderProfile(response.person, null, { source: "capture", extras });
  return show("captured", notice("good", "Captured", `Top of Mind read this page as “${kind}”.`), ...extras);
}

// ---- Start ---------------------------------------------------------------------------------

async function captureAndShow(tabId, url) {
  let captureDone = false;
  const lookupUrl = pageKind(url) === "profile" ? profileUrl(url) : null;
  if (lookupUrl && settings.token) {
    // Known person: show them from the database while the page is read and parsed.
    api
      .lookup(lookupUrl)
      .then((data) => {
        if (!captureDone && !userActed && data?.person) {
          setConnection("ok", "Connected");
          renderProfile(data.person, data.suggestions, { source: "lookup" });
        }
      })
      .catch(() => {});
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
      return renderCaptureError(outcome ?? { reason: "internal", message: "No answer from the extension." });
  }
}

async function main() {
  userActed = false;
  settings = await getSettings();
  api = createClient(settings);
  setConnection(settings.token ? "unknown" : "off", settings.token ? "" : "Not connected");
  ask(MSG.STATUS).then((status) => status && renderQueueNotices(status.queue));
  const tabId = await targetTabId();
  const tab = tabId === null ? null : await chrome.tabs.get(tabId).catch(() => null);
  if (tab?.url && isLinkedInUrl(tab.url)) await captureAndShow(tabId, tab.url);
  else await renderToday();
}

document.getElementById("open-settings")?.addEventListener("click", openSettings);
main().catch((error) => renderApiError(error));
