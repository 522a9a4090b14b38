"""Builders for the site's base content, shared by the tests and `load_demo_content`."""

from urllib.parse import urlsplit

import factory
import wagtail_factories
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page, Site

from home import models


class ClinicImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    alt_text = factory.LazyAttribute(lambda obj: f"{obj.title}.")
    file = factory.django.ImageField(width=1200, height=800, color="#7aa6a1", format="JPEG")

    class Meta:
        model = models.ClinicImage


class PublishedPageFactory(wagtail_factories.PageFactory):
    """Creates the page, lets post-generation hooks add its inline rows, then publishes a revision,
    so every built page has a history, `first_published_at` and `last_published_at` like one made
    in the admin."""

    class Meta:
        abstract = True

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save_revision().publish()


class HomePageFactory(PublishedPageFactory):
    title = "Home"
    slug = "home"
    hero_heading = "Relief when other treatments have not worked"

    class Meta:
        model = models.HomePage


class StandardPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "<p>An introduction.</p>"

    class Meta:
        model = models.StandardPage


class SiteAlertFactory(factory.django.DjangoModelFactory):
    title = "Stamford office closed today"
    message = "<p>Snow has closed the Stamford office. Westport is open as usual.</p>"
    starts_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=1))

    class Meta:
        model = models.SiteAlert


class FooterContentFactory(factory.django.DjangoModelFactory):
    about = "A physician-led ketamine-infusion clinic in Stamford and Westport, Connecticut."
    medical_notice = (
        "<p>This website does not give medical advice. In a crisis, call or text 988, "
        "or call 911.</p>"
    )

    class Meta:
        model = models.FooterContent


def make_site_root(home_page, site_name="Ki Ketamine"):
    """Point the default site at `home_page`, replacing Wagtail's welcome page. Its host and port
    are those of WAGTAILADMIN_BASE_URL, so full URLs (in the API, in e-mails) lead to this site."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        site = Site(is_default_site=True)
    site.root_page = home_page
    site.hostname = base.hostname or "localhost"
    site.port = base.port or (443 if base.scheme == "https" else 80)
    site.site_name = site_name
    site.save()
    Site.clear_site_root_paths_cache()
    return site


def remove_welcome_page():
    """Delete the placeholder page Wagtail's migrations create, once nothing is built on it."""
    root = Page.get_first_root_node()
    for page in root.get_children().filter(content_type__model="page", numchild=0):
        Site.objects.filter(root_page=page).delete()
        page.delete()


def build_home(**kwargs):
    """A HomePage under the tree root, made the default site's root."""
    remove_welcome_page()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, **kwargs)
    make_site_root(home)
    return home
