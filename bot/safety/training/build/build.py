#!/usr/bin/env python3
"""Collect every batch file b*.py in this folder, check, shuffle (fixed seed), write the jsonl.

Each batch file defines ITEMS = [(kind, concept, text_or_turns), ...] where kind is
"E" (emergency), "C" (crisis) or "N" (not_emergency); text_or_turns is a string (one turn)
or a list of strings (a conversation; the label is for the last turn).
"""
import collections, glob, importlib.util, json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "safety_train.jsonl")
KINDS = {"E": "emergency", "C": "crisis", "N": "not_emergency"}
SEED = 20250612

def norm(s):
    s = s.lower()
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()

def main():
    rows, seen, errors = [], {}, []
    for path in sorted(glob.glob(os.path.join(HERE, "b[0-9]*.py"))):
        spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        for i, item in enumerate(mod.ITEMS):
            where = f"{os.path.basename(path)}#{i}"
            if len(item) != 3:
                errors.append(f"{where}: bad tuple {item!r}"); continue
            k, concept, t = item
            if k not in KINDS:
                errors.append(f"{where}: bad kind {k!r}"); continue
            turns = [t] if isinstance(t, str) else list(t)
            if not turns or not all(isinstance(x, str) and x.strip() for x in turns):
                errors.append(f"{where}: empty turn"); continue
            key = norm(turns[-1])
            if key in seen:
                errors.append(f"{where}: duplicate last turn of {seen[key]}: {turns[-1][:60]!r}"); continue
            seen[key] = where
            rows.append({"kind": KINDS[k], "turns": turns, "concept": concept})
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    random.Random(SEED).shuffle(rows)
    with open(OUT, "w", encoding="utf-8") as f:
        for n, r in enumerate(rows, 1):
            f.write(json.dumps({"id": f"t-{n:04d}", "kind": r["kind"], "turns": r["turns"],
                                "concept": r["concept"]}, ensure_ascii=False) + "\n")
    byk = collections.Counter(r["kind"] for r in rows)
    byc = collections.Counter((r["kind"], r["concept"]) for r in rows)
    multi = sum(1 for r in rows if len(r["turns"]) > 1)
    print(f"total {len(rows)}  two-turn {multi}")
    for k in ("emergency", "crisis", "not_emergency"):
        print(f"{k}: {byk[k]}")
        for (kk, c), n in sorted(byc.items()):
            if kk == k:
                print(f"    {c}: {n}")

if __name__ == "__main__":
    main()
