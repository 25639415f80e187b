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
        const text = "value" in source ? source.value : source.textContent;
        await copyText(text.trim());
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

function mailtoWith(href, subject, body) {
  // RFC 6068: percent-encoded fields, line breaks as CRLF.
  const address = href.split("?")[0];
  const fields = [];
  if (subject !== null) fields.push("subject=" + encodeURIComponent(subject));
  fields.push("body=" + encodeURIComponent(body.replace(/\r?\n/g, "\r\n")));
  return address + "?" + fields.join("&");
}

function setupDraftEditors() {
  // An edited draft is what gets sent: the mail link and the character count follow the text.
  for (const editor of document.querySelectorAll("[data-draft-editor]")) {
    const body = editor.querySelector("[data-draft-body]");
    const subject = editor.querySelector("[data-draft-subject]");
    const mail = editor.querySelector("[data-mailto]");
    const count = editor.querySelector("[data-draft-count]");
    if (!body) continue;
    const update = () => {
      if (mail) mail.href = mailtoWith(mail.href, subject ? subject.value : null, body.value);
      if (count && body.dataset.limit) {
        const limit = Number(body.dataset.limit);
        count.textContent = `${body.value.length} of ${limit} characters`;
        count.classList.toggle("over", body.value.length > limit);
      }
    };
    body.addEventListener("input", update);
    if (subject) subject.addEventListener("input", update);
  }
}

setupCopyButtons();
setupDraftEditors();
setupReveal();
setupAutosubmit();
submitNow();
