from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content of `make run` (load_demo) and its local logins (local_admin)."""

    name = "demo"
    verbose_name = "Demo"
