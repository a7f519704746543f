"""``docs/errors.md`` documents every error code with its HTTP status."""

from __future__ import annotations

import re
from pathlib import Path

from service.errors import all_error_classes

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "errors.md"
_CODE = re.compile(r'^\s+code(?:: ClassVar\[str\])? = "([a-z_]+)"', re.MULTILINE)


def _table() -> dict[str, int]:
    rows = re.findall(r"^\| `([a-z_]+)` \| (\d{3}) \|", DOC.read_text(encoding="utf-8"), re.MULTILINE)
    return {code: int(status) for code, status in rows}


def _codes_in_source() -> set[str]:
    """Codes of error classes anywhere in ``service/`` (loaded in this process or not)."""
    codes: set[str] = set()
    for path in (ROOT / "service").rglob("*.py"):
        codes.update(_CODE.findall(path.read_text(encoding="utf-8")))
    return codes - {"error"}


def test_every_error_code_is_in_the_table_with_its_status():
    table = _table()
    for cls in all_error_classes():
        assert cls.code in table, f"{cls.code} missing from docs/errors.md"
        assert table[cls.code] == cls.status, cls.code
    missing = _codes_in_source() - set(table)
    assert not missing, f"missing from docs/errors.md: {sorted(missing)}"


def test_the_table_has_no_stale_codes():
    assert set(_table()) <= _codes_in_source()
