"""A partner's webhook endpoint for the tests: a real HTTP server on loopback, in a thread, that
records every request it gets and answers with the codes it is told to."""

import http.server
import socket
import threading
import time
from dataclasses import dataclass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes


class Receiver:
    """`answers` are the status codes of the first requests, in turn; then `then` (200).

    with Receiver(answers=[500, 500]) as receiver:
        ... receiver.url, receiver.requests, receiver.wait_for(3)
    """

    def __init__(self, answers=(), then=200, port=None, redirect_to=None):
        self.answers = list(answers)
        self.then = then
        self.port = port or free_port()
        self.redirect_to = redirect_to
        self.requests = []
        self.lock = threading.Lock()
        self.server = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/hooks/clinic"

    def start(self):
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver.lock:
                    receiver.requests.append(
                        Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                    )
                    code = receiver.answers.pop(0) if receiver.answers else receiver.then
                self.send_response(code)
                if receiver.redirect_to:
                    self.send_header("Location", receiver.redirect_to)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def wait_for(self, count, seconds=20):
        """Waits until `count` requests have come (at most `seconds`); returns them."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.requests) >= count:
                    return list(self.requests)
            time.sleep(0.05)
        raise AssertionError(f"{len(self.requests)} requests of {count} within {seconds} s")
