"""
A column's page from parts kept rendered (pagecache/fragments.py): an uncached column page
loads the column's row, reads its two parts in one round trip, and renders its frame and only
the parts not kept.

- Its **article**, with what it puts in the page's head (tags, authors' handles, structured
  data, citation metadata) and its description: kept per column and address of the site (its
  links are absolute), with the keys of every row loaded to render it (its outlet, tags,
  bylines, authors, press mentions) and its members (a new byline or mention).
- What is **around** it, the previous and next columns and the related ones (around(), one
  query): kept per column, with the keys of the columns it names and of what would change it
  (a column between its neighbours, its tags' columns within the window related columns come
  from), which the page cache reads too (`shows()`).

Each part is kept no longer than the first scheduled go-live that touches its keys (a
neighbour scheduled for tomorrow, a mention dated tomorrow). Only public columns' parts are
kept; a staff preview of a draft renders everything.
"""

import datetime
import functools
import sys
from pathlib import Path
from typing import NamedTuple

from django.db import connection
from django.db.models import BooleanField, Prefetch, prefetch_related_objects
from django.db.models.expressions import RawSQL
from django.template import engines
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from taggit.models import Tag

from core import sql
from core.links import dated_url
from mentions.models import Mention
from outlets.models import Outlet
from pagecache import fragments
from pagecache.keys import members_key, model_key, object_key, period_keys, recording_apart

from . import structured
from .models import Byline, Column, TaggedColumn

COLUMNS = model_key(Column)
THIS = Path(__file__)
# What renders the article part, whose versions name it: a deploy that changes one of them
# serves none of the parts kept before.
ARTICLE_TEMPLATES = (
    "columns/column_head.html",
    "columns/column_article.html",
    "includes/byline.html",
    "includes/tags.html",
    "includes/mention.html",
    "citations/meta.html",
    "citations/cite.html",
)
ARTICLE_LIBRARIES = ("citations", "appearances", "links")
AROUND_TEMPLATE = "columns/column_around.html"
# A column's tags, in the order of their ids (as taggit's prefetch gave them): with the ORM,
# prefetching them cost a first render 0.8 ms of CPU, this 0.15.
TAGS_SQL = (
    f"SELECT t.id, t.name, t.slug FROM {Tag._meta.db_table} t"
    f" INNER JOIN {TaggedColumn._meta.db_table} x ON x.tag_id = t.id"
    " WHERE x.content_object_id = %s ORDER BY t.id"
)
DATE_FIELD, DAY_FIELD = Column._meta.get_field("date"), Column._meta.get_field("day")
# The bounds of "no bound" for a window with fewer columns on one side.
EARLIEST = datetime.datetime(1, 1, 2, tzinfo=datetime.UTC)
LATEST = datetime.datetime(9999, 12, 30, tzinfo=datetime.UTC)


class Nearby(NamedTuple):
    """A column named on another's page: a neighbour or a related column."""

    pk: int
    date: datetime.datetime
    day: datetime.date
    title: str
    slug: str
    outlet_id: int | None
    outlet_name: str | None
    shared: int  # how many of the column's tags it shares

    @property
    def url(self):
        return dated_url("columns:detail", self.day, self.slug)  # Column.get_absolute_url()'s

    def keys(self):
        """Its row and members (a merge of tags moves its links by saving them), its outlet."""
        keys = {f"{COLUMNS}:{self.pk}", members_key(Column, self.pk)}
        if self.outlet_id:
            keys.add(f"{model_key(Outlet)}:{self.outlet_id}")
        return keys


class Around(NamedTuple):
    previous: Nearby | None
    next: Nearby | None
    related: list
    # The dates of the window's ends, or None on a side with fewer columns than the window.
    window_start: datetime.datetime | None
    window_end: datetime.datetime | None


def around(column, tag_ids, window):
    """The previous and next public columns and the five related ones, in one query.

    Related columns share most tags (`tag_ids`) with this one, among the `window` public
    columns published just before it and as many just after, newest first among equals.
    Ranking every column that shares a tag counted a third of the archive for a popular tag
    (80 ms at 50,000 columns); the window keeps the work the same at any size, and columns
    of the same weeks are the likelier follow-ups anyway.

    The query is written in SQL (around_sql()), around published()'s own condition compiled
    by the ORM: building and compiling it with the ORM, and reading the window's 200 rows to
    rank them here, cost three quarters of the 4 ms a first render spent on it. The database
    ranks them, and returns the neighbours and related columns alone (seven rows at most),
    each with the window's ends (NULL on a side with fewer columns than the window)."""
    with connection.cursor() as cursor:
        cursor.execute(*around_sql(column, tag_ids, window))
        found = cursor.fetchall()
    rows = [Nearby(pk, _datetime(at), _date(day), *rest) for pk, at, day, *rest, _, _ in found]
    # The neighbours are among them: the nearest rows on either side.
    before = [row for row in rows if (row.date, row.pk) < (column.date, column.pk)]
    after = rows[len(before) :]
    related = sorted(
        (row for row in rows if row.shared),
        key=lambda row: (-row.shared, -row.date.timestamp(), -row.pk),
    )[:5]
    start, end = (_datetime(at) for at in found[0][-2:]) if found else (None, None)
    return Around(before[-1] if before else None, after[0] if after else None, related, start, end)


def around_sql(column, tag_ids, window):
    """around()'s query and its parameters. The window is the `window` public columns on
    either side of the column (its ends found first, once, so that the database reads the
    date index from the column outwards), with the number of `tag_ids` each has; of those
    it returns the nearest on either side and the five sharing most tags."""
    public, public_params = sql.condition(Column.objects.published())
    table = connection.ops.quote_name(Column._meta.db_table)
    adapt = connection.ops.adapt_datetimefield_value
    at, pk = adapt(column.date), column.pk
    if tag_ids:
        marks = ", ".join(["%s"] * len(tag_ids))
        shared = (
            f"(SELECT COUNT(*) FROM {connection.ops.quote_name(TaggedColumn._meta.db_table)} t"
            f" WHERE t.content_object_id = {table}.id AND t.tag_id IN ({marks}))"
        )
        shared_params = list(tag_ids)
    else:
        shared, shared_params = "0", []

    def side(op, order):
        """An end of the window: the `window`-th public column on one side, or NULL."""
        return (
            f"SELECT date FROM {table} WHERE {public} AND date {op}= %s"
            f" AND (date {op} %s OR (date = %s AND id {op} %s)) ORDER BY date {order}, id {order}"
            " LIMIT 1 OFFSET %s"
        )

    def nearest(op):
        return f"SELECT id FROM nearby WHERE date {op} %s OR (date = %s AND id {op} %s)"

    side_params = [*public_params, at, at, at, pk, window - 1]
    query = f"""
        WITH ends AS (
            SELECT ({side("<", "DESC")}) AS first_date,
                ({side(">", "ASC")}) AS last_date
        ), nearby AS (
            SELECT id, date, day, title, slug, outlet_id, {shared} AS shared FROM {table}
            WHERE {public} AND id <> %s
                AND date >= COALESCE((SELECT first_date FROM ends), %s)
                AND date <= COALESCE((SELECT last_date FROM ends), %s)
        )
        SELECT w.id, w.date, w.day, w.title, w.slug, w.outlet_id, o.name, w.shared,
            ends.first_date, ends.last_date
        FROM nearby w CROSS JOIN ends
            LEFT OUTER JOIN {connection.ops.quote_name(Outlet._meta.db_table)} o
            ON o.id = w.outlet_id
        WHERE w.id = ({nearest("<")} ORDER BY date DESC, id DESC LIMIT 1)
            OR w.id = ({nearest(">")} ORDER BY date ASC, id ASC LIMIT 1)
            OR w.id IN (
                SELECT id FROM nearby WHERE shared > 0
                ORDER BY shared DESC, date DESC, id DESC LIMIT 5
            )
        ORDER BY w.date, w.id
    """
    params = [
        *side_params,
        *side_params,
        *shared_params,
        *public_params,
        pk,
        adapt(EARLIEST),
        adapt(LATEST),
        at,
        at,
        pk,
        at,
        at,
        pk,
    ]
    return query, params


def has_mentions():
    """Whether a column has public press mentions, for its row's query: an EXISTS written in
    SQL around published()'s condition (an Exists() built with the ORM cost every render a
    quarter of a millisecond more)."""
    mentions, params = sql.condition(Mention.objects.published())
    table, column = (connection.ops.quote_name(m._meta.db_table) for m in (Mention, Column))
    return RawSQL(
        f"EXISTS (SELECT 1 FROM {table} WHERE {mentions} AND {table}.column_id = {column}.id)",
        params,
        output_field=BooleanField(),
    )


def _datetime(value):
    """A date and time as the ORM reads it from the database (on SQLite, text)."""
    return _converted(DATE_FIELD, value)


def _date(value):
    return _converted(DAY_FIELD, value)


def _converted(field, value):
    column = field.get_col(Column._meta.db_table)
    for convert in connection.ops.get_db_converters(column) + column.get_db_converters(connection):
        value = convert(value, column, connection)
    return value


def around_keys(column, tag_ids, found):
    """What the part around a column shows besides the columns it names (with their outlets):
    the column itself (its date and tags place it), the columns between its neighbours (a
    new one would be the next), and its tags' columns in the window its related columns come
    from. The first and the latest column depend on every column."""
    keys = {object_key(column), members_key(Column, column.pk)}  # its tags, even retagged
    for row in (found.previous, found.next, *found.related):
        if row:
            keys |= row.keys()
    if found.previous and found.next:
        keys |= period_keys(COLUMNS, found.previous.day, found.next.day)
    else:
        keys.add(COLUMNS)
    for tag_id in tag_ids:
        tag_members = members_key(Tag, tag_id)
        if found.window_start and found.window_end:
            # A margin of a day: the window's ends are instants, periods local days.
            day = datetime.timedelta(days=1)
            start, end = found.window_start.date() - day, found.window_end.date() + day
            keys |= period_keys(tag_members, start, end)
        else:
            keys.add(tag_members)
    return frozenset(keys)


class Parts(NamedTuple):
    """What a column's page shows of it, besides its row: safe HTML, and its description."""

    head: str
    article: str
    around: str
    description: str


def parts(column, request, window):
    """The parts of `column`'s page, each from the fragment cache while it is current, else
    rendered, loading only what it shows, and kept (public columns only). The page shows
    what they show: their keys are added to its own (fragments.set_many)."""
    names = {"article": "article", "around": "around"}  # a preview's: rendered, not kept
    if column.is_public:
        root = request.build_absolute_uri("/")
        names = {
            "article": f"column:{column.pk}:{_article_code()}:{root}",
            "around": f"column-around:{column.pk}:{_around_code()}",
        }
    current, kept = fragments.get_many(list(names.values()) if column.is_public else [])
    rendered = {}
    article = kept.get(names["article"])
    if article is None:
        article = rendered["article"] = render_article(column, request)
        article = article[0]
    around_html = kept.get(names["around"])
    if around_html is None:
        found = around(column, article["tags"], window)
        context = {
            "previous_column": found.previous,
            "next_column": found.next,
            "related_columns": found.related,
        }
        around_html = render_to_string(AROUND_TEMPLATE, context)
        rendered["around"] = (around_html, around_keys(column, article["tags"], found))
    fragments.set_many(current, {names[part]: value for part, value in rendered.items()})
    # Rendered by the parts' templates, which escape what they print.
    return Parts(
        mark_safe(article["head"]),
        mark_safe(article["article"]),
        mark_safe(around_html),
        article["description"],
    )


def render_article(column, request):
    """({head, article, description, tags}, the keys of what it shows): the column's article
    rendered with its tags, bylines and authors (with their portraits, which the structured
    data names) and its public press mentions, each loaded here."""
    with recording_apart() as loaded:
        tags = list(Tag.objects.raw(TAGS_SQL, [column.pk]))
        authors = Byline.objects.select_related("author", "author__photo")
        prefetch_related_objects([column], Prefetch("bylines", queryset=authors))
        mentions = []
        if column.has_mentions:
            mentions = Mention.objects.published().filter(column=column).select_related("outlet")
        # No context processors: what they give (the site owner...) is not the article's.
        context = {
            "request": request,
            "column": column,
            "tags": tags,
            "mentions": mentions,
            "json_ld": structured.article(column, request, tags),
        }
        article = {
            "head": render_to_string("columns/column_head.html", context),
            "article": render_to_string("columns/column_article.html", context),
            "description": column.dek or Truncator(strip_tags(column.excerpt_html)).words(40),
            "tags": tuple(tag.pk for tag in tags),
        }
    return article, frozenset(loaded) | fragments.instance_keys(column)


def library_files(module):
    """A template library's file and those of its own app's modules whose functions or
    classes it uses: the citation tags render with citations/records.py and styles.py, so a
    deploy that changes only those must name new parts too."""
    app = module.__name__.partition(".")[0] + "."
    used = {getattr(value, "__module__", None) for value in vars(module).values()}
    names = sorted(n for n in used if isinstance(n, str) and n.startswith(app) and n in sys.modules)
    return [Path(sys.modules[name].__file__) for name in names]


# Once per process: the code does not change under a running server (a deploy restarts it),
# and reading and hashing its files was 35 µs of every column page rendered.
@functools.cache
def _article_code():
    engine = engines["django"].engine
    templates = [engine.get_template(name).source for name in ARTICLE_TEMPLATES]
    libraries = [
        path
        for name in ARTICLE_LIBRARIES
        for path in library_files(sys.modules[engine.libraries[name]])
    ]
    return fragments.code_version(*templates, *libraries, Path(structured.__file__), THIS)


@functools.cache
def _around_code():
    engine = engines["django"].engine
    return fragments.code_version(engine.get_template(AROUND_TEMPLATE).source, THIS)
