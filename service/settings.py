"""All configuration in one pydantic-settings object (environment prefix ``SKILLMATCH_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import platformdirs
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("skillmatch"))


class Settings(BaseSettings):
    """Paths, limits and service options; every field can be set as ``SKILLMATCH_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="SKILLMATCH_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str | None = None
    taxonomy_dir: Path | None = None

    max_upload_bytes: int = Field(10 * 1024 * 1024, gt=0)
    max_pages: int = Field(20, gt=0)
    parse_timeout_s: float = Field(15.0, gt=0)
    worker_memory_mb: int = Field(1024, ge=128)
    max_text_chars: int = Field(300_000, gt=0, le=900_000)
    parse_workers: int = Field(2, ge=1)

    rate_limit_per_minute: int = Field(60, ge=1)
    max_concurrent_parses: int = Field(4, ge=1)
    retention_days: int | None = Field(None, ge=1)
    log_level: str = "INFO"

    @field_validator("log_level")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()

    @property
    def effective_database_url(self) -> str:
        """The configured database URL, or the embedded SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'skillmatch.db'}"


DEFAULTS = Settings.model_construct()
"""The documented defaults, not the environment: what a library call given no settings uses
(the doors always pass theirs)."""


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
