from django.apps import AppConfig


class WordPressConfig(AppConfig):
    """Moving in from WordPress and back out: import_wxr and export_wxr."""

    name = "wordpress"
    verbose_name = "WordPress"
