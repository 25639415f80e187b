"""Junk, truncated and hostile input never raises: kind "unknown" (or what was read) + warnings."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.fixtures import LINKEDIN_PAGES as FIXTURE_DIR
from tests.support.fixtures import ground_truth as load_ground_truth
from topofmind.linkedin import ParsedPage, parse_page
from topofmind.linkedin.model import PAGE_KINDS

KINDS = set(PAGE_KINDS)
URLS = [
    None,
    "https://www.linkedin.com/in/jane-doe/",
    "https://www.linkedin.com/feed/",
    "https://www.linkedin.com/search/results/people/?keywords=x",
    "https://www.linkedin.com/in/jane-doe/recent-activity/all/",
    "https://www.linkedin.com/feed/update/urn:li:activity:7336062102878507009/",
    "https://example.com/",
]


def assert_well_formed(page: ParsedPage) -> None:
    out = page.to_dict()
    assert out["kind"] in KINDS
    assert isinstance(out["warnings"], list)
    assert all(isinstance(w, str) for w in out["warnings"])
    if out["kind"] == "unknown":
        assert out["warnings"], "an unknown page always says why"


@pytest.mark.parametrize(
    ("data", "url"),
    [
        (b"", None),
        ("", "https://www.linkedin.com/in/jane/"),
        (b"   \n\t ", "https://www.linkedin.com/feed/"),
        (b"\xef\xbb\xbf", None),
        (b"\xff\xfe\x00\x00garbage\x80\x81", "https://www.linkedin.com/in/jane/"),
        (b"<h1>\xc3(</h1>", "https://www.linkedin.com/in/jane/"),
        ("plain text, not html", None),
        (b"<html><body><h1>Hi</h1></body></html>", "https://example.com/page"),
        (b"<script>while(true){}</script><h1>x</h1>", "https://www.linkedin.com/in/jane/"),
        (b"<div>" * 2_000_000 + b"x", None),
        (b"<section>" * 300_000 + b"<h1>Jane</h1>", "https://www.linkedin.com/in/jane/"),
        (
            b'<div data-urn="urn:li:activity:1">' + b"<span>" * 200_000,
            "https://www.linkedin.com/feed/",
        ),
        (b"<code>{" + b'"a":[' * 100_000 + b"</code>", "https://www.linkedin.com/feed/"),
        (
            b'<script type="application/ld+json">{"@type": [</script>',
            "https://www.linkedin.com/in/x/",
        ),
        (b"\x00" * 1000, "https://www.linkedin.com/feed/"),
    ],
    ids=lambda v: repr(v)[:40] if not isinstance(v, bytes | str) or len(v) < 60 else f"{len(v)}b",
)
def test_hostile_inputs_do_not_raise(data, url):
    assert_well_formed(parse_page(data, url))


def test_empty_and_foreign_pages_are_unknown_with_a_warning():
    assert parse_page(b"", None).kind == "unknown"
    foreign = parse_page(b"<h1>Jane</h1>", "https://example.com/in/jane/")
    assert foreign.kind == "unknown" and "not a LinkedIn URL" in foreign.warnings[0]


@pytest.mark.parametrize(
    ("wrap", "item"),
    [
        (b"<main><ul>%s</ul></main>", b'<li><a href="/in/p%d/">P %d</a></li>'),
        # One flat container, no list markup: each card is found without a subtree search.
        (
            b"<div>%s</div>",
            b'<div><div><span><a href="/in/p%d/">P %d</a></span><p>H</p></div></div>',
        ),
    ],
)
def test_a_list_of_very_many_people_is_bounded(wrap, item):
    page = parse_page(wrap % b"".join(item % (i, i) for i in range(3000)), URLS[3])
    assert page.kind == "people"
    assert len(page.people) == 500
    assert page.people[42].name == "P 42"
    assert page.people[42].profile_url == "https://www.linkedin.com/in/p42/"


@pytest.mark.parametrize("truth", load_ground_truth(), ids=lambda t: t["file"])
@pytest.mark.parametrize("fraction", [0.02, 0.3, 0.7])
def test_truncated_real_pages_do_not_raise(truth, fraction):
    data = (FIXTURE_DIR / truth["file"]).read_bytes()
    assert_well_formed(parse_page(data[: int(len(data) * fraction)], truth["url"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=4000), url=st.sampled_from(URLS))
def test_arbitrary_bytes_never_raise(data, url):
    assert_well_formed(parse_page(data, url))


_TAGS = st.sampled_from(["div", "span", "a", "h1", "h2", "p", "section", "li", "code", "script"])
_ATTRS = st.sampled_from(
    [
        "",
        ' data-urn="urn:li:activity:7336062102878507009"',
        ' class="update-components-actor__container"',
        ' class="update-components-text"',
        ' href="/in/jane-doe/"',
        ' href="https://www.linkedin.com/company/acme/"',
        ' componentkey="update-card-x"',
        ' aria-label="25 reactions"',
        ' id="experience"',
        ' class="t-bold"',
    ]
)
_TEXT = st.sampled_from(["", "Jane Doe", "3h •", "2nd", "1,234 followers", "• You", "{", "…more"])


@st.composite
def linkedinish_html(draw):
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        tag = draw(_TAGS)
        parts.append(f"<{tag}{draw(_ATTRS)}>{draw(_TEXT)}")
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    return "".join(parts)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=linkedinish_html(), url=st.sampled_from(URLS))
def test_linkedin_shaped_junk_never_raises(html, url):
    assert_well_formed(parse_page(html, url))


_REAL_PAGES = [(truth["file"], truth["url"]) for truth in load_ground_truth()]
_JUNK = st.sampled_from(
    [b"", b"<", b"</div>", b"<div>", b"\x00", b"\xff\xfe", b"&quot;", b"<code>{", b'"', b"]]>"]
)


@st.composite
def damaged_real_page(draw):
    """A real labelled page cut short, with slices dropped, doubled or replaced by junk."""
    file, url = draw(st.sampled_from(_REAL_PAGES))
    data = bytearray((FIXTURE_DIR / file).read_bytes())
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(data)))
        end = min(len(data), start + draw(st.integers(0, 5000)))
        action = draw(st.sampled_from(["drop", "double", "junk"]))
        if action == "drop":
            del data[start:end]
        elif action == "double":
            data[start:start] = data[start:end]
        else:
            data[start:end] = draw(_JUNK)
    cut = draw(st.integers(0, len(data)))
    return bytes(data[:cut]), draw(st.sampled_from([url, None]))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=damaged_real_page())
def test_damaged_real_pages_never_raise(page):
    data, url = page
    parsed = parse_page(data, url)
    assert_well_formed(parsed)
    # parse_page turns a crash into a warning; a crash caught is still a crash.
    assert not any(w.startswith("parser error") for w in parsed.warnings), parsed.warnings


_SDUI_PROFILE = (
    b'<html><body><main><section componentkey="com.linkedin.sdui.profile.card.Topcard">'
    b"<h2>Jane Doe</h2><p>Engineer</p></section></main></body></html>"
)


def test_a_parse_leaves_the_garbage_collector_as_it_was():
    import gc

    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            parse_page(_SDUI_PROFILE, "https://www.linkedin.com/in/jane-doe/")
            assert gc.isenabled() is enabled
        finally:
            gc.enable()


def test_no_parsed_tree_outlives_its_parse(monkeypatch):
    """The per-parse memo (linkedin/index.py) holds the tree only while parse_page runs."""
    from topofmind.linkedin import index, profile

    docs = []
    memos = []
    real = index.componentkeys

    def spy(doc):
        docs.append(doc)
        memos.append(index._memo(doc))
        return real(doc)

    monkeypatch.setattr(profile, "componentkeys", spy)
    parse_page(_SDUI_PROFILE, "https://www.linkedin.com/in/jane-doe/")
    assert docs, "the profile parser looked the componentkeys up"
    assert memos[-1].componentkeys is not None, "memoised during the parse"
    assert index._current.get() is None
    after = index._memo(docs[0])
    assert after is not memos[-1], "nothing kept after it"
    assert (after.componentkeys, after.values) == (None, {})
