"""
What a check means for an original: the state machine.

- A success (online, not modified, moved, paywalled) resets the count of failures; a move
  also updates the column's link. If the original had been declared gone, it is back.
- A failure (404/410, no such host, soft 404, timeout or server error) counts, but an
  original is declared gone only after `ORIGINALS_GONE_AFTER_FAILURES` failures in a row
  spread over at least `ORIGINALS_GONE_AFTER_DAYS` days: never on one timeout or one bad day.
- Not checked (robots.txt, a private address) changes nothing.
"""

import datetime

from django.conf import settings

from .models import Check, Original

SUCCESS = {
    Check.Outcome.ALIVE: Original.State.ALIVE,
    Check.Outcome.NOT_MODIFIED: Original.State.ALIVE,
    Check.Outcome.MOVED: Original.State.MOVED,
    Check.Outcome.PAYWALLED: Original.State.PAYWALLED,
}
FAILURE = {Check.Outcome.NOT_FOUND, Check.Outcome.NO_SITE, Check.Outcome.SOFT_404,
           Check.Outcome.ERROR}  # fmt: skip
KEEP_CHECKS = 20


def record(original, visit, now):
    """Apply one visit to `original` (and its column) and keep it in the history."""
    column = original.column
    column_fields = []
    new_state = original.state
    if visit.outcome in SUCCESS:
        new_state = SUCCESS[visit.outcome]
        original.failures, original.failing_since = 0, None
        if visit.etag or visit.last_modified:
            original.etag, original.last_modified = visit.etag, visit.last_modified
        if visit.outcome == Check.Outcome.MOVED and visit.url != column.original_url:
            column.original_url = original.url = visit.url[:500]
            original.etag = original.last_modified = ""
            column_fields.append("original_url")
        if column.original_gone_since:
            column.original_gone_since = None
            column_fields.append("original_gone_since")
    elif visit.outcome in FAILURE:
        original.failures += 1
        original.failing_since = original.failing_since or now
        patience = datetime.timedelta(days=settings.ORIGINALS_GONE_AFTER_DAYS)
        if (
            original.failures >= settings.ORIGINALS_GONE_AFTER_FAILURES
            and now - original.failing_since >= patience
        ):
            new_state = Original.State.GONE
            if not column.original_gone_since:
                column.original_gone_since = original.failing_since
                column_fields.append("original_gone_since")
        elif original.state != Original.State.GONE:
            new_state = Original.State.FAILING
    if new_state != original.state:
        original.state, original.state_changed_at = new_state, now
    original.checked_at = now
    original.save()
    if column_fields:
        # update_fields keeps the editor's other fields as they are; save() runs the
        # column's own bookkeeping (search, the page cache, redirects for a new link).
        column.save(update_fields=column_fields)
    Check.objects.create(
        original=original,
        checked_at=now,
        outcome=visit.outcome,
        status=visit.status,
        detail=visit.detail[:500],
    )
    stale = original.checks.values_list("pk", flat=True)[KEEP_CHECKS:]
    Check.objects.filter(pk__in=list(stale)).delete()
