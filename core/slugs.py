"""Slugs no other row has: `base`, else `base-2`, `base-3`... For authors, outlets and tags
made from a name (the press form, add-from-URL, tag renames, the importer)."""

import itertools

from django.utils.text import slugify


def unique_slug(base, taken, max_length=200, fallback="item"):
    """`base`, or `base-2`, `base-3`... whichever is not in `taken`; adds it to `taken`."""
    base = (base or fallback)[:max_length].strip("-") or fallback
    slug = base
    for number in itertools.count(2):
        if slug not in taken:
            break
        suffix = f"-{number}"
        slug = base[: max_length - len(suffix)] + suffix
    taken.add(slug)
    return slug


def free_slug(queryset, name, max_length=200, fallback="item"):
    """A slug of `name` that no row of `queryset` has, found with one query."""
    base = (slugify(name) or fallback)[:max_length].strip("-") or fallback
    taken = set(queryset.filter(slug__startswith=base).values_list("slug", flat=True))
    return unique_slug(base, taken, max_length, fallback)
