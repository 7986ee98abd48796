import pytest

from citations.records import citation_key, csl_item, person_name
from outlets.models import Outlet


@pytest.mark.parametrize(
    "name, parts",
    [
        ("Raffaello Pantucci", {"given": "Raffaello", "family": "Pantucci"}),
        ("Jane Q. Roe", {"given": "Jane Q.", "family": "Roe"}),
        (
            "Ursula von der Leyen",
            {"given": "Ursula", "family": "Leyen", "non-dropping-particle": "von der"},
        ),
        ("Ahmed al Sharaa", {"given": "Ahmed", "family": "Sharaa", "non-dropping-particle": "al"}),
        ("Madonna", {"literal": "Madonna"}),
        ("  ", {"literal": ""}),
    ],
)
def test_person_names_split_as_citations_need_them(name, parts):
    assert person_name(name) == parts


def test_a_newspaper_column_is_a_newspaper_article_at_its_original_address(column):
    item = csl_item(column, "https://site.example/2024/03/05/sco/")
    assert item["type"] == "article-newspaper"
    assert item["container-title"] == "The Diplomat"
    assert item["URL"] == "https://thediplomat.com/2024/03/sco/"
    assert item["issued"] == {"date-parts": [[2024, 3, 5]]}
    assert [a.get("family") for a in item["author"]] == ["Pantucci", "Leyen"]
    assert citation_key(item) == f"pantucci2024matters-{column.pk}"


def test_magazines_think_tanks_and_our_own_posts_have_their_own_types(column):
    column.outlet.kind = Outlet.Kind.THINK_TANK
    assert csl_item(column, "u")["type"] == "article-magazine"
    column.outlet = None
    column.original_url = ""
    item = csl_item(column, "https://site.example/x/")
    assert item["type"] == "post-weblog"
    assert item["URL"] == "https://site.example/x/"
