"""The contacts table: search, filters, sort and paging."""

import re

from tests.web.conftest import XSS_NAME


def names_in(html: str) -> list[str]:
    import html as html_lib

    return [html_lib.unescape(name) for name in re.findall(r'class="name">(.*?)</a>', html)]


def test_default_sort_is_due_first_and_all_people_listed(web, seed):
    names = names_in(web.text("/contacts"))
    assert set(names) == {"Dana Hiring", "Ravi Recruiter", XSS_NAME, "Quinn Quiet", "Mia Mutual"}
    assert names[0] == "Quinn Quiet"  # overdue for months


def test_search_matches_name_headline_and_company(web, seed):
    assert names_in(web.text("/contacts?q=ravi")) == ["Ravi Recruiter"]
    assert names_in(web.text("/contacts?q=engineering+manager")) == ["Dana Hiring"]
    assert set(names_in(web.text("/contacts?q=acme"))) == {
        "Dana Hiring",
        "Ravi Recruiter",
        "Mia Mutual",
    }
    html = web.text("/contacts?q=zzz-nobody")
    assert names_in(html) == [] and "No one matches" in html


def test_filters(web, seed):
    assert set(names_in(web.text("/contacts?degree=1"))) == {
        "Ravi Recruiter",
        "Quinn Quiet",
        "Mia Mutual",
    }
    assert names_in(web.text("/contacts?tag=recruiter")) == ["Ravi Recruiter"]
    assert set(names_in(web.text("/contacts?company=acme"))) == {
        "Dana Hiring",
        "Ravi Recruiter",
        "Mia Mutual",
    }
    assert set(names_in(web.text("/contacts?stage=interviewing"))) == {
        "Dana Hiring",
        "Ravi Recruiter",
    }
    assert names_in(web.text("/contacts?status=overdue")) == ["Quinn Quiet"]
    combined = web.text("/contacts?company=acme&degree=1&tag=recruiter")
    assert names_in(combined) == ["Ravi Recruiter"]
    assert 'value="acme"' in combined and '<option value="1" selected>' in combined


def test_sorts(web, seed):
    by_name = names_in(web.text("/contacts?sort=name"))
    # Sorted by the name key, which ignores markup-like punctuation: '<script>…' files under S.
    assert by_name == ["Dana Hiring", "Mia Mutual", "Quinn Quiet", "Ravi Recruiter", XSS_NAME]
    assert names_in(web.text("/contacts?sort=-name")) == by_name[::-1]
    recent = names_in(web.text("/contacts?sort=last_touch"))
    assert recent.index(XSS_NAME) < recent.index("Ravi Recruiter") < recent.index("Quinn Quiet")
    warmest = names_in(web.text("/contacts?sort=warmth"))
    assert warmest.index("Ravi Recruiter") < warmest.index("Quinn Quiet")
    assert names_in(web.text("/contacts?sort=bogus")) == names_in(web.text("/contacts"))


def test_paging_keeps_filters_and_sort(web, seed):
    first = web.text("/contacts?sort=name&per_page=2")
    second = web.text("/contacts?sort=name&per_page=2&page=2")
    third = web.text("/contacts?sort=name&per_page=2&page=3")
    pages = [names_in(first), names_in(second), names_in(third)]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert sum(pages, []) == names_in(web.text("/contacts?sort=name"))
    assert "Page 1 of 3" in first
    next_link = re.search(r'href="([^"]+)" rel="next"', first).group(1)
    assert "sort=name" in next_link and "per_page=2" in next_link and "page=2" in next_link
    assert 'rel="prev"' in second
    assert names_in(web.text("/contacts?page=abc")) == names_in(web.text("/contacts"))
    beyond = web.get("/contacts?sort=name&per_page=2&page=99")
    assert beyond.status_code == 302 and "page=3" in beyond.headers["Location"]


def test_rows_show_status_last_touch_and_stage(web, seed):
    html = web.text("/contacts?q=ravi")
    row = html.split('class="name">Ravi Recruiter</a>')[1].split("</tr>")[0]
    assert '<td class="col-touch">3 d ago</td>' in row
    assert "Interviewing" in row  # his opportunity moved on when the interview was logged
    quinn = web.text("/contacts?q=quinn").split('class="name">Quinn Quiet</a>')[1]
    assert "pill-overdue" in quinn.split("</tr>")[0]
    assert '<td class="col-touch">3 mo ago</td>' in quinn.split("</tr>")[0]
