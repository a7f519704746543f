"""The store: migrations, keys, tenant scoping, retention, cached scores, secure deletion."""

from __future__ import annotations

from datetime import timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text, update

from service.errors import NotFound
from service.models import Document, Extraction, MatchReport, Profile, Versions
from service.settings import Settings
from service.store import keys, records
from service.store.db import after_delete, make_engine, make_sessionmaker, session_scope
from service.store.migrate import head_revision, is_current, upgrade, upgrade_engine
from service.store.models import ApiKey, Base, MatchScore, Resume, utcnow


@pytest.fixture
def settings(tmp_path, db_url) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=db_url)


@pytest.fixture
def sessions(settings):
    upgrade(settings)
    engine = make_engine(settings)
    yield make_sessionmaker(engine)
    engine.dispose()


def _extraction(text_: str) -> Extraction:
    return Extraction(
        text=text_,
        document=Document(text=text_),
        versions=Versions(skillmatch="0.1.0", taxonomy="1"),
    )


def _profile() -> Profile:
    return Profile.model_validate(
        {
            "name": "toy",
            "title": "Toy role",
            "groups": [
                {
                    "id": "g",
                    "name": "G",
                    "weight": 1,
                    "items": [{"id": "py", "label": "Python", "any_of": ["python"]}],
                }
            ],
        }
    )


def test_upgrade_is_idempotent_and_matches_the_models(settings) -> None:
    assert upgrade(settings) == head_revision()
    assert upgrade(settings) == head_revision()
    engine = make_engine(settings)
    try:
        assert is_current(engine)
        with engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    finally:
        engine.dispose()


def test_sqlite_runs_in_wal_mode_with_secure_delete_and_foreign_keys(tmp_path) -> None:
    settings = Settings(data_dir=tmp_path / "fresh")
    assert not settings.data_dir.exists()
    upgrade_engine(engine := make_engine(settings), settings)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA secure_delete")).scalar() == 1
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert (settings.data_dir / "skillmatch.db").is_file()
    finally:
        engine.dispose()


def test_keys_store_only_a_hash_and_authenticate_until_revoked(sessions) -> None:
    with session_scope(sessions) as session:
        key, info = keys.create_key(session, "acme")
        second, _ = keys.create_key(session, "acme")
    assert key.startswith(keys.KEY_PREFIX) and len(key) >= 40 and key != second
    with session_scope(sessions) as session:
        stored = session.scalars(select(ApiKey.key_hash)).all()
        assert key not in stored and keys.hash_key(key) in stored
        caller = keys.authenticate(session, key)
        assert caller is not None and caller.tenant == "acme" and caller.key_id == info.id
        assert keys.authenticate(session, second).tenant_id == caller.tenant_id  # type: ignore[union-attr]
        assert keys.authenticate(session, key + "x") is None
        assert [k.tenant for k in keys.list_keys(session)] == ["acme", "acme"]
        assert keys.revoke_key(session, info.id).revoked_at is not None  # type: ignore[union-attr]
        assert keys.revoke_key(session, "key_missing") is None
    with session_scope(sessions) as session:
        assert keys.authenticate(session, key) is None
        assert keys.authenticate(session, second) is not None


def test_queries_are_scoped_to_the_tenant(sessions) -> None:
    with session_scope(sessions) as session:
        acme = keys.get_or_create_tenant(session, "acme").id
        globex = keys.get_or_create_tenant(session, "globex").id
        job = records.add_job(session, acme, "ML", "Python", _profile())
        resume = records.add_resume(session, acme, _extraction("Python"), label="a", size_bytes=6)
    with session_scope(sessions) as session:
        assert records.get_job(session, acme, job.id).title == "ML"
        with pytest.raises(NotFound):
            records.get_job(session, globex, job.id)
        with pytest.raises(NotFound):
            records.get_resume(session, globex, resume.id)
        with pytest.raises(NotFound):
            records.delete_resume(session, globex, resume.id)
        assert records.list_resumes(session, globex, 10, 0).total == 0
        assert records.list_resumes(session, acme, 10, 0).total == 1


def test_pagination_is_newest_first_and_counts_everything(sessions) -> None:
    with session_scope(sessions) as session:
        tenant = keys.get_or_create_tenant(session, "acme").id
        ids = [
            records.add_job(session, tenant, f"Job {i}", "Python", _profile()).id for i in range(5)
        ]
        for index, job_id in enumerate(ids):
            session.execute(
                update(records.Job)
                .where(records.Job.id == job_id)
                .values(created_at=utcnow() - timedelta(minutes=10 - index))
            )
    with session_scope(sessions) as session:
        first = records.list_jobs(session, tenant, 2, 0)
        rest = records.list_jobs(session, tenant, 10, 2)
    assert first.total == rest.total == 5
    assert [j.id for j in first.items + rest.items] == ids[::-1]


def _score(extraction: Extraction, profile: Profile) -> MatchReport:
    points = 10.0 * extraction.text.count("Python")
    return MatchReport(
        score=min(points, 100.0),
        profile=profile.name,
        profile_kind="job",
        breakdown=[],
        versions=extraction.versions,
    )


def test_ranking_caches_scores_and_deleting_a_resume_removes_them(sessions) -> None:
    calls: list[str] = []

    def scorer(extraction: Extraction, profile: Profile) -> MatchReport:
        calls.append(extraction.text)
        return _score(extraction, profile)

    with session_scope(sessions) as session:
        tenant = keys.get_or_create_tenant(session, "acme").id
        other = keys.get_or_create_tenant(session, "globex").id
        job = records.add_job(session, tenant, "ML", "Python", _profile())
        low = records.add_resume(session, tenant, _extraction("Python"), label="low", size_bytes=1)
        high = records.add_resume(
            session, tenant, _extraction("Python Python"), label="hi", size_bytes=1
        )
        records.add_resume(session, other, _extraction("Python " * 9), label="x", size_bytes=1)
    with session_scope(sessions) as session:
        page = records.rank_resumes(session, tenant, job, scorer, version="v1", limit=10, offset=0)
        assert [r.resume.id for r in page.items] == [high.id, low.id] and page.total == 2
        again = records.rank_resumes(session, tenant, job, scorer, version="v1", limit=1, offset=1)
        assert [r.resume.id for r in again.items] == [low.id] and again.total == 2
    assert len(calls) == 2
    with session_scope(sessions) as session:
        records.rank_resumes(session, tenant, job, scorer, version="v2", limit=10, offset=0)
    assert len(calls) == 4
    with session_scope(sessions) as session:
        records.delete_resume(session, tenant, high.id)
        after_delete(session)
        assert session.scalars(select(MatchScore.resume_id)).all() == [low.id]
        records.delete_job(session, tenant, job.id)
        after_delete(session)
        assert session.scalars(select(MatchScore)).all() == []


def test_retention_hides_and_purges_expired_resumes(sessions) -> None:
    with session_scope(sessions) as session:
        tenant = keys.get_or_create_tenant(session, "acme").id
        old = records.add_resume(session, tenant, _extraction("old"), label=None, size_bytes=3)
        new = records.add_resume(session, tenant, _extraction("new"), label=None, size_bytes=3)
        session.execute(
            update(Resume)
            .where(Resume.id == old.id)
            .values(created_at=utcnow() - timedelta(days=31))
        )
    cutoff = records.retention_cutoff(30)
    with session_scope(sessions) as session:
        assert [r.id for r in records.list_resumes(session, tenant, 10, 0, cutoff).items] == [
            new.id
        ]
        with pytest.raises(NotFound):
            records.get_resume(session, tenant, old.id, cutoff)
        assert records.purge_expired(session, None) == 0
        assert records.purge_expired(session, 30) == 1
    with session_scope(sessions) as session:
        assert [r.id for r in records.list_resumes(session, tenant, 10, 0).items] == [new.id]


def test_deleted_resume_text_leaves_no_trace_in_the_sqlite_files(tmp_path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    upgrade(settings)
    engine = make_engine(settings)
    sessions = make_sessionmaker(engine)
    marker = "Zanzibar-" + "q7x" * 20
    with session_scope(sessions) as session:
        tenant = keys.get_or_create_tenant(session, "acme").id
        keep = records.add_resume(
            session, tenant, _extraction("kept resume"), label=None, size_bytes=1
        )
        gone = records.add_resume(
            session, tenant, _extraction(f"Skills: {marker}"), label=None, size_bytes=1
        )
    files = [settings.data_dir / "skillmatch.db", settings.data_dir / "skillmatch.db-wal"]
    assert any(marker.encode() in f.read_bytes() for f in files if f.exists())
    with session_scope(sessions) as session:
        records.delete_resume(session, tenant, gone.id)
        after_delete(session)
        assert records.get_resume(session, tenant, keep.id)
    for path in files:
        if path.exists():
            assert marker.encode() not in path.read_bytes(), path.name
    engine.dispose()


def test_concurrent_migrators_take_turns(tmp_path) -> None:
    """Several processes starting at once (workers, CLI) migrate once and never collide."""
    from concurrent.futures import ThreadPoolExecutor

    settings = Settings(data_dir=tmp_path / "race")
    with ThreadPoolExecutor(max_workers=4) as pool:
        revisions = list(pool.map(lambda _: upgrade(settings), range(4)))
    assert revisions == [head_revision()] * 4
    engine = make_engine(settings)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        assert [r[0] for r in rows] == [head_revision()]
    finally:
        engine.dispose()


def test_the_data_directory_and_database_are_private(tmp_path) -> None:
    """Resumes live there: the directory is 0700, the SQLite file and its WAL 0600."""
    import stat

    from service.settings import Settings
    from service.store.db import make_engine, prepare_data_dir

    settings = Settings(data_dir=tmp_path / "data")
    prepare_data_dir(settings)
    engine = make_engine(settings)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (x TEXT)")
        connection.exec_driver_sql("INSERT INTO t VALUES ('a')")
    files = sorted(p.name for p in settings.data_dir.iterdir())
    assert "skillmatch.db-wal" in files
    assert stat.S_IMODE(settings.data_dir.stat().st_mode) == 0o700
    for name in files:
        assert stat.S_IMODE((settings.data_dir / name).stat().st_mode) == 0o600, name
    engine.dispose()
