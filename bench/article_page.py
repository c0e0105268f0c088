#!/usr/bin/env python3
"""Benchmark of the reader's side, on loopback only.

Starts Moderato (the built war, through bin/serve) on a free port with a fresh data directory,
makes every comment approved at once (trust off, site default approve, no flood wait, no form
minimum age), seeds an article with 200 approved comments, then runs wrk:
  1. GET of that article page, 16 connections, 20 s: requests/s and p50/p99 latency;
  2. POST of new comments to another article, 16 connections, 20 s: accepted posts/s,
     and checks that every post answered with a redirect (303) is stored.
"""
import html, http.cookiejar, json, os, re, socket, subprocess, sys, tempfile, time, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGE_ARTICLE, POST_ARTICLE = "welcome-to-moderato", "why-comments-need-moderation"
DURATION = os.environ.get("BENCH_SECONDS", "20")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def opener(cookies=True):
    handlers = [NoRedirect()]
    if cookies:
        handlers.append(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    return urllib.request.build_opener(*handlers)


def call(op, url, data=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with op.open(urllib.request.Request(url, data=body), timeout=30) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


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
        if kind and kind.group(1) == "checkbox":
            if "checked" in attrs:
                fields[name.group(1)] = "on"
            continue
        fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    for name, text in re.findall(r'<textarea[^>]*name="([^"]*)"[^>]*>(.*?)</textarea>', form, re.S):
        fields[name] = html.unescape(text)
    for name, options in re.findall(r'<select[^>]*name="([^"]*)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'value="([^"]*)"[^>]*selected', options)
        if chosen:
            fields[name] = chosen.group(1)
    return fields


def token(op, base, slug):
    _, page = call(op, base + "/articles/" + slug)
    return re.search(r'name="moderato_token" value="([^"]*)"', page).group(1)


def approved_count(admin, base):
    _, page = call(admin, base + "/moderation")
    return int(re.search(r'id="view-approved"[^>]*>Approved\s*<span class="count">\((\d+)\)', page).group(1))


def wrk(args, env=None):
    out = subprocess.run(["wrk"] + args, capture_output=True, text=True, env=env, check=True).stdout
    print(out)
    return out


def main():
    port, data = free_port(), tempfile.mkdtemp(prefix="moderato-bench-")
    base = "http://127.0.0.1:%d" % port
    env = dict(os.environ, MODERATO_DATA_DIR=data, MODERATO_ADMIN_PASSWORD="bench-admin-password")
    log = open(os.path.join(data, "server.log"), "w")
    server = subprocess.Popen([os.path.join(ROOT, "bin", "serve"), "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(240):
            try:
                if call(opener(False), base + "/health")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        admin = opener()
        _, login = call(admin, base + "/login")
        status, _ = call(admin, base + "/login", {"loginform": "loginform", "username": "admin", "password": "bench-admin-password",
                                                  "login": "Log in", "jakarta.faces.ViewState": view_state(login)})
        assert status == 302, "login failed"
        _, rules = call(admin, base + "/admin/rules")
        fields = form_fields(rules, "rulesform")
        fields.pop("trustApprovedAuthors", None)
        fields.update({"defaultDecision": "APPROVE", "floodSeconds": "0", "formMinSeconds": "0", "commentsPerPage": "0", "save": "Save Changes"})
        status, saved = call(admin, base + "/admin/rules", fields)
        assert "Settings saved." in saved, "could not set the benchmark rules"

        reader = opener(False)
        for i in range(200):
            status, _ = call(reader, base + "/articles/" + PAGE_ARTICLE, {
                "commentform": "commentform", "comment": "Seed comment %d: a paragraph of ordinary text, <b>some bold</b>, "
                "and a link to https://example.org/%d for good measure.\n\nA second paragraph." % (i, i),
                "author": "Seeder %d" % i, "email": "seed%d@example.com" % i, "url": "https://seed%d.example" % i,
                "moderato_token": token(reader, base, PAGE_ARTICLE), "submit": "Post Comment", "jakarta.faces.ViewState": "stateless"})
            assert status == 303, "seeding failed at %d: %d" % (i, status)
        _, page = call(reader, base + "/articles/" + PAGE_ARTICLE)
        shown = len(re.findall(r'<li id="comment-\d+"', page))
        print("article page: %d comments shown, %d bytes" % (shown, len(page.encode())))

        url = base + "/articles/" + PAGE_ARTICLE
        wrk(["-t2", "-c16", "-d5s", url])  # warm-up: let the JIT compile the hot paths
        results = {"get": wrk(["-t2", "-c16", "-d" + DURATION + "s", "--latency", url])}

        before = approved_count(admin, base)
        post_env = dict(os.environ, TOKEN=token(reader, base, POST_ARTICLE), SLUG=POST_ARTICLE)
        script = os.path.join(ROOT, "bench", "post-comments.lua")
        wrk(["-t2", "-c16", "-d5s", "-s", script, base], post_env)  # warm-up
        time.sleep(2)  # let the warm-up's last requests finish before counting
        before = approved_count(admin, base)
        out = wrk(["-t2", "-c16", "-d" + DURATION + "s", "--latency", "-s", script, base], post_env)
        accepted = int(re.search(r"ACCEPTED (\d+)", out).group(1))
        time.sleep(2)
        stored = approved_count(admin, base) - before
        seconds = float(DURATION)
        # wrk stops counting with up to one request per connection still in flight; the server
        # finishes those, so up to 16 more may be stored than were counted, never fewer
        lost = max(0, accepted - stored)
        print("POST: %d accepted (303) in %s s = %.0f/s; %d stored (%d finished after wrk stopped counting); %s" % (
            accepted, DURATION, accepted / seconds, stored, stored - accepted, "none lost" if lost == 0 and stored - accepted <= 16 else "LOST %d" % lost))
        return 0 if lost == 0 and stored - accepted <= 16 else 1
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    sys.exit(main())
