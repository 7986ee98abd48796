from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What several apps share: the sanitiser, slugs, lists, feeds, the merge action, signals."""

    name = "core"
    verbose_name = "Core"
