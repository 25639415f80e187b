// Suggestion cards: reason, due window, the draft to edit and send, and the actions (done,
// snooze, dismiss, post).

import { MSG } from "../shared/messages.js";
import { h, replace, safeHref } from "./dom.js";
import * as fmt from "./format.js";
import { ask, button, externalLink, session, toast } from "./ui.js";

const SNOOZE = [
  { hours: 24, label: "1 day" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "1 week" },
];

/** A mailto: link with the edited subject and body (RFC 6068: CRLF line breaks). */
export function mailtoWith(href, subject, body) {
  const address = href.split("?")[0];
  const fields = [];
  if (subject !== null) fields.push(`subject=${encodeURIComponent(subject)}`);
  fields.push(`body=${encodeURIComponent(body.replace(/\r?\n/g, "\r\n"))}`);
  return `${address}?${fields.join("&")}`;
}

function handoffLink(handoff) {
  if (!handoff?.url) return null;
  if (handoff.action === "email") {
    return String(handoff.url).startsWith("mailto:")
      ? h("a", { class: "button small primary", href: handoff.url, dataset: { mailto: "" } }, "Email it")
      : null;
  }
  const label = {
    profile: "Open their LinkedIn profile",
    post: "Open the post",
  }[handoff.action];
  return label ? externalLink(handoff.url, label, { class: "button small" }) : null;
}

/**
 * The draft, editable: subject (email), text, length against the channel's limit, where to send
 * it, copy, and "mark as sent" (the edited text is logged). The guidance sits with it.
 */
function draftEditor(suggestion, draft, finish) {
  const id = `draft-${suggestion.id}`;
  const subject =
    draft.subject !== null && draft.subject !== undefined
      ? /** @type {HTMLInputElement} */ (
          h("input", {
          id: `${id}-subject`,
          class: "draft-subject",
          value: draft.subject,
          dir: "auto",
          "aria-label": "Subject",
          })
        )
      : null;
  const body = /** @type {HTMLTextAreaElement} */ (
    h("textarea", {
      id,
      class: "draft-text",
      rows: String(Math.min(Math.max(draft.body.split("\n").length + 1, 4), 12)),
      dir: "auto",
      "aria-label": `Message${suggestion.person_name ? ` to ${suggestion.person_name}` : ""}`,
    })
  );
  body.value = draft.body;
  const limit = Number(draft.char_limit) || 0;
  const count = limit ? h("p", { class: "draft-count", "aria-live": "polite" }) : null;
  const link = handoffLink(draft.handoff);
  const update = () => {
    if (count) {
      count.textContent = `${body.value.length} of ${limit} characters`;
      count.classList.toggle("over", body.value.length > limit);
    }
    if (link && link.dataset.mailto !== undefined) {
      link.setAttribute(
        "href",
        mailtoWith(link.getAttribute("href"), subject ? subject.value : null, body.value),
      );
    }
  };
  // (A click or key in the view already keeps a late answer from redrawing over an edit:
  // popup.js marks session.userActed.)
  body.addEventListener("input", update);
  subject?.addEventListener("input", update);
  update();
  return h(
    "details",
    { class: "draft" },
    h("summary", {}, `Draft${draft.channel ? ` · ${fmt.humanise(draft.channel)}` : ""}: edit and send`),
    draft.guidance ? h("p", { class: "draft-guidance" }, draft.guidance) : null,
    subject,
    body,
    count,
    (draft.warnings ?? []).length
      ? h(
          "ul",
          { class: "draft-warnings" },
          draft.warnings.map((w) => h("li", {}, typeof w === "string" ? w : w.message)),
        )
      : null,
    draft.handoff?.note ? h("p", { class: "draft-note" }, draft.handoff.note) : null,
    h(
      "div",
      { class: "draft-actions" },
      link,
      button(
        "Copy draft",
        async () => {
          await navigator.clipboard.writeText(body.value);
          toast("Draft copied");
        },
        { class: "small" },
      ),
      button(
        "Mark as sent",
        async () => {
          await session.api.completeSuggestion(suggestion.id, { sent_text: body.value });
          finish("Marked as sent and logged");
        },
        { class: "small primary", "aria-label": `Mark as sent: ${suggestion.reason ?? ""}` },
      ),
    ),
  );
}

export function suggestionCard(suggestion, { showPerson, onChange }) {
  const timing = fmt.dueWindow(suggestion);
  const card = h("li", {
    // Priorities run 0-100; 80 and up (thank-yous, replies owed) get the accent.
    class: `card suggestion${Number(suggestion.priority) >= 80 ? " priority-high" : ""}`,
    dataset: { suggestionId: String(suggestion.id) },
  });
  const finish = (message) => {
    card.remove();
    toast(message);
    ask(MSG.REFRESH_BADGE);
    onChange?.();
  };
  const draft = suggestion.draft?.body ? suggestion.draft : null;
  const postHref = suggestion.post_url ? safeHref(suggestion.post_url) : null;
  const who = showPerson && suggestion.person_name ? suggestion.person_name : null;
  replace(
    card,
    h(
      "div",
      { class: "suggestion-head" },
      h("span", { class: "kind" }, fmt.suggestionKind(suggestion.kind)),
      timing.text ? h("span", { class: `due${timing.late ? " late" : ""}` }, timing.text) : null,
    ),
    who ? h("p", { class: "suggestion-person" }, who) : null,
    h("p", { class: "reason" }, suggestion.reason ?? ""),
    draft ? draftEditor(suggestion, draft, finish) : null,
    h(
      "div",
      { class: "actions" },
      button(
        "Done",
        async () => {
          await session.api.completeSuggestion(suggestion.id);
          finish("Marked done and logged");
        },
        { class: "primary small", "aria-label": `Done: ${suggestion.reason ?? ""}` },
      ),
      h(
        "details",
        { class: "menu" },
        h("summary", { class: "button small", "aria-label": "Snooze" }, "Snooze"),
        h(
          "div",
          { class: "menu-items" },
          SNOOZE.map((option) =>
            button(
              option.label,
              async () => {
                await session.api.snoozeSuggestion(suggestion.id, option.hours);
                finish(`Snoozed for ${option.label}`);
              },
              { class: "small", "aria-label": `Snooze ${option.label}` },
            ),
          ),
        ),
      ),
      button(
        "Dismiss",
        async () => {
          await session.api.dismissSuggestion(suggestion.id);
          finish("Dismissed");
        },
        { class: "small quiet" },
      ),
      postHref && draft?.handoff?.action !== "post"
        ? externalLink(postHref, "Open the post", { class: "button small quiet" })
        : null,
    ),
  );
  return card;
}

export function suggestionList(suggestions, options) {
  if (!suggestions.length) {
    return h("p", { class: "empty" }, options.emptyText ?? "Nothing to do for now.");
  }
  return h(
    "ol",
    { class: "suggestions", "aria-label": "Suggestions" },
    suggestions.map((s) => suggestionCard(s, options)),
  );
}
