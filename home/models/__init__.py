from home.models.articles import (  # noqa: I001 - after the base page and images it builds on
    ArticleCondition,
    ArticleIndexPage,
    ArticlePage,
    ArticleTopic,
    ArticleTopicLink,
    ArticleTreatment,
)
from home.models.base import BasePage, ListingMixin, MedicalReviewMixin, SeoMixin
from home.models.content_version import ContentVersion
from home.models.images import ClinicImage, ClinicRendition
from home.models.pages import HomeFeaturedPage, HomePage, StandardPage
from home.models.site_settings import ClinicSettings
from home.models.snippets import FooterContent, SiteAlert
from home.models.workflows import MedicalReviewTask

__all__ = [
    "ArticleCondition",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleTopic",
    "ArticleTopicLink",
    "ArticleTreatment",
    "BasePage",
    "ClinicImage",
    "ClinicRendition",
    "ClinicSettings",
    "ContentVersion",
    "FooterContent",
    "HomeFeaturedPage",
    "HomePage",
    "ListingMixin",
    "MedicalReviewMixin",
    "MedicalReviewTask",
    "SeoMixin",
    "SiteAlert",
    "StandardPage",
]
