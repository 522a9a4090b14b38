"""The costs page's price rows."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

# Dollars: no clinic price is near this, and it stays far inside every database's integer.
MAX_PRICE = 1_000_000


class PriceBlock(blocks.StructBlock):
    item = blocks.CharBlock(max_length=120, help_text='e.g. "Ketamine infusion (40 minutes)".')
    price_from = blocks.IntegerBlock(min_value=0, max_value=MAX_PRICE, label="From ($)")
    price_to = blocks.IntegerBlock(
        min_value=0,
        max_value=MAX_PRICE,
        required=False,
        label="To ($)",
        help_text="Leave empty for a single price.",
    )
    unit = blocks.CharBlock(max_length=60, required=False, help_text='e.g. "per infusion".')
    note = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "tag"
        template = "notices/blocks/price.html"
        description = "A self-pay price or price range for one treatment or item."
        preview_value = {
            "item": "Ketamine infusion",
            "price_from": 400,
            "price_to": 600,
            "unit": "per infusion",
            "note": "Placeholder",
        }

    def clean(self, value):
        value = super().clean(value)
        low, high = value.get("price_from"), value.get("price_to")
        if low is not None and high is not None and high < low:
            raise StructBlockValidationError(
                block_errors={"price_to": ValidationError("The highest price is below the lowest.")}
            )
        return value
