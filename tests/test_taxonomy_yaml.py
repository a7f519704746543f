"""Reading the taxonomy's YAML files: the same data and the same refusals whichever parser
PyYAML was built with (libyaml first, the pure-Python parser for its fuller messages)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from service.errors import TaxonomyError
from service.taxonomy.loading import _UniqueKeyLoader, default_taxonomy_dir, read_yaml


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "entries.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "message"), [
    ("skills:\n  python: 1\n  python: 2\n", "key 'python' is written twice"),
    ("skills: *missing\n", "found undefined alias 'missing'"),
    # libyaml takes a tab here, the pure-Python parser does not: refused either way
    ("skills: [python,\tsql]\n", "cannot read"),
    ("skills: 1\t# a comment\n", "cannot read"),
])
def test_a_bad_file_is_refused_with_its_name_and_what_is_wrong(tmp_path, text, message):
    with pytest.raises(TaxonomyError) as refused:
        read_yaml(_write(tmp_path, text))
    assert str(refused.value).startswith("entries.yaml: cannot read")
    assert message in str(refused.value)


def test_every_shipped_file_reads_as_the_pure_python_parser_reads_it():
    files = sorted(default_taxonomy_dir().rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert read_yaml(path) == yaml.load(text, Loader=_UniqueKeyLoader), path.name


def test_merge_keys_and_booleans_read_as_yaml_says(tmp_path):
    data = read_yaml(_write(tmp_path, "base: &b {x: 1}\nitem:\n  <<: *b\n  on: yes\n"))
    assert data == {"base": {"x": 1}, "item": {"x": 1, True: True}}
