from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """``manage.py bench <suite>``: the benchmarks, kept out of the product package (no models)."""

    name = "benchmarks"
    verbose_name = "Benchmarks"
