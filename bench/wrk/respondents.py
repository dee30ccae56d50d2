#!/usr/bin/env python3
"""Prepares and checks the answer-page benchmark (see run-answer-bench.sh).

  respondents.py add DB N            add N consented mentors to the demo programme
  respondents.py sessions DB URL N   sign each in, write sessions.tsv for answer-pages.lua
  respondents.py verify DB RESULTS   compare the last answer each respondent saved with the database

Respondents are added straight into the database because Upward has no bulk invitation yet; they
copy the demo mentor's password hash, so they sign in with the demo password like everyone else.
"""
import html, http.cookiejar, re, sqlite3, sys, urllib.parse, urllib.request, uuid

DEMO_PASSWORD = "upward-demo-password"
TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')


def email(i):
    return f"respondent{i}@bench.upward.example"


def add(db_path, n):
    db = sqlite3.connect(db_path, timeout=30)
    cols = [r[1] for r in db.execute("PRAGMA table_info(AspNetUsers)")]
    template = dict(zip(cols, db.execute("SELECT * FROM AspNetUsers WHERE Email = 'mentor1@demo.upward.example'").fetchone()))
    programme_id, = db.execute("SELECT ProgrammeId FROM Enrolments WHERE UserId = ?", (template["Id"],)).fetchone()
    ecols = [r[1] for r in db.execute("PRAGMA table_info(Enrolments)")]
    etemplate = dict(zip(ecols, db.execute("SELECT * FROM Enrolments WHERE UserId = ?", (template["Id"],)).fetchone()))
    for i in range(1, n + 1):
        user = dict(template, Id=str(uuid.uuid4()).upper(), UserName=email(i), NormalizedUserName=email(i).upper(),
                    Email=email(i), NormalizedEmail=email(i).upper(), DisplayName=f"Bench respondent {i}",
                    SecurityStamp=str(uuid.uuid4()).upper(), ConcurrencyStamp=str(uuid.uuid4()))
        db.execute(f"INSERT INTO AspNetUsers ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})", [user[c] for c in cols])
        enrolment = dict(etemplate, Id=str(uuid.uuid4()).upper(), UserId=user["Id"], ParticipantCode=f"MR-{100 + i}")
        db.execute(f"INSERT INTO Enrolments ({','.join(ecols)}) VALUES ({','.join('?' * len(ecols))})", [enrolment[c] for c in ecols])
    db.commit()
    print(f"added {n} respondents to programme {programme_id.lower()}")


def open_wave(db):
    """The demo's open mentor wave, its items in order and the programme's domains."""
    wave_id, programme_id, instrument_id = db.execute(
        "SELECT Id, ProgrammeId, InstrumentId FROM Waves WHERE IsOpen = 1 AND Audience = 2 ORDER BY Stage LIMIT 1").fetchone()
    items = db.execute("SELECT Id, Key, Type FROM InstrumentItems WHERE InstrumentId = ? ORDER BY Position", (instrument_id,)).fetchall()
    domains = [r[0] for r in db.execute("SELECT Id FROM ProgrammeDomains WHERE ProgrammeId = ? ORDER BY Position", (programme_id,))]
    return wave_id, programme_id, instrument_id, items, domains


def sessions(db_path, base, n):
    db = sqlite3.connect(db_path, timeout=30)
    wave_id, programme_id, instrument_id, items, domains = open_wave(db)
    prefix = f"/programmes/{programme_id.lower()}/questionnaires/{wave_id.lower()}/questions/"
    with open("sessions.tsv", "w") as out:
        for i in range(1, n + 1):
            jar = http.cookiejar.CookieJar()
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
            page = opener.open(base + "/account/sign-in").read().decode()
            form = {"Input.Email": email(i), "Input.Password": DEMO_PASSWORD,
                    "__RequestVerificationToken": html.unescape(TOKEN.search(page).group(1))}
            opener.open(base + "/account/sign-in", urllib.parse.urlencode(form).encode()).read()
            page = opener.open(base + prefix + items[0][1]).read().decode()
            token = html.unescape(TOKEN.search(page).group(1))
            cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
            out.write(f"{cookie}\t{urllib.parse.quote(token, safe='')}\n")
    with open("items.tsv", "w") as out:
        # path, type, and for a grid the url-encoded field names of its domains
        for _, key, kind in items:
            fields = ",".join(urllib.parse.quote(f"Domains[{d.lower()}]", safe="") for d in domains) if kind == 1 else ""
            out.write(f"{prefix}{key}\t{kind}\t{fields}\tVersion={instrument_id.lower()}\n")
    print(f"signed in {n} respondents; {len(items)} question pages")


def matches(kind, rows, want_rows, value):
    if kind in (0, 1):
        return len(rows) == want_rows and all(r[0] == int(value) for r in rows)
    if kind == 2:
        return len(rows) == 1 and rows[0][0] == 1 and rows[0][1] == value
    return len(rows) == 1 and rows[0][1] == value


def verify(db_path, results_path):
    """Every respondent's last accepted answer to every page must be in the database, exactly.

    A save wrk gave up waiting for may still have landed after it, so the last value sent is also
    accepted; anything else (an older value, a missing or extra row) counts as lost."""
    db = sqlite3.connect(db_path, timeout=30)
    wave_id, _, _, items, domains = open_wave(db)
    keys = {key: (item_id, kind) for item_id, key, kind in items}
    expected = [line.rstrip("\n").split("\t") for line in open(results_path) if line.count("\t") == 3]
    lost = 0
    for respondent, key, value, last_sent in expected:
        item_id, kind = keys[key]
        rows = db.execute("""SELECT a.Number, a.Text FROM Answers a JOIN Responses r ON r.Id = a.ResponseId
                             JOIN Enrolments e ON e.Id = r.EnrolmentId JOIN AspNetUsers u ON u.Id = e.UserId
                             WHERE u.Email = ? AND r.WaveId = ? AND a.ItemId = ?""", (email(int(respondent)), wave_id, item_id)).fetchall()
        want_rows = len(domains) if kind == 1 else 1
        ok = any(matches(kind, rows, want_rows, v) for v in {value, last_sent})
        if not ok:
            lost += 1
            print(f"MISMATCH respondent {respondent} {key}: sent {value!r}, stored {rows!r}")
    total, = db.execute("SELECT COUNT(*) FROM Answers a JOIN Responses r ON r.Id = a.ResponseId WHERE r.WaveId = ?", (wave_id,)).fetchone()
    responses, = db.execute("SELECT COUNT(*) FROM Responses WHERE WaveId = ?", (wave_id,)).fetchone()
    rows_expected = len({r for r, *_ in expected}) * sum(len(domains) if kind == 1 else 1 for _, _, kind in items)
    print(f"checked {len(expected)} last answers: {lost} lost or wrong; {responses} responses, "
          f"{total} answer rows in the wave (expected {rows_expected})")
    return 1 if lost else 0


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "add":
        add(sys.argv[2], int(sys.argv[3]))
    elif cmd == "sessions":
        sessions(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif cmd == "verify":
        sys.exit(verify(sys.argv[2], sys.argv[3]))
