#!/usr/bin/env python3
"""page_test.py: the page of `bantin serve` in headless chromium (run by test/page-check.sh).

The server listens on 127.0.0.1 only (a free port); chromium loads each view and hands back the
DOM after the page's script ran (--dump-dom with a virtual time budget), and saves screenshots
under build/screenshots/. Hostile articles try to run script by every route a capture's text
could take; each would set the document's title to "pwned": the title must stay clean, no
hostile element may appear, and no javascript:/data: URL may become a link."""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/asan/bantin")
SHOTS = os.path.abspath("build/screenshots")
failures = []
passed = 0
# what a hostile script would do: set the title to a word its own text does not hold
PWN = "document.title=atob('cHduZWQ=')"


def check(cond, what):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what)
        print("FAIL", what, flush=True)


def chromium(url, *extra, width=1280, height=900):
    cmd = ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile,
           f"--window-size={width},{height}", "--virtual-time-budget=4000",
           *(extra or ["--dump-dom"]), url]
    r = subprocess.run(cmd, capture_output=True, timeout=90, check=False)
    return r.stdout.decode("utf-8", "replace")


def main_of(dom):
    m = re.search(r'<main id="view".*?</main>', dom, re.S)
    return m.group(0) if m else ""


tmp = tempfile.mkdtemp(prefix="bantin-page-")
profile = os.path.join(tmp, "profile")
db = os.path.join(tmp, "p.db")
records = os.path.join(tmp, "hostile.jsonl")
hostile = [
    {"title": "<script>" + PWN + "</script> tin thu nghiem probe", "source": "<b>Nguồn</b>",
     "published": "2024-05-01T09:05:00+07:00", "authors": ["<img src=x onerror=\"" + PWN + "\">"],
     "lede": "</textarea><svg onload=\"" + PWN + "\"></svg> lede probe",
     "body": ["<img src=x onerror=\"" + PWN + "\"> đoạn một probe", "<iframe src=\"javascript:" + PWN + "\"></iframe> đoạn hai"],
     "images": [{"src": "javascript:" + PWN, "caption": "<svg><script>" + PWN + "</script></svg> chú thích", "credit": "<i>x</i>"},
                {"src": "https://example.org/anh.jpg", "caption": "Ảnh thật", "credit": "Reuters"}],
     "related": [{"title": "liên kết js", "url": "javascript:" + PWN},
                 {"title": "liên kết data", "url": "data:text/html,<script>" + PWN + "</script>"},
                 {"title": "liên kết thật", "url": "https://example.org/bai"}],
     "lang": "vi"},
]
for i in range(12):
    hostile.append({"title": f"Phân trang thứ {i + 1}", "source": "Thử", "lang": "vi",
                    "published": f"2024-01-{i + 1:02d}T08:00:00+07:00",
                    "body": [f"Bài kiểm tra phân trang số {i + 1} của trang tìm kiếm."]})
with open(records, "w") as f:
    for h in hostile:
        f.write(json.dumps(h, ensure_ascii=False) + "\n")
samples = sorted(os.path.join("samples", f) for f in os.listdir("samples"))
add = subprocess.run([BIN, "add", "-q", "--db", db, *samples, records], capture_output=True, check=False)
if add.returncode != 0:
    print("FAIL page-check: cannot make the store:", add.stderr.decode())
    sys.exit(1)
os.makedirs(SHOTS, exist_ok=True)

srv = subprocess.Popen([BIN, "serve", "--db", db, "--port", "0", "--quiet"], stderr=subprocess.PIPE)
first = srv.stderr.readline().decode()
try:
    port = int(first.split("http://127.0.0.1:")[1].split("/")[0])
    base = f"http://127.0.0.1:{port}/"

    dom = chromium(base)
    m = main_of(dom)
    check("Tin mới nhất" in m and m.count('class="hit"') >= 5, "the front page lists the latest articles")
    chromium(base, "--screenshot=" + os.path.join(SHOTS, "front.png"))

    dom = chromium(base + "#/search?q=xe%20buyt")
    m = main_of(dom)
    check(re.search(r"<mark>buýt</mark>", m) is not None, "an unmarked query marks the accented words")
    check('id="count"' in m and "kết quả" in m, "the result count")
    check(re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d", m) is not None, "dates in Vietnamese form")
    chromium(base + "#/search?q=xe%20buyt", "--screenshot=" + os.path.join(SHOTS, "search.png"))
    chromium(base + "#/search?q=xe%20buyt", "--screenshot=" + os.path.join(SHOTS, "search-phone.png"), width=360, height=740)

    dom = chromium(base + "#/search?q=phan%20trang&sort=date")
    m = main_of(dom)
    check(m.count('class="hit"') == 10 and "Trang sau" in m and "Trang trước" not in m, "page 1 of 12: 10 and a next button")
    dom = chromium(base + "#/search?q=phan%20trang&sort=date&page=1")
    m = main_of(dom)
    check(m.count('class="hit"') == 2 and "Trang trước" in m and "Trang sau" not in m, "page 2 of 12: 2 and a previous button")

    # the hostile article: in the results and in the reader
    dom = chromium(base + "#/search?q=probe")
    m = main_of(dom)
    hid = re.search(r'href="#/a/([0-9a-f]{16})"', m)
    check(hid is not None, "the hostile article is found")
    for view in ["#/search?q=probe"] + (["#/a/" + hid.group(1)] if hid else []):
        dom = chromium(base + view)
        m = main_of(dom)
        title = re.search(r"<title>(.*?)</title>", dom, re.S)
        check(title and "pwned" not in title.group(1).lower(), f"{view}: no script ran")
        check(not re.search(r"<(script|img|svg|iframe|textarea|b|i)[\s>]", m), f"{view}: no hostile element in the view")
        check(not re.search(r'href="\s*(javascript|data):', m, re.I), f"{view}: no javascript:/data: link")
        check("&lt;script&gt;" in m or "&lt;img" in m, f"{view}: the hostile text shown as text")
    if hid:
        dom = chromium(base + "#/a/" + hid.group(1))
        m = main_of(dom)
        check("<h1>" in m and "lede probe" in m and "đoạn một probe" in m, "the reader shows title, lede, body")
        check("(Ảnh: Reuters)" in m and 'href="https://example.org/anh.jpg"' in m, "images as caption and credit, opened only on request")
        check('href="https://example.org/bai"' in m and "liên kết js" in m, "related links: the web ones clickable, the others text")
        check("01/05/2024 09:05" in m, "the article's date in Vietnamese form")
        check("Bài viết liên quan" in m and "sẽ có khi máy chủ hỗ trợ" in m, "the computed related part says it is not there yet")
        chromium(base + "#/a/" + hid.group(1), "--screenshot=" + os.path.join(SHOTS, "article-phone.png"), width=360, height=740)
finally:
    srv.send_signal(signal.SIGTERM)
    try:
        rc = srv.wait(timeout=20)
    except subprocess.TimeoutExpired:
        srv.kill()
        rc = "hung"
check(rc == 0, f"the server stops cleanly ({rc})")
check(all(os.path.getsize(os.path.join(SHOTS, f)) > 5000 for f in ["front.png", "search.png", "search-phone.png"]),
      "screenshots saved")
subprocess.run(["rm", "-rf", tmp], check=False)
print(f"page-check: {passed} checks passed, {len(failures)} failed; screenshots in {SHOTS}")
if failures:
    print("FAIL page-check:", "; ".join(failures[:10]))
    sys.exit(1)
print("PASS page-check")
