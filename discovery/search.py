"""
Search over published columns and mentions, with one backend chosen once for the database.

PostgreSQL (`FullTextSearch`): each Column and Mention keeps a `search_vector` (tsvector,
GIN-indexed) computed in the database from its own text, its tags and its outlet's name;
matches are ranked and their snippets highlighted. SQLite (`SubstringSearch`, the quick
start): the field stays empty and words match as substrings, unranked. `search_backend()`
returns the one for the default database; the views, the API, `update_search_index` and the
signal handlers (through `update_search_vector()`) ask it, never the database vendor.
"""

import functools
import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import nh3
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.models import F, FloatField, Func, OuterRef, Q, Subquery, TextField, Value
from django.db.models.expressions import RawSQL
from django.utils.safestring import mark_safe

# The text search configuration for documents and queries: English stemming and stop words.
SEARCH_CONFIG = "english"


def _tag_names(through):
    tagged = through.objects.filter(content_object=OuterRef("pk"))
    names = tagged.values("content_object").annotate(
        # Ordered, so the same content always gives the same document.
        names=StringAgg("tag__name", " ", order_by="tag__name")
    )
    return Subquery(names.values("names")[:1])


def _outlet_name(outlet_model):
    outlets = outlet_model.objects.filter(pk=OuterRef("outlet_id"))
    return Subquery(outlets.values("name")[:1])


def _author_names(byline_model):
    bylines = byline_model.objects.filter(column=OuterRef("pk"))
    names = bylines.values("column").annotate(
        names=StringAgg("author__name", " ", order_by="position")
    )
    return Subquery(names.values("names")[:1])


# The SQL of `SearchVector("intro", "body", weight="C", config=SEARCH_CONFIG)` over columns of
# values rather than of a table: `TextVectors` makes it on a connection of its own.
_TEXT_VECTORS = (
    "SELECT setweight(to_tsvector(%s::regconfig, COALESCE(t.intro, '') || ' ' || "
    "COALESCE(t.body, '')), 'C')::text FROM unnest(%s::text[], %s::text[]) "
    "WITH ORDINALITY AS t(intro, body, n) ORDER BY t.n"
)


def column_document(tagged_model, outlet_model, byline_model):
    """Title above standfirst and tags above intro and body; outlet and authors count least.

    Models are passed in so that migrations can use the same document with historical models.
    `_DOCUMENTS_OF_VALUES` makes the same one from values (`NewColumnDocuments`).
    """
    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("dek", "print_headline", weight="B", config=SEARCH_CONFIG)
        + SearchVector(_tag_names(tagged_model), weight="B", config=SEARCH_CONFIG)
        + SearchVector("intro", "body", weight="C", config=SEARCH_CONFIG)
        + SearchVector(
            _outlet_name(outlet_model), _author_names(byline_model), weight="D",
            config=SEARCH_CONFIG,
        )
    )  # fmt: skip


# `column_document()` as PostgreSQL computes it (the SQL Django writes for it), over columns of
# values instead of rows: the tags' names as a JSON array, ordered here as the subquery orders
# them; the authors' names joined in byline order. A test holds the two to the same result.
_DOCUMENTS_OF_VALUES = """
SELECT ((((setweight(to_tsvector(c.config, COALESCE(t.title, '')), 'A')
    || setweight(to_tsvector(c.config, COALESCE(t.dek, '') || ' ' || COALESCE(t.headline, '')),
                 'B'))
    || setweight(to_tsvector(c.config, COALESCE((SELECT STRING_AGG(name, ' ' ORDER BY name)
        FROM jsonb_array_elements_text(t.tags::jsonb) AS name), '')), 'B'))
    || setweight(to_tsvector(c.config, COALESCE(t.intro, '') || ' ' || COALESCE(t.body, '')),
                 'C'))
    || setweight(to_tsvector(c.config, COALESCE(t.outlet, '') || ' ' || COALESCE(t.authors, '')),
                 'D'))::text
FROM (SELECT %s::regconfig AS config) AS c,
    unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[],
           %s::text[])
        WITH ORDINALITY AS t(title, dek, headline, tags, intro, body, outlet, authors, n)
ORDER BY t.n
"""


class NewColumnDocuments:
    """The search documents of new columns, made while the importer goes on with the next ones.

    Stemming 30 MB of text was most of PostgreSQL's work in a 5,000-post import, and it needs
    only the text: a thread asks it of a connection of its own (outside the import's
    transaction, nothing written), so that it runs beside the importer's own work instead of
    after each batch, and each document is written with its row (no UPDATE of every new row).
    `add([(column, tag names, outlet name, author names in byline order), ...])` hands over
    columns as they will be saved; `handed_over().of(columns)` sets each one's `search_vector`.
    """

    # Connections stemming at once: with one, the importer waited for the documents at each
    # batch (PostgreSQL stems about 2,000 columns a second on one core).
    CONNECTIONS = 2

    def __init__(self):
        self._pool = ThreadPoolExecutor(self.CONNECTIONS, thread_name_prefix="documents")
        self._chunks = []  # (columns, future of their documents), in the order handed over

    def add(self, entries):
        values = [
            [column.title, column.dek, column.print_headline, json.dumps(tags), column.intro,
             column.body, outlet, " ".join(authors) if authors else None]
            for column, tags, outlet, authors in entries
        ]  # fmt: skip
        columns = [column for column, *_ in entries]
        self._chunks.append((columns, self._pool.submit(_documents_of_values, values)))

    def handed_over(self):
        """The documents of every column handed over so far, as `Documents`, to be waited for
        where they are written (`Documents.of()`, from any thread): the importer goes on with
        the next columns meanwhile."""
        chunks, self._chunks = self._chunks, []
        return Documents(chunks)

    def close(self):
        # Each thread closes its own connection: none goes on before all have one to close.
        barrier = threading.Barrier(self.CONNECTIONS, timeout=60)
        for _ in range(self.CONNECTIONS):
            self._pool.submit(_close_connection, barrier)
        self._pool.shutdown(wait=True)


class Documents:
    """Documents asked of `NewColumnDocuments`, still being made."""

    def __init__(self, chunks):
        self._chunks = chunks  # (columns, future of their documents)
        self.made = None  # once of() has run: False when the other connection failed

    def of(self, columns):
        """Wait for the documents and set each column's `search_vector`; return those of
        `columns`, in their order. When the other connection failed, `made` is False and the
        documents are None: the caller then has them made from the rows, as a save does (a
        text PostgreSQL refuses to index then fails the import as it always did)."""
        made = True
        for handed, future in self._chunks:
            try:
                documents = future.result()
            except DatabaseError:
                made, documents = False, [None] * len(handed)
            for column, document in zip(handed, documents, strict=True):
                column.search_vector = document
        self._chunks, self.made = [], made
        return [column.search_vector for column in columns]


def _documents_of_values(rows):
    # In the thread: Django gives it a connection of its own, in autocommit. The arrays go as
    # parameters in binary (psycopg's own cursor: Django's writes them into the SQL as quoted
    # literals, 30 MB of text escaped by the thread, then parsed by PostgreSQL).
    import psycopg  # PostgreSQL's alone

    arrays = [list(values) for values in zip(*rows, strict=True)]
    connection = connections[DEFAULT_DB_ALIAS]
    connection.ensure_connection()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(_DOCUMENTS_OF_VALUES_BINARY, [SEARCH_CONFIG, *arrays], binary=True)
        return [document for (document,) in cursor.fetchall()]


# The documents come back in binary too, as `bytes`, for the importer's binary COPY
# (wordpress.bulk): PostgreSQL neither prints them as text nor parses them back.
_DOCUMENTS_OF_VALUES_BINARY = _DOCUMENTS_OF_VALUES.replace("%s::text[]", "%b::text[]").replace(
    "'D'))::text", "'D'))"
)


def _close_connection(barrier):
    try:
        barrier.wait()
    finally:
        connections[DEFAULT_DB_ALIAS].close()


def mention_document(tagged_model, outlet_model):
    """Topic above tags and outlet above the public note. The internal note is never indexed:
    search is public, and a snippet would show it.
    """
    document = (
        SearchVector("topic", weight="A", config=SEARCH_CONFIG)
        + SearchVector(_tag_names(tagged_model), weight="B", config=SEARCH_CONFIG)
        + SearchVector(_outlet_name(outlet_model), weight="B", config=SEARCH_CONFIG)
    )
    # A migration from before the public note existed builds the document without it.
    mention = tagged_model._meta.get_field("content_object").related_model
    if any(field.name == "public_note" for field in mention._meta.fields):
        document += SearchVector("public_note", weight="C", config=SEARCH_CONFIG)
    return document


# Longer queries are cut here (and the reader told): websearch_to_tsquery copes with any text,
# but nobody types more, and a huge OR-query only costs the database.
MAX_QUERY_LENGTH = 300
_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
_MINUSES = re.compile(r"-{2,}")


def clean_query(raw):
    """The query with control characters (NUL included) dropped and spaces collapsed.

    Returns (query, was_cut).
    """
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    # One minus says "without"; PostgreSQL reads a run of them as nested NOTs, and ten with no
    # word after ("----------") failed with "tsquery stack too small": a 500.
    text = " ".join(_MINUSES.sub("-", text).split())
    if len(text) > MAX_QUERY_LENGTH:
        return text[:MAX_QUERY_LENGTH].rstrip(), True
    return text, False


def most_recent(matches, limit):
    """The `limit` most recent of `matches` (a `matching()` queryset), still to be ranked.

    Ranking reads each match's whole stored document, so a word found in 40,000 columns took
    a second (BENCHMARKS.md). Walking the date index and stopping after `limit` matches costs
    the same however large the archive; rarer words are found through the GIN index, all of
    them when there are fewer than `limit`.
    """
    return matches.order_by("-date", "-pk")[:limit]


def safe_headline(value):
    """A headline is text cut from sanitised HTML: keep only the <mark>s we added."""
    return mark_safe(nh3.clean(value.strip(), tags={"mark"}, attributes={}))


def _joined(*fields):
    """The fields' text, a space between each (concat_ws: one call, where Concat nests a
    COALESCE per field, slower to build than the query takes to run)."""
    return Func(Value(" "), *map(F, fields), function="concat_ws", output_field=TextField())


def _plain_text(*fields):
    """Fields joined and stripped of tags in SQL, for ts_headline to cut snippets from."""
    return Func(_joined(*fields), Value("<[^>]*>"), Value(" "), Value("g"),
                function="regexp_replace", output_field=TextField())  # fmt: skip


# The stretch of a document a snippet is cut from: around the first words that look like the
# query's (that begin with one of its stems, a last "i" standing for "i" or "y": "polici" finds
# "policy" and "policies"): from a little before the first of them to a little after the last,
# or two stretches when those are far apart; the start when none is found. ts_headline parses
# all the text it is given, ~1 ms for a 6,000-character column: headlining whole bodies was
# most of a search page's database time (BENCHMARKS.md, "Search speed, session 5").
SNIPPET_LEAD = 120
SNIPPET_STRETCH = 500
SNIPPET_SPREAD = 1000


class _SnippetText(Func):
    """The stretch of `fields` (their HTML, joined) that a snippet of `query` is cut from, as
    plain text."""

    output_field = TextField()

    def __init__(self, fields, query):
        super().__init__(_joined(*fields), Value(query))

    def as_sql(self, compiler, connection):
        html, html_params = compiler.compile(self.source_expressions[0])
        query, query_params = compiler.compile(self.source_expressions[1])
        lead, stretch, spread = SNIPPET_LEAD, SNIPPET_STRETCH, SNIPPET_SPREAD
        # The query's stems as word beginnings: \mchina, \msanction, \mpolic[iy].
        stems = (
            r"SELECT '\m' || regexp_replace(regexp_replace(lexeme, '([^[:alnum:]])', '\\\1',"
            r" 'g'), 'i$', '[iy]')"
            f" FROM unnest(tsvector_to_array(to_tsvector(%s::regconfig, {query}))) AS lexeme"
        )
        if connection.pg_version >= 150000:
            at = "nullif(regexp_instr(doc.t, stem, 1, 1, 0, 'i'), 0)"
        else:  # regexp_instr is PostgreSQL 15's; this is 2.5 times slower
            at = r"length(substring(doc.t FROM '(?i)^(.*?)' || stem)) + 1"
        found = (
            f"SELECT min(at) AS first, max(at) AS last FROM (SELECT {at} AS at"
            f" FROM unnest(array({stems})) AS stem) AS positions"
        )

        def plain(stretch):
            # Cut from HTML: a tag cut in two at either end goes, then the others; so does
            # the word cut at the start (a space leads, so a whole first word stays).
            cut = rf"regexp_replace({stretch}, '^[^<>]*>', ' ')"
            cut = rf"regexp_replace(regexp_replace({cut}, '<[^>]*$', ''), '<[^>]*>', ' ', 'g')"
            return rf"regexp_replace({cut}, '^\S*\s+', '')"

        cut = (
            f"CASE WHEN first IS NULL THEN {plain(f'substr(t, 1, {stretch})')}"
            f" WHEN last - first <= {spread} THEN"
            f" {plain(f'substr(t, greatest(1, first - {lead}), last - first + {stretch})')}"
            f" ELSE {plain(f'substr(t, greatest(1, first - {lead}), {stretch})')} || ' ... '"
            f" || {plain(f'substr(t, last - {lead}, {stretch})')} END"
        )
        # OFFSET 0 computes the joined text once, not at each mention of it.
        sql = (
            f"(SELECT {cut} FROM (SELECT ' ' || {html} AS t OFFSET 0) AS doc,"
            f" LATERAL ({found}) AS found)"
        )
        return sql, (*html_params, SEARCH_CONFIG, *query_params)


class _Headline(Func):
    """ts_headline of `text` (an expression) for the web-search `query`, matches in <mark>.
    (SearchHeadline builds the same SQL, but its options cost more to build than the query
    takes to run.)"""

    output_field = TextField()

    def __init__(self, text, query, options):
        super().__init__(text, Value(query))
        self.options = f"StartSel=<mark>, StopSel=</mark>, {options}"

    def as_sql(self, compiler, connection):
        text, text_params = compiler.compile(self.source_expressions[0])
        query, query_params = compiler.compile(self.source_expressions[1])
        sql = (
            f"ts_headline(%s::regconfig, {text}, websearch_to_tsquery(%s::regconfig, {query}), %s)"
        )
        params = (SEARCH_CONFIG, *text_params, SEARCH_CONFIG, *query_params, self.options)
        return sql, params


class FullTextSearch:
    """PostgreSQL: stored documents, web-search syntax, ranked and highlighted matches."""

    full_text = True

    def update_documents(self, queryset):
        """Recompute the stored search document of a queryset of columns or of mentions.

        One UPDATE statement, whatever the number of rows; it fires no signals and leaves
        `modified_at` alone.
        """
        from columns.models import Byline, Column, TaggedColumn
        from mentions.models import Mention, TaggedMention
        from outlets.models import Outlet

        documents = {
            Column: lambda: column_document(TaggedColumn, Outlet, Byline),
            Mention: lambda: mention_document(TaggedMention, Outlet),
        }
        queryset.update(search_vector=documents[queryset.model]())

    def new_column_documents(self):
        return NewColumnDocuments()

    @staticmethod
    def _query(text):
        return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)

    def matching(self, model, text):
        """Published columns or mentions matching `text`, annotated with a `rank`.

        The rank is computed for every row the query returns: for a word found in most of
        the archive, take the `most_recent()` matches first.
        """
        items = model.objects.published().filter(search_vector=self._query(text))
        return self.ranked(items, text)

    def among(self, queryset, field, ids):
        """`queryset`'s rows whose `field` is one of `ids`, sent as one array: a thousand
        placeholders took longer to build and send than the database took to answer."""
        return queryset.filter(**{f"{field}__in": RawSQL("SELECT unnest(%s::bigint[])", (ids,))})

    def ranked(self, queryset, text):
        """Annotate `rank`: how well each row's document matches `text`."""
        return queryset.annotate(rank=SearchRank(F("search_vector"), self._query(text)))

    def highlighted(self, queryset, text, **headlines):
        """Annotate `name=<headline>` for each `name=fields`, marking matches with <mark>."""

        def headline(name, fields):
            if name.startswith("title"):
                # The whole title, marked: in fragment mode ts_headline drops unmatched words
                # even with HighlightAll ("Why sanctions fail" came out as "sanctions fail").
                return _Headline(_plain_text(*fields), text, "HighlightAll=true")
            return _Headline(
                _SnippetText(fields, text), text, "MaxWords=40, MinWords=15, MaxFragments=2"
            )

        return queryset.annotate(
            **{name: headline(name, fields) for name, fields in headlines.items()}
        )


class SubstringSearch:
    """The fallback where the database has no full-text search (SQLite): every word or
    "quoted phrase" somewhere, none of the -words; no ranking (newest first) and no
    highlighting (templates show the plain text)."""

    full_text = False

    # Per model label: the fields searched, and the to-many ones (tags, authors), matched
    # through subqueries so that a column never comes back twice.
    FIELDS = {
        "columns.column": (
            ["title", "dek", "print_headline", "intro", "body", "outlet__name"],
            ["tags__name", "authors__name"],
        ),
        "mentions.mention": (["topic", "public_note", "outlet__name"], ["tags__name"]),
    }

    def update_documents(self, queryset):
        """Nothing is stored: matching reads the text itself."""

    def new_column_documents(self):
        return None

    def matching(self, model, text):
        fields, related = self.FIELDS[model._meta.label_lower]
        condition = Q()
        for sign, phrase, word_sign, word in _TERM.findall(text):
            term = (phrase or word).strip()
            if not term or term.lower() == "or":
                continue
            found = Q()
            for field in fields:
                found |= Q(**{f"{field}__icontains": term})
            for field in related:
                rows = model.objects.filter(**{f"{field}__icontains": term})
                found |= Q(pk__in=rows.values("pk"))
            condition &= ~found if (sign or word_sign) else found
        return self.ranked(model.objects.published().filter(condition), text)

    def among(self, queryset, field, ids):
        return queryset.filter(**{f"{field}__in": ids})

    def ranked(self, queryset, text):
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))

    def highlighted(self, queryset, text, **headlines):
        return queryset


@functools.cache
def search_backend():
    """The search of the default database, chosen on first use."""
    if connections["default"].vendor == "postgresql":
        return FullTextSearch()
    return SubstringSearch()


def update_search_vector(queryset):
    """Refresh the stored search documents of a queryset of columns or of mentions (the
    signal handlers in `signals.py` call it whenever one of their sources changes)."""
    search_backend().update_documents(queryset)
