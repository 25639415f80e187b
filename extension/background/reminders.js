// The daily reminder: an opt-in desktop notification at the user's digest hour saying how many
// people are due today; clicking it opens Today on the dashboard.
//
// An hourly alarm checks whether the digest hour has come in the user's time zone (the server's
// settings) and no reminder was shown yet that day. Checking each hour, rather than scheduling
// one alarm for a computed instant, keeps the worker stateless and survives sleep, time-zone
// and daylight-saving changes: a computer asleep at 08:00 is reminded when it wakes.

import { createClient } from "../shared/api.js";
import { getReminders, getSettings, updateReminders } from "../shared/storage.js";

export const REMINDER_ALARM = "daily-reminder";
export const REMINDER_NOTIFICATION = "top-of-mind-today";
const CHECK_PERIOD_MINUTES = 60;

/** The day (YYYY-MM-DD) and hour (0-23) of `moment` in `timeZone`. */
export function localDayAndHour(moment, timeZone) {
  let parts;
  try {
    parts = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      hourCycle: "h23",
    }).formatToParts(moment);
  } catch {
    return localDayAndHour(moment, "UTC");
  }
  const value = (type) => parts.find((part) => part.type === type)?.value ?? "";
  return { day: `${value("year")}-${value("month")}-${value("day")}`, hour: Number(value("hour")) };
}

/** Creates the hourly check when reminders are on (only if absent); removes it when off. */
export async function scheduleReminders() {
  const { enabled } = await getReminders();
  const existing = await chrome.alarms.get(REMINDER_ALARM);
  if (enabled && !existing) {
    await chrome.alarms.create(REMINDER_ALARM, {
      delayInMinutes: 1,
      periodInMinutes: CHECK_PERIOD_MINUTES,
    });
  } else if (!enabled && existing) {
    await chrome.alarms.clear(REMINDER_ALARM);
  }
}

/** Turns reminders on or off (from the options page); returns the stored state. */
export async function setReminders(enabled) {
  await updateReminders({ enabled: Boolean(enabled) });
  await scheduleReminders();
  return getReminders();
}

/**
 * Shows today's reminder when it is due: reminders on, paired, the digest hour reached in the
 * user's time zone, none shown yet today, and something due. Never throws.
 * @param {Date} [moment]
 * @returns {Promise<{shown: boolean, reason: string}>}
 */
export async function remindIfDue(moment = new Date()) {
  const outcome = await checkReminder(moment);
  await updateReminders({ last_check: { at: moment.toISOString(), reason: outcome.reason } });
  return outcome;
}

async function checkReminder(moment) {
  const reminders = await getReminders();
  if (!reminders.enabled) return { shown: false, reason: "off" };
  const settings = await getSettings();
  if (!settings.token) return { shown: false, reason: "not_paired" };
  try {
    const client = createClient(settings);
    const server = await client.settings();
    const { day, hour } = localDayAndHour(moment, server.user_time_zone || "UTC");
    if (hour < Number(server.digest_hour ?? 8)) return { shown: false, reason: "too_early" };
    if (reminders.last_notified_on === day) return { shown: false, reason: "already_today" };
    const digest = await client.digest();
    const count = Number(digest?.due_today_count ?? 0);
    await updateReminders({ last_notified_on: day });
    if (count === 0) return { shown: false, reason: "nothing_due" };
    await chrome.notifications.create(REMINDER_NOTIFICATION, {
      type: "basic",
      iconUrl: chrome.runtime.getURL("icons/icon-128.png"),
      title: "Top of Mind",
      message:
        count === 1
          ? "One person to get back to today. Click to open Today."
          : `${count} people to get back to today. Click to open Today.`,
      priority: 1,
    });
    return { shown: true, reason: "due" };
  } catch (error) {
    return { shown: false, reason: error?.kind ?? "internal" };
  }
}

/** Opens Today on the paired dashboard (the notification's click). */
export async function openToday(notificationId) {
  if (notificationId !== REMINDER_NOTIFICATION) return;
  const { server } = await getSettings();
  await chrome.tabs.create({ url: `${server}/` });
  await chrome.notifications.clear(notificationId);
}
