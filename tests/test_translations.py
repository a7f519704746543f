"""Skill names in other languages (``taxonomy/translations.yaml``): loaded and validated with
errors naming file, entry and field; matched without context, with or without accents, in CVs
and postings written in German, Spanish, French, Italian, Portuguese or Russian."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from service.errors import TaxonomyError
from service.evaluate.dictionary import DictionaryMatcher
from service.taxonomy import get_taxonomy, load_taxonomy
from tests.installed import extract_text

ROOT = Path(__file__).resolve().parent.parent
TOY = ROOT / "taxonomy" / "toy"


def _toy_with(tmp_path: Path, translations: object) -> Path:
    root = tmp_path / "tax"
    shutil.copytree(TOY, root)
    (root / "translations.yaml").write_text(yaml.safe_dump(translations, allow_unicode=True),
                                            encoding="utf-8")
    return root


def _claimed(text: str, kind: str = "resume") -> set[str]:
    return {h.id for h in extract_text(text, kind=kind).skills if h.explicit}


# --- loading -----------------------------------------------------------------------------------

def test_toy_translations_load_into_the_skill_and_its_forms(tmp_path):
    root = _toy_with(tmp_path, {"translations": {
        "neural-networks": {"es": ["redes neuronales"], "pt": ["redes neurais"]}}})
    skill = load_taxonomy(root).get("neural-networks")
    assert skill.translations == {"es": ["redes neuronales"], "pt": ["redes neurais"]}
    assert {"redes neuronales", "redes neurais"} <= set(skill.forms)


def test_without_the_file_skills_have_no_translations():
    taxonomy = load_taxonomy(TOY)
    assert all(not s.translations for s in taxonomy.skills.values())


def test_unknown_skill_is_an_error_naming_file_and_entry(tmp_path):
    root = _toy_with(tmp_path, {"translations": {"no-such-skill": {"de": ["Etwas"]}}})
    with pytest.raises(TaxonomyError, match=r"translations\.yaml: entry no-such-skill: "
                                            r"unknown skill"):
        load_taxonomy(root)


@pytest.mark.parametrize("languages, field", [
    ({"xx": ["redes"]}, "xx"),
    ({"es": ["  "]}, "es"),
    ({"es": "redes neuronales"}, "es"),
])
def test_bad_entry_is_an_error_naming_file_entry_and_field(tmp_path, languages, field):
    root = _toy_with(tmp_path, {"translations": {"neural-networks": languages}})
    with pytest.raises(TaxonomyError, match=rf"translations\.yaml: entry neural-networks: "
                                            rf"field {field}[.:]"):
        load_taxonomy(root)


def test_not_a_mapping_is_an_error(tmp_path):
    root = _toy_with(tmp_path, {"translations": ["neural-networks"]})
    with pytest.raises(TaxonomyError, match=r"translations\.yaml: expected a top-level "
                                            r"'translations:'"):
        load_taxonomy(root)


def test_a_form_of_another_skill_is_an_error_naming_the_translation(tmp_path):
    root = _toy_with(tmp_path, {"translations": {"deep-learning": {"fr": ["random forest"]}}})
    with pytest.raises(TaxonomyError, match=r"translations\.yaml: entry deep-learning: "
                                            r"field fr: 'random forest' is also a form of "
                                            r"random-forest"):
        load_taxonomy(root)


def test_a_form_of_another_skill_but_for_its_accents_is_an_error(tmp_path):
    # the matcher ignores accents, so "random forêst" would name both skills
    root = _toy_with(tmp_path, {"translations": {"deep-learning": {"fr": ["random forêst"]}}})
    with pytest.raises(TaxonomyError, match=r"translations\.yaml: entry deep-learning: "
                                            r"field fr: 'random forest' is also a form of"):
        load_taxonomy(root)


def test_yaml_merge_keys_still_load_and_numbers_differ_from_strings(tmp_path):
    from service.taxonomy.loading import read_yaml
    path = tmp_path / "x.yaml"
    path.write_text("base: &b {x: 1}\nmerged: {<<: *b, y: 2}\n1: one\n'1': text\n",
                    encoding="utf-8")
    assert read_yaml(path) == {"base": {"x": 1}, "merged": {"x": 1, "y": 2}, 1: "one",
                               "1": "text"}


def test_a_chinese_name_of_two_characters_is_enough(tmp_path):
    root = _toy_with(tmp_path, {"translations": {"deep-learning": {"zh": ["深度"]}}})
    assert load_taxonomy(root).get("deep-learning").translations == {"zh": ["深度"]}
    for name in ("深", "R语"):  # two of the characters, not one beside a letter
        root = _toy_with(tmp_path / name, {"translations": {"deep-learning": {"zh": [name]}}})
        with pytest.raises(TaxonomyError, match=r"field zh: .*characters at least"):
            load_taxonomy(root)


def test_a_short_name_is_an_error(tmp_path):
    # it would count without context: "KI" is also initials, a grade, a file suffix
    root = _toy_with(tmp_path, {"translations": {"deep-learning": {"de": ["KI"]}}})
    with pytest.raises(TaxonomyError, match=r"translations\.yaml: entry deep-learning: "
                                            r"field de: .*4 characters"):
        load_taxonomy(root)


def test_a_skill_written_twice_is_an_error_not_a_silent_overwrite(tmp_path):
    root = _toy_with(tmp_path, {})
    (root / "translations.yaml").write_text(
        "translations:\n  deep-learning:\n    es: [aprendizaje profundo]\n"
        "  deep-learning:\n    pt: [aprendizado profundo]\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"translations\.yaml: cannot read: .*"
                                            r"'deep-learning' is written twice"):
        load_taxonomy(root)


def test_repeating_an_english_form_is_an_error(tmp_path):
    root = _toy_with(tmp_path, {"translations": {"neural-networks": {"es": ["neural networks"]}}})
    with pytest.raises(TaxonomyError, match=r"translations\.yaml: entry neural-networks: "
                                            r"field es: .* repeats a form"):
        load_taxonomy(root)


def test_one_name_may_serve_two_languages(tmp_path):
    root = _toy_with(tmp_path, {"translations": {
        "deep-learning": {"es": ["aprendizaje profundo"], "it": ["apprendimento profondo"],
                          "pt": ["aprendizado profundo", "aprendizaje profundo"]}}})
    assert "aprendizaje profundo" in load_taxonomy(root).get("deep-learning").forms


def test_shipped_translations_name_known_skills_in_known_languages():
    data = yaml.safe_load((ROOT / "taxonomy" / "translations.yaml").read_text(encoding="utf-8"))
    taxonomy = get_taxonomy()
    assert set(data["translations"]) <= set(taxonomy.skills)
    assert taxonomy.get("statistics").translations["de"][0] == "Statistik"


# --- matching ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Formação: Mestrado em Estatística. Conhecimentos em redes neurais e visão computacional.",
     {"statistics", "neural-networks", "computer-vision"}),
    ("Requisitos: título en Estadística; experiencia con árboles de decisión y regresión "
     "logística; sistemas de recomendación.",
     {"statistics", "decision-trees", "logistic-regression", "recommender-systems"}),
    ("Ihr Profil: Studium der Statistik, Erfahrung mit Datenmodellierung und Datenpipelines.",
     {"statistics", "data-modeling", "data-pipelines"}),
    ("Compétences : apprentissage automatique, traitement automatique du langage naturel, "
     "tests unitaires.",
     {"machine-learning", "natural-language-processing", "unit-testing"}),
    ("Математика: линейная алгебра, матанализ, теория вероятностей, математическая статистика",
     {"linear-algebra", "calculus", "probability", "statistics"}),
    ("Competenze: reti neurali convoluzionali, analisi delle componenti principali.",
     {"convolutional-neural-networks", "principal-component-analysis"}),
    # Chinese runs no spaces between words: a name is found inside the run, simplified or
    # traditional
    ("技能：熟悉Python、机器学习和数据可视化；负责模型部署与特征工程。",
     {"python", "machine-learning", "data-visualization", "model-deployment",
      "feature-engineering"}),
    ("專長：統計建模、資料視覺化、單元測試", {"statistics", "data-visualization", "unit-testing"}),
    # translations of English aliases ("recommendation models", "visual analytics")
    ("用PyTorch训练推荐模型，并搭建可视化分析看板", {"pytorch", "recommender-systems",
                                                  "data-visualization"}),
    # Japanese: kanji and katakana names, found inside their run like Chinese ones
    ("習得スキル：構造化データの特徴量エンジニアリング、自然言語処理、単体テスト、"
     "ディープラーニングによる物体検出、機械学習基盤の構築",
     {"feature-engineering", "natural-language-processing", "unit-testing", "deep-learning",
      "object-detection", "ml-infrastructure"}),
    ("研究：教師あり学習、クラスター分析、時系列予測、推薦システム",
     {"supervised-learning", "clustering", "time-series-forecasting", "recommender-systems"}),
    # Turkish, also in capitals (the dotted "İ") and typed without its letters ("ı", "ğ")
    ("Derin öğrenme ve makine öğrenmesi üzerine projeler; İstatistik, Doğal Dil İşleme",
     {"deep-learning", "machine-learning", "statistics", "natural-language-processing"}),
    ("YETENEKLER: YAPAY SİNİR AĞLARI, bilgisayarli goru, tavsiye sistemleri",
     {"neural-networks", "computer-vision", "recommender-systems"}),
    # a name after a French or Italian elision ("d'", "dell'")
    ("Projet : évaluation d'un modèle d'apprentissage profond.", {"deep-learning"}),
    ("Tesi sull'apprendimento automatico e dell'apprendimento profondo",
     {"machine-learning", "deep-learning"}),
    ("Projetos de visão computacional, clusterização e regressão.",
     {"computer-vision", "clustering"}),
])
def test_names_in_other_languages_are_claims(text, expected):
    assert expected <= _claimed(text)


@pytest.mark.parametrize("text, skill", [
    ("Algorithmique : structures de données de base, Langage C", "c"),
    ("Programación en lenguaje R para la tesis.", "r"),
    ("Conocimientos de lenguaje R.", "r"),
    # a CNN beside deep learning or a neural network named in the text's language
    ("Utilisation d'un réseau de CNN et de BLSTM pour l'apprentissage profond.",
     "convolutional-neural-networks"),
])
def test_an_ambiguous_name_is_confirmed_by_words_of_the_texts_language(text, skill):
    assert skill in _claimed(text)


def test_an_elision_is_no_name():
    # an apostrophe after one of the elided words splits it off, and nothing else
    claimed = _claimed("I don't know l'Oréal; O'Reilly books on Python.")
    assert claimed == {"python"}
    # an English possessive is no elision
    assert "c" in _claimed("Deep knowledge of C's memory model and pointers.")


def test_a_translated_name_is_the_skill_its_english_name_is():
    # operations research is its own skill in English, implying optimization (not claiming it)
    claimed = _claimed("Compétences : recherche opérationnelle, SQL. "
                       "Conocimientos de investigación operativa.")
    assert "operations-research" in claimed
    assert "optimization" not in claimed


def test_a_name_written_without_its_accents_still_counts():
    assert {"statistics", "decision-trees"} <= _claimed(
        "Habilidades: estadistica, arboles de decision")


def test_german_umlauts_spelt_out_still_count():
    assert {"supervised-learning", "decision-trees"} <= _claimed(
        "Kenntnisse: ueberwachtes Lernen, Entscheidungsbaeume")


def test_russian_case_forms_count():
    assert {"machine-learning", "computer-vision", "neural-networks"} <= _claimed(
        "Опыт в машинном обучении и компьютерном зрении; обучал модели с нейронной сетью.")


@pytest.mark.parametrize("text, skill", [
    ("Evaluación del modelo de negocio de la franquicia.", "model-evaluation"),
    # a business model evaluated, a server cluster, an employee suggestion scheme
    ("新規事業のビジネスモデルの評価を担当", "model-evaluation"),
    ("サーバーのクラスタリング構成（HA）を設計", "clustering"),
    ("Sunucu kümeleme ve yük dengeleme; iş modeli değerlendirme", "clustering"),
    ("Çalışan öneri sistemleri ve kaizen çalışmaları", "recommender-systems"),
    ("Suivi des statistiques de vente et des modèles de véhicules.", "statistics"),
    ("Сбор статистики звонков для отдела продаж.", "statistics"),
    ("Alta probabilidad de éxito en la negociación.", "probability"),
    ("Verifica delle ipotesi di progetto strutturale.", "hypothesis-testing"),
    ("Mise en place du partitionnement de données sous PostgreSQL.", "clustering"),
])
def test_everyday_phrases_that_share_a_name_are_not_claims(text, skill):
    assert skill not in _claimed(text)


def test_an_ambiguous_skills_translation_needs_no_context():
    # "data visualization" is ambiguous in English ("visualization" alone); its German name is not
    assert "data-visualization" in _claimed("Meine Aufgaben: Datenvisualisierung für das "
                                            "Management.")


def test_a_word_that_is_only_part_of_a_name_is_not_matched():
    # "cálculo" alone is any calculation, "Optimierung" alone any improvement: neither is listed
    claimed = _claimed("Responsável pelo cálculo de impostos e pela Optimierung der Prozesse.")
    assert not claimed & {"calculus", "optimization"}


def test_translations_get_no_english_variants():
    # no English plural is made of a name in another language: "Statistiken" (German plural)
    # and "Estadísticas" are figures, not the field
    assert "statistics" not in _claimed("Die Statistiken und Estadísticas zeigen das Wachstum.")


def test_a_name_in_another_language_is_matched_only_as_written():
    # no fuzzy matching: a near miss of a name there is often another word of that language or
    # of English, and no misspelling list is kept for six languages
    assert "data-modeling" not in _claimed("Kenntnisse: Datenmodelierung, SQL")
    assert "data-modeling" in _claimed("Kenntnisse: Datenmodellierung, SQL")


def test_a_negated_name_in_an_english_sentence_is_not_a_claim():
    assert "neural-networks" not in _claimed("I have no experience with redes neuronales.")


def test_the_dictionary_baseline_knows_the_translations():
    found = DictionaryMatcher(get_taxonomy()).find("Kenntnisse: lineare Algebra, Stochastik")
    assert {"linear algebra", "probability"} <= set(found.found)


def test_a_name_ending_in_a_slash_and_a_capital_counts_before_a_full_stop():
    # spaCy keeps a full stop on a lone capital ("B."), as on an initial; after a slash it is
    # split off, so "pruebas A/B." is matched
    assert "a-b-testing" in _claimed("Experiencia\n- Diseñé el servicio con pruebas A/B.\n")


@pytest.mark.parametrize("text, skill", [
    # a Chinese name inside other words: tallying students' grades, visual shop-floor
    # management, an architectural model, cost optimisation, supervising study progress
    ("负责统计学生成绩。", "statistics"),
    ("推行车间可视化管理。", "data-visualization"),
    ("制作沙盘大模型。", "large-language-models"),
    ("负责成本最优化。", "optimization"),
    ("监督学习进度。", "supervised-learning"),
    ("家长没有监督学习进度。", "supervised-learning"),
    # job titles name no skill, as in English ("Data Scientist")
    ("职位：数据科学家", "data-science"),
    ("职位：数据分析师", "data-analysis"),
])
def test_chinese_names_inside_everyday_words_are_not_claims(text, skill):
    assert skill not in _claimed(text)


def test_full_width_marks_end_a_chunk_like_a_space():
    from service.normalize import normalize
    assert normalize("熟悉Python，SQL；技能：机器学习！") == "熟悉Python, SQL; 技能: 机器学习!"


def test_a_long_unspaced_run_is_read_in_bounded_time():
    # one chunk of 60,000 characters with no space: tokenized in pieces (spaCy's affix rules
    # take time growing with the square of a chunk's length); names inside are still found
    text = "，".join("熟悉机器学习与数据可视化" + "的" * 18 for _ in range(2000))
    extraction = extract_text(text, kind="resume")
    assert {"machine-learning", "data-visualization"} <= {h.id for h in extraction.skills}


# --- practices described in other languages ------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Missions : déploiement et monitoring des modèles, évaluation des modèles de scoring.",
     {"model-deployment", "model-evaluation", "model-monitoring"}),
    ("Les modèles d'IA déployés sont surveillés chaque jour.", {"model-deployment"}),
    ("Industrialiser le cycle de vie des modèles (entraînement, évaluation, déploiement, "
     "monitoring).", {"model-deployment", "model-evaluation", "model-monitoring"}),
    ("Gestire il ciclo di vita dei modelli (addestramento, valutazione, deployment e "
     "monitoraggio).", {"model-deployment", "model-evaluation", "model-monitoring"}),
    ("Deployment von ML-Modellen in der Cloud.", {"model-deployment"}),
    ("Responsable de l'evaluation des modeles de scoring.", {"model-evaluation"}),
    ("Validierung von KI-Modellen für die Kreditvergabe.", {"model-evaluation"}),
    ("Mise en production de grands modèles de langage sur GCP.", {"model-deployment"}),
    ("Sarai responsabile di distribuire modelli di machine learning in ambienti di produzione.",
     {"model-deployment"}),
    ("Sie deployen KI-Modelle und überwachen die Modelle im Betrieb.",
     {"model-deployment", "model-monitoring"}),
    ("Experiencia con modelos predictivos desplegados y su monitoreo.", {"model-deployment"}),
    ("Responsável pela implantação e avaliação de modelos preditivos.",
     {"model-deployment", "model-evaluation"}),
])
def test_practices_described_in_other_languages(text, expected):
    assert expected <= _claimed(text, "job")


@pytest.mark.parametrize("text, skill", [
    ("Évaluation des modèles économiques de nos partenaires.", "model-evaluation"),
    ("Déploiement du modèle opérationnel dans les agences.", "model-deployment"),
    ("Evaluación de modelos de negocio para franquicias.", "model-evaluation"),
    ("Wir deployen die Website jede Woche; Modellbau ist unser Hobby.", "model-deployment"),
    # a noun after the models is another thing's: the monitoring of metrics
    ("Von Reward-Modelle bis zur Überwachung von Alignment-Metriken.", "model-monitoring"),
    # a business, service or product model, also beside a word of machine learning
    ("Évaluation des modèles économiques de nos clients grâce au machine learning.",
     "model-evaluation"),
    ("Déploiement du nouveau modèle commercial et de l'IA générative dans les agences.",
     "model-deployment"),
    ("Monitoraggio del Modello 231 e progetti di intelligenza artificiale.", "model-monitoring"),
    # no word of machine learning: a car's, a shoe's, a vehicle's model
    ("Sie begleiten neue Modelle bis in die Produktion (Serienanlauf).", "model-deployment"),
    ("Mise en production de nouveaux modèles de véhicules.", "model-deployment"),
    ("Wir bewerten neue Modelle von Fahrzeugen auf Sicherheit.", "model-evaluation"),
    ("Rilascio dei nuovi modelli di calzature in produzione.", "model-deployment"),
    # the Italian "ai" (to the) and the Portuguese "ia" (was going) are no AI
    ("Nuovi modelli di calzature in produzione, destinati ai negozi.", "model-deployment"),
    ("O modelo ia ser implantado na fábrica.", "model-deployment"),
])
def test_business_models_and_other_deployments_are_not_practices(text, skill):
    assert skill not in _claimed(text, "job")


@pytest.mark.parametrize("text, skill", [
    ("- Experiencia con Snowflake.", "snowflake"),
    ("Erfahrung mit Go und Kubernetes.", "go"),
    ("Conhecimentos de R e Python.", "r"),
    ("Maîtrise de Spark.", "spark"),
    ("Esperienza con Hive in ambienti cloud.", "hive"),
])
def test_an_ambiguous_tool_after_experience_with_in_other_languages(text, skill):
    assert skill in _claimed(text, "job")


@pytest.mark.parametrize("text", [
    "Stack : PyTorch, NLP, deep learning. Envoyez votre CV et une lettre de motivation.",
    "Stack: PyTorch e NLP. Scrivici includendo un CV e una lettera di presentazione.",
])
def test_the_cv_asked_for_in_other_languages_is_the_document(text):
    assert "computer-vision" not in _claimed(text, "job")

