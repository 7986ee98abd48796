from django import forms

from .models import Subscriber


class SubscribeForm(forms.Form):
    """The signup form. Not a ModelForm: a second signup with a known address must look like
    the first (no one learns who subscribes), so uniqueness is the view's business."""

    email = forms.EmailField(label="Your email address", max_length=254)
    frequency = forms.ChoiceField(
        label="How often",
        choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    include_mentions = forms.BooleanField(
        label=Subscriber._meta.get_field("include_mentions").verbose_name,
        help_text=Subscriber._meta.get_field("include_mentions").help_text,
        required=False,
    )
    # Left empty by people; filled by the bots that fill every field.
    website = forms.CharField(required=False, label="Leave this empty", max_length=200)
