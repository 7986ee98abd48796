"""The mention's one note becomes two: every existing note stays internal (renamed, its text
untouched), and a separate public note starts empty. Search documents, which indexed the old
note, are rebuilt without it (PostgreSQL; SQLite stores none)."""

from django.db import migrations, models


def rebuild_search_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from discovery.search import mention_document

    Mention = apps.get_model("mentions", "Mention")
    tagged = apps.get_model("mentions", "TaggedMention")
    outlet = apps.get_model("outlets", "Outlet")
    Mention.objects.using(schema_editor.connection.alias).update(
        search_vector=mention_document(tagged, outlet)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("mentions", "0004_tags_in_use_are_protected"),
        ("outlets", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(model_name="mention", old_name="note", new_name="internal_note"),
        migrations.AlterField(
            model_name="mention",
            name="internal_note",
            field=models.TextField(
                blank=True,
                default="",
                help_text="For you and your team only: never shown to readers, not on the site, "
                "in search, feeds or the API. Background, “not for attribution”, who arranged it.",
                verbose_name="internal note (never public)",
            ),
        ),
        migrations.AddField(
            model_name="mention",
            name="public_note",
            field=models.TextField(
                blank=True,
                default="",
                help_text="Shown to readers with the mention: on “In the media”, in search "
                "results, the feed and the API. Plain text.",
                verbose_name="public note",
            ),
        ),
        migrations.RunPython(rebuild_search_documents, migrations.RunPython.noop),
    ]
