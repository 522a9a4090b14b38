"""Factories for the appointment request page (tests and the demo content)."""

from appointments import models
from home.factories import PublishedPageFactory


class AppointmentRequestPageFactory(PublishedPageFactory):
    title = "Request an appointment"
    slug = "request-an-appointment"
    intro = "<p>Tell us how to reach you and our intake team will call or write back.</p>"
    consent_text = (
        "I agree that the clinic may store these details and contact me about an appointment."
    )
    thank_you_text = "<p>Our intake team will contact you within one working day.</p>"

    class Meta:
        model = models.AppointmentRequestPage
