"""Rate-limit hits shared by every process and instance, and the key of their address hash.

Revision ID: 0002_rate_limit
Revises: 0001
Create Date: 2026-12-05
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0002_rate_limit"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_limit_hits",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("client_hash", sa.String(64), nullable=False),
        sa.Column("route", sa.String(100), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
    )
    op.create_index("ix_rate_limit_hits_client_route_at", "rate_limit_hits",
                    ["client_hash", "route", "at"])
    op.create_index("ix_rate_limit_hits_at", "rate_limit_hits", ["at"])
    secrets_table = op.create_table(
        "app_secrets",
        sa.Column("name", sa.String(50), primary_key=True),
        sa.Column("value", sa.String(128), nullable=False),
    )
    op.bulk_insert(secrets_table, [{"name": "rate_limit_key", "value": secrets.token_hex(32)}])


def downgrade() -> None:
    op.drop_table("app_secrets")
    op.drop_index("ix_rate_limit_hits_at", "rate_limit_hits")
    op.drop_index("ix_rate_limit_hits_client_route_at", "rate_limit_hits")
    op.drop_table("rate_limit_hits")
