#!/usr/bin/env python3
"""Checks cse's calibrate against scikit-learn on the same rows and split: reads the
models/fitted-*.yaml and its -rows.csv that calibrate saved, imputes a missing value with the
training mean, standardises on the training rows, fits LogisticRegression(C=1) on the
training rows and compares the held-out AUC with cse's (they must agree within 0.01).
Tooling only: cse itself never runs Python.

    bench/check_calibrate.py WORKSPACE/models/fitted-2026-11-24.yaml
"""
import csv, re, sys
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

def main():
    model = sys.argv[1]
    text = open(model).read()
    used = re.findall(r"- \{name: ([^,]+), mean:", text)
    cse_auc = float(re.search(r"validation: \{auc: ([^,]+),", text).group(1))
    rows = list(csv.DictReader(open(model.replace(".yaml", "-rows.csv"))))
    train = [r for r in rows if r["split"] == "train"]
    test = [r for r in rows if r["split"] == "test"]
    def matrix(rs, means):
        return np.array([[float(r[f]) if r[f] != "" else means[f] for f in used] for r in rs])
    means = {f: np.mean([float(r[f]) for r in train if r[f] != ""]) for f in used}
    xtr, xte = matrix(train, means), matrix(test, means)
    ytr = np.array([int(r["churned"]) for r in train]); yte = np.array([int(r["churned"]) for r in test])
    scaler = StandardScaler().fit(xtr)
    fit = LogisticRegression(C=1.0, tol=1e-10, max_iter=5000).fit(scaler.transform(xtr), ytr)
    auc = roc_auc_score(yte, fit.predict_proba(scaler.transform(xte))[:, 1])
    print(f"features {len(used)}, training rows {len(train)}, held-out rows {len(test)}")
    print(f"held-out AUC: cse {cse_auc:.4f}, scikit-learn {auc:.4f}, difference {abs(auc - cse_auc):.4f}")
    sys.exit(0 if abs(auc - cse_auc) <= 0.01 else 1)

if __name__ == "__main__":
    main()
