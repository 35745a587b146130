#!/usr/bin/env python3
"""Blind test set 14 for the infusion-therapy patient chatbot.

Every message below is typed by hand. Running this script writes
qa_final14.jsonl next to it and checks it; it exits 1 if any check fails.

Written only from /work/BLIND_RULES.md, /work/shared/README.md and the five
articles in /work/shared/sources/*.txt.
"""
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = "/work/shared/sources"
OUT = os.path.join(HERE, "qa_final14.jsonl")

# ---------------------------------------------------------------- articles
# trailing page furniture the shared README says to drop
DROP = {
    "002_0daf0697f5461e93.txt": lambda ln: ln.startswith("- ") and ln[2:3].isdigit() or ln in (
        "- Podiatry Treatments for Bunions: What You Should Know Before Considering Surgery",
        "- Choosing Between Subspecialties in Internal Medicine",
        "- How Journaling Can Help You Track and Manage Pain Over Time",
        "- The Impact of Primary Care on Reducing Healthcare Costs and Improving Access",
        "Leave a Reply"),
    "004_146a92e372ef15d5.txt": lambda ln: ln in ("No Comments", "Post A Comment"),
}


def load_articles():
    arts = {}
    for fn in sorted(os.listdir(SRC)):
        if not fn.endswith(".txt"):
            continue
        with open(os.path.join(SRC, fn), encoding="utf-8") as f:
            lines = [ln.rstrip("\n") for ln in f]
        drop = DROP.get(fn, lambda ln: False)
        arts[fn] = [(i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not drop(ln.strip())]
    return arts


# ---------------------------------------------------------------- cases
CASES = []


def A(turns, *evidence):
    """answer case: turns (str or list), 1-2 evidence strings from one article line"""
    if isinstance(turns, str):
        turns = [turns]
    CASES.append({"kind": "answer", "turns": turns, "evidence": list(evidence), "intents": []})


def U(text, *absent):
    """unanswerable: `absent` are words that must appear in none of the articles"""
    CASES.append({"kind": "unanswerable", "turns": [text], "evidence": [], "intents": [],
                  "_absent": list(absent)})


def K(kind, text, intent=None):
    CASES.append({"kind": kind, "turns": [text], "evidence": [],
                  "intents": [intent] if intent else []})


# ======================= answer: 000 (The Role of Infusion Therapy ...) ====
A("how does an infusion actually get the medicine into me? is it a needle thing or what",
  "delivers medications directly into your bloodstream through a needle or catheter")
A("so with an IV the painkiller goes right into your blood? no digesting it first?",
  "the direct delivery of pain-relieving medications into the bloodstream")
A("Does the medicine still go thru my stomach when its done by IV",
  "It bypasses the digestive system, allowing medications to reach the pain site")
A("do i have to be admitted overnight for this or is it a day visit kinda thing",
  "It’s often used in outpatient settings, offering convenience and flexibility")
A("why are so many more ppl getting infusions lately?",
  "has become popular for patients who don’t respond well to traditional treatments")
A("what parts of the pain can they actually go after with an infusion, like nerves or swelling?",
  "target specific pain pathways, such as nerve signals, inflammation, or muscle tension")
A("What illnesses are IV drips normally given for when it comes to long term pain?",
  "Complex Regional Pain Syndrome (CRPS), fibromyalgia, chronic migraines, cancer pain")
A("I've had a bad back for ten years now, nothing helps. do they do infusions for back problems?",
  "chronic migraines, cancer pain, and chronic back pain")
A("does every patient get the same medicine in their drip",
  "vary depending on the pain condition and desired outcomes")
A("can they put really strong painkillers in there, fentanyl type stuff?",
  "Opioids: For severe pain (e.g., morphine, fentanyl).")
A("whats ketorolac? its on my infusion paperwork",
  "NSAIDs: To reduce inflammation and pain (e.g., ketorolac).")
A("steroids thru an IV - what are they for??",
  "Corticosteroids: To reduce swelling and pain.")
A("my sister has rheumatoid arthritis. is there a type of infusion for people like her",
  "Biologics: Used for conditions like rheumatoid arthritis.")
A("Which drug in an infusion is the one that blocks the pain messages?",
  "Nerve Block Agents: To block pain signals (e.g., lidocaine).")
A("what happens at the very first visit, before anybody puts a needle in",
  "begins with a consultation between the patient and their healthcare provider")
A("will i be laying down or sitting up the whole time?",
  "a comfortable setting like a treatment chair or bed")
A("do they check my pulse and blood pressure and that while it's running",
  "will monitor vital signs and ensure the patient is comfortable")
A("how long am i stuck hooked up to the thing",
  "typically lasts anywhere from 30 minutes to several hours")
A("will I feel better straight away or does it take a few days to kick in?",
  "Some patients experience immediate relief, while others may notice improvement")
A("whats the big plus of getting pain meds by vein",
  "One of the biggest benefits is the rapid relief it provides")
A("My pills wreck my stomach. Do you get less side effects with a drip than with tablets?",
  "patients often experience fewer side effects compared to oral medications")
A("can the spot where the needle goes in get infected",
  "Infection: At the injection site.")
A("could i react badly to whats in the bag, like allergy?",
  "Allergic Reactions: Reactions to the medications used.")
A("my grandad has a weak heart. is getting too much liquid in a drip something to worry about for people like him",
  "excessive fluid can cause complications, especially in those with heart conditions")
A("is an infusion better than doing acupuncture or physio",
  "While physical therapy and alternative therapies like acupuncture can help")
A("would an operation be a better bet than infusions for long term pain?",
  "often comes with longer recovery times and greater risks")
A("so does infusion therapy work for anyone who tries it?",
  "but it’s not right for everyone")
A("who's a good fit for this kind of treatment",
  "People with chronic pain conditions, like fibromyalgia or CRPS")
A("i need something that works FAST, is that a reason people get put on infusions",
  "Patients who need rapid pain relief.")
A("how do i figure out if its the right thing for me",
  "consult with a healthcare provider who can evaluate your medical history")
A("in a nutshell, is infusion therapy worth looking into for chronic pain",
  "Infusion therapy is a valuable option for managing chronic pain.")
A("Quicker than pills?",
  "it works faster than oral medications")
A("is it ok to bring up side effects with the staff while the course is going on",
  "important to discuss any side effects or concerns with the healthcare provider")

# ======================= answer: 001 (lidocaine and ketamine) ==============
A("when does it make sense to use a drip instead of the usual treatments?",
  "when other treatments fail or are unsuitable due to side effects")
A("is lidocaine by IV safe in general",
  "While lidocaine infusions are generally safe")
A("can infusions help with mental health problems too or is it only pain",
  "severe or chronic pain, neuropathic disorders, and certain mental health conditions")
A("is the dose more exact when it goes in a vein?",
  "bypassing the digestive system for faster absorption and more precise dosing")
A("why not just take tablets, whats so wrong with them",
  "They may take hours to show effects, and some medications lose potency")
A("Will somebody be watching how I react the whole time I'm on it?",
  "allows for continuous monitoring of the patient’s response during treatment")
A("is it the same treatment for every patient or does it depend",
  "Infusion therapy is not a one-size-fits-all solution.")
A("who normally gets told to try infusion therapy",
  "Patients with chronic pain syndromes that don’t respond to oral medications.")
A("are infusions ever used for ppl who cant keep taking their pills bc of the side effects",
  "Patients experiencing side effects from oral medications that prevent their continued use.")
A("My pain is so bad some days I can't get out of bed. Do they use infusions for people who need quick help with pain that bad?",
  "Those seeking rapid relief for debilitating pain.")
A("lidocaine... isnt that the numbing stuff the dentist uses?",
  "best known for its role in numbing tissues during minor surgical procedures")
A("how can a numbing drug help when its put in your blood instead of the skin",
  "can modulate how pain signals travel through the nervous system")
A("what does lidocaine actually do to the nerves, science wise",
  "Lidocaine works by blocking sodium channels in nerve cells.")
A("even a light touch hurts me. can lidocaine help with that over-sensitive feeling",
  "can help decrease hypersensitivity, a common feature of chronic pain syndromes")
A("Please, what is this CRPS? The doctor say my aunt have it and I don't understand",
  "often involves severe, burning pain in a limb")
A("diabetic nerve pain in my feet - can a lidocaine drip help with that",
  "Lidocaine helps manage the nerve pain caused by diabetes-related nerve damage.")
A("is lidocaine any good for fibro",
  "Patients report reduced muscle pain and better functionality after lidocaine treatments.")
A("still sore 6 months after my knee op. is lidocaine ever used for pain that hangs around after surgery?",
  "Persistent pain following surgery can also benefit from lidocaine infusions.")
A("before they give lidocaine do they check if its safe for you",
  "The provider evaluates your medical history and determines whether lidocaine is appropriate.")
A("who does the lidocaine, a nurse or a doctor?",
  "A nurse or physician administers the lidocaine intravenously")
A("do i get to leave the minute the lidocaine finishes or do they keep me a bit",
  "Post-treatment, you’ll be observed for side effects.")
A("how fast does lidocaine kick in",
  "Relief often begins within hours of the infusion.")
A("I'm terrified of getting hooked on opioids. is lidocaine a way around them?",
  "an option for those who want to avoid or reduce opioid use")
A("are the side effects of lidocaine drips bad compared to other stuff",
  "lidocaine infusions have fewer and milder side effects")
A("can lidocaine mess with your heart rhythm",
  "Rarely, more serious reactions such as irregular heartbeat.")
A("what even is ketamine",
  "ketamine, a dissociative anesthetic, to treat chronic pain and mood disorders")
A("why do people say ketamine can rewire your brain?",
  "promotes neuroplasticity, allowing the brain to form new, healthier connections")
A("my nan had shingles and the nerve pain never left. is ketamine used for that",
  "Conditions like CRPS and post-herpetic neuralgia respond well to ketamine.")
A("my son is a veteran with ptsd, do they give ketamine for that?",
  "Ketamine reduces the severity of PTSD symptoms in many patients.")
A("what does the doctor go over with you before ketamine starts",
  "The physician discusses your medical history and sets treatment goals.")
A("IS KETAMINE SAFE IF ITS DONE IN A CLINIC",
  "Ketamine infusions are safe when administered in a controlled setting")
A("can ketamine help my anxiety as well or just pain",
  "Ketamine’s effects on depression and anxiety often improve patients’ overall well-being.")
A("would ketamine mean i can cut down on the oxy",
  "Ketamine lowers the need for opioid medications in pain management.")
A("will ketamine make me feel spaced out, like outside my own body?",
  "Temporary dissociation or feeling detached from reality.")
A("how do they keep the ketamine side effects under control",
  "Proper preparation and monitoring minimize these risks.")
A("lidocaine vs ketamine. how do they decide which one u get",
  "depends on your specific medical condition and treatment goals")
A("whats the main difference in how lidocaine and ketamine act in the body",
  "Sodium channel blocker | NMDA receptor antagonist")
A("do i need to be properly assessed before they pick one of the two",
  "a thorough evaluation by a qualified provider is essential")
A("what should i tell the doctor before my infusion? i'm on a bunch of pills",
  "Share your full medical history with your provider, including allergies and medications.")
A("shud i drink lots of water before i go in",
  "Drink plenty of water before your session unless instructed otherwise.")
A("can I drive myself home after a session?",
  "may feel drowsy after treatment, so plan for a ride home")
A("is there still hope for ppl like me who have tried literally everything",
  "these treatments offer hope for those who have exhausted other options")
A("I'm thinking about infusions. what's my first step?",
  "consult with a trusted healthcare provider")

# ======================= answer: 002 (IV treatment for chronic pain) =======
A("what if pills, physio and changing my habits just arent cutting it anymore",
  "Intravenous therapy has emerged as an alternative approach")
A("what can go in an IV apart from medicine",
  "administration of medications, nutrients, or fluids directly into a vein")
A("where do these IV treatments happen, and who does them?",
  "Healthcare professionals perform these treatments in clinical settings")
A("is the medicine pushed in all at once or drip drip slowly",
  "the controlled infusion of pain-relieving medications over a specified period")
A("are muscle relaxers ever given through an iv",
  "anti-inflammatory drugs, muscle relaxants, and specialized pain medications")
A("when would a doctor suggest going the IV route",
  "when oral medications prove ineffective, cause intolerable side effects")
A("is it a one and done or do u keep going back",
  "some patients receiving single infusions while others may require ongoing sessions")
A("what is CIDP, I saw it listed next to IV therapy",
  "This neurological disorder causes inflammation and nerve damage.")
A("i get awful migraines like 3 times a week and the tablets do nothing. could a drip be an option?",
  "Migraine sufferers who experience frequent, severe headaches may find relief")
A("can an IV actually stop a migraine once its already started",
  "can help abort migraine episodes more effectively than traditional oral treatments")
A("how many minutes before i notice it working",
  "noticeable improvement within minutes rather than waiting hours")
A("is it good to have when my pain suddenly flares up",
  "which can be particularly beneficial during pain flares")
A("can they change the dose halfway through if something's off",
  "monitor patients closely and adjust treatment in real-time")
A("can they mix a few meds together in the one bag?",
  "customize medication combinations and concentrations based on individual patient needs")
A("what do they look at to decide whether IV is ok for someone",
  "review each patient’s medical history, current medications, and pain characteristics")
A("do they keep an eye on how things are going over the whole course",
  "monitoring outcomes and safety throughout the process")
A("does having it in a clinic make it safer somehow",
  "quickly identify any adverse reactions, promoting safer treatment outcomes")
A("does IV work the same for everyone with chronic pain",
  "though its effectiveness varies among individuals")

# ======================= answer: 003 (IV therapy, key takeaways, FAQ) ======
A("do vitamin drips actually do anything for pain or is that hype",
  "particularly vitamin B12, have shown promise in pain management")
A("is it actually proven that IV therapy works for chronic pain?",
  "still a subject of ongoing research and debate")
A("Car crash two years ago and my neck and back still kill me, physio didnt work. could IV therapy help alongside other things?",
  "conditions such as car accidents or back injuries", "may offer a complementary approach")
A("whats in those custom IV mixes they sell for pain",
  "a combination of vitamins, minerals, antioxidants, and pain-relieving medications")
A("can a drip get a stronger dose to the sore spot than pills can",
  "higher concentrations of pain-relieving medications directly to the site of pain")
A("does being dehydrated make pain worse? asking for my mum who never drinks enough",
  "dehydration can exacerbate pain symptoms")
A("are low vitamin levels linked to more pain",
  "which can be exacerbated by nutrient deficiencies")
A("after my gastric bypass my body doesnt take in tablets well. does IV get round that?",
  "For individuals with gastrointestinal issues or malabsorption problems")
A("will it help me get moving again? i can barely walk the dog",
  "can help improve mobility, function, and quality of life")
A("can i keep doing physio and acupuncture while having iv sessions",
  "IV therapy can complement other pain management interventions, such as physical therapy")
A("does the relief wear off as fast as with tablets",
  "may provide longer-lasting pain relief compared to oral medications")
A("is it common to get redness or swelling where the drip goes in?",
  "Discomfort, redness, or swelling at the site where the IV is inserted")
A("how do they stop you getting an infection from the line",
  "using sterile equipment and proper insertion techniques")
A("what would an allergic reaction to an IV look like",
  "itching, rash, swelling, difficulty breathing, or anaphylaxis")
A("can you be allergic to the preservatives in the bag and not the drug itself?",
  "components of the IV solution, such as medications or preservatives")
A("can an IV throw off my potassium levels",
  "such as sodium, potassium, and calcium")
A("what happens if they give you too much fluid",
  "swelling, shortness of breath, and elevated blood pressure")
A("my mom is on dialysis for her kidneys. is fluid overload more of a risk for someone like her?",
  "with kidney or heart conditions are at higher risk")
A("can IV pain meds make you sleepy or give you a headache",
  "such as drowsiness, dizziness, nausea, or headache")
A("I take like 6 different meds for other stuff. can an IV clash with them?",
  "may interact with other medications that an individual is taking")
A("who counts as a suitable person for IV pain therapy",
  "persistent or severe pain that has not responded well to other treatments")
A("arthritis - is that one of the conditions IV therapy is used for?",
  "conditions like fibromyalgia, neuropathy, or arthritis")
A("how often would i need to go for sessions",
  "Some individuals may benefit from weekly sessions initially")
A("is IV therapy enough on its own?",
  "typically used in conjunction with other strategies for optimal results")
A("what else usually goes into the pain plan besides the iv",
  "physical therapy, medications, lifestyle modifications, and alternative therapies")
A("has anyone actually studied lidocaine drips, like published research?",
  "Lidocaine infusions in chronic pain management: A prospective case series analysis.")
A("is there a meta-analysis on IV ketamine for chronic pain",
  "IV ketamine infusion therapy for chronic pain: A systematic review and meta-analysis.")
A("does infusion therapy get used for nerve type pain, like crps?",
  "Individuals suffering from nerve pain conditions, such as complex regional pain syndrome")
A("can vitamins and minerals in a drip help with fibro or cancer type pain",
  "vitamins, minerals, and other therapeutic agents can support overall health")
A("in simple words how does IV therapy for pain work",
  "a customized blend of medications, nutrients, and fluids directly into the bloodstream")
A("will going on IVs mean I can rely less on my tablets",
  "may reduce reliance on oral medications")
A("does the drip help with hydration as well",
  "IV therapy provides rapid hydration, helping to alleviate pain")

# ======================= answer: 004 (Which Types of IV Infusion Work) =====
A("what is fibromyalgia in plain english",
  "patients feel pain all over their body with no apparent cause")
A("how common is lower back pain really? feels like everyone has it",
  "between one third and two-thirds of the population")
A("how much money does chronic pain cost america each year, like the whole economy",
  "the US spend $560 billion dollars a year on chronic pain")
A("my dad lost his leg and still feels pain where it used to be. can IV infusions help phantom pain?",
  "fibromyalgia, phantom limb pain, post-herpetic neuralgia, complex regional pain syndrome")
A("mum had a stroke last year and has had pain ever since. are infusions used for pain after stroke?",
  "complex regional pain syndrome as well as stroke pain")
A("which iv drug has had the most research done on it",
  "Lidocaine is the most studied and best-researched option.")
A("r lidocaine drips common for fibromyalgia now?",
  "IV lidocaine infusion for fibromyalgia is an increasingly common treatment option")
A("how does lidocaine stop the pain getting up to the brain",
  "stopping pain signals from being transmitted to the brain")
A("isnt ketamine a horse tranquilizer?? why would a doctor give me that",
  "its equestrian use as a horse tranquilizer")
A("is the amount of ketamine they use anything like what people take at parties",
  "A very small amount of the drug is infused")
A("what else are they researching ketamine for",
  "increasingly being researched for its pain relieving and antidepressant properties")
A("is the infection risk from an infusion needle any different from a normal hospital drip?",
  "the same as if you had a drip in hospital!")
A("have infusions been around for a long time for chronic pain?",
  "IV infusions have not been used to treat chronic pain for long.")
A("is there any proof this works? like studies",
  "called lidocaine infusions “a promising therapeutic approach for chronic pain!”")
A("any risks at all? be honest",
  "No treatment comes without risks.")
A("why is IV better than swallowing the drug",
  "they are much more effective than when taking via the oral route")
A("does ketamine in a drip stop pain signals in the spine",
  "stops pain signals from going up with spinal cord into the brain")

# ======================= answer: follow-ups (2-3 turns) ====================
A(["how long does a lidocaine infusion take?", "and for ketamine?"],
  "The session usually lasts 1–4 hours, with the dose tailored")
A(["what side effects can lidocaine cause", "do they last long?"],
  "These effects are typically short-lived and resolve quickly under medical supervision.")
A(["hi my daughter has crps", "is lidocaine used for that?", "what about fibromyalgia? she might have that too"],
  "Fibromyalgia: Patients report reduced muscle pain")
A(["does ketamine help with chronic pain", "and depression?"],
  "Ketamine can improve mood in patients resistant to traditional antidepressants.")
A(["how soon does lidocaine start working?", "ok and ketamine, is that quicker"],
  "Many patients experience relief within hours of their first session.")
A(["my doctor listed phlebitis as one of the risks", "what is that exactly"],
  "Phlebitis: Inflammation of the veins.")
A(["what should i do to get ready for my first infusion", "what about clothes?"],
  "Loose-fitting clothes make the process more comfortable.")
A(["any tips for the day of my ketamine infusion?", "and getting home afterwards?"],
  "Arrange Transportation: Some patients may feel drowsy after treatment")
A(["what kinds of meds can they give in an infusion", "is morphine one of them?"],
  "Opioids: For severe pain (e.g., morphine, fentanyl).")
A(["whats CIDP", "can IV treatment do anything for it"],
  "Specialized IV medications can help restore nerve function and reduce the inflammation")
A(["can infusions help with migraines?", "how fast compared to pills tho"],
  "The rapid onset of IV medications can help abort migraine episodes")
A(["how often do people need sessions?", "forever? or does it go down"],
  "while others may require less frequent maintenance sessions")
A(["what are the risks of iv therapy", "which ones are the rare ones?"],
  "vein irritation, blood clots, or damage to surrounding tissues")
A(["what's ketamine", "why is it used for mental health stuff then?"],
  "This property makes it effective for treating certain mental health conditions")
A(["can an IV affect my electrolytes?", "how would i know, what would i feel"],
  "muscle cramps, weakness, irregular heartbeat, or confusion")
A(["who is infusion therapy meant for?", "what about someone whose stomach doesn't absorb pills properly"],
  "conditions that affect medication absorption, such as gastrointestinal issues")
A(["does lidocaine help diabetic nerve pain?", "and what about nerve damage from chemo"],
  "chemotherapy-induced neuropathy or idiopathic peripheral neuropathy")
A(["my brother has cancer, is ketamine used for cancer pain?", "is it usually the first thing they try?"],
  "Ketamine is a last-resort option for managing intractable cancer-related pain.")
A(["how does lidocaine work?", "and ketamine, same way?"],
  "Unlike lidocaine, ketamine acts on the central nervous system by blocking NMDA")
A(["whats the difference between lidocaine and ketamine infusions", "which one is for mental health disorders"],
  "Pain and mental health disorders")
A(["do infusions have side effects?", "is feeling sick one of them?"],
  "Nausea: Sometimes caused by certain medications.")
A(["can IV therapy help fibromyalgia?", "what about cancer pain, does it help that too?"],
  "Individuals suffering from disease-related pain, such as cancer or fibromyalgia")
A(["what drugs are available by IV for chronic pain?", "never heard of clonidine, is that one?"],
  "The drugs that are available include Lidocaine, ketamine, clonidine, and magnesium.")
A(["my wife starts ketamine infusions next month, she is nervous", "will she hallucinate like people on drugs do?"],
  "far lower than a recreational dose which may make a patient hallucinate")
A(["is lidocaine the numbing stuff?", "so how long does a session go for"],
  "administers the lidocaine intravenously over 30–60 minutes")
A(["do they monitor you during ketamine?", "and after, can i just walk out?"],
  "Patients are observed briefly after the treatment to ensure they are stable.")
A(["is ketamine used for ptsd", "wow. and how long before it starts to help, in general?", "and is it quicker than lidocaine?"],
  "Onset of Relief | Immediate or short-term | Often within hours")

# ======================= unanswerable ======================================
U("can i get a ketamine infusion if im pregnant?", "pregnan")
U("Is it safe to breastfeed after a lidocaine drip or should I pump and dump", "breastfeed", "breast")
U("do kids ever get lidocaine infusions? my son is 12 and has crps", "child", "kids", "pediatric", "paediatric")
U("does ketamine infusion work for OCD", "OCD", "obsessive")
U("whats the difference between spravato nasal spray and a ketamine iv", "spravato", "nasal", "esketamine")
U("will a ketamine infusion show up on a drug test for work?", "drug test", "urine")
U("can I have a glass of wine the evening after my infusion", "alcohol", "wine")
U("does ketamine damage your bladder? i read about ketamine bladder online", "bladder", "urinary")
U("is lidocaine infusion used for ringing in the ears / tinnitus", "tinnitus", "ringing")
U("trigeminal neuralgia - do lidocaine infusions work for face pain like that?", "trigeminal", "face")
U("do you need a PICC line put in if you have infusions every week", "PICC")
U("can the infusion go through my port-a-cath instead of a new needle every time", "port-a-cath", "port")
U("is ketamine FDA approved for treating pain?", "FDA", "approved")
U("what is in a myers cocktail and does it help fibro", "myers", "cocktail")
U("do NAD+ drips help with chronic fatigue syndrome", "NAD", "fatigue")
U("can an iron infusion fix restless legs at night", "iron", "restless")
U("does ketamine help with bipolar depression or just regular depression", "bipolar")
U("my father has a pacemaker. do lidocaine infusions interfere with pacemakers?", "pacemaker")
U("can someone with epilepsy have lidocaine infusions or does it trigger fits", "epilep", "seizure")
U("does a lidocaine infusion help endometriosis pain", "endometriosis")
U("is ketamine being used for long covid pain and brain fog?", "covid", "fog")
U("how does a spinal cord stimulator compare to getting infusions", "stimulator")
U("what percentage of crps patients go into remission after ketamine", "remission", "percent", "percentage")
U("can I go to the gym the day after a ketamine infusion", "gym", "exercise", "workout")
U("does a lidocaine infusion raise blood sugar in diabetics", "blood sugar", "glucose", "insulin")
U("are lupus flares ever treated with pain infusions", "lupus")
U("my mother has cirrhosis of the liver - does that change how lidocaine is handled by the body", "liver", "cirrhosis")
U("can infusion therapy help the joint pain from ehlers danlos syndrome", "ehlers", "danlos", "hypermobil")
U("can you get ketamine as a lozenge to take at home instead of the iv", "lozenge", "troche", "at home")
U("does low dose naltrexone work better than infusions for fibromyalgia?", "naltrexone", "LDN")
U("is sickle cell pain treated with ketamine drips", "sickle")
U("what size needle do they use for a pain infusion, is it a big one", "gauge")
U("does ketamine help people quit alcohol or drug addiction", "addict")
U("could a ketamine infusion make schizophrenia worse", "schizophren", "psychosis", "psychotic")
U("is botox better than an iv for chronic migraine", "botox", "botulinum")

# ======================= medical_advice ====================================
K("medical_advice", "should i stop taking my gabapentin before my lidocaine infusion on friday?")
K("medical_advice", "how much ketamine should i be getting for my crps, whats the right dose for me")
K("medical_advice", "I'm on warfarin. Is it ok for ME to have an infusion or not?")
K("medical_advice", "my arm is still a bit sore and pink 2 days after the IV came out, should i put ice or heat on it")
K("medical_advice", "felt queasy after my session today, can i take a zofran tonight")
K("medical_advice", "Should I go for lidocaine or ketamine for my fibromyalgia? which would you pick for me")
K("medical_advice", "can i take my usual oxycodone the morning of my ketamine appointment or skip it")
K("medical_advice", "im on sertraline 100mg. do i need to come off it before starting ketamine")
K("medical_advice", "my mom has heart failure and bad kidneys - should she go ahead with the infusions her pain doctor offered her?")
K("medical_advice", "is it ok if i skip my blood pressure tablet on infusion day")
K("medical_advice", "Had 3 lidocaine infusions and honestly no change. should I keep going or give up on them?")
K("medical_advice", "burning foot, swelling, skin going purple-ish. do i have crps? can u tell me")
K("medical_advice", "my relief only lasts 5 days after each infusion, do you think I need them more often?")
K("medical_advice", "My rheumatologist wants me on a biologic drip for my RA but I'm scared of it. Should I say no?")
K("medical_advice", "CAN I DOUBLE UP MY IBUPROFEN THE DAY AFTER MY INFUSION MY BACK IS KILLING ME")
K("medical_advice", "my son is 19 with ptsd, should he do ketamine instead of his therapy sessions")

# ======================= clinic ============================================
K("clinic", "how much does a ketamine infusion cost at your clinic?")
K("clinic", "do you guys take blue cross")
K("clinic", "what time are you open on saturdays")
K("clinic", "where exactly is the clinic and is there parking?")
K("clinic", "i need to move my appt on tuesday to another day")
K("clinic", "Can I book a lidocaine infusion for sometime next week")
K("clinic", "do i need a referral from my GP to be seen by you")
K("clinic", "do u offer payment plans? cant pay all at once")
K("clinic", "whats the phone number for your office")
K("clinic", "how long is the wait list for new patients right now")
K("clinic", "Does your practice accept Medicaid?")
K("clinic", "I have to cancel my infusion tomorrow morning, how do i do that")
K("clinic", "r u open christmas eve")
K("clinic", "where do i find the new patient forms to fill in before my first visit")
K("clinic", "can my husband stay in the room with me during my infusion at your center?")
K("clinic", "do you do ketamine infusions at your place or only lidocaine")

# ======================= human =============================================
K("human", "can i talk to a real person please")
K("human", "I would like to speak with one of the nurses")
K("human", "get me a human")
K("human", "this isnt helping, connect me to someone on staff")
K("human", "Could somebody from the office give me a call back today?")
K("human", "operator")
K("human", "id rather talk to my doctor directly, can you put me through")
K("human", "is there a live agent i can chat to")
K("human", "REPRESENTATIVE PLEASE")
K("human", "I am 78 and not good with computers. Can I speak to somebody on the telephone instead of typing?")
K("human", "transfer me to a human being")
K("human", "my daughter wants to talk to an actual staff member about my care, how can she reach one")
K("human", "can a nurse message me back when they get a minute")
K("human", "no more robot answers. person pls")
K("human", "Sorry my english is not good, is possible to talk with a person who speak spanish?")
K("human", "i need to speak with the doctor who did my infusion last week")

# ======================= out_of_scope ======================================
K("out_of_scope", "whats the weather going to be like tomorrow in boston")
K("out_of_scope", "can you write me a python script that sorts a list of names")
K("out_of_scope", "who won the super bowl last year?")
K("out_of_scope", "give me a good recipe for banana bread")
K("out_of_scope", "how do you say good morning in french")
K("out_of_scope", "what is the capital of australia")
K("out_of_scope", "recommend me a netflix series to binge this weekend")
K("out_of_scope", "how do i change a flat tyre")
K("out_of_scope", "write a short poem about my cat")
K("out_of_scope", "whats 17 times 23")
K("out_of_scope", "is bitcoin going up this month")
K("out_of_scope", "best time of year to visit japan?")
K("out_of_scope", "how to get rid of aphids on my tomato plants")
K("out_of_scope", "can u help me with my history homework about the roman empire")
K("out_of_scope", "how do I kill a zombie process in linux")
K("out_of_scope", "my phone battery drains really fast, any tips?")

# ======================= smalltalk =========================================
K("smalltalk", "hi", "greeting")
K("smalltalk", "Hello there!", "greeting")
K("smalltalk", "good morning :)", "greeting")
K("smalltalk", "hey bot hows it going", "greeting")
K("smalltalk", "thank u so much", "thanks")
K("smalltalk", "ok thanks, that helped a lot", "thanks")
K("smalltalk", "cheers mate", "thanks")
K("smalltalk", "muchas gracias, very helpful", "thanks")
K("smalltalk", "bye", "goodbye")
K("smalltalk", "ok thats all for now, goodnight", "goodbye")
K("smalltalk", "see ya later", "goodbye")
K("smalltalk", "talk soon, take care!", "goodbye")
K("smalltalk", "what can you do?", "help")
K("smalltalk", "how do i use this thing", "help")
K("smalltalk", "what sort of questions can I ask you", "help")
K("smalltalk", "help", "help")


# ---------------------------------------------------------------- checks
KINDS = {"answer", "unanswerable", "medical_advice", "clinic", "human", "out_of_scope",
         "smalltalk", "emergency", "crisis", "not_emergency"}
INTENTS = {"greeting", "thanks", "goodbye", "help"}
KEYS = ["id", "kind", "turns", "evidence", "intents"]
WANT = {"answer": 170, "unanswerable": 35, "medical_advice": 16, "clinic": 16,
        "human": 16, "out_of_scope": 16, "smalltalk": 16}


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower().replace("’", "'").replace("'", ""))


def main():
    arts = load_articles()
    errors = []
    full_text = "\n".join(ln for lines in arts.values() for _, ln in lines)

    # n-grams of the articles, to catch questions that copy article wording
    N = 6
    art_ngrams = set()
    for lines in arts.values():
        for _, ln in lines:
            w = words(ln)
            for i in range(len(w) - N + 1):
                art_ngrams.add(tuple(w[i:i + N]))

    cases = list(CASES)
    random.Random(14).shuffle(cases)
    rows = []
    for i, c in enumerate(cases, 1):
        row = {"id": "q14-%03d" % i, "kind": c["kind"], "turns": c["turns"],
               "evidence": c["evidence"], "intents": c["intents"]}
        rows.append((row, c))

    seen_last = {}
    counts = {}
    multi = 0
    lines_hit = set()
    for n, (row, c) in enumerate(rows, 1):
        rid = row["id"]
        if list(row.keys()) != KEYS:
            errors.append("%s: keys/order %r" % (rid, list(row.keys())))
        if rid != "q14-%03d" % n:
            errors.append("%s: id out of sequence" % rid)
        k = row["kind"]
        counts[k] = counts.get(k, 0) + 1
        if k not in KINDS:
            errors.append("%s: bad kind %r" % (rid, k))
        t = row["turns"]
        if not isinstance(t, list) or not (1 <= len(t) <= 3) or not all(isinstance(x, str) and x.strip() for x in t):
            errors.append("%s: bad turns" % rid)
            continue
        if len(t) > 1:
            multi += 1
            if k != "answer":
                errors.append("%s: multi-turn outside answer" % rid)
        last = " ".join(t[-1].casefold().split())
        if last in seen_last:
            errors.append("%s: duplicate last turn with %s: %r" % (rid, seen_last[last], t[-1]))
        seen_last[last] = rid
        for msg in t:
            w = words(msg)
            for j in range(len(w) - N + 1):
                if tuple(w[j:j + N]) in art_ngrams:
                    errors.append("%s: copies article wording: %r" % (rid, " ".join(w[j:j + N])))
                    break
        ev = row["evidence"]
        if k == "answer":
            if not (1 <= len(ev) <= 2):
                errors.append("%s: answer needs 1-2 evidence" % rid)
            for e in ev:
                nw = len(e.split())
                if not 5 <= nw <= 12:
                    errors.append("%s: evidence has %d words: %r" % (rid, nw, e))
            where = [(fn, ln_no) for fn, lines in arts.items() for ln_no, ln in lines
                     if ev and all(e in ln for e in ev)]
            if not where:
                errors.append("%s: evidence not all on one article line: %r" % (rid, ev))
            else:
                lines_hit.update(where)
        elif ev != []:
            errors.append("%s: evidence must be empty for %s" % (rid, k))
        it = row["intents"]
        if k == "smalltalk":
            if len(it) != 1 or it[0] not in INTENTS:
                errors.append("%s: smalltalk needs one intent" % rid)
        elif it != []:
            errors.append("%s: intents must be empty for %s" % (rid, k))
        if k == "unanswerable":
            for word in c.get("_absent", []):
                if re.search(r"\b" + re.escape(word), full_text, re.I):
                    errors.append("%s: %r occurs in an article" % (rid, word))
            if not c.get("_absent"):
                errors.append("%s: unanswerable without absent-word check" % rid)

    for k, want in WANT.items():
        if counts.get(k, 0) != want:
            errors.append("count %s = %d, want %d" % (k, counts.get(k, 0), want))
    if not 23 <= multi <= 28:
        errors.append("multi-turn answer cases = %d, want about 25" % multi)
    st = {}
    for row, _ in rows:
        if row["kind"] == "smalltalk":
            st[row["intents"][0]] = st.get(row["intents"][0], 0) + 1
    if sorted(st.values()) != [4, 4, 4, 4]:
        errors.append("smalltalk intents not spread 4/4/4/4: %r" % st)
    per_art = {}
    for fn, _ in lines_hit:
        per_art[fn] = per_art.get(fn, 0) + 1
    for fn, lines in arts.items():
        # every article must be used, on at least 10 lines or (short articles)
        # on most of its prose lines
        prose = [ln for _, ln in lines if len(ln.split()) > 12]
        need = min(10, len(prose) - 2)
        if per_art.get(fn, 0) < need:
            errors.append("article %s has only %d evidence lines (need %d)" % (fn, per_art.get(fn, 0), need))

    with open(OUT, "w", encoding="utf-8") as f:
        for row, _ in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

    print("wrote %d cases to %s" % (len(rows), OUT))
    print("counts:", dict(sorted(counts.items())), "multi-turn:", multi)
    print("smalltalk intents:", st)
    print("distinct evidence lines per article:", dict(sorted(per_art.items())))
    if errors:
        print("\n%d FAILED CHECKS:" % len(errors))
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
