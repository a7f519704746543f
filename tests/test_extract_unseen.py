"""Documents written after the taxonomy was tuned (never used to tune it), plus positive and
negative cases for each general rule they exercise: organisation/place names, curriculum-vitae
"CV", lower-case acronyms, aspirations, course prerequisites, acronyms the text defines, and the
CI/CD, deployment, pipeline, transformer and recommender forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.installed import extract_text

DATA = Path(__file__).parent / "data" / "extract_unseen"

# file -> (skills that must be claimed, skills that must not be claimed)
EXPECTED = {
    "recruiter_resume.txt": (
        {"python", "sql"},
        {"computer-vision", "hive", "spark", "scala", "support-vector-machines",
         "ml-infrastructure", "deep-learning", "reinforcement-learning", "calculus",
         "linear-algebra"},
    ),
    "ml_engineer_resume.txt": (
        {"data-pipelines", "transformers", "recommender-systems", "model-deployment", "ci-cd",
         "gitlab-ci", "github-actions", "jenkins", "kubernetes", "calculus", "linear-algebra",
         "probability", "scala", "spark", "hive", "support-vector-machines", "computer-vision"},
        set(),
    ),
    "adtech_posting.txt": (
        {"python", "sql", "optimization", "transformers"},
        {"amazon-web-services", "independent-component-analysis"},
    ),
}


def _claimed(text: str) -> set[str]:
    return {h.id for h in extract_text(text).skills if h.explicit}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_unseen_documents(name):
    found = _claimed((DATA / name).read_text(encoding="utf-8"))
    must, must_not = EXPECTED[name]
    assert must <= found, sorted(must - found)
    assert not (must_not & found), sorted(must_not & found)


CASES = [
    # (skill, claimed in, not claimed in)
    ("computer-vision",
     ["Research areas: CV, NLP, PyTorch", "Hiring CV engineers with PyTorch experience"],
     ["Led CV screening for 200 applicants.", "Skills: CV writing, interviewing, onboarding",
      "Recruiter: reviewed every CV before the interview"]),
    ("hive", ["Big data: Spark, Hadoop, Hive", "Skills: Hive Metastore, Spark"],
     ["Hosted a meetup at Hive Coworking in Berlin."]),
    ("spark", ["Big data: Spark, Hadoop, Hive", "Skills: Spark Streaming, Kafka"],
     ["Served as Spark Ambassador for the city council."]),
    ("scala", ["Services in Scala and Java", "Languages: Scala Club, Python"],
     ["Ushered at the Scala Theatre on weekends.", "Lived on Scala Street in Leeds."]),
    ("amazon-web-services", ["Cloud: Amazon, Azure"],
     ["Worked in the Amazon Development Centre, Chennai.", "Amazon Seller Services team"]),
    ("support-vector-machines", ["Classifiers: svc, random forest", "Trained an SVC on TF-IDF"],
     ["Built a fraud scoring svc in Python."]),
    ("ml-infrastructure", ["Built our MLOps platform on Kubeflow"],
     ["Moving towards MLOps this year.", "I aspire to work in MLOps."]),
    ("deep-learning", ["Trained deep learning models in PyTorch"],
     ["Hoping to move into deep learning.", "Looking to transition into deep learning."]),
    ("reinforcement-learning", ["Applied reinforcement learning to bidding"],
     ["Interested in reinforcement learning."]),
    ("calculus", ["Coursework: calculus, linear algebra", "Prerequisites: calculus, SQL"],
     ["Took an ML course (calculus, linear algebra prerequisites).",
      "Course: Intro to ML. Prerequisites: calculus, linear algebra."]),
    ("independent-component-analysis",
     ["Methods: PCA, Independent Component Analysis (ICA), t-SNE", "Signal processing: ICA, PCA"],
     ["Member, Institute of Chartered Accountants (ICA), 2019"]),
    ("deep-learning", ["Skills: DL (Deep Learning), PyTorch"],
     ["Managed the DL (Distribution List) for the ML team"]),
    ("artificial-intelligence", ["Skills: AI, ML, NLP"],
     ["Flew Air India (AI) to the ML conference"]),
    ("optimization", ["Skills: convex optimization, statistics", "Skills: ML optimization",
                      "Built route optimization for the delivery fleet.",
                      "Project (b): pickup lists optimisation for logistics."],
     ["Owned eCPM optimization and CTR optimization", "Led SEO optimization for the blog",
      "Drove supply chain optimization initiatives."]),
    # a CI service names CI when its name says so ("GitLab CI"); "GitHub Actions" alone implies it
    ("ci-cd", ["CI in GitLab CI", "Continuous integration in GitHub Actions",
               "Jenkins pipelines for releases"],
     ["Bought a GitLab licence", "Stack: Python, Docker, GitHub Actions"]),
    ("model-deployment", ["We deploy the inference service on k8s every week.",
                          "Shipped ranking models to prod."],
     ["Wrote a k8s upgrade guide.", "We deploy the billing API on k8s every week.",
      "Shipped the models' documentation."]),
    ("data-pipelines", ["Built feature pipelines", "ingestion pipelines in Airflow",
                        "streaming pipeline on Kafka"],
     ["A pipeline of sales leads"]),
    ("transformers", ["Used transformers for semantic search.", "transformers for text classification"],
     ["Repaired power transformers for the grid.", "transformers for the substation upgrade"]),
    ("recommender-systems", ["Toy recommender in Python", "Built a recommendation engine"],
     ["Wrote a recommendation letter for an intern."]),
    # LABELING.md: unit-test frameworks label unit testing; GenAI infrastructure work
    # paraphrases ML infrastructure; randomised or controlled experiments are designed ones
    ("unit-testing", ["Testing: Jest, Cypress", "Specs in RSpec for the Rails app"],
     ["Said it in jest at the retro.", "Wrote Cypress end-to-end tests"]),
    # Polish "jest" (is) in a posting's prose; lower-case jest among test tools stays, also
    # after "to"
    ("unit-testing", ["Tested the UI with jest and cypress.",
                      "Migrated the frontend test suite from Mocha to jest.",
                      "Use Jest to test React components."],
     ["Znajomość Dockera jest atutem.", "Firma jest liderem rynku w Polsce.",
      "Praca zdalna to nie jest tylko hasło.", "To jest praca dla ciebie, znasz Python.",
      "Jest to stanowisko dla Data Engineera z Python."]),
    # a resume tool's CV is the document: "CV optimization tool", "each CV scored against job
    # descriptions" (a list beside "job postings" is not one sentence about them)
    ("computer-vision", ["Skills: Python, PyTorch, CV, NLP", "Built CV models for defect detection.",
                         "Skills: CV, NLP, PyTorch, job postings analytics"],
     ["Built an AI-driven CV optimization tool with Python, LangChain and Streamlit.",
      "Scored each CV against job descriptions with Python, PyTorch and spaCy."]),
    # a name in the taxonomy's case before "experience" is experience of it (not "the Spark
    # experience", an event's)
    ("airflow", ["Bonus: Airflow & Helm experience", "Airflow experience required."],
     ["Checked the airflow experience of the new HVAC units."]),
    ("airflow", ["Helm & Airflow experience"], ["I have Airflow experience in my garage."]),
    ("pig", [], ["Pig & Poultry experience is a plus."]),
    ("rust", [], ["Rust & Corrosion experience desired."]),
    ("spark", [], ["The Spark experience was great for team spirit."]),
    # a classifier named like a project, made or scored
    ("supervised-learning", ["Movie Genre Classifier (Jan - Apr 2024) - Python, NLTK",
                             "Raised classification accuracy by 15% on 35K scans.",
                             "Developing a classifier to recognize crops in satellite imagery",
                             "XGBoost classifier for a school project"],
     ["Detected masks with a cascade classifier.", "The classifier of goods for customs.",
      "Classifier: public", "Senior Position Classifier, U.S. Department of the Army",
      "Tariff Classifier at Expeditors International (2019 - 2023)",
      "The Classifier reviews every incoming shipment.",
      "Maintained 98% classification accuracy on HTS tariff codes for 4,000 SKUs."]),
    ("ml-infrastructure", ["Scaled GenAI infrastructure for three products"],
     ["Sold AI products to retailers.", "Acme is the leading AI platform for retailers."]),
    ("experiment-design", ["Ran randomised controlled trials of the new onboarding"],
     ["Ran a trial of the new CRM."]),
    # the employer of a position's header is a company name, not a claim (LABELING.md); a list
    # of tools in a header is still a claim
    ("databricks", ["EXPERIENCE\nSoftware Engineer, Acme, 2019 - 2022\n- Built jobs on Databricks.",
                    "EXPERIENCE\nData Engineer - Databricks, Spark | 2019 - 2022\n- Wrote jobs."],
     ["EXPERIENCE\nSoftware Engineer, Databricks, 2019 - 2022\n- Sold licences.",
      "EXPERIENCE\nDatabricks | Account Executive | 2020 - 2023\n- Met quotas.",
      "Worked at Databricks on the partner team.", "Data Scientist at Databricks, then Acme."]),
    ("snowflake", ["Modelled sales data in Snowflake at scale.", "Worked on Snowflake and dbt."],
     ["Account Manager at Snowflake for three years."]),
    ("tableau", [], ["EXPERIENCE\nTableau Software, Seattle - Marketing Manager (Jan 2015 - Dec 2018)"
                     "\n- Ran campaigns."]),
    # a line that is only "Forecasting" is business forecasting (LABELING.md)
    ("time-series-forecasting", ["Skills: ARIMA, forecasting, Prophet",
                                 "Methods: regression, forecasting, clustering",
                                 "Skills\nForecasting with ARIMA\nSQL"],
     ["Skills\nKPI Analysis\nForecasting\nBusiness Intelligence",
      "Skills: Excel, Forecasting, Budgeting",
      "Reporting & Forecasting: weekly business reporting, forecasting and insights from "
      "predictive dashboards"]),
    # ... but business forecasting done with models is
    ("time-series-forecasting", ["Developed machine learning models for business forecasting.",
                                 "Reporting and forecasting with machine learning models."],
     []),
    # the abbreviation beside a sibling framework
    ("tensorflow", ["Exposure to frameworks like Pytorch/TF.", "TF or Keras for the models"],
     ["Terraform (TF) modules for the VPC", "Keras, TF-IDF features and SVMs",
      "Keras, TF/IDF and SVMs for text", "Used PyTorch and TF IDF features."]),
    # a classifier's output, not the field
    ("probability", ["Courses: Probability, Linear Algebra"],
     ["Averages the CNN outputs to compute the final class probability.",
      "Calibrated the label probabilities of the tagger."]),
    # the library written as pip writes it, beside a package name that is not lower case
    # elsewhere; not where the neighbours are lower case anyway
    ("hugging-face-transformers", ["Packages: pandas, numpy, langchain, transformers, etc.",
                                   "We pin numpy and transformers in the image."],
     ["Libraries: PyTorch, scikit-learn, transformers, multimodal models",
      "Read papers on transformers, CNNs and RNNs.",
      "Trained transformers and xgboost models for ranking."]),
    # (torch keeps its own mention beside the architecture)
    ("pytorch", ["Fine-tuned BERT with torch and transformers on GPUs."], []),
    # a one-name compound's plural still names both skills
    ("microsoft-azure", ["The team tech stack: Azure Kubernetes services, Postgres, Rust.",
                         "Moved the raw files into Azure Data Lakes."], []),
    # (an acronym compound is not varied: its plural would match in any case)
    ("elasticsearch", ["Logs went to the ELK stack."],
     ["Member of the Elks club; organised fundraising events."]),
    # the sites a scraper reads are not the person's language
    ("javascript", ["Built dynamic JavaScript websites for local shops.",
                    "Skills: JS, TypeScript, Node.js",
                    "Wrote scrapers in JavaScript with Puppeteer for JS-heavy sites.",
                    "Built Python scrapers for market data and JavaScript websites for clients."],
     ["I build resilient crawlers that bypass anti-bot protections to extract data from "
      "complex sources (HTML, PDFs, dynamic JS sites).",
      "Scraped JavaScript-rendered pages with Playwright."]),
    # boosting an outcome is no ensemble
    ("ensemble-methods", ["Bagging and boosting for the churn classifier.",
                          "Applied boosting models for user churn prediction.",
                          "Used boosting methods for client retention scoring."],
     ["Re-architected the data flows with Kafka and Spark, accelerating delivery by 40% and "
      "boosting client satisfaction.", "Ran webinars, boosting user adoption by 30%.",
      "Rebuilt the pipelines, boosting predictive model performance by 10%."]),
    # tools still being learnt
    ("mlflow", ["Tracked experiments with MLflow."],
     ["Passionate about maths and continuously learning new tools like MLflow and Ray.",
      "Continuously learning new tools, like MLflow."]),
    # a model served through an inference pipeline, API or service (not statistical inference)
    ("model-deployment", ["Architected a Triton-based ML inference pipeline for news articles.",
                          "I build inference APIs, GPU orchestration and release tooling."],
     ["Built a causal inference pipeline for uplift estimation.",
      "Wrote a Bayesian inference service for the lab's MCMC jobs.",
      "Developed simulation-based inference pipelines for cosmology.",
      "Implemented a phylogenetic tree inference pipeline.",
      "Built an inference pipeline for causal effects using DoWhy."]),
    # the cloud by its full name, after "working with"
    ("amazon-web-services", ["Experience working with Amazon Web Services (S3, EC2) is required."],
     ["Worked at Amazon for three years."]),
    # an item's letter or a copyright mark is no C
    ("c", ["Languages: C, Python", "Wrote the firmware in C and Rust."],
     [("Built GenAI services self hosted as microservices in Azure Kubernetes Service (a) Ask "
       "Data - RAG integration of Onyx (b) Ask Insight (text to sql) - integration of Vanna AI "
       "(c) GenAI inference - self hosted Llama with vllm and Ray serve (d) Monitoring"),
      "Python tooling (C) 2021 Acme Ltd."]),
    # Azure DevOps's services are no claim of the cloud
    ("microsoft-azure", ["Cloud: Azure, AWS", "Deployed the API on Azure App Service."],
     ["CI on Azure Pipelines with Docker images", "Code in Azure Repos, builds in Jenkins"]),
    # no interest in a language
    ("go", ["Services in Go and Python."],
     ["I have no interest in working with Go; I'd rather write Python."]),
    # an interest asked for after a negated requirement still asks for the skill
    ("python", ["Professional experience not required, interest in Python is a must."], []),
    ("docker", ["No prior experience needed, interest in Docker helps."], []),
    # a time named after a technology is no claim of it
    ("large-language-models", ["Fine-tuned LLMs for support replies."],
     ["Eight years of experience, including the pre-LLM days.",
      "Search ranking in the pre-LLM era, with Python and SQL."]),
]


@pytest.mark.parametrize(("skill", "text"), [(s, t) for s, pos, _ in CASES for t in pos])
def test_rule_positive(skill, text):
    assert skill in _claimed(text)


@pytest.mark.parametrize(("skill", "text"), [(s, t) for s, _, neg in CASES for t in neg])
def test_rule_negative(skill, text):
    assert skill not in _claimed(text)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a framework's name with a capital suffix is the framework, not a JavaScript claim
        ("Skills: Node.JS, PostgreSQL", {"nodejs"}, {"javascript"}),
        ("Shipped the site on a Docker-based Next.JS deployment.", {"docker"}, {"javascript"}),
        ("Front end: Three.JS scenes and Vue.JS views.", {"vue"}, {"javascript"}),
        ("Skills: Scala JS, Akka, Play", {"scala"}, {"javascript"}),
        # the language itself still counts
        ("Skills: JS, TypeScript, Node.JS", {"javascript", "typescript", "nodejs"}, set()),
    ],
)
def test_a_dotted_framework_name_in_capitals_is_the_framework(text, present, absent):
    found = {h.id for h in extract_text(text).skills if h.explicit}
    assert present <= found and not absent & found
