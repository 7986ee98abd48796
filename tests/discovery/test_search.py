import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from columns.models import Byline, Column
from mentions.models import Mention
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)


def search(client, **params):
    response = client.get(reverse("discovery:search"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_empty_query_shows_the_form(client):
    content = search(client)
    assert '<input id="search-q" type="search" name="q"' in content
    assert "result" not in content


def test_search_page_keeps_crawlers_out(client):
    assert '<meta name="robots" content="noindex">' in search(client, q="anything")


def test_finds_columns_and_mentions(client):
    ColumnFactory(title="The Shanghai Cooperation Organisation grows")
    MentionFactory(topic="the Shanghai summit")
    ColumnFactory(title="Something else entirely")
    content = search(client, q="Shanghai")
    assert "2 results for “Shanghai”" in content
    assert "Cooperation Organisation grows" in content
    assert "Shanghai summit" in content
    assert "Something else entirely" not in content


def test_mention_results_link_the_appearance_and_its_column(client):
    column = ColumnFactory(title="On the strait")
    MentionFactory(topic="the strait", url="https://radio.example/strait", column=column)
    content = search(client, q="strait")
    assert '<a href="https://radio.example/strait">Spoke to' in content
    assert f'See the column: <a href="{column.get_absolute_url()}">On the strait</a>' in content


def test_title_match_ranks_above_body_match(client):
    # The title match is older, so only ranking can put it first.
    ColumnFactory(title="Why sanctions fail", body="<p>Nothing here.</p>",
                  posted_at=datetime.datetime(2020, 1, 1, tzinfo=UTC))  # fmt: skip
    ColumnFactory(title="Notes from the road", body="<p>A word on sanctions today.</p>")
    content = search(client, q="sanctions")
    if connection.vendor == "postgresql":
        assert content.index("fail") < content.index("Notes from the road")
    else:
        assert "Notes from the road" in content and "fail" in content


def test_searches_tags_and_outlet_names(client):
    outlet = OutletFactory(name="Nikkei Asia")
    ColumnFactory(title="One", outlet=outlet)
    ColumnFactory(title="Two", tags=["Mekong"])
    assert "One" in search(client, q="Nikkei")
    assert "Two" in search(client, q="Mekong")


def test_document_follows_tag_changes_and_outlet_renames(client):
    outlet = OutletFactory(name="Daily Planet")
    column = ColumnFactory(title="A column", outlet=outlet, tags=["Tundra"])
    assert "A column" in search(client, q="Tundra")
    column.tags.set(["Savanna"])
    assert "1 result" in search(client, q="Savanna")
    assert "No results for" in search(client, q="Tundra")
    outlet.name = "Evening Bugle"
    outlet.save()
    assert "1 result" in search(client, q="Bugle")


def test_document_follows_bylines_and_author_renames(client):
    column = ColumnFactory(title="A column", bylines=[AuthorFactory(name="Ottoline Quist")])
    assert "1 result" in search(client, q="Quist")
    author = AuthorFactory(name="Bartholomew Yarrow")
    Byline.objects.create(column=column, author=author, position=1)
    assert "1 result" in search(client, q="Yarrow")
    author.name = "Bartholomew Zephyr"
    author.save()
    assert "1 result" in search(client, q="Zephyr")
    column.bylines.filter(author=author).delete()
    assert "No results for" in search(client, q="Zephyr")


@postgres_only
def test_web_search_syntax(client):
    ColumnFactory(title="Chinese intelligence abroad")
    ColumnFactory(title="Intelligence failures at home")
    ColumnFactory(title="Ports of China")
    assert "1 result" in search(client, q='"chinese intelligence"')
    assert "1 result" in search(client, q="intelligence -abroad")
    assert "2 results" in search(client, q="abroad or ports")


@postgres_only
def test_snippets_highlight_the_matched_words(client):
    ColumnFactory(
        title="A title",
        body="<p>Long text before. The <strong>mekong</strong> dams & the river.</p>",
    )
    content = search(client, q="dams")
    assert "<mark>dams</mark>" in content
    assert "<strong>" not in content.split("search-results")[1]


@postgres_only
def test_snippets_of_long_columns_are_cut_around_the_matched_words(client):
    filler = "<p>" + "Nothing to see in this sentence at all. " * 150 + "</p>"
    ColumnFactory(
        title="A long read",
        body=filler + '<p>The <a href="https://example.org/harbour">harbour</a> fees rose.</p>'
        + filler + "<p>Ports' policies changed.</p>" + filler,
    )  # fmt: skip
    content = search(client, q="harbour policy")
    snippet = " ".join(content.split('<p class="snippet">')[1].split("</p>")[0].split())
    # Both words, ~6,000 characters apart, each with its context; no markup survives the cut.
    assert "The <mark>harbour</mark> fees rose." in snippet
    assert "Ports' <mark>policies</mark> changed." in snippet
    assert "<a" not in snippet and "href" not in snippet and len(snippet) < 1000
    # A word found nowhere in the text (here, in the title only): the text's start.
    start = search(client, q="read").split('<p class="snippet">')[1]
    assert start.startswith("A one-sentence summary.   Nothing to see")


@postgres_only
def test_snippets_are_cut_the_same_before_postgresql_15(client, monkeypatch):
    from django.test.utils import CaptureQueriesContext

    ColumnFactory(title="Notes", body="<p>" + "Filler words. " * 100 + "Harbour fees rose.</p>")
    expected = search(client, q="harbour")
    monkeypatch.setattr(connection, "pg_version", 140000)  # no regexp_instr
    with CaptureQueriesContext(connection) as queries:
        assert search(client, q="harbour") == expected
    assert not any("regexp_instr" in query["sql"] for query in queries.captured_queries)
    assert "<mark>Harbour</mark> fees rose" in expected


@postgres_only
def test_titles_are_shown_whole_with_the_matches_marked(client):
    ColumnFactory(title="Why sanctions fail, and what of it")
    content = search(client, q="sanctions")
    assert ">Why <mark>sanctions</mark> fail, and what of it</a></h2>" in content


def test_snippet_markup_cannot_inject_html(client):
    ColumnFactory(title="Escapes", body="<p>&lt;script&gt;alert(1)&lt;/script&gt; escapes</p>")
    content = search(client, q="escapes")
    assert "<script>alert" not in content


def test_facets_count_and_filter(client):
    reuters, bbc = OutletFactory(name="Reuters", slug="reuters"), OutletFactory(name="BBC")
    ColumnFactory(title="Water one", outlet=reuters, tags=["Rivers"],
                  posted_at=datetime.datetime(2023, 5, 1, tzinfo=UTC))  # fmt: skip
    ColumnFactory(title="Water two", outlet=bbc, tags=["Rivers"],
                  posted_at=datetime.datetime(2024, 5, 1, tzinfo=UTC))  # fmt: skip
    MentionFactory(topic="water politics", outlet=reuters, date=datetime.date(2024, 2, 1))
    content = search(client, q="water")
    assert "3 results" in content
    assert "Columns</a> (2)" in content and "Mentions</a> (1)" in content
    assert "Reuters</a> (2)" in content and "BBC</a> (1)" in content
    assert "Rivers</a> (2)" in content
    assert "2024</a> (2)" in content and "2023</a> (1)" in content

    assert "2 results" in search(client, q="water", outlet="reuters")
    assert "1 result" in search(client, q="water", outlet="reuters", kind="mention")
    assert "1 result" in search(client, q="water", year="2023")
    filtered = search(client, q="water", tag="rivers")
    assert "2 results" in filtered
    assert '<strong aria-current="true">Rivers (2)</strong>' in filtered


@pytest.mark.parametrize(
    "query",
    ["x" * 10_000, '"unbalanced', "'", "-", "or", "!@#$%^&*()", "a\x00b", "日本語の検索",
     "Zalgo z̸̢̛a̷l̶g̴o", "\u202eevil", "🙂" * 50, "<script>alert(1)</script>", "a & b | !c",
     "the", "a " * 200, "-x " * 200, '"' * 301, "x or " * 100,
     # PostgreSQL nests a NOT per minus: ten with no word after were "tsquery stack too small".
     "-" * 10, "-" * 4000, "x " + "-" * 50, "-" * 20 + "x", '"' + "-" * 20 + '"'],
)  # fmt: skip
def test_odd_queries_never_fail(client, query):
    ColumnFactory(title="Something")
    response = client.get(reverse("discovery:search"), {"q": query})
    assert response.status_code == 200
    assert client.get(reverse("discovery:api_columns"), {"q": query}).status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


def test_a_run_of_minuses_is_one(client):
    ColumnFactory(title="Water politics")
    ColumnFactory(title="Something else")
    assert "1 result" in search(client, q="------water")
    assert "1 result" in search(client, q="something ----water")


def test_a_very_long_query_is_cut_with_a_message(client):
    assert "only its first 300 characters" in search(client, q="word " * 2000)


@pytest.mark.parametrize(
    "params",
    [{"page": "abc"}, {"page": "99999"}, {"year": "abc"}, {"year": "99999999999"}, {"year": "²"},
     {"kind": "robot"}, {"outlet": "a\x00b"}, {"tag": "x" * 5000}],
)  # fmt: skip
def test_bad_filters_and_pages_never_fail(client, params):
    ColumnFactory(title="Something")
    response = client.get(reverse("discovery:search"), {"q": "something", **params})
    assert response.status_code == 200


def test_results_are_paginated(client):
    for n in range(23):
        ColumnFactory(title=f"Harbour {n}")
    first = search(client, q="harbour")
    assert "Page 1 of 2" in first and 'rel="next" href="?q=harbour&amp;page=2"' in first
    assert "Page 2 of 2" in search(client, q="harbour", page=2)


def test_query_count_is_fixed(client, django_assert_num_queries):
    for n in range(3):
        ColumnFactory(title=f"Delta {n}", tags=["Rivers"], bylines=[AuthorFactory()])
        MentionFactory(topic=f"delta {n}", column=ColumnFactory(title="Upstream"))
    # Per kind the matches and their tags' counts; then the page's columns (with their
    # outlets) and mentions (with their outlets and columns); the header's owner: seven,
    # whatever the matches.
    with django_assert_num_queries(7):
        content = search(client, q="delta")
    assert "6 results" in content and content.count("Upstream</a>") == 3
    for n in range(30):
        ColumnFactory(title=f"Delta more {n}", tags=["Rivers", "Asia"], bylines=[AuthorFactory()])
        MentionFactory(topic=f"delta more {n}", column=ColumnFactory(title="Upstream"))
    with django_assert_num_queries(7):
        content = search(client, q="delta", page=2)
    assert "66 results" in content and "Page 2 of 4" in content


def test_later_pages_reuse_the_matches_until_the_content_changes(
    client, settings, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from pagecache import guard

    settings.COUNT_CACHE_SECONDS = 600
    cache.clear()
    guard.reset()
    for n in range(25):
        ColumnFactory(title=f"Estuary {n}")
    assert "25 results" in search(client, q="estuary")
    # The matches and facets are kept: page 2 loads its columns (and the header's owner).
    with django_assert_num_queries(2):
        second = search(client, q="estuary", page=2)
    assert "Page 2 of 2" in second and " 0</a>" in second  # the oldest
    with django_capture_on_commit_callbacks(execute=True):
        ColumnFactory(title="Estuary new")
    assert "26 results" in search(client, q="estuary")


def dated_columns(word, years, **fields):
    """One column titled "<word> of <year>" in each of `years` (highlighting may mark the word)."""
    return [
        ColumnFactory(
            title=f"{word} of {year}", posted_at=datetime.datetime(year, 6, 1, tzinfo=UTC), **fields
        )
        for year in years
    ]


def test_broad_searches_rank_and_count_only_the_most_recent_matches(client, settings):
    settings.SEARCH_MATCH_LIMIT = 3
    reuters = OutletFactory(name="Reuters", slug="reuters")
    dated_columns("Harbour", [2024, 2023, 2022], outlet=reuters, tags=["Ports"])
    # Older, and a better match (its tag too): beyond the limit, so not found.
    dated_columns("Harbour", [2019, 2018], tags=["Harbour"])
    MentionFactory(topic="harbour fees", outlet=reuters, date=datetime.date(2015, 1, 1))
    content = search(client, q="harbour")
    assert "More than 4 results for “harbour”" in content
    assert "among the 3 most recent matching columns, and the counts" in content
    for year in (2024, 2023, 2022):
        assert f" of {year}</a>" in content
    assert " of 2019</a>" not in content and " of 2018</a>" not in content
    assert "harbour fees" in content  # mentions are under the limit: all of them
    assert "Columns</a> (3)" in content and "Mentions</a> (1)" in content
    assert "Reuters</a> (4)" in content and "Ports</a> (3)" in content
    assert ">Harbour</a>" not in content and "2019</a>" not in content
    assert "2015</a> (1)" in content


def test_the_limit_applies_after_the_filters(client, settings):
    settings.SEARCH_MATCH_LIMIT = 2
    dated_columns("Canal", [2024, 2023, 2022])
    old = OutletFactory(name="Old Gazette", slug="old-gazette")
    dated_columns("Canal", [2010, 2009], outlet=old)
    assert "More than 2 results" in search(client, q="canal")
    narrowed = search(client, q="canal", outlet="old-gazette")
    assert "2 results for “canal”" in narrowed and "More than" not in narrowed
    assert " of 2010</a>" in narrowed and " of 2009</a>" in narrowed
    assert "most recent matching" not in narrowed
    by_year = search(client, q="canal", year="2009")
    assert "1 result for “canal”" in by_year and " of 2009</a>" in by_year


def test_searches_up_to_the_limit_are_exact(client, settings):
    settings.SEARCH_MATCH_LIMIT = 3
    dated_columns("Lagoon", [2024, 2023])
    MentionFactory(topic="lagoon tours", date=datetime.date(2001, 1, 1))
    dated_columns("Lagoon", [2000])
    # Exactly three columns: the limit is reached, not passed.
    content = search(client, q="lagoon")
    assert "4 results for “lagoon”" in content and "More than" not in content
    assert " of 2000</a>" in content and "lagoon tours" in content
    assert "Columns</a> (3)" in content


@postgres_only
def test_the_best_of_the_most_recent_matches_comes_first(client, settings):
    settings.SEARCH_MATCH_LIMIT = 2
    ColumnFactory(title="Notes", body="<p>On tariffs.</p>")
    ColumnFactory(title="Why tariffs fail", posted_at=datetime.datetime(2020, 1, 1, tzinfo=UTC))
    ColumnFactory(title="Tariffs, tariffs, tariffs",
                  posted_at=datetime.datetime(2010, 1, 1, tzinfo=UTC))  # fmt: skip
    content = search(client, q="tariffs")
    assert content.index("fail") < content.index("Notes")
    assert "Tariffs, tariffs" not in content


def test_only_published_items_are_found(client):
    ColumnFactory(title="Hidden draft lagoon", status=Column.Status.DRAFT)
    MentionFactory(topic="hidden lagoon", status=Mention.Status.DRAFT)
    assert "No results for" in search(client, q="lagoon")


def test_update_search_index_command_rebuilds_documents(client):
    column = ColumnFactory(title="Forgotten fjord")
    Column.objects.filter(pk=column.pk).update(search_vector=None)
    out = StringIO()
    call_command("update_search_index", stdout=out)
    if connection.vendor == "postgresql":
        assert "Updated 1 columns and 0 mentions." in out.getvalue()
        assert "1 result" in search(client, q="fjord")
    else:
        assert "nothing to do" in out.getvalue()
