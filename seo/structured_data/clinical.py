"""schema.org descriptions of conditions (`MedicalCondition`) and treatments (`MedicalTherapy`).

Found by `seo.structured_data`; related pages come from the template context, where the page's
`get_context` has already fetched them to list them.
"""

from seo.structured_data import list_items, plain_text, reference, register

FDA = {"@type": "GovernmentOrganization", "name": "U.S. Food and Drug Administration"}
UNITED_STATES = {"@type": "Country", "name": "US"}


@register("treatments.ConditionPage", "MedicalCondition", "condition")
def describe_condition(page, node, request, context):
    node["signOrSymptom"] = [
        {"@type": "MedicalSignOrSymptom", "name": block.value}
        for block in page.symptoms
        if block.block_type == "symptom"
    ]
    treatments = context.get("treatments")
    if treatments is None:
        treatments = page.get_treatments()
    node["possibleTreatment"] = [reference(treatment, request) for treatment in treatments]


def legal_status(page):
    """The treatment's regulatory status in the United States, as a `DrugLegalStatus`; None for
    treatments that are not a medicine."""
    if not page.regulatory_status:
        return None
    return {
        "@type": "DrugLegalStatus",
        "name": str(page.get_regulatory_status_display()),
        "description": plain_text(page.regulatory_note),
        "applicableLocation": UNITED_STATES,
    }


@register("treatments.TreatmentPage", "MedicalTherapy", "therapy")
def describe_treatment(page, node, request, context):
    node["legalStatus"] = legal_status(page)
    if page.regulatory_status == page.RegulatoryStatus.APPROVED:
        node["recognizingAuthority"] = FDA
    node["howPerformed"] = plain_text(page.session_overview) or None
    node["adverseOutcome"] = [
        {"@type": "MedicalEntity", "name": outcome} for outcome in list_items(page.side_effects)
    ]
    node["contraindication"] = list_items(page.contraindications)
    conditions = context.get("conditions")
    if conditions is None:
        conditions = page.get_conditions()
    # The conditions it treats, each pointing back at this therapy as a possible treatment.
    return [
        reference(condition, request, possibleTreatment={"@id": node["@id"]})
        for condition in conditions
    ]
