// Connecting the extension to a Top of Mind server: only from the options page, by the user,
// with a one-time pairing code shown on the dashboard (or the token). No web page can change
// where captures go (issue 15, docs/security.md).

import { createClient, normaliseServer } from "../shared/api.js";
import { setSettings } from "../shared/storage.js";

/**
 * @typedef {{ok: boolean, state: "ok"|"wrong_token"|"server_down"|"not_topofmind"|"invalid_server"
 *            |"missing_token"|"wrong_code", message: string, version?: string,
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
        'Type the pairing code shown on the dashboard\'s Settings page, or the token "topofmind token" prints.',
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

/** A pairing code as the dashboard shows it: 8 letters and digits, with or without the dash. */
const PAIRING_CODE = /^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/;

/**
 * Options page, the only way to change the pairing: the user typed the server and either a
 * pairing code from that server's dashboard or the token itself. A code is traded for the token
 * at that server. Stores what was typed (even if the server is down right now: it may start
 * later), then tests it. No web page can reach this (the worker answers it only to the
 * extension's own pages).
 * @returns {Promise<PairResult>}
 */
export async function saveTypedSettings(rawServer, secret) {
  const server = normaliseServer(rawServer);
  if (!server) {
    return {
      ok: false,
      state: "invalid_server",
      message: "The server URL must be http://127.0.0.1:PORT or http://localhost:PORT.",
    };
  }
  let token = String(secret ?? "").trim();
  if (PAIRING_CODE.test(token)) {
    try {
      token = (await createClient({ server, token: "" }).redeemPairingCode(token)).token;
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
        state: "wrong_code",
        message:
          "Top of Mind did not accept this pairing code (each works once, for ten minutes). " +
          "Show a new one on the dashboard's Settings page.",
      };
    }
  }
  await setSettings({ server, token });
  const result = await testConnection(server, token);
  return result.ok ? result : { ...result, message: `Saved. ${result.message}` };
}
