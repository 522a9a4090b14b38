"""Admin forms of clinical pages."""

from wagtail.admin.forms.pages import CopyForm


class ReviewedCopyForm(CopyForm):
    """Wagtail's copy form, offering "Publish copied page" and "Alias" only to someone who may
    publish the page itself. Wagtail offers them to anyone who may publish any page and refuses
    the choice afterwards; a clinical copy goes live only through medical review."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.page.permissions_for_user(self.user).can_publish():
            self.fields.pop("publish_copies", None)
            self.fields.pop("alias", None)
