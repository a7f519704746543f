"""API keys: 32 random bytes shown once; only their SHA-256 is stored and compared."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import ApiKey, Tenant, utcnow

KEY_PREFIX = "sm_"


@dataclass(frozen=True)
class KeyInfo:
    """What ``skillmatch keys list`` shows: never the key itself."""

    id: str
    tenant: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True)
class Caller:
    """The authenticated tenant behind a request."""

    tenant_id: int
    tenant: str
    key_id: str


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def get_or_create_tenant(session: Session, name: str) -> Tenant:
    tenant = session.scalar(select(Tenant).where(Tenant.name == name))
    if tenant is None:
        tenant = Tenant(name=name)
        session.add(tenant)
        session.flush()
    return tenant


def create_key(session: Session, tenant_name: str) -> tuple[str, KeyInfo]:
    """Create a key for ``tenant_name`` (creating the tenant if new); returns (key, info)."""
    tenant = get_or_create_tenant(session, tenant_name)
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    row = ApiKey(
        id="key_" + secrets.token_hex(6),
        tenant_id=tenant.id,
        key_hash=hash_key(key),
        prefix=key[: len(KEY_PREFIX) + 4],
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return key, _info(row, tenant.name)


def list_keys(session: Session) -> list[KeyInfo]:
    rows = session.execute(
        select(ApiKey, Tenant.name).join(Tenant).order_by(Tenant.name, ApiKey.created_at)
    ).all()
    return [_info(key, name) for key, name in rows]


def revoke_key(session: Session, key_id: str) -> KeyInfo | None:
    """Revoke a key (the tenant's data stays); None when no such key exists."""
    row = session.get(ApiKey, key_id)
    if row is None:
        return None
    if row.revoked_at is None:
        row.revoked_at = utcnow()
    session.flush()
    return _info(row, row.tenant.name)


def authenticate(session: Session, key: str) -> Caller | None:
    """The caller for ``key``, or None when the key is unknown or revoked."""
    digest = hash_key(key)
    row = session.execute(
        select(ApiKey, Tenant.name).join(Tenant).where(ApiKey.key_hash == digest)
    ).first()
    if row is None:
        return None
    api_key, tenant_name = row
    if not verify(api_key.key_hash, digest, api_key.revoked_at):
        return None
    return Caller(tenant_id=api_key.tenant_id, tenant=tenant_name, key_id=api_key.id)


def verify(stored_hash: str | None, digest: str, revoked_at: datetime | None) -> bool:
    """Whether a key row found by ``digest`` accepts it: same hash, not revoked."""
    return (stored_hash is not None and hmac.compare_digest(stored_hash, digest)
            and revoked_at is None)


def _info(row: ApiKey, tenant: str) -> KeyInfo:
    return KeyInfo(row.id, tenant, row.prefix, row.created_at, row.revoked_at)
