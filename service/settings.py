"""All configuration in one pydantic-settings object (environment prefix ``SKILLMATCH_``)."""

from __future__ import annotations

from functools import lru_cache
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import Annotated, Any, Literal

import platformdirs
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("skillmatch"))


class Settings(BaseSettings):
    """Paths, limits and service options; every field can be set as ``SKILLMATCH_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="SKILLMATCH_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str | None = None
    # PostgreSQL connections each process keeps open (and may add under a burst); size it to the
    # requests served at once so a burst does not open and close connections (docs/deploy.md).
    database_pool_size: int = Field(10, ge=1)
    database_max_overflow: int = Field(10, ge=0)
    taxonomy_dir: Path | None = None

    max_upload_bytes: int = Field(10 * 1024 * 1024, gt=0)
    max_pages: int = Field(20, gt=0)
    parse_timeout_s: float = Field(15.0, gt=0)
    worker_memory_mb: int = Field(1024, ge=128)
    max_text_chars: int = Field(300_000, gt=0, le=900_000)
    parse_workers: int = Field(2, ge=1)
    # OCR of PDF pages without a text layer (docs/documents.md): pages per document (0: off)
    # and seconds per page, on top of parse_timeout_s
    ocr_max_pages: int = Field(4, ge=0, le=20)
    ocr_page_timeout_s: float = Field(20.0, gt=0, le=120)

    rate_limit_per_minute: int = Field(60, ge=1)
    # Keys the hash of client addresses in the rate-limit table; without it a random key kept
    # in the database is used (set it so a database dump alone cannot reverse the hashes).
    rate_limit_secret: SecretStr | None = None
    max_concurrent_parses: int = Field(4, ge=1)
    retention_days: int | None = Field(None, ge=1)
    log_level: str = "INFO"

    # Proxies whose forwarded client address is believed (CIDRs or addresses, comma-separated);
    # empty: proxy headers are ignored and the peer address is the client.
    trusted_proxies: Annotated[list[IPv4Network | IPv6Network], NoDecode] = Field(
        default_factory=list)
    proxy_header: Literal["x-forwarded-for", "forwarded"] = "x-forwarded-for"

    dask_no_worker_timeout_s: float = Field(120.0, gt=0)

    @field_validator("log_level")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()

    @field_validator("proxy_header", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.lower().strip() if isinstance(value, str) else value

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _networks(cls, value: Any) -> Any:
        """``10.0.0.0/8, 192.168.1.7`` (an address is its own /32 or /128); an entry that is not
        a network names itself in the error."""
        if isinstance(value, str):
            value = [item.strip() for item in value.split(",") if item.strip()]
        if not isinstance(value, list | tuple):
            return value
        networks = []
        for item in value:
            try:
                networks.append(ip_network(str(item), strict=False))
            except ValueError as exc:
                raise ValueError(f"{item!r} is not an IP address or CIDR network") from exc
        return networks

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
