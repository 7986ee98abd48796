"""
Optimistic locking for admin change forms (columns, mentions): the form carries the object's
`modified_at` as of when it was opened (hidden `opened_at`), and a save is refused when someone
saved the object since, naming who and when, instead of silently overwriting their work. A
change that does not say when its form was opened (a page from before the lock, a hand-made
POST) is refused too: skipping the check would overwrite whatever was saved meanwhile.
"""

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.dateparse import parse_datetime


def parse_datetime_or_none(value):
    try:
        return parse_datetime(value)
    except ValueError:  # well-formed but impossible, e.g. month 13
        return None


class OptimisticLockForm(forms.Form):
    """Put before forms.ModelForm in a model form's bases; list `opened_at` in the admin's
    fields so that the hidden input is rendered."""

    opened_at = forms.CharField(required=False, widget=forms.HiddenInput)
    lock_field = "modified_at"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["opened_at"] = getattr(self.instance, self.lock_field).isoformat()

    def clean(self):
        cleaned_data = super().clean()
        self.check_not_changed_meanwhile(cleaned_data.get("opened_at"))
        return cleaned_data

    def check_not_changed_meanwhile(self, opened_at):
        if not self.instance.pk:
            return
        name = self.instance._meta.verbose_name
        if not opened_at or parse_datetime_or_none(opened_at) is None:
            raise forms.ValidationError(
                "This form does not say when it was opened, so saving it could overwrite a "
                f"colleague's newer changes. Nothing was saved: reload the {name} and make your "
                "changes again.",
                code="opened_at_missing",
            )
        model = type(self.instance)
        saved = model._default_manager.filter(pk=self.instance.pk)
        saved_at = saved.values_list(self.lock_field, flat=True).first()
        if saved_at is None or saved_at.isoformat() == opened_at:
            return
        raise forms.ValidationError(
            f"{self.saved_by()} saved this {name} at "
            f"{timezone.localtime(saved_at):%H:%M on %d %b %Y}, after you opened it. Your "
            "changes are not saved, so as not to overwrite theirs: open the "
            f"{name} again in a new tab, compare, and apply your changes there.",
            code="changed_meanwhile",
        )

    def saved_by(self):
        """Who saved the object last, from the admin's history log."""
        entry = (
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(self.instance),
                object_id=str(self.instance.pk),
            )
            .select_related("user")
            .order_by("-action_time", "-id")
            .first()
        )
        return entry.user if entry and entry.user else "someone"
