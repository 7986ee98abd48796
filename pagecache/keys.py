"""
What a cached page shows, and what a change touches: the surrogate keys of fine-grained
invalidation.

A key names something a page can depend on:

- `columns.column:12`, one row: every page that loaded it (recorded as rows are loaded
  while the page renders, through post_init, so a page never forgets a row it showed);
- `taggit.tag:5:members`, the rows that point at a row (a tag's columns and mentions, an
  outlet's, an author's, a column's bylines and mentions): the pages that list them say so;
- `columns.column`, every row of a model (the home page, the site's feed);
- any of these followed by `@2024` or `@2024-05` or `@2024-05-03`, the same within a period
  of the rows' own dates (a month's archive, the window of columns a column page looks at).

A page whose view says what lists it shows (`shows()`) is invalidated only by changes to
those keys and to the rows it loaded. A page that says nothing is invalidated by any change,
as every page was before. A change to a row touches its own key, its model's, the members
keys of the rows it points at (foreign keys and many-to-many) and their periods, before the
change and after it (`changed_keys()`). The periods of a row come from its model's
`page_cache_periods()`, when it has one.
"""

import contextlib
import contextvars
import datetime

from django.db.models.signals import post_init

_public = set()  # the models watched, by class


class Recording:
    """What the page being rendered depends on."""

    def __init__(self):
        self.keys = set()
        self.declared = False  # the view said what lists it shows: fine-grained
        self.cacheable = True

    def fine_grained_keys(self):
        """The page's keys, or None when it depends on everything."""
        return frozenset(self.keys) if self.declared else None


_recording = contextvars.ContextVar("pagecache_recording", default=None)


def start_recording():
    recording = Recording()
    return recording, _recording.set(recording)


def stop_recording(token):
    _recording.reset(token)


@contextlib.contextmanager
def not_recording():
    """Rows loaded inside are not what the page being rendered shows (the page cache's own
    reads, e.g. the schedule)."""
    token = _recording.set(None)
    try:
        yield
    finally:
        _recording.reset(token)


@contextlib.contextmanager
def recording_apart():
    """Record the rows loaded inside on their own, not as the page's: what one fragment
    shows (pagecache/fragments.py adds a fragment's keys to its page). Yields their keys."""
    recording, token = start_recording()
    try:
        yield recording.keys
    finally:
        stop_recording(token)


def shows(*keys):
    """Said by a view: the page lists what these keys name (besides the rows it loads), and
    changes to anything else leave it cached."""
    recording = _recording.get()
    if recording is not None:
        recording.declared = True
        recording.keys.update(keys)


def dont_store():
    """Said by a view whose answer is not the page its address names (a page number that is
    not one, e.g. `?page=abc` answered with page 1): it is served but not kept."""
    recording = _recording.get()
    if recording is not None:
        recording.cacheable = False


def record(keys):
    """Add `keys` to what the page being rendered depends on: the rows a fragment from the
    cache showed, which this render did not load (pagecache/fragments.py)."""
    recording = _recording.get()
    if recording is not None:
        recording.keys.update(keys)


def tracked():
    """The models whose rows pages are recorded as showing."""
    return _public


def _loaded(sender, instance, **kwargs):
    recording = _recording.get()
    if recording is not None and instance.pk is not None:
        recording.keys.add(object_key(instance))


def label(model):
    return model._meta.label_lower


def object_key(instance):
    return f"{label(type(instance))}:{instance.pk}"


def model_key(model):
    return label(model)


def members_key(model, pk):
    return f"{label(model)}:{pk}:members"


def period_keys(key, start, end):
    """`key` within every month from `start` to `end` (dates), or every year when that is
    more than three years of months: what a page covering those dates depends on."""
    if start > end:
        start, end = end, start
    if (end.year - start.year) * 12 + end.month - start.month > 36:
        return {f"{key}@{year}" for year in range(start.year, end.year + 1)}
    keys, month = set(), start.replace(day=1)
    while month <= end:
        keys.add(f"{key}@{month:%Y-%m}")
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return keys


def _periods(instance):
    periods = getattr(instance, "page_cache_periods", None)
    return tuple(periods()) if periods else ()


def _with_periods(keys, periods):
    return set(keys) | {f"{key}@{period}" for key in keys for period in periods}


def row_keys(instance):
    """The keys a change to this row (as it is in memory) touches, without querying: its own,
    its model's and the members of the rows its foreign keys point at, with its periods."""
    model = type(instance)
    lists = {model_key(model)}
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model in _public:
            value = getattr(instance, field.attname)
            if value is not None:
                lists.add(members_key(field.related_model, value))
    return {object_key(instance)} | _with_periods(lists, _periods(instance))


def many_to_many_keys(instance):
    """The members keys of the rows this row is linked to through its many-to-many relations
    to watched models (its tags, its authors), with its periods: one query per relation not
    prefetched."""
    keys = set()
    if instance.pk is None:  # deleted since (its links went with it)
        return keys
    prefetched = getattr(instance, "_prefetched_objects_cache", {})
    for field in type(instance)._meta.many_to_many:
        if field.related_model in _public:
            if field.name in prefetched:
                pks = [row.pk for row in prefetched[field.name]]
            else:
                pks = getattr(instance, field.name).values_list("pk", flat=True)
            keys.update(members_key(field.related_model, pk) for pk in pks)
    return _with_periods(keys, _periods(instance))


def go_live_keys(instance):
    """The keys a scheduled row's going public touches: those of saving it as it is, with
    its links (prefetched ones are read without a query)."""
    return row_keys(instance) | many_to_many_keys(instance)


def link_keys(instance, model, pk_set, reverse):
    """The keys a change of links (m2m_changed) touches. Forward (a column's tags): the row
    shows its links, and the linked rows' members change. Reverse (a tag's columns): the same
    seen from the other side, the members' periods unknown, so their model's lists."""
    pk_set = pk_set or ()
    if reverse:
        return (
            {object_key(instance), members_key(type(instance), instance.pk), model_key(model)}
            | {f"{label(model)}:{pk}" for pk in pk_set}
            | {members_key(model, pk) for pk in pk_set}
        )
    members = {members_key(model, pk) for pk in pk_set}
    return {object_key(instance)} | _with_periods(members, _periods(instance))


def track(models):
    """Record the rows of `models` that a page loads while it renders."""
    for model in models:
        _public.add(model)
        post_init.connect(_loaded, sender=model, dispatch_uid=f"pagecache:loaded:{label(model)}")
