"""Broad planted-failure benchmark: plants the five failure kinds into real public tables and text sets
that FailForward was not tuned on, runs the shipped `./failforward scan` on each, and scores the
findings against what was planted; clean random splits give the false alarms.

Run through benchmarks/broad/planted (it picks a Python with scikit-learn). Each (dataset, seed)
writes one JSON line per scan to the results file, so a run can be summarised while it goes on:

  benchmarks/broad/planted run [--seeds 1,2,3] [--jobs 2] [--only NAME,...] [--kinds KIND,...] [--results FILE]
  benchmarks/broad/planted summary [--results FILE]

Plants (strengths in brackets; every draw comes from random.Random(seed)):
  leak         a categorical column equal to the label in a share of the rows, a random other label
               otherwise, in training and test rows [0.95, 0.80]; regression: target + N(0, (k sd)^2)
               [k = 0.1, 0.5]. Found: a leakage finding (warning or worse) that names the column.
  label-noise  a share of the training labels changed to another class [0.05, 0.10]. Scored per row:
               the label-issue suspects among the training rows against the changed rows.
  weak-slice   inside a subgroup of two predicates (a category, or a tercile of a numeric column)
               holding 3-15 % of the training rows, a share of the training labels moved to the next
               class [1.0, 0.5] (regression: the target moved by 2 sd [1.0] or 1 sd [0.5]). Found: a
               weak-slice finding among the first three (warning or worse) whose test rows overlap the
               subgroup's with Jaccard similarity >= 0.8.
  drift        one numeric column of the test rows (> 10 distinct values) shifted by k training
               standard deviations [1.0, 0.5]. Found: a drift finding (warning or worse) naming it.
               Precision: findings naming another column are false; those naming none (the domain
               classifier, rows outside the training data) restate the plant.
               Planted in the same scan as the leak (they touch different columns).
  miscalibration  the clean scan's own predictions, with the probabilities of one subgroup holding
               10-60 % of the test rows sharpened to 0.99 for the predicted class [0.99] or by
               p^(1/0.4) renormalised [T=0.4]; scanned with --prediction-column. Found: a calibration
               slice finding (warning or worse) with at least 80 % of its rows inside the subgroup
               (the global calibration findings are not counted either way).
  clean        a random 70/30 split with nothing planted, all detectors. False alarm: any
               warning-or-worse drift or leakage finding; a label-issue finding claiming more than
               twice the noise the data can have (bounded by the scanned model's test error rate);
               a calibration or weak-slice finding whose slice holds more than half the test rows.
"""
import argparse, concurrent.futures, csv, json, math, os, random, shutil, subprocess, sys, tempfile, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "datasets", "broad")
FF = os.path.join(ROOT, "failforward")

# name: (file, target, task, text column or None)
DATASETS = {
    "arrests": ("arrests.csv", "released", "binary", None),
    "pima_diabetes": ("pima_diabetes.csv", "diabetes", "binary", None),
    "birdstrikes": ("birdstrikes.csv", "damaged", "binary", None),
    "flights_delay": ("flights_delay.csv", "delayed", "binary", None),
    "chile_vote": ("chile_vote.csv", "vote", "multi", None),
    "satellite": ("satellite.csv", "classes", "multi", None),
    "seattle_weather": ("seattle_weather.csv", "weather", "multi", None),
    "football": ("football.csv", "result", "multi", None),
    "digits": ("digits.csv", "digit", "multi", None),
    "slid_wages": ("slid_wages.csv", "wages", "regression", None),
    "wordnet_gloss": ("wordnet_gloss.csv", "pos", "binary", "gloss"),
    "fortunes": ("fortunes.csv", "text", "multi", "text"),
}
DATASETS["fortunes"] = ("fortunes.csv", "collection", "multi", "text")
STRENGTHS = {"leak": [0.95, 0.80], "label-noise": [0.05, 0.10], "weak-slice": [1.0, 0.5],
             "drift": [1.0, 0.5], "miscalibration": [0.99, 0.4]}
SEVERE = ("warning", "critical")


def read(name):
    path, target, task, text = DATASETS[name]
    with open(os.path.join(DATA, path), newline="") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0].keys())
    for i, r in enumerate(rows):
        r["rid"] = str(i)
    return header + ["rid"], rows, target, task, text


def write(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def number(v):
    try:
        x = float(v)
        return x if math.isfinite(x) else None
    except (TypeError, ValueError):
        return None


def numeric_columns(header, rows, skip):
    out = []
    for c in header:
        if c in skip:
            continue
        vals = [number(r[c]) for r in rows if r[c] != ""]
        if vals and all(v is not None for v in vals) and len(set(vals)) > 10:
            out.append(c)
    return out


def split(rows, target, task, rnd):
    """A stratified 70/30 split (by class; regression: at random)."""
    groups = {}
    for r in rows:
        groups.setdefault(r[target] if task != "regression" else "", []).append(r)
    train, test = [], []
    for key in sorted(groups):
        g = groups[key][:]
        rnd.shuffle(g)
        cut = int(round(len(g) * 0.3))
        test += g[:cut]
        train += g[cut:]
    return train, test


def other_label(label, classes, rnd):
    return rnd.choice([c for c in classes if c != label])


def bins(header, rows, skip):
    """Candidate predicates: each category of a column with 2-12 values, or a numeric tercile."""
    out = []
    for c in header:
        if c in skip:
            continue
        vals = [r[c] for r in rows]
        distinct = sorted(set(vals))
        nums = [number(v) for v in vals]
        if all(v is not None for v in nums) and len(distinct) > 12:
            s = sorted(nums)
            lo, hi = s[int(len(s) * 0.3)], s[int(len(s) * 0.7)]
            out.append((c, f"< {lo:g}", lambda r, c=c, lo=lo: number(r[c]) is not None and number(r[c]) < lo))
            out.append((c, f">= {hi:g}", lambda r, c=c, hi=hi: number(r[c]) is not None and number(r[c]) >= hi))
        elif 2 <= len(distinct) <= 12:
            for v in distinct:
                out.append((c, f"= {v}", lambda r, c=c, v=v: r[c] == v))
    return out


def pick_subgroup(header, train, skip, rnd, lo, hi, two=True):
    cands = bins(header, train, skip)
    rnd.shuffle(cands)
    if not two:
        for c, text, f in cands:
            share = sum(1 for r in train if f(r)) / len(train)
            if lo <= share <= hi:
                return f"{c} {text}", f
        return None
    for i, (c1, t1, f1) in enumerate(cands):
        for c2, t2, f2 in cands[i + 1:]:
            if c1 == c2:
                continue
            share = sum(1 for r in train if f1(r) and f2(r)) / len(train)
            if lo <= share <= hi:
                return f"{c1} {t1} AND {c2} {t2}", (lambda r, f1=f1, f2=f2: f1(r) and f2(r))
    return None


def scan(work, name, args, timeout=1800):
    out = os.path.join(work, name)
    cmd = [FF, "scan", "--id", "rid", "--out", out, "--store", os.path.join(work, name + ".db")] + args
    t0 = time.time()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    seconds = time.time() - t0
    report = os.path.join(out, "report.json")
    if p.returncode > 1 or not os.path.exists(report):
        return {"exit": p.returncode, "error": (p.stderr or p.stdout).strip().splitlines()[-1:], "seconds": seconds}
    with open(report) as f:
        d = json.load(f)
    return {"exit": p.returncode, "seconds": seconds, "report": d, "out": out}


def severe(report, detector):
    return [f for f in report["findings"] if f["detector"] == detector and f["severity"] in SEVERE]


def names_column(f, column):
    text = json.dumps(f.get("evidence", {})) + " " + f["title"]
    return f"'{column}'" in text or f'"{column}"' in text or f"{column} " in f["title"]


def jaccard(a, b):
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a | b else 0.0


def inside(keys, planted):
    return len(set(keys) & planted) / len(set(keys)) if keys else 0.0


def planted_error(out, planted):
    """The share of the planted test rows the scanned model failed (did the plant take?)."""
    with open(os.path.join(out, "predictions.csv"), newline="") as f:
        fails = [p["failure"] == "true" for p in csv.DictReader(f) if p["row_key"] in planted]
    return sum(fails) / len(fails) if fails else None


def single_feature_auc(train, test, column, target, classes):
    """Out-of-sample one-vs-rest AUC of the class shares per value of one column (from training)."""
    from sklearn.metrics import roc_auc_score
    counts = {}
    for r in train:
        counts.setdefault(r[column], {}).setdefault(r[target], 0)
        counts[r[column]][r[target]] += 1
    prior = {c: sum(1 for r in train if r[target] == c) / len(train) for c in classes}
    probs = []
    for r in test:
        cnt = counts.get(r[column], {})
        n = sum(cnt.values())
        probs.append([(cnt.get(c, 0) + prior[c]) / (n + 1) for c in classes])
    y = [r[target] for r in test]
    if len(classes) == 2:
        return roc_auc_score([1 if v == classes[1] else 0 for v in y], [p[1] for p in probs])
    return roc_auc_score(y, probs, multi_class="ovr", labels=classes)


def run_one(name, seed, work, kinds):
    header, rows, target, task, text = read(name)
    rnd = random.Random(seed)
    train, test = split(rows, target, task, rnd)
    classes = sorted({r[target] for r in rows}) if task != "regression" else None
    skip = {target, "rid", text}
    base = ["--target", target] + (["--model", "builtin:text-minilm-logistic", "--type", f"{text}=text"] if text else [])
    results = []

    def emit(kind, strength, **kw):
        rec = {"dataset": name, "task": task, "seed": seed, "kind": kind, "strength": strength, **kw}
        results.append(rec)

    # clean
    write(os.path.join(work, "train.csv"), header, train)
    write(os.path.join(work, "test.csv"), header, test)
    r = scan(work, "clean", base + ["--data", os.path.join(work, "train.csv"), "--test", os.path.join(work, "test.csv"),
                                     "--detectors", "all", "--seed", str(seed)])
    if "report" not in r:
        emit("clean", None, error=r["error"], seconds=r["seconds"])
        return results
    rep = r["report"]
    n_test = len(test)
    alarms = []
    for f in rep["findings"]:
        if f["severity"] not in SEVERE:
            continue
        if f["detector"] in ("drift", "leakage"):
            alarms.append(f)
        elif f["detector"] == "label-issue":
            err = rep["metrics"].get("accuracy")
            bound = (1 - err) if err is not None else None
            if bound is not None and f["evidence"].get("noise_rate", 0) > 2 * bound:
                alarms.append(f)
        elif f["detector"] in ("weak-slice", "calibration") and "slice" in f.get("evidence", {}) \
                and f["rows"] > n_test / 2:
            alarms.append(f)
    emit("clean", None, false_alarms=len(alarms), alarms=[f"{f['detector']}: {f['title']}" for f in alarms],
         severe=[f"{f['detector']}: {f['title']}" for f in rep["findings"] if f["severity"] in SEVERE],
         seconds=r["seconds"], metrics=rep["metrics"])
    clean_predictions = os.path.join(r["out"], "predictions.csv")

    # leak + drift in one scan
    nums = numeric_columns(header, train, skip)
    for i, (ls, ds) in enumerate(zip(STRENGTHS["leak"], STRENGTHS["drift"]) if "leak" in kinds else []):
        srnd = random.Random(seed * 100 + i)
        tr = [dict(x) for x in train]
        te = [dict(x) for x in test]
        if task == "regression":
            ys = [float(x[target]) for x in tr]
            sd = (sum((y - sum(ys) / len(ys)) ** 2 for y in ys) / len(ys)) ** 0.5
            k = 0.1 if ls == 0.95 else 0.5
            for x in tr + te:
                x["leak_col"] = f"{float(x[target]) + srnd.gauss(0, k * sd):.4g}"
            auc = None
        else:
            for x in tr + te:
                x["leak_col"] = "k" + (x[target] if srnd.random() < ls else other_label(x[target], classes, srnd))
            auc = single_feature_auc(tr, te, "leak_col", target, classes)
        drift_col = srnd.choice(nums) if nums else None
        if drift_col:
            vals = [float(x[drift_col]) for x in tr if x[drift_col] != ""]
            mean = sum(vals) / len(vals)
            sd = (sum((v - mean) ** 2 for v in vals) / len(vals)) ** 0.5
            for x in te:
                if x[drift_col] != "":
                    x[drift_col] = f"{float(x[drift_col]) + ds * sd:.6g}"
        h = header + ["leak_col"]
        write(os.path.join(work, "train.csv"), h, tr)
        write(os.path.join(work, "test.csv"), h, te)
        dets = "leakage,drift" if drift_col else "leakage"
        r = scan(work, f"leak{i}", base + ["--data", os.path.join(work, "train.csv"), "--test", os.path.join(work, "test.csv"),
                                           "--detectors", dets, "--seed", str(seed)])
        if "report" not in r:
            emit("leak", ls, error=r["error"], seconds=r["seconds"])
            continue
        lk = severe(r["report"], "leakage")
        emit("leak", ls, auc=auc, found=any(names_column(f, "leak_col") for f in lk),
             findings=len(lk), true=sum(1 for f in lk if names_column(f, "leak_col")), seconds=r["seconds"])
        if drift_col:
            dr = severe(r["report"], "drift")
            hit = [f for f in dr if names_column(f, drift_col)]
            emit("drift", ds, column=drift_col, found=bool(hit), findings=len(dr), true=len(hit),
                 titles=[f["title"] for f in dr], seconds=r["seconds"])

    # label noise
    for i, p in enumerate(STRENGTHS["label-noise"] if "label-noise" in kinds else []):
        if task == "regression":
            break
        srnd = random.Random(seed * 100 + 10 + i)
        tr = [dict(x) for x in train]
        flipped = set()
        for x in srnd.sample(tr, int(round(p * len(tr)))):
            x[target] = other_label(x[target], classes, srnd)
            flipped.add(x["rid"])
        write(os.path.join(work, "train.csv"), header, tr)
        write(os.path.join(work, "test.csv"), header, test)
        r = scan(work, f"label{i}", base + ["--data", os.path.join(work, "train.csv"), "--test", os.path.join(work, "test.csv"),
                                            "--detectors", "label-issue", "--seed", str(seed)])
        if "report" not in r:
            emit("label-noise", p, error=r["error"], seconds=r["seconds"])
            continue
        train_keys = {x["rid"] for x in tr}
        suspects = set()
        for f in r["report"]["findings"]:
            if f["detector"] == "label-issue":
                suspects |= {k for k in f["row_keys"] if k in train_keys}
        tp = len(suspects & flipped)
        emit("label-noise", p, tp=tp, suspects=len(suspects), planted=len(flipped),
             precision=tp / len(suspects) if suspects else None, recall=tp / len(flipped),
             severities=[f["severity"] for f in r["report"]["findings"] if f["detector"] == "label-issue"],
             seconds=r["seconds"])

    # weak slice
    if not text and "weak-slice" in kinds:
        for i, s in enumerate(STRENGTHS["weak-slice"]):
            srnd = random.Random(seed * 100 + 20 + i)
            picked = pick_subgroup(header, train, skip, srnd, 0.03, 0.15)
            if not picked:
                emit("weak-slice", s, error=["no subgroup of 3-15 % of the rows"], seconds=0)
                continue
            desc, member = picked
            tr = [dict(x) for x in train]
            if task == "regression":
                ys = [float(x[target]) for x in tr]
                sd = (sum((y - sum(ys) / len(ys)) ** 2 for y in ys) / len(ys)) ** 0.5
                for x in tr:
                    if member(x):
                        x[target] = f"{float(x[target]) + 2 * s * sd:.6g}"
            else:
                for x in tr:
                    if member(x) and srnd.random() < s:
                        x[target] = classes[(classes.index(x[target]) + 1) % len(classes)]
            write(os.path.join(work, "train.csv"), header, tr)
            write(os.path.join(work, "test.csv"), header, test)
            r = scan(work, f"slice{i}", base + ["--data", os.path.join(work, "train.csv"), "--test", os.path.join(work, "test.csv"),
                                                "--detectors", "weak-slice", "--seed", str(seed)])
            if "report" not in r:
                emit("weak-slice", s, error=r["error"], seconds=r["seconds"])
                continue
            planted = {x["rid"] for x in test if member(x)}
            ws = severe(r["report"], "weak-slice")
            rank = next((k + 1 for k, f in enumerate(ws) if jaccard(f["row_keys"], planted) >= 0.8), None)
            emit("weak-slice", s, subgroup=desc, test_rows=len(planted), rank=rank,
                 planted_error=planted_error(r["out"], planted), overall_error=1 - r["report"]["metrics"].get("accuracy", 0)
                 if task != "regression" else None, found=rank is not None and rank <= 3,
                 findings=len(ws), true=sum(1 for f in ws if jaccard(f["row_keys"], planted) >= 0.8),
                 first=ws[0]["title"] if ws else None, seconds=r["seconds"])

    # miscalibration, on the clean scan's predictions
    if task != "regression" and not text and "miscalibration" in kinds and os.path.exists(clean_predictions):
        with open(clean_predictions, newline="") as f:
            preds = {p["row_key"]: p for p in csv.DictReader(f)}
        pcols = [f"p_{c}" for c in classes]
        for i, s in enumerate(STRENGTHS["miscalibration"]):
            srnd = random.Random(seed * 100 + 30 + i)
            picked = pick_subgroup(header, test, skip, srnd, 0.10, 0.60, two=False)
            if not picked:
                emit("miscalibration", s, error=["no subgroup of 10-60 % of the rows"], seconds=0)
                continue
            desc, member = picked
            te = []
            for x in test:
                y = dict(x)
                p = preds[x["rid"]]
                probs = [float(p[c]) for c in pcols]
                if member(x):
                    k = max(range(len(probs)), key=lambda j: probs[j])
                    if s == 0.99:
                        probs = [0.99 if j == k else 0.01 / (len(probs) - 1) for j in range(len(probs))]
                    else:
                        sharp = [q ** (1 / s) for q in probs]
                        probs = [q / sum(sharp) for q in sharp]
                for c, q in zip(pcols, probs):
                    y[c] = f"{q:.6f}"
                y["pred"] = p["predicted"]
                te.append(y)
            planted = {x["rid"] for x in test if member(x)}
            write(os.path.join(work, "pred.csv"), header + ["pred"] + pcols, te)
            r = scan(work, f"calib{i}", ["--target", target, "--data", os.path.join(work, "pred.csv"),
                                         "--prediction-column", "pred", "--probability-columns", ",".join(pcols),
                                         "--ignore", ",".join(pcols), "--detectors", "calibration"])
            if "report" not in r:
                emit("miscalibration", s, error=r["error"], seconds=r["seconds"])
                continue
            cal = [f for f in severe(r["report"], "calibration") if "slice" in f.get("evidence", {})]
            hit = [f for f in cal if f["row_keys"] and inside(f["row_keys"], planted) >= 0.8]
            emit("miscalibration", s, subgroup=desc, test_rows=len(planted), found=bool(hit), findings=len(cal),
                 true=len(hit), titles=[f["title"] for f in cal], seconds=r["seconds"])
    return results


def job(name, seed, results, kinds):
    work = tempfile.mkdtemp(prefix=f"ffbroad-{name}-{seed}-")
    try:
        recs = run_one(name, seed, work, kinds)
    except Exception as e:  # one dataset's failure is a result, not the end of the run
        recs = [{"dataset": name, "seed": seed, "kind": "error", "error": [repr(e)]}]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with open(results, "a") as f:
        for rec in recs:
            f.write(json.dumps(rec) + "\n")
    return name, seed, len(recs)


def took(r):
    """Whether a weak-slice plant made the model fail: the subgroup's test rows fail at least twice as often."""
    overall = r.get("overall_error")
    return r.get("planted_error") is not None and (overall is None or r["planted_error"] >= 2 * overall)


def summary(results):
    recs = [json.loads(l) for l in open(results) if l.strip()]
    names = [n for n in DATASETS if any(r["dataset"] == n for r in recs)]
    seeds = sorted({r["seed"] for r in recs})
    errors = [r for r in recs if "error" in r]
    lines = [f"Datasets: {len(names)}; seeds: {', '.join(map(str, seeds))}; scans that failed: {len(errors)}", ""]

    def fmt(x):
        return "–" if x is None else f"{x:.2f}"

    lines.append("| detector | plant (strength) | cases | recall (found) | precision (findings that are the plant) | worst seed (recall) |")
    lines.append("|---|---|---|---|---|---|")
    for kind in ["leak", "drift", "weak-slice", "miscalibration"]:
        for s in STRENGTHS[kind]:
            rs = [r for r in recs if r["kind"] == kind and r["strength"] == s and "found" in r]
            if not rs:
                continue
            found = sum(r["found"] for r in rs)
            fnd = sum(r["findings"] for r in rs)
            true = sum(r["true"] for r in rs)
            if kind == "drift":
                # Findings that name no column (the domain classifier, rows outside the training data)
                # restate the planted drift: only a finding about another column is a false one.
                fnd = sum(sum(1 for t in r["titles"] if t.startswith(f"'{r['column']}'") or not t.startswith("'")) +
                          sum(1 for t in r["titles"] if t.startswith("'") and not t.startswith(f"'{r['column']}'")) for r in rs)
                true = sum(sum(1 for t in r["titles"] if t.startswith(f"'{r['column']}'") or not t.startswith("'")) for r in rs)
            per_seed = [sum(r["found"] for r in rs if r["seed"] == sd) / max(1, sum(1 for r in rs if r["seed"] == sd)) for sd in seeds]
            lines.append(f"| {kind} | {s} | {len(rs)} | {found / len(rs):.2f} ({found}/{len(rs)}) | "
                         f"{fmt(true / fnd if fnd else None)} ({true}/{fnd}) | {min(per_seed):.2f} |")
        if kind == "weak-slice":
            rs = [r for r in recs if r["kind"] == kind and "found" in r and took(r)]
            if rs:
                found = sum(r["found"] for r in rs)
                lines.append(f"| weak-slice | plants that took (subgroup failing ≥ 2× overall), any strength | {len(rs)} | "
                             f"{found / len(rs):.2f} ({found}/{len(rs)}) | | |")
        if kind == "leak":
            rs = [r for r in recs if r["kind"] == "leak" and r.get("auc") is not None and r["auc"] >= 0.9 and "found" in r]
            if rs:
                found = sum(r["found"] for r in rs)
                lines.append(f"| leak | single-feature AUC ≥ 0.9 (any strength) | {len(rs)} | {found / len(rs):.2f} ({found}/{len(rs)}) | | |")
    for p in STRENGTHS["label-noise"]:
        rs = [r for r in recs if r["kind"] == "label-noise" and r["strength"] == p and "tp" in r]
        if not rs:
            continue
        tp = sum(r["tp"] for r in rs); su = sum(r["suspects"] for r in rs); pl = sum(r["planted"] for r in rs)
        worst_r = min(r["recall"] for r in rs)
        worst_p = min((r["precision"] for r in rs if r["precision"] is not None), default=None)
        lines.append(f"| label-issue | {p:.0%} of training labels | {len(rs)} | {tp / pl:.2f} (rows {tp}/{pl}) | "
                     f"{fmt(tp / su if su else None)} (rows {tp}/{su}) | recall {worst_r:.2f}, precision {fmt(worst_p)} (worst case) |")
    cl = [r for r in recs if r["kind"] == "clean" and "false_alarms" in r]
    if cl:
        fa = sum(r["false_alarms"] for r in cl)
        lines.append("")
        lines.append(f"Clean random splits: {len(cl)} scans, {fa} false alarms ({fa / len(cl):.2f} per scan; "
                     f"worst scan {max(r['false_alarms'] for r in cl)}); warning-or-worse findings of any kind: "
                     f"{sum(len(r['severe']) for r in cl) / len(cl):.2f} per scan.")
    lines.append("")
    lines.append("| dataset | task | clean: false alarms per scan (all warning+ findings) | leak found | drift found | weak slice found | miscalibration found | label noise precision / recall (5 %) |")
    lines.append("|---|---|---|---|---|---|---|---|")
    for n in names:
        rs = [r for r in recs if r["dataset"] == n]
        c = [r for r in rs if r["kind"] == "clean" and "false_alarms" in r]

        def rate(kind):
            k = [r for r in rs if r["kind"] == kind and "found" in r]
            return f"{sum(r['found'] for r in k)}/{len(k)}" if k else "n/a"
        ln = [r for r in rs if r["kind"] == "label-noise" and r["strength"] == 0.05 and "tp" in r]
        lab = "n/a"
        if ln:
            tp = sum(r["tp"] for r in ln); su = sum(r["suspects"] for r in ln); pl = sum(r["planted"] for r in ln)
            lab = f"{fmt(tp / su if su else None)} / {tp / pl:.2f}"
        cf = (f"{sum(r['false_alarms'] for r in c) / len(c):.1f} ({sum(len(r['severe']) for r in c) / len(c):.1f})" if c else "error")
        lines.append(f"| {n} | {DATASETS[n][2]} | {cf} | {rate('leak')} | {rate('drift')} | {rate('weak-slice')} | {rate('miscalibration')} | {lab} |")
    if errors:
        lines.append("")
        lines.append("Failed scans: " + "; ".join(f"{r['dataset']} seed {r['seed']} {r['kind']}: {' '.join(r['error'])}" for r in errors))
    alarms = [(r["dataset"], r["seed"], a) for r in cl for a in r["alarms"]]
    if alarms:
        lines.append("")
        lines.append("False alarms on clean splits:")
        lines += [f"- {d} (seed {s}): {a}" for d, s, a in alarms]
    scans = [r for r in recs if "seconds" in r]
    lines.append("")
    lines.append(f"Wall time of the scans: {sum(r['seconds'] for r in scans) / 60:.1f} minutes in all.")
    print("\n".join(lines))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["run", "summary"])
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="")
    ap.add_argument("--kinds", default="leak,label-noise,weak-slice,miscalibration",
                    help="plants to run beside the clean scan (leak also plants drift)")
    ap.add_argument("--results", default=os.path.join(ROOT, "benchmarks", "broad", "results.jsonl"))
    a = ap.parse_args()
    if a.command == "summary":
        summary(a.results)
        return
    names = [n for n in (a.only.split(",") if a.only else DATASETS)]
    seeds = [int(s) for s in a.seeds.split(",")]
    # Build the launcher's jar once before the workers start.
    subprocess.run([FF, "--version"], capture_output=True)
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        futures = [pool.submit(job, n, s, a.results, set(a.kinds.split(","))) for s in seeds for n in names]
        for fut in concurrent.futures.as_completed(futures):
            n, s, k = fut.result()
            print(f"done {n} seed {s}: {k} records", file=sys.stderr, flush=True)
    summary(a.results)


if __name__ == "__main__":
    main()
