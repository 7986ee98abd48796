"""
Renaming and merging tags, keeping every old address and name working.

Tags are shared by columns and mentions through typed "through" models; merging walks every
such model (any subclass of taggit's ItemBase pointing at Tag), so this app needs to know
neither columns nor mentions.
"""

from django.db import transaction
from django.urls import reverse
from taggit.models import ItemBase, Tag

from core.signals import page_moved
from core.slugs import free_slug

from .models import TagAlias, TagMerge


def tag_path(slug):
    """The public address of a tag's page."""
    return reverse("tags:detail", kwargs={"slug": slug})


def unique_tag_slug(name, exclude_pk=None):
    return free_slug(Tag.objects.exclude(pk=exclude_pk), name, max_length=100, fallback="tag")


def add_alias(tag, name):
    """Make `name` an alias of `tag`, unless it is the tag's own name or another tag's."""
    if not name or name.lower() == tag.name.lower():
        return
    if Tag.objects.filter(name__iexact=name).exclude(pk=tag.pk).exists():
        return
    TagAlias.objects.filter(name__iexact=name).delete()
    TagAlias.objects.create(tag=tag, name=name)


def tag_renamed(tag, old_name, old_slug):
    """After a rename: the old name is an alias and the old page redirects to the new one."""
    add_alias(tag, old_name)
    TagAlias.objects.filter(tag=tag, name__iexact=tag.name).delete()
    if old_slug != tag.slug:
        page_moved.send(Tag, old_path=tag_path(old_slug), new_path=tag_path(tag.slug))


def through_models():
    """Every model that tags things with taggit's Tag (columns, mentions, ...)."""
    return [
        rel.related_model
        for rel in Tag._meta.related_objects
        if rel.one_to_many and issubclass(rel.related_model, ItemBase)
    ]


def _item_key(through):
    if any(f.name == "content_object" and f.is_relation for f in through._meta.fields):
        return ["content_object_id"]
    return ["content_type_id", "object_id"]


@transaction.atomic
def merge_tags(sources, target, user=None):
    """Move everything tagged with `sources` to `target`, then delete them; audited."""
    sources = [tag for tag in sources if tag.pk != target.pk]
    counts = []
    for through in through_models():
        key = _item_key(through)
        tagged = set(through.objects.filter(tag=target).values_list(*key))
        moved = 0
        for item in through.objects.filter(tag__in=sources).order_by("pk"):
            item_key = tuple(getattr(item, name) for name in key)
            if item_key in tagged:
                item.delete()
            else:
                item.tag = target
                item.save(update_fields=["tag"])
                tagged.add(item_key)
                moved += 1
        if moved and hasattr(through, "content_object"):
            model = through._meta.get_field("content_object").related_model
            name = model._meta.verbose_name if moved == 1 else model._meta.verbose_name_plural
            counts.append(f"{moved} {name}")
    record = TagMerge.objects.create(
        into=target,
        into_name=target.name,
        merged_names="\n".join(tag.name for tag in sources),
        merged_slugs="\n".join(tag.slug for tag in sources),
        retagged=", ".join(counts),
        merged_by=user,
    )
    for tag in sources:
        TagAlias.objects.filter(tag=tag).update(tag=target)
        name, slug = tag.name, tag.slug
        tag.delete()
        add_alias(target, name)
        page_moved.send(Tag, old_path=tag_path(slug), new_path=tag_path(target.slug))
    return record
