"""Post cards in shapes the labelled pages do not cover, as small hand-written snippets."""

from __future__ import annotations

import pytest

from topofmind.linkedin import parse_page

ANA = "https://www.linkedin.com/in/ana-ruiz/"
URN = "urn:li:activity:7184671545976348673"


def mini_update(context: str, urn: str = URN) -> str:
    return f"""
<li class="profile-creator-shared-feed-update__mini-container"><div>
 <a class="app-aware-link" href="https://www.linkedin.com/feed/update/{urn}?updateEntityUrn=x">
  <span class="feed-mini-update-contextual-description__text"><span aria-hidden="true">
   {context}</span><span class="visually-hidden">3mo</span></span></a>
 <a href="https://www.linkedin.com/feed/update/{urn}"><div class="inline-show-more-text">
  <span>Happy to share   my
  certificate</span><button>…show more</button></div></a>
 <ul><li><button aria-label="50 reactions"><span aria-hidden="true">50</span></button></li>
  <li><button aria-label="3 comments"><span aria-hidden="true">3 comments</span></button></li></ul>
</div></li>"""


def test_profile_activity_mini_updates():
    html = (
        "<main><h1>Ana Ruiz</h1><section><ul>"
        + mini_update("<strong>Ana Ruiz</strong> posted this • 3mo")
        + mini_update(
            "<strong>Ana Ruiz</strong> reposted this • 1w", "urn:li:activity:7214180954100129792"
        )
        + mini_update(
            "<strong>Ana Ruiz</strong> commented on a post • 1mo",
            "urn:li:ugcPost:7199661448816414721",
        )
        + "</ul></section></main>"
    )
    posts = parse_page(html, ANA).posts
    assert [p.urn for p in posts] == [URN, "urn:li:activity:7214180954100129792"]
    own, repost = posts
    assert (own.author_name, own.author_url, own.is_repost) == ("Ana Ruiz", ANA, False)
    assert (own.text, own.relative_time) == ("Happy to share my certificate", "3mo")
    assert (own.reactions, own.comments, own.reposts) == (50, 3, 0)
    assert own.posted_at.startswith("2024-04-12T21:59:41")
    # The card does not show who wrote the reposted post: unknown, not guessed.
    assert (repost.author_name, repost.author_url, repost.is_repost) == (None, None, True)


def test_promoted_json_post_has_no_relative_time():
    payload = (
        '{"included": [{"$type": "com.linkedin.voyager.dash.feed.Update",'
        ' "metadata": {"backendUrn": "urn:li:activity:7329193014956814336"},'
        ' "actor": {"name": {"text": "Jo Bloggs"}, "subDescription": {"text": "Promoted"},'
        ' "navigationContext": {"actionTarget": "https://www.linkedin.com/in/jo-b?mini=1"}},'
        ' "commentary": {"text": {"text": "Hello\\n\\nworld"}}}]}'
    )
    page = parse_page(
        f"<html><body><code>{payload}</code></body></html>", "https://www.linkedin.com/feed/"
    )
    (post,) = page.posts
    assert (post.author_name, post.author_url) == ("Jo Bloggs", "https://www.linkedin.com/in/jo-b/")
    assert (post.text, post.relative_time, post.is_repost) == ("Hello world", None, False)
    assert (post.reactions, post.comments, post.reposts) == (0, 0, 0)


def test_artdeco_reshare_without_commentary_has_empty_text():
    html = """
<div data-urn="urn:li:activity:7041782242129362946">
 <div class="update-components-actor__container"><a href="/in/ana-ruiz/">
  <span class="update-components-actor__title"><span aria-hidden="true">Ana Ruiz</span>
  <span class="update-components-actor__supplementary-actor-info">• 1st</span></span></a>
  <span class="update-components-actor__sub-description"><span aria-hidden="true">3yr •</span>
  </span></div>
 <div class="feed-shared-update-v2__update-content-wrapper">
  <div class="update-components-actor__container"><a href="/company/acme/posts">
   <span class="update-components-actor__title">Acme</span></a>
   <span class="update-components-actor__sub-description">3yr •</span></div>
  <div class="update-components-text"><span>The original words</span></div></div>
 <div class="social-details-social-counts"><button aria-label="Bo Li and 11 others"></button>
 </div></div>"""
    (post,) = parse_page(html, "https://www.linkedin.com/feed/").posts
    assert (post.author_name, post.author_url) == (
        "Ana Ruiz",
        "https://www.linkedin.com/in/ana-ruiz/",
    )
    assert (post.text, post.is_repost, post.relative_time) == ("", True, "3yr")
    assert (post.reactions, post.comments, post.reposts) == (12, 0, 0)


def test_comment_threads_do_not_leak_into_the_post():
    html = """
<div data-urn="urn:li:activity:7336062102878507009">
 <div class="update-components-actor__container"><a href="/in/ana-ruiz/">
  <span class="update-components-actor__title"><span aria-hidden="true">Ana Ruiz</span></span></a>
  <span class="update-components-actor__sub-description"><span aria-hidden="true">4h •</span>
  </span></div>
 <div class="social-details-social-counts"><button aria-label="7 reactions"></button></div>
 <div class="feed-shared-update-v2__comments-container">
  <article class="comments-comment-entity">
   <div class="update-components-actor__container"><a href="/in/bo-li/">Bo Li</a>
    <span class="update-components-actor__sub-description">1h •</span></div>
   <div class="update-components-text"><span>Great post!</span></div>
   <div class="social-details-social-counts"><button aria-label="3 comments"></button></div>
  </article></div></div>"""
    (post,) = parse_page(html, "https://www.linkedin.com/feed/").posts
    assert (post.author_name, post.relative_time, post.text) == ("Ana Ruiz", "4h", "")
    assert (post.reactions, post.comments, post.reposts, post.is_repost) == (7, 0, 0, False)


def sdui_card(byline: str, counts: str, urn_link: str) -> str:
    return f"""
<div role="listitem" componentkey="expandedQx9FeedType_MAIN_FEED_RELEVANCE"><div>
 <a href="https://www.linkedin.com/in/jonas-weber-99/"><figure><img alt=""></figure></a>
 <a href="https://www.linkedin.com/in/jonas-weber-99/"><div aria-label="Jonas Weber">
  <p><span>Jonas Weber</span></p><p><span>• 2.</span></p></div></a>
 <p><span>Werkstudent</span></p>
 <p><span>{byline}<span> </span></span></p>
 <button aria-label="Open control menu for post by Jonas Weber"></button></div>
 <p><span data-testid="expandable-text-box">Heute habe ich gelernt, wie man Kafka betreibt.
 </span></p>
 <div>{counts}</div>
 {urn_link}
</div>"""


def test_sdui_card_whose_urn_is_only_in_another_link_and_a_spaced_byline():
    html = (
        "<main><div data-testid='mainFeed'>"
        + sdui_card(
            "2 Std. •",
            "<span>25 Reaktionen</span><span>3 Kommentare</span>",
            '<a href="https://www.linkedin.com/analytics/post-summary/urn:li:activity:7506635060129734657/">'
            "<p>85 impressions</p></a>",
        )
        + "</div></main>"
    )
    (post,) = parse_page(html, "https://www.linkedin.com/feed/").posts
    assert post.urn == "urn:li:activity:7506635060129734657"
    assert (post.author_name, post.author_url) == (
        "Jonas Weber",
        "https://www.linkedin.com/in/jonas-weber-99/",
    )
    assert post.text == "Heute habe ich gelernt, wie man Kafka betreibt."
    assert post.relative_time == "2 Std."
    assert (post.reactions, post.comments, post.reposts) == (25, 3, 0)


def test_sdui_card_without_any_urn_is_left_out_with_a_warning():
    html = "<main>" + sdui_card("3h •", "<span>4 reactions</span>", "") + "</main>"
    page = parse_page(html, "https://www.linkedin.com/feed/")
    assert page.posts == ()
    assert page.warnings == ("no posts found",)


@pytest.mark.parametrize(
    ("labels", "counts"),
    [
        (["25 reactions", "3 comments", "2 reposts"], (25, 3, 2)),
        (["Ana Lima and 46 others", "1,204 comments"], (47, 1204, None)),
        (["Claire et 12 autres personnes", "4 commentaires", "3 republications"], (13, 4, 3)),
        (["Mario e altri 7", "2 commenti", "1 diffusione"], (8, 2, 1)),
        (["Max und 5 weitere", "6 Kommentare"], (6, 6, None)),
        (["Ana e outras 9 pessoas", "2 comentários", "4 republicações"], (10, 2, 4)),
        (["Juan y 3 personas más", "1 comentario"], (4, 1, None)),
        (["1.2K reactions", "3 comments on Ana’s post"], (1200, 3, None)),
    ],
)
def test_social_counter_labels_in_several_ui_languages(labels, counts):
    from topofmind.linkedin.posts import _counts

    assert _counts(labels) == counts


def test_sdui_card_takes_its_urn_from_a_shown_comment():
    comment = (
        '<div componentkey="replaceableComment_urn:li:comment:(activity:7506635060129734657,'
        '7506700000000000000)"><a href="https://www.linkedin.com/in/ana-ruiz/"><p>Ana Ruiz</p></a>'
        "<p><span>1h •</span></p><p>Great point, 2 comments already</p>"
        "<span>9 reactions</span></div>"
    )
    html = "<main>" + sdui_card("5h •", "<span>4 reactions</span>", comment) + "</main>"
    (post,) = parse_page(html, "https://www.linkedin.com/feed/").posts
    assert post.urn == "urn:li:activity:7506635060129734657"
    # The comment's byline, words and counter are not the post's.
    assert (post.author_name, post.relative_time, post.is_repost) == ("Jonas Weber", "5h", False)
    assert (post.reactions, post.comments) == (4, 0)


def test_sdui_list_item_with_an_unknown_componentkey_is_still_a_card():
    card = sdui_card(
        "1d •",
        "<span>12 reactions</span>",
        '<a href="https://www.linkedin.com/feed/update/urn:li:activity:7506635060129734657/">x</a>',
    ).replace('componentkey="expandedQx9FeedType_MAIN_FEED_RELEVANCE"', 'componentkey="Zq81"')
    html = "<main><div role='list'>" + card + "</div></main>"
    (post,) = parse_page(html, "https://www.linkedin.com/search/results/content/?keywords=k").posts
    assert (post.urn, post.author_name, post.relative_time, post.reactions) == (
        "urn:li:activity:7506635060129734657",
        "Jonas Weber",
        "1d",
        12,
    )


def test_ember_reaction_count_in_the_social_proof_fallback_number():
    html = """<main>
     <div data-urn="urn:li:activity:7184671545976348673" class="feed-shared-update-v2">
     <div class="update-components-actor"><a href="https://www.linkedin.com/in/ana-ruiz/">
      <span class="update-components-actor__name"><span aria-hidden="true">Ana Ruiz</span></span>
      <span class="update-components-actor__sub-description">4d •</span></a></div>
     <div class="update-components-text">Shipping day.</div>
     <div class="social-details-social-counts"><button>
      <span class="social-details-social-counts__social-proof-fallback-number">57</span></button>
     </div></div></main>"""
    (post,) = parse_page(html, "https://www.linkedin.com/feed/").posts
    assert (post.author_name, post.relative_time, post.reactions, post.comments) == (
        "Ana Ruiz",
        "4d",
        57,
        0,
    )


def test_post_shown_in_an_open_dialog_keeps_its_text():
    html = """<body><div role="dialog" aria-modal="true" class="artdeco-modal">
     <div data-urn="urn:li:activity:7184671545976348673" class="feed-shared-update-v2">
      <div class="update-components-actor"><a href="https://www.linkedin.com/in/ana-ruiz/">
       <span class="update-components-actor__name"><span aria-hidden="true">Ana Ruiz</span></span>
       <span class="update-components-actor__sub-description">4d •</span></a></div>
      <div class="update-components-text">Shipping day.</div></div></div></body>"""
    url = "https://www.linkedin.com/feed/update/urn:li:activity:7184671545976348673/"
    (post,) = parse_page(html, url).posts
    assert (post.author_name, post.text, post.relative_time) == ("Ana Ruiz", "Shipping day.", "4d")
