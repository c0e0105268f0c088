#!/usr/bin/env python3
"""Moderato's side of the performance comparison, on loopback only; see bench/README.md.

Starts the built war (bin/serve) on a free port with a fresh data directory and the default JVM
options, makes every comment approved at once (trust off, default approve, no flood wait, no form
minimum age, all comments on one page), seeds an article with 200 approved comments (a fifth of them
replies), then measures with wrk:
  page      the article page, 16 connections
  static    the same bytes served by nginx as a static file, 16 connections
  query     the article with a random ?utm_source=...&fbclid=... per request, 16 connections
  post4     posting as readers do (GET the article, POST the form it served), 4 connections
  post16    the same, 16 connections
  mixed     the page, 16 connections, while a steady stream of approved comments goes to another article
and start-up time to the first 200, resident memory after the run, and how long a newly approved
comment takes to show on its (cached) page. Prints one table; with WP_SUMMARY=<summary.txt of
../shared/wordpress-baseline/measure.sh> the WordPress figures of the same run are put beside it.
"""
import html, http.client, json, os, random, re, shutil, socket, subprocess, sys, tempfile, threading, time, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
POST_ARTICLE, STREAM_ARTICLE = "why-comments-need-moderation", "your-email-stays-private"
PAGE_ARTICLE = "seed-article"
SEED_FILE = os.environ.get("SEED_FILE", os.path.join(ROOT, "..", "shared", "wordpress-baseline", "seed-article.txt"))
DURATION = int(os.environ.get("BENCH_SECONDS", "20"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "10"))
STREAM_RATE = float(os.environ.get("BENCH_STREAM_PER_SECOND", "20"))
# the JIT's warm-up before the first row: the plain page row used to run while the JIT still compiled, and
# came out below every later page row (the mixed row, under load, above it)
JIT_WARMUP = int(os.environ.get("BENCH_JIT_WARMUP", "30"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """HTTP/1.1 on one keep-alive connection, no redirects followed, cookies kept when asked."""

    def __init__(self, port, cookies=False):
        self.port, self.cookies, self.jar = port, cookies, {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(self, method, path, fields=None):
        headers = {}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.jar:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in self.jar.items())
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                r = self.conn.getresponse()
                data = r.read().decode("utf-8", "replace")
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt:
                    raise
        if self.cookies:
            for value in r.headers.get_all("Set-Cookie") or []:
                name, _, rest = value.partition("=")
                self.jar[name.strip()] = rest.split(";")[0]
        return r.status, r.headers, data


def token_of(page):
    return re.search(r'name="moderato_token" value="([^"]*)"', page).group(1)


def view_state(page):
    return re.search(r'name="jakarta.faces.ViewState"[^>]*value="([^"]*)"', page).group(1)


def form_fields(page, form_id):
    form = page[page.index('<form id="%s"' % form_id):]
    form = form[:form.index("</form>")]
    fields = {}
    for attrs in re.findall(r"<input\b([^>]*)>", form):
        name = re.search(r'name="([^"]*)"', attrs)
        kind = re.search(r'type="([^"]*)"', attrs)
        value = re.search(r'value="([^"]*)"', attrs)
        if not name or (kind and kind.group(1) == "submit"):
            continue
        if kind and kind.group(1) in ("checkbox", "radio"):
            if "checked" in attrs:
                fields[name.group(1)] = value.group(1) if kind.group(1) == "radio" and value else "on"
            continue
        fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    for name, text in re.findall(r'<textarea[^>]*name="([^"]*)"[^>]*>(.*?)</textarea>', form, re.S):
        fields[name] = html.unescape(text)
    for name, options in re.findall(r'<select[^>]*name="([^"]*)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'value="([^"]*)"[^>]*selected', options)
        if chosen:
            fields[name] = chosen.group(1)
    return fields


def post_comment(client, slug, n, text, parent=None):
    _, _, page = client.call("GET", "/articles/" + slug)
    status, headers, _ = client.call("POST", "/articles/" + slug, {
        "comment": text, "author": "Reader %d" % n, "email": "reader%d@example.com" % n, "url": "https://reader%d.example" % n,
        "comment_extra": "", "comment_parent": parent or "", "moderato_token": token_of(page), "submit": "Post Comment"})
    assert status == 303, "posting failed: %d" % status
    return int(re.search(r"#comment-(\d+)", headers["Location"]).group(1))


def set_rules(admin, changes, drop=()):
    _, _, rules = admin.call("GET", "/admin/rules")
    fields = form_fields(rules, "rulesform")
    for name in drop:
        fields.pop(name, None)
    fields.update(changes)
    fields["save"] = "Save Changes"
    _, _, saved = admin.call("POST", "/admin/rules", fields)
    assert "Settings saved." in saved or "Nothing changed." in saved, "could not set the benchmark rules"


def seed_article(admin):
    """The WordPress baseline's seed article: title on the first line, the body up to "0 replies"."""
    lines = open(SEED_FILE, encoding="utf-8").read().splitlines()
    body = []
    for line in lines[1:]:
        if line.strip() == "0 replies":
            break
        body.append(line)
    _, _, editor = admin.call("GET", "/admin/edit-article")
    fields = form_fields(editor, "articleform")
    fields.update({"title": lines[0].strip(), "slug": PAGE_ARTICLE, "byline": "Benchmark", "status": "PUBLISHED",
                   "format": "MARKDOWN", "body": "\n".join(body).strip(), "commentsOpen": "on", "save": "Save",
                   "jakarta.faces.ViewState": view_state(editor)})
    status, headers, answer = admin.call("POST", "/admin/edit-article", fields)
    assert status in (200, 302, 303) and "/articles/" + PAGE_ARTICLE in admin.call("GET", "/admin/articles")[2], \
        "could not create the seed article: %d %s" % (status, answer[:2000])


def approved_total(admin):
    _, _, page = admin.call("GET", "/moderation")
    return int(re.search(r'id="view-approved"[^>]*>Approved\s*<span class="count">\((\d+)\)', page).group(1))


def wrk(args, env=None):
    out = subprocess.run(["wrk"] + args, capture_output=True, text=True, env=env, check=True).stdout
    sys.stderr.write(out)
    return out


def measure(url, conns, script=None, env=None, threads=2):
    args = ["-t%d" % threads, "-c%d" % conns, "--latency", "-s", script or os.path.join(BENCH, "latency.lua")]
    wrk(args[:2] + ["-d%ds" % WARMUP] + args[3:] + [url], env)
    out = wrk(args[:2] + ["-d%ds" % DURATION] + args[2:] + [url], env)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p = re.search(r"P50 (\d+) P99 (\d+)", out)
    return {"rate": rate, "p50": int(p.group(1)) / 1000 if p else None, "p99": int(p.group(2)) / 1000 if p else None, "out": out}


def posting(base, conns, admin):
    env = dict(os.environ, SLUG=POST_ARTICLE)
    script = os.path.join(BENCH, "reader-posts.lua")
    wrk(["-t2", "-c%d" % conns, "-d%ds" % WARMUP, "-s", script, base], env)
    time.sleep(3)  # in-flight posts of the warm-up finish, the totals are written (once a second)
    before = approved_total(admin)
    out = wrk(["-t2", "-c%d" % conns, "-d%ds" % DURATION, "--latency", "-s", script, base], env)
    accepted = int(re.search(r"ACCEPTED (\d+)", out).group(1))
    refused = int(re.search(r"REFUSED (\d+)", out).group(1))
    time.sleep(3)
    stored = approved_total(admin) - before
    # wrk stops counting with up to one request per connection in flight; the server finishes those
    ok = accepted <= stored <= accepted + conns
    return {"rate": accepted / DURATION, "accepted": accepted, "refused": refused, "stored": stored, "ok": ok}


def start_nginx(page_bytes):
    root = tempfile.mkdtemp(prefix="moderato-bench-static-")
    with open(os.path.join(root, "post.html"), "wb") as f:
        f.write(page_bytes)
    port = free_port()
    conf = os.path.join(root, "nginx.conf")
    with open(conf, "w") as f:
        f.write("""worker_processes 2; daemon on; pid %(r)s/nginx.pid; error_log %(r)s/error.log warn;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { text/html html; }
  client_body_temp_path %(r)s; proxy_temp_path %(r)s; fastcgi_temp_path %(r)s; uwsgi_temp_path %(r)s; scgi_temp_path %(r)s;
  server { listen 127.0.0.1:%(p)d; root %(r)s; } }
""" % {"r": root, "p": port})
    subprocess.run(["nginx", "-c", conf, "-e", os.path.join(root, "error.log")], check=True)
    return root, port


def rss_mib(pid):
    for line in open("/proc/%d/status" % pid):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


def java_pid(server):
    # bin/serve execs java, so the process it started is the JVM
    return server.pid


def main():
    port, data = free_port(), tempfile.mkdtemp(prefix="moderato-bench-")
    base = "http://127.0.0.1:%d" % port
    env = dict(os.environ, MODERATO_DATA_DIR=data, MODERATO_ADMIN_PASSWORD="bench-admin-password")
    env.pop("MODERATO_JAVA_OPTS", None)
    log = open(os.path.join(data, "server.log"), "w")
    began = time.time()
    server = subprocess.Popen([os.path.join(ROOT, "bin", "serve"), "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    static_root = None
    try:
        startup = None
        while time.time() - began < 240:
            try:
                if Client(port).call("GET", "/")[0] == 200:
                    startup = time.time() - began
                    break
            except OSError:
                pass
            time.sleep(0.1)
        assert startup is not None, "Moderato did not start; see " + log.name
        admin = Client(port, cookies=True)
        _, _, login = admin.call("GET", "/login")
        status, _, _ = admin.call("POST", "/login", {"loginform": "loginform", "username": "admin", "password": "bench-admin-password",
                                                      "login": "Log in", "jakarta.faces.ViewState": view_state(login)})
        assert status == 302, "login failed: %d" % status
        set_rules(admin, {"defaultDecision": "APPROVE", "floodSeconds": "0", "formMinSeconds": "0", "commentsPerPage": "0"},
                  drop=["trustApprovedAuthors"])

        seed_article(admin)
        reader = Client(port)
        ids, depth = [], {}
        rng = random.Random(20261202)
        words = open(SEED_FILE, encoding="utf-8").read().split()
        for i in range(200):
            # like the WordPress seed: 103-599 characters, a fifth of them replies, threads at most 4 deep
            text = " ".join(rng.choice(words) for _ in range(200))[:rng.randint(103, 599)]
            parents = [c for c in ids if depth[c] < 4]
            parent = rng.choice(parents) if parents and rng.random() < 0.2 else None
            cid = post_comment(reader, PAGE_ARTICLE, i, text, parent)
            depth[cid] = depth[parent] + 1 if parent else 1
            ids.append(cid)
        page_path = "/articles/" + PAGE_ARTICLE
        _, _, page = Client(port).call("GET", page_path)
        page_bytes = page.encode()
        shown = len(re.findall(r'<li id="comment-\d+"', page))
        static_root, static_port = start_nginx(page_bytes)

        results = {"startup": startup, "comments": shown, "bytes": len(page_bytes)}
        wrk(["-t2", "-c16", "-d%ds" % JIT_WARMUP, base + page_path])
        results["page"] = measure(base + page_path, 16)
        results["static"] = measure("http://127.0.0.1:%d/post.html" % static_port, 16)
        results["query"] = measure(base + page_path, 16, os.path.join(BENCH, "random-query.lua"), dict(os.environ, PAGE_PATH=page_path))
        # readers who post open the article first: its first page, newest first, as a busy site shows it
        # (with every comment on one page, each post would make the next reader's page thousands of comments long)
        set_rules(admin, {"commentsPerPage": "50", "newestFirst": "on"})
        results["post4"] = posting(base, 4, admin)
        results["post16"] = posting(base, 16, admin)
        # the rows below measure the page of the first row again: all its comments on one page, oldest first
        # (until 2026-12-03 the mixed row measured the first page of 50 that the posting rows had set)
        set_rules(admin, {"commentsPerPage": "0"}, drop=["newestFirst"])

        # a steady stream of approved comments to another article while readers read the page
        stop = threading.Event()
        streamed = [0]

        def stream():
            client, n = Client(port), 10_000
            while not stop.is_set():
                t = time.time()
                n += 1
                post_comment(client, STREAM_ARTICLE, n, "Streamed comment %d while readers read another article." % n)
                streamed[0] += 1
                time.sleep(max(0.0, 1.0 / STREAM_RATE - (time.time() - t)))

        poster = threading.Thread(target=stream, daemon=True)
        poster.start()
        results["mixed"] = measure(base + page_path, 16)
        stop.set()
        poster.join(timeout=30)
        results["streamed"] = streamed[0] / (DURATION + WARMUP)

        # how long until a new approved comment is on its article's kept page
        delays = []
        watcher = Client(port)
        for n in range(5):
            watcher.call("GET", page_path)  # the page is kept
            posted_at = time.time()
            cid = post_comment(Client(port), PAGE_ARTICLE, 90_000 + n, "Visibility probe %d" % n)
            while 'id="comment-%d"' % cid not in watcher.call("GET", page_path)[2]:
                if time.time() - posted_at > 10:
                    break
                time.sleep(0.005)
            delays.append(time.time() - posted_at)
        results["visible"] = max(delays)

        # the page and its static copy again at the end: the first page row comes 40 s after start-up, while
        # the JIT's second tier still compiles on two cores busy serving it (the mixed row, later, kept coming out faster)
        _, _, page_now = Client(port).call("GET", page_path)
        with open(os.path.join(static_root, "post.html"), "wb") as f:
            f.write(page_now.encode())
        results["page_late"] = measure(base + page_path, 16)
        results["static_late"] = measure("http://127.0.0.1:%d/post.html" % static_port, 16)
        results["rss"] = rss_mib(java_pid(server))
        report(results)
        posts_ok = results["post4"]["ok"] and results["post16"]["ok"]
        return 0 if posts_ok else 1
    finally:
        if static_root:
            pid = open(os.path.join(static_root, "nginx.pid")).read().strip()
            subprocess.run(["kill", pid])
            time.sleep(0.5)
            shutil.rmtree(static_root, ignore_errors=True)
        server.terminate()
        server.wait(timeout=60)
        shutil.rmtree(data, ignore_errors=True)


def wordpress():
    """Figures from the WordPress baseline's summary.txt of the same run, when given."""
    path = os.environ.get("WP_SUMMARY")
    if not path or not os.path.exists(path):
        return None
    text = open(path).read()
    figures = {}
    for key, pattern in {"page": r"\(a\) WordPress post page\s+([\d.]+)", "static": r"\(b\) same bytes, static nginx\s+([\d.]+)",
                         "post": r"wp-comments-post\.php -> 302\s+([\d.]+)"}.items():
        m = re.search(pattern, text, re.I)
        if m:
            figures[key] = float(m.group(1))
    figures["text"] = text
    return figures


def report(r):
    wp = wordpress()
    page, static, query, mixed = r["page"], r["static"], r["query"], r["mixed"]
    rows = [
        ("article page (%d comments, %d kB), 16 conns" % (r["comments"], r["bytes"] // 1024),
         "%.0f/s, p50 %.2f ms, p99 %.2f ms" % (page["rate"], page["p50"], page["p99"]),
         "%.0f%% of nginx (static %.0f/s)" % (100 * page["rate"] / static["rate"], static["rate"])),
        ("same page, random ?utm_source=&fbclid=", "%.0f/s" % query["rate"], "%.0f%% of the plain rate" % (100 * query["rate"] / page["rate"])),
        ("page while %.0f approved comments/s go to another article" % r["streamed"], "%.0f/s" % mixed["rate"],
         "%.0f%% of the idle rate" % (100 * mixed["rate"] / page["rate"])),
        ("comment POSTs as readers post (GET + POST), 4 conns", "%.0f/s (%d stored of %d accepted, %d refused)" % (
            r["post4"]["rate"], r["post4"]["stored"], r["post4"]["accepted"], r["post4"]["refused"]), "every 303 stored" if r["post4"]["ok"] else "MISMATCH"),
        ("comment POSTs as readers post, 16 conns", "%.0f/s (%d stored of %d accepted, %d refused)" % (
            r["post16"]["rate"], r["post16"]["stored"], r["post16"]["accepted"], r["post16"]["refused"]), "every 303 stored" if r["post16"]["ok"] else "MISMATCH"),
        ("the article page again, at the end of the run", "%.0f/s, p50 %.2f ms, p99 %.2f ms" % (
            r["page_late"]["rate"], r["page_late"]["p50"], r["page_late"]["p99"]),
         "%.0f%% of nginx (static %.0f/s)" % (100 * r["page_late"]["rate"] / r["static_late"]["rate"], r["static_late"]["rate"])),
        ("a new approved comment on its kept page", "within %.0f ms (worst of 5)" % (1000 * r["visible"]), ""),
        ("start-up to the first 200 / resident memory after the run", "%.1f s / %.0f MiB" % (r["startup"], r["rss"]), "default JVM options"),
    ]
    if wp:
        if "page" in wp:
            rows.append(("WordPress article page (same run), 16 conns", "%.1f/s (its static copy %.0f/s: %.1f%%)" % (
                wp["page"], wp.get("static", 0), 100 * wp["page"] / wp["static"] if wp.get("static") else 0),
                         "Moderato %.0fx" % (page["rate"] / wp["page"])))
        if "post" in wp:
            rows.append(("WordPress comment POSTs (same run), 4 workers", "%.1f/s" % wp["post"],
                         "Moderato at 4 conns: %.1fx" % (r["post4"]["rate"] / wp["post"])))
    width = max(len(row[0]) for row in rows)
    print("\n%s  %s  %s" % ("measure".ljust(width), "Moderato".ljust(50), "ratio"))
    for name, value, ratio in rows:
        print("%s  %s  %s" % (name.ljust(width), value.ljust(50), ratio))
    print("\nload average now: %s; %s" % (open("/proc/loadavg").read().strip(), time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))


if __name__ == "__main__":
    sys.exit(main())
