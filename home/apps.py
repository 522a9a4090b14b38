from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from home import caching, renditions, translation_sync

        translation_sync.connect()
        caching.connect()
        renditions.connect()
