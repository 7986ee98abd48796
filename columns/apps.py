from django.apps import AppConfig


class ColumnsConfig(AppConfig):
    name = "columns"
    verbose_name = "Columns"

    def ready(self):
        from core.signals import press_sentence_logged

        from .models import forget_logged_sentence

        press_sentence_logged.connect(forget_logged_sentence, dispatch_uid="columns_forget")
