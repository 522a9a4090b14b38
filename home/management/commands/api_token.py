"""Issue, list and revoke the API tokens partner apps use (see docs/api.md)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import APIToken


class Command(BaseCommand):
    help = "Issue, list or revoke API tokens for partner apps."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        issue = actions.add_parser("issue", help="Issue a new token for a partner.")
        issue.add_argument(
            "partner", help='The partner\'s name, e.g. "Fairfield Referral Network".'
        )
        revoke = actions.add_parser("revoke", help="Revoke a token at once.")
        revoke.add_argument("token", help="The token's id or its prefix, as `list` shows them.")
        actions.add_parser("list", help="List every token with its partner and state.")

    def handle(self, *args, action, **options):
        getattr(self, f"handle_{action}")(**options)

    @transaction.atomic
    def handle_issue(self, partner, **options):
        name = partner.strip()
        if not name:
            raise CommandError("Give the partner's name.")
        username = f"api-partner-{slugify(name)}"[:150]
        # A partner's user has no permissions and cannot log in: its token reads what the public
        # reads, with the partner's own rate limit.
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"first_name": name[:150]}
        )
        if created:
            user.set_unusable_password()
            user.save()
        token, plaintext = APIToken.create_token(user=user, name=name)
        self.stdout.write(f"Token {token.pk} ({token.prefix}…) for {name}:")
        self.stdout.write(plaintext)
        self.stdout.write(
            "Give it to the partner over a secure channel; it is not stored and cannot be shown "
            "again. They send it as `Authorization: Bearer <token>`."
        )

    def handle_revoke(self, token, **options):
        tokens = APIToken.objects.filter(revoked_at__isnull=True)
        matches = tokens.filter(pk=int(token)) if token.isdigit() else tokens.filter(prefix=token)
        count = matches.update(revoked_at=timezone.now())
        if not count:
            raise CommandError(f"No active token matches {token!r}.")
        self.stdout.write(f"Revoked {count} token(s).")

    def handle_list(self, **options):
        for token in APIToken.objects.select_related("user").order_by("pk"):
            state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "active"
            used = (
                f"last used {token.last_used_at:%Y-%m-%d %H:%M}"
                if token.last_used_at
                else "never used"
            )
            self.stdout.write(f"{token.pk}\t{token.prefix}…\t{token.name}\t{state}\t{used}")
