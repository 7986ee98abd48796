"""Editors read the originals report; nobody edits it (check_originals keeps it)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = ["view_original", "view_check", "view_link"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("originals")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="originals", codename__in=EDITOR_PERMISSIONS
        )
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="originals"))


class Migration(migrations.Migration):
    dependencies = [
        ("originals", "0001_initial"),
        ("columns", "0002_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
