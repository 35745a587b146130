#!/usr/bin/env python3
"""Blind test set q14b: writes qa_final14b.jsonl and checks it; exits 1 on any failed check.

Every message below is typed by hand. Evidence strings are copied from
/work/shared/sources/*.txt (exact substrings, one line of one article).
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = "/work/shared/sources"
OUT = os.path.join(HERE, "qa_final14b.jsonl")
PREFIX = "q14b-"

A0 = "000_c614e64672ad6ff7.txt"
A1 = "001_40c6da6138b2aae4.txt"
A2 = "002_0daf0697f5461e93.txt"
A3 = "003_2e6b24436037f4fa.txt"
A4 = "004_146a92e372ef15d5.txt"

# (kind, turns, evidence, intents, article-the-evidence-is-from or None)
CASES = []


def ans(art, turns, *evidence):
    CASES.append(("answer", list(turns), list(evidence), [], art))


def other(kind, turns, intents=()):
    CASES.append((kind, list(turns), [], list(intents), None))


# ---------------------------------------------------------------- answer: 000
ans(A0, ["ok so what actually is an infusion?? like do they stick a needle in ur arm and drip stuff in"],
    "delivers medications directly into your bloodstream through a needle or catheter")
ans(A0, ["Do I have to be admitted to hospital overnight for one of these or is it a go-in-go-home kind of thing?"],
    "It’s often used in outpatient settings, offering convenience and flexibility.")
ans(A0, ["why are so many ppl doing infusions lately, is it for the ones where nothing else worked?"],
    "popular for patients who don’t respond well to traditional treatments")
ans(A0, ["My neck and shoulders are constantly knotted, like rocks. Can an IV do anything for tight muscles or is it only nerve stuff?"],
    "target specific pain pathways, such as nerve signals, inflammation, or muscle tension")
ans(A0, ["what ilnesses are infusions even used for? my friend has crps and another one has fibro"],
    "Complex Regional Pain Syndrome (CRPS), fibromyalgia, chronic migraines, cancer pain")
ans(A0, ["I've been on pills for my back for 6 years, tried everything my GP can think of, nothing touches it. Is that the sort of person a drip is aimed at?"],
    "especially beneficial for patients who haven’t found relief with oral medications")
ans(A0, ["do they give morphine or fentanyl thru the drip??"],
    "Opioids: For severe pain (e.g., morphine, fentanyl).")
ans(A0, ["my nurse friend said something about toradol in an IV, what's that one for"],
    "NSAIDs: To reduce inflammation and pain (e.g., ketorolac).")
ans(A0, ["can they put steroids in the IV to bring swelling down"],
    "Corticosteroids: To reduce swelling and pain.")
ans(A0, ["My mum has RA and gets a drip at the hospital every 8 weeks. What type of drug would that usually be?"],
    "Biologics: Used for conditions like rheumatoid arthritis.")
ans(A0, ["whats the first step if i want to try this, do i just turn up and get hooked up?"],
    "typically begins with a consultation between the patient and their healthcare provider")
ans(A0, ["do you lie down in a bed for it or sit up in a chair"],
    "a comfortable setting like a treatment chair or bed")
ans(A0, ["how long am I gonna be stuck there? I have to grab my kids from school at 3"],
    "typically lasts anywhere from 30 minutes to several hours")
ans(A0, ["will i feel better right after or does it take a couple days??"],
    "others may notice improvement over the next few days")
ans(A0, ["The tablets I'm on wreck my stomach and I feel awful all day. Would getting it through a vein be easier on me, side-effect wise?"],
    "patients often experience fewer side effects compared to oral medications")
ans(A0, ["is getting too much fluid from the bag a common problem or pretty rare?"],
    "In rare cases, excessive fluid can cause complications")
ans(A0, ["My surgeon says a spinal fusion might be on the table. Honestly is an operation riskier than infusions?"],
    "often comes with longer recovery times and greater risks")
ans(A0, ["physio and acupuncture help me a tiny bit but it takes forever. would an infusion work quicker?"],
    "they may not offer the immediate relief that this therapy provides")
ans(A0, ["is infusion therapy for everybody or are some ppl just not suited"],
    "many chronic pain patients, but it’s not right for everyone")
ans(A0, ["I have Crohn's and half my meds seem to go straight through me without doing anything. Would that make me a good fit?"],
    "conditions that affect medication absorption, such as gastrointestinal issues")
ans(A0, ["whats the main plus side of getting meds straight into the vein"],
    "One of the biggest benefits is the rapid relief it provides")
ans(A0, ["the doctor will be watching me the whole time yeah? like my blood pressure and pulse and that"],
    "will monitor vital signs and ensure the patient is comfortable")
ans(A0, ["how do I figure out if this is right for me before I commit to anything"],
    "consult with a healthcare provider who can evaluate your medical history")
ans(A0, ["does the doctor make a plan just for me or is it the same drip for everyone who walks in"],
    "allows healthcare providers to tailor treatments for each patient")
ans(A0, ["what kinds of meds can go in an infusion for pain?",
         "which one is for inflammation"],
    "NSAIDs: To reduce inflammation and pain (e.g., ketorolac).")
ans(A0, ["do they use steroids in these drips?",
         "ok and the biologic ones, what are they for"],
    "Biologics: Used for conditions like rheumatoid arthritis.")
ans(A0, ["whats an infusion in plain english",
         "and why's that better than swallowing a tablet"],
    "ensures quicker absorption and faster therapeutic effects compared to oral medications")
ans(A0, ["my dr said there'd be a consult before any infusion",
         "and after that, where does the actual session happen?"],
    "usually takes place in a comfortable setting like a treatment chair")

# ---------------------------------------------------------------- answer: 001
ans(A1, ["isnt lidocaine the numbing stuff the dentist uses?? why would u put that in a vein"],
    "best known for its role in numbing tissues during minor surgical procedures")
ans(A1, ["in simple words how does lidocaine stop pain"],
    "Lidocaine works by blocking sodium channels in nerve cells.")
ans(A1, ["even my bedsheets touching my legs hurts. would lidocaine calm that oversensitivity down?"],
    "can help decrease hypersensitivity, a common feature of chronic pain syndromes")
ans(A1, ["my sisters doctor thinks she might have CRPS, her arm feels like its on fire all the time. what even is that"],
    "often involves severe, burning pain in a limb")
ans(A1, ["my grandad (78) is diabetic and gets horrible burning in his feet at night. would a lidocaine drip help him?"],
    "Lidocaine helps manage the nerve pain caused by diabetes-related nerve damage.")
ans(A1, ["ever since chemo my fingers and toes tingle and burn. is lidocaine used for that kind of thing?"],
    "chemotherapy-induced neuropathy or idiopathic peripheral neuropathy")
ans(A1, ["do ppl with fibro actually feel any better after lido?"],
    "Patients report reduced muscle pain and better functionality after lidocaine treatments.")
ans(A1, ["had my knee replaced 8 months ago and its still killing me. is there anything for pain that hangs around after an op?"],
    "Persistent pain following surgery can also benefit from lidocaine infusions.")
ans(A1, ["how long does the lidocaine drip itself take?"],
    "administers the lidocaine intravenously over 30–60 minutes")
ans(A1, ["after the lidocaine is done can i just get up and walk out?"],
    "Post-treatment, you’ll be observed for side effects.")
ans(A1, ["I really don't want to end up hooked on opioids like my brother did. Is lidocaine a way around that?"],
    "an option for those who want to avoid or reduce opioid use")
ans(A1, ["how soon does lido kick in"],
    "Relief often begins within hours of the infusion.")
ans(A1, ["Do lidocaine side effects hang around for days or do they pass?"],
    "These effects are typically short-lived and resolve quickly under medical supervision.")
ans(A1, ["ketamine... isnt that an anesthetic? why are they using it for pain and moods"],
    "ketamine, a dissociative anesthetic, to treat chronic pain and mood disorders")
ans(A1, ["read online that ketamine 'rewires' your brain, is that a real thing or just hype"],
    "promotes neuroplasticity, allowing the brain to form new, healthier connections")
ans(A1, ["My mum had shingles two years ago and she's still got nerve pain round her side. Would ketamine be something for her?"],
    "Conditions like CRPS and post-herpetic neuralgia respond well to ketamine.")
ans(A1, ["my son is 24 and has tried 4 different antidepressants, none of them did anything. is ketamine a thing for people like him?"],
    "Ketamine can improve mood in patients resistant to traditional antidepressants.")
ans(A1, ["Im a vet (army not animals lol), ptsd from deployment. does the ketamine thing help with that"],
    "Ketamine reduces the severity of PTSD symptoms in many patients.")
ans(A1, ["is ketamine usually the first thing they try for cancer pain"],
    "Ketamine is a last-resort option for managing intractable cancer-related pain.")
ans(A1, ["how long is a ketamine session, hours?"],
    "The session usually lasts 1–4 hours")
ans(A1, ["once the ketamine bag is finished do they kick you out straight away?"],
    "Patients are observed briefly after the treatment to ensure they are stable.")
ans(A1, ["how quick would i notice anything after the first ketamine"],
    "Many patients experience relief within hours of their first session.")
ans(A1, ["does ketamine help with anxiety as well or just pain"],
    "Ketamine’s effects on depression and anxiety often improve patients’ overall well-being.")
ans(A1, ["could ketamine let me cut back on my oxy"],
    "Ketamine lowers the need for opioid medications in pain management.")
ans(A1, ["what does a ketamine drip FEEL like? will i go all floaty or feel outside my body?"],
    "Temporary dissociation or feeling detached from reality.")
ans(A1, ["is ketamine safe? kinda scared tbh"],
    "safe when administered in a controlled setting")
ans(A1, ["how do they choose between the lido one and the ketamine one"],
    "depends on your specific medical condition and treatment goals")
ans(A1, ["I'm allergic to penicillin and I'm on like 6 different meds. do I need to tell the infusion people all that?"],
    "Share your full medical history with your provider, including allergies and medications.")
ans(A1, ["should i be drinking water beforehand or not bother"],
    "Drink plenty of water before your session unless instructed otherwise.")
ans(A1, ["can i drive myself home after or do i need someone to come get me"],
    "may feel drowsy after treatment, so plan for a ride home")
ans(A1, ["what should I wear to my infusion appointment"],
    "Loose-fitting clothes make the process more comfortable.")
ans(A1, ["why do tablets lose their strength in ur gut, is that a reason they go IV"],
    "some medications lose potency when processed by the digestive system")
ans(A1, ["I had to come off my nerve pills because they turned me into a zombie. does that count as a reason to get infusions?"],
    "Patients experiencing side effects from oral medications that prevent their continued use.")
ans(A1, ["What's the NMDA thing people keep mentioning with ketamine?"],
    "(N-methyl-D-aspartate) receptors, which play a critical role in the transmission")
ans(A1, ["how long does a lidocaine infusion take?",
         "and ketamine?"],
    "The session usually lasts 1–4 hours")
ans(A1, ["what side effects does lidocaine have",
         "ok what about the ketamine one"],
    "Temporary dissociation or feeling detached from reality.")
ans(A1, ["is a lidocaine infusion safe?",
         "could it do anything to my heart though"],
    "Rarely, more serious reactions such as irregular heartbeat.")
ans(A1, ["does lidocaine help diabetic nerve pain",
         "and what about after chemo?"],
    "chemotherapy-induced neuropathy or idiopathic peripheral neuropathy")
ans(A1, ["how fast does ketamine start working",
         "and lido?"],
    "Relief often begins within hours of the infusion.")
ans(A1, ["what conditions is ketamine used for",
         "is it any good for shingles pain that never went away"],
    "Conditions like CRPS and post-herpetic neuralgia respond well to ketamine.")

# ---------------------------------------------------------------- answer: 002
ans(A2, ["is it done at a clinic with staff around or could i do it at home by myself"],
    "Healthcare professionals perform these treatments in clinical settings")
ans(A2, ["do they ever put muscle relaxers in the IV"],
    "anti-inflammatory drugs, muscle relaxants, and specialized pain medications")
ans(A2, ["is this a one and done thing or do people keep going back"],
    "some patients receiving single infusions while others may require ongoing sessions")
ans(A2, ["when would a doc actually suggest IV instead of tablets"],
    "when oral medications prove ineffective, cause intolerable side effects")
ans(A2, ["my husband was diagnosed with CIDP last year and his legs keep getting weaker. can IV stuff help that?"],
    "Specialized IV medications can help restore nerve function and reduce the inflammation")
ans(A2, ["i get migranes like 3x a week and the pills dont do squat. would a drip help?"],
    "experience frequent, severe headaches may find relief through IV therapy")
ans(A2, ["can an IV stop a migraine thats already in full swing"],
    "The rapid onset of IV medications can help abort migraine episodes")
ans(A2, ["how quick does an iv work compared to pills, like minutes or hours?"],
    "noticeable improvement within minutes rather than waiting hours for oral medications")
ans(A2, ["my pain comes in really bad flare ups. is iv good for those moments"],
    "particularly beneficial during pain flares or when immediate symptom control becomes necessary")
ans(A2, ["if something feels off halfway through can they change the dose on the spot?"],
    "monitor patients closely and adjust treatment in real-time")
ans(A2, ["what will the doctor look at before deciding im suitable"],
    "review each patient’s medical history, current medications, and pain characteristics")
ans(A2, ["does it work the same for everybody?"],
    "though its effectiveness varies among individuals")
ans(A2, ["so is IV pain treatment a quick jab or does it go in slowly over a while"],
    "the controlled infusion of pain-relieving medications over a specified period")
ans(A2, ["Pills, physio, changing my diet... none of it has been enough for me. Is that common?"],
    "some patients find these methods insufficient")
ans(A2, ["can they mix different meds together in the bag to suit me"],
    "customize medication combinations and concentrations based on individual patient needs")
ans(A2, ["does iv therapy only use drugs or can it be vitamins and fluids too"],
    "administration of medications, nutrients, or fluids directly into a vein")
ans(A2, ["what is CIDP exactly? never heard of it before the neurologist said it"],
    "This neurological disorder causes inflammation and nerve damage.")
ans(A2, ["my migraines come almost every other day now",
         "can a drip actually stop one once it's started?"],
    "The rapid onset of IV medications can help abort migraine episodes")
ans(A2, ["whats cidp",
         "can an IV help with it"],
    "Specialized IV medications can help restore nerve function and reduce the inflammation")
ans(A2, ["does IV work faster than tablets?",
         "how much faster, are we talking minutes?"],
    "noticeable improvement within minutes rather than waiting hours for oral medications")
ans(A2, ["is iv treatment just a single session?",
         "so how do they decide how many I get"],
    "The treatment frequency and duration depend on individual circumstances")

# ---------------------------------------------------------------- answer: 003
ans(A3, ["are vitamin drips like b12 actually legit for pain or is it a scam"],
    "particularly vitamin B12, have shown promise in pain management")
ans(A3, ["is it actually proven that IV therapy works for chronic pain, or are doctors still arguing about it?"],
    "still a subject of ongoing research and debate")
ans(A3, ["I was rear-ended 3 years ago and my back's never been right since. Physio did nothing. Could IV therapy be an option?"],
    "chronic pain resulting from conditions such as car accidents or back injuries")
ans(A3, ["when im dehydrated my pain is way worse. can iv fluids help with that"],
    "IV therapy provides rapid hydration, helping to alleviate pain associated with dehydration")
ans(A3, ["can being low on vitamins make inflammation worse"],
    "inflammation and oxidative stress, which can be exacerbated by nutrient deficiencies")
ans(A3, ["will it help me get back to walking my dog and doing my physio exercises?"],
    "enabling them to engage in daily activities and physical therapy more comfortably")
ans(A3, ["i love my acupuncture sessions, can i keep doing them alongside IV?"],
    "can complement other pain management interventions, such as physical therapy, acupuncture")
ans(A3, ["does the effect wear off as soon as the bag is empty?"],
    "can persist for an extended period after the infusion is complete")
ans(A3, ["is it normal to have a red sore spot where the drip went in"],
    "Discomfort, redness, or swelling at the site where the IV is inserted")
ans(A3, ["how do the nurses stop the needle from getting infected"],
    "using sterile equipment and proper insertion techniques")
ans(A3, ["what would an allergic reaction to the IV look like? just want to know what to watch for"],
    "itching, rash, swelling, difficulty breathing, or anaphylaxis")
ans(A3, ["can u be allergic to the preservative stuff in the bag and not the actual drug"],
    "components of the IV solution, such as medications or preservatives")
ans(A3, ["can an iv drip mess with my potassium and sodium levels?"],
    "affect electrolyte levels in the body, such as sodium, potassium")
ans(A3, ["My mom has stage 3 kidney disease. Are people like her more at risk from all the fluid?"],
    "with kidney or heart conditions are at higher risk of fluid overload")
ans(A3, ["can an infusion give u a headache or make u sleepy after?"],
    "such as drowsiness, dizziness, nausea, or headache")
ans(A3, ["im on a load of tablets for blood pressure and diabetes. could the IV clash with them?"],
    "may interact with other medications that an individual is taking")
ans(A3, ["can you get a blood clot from having an IV"],
    "vein irritation, blood clots, or damage to surrounding tissues may occur")
ans(A3, ["I've had steroid shots in my spine and months of physio and I'm still in pain. am I someone who could get IV therapy?"],
    "such as oral medications, physical therapy, or injections")
ans(A3, ["does it work for arthritis? my knees are shot"],
    "conditions like fibromyalgia, neuropathy, or arthritis")
ans(A3, ["how often would i need to go? every week?"],
    "Some individuals may benefit from weekly sessions initially")
ans(A3, ["can IV on its own sort my pain out or do i need other stuff too"],
    "typically used in conjunction with other strategies for optimal results")
ans(A3, ["is there an actual published study on ketamine drips for pain, like a meta analysis?"],
    "IV ketamine infusion therapy for chronic pain: A systematic review and meta-analysis")
ans(A3, ["can IV give stronger pain relief than tablets since it goes straight in?"],
    "deliver higher concentrations of pain-relieving medications directly to the site of pain")
ans(A3, ["can it help with pain from cancer or fibro"],
    "disease-related pain, such as cancer or fibromyalgia, may also find relief")
ans(A3, ["does IV therapy help fibro?",
         "how often would she need to go for it"],
    "Some individuals may benefit from weekly sessions initially")
ans(A3, ["my mum's starting IV therapy soon and she has kidney problems",
         "what signs of too much fluid should we look out for"],
    "swelling, shortness of breath, and elevated blood pressure")
ans(A3, ["does the relief last or wear off fast",
         "compared to tablets i mean"],
    "may provide longer-lasting pain relief compared to oral medications")

# ---------------------------------------------------------------- answer: 004
ans(A4, ["how many people actually have lower back pain? feels like everyone i know has it"],
    "two-thirds of the population suffers from chronic lower back pain")
ans(A4, ["how much money does chronic pain cost the US every year"],
    "the US spend $560 billion dollars a year on chronic pain")
ans(A4, ["what is fibromyalgia in normal words, my gf was just diagnosed"],
    "patients feel pain all over their body with no apparent cause")
ans(A4, ["my uncle lost his leg in a bike accident and still feels pain in the foot that isn't there. can an infusion help that?"],
    "fibromyalgia, phantom limb pain, post-herpetic neuralgia, complex regional pain syndrome")
ans(A4, ["since her stroke my mom has had pain all down her left side. is that something they treat with IV?"],
    "complex regional pain syndrome as well as stroke pain")
ans(A4, ["is magnesium one of the things they infuse for pain"],
    "The drugs that are available include Lidocaine, ketamine, clonidine, and magnesium.")
ans(A4, ["which of the IV drugs has the most research behind it"],
    "Lidocaine is the most studied and best-researched option.")
ans(A4, ["is lido for fibro a common thing now or pretty rare"],
    "IV lidocaine infusion for fibromyalgia is an increasingly common treatment option.")
ans(A4, ["does lidocaine shut the nerves up so the brain doesnt get the message"],
    "stopping nerves that take a signal from the painful area")
ans(A4, ["wait isnt ketamine a horse tranquilizer?? why would a doctor give me that"],
    "its equestrian use as a horse tranquilizer")
ans(A4, ["will i trip on a ketamine infusion like people do at raves"],
    "far lower than a recreational dose which may make a patient hallucinate")
ans(A4, ["is the infection risk any worse than a normal hospital drip"],
    "the same as if you had a drip in hospital")
ans(A4, ["has this been around for ages or is it fairly new for pain"],
    "IV infusions have not been used to treat chronic pain for long.")
ans(A4, ["is there any proof lidocaine infusions work"],
    "called lidocaine infusions “a promising therapeutic approach for chronic pain!”")
ans(A4, ["is ketamine being looked at for depression too?"],
    "increasingly being researched for its pain relieving and antidepressant properties")
ans(A4, ["is ketamine a party drug?",
         "so will i hallucinate on the dose they give?"],
    "far lower than a recreational dose which may make a patient hallucinate")
ans(A4, ["which drug has the most research behind it for IV pain treatment",
         "what else can they infuse besides that and ketamine?"],
    "The drugs that are available include Lidocaine, ketamine, clonidine, and magnesium.")
ans(A4, ["how many ppl have back pain",
         "and how much does chronic pain cost overall"],
    "the US spend $560 billion dollars a year on chronic pain")
ans(A4, ["are there risks with IV infusions?",
         "and with ketamine specifically?"],
    "for instance ketamine has hallucinogenic properties as previously mentioned")

# ---------------------------------------------------------------- unanswerable
other("unanswerable", ["can i have a glass of wine the night after my ketamine infusion"])
other("unanswerable", ["is it safe to have lidocaine infusions while breastfeeding"])
other("unanswerable", ["are ketamine infusions ever given to children"])
other("unanswerable", ["whats the usual lidocaine dose per kg for an infusion"])
other("unanswerable", ["is ketamine addictive if you get it every week"])
other("unanswerable", ["whats the difference between spravato nasal spray and a ketamine drip"])
other("unanswerable", ["PICC line vs port, which is better for long term infusions"])
other("unanswerable", ["how do doctors diagnose CRPS, is there a test for it"])
other("unanswerable", ["how long should i keep the cotton ball and tape on after they take the IV out"])
other("unanswerable", ["does a magnesium infusion drop your blood pressure"])
other("unanswerable", ["what is clonidine normally prescribed for"])
other("unanswerable", ["any good stretches for lower back pain i can do at home"])
other("unanswerable", ["does cbd oil work for neuropathy"])
other("unanswerable", ["what percent of people with depression respond to ketamine"])
other("unanswerable", ["can someone with schizophrenia have ketamine infusions"])
other("unanswerable", ["is iv lidocaine fda approved for fibromyalgia"])
other("unanswerable", ["will a ketamine infusion show up on a work drug test"])
other("unanswerable", ["how long is recovery after a spinal cord stimulator implant"])
other("unanswerable", ["do botox injections help chronic migraine"])
other("unanswerable", ["what is the half life of ketamine"])
other("unanswerable", ["can ketamine damage your bladder long term"])
other("unanswerable", ["what blood tests confirm diabetic neuropathy"])
other("unanswerable", ["can toradol hurt your kidneys if you have it a lot"])
other("unanswerable", ["can i go to the gym the day after an infusion"])
other("unanswerable", ["whats the difference between a neurologist and a pain specialist"])

# ---------------------------------------------------------------- medical_advice
other("medical_advice", ["I take 20mg oxycodone twice a day, should I skip my morning dose before my lidocaine infusion?"])
other("medical_advice", ["im on warfarin, is it safe for ME to get a ketamine infusion"])
other("medical_advice", ["I have afib. should I go ahead with the lidocaine one or cancel it?"])
other("medical_advice", ["my arm is still a bit sore where the drip went in yesterday, can I take 2 ibuprofen tonight or will it clash"])
other("medical_advice", ["I'm 14 weeks pregnant and have a ketamine appointment friday, should I still go?"])
other("medical_advice", ["should i stop my sertraline before starting ketamine infusions"])
other("medical_advice", ["which would you pick for me, lido or ketamine? I have fibro and depression"])
other("medical_advice", ["my doc wants me to do 4 infusions but I think 2 is plenty, how many should I actually do"])
other("medical_advice", ["can I up my gabapentin to 900mg since the infusion hasn't kicked in yet"])
other("medical_advice", ["my 70 year old mum has heart failure and takes furosemide, should she stop it the day of her IV?"])

# ---------------------------------------------------------------- clinic
other("clinic", ["how do i book my first infusion with you guys"])
other("clinic", ["what are your opening hours on saturdays"])
other("clinic", ["how much do you charge for a ketamine session"])
other("clinic", ["do you take blue cross insurance"])
other("clinic", ["need to reschedule my appointment on thursday, can u move it to next week"])
other("clinic", ["where is your clinic and is there parking"])
other("clinic", ["do I need a referral from my GP to come to your clinic"])
other("clinic", ["can my husband sit with me in the room during my infusion at your place"])
other("clinic", ["I filled in the form on your website 3 days ago and nobody has got back to me"])
other("clinic", ["do you have any openings next week for a lidocaine infusion"])

# ---------------------------------------------------------------- human
other("human", ["can i talk to a real person pls"])
other("human", ["I'd rather speak with a nurse, is there someone there?"])
other("human", ["get me a human"])
other("human", ["this bot isnt helping, put me through to the front desk"])
other("human", ["can someone from the team call me back on my mobile"])
other("human", ["operator"])
other("human", ["is there an actual person I can chat to instead of a computer"])
other("human", ["I want to speak to a member of staff please, not a machine"])

# ---------------------------------------------------------------- out_of_scope
other("out_of_scope", ["whats the weather gonna be like tomorrow in chicago"])
other("out_of_scope", ["can you write me a python script that renames all my photos"])
other("out_of_scope", ["who won the champions league last year"])
other("out_of_scope", ["give me a recipe for banana bread"])
other("out_of_scope", ["help me figure out what i can deduct on my tax return"])
other("out_of_scope", ["recommend a good netflix series to binge this weekend"])

# ---------------------------------------------------------------- smalltalk
other("smalltalk", ["hiya"], ["greeting"])
other("smalltalk", ["good morning!"], ["greeting"])
other("smalltalk", ["thanks so much, that really helped"], ["thanks"])
other("smalltalk", ["cheers mate"], ["thanks"])
other("smalltalk", ["ok bye for now"], ["goodbye"])
other("smalltalk", ["what kind of stuff can you help me with?"], ["help"])


# ======================================================================= checks
TARGET = {"answer": 135, "unanswerable": 25, "medical_advice": 10, "clinic": 10,
          "human": 8, "out_of_scope": 6, "smalltalk": 6}
KINDS = {"answer", "unanswerable", "medical_advice", "clinic", "human", "out_of_scope",
         "smalltalk", "emergency", "crisis", "not_emergency"}
INTENTS = {"greeting", "thanks", "goodbye", "help"}
KEYS = ["id", "kind", "turns", "evidence", "intents"]


def load_articles():
    arts = {}
    for name in sorted(os.listdir(SRC)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(SRC, name), encoding="utf-8") as f:
            lines = f.read().split("\n")
        # drop the trailing boilerplate the shared README says to drop
        if name.startswith("002_"):
            lines = [l for l in lines if not l.startswith("- ") and l.strip() != "Leave a Reply"]
        if name.startswith("004_"):
            lines = [l for l in lines if l.strip() not in ("No Comments", "Post A Comment")]
        arts[name] = lines
    return arts


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower().replace("’", "'"))


def main():
    errors = []
    arts = load_articles()
    if len(arts) != 5:
        errors.append("expected 5 articles, found %d" % len(arts))

    # article n-grams for the paraphrase check (no 6 consecutive article words in a turn)
    N = 6
    grams = set()
    for lines in arts.values():
        for line in lines:
            w = words(line)
            for i in range(len(w) - N + 1):
                grams.add(tuple(w[i:i + N]))

    records = []
    for i, (kind, turns, ev, intents, art) in enumerate(CASES, 1):
        records.append({"id": "%s%03d" % (PREFIX, i), "kind": kind, "turns": turns,
                        "evidence": ev, "intents": intents})

    with open(OUT, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    # re-read what was written and check it
    with open(OUT, encoding="utf-8") as f:
        rows = [json.loads(l) for l in f if l.strip()]
    with open(OUT, encoding="utf-8") as f:
        raw = [l for l in f if l.strip()]

    seen_last = {}
    counts = {}
    per_article = {}
    multi = 0
    for n, (r, (kind, turns, ev, intents, art)) in enumerate(zip(rows, CASES), 1):
        rid = r.get("id")
        where = rid or "row %d" % n
        if list(r.keys()) != KEYS:
            errors.append("%s: keys %s not in order %s" % (where, list(r.keys()), KEYS))
        if rid != "%s%03d" % (PREFIX, n):
            errors.append("%s: id out of sequence (expected %s%03d)" % (where, PREFIX, n))
        if r["kind"] not in KINDS:
            errors.append("%s: bad kind %r" % (where, r["kind"]))
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
        t = r["turns"]
        if not isinstance(t, list) or not 1 <= len(t) <= 3:
            errors.append("%s: turns must be a list of 1-3 messages" % where)
            continue
        for m in t:
            if not isinstance(m, str) or not m.strip() or m != m.strip():
                errors.append("%s: empty or untrimmed turn %r" % (where, m))
            for i in range(len(words(m)) - N + 1):
                g = tuple(words(m)[i:i + N])
                if g in grams:
                    errors.append("%s: turn copies article wording: %r" % (where, " ".join(g)))
                    break
        if len(t) > 1:
            multi += 1
        last = re.sub(r"\s+", " ", t[-1]).strip().casefold()
        if last in seen_last:
            errors.append("%s: duplicate last turn (same as %s): %r" % (where, seen_last[last], t[-1]))
        seen_last[last] = rid

        e = r["evidence"]
        if not isinstance(e, list) or not isinstance(r["intents"], list):
            errors.append("%s: evidence/intents must be lists" % where)
            continue
        if r["kind"] == "answer":
            if not 1 <= len(e) <= 2:
                errors.append("%s: answer needs 1-2 evidence strings" % where)
            for s in e:
                nw = len(s.split())
                if not 5 <= nw <= 12:
                    errors.append("%s: evidence has %d words (5-12): %r" % (where, nw, s))
                if s != s.strip():
                    errors.append("%s: evidence has outer whitespace: %r" % (where, s))
            hits = [(name, k) for name, lines in arts.items() for k, line in enumerate(lines)
                    if e and all(s in line for s in e)]
            if not hits:
                for s in e:
                    if not any(s in line for lines in arts.values() for line in lines):
                        errors.append("%s: evidence not an exact substring of any article line: %r" % (where, s))
                errors.append("%s: evidence strings not all on one line of one article" % where)
            else:
                names = {h[0] for h in hits}
                if art not in names:
                    errors.append("%s: evidence found in %s, not in the intended article %s" % (where, sorted(names), art))
                per_article[art] = per_article.get(art, 0) + 1
            if r["intents"]:
                errors.append("%s: answer must have empty intents" % where)
        else:
            if e:
                errors.append("%s: %s must have empty evidence" % (where, r["kind"]))
            if r["kind"] == "smalltalk":
                if len(r["intents"]) != 1 or r["intents"][0] not in INTENTS:
                    errors.append("%s: smalltalk needs exactly one intent of %s" % (where, sorted(INTENTS)))
            elif r["intents"]:
                errors.append("%s: %s must have empty intents" % (where, r["kind"]))
            if r["kind"] != "answer" and len(t) > 1:
                pass  # allowed, but none written

    for kind, want in TARGET.items():
        if counts.get(kind, 0) != want:
            errors.append("kind %s: %d cases, want %d" % (kind, counts.get(kind, 0), want))
    for kind in counts:
        if kind not in TARGET:
            errors.append("unexpected kind %s" % kind)
    for name in arts:
        if per_article.get(name, 0) < 15:
            errors.append("article %s has only %d answer cases" % (name, per_article.get(name, 0)))
    if not 18 <= multi <= 24:
        errors.append("multi-turn cases: %d, want about 20" % multi)
    if len(raw) != len(CASES):
        errors.append("written %d lines for %d cases" % (len(raw), len(CASES)))

    print("cases: %d" % len(rows))
    print("per kind: " + ", ".join("%s=%d" % (k, counts.get(k, 0)) for k in TARGET))
    print("answer per article: " + ", ".join("%s=%d" % (k[:3], per_article.get(k, 0)) for k in sorted(arts)))
    print("multi-turn: %d" % multi)
    if errors:
        print("FAILED %d check(s):" % len(errors))
        for err in errors:
            print("  " + err)
        sys.exit(1)
    print("all checks passed -> %s" % OUT)


if __name__ == "__main__":
    main()
