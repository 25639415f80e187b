// What every popup view shares: the page's fixed elements, the API client, and small widgets.

import { h, replace, safeHref } from "./dom.js";

export const view = /** @type {HTMLElement} */ (document.getElementById("view"));
export const notices = /** @type {HTMLElement} */ (document.getElementById("notices"));
const connection = /** @type {HTMLElement} */ (document.getElementById("connection"));
const toastBox = /** @type {HTMLElement} */ (document.getElementById("toast"));

/**
 * The popup's state for this opening.
 * userActed: once the user clicked something, a late answer must not redraw the view under
 * their hand.
 * @type {{api: ReturnType<typeof import("../shared/api.js").createClient>|null,
 *         settings: {server: string, token: string}|null, userActed: boolean}}
 */
export const session = { api: null, settings: null, userActed: false };

/** Sends a message to the worker. */
export const ask = (type, fields = {}) => chrome.runtime.sendMessage({ type, ...fields });

let toastTimer = 0;
let answered = false;

export function openSettings() {
  chrome.runtime.openOptionsPage();
}

export function setConnection(state, text) {
  connection.dataset.state = state;
  connection.textContent = text;
}

export function show(state, ...children) {
  view.dataset.state = state;
  view.setAttribute("aria-busy", "false");
  replace(view, ...children);
}

export function toast(text, tone = "good") {
  toastBox.textContent = text;
  toastBox.dataset.tone = tone;
  toastBox.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    toastBox.hidden = true;
  }, 2500);
}

export function notice(tone, title, body, ...actions) {
  return h(
    "section",
    { class: `notice notice-${tone}`, role: tone === "bad" ? "alert" : "status" },
    h("p", { class: "notice-title" }, title),
    body ? h("p", { class: "notice-body" }, body) : null,
    actions.length ? h("div", { class: "notice-actions" }, actions) : null,
  );
}

export function button(label, onclick, props = {}) {
  return h(
    "button",
    {
      type: "button",
      ...props,
      onclick: async (event) => {
        session.userActed = true;
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

export function externalLink(href, label, props = {}) {
  const safe = safeHref(href);
  if (!safe) return null;
  return h("a", { href: safe, target: "_blank", rel: "noopener noreferrer", ...props }, label);
}

export function markAnswered() {
  // The popup has answered the click: person and suggestions are on screen (bench_popup.py).
  if (answered) return;
  answered = true;
  performance.mark("topofmind:answer");
}
