"""Rule: stamps. A line made only of date stamps gives the outlet's publication dates.

"PUBLISHED : Tuesday, 3 March, 2020, 7:05pm", "UPDATED : 4 Mar 2020 10:30", "Published: 3 March
2020, 19:05", several on a line split by "|". Dates are naive, as written (the caller knows the
outlet's zone); a date without a time is midnight.
"""

import re
from datetime import datetime

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_TIME = r"""
    (?:(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<meridiem>[ap]\.?m\.?)?   # 7:05pm, 19:05
      | (?P<bare_hour>\d{1,2})\s*(?P<bare_meridiem>[ap]\.?m\.?))             # 7pm
"""
_STAMP = re.compile(
    rf"""
    (?P<label>(?:first\s+)?published|posted|(?:last\s+)?updated)\s*:?\s*(?:on\s+)?  # "PUBLISHED : "
    (?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?  # weekday
    (?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>[a-z]{{3,9}})\.?,?\s+(?P<year>\d{{4}})
      | (?P<month_first>[a-z]{{3,9}})\.?\s+(?P<day_second>\d{{1,2}})(?:st|nd|rd|th)?,?\s+
        (?P<year_second>\d{{4}})
      | (?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))
    (?:[\s,]*(?:at\s+|[-\u2013]\s*)?{_TIME})?
    (?:\s*\(?(?-i:[A-Z]{{2,5}})(?:[+-]\d{{1,2}})?\)?(?!\w))?   # a time zone: the caller knows it
    """,
    re.I | re.X,
)
_STAMP_SEPARATORS = re.compile(r"[\s|,;/\u00b7\u2022\u2013\u2014-]*")


def _month_number(name: str) -> int | None:
    name = name.lower()
    for number, month in enumerate(_MONTHS, start=1):
        if len(name) >= 3 and month.startswith(name):
            return number
    return None


def _stamp_datetime(match: re.Match) -> datetime | None:
    if match.group("iso"):
        year, month, day = (int(part) for part in match.group("iso").split("-"))
    else:
        year = int(match.group("year") or match.group("year_second"))
        month = _month_number(match.group("month") or match.group("month_first"))
        day = int(match.group("day") or match.group("day_second"))
    hour = int(match.group("hour") or match.group("bare_hour") or 0)
    minute = int(match.group("minute") or 0)
    meridiem = (match.group("meridiem") or match.group("bare_meridiem") or "").lower()
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    elif meridiem.startswith("a") and hour == 12:
        hour = 0
    try:
        return datetime(year, month, day, hour, minute)
    except (TypeError, ValueError):  # no such month or day
        return None


def parse_stamps(text: str) -> tuple[datetime | None, datetime | None] | None:
    """(published, updated) if the line is made of date stamps only, else None."""
    published = updated = None
    lowered = text.lower()
    if not any(label in lowered for label in ("published", "posted", "updated")):
        return None  # the quick test: most lines of a post are not stamps
    matches = list(_STAMP.finditer(text))
    if not matches or not _STAMP_SEPARATORS.fullmatch(_STAMP.sub("", text)):
        return None
    for match in matches:
        moment = _stamp_datetime(match)
        if moment is None:
            return None
        if "updated" in match.group("label").lower():
            updated = updated or moment
        else:
            published = published or moment
    return published, updated
