"""Words a scraped page glued together are split for matching, in pages that show the glue;
names of products and code are left whole. Invented texts only."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract.glued import GluedWords
from service.extract.tokens import ChunkTokenizer
from tests.installed import extract_text, pipeline

# a posting as a job board's scraper leaves it: list items and headings run together
SCRAPED = (
    "Senior Data Scientist, Harbourline Freight\n"
    "What you will do: Analyse shipment data to find delay patternsBuild forecasting models "
    "for port congestionData WranglingFeature EngineeringModel TuningModel Evaluation: "
    "work with platform engineers to ship modelsWhat we look for: 4+ years of applied "
    "machine learningProficiency in Python and SQLHave used deep learningExperience with "
    "Docker and Kubernetes).Familiarity with MLFlowExperience with cloud platforms"
)


def _names(text: str, kind: str = "job") -> set[str]:
    return {s.name for s in extract_text(text, kind=kind).skills if s.explicit}


def test_a_scraped_posting_is_read_word_by_word():
    names = _names(SCRAPED)
    for skill in ["feature engineering", "model evaluation", "Python", "SQL", "deep learning",
                  "Kubernetes", "MLflow"]:
        assert skill in names


def test_the_same_posting_with_its_breaks_finds_the_same_skills():
    spaced = (SCRAPED.replace("patternsBuild", "patterns. Build")
              .replace("congestionData", "congestion. Data")
              .replace("WranglingFeature EngineeringModel TuningModel Evaluation",
                       "Wrangling, Feature Engineering, Model Tuning, Model Evaluation")
              .replace("modelsWhat", "models. What")
              .replace("learningProficiency", "learning. Proficiency")
              .replace("SQLHave", "SQL. Have")
              .replace("learningExperience", "learning. Experience")
              .replace(").Familiarity", "). Familiarity")
              .replace("MLFlowExperience", "MLFlow. Experience"))
    assert _names(SCRAPED) >= _names(spaced) - {"model deployment"}


@pytest.mark.parametrize("text", [
    # product and library names in an ordinary resume: no glue anywhere else
    "Tested the Scala services with ScalaCheck; persistence through SQLAlchemy and Postgres.",
    "Spoke at EuroPython 2023 about typing; maintainer of CareSpark, a nurse rota app.",
    "Wrote the keyboard plugin for SwiftKey and the BERTScore wrapper for our Rust CLI.",
])
def test_names_of_products_are_not_split_in_an_ordinary_text(text):
    names = _names(text, kind="resume")
    assert "SQL" not in names and "Python" not in names and "Swift" not in names
    assert "Spark" not in names and "BERT" not in names


def test_names_of_products_stay_whole_in_a_glued_page():
    text = ("What you will do: analyse freight dataBuild routing toolsWork with opsWhat we "
            "offer: a pensionApply now\n"
            "Our backend uses SQLAlchemy; the team spoke at EuroPython and JuliaCon and writes "
            "its scripts in RubyMine.")
    names = _names(text)
    assert not names & {"SQL", "Python", "Julia", "Ruby"}


def test_a_path_is_no_glue():
    text = ("Projects: github.com/ana/sentimentScore, github.com/ana/movieRanker, "
            "github.com/ana/stockCharts\nSkills: Rust; tested with ScalaTest.")
    assert not GluedWords.is_glued(text)


def test_a_glued_list_item_ending_in_a_bracket_still_ends_its_skill():
    # (no other glue in the text: the bracket rule is the tokenizer's, for every text)
    assert "Kubernetes" in _names("Experience with containers (Docker, Kubernetes).Proven "
                                  "record of shipping services.")


@pytest.mark.parametrize(("word", "pieces"), [
    ("learningProficiency", ["learning", "Proficiency"]),
    ("EngineeringModel", ["Engineering", "Model"]),
    ("SQLHave", ["SQL", "Have"]),
    ("MLFlowExperience", ["MLFlow", "Experience"]),  # MLflow stays whole
    ("TensorFlowExperience", ["TensorFlow", "Experience"]),
    ("JavaScriptProficiency", ["JavaScript", "Proficiency"]),
    ("AWSFamiliarity", ["AWS", "Familiarity"]),
])
def test_split_keeps_every_form_of_the_taxonomy_whole(word, pieces):
    assert pipeline().glued.split(word) == pieces


@pytest.mark.parametrize("word", ["TensorFlow", "JavaScript", "XGBoost", "PyTorch", "GitHub",
                                  "PostgreSQL", "LinkedIn", "Python", "C++", "iPhone",
                                  # names made from a skill's: not split even in a glued page
                                  "SQLAlchemy", "JuliaCon", "EuroPython", "RubyMine",
                                  "PythonAnywhere", "TensorFlowLite"])
def test_split_leaves_whole_words_alone(word):
    assert pipeline().glued.split(word) is None


@pytest.mark.parametrize(("text", "glued"), [
    ("models deployedWhat we offer: careers with impactBenefits include pensionsApply now", True),
    ("\\resumeItem{A} \\resumeItemList \\resumeSubheading{B}", False),  # LaTeX macros
    ('{"startDate": "2020", "endDate": "2021", "countryCode": "DE"}', False),  # keys
    ("@janeDoe wrote parseInt( and projectData.json", False),  # handles, calls, files
    ("Used ScalaCheck, SQLAlchemy and SwiftKey at EuroPython", False),  # names open in capitals
])
def test_a_text_is_glued_only_when_it_shows_it_several_times(text, glued):
    assert GluedWords.is_glued(text) is glued


WORDS = st.text(alphabet=st.sampled_from("abcdefgHIJKLmnopQRS"), min_size=1, max_size=24)


@settings(max_examples=300, deadline=None)
@given(WORDS)
def test_pieces_spell_the_word(word):
    pieces = pipeline().glued.split(word)
    if pieces is not None:
        assert "".join(pieces) == word and len(pieces) > 1 and all(pieces)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["learningProficiency", "Python", "SQLHave", " ", "\n", ", ",
                                 "TensorFlowLite", "models.", "EngineeringModel"]), max_size=20))
def test_split_tokens_keep_offsets(parts):
    text = "".join(parts)
    tokenizer = ChunkTokenizer(pipeline().nlp, pipeline().glued)
    doc, starts, ends, _ = tokenizer.split(text)
    assert [text[a:b] for a, b in zip(starts, ends)] == [t.text for t in doc]
    assert "".join(t.text_with_ws for t in doc) == text


# --- Chinese, Japanese and Korean text, which no space parts from a Latin name -----------------

@pytest.mark.parametrize(("text", "expected"), [
    # (Chinese: "services written in Scala, Rust or Go"; "frameworks such as PyTorch and Keras")
    ("会用Scala、Rust或Go写后端服务。", {"scala", "rust", "go"}),
    ("了解深度学习框架（如PyTorch、Keras）", {"pytorch", "keras"}),
    # (Japanese: "model development in PyTorch"; Korean: "analysis with Python or R")
    ("PyTorchによるモデル開発の経験", {"pytorch"}),
    ("Python 또는 R, SQL을 활용한 분석", {"python", "r", "sql"}),
])
def test_latin_names_inside_cjk_text_are_found(text, expected):
    assert expected <= {s.id for s in extract_text(text, kind="job").skills if s.explicit}


def test_a_cjk_run_does_not_split_a_latin_name():
    tokens = [t.text for t in pipeline().nlp("用Scikit-learn和C#写的")]
    assert "Scikit-learn" in tokens and "C#" in tokens


@pytest.mark.parametrize(("word", "pieces"), [
    ("AirflowFastAPIMLflowDocker", ["Airflow", "FastAPI", "MLflow", "Docker"]),
    # one capitalised word among three names or more
    ("KafkaFlinkHarborDocker", ["Kafka", "Flink", "Harbor", "Docker"]),
    ("PythonPandasNumPy", ["Python", "Pandas", "NumPy"]),
    # tools the taxonomy does not hold, fewer than the names among three names or more
    ("FaceKubernetesOpenaiPytorchSagemakerTensorflowVector",
     ["Face", "Kubernetes", "Openai", "Pytorch", "Sagemaker", "Tensorflow", "Vector"]),
])
def test_a_run_of_glued_names_is_spelled_out(word, pieces):
    assert pipeline().glued.spelled(word) == pieces


@pytest.mark.parametrize("word", [
    "PostgreSQL", "GitHub", "JupyterLab", "SQLAlchemy", "SparkNLP", "ExcelVBA", "scikitLearnDocker",
    "PyTorchLightning",
    # two names and words: a class or a product's name, not a tag list
    "SparkSessionHiveSupport", "KubernetesPodOperatorDockerHub", "AcmeDataKafkaSparkPlatformTeam",
    # an event, a prize or a class named after tools: not a tag list
    "PythonPandasDaskConferenceBerlin", "RedisMongoPostgresConnectionPool",
    "LeadershipTeamworkCollaborationExcellenceAward",
])
def test_a_name_a_product_or_two_names_are_not_spelled_out(word):
    assert pipeline().glued.spelled(word) is None


def test_a_long_run_of_capitals_is_not_searched():
    # (the search grows with the cube of the capitals: a long word is left alone)
    assert pipeline().glued.spelled("DockerKafkaAirflow" * 10) is None
    assert pipeline().glued.spelled("pythonDockerKafka") is None  # code, not a tag list


def test_a_tag_list_that_lost_its_spaces_is_read_in_any_text():
    names = _names("Credit risk models on millions of records.\n"
                   "XGBoostPostgreSQLAirflowFastAPIMLflowFeastDocker\n", kind="resume")
    assert {"XGBoost", "PostgreSQL", "Airflow", "FastAPI", "MLflow", "Docker"} <= names


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Docker", "Kafka", "Airflow", "MLflow", "Harbor", "Tide", "x",
                                 "PostgreSQL", "Go", "Abc"]), min_size=1, max_size=8))
def test_spelled_pieces_spell_the_word(parts):
    word = "".join(parts)
    pieces = pipeline().glued.spelled(word)
    if pieces is not None:
        assert "".join(pieces) == word and len(pieces) > 2
