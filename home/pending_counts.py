"""Counts held in memory and written together, so that counting never slows a page down.

Each process adds its counts up under a key and writes them `+ n` per key: once the setting
named `seconds_setting` has passed since the oldest count (after the response of the next
request the process answers; the visitor does not wait), and when a worker stops
(gunicorn.conf.py). 0 writes each count at once. Additions, not overwrites: any number of
servers may write. Used by the search statistics (search/hits.py) and the site traffic counts
(insights/counting.py); neither holds anything about who searched or visited.

What the database does not take (it is down) waits for the next write; a process killed outright
loses what it held. A count that fails for another reason is dropped alone and logged without its
key. At most `max_pending` different keys are held: past that new ones are dropped, and how many
is logged.
"""

import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, transaction

logger = logging.getLogger(__name__)


class PendingCounts:
    def __init__(self, name, *, seconds_setting, max_pending, write, prepare=None):
        self.name = name  # for the log: "Search statistics", "Site traffic"
        self.seconds_setting = seconds_setting
        self.max_pending = max_pending
        # write(key, number, prepared), in a transaction of its own; prepared = prepare(batch),
        # what the writes need to know about the whole batch, found in one query.
        self.write = write
        self.prepare = prepare
        self._lock = threading.Lock()
        self._pending = Counter()
        self._oldest = None  # time.monotonic() of the oldest count held
        self._dropped = 0

    def add(self, key):
        with self._lock:
            if key in self._pending or len(self._pending) < self.max_pending:
                self._pending[key] += 1
                if self._oldest is None:
                    self._oldest = time.monotonic()
            else:
                self._dropped += 1
        if getattr(settings, self.seconds_setting) <= 0:
            self.flush()

    def due(self):
        with self._lock:
            return self._oldest is not None and (
                time.monotonic() - self._oldest >= getattr(settings, self.seconds_setting)
            )

    def flush_when_due(self, **kwargs):
        """A `request_finished` receiver: after each response, once it is sent."""
        if self.due():
            self.flush()

    def flush(self):
        """Write the counts this process holds; what the database does not take is kept."""
        with self._lock:
            batch = list(self._pending.items())
            self._pending.clear()
            self._oldest = None
            dropped, self._dropped = self._dropped, 0
        if dropped:
            logger.warning(
                "%s: %d counts dropped (too many different ones held)", self.name, dropped
            )
        if not batch:
            return
        index = 0
        try:
            prepared = self.prepare(batch) if self.prepare else None
            for index, (key, number) in enumerate(batch):  # noqa: B007 (kept for the except)
                try:
                    with transaction.atomic():
                        self.write(key, number, prepared)
                except DatabaseError:
                    raise
                except Exception:  # a count must never break a page; its key is not logged
                    logger.exception("%s: one count could not be written", self.name)
        except DatabaseError:
            # The database is down or refused one: keep the rest for the next write rather than
            # trying each of them against it now.
            logger.warning(
                "%s not written (%d counts); kept for later", self.name, len(batch) - index
            )
            with self._lock:
                self._pending.update(dict(batch[index:]))
                if self._oldest is None:
                    self._oldest = time.monotonic()
