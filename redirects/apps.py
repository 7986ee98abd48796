from django.apps import AppConfig


class RedirectsConfig(AppConfig):
    name = "redirects"
    verbose_name = "Redirects"

    def ready(self):
        from core.signals import page_moved

        from .models import remember_old_address

        page_moved.connect(remember_old_address, dispatch_uid="redirects:page_moved")
