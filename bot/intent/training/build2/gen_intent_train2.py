#!/usr/bin/env python3
"""Blind writer, session 14: intent training messages, set 2.

Every message below was typed by hand (no templates, no generated variants,
no substitution loops). Sources consulted: /work/shared/sources/*.txt only.
Running this script writes ../intent_train2.jsonl (training/) and checks it.
"""
import json
import random
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "intent_train2.jsonl"  # training/, beside build2/
ALLOWED = {"medical_advice", "question", "clinic", "human", "help",
           "out_of_scope", "greeting", "thanks", "goodbye"}
WANT = {"medical_advice": 170, "question": 130}

# ---------------------------------------------------------------------------
# medical_advice: a decision about one's own (or a relative's) treatment, or a
# diagnosis of one's own symptom.
# ---------------------------------------------------------------------------
MEDICAL_ADVICE = [
    "should i skip my gabapentin b4 my lidocaine drip",
    "I have high blood pressure, is ketamine safe for me?",
    "My husband is on warfarin. Can he still have a lidocaine infusion next week?",
    "I've had CRPS in my right foot for three years, tried pregabalin, duloxetine and a nerve block, nothing touched it. My pain doctor mentioned ketamine or lidocaine. Which one should I go for?",
    "is it ok for me to drink coffee the morning of my infusion, i get migraines without it",
    "I'm 7 weeks pregnant and booked for a lidocaine infusion on Friday, should I still go?",
    "SHOULD I STOP MY ANTIDEPRESSANT BEFORE KETAMINE",
    "my mum has a pacemaker, would lidocaine be ok for her",
    "i felt really dizzy after my last lidocaine session and its been 2 days, is that normal for me or should i see someone",
    "Can I take my oxycodone the night before my ketamine infusion?",
    "I take sertraline 100mg. Does that mean I can't have ketamine?",
    "My arm where the IV went in is red and warm three days later. Is it infected?",
    "how much ibuprofen can i take after my infusion today, my back is killing me",
    "I'm diabetic with neuropathy in both feet. Would lidocaine infusions suit me?",
    "I have a history of psychosis. Is ketamine a bad idea for me",
    "should I tell my doctor I smoke weed before my ketamine session",
    "My daughter is 16 with fibromyalgia, can she get lidocaine infusions or is she too young?",
    "I had a heart attack two years ago. Is IV lidocaine risky for me with that history?",
    "i have kidney disease stage 3 - will the fluids from the drip overload me",
    "do i hold my metformin the morning of the infusion",
    "I forgot to mention I'm allergic to novocaine when I booked. Does that mean I can't have lidocaine?",
    "After my first ketamine infusion I've been having vivid nightmares. Should I continue with the series?",
    "I've done 4 lidocaine infusions and the relief only lasts 2 days. Is it worth me continuing?",
    "Would ketamine help my depression as well as my back pain, or should I go for lidocaine?",
    "My dad has dementia and terrible post-herpetic neuralgia. Would ketamine confuse him more?",
    "i get panic attacks. will ketamine make me freak out. should i do it anyway",
    "can i drive myself home after my lidocaine, i live 5 min away",
    "I'm breastfeeding my 4 month old. Do I need to pump and dump after my infusion?",
    "Is it safe for me to have a ketamine infusion with my glaucoma?",
    "I have epilepsy and take lamotrigine, is lidocaine ok for me?",
    "My heart raced and my lips went numb during my last lidocaine infusion. Should I have the next one?",
    "should i eat before my ketamine appt or go on an empty stomach, i'm hypoglycemic",
    "Can I have my infusion if I've got a cold and a slight fever?",
    "i'm on tramadol, should i cut it down now that i'm getting ketamine",
    "I'm scheduled for knee surgery in a month and I'm in the middle of a course of lidocaine infusions. Should I pause them?",
    "Is 5 sessions of ketamine enough for me or should I ask for more",
    "My wife has liver cirrhosis. Can she safely get IV lidocaine for her neuropathy?",
    "I'm 82, am I too old for ketamine infusion therapy?",
    "would an infusion help my chronic migraines or am i better off with botox",
    "I have a bad needle phobia. Should I even try IV therapy or stick with pills?",
    "do i keep taking my blood thinner before the drip or stop it",
    "I take lisinopril in the morning. Do I skip it on infusion day?",
    "My blood pressure was 165/100 when I got to the clinic last time. Is it safe for me to have ketamine if it's that high again?",
    "i had hallucinations during my ketamine session yesterday. does that mean my dose was too high",
    "im on adderall for adhd, can i still do ketamine",
    "I have atrial fibrillation. Is IV lidocaine a bad idea for me?",
    "I drink about 3 glasses of wine a night. Do I need to stop before my infusions?",
    "Since my lidocaine infusion my fibro pain is worse, not better. Should I keep going?",
    "can i take my xanax before the ketamine to calm down",
    "is it safe for me to fly the day after my ketamine infusion",
    "My son has severe CRPS after a football injury, he is 19. Should he try ketamine or lidocaine first?",
    "I'm on chemo and have terrible neuropathy in my hands. Would a lidocaine infusion help me?",
    "I used to have a problem with drugs. Is ketamine going to put me at risk of relapse?",
    "my legs feel weak and tingly since yesterday's infusion, is something wrong with me",
    "Should I switch from oral pregabalin to lidocaine infusions?",
    "How many lidocaine infusions should I have before deciding if it works for me?",
    "I have asthma and use an inhaler, is ketamine ok for me",
    "should I get magnesium added to my infusion? my levels came back low",
    "I get bad nausea from everything. Should I ask for an anti-sickness drug before my ketamine?",
    "My thyroid is overactive. Is ketamine safe for me given that?",
    "I am on methadone maintenance, can I do lidocaine infusions?",
    "can my grandma have ketamine if she's on lots of heart meds",
    "I'm trying to get pregnant, should I delay my ketamine series?",
    "do u think lidocaine will work for my sciatica",
    "I had a lidocaine infusion before and had a seizure. Should I try again at a lower dose?",
    "I'm on St John's wort. Do I need to stop it before my infusion?",
    "my head has been pounding ever since my ketamine infusion 2 days ago. is this a side effect or something else",
    "I have MS and nerve pain. Would IV lidocaine be a good option for me?",
    "Can I go to work straight after my lidocaine infusion? I drive a forklift.",
    "Is my fibromyalgia bad enough for me to need infusions?",
    "I'm on prednisone for my RA. Can I still have ketamine infusions for the pain?",
    "my husband gets really paranoid on weed, would ketamine do the same to him",
    "I'm bipolar and on lithium. Is ketamine okay for me?",
    "should i do my infusions weekly or every 2 weeks",
    "I got a bruise the size of a golf ball where the IV was. Should I be worried?",
    "i have sleep apnea, should i bring my cpap to the ketamine session",
    "My pain came back after 3 weeks. Should I book a booster infusion now or wait?",
    "i take melatonin and ambien to sleep, can i take them the night after ketamine",
    "Which one is better for my pain after my hernia op, lidocaine or ketamine?",
    "I'm on an MAOI (phenelzine). Is that going to be a problem for me with ketamine?",
    "I felt nothing from my first ketamine infusion. Should I ask them to raise the dose?",
    "my gf wants to try ketamine for her PTSD. she's also on prazosin. is that okay for her",
    "should I stop my duloxetine before my lidocaine infusion",
    "I have a latex allergy, do I need to tell them before my IV?",
    "My resting heart rate is around 48. Is lidocaine safe for me?",
    "My pain is a 9/10 right now. Should I go to the ER or wait for my infusion on Thursday?",
    "can my 12 year old with migraines get IV therapy",
    "should I have IV vitamins alongside my lidocaine? i'm always tired",
    "I was told my potassium is low. Should I still go ahead with my infusion tomorrow?",
    "My dad had a stroke last year and now has central pain. Would lidocaine help him?",
    "will ketamine interact with my birth control",
    "I had an anaphylactic reaction to a dental anesthetic years ago. Is lidocaine safe for me?",
    "iv had back pain 10 yrs, 2 surgeries, on oxy 4x a day. want off opioids. should i try ketamine to help me get off them",
    "Should I tell the nurse I took an extra oxycodone this morning before my infusion?",
    "i think i might be allergic to the lidocaine, my skin itched all night after. should i still go next week",
    "I have hypertension controlled on amlodipine. Is ketamine ok for me?",
    "I'm really scared of the dissociation. Should I choose lidocaine instead for my CRPS?",
    "i cant stop shaking after my ketamine session hours ago, is this ok",
    "Is it bad for me to have two infusions in one week?",
    "I have Crohn's and can't absorb pills well. Would IV therapy be better for me?",
    "how long should i wait after my ketamine infusion before i have a drink",
    "My brother has schizophrenia and chronic back pain. Should he avoid ketamine?",
    "Should I get infusions for the arthritis in my hands, or stick to physical therapy?",
    "can i take my cbd oil before infusion",
    "I've been feeling really low and hopeless since my last ketamine session. Should I stop?",
    "my ankles are swollen after the drip and i have heart failure. what should i do",
    "Is it safe for me to get a ketamine infusion if I have a brain aneurysm?",
    "I get migraine with aura. Would IV therapy work for my kind of migraine?",
    "I'm taking topiramate. Do I need to change my dose on infusion days?",
    "Should I keep taking my lyrica now that the lidocaine is working?",
    "my husband wants to stop his morphine cold turkey after ketamine worked, is that ok for him",
    "My mom is 70 and on dialysis. Can she have lidocaine infusions?",
    "do i need to stop my fish oil before the infusion, it thins my blood a bit",
    "I have porphyria. Is lidocaine safe for me?",
    "I'm worried ketamine will make my bladder problems worse. Should I avoid it?",
    "WHAT DOSE OF KETAMINE SHOULD I ASK FOR IM 110KG",
    "my vision went blurry for a few hours after ketamine, should i be worried",
    "I've been on naltrexone for alcohol. Can I still do ketamine for pain?",
    "should i have the lidocaine in the morning or afternoon? i'm usually dizzy in the mornings already",
    "I'm having chest tightness today and my infusion is tomorrow. Should I cancel?",
    "My endometriosis pain is awful. Would an infusion help me?",
    "Can I have ketamine if I took psilocybin last weekend?",
    "i did one infusion and now everything tastes like metal, is that from the lidocaine",
    "would i be a good candidate for ketamine with long covid pain",
    "i'm 300 lbs, will the standard dose work for me or do i need more",
    "Should I stop my nortriptyline before a ketamine infusion? My doctor isn't answering.",
    "My wife's CRPS spread to her other arm. Should she increase the number of infusions?",
    "I have a lot of anxiety, is lidocaine or ketamine better for me",
    "do i really need someone to drive me or can i take an uber alone after ketamine",
    "My whole body aches since the infusion, I think it's a flare. Should I take my usual painkillers?",
    "I have a heart murmur. Will that stop me from getting lidocaine?",
    "Ketamine can be addictive right? Is it safe for me with my family history of addiction?",
    "My infusion site is still numb a week later, is that nerve damage",
    "my blood sugar drops during long appointments, should i bring juice to my 4 hour ketamine",
    "should I stop ketamine now that my depression is better but the pain is the same",
    "i was told to stop aspirin before but i have a stent, should i really stop it",
    "Me and my sister both have fibro and she had great results with lidocaine. Will it work the same for me?",
    "I have trigeminal neuralgia. Would lidocaine or ketamine be better for me?",
    "My doctor wants me to start ketamine but I'm already on 4 psych meds. Should I say no?",
    "I've had phantom limb pain since my amputation. Would an infusion help me specifically?",
    "I'm feeling lightheaded right now after my infusion this morning. Should I lie down or go back in?",
    "Should I tell my psychiatrist I'm starting ketamine for pain?",
    "My legs are swollen and I'm short of breath since my infusion yesterday. Is this the fluid overload thing?",
    "My husband has Parkinson's and takes levodopa. Could ketamine interfere with his meds?",
    "I'm on a beta blocker, do I take it on the morning of my lidocaine?",
    "i just found out i have a UTI, should i still go for my ketamine tomorrow",
    "I'm 19 weeks pregnant with bad sciatica, is any kind of infusion safe for me?",
    "is my burning foot pain neuropathy or something else? i'm not diabetic",
    "should i try the vitamin drip for my back pain or go straight to lidocaine",
    "I take gabapentin 600 three times a day. How much should I take on infusion day?",
    "My pain has gotten worse since I started infusions. Could I be becoming tolerant?",
    "I had hepatitis C, it's treated now. Is my liver ok for lidocaine?",
    "I can't sit still for 4 hours because of my back. Can I have a shorter ketamine session?",
    "the infusions help but they're expensive. if i stop will my pain come back",
    "My partner gets cluster headaches every autumn. Would a lidocaine infusion help him?",
    "Do I need to stop my ADHD meds on infusion day",
    "i got a rash on my chest after the infusion yesterday. is that an allergic reaction?",
    "I was drinking last night. Is it still safe for me to have my ketamine at noon?",
    "My lupus is flaring. Should I postpone my infusion?",
    "will ketamine mess with my memory? i have exams in 2 weeks, should i wait till after",
    "I'm on hormone therapy for breast cancer and have joint pain, would lidocaine suit me",
    "So I've had fibromyalgia for about eight years. I tried amitriptyline, then duloxetine which made me sweat constantly, then pregabalin which made me gain 15 kg. My rheumatologist finally referred me for lidocaine infusions and I've had two. The first did almost nothing, the second gave me about four good days. I'm booked for a third but I'm wondering if I should just cancel and try something else",
    "My father is 76, he has type 2 diabetes, a stent from 2019, and the neuropathy in his feet keeps him up every night. He's on clopidogrel, metformin and a statin. His GP mentioned IV lidocaine. With all his heart stuff, is it actually safe for him?",
    "long story short: car accident in 2021, neck and shoulder pain since, physio helped a bit, injections helped for a month each. now on tramadol and it makes me foggy at work. my pain specialist is open to ketamine but i had a bad trip in college and i'm scared of hallucinating. should i go for it or ask for lidocaine instead",
    "ok so my mum (68) has had shingles pain on her side for over a year, the nerve pain tablets make her fall asleep in her chair all day, and she's already had one fall. would an infusion be safer for her than the tablets",
    "Hi, I've got my second ketamine infusion booked for Monday. After the first one I felt floaty and a bit sick for the rest of the day, which I expected, but on Wednesday I had a really bad crying spell out of nowhere. Is that from the ketamine and should I still go Monday?",
    "lidocaine or ketamine for me? CRPS left arm, also depressed",
    "SHOULD I STILL HAVE MY INFUSION IF MY INR IS 3.5",
    "is it safe 4 me 2 do ketamine on my period, the cramps r bad",
    "I've just been diagnosed with heart block. My lidocaine infusions are every month. Do I need to stop them?",
]

# ---------------------------------------------------------------------------
# question: what the articles explain the same for every patient, near the
# boundary (doses in general, conditions in general, stopping medicines in
# general, what people usually do), plus messages only telling of one's pain.
# ---------------------------------------------------------------------------
QUESTION = [
    "Is ketamine safe for people with high blood pressure?",
    "Do people usually stop their antidepressants before a ketamine infusion?",
    "How does the ketamine dose for pain compare to a recreational dose?",
    "How long does a lidocaine infusion take?",
    "how long is a typical ketamine session",
    "What are the side effects of lidocaine infusions?",
    "Can lidocaine infusions cause an irregular heartbeat?",
    "What does ketamine do to NMDA receptors?",
    "How does lidocaine block pain signals?",
    "Which conditions are lidocaine infusions used for?",
    "What conditions is ketamine used to treat?",
    "is ketamine used for depression too",
    "what should you wear to an infusion appointment",
    "Why do patients need a ride home after an infusion?",
    "Are patients supposed to drink water before an infusion?",
    "What is phlebitis?",
    "What is fluid overload and who is most at risk?",
    "Are people with heart conditions at higher risk during IV therapy?",
    "Are people with kidney problems more likely to get fluid overload from a drip?",
    "Can IV therapy interact with other medications?",
    "Why do providers ask for a full list of medications before an infusion?",
    "What is the difference between lidocaine and ketamine infusions?",
    "Which works faster, lidocaine or ketamine?",
    "Is lidocaine an opioid?",
    "Can ketamine reduce the need for opioids?",
    "Is there evidence that lidocaine infusions work for chronic pain?",
    "How strong is the evidence for ketamine in chronic pain?",
    "How often do people usually get IV therapy sessions?",
    "Is IV therapy usually used on its own or together with other treatments?",
    "What happens during a lidocaine infusion session?",
    "What happens at the consultation before infusion therapy?",
    "Are vital signs monitored during the infusion?",
    "What are the signs of an allergic reaction to an IV infusion?",
    "What does dissociation feel like during a ketamine infusion?",
    "How often do hallucinations happen with ketamine infusions?",
    "Is nausea common after infusions?",
    "What kinds of medications can be given by infusion for pain?",
    "Are NSAIDs like ketorolac used in infusions?",
    "Are corticosteroids ever given through an IV for pain?",
    "What is CRPS?",
    "what exactly is fibromyalgia",
    "Can infusions help with chronic migraines?",
    "Does IV therapy help with CIDP?",
    "Can diabetic neuropathy be treated with lidocaine infusions?",
    "Is ketamine used for PTSD?",
    "isnt ketamine a horse tranquilizer??",
    "Why does IV medicine work faster than pills?",
    "Who is generally a good candidate for infusion therapy?",
    "Is infusion therapy an option for people whose gut doesn't absorb medicine well?",
    "Can vitamins be given through an IV for pain?",
    "Does IV vitamin B12 help with pain?",
    "what are electrolyte imbalances and can IV therapy cause them",
    "Can IV therapy cause blood clots?",
    "How common is infection at the IV site?",
    "Is redness or swelling at the IV site common after an infusion?",
    "How soon do people usually feel relief after a lidocaine infusion?",
    "How long does the relief from ketamine usually last?",
    "What is a magnesium infusion used for?",
    "Is clonidine one of the drugs given by infusion for pain?",
    "Can infusions help with cancer pain?",
    "Is ketamine considered a last resort for cancer pain?",
    "Can lidocaine help with persistent pain after surgery?",
    "what is post herpetic neuralgia",
    "what is phantom limb pain and can infusions treat it",
    "Is infusion therapy done in a hospital or as an outpatient?",
    "How is infusion therapy different from physical therapy?",
    "Is surgery riskier than infusion therapy for chronic pain?",
    "Does acupuncture work as fast as infusions?",
    "What does neuroplasticity mean when people talk about ketamine?",
    "Is ketamine generally considered safe for people with a history of psychosis?",
    "Are pregnant women usually given ketamine or lidocaine infusions?",
    "Is lidocaine safe for people with heart rhythm problems in general?",
    "Can people on blood thinners get IV infusions?",
    "Do diabetics usually need to do anything special before an infusion?",
    "Is it common to feel drowsy after an infusion?",
    "Can you drive after a ketamine infusion?",
    "what's the typical dose range for IV lidocaine",
    "How is the ketamine dose decided?",
    "Why is the dose tailored to each patient?",
    "Do patients usually keep taking their regular medications during infusion therapy?",
    "Do people usually have to stop gabapentin before a lidocaine infusion?",
    "What do people usually do to prepare the day before an infusion?",
    "What is recovery like after a ketamine infusion?",
    "How long are patients observed after a lidocaine infusion?",
    "Can lidocaine infusions cause dizziness?",
    "What are the rare serious reactions to lidocaine?",
    "Can ketamine raise blood pressure during the infusion?",
    "What is a sodium channel blocker?",
    "Is ketamine addictive when it's used for pain?",
    "How much does the US spend on chronic pain each year?",
    "How many people have chronic lower back pain?",
    "How long have infusions been used to treat chronic pain?",
    "What did the 2017 review say about lidocaine infusions?",
    "Are there studies on ketamine infusion for chronic pain?",
    "Can IV therapy improve mobility and function?",
    "Does IV hydration help with pain?",
    "what are biologics used for in infusion therapy",
    "Are opioids like fentanyl and morphine given by infusion?",
    "Why do some people get infusions instead of pills?",
    "Can infusions help people who get bad side effects from oral painkillers?",
    "i've had back pain for 10 years and it never goes away",
    "my fibro is so bad today, everything hurts",
    "I've lived with CRPS in my left hand since 2019.",
    "the burning in my feet is unbearable at night",
    "migraines 4 times a week lately. it's exhausting.",
    "Is it normal to feel detached from reality during a ketamine infusion?",
    "Do people usually eat before an infusion?",
    "Can people with anxiety have ketamine infusions?",
    "In general, do patients stop blood thinners before an IV infusion?",
    "What do doctors check before deciding whether lidocaine is appropriate?",
    "Are lidocaine infusions an alternative to opioids?",
    "Can ketamine help people who don't respond to antidepressants?",
    "How many ketamine infusions do people usually need?",
    "Does a lidocaine infusion hurt?",
    "WHAT ARE THE RISKS OF KETAMINE INFUSIONS",
    "Can people with allergies get infusion therapy?",
    "How likely are allergic reactions to infusion medicines?",
    "What happens if too much fluid is given through an IV?",
    "Can older adults have ketamine infusions?",
    "do kids ever get lidocaine infusions",
    "is ketamine safe with SSRIs in general",
    "Is it dangerous to mix ketamine and alcohol?",
    "What's the usual advice about alcohol before an infusion?",
    "does caffeine affect infusions",
    "How does IV ketamine compare with oral pain medicine?",
    "Why are infusions done in a clinic rather than at home?",
    "Are there long-term effects from repeated ketamine infusions?",
    "Do people with epilepsy have extra risks with lidocaine infusions?",
    "What is idiopathic peripheral neuropathy?",
    "can infusions help arthritis pain",
]

# Social / other intents are listed in ALLOWED for validation but this set
# holds only medical_advice and question, as the brief asks.


def norm(text):
    return re.sub(r"[^\w\s]", "", text.casefold()).split().__str__()


def main():
    items = [("medical_advice", t) for t in MEDICAL_ADVICE] + \
            [("question", t) for t in QUESTION]
    random.Random(20261204).shuffle(items)
    rows = [{"id": f"it2-{i:04d}", "intent": intent, "text": text}
            for i, (intent, text) in enumerate(items, 1)]
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    # ---- checks on the written file ----
    errors = []
    seen = {}
    counts = {}
    lines = OUT.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: bad json {e}")
            continue
        if list(obj.keys()) != ["id", "intent", "text"]:
            errors.append(f"line {n}: keys/order {list(obj.keys())}")
        if obj.get("id") != f"it2-{n:04d}":
            errors.append(f"line {n}: id {obj.get('id')} out of sequence")
        if obj.get("intent") not in ALLOWED:
            errors.append(f"line {n}: intent {obj.get('intent')!r} not allowed")
        text = obj.get("text", "")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"line {n}: empty text")
        key = norm(text)
        if key in seen:
            errors.append(f"line {n}: duplicate of line {seen[key]}: {text!r}")
        seen.setdefault(key, n)
        counts[obj.get("intent")] = counts.get(obj.get("intent"), 0) + 1
    if counts != WANT:
        errors.append(f"counts {counts} != {WANT}")
    if len(lines) != sum(WANT.values()):
        errors.append(f"{len(lines)} lines, want {sum(WANT.values())}")
    if errors:
        for e in errors:
            print("FAIL:", e, file=sys.stderr)
        sys.exit(1)
    print(f"OK: wrote {OUT} with {len(lines)} rows: {counts}")


if __name__ == "__main__":
    main()
