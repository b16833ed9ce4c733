#!/usr/bin/env python3
"""Writes a large book of business for benchmarks: N accounts with W weekly snapshots
each and about three events each in the last 90 days, as the accounts, snapshots and
events CSVs cse imports. Deterministic for a given seed."""
import argparse, csv, datetime, random

HEADER = ["account", "week", "dau", "licensed_users", "core_features_used", "conversations_per_day", "weekly_hours",
          "users_this_month", "users_last_month", "meetings_scheduled", "meetings_attended", "feedback_per_month",
          "community_posts_per_month", "community_events_per_month", "community_contributions_per_quarter",
          "api_error_rate_pct", "integration_uptime_pct", "performance_satisfaction", "nps", "csm_satisfaction",
          "exec_relationship"]

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--accounts", type=int, default=10_000)
    p.add_argument("--weeks", type=int, default=13)
    p.add_argument("--last-week", default="2026-11-22")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", default="bench/out")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    last = datetime.date.fromisoformat(a.last_week)
    segments = ["enterprise", "mid-market", "smb"]
    plans = {"enterprise": ("enterprise", 40_000, 200_000), "mid-market": ("professional", 5_000, 10_000), "smb": ("growth", 1_000, 4_999)}
    csms = ["Dana Whitfield", "Sam Okafor", "Priya Raman", "李娜", "Alex Kim", "Jordan Lee"]
    events = ["meeting attended", "meeting missed", "champion left", "competitor mentioned", "payment late", "payment refused",
              "payment on time", "support escalation", "severe ticket opened", "severe ticket closed", "billing page visited",
              "premium feature requested", "usage at limit", "data export requested"]
    with open(f"{a.out}/accounts.csv", "w", newline="") as fa, open(f"{a.out}/snapshots.csv", "w", newline="") as fs, \
         open(f"{a.out}/events.csv", "w", newline="") as fe:
        wa, ws, we = csv.writer(fa), csv.writer(fs), csv.writer(fe)
        wa.writerow(["account", "segment", "plan", "arr", "csm", "start_date", "renewal_date"])
        ws.writerow(HEADER)
        we.writerow(["account", "date", "event", "details"])
        for i in range(a.accounts):
            name = f"Account {i:05d}"
            seg = segments[i % 3]
            plan, lo, hi = plans[seg]
            start = last - datetime.timedelta(days=rnd.randint(100, 1500))
            renewal = last + datetime.timedelta(days=rnd.randint(1, 365))
            wa.writerow([name, seg, plan, rnd.randint(lo, hi), csms[i % len(csms)], start.isoformat(), renewal.isoformat()])
            for _ in range(rnd.randint(0, 6)):
                day = last + datetime.timedelta(days=2 - rnd.randint(0, 90))
                we.writerow([name, day.isoformat(), rnd.choice(events), "generated"])
            health = rnd.random()
            licensed = rnd.randint(5, 200)
            for w in range(a.weeks):
                drift = health + (w - a.weeks) * rnd.uniform(-0.01, 0.01)
                h = min(max(drift + rnd.uniform(-0.05, 0.05), 0.02), 1)
                week = last - datetime.timedelta(days=7 * (a.weeks - 1 - w))
                scheduled = rnd.randint(2, 12)
                last_month = rnd.randint(5, 200)
                ws.writerow([name, week.isoformat(), int(licensed * h), licensed, round(6 * h), round(12 * h, 1), round(50 * h, 1),
                             int(last_month * (0.9 + 0.3 * h)), last_month, scheduled, int(scheduled * h), round(4 * h, 1),
                             round(8 * h), int(2 * h), int(1.5 * h), round(6 * (1 - h), 2), round(94 + 6 * h, 2),
                             round(10 * h, 1), int(-60 + 130 * h), round(10 * h, 1), ["none", "occasional", "regular"][min(2, int(3 * h))]])

if __name__ == "__main__":
    main()
