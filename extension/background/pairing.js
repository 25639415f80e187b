// Connecting the extension to a Top of Mind server: from the options page (typed by the user) or
// from the dashboard's settings page (one click, externally_connectable).

import { createClient, normaliseServer } from "../shared/api.js";
import { setSettings } from "../shared/storage.js";

/**
 * @typedef {{ok: boolean, state: "ok"|"wrong_token"|"server_down"|"not_topofmind"|"invalid_server"
 *            |"missing_token"|"origin_mismatch", message: string, version?: string,
 *            due_today_count?: number}} PairResult
 */

/**
 * Checks that `server` is Top of Mind (GET /api/health) and that `token` opens it
 * (GET /api/digest). Never throws.
 * @returns {Promise<PairResult>}
 */
export async function testConnection(server, token) {
  const client = createClient({ server, token });
  let health;
  try {
    health = await client.health();
  } catch (error) {
    if (error.kind === "offline") {
      return {
        ok: false,
        state: "server_down",
        message: `Top of Mind is not answering at ${server}. Start it with "topofmind serve".`,
      };
    }
    return {
      ok: false,
      state: "not_topofmind",
      message: `${server} answered, but it is not Top of Mind. Check the port "topofmind serve" printed.`,
    };
  }
  if (!token) {
    return {
      ok: false,
      state: "missing_token",
      message:
        'Paste the token printed by "topofmind token", or pair from the dashboard\'s Settings page.',
    };
  }
  try {
    const digest = await client.digest();
    return {
      ok: true,
      state: "ok",
      version: health.version,
      due_today_count: digest?.due_today_count ?? 0,
      message: `Connected to Top of Mind ${health.version ?? ""} at ${server}.`.replace("  ", " "),
    };
  } catch (error) {
    if (error.kind === "unauthorized") {
      return {
        ok: false,
        state: "wrong_token",
        message:
          'Top of Mind refused this token. Copy it again from "topofmind token" or the dashboard\'s Settings page.',
      };
    }
    return { ok: false, state: "server_down", message: error.message };
  }
}

/**
 * Options page: stores what the user typed (even if the server is down right now: it may start
 * later), then tests it.
 * @returns {Promise<PairResult>}
 */
export async function saveTypedSettings(rawServer, token) {
  const server = normaliseServer(rawServer);
  if (!server) {
    return {
      ok: false,
      state: "invalid_server",
      message: "The server URL must be http://127.0.0.1:PORT or http://localhost:PORT.",
    };
  }
  const cleanToken = String(token ?? "").trim();
  await setSettings({ server, token: cleanToken });
  const result = await testConnection(server, cleanToken);
  return result.ok ? result : { ...result, message: `Saved. ${result.message}` };
}

/**
 * Dashboard pairing. Stored only if the message comes from a 127.0.0.1/localhost page, names
 * that same origin as the server, and the token works there: another local page cannot point
 * the extension at a different server.
 * @param {{server?: unknown, token?: unknown}} message
 * @param {chrome.runtime.MessageSender} sender
 * @returns {Promise<PairResult>}
 */
export async function pairFromDashboard(message, sender) {
  const senderOrigin = normaliseServer(sender.origin ?? sender.url ?? "");
  const server = normaliseServer(message.server ?? "");
  if (!senderOrigin || !server || server !== senderOrigin) {
    return {
      ok: false,
      state: "origin_mismatch",
      message: "Pairing must come from the Top of Mind dashboard of the server being paired.",
    };
  }
  const token = typeof message.token === "string" ? message.token.trim() : "";
  const result = await testConnection(server, token);
  if (result.ok) await setSettings({ server, token });
  return result;
}
