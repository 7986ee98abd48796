from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What several apps share: the sanitiser, slugs, lists, feeds, the merge action, signals,
    and the list of public content (content.py), which it hands to the page cache and whose
    text it keeps to what XML can carry (text.py)."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from django.db.models.signals import pre_save
        from taggit.models import Tag

        from pagecache import versions

        from . import content, text
        from .signals import bulk_saved

        # taggit's, so it cannot inherit PublicContent: tag names show on every tagged page.
        # Registered here, the first of our apps to start, before anything reads the list.
        content.register(Tag)
        versions.watch(content.public_models(), scheduled=content.scheduled_public)
        # Bulk writes (the WordPress importer) send no post_save; they announce themselves.
        bulk_saved.connect(versions.content_changed, dispatch_uid="pagecache:bulk_saved")
        # What readers see is text XML can carry (feeds): dropped at save, for every model.
        for model in content.public_models():
            pre_save.connect(text.drop_on_save, sender=model, dispatch_uid=f"core:xml:{model}")
