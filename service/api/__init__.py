"""The recruiter API (FastAPI): ``create_app`` in ``app.py``, one router per resource."""
