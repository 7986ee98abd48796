"""
Text that XML can carry. XML 1.0 has no place for most control characters (a vertical tab
pasted from a word processor, an escape from a terminal) nor for lone surrogates: one in a
title made every feed that listed the column fail. They carry nothing readers could see, so
they are dropped where text enters: at save, for every text field of public content
(`drop_on_save`, wired in core/apps.py), and again where XML is written (feeds, the WXR
export), for rows written around save() (bulk imports, updates).
"""

import re

from django.db import models

NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text):
    """`text` without the characters XML cannot carry (tabs and line breaks stay)."""
    return NOT_IN_XML.sub("", text)


def drop_on_save(sender, instance, **kwargs):
    """pre_save: the instance's text fields without the characters XML cannot carry."""
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and NOT_IN_XML.search(value):
                setattr(instance, field.attname, xml_safe(value))
