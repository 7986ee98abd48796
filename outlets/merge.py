"""
Merging two spellings of one outlet: everything that points at the others moves to the one
kept, their names stay as aliases (so imports and the press form still recognise them), and
their pages redirect. Related objects are found through Outlet's reverse relations, so this
app needs to know neither columns nor mentions.
"""

from django.db import transaction

from core.signals import page_moved

from .models import Outlet, OutletAlias, OutletKey, normalise_name


def _add_alias(outlet, name):
    """Keep a merged outlet's name as an alias, unless it is one already or another outlet
    answers to it (a spelling belongs to one outlet: OutletKey)."""
    key = normalise_name(name)
    if not key or key in {normalise_name(s) for s in outlet.spellings()}:
        return
    if OutletKey.holder(outlet, key) is None:
        OutletAlias.objects.create(outlet=outlet, name=name)


@transaction.atomic
def merge_outlets(sources, target):
    """
    Move columns, mentions and aliases of `sources` to `target`, then delete them.
    Returns what moved, e.g. ["2 columns", "1 mention"].
    """
    sources = [outlet for outlet in sources if outlet.pk != target.pk]
    moved = {}
    for outlet in sources:
        for rel in Outlet._meta.related_objects:
            if not rel.one_to_many or rel.related_model is OutletKey:
                continue  # keys are derived: the target's are made again below
            # Saved one by one, not updated in bulk: a column's date (and address) can depend
            # on its outlet's time zone, and save() keeps a redirect when the address changes.
            for obj in rel.related_model._default_manager.filter(**{rel.field.name: outlet}):
                setattr(obj, rel.field.name, target)
                obj.save()
                moved[rel.related_model] = moved.get(rel.related_model, 0) + 1
        old_url, names = outlet.get_absolute_url(), [outlet.name, outlet.short_name]
        outlet.delete()
        for name in names:
            _add_alias(target, name)
        target.sync_keys()  # the spellings moved from the outlet deleted are free now
        page_moved.send(Outlet, old_path=old_url, new_path=target.get_absolute_url())
    return [
        f"{n} {model._meta.verbose_name if n == 1 else model._meta.verbose_name_plural}"
        for model, n in moved.items()
    ]
