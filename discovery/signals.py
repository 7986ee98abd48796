"""Keep the stored search documents current: on save, on tag and byline changes, on renames."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag

from columns.models import Author, Byline, Column, TaggedColumn
from core.signals import bulk_saved
from mentions.models import Mention, TaggedMention
from outlets.models import Outlet

from .search import update_search_vector

SEARCHABLE = {TaggedColumn: Column, TaggedMention: Mention}


@receiver(post_save, sender=Column)
@receiver(post_save, sender=Mention)
def item_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        update_search_vector(sender.objects.filter(pk=instance.pk))


@receiver(bulk_saved, sender=Column)
@receiver(bulk_saved, sender=Mention)
def items_bulk_saved(sender, pks, **kwargs):
    if pks:
        update_search_vector(sender.objects.filter(pk__in=pks))


@receiver(m2m_changed, sender=TaggedColumn)
@receiver(m2m_changed, sender=TaggedMention)
def tags_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        update_search_vector(SEARCHABLE[sender].objects.filter(pk=instance.pk))


@receiver(post_delete, sender=TaggedColumn)
@receiver(post_delete, sender=TaggedMention)
def tagging_deleted(sender, instance, **kwargs):
    # Deleting a tag removes its taggings without an m2m signal.
    update_search_vector(SEARCHABLE[sender].objects.filter(pk=instance.content_object_id))


@receiver(post_save, sender=Tag)
def tag_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        update_search_vector(Column.objects.filter(tags=instance))
        update_search_vector(Mention.objects.filter(tags=instance))


@receiver(post_save, sender=Outlet)
def outlet_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        update_search_vector(Column.objects.filter(outlet=instance))
        update_search_vector(Mention.objects.filter(outlet=instance))


@receiver(post_save, sender=Byline)
@receiver(post_delete, sender=Byline)
def byline_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        update_search_vector(Column.objects.filter(pk=instance.column_id))


@receiver(post_save, sender=Author)
def author_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        update_search_vector(Column.objects.filter(authors=instance))
