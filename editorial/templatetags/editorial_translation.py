from django import template

from editorial.translation_editor import editor_props

register = template.Library()


@register.simple_tag(takes_context=True)
def reviewed_translation_editor_props(context):
    """wagtail-localize's translation editor props as the user may use them
    (`editorial.translation_editor.editor_props`)."""
    return editor_props(context["props"], context["instance"], context["request"].user)
