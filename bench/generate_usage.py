#!/usr/bin/env python3
"""Writes a product-usage export as analytics tools produce it: raw events (a plain
account,user,event,timestamp CSV; Segment track calls or Amplitude events as NDJSON) or
daily counts (account,date,event,count,users). Each account has a team of users who are
active on some days and do a few events when they are; usage can fade over the period
(--fade) so that scores fall. Deterministic for a given seed.

    bench/generate_usage.py --accounts 1000 --days 730 --format csv --out events.csv
    bench/generate_usage.py --account "Borealis Tech" --days 63 --format segment --out s.ndjson
"""
import argparse, datetime, random, sys

EVENTS = [("Logged In", 5), ("Report Built", 3), ("Dashboard Shared", 1), ("Export Run", 1),
          ("Message Sent", 4), ("Search Performed", 3), ("Contact Added", 1), ("Alert Created", 1)]

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--accounts", type=int, default=0, help="accounts named acct-0001 …")
    p.add_argument("--account", action="append", default=[], help="an account name (repeatable)")
    p.add_argument("--users", type=int, default=16, help="users per account")
    p.add_argument("--active", type=float, default=0.35, help="chance a user is active on a weekday")
    p.add_argument("--per-day", type=float, default=3.65, help="events an active user does, on average")
    p.add_argument("--fade", type=float, default=0.0, help="share of activity lost from the first day to the last")
    p.add_argument("--days", type=int, default=730)
    p.add_argument("--last-day", default="2026-11-22")
    p.add_argument("--format", choices=["csv", "segment", "amplitude", "daily"], default="csv")
    p.add_argument("--extras", action="store_true", help="Segment: add identify calls and events without a groupId")
    p.add_argument("--seed", type=int, default=12)
    p.add_argument("--out", default="-")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    names = a.account + [f"acct-{i:04d}" for i in range(1, a.accounts + 1)]
    last = datetime.date.fromisoformat(a.last_day)
    first = last - datetime.timedelta(days=a.days - 1)
    events = [e for e, _ in EVENTS]
    weights = [w for _, w in EVENTS]
    cumulative = []
    total = 0
    for w in weights:
        total += w
        cumulative.append(total)
    out = sys.stdout if a.out == "-" else open(a.out, "w", newline="")
    if a.format == "csv":
        out.write("account,user,event,timestamp\n")
    elif a.format == "daily":
        out.write("account,date,event,count,users\n")
    for n, name in enumerate(names):
        users = [f"u{n + 1:04d}-{k + 1:02d}" for k in range(a.users)]
        # Some users are keen, some occasional.
        keenness = [0.4 + 1.2 * rnd.random() for _ in users]
        for d in range(a.days):
            day = first + datetime.timedelta(days=d)
            level = a.active * (1 - a.fade * d / max(a.days - 1, 1)) * (0.25 if day.weekday() >= 5 else 1)
            counts, who = {}, {}
            lines = []
            for user, keen in zip(users, keenness):
                if rnd.random() >= min(level * keen, 1):
                    continue
                k = 1 + int(rnd.expovariate(1 / max(a.per_day - 1, 0.01)))
                for _ in range(k):
                    r = rnd.random() * total
                    e = events[next(i for i, c in enumerate(cumulative) if r < c)]
                    second = rnd.randrange(8 * 3600, 19 * 3600)
                    if a.format == "daily":
                        counts[e] = counts.get(e, 0) + 1
                        who.setdefault(e, set()).add(user)
                        continue
                    stamp = f"{day.isoformat()}T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}Z"
                    if a.format == "csv":
                        lines.append(f"{name},{user},{e},{stamp}\n")
                    elif a.format == "segment":
                        lines.append('{"type":"track","event":"%s","userId":"%s","timestamp":"%s","context":{"groupId":"%s"},"properties":{}}\n'
                                     % (e, user, stamp, name))
                    else:
                        lines.append('{"event_type":"%s","user_id":"%s","event_time":"%s","groups":{"company":"%s"}}\n'
                                     % (e, user, stamp.replace("T", " ").rstrip("Z") + ".000000", name))
            if a.format == "daily":
                for e in events:
                    if e in counts:
                        lines.append(f"{name},{day.isoformat()},{e},{counts[e]},{len(who[e])}\n")
            elif a.format == "segment" and a.extras and lines and rnd.random() < 0.1:
                lines.append('{"type":"identify","userId":"%s","traits":{"plan":"pro"},"timestamp":"%sT09:00:00Z"}\n' % (users[0], day.isoformat()))
                lines.append('{"type":"track","event":"Logged In","userId":"anon-%d","timestamp":"%sT09:30:00Z","context":{}}\n' % (d, day.isoformat()))
            out.writelines(lines)
    if out is not sys.stdout:
        out.close()

if __name__ == "__main__":
    main()
