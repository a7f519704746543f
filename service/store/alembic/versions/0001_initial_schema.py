"""Initial schema: tenants, API keys, jobs, resumes and cached match scores.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _timestamp(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _tenant_fk() -> sa.Column:
    return sa.Column(
        "tenant_id", sa.Integer(), sa.ForeignKey("tenants.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "tenants",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        _timestamp("created_at"),
    )
    op.create_table(
        "api_keys",
        sa.Column("id", sa.String(32), primary_key=True),
        _tenant_fk(),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("prefix", sa.String(16), nullable=False),
        _timestamp("created_at"),
        _timestamp("revoked_at", nullable=True),
    )
    op.create_index("ix_api_keys_tenant_id", "api_keys", ["tenant_id"])
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(32), primary_key=True),
        _tenant_fk(),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("profile_json", sa.Text(), nullable=False),
        _timestamp("created_at"),
    )
    op.create_index("ix_jobs_tenant_created", "jobs", ["tenant_id", "created_at"])
    op.create_table(
        "resumes",
        sa.Column("id", sa.String(32), primary_key=True),
        _tenant_fk(),
        sa.Column("label", sa.String(200), nullable=True),
        sa.Column("source_format", sa.String(16), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("extraction_json", sa.Text(), nullable=False),
        _timestamp("created_at"),
    )
    op.create_index("ix_resumes_tenant_created", "resumes", ["tenant_id", "created_at"])
    op.create_table(
        "match_scores",
        sa.Column(
            "job_id", sa.String(32), sa.ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column(
            "resume_id",
            sa.String(32),
            sa.ForeignKey("resumes.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        _tenant_fk(),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("taxonomy_version", sa.String(32), nullable=False),
        sa.Column("report_json", sa.Text(), nullable=False),
        _timestamp("created_at"),
    )
    op.create_index("ix_match_scores_job_score", "match_scores", ["job_id", "score"])
    op.create_index("ix_match_scores_resume", "match_scores", ["resume_id"])


def downgrade() -> None:
    op.drop_table("match_scores")
    op.drop_table("resumes")
    op.drop_table("jobs")
    op.drop_table("api_keys")
    op.drop_table("tenants")
