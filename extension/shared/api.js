// The one client of the local Top of Mind API. The worker and the popup call the server only
// through createClient(); errors come back as ApiError with a kind the UI can act on.

/**
 * @typedef {"offline"|"unauthorized"|"server"|"busy"|"rejected"|"not_found"|"bad_server"} ErrorKind
 * offline: nothing answered; unauthorized: 401 (wrong token); server: 5xx; busy: 408/429;
 * rejected: any other 4xx (the server's message says why); not_found: 404;
 * bad_server: something answered but it is not Top of Mind.
 */

export class ApiError extends Error {
  /**
   * @param {ErrorKind} kind
   * @param {string} message
   * @param {number|null} status
   * @param {Record<string, string[]>|null} fields
   */
  constructor(kind, message, status = null, fields = null) {
    super(message);
    this.name = "ApiError";
    this.kind = kind;
    this.status = status;
    this.fields = fields;
  }

  /** True when sending the same request later may succeed (the capture stays queued). */
  get retryable() {
    return ["offline", "unauthorized", "server", "busy"].includes(this.kind);
  }
}

/** Servers the extension may talk to: what host_permissions cover, nothing else. */
export function normaliseServer(raw) {
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" || !["127.0.0.1", "localhost"].includes(url.hostname)) {
    return null;
  }
  return url.origin;
}

const DEFAULT_TIMEOUT_MS = 10_000;

function kindForStatus(status) {
  if (status === 401) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 408 || status === 429) return "busy";
  if (status >= 500) return "server";
  return "rejected";
}

/**
 * @param {{server: string, token: string}} settings
 */
export function createClient(settings) {
  const base = settings.server.replace(/\/+$/, "");

  /**
   * @param {string} method
   * @param {string} path
   * @param {{body?: unknown, auth?: boolean, timeoutMs?: number}} [options]
   */
  async function call(method, path, { body, auth = true, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (auth) headers.Authorization = `Bearer ${settings.token}`;
    let response;
    try {
      response = await fetch(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        credentials: "omit",
        cache: "no-store",
      });
    } catch {
      throw new ApiError("offline", `Top of Mind is not answering at ${base}.`, null);
    }
    let data = null;
    const text = await response.text();
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        throw new ApiError(
          "bad_server",
          `${base} answered, but not like Top of Mind does.`,
          response.status,
        );
      }
    }
    if (!response.ok) {
      const message =
        (data && typeof data.message === "string" && data.message) || response.statusText;
      throw new ApiError(
        kindForStatus(response.status),
        message,
        response.status,
        data?.errors ?? null,
      );
    }
    return data;
  }

  const enc = encodeURIComponent;

  return {
    base,
    /** @returns {Promise<{status: string, version: string}>} */
    async health() {
      const data = await call("GET", "/api/health", { auth: false, timeoutMs: 5_000 });
      if (!data || data.status !== "ok") {
        throw new ApiError("bad_server", `${base} answered, but not like Top of Mind does.`);
      }
      return data;
    },
    digest: () => call("GET", "/api/digest"),
    settings: () => call("GET", "/api/settings"),
    /** Trades a one-time pairing code (the dashboard's Settings page shows it) for the token. */
    redeemPairingCode: (code) =>
      call("POST", "/api/pairing/redeem", { body: { code }, auth: false, timeoutMs: 10_000 }),
    postCapture: (capture) => call("POST", "/api/captures", { body: capture, timeoutMs: 60_000 }),
    /**
     * The tracked person at this URL (404: not tracked); openSuggestions fetches their suggestions.
     * @returns {Promise<{id: number}>}
     */
    lookup: (profileUrl) => call("GET", `/api/contacts/lookup?url=${enc(profileUrl)}`),
    getContact: (id) => call("GET", `/api/contacts/${enc(id)}`),
    createContact: (fields) => call("POST", "/api/contacts", { body: fields }),
    updateContact: (id, changes) => call("PATCH", `/api/contacts/${enc(id)}`, { body: changes }),
    recentInteractions: (personId) =>
      call("GET", `/api/contacts/${enc(personId)}/interactions?per_page=5`),
    logInteraction: (personId, interaction) =>
      call("POST", `/api/contacts/${enc(personId)}/interactions`, { body: interaction }),
    openSuggestions: (personId) =>
      call("GET", `/api/suggestions?status=open&person_id=${enc(personId)}&per_page=20`),
    /** Done; `sent` may carry `sent_text` (the message as sent) and `sent_at`. */
    completeSuggestion: (id, sent = {}) =>
      call("POST", `/api/suggestions/${enc(id)}/done`, { body: sent }),
    openOpportunities: () => call("GET", "/api/opportunities?stage=open&per_page=50"),
    createOpportunity: (fields) => call("POST", "/api/opportunities", { body: fields }),
    updateOpportunity: (id, changes) =>
      call("PATCH", `/api/opportunities/${enc(id)}`, { body: changes }),
    snoozeSuggestion: (id, hours) =>
      call("POST", `/api/suggestions/${enc(id)}/snooze`, { body: { hours } }),
    dismissSuggestion: (id) => call("POST", `/api/suggestions/${enc(id)}/dismiss`, { body: {} }),
    /** Saves a posting a capture shows (a search result, or a job page again after undo). */
    saveJob: (captureId, jobId) =>
      call("POST", `/api/captures/${enc(captureId)}/saved-jobs`, { body: { job_id: jobId } }),
    /** Undoes what a capture saved for one posting (409 once the role has changed since). */
    undoSavedJob: (captureId, jobId) =>
      call("DELETE", `/api/captures/${enc(captureId)}/saved-jobs/${enc(jobId)}`),
  };
}
