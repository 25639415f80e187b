// Job pages: the role saved to the pipeline, its hiring team and each member's next step (from
// the suggestions engine); job searches: the results, each savable with one click.

import { h, replace } from "./dom.js";
import * as fmt from "./format.js";
import { suggestionList } from "./cards.js";
import { button, externalLink, markAnswered, notice, session, show, toast, view } from "./ui.js";

const ROLES = { hiring_manager: "Hiring manager", recruiter: "Recruiter" };

function roleLabel(member) {
  const role = ROLES[member.role] ?? fmt.humanise(member.role);
  return member.job_poster ? `${role} · posted this job` : role;
}

/** "Hybrid · Contract · 1 day ago · 41 applicants" from what the page showed. */
function factsLine(posting, job) {
  return [
    posting.workplace_type,
    posting.employment_type,
    job?.posted_relative,
    job?.applicants ? fmt.plural(job.applicants, "applicant") : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

function memberCard(member) {
  const person = member.person ?? {};
  const degree = fmt.degree(person.degree);
  const mutual = fmt.mutuals(person.mutual_count, person.mutual_names);
  // What would make a next step possible when the engine has none yet: their mutual
  // connections show on their profile, and an introduction needs one of them.
  const empty =
    person.degree === 1
      ? "No next step due: you are connected, and nothing is pending."
      : "No next step yet. Open their profile and capture it: the mutual connections shown there can make a warm introduction.";
  return h(
    "li",
    { class: "card member", dataset: { personId: String(person.id ?? "") } },
    h(
      "div",
      { class: "member-head" },
      h("span", { class: "author", dir: "auto" }, person.name ?? "Unknown name"),
      degree ? h("span", { class: "degree", title: "Connection degree" }, degree) : null,
    ),
    h("p", { class: "member-role" }, roleLabel(member)),
    person.headline ? h("p", { class: "post-text" }, person.headline) : null,
    h(
      "p",
      { class: mutual ? "mutual" : "mutual muted" },
      mutual ?? "No mutual connections known yet",
    ),
    h(
      "div",
      { class: "member-next" },
      h("p", { class: "next-title" }, "Next step"),
      suggestionList(member.suggestions ?? [], {
        showPerson: false,
        emptyText: empty,
        onChange: () => {},
      }),
    ),
    h(
      "div",
      { class: "links" },
      externalLink(person.profile_url, "Open their profile"),
      externalLink(
        `${session.api.base}/contacts/${encodeURIComponent(person.id)}`,
        "Open in Top of Mind",
      ),
    ),
  );
}

function savedNotice(response, onUndo) {
  const posting = response.posting;
  if (response.saved === "created") {
    return notice(
      "good",
      "Saved to your pipeline",
      `${posting.title} at ${posting.company} · ${fmt.humanise(posting.stage)}`,
      button("Undo", onUndo, { class: "small", "aria-label": "Undo: remove from your pipeline" }),
    );
  }
  return notice(
    "good",
    "Already in your pipeline",
    `Stage: ${fmt.humanise(posting.stage)}. Updated from this posting.`,
  );
}

function jobHeader(posting, job, { inPipeline }) {
  const facts = factsLine(posting, job);
  return h(
    "section",
    { class: "job", "aria-label": "Job posting" },
    h("h1", { class: "person-name" }, posting.title),
    h("p", { class: "headline" }, [posting.company, posting.location].filter(Boolean).join(" · ")),
    facts ? h("p", { class: "work" }, facts) : null,
    h(
      "div",
      { class: "links" },
      externalLink(posting.job_url, "Open the posting"),
      inPipeline
        ? externalLink(
            `${session.api.base}/pipeline#opportunity-${encodeURIComponent(posting.id)}`,
            "Open in your pipeline",
          )
        : null,
    ),
  );
}

/**
 * The posting of a job page, as the capture saved it.
 * @param {object} response the capture's answer (posting, saved, extracted, capture_id)
 * @param {HTMLElement[]} extras notices to show first
 */
export function renderPosting(response, extras = []) {
  const posting = response.posting;
  const job = response.extracted?.job ?? null;
  markAnswered();
  if (!posting) {
    return show(
      "posting-unsaved",
      ...extras,
      notice(
        "warn",
        "This posting was not saved",
        "Top of Mind could not find its title and company. Wait for the page to finish loading, then open Top of Mind again.",
      ),
    );
  }
  const saveAgain = async () => {
    const saved = await session.api.saveJob(response.capture_id, posting.linkedin_job_id);
    renderPosting({ ...response, posting: saved, saved: "created" }, extras);
  };
  const undo = async () => {
    await session.api.undoSavedJob(response.capture_id, posting.linkedin_job_id);
    show(
      "posting-removed",
      ...extras,
      notice(
        "warn",
        "Removed from your pipeline",
        "The people saved only for this role were removed too.",
        button("Save again", saveAgain, { class: "small primary" }),
      ),
      jobHeader(posting, job, { inPipeline: false }),
    );
  };
  const team = posting.hiring_team ?? [];
  show(
    "posting",
    ...extras,
    h("div", { class: "posting-status" }, savedNotice(response, undo)),
    jobHeader(posting, job, { inPipeline: true }),
    h(
      "section",
      { class: "block", "aria-labelledby": "team-title" },
      h("h2", { id: "team-title" }, "Hiring team"),
      team.length
        ? h("ol", { class: "members" }, team.map(memberCard))
        : h(
            "p",
            { class: "empty" },
            "LinkedIn shows no hiring team on this posting. Find the hiring manager on the company's People page and capture their profile: a warm introduction beats a cold application.",
          ),
    ),
  );
  view.dataset.opportunityId = String(posting.id);
}

function resultItem(result, captureId) {
  const item = h("li", { class: "card job-result", dataset: { jobId: result.job_id } });
  const where = [result.company, result.location].filter(Boolean).join(" · ");
  const draw = (state) => {
    let action;
    if (state === "saved-here") {
      action = h(
        "span",
        { class: "result-action" },
        h("span", { class: "pill tone-good" }, "Saved"),
        button(
          "Undo",
          async () => {
            await session.api.undoSavedJob(captureId, result.job_id);
            toast("Removed from your pipeline");
            draw("open");
          },
          { class: "small quiet", "aria-label": `Undo saving ${result.title}` },
        ),
      );
    } else if (state === "in-pipeline") {
      action = h("span", { class: "pill tone-good" }, "In your pipeline");
    } else {
      action = button(
        "Save",
        async () => {
          await session.api.saveJob(captureId, result.job_id);
          toast(`Saved ${result.title}`);
          draw("saved-here");
        },
        { class: "small primary", "aria-label": `Save ${result.title} to your pipeline` },
      );
    }
    replace(
      item,
      h(
        "div",
        { class: "post-head" },
        externalLink(result.url, result.title, { class: "author result-title" }),
        action,
      ),
      where ? h("p", { class: "post-text" }, where) : null,
      result.posted_relative ? h("p", { class: "muted-time" }, result.posted_relative) : null,
    );
  };
  draw(result.opportunity_id ? "in-pipeline" : "open");
  return item;
}

/**
 * The results of a job search, each savable with one click.
 * @param {object} response the capture's answer (results, capture_id)
 * @param {HTMLElement[]} extras notices to show first
 */
export function renderJobSearch(response, extras = []) {
  const results = response.results ?? [];
  const shown = results.filter((result) => result.title);
  const hidden = results.length - shown.length;
  const inPipeline = results.filter((result) => result.opportunity_id).length;
  const summary = [
    fmt.plural(results.length, "result"),
    inPipeline ? `${inPipeline} in your pipeline` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  markAnswered();
  show(
    "job-search",
    ...extras,
    h(
      "section",
      { class: "block", "aria-labelledby": "results-title" },
      h("h1", { id: "results-title", class: "page-title" }, "Jobs on this page"),
      h("p", { class: "summary" }, summary),
      shown.length
        ? h(
            "ol",
            { class: "posts" },
            shown.map((result) => resultItem(result, response.capture_id)),
          )
        : h("p", { class: "empty" }, "No results here yet. Let the list load, then open Top of Mind again."),
      hidden
        ? h(
            "p",
            { class: "empty" },
            `${fmt.plural(hidden, "more result")} LinkedIn has not shown yet: scroll down the list, then open Top of Mind again to save them.`,
          )
        : null,
    ),
  );
}
