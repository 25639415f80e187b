// Progressive enhancement for the dashboard. Every page works without this file; it adds
// clipboard copies, token reveal, auto-submitting filters and the sign-in link's one-click POST.
// The CSP forbids inline scripts, so behaviour hangs off data-* attributes.

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

function submitNow() {
  // The sign-in link's page: the one-time key is spent by a POST, sent as soon as it loads.
  const form = document.querySelector("form[data-submit-now]");
  if (form) form.requestSubmit();
}

setupCopyButtons();
setupReveal();
setupAutosubmit();
submitNow();
