"""
The one list of public content: every model whose rows readers see on pages.

A model is public content when it inherits `PublicContent` (ours) or is registered here (a
model of a library, e.g. taggit's Tag). Whatever derives from what readers see reads this list
through `public_models()`: the page cache invalidates on any change to these models (wired in
core/apps.py), and the search signals find, from their relations, which search documents a
change touches (discovery/signals.py). A new content model needs only the base class.
"""

from django.apps import apps
from django.db import models

_registered = set()


class PublicContent(models.Model):
    """Rows of this model show on public pages (or decide what an address answers): a change
    to one invalidates cached pages."""

    class Meta:
        abstract = True

    @classmethod
    def next_public_at(cls):
        """When the next row that is published but not public yet goes public (an aware
        datetime), or None. Content that is public once saved has no schedule; models that
        publish ahead (a future date) say when, so cached pages end by then."""
        return None


def register(model):
    """Count a model that is not ours (it cannot inherit PublicContent) as public content.
    Called at start-up (AppConfig.ready), before anything reads public_models()."""
    _registered.add(model)


def is_public(model):
    return issubclass(model, PublicContent) or model in _registered


def public_models():
    """Every installed model whose rows readers see."""
    return [model for model in apps.get_models() if is_public(model)]


def next_public_change():
    """When the next scheduled item of any public model goes public (aware), or None."""
    times = [
        at
        for model in public_models()
        if (at := getattr(model, "next_public_at", lambda: None)()) is not None
    ]
    return min(times, default=None)
