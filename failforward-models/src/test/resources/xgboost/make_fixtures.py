#!/usr/bin/python3
"""Makes the XGBoost test fixtures with Debian's python3-xgboost (1.7.4).

Run from this folder:  /usr/bin/python3 make_fixtures.py ../../../../../datasets/tabular
Each model is saved as JSON and UBJSON, with xgboost's own predictions for every row of the
data file (one line per row; probabilities of each class for classifiers, comma-separated).
"""
import csv
import json
import math
import sys

import numpy as np
import xgboost as xgb

DATA = sys.argv[1] if len(sys.argv) > 1 else "../../../../../datasets/tabular"
MISSING = {"", "NA", "N/A", "NaN", "nan", "?", "null", "NULL"}


def read(name):
    rows = list(csv.reader(open(f"{DATA}/{name}", newline="")))
    return rows[0], rows[1:]


def number(v):
    return float("nan") if v in MISSING else float(v)


def save(booster, name, X, feature_names, config=None):
    booster.save_model(f"{name}.json")
    booster.save_model(f"{name}.ubj")
    p = booster.predict(xgb.DMatrix(X, feature_names=feature_names, missing=np.nan))
    with open(f"{name}.predictions.csv", "w") as out:
        for row in np.atleast_1d(p):
            out.write(",".join(repr(float(v)) for v in np.atleast_1d(row)) + "\n")
    if config is not None:
        json.dump(config, open(f"{name}.config.json", "w"), indent=2)


def credit():
    """Binary, with missing numbers and categories coded as the index of their level in sorted order."""
    header, body = read("credit_data.csv")
    target = header.index("Status")
    features = [h for h in header if h != "Status"]
    categorical = {}
    for j, h in enumerate(header):
        if j == target:
            continue
        values = [r[j] for r in body if r[j] not in MISSING]
        try:
            [float(v) for v in values]
        except ValueError:
            categorical[h] = sorted(set(values))
    X = []
    for r in body:
        row = []
        for j, h in enumerate(header):
            if j == target:
                continue
            v = r[j]
            if h in categorical:
                row.append(float("nan") if v in MISSING else float(categorical[h].index(v)))
            else:
                row.append(number(v))
        X.append(row)
    X = np.array(X, dtype=np.float32)
    y = np.array([1 if r[target] == "good" else 0 for r in body])
    b = xgb.train({"objective": "binary:logistic", "max_depth": 4, "eta": 0.2, "seed": 7},
                  xgb.DMatrix(X, label=y, feature_names=features, missing=np.nan), 40)
    save(b, "credit_binary", X, features, {"categories": categorical})


def iris():
    """Multi-class (softprob), classes in sorted order; saved without feature names, so columns go by order."""
    header, body = read("iris.csv")
    classes = sorted({r[-1] for r in body})
    X = np.array([[float(v) for v in r[:-1]] for r in body], dtype=np.float32)
    y = np.array([classes.index(r[-1]) for r in body])
    b = xgb.train({"objective": "multi:softprob", "num_class": 3, "max_depth": 3, "eta": 0.3, "seed": 3},
                  xgb.DMatrix(X, label=y), 20)
    save(b, "iris_multi", X, None)


def breast_cancer():
    """Binary on all 30 numeric features, named as in the CSV header."""
    header, body = read("breast_cancer.csv")
    X = np.array([[float(v) for v in r[:-1]] for r in body], dtype=np.float32)
    y = np.array([1 if r[-1] == "malignant" else 0 for r in body])
    b = xgb.train({"objective": "binary:logistic", "max_depth": 4, "eta": 0.3, "seed": 1},
                  xgb.DMatrix(X, label=y, feature_names=header[:-1]), 30)
    save(b, "breast_cancer", X, header[:-1])


def iris_regression():
    """Regression: petal width from the other three measurements."""
    header, body = read("iris.csv")
    X = np.array([[float(v) for v in r[:3]] for r in body], dtype=np.float32)
    y = np.array([float(r[3]) for r in body])
    b = xgb.train({"objective": "reg:squarederror", "max_depth": 3, "eta": 0.3, "seed": 5},
                  xgb.DMatrix(X, label=y, feature_names=header[:3]), 25)
    save(b, "iris_regression", X, header[:3])


credit()
iris()
breast_cancer()
iris_regression()
print("xgboost", xgb.__version__)
