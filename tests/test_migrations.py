"""A database migrated before issue 11's reshape migrates cleanly after it, its rows intact.

The reshape kept every model in its app, so no migration changed; this holds that line for
what comes next. The schema goes back to the migrations main had before the reshape (commit
0ad3ba0), rows are written with the models of that time, the schema goes forward to the latest
and the rows are read through today's models and pages. Only our apps move, and today not at
all, so the test takes about a second. It needs real commits (migrations are DDL), so it runs
with the transactional tests and empties the tables after it, as they do. (Not with
serialized_rollback: after a transactional test without it, such as the HTML-validity one, the
content types are made again with new ids and the serialized ones no longer load.)
"""

import datetime

import pytest
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from columns.models import Column
from mentions.models import Mention
from redirects.models import Redirect

pytestmark = pytest.mark.django_db(transaction=True)

# The latest migration of each of our apps at 0ad3ba0, the last commit before the reshape.
BEFORE_RESHAPE = [
    ("columns", "0005_modified_at_index"),
    ("mentions", "0003_review_permission"),
    ("outlets", "0001_initial"),
    ("redirects", "0002_editor_permissions"),
    ("tags", "0001_initial"),
    ("images", "0001_initial"),
]
POSTED = datetime.datetime(2024, 3, 5, 9, 30, tzinfo=datetime.UTC)


def migrate_to(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    executor.loader.build_graph()  # reads what is applied now
    return executor


@pytest.fixture
def old_models():
    """The models as the migrations before the reshape left them; the latest schema after."""
    executor = migrate_to(BEFORE_RESHAPE)
    yield executor.loader.project_state(BEFORE_RESHAPE).apps.get_model
    migrate_to(None)  # again, should the test have failed before it got there


def write_rows(model):
    outlet = model("outlets", "Outlet").objects.create(
        name="The Daily Example", slug="daily-example", timezone="Asia/Tokyo"
    )
    model("outlets", "OutletAlias").objects.create(outlet=outlet, name="Daily Example")
    author = model("columns", "Author").objects.create(
        name="Jane Roe", slug="jane-roe", is_owner=True, bio="Jane Roe writes."
    )
    # Historical models have no save(): the derived fields are written as save() would.
    column = model("columns", "Column").objects.create(
        title="Before the reshape",
        slug="before-the-reshape",
        body="<p>Written by the old schema.</p>",
        excerpt_html="<p>Written by the old schema.</p>",
        outlet=outlet,
        status="published",
        posted_at=POSTED,
        date=POSTED,
        day=POSTED.date(),
    )
    model("columns", "Byline").objects.create(
        column=column, author=author, position=0, bio="Jane Roe wrote this in 2024."
    )
    tag = model("taggit", "Tag").objects.create(name="SCO", slug="sco")
    model("columns", "TaggedColumn").objects.create(content_object=column, tag=tag)
    mention = model("mentions", "Mention").objects.create(
        outlet=outlet,
        topic="the old schema",
        date=POSTED.date(),
        kind="quoted",
        status="published",
        column=column,
        note="Background briefing, not for attribution.",
    )
    model("mentions", "TaggedMention").objects.create(content_object=mention, tag=tag)
    if connection.vendor == "postgresql":  # the search document of that time held the note
        model("mentions", "Mention").objects.update(
            search_vector=SearchVector("topic", "note", config="english")
        )
    model("redirects", "Redirect").objects.create(
        old_path="/?p=12", new_path="/2024/03/05/before-the-reshape/"
    )


def test_rows_written_before_the_reshape_survive_migrating_to_the_latest(old_models, client):
    write_rows(old_models)
    executor = migrate_to(None)
    assert not executor.migration_plan(executor.loader.graph.leaf_nodes())

    column = Column.objects.published().with_listing_data().get()
    assert (column.title, column.outlet.name, column.day) == (
        "Before the reshape",
        "The Daily Example",
        POSTED.date(),
    )
    assert [(b.author.name, b.printed_bio) for b in column.ordered_bylines] == [
        ("Jane Roe", "Jane Roe wrote this in 2024.")
    ]
    assert [tag.name for tag in column.tags.all()] == ["SCO"]
    assert column.outlet.aliases.get().name == "Daily Example"
    mention = Mention.objects.published().with_listing_data().get()
    assert (mention.column, [tag.name for tag in mention.tags.all()]) == (column, ["SCO"])
    # The one note of before stays internal: kept, never public, no longer searchable.
    assert mention.internal_note == "Background briefing, not for attribution."
    assert mention.public_note == ""
    found = client.get("/search/?q=briefing").content.decode()
    assert "Quoted by The Daily Example" not in found
    assert Redirect.objects.get().new_path == column.get_absolute_url()

    page = client.get(column.get_absolute_url())
    assert page.status_code == 200
    assert "Written by the old schema." in page.content.decode()
    assert "Jane Roe wrote this in 2024." in page.content.decode()
    assert client.get("/?p=12").headers["Location"] == column.get_absolute_url()
    assert (
        "Quoted by The Daily Example on the old schema."
        in client.get("/in-the-media/").content.decode()
    )
