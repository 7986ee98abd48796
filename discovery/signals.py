"""
Keep the stored search documents current, whichever public content they read changes.

A searchable model is public content (core/content.py) with a stored search document (a
SearchVectorField). Its document holds its own text and the names of the public content it
points to: directly (a column's outlet) or through rows of links (its tags, its authors
through bylines). So which documents a save, a delete or a change of links touches is found
from those relations, not listed by hand: a public model that a new searchable relation
reaches is followed without a change here. Another searchable model pointed to (a mention's
column) is searched on its own and is not part of the document.
"""

from collections import defaultdict
from typing import NamedTuple

from django.contrib.postgres.search import SearchVectorField
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.content import public_models
from core.signals import bulk_saved

from .search import update_search_vector


class Reach(NamedTuple):
    """How a changed row of some model reaches the documents of `searchable`."""

    searchable: type
    # The searchable rows are those whose `lookup` is among the changed rows' keys: "pk" for
    # the searchable model itself and for rows of links, a relation's name ("outlet", "tags").
    lookup: str
    # For rows of links (a through model): the field holding the searchable row's key.
    link: str | None = None


def searchable_models(models):
    return [m for m in models if any(isinstance(f, SearchVectorField) for f in m._meta.fields)]


def reaches(models):
    """{model: [Reach, ...]} for every model among `models` (public content) whose changes
    some stored document reads."""
    found = defaultdict(list)
    searchable = searchable_models(models)
    for model in searchable:
        found[model].append(Reach(model, "pk"))
        for field in model._meta.get_fields():
            target = field.related_model
            if field.auto_created or target not in models or target in searchable:
                continue  # reverse relations, private or other searchable models
            found[target].append(Reach(model, field.name))
            through = field.remote_field.through if field.many_to_many else None
            if through is not None:
                link = next(f for f in through._meta.fields if f.related_model is model)
                found[through].append(Reach(model, "pk", link.attname))
    return dict(found)


REACHES = reaches(public_models())


def refresh(reach, keys):
    update_search_vector(reach.searchable.objects.filter(**{f"{reach.lookup}__in": keys}))


def saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    for reach in REACHES[sender]:
        if reach.link:
            refresh(reach, [getattr(instance, reach.link)])
        elif reach.lookup == "pk" or not created:  # nothing points at a new row yet
            refresh(reach, [instance.pk])


def deleted(sender, instance, **kwargs):
    # A deleted row of links (a tag's taggings go with it, with no m2m signal) changes the
    # document it pointed from; rows pointed to are protected or leave nothing to find.
    for reach in REACHES[sender]:
        if reach.link:
            refresh(reach, [getattr(instance, reach.link)])


def bulk_written(sender, pks, documents_made=False, **kwargs):
    """Rows written in bulk; with `documents_made`, written with their own search documents
    already (`search.NewColumnDocuments`, the importer's new columns)."""
    if not pks:
        return
    for reach in REACHES[sender]:
        if documents_made and reach.searchable is sender and reach.lookup == "pk":
            continue
        keys = sender.objects.filter(pk__in=pks).values(reach.link) if reach.link else pks
        refresh(reach, keys)


def links_changed(sender, instance, action, model, pk_set=None, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    for reach in REACHES[sender]:
        if not reach.link:
            continue
        if isinstance(instance, reach.searchable):  # column.tags.add(...)
            refresh(reach, [instance.pk])
        elif model is reach.searchable and pk_set:  # author.columns.add(...)
            refresh(reach, pk_set)


def connect_signals():
    for model, model_reaches in REACHES.items():
        uid = f"discovery:search:{model._meta.label}"
        post_save.connect(saved, sender=model, dispatch_uid=uid)
        post_delete.connect(deleted, sender=model, dispatch_uid=uid)
        bulk_saved.connect(bulk_written, sender=model, dispatch_uid=uid)
        if any(reach.link for reach in model_reaches):
            m2m_changed.connect(links_changed, sender=model, dispatch_uid=uid)


connect_signals()
