from django.conf import global_settings
from wagtail import blocks

# Languages a physician may consult in; stored as language codes so the page can name them in the
# visitor's language and machines can read them.
CONSULTATION_LANGUAGES = sorted(
    (
        (code, name)
        for code, name in global_settings.LANGUAGES
        if "-" not in code
        and code not in {"io", "ia", "ie", "kab", "udm", "tt", "os", "dsb", "hsb"}
    ),
    key=lambda item: item[1],
)


class LanguageBlock(blocks.ChoiceBlock):
    def __init__(self, **kwargs):
        super().__init__(choices=CONSULTATION_LANGUAGES, **kwargs)

    class Meta:
        icon = "globe"
        template = "locations/blocks/language.html"


class EducationBlock(blocks.StructBlock):
    qualification = blocks.CharBlock(max_length=200, help_text='e.g. "Residency in neurology"')
    institution = blocks.CharBlock(max_length=200)
    year = blocks.IntegerBlock(required=False, min_value=1950, max_value=2100)

    class Meta:
        icon = "group"
        template = "locations/blocks/education.html"


class AmenityBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=80, help_text='e.g. "Therapy dog"')
    description = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "tick"
        template = "locations/blocks/amenity.html"
