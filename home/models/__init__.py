from home.models.base import BasePage, ListingMixin, SeoMixin
from home.models.content_version import ContentVersion
from home.models.images import ClinicImage, ClinicRendition
from home.models.pages import HomeFeaturedPage, HomePage, StandardPage
from home.models.site_settings import ClinicSettings
from home.models.snippets import FooterContent, SiteAlert

__all__ = [
    "BasePage",
    "ClinicImage",
    "ClinicRendition",
    "ClinicSettings",
    "ContentVersion",
    "FooterContent",
    "HomeFeaturedPage",
    "HomePage",
    "ListingMixin",
    "SeoMixin",
    "SiteAlert",
    "StandardPage",
]
