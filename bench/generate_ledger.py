#!/usr/bin/env python3
"""Writes a subscription ledger for benchmarks: N accounts with about ten rows each over
three years — renewals, upgrades, downgrades, churn and win-backs. Deterministic."""
import argparse, csv, datetime, random

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--accounts", type=int, default=100_000)
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--today", default="2026-11-24")
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--out", default="bench/out/ledger.csv")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    today = datetime.date.fromisoformat(a.today)
    per = a.rows // a.accounts
    products = ["Support Suite", "Support Suite Pro", "Analytics add-on", "Voice add-on"]
    with open(a.out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["account", "product", "start_date", "end_date", "mrr", "quantity", "units", "bill_period_months", "discount"])
        written = 0
        for i in range(a.accounts):
            name = f"Ledger {i:06d}"
            day = today - datetime.timedelta(days=rnd.randint(400, 1100))
            mrr = rnd.randint(50, 5000)
            rows = per if i < a.accounts - 1 else a.rows - written
            for r in range(rows):
                length = rnd.randint(30, 120)
                end = day + datetime.timedelta(days=length)
                last = r == rows - 1
                open_ended = last and rnd.random() < 0.8
                w.writerow([name, products[r % len(products)], day.isoformat(), "" if open_ended or end > today else end.isoformat(),
                            mrr, rnd.randint(1, 200), "seats", 1, ""])
                written += 1
                # Next term: renewal, upgrade, downgrade, or a gap (churn then win-back).
                move = rnd.random()
                mrr = max(10, int(mrr * (1.2 if move < 0.2 else 0.85 if move < 0.3 else 1)))
                day = end + datetime.timedelta(days=rnd.randint(60, 200) if move > 0.95 else 0)
                if day > today:
                    day = today - datetime.timedelta(days=rnd.randint(1, 30))

if __name__ == "__main__":
    main()
