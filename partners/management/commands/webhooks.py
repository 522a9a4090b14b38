"""Webhook subscriptions from the command line (docs/api.md):

    manage.py webhooks add URL --events page.published,page.unpublished,page.deleted \\
        [--types treatments.ConditionPage,…] [--locales en,es] [--name "Partner"]
    manage.py webhooks list
    manage.py webhooks remove ID
    manage.py webhooks sweep     # queue again deliveries whose task was lost (run it every few minutes)
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, no_translations

from partners import webhooks
from partners.models import WebhookSubscription

MAX_ID = 2**63 - 1


def comma_list(value):
    return [item.strip() for item in (value or "").split(",") if item.strip()]


class Command(BaseCommand):
    help = "Add, list or remove webhook subscriptions; sweep deliveries whose task was lost."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
        add = commands.add_parser("add", help="subscribe URL; prints its id and secret")
        add.add_argument("url")
        add.add_argument("--events", required=True, help="comma-separated, e.g. page.published")
        add.add_argument("--types", default="", help="comma-separated page types (default: all)")
        add.add_argument("--locales", default="", help="comma-separated languages (default: all)")
        add.add_argument("--name", default="", help="who it is for")
        commands.add_parser("list", help="every subscription")
        remove = commands.add_parser("remove", help="delete a subscription and its deliveries")
        remove.add_argument("id")
        commands.add_parser("sweep", help="queue again the deliveries whose task was lost")

    @no_translations  # messages in English, whatever language was active
    def handle(self, *args, command, **options):
        return getattr(self, f"handle_{command}")(**options)

    def handle_add(self, url, events, types, locales, name, **options):
        subscription = WebhookSubscription(
            name=name,
            url=url,
            events=comma_list(events),
            page_types=comma_list(types),
            locales=comma_list(locales),
        )
        try:
            subscription.full_clean()
        except ValidationError as error:
            problems = "; ".join(
                f"{field if field != '__all__' else 'subscription'}: {' '.join(messages)}"
                for field, messages in error.message_dict.items()
            )
            raise CommandError(problems) from None
        subscription.save()
        self.stdout.write(f"id: {subscription.pk}\nsecret: {subscription.secret}")

    def handle_list(self, **options):
        subscriptions = WebhookSubscription.objects.all()
        if not subscriptions:
            self.stdout.write("No webhook subscriptions.")
        for s in subscriptions:
            state = "active" if s.active else f"disabled ({s.disabled_reason or 'by hand'})"
            filters = ""
            if s.page_types:
                filters += f" types={','.join(s.page_types)}"
            if s.locales:
                filters += f" locales={','.join(s.locales)}"
            self.stdout.write(f"{s.pk}\t{s.url}\t{','.join(s.events)}{filters}\t{state}")

    def handle_remove(self, id, **options):
        if not id.isdigit() or not 0 < int(id) <= MAX_ID:
            raise CommandError(f"{id!r} is not a subscription id: give the number `list` shows.")
        deleted, _ = WebhookSubscription.objects.filter(pk=int(id)).delete()
        if not deleted:
            raise CommandError(f"There is no webhook subscription {id}.")
        self.stdout.write(f"Removed webhook subscription {id}.")

    def handle_sweep(self, **options):
        self.stdout.write(f"Queued {webhooks.sweep()} overdue deliveries.")
