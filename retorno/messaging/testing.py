"""A fake SMS/WhatsApp gateway on 127.0.0.1 for tests and benchmarks (never for production).

It accepts the JSON that ``HttpGatewayBackend`` posts, answers ``{"id": ..., "cost": ...}`` and
remembers every request, so a test can count deliveries per idempotency key. ``fail_next`` makes
the next answers fail with a given HTTP status; ``delay`` slows each answer down.
"""

import json
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeGateway:
    def __init__(self, *, token: str = "test-token", delay: float = 0.0):  # noqa: S107 (a fake for tests)
        self.token = token
        self.delay = delay
        self.requests: list[dict] = []
        self.keys: Counter = Counter()
        self.fail_next: list[int] = []
        self._lock = threading.Lock()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # answers are two small writes: no 40 ms delayed-ACK stall

            def do_POST(self):  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                status, answer = gateway._answer(self.headers, body)
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self):  # noqa: N802
                payload = json.dumps({"requests": len(gateway.requests), "unique": len(gateway.keys)}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/send"

    def _answer(self, headers, body: bytes) -> tuple[int, dict]:
        if self.delay:
            threading.Event().wait(self.delay)
        if headers.get("Authorization") != f"Bearer {self.token}":
            return 401, {"error": "unauthorised"}
        with self._lock:
            if self.fail_next:
                return self.fail_next.pop(0), {"error": "refused"}
            data = json.loads(body)
            key = headers.get("Idempotency-Key", "")
            self.requests.append(data)
            self.keys[key] += 1
        return 200, {"id": f"gw-{key}", "cost": "0.0500", "currency": "USD"}

    @property
    def delivered(self) -> set[str]:
        """Idempotency keys delivered (a gateway sends each key on to the phone once)."""
        return set(self.keys)

    def __enter__(self) -> "FakeGateway":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def settings(self, **extra) -> dict:
        """``MESSAGE_CHANNELS`` entry for a channel that goes through this gateway."""
        return {
            "BACKEND": "retorno.messaging.backends.HttpGatewayBackend",
            "URL": self.url,
            "TOKEN": self.token,
            **extra,
        }


def serve() -> None:
    """``python -m retorno.messaging.testing``: a fake gateway in a process of its own (benchmarks);
    prints its URL, answers GET with its counts, and runs until killed."""
    gateway = FakeGateway()
    print(gateway.url, flush=True)
    gateway.server.serve_forever()


if __name__ == "__main__":
    serve()
