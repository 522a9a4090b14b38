"""The production WSGI application, plus the uploaded media, for a local production-like run.

In production a web server, a bucket or a CDN serves `/media/`; the browser tests and
`make lighthouse` have none, so WhiteNoise serves the media folder here as well.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from cms.wsgi import application as django_application

application = WhiteNoise(
    django_application,
    root=settings.MEDIA_ROOT,
    prefix=settings.MEDIA_URL,
    autorefresh=True,  # renditions made after start-up are served too
    max_age=31_536_000,
)
