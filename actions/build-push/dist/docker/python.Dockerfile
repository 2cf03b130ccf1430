# syntax=docker/dockerfile:1
# tierdeploy bundled template for Python (Flask or any WSGI) services (build.template: python), used when the
# service has no Dockerfile of its own. The build context is the service directory: it needs requirements.txt and
# a WSGI application at app:app (override with APP_MODULE, e.g. --build-arg APP_MODULE=wsgi:application).

ARG PYTHON_VERSION=3.11

# ---- build: a virtual environment with the dependencies ----
FROM python:${PYTHON_VERSION}-slim AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY requirements.txt ./
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install -r requirements.txt \
    && (/opt/venv/bin/pip show gunicorn >/dev/null 2>&1 || /opt/venv/bin/pip install gunicorn==23.0.0)

# ---- runtime: the virtual environment and the code, as a non-root user ----
FROM python:${PYTHON_VERSION}-slim AS runtime
ARG APP_MODULE=app:app
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORT=5000 \
    APP_MODULE=${APP_MODULE}
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --chown=app:app . .
USER app
EXPOSE 5000
# exec so gunicorn receives ECS's SIGTERM on a deploy.
CMD ["sh", "-c", "exec gunicorn --bind 0.0.0.0:${PORT} --workers 2 --access-logfile - ${APP_MODULE}"]
