"""Reading a relation from the side of the app that does not define it.

A relation shown on both sides is defined once, by the higher app (an article names the
conditions it is about). The lower app reads it through the relation's `related_name` and reaches
the models at the other end through the app registry, never by importing the higher app.
"""


def related_model(model, field_name):
    """The model at the other end of `model`'s relation `field_name` (a field or a
    `related_name`)."""
    return model._meta.get_field(field_name).related_model


def reverse_field_name(model, related_name):
    """The name of the foreign key behind `model`'s reverse relation `related_name` (e.g.
    "condition" for a condition page's `article_links`)."""
    return model._meta.get_field(related_name).field.name
