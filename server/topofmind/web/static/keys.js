// Keyboard shortcuts for lists (Today's suggestions, Contacts' and Network's rows, the person
// page's suggestions): j / k next and previous, d done, s snooze, / search, ? this list.
// Loaded as a module by base.html; the pages work without it. Keys are ignored while typing.

const LISTS = [".suggestion", "table.people tbody tr"];

function items() {
  for (const selector of LISTS) {
    const found = [...document.querySelectorAll(`main ${selector}`)];
    if (found.length) return found;
  }
  return [];
}

let current = -1;

function select(index) {
  const list = items();
  if (!list.length) return;
  current = Math.max(0, Math.min(index, list.length - 1));
  for (const item of list) item.classList.remove("kb-current");
  const item = list[current];
  item.classList.add("kb-current");
  if (!item.hasAttribute("tabindex")) item.setAttribute("tabindex", "-1");
  item.focus({ preventScroll: true });
  item.scrollIntoView({ block: "nearest" });
}

function currentItem() {
  const list = items();
  const focused = list.findIndex((item) => item.contains(document.activeElement));
  if (focused >= 0) current = focused;
  return current >= 0 ? list[current] : null;
}

function press(selector) {
  const item = currentItem();
  const button = item?.querySelector(selector);
  if (button) button.click();
}

function typing(target) {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

const overlay = /** @type {HTMLDialogElement|null} */ (document.getElementById("shortcuts"));

const ACTIONS = {
  j: () => select(current + 1),
  k: () => select(current < 0 ? 0 : current - 1),
  d: () => press("form[action$='/done'] button"),
  s: () => press("form.snooze button"),
  "/": () => {
    const search = document.querySelector("main input[type='search']");
    if (search) {
      search.focus();
      search.select();
    }
  },
  "?": () => {
    if (overlay && !overlay.open) overlay.showModal();
  },
};

document.addEventListener("keydown", (event) => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (typing(event.target)) return;
  if (event.key === "Enter" && items().includes(/** @type {any} */ (event.target))) {
    // A selected row or card opens its first link; Enter on a button keeps its own meaning.
    const link = /** @type {HTMLElement} */ (event.target).querySelector("a[href]");
    if (link) {
      event.preventDefault();
      link.click();
    }
    return;
  }
  const action = ACTIONS[event.key];
  if (!action) return;
  event.preventDefault();
  action();
});

for (const button of document.querySelectorAll("[data-shortcuts]")) {
  button.hidden = false;
  button.addEventListener("click", () => overlay?.showModal());
}
