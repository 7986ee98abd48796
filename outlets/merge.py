"""
Merging two spellings of one outlet: everything that points at the others moves to the one
kept, their names stay as aliases (so imports and the press form still recognise them), and
their pages redirect. Related objects are found through Outlet's reverse relations, so this
app needs to know neither columns nor mentions.
"""

from django.db import transaction

from core.signals import page_moved

from .models import Outlet, OutletAlias, normalise_name


def _add_alias(outlet, name):
    if not name:
        return
    spellings = {normalise_name(s) for s in [outlet.name, outlet.short_name] if s}
    spellings |= {normalise_name(a.name) for a in outlet.aliases.all()}
    if normalise_name(name) not in spellings:
        OutletAlias.objects.filter(name__iexact=name).delete()
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
            if not rel.one_to_many:
                continue
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
        page_moved.send(Outlet, old_path=old_url, new_path=target.get_absolute_url())
    return [
        f"{n} {model._meta.verbose_name if n == 1 else model._meta.verbose_name_plural}"
        for model, n in moved.items()
    ]
