from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Site search"

    def ready(self):
        from django.core.signals import request_finished

        from search import hits

        request_finished.connect(hits.flush_when_due, dispatch_uid="search-hits-flush")
