#!/usr/bin/env python3
"""Writes a book whose churn is driven by one thing, for backtest and calibrate: N accounts
with W weekly snapshots (all 19 columns) ending on --last-week. Each account's engagement
wanders week by week; DAU is licensed seats × engagement. With --signal engagement, the
weekly chance of churning rises steeply as engagement falls; with --signal none it is the
same for everyone. A churned account's weeks stop at its churn date. Deterministic.

    bench/generate_churn_book.py --accounts 1000 --weeks 100 --signal engagement --out bench/out/churn
"""
import argparse, csv, datetime, math, os, random

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--accounts", type=int, default=1000)
    p.add_argument("--weeks", type=int, default=100)
    p.add_argument("--last-week", default="2026-11-22")
    p.add_argument("--signal", choices=["engagement", "none"], default="engagement")
    p.add_argument("--noise", type=float, default=1.0,
                   help="how far the other metrics differ between accounts and weeks (0: alike, so the score follows engagement)")
    p.add_argument("--seed", type=int, default=5)
    p.add_argument("--prefix", default="Book")
    p.add_argument("--out", default="bench/out/churn")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    last = datetime.date.fromisoformat(a.last_week)
    first = last - datetime.timedelta(weeks=a.weeks - 1)
    segments = [("enterprise", "enterprise", 40000, 150000), ("mid-market", "professional", 6000, 20000), ("smb", "growth", 1000, 5000)]
    with open(f"{a.out}/accounts.csv", "w", newline="") as fa, open(f"{a.out}/snapshots.csv", "w", newline="") as fs:
        wa, ws = csv.writer(fa), csv.writer(fs)
        wa.writerow(["account", "segment", "plan", "arr", "csm", "start_date", "renewal_date", "churn_date", "churn_reason"])
        ws.writerow(["account", "week", "dau", "licensed_users", "core_features_used", "conversations_per_day", "weekly_hours",
                     "users_this_month", "users_last_month", "meetings_scheduled", "meetings_attended", "feedback_per_month",
                     "community_posts_per_month", "community_events_per_month", "community_contributions_per_quarter",
                     "api_error_rate_pct", "integration_uptime_pct", "performance_satisfaction", "nps", "csm_satisfaction", "exec_relationship"])
        for i in range(1, a.accounts + 1):
            name = f"{a.prefix} {i:04d}"
            seg, plan, lo, hi = segments[rnd.randrange(3)]
            licensed = rnd.randint(10, 200)
            engagement = rnd.uniform(0.15, 0.95)
            # Everything else is steady noise around the account's own level.
            k = a.noise
            hours, nps, meetings = 26 + k * rnd.uniform(-18, 19), 25 + round(k * rnd.randint(-45, 45)), 5 + round(k * rnd.randint(-3, 3))
            start = first - datetime.timedelta(days=rnd.randint(30, 400))
            churn = None
            users_prev = None
            for w in range(a.weeks):
                week = first + datetime.timedelta(weeks=w)
                engagement = min(0.98, max(0.02, engagement + rnd.gauss(0, 0.04)))
                hazard = 0.06 * (1 - engagement) ** 4 if a.signal == "engagement" else 0.0025
                if rnd.random() < hazard:
                    churn = week + datetime.timedelta(days=rnd.randint(1, 6))
                    break
                dau = max(0, round(licensed * engagement * rnd.uniform(0.9, 1.1)))
                users = min(licensed, round(dau * rnd.uniform(1.2, 1.6)))
                scheduled = meetings
                attended = scheduled - round(k * rnd.randint(0, min(3, scheduled)))
                def around(mid, spread, digits=1):
                    return round(mid + k * rnd.uniform(-spread, spread), digits)
                ws.writerow([name, week.isoformat(), dau, licensed, 4 + round(k * rnd.randint(-2, 2)), around(8, 6), round(hours * (1 + k * rnd.uniform(-0.1, 0.1)), 1),
                             users, users_prev if users_prev is not None else users, scheduled, attended, 2 + round(k * rnd.randint(-2, 2)),
                             4 + round(k * rnd.randint(-4, 4)), 1, 1, around(1.5, 1.4, 2), around(99.3, 0.69, 2),
                             around(7.2, 2.2), max(-100, min(100, nps + round(k * rnd.randint(-5, 5)))), around(8, 2),
                             rnd.choice(["regular", "occasional", "none"]) if k > 0 else "occasional"])
                users_prev = users
            renewal = start + datetime.timedelta(days=365 * ((last - start).days // 365 + 1))
            wa.writerow([name, seg, plan, rnd.randint(lo, hi), "Dana Whitfield", start.isoformat(), renewal.isoformat(),
                         churn.isoformat() if churn else "", "generated" if churn else ""])

if __name__ == "__main__":
    main()
