"""Production mode refuses unsafe defaults."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run_check(**env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "RETORNO_ENCRYPTION_KEYS", "DEBUG")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_the_default_secret():
    result = run_check(DEBUG="False")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_production_refuses_the_development_encryption_key():
    result = run_check(DEBUG="False", SECRET_KEY="x" * 60)
    assert result.returncode != 0 and "RETORNO_ENCRYPTION_KEYS" in result.stderr


def test_production_starts_with_real_secrets():
    result = run_check(DEBUG="False", SECRET_KEY="x" * 60, RETORNO_ENCRYPTION_KEYS="a" * 43 + "=")
    assert result.returncode == 0, result.stderr
