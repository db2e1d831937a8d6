"""gunicorn settings of the recipe (systemd unit sozialestadt-web, make serve-production).

Every value can be overridden by an environment variable of the same name in upper case with the
prefix GUNICORN_ (e.g. GUNICORN_WORKERS=4), so the unit file and the env file stay the only places
an operator edits.
"""

import multiprocessing
import os


def env(name: str, default: str) -> str:
    return os.environ.get(f"GUNICORN_{name}", default)


wsgi_app = "cms.wsgi:application"
bind = env("BIND", "127.0.0.1:8000")
# Sync workers: requests are short (pages come from the cache); 2 per core plus one.
workers = int(env("WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
worker_class = "sync"
timeout = int(env("TIMEOUT", "60"))  # a large upload over a slow line
graceful_timeout = 30
max_requests = int(env("MAX_REQUESTS", "2000"))  # recycle workers, bounding slow leaks
max_requests_jitter = 200
# The application is loaded (and warmed: cms.warmup) once, in the master, and the workers are
# forked from it: a worker that replaces one after max_requests serves at once, instead of
# spending 2-3 s of CPU on imports and first requests while the other serves alone (a news
# page of the demo, 30 s under load: 240-248 req/s loaded per worker, 299-324 preloaded,
# 291-333 never recycled). A new version of the code then needs a restart (`systemctl restart
# sozialestadt-web`, which also migrates); a reload (HUP) keeps the loaded code.
preload_app = env("PRELOAD_APP", "1") == "1"


def post_fork(server, worker):
    """A worker never shares a connection the master may have opened while loading."""
    from django.db import connections

    connections.close_all()


# The proxy in front (Caddy) is on the same machine and sets X-Forwarded-Proto.
forwarded_allow_ips = env("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Logs go to stdout/stderr (journald); Django writes its own JSON lines with request ids.
accesslog = None
errorlog = "-"
