"""Benchmarks, out of the product package: ``manage.py bench <suite>`` (reception, people, matching,
reports, messages), the matching benchmark against Splink and its synthetic Guatemalan data.

Product code (``retorno``) never imports this package; it imports the product.
"""
