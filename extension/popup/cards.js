// Suggestion cards: reason, due window and the actions (done, snooze, dismiss, copy draft, post).

import { MSG } from "../shared/messages.js";
import { h, replace, safeHref } from "./dom.js";
import * as fmt from "./format.js";
import { ask, button, externalLink, session, toast } from "./ui.js";

const SNOOZE = [
  { hours: 24, label: "1 day" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "1 week" },
];

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
    draft
      ? h(
          "details",
          { class: "draft" },
          h("summary", {}, "Draft"),
          h("p", { class: "draft-body" }, draft.body),
          (draft.warnings ?? []).length
            ? h(
                "ul",
                { class: "draft-warnings" },
                draft.warnings.map((w) => h("li", {}, w)),
              )
            : null,
        )
      : null,
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
      draft
        ? button(
            "Copy draft",
            async () => {
              await navigator.clipboard.writeText(draft.body);
              toast("Draft copied");
            },
            { class: "small" },
          )
        : null,
      postHref ? externalLink(postHref, "Open the post", { class: "button small quiet" }) : null,
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
