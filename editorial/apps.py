from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Medical review"

    def ready(self):
        from editorial import translation_sync

        translation_sync.connect()
