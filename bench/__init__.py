"""Benchmarks of actorgraph: ingest, API and analytics, each measured against a baseline and a limit.

Not part of ``make test``: ``make bench`` runs the full harness, ``make bench-smoke`` a one-minute
version. Each part runs on its own and records ``skipped: <why>`` when what it measures is missing.
"""
