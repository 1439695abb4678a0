#!/usr/bin/env python3
"""serve_test.py: the HTTP server's tests (run by test/serve-check.sh in `make test`).

Starts `bantin serve` on 127.0.0.1 only, with --port 0 (the kernel's free port, read from the
first log line), over a store made from samples/, then checks each behaviour; exits 0 when all
pass, 1 naming each failure. Standard library only."""
import gzip
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/asan/bantin")
HOST = "127.0.0.1"  # loopback only
TOKEN = "s3cret-token-for-the-test-0123456789"
MAX_BODY = 64 * 1024
IDLE = 2
failures = []
passed = 0


def check(cond, what):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what)
        print("FAIL", what, flush=True)


def request(method, path, body=None, headers=None, raw=False):
    c = http.client.HTTPConnection(HOST, PORT, timeout=30)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    c.close()
    if raw:
        return r, data
    return r, (json.loads(data) if data and r.getheader("Content-Type", "").startswith("application/json") else data)


def run(*args):
    return subprocess.run([BIN, *args], capture_output=True, check=False)


tmp = tempfile.mkdtemp(prefix="bantin-serve-")
db = os.path.join(tmp, "t.db")
samples = sorted(os.path.join("samples", f) for f in os.listdir("samples"))
add = run("add", "--db", db, *samples[:-1])  # the last one is POSTed below
if add.returncode != 0:
    print("FAIL serve-check: cannot make the store:", add.stderr.decode())
    sys.exit(1)
tokfile = os.path.join(tmp, "token")
with open(tokfile, "w") as f:
    f.write(TOKEN + "\n")

# ---- start-up errors: clear messages, exit 1, nothing listens
r = run("serve", "--db", os.path.join(tmp, "none.db"), "--port", "0")
check(r.returncode == 1 and b"none.db" in r.stderr, "a missing store is refused naming it")
r = run("serve", "--db", db, "--port", "70000")
check(r.returncode == 2 and b"--port" in r.stderr, "a bad --port is a usage error")
short = os.path.join(tmp, "short")
with open(short, "w") as f:
    f.write("abc\n")
r = run("serve", "--db", db, "--port", "0", "--ingest-token-file", short)
check(r.returncode == 1 and b"16 characters" in r.stderr, "a short token is refused")
r = run("serve", "--help")
check(r.returncode == 0 and b"--ingest-token-file" in r.stdout, "serve --help")

srv = subprocess.Popen([BIN, "serve", "--db", db, "--bind", HOST, "--port", "0", "--threads", "4",
                        "--ingest-token-file", tokfile, "--max-body", str(MAX_BODY),
                        "--idle-timeout", str(IDLE), "--count-views"], stderr=subprocess.PIPE)
first = srv.stderr.readline().decode()
log = []
threading.Thread(target=lambda: log.extend(l.decode() for l in srv.stderr), daemon=True).start()
try:
    PORT = int(first.split("http://127.0.0.1:")[1].split("/")[0])
except (IndexError, ValueError):
    print("FAIL serve-check: no port in the first line:", first)
    srv.kill()
    sys.exit(1)

try:
    # ---- one code path: the same bytes as the CLI
    cli = run("search", "--db", db, "--format", "json", "--limit", "3", "xe", "buyt").stdout.rstrip(b"\n")
    r, body = request("GET", "/api/search?q=xe+buyt&limit=3", raw=True)
    check(r.status == 200 and body == cli, "/api/search sends the bytes of `bantin search --format json`")
    hits = json.loads(body)["results"]
    aid = hits[0]["id"]
    r, body = request("GET", "/api/articles/" + aid, raw=True)
    check(r.status == 200 and body == run("show", "--db", db, aid).stdout.rstrip(b"\n"),
          "/api/articles/ID sends the bytes of `bantin show`")
    r, body = request("GET", "/api/stats", raw=True)
    check(r.status == 200 and body == run("stats", "--db", db, "--json").stdout.rstrip(b"\n"),
          "/api/stats sends the bytes of `bantin stats --json`")

    # ---- keep-alive: several requests on one connection (MHD closes a connection whose reply
    # was queued on the handler's first call)
    c = http.client.HTTPConnection(HOST, PORT, timeout=30)
    socks = []
    for _ in range(3):
        c.request("GET", "/api/health")
        r = c.getresponse()
        r.read()
        socks.append(id(c.sock))
        check(r.status == 200 and (r.getheader("Connection") or "").lower() != "close",
              "a reply keeps the connection open")
    check(len(set(socks)) == 1, "three requests on one connection")
    c.close()

    # ---- every route the OpenAPI document lists answers as it says
    r, spec = request("GET", "/api/openapi.json")
    check(r.status == 200 and spec.get("openapi", "").startswith("3."), "/api/openapi.json is OpenAPI 3")
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            url = path.replace("{id}", aid)
            q = {}
            for p in op.get("parameters", []):
                if "$ref" in p:
                    continue
                if p["in"] == "query" and "example" in p:
                    q[p["name"]] = p["example"]
            if q:
                url += "?" + urllib.parse.urlencode(q)
            if method == "post":
                r, body = request("POST", url, body=b"", headers={"Authorization": "Bearer " + TOKEN})
            else:
                r, body = request(method.upper(), url)
            codes = op["responses"].keys()
            check(str(r.status) in codes, f"{method.upper()} {url}: {r.status} is one of {list(codes)}")
            if r.status == 200 and method == "get":
                schema = op["responses"]["200"]["content"]["application/json"]["schema"]
                if "$ref" in schema:
                    schema = spec["components"]["schemas"][schema["$ref"].split("/")[-1]]
                missing = [k for k in schema.get("required", []) if k not in body]
                check(not missing, f"{path}: required members {missing} missing")
            elif r.status >= 400:
                check(isinstance(body, dict) and "message" in body.get("error", {}),
                      f"{method.upper()} {url}: an error object")
    for p in ["/api/stories", "/api/articles/%s/related" % aid, "/api/articles/%s/duplicates" % aid]:
        r, body = request("GET", p)
        check(r.status == 501 and "connect" in body["error"]["message"], f"{p}: 501 naming connect")

    # ---- most read: /api/top is `bantin top`'s JSON; under --count-views the article route
    # counts a view (through the server's one writer) before it answers
    r, body = request("GET", "/api/top?days=1&by=views&limit=5", raw=True)
    cli = run("top", "--db", db, "--days", "1", "--limit", "5", "--format", "json").stdout.rstrip(b"\n")
    check(r.status == 200 and body == cli, "/api/top sends the bytes of `bantin top --format json`")
    before = {a["id"]: a["count"] for a in json.loads(body)["articles"]}.get(aid, 0)
    check(before >= 1, "the article routes counted views")
    request("GET", "/api/articles/" + aid)
    r, body = request("GET", "/api/top?days=1")
    after = {a["id"]: a["count"] for a in body["articles"]}.get(aid, 0)
    check(after == before + 1, f"one GET of an article, one view ({before} -> {after})")
    r, body = request("GET", "/api/top?by=mentions&until=2024-05-10")
    check(r.status == 200 and body["by"] == "mentions" and body["from"] == "2024-05-04",
          "/api/top by mentions over a window that ends on `until`")
    for p in ["/api/top?days=0", "/api/top?days=abc", "/api/top?by=likes", "/api/top?limit=1000",
              "/api/top?until=2024-13-01", "/api/top?until=yesterday", "/api/top?until=2024-02-30"]:
        r, body = request("GET", p)
        check(r.status == 400 and body["error"]["message"], f"GET {p}: 400")

    # ---- bad input: the right status and an error object, never 500
    bad = [
        ("/api/search?q=%22abc", 400), ("/api/search?q=xe&limit=101", 400),
        ("/api/search?q=xe&limit=-1", 400), ("/api/search?q=xe&limit=abc", 400),
        ("/api/search?q=xe&offset=9999&limit=10", 400), ("/api/search?q=xe&sort=up", 400),
        ("/api/search?q=xe&since=yesterday", 400), ("/api/search?q=xe&source=a%22b", 400),
        ("/api/search?q=" + "a" * 2000, 414), ("/api/articles/0123456789abcdef", 404),
        ("/api/articles/xyz", 404), ("/api/articles/%s/nothing" % aid, 404), ("/api/nothing", 404),
        ("/nothing", 404), ("/assets/nothing.js", 404),
    ]
    for path, want in bad:
        r, body = request("GET", path)
        check(r.status == want and isinstance(body, dict) and body["error"]["message"],
              f"GET {path[:60]}: {r.status}, want {want}")
    r, body = request("DELETE", "/api/search?q=xe")
    check(r.status == 405 and "GET" in (r.getheader("Allow") or ""), "DELETE /api/search: 405 with Allow")
    r, body = request("GET", "/api/articles")
    check(r.status == 405 and r.getheader("Allow") == "POST", "GET /api/articles: 405 Allow: POST")
    r, body = request("GET", "/api/search?q=xe", headers={"X-Big": "x" * 40000})
    check(r.status in (413, 414, 431), f"a 40 kB header: {r.status}, want 431")
    # static routes stay in the asset set
    for p in ["/assets/../serve/server.c", "/assets/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2fMakefile",
              "/assets/app.js%00.html", "/assets/", "/../../etc/passwd", "/assets/openapi.json"]:
        r, body = request("GET", p, raw=True)
        check(r.status in (400, 404) or (r.status == 200 and b"use strict" in body and p.endswith("%00.html")),
              f"GET {p}: {r.status}, stays in the assets")

    # ---- the page and its headers
    r, body = request("GET", "/", raw=True)
    check(r.status == 200 and b'src="/assets/app.js"' in body and r.getheader("Content-Type").startswith("text/html"), "/ is the page")
    csp = r.getheader("Content-Security-Policy") or ""
    check("script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp, "a strict CSP")
    check(r.getheader("X-Content-Type-Options") == "nosniff" and r.getheader("Referrer-Policy") == "no-referrer",
          "nosniff and no-referrer")
    for a in ["app.js", "app.css"]:
        r, body = request("GET", "/assets/" + a, raw=True)
        check(r.status == 200 and len(body) > 500, f"/assets/{a}")
    r, body = request("GET", "/assets/app.js", raw=True)
    check(b"innerHTML" not in body, "app.js never writes innerHTML")

    # ---- gzip and ETag
    r, plain = request("GET", "/assets/app.js", raw=True)
    etag = r.getheader("ETag")
    r2, z = request("GET", "/assets/app.js", headers={"Accept-Encoding": "gzip"}, raw=True)
    check(r2.getheader("Content-Encoding") == "gzip" and gzip.decompress(z) == plain and len(z) < len(plain),
          "gzip when asked, the same bytes unzipped")
    check(r2.getheader("ETag") != etag, "the gzipped form has its own ETag")
    r, body = request("GET", "/assets/app.js", headers={"If-None-Match": etag}, raw=True)
    check(r.status == 304 and body == b"", "If-None-Match: 304")
    r, body = request("GET", "/api/search?q=xe", raw=True)
    r2, body2 = request("GET", "/api/search?q=xe", headers={"If-None-Match": r.getheader("ETag")}, raw=True)
    check(r2.status == 304, "a JSON reply is validated too")

    # ---- POST /api/articles
    capture = open(samples[-1], "rb").read()
    r, body = request("POST", "/api/articles", body=capture)
    check(r.status == 403, "POST without a token: 403")
    r, body = request("POST", "/api/articles", body=capture, headers={"Authorization": "Bearer " + TOKEN[:-1] + "x"})
    check(r.status == 403, "POST with a wrong token: 403")
    r, body = request("POST", "/api/articles", body=capture, headers={"Authorization": "Bearer " + TOKEN + "x"})
    check(r.status == 403, "POST with a longer token: 403")
    r, body = request("POST", "/api/articles", body=b"x" * (MAX_BODY + 1), headers={"Authorization": "Bearer " + TOKEN})
    check(r.status == 413, f"an oversized body: {r.status}, want 413")
    r, body = request("POST", "/api/articles", body=b'{"url": "http://a", "html": ', headers={"Authorization": "Bearer " + TOKEN})
    check(r.status == 400 and body["error"]["message"], f"a bad JSON body: {r.status}, want 400")
    r, body = request("POST", "/api/articles", body=b"", headers={"Authorization": "Bearer " + TOKEN})
    check(r.status == 400, "an empty body: 400")
    before = request("GET", "/api/stats")[1]["articles"]
    r, body = request("POST", "/api/articles", body=capture, headers={"Authorization": "Bearer " + TOKEN})
    check(r.status == 200 and body["summary"]["added"] == 1 and body["articles"][0]["stored"] == "added",
          f"POST a capture: {r.status} {body}")
    new_id = body["articles"][0]["id"] if r.status == 200 else None
    check(request("GET", "/api/stats")[1]["articles"] == before + 1, "the readers see the new article")
    r, body = request("GET", "/api/articles/%s" % new_id)
    check(r.status == 200, "the new article is served")
    r, body = request("POST", "/api/articles", body=capture, headers={"Authorization": "Bearer " + TOKEN})
    check(r.status == 200 and body["summary"]["seen"] == 1, "the same capture again: seen")

    # ---- many clients at once while an ingest writes
    errors = []

    def reader():
        for _ in range(15):
            try:
                r, body = request("GET", "/api/search?q=xe+buyt&limit=5")
                if r.status != 200 or not body["results"]:
                    errors.append(r.status)
            except Exception as e:  # noqa: BLE001 (any failure counts)
                errors.append(repr(e))

    def writer():
        for i in range(5):
            text = ("Tiêu đề thử số %d về xe buýt điện\n\nĐoạn văn bản thử nghiệm số %d, viết cho bài "
                    "kiểm tra máy chủ, nói về xe buýt điện ở Hà Nội và các tuyến mới.\n" % (i, i)).encode()
            r, body = request("POST", "/api/articles", body=text, headers={"Authorization": "Bearer " + TOKEN})
            if r.status != 200:
                errors.append(("post", r.status, body))

    ts = [threading.Thread(target=reader) for _ in range(12)] + [threading.Thread(target=writer)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    check(not errors, f"12 readers and a writer at once: {errors[:5]}")

    # ---- a slowloris client is cut off after the idle timeout
    s = socket.create_connection((HOST, PORT))
    s.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
    s.settimeout(IDLE + 5)
    t0 = time.time()
    try:
        got = s.recv(100)
    except socket.timeout:
        got = None
    s.close()
    check(got == b"" and time.time() - t0 < IDLE + 4, "an idle half request is closed")
    r, body = request("GET", "/api/health")
    check(r.status == 200 and body["status"] == "ok", "the server still answers")
    # ---- a stop lets the request in flight finish; an idle keep-alive connection does not
    # hold it up
    idle = http.client.HTTPConnection(HOST, PORT, timeout=30)
    idle.request("GET", "/api/health")
    idle.getresponse().read()
    s = socket.create_connection((HOST, PORT))
    s.sendall(b"POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabcde")
    time.sleep(0.3)
    srv.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    check(srv.poll() is None, "a stop waits for the request in flight")
    s.sendall(b"fghij")
    s.settimeout(10)
    reply = b""
    try:
        while b"\r\n\r\n" not in reply:
            chunk = s.recv(4096)
            if not chunk:
                break
            reply += chunk
    except socket.timeout:
        pass
    s.close()
    check(reply.startswith(b"HTTP/1.1 403"), f"the request in flight is answered after SIGTERM: {reply[:40]!r}")
    t0 = time.time()
    try:
        srv.wait(timeout=8)
    except subprocess.TimeoutExpired:
        pass
    check(srv.poll() is not None and time.time() - t0 < 5, "then the server stops, an idle connection open")
    idle.close()
finally:
    srv.send_signal(signal.SIGTERM)
    try:
        rc = srv.wait(timeout=20)
    except subprocess.TimeoutExpired:
        srv.kill()
        rc = "hung"
    time.sleep(0.2)
check(rc == 0, f"SIGTERM stops it cleanly (exit {rc}; sanitizers quiet)")

# ---- 429 past --max-queue: one request held open (a POST whose body is still coming) fills it
busy = subprocess.Popen([BIN, "serve", "--db", db, "--port", "0", "--max-queue", "1", "--quiet"],
                        stderr=subprocess.PIPE)
line = busy.stderr.readline().decode()
try:
    PORT = int(line.split("http://127.0.0.1:")[1].split("/")[0])
    slow = socket.create_connection((HOST, PORT))
    slow.sendall(b"POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
    time.sleep(0.3)
    r, body = request("GET", "/api/health")
    check(r.status == 429 and r.getheader("Retry-After") == "1" and "busy" in body["error"]["message"],
          f"a request past --max-queue: {r.status}, want 429 with Retry-After")
    slow.close()
    time.sleep(0.3)
    r, body = request("GET", "/api/health")
    check(r.status == 200, f"once the queue is free again: {r.status}")
finally:
    busy.send_signal(signal.SIGTERM)
    try:
        check(busy.wait(timeout=20) == 0, "the second server stops cleanly")
    except subprocess.TimeoutExpired:
        busy.kill()
        check(False, "the second server hung")
text = "".join(log)
check(any('"GET /api/health" 200' in l for l in log), "an access log line per request")
check("ERROR: AddressSanitizer" not in text and "runtime error" not in text, "no sanitizer report: " + text[-2000:])
shutil.rmtree(tmp, ignore_errors=True)
print(f"serve-check: {passed} checks passed, {len(failures)} failed")
if failures:
    print("FAIL serve-check:", "; ".join(failures[:10]))
    sys.exit(1)
print("PASS serve-check")
