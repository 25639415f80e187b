// The service worker: stateless. Every listener is registered synchronously here; state lives in
// chrome.storage (shared/storage.js); timers are chrome.alarms, created only if absent.

import { EXTERNAL_MSG, MSG } from "../shared/messages.js";
import { getLastOutcome, getSettings, migrate } from "../shared/storage.js";
import { refreshBadge } from "./badge.js";
import { SYNC_ALARM, captureTab, syncQueue } from "./captures.js";
import { saveTypedSettings } from "./pairing.js";
import { clearNotices, summary } from "./queue.js";
import {
  REMINDER_ALARM,
  openToday,
  remindIfDue,
  scheduleReminders,
  setReminders,
} from "./reminders.js";

const BADGE_ALARM = "refresh-badge";
const BADGE_PERIOD_MINUTES = 15;

const ready = migrate();

async function status() {
  const settings = await getSettings();
  return {
    paired: Boolean(settings.token),
    server: settings.server,
    queue: await summary(),
    last_outcome: await getLastOutcome(),
  };
}

async function afterPairing(result) {
  if (result.ok) {
    await refreshBadge();
    await syncQueue();
  }
  return result;
}

/** Messages from the extension's own pages. */
const HANDLERS = {
  [MSG.CAPTURE]: (message) => captureTab(Number(message.tabId)),
  [MSG.STATUS]: () => status(),
  [MSG.SYNC]: () => syncQueue(),
  [MSG.CLEAR_NOTICES]: () => clearNotices(),
  [MSG.REFRESH_BADGE]: () => refreshBadge(),
  [MSG.SAVE_SETTINGS]: (message) =>
    saveTypedSettings(message.server, message.token).then(afterPairing),
  [MSG.SET_REMINDERS]: (message) => setReminders(message.enabled === true),
};

/** Messages from web pages (externally_connectable: 127.0.0.1 and localhost). Only the paired
 * server's own dashboard is answered, and only with "ping": nothing a page sends changes the
 * pairing, the token or the queue (issue 15). */
const EXTERNAL_HANDLERS = {
  [EXTERNAL_MSG.PING]: async () => ({
    installed: true,
    version: chrome.runtime.getManifest().version,
    paired: true,
  }),
};

/** True when `sender` is a page of the server the extension is paired with. */
async function fromPairedServer(sender) {
  const settings = await getSettings();
  if (!settings.token) return false;
  let origin;
  try {
    origin = new URL(sender.origin ?? sender.url ?? "").origin;
  } catch {
    return false;
  }
  return origin === settings.server;
}

/** Looks the message up in `table`; unknown types get no answer. */
function dispatch(table, message, sender, sendResponse) {
  const type = message && typeof message === "object" ? message.type : undefined;
  if (typeof type !== "string" || !Object.hasOwn(table, type)) return false;
  ready
    .then(() => table[type](message, sender))
    .then(sendResponse, (error) =>
      sendResponse({ ok: false, state: "internal", message: String(error?.message ?? error) }),
    );
  return true;
}

async function ensureBadgeAlarm() {
  if (!(await chrome.alarms.get(BADGE_ALARM))) {
    await chrome.alarms.create(BADGE_ALARM, { periodInMinutes: BADGE_PERIOD_MINUTES });
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false;
  return dispatch(HANDLERS, message, sender, sendResponse);
});

chrome.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {
  // Every page gets the same empty answer to everything, unless it is the paired server's own
  // page asking something this table knows (decided after reading storage: keep the channel).
  fromPairedServer(sender).then(
    (allowed) => {
      if (!allowed || !dispatch(EXTERNAL_HANDLERS, message, sender, sendResponse)) sendResponse();
    },
    () => sendResponse(),
  );
  return true;
});

chrome.alarms.onAlarm.addListener(async (alarm) => {
  await ready;
  if (alarm.name === BADGE_ALARM) {
    await refreshBadge();
    await syncQueue();
  } else if (alarm.name === SYNC_ALARM) {
    await syncQueue();
  } else if (alarm.name === REMINDER_ALARM) {
    await remindIfDue();
  }
});

chrome.notifications.onClicked.addListener((notificationId) => {
  ready.then(() => openToday(notificationId));
});

chrome.commands.onCommand.addListener(async (command) => {
  if (command !== "capture-tab") return;
  await ready;
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id !== undefined) await captureTab(tab.id);
});

chrome.runtime.onInstalled.addListener(async () => {
  await ready;
  await ensureBadgeAlarm();
  await scheduleReminders();
  await refreshBadge();
});

chrome.runtime.onStartup.addListener(async () => {
  await ready;
  await ensureBadgeAlarm();
  await scheduleReminders();
  await refreshBadge();
  await syncQueue();
});
