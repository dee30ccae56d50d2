#!/usr/bin/env python3
"""Reads nginx's access log from bench/load/run.sh (log_format bench: time, status, upstream
addresses, upstream statuses, request time, method) and reports, for a window of the run, the
saves acknowledged per second and their p50/p95, and every request that was not acknowledged with
the instance it went to and when, relative to the kill.

  analyse.py LOG START END OK_STATUS [KILLED_AT KILLED_UPSTREAM]

With SERVED_BY=ADDRESS set, also counts the saves that instance acknowledged (for CPU per save).
"""
import os, sys


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1)]


def read(log, start, end):
    for line in open(log):
        f = line.split()
        if len(f) < 6 or f[-1] != "POST":
            continue
        t = float(f[0])
        if start <= t <= end:
            # upstream fields may be "a, b" after a retry: the address list is everything between
            # the status and the upstream statuses, which have as many entries.
            yield t, int(f[1]), " ".join(f[2:-3]), f[-3], float(f[-2]) * 1000


def window(rows, start, end, ok):
    done = [r for r in rows if start <= r[0] < end and r[1] == ok]
    times = [r[4] for r in done]
    return len(done) / (end - start), percentile(times, 50), percentile(times, 95), len(done)


def main():
    log, start, end, ok = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    killed_at = float(sys.argv[5]) if len(sys.argv) > 5 else None
    killed = sys.argv[6] if len(sys.argv) > 6 else None
    rows = list(read(log, start, end))
    if not rows:
        print("no requests in the window")
        return 1
    # wrk starts its threads one by one (slowly on a busy machine) and only then starts its clock and
    # prints "Running": RUN_SPAN is that moment and the run's length. Figures are for that span, when
    # every respondent is saving; what was still in flight when wrk stopped is closed by it (nginx 499).
    span = os.environ.get("RUN_SPAN", "").split()
    run_start, run_end = (float(span[0]), float(span[0]) + float(span[1])) if span else (start, end)
    rate, p50, p95, n = window(rows, run_start, run_end, ok)
    print(f"wrk's run {run_end - run_start:.0f} s: {n} acknowledged, {rate:.1f} saves/s, p50 {p50:.0f} ms, p95 {p95:.0f} ms")
    cut_off = [r for r in rows if r[1] == 499 and r[0] >= run_end - 1]
    rows = [r for r in rows if not (r[1] == 499 and r[0] >= run_end - 1)]
    print(f"in flight when wrk stopped, closed by it (499): {len(cut_off)}")
    if killed_at:
        rate, p50, p95, n = window(rows, run_start, killed_at, ok)
        print(f"  two instances (before the kill, {killed_at - run_start:.0f} s): {rate:.1f} saves/s, p50 {p50:.0f} ms, p95 {p95:.0f} ms")
        rate, p50, p95, n = window(rows, killed_at, run_end, ok)
        print(f"  one instance (after the kill, {run_end - killed_at:.0f} s): {rate:.1f} saves/s, p50 {p50:.0f} ms, p95 {p95:.0f} ms")
        rerouted = [r for r in rows if r[1] == ok and "," in r[2]]
        print(f"  sent to the killed instance, refused at connect and passed to the other: {len(rerouted)}")
    served_by = os.environ.get("SERVED_BY")
    if served_by:
        # The last address is the instance that answered (earlier ones refused the connection).
        mine = [r for r in rows if r[1] == ok and r[2].split(",")[-1].strip() == served_by]
        print(f"acknowledged by {served_by}: {len(mine)}")
    failed = [r for r in rows if r[1] != ok]
    print(f"not acknowledged: {len(failed)}")
    beyond, in_flight_times = [], []
    for t, status, upstream, upstream_status, ms in failed:
        if killed and upstream == killed and killed_at and abs(t - killed_at) < 1.0:
            in_flight_times.append(t - killed_at)
        else:
            beyond.append((t, status, upstream, upstream_status, ms))
    if in_flight_times:
        print(f"  {len(in_flight_times)} answered 502 by nginx for the killed instance, "
              f"{min(in_flight_times):+.3f} to {max(in_flight_times):+.3f} s from the kill (its requests in flight)")
    for t, status, upstream, upstream_status, ms in beyond[:20]:
        since = f", {t - killed_at:+.3f} s from the kill" if killed_at else ""
        print(f"  {status} from {upstream} ({upstream_status}) after {ms:.0f} ms{since}")
    beyond = len(beyond)
    print(f"errors beyond the killed instance's requests in flight: {beyond}")
    return 1 if beyond else 0


if __name__ == "__main__":
    sys.exit(main())
