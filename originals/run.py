"""
A run of the link checker over the public columns' originals: least recently checked first,
one request at a time per host with `ORIGINALS_HOST_DELAY` seconds between two requests to the
same host, robots.txt honoured, bounded in time. A run that stops resumes where it stopped,
since the next one starts again from the least recently checked.
"""

import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from columns.models import Column
from core.polite import HostPacer, Robots, user_agent

from . import archive
from .models import Check, Original
from .state import record
from .visit import USER_AGENT_JOB, Visit, visit


@dataclass
class Summary:
    checked: int = 0
    outcomes: dict = field(default_factory=dict)
    gone: list = field(default_factory=list)
    back: list = field(default_factory=list)
    archived: int = 0
    stopped_early: bool = False


def sync_originals():
    """One Original per public column with an original address, following editors' edits."""
    columns = Column.objects.published().exclude(original_url="")
    missing = columns.filter(original_watch__isnull=True).values_list("pk", "original_url")
    Original.objects.bulk_create(
        [Original(column_id=pk, url=url) for pk, url in missing], ignore_conflicts=True
    )
    # An editor who changed the address starts its record afresh.
    changed = Original.objects.exclude(url=F("column__original_url")).exclude(
        column__original_url=""
    )
    for original in changed.select_related("column"):
        original.url = original.column.original_url
        original.state = Original.State.UNCHECKED
        original.failures, original.failing_since = 0, None
        original.etag = original.last_modified = ""
        original.save()


def due_originals():
    public = Column.objects.published().exclude(original_url="").values("pk")
    return (
        Original.objects.filter(column__in=public)
        .select_related("column", "column__outlet")
        .order_by(F("checked_at").asc(nulls_first=True), "pk")
    )


def check_originals(max_minutes=None, limit=None, host_delay=None, log=lambda line: None):
    host_delay = settings.ORIGINALS_HOST_DELAY if host_delay is None else host_delay
    deadline = time.monotonic() + max_minutes * 60 if max_minutes else None
    summary = Summary()
    robots = Robots(user_agent(USER_AGENT_JOB))
    pacer = HostPacer(host_delay)
    sync_originals()
    queue = list(due_originals()[:limit] if limit else due_originals())
    while queue:
        if deadline and time.monotonic() >= deadline:
            summary.stopped_early = True
            break
        ready = next((o for o in queue if pacer.ready(o.url)), None)
        if ready is None:
            pacer.wait_for_any([o.url for o in queue])
            continue
        queue.remove(ready)
        was_gone = ready.state == Original.State.GONE
        if robots.allows(ready.url):
            found = visit(ready.url, ready.column.title, ready.etag, ready.last_modified)
            pacer.visited(ready.url)
        else:
            found = Visit(Check.Outcome.ROBOTS, detail="robots.txt disallows.")
        record(ready, found, timezone.now())
        summary.checked += 1
        summary.outcomes[found.outcome] = summary.outcomes.get(found.outcome, 0) + 1
        if ready.state == Original.State.GONE and not was_gone:
            summary.gone.append(ready.column.title)
        if was_gone and ready.state != Original.State.GONE:
            summary.back.append(ready.column.title)
        log(f"{found.outcome}: {ready.url}")
    return summary


def archive_originals(everything=False, limit=None, log=lambda line: None):
    """Find or make an archived copy of each public column's original that has none: new
    ones each run, or, with `everything`, every column not looked up before."""
    if not archive.enabled():
        return 0
    todo = Original.objects.filter(column__archived_url="").select_related("column")
    todo = todo.filter(column__in=Column.objects.published().values("pk"))
    if not everything:
        todo = todo.filter(Q(archive_checked_at__isnull=True))
    archived = 0
    for original in todo.order_by("pk")[:limit] if limit else todo.order_by("pk"):
        url = original.column.original_url
        copy = archive.existing_capture(url) or archive.capture(url)
        original.archive_checked_at = timezone.now()
        original.save(update_fields=["archive_checked_at"])
        if copy:
            original.column.archived_url = copy
            original.column.save(update_fields=["archived_url"])
            archived += 1
            log(f"archived: {url} -> {copy}")
    return archived
