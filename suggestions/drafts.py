"""A suggestion made into a draft column, or dismissed for good."""

from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from columns.models import Author, Byline, Column

from .models import Suggestion


@transaction.atomic
def make_draft(suggestion):
    """A draft column from the suggestion (nothing public until the editor publishes it)."""
    suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.column_id:
        return suggestion.column
    column = Column(
        title=suggestion.title,
        dek=suggestion.dek,
        outlet=suggestion.outlet,
        original_url=(suggestion.canonical_url or suggestion.url)[:500],
        outlet_published_at=suggestion.published_at,
        status=Column.Status.DRAFT,
        posted_at=timezone.now(),
    )
    column.save()
    names = suggestion.byline or [a.name for a in Author.objects.filter(is_owner=True)]
    existing = {a.lowered: a for a in Author.objects.annotate(lowered=Lower("name"))}
    for position, name in enumerate(dict.fromkeys(names)):
        author = existing.get(name.casefold()) or Author.objects.create(name=name)
        Byline.objects.create(column=column, author=author, position=position)
    suggestion.state, suggestion.column = Suggestion.State.ACCEPTED, column
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["state", "column", "decided_at"])
    return column


def dismiss(suggestions):
    """Dismissed for good: the address stays known, so it is never suggested again."""
    return suggestions.filter(state=Suggestion.State.NEW).update(
        state=Suggestion.State.DISMISSED, decided_at=timezone.now()
    )
