"""The time of the reference's scikit-learn pipeline on this machine: StandardScaler + LogisticRegression
(max_iter=1000), 5-fold stratified shuffled cross_val_predict of probabilities (random_state 0), on each
bc_flip_sN.csv of the label-noise reference; best of REPEATS per file, in seconds, one line per file:
`sklearn seed N: SECONDS`. cleanlab's find_label_issues is timed too when cleanlab is installed
(`cleanlab seed N: SECONDS`); the pipeline is the sum. Usage: python3 label-issue-sklearn.py DIR [REPEATS]"""
import csv
import json
import os
import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

try:
    from cleanlab.filter import find_label_issues
except ImportError:
    find_label_issues = None

folder = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
ref = json.load(open(os.path.join(folder, "cleanlab_reference.json")))
for s in ref["seeds"]:
    with open(os.path.join(folder, s["data"])) as f:
        rows = list(csv.DictReader(f))
    features = [c for c in rows[0] if c not in ("diagnosis", "row")]
    x = np.array([[float(r[c]) for c in features] for r in rows])
    classes = sorted({r["diagnosis"] for r in rows})
    y = np.array([classes.index(r["diagnosis"]) for r in rows])
    best_cv = best_cl = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        probs = cross_val_predict(make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)), x, y,
                                  cv=StratifiedKFold(5, shuffle=True, random_state=0), method="predict_proba")
        best_cv = min(best_cv, time.perf_counter() - start)
        if find_label_issues is not None:
            start = time.perf_counter()
            find_label_issues(y, probs)
            best_cl = min(best_cl, time.perf_counter() - start)
    print(f"sklearn seed {s['seed']}: {best_cv:.4f}")
    if find_label_issues is not None:
        print(f"cleanlab seed {s['seed']}: {best_cl:.4f}")
