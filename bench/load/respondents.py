#!/usr/bin/env python3
"""The load test's respondents on PostgreSQL (bench/load/run.sh); bench/wrk/respondents.py is the
SQLite version for one instance. Talks to the database through psql (no Python driver needed).

  respondents.py add N                 add N consented mentors to the demo programme
  respondents.py sessions N URL...     sign each in (spread over the instances' URLs), write
                                       sessions.tsv and items.tsv for bench/wrk/answer-pages.lua
  respondents.py verify RESULTS        every last acknowledged answer must be in the database
  respondents.py verify-floor FILE     every save the floor acknowledged must be in floor_saves

The psql connection comes from PGHOST, PGPORT, PGUSER and PGDATABASE. Respondents copy the demo
mentor's password hash, so they sign in with the demo password.
"""
import concurrent.futures, html, http.cookiejar, re, subprocess, sys, urllib.parse, urllib.request

DEMO_PASSWORD = "upward-demo-password"
TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
DOMAIN = "bench.upward.example"


def email(i):
    return f"respondent{i}@{DOMAIN}"


def psql(sql):
    """Rows of a query, each a list of text fields (tab-separated, unaligned)."""
    out = subprocess.run(["psql", "-X", "-v", "ON_ERROR_STOP=1", "-At", "-F", "\t", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def columns(table):
    return [r[0] for r in psql(f"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position")]


def copy_of(table, template_where, overrides, source):
    """INSERT INTO table SELECT the template row's columns, with some replaced by expressions."""
    cols = columns(table)
    select = ", ".join(overrides.get(c, f't."{c}"') for c in cols)
    return (f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
            f'SELECT {select} FROM (SELECT * FROM "{table}" WHERE {template_where}) t, {source}')


def add(n):
    mentor = "(SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = 'mentor1@demo.upward.example')"
    e = f"'respondent' || i || '@{DOMAIN}'"
    psql(copy_of("AspNetUsers", "\"Email\" = 'mentor1@demo.upward.example'", {
        "Id": "gen_random_uuid()" if psql("SELECT data_type FROM information_schema.columns WHERE table_name = 'AspNetUsers' AND column_name = 'Id'")[0][0] == "uuid" else "gen_random_uuid()::text",
        "UserName": e, "NormalizedUserName": f"upper({e})", "Email": e, "NormalizedEmail": f"upper({e})",
        "DisplayName": "'Bench respondent ' || i", "SecurityStamp": "upper(gen_random_uuid()::text)",
        "ConcurrencyStamp": "gen_random_uuid()::text"}, f"generate_series(1, {n}) i"))
    psql(copy_of("Enrolments", f'"UserId" = {mentor}', {
        "Id": "gen_random_uuid()", "UserId": "u.\"Id\"", "ParticipantCode": "'RB-' || (1000 + i)"},
        f"generate_series(1, {n}) i JOIN \"AspNetUsers\" u ON u.\"Email\" = {e}"))
    print(f"added {n} respondents to the demo programme")


def open_wave():
    """The demo's open mentor wave, its items in order and the programme's domains."""
    wave_id, programme_id, instrument_id = psql(
        'SELECT "Id", "ProgrammeId", "InstrumentId" FROM "Waves" WHERE "IsOpen" AND "Audience" = 2 ORDER BY "Stage" LIMIT 1')[0]
    items = psql(f'SELECT "Id", "Key", "Type" FROM "InstrumentItems" WHERE "InstrumentId" = \'{instrument_id}\' ORDER BY "Position"')
    domains = [r[0] for r in psql(f'SELECT "Id" FROM "ProgrammeDomains" WHERE "ProgrammeId" = \'{programme_id}\' ORDER BY "Position"')]
    return wave_id, programme_id, instrument_id, [(i, k, int(t)) for i, k, t in items], domains


def sign_in(base, i, first_page):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/account/sign-in").read().decode()
    form = {"Input.Email": email(i), "Input.Password": DEMO_PASSWORD,
            "__RequestVerificationToken": html.unescape(TOKEN.search(page).group(1))}
    opener.open(base + "/account/sign-in", urllib.parse.urlencode(form).encode()).read()
    page = opener.open(base + first_page).read().decode()
    token = html.unescape(TOKEN.search(page).group(1))
    return "; ".join(f"{c.name}={c.value}" for c in jar), urllib.parse.quote(token, safe="")


def sessions(n, bases):
    wave_id, programme_id, instrument_id, items, domains = open_wave()
    prefix = f"/programmes/{programme_id}/questionnaires/{wave_id}/questions/"
    # Signed in on either instance: the cookies work on both (one key ring, in the database).
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        signed = list(pool.map(lambda i: sign_in(bases[i % len(bases)], i, prefix + items[0][1]), range(1, n + 1)))
    with open("sessions.tsv", "w") as out:
        for cookie, token in signed:
            out.write(f"{cookie}\t{token}\n")
    with open("items.tsv", "w") as out:
        for _, key, kind in items:
            fields = ",".join(urllib.parse.quote(f"Domains[{d}]", safe="") for d in domains) if kind == 1 else ""
            out.write(f"{prefix}{key}\t{kind}\t{fields}\tVersion={instrument_id}\n")
    print(f"signed in {n} respondents over {len(bases)} instances; {len(items)} question pages")


def matches(kind, rows, want_rows, value):
    if kind in (0, 1):
        return len(rows) == want_rows and all(r[0] == value for r in rows)
    if kind == 2:
        return len(rows) == 1 and rows[0][0] == "1" and rows[0][1] == value
    return len(rows) == 1 and rows[0][1] == value


def verify(results_path):
    """Every respondent's last acknowledged answer to every page must be in the database, exactly.

    A save that failed (the instance was killed after committing but before answering) may have
    landed, so the last value sent is also accepted; anything else counts as lost."""
    wave_id, _, _, items, domains = open_wave()
    keys = {key: (item_id, kind) for item_id, key, kind in items}
    stored = {}
    for respondent, item_id, number, text in psql(
            f"""SELECT substring(u."Email" from 'respondent([0-9]+)@'), a."ItemId", coalesce(a."Number"::int::text, ''), coalesce(a."Text", '')
                FROM "Answers" a JOIN "Responses" r ON r."Id" = a."ResponseId" JOIN "Enrolments" e ON e."Id" = r."EnrolmentId"
                JOIN "AspNetUsers" u ON u."Id" = e."UserId" WHERE r."WaveId" = '{wave_id}' AND u."Email" LIKE 'respondent%@{DOMAIN}'"""):
        stored.setdefault((respondent, item_id), []).append((number, text))
    expected = [line.rstrip("\n").split("\t") for line in open(results_path) if line.count("\t") == 3]
    lost = 0
    for respondent, key, value, last_sent in expected:
        item_id, kind = keys[key]
        rows = stored.get((respondent, item_id), [])
        want_rows = len(domains) if kind == 1 else 1
        if not any(matches(kind, rows, want_rows, v) for v in {value, last_sent}):
            lost += 1
            print(f"LOST respondent {respondent} {key}: acknowledged {value!r}, stored {rows!r}")
    print(f"checked {len(expected)} last acknowledged answers against the database: {lost} lost or wrong")
    return 1 if lost else 0


def verify_floor(path):
    acknowledged = [line.strip() for line in open(path) if line.strip()]
    stored = {r[0] for r in psql("SELECT value FROM floor_saves")}
    lost = [v for v in acknowledged if v not in stored]
    print(f"floor: checked {len(acknowledged)} acknowledged saves against floor_saves: {len(lost)} lost")
    return 1 if lost else 0


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "add":
        add(int(sys.argv[2]))
    elif cmd == "sessions":
        sessions(int(sys.argv[2]), sys.argv[3:])
    elif cmd == "verify":
        sys.exit(verify(sys.argv[2]))
    elif cmd == "verify-floor":
        sys.exit(verify_floor(sys.argv[2]))
