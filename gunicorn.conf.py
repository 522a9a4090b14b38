"""gunicorn settings for production: `gunicorn cms.wsgi` reads this file from the working directory.

Everything can be changed from the environment (docs/configuration.md).
"""

import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# Two sync workers a core is gunicorn's advice; the site's requests are short and CPU-bound.
workers = int(os.environ.get("WEB_CONCURRENCY", (os.cpu_count() or 1) * 2))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Recycle workers now and then so a slow leak never builds up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Load the application once, then fork: faster start and shared memory.
preload_app = True
# Behind the load balancer / TLS proxy: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No access log by default: addresses can identify patients (the proxy or CDN keeps its own).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()


def worker_exit(server, worker):
    """A worker that stops (recycled, or the server shutting down) first writes the search
    counts and the site traffic counts it still holds (search/hits.py, insights/counting.py)."""
    from django.apps import apps

    if apps.is_installed("search"):  # not in the bench's floor, a bare Django view
        from search import hits

        hits.flush()
    if apps.is_installed("insights"):
        from insights import counting

        counting.flush()
