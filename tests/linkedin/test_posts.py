"""Post cards in shapes the labelled pages do not cover, as small hand-written snippets."""

from __future__ import annotations

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
