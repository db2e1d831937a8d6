import gc
import os

from django.core.wsgi import get_wsgi_application

from cms.warmup import warm_up

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()
warm_up()  # with gunicorn's preload_app: once, in the master, before the workers are forked

# What is loaded by now (Django, Wagtail, the models and blocks: about 225,000 objects) lives as
# long as the worker. Out of the garbage collector's reach, a full collection scans only what
# requests left behind: at 100,000 pages one came every 20-60 searches and took 170 ms over all
# objects, the slowest twentieth of the search's requests. (``manage.py bench`` does the same.)
gc.freeze()
