"""The site itself (`site.toml`, `pages.toml`): home page, clinic settings, footer, section pages,
About and policy pages, the demo admin login, and (after the other builders) the home page's
welcome banner and featured pages; then their translations."""

import os
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from demo.content import load, source_language, stream, translation_languages
from demo.helpers import (
    Images,
    demo_locale,
    display_path,
    ensure_page,
    find_path,
    get_home_page,
    heading,
    link_pages,
    report_created,
    report_existing,
    require_home_page,
    resolve_stream,
)
from demo.translation import translate as translate_object
from home.models import ClinicSettings, FooterContent, HomePage, StandardPage

ADMIN_USERNAME = "admin"
DEFAULT_ADMIN_PASSWORD = "clinic-demo-admin"


def build(command):
    site, pages = load("site"), load("pages")
    images = Images(command)
    heading(command, "Site: home page, settings, footer, sections and standard pages")
    home = build_home_page(command, site, images)
    build_clinic_settings(command, site)
    build_footer(command, site["footer"][source_language()])
    for section in site["sections"]:
        build_section(command, home, section, images)
    for page in pages["pages"]:
        build_standard_page(command, home, page, images)
    build_admin_login(command)


def remove_welcome_page():
    """Delete the placeholder page Wagtail's migrations create, once nothing is built on it."""
    root = Page.get_first_root_node()
    for page in root.get_children().filter(content_type__model="page", numchild=0):
        Site.objects.filter(root_page=page).delete()
        page.delete()


def make_site_root(home_page, site_name):
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


def build_home_page(command, site_copy, images):
    """The home page under the tree root, made the default site's root. Its banner, body and
    featured pages come later (`build_home_features`), once the pages they point at exist."""
    home = get_home_page()
    if home is not None:
        report_existing(command, "page", display_path(home))
        return home
    copy = site_copy["home"]
    words = copy[source_language()]
    remove_welcome_page()
    home = HomePage(
        title=words["title"],
        slug=copy["slug"],
        hero_heading=words["hero_heading"],
        hero_text=words["hero_text"],
        featured_heading=words["featured_heading"],
        seo_title=words["seo_title"],
        search_description=words["search_description"],
        listing_summary=words["listing_summary"],
        listing_image=images[copy["image"]],
    )
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    make_site_root(home, site_copy["clinic_name"])
    report_created(command, "page", f"{home.title} ({display_path(home)})")
    return home


def build_clinic_settings(command, site_copy):
    site = Site.objects.get(is_default_site=True)
    name, phone = site_copy["clinic_name"], site_copy["main_phone"]
    demo_notice = site_copy.get("demo_notice", False)
    clinic, created = ClinicSettings.objects.get_or_create(
        site=site, defaults={"clinic_name": name, "main_phone": phone, "demo_notice": demo_notice}
    )
    if created:
        report_created(command, "settings", f"clinic details for {site}")
    elif not clinic.main_phone:
        # Settings rows are created with empty fields the first time a page reads them.
        clinic.clinic_name = clinic.clinic_name or name
        clinic.main_phone = phone
        clinic.demo_notice = demo_notice
        clinic.save()
        report_created(command, "settings", f"clinic details for {site}")
    else:
        report_existing(command, "settings", f"clinic details for {site}")


def footer_fields(words):
    return {
        "about": words["about"],
        "medical_notice": words["medical_notice"],
        "placeholder_notice": words["placeholder_notice"],
    }


def build_footer(command, words):
    locale = demo_locale()
    if FooterContent.objects.filter(locale=locale).exists():
        report_existing(command, "snippet", f"footer ({locale.language_code})")
        return
    FooterContent.objects.create(locale=locale, **footer_fields(words))
    report_created(command, "snippet", f"footer ({locale.language_code})")


def listing_fields(words):
    """The promote-tab words every demo page has."""
    return {
        "seo_title": words.get("seo_title", ""),
        "search_description": words.get("search_description", ""),
        "listing_title": words.get("listing_title", ""),
        "listing_summary": words.get("listing_summary", ""),
    }


def section_words(words):
    return {"title": words["title"], "intro": link_pages(words["intro"]), **listing_fields(words)}


def build_section(command, home, copy, images):
    # Section pages belong to the topic apps; the copy names their model by label.
    model = apps.get_model(copy["model"])
    fields = {
        **section_words(copy[source_language()]),
        "show_in_menus": True,
        "listing_image": images[copy["image"]],
    }
    return ensure_page(command, home, model, copy["slug"], **fields)[0]


def standard_page_words(words, images):
    return {
        "title": words["title"],
        "intro": link_pages(words["intro"]),
        "body": resolve_stream(stream(words["body"]), images),
        **listing_fields(words),
    }


def build_standard_page(command, parent, copy, images):
    fields = {
        **standard_page_words(copy[source_language()], images),
        "show_in_menus": copy["show_in_menus"],
    }
    if copy.get("image"):
        fields["listing_image"] = images[copy["image"]]
    return ensure_page(command, parent, StandardPage, copy["slug"], **fields)[0]


def build_admin_login(command):
    """A superuser for trying the admin. Outside DEBUG only with `--with-admin`."""
    user_model = get_user_model()
    password = os.environ.get("DEMO_ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD
    admin_url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
    if user_model.objects.filter(username=ADMIN_USERNAME).exists():
        line = (
            f"Admin: {admin_url}  user: {ADMIN_USERNAME}  password: {password} "
            "(unchanged: the user already existed, so this may not be its current password)"
        )
    elif not settings.DEBUG and not getattr(command, "with_admin", False):
        line = (
            f"Admin: {admin_url}  no demo login created because DEBUG is off "
            "(run with --with-admin to create one)"
        )
    else:
        user_model.objects.create_superuser(
            username=ADMIN_USERNAME, email="admin@example.org", password=password
        )
        report_created(command, "user", ADMIN_USERNAME)
        line = f"Admin: {admin_url}  user: {ADMIN_USERNAME}  password: {password}"
    if command is not None:
        command.demo_admin_line = line
    return line


def build_home_features(command):
    """The home page's welcome banner, body and featured cards, once the pages they point at
    exist. Each part is filled only while it is still empty, so editors' changes are kept."""
    copy = load("site")["home"]
    words = copy[source_language()]
    images = Images(command)
    heading(command, "Home page: welcome banner and featured pages")
    home = require_home_page()
    changed = []
    if home.hero_cta_page_id is None:
        home.hero_heading = words["hero_heading"]
        home.hero_audience = words.get("hero_audience", "")
        home.hero_text = words["hero_text"]
        home.hero_appointment_label = words.get("hero_appointment_label", "")
        home.hero_cta_label = words["hero_cta_label"]
        home.hero_cta_page = find_path(copy["hero_cta_page"])
        changed.append("welcome banner")
    hero_image = images[copy["image"]]
    if home.hero_image_id is None and hero_image is not None:
        home.hero_image = hero_image
        home.social_image = home.social_image or hero_image
        home.listing_image = home.listing_image or hero_image
        changed.append("welcome image")
    if not home.body:
        home.body = resolve_stream(stream(words["body"]), images)
        changed.append("body")
    if not home.featured_pages.exists():
        pages = [page for page in map(find_path, copy["featured_pages"]) if page is not None]
        home.featured_heading = home.featured_heading or words["featured_heading"]
        row_model = home.featured_pages.model
        home.featured_pages = [
            row_model(page=page, sort_order=order) for order, page in enumerate(pages)
        ]
        changed.append(f"{len(pages)} featured pages")
    if changed:
        home.save_revision().publish()
        report_created(command, "home page content", ", ".join(changed))
    else:
        report_existing(command, "home page content", "welcome banner and featured pages")
    return home


def home_words(words, images):
    """The home page's translatable copy, as the first page has it once all builders ran."""
    return {
        "title": words["title"],
        "seo_title": words["seo_title"],
        "search_description": words["search_description"],
        "listing_summary": words["listing_summary"],
        "hero_heading": words["hero_heading"],
        "hero_audience": words.get("hero_audience", ""),
        "hero_text": words["hero_text"],
        "hero_appointment_label": words.get("hero_appointment_label", ""),
        "hero_cta_label": words["hero_cta_label"],
        "featured_heading": words["featured_heading"],
        "body": resolve_stream(stream(words["body"]), images),
    }


def translate(command):
    """The home page, footer, section pages and standard pages in each other language, as
    translations of the first ones (run after `build_home_features`, so the home page is
    complete)."""
    site, pages = load("site"), load("pages")
    images = Images(command)
    for language in translation_languages():
        heading(command, f"Site in {language}: home page, footer, sections and standard pages")
        home = require_home_page()
        words = site["home"][language]
        translate_object(
            command, home, {"slug": words["slug"], **home_words(words, images)}, language
        )
        footer = FooterContent.objects.get(locale=demo_locale())
        translate_object(
            command, footer, footer_fields(site["footer"][language]), language, label="footer"
        )
        for section in site["sections"]:
            words = section[language]
            fields = {"slug": words["slug"], **section_words(words)}
            translate_object(command, find_path(section["slug"]), fields, language)
        for page in pages["pages"]:
            words = page[language]
            fields = {"slug": words["slug"], **standard_page_words(words, images)}
            translate_object(command, find_path(page["slug"]), fields, language)
