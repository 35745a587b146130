#!/usr/bin/env python3
"""Blind TRAINING questions (set t6q) for articles 001 and 003.

Every message below was typed by hand. Running this script writes qa_train6.jsonl next to it
and checks it; it exits 1 if any check fails.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = "/work/shared/sources"
OUT = os.path.join(HERE, "qa_train6.jsonl")
ALLOWED_DOCS = ("001_40c6da6138b2aae4.txt", "003_2e6b24436037f4fa.txt")

# ---------------------------------------------------------------------------
# cases: ("answer", [turns], [evidence]) or ("unanswerable", [turns], [])
# ---------------------------------------------------------------------------
C = []


def A(q, *ev):
    C.append(("answer", [q], list(ev)))


def M(turns, *ev):
    C.append(("answer", list(turns), list(ev)))


def U(q):
    C.append(("unanswerable", [q], []))


def UM(turns):
    C.append(("unanswerable", list(turns), []))


# ===================== article 001 =====================
# L3 quicker than pills / when other treatments fail
E = "delivering medication directly into the bloodstream, infusion therapy provides quicker"
A("why would someone get a drip instead of just swallowing tablets", E)
A("is getting meds thru an iv faster than pills or is that a myth", E)
A("My mum has tried everything for her pain and nothing works, or it makes her too sick to carry on. "
  "Her GP mentioned infusions. Is that kind of thing meant for people like her where the usual stuff failed?",
  "especially beneficial when other treatments fail or are unsuitable")

# L4 gaining recognition
E = "gaining widespread recognition for their effectiveness in alleviating pain"
A("are lidocaine and ketamine drips becoming more popular these days?", E)
A("is this ketamine/lidocaine drip thing catching on or is it still fringe", E)
A("r more ppl hearin about lido n ket infusions lately", E)

# L6 bypass gut, precise dosing, uses
A("whats the point of skipping the stomach with an IV",
  "bypassing the digestive system for faster absorption and more precise dosing")
A("does going into the vein mean the dose is more exact?",
  "bypassing the digestive system for faster absorption and more precise dosing")
A("what kinds of problems are infusions used for besides pain, like mental health stuff too?",
  "managing severe or chronic pain, neuropathic disorders, and certain mental health conditions")
A("my brother has nerve issues and bad depression, do they use infusions for things like that",
  "managing severe or chronic pain, neuropathic disorders, and certain mental health conditions")

# L8 limits of oral meds, monitoring
A("why are tablets slower, like what's actually wrong with them", "They may take hours to show effects")
A("pills take foreverrr to kick in for me, is an iv any different", "They may take hours to show effects")
A("is it true your gut kind of weakens some drugs before they can work?",
  "some medications lose potency when processed by the digestive system")
A("do they keep an eye on how you're reacting the whole time the drip is running",
  "allows for continuous monitoring of the patient’s response during treatment")

# L10 not for everyone
E = "Infusion therapy is not a one-size-fits-all solution."
A("does infusion treatment suit literally everyone with pain?", E)
A("can anybody just sign up for infusions or does it depend on the person", E)
A("would infusions suit every single patient the same way", E)

# L11 chronic pain not responding to pills
E = "chronic pain syndromes that don’t respond to oral medications"
A("ive been on pain pills for 3 yrs and theyre doing nothing anymore. is that the type of person these drips r for", E)
A("who gets recommended infusions if painkillers by mouth aren't touching the pain?", E)
A("my husband's long term pain doesn't budge with tablets, would he be a typical person they'd suggest it for?", E)

# L12 nerve pain / CRPS candidates
E = "nerve pain conditions, such as complex regional pain syndrome"
A("is infusion therapy usually recommended for people with nerve pain like CRPS", E)
A("i have crps in my foot, am i the sort of patient who normally gets put forward for infusions?", E)
A("nerve pain sufferers - are they among the folks infusions are typically suggested for?", E)

# L13 side effects from pills
E = "experiencing side effects from oral medications that prevent their continued use"
A("The tablets my doctor gave me wreck my stomach so I had to stop them. Is that a reason people get put on infusions?", E)
A("if pills make u too sick to keep taking them can u do iv instead", E)
A("my dad couldn't stay on his meds cause of the side effects, is he someone infusions are meant for", E)

# L14 rapid relief for debilitating pain
E = "Those seeking rapid relief for debilitating pain."
A("is an infusion an option if you need relief FAST for crippling pain", E)
A("pain so bad i cant get out of bed, want something quick. is that who infusions r for", E)
A("are infusions suggested for people who want quick help with really disabling pain?", E)

# L18 what lidocaine infusions are
A("what even is a lidocaine infusion",
  "Lidocaine infusions use a local anesthetic, lidocaine, delivered intravenously")
A("lidocane drip what is it", "Lidocaine infusions use a local anesthetic, lidocaine, delivered intravenously")
A("isnt lidocaine the stuff the dentist uses to numb your gums? why would they put it in a vein",
  "lidocaine is best known for its role in numbing tissues",
  "can modulate how pain signals travel through the nervous system")
A("how can a numbing drug help long term pain when it goes into your blood",
  "can modulate how pain signals travel through the nervous system")

# L20 sodium channels / hypersensitivity
A("how does lidocaine actually work on the nerves", "Lidocaine works by blocking sodium channels in nerve cells.")
A("someone told me lido messes with sodium in your nerves?? is that how it works",
  "Lidocaine works by blocking sodium channels in nerve cells.")
A("what's the science of how IV lidocaine dulls pain", "Lidocaine works by blocking sodium channels in nerve cells.")
A("can lidocaine make me less oversensitive? everything hurts even when my clothes brush my skin",
  "help decrease hypersensitivity, a common feature of chronic pain syndromes")

# L23 CRPS
E = "often involves severe, burning pain in a limb"
A("what is CRPS? my sister just got diagnosed and I have no clue", E)
A("is lidocaine used for crps, the burning arm/leg pain thing?", E)
A("complex regional pain syndrome what does it feel like", E)

# L24 diabetic neuropathy
E = "manage the nerve pain caused by diabetes-related nerve damage"
A("my grandpa is diabetic and his feet burn and tingle all night, can lidocaine drips help that?", E)
A("lidocaine for diabetic neuropathy?", E)
A("does IV lido do anything for nerve damage from sugar diabetes", E)

# L25 chemo / idiopathic neuropathy
E = "chemotherapy-induced neuropathy or idiopathic peripheral neuropathy"
A("After chemo my hands and feet have been numb and painful for a year. Could a lidocaine infusion be used for that?", E)
A("does lidocaine help with neuropathy where the doctors never found a cause", E)
A("nerve damage from chemo, lidocaine any good?", E)

# L26 fibromyalgia
E = "reduced muscle pain and better functionality after lidocaine treatments"
A("does lidocaine help fibromyalgia", E)
A("my wife has fibro and aches all over, do people with that do better after lido infusions?", E)
A("fibro + lidocaine drip = less muscle ache?? do ppl say it works", E)

# L27 post-surgical pain
E = "Persistent pain following surgery can also benefit from lidocaine infusions"
A("I had knee surgery 8 months ago and it still hurts every single day. Is lidocaine ever used for pain that hangs around after an operation?", E)
A("post op pain that wont go away - can lidocaine infusions help", E)
A("is lidocaine an option for lingering pain after an op", E)

# L29 pre-treatment evaluation
E = "evaluates your medical history and determines whether lidocaine is appropriate"
A("what happens before they start a lidocaine infusion, do they check you out first", E)
A("will the doctor go over my health background before giving me lidocaine", E)
A("first step of a lido session?", E)

# L30 setting, who, 30-60 min
E = "A nurse or physician administers the lidocaine intravenously over 30–60 minutes"
A("how long does a lidocaine infusion take", E)
A("who actually puts the lidocaine in, a nurse or a doctor?", E)
A("lido drip how many mins", E)
A("can i get a lidocaine drip at home or is it always done at a clinic",
  "The treatment is performed in a controlled clinical setting.")

# L31 monitoring during/after lidocaine
A("do they check my heart rate and blood pressure while the lidocaine runs in?",
  "your vital signs are closely monitored to ensure safety")
A("my mom is nervous about being alone during her lidocaine drip, will someone be keeping tabs on her",
  "your vital signs are closely monitored to ensure safety")
A("after the lidocaine is done can I leave right away or do they watch you for a bit",
  "Post-treatment, you’ll be observed for side effects.")

# L33 lidocaine onset
E = "Relief often begins within hours of the infusion."
A("how soon does lidocaine start working", E)
A("if i get lidocaine in the morning will i feel better the same day?", E)
A("lido kicks in when", E)

# L34 non-opioid
E = "an option for those who want to avoid or reduce opioid use"
A("I'm scared of getting hooked on strong painkillers. Is lidocaine a way to stay off them?", E)
A("is lidocaine an opioid", E)
A("can lidocaine infusions help me cut down on my narcotics", E)

# L35 fewer side effects
E = "lidocaine infusions have fewer and milder side effects"
A("are lidocaine drip side effects rough compared with other things for pain?", E)
A("is lidocaine gentler on the body than other pain options", E)
A("lido side effects worse than other stuff or nah", E)

# L37 generally safe
E = "While lidocaine infusions are generally safe, patients may experience:"
A("is a lidocaine infusion safe", E)
A("how risky is IV lidocaine overall", E)
A("my aunt's getting lidocaine next week and we were wondering, is it generally a safe treatment?", E)

# L40 irregular heartbeat
E = "Rarely, more serious reactions such as irregular heartbeat."
A("can lidocaine mess with your heart rhythm", E)
A("any serious side effects from lidocaine drips? like really bad ones", E)
A("i have heard lidocaine can make the heart beat funny, is that true", E)

# L41 short-lived
E = "These effects are typically short-lived and resolve quickly under medical supervision."
A("if i get dizzy from lidocaine how long does that last", E)
A("do lidocaine side effects go away quickly?", E)
A("will the sick feeling from lidocaine stick around for days??", E)

# L44 what ketamine is / NMDA
A("what is a ketamine infusion", "ketamine, a dissociative anesthetic, to treat chronic pain and mood disorders")
A("what kind of drug is ketamine exactly", "ketamine, a dissociative anesthetic, to treat chronic pain and mood disorders")
A("ketamin infusion wat is it", "ketamine, a dissociative anesthetic, to treat chronic pain and mood disorders")
A("how does ketamine work on pain, whats the NMDA thing", "acts on the central nervous system by blocking NMDA")

# L46 neuroplasticity / dual role
A("why is ketamine special compared to other painkillers",
  "promotes neuroplasticity, allowing the brain to form new, healthier connections")
A("does ketamine rewire your brain or something",
  "promotes neuroplasticity, allowing the brain to form new, healthier connections")
A("what's neuroplasticity got to do with ketamine",
  "promotes neuroplasticity, allowing the brain to form new, healthier connections")
A("can the same ketamine treatment help both my pain and my mental health?",
  "effective for treating certain mental health conditions, alongside its role")

# L49 CRPS / post-herpetic neuralgia
E = "Conditions like CRPS and post-herpetic neuralgia respond well to ketamine."
A("I had shingles two years ago and the nerve pain never left. Does ketamine help that kind of thing?", E)
A("ketamine for crps does it work", E)
A("what nerve pain conditions does ketamine treat", E)

# L50 depression
E = "Ketamine can improve mood in patients resistant to traditional antidepressants."
A("my son has tried like 5 antidepressants and none worked. is ketamine something that helps people like him?", E)
A("ketamine for depression?", E)
A("can ket help when regular depression meds dont", E)

# L51 PTSD
E = "Ketamine reduces the severity of PTSD symptoms in many patients."
A("my husband is a veteran with ptsd, do ketamine infusions do anything for that", E)
A("ketamine ptsd", E)
A("can ketamine ease trauma symptoms like flashbacks and nightmares", E)

# L52 cancer pain last resort
E = "Ketamine is a last-resort option for managing intractable cancer-related pain."
A("my dad has cancer pain that nothing is controlling. is ketamine used in cases like his?", E)
A("is ketamine a first choice for cancer pain or more of a last option", E)
A("ketamine 4 cancer pain", E)

# L54 consultation
E = "The physician discusses your medical history and sets treatment goals."
A("what happens at the start of a ketamine appointment", E)
A("before ketamine do they talk to you about goals and stuff", E)
A("first visit for ketamine what do they go over", E)

# L55 1-4 hours, tailored dose
E = "The session usually lasts 1–4 hours, with the dose tailored"
A("how long is a ketamine infusion", E)
A("how much time should I block off for my ketamine session?", E)
A("is the ketamine dose the same for everyone?", E)
A("ket sesh how long", E)

# L56 observed after
E = "observed briefly after the treatment to ensure they are stable"
A("after the ketamine finishes do they let you go straight away", E)
A("will they keep me for a bit after ketamine to make sure im ok", E)
A("what's the recovery like right after a ketamine drip", E)

# L58 onset
E = "Many patients experience relief within hours of their first session."
A("how fast does ketamine work", E)
A("will I feel anything from ketamine after just one time?", E)
A("does ketamine take weeks like normal antidepressants or is it quicker", E)

# L59 mood / anxiety
E = "Ketamine’s effects on depression and anxiety often improve patients’ overall well-being."
A("does ketamine help anxiety too", E)
A("can ketamine make me feel better in general, not just the pain", E)
A("my daughter has pain and she's anxious all the time. would ketamine lift her mood as well?", E)

# L60 opioids
E = "Ketamine lowers the need for opioid medications in pain management."
A("can ketamine help someone use less morphine", E)
A("does ketamine cut down on opioid use", E)
A("do people on ketamine end up needing fewer opioids?", E)

# L62 safe in controlled setting
E = "Ketamine infusions are safe when administered in a controlled setting"
A("is ketamine safe", E)
A("is it safe to get ketamine if its done in a proper clinic", E)
A("how dangerous are ketamine drips honestly", E)

# L63 dissociation
E = "Temporary dissociation or feeling detached from reality."
A("does ketamine make you feel out of your body", E)
A("will i feel spaced out or unreal during ketamine", E)
A("what's dissociation on ketamine, does it last", E)

# L66 preparation and monitoring
E = "Proper preparation and monitoring minimize these risks."
A("how do they keep ketamine side effects under control", E)
A("can the risks with ketamine be reduced somehow", E)
A("is there anything that makes ketamine side effects less likely", E)

# L68 choice depends on condition
E = "depends on your specific medical condition and treatment goals"
A("how do you pick between lidocaine and ketamine", E)
A("lidocaine or ketamine which is better", E)
A("what decides whether i get the lido one or the ket one", E)

# L71 primary use (table)
E = "Primary Use | Neuropathic pain, CRPS | Pain and mental health disorders"
A("what is each one mainly used for, lidocaine and ketamine", E)
A("which infusion is the one for mental health too, lidocaine or ketamine?", E)
A("main use of lidocaine vs ketamine", E)

# L72 mechanism (table)
E = "Mechanism of Action | Sodium channel blocker | NMDA receptor antagonist"
A("do lidocaine and ketamine work the same way", E)
A("which one is the sodium blocker and which is the NMDA one", E)
A("difference in how lido and ket work?", E)

# L73 session time (table)
E = "Typical Session Time | 30–60 minutes | 1–4 hours"
A("which takes longer, a lidocaine or a ketamine infusion?", E)
A("is ketamine a longer sit than lidocaine", E)
A("session length lido vs ket", E)

# L74 side effects (table)
A("does lidocaine make you dizzy or queasy", "Side Effects | Mild dizziness, nausea")
A("what side effects does each one have, lidocaine vs ketamine?",
  "Side Effects | Mild dizziness, nausea", "Mild dizziness, nausea | Dissociation, mild hallucinations")
A("can ketamine make you see things that arent there", "Mild dizziness, nausea | Dissociation, mild hallucinations")
A("do ppl trip on ketamine infusions", "Mild dizziness, nausea | Dissociation, mild hallucinations")

# L75 onset (table)
E = "Onset of Relief | Immediate or short-term | Often within hours"
A("which works faster, lidocaine or ketamine", E)
A("does lidocaine relief come quicker than ketamine's?", E)
A("lido vs ket how quick do they kick in", E)

# L76 thorough evaluation
E = "a thorough evaluation by a qualified provider is essential"
A("can i just choose lidocaine or ketamine myself?", E)
A("do I need to be assessed by a specialist before choosing which infusion", E)
A("do they both work, and who decides which i should get", E)

# L79 share history
E = "Share your full medical history with your provider, including allergies and medications."
A("what should I tell the clinic before my infusion", E)
A("do i need to mention my allergies and the meds im on before the drip", E)
A("my father takes like 10 different pills a day. should he bring a list to his infusion appointment?", E)

# L80 hydrate
E = "Drink plenty of water before your session unless instructed otherwise."
A("should I drink water before my infusion", E)
A("do i need to be well hydrated for an iv session", E)
A("can i drink before infusion or do i go in dry", E)

# L81 ride home
E = "may feel drowsy after treatment, so plan for a ride home"
A("can I drive myself home after an infusion", E)
A("do i need someone to pick me up after my drip", E)
A("will i be sleepy after the infusion? worried about getting home on the bus", E)

# L82 clothing
E = "Loose-fitting clothes make the process more comfortable."
A("what should i wear to an infusion", E)
A("is there a dress code lol for iv therapy? skinny jeans ok?", E)
A("best clothes for a long drip session", E)

# L84 hope
E = "these treatments offer hope for those who have exhausted other options"
A("I've tried everything for 10 years, pills, physio, you name it. Is there any point trying infusions?", E)
A("is there still hope with infusions if nothing else has worked", E)
A("when you've run out of options, do these drips actually give people a chance?", E)

# L85 consult provider
E = "consult with a trusted healthcare provider to determine the best course"
A("how do I know if I should try infusion therapy", E)
A("where do i start if i'm thinking about infusions", E)
A("im considering getting an infusion, what's the first step", E)

# ===================== article 003 =====================
# L2 key takeaway: shown to reduce pain
E = "Lidocaine, and Ketamine were shown to reduce chronic pain"
A("quick q: does iv therapy reduce chronic pain, yes or no", E)
A("have vitamin drips or lido/ketamine actually been shown to cut pain?", E)
A("is there proof iv stuff lowers long term pain", E)

# L8 symptoms associated
E = "effective at dealing with chronic pain and also improving symptoms"
A("can iv therapy help the other symptoms that come with chronic pain, not just the pain itself?", E)
A("does iv therapy help the stuff that comes along with pain", E)
A("besides pain, does an IV do anything for related symptoms", E)

# L10 effective? B12? research
A("is IV therapy effective for chronic pain?", "vitamins and medications like Lidocaine and Ketamine were shown")
A("do vitamin B12 shots in the vein help pain?", "particularly vitamin B12, have shown promise in pain management")
A("b12 iv for pain legit?", "particularly vitamin B12, have shown promise in pain management")
A("is the science settled on iv therapy for pain or is it still being argued about",
  "still a subject of ongoing research and debate")
A("My friend swears by her vitamin IV for her back. Is that actually proven or is it still up in the air?",
  "still a subject of ongoing research and debate")

# L11 car accidents / back injuries; complementary
A("I was in a car crash 2 years ago and still have pain, physio didn't work. Could IV therapy help someone like me?",
  "conditions such as car accidents or back injuries")
A("back injury pain not fixed by the usual treatments, is iv therapy an option",
  "conditions such as car accidents or back injuries")
A("whiplash pain from an accident – iv drip any use?", "conditions such as car accidents or back injuries")
A("for injury pain does iv therapy replace normal treatment or add to it",
  "IV therapy may offer a complementary approach")

# L12 disease-related pain, overall health
A("can people with cancer pain get relief from iv therapy",
  "In addition, individuals suffering from disease-related pain, such as cancer")
A("fibromyalgia and iv therapy, any relief?",
  "In addition, individuals suffering from disease-related pain, such as cancer")
A("does a vitamin drip help your general health when you're ill with a painful disease",
  "vitamins, minerals, and other therapeutic agents can support overall health")

# L15 direct delivery
A("what's the advantage of getting pain meds straight into the blood",
  "direct delivery of pain-relieving medications into the bloodstream")
A("why go straight into the vein for painkillers", "direct delivery of pain-relieving medications into the bloodstream")
A("does iv pain medicine work quicker than swallowing it", "may provide quicker relief compared to oral medications")

# L16 customized formulations
E = "combination of vitamins, minerals, antioxidants, and pain-relieving medications"
A("can they customize what goes in the iv bag for me", E)
A("what's in a custom iv mix for pain", E)
A("do they put antioxidants in pain drips", E)

# L17 potent
E = "deliver higher concentrations of pain-relieving medications directly to the site of pain"
A("is iv pain relief stronger than pills", E)
A("can an iv give a bigger dose of painkiller than tablets do", E)
A("more potent thru the vein?", E)

# L18 hydration
A("can being dehydrated make my pain worse", "dehydration can exacerbate pain symptoms")
A("does the fluid in an iv help with pain",
  "IV therapy provides rapid hydration, helping to alleviate pain associated with dehydration")
A("do drips hydrate you fast, and does that help aches",
  "IV therapy provides rapid hydration, helping to alleviate pain associated with dehydration")

# L19 nutrient support
A("can iv nutrients bring down inflammation",
  "supporting cellular function, reducing inflammation, and promoting tissue repair")
A("does being low on vitamins make chronic pain worse",
  "inflammation and oxidative stress, which can be exacerbated by nutrient deficiencies")
A("do iv vitamins help the body heal damaged tissue",
  "supporting cellular function, reducing inflammation, and promoting tissue repair")

# L20 GI / malabsorption
E = "For individuals with gastrointestinal issues or malabsorption problems"
A("I have Crohn's and my body doesn't absorb pills well. Would an IV be better for getting meds in?", E)
A("bad gut, meds dont absorb, is iv a workaround", E)
A("my mother had part of her bowel removed and struggles to take in nutrients. does iv therapy get around that?", E)

# L21 mobility and function
E = "Enhanced Mobility and Function: By effectively managing pain symptoms"
A("will iv therapy help me move around better", E)
A("can iv treatment make it easier to do physio and day to day stuff", E)
A("my grandma can barely walk from the pain. could iv therapy help her get around?", E)

# L22 complementary: physio, acupuncture
E = "complement other pain management interventions, such as physical therapy, acupuncture"
A("can i keep doing acupuncture while getting iv therapy", E)
A("does iv work alongside physio", E)
A("iv + acupuncture together ok?", E)

# L23 reduced reliance on oral meds
E = "Reduced Dependency on Oral Medications: For individuals who have difficulty"
A("I can't stomach my pain tablets. Would IV therapy mean taking fewer of them?", E)
A("can iv therapy lower how many pills i need", E)
A("less pills with iv?", E)

# L24 longer lasting
A("does iv pain relief last longer than pills",
  "IV therapy may provide longer-lasting pain relief compared to oral medications")
A("how long does the relief last after an iv",
  "effects of intravenous medications can persist for an extended period")
A("does the effect wear off as soon as the drip stops",
  "effects of intravenous medications can persist for an extended period")

# L26 injection site reactions
A("my arm is red and a bit puffy where the needle went in yesterday, is that a normal thing?",
  "redness, or swelling at the site where the IV is inserted")
A("does the iv spot get sore after", "redness, or swelling at the site where the IV is inserted")
A("will the redness at the needle site go away", "These reactions are usually mild and temporary")

# L27 infection
A("can you get an infection from an iv", "slight risk of infection at the injection site or along the vein")
A("infection risk iv drip", "slight risk of infection at the injection site or along the vein")
A("how do they stop germs getting in when they put the line in",
  "using sterile equipment and proper insertion techniques")

# L28 allergic reactions
A("what does an allergic reaction to an iv look like", "itching, rash, swelling, difficulty breathing, or anaphylaxis")
A("can you be allergic to whats in the iv bag",
  "components of the IV solution, such as medications or preservatives")
A("my friend got all itchy and rashy during her drip last month, was that probably an allergy?",
  "itching, rash, swelling, difficulty breathing, or anaphylaxis")

# L29 electrolytes
A("can iv therapy mess with potassium levels",
  "affect electrolyte levels in the body, such as sodium, potassium, and calcium")
A("why would i get muscle cramps after iv therapy",
  "symptoms like muscle cramps, weakness, irregular heartbeat, or confusion")
A("electrolytes and iv - is there a risk",
  "affect electrolyte levels in the body, such as sodium, potassium, and calcium")

# L30 fluid overload
A("can you get too much fluid from a drip", "Receiving too much fluid through IV therapy can lead to fluid overload")
A("what's fluid overload", "Receiving too much fluid through IV therapy can lead to fluid overload")
A("my dad has a weak heart and kidney trouble. is he more at risk from the fluids in iv therapy?",
  "Individuals with kidney or heart conditions are at higher risk")

# L31 adverse drug reactions
A("can iv pain meds give you a headache", "such as drowsiness, dizziness, nausea, or headache")
A("will the medicine in my iv make me sleepy", "such as drowsiness, dizziness, nausea, or headache")
A("who should i talk to about side effects before having an iv",
  "discuss potential side effects with a healthcare provider before undergoing")

# L32 interactions
E = "Healthcare providers should review medication histories and adjust IV therapy formulations"
A("can my iv therapy clash with my other meds", E)
A("im on blood pressure pills, will they check that against what's in the iv?", E)
A("drug interactions with iv therapy?", E)

# L33 rare complications
E = "vein irritation, blood clots, or damage to surrounding tissues"
A("can an iv cause a blood clot", E)
A("what are the rare but serious risks of iv therapy", E)
A("can the drip damage my vein or the skin around it", E)

# L36 what is IV therapy / how it works
E = "customized blend of medications, nutrients, and fluids directly into the bloodstream"
A("what's an iv treatment for long-term pain, basically", E)
A("how does iv therapy work, in simple words", E)
A("wats in an iv for pain n how does it get into u", E)

# L38 candidates
A("who's a good candidate for iv pain therapy",
  "persistent or severe pain that has not responded well to other treatments")
A("does iv therapy help arthritis",
  "particularly beneficial for those with conditions like fibromyalgia, neuropathy, or arthritis")
A("I've done physio, pills and steroid shots and I still hurt. Am I the kind of person IV therapy is for?",
  "persistent or severe pain that has not responded well to other treatments")
A("neuropathy + iv therapy, good match?",
  "particularly beneficial for those with conditions like fibromyalgia, neuropathy, or arthritis")

# L40 frequency
A("how often would i be going in for iv sessions", "Some individuals may benefit from weekly sessions initially")
A("is it once a week or what", "Some individuals may benefit from weekly sessions initially")
A("my mom just started iv therapy for her pain, how many times would she be going in?",
  "Some individuals may benefit from weekly sessions initially")
A("do you need infusions forever at the same rate?", "others may require less frequent maintenance sessions")

# L42 alone vs combination
A("can iv therapy fix my pain on its own", "typically used in conjunction with other strategies for optimal results")
A("will i still need other treatments if i do iv", "part of a comprehensive pain management plan")
A("is iv enough by itself", "typically used in conjunction with other strategies for optimal results")

# ===================== multi-turn follow-ups =====================
M(["how long does a lidocaine infusion take", "and a ketamine one?"],
  "The session usually lasts 1–4 hours, with the dose tailored")
M(["what conditions can lidocaine treat", "what about pain after an operation?"],
  "Persistent pain following surgery can also benefit from lidocaine infusions")
M(["what are ketamine's side effects", "and for lidocaine, anything serious?"],
  "Rarely, more serious reactions such as irregular heartbeat.")
M(["is ketamine used for depression", "what about ptsd"],
  "Ketamine reduces the severity of PTSD symptoms in many patients.")
M(["can lidocaine help crps", "and ketamine, same deal?"],
  "Conditions like CRPS and post-herpetic neuralgia respond well to ketamine.")
M(["how should i get ready for my infusion", "what about getting home afterwards"],
  "may feel drowsy after treatment, so plan for a ride home")
M(["what should i tell my provider before the session", "and anything i should drink beforehand?"],
  "Drink plenty of water before your session unless instructed otherwise.")
M(["how does lidocaine work", "and ketamine?"], "acts on the central nervous system by blocking NMDA")
M(["what side effects can iv therapy cause", "the sore arm one, is that common?"],
  "redness, or swelling at the site where the IV is inserted")
M(["can iv therapy cause fluid overload", "who's most at risk of that?"],
  "Individuals with kidney or heart conditions are at higher risk")
M(["how often are iv sessions", "and later on, once things settle?"],
  "others may require less frequent maintenance sessions")
M(["does ketamine work fast", "is the lidocaine one quicker?"],
  "Onset of Relief | Immediate or short-term | Often within hours")
M(["my mum is getting lidocaine for her fibromyalgia", "who will actually give it to her?"],
  "A nurse or physician administers the lidocaine intravenously over 30–60 minutes")
M(["what goes on at a ketamine appointment", "and right after it ends?"],
  "observed briefly after the treatment to ensure they are stable")
M(["is lidocaine a non-opioid option", "does ketamine help with that too?"],
  "Ketamine lowers the need for opioid medications in pain management.")
M(["can iv therapy cause an allergic reaction", "what are the signs?"],
  "itching, rash, swelling, difficulty breathing, or anaphylaxis")
M(["what is CRPS", "is that something lidocaine gets used for"],
  "often involves severe, burning pain in a limb")
M(["does ketamine help mood", "how does it do that in the brain?"],
  "promotes neuroplasticity, allowing the brain to form new, healthier connections")
M(["does lidocaine make you dizzy", "how long does that usually last?"],
  "These effects are typically short-lived and resolve quickly under medical supervision.")
M(["can iv therapy interact with other drugs", "so what do the doctors do about it?"],
  "Healthcare providers should review medication histories and adjust IV therapy formulations")
M(["does iv therapy help people after car accidents", "so does it replace physio then?"],
  "typically used in conjunction with other strategies for optimal results")
M(["can iv therapy help with hydration", "why does that matter for pain?"],
  "dehydration can exacerbate pain symptoms")
M(["what's in iv therapy for pain", "can they tailor it to me?"],
  "combination of vitamins, minerals, antioxidants, and pain-relieving medications")
M(["is ketamine safe", "what makes it safer?"], "Proper preparation and monitoring minimize these risks.")
M(["who is iv therapy for", "and people with arthritis?"],
  "particularly beneficial for those with conditions like fibromyalgia, neuropathy, or arthritis")
M(["what's a lidocaine session like start to finish", "how do they keep me safe while it's going in"],
  "your vital signs are closely monitored to ensure safety")
M(["my son is looking into ketamine for his depression", "how many hours will he be there?"],
  "The session usually lasts 1–4 hours, with the dose tailored")
M(["does iv therapy give longer relief than tablets", "how come?"],
  "effects of intravenous medications can persist for an extended period")
M(["is iv therapy proven for chronic pain", "what about b12 specifically?"],
  "particularly vitamin B12, have shown promise in pain management")
M(["lido or ketamine, which one's better", "ok but who makes that call?"],
  "a thorough evaluation by a qualified provider is essential")
M(["what risks come with iv therapy", "and the really rare ones?"],
  "vein irritation, blood clots, or damage to surrounding tissues")
M(["can ketamine help cancer pain", "is it used early on or only when other things fail?"],
  "Ketamine is a last-resort option for managing intractable cancer-related pain.")
M(["does lidocaine help nerve pain", "what about nerve damage after chemo"],
  "chemotherapy-induced neuropathy or idiopathic peripheral neuropathy")
M(["hi, my dad is starting infusions next month", "its ketamine, for his cancer pain", "will he feel weird during it?"],
  "Temporary dissociation or feeling detached from reality.")
M(["question about lidocaine", "my wife has had diabetes for 20 years", "could it help the burning in her feet?"],
  "manage the nerve pain caused by diabetes-related nerve damage")
M(["what is iv therapy", "how often do people go", "and does it work by itself or with other stuff?"],
  "part of a comprehensive pain management plan")

# ===================== unanswerable =====================
U("how much does a ketamine infusion cost")
U("does insurance cover lidocaine infusions")
U("is ketamine safe during pregnancy")
U("can i get a lidocaine infusion while breastfeeding my baby")
U("can children get ketamine infusions for depression")
U("my 10 year old has CRPS, do kids get lidocaine drips too?")
U("is spravato nasal spray better than iv ketamine")
U("ketamine vs ECT for depression, which works better")
U("lidocaine patch vs lidocaine infusion, which is better for nerve pain?")
U("how do i look after a PICC line at home")
U("what is a port-a-cath and will i need one for my infusions")
U("can a spinal cord stimulator help crps")
U("does a TENS machine help nerve pain")
U("what are the side effects of an iron infusion")
U("what is a remicade infusion used for")
U("how long does an ocrevus infusion take for MS")
U("does IVIG help small fiber neuropathy")
U("what is the usual dose of gabapentin for nerve pain")
U("is lyrica better than lidocaine for fibromyalgia")
U("does ketamine show up on a drug test at work")
U("is ketamine addictive")
U("can i have a glass of wine after my ketamine infusion")
U("how many hours before ketamine should i stop eating")
U("can ketamine cause bladder problems")
U("can a lidocaine infusion cause seizures")
U("what percentage of crps patients get better with ketamine")
U("are ketamine infusions used for lupus")
U("can sickle cell pain crises be treated with lidocaine")
U("what exactly is in a myers cocktail")
U("is NAD+ iv therapy good for chronic fatigue")
U("does glutathione iv help with pain")
U("is esketamine fda approved")
U("whats the difference between s-ketamine and regular ketamine")
U("can lidocaine infusions help endometriosis pain")
U("does ketamine help ocd")
U("is ketamine used for bipolar depression")
U("can you have a lidocaine infusion if you have epilepsy")
U("is iv lidocaine ok for someone with a pacemaker")
U("my gran is 86, do they give ketamine infusions to people that old?")
U("can a 15 year old with fibromyalgia get iv therapy")
U("how much does a vitamin iv drip cost")
U("is ketamine therapy covered by medicare")
U("ketamine vs psilocybin for depression")
U("do lidocaine infusions help tinnitus")
U("can ketamine treat alcohol addiction")
U("is mexiletine the pill version of lidocaine")
U("can ketamine help with adhd symptoms")
U("do lidocaine infusions help restless legs syndrome")
U("what is the half life of ketamine")
U("does ketamine cause long term memory loss")
U("can a lidocaine infusion make your hair fall out")
U("what's a dilaudid drip")
U("is an epidural steroid injection better than infusions for sciatica")
U("what is a ketamine-assisted psychotherapy session like")
U("can ketamine help postpartum depression")
U("do ketamine infusions help long covid")
U("are there iv treatments for gout flares")
U("does medicaid pay for iv vitamin therapy")
U("whats the cost of a lidocaine infusion without insurance")
U("can you get ketamine infusions if you have schizophrenia")
U("is intranasal ketamine as good as the drip for pain")
U("can lidocaine infusion help interstitial cystitis")
U("how long should i wait between a covid jab and my infusion")
U("is ketamine safe for someone with glaucoma")
U("can lidocaine be given to someone with liver cirrhosis")
U("My wife is 7 months pregnant and has terrible sciatica. Her friend had a lidocaine drip for nerve pain. "
  "Do they ever give those to pregnant women?")
U("hw much is a ketmine infusion in the uk roughly")
U("does ketamine help with eating disorders like anorexia")
U("can ketamine infusions help with insomnia")
U("is zofran given with ketamine to stop the sickness")
UM(["does ketamine help depression", "how does it compare with spravato?"])
UM(["what's a lidocaine infusion used for", "can my 8 year old have one?"])


# ===================== writing and checking =====================
def norm(s):
    s = s.lower()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    s = re.sub(r"[*_`]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def words(s):
    return re.findall(r"[a-z0-9]+", norm(s))


def main():
    errors = []
    lines = []  # (file, lineno, text)
    for fn in sorted(os.listdir(SRC)):
        if fn.endswith(".txt"):
            with open(os.path.join(SRC, fn), encoding="utf-8") as f:
                for i, t in enumerate(f.read().split("\n"), 1):
                    if t.strip():
                        lines.append((fn, i, t))
    # 5-grams of article text, to catch questions that copy the articles' wording
    grams = set()
    for _, _, t in lines:
        w = words(t)
        grams.update(tuple(w[i:i + 5]) for i in range(len(w) - 4))

    rows = []
    for n, (kind, turns, ev) in enumerate(C, 1):
        rows.append({"id": "t6q-%04d" % n, "kind": kind, "turns": turns, "evidence": ev, "intents": []})
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    # re-read and check
    seen_last = {}
    per_line_single = Counter()
    per_line_all = Counter()
    kinds = Counter()
    multi = 0
    with open(OUT, encoding="utf-8") as f:
        got = [json.loads(l) for l in f]
    for n, r in enumerate(got, 1):
        cid = r.get("id")
        if list(r.keys()) != ["id", "kind", "turns", "evidence", "intents"]:
            errors.append(f"{cid}: keys/order {list(r.keys())}")
        if cid != "t6q-%04d" % n:
            errors.append(f"{cid}: id out of sequence (expected t6q-{n:04d})")
        kind = r["kind"]
        kinds[kind] += 1
        turns = r["turns"]
        if not isinstance(turns, list) or not (1 <= len(turns) <= 3) or \
                not all(isinstance(t, str) and t.strip() for t in turns):
            errors.append(f"{cid}: bad turns")
            continue
        if len(turns) > 1:
            multi += 1
        last = re.sub(r"\s+", " ", turns[-1].casefold()).strip()
        if last in seen_last:
            errors.append(f"{cid}: duplicate last turn of {seen_last[last]}: {turns[-1]!r}")
        seen_last[last] = cid
        for t in turns:
            w = words(t)
            for i in range(len(w) - 4):
                if tuple(w[i:i + 5]) in grams:
                    errors.append(f"{cid}: copies article wording {' '.join(w[i:i + 5])!r}")
                    break
        if r["intents"] != []:
            errors.append(f"{cid}: intents must be empty")
        ev = r["evidence"]
        if kind == "answer":
            if not isinstance(ev, list) or not (1 <= len(ev) <= 2):
                errors.append(f"{cid}: answer needs 1-2 evidence strings")
                continue
            homes = set()
            for e in ev:
                nw = len(e.split())
                if not 5 <= nw <= 12:
                    errors.append(f"{cid}: evidence has {nw} words: {e!r}")
                exact = [(fn, i) for fn, i, t in lines if e in t]
                folded = [(fn, i) for fn, i, t in lines if norm(e) in norm(t)]
                if len(exact) != 1 or len(folded) != 1:
                    errors.append(f"{cid}: evidence on {len(exact)} lines exact / {len(folded)} normalised: {e!r}")
                    continue
                homes.add(exact[0])
            if len(homes) > 1:
                errors.append(f"{cid}: evidence from more than one line {homes}")
            for h in homes:
                if h[0] not in ALLOWED_DOCS:
                    errors.append(f"{cid}: evidence not in article 001/003: {h}")
                per_line_all[h] += 1
                if len(turns) == 1:
                    per_line_single[h] += 1
        elif kind == "unanswerable":
            if ev != []:
                errors.append(f"{cid}: evidence must be empty")
        else:
            errors.append(f"{cid}: unexpected kind {kind}")

    # coverage: every line used as evidence needs >= 3 single-turn questions
    for h in sorted(per_line_all):
        if per_line_single[h] < 3:
            errors.append(f"coverage: {h[0][:3]} line {h[1]} has only {per_line_single[h]} single-turn cases")

    print(f"wrote {len(got)} cases to {OUT}")
    print("kinds:", dict(kinds), "| multi-turn:", multi)
    for doc in ALLOWED_DOCS:
        cov = sorted((i, per_line_single[(fn, i)]) for fn, i in per_line_all if fn == doc)
        print(f"{doc[:3]}: {len(cov)} lines covered:", " ".join(f"L{i}x{c}" for i, c in cov))
    if errors:
        print(f"{len(errors)} FAILED CHECKS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
