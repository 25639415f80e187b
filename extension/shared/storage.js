// The one owner of chrome.storage. Every other module reads and writes through these accessors,
// so keys, defaults and migrations live in one place.

export const DEFAULT_SERVER = "http://127.0.0.1:8765";

/** Bounds of the offline queue. chrome.storage.local holds 10 MB without the
 * "unlimitedStorage" permission, so queued HTML is stored gzip-compressed and the whole queue is
 * kept under QUEUE_MAX_BYTES of compressed data. */
export const QUEUE_MAX_ITEMS = 200;
export const QUEUE_MAX_BYTES = 8 * 1024 * 1024;
/** From this fill ratio on the popup warns that the oldest captures will be dropped. */
export const QUEUE_WARN_RATIO = 0.8;

const SCHEMA_VERSION = 2;

/**
 * @typedef {{server: string, token: string}} Settings
 * @typedef {{id: string, bytes: number, url: string, server: string, queued_at: string,
 *            attempts: number, last_error: string|null}} QueueEntry
 * @typedef {{failures: number, dropped: number, last_error: string|null,
 *            last_sync_at: string|null, rejected: {url: string, message: string, at: string}[]}}
 *            QueueState
 * @typedef {{at: string, kind: "queued"|"error"|"sent", message: string}} LastOutcome
 * @typedef {{id: string, url: string, html: string, captured_at: string, kind?: string,
 *            views?: {urn: string, dwell_ms: number}[]}} Capture
 */

const DEFAULTS = {
  settings: { server: DEFAULT_SERVER, token: "" },
  queue_index: [],
  queue_state: { failures: 0, dropped: 0, last_error: null, last_sync_at: null, rejected: [] },
  last_outcome: null,
  reminders: { enabled: false, last_notified_on: null, last_check: null },
};

// Ordered: migration i upgrades data from version i to i + 1.
const MIGRATIONS = [
  async () => {
    // 0 -> 1: first version, nothing stored before.
  },
  async () => {
    // 1 -> 2: queued captures name their server; those from before were meant for the server
    // set at the time, which is the one set now.
    const { server } = await getSettings();
    const index = await getQueueIndex();
    await setQueueIndex(index.map((entry) => ({ server, ...entry })));
  },
];

const area = () => chrome.storage.local;

async function get(key) {
  const found = await area().get(key);
  const value = found[key];
  return value === undefined ? structuredClone(DEFAULTS[key]) : value;
}

async function set(key, value) {
  await area().set({ [key]: value });
}

/** Runs pending migrations; safe to call on every worker start. */
export async function migrate() {
  const { schema_version: stored } = await area().get("schema_version");
  const current = Number(stored ?? 0);
  for (let version = current; version < SCHEMA_VERSION; version += 1) {
    await MIGRATIONS[version]();
    await area().set({ schema_version: version + 1 });
  }
}

/** @returns {Promise<Settings>} */
export async function getSettings() {
  return { ...DEFAULTS.settings, ...(await get("settings")) };
}

/** @param {Settings} settings */
export async function setSettings(settings) {
  await set("settings", { server: settings.server, token: settings.token });
}

/** @returns {Promise<QueueEntry[]>} oldest first */
export async function getQueueIndex() {
  return get("queue_index");
}

/** @param {QueueEntry[]} index */
export async function setQueueIndex(index) {
  await set("queue_index", index);
}

const itemKey = (id) => `queued:${id}`;

/** Stores the body of one queued capture (html already compressed). */
export async function putQueuedItem(id, item) {
  await set(itemKey(id), item);
}

/** @returns {Promise<{capture: Omit<Capture, "html">, html_gz: string}|null>} */
export async function getQueuedItem(id) {
  const found = await area().get(itemKey(id));
  return /** @type {any} */ (found[itemKey(id)]) ?? null;
}

export async function removeQueuedItem(id) {
  await area().remove(itemKey(id));
}

/** @returns {Promise<QueueState>} */
export async function getQueueState() {
  return { ...DEFAULTS.queue_state, ...(await get("queue_state")) };
}

/** @param {Partial<QueueState>} changes */
export async function updateQueueState(changes) {
  await set("queue_state", { ...(await getQueueState()), ...changes });
}

/** @returns {Promise<LastOutcome|null>} */
export async function getLastOutcome() {
  return get("last_outcome");
}

/** @param {LastOutcome} outcome */
export async function setLastOutcome(outcome) {
  await set("last_outcome", outcome);
}

/**
 * @typedef {{enabled: boolean, last_notified_on: string|null,
 *            last_check: {at: string, reason: string}|null}} Reminders
 * last_notified_on: the day (YYYY-MM-DD, in the user's time zone) of the last reminder shown;
 * last_check: when the worker last looked and what it decided (due, already_today, too_early…).
 */

/** @returns {Promise<Reminders>} */
export async function getReminders() {
  return { ...DEFAULTS.reminders, ...(await get("reminders")) };
}

/** @param {Partial<Reminders>} changes */
export async function updateReminders(changes) {
  await set("reminders", { ...(await getReminders()), ...changes });
}
