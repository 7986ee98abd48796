from django.db import migrations


def take_alias_adding_away(apps, schema_editor):
    """An alias decides which outlet a name finds: only editors add them (issue 14, item 3)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    press = Group.objects.filter(name="Press assistants").first()
    if press is not None:
        press.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="outlets",
                codename__in=["add_outletalias", "change_outletalias", "delete_outletalias"],
            )
        )


def give_it_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    press = Group.objects.filter(name="Press assistants").first()
    if press is not None:
        press.permissions.add(
            *Permission.objects.filter(content_type__app_label="outlets", codename="add_outletalias")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("outlets", "0002_country_and_unique_keys"),
        ("columns", "0002_groups"),
    ]

    operations = [migrations.RunPython(take_alias_adding_away, give_it_back)]
