// Options page: the server URL and token, tested on Save (the worker stores and checks them).

import { MSG } from "../shared/messages.js";
import { getReminders, getSettings } from "../shared/storage.js";

const form = /** @type {HTMLFormElement} */ (document.getElementById("settings"));
const server = /** @type {HTMLInputElement} */ (document.getElementById("server"));
const token = /** @type {HTMLInputElement} */ (document.getElementById("token"));
const showToken = /** @type {HTMLInputElement} */ (document.getElementById("show-token"));
const save = /** @type {HTMLButtonElement} */ (document.getElementById("save"));
const result = /** @type {HTMLElement} */ (document.getElementById("result"));
const queue = /** @type {HTMLElement} */ (document.getElementById("queue"));
const sync = /** @type {HTMLButtonElement} */ (document.getElementById("sync"));
const reminders = /** @type {HTMLInputElement} */ (document.getElementById("reminders"));
const remindersResult = /** @type {HTMLElement} */ (document.getElementById("reminders-result"));

function report(state, message) {
  result.dataset.state = state;
  result.textContent = message;
}

async function showQueue() {
  const status = await chrome.runtime.sendMessage({ type: MSG.STATUS });
  const count = status?.queue?.count ?? 0;
  queue.textContent = count
    ? `${count} capture${count === 1 ? "" : "s"} saved offline, waiting for Top of Mind.`
    : "None waiting: everything captured has reached Top of Mind.";
  sync.disabled = count === 0;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  save.disabled = true;
  report("testing", "Testing the connection…");
  try {
    const answer = await chrome.runtime.sendMessage({
      type: MSG.SAVE_SETTINGS,
      server: server.value,
      token: token.value,
    });
    report(answer.state, answer.message);
    if (answer.state !== "invalid_server") server.value = (await getSettings()).server;
  } finally {
    save.disabled = false;
    await showQueue();
  }
});

showToken.addEventListener("change", () => {
  token.type = showToken.checked ? "text" : "password";
});

sync.addEventListener("click", async () => {
  sync.disabled = true;
  const answer = await chrome.runtime.sendMessage({ type: MSG.SYNC });
  report(
    answer.error ? "server_down" : "ok",
    answer.error ? answer.error : `Synced ${answer.sent} capture${answer.sent === 1 ? "" : "s"}.`,
  );
  await showQueue();
});

getSettings().then((settings) => {
  server.value = settings.server;
  token.value = settings.token;
});
showQueue();

reminders.addEventListener("change", async () => {
  const state = await chrome.runtime.sendMessage({
    type: MSG.SET_REMINDERS,
    enabled: reminders.checked,
  });
  reminders.checked = Boolean(state?.enabled);
  remindersResult.dataset.state = "ok";
  remindersResult.textContent = reminders.checked
    ? "On: a reminder at your digest hour when someone is due."
    : "Off: no desktop reminders.";
});

getReminders().then((state) => {
  reminders.checked = state.enabled;
});
