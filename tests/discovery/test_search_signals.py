"""Stored search documents follow whatever public content they read (discovery/signals.py)."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from taggit.models import Tag

from core.content import public_models
from core.signals import bulk_saved
from discovery.search import SEARCH_CONFIG
from discovery.signals import REACHES, searchable_models
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stored documents are PostgreSQL's"
)


def found(model, word):
    """The rows of `model` whose stored document matches `word`."""
    query = SearchQuery(word, config=SEARCH_CONFIG)
    return set(model.objects.filter(search_vector=query).values_list("pk", flat=True))


def test_the_searchable_models_are_those_with_a_stored_document():
    searchable = searchable_models(public_models())
    assert {model._meta.label for model in searchable} == {"columns.Column", "mentions.Mention"}
    assert set(searchable) <= set(REACHES)


@postgres_only
def test_a_mentions_document_follows_tag_and_outlet_renames():
    outlet = OutletFactory(name="Daily Planet")
    mention = MentionFactory(topic="water", outlet=outlet)
    mention.tags.add("Tundra")
    column = ColumnFactory(title="A column", outlet=outlet, tags=["Tundra"])
    tag = Tag.objects.get(name="Tundra")
    tag.name = "Savanna"
    tag.save()
    outlet.name = "Evening Bugle"
    outlet.save()
    assert found(type(mention), "savanna") == found(type(mention), "bugle") == {mention.pk}
    assert found(type(column), "savanna") == found(type(column), "bugle") == {column.pk}


@postgres_only
def test_links_added_from_the_other_side_reach_the_document():
    author = AuthorFactory(name="Ottoline Quist")
    # Not the column whose key is the author's: the columns are found from the keys added.
    column = next(c for c in ColumnFactory.create_batch(2) if c.pk != author.pk)
    author.columns.add(column, through_defaults={"position": 0})
    assert found(type(column), "quist") == {column.pk}
    author.columns.remove(column)
    assert found(type(column), "quist") == set()


@postgres_only
def test_bulk_writes_of_related_rows_reach_the_documents():
    outlet = OutletFactory(name="Daily Planet")
    mention = MentionFactory(topic="water", outlet=outlet)
    type(outlet).objects.filter(pk=outlet.pk).update(name="Evening Bugle")  # no signal
    assert found(type(mention), "bugle") == set()
    bulk_saved.send(sender=type(outlet), pks=[outlet.pk])
    assert found(type(mention), "bugle") == {mention.pk}
