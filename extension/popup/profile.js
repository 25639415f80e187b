// The profile view: who the person is, cadence, next steps, quick log, touches and tags.

import { h, replace } from "./dom.js";
import * as fmt from "./format.js";
import { suggestionList } from "./cards.js";
import {
  button,
  externalLink,
  markAnswered,
  notice,
  session,
  show,
  toast,
  view,
} from "./ui.js";

const QUICK_LOG = [
  { kind: "comment", label: "Commented" },
  { kind: "reaction", label: "Reacted" },
  { kind: "message", label: "Messaged" },
  { kind: "thank_you", label: "Sent thank-you" },
  { kind: "call", label: "Had a call" },
  { kind: "event", label: "Met at an event" },
];
const TAGS = ["hiring manager", "recruiter", "interviewer", "referrer", "peer"];
const ROLES = [
  { role: "hiring_manager", label: "Hiring manager" },
  { role: "recruiter", label: "Recruiter" },
  { role: "interviewer", label: "Interviewer" },
  { role: "referrer", label: "Referrer" },
  { role: "other", label: "Someone else on the team" },
];
const NEW_ROLE = "new";

/** The role a person most likely plays, from their tags, else their headline. */
function likelyRole(person) {
  const tags = (person.tags ?? []).map((tag) => String(tag).toLowerCase());
  for (const { role } of ROLES) if (tags.includes(role.replace("_", " "))) return role;
  const headline = `${person.headline ?? ""} ${person.title ?? ""}`.toLowerCase();
  if (/recruit|talent/.test(headline)) return "recruiter";
  return "hiring_manager";
}

function select(id, label, options, value) {
  const element = /** @type {HTMLSelectElement} */ (
    h(
      "select",
      { id, "aria-label": label },
      options.map((option) => h("option", { value: option.value }, option.label)),
    )
  );
  element.value = value;
  return element;
}

/**
 * The next step when nothing is suggested yet: link the person to a role (an open one, or a new
 * one at their company) so the rules can suggest how to reach them.
 */
function nextStepOffer(person, onLinked) {
  const name = person.name ?? "this person";
  const role = select(
    "link-as",
    "Their part in it",
    ROLES.map(({ role: value, label }) => ({ value, label })),
    likelyRole(person),
  );
  const target = select("link-role", "Role", [{ value: NEW_ROLE, label: "A new role…" }], NEW_ROLE);
  const company = h("input", {
    id: "link-company",
    "aria-label": "Company",
    placeholder: "Company",
    value: person.company ?? "",
  });
  const title = h("input", { id: "link-title", "aria-label": "Role title", placeholder: "Role title" });
  const newFields = h("div", { class: "link-new" }, company, title);
  const roles = new Map();
  target.addEventListener("change", () => {
    newFields.hidden = target.value !== NEW_ROLE;
  });
  session.api
    .openOpportunities()
    .then((page) => {
      const items = page.items ?? [];
      for (const item of items) roles.set(String(item.id), item);
      const options = items.map((item) => ({
        value: String(item.id),
        label: `${item.title} · ${item.company}`,
      }));
      replace(
        target,
        [...options, { value: NEW_ROLE, label: "A new role…" }].map((option) =>
          h("option", { value: option.value }, option.label),
        ),
      );
      const sameCompany = items.find(
        (item) => person.company && item.company.toLowerCase() === person.company.toLowerCase(),
      );
      target.value = sameCompany ? String(sameCompany.id) : (options[0]?.value ?? NEW_ROLE);
      newFields.hidden = target.value !== NEW_ROLE;
    })
    .catch(() => {});
  const link = button(
    "Link and suggest a step",
    async () => {
      const entry = { person_id: person.id, role: role.value };
      let opportunity;
      if (target.value === NEW_ROLE) {
        const fields = {
          company: String(/** @type {HTMLInputElement} */ (company).value).trim(),
          title: String(/** @type {HTMLInputElement} */ (title).value).trim(),
        };
        if (!fields.company || !fields.title) {
          toast("Enter the company and the role's title", "bad");
          return;
        }
        opportunity = await session.api.createOpportunity({
          ...fields,
          stage: "interested",
          people: [entry],
        });
      } else {
        const current = roles.get(target.value);
        const people = (current.people ?? [])
          .filter((p) => p.person_id !== person.id)
          .map((p) => ({ person_id: p.person_id, role: p.role }));
        opportunity = await session.api.updateOpportunity(current.id, {
          people: [...people, entry],
        });
      }
      toast(`Linked to ${opportunity.title} at ${opportunity.company}`);
      await onLinked(opportunity);
    },
    { class: "primary small" },
  );
  return h(
    "div",
    { class: "next-step-offer", dataset: { offer: "link" } },
    h("p", { class: "empty" }, `Nothing to do for ${fmt.isolate(name)} yet.`),
    h(
      "p",
      { class: "hint" },
      "Link them to a role you're pursuing and Top of Mind suggests how to reach them: a connection note, an introduction or a check-in.",
    ),
    h("div", { class: "link-form" }, target, newFields, role, link),
    h("p", { class: "hint" }, "Or tag them below to sort your contacts."),
  );
}

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
    person.profile_url ? session.api.lookup(person.profile_url) : person,
    session.api.openSuggestions(person.id),
  ]);
  return { person: found, suggestions: open.items ?? [] };
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
export function renderProfile(
  person,
  suggestions,
  { source, extras = [], added = null, linkedTo = null },
) {
  const redraw = async () => {
    const fresh = await freshProfile(person);
    renderProfile(fresh.person, fresh.suggestions, { source: "refresh", extras });
  };
  const linked = async (opportunity) => {
    const fresh = await freshProfile(person);
    renderProfile(fresh.person, fresh.suggestions, {
      source: "refresh",
      extras,
      linkedTo: opportunity,
    });
  };
  const todo = h(
    "section",
    { class: "block", "aria-labelledby": "todo-title" },
    h("h2", { id: "todo-title" }, "Next steps"),
  );
  const fillTodo = (items) => {
    if (!items.length && !person.do_not_contact && !linkedTo) {
      todo.append(nextStepOffer(person, linked));
    } else {
      todo.append(
        suggestionList(items, {
          showPerson: false,
          emptyText: linkedTo
            ? `Linked to ${linkedTo.title} at ${linkedTo.company}. No step is due yet: one appears here when it fits.`
            : "Nothing to do for this person now.",
          onChange: () => {},
        }),
      );
    }
    todo.dataset.loaded = "true";
    markAnswered();
  };
  const dashboard = externalLink(
    `${session.api.base}/contacts/${encodeURIComponent(person.id)}`,
    `Open ${person.name ?? "this person"} in Top of Mind`,
    { class: "dashboard-link" },
  );
  // After a capture, say plainly what was saved.
  const saved =
    added === true
      ? notice(
          "good",
          `Saved ${fmt.isolate(person.name ?? "this person")} to your contacts`,
          "Top of Mind keeps their details and suggests when and how to get in touch.",
        )
      : added === false
        ? h("p", { class: "saved-note" }, "In your contacts · details updated from this page")
        : null;
  if (saved) saved.dataset.saved = added ? "added" : "updated";
  show(
    "profile",
    saved,
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
