"""Tag names as typed or imported, turned into the names of the tags they mean."""

from django.db.models.functions import Lower
from taggit.models import Tag

from .models import TagAlias


def parse_tag_names(text):
    """Tag names separated by commas ("Shanghai Cooperation Organisation, Iran")."""
    return sorted({" ".join(name.split()) for name in (text or "").split(",")} - {""})


def tags_from_string(text):
    """Taggit's TAGGIT_TAGS_FROM_STRING (settings): every tag field, and `taggit.utils.
    parse_tags()` in apps that do not import this one, split on commas and resolve aliases."""
    return resolve_tag_names(parse_tag_names(text))


def resolve_tag_names(names):
    """
    The tag names to store for `names`: an alias becomes its tag's name, a known tag's name
    its stored spelling, anything else stays as typed. Duplicates (any case) are dropped.

    >>> resolve_tag_names(["Shanghai Cooperation Organisation", "china", "New topic"])
    ['SCO', 'China', 'New topic']
    """
    cleaned = [" ".join(str(name).split())[:100] for name in names]
    cleaned = [name for name in cleaned if name]
    if not cleaned:
        return []
    wanted = {name.lower() for name in cleaned}
    aliases = {
        alias_name.lower(): tag_name
        for alias_name, tag_name in TagAlias.objects.annotate(lower=Lower("name"))
        .filter(lower__in=wanted)
        .values_list("name", "tag__name")
    }
    tags = {
        name.lower(): name
        for name in Tag.objects.annotate(lower=Lower("name"))
        .filter(lower__in=wanted)
        .values_list("name", flat=True)
    }
    resolved, seen = [], set()
    for name in cleaned:
        key = name.lower()
        name = aliases.get(key) or tags.get(key) or name
        if name.lower() not in seen:
            seen.add(name.lower())
            resolved.append(name)
    return resolved
