# How long a browser step may wait (navigation, a locator, an event) before the test fails.
# A guard against hangs, not a speed check: the browser tests run beside the rest of the suite
# on the same two cores (Makefile), where a page can take several seconds.
PAGE_TIMEOUT_MS = 60_000
