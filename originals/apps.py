from django.apps import AppConfig


class OriginalsConfig(AppConfig):
    name = "originals"
    verbose_name = "Originals and archived copies"
