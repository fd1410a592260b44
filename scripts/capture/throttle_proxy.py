#!/usr/bin/env python3
"""A tiny HTTP proxy on 127.0.0.1 for the retry test: answers the first N requests whose form body
names ACTION with HTTP 400 Throttling, then forwards everything to the upstream (a moto server).

  throttle_proxy.py UPSTREAM_URL ACTION N

Works as the endpoint (origin-form requests go to UPSTREAM) or as an HTTP proxy (HTTP_PROXY; absolute-form
requests go where they say, 127.0.0.1 only in the tests).

Prints the port it listens on, then serves until killed.
"""
import http.server
import sys
import threading
import urllib.error
import urllib.request

UPSTREAM, ACTION, LIMIT = sys.argv[1].rstrip("/"), sys.argv[2], int(sys.argv[3])
lock = threading.Lock()
throttled = 0

THROTTLE = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>Throttling</Code>'
            b'<Message>Rate exceeded</Message></Error></Errors><RequestID>x</RequestID></Response>')


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _forward(self, method):
        global throttled
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if f"Action={ACTION}&".encode() in body + b"&":
            with lock:
                hit = throttled < LIMIT
                if hit:
                    throttled += 1
            if hit:
                self.send_response(400)
                self.send_header("Content-Type", "text/xml")
                self.send_header("Content-Length", str(len(THROTTLE)))
                self.end_headers()
                self.wfile.write(THROTTLE)
                return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("content-length", "connection")}
        # Absolute-form targets when used as an HTTP proxy (HTTP_PROXY); origin-form as an endpoint.
        target = self.path if self.path.startswith("http://") else UPSTREAM + self.path
        req = urllib.request.Request(target, data=body if method != "GET" else None, method=method, headers=headers)
        try:
            resp = urllib.request.urlopen(req)
            status, data, rheaders = resp.status, resp.read(), resp.headers
        except urllib.error.HTTPError as e:
            status, data, rheaders = e.code, e.read(), e.headers
        self.send_response(status)
        for k, v in rheaders.items():
            if k.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self._forward("GET")

    def do_POST(self):
        self._forward("POST")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
