"""The API's error messages in the partner's language (`?locale=`, cms.middleware.APILanguageMiddleware).

The project's own messages are translated where they are made. Wagtail's API v2 words its
refusals in English, without translations; the ones a partner meets most are recognised here by
their wording and given in the request's language. Any other message of Wagtail's stays as
Wagtail wrote it.
"""

import re

from django.utils.translation import gettext_lazy as _

WAGTAIL_MESSAGES = [
    (
        r"query parameter is not an operation or a recognised field: (?P<names>.+)",
        _("query parameter is not an operation or a recognised field: %(names)s"),
    ),
    (r"unknown fields: (?P<names>.+)", _("unknown fields: %(names)s")),
    (
        r"'(?P<name>.+)' does not support nested fields",
        _("%(name)s does not support nested fields"),
    ),
    (r"type doesn't exist", _("type doesn't exist")),
    (
        r"cannot order by '(?P<name>.+)' \(unknown field\)",
        _("cannot order by %(name)s (unknown field)"),
    ),
    (r"parent page doesn't exist", _("parent page doesn't exist")),
    (r"ancestor page doesn't exist", _("ancestor page doesn't exist")),
    (r"descendant page doesn't exist", _("descendant page doesn't exist")),
    (r"translation_of page doesn't exist", _("translation_of page doesn't exist")),
    (
        r"filtering by descendant_of with child_of is not supported",
        _("filtering by descendant_of with child_of is not supported"),
    ),
    (
        r"random ordering with offset is not supported",
        _("random ordering with offset is not supported"),
    ),
    (r"not found|No .+ matches the given query\.", _("Not found.")),
]
PATTERNS = [(re.compile(pattern), message) for pattern, message in WAGTAIL_MESSAGES]


def translated(message):
    """A message of Wagtail's API v2 in the active language, when it is one of those above."""
    for pattern, words in PATTERNS:
        if match := pattern.fullmatch(message):
            return str(words) % match.groupdict() if match.groupdict() else str(words)
    return message


class TranslatedErrorsMixin:
    """For Wagtail's v2 endpoints: their 400 and 404 messages in the request's language."""

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        data = getattr(response, "data", None)
        if isinstance(data, dict) and isinstance(data.get("message"), str):
            data["message"] = translated(data["message"])
        return response
