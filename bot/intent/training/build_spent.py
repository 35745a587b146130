#!/usr/bin/env python3
"""Writes spent.jsonl: the last message of every case of the spent sets
(testdata/qa_train*, testdata/blind/qa_final*.jsonl) as an intent example.

Those sets were written blind and measured on once; now spent, they are
training data. An answer case's message is a `question`; a medical_advice,
clinic, human or out_of_scope case is that intent; a smalltalk case is the
intent its writer named; one named two ways ("cheers mate": thanks and
goodbye) is left out, as an example labelled two ways teaches noise.
Unanswerable cases are left out (the search decides those, not the
classifier), and so is a message without letters. Measuring sets (shared/eval/*, regression,
any /work/blind*) are never read.

Run from the repository root: python3 bot/intent/training/build_spent.py
"""
import glob
import json

SETS = sorted(glob.glob("testdata/qa_train*/qa_train*.jsonl")) + sorted(glob.glob("testdata/blind/qa_final*.jsonl"))
INTENTS = {"medical_advice", "clinic", "human", "out_of_scope"}

# Answer cases whose message is personal medical advice under the labelling
# policy of examples.txt (one's own choice between treatments, or whether
# one's own condition makes it safe): as `question` they would teach the
# opposite of the policy, so they are left out.
LEFT_OUT = {
    "should i ask for ketamine or lidocaine": "a choice between treatments for oneself",
    "would infusions be better for me?": "whether it would suit oneself",
    "which would suit me?": "whether it would suit oneself",
    "which one would be better for me": "a choice between treatments for oneself",
    "should i stop my other pain stuff if i start iv": "stopping one's own medicines",
    "i'm thinking about infusions, what should my next step be": "a decision about one's own treatment",
    "i have a bad heart, is all that fluid ok for me": "safe with a condition one has",
    "i have a heart condition, is fluid overload a risk for me": "safe with a condition one has",
    "should i do acupuncture instead": "a choice between treatments for oneself",
}


# Cases of any kind whose message falls on a boundary of the labelling
# policy (README.md, top) and would be labelled either way under it: left
# out, as an example labelled two ways teaches noise.
LEFT_OUT_ANY = {
    # Health topics the articles don't cover: the set's writer made them
    # out_of_scope, the policy (out_of_scope is not about health) a question
    # the search says it doesn't cover.
    "how is glaucoma treated": "health outside the articles: out_of_scope or question",
    "how do i lower my cholesterol with diet": "health outside the articles: out_of_scope or question",
    "what causes cataracts": "health outside the articles: out_of_scope or question",
    "what's the treatment for pink eye": "health outside the articles: out_of_scope or question",
    "what causes psoriasis": "health outside the articles: out_of_scope or question",
    "how do i treat athlete's foot": "health outside the articles: out_of_scope or question",
    "what are the symptoms of chickenpox": "health outside the articles: out_of_scope or question",
    "is keto good for losing weight": "health outside the articles: out_of_scope or question",
}


def intent_of(case):
    kind = case["kind"]
    if kind == "answer":
        return "question"
    if kind in INTENTS:
        return kind
    if kind == "smalltalk":
        names = set(case["intents"])
        return names.pop() if len(names) == 1 else None
    return None


def main():
    out, seen = [], {}
    for path in SETS:
        name = path.split("/")[-1].removesuffix(".jsonl")
        for line in open(path):
            case = json.loads(line)
            intent = intent_of(case)
            if intent is None:
                continue
            text = case["turns"][-1].strip()
            if text.lower() in LEFT_OUT_ANY:
                continue
            if intent == "question" and text.lower() in LEFT_OUT:
                continue
            if not any(ch.isalpha() for ch in text):
                continue
            k = " ".join(text.lower().split())
            if k in seen:
                if seen[k] != intent:
                    raise SystemExit(f"{name}/{case['id']}: {text!r} is {intent} here and {seen[k]} before")
                continue
            seen[k] = intent
            out.append({"id": f"{name}/{case['id']}", "intent": intent, "text": text})
    with open("bot/intent/training/spent.jsonl", "w") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(out), "examples")


if __name__ == "__main__":
    main()
