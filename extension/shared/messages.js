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
  /** {server, token} -> PairResult: store settings typed by the user, then test them. */
  SAVE_SETTINGS: "save-settings",
});

/** From the dashboard (chrome.runtime.sendMessage(extensionId, ...), externally_connectable). */
export const EXTERNAL_MSG = Object.freeze({
  /** {server, token} -> PairResult: stored only when the token works against that server. */
  PAIR: "pair",
  /** {} -> {installed: true, version, paired} */
  PING: "ping",
});
