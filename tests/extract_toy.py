"""A small, fixed taxonomy for the extractor's mechanism tests (independent of data tuning)."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from service.extract import Pipeline, extract_text, get_pipeline
from service.models import Extraction

TOY_SKILLS = r"""
skills:
- {id: python, name: Python, category: language, aliases: [Python 3]}
- {id: java, name: Java, category: language}
- {id: javascript, name: JavaScript, category: language, aliases: [JS]}
- {id: nodejs, name: Node.js, category: tool, implies: [javascript]}
- id: c
  name: C
  category: language
  ambiguous: true
  unambiguous_aliases: [ANSI C, embedded C]
  context:
    confirm: ['\bC (?:programming|language)\b']
    reject: ['(?i)\b(?:grade|plan|section|class|vitamin)[- ]C\b']
    window: 30
- {id: c-plus-plus, name: C++, category: language, aliases: [cpp]}
- {id: c-sharp, name: 'C#', category: language, aliases: [C Sharp]}
- {id: dotnet, name: .NET, category: platform}
- id: r
  name: R
  category: language
  ambiguous: true
  unambiguous_aliases: [R programming, RStudio]
  context: {confirm: ['\bin R\b(?![&/.-])'], window: 30}
- id: go
  name: Go
  category: language
  ambiguous: true
  unambiguous_aliases: [Golang]
  context: {reject: ["(?i)\\blet'?s go\\b", '(?i)\bgo to\b'], window: 20}
- {id: rust, name: Rust, category: language, ambiguous: true, context: {reject: ['(?i)\brust (?:belt|proof)\b']}}
- id: julia
  name: Julia
  category: language
  ambiguous: true
  context: {reject: ['\bJulia\s+[A-Z][a-z]+'], window: 30}
- {id: sql, name: SQL, category: language, aliases: [T-SQL, PL/SQL]}
- {id: postgresql, name: PostgreSQL, category: tool, implies: [sql]}
- {id: scala, name: Scala, category: language}
- id: aws
  name: Amazon Web Services
  category: platform
  ambiguous: true
  aliases: [Amazon]
  unambiguous_aliases: [AWS]
  context: {reject: ['\b(?:at|for|with|joined) Amazon\b', 'Amazon\.com'], window: 30}
- {id: sagemaker, name: Amazon SageMaker, category: platform, aliases: [SageMaker], implies: [aws]}
- id: spark
  name: Spark
  category: tool
  ambiguous: true
  unambiguous_aliases: [Apache Spark, PySpark]
  context: {reject: ['(?i)\bspark(?:ed|s)? (?:interest|curiosity|joy)\b'], window: 30}
- {id: hive, name: Hive, category: tool, ambiguous: true, unambiguous_aliases: [HiveQL], context: {reject: ['(?i)\bhive of\b']}}
- {id: hadoop, name: Hadoop, category: tool}
- {id: docker, name: Docker, category: tool}
- {id: kubernetes, name: Kubernetes, category: tool, aliases: [k8s]}
- {id: tensorflow, name: TensorFlow, category: ml-library}
- {id: pytorch, name: PyTorch, category: ml-library, implies: [deep-learning]}
- {id: scikit-learn, name: scikit-learn, category: ml-library, aliases: [sklearn]}
- {id: pandas, name: pandas, category: ml-library, ambiguous: true, context: {reject: ['(?i)\bgiant pandas\b']}}
- {id: numpy, name: NumPy, category: ml-library}
- {id: k-means, name: k-means, category: algorithm, implies: [clustering]}
- {id: clustering, name: clustering, category: algorithm}
- {id: random-forest, name: random forest, category: algorithm, implies: [ensemble-methods, decision-trees]}
- {id: ensemble-methods, name: ensemble methods, category: algorithm}
- {id: decision-trees, name: decision trees, category: algorithm, aliases: [decision tree]}
- {id: linear-regression, name: linear regression, category: algorithm}
- {id: logistic-regression, name: logistic regression, category: algorithm}
- {id: naive-bayes, name: naive Bayes, category: algorithm, aliases: [Naïve Bayes]}
- id: cnn
  name: convolutional neural networks
  category: algorithm
  ambiguous: true
  aliases: [CNN]
  context: {reject: ['\bCNN (?:news|anchor|reporter)\b'], window: 30}
- id: computer-vision
  name: computer vision
  category: approach
  ambiguous: true
  aliases: [CV]
  context: {confirm: ['\bCV (?:models?|pipelines?|research)\b'], window: 30}
- {id: deep-learning, name: deep learning, category: approach}
- {id: ab-testing, name: A/B testing, category: statistics, aliases: [A/B tests]}
- {id: ci-cd, name: CI/CD, category: engineering, aliases: [continuous integration]}
- {id: leadership, name: leadership, category: soft}
- id: model-deployment
  name: model deployment
  category: engineering
  patterns: ['(?i)\bdeploy(?:ed|ing)?\b(?:\s+[\w-]+){0,4}?\s+models?\s+(?:to|in|into)\s+production\b']
"""

# Requirement cues of the toy taxonomy (a posting's "required"/"preferred" words are data).
TOY_CUES = r"""
preferred: ['\ba plus\b', '\bnice[ -]to[ -]have\b', '\bbonus\b', '\bpreferred\b',
            '\bfamiliarity\b', '\bsome day\b']
required: ['\bmust\b', '\brequired\b', '\brequirements?\b', '\bstrong\b',
           '\blooking for\b', '\d\+? ?years?\b']
"""


@lru_cache(maxsize=1)
def toy_dir() -> Path:
    """A taxonomy directory holding ``TOY_SKILLS``, written once per test session."""
    root = Path(tempfile.mkdtemp(prefix="skillmatch-toy-"))
    (root / "skills").mkdir()
    (root / "skills" / "toy.yaml").write_text(TOY_SKILLS, encoding="utf-8")
    (root / "cues.yaml").write_text(TOY_CUES, encoding="utf-8")
    (root / "VERSION").write_text("toy-1\n", encoding="utf-8")
    return root


def toy_pipeline() -> Pipeline:
    """The cached pipeline over ``TOY_SKILLS``."""
    return get_pipeline(toy_dir())


def toy_extract(text: str) -> Extraction:
    return extract_text(text, pipeline=toy_pipeline())


def claimed(text: str) -> set[str]:
    """Ids of the explicit, claimed skills in ``text``."""
    return {h.id for h in toy_extract(text).skills if h.explicit}


def not_claimed(text: str) -> set[str]:
    return {h.id for h in toy_extract(text).not_claimed}
