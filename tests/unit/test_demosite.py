"""The demo site: generated articles agree with their truths; the server behaves like WordPress."""

from __future__ import annotations

import csv
import html
import json
import re
import urllib.robotparser
from datetime import UTC, date, timedelta
from pathlib import Path

import pytest
import requests

from edunews import config
from edunews.thai_calendar import MONTHS_ABBR, arabic_digits, find_dates, format_date
from edunews_sim.demosite import Article, DemoSite, generate_articles, serve
from helpers.record import EVENT_KEYS

SPEC_DIR = config.shared_dir() / "spec"
ROLES = {
    "chair",
    "reporter",
    "speaker",
    "witness",
    "signatory",
    "moderator",
    "awardee",
    "host",
    "attendee",
    "mentioned",
}
TIMEOUT = 5

# --- helpers: reading the text back as the pipeline reads dates (edunews.thai_calendar) ---


def plain_text(content_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", content_html))


def first_date(text: str, published: date) -> tuple[date, date | None]:
    """The first Thai date (or range) of a text, as the Thai calendar module reads it."""
    found = find_dates(arabic_digits(text), published)
    assert found, f"no Thai date in {text[:200]!r}"
    return found[0].start, found[0].end


def _spec_codes(name: str) -> set[str]:
    path = SPEC_DIR / name
    if not path.exists():
        pytest.skip(f"{path} not found (the shared folder sits beside the checkout)")
    with open(path, encoding="utf-8", newline="") as f:
        return {row["code"] for row in csv.DictReader(f)}


def _initiative_aliases() -> dict[str, list[str]]:
    path = SPEC_DIR / "initiatives.csv"
    if not path.exists():
        pytest.skip(f"{path} not found")
    with open(path, encoding="utf-8", newline="") as f:
        return {r["code"]: [a for a in r["aliases"].split("|") if a] for r in csv.DictReader(f)}


def _mentions(text: str, alias: str) -> bool:
    if alias.isascii():  # Latin codes as words, case as written ("NT" is not in "Center")
        return re.search(rf"(?<![A-Za-z]){re.escape(alias)}(?![A-Za-z])", text) is not None
    return alias in text


# --- fixtures ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return generate_articles(300)


@pytest.fixture(scope="module")
def site_articles() -> list[Article]:
    return generate_articles(37, seed=11)


@pytest.fixture(scope="module")
def site(site_articles: list[Article]):
    with DemoSite(site_articles) as running:
        yield running


@pytest.fixture(scope="module")
def http():
    with requests.Session() as session:
        yield session


def _posts(http: requests.Session, site: DemoSite, **params) -> requests.Response:
    return http.get(f"{site.url}wp-json/wp/v2/posts", params=params, timeout=TIMEOUT)


# --- the generator -----------------------------------------------------------------------


def test_same_seed_same_articles_other_seed_other_articles():
    assert generate_articles(20, seed=5) == generate_articles(20, seed=5)
    assert generate_articles(20, seed=5) != generate_articles(20, seed=6)
    assert generate_articles(0) == []


def test_notices_are_posts_among_the_news_in_which_the_extractor_finds_no_event():
    """What int_pages__status calls no event: nothing beyond the extractor's defaults (type
    other, the publishing date), so the demo fills fct_rejected_pages."""
    from edunews.extract import extract_article

    posts = generate_articles(6, seed=5, notices=3)
    # the same news (post ids aside: notices take ids among them)
    assert [(a.slug, a.content_html, a.truth) for a in posts if a.truth is not None] == [
        (a.slug, a.content_html, a.truth) for a in generate_articles(6, seed=5)
    ]
    notices = [a for a in posts if a.truth is None]
    assert len(notices) == 3 and len({a.slug for a in notices}) == 3
    assert [a.published for a in posts] == sorted(a.published for a in posts)
    for notice in notices:
        text = re.sub(r"<[^>]+>", " ", notice.content_html)
        record = extract_article(
            {
                "id": notice.slug,
                "title": notice.title,
                "text": text,
                "published_at": notice.published.date().isoformat(),
            }
        )
        event = record["event"]
        assert event["event_type"] == "other" and event["organizer_office"] is None
        assert (event["venue"], event["participant_count"]) == (None, None)
        assert record["evidence"]["date_start"]["source"] == "published_at"
        assert record["persons"] == record["schools"] == record["initiatives"] == []


def test_officials_and_schools_recur_across_articles():
    """As on a real office's news page, so person and school resolution and "most active
    officials" have something to show: a director chairs several of the office's events,
    the same schools come back, and still most people are met once. 40 articles is what
    `edunews demo` publishes."""
    news = [a for a in generate_articles(40, notices=3) if a.truth is not None]
    events_of: dict[str, set[str]] = {}
    chaired: dict[str, set[str]] = {}
    schools: dict[str, set[str]] = {}
    for a in news:
        for person in a.truth.persons:
            events_of.setdefault(person.honorific + person.name, set()).add(a.slug)
        chair = a.truth.chair
        chaired.setdefault(chair.honorific + chair.name, set()).add(a.slug)
        for school in a.truth.schools:
            schools.setdefault(school, set()).add(a.slug)

    assert max(len(slugs) for slugs in events_of.values()) >= 3
    assert max(len(slugs) for slugs in chaired.values()) >= 3
    assert sum(len(slugs) >= 2 for slugs in schools.values()) >= 3
    # a skew, not a handful of people everywhere
    assert sum(len(slugs) == 1 for slugs in events_of.values()) > len(events_of) / 2
    # a person keeps one honorific and a recurring chair holds an office's chair position
    names = {}
    for a in news:
        for person in a.truth.persons:
            assert names.setdefault(person.name, person.honorific) == person.honorific
    busiest = max(chaired, key=lambda name: len(chaired[name]))
    offices = {
        (a.truth.office["kind"], a.truth.office["province"], a.truth.office["area_no"])
        for a in news
        if a.truth.chair.honorific + a.truth.chair.name == busiest
    }
    assert len(offices) == 1


def test_a_school_keeps_its_director():
    heads: dict[str, list[str]] = {}
    for a in generate_articles(300):
        for person in a.truth.persons:
            if person.position.startswith("ผู้อำนวยการโรงเรียน"):
                heads.setdefault(person.position, []).append(person.name)
    assert max(len(names) for names in heads.values()) >= 3
    assert all(len(set(names)) == 1 for names in heads.values())


def test_ids_slugs_and_times_look_like_a_wordpress_history(articles):
    ids = [a.post_id for a in articles]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert [a.published for a in articles] == sorted(a.published for a in articles)
    slugs = [a.slug for a in articles]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s) for s in slugs)
    for a in articles:
        assert a.published.utcoffset() == timedelta(hours=7)
        assert str(a.published.tzinfo) == "Asia/Bangkok"
        assert a.modified >= a.published
        last_day = a.truth.date_end or a.truth.date_start
        assert 0 <= (a.published.date() - last_day).days <= 5


def test_truths_use_the_spec_code_lists(articles):
    event_types = _spec_codes("event_types.csv")
    initiatives = _spec_codes("initiatives.csv")
    for a in articles:
        t = a.truth
        assert t.event_type in event_types
        assert set(t.initiatives) <= initiatives
        assert {p.role for p in t.persons} <= ROLES
        assert t.chair == t.persons[0] and t.chair.role == "chair"


def test_office_keys_follow_the_2021_reform(articles):
    from pythainlp.corpus import provinces

    canonical = {p["name_th"] for p in provinces(details=True)}
    for a in articles:
        office, t = a.truth.office, a.truth
        assert office["kind"] in ("spp", "spm")
        assert t.province in canonical
        if office["province"] is None:  # old numbered สพม. เขต N, only before the reform
            assert office["kind"] == "spm" and isinstance(office["area_no"], int)
            assert t.date_start < date(2021, 1, 1)
        else:
            assert office["province"] in canonical
    old = [a for a in articles if a.truth.office["province"] is None]
    new = [a for a in articles if a.truth.office["kind"] == "spm" and a.truth.office["province"]]
    assert old and new


def test_text_states_the_truth(articles):
    for a in articles:
        text, t = plain_text(a.content_html), a.truth
        assert t.office["name"] in text
        assert t.venue in text
        for p in t.persons:
            assert p.honorific + p.name in text, p
            assert p.position in text, p
        for school in t.schools:
            assert school in text
            assert school.startswith("โรงเรียน")
        if t.participant_count is not None:
            assert re.search(rf"(?<!\d){t.participant_count} คน", arabic_digits(text))


def test_the_first_date_in_the_text_is_the_event_date(articles):
    for a in articles:
        start, end = first_date(plain_text(a.content_html), a.published.date())
        assert (start, end) == (a.truth.date_start, a.truth.date_end), a.slug


def test_surface_forms_vary_like_real_sites(articles):
    texts = [plain_text(a.content_html) for a in articles]
    thai_digit_texts = [t for t in texts if re.search("[๐-๙]", t)]
    assert 0.1 < len(thai_digit_texts) / len(texts) < 0.35
    for t in thai_digit_texts:  # "throughout": only Latin codes keep Arabic digits (COVID-19)
        assert not re.search(r"(?<![A-Za-z\-])[0-9]", t), t
    joined = "\n".join(texts)
    assert "กันยายน" in joined or "มกราคม" in joined
    short = "|".join(re.escape(abbr.removesuffix(".")) for abbr in MONTHS_ABBR)
    assert re.search(rf"\d ({short})\. ", joined)  # ก.ย.
    assert re.search(rf"\d ({short}) ", joined)  # ก.ย, its last dot dropped
    assert sum(a.truth.date_end is not None for a in articles) > 10
    names = [a.truth.office["name"] for a in articles]
    assert any(n.startswith("สำนักงานเขตพื้นที่การศึกษา") for n in names)
    assert any(re.match(r"สพ[ปม]\.\S", n) for n in names)
    assert any(re.match(r"สพ[ปม]\. ", n) for n in names)
    # an earlier date in passing: a text with two dates, the truth being the first
    dates = [
        find_dates(arabic_digits(plain_text(a.content_html)), a.published.date()) for a in articles
    ]
    assert sum(len(found) > 1 for found in dates) > 20


def test_titles_are_thai_and_name_the_office(articles):
    for a in articles:
        assert re.search("[ก-๙]", a.title)
        assert re.search(r"สพ[ปม]\.", a.title), a.title


def test_initiatives_are_named_in_the_text_and_no_others(articles):
    aliases = _initiative_aliases()
    for a in articles:
        text = arabic_digits(plain_text(a.content_html))
        for code, names in aliases.items():
            if code == "other":
                continue
            named = any(_mentions(text, n) for n in names)
            assert named == (code in a.truth.initiatives), (code, a.slug)


def test_each_event_type_is_cued_and_all_templates_are_used(articles):
    path = SPEC_DIR / "event_types.csv"
    if not path.exists():
        pytest.skip(f"{path} not found")
    with open(path, encoding="utf-8", newline="") as f:
        cues = {r["code"]: [c for c in r["cues"].split("|") if c] for r in csv.DictReader(f)}
    for a in articles:
        text = a.title + " " + plain_text(a.content_html)
        assert any(c in text for c in cues[a.truth.event_type]), (a.truth.event_type, a.title)
    covered = {a.truth.event_type for a in articles}
    assert covered >= {
        "workshop",
        "meeting",
        "training",
        "seminar",
        "knowledge_exchange",
        "mou_signing",
        "award_ceremony",
        "site_visit",
    }


def test_truth_to_dict_is_json_shaped_like_the_extraction_record(articles):
    record = json.loads(json.dumps(articles[0].truth.to_dict()))
    event = record["event"]
    assert set(event) == EVENT_KEYS
    assert date.fromisoformat(event["date_start"]) == articles[0].truth.date_start
    assert set(event["organizer_office"]) == {"kind", "province", "area_no", "name"}
    assert record["persons"][0] == record["chair"]
    assert all(set(p) == {"name", "honorific", "position", "role"} for p in record["persons"])


# --- the server --------------------------------------------------------------------------


def test_url_is_known_once_bound_and_stop_is_idempotent(site_articles):
    idle = DemoSite(site_articles[:2])
    with pytest.raises(RuntimeError):
        _ = idle.url
    with idle:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", idle.url)
        assert not idle.url.endswith(":0/")
        assert requests.get(idle.url, timeout=TIMEOUT).status_code == 200
    idle.stop()


def test_home_page_announces_the_rest_api_and_lists_recent_posts(site, site_articles, http):
    r = http.get(site.url, timeout=TIMEOUT)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    assert f'<link rel="https://api.w.org/" href="{site.url}wp-json/">' in r.text
    newest = sorted(site_articles, key=lambda a: a.published, reverse=True)
    assert html.escape(newest[0].title, quote=True) in r.text
    assert f"{site.url}page/2/" in r.text
    assert http.get(f"{site.url}page/4/", timeout=TIMEOUT).status_code == 200
    assert http.get(f"{site.url}page/5/", timeout=TIMEOUT).status_code == 404


def test_posts_pages_cover_every_post_newest_first(site, site_articles, http):
    seen = []
    for page in (1, 2, 3, 4):
        r = _posts(http, site, page=page)
        assert r.status_code == 200
        assert r.headers["X-WP-Total"] == "37" and r.headers["X-WP-TotalPages"] == "4"
        seen += r.json()
    assert len(seen) == 37
    assert [p["id"] for p in seen] == [
        a.post_id for a in sorted(site_articles, key=lambda a: a.published, reverse=True)
    ]
    assert 'rel="next"' in _posts(http, site, page=1).headers["Link"]


def test_per_page_order_and_its_limits(site, site_articles, http):
    r = _posts(http, site, per_page=100, order="asc")
    assert r.headers["X-WP-TotalPages"] == "1"
    assert [p["id"] for p in r.json()] == [a.post_id for a in site_articles]
    too_many = _posts(http, site, per_page=101)
    assert too_many.status_code == 400
    assert too_many.json()["code"] == "rest_invalid_param"
    assert _posts(http, site, order="sideways").status_code == 400


def test_a_page_past_the_last_is_wordpress_400(site, http):
    r = _posts(http, site, page=5)
    assert r.status_code == 400
    assert r.json()["code"] == "rest_post_invalid_page_number"
    assert r.json()["data"]["status"] == 400


def test_after_keeps_only_posts_published_later(site, site_articles, http):
    pivot = site_articles[20]
    local = pivot.published.replace(tzinfo=None).isoformat()
    r = _posts(http, site, after=local, per_page=100)
    expected = [a.post_id for a in site_articles if a.published > pivot.published]
    assert sorted(p["id"] for p in r.json()) == sorted(expected)
    assert r.headers["X-WP-Total"] == str(len(expected))
    # the same instant in UTC selects the same posts
    utc = pivot.published.astimezone(UTC).isoformat()
    assert _posts(http, site, after=utc, per_page=100).headers["X-WP-Total"] == str(len(expected))
    assert _posts(http, site, after="2020-01-01").status_code == 400  # WordPress wants a time


def test_post_json_has_the_wordpress_fields(site, site_articles, http):
    article = site_articles[-1]
    post = _posts(http, site, per_page=1).json()[0]
    assert post["id"] == article.post_id
    assert post["slug"] == article.slug
    assert post["date"] == article.published.replace(tzinfo=None).isoformat()
    assert (
        post["date_gmt"]
        == (article.published - timedelta(hours=7)).replace(tzinfo=None).isoformat()
    )
    assert post["modified"] == article.modified.replace(tzinfo=None).isoformat()
    assert post["modified_gmt"].endswith(article.modified.strftime(":%M:%S"))
    assert post["link"] == f"{site.url}{article.published:%Y/%m/%d}/{article.slug}/"
    assert html.unescape(post["title"]["rendered"]) == article.title
    assert post["content"]["rendered"] == article.content_html
    assert post["excerpt"]["rendered"].startswith("<p>")
    assert (
        http.get(f"{site.url}wp-json/wp/v2/posts/{article.post_id}", timeout=TIMEOUT).json() == post
    )
    single = http.get(f"{site.url}?rest_route=/wp/v2/posts&per_page=1", timeout=TIMEOUT)
    assert single.json() == [post]


def test_article_pages_at_both_addresses(site, site_articles, http):
    article = site_articles[10]
    pretty = f"{site.url}{article.published:%Y/%m/%d}/{article.slug}/"
    by_id = http.get(f"{site.url}?p={article.post_id}", timeout=TIMEOUT)
    page = http.get(pretty, timeout=TIMEOUT)
    assert by_id.status_code == page.status_code == 200
    assert by_id.text == page.text
    text = page.text
    assert article.content_html in text
    assert f"<title>{html.escape(article.title, quote=True)} &#8211;" in text
    # "10 กันยายน 2563" in the post header
    assert f">{format_date(article.published.date())}</time>" in text
    stamp = article.published.isoformat()
    assert f'<meta property="article:published_time" content="{stamp}">' in text
    assert "ใส่ความเห็น" in text and 'class="share-facebook"' in text
    # the sidebar links other posts, with their dates
    other = site_articles[-1]
    assert f"{other.published:%Y/%m/%d}/{other.slug}/" in text
    assert re.search(r'class="post-date">\d{1,2} [ก-๙]+ 25\d\d<', text)
    no_slash = http.get(pretty[:-1], allow_redirects=False, timeout=TIMEOUT)
    assert no_slash.status_code == 301 and no_slash.headers["Location"] == pretty


def test_unknown_addresses_are_404(site, http):
    for path in ("nope/", "?p=999999", "2020/01/01/no-such-post/", "wp-json/wp/v2/pages"):
        assert http.get(site.url + path, timeout=TIMEOUT).status_code == 404, path
    assert http.get(f"{site.url}wp-json/wp/v2/posts/1", timeout=TIMEOUT).status_code == 404


def test_robots_txt_allows_everything(site, site_articles, http):
    r = http.get(f"{site.url}robots.txt", timeout=TIMEOUT)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/plain")
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(r.text.splitlines())
    article = site_articles[0]
    assert robots.can_fetch("edunews", f"{site.url}?p={article.post_id}")
    assert robots.can_fetch("edunews", f"{site.url}wp-json/wp/v2/posts")


def test_feed_and_sitemap_list_the_posts(site, site_articles, http):
    feed = http.get(f"{site.url}feed/", timeout=TIMEOUT)
    assert feed.status_code == 200 and feed.text.count("<item>") == 10
    sitemap = http.get(f"{site.url}wp-sitemap-posts-post-1.xml", timeout=TIMEOUT).text
    assert sitemap.count("<loc>") == len(site_articles)
    assert "wp-sitemap.xml" in http.get(f"{site.url}robots.txt", timeout=TIMEOUT).text


def test_conditional_get_answers_304(site, site_articles, http):
    article = site_articles[3]
    url = f"{site.url}?p={article.post_id}"
    first = http.get(url, timeout=TIMEOUT)
    again = http.get(url, headers={"If-None-Match": first.headers["ETag"]}, timeout=TIMEOUT)
    assert again.status_code == 304 and again.content == b""
    since = http.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]}, timeout=5)
    assert since.status_code == 304


def test_requests_are_not_logged(site, http, capfd):
    http.get(site.url, timeout=TIMEOUT)
    http.get(f"{site.url}nope", timeout=TIMEOUT)
    assert capfd.readouterr().err == ""


def test_serve_blocks_until_interrupted(monkeypatch, capsys):
    import edunews_sim.demosite as demosite

    served = []

    def interrupt() -> None:
        url = re.search(r"http://\S+/", capsys.readouterr().out).group(0)
        served.append(requests.get(url + "robots.txt", timeout=TIMEOUT).status_code)
        raise KeyboardInterrupt

    monkeypatch.setattr(demosite, "_wait_forever", interrupt)
    serve(articles=3, port=0)
    assert served == [200]


def test_no_corpus_text_in_the_package():
    """Official titles and office names are shared vocabulary; 60 characters in a row are not."""
    seeds = config.shared_dir() / "corpus" / "seeds.jsonl"
    if not seeds.exists():
        pytest.skip("no corpus beside the checkout")
    package = Path(generate_articles.__code__.co_filename).parent
    ours = re.sub(r"\s+", " ", "\n".join(p.read_text("utf-8") for p in package.glob("*.py")))
    for line in seeds.read_text(encoding="utf-8").splitlines():
        text = re.sub(r"\s+", " ", json.loads(line)["text"])
        copied = {text[i : i + 60] for i in range(len(text) - 60) if text[i : i + 60] in ours}
        assert not copied
