#!/usr/bin/env python3
"""Writes account exports as Salesforce and HubSpot produce them, with their default column
names and value formats (Salesforce: "USD 48,000.00", dates month/day/year; HubSpot: plain
numbers, "2025-11-20 14:03" timestamps), for checking that cse imports them unedited.

    bench/generate_crm_exports.py --accounts 6 --out transcripts/fixtures
"""
import argparse, csv, datetime, random

NAMES = ["Acme Corp", "Globex", "Oscorp", "Cyberdyne Systems", "Wayne Enterprises", "Gringotts", "Monarch Solutions", "Ollivanders"]
OWNERS = ["Dana Whitfield", "Priya Raman", "Sam Okafor"]

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--accounts", type=int, default=6)
    p.add_argument("--seed", type=int, default=3)
    p.add_argument("--out", default=".")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    names = (NAMES * (a.accounts // len(NAMES) + 1))[:a.accounts]
    rows = []
    for i, name in enumerate(names):
        if i >= len(NAMES):
            name = f"{name} {i}"
        revenue = rnd.choice([6000, 12000, 48000, 96000, 150000])
        created = datetime.date(2025, 1, 1) + datetime.timedelta(days=rnd.randint(0, 600))
        rows.append((name, OWNERS[i % len(OWNERS)], revenue, created, f"001{rnd.randrange(16**12):012x}"))
    with open(f"{a.out}/salesforce-accounts.csv", "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(["Account Owner", "Account Name", "Type", "Rating", "Industry", "Billing State/Province", "Billing Country",
                    "Annual Revenue", "Account ID", "Created Date", "Last Activity"])
        for name, owner, revenue, created, sfid in rows:
            w.writerow([owner, name, "Customer - Direct", rnd.choice(["Hot", "Warm", "Cold"]), "Technology", "CA", "United States",
                        f"USD {revenue:,.2f}", sfid, created.strftime("%-m/%-d/%Y"), ""])
    with open(f"{a.out}/hubspot-companies.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Record ID", "Company name", "Company owner", "Create Date", "Phone Number", "Last Activity Date", "City",
                    "Country/Region", "Industry", "Annual Revenue", "Lifecycle Stage", "Number of Employees"])
        for i, (name, owner, revenue, created, _) in enumerate(rows):
            w.writerow([str(9000000000 + i * 7919), name, owner, created.isoformat() + " 14:03", "+1 555 0100", "", "Springfield",
                        "United States", "COMPUTER_SOFTWARE", str(revenue), "customer", str(rnd.choice([50, 200, 1000]))])

if __name__ == "__main__":
    main()
