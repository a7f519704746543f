"""Text copied out of a JSON file with its string escapes reads as the text it holds."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from service.documents.escapes import is_json_escaped, unescape_json_text
from service.documents.text import document_from_text
from tests.installed import extract_text

_POSTING = """<p><strong>Data Engineer — Harbour Freight Analytics</strong></p>
<p>We are hiring a data engineer to build our “next” platform.</p>
<ul>
<li>Build data pipelines in Python and SQL on Snowflake</li>
<li>Experience with LLM-powered workflows is a plus</li>
<li>Deploy services on Kubernetes with CI/CD</li>
</ul>
<p>Salary: 60k–70k €</p>"""


def _escaped(text: str) -> str:
    """``text`` as it sits inside a JSON file: the string literal without its quotes."""
    return json.dumps(text)[1:-1]


def test_an_escaped_posting_reads_as_its_text():
    copied = _escaped(_POSTING)
    assert "\n" not in copied and is_json_escaped(copied)
    assert unescape_json_text(copied) == _POSTING
    assert document_from_text(copied).text.startswith("<p><strong>Data Engineer")


def test_skills_of_an_escaped_posting_are_found():
    found = {h.id for h in extract_text(_escaped(_POSTING), kind="job").skills if h.explicit}
    assert {"data-pipelines", "python", "sql", "snowflake", "large-language-models",
            "kubernetes", "ci-cd"} <= found


def test_a_stray_backslash_still_decodes_the_escapes():
    copied = _escaped(_POSTING).replace("Python", "C:\\\\data\\\\x Python").replace("\\\\x", "\\x")
    assert not copied.count("\n")
    text = unescape_json_text(copied)
    assert "Build data pipelines in C:\\data\\x Python" in text and text.count("\n") >= 5


def test_a_pair_is_one_character_and_a_lone_half_a_replacement():
    copied = "Skills\\nPython\\nSQL\\nSpark\\nAirflow\\nHiring \\ud83d\\ude80 now, half: \\ud83d end"
    assert unescape_json_text(copied).endswith("Hiring \U0001f680 now, half: \ufffd end")
    # the same after a stray backslash (decoded escape by escape)
    assert unescape_json_text(copied + " C:\\x").endswith("\U0001f680 now, half: \ufffd end C:\\x")


def test_a_copied_value_loses_its_key_quotes_and_comma():
    copied = '"description": "' + _escaped(_POSTING) + '",'
    assert unescape_json_text(copied) == _POSTING
    assert unescape_json_text('"' + _escaped(_POSTING) + '"') == _POSTING


def test_latex_paths_and_regexes_are_left_as_they_are():
    latex = "\\section{Skills}\\newline Python \\newline SQL \\newline R \\newline Spark" * 3
    assert not is_json_escaped(latex) and unescape_json_text(latex) == latex
    one_line = ("Set up the build on C:\\nightly\\new\\node_modules and D:\\net\\notes; logs in "
                "E:\\nas\\nginx")
    assert unescape_json_text(one_line) == one_line
    windows = ("Built on C:\\Users\\nora\\Nightly and D:\\Net\\Notes\\N1\\N2; logs in "
               "E:\\Nas\\Nginx\\Node\\Next")
    assert unescape_json_text(windows) == windows
    regex = r"Parsed dates with \d{4}-\d{2} and \w+ \nA \nB \nC \nD \nE \s \S \D \W"
    assert unescape_json_text(regex) == regex


@given(st.text(alphabet=st.sampled_from("ab \\n\"u0\t"), max_size=300))
def test_text_with_real_line_breaks_is_never_touched(text):
    text = "one\ntwo\nthree\n" + text
    assert unescape_json_text(text) == text
