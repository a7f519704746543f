# skillmatch API and candidate page: `docker build -t skillmatch .` (see docs/deploy.md).
# Stage 1 builds the wheel; stage 2 installs it (with the PostgreSQL driver) in a venv and runs
# `skillmatch serve` as an unprivileged user. The steps are checked without a container engine
# by tests/test_deploy_image.py (same wheel, fresh venv, non-root user, this CMD and HEALTHCHECK).
ARG PYTHON_VERSION=3.11

FROM python:${PYTHON_VERSION}-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY service ./service
COPY taxonomy ./taxonomy
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /dist .

FROM python:${PYTHON_VERSION}-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/skillmatch/bin:$PATH \
    SKILLMATCH_DATA_DIR=/data
RUN groupadd --system --gid 10001 skillmatch \
    && useradd --system --uid 10001 --gid skillmatch --home-dir /data --no-create-home \
       --shell /usr/sbin/nologin skillmatch \
    && install -d -o skillmatch -g skillmatch -m 0700 /data
COPY --from=build /dist/ /tmp/dist/
RUN python -m venv /opt/skillmatch \
    && /opt/skillmatch/bin/pip install --no-cache-dir /tmp/dist/skillmatch-*.whl \
       "psycopg[binary]==3.3.*" \
    && rm -rf /tmp/dist
USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4).status != 200)"]
CMD ["skillmatch", "serve", "--host", "0.0.0.0", "--port", "8000"]
