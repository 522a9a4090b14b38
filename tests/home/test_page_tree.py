"""Editors can only build the page tree that DESIGN.md describes, and can build it in the admin."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from appointments.models import AppointmentRequestPage
from articles.models import ArticleIndexPage
from home.models import HomePage, StandardPage
from locations.models import (
    LocationIndexPage,
    LocationPage,
    PhysicianIndexPage,
    PhysicianPage,
)
from notices.models import CostsPage, LanguageAssistancePage
from treatments.models import ConditionIndexPage, ConditionPage, TreatmentIndexPage, TreatmentPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                TreatmentIndexPage,
                ConditionIndexPage,
                PhysicianIndexPage,
                LocationIndexPage,
                AppointmentRequestPage,
                ArticleIndexPage,
                StandardPage,
                CostsPage,
                LanguageAssistancePage,
            },
        )

    def test_sections_live_under_the_home_page(self):
        for index_model in (
            TreatmentIndexPage,
            ConditionIndexPage,
            PhysicianIndexPage,
            LocationIndexPage,
        ):
            with self.subTest(index_model.__name__):
                self.assertAllowedParentPageTypes(index_model, {HomePage})

    def test_each_topic_page_lives_only_in_its_section(self):
        pairs = [
            (TreatmentPage, TreatmentIndexPage),
            (ConditionPage, ConditionIndexPage),
            (PhysicianPage, PhysicianIndexPage),
            (LocationPage, LocationIndexPage),
        ]
        for child, parent in pairs:
            with self.subTest(child.__name__):
                self.assertAllowedParentPageTypes(child, {parent})
                self.assertAllowedSubpageTypes(parent, {child})
                self.assertAllowedSubpageTypes(child, set())

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_a_treatment_cannot_be_created_outside_its_section(self):
        self.assertCanNotCreateAt(HomePage, TreatmentPage)
        self.assertCanNotCreateAt(ConditionIndexPage, TreatmentPage)
        self.assertCanNotCreateAt(LocationIndexPage, PhysicianPage)

    def test_a_second_section_of_the_same_kind_cannot_be_added(self):
        home = HomePage.objects.get(locale__language_code="en")
        self.assertFalse(TreatmentIndexPage.can_create_at(home))
        self.assertFalse(LocationIndexPage.can_create_at(home))


class AdminCreationTests(WagtailPageTestCase):
    """Each page type is created through the admin's own form, as an editor would."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="en")
        cls.user = cls.create_superuser("creator")

    def setUp(self):
        self.client.force_login(self.user)

    def section(self, model):
        return model.objects.child_of(self.home).get()

    def test_create_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Insurance and payment",
                    "intro": rich_text("How payment for infusions works."),
                    "body": streamfield([("paragraph", rich_text("Call us to discuss costs."))]),
                }
            ),
        )
        self.assertTrue(
            StandardPage.objects.filter(slug="insurance-and-payment", live=True).exists()
        )

    def test_create_condition_page(self):
        ketamine = TreatmentPage.objects.get(slug="ketamine-infusion-therapy")
        self.assertCanCreate(
            self.section(ConditionIndexPage),
            ConditionPage,
            nested_form_data(
                {
                    "title": "Cluster headache",
                    "summary": "Short, severe attacks of pain around one eye.",
                    "overview": rich_text("Cluster headache comes in bouts."),
                    "symptoms": streamfield([("symptom", "Pain around one eye")]),
                    "key_facts": streamfield([]),
                    "who_it_affects": rich_text(""),
                    "when_ketamine_is_considered": rich_text(""),
                    "body": streamfield([]),
                    "faqs": streamfield([]),
                    "references": streamfield([]),
                    "treatment_choices": inline_formset([{"treatment": ketamine.pk}]),
                }
            ),
        )
        page = ConditionPage.objects.get(slug="cluster-headache")
        self.assertEqual(page.symptoms[0].value, "Pain around one eye")
        # Chosen on the condition's page, the treatment lists it too.
        self.assertEqual([t.pk for t in page.get_treatments()], [ketamine.pk])
        self.assertIn(page.pk, [c.pk for c in ketamine.get_conditions()])

    def test_create_treatment_page_with_relations(self):
        migraine = ConditionPage.objects.get(slug="chronic-migraine")
        stamford = LocationPage.objects.get(slug="stamford", locale__language_code="en")
        self.assertCanCreate(
            self.section(TreatmentIndexPage),
            TreatmentPage,
            nested_form_data(
                {
                    "title": "Nerve block",
                    "summary": "An injection that calms a nerve involved in headache.",
                    "how_it_works": rich_text("A local anaesthetic is injected near a nerve."),
                    "session_overview": rich_text(""),
                    "session_steps": streamfield([]),
                    "typical_course": rich_text(""),
                    "side_effects": rich_text("Brief soreness where the needle went in."),
                    "contraindications": rich_text(""),
                    "regulatory_status": "off_label",
                    "regulatory_note": rich_text(""),
                    "body": streamfield([]),
                    "faqs": streamfield([]),
                    "references": streamfield([]),
                    "condition_links": inline_formset([{"condition": migraine.pk}]),
                    "location_links": inline_formset([{"location": stamford.pk}]),
                }
            ),
        )
        page = TreatmentPage.objects.get(slug="nerve-block")
        self.assertEqual([c.pk for c in page.get_conditions()], [migraine.pk])
        self.assertIn(page, migraine.get_treatments())
        self.assertIn(page, stamford.get_treatments())

    def test_create_location_page_with_hours(self):
        self.assertCanCreate(
            self.section(LocationIndexPage),
            LocationPage,
            nested_form_data(
                {
                    "title": "Norwalk office",
                    "summary": "Our newest office.",
                    "body": streamfield([]),
                    "street_address": "300 Example Road",
                    "city": "Norwalk",
                    "state": "CT",
                    "postal_code": "06850",
                    "phone": "(203) 555-0190",
                    "time_zone": "America/Los_Angeles",
                    "intake_email": "norwalk-intake@example.org",
                    "latitude": "41.117",
                    "longitude": "-73.408",
                    "directions": rich_text(""),
                    "parking": rich_text(""),
                    "accessibility": rich_text(""),
                    "amenities": streamfield([]),
                    "opening_hours": inline_formset(
                        [{"weekday": 0, "opens": "08:00", "closes": "17:00"}]
                    ),
                    "hours_exceptions": inline_formset(
                        [{"date": "2030-12-25", "reason": "Christmas Day", "closed": "on"}]
                    ),
                }
            ),
        )
        page = LocationPage.objects.get(slug="norwalk-office")
        self.assertEqual(page.opening_hours.get().closes.hour, 17)
        self.assertEqual(page.hours_exceptions.get().reason, "Christmas Day")
        self.assertEqual(page.hours_exceptions.get().locale, page.locale)
        self.assertEqual(page.time_zone, "America/Los_Angeles")

    def test_create_physician_page(self):
        westport = LocationPage.objects.get(slug="westport", locale__language_code="en")
        self.assertCanCreate(
            self.section(PhysicianIndexPage),
            PhysicianPage,
            nested_form_data(
                {
                    "title": "Jordan Example",
                    "credentials": "MD",
                    "job_title": "Psychiatrist",
                    "summary": "A psychiatrist of the clinic.",
                    "bio": rich_text(""),
                    "accepting_new_patients": "on",
                    "specialties": streamfield([("specialty", "Psychiatry")]),
                    "board_certifications": streamfield([]),
                    "education": streamfield([]),
                    "languages": streamfield([("language", "es")]),
                    "location_links": inline_formset([{"location": westport.pk}]),
                }
            ),
        )
        page = PhysicianPage.objects.get(slug="jordan-example")
        self.assertIn(page, westport.get_physicians())

    def test_hours_that_close_before_they_open_are_refused(self):
        response = self.client.post(
            f"/admin/pages/add/locations/locationpage/{self.section(LocationIndexPage).pk}/",
            nested_form_data(
                {
                    "title": "Backwards office",
                    "slug": "backwards-office",
                    "summary": "x",
                    "body": streamfield([]),
                    "street_address": "1 Example Way",
                    "city": "Darien",
                    "state": "CT",
                    "postal_code": "06820",
                    "phone": "(203) 555-0111",
                    "directions": rich_text(""),
                    "parking": rich_text(""),
                    "accessibility": rich_text(""),
                    "amenities": streamfield([]),
                    "opening_hours": inline_formset(
                        [{"weekday": 0, "opens": "17:00", "closes": "08:00"}]
                    ),
                    "hours_exceptions": inline_formset([]),
                    "action-publish": "action-publish",
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Closing time must be after opening time")
        self.assertFalse(LocationPage.objects.filter(slug="backwards-office").exists())
