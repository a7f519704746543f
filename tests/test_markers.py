"""The slow and browser tests run in CI (CI=true, as `.ci/run` runs) or with --run-slow; a
plain `python -m pytest` skips them and says how to run them."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

_TESTS = """
import pytest

def test_fast():
    pass

@pytest.mark.slow
def test_slow():
    pass

@pytest.mark.browser
def test_browser():
    pass
"""
_INI = """
[pytest]
markers =
    slow: slow
    browser: browser
"""


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeconftest("from tests.conftest import pytest_addoption, "
                          "pytest_collection_modifyitems  # noqa: F401")
    pytester.makeini(_INI)
    pytester.makepyfile(test_suite=_TESTS)
    return pytester


def test_a_plain_run_skips_slow_and_browser_tests_saying_how_to_run_them(suite, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    result = suite.runpytest("-rs")
    result.assert_outcomes(passed=1, skipped=2)
    result.stdout.fnmatch_lines(["*slow: runs in CI; set CI=true or pass --run-slow*"])


@pytest.mark.parametrize(("env", "args"), [
    ({"CI": "true"}, []),
    ({}, ["--run-slow"]),
])
def test_ci_or_the_option_runs_every_test(suite, monkeypatch, env, args):
    monkeypatch.delenv("CI", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    suite.runpytest(*args).assert_outcomes(passed=3)


def test_selecting_the_mark_runs_those_tests(suite, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    suite.runpytest("-m", "slow").assert_outcomes(passed=1, deselected=2)


def test_excluding_one_mark_still_skips_the_other(suite, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    suite.runpytest("-m", "not slow").assert_outcomes(passed=1, skipped=1, deselected=1)
