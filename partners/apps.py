from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Partner apps"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from partners import changes, webhooks

        changes.connect()
        webhooks.connect()
        post_migrate.connect(changes.fill_after_migrate, sender=self)
