"""Shared test set-up. Under CI a skipped test fails the run: every test here
is required (parity needs torch, e2e needs Chromium), so a skip means a
missing install, not a pass."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def pytest_sessionfinish(session, exitstatus):
    if not os.environ.get("CI"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        print(f"\nCI: {len(skipped)} test(s) skipped; every test is required here.", file=sys.stderr)
        session.exitstatus = 1
