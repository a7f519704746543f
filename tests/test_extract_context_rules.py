"""Context rules of taxonomy 1.12.0 to 1.15.x: what confirms a name, what makes it another
thing, and what only hopes for it. Invented texts only (none is taken from a corpus or a real
document)."""

from __future__ import annotations

import pytest

from tests.installed import extract_text


def claimed(text: str, kind: str = "resume") -> set[str]:
    return {s.id for s in extract_text(text, kind=kind).skills if s.explicit}


def not_claimed(text: str, kind: str = "resume") -> set[str]:
    return {s.id for s in extract_text(text, kind=kind).not_claimed}


@pytest.mark.parametrize(("text", "skill"), [
    # a slash-joined alternative is a list item, not the verb "go for"
    ("- Backend: Kotlin, and where latency matters C++/Rust/Go for the hot paths.", "go"),
    # an Oxford comma before the last item, with "or" and with "and"
    ("- Comfortable in Scala, Kotlin, or Julia", "julia"),
    ("- Writes R, Python, and Julia daily", "julia"),
    # a name offered with another of its kind
    ("Rust or a comparable systems language for the sensor agent.", "rust"),
    ("Go or a similar compiled language for the command-line tools.", "go"),
    # the library by its maker in brackets
    ("Stack: JAX, Transformers (Hugging Face), Weights & Biases", "hugging-face-transformers"),
    ("Stack: JAX, Transformers (HF), Optax", "hugging-face-transformers"),
    # CV as the field still, whatever the document words nearby
    ("Leads in this CV group ship object detection models for grocery shelves.",
     "computer-vision"),
    ("Experience in CV is essential; speech is a plus.", "computer-vision"),
    ("Hands-on experience with CV required (tracking, segmentation).", "computer-vision"),
    # a learned model's performance evaluated; an LLM's behaviour monitored
    ("Trained the churn classifier and measured its accuracy on last quarter's accounts.",
     "model-evaluation"),
    ("Set up alerting to monitor LLM behaviour after each prompt release.", "model-monitoring"),
    # dashboards built, not tested
    ("Designed Looker dashboards and tests for the billing ETL.", "data-visualization"),
    ("Built React components for the analytics dashboards that show store trends.",
     "data-visualization"),
    # a finished course counts
    ("Completed a Docker course in 2019 and have run our containers since.", "docker"),
    # "learning to rank" and "learning rate" are no hedge
    ("Areas: speech, learning to rank, Scala", "scala"),
    ("Swept the learning rate, AdamW, PyTorch", "pytorch"),
    # classification and regression one per line confirm each other
    ("Tasks the models handle:\n- Classification\n- Regression\n", "supervised-learning"),
    # an evaluation framework beside a learned system
    ("Own the evaluation framework that scores RAG answers against reference sets.",
     "model-evaluation"),
    # deployment after a means of learning; backtesting as a lifecycle stage
    ("- Built a ticket routing service using NLP and deployed it on our Kubernetes cluster",
     "model-deployment"),
    ("An ML demand forecaster for 300 stores, from model building to backtesting and "
     "deployment.", "model-deployment"),
    # a prefix that changes nothing ("multi-class") leaves the name alone
    ("Benchmarked supervised models against a linear regression baseline.",
     "supervised-learning"),
    ("Benchmarked supervised models against a linear regression baseline.",
     "linear-regression"),
    # a means of a result is no hedge
    ("Made releases safer by shifting towards CI/CD with canary rollouts.", "ci-cd"),
    # 1.13.0: learned classifiers by name, database modelling, an AI system's evaluation
    ("Comfortable judging machine learning classifiers on recall and cost.",
     "supervised-learning"),
    ("Background in database modelling for the ledger service.", "data-modeling"),
    ("We publish our GenAI evaluations and chatbot benchmarking each quarter.",
     "model-evaluation"),
    ("Bring GenAI evaluations into every release of the help bot.", "model-evaluation"),
    ("Own the model serving infrastructure for the fraud models.", "ml-infrastructure"),
    ("Research: deep machine learning for speech denoising.", "deep-learning"),
    # models served by a serving tool, shipped after training; an evaluation harness
    ("- Served our models behind Flask for the mobile app.", "model-deployment"),
    ("- Fine-tuned and shipped a defect-detection model for the bottling line.",
     "model-deployment"),
    ("- Wrote the shared evaluation harness for the research group.", "model-evaluation"),
    # randomised tests, holdouts and designs; controlled pilots; an A/B test's design
    ("- Planned a randomised discount test across 40 branches.", "experiment-design"),
    ("Kept a randomized holdout of 5% of members out of every mailing.", "experiment-design"),
    ("Set up controlled pilots in three warehouses before the rollout.", "experiment-design"),
    ("Owns A/B test design and the guardrail metrics for checkout.", "experiment-design"),
    ("Orchard trials laid out as randomised complete block designs.", "experiment-design"),
    # "CI" where builds and tests are near; a figure among a practice's words
    ("- Set up CI on Buildkite so every pull request runs the test suite.", "ci-cd"),
    ("Every sample runs as a test in CI, so a broken one fails the build.", "ci-cd"),
    ("Tooling: Git, CI, Terraform, Docker", "ci-cd"),
    ("Hand-engineered ~25 seasonal features for the yield model.", "feature-engineering"),
    # a language model's answers watched in production
    ("- Production monitoring of the hallucination rate of our support bot.",
     "model-monitoring"),
    # a model that classifies documents; a vision model's three tasks
    ("Trained document classification models for the claims inbox.", "supervised-learning"),
    ("Shipped the fraud classifier to every region in March.", "model-deployment"),
    ("U-Nets for detection, segmentation and classification of weld seams.",
     "supervised-learning"),
    # a warehouse's structures modelled; a dimensional model
    ("- Remodelled the finance data mart around a single ledger fact table.", "data-modeling"),
    ("Our warehouse follows a dimensional model with conformed dimensions.", "data-modeling"),
    # a model's score measured; vision and deep learning algorithms deployed; AI infrastructure
    ("- Measured the precision of the triage model every sprint.", "model-evaluation"),
    ("Deploying deep learning algorithms on drones and edge cameras.", "model-deployment"),
    ("You will grow our deep learning & GPU infrastructure.", "ml-infrastructure"),
    ("Own the AI infrastructure our researchers train on.", "ml-infrastructure"),
    # 1.14.0: the field beside cross-validation words; ELT as the pattern
    ("Built CV models for shelf images and scored them by 5-fold cross-validation.",
     "computer-vision"),
    ("Owned the ELT for the finance warehouse in dbt.", "data-pipelines"),
    ("Moved the warehouse loads to the ELT pattern in dbt.", "data-pipelines"),
    ("Improved CV accuracy on shelf images by 8% with PyTorch.", "computer-vision"),
    ("Moved the reporting jobs from ETL to ELT on Snowflake.", "data-pipelines"),
    # 1.15.1: the rejects above leave the plain senses alone
    ("Trained ANN models in Keras to score churn.", "neural-networks"),
    ("Fit linear regression and GLMs in R for the pricing team.", "linear-regression"),
    ("Strong background in probability and statistics.", "probability"),
    # a competence in the named technology, weighed by a word before it
    ("Strong Go proficiency; our platform is written in it.", "go"),
    ("Some Julia experience is a plus for the solver team.", "julia"),
    ("3+ years of Rust experience on embedded targets.", "rust"),
    ("Five years' Go experience in payments.", "go"),
    # the method's own words or a preposition before "data": the method, not data
    ("Performed time series analysis on data from 200 sensors.", "time-series-forecasting"),
    ("Deployed live CV models on edge cameras with PyTorch.", "computer-vision"),
    ("Built models for time series or sequential data.", "time-series-forecasting"),
])
def test_claimed(text, skill):
    assert skill in claimed(text)


@pytest.mark.parametrize(("text", "skill"), [
    ("Tooling: Kubeflow, Transformers (hugging face), JAX", "transformers"),
    ("Julia or another team lead signs off each release.", "julia"),
    ("You will report to Julia and other platform leads.", "julia"),
    # the document called CV
    ("A CV is required; we work on search and speech.", "computer-vision"),
    ("- CV: mandatory\n- Cover note: optional", "computer-vision"),
    ("Typeset with LaTeX, like the rest of this CV. Trained CNNs on crop scans.",
     "computer-vision"),
    # not a learned model
    ("Ran discrete-event simulation models for the port and deployed them with Docker.",
     "model-deployment"),
    ("Built the staffing model and measured the quality of our hiring calls.",
     "model-evaluation"),
    ("Coached 8 apprentices on the cost model and assessed performance of each.",
     "model-evaluation"),
    ("Trained and mentored five analysts on our pricing models and evaluated their "
     "performance quarterly.", "model-evaluation"),
    # a dashboard tested, styled or hosted
    ("- Wrote test cases for the fleet dashboard in Cypress.", "data-visualization"),
    ("Styled UI components for the partner dashboards in Tailwind.", "data-visualization"),
    ("Terraform for the message queue and the dashboard infrastructure.",
     "data-visualization"),
    # a prefix that makes the name another thing
    ("Semi-supervised methods such as pseudo-labelling were our focus.", "supervised-learning"),
    ("Self-supervised models pretrained on satellite tiles.", "supervised-learning"),
    ("Fitted non-linear regression curves to enzyme kinetics.", "linear-regression"),
    # deployed, but nothing learned
    ("Took an NLP course and deployed it to the reading group.", "model-deployment"),
    ("Built a Django app, tested it and deployed it; some machine learning on the side.",
     "model-deployment"),
    ("Built a Slack bot with ML engineers and deployed it to AWS.", "model-deployment"),
    # no task list, no learned system
    ("Regression tests\n- Classification of invoices by hand", "supervised-learning"),
    ("Built the evaluation pipeline for our annual staff appraisals.", "model-evaluation"),
    ("Built an evaluation framework for the support agents' call quality.",
     "model-evaluation"),
    # a typo lies inside a word, not at the seam of a form's words ("PR reviews")
    ("Shipped real-time seat previews for the booking page.", "code-review"),
    # electrical transformers, high frequency
    ("Read about electrical transformers (HF and power) in a physics minor.",
     "hugging-face-transformers"),
    # 1.13.0: serving something other than models; "deep" as how much one knows; an AI's
    # assessment of the applicant
    ("Run the data serving infrastructure behind our finance reports.", "ml-infrastructure"),
    ("Solid Go services, plus deep machine learning knowledge, would help.", "deep-learning"),
    ("An AI assessment of each application may be used in screening.", "model-evaluation"),
    # shipped, but nothing learned; a controlled test environment; a test order shuffled
    ("Shipped the new subscription pricing model to every region in May.", "model-deployment"),
    ("Ran the smoke suite in a controlled test environment nightly.", "experiment-design"),
    ("Randomised the order of the test cases to expose flaky ones.", "experiment-design"),
    # a confidence interval, a brand's identity
    ("Lift was 3.2% (95% CI 1.1 to 5.4) over the holdout, by t-test.", "ci-cd"),
    ("Reported each estimate with its CI: [0.8, 1.6], from bootstrap tests.", "ci-cd"),
    ("Wrote the CI (corporate identity) manual with the design agency.", "ci-cd"),
    # a records office's classification
    ("Records officer: document classification and retention schedules.",
     "supervised-learning"),
    # data modelled by a predictive model; a schema tidied
    ("- Modelled hospital readmission data with a Poisson GLM.", "data-modeling"),
    ("Tidied the star schema an earlier vendor left in the warehouse.", "data-modeling"),
    # a goal, not a measurement; a vendor's product
    ("Built a model to improve prediction accuracy for store demand.", "model-evaluation"),
    ("Acme Vision, our AI platform, serves 300 retailers.", "ml-infrastructure"),
    # pipelines that train models are pipelines, not the platform they run on
    ("Built reproducible ML pipelines in Kedro for the pricing team.", "ml-infrastructure"),
    # (from the review of 1.13.0) a model shipped after training people; ORM models served;
    # evaluation, design and AI side by side in a list; an AI's evaluation of people
    ("Trained the support team and shipped the new pricing model in Q3.", "model-deployment"),
    ("Exposed the Django models through FastAPI for the admin app.", "model-deployment"),
    ("Skills: program evaluation, AI literacy", "model-evaluation"),
    ("Candidates may be subject to AI evaluation of video interviews.", "model-evaluation"),
    ("Ran A/B tests, design sprints and usability studies.", "experiment-design"),
    # a product recall; software's randomized tests; a study one took part in
    ("Tracked recall notices for every vehicle model.", "model-evaluation"),
    ("Wrote randomized tests with Hypothesis for the parser.", "experiment-design"),
    ("Enrolled 200 patients in a randomized study as site nurse.", "experiment-design"),
    ("Coordinated visits for a placebo-controlled study.", "experiment-design"),
    # a warehouse of pallets; a shape in space
    ("Modelled pallet flows in the warehouse with AnyLogic.", "data-modeling"),
    ("Built a three-dimensional model of the heart from MRI slices.", "data-modeling"),
    # a cochlear implant; a bootstrap interval
    ("Ran speech perception tests with CI users.", "ci-cd"),
    ("The bootstrap CI was wide, so we reran the tests.", "ci-cd"),
    # in Chinese text: consumer-facing ("C端") products
    ("负责C端产品的数据分析，熟悉Python", "c"),
    # 1.14.0: cross-validation; an executive leadership team
    ("Tuned the gradient boosting model by 10-fold CV with PyTorch and scikit-learn.",
     "computer-vision"),
    ("Picked the churn model with the best CV AUC, using stratified CV on image features.",
     "computer-vision"),
    ("Walked the company ELT through the quarterly numbers.", "data-pipelines"),
    ("Sent the board pack to the ELT members on Fridays.", "data-pipelines"),
    # 1.15.1: approximate nearest neighbours; a generalised linear model; Bayesian networks
    ("Owns the ANN search service over product embeddings.", "neural-networks"),
    ("Built an approximate nearest neighbour (ANN) index with FAISS.", "neural-networks"),
    ("Fits generalized linear regression models to claim counts.", "linear-regression"),
    ("Knows decision trees, probability networks and association rules.", "probability"),
    # a person's experience; an employer's
    ("Julia's experience with the clients helped the launch.", "julia"),
    ("Amazon experience preferred for the retail role.", "amazon-web-services"),
    # 1.16.2: time series data a word or two on
    ("Analysed time series logistics data to flag late trucks.", "time-series-forecasting"),
    ("Cleaned time-series sensor data for the plant dashboards.", "time-series-forecasting"),
    # the document itself; a building's digital model (BIM)
    ("A Flask app serving as a live CV and ML project showcase.", "computer-vision"),
    ("Showed how Building Information Modelling meets site survey data.", "data-modeling"),
    # a competence noun after a sentence's first word, a verb or a name
    ("Go experience the city like a local.", "go"),
    ("Julia experience was the deciding factor for the clients.", "julia"),
    ("Nurse with Hepatitis C knowledge and ICU shifts.", "c"),
    ("Teacher with Grade R experience in a public school.", "r"),
    # a tool named like a thing: only languages take the competence rule
    ("Solid Pig experience: farrowing on a 500-sow unit.", "pig"),
    ("Strong Helm experience on 40ft racing yachts.", "helm"),
])
def test_not_claimed(text, skill):
    assert skill not in claimed(text)


@pytest.mark.parametrize(("text", "skill"), [
    ("Currently taking an online course on Kubernetes in the evenings.", "kubernetes"),
    ("Now enrolled in a Udacity course on computer vision.", "computer-vision"),
    ("- QA: Selenium (smoke), Python (glue), learning Scala", "scala"),
    ("Next quarter I hope to start using Kafka for our events.", "kafka"),
    ("Shifting towards CI/CD and platform work this year.", "ci-cd"),
])
def test_hoped_for_or_still_being_learnt(text, skill):
    assert skill not in claimed(text) and skill in not_claimed(text)


@pytest.mark.parametrize(("text", "skill", "counted"), [
    # a product named after a skill: TensorRT's LLM library names no LLM work
    ("Migrated ASR inference to H100s running TensorRT-LLM.", "large-language-models", False),
    ("Migrated ASR inference to H100s running TensorRT-LLM.", "tensorrt", True),
    ("Fine-tuned LLMs and served them with TensorRT-LLM.", "large-language-models", True),
    # evals abbreviate evaluations
    ("Set up offline evals for the support bot.", "model-evaluation", True),
    ("Collected student online evals each semester.", "model-evaluation", False),
    # (the practice rule finds it, and the LLM claim stays)
    ("Experience building LLM evals and guardrails.", "large-language-models", True),
    ("Experience building LLM evals and guardrails.", "model-evaluation", True),
    # regression coordinated with another kind of testing
    ("Implemented regression and load testing (JUnit, JMeter).", "supervised-learning", False),
    ("Implemented regression and classification models in R.", "supervised-learning", True),
    ("Used XGBoost and random forests for regression and load forecasting.",
     "supervised-learning", True),
    # optimisation of speed is no mathematical optimisation; an optimisation algorithm is
    ("Model lightweighting and inference acceleration optimization (quantization).",
     "optimization", False),
    ("Modified the existing optimization algorithm for airline crew pairing.", "optimization",
     True),
    # optimising an algorithm's speed or an A/B test's conversions is no mathematical
    # optimisation; a server's statistics are no statistics; time-series datasets are data
    ("Skills: Algorithm optimization, C++", "optimization", False),
    ("Genetic algorithm optimization of portfolio weights.", "optimization", True),
    ("Fixed an optimization problem with slow SQL queries.", "optimization", False),
    ("Design of experiments optimization of reactor yield.", "optimization", True),
    ("Applied process statistics (SPC, Cpk) to cut scrap by 12%.", "statistics", True),
    ("Health system statistics and epidemiology.", "statistics", True),
    ("CI/CD pipeline featuring unit tests, A/B testing optimization, DAST", "optimization",
     False),
    ("Automated server administration: swap, system statistics, and security updates.",
     "statistics", False),
    ("Implemented downsampling algorithms for large time-series datasets.",
     "time-series-forecasting", False),
    # 1.27.0: a network's or a sensor chain's feature extraction is no feature engineering; a
    # classical pipeline's, or a skills list's, is
    ("Used convolutional networks for defect recognition and feature extraction.",
     "feature-engineering", False),
    ("Deep learning-based audio feature extraction for the call classifier.",
     "feature-engineering", False),
    ("Compared transfer learning setups (feature extraction vs fine-tuning) on X-rays.",
     "feature-engineering", False),
    ("Merged Lidar scans using ICP and feature extraction.", "feature-engineering", False),
    # (an ideal customer profile is no point-cloud registration; a list by slashes or bullets;
    # a deep-learning word beside it, not modifying it; fine-tuning of another model)
    ("Defined the ICP with sales and built feature extraction for the lead-scoring model.",
     "feature-engineering", True),
    ("Skills: Deep Learning / Feature Extraction / Model Deployment", "feature-engineering",
     True),
    ("CNN \u2022 Feature Extraction \u2022 NLP", "feature-engineering", True),
    ("Expertise in deep learning and feature extraction from clickstream data.",
     "feature-engineering", True),
    ("Trained CNN and boosting models with hand-crafted feature extraction from sensor logs.",
     "feature-engineering", True),
    ("Led feature extraction and fine-tuned XGBoost models for churn.", "feature-engineering",
     True),
    ("Built TF-IDF feature extraction for the ticket router with scikit-learn.",
     "feature-engineering", True),
    ("Skills: Deep Learning, Feature Extraction, Model Deployment", "feature-engineering", True),
    ("Our pipeline covers sensor data collection, feature extraction and classification.",
     "feature-engineering", True),
    ("Feature extraction with CNNs for the defect classifier.", "feature-engineering", False),
    ("Feature extraction using a pretrained ResNet-50 backbone.", "feature-engineering", False),
    ("Feature extraction with pandas from clickstream logs for the churn model.",
     "feature-engineering", True),
    ("Feature extraction using encoders for categorical variables (one-hot, target encoding).",
     "feature-engineering", True),
    # logic's calculi are no calculus; regression tooling tests; a chip's models are no
    # learned ones
    ("Coursework: Lambda Calculus, Type Theory, Compilers", "calculus", False),
    ("Queries written in tuple relational calculus and SQL.", "calculus", False),
    ("Studied the pi-calculus and session types.", "calculus", False),
    ("Coursework: Multivariable Calculus, Linear Algebra", "calculus", True),
    ("Stack: C++14, Python, CMake, Jenkins, coverage/regression tooling", "supervised-learning",
     False),
    ("Stack: scikit-learn, regression and classification models", "supervised-learning", True),
    ("Regression tooling (statsmodels, scikit-learn) for demand forecasting.",
     "supervised-learning", True),
    ("Developed and validated virtual hardware models for the new SoC.", "model-evaluation",
     False),
    ("Developed and validated churn models on held-out months.", "model-evaluation", True),
    # what a model powers is the object: its benchmarking is not the model's evaluation
    ("Benchmarked our LLM against GPT-4 on 500 prompts.", "model-evaluation", True),
    ("Evaluated our LLM-powered chatbot on 500 test questions.", "model-evaluation", True),
    # 1.28.0: work on an AI platform is ML infrastructure; the employer's product is not
    ("Worked with the client's team to improve their AI platform's reliability.",
     "ml-infrastructure", True),
    ("Development on a scalable AI platform and deployment of ML models on Kubernetes.",
     "ml-infrastructure", True),
    ("Architected the company's AI/ML platform on Kubernetes.", "ml-infrastructure", True),
    ("Our AI platform helps lawyers draft contracts faster.", "ml-infrastructure", False),
    ("Built the AI platform team from 2 to 12 engineers.", "ml-infrastructure", False),
    ("Developed AI platform strategy and the roadmap for 2025.", "ml-infrastructure", False),
    ("Led business development at an AI platform startup.", "ml-infrastructure", False),
    ("Acme is building an AI platform that automates insurance claims.", "ml-infrastructure",
     False),
    ("Acme builds an AI platform that automates insurance claims.", "ml-infrastructure", False),
    ("Built the AI platform's customer onboarding flow in React.", "ml-infrastructure", False),
    # the learning paradigms by their approaches and techniques; a tree that regresses
    ("Experience with supervised approaches (logistic regression, random forest).",
     "supervised-learning", True),
    ("Compared supervised techniques for churn.", "supervised-learning", True),
    ("Explored self-supervised approaches for pretraining.", "supervised-learning", False),
    ("Explored self supervised approaches for pretraining.", "supervised-learning", False),
    ("Studied weakly supervised learning for segmentation.", "semi-supervised-learning", True),
    ("Built semi automated testing for the API in Python.", "software-testing", True),
    ("Tried unsupervised approaches on the logs.", "unsupervised-learning", True),
    ("Developed a regression tree in Python to rank listings.", "decision-trees", True),
    ("Fit a classification tree on the survey answers.", "decision-trees", True),
    ("Combined three anomaly detectors, ensembling their flags.", "ensemble-methods", True),
    # transformers named by the task they do, in either order
    ("UAV audio classification using SOTA transformers.", "transformers", True),
    ("Fault detection using power transformers at the substation.", "transformers", False),
    ("Anomaly detection with grid transformers using SCADA data.", "transformers", False),
    ("Lead generation with transformers and switchgear customers.", "transformers", False),
    ("Implemented KV-cache quantization for decoder transformers in PyTorch.", "transformers",
     True),
    ("Built anomaly detection for SCADA data using vision transformers in PyTorch.",
     "transformers", True),
    # time series as one kind of data among others, not a method on it
    ("ML solutions on different domains (e.g. time series, audio, video, image).",
     "time-series-forecasting", False),
    ("Applications in Machine Learning for Time Series, Data Streams, Graphs, or similar.",
     "time-series-forecasting", False),
    ("Built models for images, text and time series forecasting.",
     "time-series-forecasting", True),
    ("Models on tabular data, text, and time series models for demand.",
     "time-series-forecasting", True),
    ("Built time series, image and text models in PyTorch.", "time-series-forecasting", True),
    ("Courses: Time Series, Text and Image Analysis.", "time-series-forecasting", True),
    ("Solved time series, image and text problems with gradient boosting.",
     "time-series-forecasting", True),
    # a peer review is code review among engineering practices or of code, not a paper's
    ("We practise test-driven development, peer review and continuous integration.",
     "code-review", True),
    ("Quality comes from peer review, pair programming, and automated testing.", "code-review",
     True),
    ("All generated code is checked before it goes to peer review.", "code-review", True),
    ("Peer review, version control and unit testing are daily practice.", "code-review", True),
    ("Released the code and submitted the manuscript for peer review.", "code-review", False),
    ("Drafted the code of conduct and submitted it for peer review.", "code-review", False),
    ("Version control and peer review of manuscripts.", "code-review", False),
    ("Peer review: NeurIPS 2023, ICML 2024.", "code-review", False),
    ("Skills: Use Cases, Peer Review, SOX Compliance", "code-review", False),
    ("Published two papers in peer-reviewed journals.", "code-review", False),
    # the observability of AI systems is their monitoring; an admin page is no data visual
    ("Own observability of AI systems in production: latency, safety, cost.",
     "model-monitoring", True),
    ("Built push notifications and an administrative dashboard for the web app.",
     "data-visualization", False),
    ("Built public administration dashboards in Power BI.", "data-visualization", True),
    ("Build administrative dashboards for operations KPIs in Power BI.", "data-visualization",
     True),
    ("Monitored AI system procurement for the agency.", "model-monitoring", False),
    # optimisation as the last step of a system's or a model's life is no method
    ("Experience in vector databases, graph databases, NoSQL, Document DBs, including design, "
     "implementation, and optimization (OpenSearch, Neo4j, DynamoDB).", "optimization", False),
    ("Own model development: from problem definition, data preprocessing, model training, "
     "validation, and optimization, to production deployment.", "optimization", False),
    ("Manage LLM solutions through deployment, monitoring, and continuous optimization.",
     "optimization", False),
    ("Experience with performance and optimization problems in machine learning models.",
     "optimization", False),
    ("You will drive continuous optimization across our digital platforms and APIs.",
     "optimization", False),
    ("Research in continuous optimization and convex analysis.", "optimization", True),
    ("Experience with model implementation and optimization using Gurobi.", "optimization",
     True),
    ("Experience in distributed training and optimization of large models.", "optimization",
     True),
    # a risk's or a credit's assessment is not the model's; the news network's things
    ("Refined XGBoost models for risk assessment.", "model-evaluation", False),
    ("Validated the models on a holdout set for risk assessment.", "model-evaluation", True),
    ("Led the security evaluation of our LLM models with red teaming.", "model-evaluation",
     True),
    ("We are poised to accelerate CNN's digital transformation through machine learning, NLP "
     "and computer vision.", "convolutional-neural-networks", False),
    ("Visualised the CNN's receptive field and filters in PyTorch.",
     "convolutional-neural-networks", True),
    # a motivation to learn is no claim yet; a path's folder names are no skills; the last of
    # a list of employers; a DNN deployed; a model's last step; a CMS's dashboard
    ("An experienced developer with motivation to learn Rust for our trading engine.", "rust",
     False),
    ("Willingness to learn Scala and Spark.", "scala", False),
    ("image: '/assets/images/pages/cv/cover.jpg'", "computer-vision", False),
    ("![logo](img/python-logo.png) Go developer", "python", False),
    ("Skills: AI/ML, CI/CD, ML/DL/NLP/CV", "computer-vision", True),
    ("ML engineer, previously at Google, Meta and Amazon, working with PyTorch, Docker and "
     "Kubernetes.", "amazon-web-services", False),
    ("Deployed the services on Amazon EC2 and Amazon S3.", "amazon-ec2", True),
    ("Experience developing and deploying DNN-based solutions to embedded platforms.",
     "model-deployment", True),
    ("Implement ranking models in PyTorch, including training, evaluation, and optimization.",
     "optimization", False),
    ("Built a content management system dashboard by using Vue.js.", "data-visualization",
     False),
    # (lists with slashes are no paths; a hope with no object is a trait; a user dashboard of
    # metrics shows data; a list of clouds; chips and sorting machines)
    ("3+ years with React/Node.js and AWS.", "nodejs", True),
    ("Languages: C++/Java/Go/Rust", "rust", True),
    ("Stack: C#/.NET/Azure/SQL Server", "microsoft-azure", True),
    ("A strong desire to learn, with hands-on experience in Python, TensorFlow and AWS.",
     "tensorflow", True),
    ("Built user dashboards showing churn metrics.", "data-visualization", True),
    ("Built end-user dashboards for 200 managers in Tableau.", "data-visualization", True),
    ("Built a user dashboard page in React.", "data-visualization", False),
    ("Performance evaluation and optimization of convex solvers.", "optimization", True),
    ("Cloud experience: GCP, Microsoft, and Amazon.", "amazon-web-services", True),
    ("Deployed DNN accelerators on the SoC.", "model-deployment", False),
    ("Deployed waste classifiers (sorting machines) at the recycling plant.",
     "supervised-learning", False),
    # a recommendation model; personalised recommendations a system makes, not a shop assistant
    ("The first model we integrated was a recommendation model that suggests meals.",
     "recommender-systems", True),
    ("Products: search, personalized recommendations and contextual ad targeting.",
     "recommender-systems", True),
    ("Gave customers personalized recommendations on skincare in store.",
     "recommender-systems", False),
    ("Provided clients with personalised recommendations on skincare.", "recommender-systems",
     False),
    ("Built a two-tower model that provides personalized recommendations to 2M users.",
     "recommender-systems", True),
    # classifiers evaluated or deployed; TF beside Torch; infra for ML workloads
    ("Built tools for evaluating and deploying objectionable content classifiers.",
     "supervised-learning", True),
    ("Deep Learning (Keras, Torch, TF) and in-house models", "tensorflow", True),
    ("Provided infra automation for ML workloads on Kubernetes.", "ml-infrastructure", True),
    # an employer named by its field in a resume
    ("Lead engineer at a boutique data science and statistics consulting firm (2019-2021).",
     "statistics", False),
    ("Joined an NLP startup as its first engineer.", "natural-language-processing", False),
    ("Joined an NLP startup; built NLP models for support tickets.",
     "natural-language-processing", True),
    ("Worked with a team using NLP for support tickets.", "natural-language-processing", True),
    ("Senior Analyst with a boutique statistics consulting firm (2018-2021).", "statistics",
     False),
    ("Freelancing for a Tableau consultancy.", "tableau", False),
    # a vendor, a partner or a client is not the employer
    ("Migrated event streaming to work with a managed Kafka provider.", "kafka", True),
    ("Partnered with an AWS consulting firm on the migration; ran it on AWS.",
     "amazon-web-services", True),
])
def test_products_abbreviations_and_an_employers_field(text, skill, counted):
    assert (skill in claimed(text)) is counted


def test_a_model_server_implies_deployment_without_claiming_it():
    hits = {hit.id: hit for hit in extract_text("Tools: PyTorch, TorchServe, vLLM",
                                                kind="resume").skills}
    assert hits["torchserve"].explicit
    assert not hits["model-deployment"].explicit


@pytest.mark.parametrize(("text", "skill", "counted"), [
    # a column of rated items, each line running on with what was done with it
    (("Statistical software:\n- Stata: Advanced proficiency, wrote user programs\n"
      "- R: Intermediate proficiency, used software for Econometrics classes\n"
      "- Python: Intermediate proficiency, basic econometric analysis"), "r", True),
    ("Tools\nPython – advanced, daily\nGo – basic, one service\nSQL – advanced, reports",
     "go", True),
    # ratings of other things, or a name alone on its line
    ("English - native\nJulia - fluent\nGerman - basic\n", "julia", False),
    ("Interests\n- Go (beginner), chess, bouldering", "go", False),
    ("Hobbies\nGo: beginner, 15 kyu at the local club", "go", False),
    ("C: Advanced Placement exam", "c", False),
])
def test_a_rated_item_that_runs_on_is_an_item_of_its_column(text, skill, counted):
    assert (skill in claimed(text)) is counted


@pytest.mark.parametrize(("text", "skill", "counted"), [
    # the news network is never plural
    ("Deep understanding and building blocks of CNNs.", "convolutional-neural-networks", True),
    ("Appeared on CNN twice to discuss the election.", "convolutional-neural-networks", False),
    ("Appeared on CNNs New Day to discuss the election.", "convolutional-neural-networks", False),
    ("Booked guests for CNNs and other cable networks.", "convolutional-neural-networks", False),
    ("Trained CNNs for defect detection.", "convolutional-neural-networks", True),
    ("Designed lightweight CNNs for edge devices.", "convolutional-neural-networks", True),
    ("Applied CNNs to ECG signals.", "convolutional-neural-networks", True),
    ("Worked with CNNs editorial staff on the launch.", "convolutional-neural-networks", False),
    # a warehouse beside it makes it the data warehouse
    ("Operated data pipelines in a warehouse environment (Snowflake preferred).", "snowflake",
     True),
    ("Designed a snowflake ornament line for the winter market.", "snowflake", False),
    ("Seasonal warehouse picker at Snowflake Ski Shop.", "snowflake", False),
    ("Warehouse supervisor at Snowflake Logistics.", "snowflake", False),
    ("Modern warehouses like Snowflake or BigQuery.", "snowflake", True),
    ("Moved the warehouse to Snowflake last year.", "snowflake", True),
    # a probability a model predicts is no claim of probability theory
    ("Predict CTR and engagement probability for each ad.", "probability", False),
    ("Estimated click and purchase probabilities per session.", "probability", False),
    ("Strong grounding in probability and statistics.", "probability", True),
    # a one-letter language on its own line among other skills written in lower case
    ("Skills\n- python\n- r\n- bash\n- sql", "r", True),
    ("Interests\n- c\n- chess\n- hiking", "c", False),
    ("Skills\n- python\n- sql\n- r", "r", True),
    # the value of a data file's organisation key is a name
    ('{ company: "University of Toronto - Deptartment of Statistics", role: "Analyst" }',
     "statistics", False),
    ('{ "title": "Data Engineer", "employer": "Snowflake" }', "snowflake", False),
    ('{ "company": "Acme", "summary": "Built a Snowflake data warehouse" }', "snowflake", True),
    ("At the company: built Spark jobs on EMR.", "spark", True),
    ("Company: Acme Corp — built Spark pipelines in Python and Airflow", "spark", True),
    ("Organisation: NHS Digital. Tools: Python, SQL", "python", True),
    ("Org: Platform Engineering (Kubernetes, Terraform)", "kubernetes", True),
    # a classification named beside the network that learned it
    ("Temporal risk classification using Bi-LSTM on 30K transactions.", "supervised-learning",
     True),
    ("Document classification of contracts by hand for the legal team.", "supervised-learning",
     False),
    # time series as the kind of events or records, not a method
    ("Developed bias detection algorithms on Time-Series events for risk teams.",
     "time-series-forecasting", False),
    ("Stored time series records in InfluxDB.", "time-series-forecasting", False),
    # paired abbreviations name both skills
    ('programming: ["python", "js/ts", "kotlin"]', "typescript", True),
    # a compound over two list items is a skill beside the next item
    ("Languages: JavaScript/TypeScript, go, rust", "rust", True),
    ("Languages: Java/Scala, go, rust", "go", True),
])
def test_plurals_warehouses_predicted_probabilities_columns_and_organisation_keys(text, skill,
                                                                                  counted):
    assert (skill in claimed(text)) is counted


def test_a_data_files_about_text_is_not_its_list_of_technologies():
    from tests.test_documents_sections import JS_PORTFOLIO
    assert "time-series-forecasting" not in claimed(JS_PORTFOLIO)
    assert "pandas" in claimed(JS_PORTFOLIO)
