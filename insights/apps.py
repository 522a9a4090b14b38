from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = "Site traffic"

    def ready(self):
        from django.core.signals import request_finished

        from insights import counting

        request_finished.connect(counting.flush_when_due, dispatch_uid="insights-flush")
