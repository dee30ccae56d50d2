#!/usr/bin/env python3
"""Signs in as each role of a programme made by `upward seed` and times every page that role can reach
from the programme's home page (links followed two steps deep, one address per route), then prints
p50 and p95 per page. Issue 21's target: p95 under 300 ms for each page at 5,000 mentors + 5,000 mentees.

    python3 bench/pages/measure.py http://127.0.0.1:5321 seed-ab12cd.upward.example PASSWORD [rounds]

The domain and password are what `upward seed` printed. Run Upward with a generous
Upward__SignInLimits__PostsPerAddress (each role signs in once). Reads only: no form is posted
except the sign-in."""
import http.cookiejar, re, statistics, sys, time, urllib.error, urllib.parse, urllib.request

base, domain, password = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 20
ROLES = ["coordinator", "facilitator", "researcher", "mentor1", "mentee1"]
GUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
# Downloads and pages that change something on GET-less forms are not what this measures.
SKIP = re.compile(r"/export/|/calendar|/sign-out|/withdraw$")
# Views that only a form's choice reaches (links are followed without their query): an allocation
# previewed each way (the seed leaves one mentee in ten waiting) and every question's free-text answers.
CHOSEN = ["/allocation?Mode=Random&Seed=1", "/allocation?Mode=Optimal", "/free-text?question=every"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def signed_in(email):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(base + "/account/sign-in").read().decode()
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"__RequestVerificationToken": token, "Input.Email": email, "Input.Password": password}).encode()
    try:
        opener.open(base + "/account/sign-in", form)
        raise SystemExit(f"{email}: sign-in did not redirect (wrong password or throttled?)")
    except urllib.error.HTTPError as e:
        if e.code != 302:
            raise
    return opener


def get(opener, path):
    start = time.perf_counter()
    try:
        response = opener.open(base + path)
        body, status = response.read().decode(errors="replace"), response.status
    except urllib.error.HTTPError as e:
        body, status = "", e.code
    return (time.perf_counter() - start) * 1000, status, body


def pages_of(opener, programme):
    """Every page under the programme reachable in two steps, one address per route (ids replaced)."""
    home = f"/programmes/{programme}"
    found, frontier = {re.sub(GUID, "{id}", home): home}, [home]
    for _ in range(2):
        following = []
        for path in frontier:
            _, status, body = get(opener, path)
            if status != 200:
                continue
            for link in re.findall(r'href="(' + re.escape(home) + r'[^"?#]*)"', body):
                route = re.sub(GUID, "{id}", link)
                if route not in found and not SKIP.search(link):
                    found[route] = link
                    following.append(link)
        frontier = following
    # A chosen view is timed only where the role reaches its page.
    for choice in CHOSEN:
        page = home + choice.split("?")[0]
        if page in found.values():
            found[re.sub(GUID, "{id}", home + choice)] = home + choice
            # A list browsed page by page (no page numbers) is timed on its second page too, by its "Next" link.
            _, _, body = get(opener, home + choice)
            after = re.search(r'href="(' + re.escape(home) + r'[^"]*[?&]amp;after=' + GUID + ')"', body)
            if after:
                link = after.group(1).replace("&amp;", "&")
                found[re.sub(GUID, "{id}", link)] = link
    return found


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


print(f"{'role':<12} {'page':<78} {'p50 ms':>8} {'p95 ms':>8}")
worst = 0.0
for role in ROLES:
    opener = signed_in(f"{role}@{domain}")
    _, _, home = get(opener, "/")
    programme = re.search(r'href="/programmes/(' + GUID + ')', home)
    if programme is None:
        print(f"{role:<12} (no programme on the home page)")
        continue
    for route, path in sorted(pages_of(opener, programme.group(1)).items()):
        get(opener, path)  # warm
        times, statuses = [], set()
        for _ in range(rounds):
            ms, status, _ = get(opener, path)
            times.append(ms)
            statuses.add(status)
        p95 = percentile(times, 95)
        worst = max(worst, p95)
        flag = "" if statuses == {200} else f"  status {sorted(statuses)}"
        print(f"{role:<12} {route:<78} {statistics.median(times):>8.1f} {p95:>8.1f}{flag}")
print(f"worst p95: {worst:.1f} ms (target < 300 ms)")
