// The profile view: who the person is, cadence, next steps, quick log, touches and tags.

import { h, replace } from "./dom.js";
import * as fmt from "./format.js";
import { suggestionList } from "./cards.js";
import { button, externalLink, markAnswered, session, show, toast, view } from "./ui.js";

const QUICK_LOG = [
  { kind: "comment", label: "Commented" },
  { kind: "reaction", label: "Reacted" },
  { kind: "message", label: "Messaged" },
  { kind: "thank_you", label: "Sent thank-you" },
  { kind: "call", label: "Had a call" },
  { kind: "event", label: "Met at an event" },
];
const TAGS = ["hiring manager", "recruiter", "interviewer", "referrer", "peer"];

export function personHeader(person) {
  const degree = fmt.degree(person.degree);
  const mutual = fmt.mutuals(person.mutual_count, person.mutual_names);
  const work = [person.title, person.company].filter(Boolean).join(" · ");
  return h(
    "section",
    { class: "person", "aria-label": "Person" },
    h(
      "div",
      { class: "person-name-row" },
      h("h1", { class: "person-name", dir: "auto" }, person.name ?? "Unknown name"),
      degree ? h("span", { class: "degree", title: "Connection degree" }, degree) : null,
    ),
    person.headline ? h("p", { class: "headline" }, person.headline) : null,
    work && work !== person.headline ? h("p", { class: "work" }, work) : null,
    mutual ? h("p", { class: "mutual" }, mutual) : null,
    person.do_not_contact
      ? h("p", { class: "dnc" }, "Marked do not contact: no suggestions for this person.")
      : null,
  );
}

function cadenceBlock(person) {
  const cadence = person.cadence ?? {};
  const status = fmt.cadenceStatus(cadence.status);
  // A touch either way counts: an interview or their reply is contact too.
  const latest =
    cadence.last_touch_at ??
    [cadence.last_outbound_at, cadence.last_inbound_at].filter(Boolean).sort().pop();
  const last = latest ? fmt.relative(latest) : "never";
  const touches = Number(cadence.touches_30d ?? 0);
  return h(
    "section",
    { class: "cadence", "aria-label": "Cadence" },
    h(
      "span",
      { class: `pill tone-${status.tone}`, dataset: { cadence: cadence.status ?? "" } },
      status.text,
    ),
    h(
      "dl",
      { class: "facts" },
      h("div", {}, h("dt", {}, "Last touch"), h("dd", { "data-fact": "last-touch" }, last)),
      h(
        "div",
        {},
        h("dt", {}, "Touches this month"),
        h("dd", { "data-fact": "touches" }, String(touches)),
      ),
    ),
  );
}

function quickLog(person, onLogged) {
  return h(
    "section",
    { class: "quick-log", "aria-labelledby": "quick-log-title" },
    h("h2", { id: "quick-log-title" }, "I just…"),
    h(
      "div",
      { class: "log-grid" },
      QUICK_LOG.map((entry) =>
        button(
          entry.label,
          async () => {
            await session.api.logInteraction(person.id, {
              kind: entry.kind,
              direction: "outbound",
              source: "extension",
            });
            toast(`Logged: ${entry.label.toLowerCase()}`);
            await onLogged();
          },
          { class: "log", "aria-label": `Log: ${entry.label}`, dataset: { kind: entry.kind } },
        ),
      ),
    ),
  );
}

function tagEditor(person, onChange) {
  const current = new Set((person.tags ?? []).map((tag) => String(tag)));
  const all = [...TAGS, ...[...current].filter((tag) => !TAGS.includes(tag))];
  return h(
    "section",
    { class: "tags", "aria-labelledby": "tags-title" },
    h("h2", { id: "tags-title" }, "Tags"),
    h(
      "div",
      { class: "chips" },
      all.map((tag) =>
        button(
          tag,
          async () => {
            const next = new Set(current);
            if (next.has(tag)) next.delete(tag);
            else next.add(tag);
            const updated = await session.api.updateContact(person.id, { tags: [...next] });
            onChange(updated);
          },
          { class: "chip", "aria-pressed": current.has(tag) ? "true" : "false" },
        ),
      ),
    ),
  );
}

async function freshProfile(person) {
  const [found, open] = await Promise.all([
    person.profile_url ? session.api.lookup(person.profile_url) : { person },
    session.api.openSuggestions(person.id),
  ]);
  return { person: found.person ?? person, suggestions: open.items ?? [] };
}

function recentTouches(person) {
  const list = h("ol", { class: "touches", "aria-label": "Recent touches" });
  const section = h(
    "section",
    { class: "block", "aria-labelledby": "touches-title" },
    h("h2", { id: "touches-title" }, "Recent touches"),
    list,
  );
  session.api
    .recentInteractions(person.id)
    .then((page) => {
      const items = page.items ?? [];
      if (!items.length) {
        replace(list, h("li", { class: "empty" }, "None logged yet."));
        return;
      }
      replace(
        list,
        items.map((item) =>
          h(
            "li",
            { dataset: { kind: item.kind } },
            h("span", {}, fmt.interactionKind(item.kind)),
            h("span", { class: "muted-time" }, fmt.relative(item.occurred_at)),
          ),
        ),
      );
    })
    .catch(() => section.remove());
  return section;
}

/**
 * @param {object} person
 * @param {object[]|null} suggestions null: not known yet, fetched here
 */
export function renderProfile(person, suggestions, { source, extras = [] }) {
  const redraw = async () => {
    const fresh = await freshProfile(person);
    renderProfile(fresh.person, fresh.suggestions, { source: "refresh", extras });
  };
  const todo = h(
    "section",
    { class: "block", "aria-labelledby": "todo-title" },
    h("h2", { id: "todo-title" }, "Next steps"),
  );
  const fillTodo = (items) => {
    todo.append(
      suggestionList(items, {
        showPerson: false,
        emptyText: "No open suggestions for this person.",
        onChange: () => {},
      }),
    );
    todo.dataset.loaded = "true";
    markAnswered();
  };
  const dashboard = externalLink(
    `${session.api.base}/contacts/${encodeURIComponent(person.id)}`,
    `Open ${person.name ?? "this person"} in Top of Mind`,
    { class: "dashboard-link" },
  );
  show(
    "profile",
    ...extras,
    personHeader(person),
    cadenceBlock(person),
    todo,
    quickLog(person, redraw),
    recentTouches(person),
    tagEditor(person, (updated) => renderProfile(updated, null, { source: "refresh", extras })),
    dashboard,
  );
  view.dataset.source = source;
  view.dataset.personId = String(person.id);
  if (suggestions) {
    fillTodo(suggestions);
  } else {
    session.api
      .openSuggestions(person.id)
      .then((page) => fillTodo(page.items ?? []))
      .catch(() => fillTodo([]));
  }
}
