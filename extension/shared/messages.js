// Every message the worker answers, in one place. Messages are {type, ...fields}.

/** From the popup and the options page (chrome.runtime.sendMessage). */
export const MSG = Object.freeze({
  /** {tabId} -> CaptureOutcome: capture that tab and send it (or queue it). */
  CAPTURE: "capture",
  /** {} -> {paired, server, queue: QueueSummary, last_outcome} */
  STATUS: "status",
  /** {} -> {sent, remaining, error}: try the offline queue now. */
  SYNC: "sync-queue",
  /** {} -> QueueSummary: forget the dropped/refused notices once the user has read them. */
  CLEAR_NOTICES: "clear-notices",
  /** {} -> {count|null}: re-read the digest and set the badge. */
  REFRESH_BADGE: "refresh-badge",
  /** {server, token} -> PairResult: store what the user typed (a pairing code or the token), then
   * test it. Only the extension's own pages can send it. */
  SAVE_SETTINGS: "save-settings",
  /** {enabled} -> Reminders: turn the daily desktop reminder on or off (options page). */
  SET_REMINDERS: "set-reminders",
});

/** From web pages (chrome.runtime.sendMessage(extensionId, ...), externally_connectable).
 * Answered only to the paired server's own pages; any other page gets an empty answer. Pairing
 * is never done by message: the user types a code on the options page. */
export const EXTERNAL_MSG = Object.freeze({
  /** {} -> {installed: true, version, paired: true} (the paired server's pages only) */
  PING: "ping",
});
