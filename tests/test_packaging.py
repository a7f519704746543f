"""A normal (non-editable) install works: the wheel ships the taxonomy and the CLI runs from it.

Builds the wheel, installs it with ``--no-deps`` into a fresh venv that borrows the
site-packages of the interpreter running the tests (for spaCy and friends: a user's venv or the
system Python alike), and runs that venv's ``skillmatch`` from a temporary directory outside the
repository, checking the package it imports is the installed one.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RESUME = """Jordan Alvarez
Machine Learning Engineer

Skills: Python, SQL, PyTorch, Docker, Kubernetes
Experience
- Built recommendation models in Python and served them on AWS.
"""

pytestmark = pytest.mark.slow


def run(args: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SKILLMATCH_")}
    env.pop("PYTHONPATH", None)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(venv bin directory, working directory outside the repo) with the wheel installed."""
    root = tmp_path_factory.mktemp("packaging")
    wheels = root / "wheels"
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                 str(REPO)], cwd=root)
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("skillmatch-*.whl")
    venv.EnvBuilder(with_pip=False).create(root / "venv")
    bin_dir = root / "venv" / ("Scripts" if os.name == "nt" else "bin")
    borrow_site_packages(root / "venv")
    pip = run([sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install",
               "--no-deps", "--force-reinstall", "-q", str(wheel)], cwd=root)
    assert pip.returncode == 0, pip.stderr
    work = root / "work"
    work.mkdir()
    return bin_dir, work


def borrow_site_packages(venv_dir: Path) -> None:
    """Put this interpreter's site-packages on the new venv's path, after its own.

    A ``.pth`` line only appends a directory: the ``.pth`` files inside it (such as the
    checkout's editable install) are not run, so ``service`` comes from the installed wheel.
    """
    own = Path(sysconfig.get_path("purelib", vars={"base": venv_dir, "platbase": venv_dir}))
    borrowed = [*site.getsitepackages(), site.getusersitepackages()]
    (own / "borrowed-test-deps.pth").write_text(
        "\n".join(p for p in borrowed if Path(p).is_dir()) + "\n", encoding="utf-8")


def test_the_venv_imports_the_installed_package_not_the_checkout(installed):
    bin_dir, work = installed
    result = run([str(bin_dir / "python"), "-c",
                  "import service, service.taxonomy as t; "
                  "print(service.__file__); print(t.default_taxonomy_dir())"], cwd=work)
    assert result.returncode == 0, result.stderr
    module_file, taxonomy_dir = result.stdout.splitlines()
    assert REPO not in Path(module_file).resolve().parents
    assert Path(taxonomy_dir).name == "_taxonomy"
    assert REPO not in Path(taxonomy_dir).resolve().parents


def test_installed_cli_validates_the_packaged_taxonomy(installed):
    bin_dir, work = installed
    result = run([str(bin_dir / "skillmatch"), "taxonomy", "validate"], cwd=work)
    assert result.returncode == 0, result.stderr
    version = (REPO / "taxonomy" / "VERSION").read_text(encoding="utf-8").strip()
    assert result.stdout.splitlines()[0] == f"taxonomy {version}: valid"


def test_installed_cli_extracts_a_resume_outside_the_repo(installed):
    if not (REPO / "service" / "extract" / "__init__.py").exists():
        pytest.skip("service/extract is not in this checkout yet: nothing to extract with")
    bin_dir, work = installed
    resume = work / "resume.txt"
    resume.write_text(RESUME, encoding="utf-8")
    result = run([str(bin_dir / "skillmatch"), "extract", str(resume), "--format", "jsonl"],
                 cwd=work)
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert record["path"] == str(resume)
    names = {skill["name"] for skill in record["skills"] if skill["explicit"]}
    assert {"Python", "SQL", "PyTorch", "Docker", "Kubernetes"} <= names
