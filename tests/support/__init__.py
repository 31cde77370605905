"""Helpers shared by tests (not fixtures: those live in ``tests/conftest.py``). Import from here."""
