"""
The column form's publishing buttons: save as draft, publish (now, or at a future posting time),
save and preview; and the older "publish now" and "schedule", which forms already open may send.

Each button is a submit input whose name says what to do with the status and posting time;
the form applies it in clean(), so the model's own checks (slug per day) see the final values.
"""

from django import forms
from django.conf import settings
from django.utils import timezone

from columns.models import Column

SAVE_DRAFT = "_save_draft"
PUBLISH_NOW = "_publish_now"
SCHEDULE = "_schedule"
PREVIEW = "_preview"
PUBLISH = "_publish"  # now, or at the posting time when it is in the future


def apply_publishing_button(form, cleaned_data):
    """Set status and posting time from the button the editor pressed."""
    data = form.data
    if SAVE_DRAFT in data:
        cleaned_data["status"] = Column.Status.DRAFT
    elif PUBLISH in data:
        cleaned_data["status"] = Column.Status.PUBLISHED
        posted_at = cleaned_data.get("posted_at")
        if posted_at is None or posted_at <= timezone.now():
            cleaned_data["posted_at"] = timezone.now()
    elif PUBLISH_NOW in data:
        cleaned_data["status"] = Column.Status.PUBLISHED
        cleaned_data["posted_at"] = timezone.now()
    elif SCHEDULE in data:
        posted_at = cleaned_data.get("posted_at")
        if posted_at and posted_at <= timezone.now():
            form.add_error(
                "posted_at",
                forms.ValidationError(
                    "To schedule, set “Posted on this site” to a future time "
                    "(or use “Publish now”).",
                    code="not_in_future",
                ),
            )
        cleaned_data["status"] = Column.Status.PUBLISHED
    return cleaned_data


def publishing_message(column):
    """What the editor is told after saving: where the column now stands."""
    if column.is_scheduled:
        when = timezone.localtime(column.posted_at)
        return (
            f"“{column}” is scheduled: it goes public on {when:%d %B %Y at %H:%M} "
            f"({settings.TIME_ZONE})."
        )
    if column.is_public:
        return f"“{column}” is public."
    return f"“{column}” is a draft: only staff can see it."
