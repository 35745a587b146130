#!/usr/bin/env python3
"""Assemble, validate and write /work/safety_train2/safety_train2.jsonl.

Every message lives in the data modules beside this file (em_*.py, cr_*.py, ne_*.py), written by
hand. Each module sets KIND and DATA = [(concept, text_or_tuple_of_turns), ...]."""
import glob, importlib, json, os, random, re, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "safety_train2.jsonl")
KINDS = {"emergency", "crisis", "not_emergency"}
SEED = 20251202
sys.path.insert(0, HERE)

def fold(s):
    s = s.lower().replace("\u2019", "'")
    s = re.sub(r"[^\w\s]", " ", s)
    return re.sub(r"\s+", " ", s).strip()

def main():
    recs, errors, seen = [], [], {}
    for path in sorted(glob.glob(os.path.join(HERE, "*_*.py"))):
        name = os.path.splitext(os.path.basename(path))[0]
        if name.split("_")[0] not in ("em", "cr", "ne"):
            continue
        mod = importlib.import_module(name)
        kind = mod.KIND
        if kind not in KINDS:
            errors.append(f"{name}: bad kind {kind}")
            continue
        for i, item in enumerate(mod.DATA):
            if not (isinstance(item, tuple) and len(item) == 2):
                errors.append(f"{name}[{i}]: bad item {item!r}"); continue
            concept, body = item
            turns = [body] if isinstance(body, str) else list(body)
            if not concept or not re.fullmatch(r"[a-z0-9_]+", concept):
                errors.append(f"{name}[{i}]: bad concept {concept!r}")
            if not turns or len(turns) > 2 or any(not isinstance(t, str) or not t.strip() for t in turns):
                errors.append(f"{name}[{i}]: empty or bad turns {turns!r}"); continue
            for t in turns:
                k = fold(t)
                if not k:
                    errors.append(f"{name}[{i}]: turn folds to nothing {t!r}")
                elif k in seen:
                    errors.append(f"{name}[{i}]: duplicate of {seen[k]}: {t!r}")
                else:
                    seen[k] = f"{name}[{i}]"
            recs.append({"kind": kind, "turns": [t.strip() for t in turns], "concept": concept})
    if errors:
        print("\n".join(errors)); sys.exit(1)
    random.Random(SEED).shuffle(recs)
    with open(OUT, "w") as f:
        for n, r in enumerate(recs, 1):
            f.write(json.dumps({"id": f"t2-{n:04d}", **r}, ensure_ascii=False) + "\n")
    by = collections.Counter(r["kind"] for r in recs)
    two = collections.Counter(r["kind"] for r in recs if len(r["turns"]) == 2)
    concepts = collections.Counter((r["kind"], r["concept"]) for r in recs)
    print(f"wrote {len(recs)} to {OUT}")
    for k in sorted(by):
        print(f"  {k:14s} {by[k]:4d}  (two-turn {two[k]})")
    print(f"  concepts: {len(concepts)} (kind,concept) pairs, {len(set(c for _, c in concepts))} distinct tags")
    if "-v" in sys.argv:
        for (k, c), n in sorted(concepts.items()):
            print(f"    {k:14s} {c:28s} {n}")

main()
