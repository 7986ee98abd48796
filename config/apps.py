from django.contrib.admin.apps import AdminConfig


class ColumnistAdminConfig(AdminConfig):
    """Django's admin with our site (config/admin_site.py): a dashboard for its home."""

    default_site = "config.admin_site.ColumnistAdminSite"
