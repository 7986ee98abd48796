import datetime
import json
import re

import pytest
from django.db import connection
from django.test import Client
from jsonschema import Draft202012Validator
from ninja.responses import NinjaJSONEncoder
from openapi_spec_validator import validate as validate_openapi

from columns.models import Column
from discovery.api import api
from mentions.models import Mention
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
# The document ninja generates, as /api/openapi.json serves it (in JSON, status codes are keys
# written as strings).
DOCUMENT = json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))


def path_template(path):
    for template in DOCUMENT["paths"]:
        if re.fullmatch(re.sub(r"\{\w+\}", r"[^/]+", template), path):
            return template
    raise AssertionError(f"{path} is not in the OpenAPI document")


def get_json(client, path, params=None, status=200):
    """GET an API path and check the body against the OpenAPI schema for that status."""
    response = client.get(path, params or {})
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    operation = DOCUMENT["paths"][path_template(path)]["get"]
    schema = operation["responses"][str(status)]["content"]["application/json"]["schema"]
    validator = Draft202012Validator(
        {**schema, "components": DOCUMENT["components"]},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    validator.validate(response.json())
    return response.json()


@pytest.fixture
def column():
    outlet = OutletFactory(name="Nikkei Asia", slug="nikkei")
    jane, li = AuthorFactory(name="Jane Roe", slug="jane"), AuthorFactory(name="Li Wei", slug="li")
    column = ColumnFactory(
        title="Why the SCO matters",
        slug="sco",
        dek="A club that grew.",
        intro="<p>Note.</p>",
        body="<p>Body.</p>",
        outlet=outlet,
        original_url="https://asia.nikkei.com/sco",
        print_headline="The club",
        outlet_published_at=datetime.datetime(2024, 3, 1, 7, 5, tzinfo=UTC),
        tags=["SCO", "central asia"],
        bylines=[(li, "Li Wei writes for Nikkei."), jane],
    )
    MentionFactory(topic="the SCO", column=column, outlet=OutletFactory(name="BBC", slug="bbc"))
    return column


def test_openapi_document_is_served_and_its_schemas_are_valid(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document == DOCUMENT  # the one every response below is checked against
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/", "/api/columns/", "/api/columns/{id}/", "/api/mentions/", "/api/outlets/",
        "/api/tags/",
    }  # fmt: skip
    validate_openapi(document)  # the whole document against the OpenAPI 3.1 specification
    for schema in document["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)


def test_api_root_links_every_list(client):
    data = get_json(client, "/api/")
    assert data["columns"] == "http://testserver/api/columns/"
    assert data["openapi"] == "http://testserver/api/openapi.json"
    for url in data.values():
        assert client.get(url).status_code == 200


def test_unknown_api_addresses_are_json_404s(client):
    response = client.get("/api/nothing/here/")
    assert response.status_code == 404 and response.json() == {"error": "Not found."}


def test_column_shape(client, column):
    data = get_json(client, f"/api/columns/{column.pk}/")
    assert data["url"] == f"http://testserver{column.get_absolute_url()}"
    assert data["outlet"] == {"name": "Nikkei Asia", "slug": "nikkei",
                              "url": "http://testserver/outlet/nikkei/"}  # fmt: skip
    default_bio = "Jane Roe is a fellow at the Example Institute."
    assert data["authors"] == [
        {"name": "Li Wei", "slug": "li", "bio": "Li Wei writes for Nikkei."},
        {"name": "Jane Roe", "slug": "jane", "bio": default_bio},
    ]
    assert data["tags"] == ["central asia", "SCO"]
    assert data["published_at"] == "2024-03-01T07:05:00+00:00"
    assert data["updated_at"] is None
    assert data["intro_html"] == "<p>Note.</p>" and data["body_html"] == "<p>Body.</p>"
    assert data["print_headline"] == "The club"
    assert data["original_url"] == "https://asia.nikkei.com/sco"
    [mention] = data["mentions"]
    assert mention["outlet"] == {"name": "BBC", "slug": "bbc"} and "column" not in mention


def test_column_list_filters(client, column):
    ColumnFactory(title="Other", posted_at=datetime.datetime(2021, 6, 1, tzinfo=UTC))
    assert get_json(client, "/api/columns/")["count"] == 2
    for params in [{"tag": "sco"}, {"outlet": "nikkei"}, {"author": "jane"}, {"year": "2024"},
                   {"q": "SCO"}, {"tag": "sco", "author": "li", "year": "2024"}]:  # fmt: skip
        data = get_json(client, "/api/columns/", params)
        assert [c["title"] for c in data["results"]] == ["Why the SCO matters"], params
    for params in [{"tag": "nothing"}, {"outlet": "x\x00y"}, {"author": "nobody"},
                   {"year": "1999"}, {"q": '"unbalanced'}, {"q": "x" * 10_000}]:  # fmt: skip
        assert get_json(client, "/api/columns/", params)["count"] == 0, params


@pytest.mark.parametrize(
    "params",
    [{"year": "abc"}, {"year": "0"}, {"year": "20245"}, {"year": "-1"}, {"year": "²"},
     {"year": "9" * 5000}, {"page": "x"}, {"page": "0"}, {"page": "-2"}, {"page": "1.5"},
     {"page": "²"}, {"page": "9" * 5000}],
)  # fmt: skip
@pytest.mark.parametrize("path", ["/api/columns/", "/api/mentions/"])
def test_bad_values_are_400_with_a_message(client, column, path, params):
    data = get_json(client, path, params, status=400)
    assert data["error"].startswith(f"`{next(iter(params))}` must be")


@pytest.mark.parametrize("path", ["/api/columns/", "/api/mentions/", "/api/outlets/", "/api/tags/"])
def test_pages_past_the_end_and_missing_items_are_404(client, column, path):
    assert "no page 5" in get_json(client, path, {"page": "5"}, status=404)["error"]
    get_json(client, "/api/columns/99999/", status=404)


def test_pagination_links(client):
    for n in range(45):
        ColumnFactory(title=f"Piece {n}")
    first = get_json(client, "/api/columns/", {"outlet": ""})
    assert first["count"] == 45 and len(first["results"]) == 20 and first["previous"] is None
    assert first["next"] == "http://testserver/api/columns/?outlet=&page=2"
    last = get_json(client, "/api/columns/", {"page": "3"})
    assert len(last["results"]) == 5 and last["next"] is None
    assert last["previous"] == "http://testserver/api/columns/?page=2"


def test_mentions_outlets_and_tags(client, column):
    MentionFactory(topic="later", outlet=column.outlet).tags.set(["SCO"])
    mentions = get_json(client, "/api/mentions/")["results"]
    assert {m["topic"] for m in mentions} == {"the SCO", "later"}
    about = next(m for m in mentions if m["topic"] == "the SCO")
    assert about["column"] == f"http://testserver{column.get_absolute_url()}"
    assert get_json(client, "/api/mentions/", {"outlet": "bbc"})["count"] == 1
    assert get_json(client, "/api/mentions/", {"tag": "sco"})["count"] == 1

    outlets = get_json(client, "/api/outlets/")["results"]
    assert [(o["slug"], o["count"]) for o in outlets] == [("bbc", 0), ("nikkei", 1)]
    tags = get_json(client, "/api/tags/")["results"]
    assert [(t["name"], t["count"], t["url"]) for t in tags] == [
        ("central asia", 1, "http://testserver/tag/central-asia/"),
        ("SCO", 1, "http://testserver/tag/sco/"),
    ]


def test_a_mention_never_links_a_hidden_column(client):
    draft = ColumnFactory(status=Column.Status.DRAFT)
    MentionFactory(column=draft)
    [mention] = get_json(client, "/api/mentions/")["results"]
    assert mention["column"] is None


def test_etags_and_cors(client, column):
    response = client.get("/api/columns/")
    assert response.has_header("ETag")
    again = client.get("/api/columns/", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304 and again["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/api/columns/")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert client.head("/api/tags/").status_code == 200
    for method in (client.post, client.put, client.delete, client.patch):
        response = method("/api/columns/")
        assert response.status_code == 405
        assert not response.has_header("Access-Control-Allow-Origin")


def test_only_published_content_appears(client):
    with_draft = ColumnFactory(status=Column.Status.DRAFT, tags=["secret"],
                               outlet=OutletFactory(slug="hidden-outlet"))  # fmt: skip
    MentionFactory(status=Mention.Status.DRAFT, outlet=with_draft.outlet)
    assert get_json(client, "/api/columns/")["count"] == 0
    assert get_json(client, "/api/mentions/")["count"] == 0
    assert get_json(client, "/api/outlets/")["count"] == 0
    assert get_json(client, "/api/tags/")["count"] == 0
    get_json(client, f"/api/columns/{with_draft.pk}/", status=404)


@pytest.mark.parametrize(
    ("path", "queries"),
    [("/api/columns/", 6), ("/api/mentions/", 3), ("/api/outlets/", 2), ("/api/tags/", 2)],
)
def test_query_counts_are_fixed(client, django_assert_num_queries, path, queries):
    # Lists: the count, the page, then per related set one query (columns: tags, bylines,
    # mentions and their tags; mentions: tags).
    for rounds in (2, 10):
        for _ in range(rounds):
            column = ColumnFactory(bylines=[AuthorFactory(), AuthorFactory()], tags=["A", "B"])
            MentionFactory(column=column).tags.set(["C"])
        with django_assert_num_queries(queries):
            get_json(client, path)


def test_column_detail_query_count(client, column, django_assert_num_queries):
    with django_assert_num_queries(5):
        get_json(client, f"/api/columns/{column.pk}/")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking is PostgreSQL's")
def test_search_results_are_ranked(client):
    ColumnFactory(title="Notes", body="<p>On sanctions.</p>")
    ColumnFactory(title="Why sanctions fail", posted_at=datetime.datetime(2020, 1, 1, tzinfo=UTC))
    data = get_json(client, "/api/columns/", {"q": "sanctions"})
    assert [c["title"] for c in data["results"]] == ["Why sanctions fail", "Notes"]


def test_search_counts_and_ranks_only_the_most_recent_matches(client, settings):
    settings.SEARCH_MATCH_LIMIT = 2
    for year in (2024, 2023, 2010):
        ColumnFactory(title=f"Quarry {year}", posted_at=datetime.datetime(year, 1, 1, tzinfo=UTC))
    data = get_json(client, "/api/columns/", {"q": "quarry"})
    assert data["count"] == 2
    assert sorted(c["title"] for c in data["results"]) == ["Quarry 2023", "Quarry 2024"]
    # Filters come first: the old column is found when they narrow the search to it.
    data = get_json(client, "/api/columns/", {"q": "quarry", "year": "2010"})
    assert [c["title"] for c in data["results"]] == ["Quarry 2010"]


def test_search_query_count_is_fixed(client, django_assert_num_queries):
    for rounds in (2, 10):
        for _ in range(rounds):
            column = ColumnFactory(title="Gravel", bylines=[AuthorFactory()], tags=["A"])
            MentionFactory(column=column).tags.set(["C"])
        # The count, the page, its tags, bylines, mentions and their tags.
        with django_assert_num_queries(6):
            get_json(client, "/api/columns/", {"q": "gravel"})


@pytest.mark.parametrize(
    "path", ["/api/", "/api/columns/", "/api/columns/1/", "/api/nothing/", "/api/openapi.json"]
)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_json_405s_not_the_csrf_page(path, method, editor):
    # A browser with a session and no CSRF token: what a cross-site form would send.
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    response = getattr(browser, method)(path, data="{}", content_type="application/json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "read-only" in response.json()["error"]
