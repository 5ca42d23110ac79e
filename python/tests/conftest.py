"""Shared helpers for the kcna_dates tests."""

import os
import sys

import pytest

# Spark's Python workers must run this interpreter (the one with kcna_dates installed).
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)

#: In CI (python/ci.sh sets it) every optional dependency must be there: nothing is skipped.
STRICT = os.environ.get("KCNA_DATES_STRICT") == "1"


def need(module: str):
    """Import `module`, or skip the test outside CI (fail in CI)."""
    if STRICT:
        return __import__(module)
    return pytest.importorskip(module)
