"""Writes pilot.json: a research bundle shaped like the published pilot (Raju et al., BMJ Open 2022).

Six mentors (MR-06 withdrew before phase 2), five mentees, seven domains. The values are made up
by hand so that the paper's figures follow; see PilotBundleTests for what is asserted and why.
Run: python3 make-pilot.py > pilot.json
"""
import json

DOMAINS = ["Use of technology", "Clinical practice", "Approach to juniors", "Time management",
           "Approachability", "Strengths", "Areas for improvement"]
CLINICAL, AREAS = 1, 6  # zero-based positions of the two domains the paper singles out


def spread(total, count, low=1, high=5):
    """count values in [low, high] summing to total, as even as possible."""
    base, extra = divmod(total, count)
    values = [base + (1 if i < extra else 0) for i in range(count)]
    assert all(low <= v <= high for v in values) and sum(values) == total, (total, count)
    return values


def grid(total, clinical, areas):
    rest = spread(total - clinical - areas, 5)
    return [rest[0], clinical, rest[1], rest[2], rest[3], rest[4], areas]


mentors = ["MR-01", "MR-02", "MR-03", "MR-04", "MR-05", "MR-06"]
mentees = ["ME-01", "ME-02", "ME-03", "ME-04", "ME-05"]
paired = mentors[:5]

# Confidence out of 35: 6 mentors before phase 1 give median 21.5 (IQR 20-25); the five who stayed
# all rose by different amounts (6, 9, 8, 3, 5), so p = 0.043 (SPSS) and exact p = 0.0625.
conf_before = dict(zip(mentors, [20, 20, 23, 25, 25, 20]))
conf_after = dict(zip(paired, [26, 29, 31, 28, 30]))
# Clinical practice 3 -> 4 and areas for improvement 3 -> 5, changes 1, 1, 2, 2, 3 (p = 0.041 each).
clin_before = dict(zip(mentors, [3, 3, 2, 3, 2, 3]))
clin_after = dict(zip(paired, [4, 4, 4, 5, 5]))
areas_before = dict(zip(mentors, [4, 3, 3, 2, 3, 3]))
areas_after = dict(zip(paired, [5, 5, 5, 5, 4]))
conf_bp1 = {m: grid(conf_before[m], clin_before[m], areas_before[m]) for m in mentors}
conf_ap2 = {m: grid(conf_after[m], clin_after[m], areas_after[m]) for m in paired}
conf_ap1 = {m: [b + (a - b) // 2 for b, a in zip(conf_bp1[m], conf_ap2.get(m, conf_bp1[m]))] for m in mentors}

importance_bp1 = {m: spread(t, 7) for m, t in zip(mentors, [27, 27, 30, 31, 32, 32])}  # 30.5 (27-32)
importance_ap1 = {m: spread(t, 7) for m, t in zip(mentors, [28, 28, 30, 32, 32, 33])}
importance_ap2 = {m: spread(t, 7) for m, t in zip(paired, [29, 28, 32, 33, 33])}
ability_bp1 = {m: spread(t, 7) for m, t in zip(mentors, [19, 22, 24, 24, 19, 24])}  # 23 (19-24)
understanding = {"before_phase_1": dict(zip(mentors, [2, 2, 2, 3, 3, 2])),  # 2 (2-3)
                 "after_phase_1": dict(zip(mentors, [3, 3, 3, 3, 3, 3])),
                 "after_phase_2": dict(zip(paired, [4, 3, 4, 3, 4]))}  # 2 -> 4

# Mentees' awareness: everyone 2 or 3 per domain before; ME-01 and ME-02 rise in every domain,
# ME-03 in four, ME-04 in two, ME-05 not at all, so each domain's median rises (2 -> 3).
aware_bp2 = {m: [2 if i % 2 == 0 else 3] * 7 for i, m in enumerate(mentees)}
rises = {"ME-01": range(7), "ME-02": range(7), "ME-03": range(4), "ME-04": [4, 5], "ME-05": []}
aware_ap2 = {m: [v + (1 if d in rises[m] else 0) for d, v in enumerate(aware_bp2[m])] for m in mentees}
imp_mentee_bp2 = {m: spread(t, 7) for m, t in zip(mentees, [23, 22, 23, 25, 21])}
imp_mentee_ap2 = {m: spread(t, 7) for m, t in zip(mentees, [29, 30, 28, 29, 27])}

CONCERNS_COMPARED = ["None", "Lesser", "Same", "Greater"]
EXPERIENCE = ["Poor", "Fair", "Good", "Excellent"]


def item(key, type_, text, score=None, choices=None):
    row = {"key": key, "type": type_, "text": text}
    if choices:
        row["choices"] = choices
    if score:
        row["score"] = score
    return row


def grid_item(key, score, text):
    return item(key, "domain_grid", text, score=score)


instruments = [
    {"key": "mentor-before-phase-1", "version": 1, "audience": "mentor", "stage": "before_phase_1", "items": [
        item("concerns", "yes_no", "Do you have concerns about reverse mentoring?"),
        item("easier", "free_text", "What would make reverse mentoring easier?"),
        item("understanding", "scale", "How well do you understand reverse mentoring?", score="understanding"),
        grid_item("importance", "importance", "How important is feedback to seniors in each domain?"),
        grid_item("confidence", "confidence", "How confident are you giving feedback to seniors in each domain?"),
        grid_item("ability", "ability", "How able do you feel to give feedback to seniors in each domain?")]},
    {"key": "mentor-after-phase-1", "version": 1, "audience": "mentor", "stage": "after_phase_1", "items": [
        item("concerns", "yes_no", "Do you have concerns about reverse mentoring?"),
        item("understanding", "scale", "How well do you understand reverse mentoring?", score="understanding"),
        grid_item("importance", "importance", "How important is feedback to seniors in each domain?"),
        grid_item("confidence", "confidence", "How confident are you giving feedback to seniors in each domain?")]},
    {"key": "mentor-after-phase-2", "version": 1, "audience": "mentor", "stage": "after_phase_2", "items": [
        item("understanding", "scale", "How well do you understand your role as a reverse mentor?", score="understanding"),
        grid_item("importance", "importance", "How important is feedback to seniors in each domain?"),
        grid_item("confidence", "confidence", "How confident are you giving feedback to seniors in each domain?"),
        item("concerns_compared", "single_choice", "Compared with the start, your concerns are", choices=CONCERNS_COMPARED),
        item("experience", "single_choice", "Overall, your experience was", choices=EXPERIENCE),
        item("comments", "free_text", "Anything else?")]},
    {"key": "mentee-before-phase-2", "version": 1, "audience": "mentee", "stage": "before_phase_2", "items": [
        item("concerns", "yes_no", "Do you have concerns about being reverse mentored?"),
        item("expected_minutes", "minutes", "How long do you expect the session to take?"),
        grid_item("awareness", "awareness", "How aware are you of how junior doctors see you in each domain?"),
        grid_item("importance", "importance", "How important is feedback from junior doctors in each domain?")]},
    {"key": "mentee-after-phase-2", "version": 1, "audience": "mentee", "stage": "after_phase_2", "items": [
        grid_item("awareness", "awareness", "How aware are you of how junior doctors see you in each domain?"),
        grid_item("importance", "importance", "How important is feedback from junior doctors in each domain?"),
        item("concerns_compared", "single_choice", "Compared with the start, your concerns are", choices=CONCERNS_COMPARED),
        item("experience", "single_choice", "Overall, your experience was", choices=EXPERIENCE),
        item("useful", "yes_no", "Was it useful, and will it change your practice?"),
        item("appraisal", "yes_no", "Should junior doctor feedback be part of consultant appraisal?"),
        item("comments", "free_text", "Anything else?")]},
]

answers = []


def answer(who, instrument, key, number=None, domain=None, text=None):
    row = {"participant": who, "instrument": instrument, "instrument_version": 1, "item": key}
    if domain is not None:
        row["domain"] = domain
    if number is not None:
        row["number"] = number
    if text is not None:
        row["text"] = text
    answers.append(row)


def answer_grid(who, instrument, key, values):
    for position, value in enumerate(values, start=1):
        answer(who, instrument, key, value, domain=position)


for i, m in enumerate(mentors):
    answer(m, "mentor-before-phase-1", "concerns", 1 if i < 4 else 0)
    if i < 3:
        answer(m, "mentor-before-phase-1", "easier", text="Anonymous feedback would help.")
    answer(m, "mentor-before-phase-1", "understanding", understanding["before_phase_1"][m])
    answer_grid(m, "mentor-before-phase-1", "importance", importance_bp1[m])
    answer_grid(m, "mentor-before-phase-1", "confidence", conf_bp1[m])
    answer_grid(m, "mentor-before-phase-1", "ability", ability_bp1[m])
    answer(m, "mentor-after-phase-1", "concerns", 1 if i < 3 else 0)
    answer(m, "mentor-after-phase-1", "understanding", understanding["after_phase_1"][m])
    answer_grid(m, "mentor-after-phase-1", "importance", importance_ap1[m])
    answer_grid(m, "mentor-after-phase-1", "confidence", conf_ap1[m])
for i, m in enumerate(paired):
    answer(m, "mentor-after-phase-2", "understanding", understanding["after_phase_2"][m])
    answer_grid(m, "mentor-after-phase-2", "importance", importance_ap2[m])
    answer_grid(m, "mentor-after-phase-2", "confidence", conf_ap2[m])
    answer(m, "mentor-after-phase-2", "concerns_compared", [2, 2, 2, 1, 2][i])
    answer(m, "mentor-after-phase-2", "experience", [4, 4, 3, 4, 3][i])
    answer(m, "mentor-after-phase-2", "comments", text="A different perspective.")
for i, m in enumerate(mentees):
    answer(m, "mentee-before-phase-2", "concerns", 1 if i < 2 else 0)
    answer(m, "mentee-before-phase-2", "expected_minutes", [30, 45, 60, 30, 60][i])
    answer_grid(m, "mentee-before-phase-2", "awareness", aware_bp2[m])
    answer_grid(m, "mentee-before-phase-2", "importance", imp_mentee_bp2[m])
    answer_grid(m, "mentee-after-phase-2", "awareness", aware_ap2[m])
    answer_grid(m, "mentee-after-phase-2", "importance", imp_mentee_ap2[m])
    answer(m, "mentee-after-phase-2", "concerns_compared", 1 if i == 0 else 2)
    answer(m, "mentee-after-phase-2", "experience", [4, 3, 4, 4, 3][i])
    answer(m, "mentee-after-phase-2", "useful", 1)
    answer(m, "mentee-after-phase-2", "appraisal", 1 if m in ("ME-02", "ME-04") else 0)
    if i < 2:
        answer(m, "mentee-after-phase-2", "comments", text="Useful to hear.")

willing_for = {"MR-01": mentees, "MR-02": mentees, "MR-03": mentees,
               "MR-04": ["ME-02", "ME-04", "ME-05"], "MR-05": ["ME-01", "ME-03", "ME-05"],
               "MR-06": mentees[:4]}
willingness = [{"mentor": m, "mentee": e, "willing": e in willing_for[m]} for m in mentors for e in mentees]
pairs = [{"mentor": m, "mentee": e, "ended": False} for m, e in zip(paired, mentees)]
# Median 45 and Tukey's hinges 30-50 (SPSS Explore prints both); one session took 180 minutes.
minutes = [30, 45, 25, 180, 50]
sessions = [{"mentor": m, "mentee": e, "number": 1, "minutes": t, "time_felt": "about_right", "held": True}
            for m, e, t in zip(paired, mentees, minutes)]


def person(code, role, gender, age, grade, years, prior, withdrawn=None):
    row = {"code": code, "role": role}
    if withdrawn:
        row["withdrawn_at_stage"] = withdrawn
    row["demographics"] = {"gender": gender, "age_band": age, "grade": grade, "years_in_role": years, "prior_mentoring": prior}
    return row


participants = [
    person("MR-01", "mentor", "Man", "31 to 40", "Higher specialty trainee", "1 to 4", "Yes"),
    person("MR-02", "mentor", "Man", "31 to 40", "Higher specialty trainee", "1 to 4", "Yes"),
    person("MR-03", "mentor", "Man", "31 to 40", "Higher specialty trainee", "1 to 4", "Yes"),
    person("MR-04", "mentor", "Man", "31 to 40", "Higher specialty trainee", "1 to 4", "No"),
    person("MR-05", "mentor", "Woman", "31 to 40", "Higher specialty trainee", "1 to 4", "No"),
    person("MR-06", "mentor", "Woman", "31 to 40", "Higher specialty trainee", "1 to 4", "No", "before_phase_2"),
    person("ME-01", "mentee", "Man", "31 to 40", "Consultant", "5 to 9", "Yes"),
    person("ME-02", "mentee", "Man", "41 to 50", "Consultant", "10 to 20", "Yes"),
    person("ME-03", "mentee", "Man", "51 to 60", "Consultant", "10 to 20", "Yes"),
    person("ME-04", "mentee", "Man", "Over 60", "Consultant", "10 to 20", "Yes"),
    person("ME-05", "mentee", "Woman", "41 to 50", "Consultant", "5 to 9", "No"),
]

bundle = {
    "format": "upward-research-bundle", "version": 1,
    "programme": {"name": "Pilot: reverse mentoring of consultants", "type": "clinical_feedback",
                  "anonymity_threshold": 3, "time_zone": "Europe/London", "session_time_limit_minutes": 60,
                  "sessions_per_pair": 1, "domains": [{"position": i + 1, "name": n} for i, n in enumerate(DOMAINS)]},
    "instruments": instruments, "participants": participants, "answers": answers,
    "willingness": willingness, "pairs": pairs, "sessions": sessions,
}
print(json.dumps(bundle, indent=2, ensure_ascii=False))
