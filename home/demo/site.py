"""The site itself: home page, clinic settings, footer, section pages, About and policy pages, the
demo admin login, and (last of all builders) the home page's welcome banner and featured pages.
`translate_site` then makes the Spanish home page, footer, sections and standard pages."""

import os

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Site

from home.demo.content import CLINIC_NAME, CONTENT, MAIN_PHONE
from home.demo.helpers import (
    DEMO_LANGUAGE,
    Images,
    demo_locale,
    display_path,
    ensure_page,
    find_path,
    get_home_page,
    heading,
    link_pages,
    page_factory_for,
    report_created,
    report_existing,
    resolve_stream,
)
from home.demo.translation import translate, translation_languages
from home.factories import FooterContentFactory, StandardPageFactory, build_home
from home.models import ClinicSettings, FooterContent, HomeFeaturedPage

ADMIN_USERNAME = "admin"
DEFAULT_ADMIN_PASSWORD = "clinic-demo-admin"

# The pages the home page features as cards, in order.
FEATURED_PAGES = [
    "conditions/chronic-migraine",
    "conditions/treatment-resistant-depression",
    "conditions/anxiety",
    "conditions/bipolar-depression",
    "treatments/ketamine-infusion-therapy",
]


def build_site(command):
    copy = CONTENT[DEMO_LANGUAGE]
    images = Images(command)
    heading(command, "Site: home page, settings, footer, sections and standard pages")
    home = build_home_page(command, copy["home"], images)
    build_clinic_settings(command)
    build_footer(command, copy["footer"])
    for section in copy["sections"]:
        build_section(command, home, section, images)
    for page in copy["standard_pages"]:
        build_standard_page(command, home, page, images)
    build_admin_login(command)


def build_home_page(command, copy, images):
    home = get_home_page()
    if home is not None:
        report_existing(command, "page", display_path(home))
        return home
    home = build_home(
        title=copy["title"],
        slug="home",
        hero_heading=copy["hero_heading"],
        hero_text=copy["hero_text"],
        featured_heading=copy["featured_heading"],
        seo_title=copy["seo_title"],
        search_description=copy["search_description"],
        listing_summary=copy["listing_summary"],
        listing_image=images["home-hero.jpg"],
    )
    report_created(command, "page", f"{home.title} ({display_path(home)})")
    return home


def build_clinic_settings(command):
    site = Site.objects.get(is_default_site=True)
    clinic, created = ClinicSettings.objects.get_or_create(
        site=site, defaults={"clinic_name": CLINIC_NAME, "main_phone": MAIN_PHONE}
    )
    if created:
        report_created(command, "settings", f"clinic details for {site}")
    elif not clinic.main_phone:
        # Settings rows are created with empty fields the first time a page reads them.
        clinic.clinic_name = clinic.clinic_name or CLINIC_NAME
        clinic.main_phone = MAIN_PHONE
        clinic.save()
        report_created(command, "settings", f"clinic details for {site}")
    else:
        report_existing(command, "settings", f"clinic details for {site}")


def footer_fields(copy):
    return {
        "about": copy["about"],
        "medical_notice": copy["medical_notice"],
        "placeholder_notice": copy["placeholder_notice"],
    }


def build_footer(command, copy):
    locale = demo_locale()
    if FooterContent.objects.filter(locale=locale).exists():
        report_existing(command, "snippet", f"footer ({locale.language_code})")
        return
    FooterContentFactory(locale=locale, **footer_fields(copy))
    report_created(command, "snippet", f"footer ({locale.language_code})")


def listing_fields(copy, images):
    """The promote-tab fields every demo page fills from its copy."""
    fields = {
        "seo_title": copy.get("seo_title", ""),
        "search_description": copy.get("search_description", ""),
        "listing_title": copy.get("listing_title", ""),
        "listing_summary": copy.get("listing_summary", ""),
    }
    if copy.get("image"):
        fields["listing_image"] = images[copy["image"]]
    return fields


def section_fields(copy, images):
    return {
        "title": copy["title"],
        "intro": link_pages(copy["intro"]),
        "show_in_menus": True,
        **listing_fields(copy, images),
    }


def build_section(command, home, copy, images):
    # The section models belong to other apps, which build on this one: they are named by label
    # (as HomePage.subpage_types does) rather than imported.
    model = apps.get_model(copy["model"])
    factory = page_factory_for(model)
    return ensure_page(command, home, factory, copy["slug"], **section_fields(copy, images))[0]


def standard_page_fields(copy, images):
    return {
        "title": copy["title"],
        "intro": link_pages(copy["intro"]),
        "body": resolve_stream(copy["body"], images),
        "show_in_menus": copy.get("show_in_menus", False),
        **listing_fields(copy, images),
    }


def build_standard_page(command, parent, copy, images):
    fields = standard_page_fields(copy, images)
    return ensure_page(command, parent, StandardPageFactory, copy["slug"], **fields)[0]


def build_admin_login(command):
    """A superuser for trying the admin. Outside DEBUG only with `--with-admin`."""
    user_model = get_user_model()
    password = os.environ.get("DEMO_ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD
    if user_model.objects.filter(username=ADMIN_USERNAME).exists():
        line = (
            f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  user: {ADMIN_USERNAME}  password: {password} "
            "(unchanged: the user already existed, so this may not be its current password)"
        )
    elif not settings.DEBUG and not getattr(command, "with_admin", False):
        line = (
            f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  no demo login created because DEBUG is off "
            "(run with --with-admin to create one)"
        )
    else:
        user_model.objects.create_superuser(
            username=ADMIN_USERNAME, email="admin@example.org", password=password
        )
        report_created(command, "user", ADMIN_USERNAME)
        line = f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  user: {ADMIN_USERNAME}  password: {password}"
    if command is not None:
        command.demo_admin_line = line
    return line


def build_home_features(command):
    """The home page's welcome banner, body and featured cards, once the pages they point at
    exist. Each part is filled only while it is still empty, so editors' changes are kept."""
    copy = CONTENT[DEMO_LANGUAGE]["home"]
    images = Images(command)
    heading(command, "Home page: welcome banner and featured pages")
    home = get_home_page()
    if home is None:
        raise LookupError("The home page does not exist yet: run home.demo.build_site first.")
    changed = []
    if home.hero_cta_page_id is None:
        home.hero_heading = copy["hero_heading"]
        home.hero_text = copy["hero_text"]
        home.hero_cta_label = copy["hero_cta_label"]
        home.hero_cta_page = find_path("locations")
        changed.append("welcome banner")
    hero_image = images["home-hero.jpg"]
    if home.hero_image_id is None and hero_image is not None:
        home.hero_image = hero_image
        home.social_image = home.social_image or hero_image
        home.listing_image = home.listing_image or hero_image
        changed.append("welcome image")
    if not home.body:
        home.body = resolve_stream(copy["body"], images)
        changed.append("body")
    if not home.featured_pages.exists():
        pages = [page for page in map(find_path, FEATURED_PAGES) if page is not None]
        home.featured_heading = home.featured_heading or copy["featured_heading"]
        home.featured_pages = [
            HomeFeaturedPage(page=page, sort_order=order) for order, page in enumerate(pages)
        ]
        changed.append(f"{len(pages)} featured pages")
    if changed:
        home.save_revision().publish()
        report_created(command, "home page content", ", ".join(changed))
    else:
        report_existing(command, "home page content", "welcome banner and featured pages")
    return home


def home_fields(copy, images):
    """The home page's translatable copy, as the English page has it once all builders ran."""
    return {
        "title": copy["title"],
        "seo_title": copy["seo_title"],
        "search_description": copy["search_description"],
        "listing_summary": copy["listing_summary"],
        "hero_heading": copy["hero_heading"],
        "hero_text": copy["hero_text"],
        "hero_cta_label": copy["hero_cta_label"],
        "featured_heading": copy["featured_heading"],
        "body": resolve_stream(copy["body"], images),
    }


def translate_site(command):
    """The home page, footer, section pages and standard pages in each language the copy is
    written in besides the demo language, as translations of the English ones (run after
    `build_home_features`, so the home page is complete)."""
    source = CONTENT[DEMO_LANGUAGE]
    images = Images(command)
    for language in translation_languages(CONTENT, DEMO_LANGUAGE):
        copy = CONTENT[language]
        heading(command, f"Site in {language}: home page, footer, sections and standard pages")
        home = get_home_page()
        if home is None:
            raise LookupError("The home page does not exist yet: run home.demo.build_site first.")
        home_copy = {"slug": copy["home"]["slug"], **home_fields(copy["home"], images)}
        translate(command, home, home_copy, language)
        footer = FooterContent.objects.get(locale=demo_locale())
        translate(command, footer, footer_fields(copy["footer"]), language, label="footer")
        for original, translated in zip(source["sections"], copy["sections"], strict=True):
            fields = {"slug": translated["slug"], **section_fields(translated, images)}
            translate(command, find_path(original["slug"]), fields, language)
        for original, translated in zip(
            source["standard_pages"], copy["standard_pages"], strict=True
        ):
            fields = {"slug": translated["slug"], **standard_page_fields(translated, images)}
            translate(command, find_path(original["slug"]), fields, language)
