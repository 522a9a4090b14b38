"""A read replica for visitors' reads (docs/deploy.md, "A network of clinics").

With `DATABASE_REPLICA_URL` set, the database alias `replica` (the setting `READ_REPLICA` names
it) is a streaming replica of the primary, and this router sends it the reads of requests that only read what any visitor may see:
GET and HEAD requests without a session cookie, outside the admin. Everything else reads the
primary: editors (who must see what they have just saved), forms being sent, the task worker,
management commands, and, in any request, the models whose every read must be current (who is
signed in, API tokens, which may be revoked a moment ago, login lockouts, the task queue).
Writes always go to the primary, and only the primary is migrated.

A replica a few seconds behind shows a visitor a page as it was a few seconds ago, which the page
cache does anyway; nothing that decides who may do what is read from it.
"""

from contextvars import ContextVar

from django.conf import settings

_reads = ContextVar("database_for_reads", default=None)

# Read from the primary always, whoever asks.
CURRENT_ONLY = {
    "auth",
    "sessions",
    "otp_totp",
    "axes",
    "django_tasks_database",
    "contenttypes",
}
CURRENT_ONLY_MODELS = {("wagtailcore", "apitoken")}


def reads_for(request):
    """The alias a request's reads may use: the replica for what only a visitor reads."""
    if not settings.READ_REPLICA:
        return None
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    if request.path.startswith("/admin/") or request.path.startswith("/documents/"):
        return None
    return settings.READ_REPLICA


class VisitorReadsMiddleware:
    """Marks a visitor's request so that its reads go to the replica (see `ReplicaRouter`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reads.set(reads_for(request))
        try:
            return self.get_response(request)
        finally:
            _reads.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        alias = _reads.get()
        if alias is None:
            return None
        meta = model._meta
        if (
            meta.app_label in CURRENT_ONLY
            or (meta.app_label, meta.model_name) in CURRENT_ONLY_MODELS
        ):
            return None
        return alias

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data, one of them a copy of the other

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"
