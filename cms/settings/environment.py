"""The environment, read with django-environ: a missing or wrong value stops the process at start
with one line that names the variable and what it accepts, instead of a traceback from deep in
Django's start-up (or, for a misspelt yes/no, silently reading "no"). See docs/configuration.md."""

import re
import urllib.parse
import warnings
import zoneinfo

import environ
from django.core.exceptions import ImproperlyConfigured

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
YES = ("1", "true", "yes", "on")
NO = ("0", "false", "no", "off", "")
DATABASE_ENGINES = ("django.db.backends.postgresql", "django.db.backends.sqlite3")
CACHE_SCHEMES = ("redis", "rediss", "unix")
CAST_NAMES = {int: "a whole number", float: "a number", bool: "yes or no"}


class ConfigurationError(SystemExit):
    """Stops the process with a one-line message (exit status 1). A password in a URL is not
    repeated."""

    def __init__(self, name, value, accepts):
        if value is None:
            message = f"{name} must be set in the environment{accepts}"
        else:
            shown = re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", value)
            message = f"{name}={shown!r}: {name} takes {accepts}"
        super().__init__(f"Configuration error: {message}.")


def missing(name, why=""):
    return ConfigurationError(name, None, why)


class Environment(environ.Env):
    def get_value(self, var, cast=None, default=environ.Env.NOTSET, parse_default=False):
        try:
            return super().get_value(var, cast=cast, default=default, parse_default=parse_default)
        except ImproperlyConfigured:
            raise missing(var) from None
        except (TypeError, ValueError):
            accepts = CAST_NAMES.get(cast, getattr(cast, "__name__", "another value"))
            raise ConfigurationError(var, self.ENVIRON.get(var), accepts) from None

    def bool(self, var, default=environ.Env.NOTSET):
        raw = self.ENVIRON.get(var)
        if raw is None:
            return self.get_value(var, cast=bool, default=default)
        if raw.strip().lower() not in YES + NO:
            raise ConfigurationError(var, raw, f"yes or no ({', '.join(YES[:2] + NO[:2])})")
        return raw.strip().lower() in YES

    def int(self, var, default=environ.Env.NOTSET, minimum=0):
        """No setting of this project takes a negative number."""
        value = super().int(var, default=default)
        if minimum is not None and value < minimum:
            raise ConfigurationError(var, self.ENVIRON.get(var), f"a whole number from {minimum}")
        return value

    def web_address(self, var, default=""):
        """An http(s) address with a host, or empty."""
        value = self.str(var, default=default).strip()
        parts = urllib.parse.urlsplit(value)
        if value and (parts.scheme not in ("http", "https") or not parts.hostname):
            raise ConfigurationError(var, value, "an http(s) address, e.g. https://example.org/")
        return value

    def choice(self, var, choices, default):
        value = self.str(var, default=default)
        if value not in choices:
            raise ConfigurationError(var, value, "one of " + ", ".join(c or "''" for c in choices))
        return value

    def log_level(self, var="LOG_LEVEL", default="INFO"):
        """Any case (`warning` is WARNING)."""
        value = self.str(var, default=default).strip().upper()
        if value not in LOG_LEVELS:
            raise ConfigurationError(var, self.ENVIRON.get(var), "one of " + ", ".join(LOG_LEVELS))
        return value

    def time_zone(self, var="TIME_ZONE", default="UTC"):
        value = self.str(var, default=default)
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ConfigurationError(
                var, value, "an IANA time zone name, e.g. America/New_York"
            ) from None
        return value

    def db_url(self, var="DATABASE_URL", default=environ.Env.NOTSET, engine=None):
        accepts = "postgres://user:password@host:5432/name or sqlite:////absolute/path.sqlite3"
        raw = self.str(var, default=default)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # django-environ warns of an unknown engine
                config = self.db_url_config(raw)
        except ValueError:
            raise ConfigurationError(var, raw, accepts) from None
        if config.get("ENGINE") not in DATABASE_ENGINES or not config.get("NAME"):
            raise ConfigurationError(var, raw, accepts)
        return config

    def cache_location(self, var="REDIS_URL"):
        """A Redis address, or "" for none."""
        raw = self.str(var, default="")
        if not raw:
            return ""
        accepts = "redis://host:6379/0, rediss://… or unix:///path/to/redis.sock"
        try:
            parts = urllib.parse.urlsplit(raw)
            parts.port  # noqa: B018 - a port that is not a number raises here
        except ValueError:
            raise ConfigurationError(var, raw, accepts) from None
        if parts.scheme not in CACHE_SCHEMES or not (parts.hostname or parts.path):
            raise ConfigurationError(var, raw, accepts)
        return raw


def origin_of(address):
    """`https://partner.example.org` of `https://partner.example.org/preview?x=1`."""
    parts = urllib.parse.urlsplit(address)
    return f"{parts.scheme}://{parts.netloc}"
