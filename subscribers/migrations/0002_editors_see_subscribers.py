"""Editors see, remove and export subscribers; press assistants never see them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    "view_subscriber",
    "change_subscriber",
    "delete_subscriber",
    "export_subscriber",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("subscribers")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="subscribers", codename__in=EDITOR_PERMISSIONS
        )
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="subscribers")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("subscribers", "0001_initial"),
        ("columns", "0002_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
