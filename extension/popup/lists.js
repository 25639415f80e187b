// Pages with many posts or people: what was captured, who is tracked, "track this author".

import { isPersonUrl } from "../shared/linkedin.js";
import { h, replace } from "./dom.js";
import * as fmt from "./format.js";
import { suggestionList } from "./cards.js";
import { personHeader } from "./profile.js";
import { button, externalLink, markAnswered, session, show, toast } from "./ui.js";

function postItem(post, viewed) {
  const item = h("li", { class: "card post", dataset: { urn: post.urn ?? "" } });
  const trackButton = () =>
    button(
      "Track",
      async () => {
        const person = await session.api.createContact({
          name: post.author_name,
          profile_url: post.author_url,
        });
        post.tracked = true;
        post.author_person_id = person.id;
        toast(`Tracking ${post.author_name}`);
        replace(item, ...content());
      },
      { class: "small", "aria-label": `Track ${post.author_name ?? "this author"}` },
    );
  const content = () => [
    h(
      "div",
      { class: "post-head" },
      h("span", { class: "author" }, post.author_name ?? "Unknown author"),
      post.tracked
        ? h("span", { class: "pill tone-good" }, "Tracked")
        : isPersonUrl(post.author_url)
          ? trackButton()
          : null,
    ),
    post.text ? h("p", { class: "post-text" }, post.text) : null,
    h(
      "div",
      { class: "post-meta" },
      post.posted_at ? h("span", {}, fmt.relative(post.posted_at)) : null,
      viewed ? h("span", { class: "seen" }, "In view") : null,
      externalLink(post.url, "Open the post", { class: "quiet-link" }),
    ),
  ];
  replace(item, ...content());
  return item;
}

export function renderPosts(response, outcome, extras) {
  const posts = response.posts ?? [];
  const viewed = new Set(outcome.snapshot?.views ?? []);
  const tracked = posts.filter((post) => post.tracked).length;
  const inView = viewed.size;
  const summary = [
    fmt.plural(posts.length, "post") + " captured",
    `${tracked} by tracked people`,
    inView ? `${inView} in view` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  markAnswered();
  show(
    "posts",
    ...extras,
    response.person ? personHeader(response.person) : null,
    h(
      "section",
      { class: "block", "aria-labelledby": "posts-title" },
      h("h2", { id: "posts-title" }, "Posts on this page"),
      h("p", { class: "summary" }, summary),
      posts.length
        ? h(
            "ol",
            { class: "posts" },
            posts.map((post) => postItem(post, viewed.has(post.urn))),
          )
        : h(
            "p",
            { class: "empty" },
            "No posts found on this page yet. Scroll to load some, then open Top of Mind again.",
          ),
    ),
    response.suggestions?.length
      ? h(
          "section",
          { class: "block", "aria-labelledby": "new-title" },
          h("h2", { id: "new-title" }, "New suggestions"),
          suggestionList(response.suggestions, { showPerson: true, onChange: () => {} }),
        )
      : null,
  );
}

export function renderPeople(people, extras) {
  markAnswered();
  show(
    "people",
    ...extras,
    h(
      "section",
      { class: "block", "aria-labelledby": "people-title" },
      h("h2", { id: "people-title" }, "People on this page"),
      h("p", { class: "summary" }, `${fmt.plural(people.length, "person", "people")} captured`),
      h(
        "ol",
        { class: "posts" },
        people.map((person) => {
          const item = h("li", { class: "card person-item" });
          const track = isPersonUrl(person.profile_url)
            ? button(
                "Track",
                async () => {
                  await session.api.createContact({
                    name: person.name,
                    profile_url: person.profile_url,
                    ...(person.headline ? { headline: person.headline } : {}),
                  });
                  toast(`Tracking ${fmt.isolate(person.name)}`);
                  track.replaceWith(h("span", { class: "pill tone-good" }, "Tracked"));
                },
                { class: "small", "aria-label": `Track ${person.name ?? "this person"}` },
              )
            : null;
          replace(
            item,
            h("div", { class: "post-head" }, h("span", { class: "author", dir: "auto" }, person.name), track),
            person.headline ? h("p", { class: "post-text" }, person.headline) : null,
          );
          return item;
        }),
      ),
    ),
  );
}
