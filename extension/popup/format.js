// Words and times for the popup.

const TIME = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const WEEKDAY_TIME = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  hour: "numeric",
  minute: "2-digit",
});
const DATE = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });
const DAY_MS = 86_400_000;

function startOfDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** "today 3:00 PM", "tomorrow 9:00 AM", "Thu 5:00 PM" (within a week), "Mar 4". */
export function when(iso, now = new Date()) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const days = Math.round((startOfDay(date) - startOfDay(now)) / DAY_MS);
  if (days === 0) return `today ${TIME.format(date)}`;
  if (days === 1) return `tomorrow ${TIME.format(date)}`;
  if (days === -1) return `yesterday ${TIME.format(date)}`;
  if (Math.abs(days) < 7) return WEEKDAY_TIME.format(date);
  return DATE.format(date);
}

/** "3 days ago", "just now", "in 2 hours". */
export function relative(iso, now = new Date()) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const seconds = (date.getTime() - now.getTime()) / 1000;
  /** @type {[Intl.RelativeTimeFormatUnit, number][]} */
  const units = [
    ["year", 31_536_000],
    ["month", 2_592_000],
    ["week", 604_800],
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

/**
 * The suggestion's window in words, and whether it is late.
 * @returns {{text: string, late: boolean}}
 */
export function dueWindow(suggestion, now = new Date()) {
  const due = suggestion.due_at ? new Date(suggestion.due_at) : null;
  if (suggestion.timing) {
    // The server's one clock: "Send by Tue 9 Dec, 5:00 PM", the same words as the dashboard.
    const by = suggestion.send_by ?? suggestion.window_end;
    return { text: suggestion.timing, late: Boolean(by) && new Date(by) < now };
  }
  const end = suggestion.window_end ? new Date(suggestion.window_end) : null;
  if (end && end < now) {
    return { text: `Overdue since ${when(suggestion.window_end, now)}`, late: true };
  }
  if (due && due <= now) {
    return {
      text: end ? `Due now · until ${when(suggestion.window_end, now)}` : "Due now",
      late: false,
    };
  }
  if (due) {
    return {
      text: `Due ${when(suggestion.due_at, now)}${end ? ` · until ${when(suggestion.window_end, now)}` : ""}`,
      late: false,
    };
  }
  return { text: "", late: false };
}

const SUGGESTION_KINDS = {
  thank_you: "Thank you",
  comment: "Comment while fresh",
  react: "React",
  reaction: "React",
  share: "Share something useful",
  check_in: "Status check-in",
  respond: "Respond",
  intro_request: "Warm introduction",
  ask_intro: "Warm introduction",
  event_follow_up: "Follow up after the event",
  keep_warm: "Keep warm",
  connect: "Connect",
};

export function suggestionKind(kind) {
  return SUGGESTION_KINDS[kind] ?? humanise(kind);
}

const CADENCE = {
  on_track: { text: "On track", tone: "good" },
  due: { text: "Due", tone: "warn" },
  overdue: { text: "Overdue", tone: "bad" },
  too_frequent: { text: "Too frequent", tone: "warn" },
  // "No contact yet" read as "not saved yet" right after a capture.
  no_contact: { text: "Not contacted yet", tone: "neutral" },
};

/** @returns {{text: string, tone: "good"|"warn"|"bad"|"neutral"}} */
export function cadenceStatus(status) {
  const key = String(status ?? "")
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return CADENCE[key] ?? { text: humanise(status) || "No cadence yet", tone: "neutral" };
}

export function degree(value) {
  return { 1: "1st", 2: "2nd", 3: "3rd+" }[value] ?? null;
}

/** "4 mutual connections: Ann Lee, Bo Chan and 2 others" */
export function mutuals(count, names) {
  const named = Array.isArray(names) ? names.filter(Boolean) : [];
  const total = Math.max(Number(count) || 0, named.length);
  if (!total) return null;
  const head = `${total} mutual connection${total === 1 ? "" : "s"}`;
  if (!named.length) return head;
  const others = total - named.length;
  return `${head}: ${named.join(", ")}${others > 0 ? ` and ${others} other${others === 1 ? "" : "s"}` : ""}`;
}

const INTERACTIONS = {
  comment: "Commented",
  reaction: "Reacted",
  share: "Shared",
  message: "Messaged",
  email: "Emailed",
  call: "Had a call",
  thank_you: "Sent thank-you",
  check_in: "Checked in",
  meeting: "Met",
  event: "Met at an event",
  intro_request: "Asked for an intro",
  referral: "Referral",
  document_sent: "Sent a document",
  inbound_reply: "They replied",
  inbound_request: "They asked",
};

export function interactionKind(kind) {
  return INTERACTIONS[kind] ?? humanise(kind);
}

export function humanise(value) {
  const text = String(value ?? "")
    .replace(/_/g, " ")
    .trim();
  return text ? text[0].toUpperCase() + text.slice(1) : "";
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * User text set apart inside one of our sentences (FSI ... PDI): a right-to-left name cannot
 * reorder the words around it. For text nodes only; elements get dir="auto" instead.
 * @param {string|null|undefined} text
 */
export function isolate(text) {
  return `\u2068${text ?? ""}\u2069`;
}
