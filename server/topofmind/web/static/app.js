// Progressive enhancement for the dashboard. Every page works without this file; it adds
// clipboard copies, token reveal, auto-submitting filters and extension pairing.
// The CSP forbids inline scripts, so behaviour hangs off data-* attributes.

const PAIR_MESSAGE = "pair";

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  // http://127.0.0.1 is a secure context in Chromium, but not everywhere: fall back.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "offscreen";
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
}

function setupCopyButtons() {
  for (const button of document.querySelectorAll("[data-copy]")) {
    button.hidden = false;
    const original = button.textContent;
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copy);
      if (!source) return;
      try {
        await copyText(source.textContent.trim());
        button.textContent = "Copied";
      } catch {
        button.textContent = "Select and copy by hand";
      }
      setTimeout(() => { button.textContent = original; }, 1800);
    });
  }
}

function setupReveal() {
  for (const button of document.querySelectorAll("[data-reveal]")) {
    const secret = document.getElementById(button.dataset.reveal);
    const mask = document.getElementById(button.dataset.mask);
    if (!secret || !mask) continue;
    button.hidden = false;
    button.addEventListener("click", () => {
      const showing = !secret.hidden;
      secret.hidden = showing;
      mask.hidden = !showing;
      button.textContent = showing ? "Reveal" : "Hide";
      button.setAttribute("aria-expanded", String(!showing));
    });
  }
}

function setupAutosubmit() {
  for (const form of document.querySelectorAll("form[data-autosubmit]")) {
    for (const select of form.querySelectorAll("select")) {
      select.addEventListener("change", () => form.requestSubmit());
    }
    // With JS the select submits on change, so a separate button would only add noise.
    for (const button of form.querySelectorAll("[data-js-hide]")) button.hidden = true;
  }
}

function setupPairing() {
  const button = document.getElementById("pair-button");
  const status = document.getElementById("pair-status");
  if (!button || !status) return;
  const runtime = window.chrome && window.chrome.runtime;
  if (!runtime || typeof runtime.sendMessage !== "function") return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const token = document.getElementById(button.dataset.tokenSource)?.textContent.trim();
    status.textContent = "Pairing…";
    try {
      runtime.sendMessage(
        button.dataset.extensionId,
        { type: PAIR_MESSAGE, server: location.origin, token },
        (reply) => {
          if (runtime.lastError || !reply) {
            status.textContent = "The extension did not answer. Is it installed and enabled? " +
              "You can also paste the server address and token on its options page.";
          } else if (reply.ok === false) {
            status.textContent = reply.message || "The extension could not pair; see its options page.";
          } else {
            status.textContent = `Paired. ${reply.message || "The extension can now save what you capture."}`;
          }
        },
      );
    } catch {
      status.textContent = "The extension is not reachable from this page; use its options page.";
    }
  });
}

setupCopyButtons();
setupReveal();
setupAutosubmit();
setupPairing();
