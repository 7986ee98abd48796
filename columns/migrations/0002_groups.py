"""
Create the two staff groups: Editors (everything on content) and Press assistants (log
media appearances and add outlets; read columns; nothing else).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_APPS = ["columns", "outlets", "mentions", "taggit"]

PRESS_ASSISTANT_PERMISSIONS = [
    ("mentions", "add_mention"),
    ("mentions", "change_mention"),
    ("mentions", "view_mention"),
    ("outlets", "add_outlet"),
    ("outlets", "view_outlet"),
    ("outlets", "add_outletalias"),
    ("outlets", "view_outletalias"),
    ("columns", "view_column"),
    ("taggit", "view_tag"),
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations have run; make sure they exist.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))

    press, _ = Group.objects.get_or_create(name="Press assistants")
    for app_label, codename in PRESS_ASSISTANT_PERMISSIONS:
        press.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Editors", "Press assistants"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("columns", "0001_initial"),
        ("mentions", "0001_initial"),
        ("outlets", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
