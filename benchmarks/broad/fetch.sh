#!/usr/bin/env bash
# Fetches the broad benchmark's tables and text sets from Debian and npm packages and writes them as
# CSV under datasets/broad/ (see datasets/README.md for origins and licences). Needs root for apt.
# Usage: benchmarks/broad/fetch.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT="$ROOT/datasets/broad"; mkdir -p "$OUT"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q --no-install-recommends r-base-core r-cran-mlbench r-cran-cardata fortunes wordnet-base >/dev/null
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack -q vega-datasets@3.2.1 >/dev/null && tar xzf vega-datasets-3.2.1.tgz)
Rscript - "$OUT" <<'R'
out <- commandArgs(TRUE)[1]
suppressMessages({ library(carData); library(mlbench) })
w <- function(d, f) write.csv(d, file.path(out, f), row.names = FALSE, na = "")
w(Arrests, "arrests.csv")
data(PimaIndiansDiabetes2); w(PimaIndiansDiabetes2, "pima_diabetes.csv")
w(Chile[!is.na(Chile$vote), ], "chile_vote.csv")
data(Satellite); w(Satellite, "satellite.csv")
w(SLID[!is.na(SLID$wages), ], "slid_wages.csv")
R
python3 - "$TMP/package/data" "$OUT" <<'PY'
import csv, json, random, sys, datetime, os
src, out = sys.argv[1], sys.argv[2]
def write(name, header, rows):
    with open(os.path.join(out, name), "w", newline="") as f:
        w = csv.writer(f); w.writerow(header); w.writerows(rows)
# Seattle weather: the day's measurements and month; the weather class to predict.
rows = list(csv.DictReader(open(os.path.join(src, "seattle-weather.csv"))))
write("seattle_weather.csv", ["month", "precipitation", "temp_max", "temp_min", "wind", "weather"],
      [[r["date"][5:7], r["precipitation"], r["temp_max"], r["temp_min"], r["wind"], r["weather"]] for r in rows])
# Bird strikes: whether the aircraft was damaged; the cost columns are dropped (they follow from the damage).
rows = list(csv.DictReader(open(os.path.join(src, "birdstrikes.csv"))))
keep = ["Airport Name", "Aircraft Make Model", "Aircraft Airline Operator", "Origin State", "Phase of flight",
        "Wildlife Size", "Wildlife Species", "Time of day", "Speed IAS in knots"]
write("birdstrikes.csv", [k.lower().replace(" ", "_") for k in keep] + ["month", "damaged"],
      [[r[k] for k in keep] + [r["Flight Date"][5:7], "no" if r["Effect Amount of damage"] == "None" else "yes"] for r in rows])
# Football: home win, draw or away win from the teams, division and month (the scores are dropped).
rows = json.load(open(os.path.join(src, "football.json")))
def result(r):
    return "home" if r["home_score"] > r["away_score"] else "away" if r["home_score"] < r["away_score"] else "draw"
write("football.csv", ["division", "home_team", "away_team", "month", "result"],
      [[r["division"], r["home_team"], r["away_team"], r["date"][5:7], result(r)] for r in rows
       if r["home_score"] is not None and r["away_score"] is not None])
# Flights: whether a flight arrived more than 15 minutes late, from its route, distance and time.
rows = json.load(open(os.path.join(src, "flights-10k.json")))
def when(s):
    return datetime.datetime.strptime(s, "%Y/%m/%d %H:%M")
write("flights_delay.csv", ["origin", "destination", "distance", "hour", "weekday", "delayed"],
      [[r["origin"], r["destination"], r["distance"], when(r["date"]).hour, when(r["date"]).strftime("%a"),
        "yes" if r["delay"] > 15 else "no"] for r in rows])
PY
/usr/bin/python3 - "$OUT" <<'PY'
import csv, os, sys, random, re
from sklearn.datasets import load_digits
out = sys.argv[1]
d = load_digits()
with open(os.path.join(out, "digits.csv"), "w", newline="") as f:
    w = csv.writer(f); w.writerow([f"px{i}" for i in range(64)] + ["digit"])
    for x, y in zip(d.data, d.target): w.writerow([int(v) for v in x] + [int(y)])
# WordNet glosses: is the gloss that of a noun or of a verb (1,500 of each, fixed seed).
def glosses(path):
    res = []
    for line in open(path, encoding="utf-8", errors="replace"):
        if line.startswith("  "): continue
        g = line.split("|", 1)[1].split(";")[0].strip()
        if len(g.split()) >= 4: res.append(g)
    return res
rnd = random.Random(15)
rows = [(g, "noun") for g in rnd.sample(glosses("/usr/share/wordnet/data.noun"), 1500)] + \
       [(g, "verb") for g in rnd.sample(glosses("/usr/share/wordnet/data.verb"), 1500)]
rnd.shuffle(rows)
with open(os.path.join(out, "wordnet_gloss.csv"), "w", newline="") as f:
    w = csv.writer(f); w.writerow(["gloss", "pos"]); w.writerows(rows)
# Fortunes: which of four collections a fortune comes from.
rows = []
for cat in ["computers", "love", "politics", "science"]:
    text = open(f"/usr/share/games/fortunes/{cat}", encoding="latin-1").read()
    for entry in text.split("\n%\n"):
        e = re.sub(r"\s+", " ", entry).strip()
        if 20 <= len(e) <= 400: rows.append((e, cat))
random.Random(15).shuffle(rows)
with open(os.path.join(out, "fortunes.csv"), "w", newline="") as f:
    w = csv.writer(f); w.writerow(["text", "collection"]); w.writerows(rows)
PY
wc -l "$OUT"/*.csv
