"""Benchmarks (matching against Splink) and their synthetic data."""
