"""The per-class-value memos of the job page scan and the Ember card class index
(docs/parser.md, "Speed"): a memo hit files an element exactly as a first sighting does, and
the card index's module-level memo stays bounded whatever class values pages bring."""

from __future__ import annotations

from lxml import etree

from topofmind.linkedin import posts
from topofmind.linkedin.jobs import scan


def _tree(html: str):
    return etree.fromstring(html, etree.HTMLParser(encoding="utf-8"))


def test_scan_files_every_element_sharing_a_class_value():
    doc = _tree(
        "<html><body><main>"
        '<div class="jobs-poster x"><span>a</span></div>'
        '<p class="plain">no anchor</p>'
        '<div class="jobs-poster x"><span>b</span></div>'
        '<div class="jobs-description__content">text</div>'
        '<div class="jobs-poster x" data-sdui-component="hiringTeam">c</div>'
        "</main></body></html>"
    )
    found = scan(doc)
    team_texts = ["".join(el.itertext()) for el in found.team]
    # The third holder is filed by its class and again by its component name, as before.
    assert team_texts == ["a", "b", "c", "c"]
    assert ["".join(el.itertext()) for el in found.descriptions] == ["text"]


def test_class_index_same_buckets_on_a_memo_hit():
    card = _tree(
        "<html><body><div>"
        '<div class="update-components-actor update-components-actor__container"><a>A</a></div>'
        '<span class="update-components-text feed-shared-text">words</span>'
        '<span class="unrelated">x</span>'
        "</div></body></html>"
    )
    first = posts._class_index(card, posts._ARTDECO_CLASSES)
    second = posts._class_index(card, posts._ARTDECO_CLASSES)
    assert first == second
    assert [el.tag for el in first["actor"]] == ["div"]
    assert [el.tag for el in first["update-components-text"]] == ["span"]
    assert [el.tag for el in first["feed-shared-text"]] == ["span"]
    assert first["update-components-actor__container"] == first["actor"]


def test_class_index_memo_is_bounded():
    names = ("feed-shared-text",)
    body = "".join(
        f'<span class="feed-shared-text v{i}">t</span>' for i in range(posts._MAX_FILINGS + 50)
    )
    card = _tree(f"<html><body><div>{body}</div></body></html>")
    found = posts._class_index(card, names)
    assert len(found["feed-shared-text"]) == posts._MAX_FILINGS + 50
    # The next card starts a fresh memo once the bound is passed.
    posts._class_index(_tree("<html><body><p class='feed-shared-text'>t</p></body></html>"), names)
    assert len(posts._FILINGS[names]) <= posts._MAX_FILINGS + 1
