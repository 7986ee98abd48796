"""
The one list of public content: every model whose rows readers see on pages.

A model is public content when it inherits `PublicContent` (ours) or is registered here (a
model of a library, e.g. taggit's Tag). Whatever derives from what readers see reads this list
through `public_models()`: the page cache invalidates on any change to these models (wired in
core/apps.py), and the search signals find, from their relations, which search documents a
change touches (discovery/signals.py). A new content model needs only the base class.

`carried_by_public()` is the one rule for what content carries (tags, authors, outlets): such a
thing exists for readers when a public item carries it, and only then; `public_by_slug()` finds
one by its address.
"""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404

from pagecache.keys import members_key, record
from pagecache.paginator import kept

_registered = set()


class PublicContent(models.Model):
    """Rows of this model show on public pages (or decide what an address answers): a change
    to one invalidates cached pages."""

    class Meta:
        abstract = True

    @classmethod
    def scheduled(cls, limit):
        """The next `limit` rows at most that are published but not public yet, in the order
        they go public, each as (the aware datetime it goes public, row), with the links that
        show on pages prefetched. Content that is public once saved has none; models that
        publish ahead (a future date) list theirs, so the cached pages that will show them
        end by then."""
        return []


def register(model):
    """Count a model that is not ours (it cannot inherit PublicContent) as public content.
    Called at start-up (AppConfig.ready), before anything reads public_models()."""
    _registered.add(model)


def is_public(model):
    return issubclass(model, PublicContent) or model in _registered


def public_models():
    """Every installed model whose rows readers see."""
    return [model for model in apps.get_models() if is_public(model)]


def scheduled_public(limit):
    """The next `limit` scheduled items of every public model, in the order they go public:
    [(aware datetime, row)]."""
    items = [
        item
        for model in public_models()
        for item in getattr(model, "scheduled", lambda limit: [])(limit)
    ]
    return sorted(items, key=lambda item: item[0])[:limit]


def carried_by_public(queryset):
    """The rows of `queryset` (tags, authors, outlets...) that at least one public item
    carries: those readers may see a page, feed, sitemap entry or API entry of. A tag or an
    author that only drafts or scheduled columns carry does not exist for readers, even by
    name. Public items are those of `published()` on every public model that points at
    this one (columns, mentions); one EXISTS each, answered from the relation's index."""
    model = queryset.model
    carried = None
    for content in public_models():
        published = getattr(content._default_manager, "published", None)
        if published is None:
            continue
        for field in content._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model is model:
                exists = Exists(published().filter(**{field.name: OuterRef("pk")}))
                carried = exists if carried is None else carried | exists
    return queryset.filter(carried) if carried is not None else queryset.none()


def public_by_slug(queryset, slug):
    """The row of `queryset` (tags, authors, outlets) at `slug` that public content carries,
    or a 404; kept until the row or its members change (a rename, its last public item
    unpublished). The same `queryset` wherever a model's rows are found so: it is kept per
    model and slug."""
    model = queryset.model

    def find():
        row = get_object_or_404(carried_by_public(queryset), slug=slug)
        record({members_key(model, row.pk)})  # whether public content carries it
        return row

    return kept(f"public:{model._meta.label_lower}:{slug}", find, ())
