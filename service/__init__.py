"""skillmatch: find skills in resumes and job postings, score the fit, explain the gaps."""

__version__ = "0.1.0"
