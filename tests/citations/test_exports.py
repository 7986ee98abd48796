"""Downloads read back by the parsers citation tools use."""

import datetime
import io
import json
import zoneinfo

import bibtexparser
import jsonschema
import pytest
import rispy
from citeproc.source.json import CiteProcJSON

from tests.factories import AuthorFactory, ColumnFactory, OutletFactory

UTC = datetime.UTC

# The parts of CSL-JSON (citationstyles.org, csl-data.json) that our records use.
NAME = {
    "type": "object",
    "properties": {
        "family": {"type": "string"},
        "given": {"type": "string"},
        "non-dropping-particle": {"type": "string"},
        "literal": {"type": "string"},
    },
    "additionalProperties": False,
}
CSL_ITEM = {
    "type": "object",
    "required": ["id", "type"],
    "properties": {
        "id": {"type": ["string", "number"]},
        "type": {"enum": ["article-newspaper", "article-magazine", "post-weblog"]},
        "title": {"type": "string"},
        "author": {"type": "array", "items": NAME},
        "container-title": {"type": "string"},
        "issued": {
            "type": "object",
            "properties": {
                "date-parts": {
                    "type": "array",
                    "items": {"type": "array", "items": {"type": "integer"}, "maxItems": 3},
                }
            },
        },
        "URL": {"type": "string", "format": "uri"},
        "language": {"type": "string"},
        "abstract": {"type": "string"},
    },
    "additionalProperties": False,
}
CSL_DATA = {"type": "array", "items": CSL_ITEM}


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body.decode()


def test_bibtex_of_a_column(client, column):
    response, text = download(client, column.get_absolute_url() + "cite.bib")
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="sco.bib"'
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.entry_type == "article"
    fields = entry.fields_dict
    assert fields["author"].value == "Pantucci, Raffaello and von der Leyen, Ursula"
    assert fields["title"].value == "{Why the SCO matters}"
    assert fields["journaltitle"].value == "The Diplomat"
    assert fields["date"].value == "2024-03-05"
    assert fields["url"].value == "https://thediplomat.com/2024/03/sco/"


def test_ris_of_a_column(client, column):
    _, text = download(client, column.get_absolute_url() + "cite.ris")
    [entry] = rispy.load(io.StringIO(text))
    assert entry["type_of_reference"] == "NEWS"
    assert entry["authors"] == ["Pantucci, Raffaello", "von der Leyen, Ursula"]
    assert entry["title"] == "Why the SCO matters"
    assert entry["journal_name"] == "The Diplomat"
    assert entry["urls"] == ["https://thediplomat.com/2024/03/sco/"]
    assert entry["date"] == "2024/03/05/"


def test_csl_json_of_a_column_is_valid_and_citeproc_reads_it(client, column):
    response, text = download(client, column.get_absolute_url() + "cite.json")
    assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    data = json.loads(text)
    jsonschema.validate(data, CSL_DATA)
    CiteProcJSON(data)  # citeproc-py's reader accepts it


@pytest.mark.parametrize(
    "title",
    [
        "100% of {braces} & $dollars #1 under_score ^ ~ \\ back",
        "Line\nbreaks\r\nand\ttabs",
        "TY  - NOT A TAG\nER  - ",
    ],
)
def test_hostile_titles_stay_one_record(client, db, title):
    column = ColumnFactory(title=title, bylines=[AuthorFactory(name="Jane Roe")])
    _, bib = download(client, column.get_absolute_url() + "cite.bib")
    library = bibtexparser.parse_string(bib)
    assert not library.failed_blocks and len(library.entries) == 1
    _, ris = download(client, column.get_absolute_url() + "cite.ris")
    [entry] = rispy.load(io.StringIO(ris))
    assert entry["title"] == " ".join(title.split())


def test_a_list_bibliography_is_streamed_and_filtered(client, column):
    other = ColumnFactory(
        title="Another piece",
        outlet=OutletFactory(slug="other"),
        posted_at=datetime.datetime(2023, 1, 2, tzinfo=UTC),
    )
    response, text = download(client, "/publications.json")
    assert response.streaming
    ids = [item["id"] for item in json.loads(text)]
    assert ids == [f"column-{column.pk}", f"column-{other.pk}"]  # newest first
    for query, expected in [
        ("tag=sco", [column]),
        ("outlet=other", [other]),
        ("author=raffaello", [column]),
        ("year=2023", [other]),
        ("year=99999999999999999999", []),
        ("tag=%00", []),
        ("tag=no-such-tag", []),
    ]:
        _, text = download(client, f"/publications.json?{query}")
        data = json.loads(text)
        jsonschema.validate(data, CSL_DATA)
        assert [item["id"] for item in data] == [f"column-{c.pk}" for c in expected], query
    response, text = download(client, "/publications.bib?tag=sco")
    assert response["Content-Disposition"] == 'attachment; filename="publications-tag-sco.bib"'
    assert len(bibtexparser.parse_string(text).entries) == 1
    _, text = download(client, "/publications.ris")
    assert len(rispy.load(io.StringIO(text))) == 2


def test_drafts_are_never_exported(client, column):
    ColumnFactory(title="Secret draft", status="draft")
    _, text = download(client, "/publications.json")
    assert "Secret draft" not in text


def test_export_queries_do_not_grow_with_the_archive(client, db, django_assert_num_queries):
    for _ in range(3):
        ColumnFactory(bylines=[AuthorFactory(), AuthorFactory()], tags=["SCO"])
    # The columns with their outlets, then their tags and their bylines with authors.
    with django_assert_num_queries(3):
        download(client, "/publications.bib")
    for n in range(20):
        ColumnFactory(bylines=[AuthorFactory()], tags=["SCO", f"t{n}"])
    with django_assert_num_queries(3):
        download(client, "/publications.bib")


def test_a_column_is_cited_on_the_outlets_own_day(client, db):
    """07:05 on 1 January in Hong Kong is 31 December in UTC: the page, its address and the
    archive's year say 1 January 2020, and so must every record of it."""
    stamp = datetime.datetime(2020, 1, 1, 7, 5, tzinfo=zoneinfo.ZoneInfo("Asia/Hong_Kong"))
    column = ColumnFactory(
        title="New year in Hong Kong",
        slug="new-year",
        outlet=OutletFactory(name="SCMP", timezone="Asia/Hong_Kong"),
        outlet_published_at=stamp,
    )
    assert column.get_absolute_url() == "/2020/01/01/new-year/"
    _, bib = download(client, column.get_absolute_url() + "cite.bib")
    assert bibtexparser.parse_string(bib).entries[0].fields_dict["date"].value == "2020-01-01"
    _, ris = download(client, column.get_absolute_url() + "cite.ris")
    assert rispy.load(io.StringIO(ris))[0]["date"] == "2020/01/01/"
    _, csl = download(client, column.get_absolute_url() + "cite.json")
    assert json.loads(csl)[0]["issued"] == {"date-parts": [[2020, 1, 1]]}
    # The year's bibliography holds it, dated in that year.
    _, csl = download(client, "/publications.json?year=2020")
    assert [item["issued"] for item in json.loads(csl)] == [{"date-parts": [[2020, 1, 1]]}]
    html = client.get("/publications/").text
    assert "(2020, January 1)" in html and "2019" not in html
