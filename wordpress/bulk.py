"""Insert many new rows at once: with PostgreSQL's COPY there, with `bulk_create` elsewhere.

`bulk_create` builds a model instance per row and one INSERT statement with a parameter per
value. For the 30 MB of text and the tens of thousands of small rows (bylines, tags, mentions,
redirects) of a large import, that costs the importer more CPU than anything but the extraction
rules. COPY streams the rows as they are, and the small rows need no model instance at all:
`insert_rows()` takes them as tuples of values.

COPY returns no ids, so the primary keys are taken from the table's sequence first, in one
query, and written with the rows. No signals are sent, as with `bulk_create`: the importer
announces what it wrote itself (`core.signals.bulk_saved`).
"""

import datetime
import threading
from collections.abc import Callable
from typing import NamedTuple

import psycopg
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models, router
from psycopg import pq


# Fields whose value goes to PostgreSQL as it is when the test says so: what
# `get_db_prep_save()` would return unchanged (a string, a flag, an aware datetime, a date, a
# whole number, None where the field allows it). Skipping it for them is most of the cost of
# preparing a column's row.
def _is(kind):
    return lambda value: type(value) is kind


def _or_none(kind):
    return lambda value: value is None or type(value) is kind


def _aware_or_none(value):
    return value is None or (type(value) is datetime.datetime and value.tzinfo is not None)


_AS_IS = {
    models.CharField: _is(str),
    models.TextField: _is(str),
    models.SlugField: _is(str),
    models.URLField: _is(str),
    models.BooleanField: _is(bool),
    models.DateTimeField: _aware_or_none,
    models.DateField: _or_none(datetime.date),
    models.PositiveBigIntegerField: _or_none(int),
    SearchVectorField: _or_none(str),
}


class Copy(NamedTuple):
    """One COPY for `_copy()`: its SQL and rows; `finish`, a function of the rows giving those
    written (run just before); `types`, the columns' type oids for a binary COPY."""

    sql: str
    rows: list
    finish: Callable | None = None
    types: list | None = None


def insert_rows(model, names, rows, later=None, finish=None, binary=False):
    """Insert `rows`, tuples of values for the fields named (attnames); return their new pks.

    Values go to the database as they are (ints, strings, dates, aware datetimes). The fields
    not named take their defaults, and `auto_now` dates the time of the call, as with
    `bulk_create()` of `model(**dict(zip(names, row)))` for each row, which is what runs where
    the database is not PostgreSQL. With `later` (a list) on PostgreSQL, the pks are taken at
    once but the COPY is only added to the list, for `WritesBehind.start()`; `finish`, if
    given, then turns the rows (tuples of the fields named, the others', the pk) into those
    written, in the writing thread, just before they are.

    `binary`: a binary COPY on PostgreSQL, each value sent as its type's binary form (text is
    not escaped by psycopg and scanned by the server, a search document is not parsed from
    its text); a value of a type psycopg cannot write so (tsvector) must be `bytes` in that
    form, as PostgreSQL sends it (`binary=True` on a cursor), or None.
    """
    if not rows:
        return []
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        objs = model.objects.bulk_create(
            [model(**dict(zip(names, row, strict=True))) for row in rows]
        )
        return [obj.pk for obj in objs]
    opts = model._meta
    others = [f for f in opts.concrete_fields if f.attname not in names and not f.primary_key]
    blank = model()  # the same for every row: defaults, auto_now dates
    rest = [field.get_db_prep_save(field.pre_save(blank, True), connection) for field in others]
    fields = [opts.get_field(name) for name in names] + others + [opts.pk]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [opts.db_table, opts.pk.column, len(rows)],
        )
        pks = [pk for (pk,) in cursor.fetchall()]
        sql = f"COPY {quote(opts.db_table)} ({columns}) FROM STDIN"
        types = None
        if binary:
            sql += " (FORMAT BINARY)"
            types = _column_types(cursor.cursor, opts.db_table, [f.column for f in fields])
        rows = [(*row, *rest, pk) for row, pk in zip(rows, pks, strict=True)]
        copy = Copy(sql, rows, finish, types)
        if later is not None:
            later.append(copy)
        else:
            _copy(cursor.cursor, [copy])
    return pks


def _column_types(cursor, table, columns):
    """The type oids of a table's columns, in the order given."""
    cursor.execute(
        "SELECT attname, atttypid FROM pg_attribute"
        " WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
        [table],
    )
    oids = dict(cursor.fetchall())
    return [oids[column] for column in columns]


def _binary_writers(cursor, types):
    # A type psycopg has no binary writer for (tsvector) gets one that sends `bytes` as they
    # are: registered by oid alone, on this cursor, so it serves COPYs whose types are set.
    adapters = cursor.adapters
    for oid in set(types):
        try:
            adapters.get_dumper_by_oid(oid, pq.Format.BINARY)
        except psycopg.ProgrammingError:
            adapters.register_dumper(None, type("AsReceived", (_AsReceived,), {"oid": oid}))


class _AsReceived(psycopg.adapt.Dumper):
    format = pq.Format.BINARY

    def dump(self, obj):
        if not isinstance(obj, bytes):
            raise TypeError(f"a binary COPY takes bytes for type oid {self.oid}, not {obj!r:.40}")
        return obj


def _copied_table(sql):
    # "COPY "table" (...) FROM STDIN", as insert_rows() writes it.
    return sql.split(" ", 2)[1].strip('"')


def _copy(cursor, copies):
    for sql, rows, finish, types in copies:
        if finish is not None:
            rows = finish(rows)
        with cursor.copy(sql) as copy:
            if types:
                _binary_writers(cursor, types)
                copy.set_types(types)
            for row in rows:
                copy.write_row(row)


class WritesBehind:
    """The COPYs of one batch, run by a thread on the import's own connection, in its
    transaction, while the importer plans the next batch: PostgreSQL's work on them (rows,
    eleven indexes of columns, the documents' parsing) was a second and more of a 5,000-post
    import in which the importer only waited.

    Nothing runs beside or between them: any query the importer makes meanwhile first waits
    for them (an execute wrapper, installed by `with`), and raises their error there if they
    failed (as `refused`), so the import fails whole as before. What must follow them (the
    signals of what was written) is handed to `start()` and runs after them, in the importer's
    thread. `wait()` before committing. Elsewhere than on PostgreSQL there is nothing to wait
    for.
    """

    def __init__(self, model, refused=RuntimeError):
        self.connection = connections[router.db_for_write(model)]
        self.refused = refused  # what a refusal is raised as, naming no row planned since
        self.thread, self.error, self.after = None, None, []
        self._deferred = {}  # table -> the names of its deferred foreign keys

    def __enter__(self):
        self.guard = self.connection.execute_wrapper(self._before_query)
        self.guard.__enter__()
        return self

    def __exit__(self, kind, value, traceback):
        try:
            if kind is None:
                self.wait()
            elif self.thread:  # failing already: let the thread end, then roll back
                self.thread.join()
                self.thread = None
        finally:
            self.guard.__exit__(kind, value, traceback)

    def start(self, copies, after):
        self.wait()
        if copies:
            raw = self.connection.connection
            self.thread = threading.Thread(target=self._run, args=(raw, copies), daemon=True)
            self.after = after
            self.thread.start()
        else:
            for call in after:
                call()

    def wait(self):
        if self.thread is None:
            return
        self.thread.join()
        self.thread = None
        error, after, self.error, self.after = self.error, self.after, None, []
        if error is not None:
            raise self.refused(
                f"the database refused the rows written before this point: "
                f"{type(error).__name__}: {error}"
            ) from error
        for call in after:
            call()

    def _run(self, raw, copies):
        try:
            with raw.cursor() as cursor:
                _copy(cursor, copies)
                self._check_references(cursor, copies)
        except BaseException as error:  # raised in the importer's thread by wait()
            self.error = error

    def _check_references(self, cursor, copies):
        # The foreign keys of the rows just written are deferred (Django makes them so): left
        # to the commit, their checks (25,000 rows for 5,000 posts) ran after everything
        # else, while the importer waited. Checked here, beside the planning of the next
        # batch, then deferred again, as they were.
        tables = sorted({_copied_table(copy.sql) for copy in copies})
        names = [self._deferred.get(table) for table in tables]
        if None in names:
            cursor.execute(
                "SELECT conrelid::regclass::text, conname FROM pg_constraint"
                " WHERE contype = 'f' AND condeferrable AND condeferred"
                " AND conrelid::regclass::text = ANY(%s)",
                [tables],
            )
            found = cursor.fetchall()
            for table in tables:
                self._deferred[table] = [name for held, name in found if held == table]
        names = [name for table in tables for name in self._deferred[table]]
        if names:
            quoted = ", ".join(self.connection.ops.quote_name(name) for name in names)
            cursor.execute(f"SET CONSTRAINTS {quoted} IMMEDIATE")
            cursor.execute(f"SET CONSTRAINTS {quoted} DEFERRED")

    def _before_query(self, execute, sql, params, many, context):
        self.wait()
        return execute(sql, params, many, context)


def compress_quickly(model):
    """Have PostgreSQL compress the long values this transaction writes with lz4 where the
    server can (14 and later, built with it): pglz took a quarter of the COPY of a 5,000-post
    import's 30 MB of text (1.35 → 1.0 s). One query; nothing elsewhere, nor after the
    transaction. Reading either is the same to everything but the server."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql" or not connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config(name, 'lz4', true) FROM pg_settings"
            " WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
        )


def insert_objects(objs, later=None, waited=None):
    """Save new instances of one model in bulk and set their pks, as `bulk_create` does
    (`later`: as for `insert_rows()`; on PostgreSQL a binary COPY, see there).

    `waited`: (attname, function of the objects giving their values of it, in order), for a
    value still being made when the rows are planned (the search documents of an import's new
    columns): it is called where the rows are written, in the writing thread with `later`, so
    that the caller need not wait for it. The values go to the database as they are."""
    if not objs:
        return
    model = type(objs[0])
    connection = connections[router.db_for_write(model)]
    if waited is not None and (later is None or connection.vendor != "postgresql"):
        for obj, value in zip(objs, waited[1](objs), strict=True):
            setattr(obj, waited[0], value)
        waited = None
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objs)
        return
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    as_is = [_AS_IS.get(type(field)) for field in fields]
    rows = []
    for obj in objs:
        # As bulk_create: foreign keys to objects saved since they were set, auto_now dates.
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
        row = []
        for field, test in zip(fields, as_is, strict=True):
            value = field.pre_save(obj, True)
            if test is None or not test(value):
                value = field.get_db_prep_save(value, connection)
            row.append(value)
        rows.append(row)
    names = [field.attname for field in fields]
    finish = None
    if waited is not None:
        name, values_of = waited
        at = names.index(name)

        def finish(rows):
            values = values_of(objs)
            return [
                (*row[:at], value, *row[at + 1 :]) for row, value in zip(rows, values, strict=True)
            ]

    pks = insert_rows(model, names, rows, later, finish, binary=True)
    for obj, pk in zip(objs, pks, strict=True):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, connection.alias
