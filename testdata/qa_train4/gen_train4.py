#!/usr/bin/env python3
"""Hand-typed TRAINING questions (t4q-*) for articles 001 and 003, plus checker.

Every message below was typed by hand. Running this script writes
qa_train4.jsonl next to it and checks it; it exits 1 if any check fails.

Entry formats:
  ANSWERS / FOLLOWUPS: (article, line_no, [turns...], [evidence...])
     article is "001" or "003", line_no is the 1-based line of that article
     whose words the evidence strings are taken from.
  UNANSWERABLE: [turns...]
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = "/work/shared/sources"
FILES = {
    "000": "000_c614e64672ad6ff7.txt",
    "001": "001_40c6da6138b2aae4.txt",
    "002": "002_0daf0697f5461e93.txt",
    "003": "003_2e6b24436037f4fa.txt",
    "004": "004_146a92e372ef15d5.txt",
}
OUT = os.path.join(HERE, "qa_train4.jsonl")

# ---------------------------------------------------------------------------
# Single-turn answer cases, grouped by the article line that answers them.
# ---------------------------------------------------------------------------
ANSWERS = [
    # ===================== 001 Infusion Therapy (lidocaine & ketamine) =====
    # L3 intro: quicker, more targeted; when other treatments fail
    ("001", 3, ["when does it make sense to go for a drip instead of the usual stuff? like if my meds give me awful side effects or take forever to kick in"],
     ["especially beneficial when other treatments fail or are unsuitable"]),
    ("001", 3, ["my mum's tablets just aren't touching her pain anymore. is an infusion what people try when nothing else has worked?"],
     ["This method is especially beneficial when other treatments fail"]),
    ("001", 3, ["is relief from an IV actually more targeted than from pills or is that just clinic marketing talk"],
     ["quicker and more targeted relief compared to oral medications"]),

    # L4 two specialised types, gaining recognition
    ("001", 4, ["which two kinds of infusion does the clinic article mainly talk about?"],
     ["two highly specialized types: Lidocaine Infusions and Ketamine Infusions"]),
    ("001", 4, ["are lidocaine and ketamine drips actually catching on with doctors or is it some fringe thing"],
     ["gaining widespread recognition for their effectiveness in alleviating pain"]),
    ("001", 4, ["do lido and ket infusions really make life better for pain patients or is it hype"],
     ["alleviating pain and enhancing patients’ quality of life"]),

    # L6 what is infusion therapy
    ("001", 6, ["what is infusion therapy exactly? is the point that they can get the dose more exact?"],
     ["bypassing the digestive system for faster absorption and more precise dosing"]),
    ("001", 6, ["apart from pain what kinds of problems do they use infusions for? someone told me mental health too"],
     ["neuropathic disorders, and certain mental health conditions"]),
    ("001", 6, ["does medicine through the vein get up to a working level in your body faster?"],
     ["reaches therapeutic levels in the body quickly and efficiently"]),

    # L8 why choose: pill limitations, potency, monitoring
    ("001", 8, ["whats actually wrong with just taking pills? they're so much easier"],
     ["Oral medications, while convenient, have limitations"]),
    ("001", 8, ["my husband reckons some tablets get weaker once your gut digests them. is he right?"],
     ["some medications lose potency when processed by the digestive system"]),
    ("001", 8, ["do they keep watching how you're reacting the entire time you're hooked up to it?"],
     ["allows for continuous monitoring of the patient’s response during treatment"]),

    # L10 not one-size-fits-all
    ("001", 10, ["is an infusion the right thing for every single person who has pain?"],
     ["Infusion therapy is not a one-size-fits-all solution"]),
    ("001", 10, ["so does evryone with long term pain end up on drips or no"],
     ["Infusion therapy is not a one-size-fits-all solution"]),

    # L11 chronic pain not responding to pills
    ("001", 11, ["who are these infusions recommended for? i've tried every pill going for my back and nothing works"],
     ["chronic pain syndromes that don’t respond to oral medications"]),
    ("001", 11, ["my sister has had pain for years and no tablet has helped at all. is she the sort of patient drips are meant for?"],
     ["Patients with chronic pain syndromes that don’t respond"]),
    ("001", 11, ["infusions r for ppl whose pain pills dont work?"],
     ["chronic pain syndromes that don’t respond to oral medications"]),

    # L12 nerve pain such as CRPS
    ("001", 12, ["can folks with nerve pain, like CRPS, be considered for this?"],
     ["nerve pain conditions, such as complex regional pain syndrome (CRPS)"]),
    ("001", 12, ["i got crps in my left foot after breaking it. am i someone they'd think about for infusion therapy?"],
     ["Individuals suffering from nerve pain conditions, such as complex regional"]),
    ("001", 12, ["Is infusion typically recommend for nerve conditions? My English not so good, sorry."],
     ["Individuals suffering from nerve pain conditions"]),

    # L13 side effects from pills stop use
    ("001", 13, ["the pills made me so sick I had to quit them. does that make me a candidate for an IV?"],
     ["side effects from oral medications that prevent their continued use"]),
    ("001", 13, ["if my dad can't keep going with his tablets because of what they do to him, could infusions be an option?"],
     ["Patients experiencing side effects from oral medications"]),
    ("001", 13, ["side effects so bad i stopped my meds... infusion for ppl like me?"],
     ["side effects from oral medications that prevent their continued use"]),

    # L14 rapid relief for debilitating pain
    ("001", 14, ["are infusions for people who need quick relief when the pain is crippling them?"],
     ["Those seeking rapid relief for debilitating pain"]),
    ("001", 14, ["my pain is so bad some days i can't even get out of bed and i need something that works fast. is that who infusions are for?"],
     ["Those seeking rapid relief for debilitating pain"]),

    # L18 what are lidocaine infusions
    ("001", 18, ["isn't lidocaine the stuff the dentist numbs you with? why on earth would they put it in a vein?"],
     ["best known for its role in numbing tissues during minor surgical procedures",
      "its intravenous use can modulate how pain signals travel"]),
    ("001", 18, ["what is a lidocaine infusion in simple words"],
     ["Lidocaine infusions use a local anesthetic, lidocaine, delivered intravenously"]),
    ("001", 18, ["wat does lidocane do to the nerves when it goes in thru the iv"],
     ["modulate how pain signals travel through the nervous system"]),

    # L20 science: sodium channels, hypersensitivity
    ("001", 20, ["how does lidocaine actually work inside the body?"],
     ["Lidocaine works by blocking sodium channels in nerve cells"]),
    ("001", 20, ["my physio says after years of pain my nerves have become 'oversensitive'. can lidocaine calm that down at all?"],
     ["can help decrease hypersensitivity, a common feature of chronic pain syndromes"]),
    ("001", 20, ["what have sodium channels got to do with pain??"],
     ["Sodium channels play a key role in transmitting pain signals"]),
    ("001", 20, ["so lidocaine turns down how strong the pain signals are?"],
     ["lidocaine reduces the intensity of pain signals, providing relief"]),

    # L23 CRPS
    ("001", 23, ["is lidocaine used to treat crps?"],
     ["Complex Regional Pain Syndrome (CRPS): This rare and debilitating condition"]),
    ("001", 23, ["what even is CRPS? the consultant wrote it in my notes and didn't explain"],
     ["often involves severe, burning pain in a limb"]),
    ("001", 23, ["ever since my wrist surgery my whole arm has this horrible burning pain and they think it's CRPS. can a lidocaine drip help with that?"],
     ["This rare and debilitating condition often involves severe, burning pain"]),

    # L24 diabetic neuropathy
    ("001", 24, ["my grandpa is diabetic and his feet burn and tingle all night long. would lidocaine infusions do anything for him?"],
     ["Lidocaine helps manage the nerve pain caused by diabetes-related nerve damage"]),
    ("001", 24, ["lidocaine for diabetic nerve pain - yes or no?"],
     ["Diabetic Neuropathy: Lidocaine helps manage the nerve pain"]),
    ("001", 24, ["does the lidocaine drip work on neuropathy from sugar diabetes"],
     ["nerve pain caused by diabetes-related nerve damage"]),

    # L25 other nerve damage: chemo, idiopathic
    ("001", 25, ["after chemo my hands and feet are numb and they hurt. can lidocaine help nerve damage caused by chemotherapy?"],
     ["other types of nerve damage like chemotherapy-induced neuropathy"]),
    ("001", 25, ["they told me my neuropathy is 'idiopathic' which basically means nobody knows why. does lidocaine work on that type?"],
     ["chemotherapy-induced neuropathy or idiopathic peripheral neuropathy"]),
    ("001", 25, ["lidocaine for nerve damage that isnt from diabetes?"],
     ["Lidocaine can help reduce the pain from other types of nerve damage"]),

    # L26 fibromyalgia
    ("001", 26, ["does lidocaine help fibro?"],
     ["Patients report reduced muscle pain and better functionality after lidocaine"]),
    ("001", 26, ["I've had fibromyalgia for ten years, my muscles ache everywhere and some days I can barely do anything. what do other fibro patients say after having lidocaine?"],
     ["Fibromyalgia: Patients report reduced muscle pain and better functionality"]),
    ("001", 26, ["fibromyalgia + lidocaine = less achy muscles and functioning better?"],
     ["reduced muscle pain and better functionality after lidocaine treatments"]),

    # L27 post-surgical pain
    ("001", 27, ["it's been 8 months since my knee op and it still hurts all the time. can lidocaine be used for pain that hangs around after an operation?"],
     ["Persistent pain following surgery can also benefit from lidocaine infusions"]),
    ("001", 27, ["lidocaine for pain after surgery?"],
     ["Post-Surgical Pain: Persistent pain following surgery"]),
    ("001", 27, ["my wife still has pain a year after her mastectomy. is that the kind of thing the lidocaine drip treats?"],
     ["Persistent pain following surgery can also benefit from lidocaine infusions"]),

    # L29 pre-treatment evaluation
    ("001", 29, ["what happens before they give you lidocaine, do they check anything first?"],
     ["The provider evaluates your medical history and determines whether lidocaine is appropriate"]),
    ("001", 29, ["before my first lidocaine appointment will someone go through my health background?"],
     ["Pre-Treatment Evaluation: The provider evaluates your medical history"]),
    ("001", 29, ["how do they decide if lidocaine is ok for me"],
     ["evaluates your medical history and determines whether lidocaine is appropriate"]),

    # L30 infusion procedure
    ("001", 30, ["how long does a lidocaine drip take?"],
     ["administers the lidocaine intravenously over 30–60 minutes"]),
    ("001", 30, ["who actually gives the lidocaine, a nurse or the doctor?"],
     ["A nurse or physician administers the lidocaine intravenously"]),
    ("001", 30, ["can lidocaine be done in my own home or do I need to go in somewhere for it?"],
     ["The treatment is performed in a controlled clinical setting."]),

    # L31 monitoring and observation
    ("001", 31, ["do they watch your heart rate and blood pressure and stuff during the lidocaine?"],
     ["your vital signs are closely monitored to ensure safety"]),
    ("001", 31, ["once the lidocaine finishes can i just walk straight out the door?"],
     ["Post-treatment, you’ll be observed for side effects."]),
    ("001", 31, ["is someone keeping an eye on me the whole lidocaine session"],
     ["During the infusion, your vital signs are closely monitored"]),

    # L33 rapid relief
    ("001", 33, ["how soon does lidocaine start working?"],
     ["Rapid Pain Relief: Relief often begins within hours"]),
    ("001", 33, ["if i get my lidocaine on monday morning, when might i start feeling better?"],
     ["Relief often begins within hours of the infusion."]),
    ("001", 33, ["lidocaine: days or hours till it helps?"],
     ["Relief often begins within hours of the infusion."]),

    # L34 non-opioid alternative
    ("001", 34, ["i'm terrified of getting hooked on opioids. is lidocaine one of those?"],
     ["Non-Opioid Alternative: Lidocaine provides an option"]),
    ("001", 34, ["my dad wants to cut down on his oxycodone. could lidocaine be a way to do that?"],
     ["for those who want to avoid or reduce opioid use"]),
    ("001", 34, ["lidocaine = no narcotics, right?"],
     ["Non-Opioid Alternative: Lidocaine provides an option for those"]),

    # L35 minimal side effects
    ("001", 35, ["does lidocaine have loads of side effects compared with other pain treatments?"],
     ["lidocaine infusions have fewer and milder side effects"]),
    ("001", 35, ["is lidocaine kinder on your body than the other stuff they use for pain?"],
     ["Minimal Side Effects: Compared to other pain treatments"]),
    ("001", 35, ["r lidocaine side effects bad"],
     ["lidocaine infusions have fewer and milder side effects"]),

    # L37 generally safe
    ("001", 37, ["is lidocaine safe in general?"],
     ["While lidocaine infusions are generally safe, patients may experience"]),
    ("001", 37, ["my daughter is really nervous - is a lidocaine drip considered a safe thing to have?"],
     ["While lidocaine infusions are generally safe"]),

    # L40 rare irregular heartbeat
    ("001", 40, ["can lidocaine mess with your heart rhythm?"],
     ["Rarely, more serious reactions such as irregular heartbeat."]),
    ("001", 40, ["are there any serious risks with lidocaine, like heart problems?"],
     ["Rarely, more serious reactions such as irregular heartbeat."]),
    ("001", 40, ["lidocaine and heart going funny and skipping - does that happen??"],
     ["more serious reactions such as irregular heartbeat"]),

    # L41 effects short-lived
    ("001", 41, ["if the lidocaine makes me dizzy, does it last long?"],
     ["These effects are typically short-lived and resolve quickly"]),
    ("001", 41, ["do the lidocaine side effects wear off fast?"],
     ["typically short-lived and resolve quickly under medical supervision"]),
    ("001", 41, ["Side effect of the lidocaine, they go away soon or they stay with me for long time?"],
     ["These effects are typically short-lived and resolve quickly"]),

    # L44 what is ketamine
    ("001", 44, ["what type of drug is ketamine exactly"],
     ["ketamine, a dissociative anesthetic, to treat chronic pain and mood disorders"]),
    ("001", 44, ["does ketamine work on pain the same way lidocaine does?"],
     ["Unlike lidocaine, ketamine acts on the central nervous system by blocking NMDA"]),
    ("001", 44, ["wat are NMDA receptors and why does ketamine block them"],
     ["play a critical role in the transmission and amplification of pain signals"]),
    ("001", 44, ["what does NMDA stand for?"],
     ["NMDA (N-methyl-D-aspartate) receptors, which play a critical role"]),

    # L46 dual role, neuroplasticity
    ("001", 46, ["why is ketamine used for both pain and mental health stuff?"],
     ["it not only provides pain relief but also promotes neuroplasticity"]),
    ("001", 46, ["what does neuroplasticity mean when they talk about ketamine?"],
     ["allowing the brain to form new, healthier connections"]),
    ("001", 46, ["can ketamine sort of rewire your brain??"],
     ["promotes neuroplasticity, allowing the brain to form new, healthier connections"]),

    # L49 chronic neuropathic pain
    ("001", 49, ["my nan had shingles two years ago and still has horrible nerve pain where the rash was. would ketamine help her?"],
     ["CRPS and post-herpetic neuralgia respond well to ketamine"]),
    ("001", 49, ["does ketamine work for crps?"],
     ["Conditions like CRPS and post-herpetic neuralgia respond well"]),
    ("001", 49, ["ketamine for nerve pain that never goes away?"],
     ["Chronic Neuropathic Pain: Conditions like CRPS"]),

    # L50 depression
    ("001", 50, ["my son has tried four different antidepressants and none of them helped. is ketamine used for depression like his?"],
     ["Ketamine can improve mood in patients resistant to traditional antidepressants"]),
    ("001", 50, ["ketamine for depression is that a real thing"],
     ["Major Depressive Disorder (MDD): Ketamine can improve mood"]),
    ("001", 50, ["can a ketamine drip lift your mood when the normal happy pills failed?"],
     ["improve mood in patients resistant to traditional antidepressants"]),

    # L51 PTSD
    ("001", 51, ["i'm a veteran with ptsd. does ketamine do anything for that?"],
     ["Ketamine reduces the severity of PTSD symptoms in many patients"]),
    ("001", 51, ["can ketamine help with trauma stuff like flashbacks and nightmares?"],
     ["Post-Traumatic Stress Disorder (PTSD): Ketamine reduces the severity"]),
    ("001", 51, ["ptsd ketamine does it work for most ppl"],
     ["reduces the severity of PTSD symptoms in many patients"]),

    # L52 cancer pain, last resort
    ("001", 52, ["my father has cancer and the morphine isn't cutting it anymore. do they use ketamine for cancer pain?"],
     ["Ketamine is a last-resort option for managing intractable cancer-related pain"]),
    ("001", 52, ["is ketamine a first choice for cancer pain or more something you try at the very end?"],
     ["Cancer Pain: Ketamine is a last-resort option"]),
    ("001", 52, ["ketamine when cancer pain won't respond to anything?"],
     ["a last-resort option for managing intractable cancer-related pain"]),

    # L54 consultation and planning
    ("001", 54, ["what happens at the first ketamine appointment before the actual drip?"],
     ["The physician discusses your medical history and sets treatment goals."]),
    ("001", 54, ["will the doctor talk through what we're aiming for before starting ketamine?"],
     ["Consultation and Planning: The physician discusses your medical history"]),
    ("001", 54, ["does the ketamine doc set goals with you first"],
     ["discusses your medical history and sets treatment goals"]),

    # L55 infusion process 1-4 hours, dose tailored
    ("001", 55, ["how long is a ketamine session"],
     ["The session usually lasts 1–4 hours, with the dose tailored"]),
    ("001", 55, ["does everyone get the exact same amount of ketamine?"],
     ["with the dose tailored to your condition"]),
    ("001", 55, ["how many hours do i need to block off for ketamine? i have to sort out childcare for the kids"],
     ["Infusion Process: The session usually lasts 1–4 hours"]),

    # L56 post-infusion recovery
    ("001", 56, ["after ketamine do they keep you there for a bit?"],
     ["Patients are observed briefly after the treatment to ensure they are stable"]),
    ("001", 56, ["do they watch you after the ketamine ends or send you straight home"],
     ["Post-Infusion Recovery: Patients are observed briefly after the treatment"]),
    ("001", 56, ["why do they make you hang around after ketamine finishes?"],
     ["observed briefly after the treatment to ensure they are stable"]),

    # L58 rapid onset
    ("001", 58, ["how fast does ketamine kick in?"],
     ["Many patients experience relief within hours of their first session."]),
    ("001", 58, ["do you need loads of ketamine sessions before it helps or can even the first one work?"],
     ["experience relief within hours of their first session"]),
    ("001", 58, ["ketamine, feel better same day??"],
     ["Rapid Onset: Many patients experience relief within hours"]),

    # L59 mood enhancement
    ("001", 59, ["does ketamine help with anxiety too?"],
     ["Ketamine’s effects on depression and anxiety often improve patients’ overall well-being"]),
    ("001", 59, ["my pain makes me so low and on edge all the time. would ketamine lift how i feel in general?"],
     ["depression and anxiety often improve patients’ overall well-being"]),
    ("001", 59, ["mood boost from ketamine is that a thing"],
     ["Mood Enhancement: Ketamine’s effects on depression and anxiety"]),

    # L60 reduced dependence on opioids
    ("001", 60, ["could ketamine mean i need less of my opioid painkillers?"],
     ["Ketamine lowers the need for opioid medications in pain management."]),
    ("001", 60, ["my brother is on heavy opioids for his back. does ketamine cut down how much of that you need?"],
     ["Reduced Dependence on Opioids: Ketamine lowers the need"]),
    ("001", 60, ["ketamine vs opioid dependence any link"],
     ["Ketamine lowers the need for opioid medications"]),

    # L62 safe in a controlled setting
    ("001", 62, ["is ketamine safe? i always thought it was a party drug"],
     ["Ketamine infusions are safe when administered in a controlled setting"]),
    ("001", 62, ["is getting ketamine at a proper clinic safe?"],
     ["safe when administered in a controlled setting, but side effects"]),

    # L63 dissociation
    ("001", 63, ["will ketamine make me feel weird, like i'm outside my body?"],
     ["Temporary dissociation or feeling detached from reality."]),
    ("001", 63, ["my wife said she felt disconnected from everything during her ketamine drip. is that normal and does it pass?"],
     ["Temporary dissociation or feeling detached from reality."]),
    ("001", 63, ["does the floaty unreal feeling from ketamine stay?"],
     ["Temporary dissociation or feeling detached from reality"]),

    # L66 preparation and monitoring minimize risks
    ("001", 66, ["how do they stop ketamine side effects from getting out of hand?"],
     ["Proper preparation and monitoring minimize these risks."]),
    ("001", 66, ["can the risks of ketamine be kept down somehow?"],
     ["Proper preparation and monitoring minimize these risks."]),

    # L68 choosing depends on condition and goals
    ("001", 68, ["how do i know whether i should be getting lidocaine or ketamine?"],
     ["depends on your specific medical condition and treatment goals"]),
    ("001", 68, ["lidocaine vs ketamine which one is better"],
     ["Choosing between lidocaine and ketamine infusions depends on your specific"]),
    ("001", 68, ["what decides if someone gets ketamine rather than lidocaine?"],
     ["depends on your specific medical condition and treatment goals"]),

    # L71 table primary use
    ("001", 71, ["what is each one mainly for, lidocaine and ketamine?"],
     ["Primary Use | Neuropathic pain, CRPS | Pain and mental health disorders"]),
    ("001", 71, ["which of the 2 infusions also covers mental health problems?"],
     ["CRPS | Pain and mental health disorders"]),

    # L72 table mechanism
    ("001", 72, ["in simple terms, what's the difference in how lidocaine and ketamine work?"],
     ["Mechanism of Action | Sodium channel blocker | NMDA receptor antagonist"]),
    ("001", 72, ["is lidocaine a sodium channel blocker and ketamine something different?"],
     ["Sodium channel blocker | NMDA receptor antagonist"]),

    # L73 table session time
    ("001", 73, ["which takes longer to sit through, a lidocaine or a ketamine session?"],
     ["Typical Session Time | 30–60 minutes | 1–4 hours"]),
    ("001", 73, ["session length for each of the two infusions?"],
     ["Typical Session Time | 30–60 minutes | 1–4 hours"]),

    # L74 table side effects (lines 38, 39, 64, 65 are too short for evidence)
    ("001", 74, ["can lidocaine make you dizzy?"],
     ["Side Effects | Mild dizziness, nausea"]),
    ("001", 74, ["does ketamine make you hallucinate?"],
     ["Mild dizziness, nausea | Dissociation, mild hallucinations"]),
    ("001", 74, ["lidocaine side effects vs ketamine side effects, how do they compare"],
     ["Side Effects | Mild dizziness, nausea | Dissociation, mild hallucinations"]),
    ("001", 74, ["will the lidocaine make me feel queasy?"],
     ["Side Effects | Mild dizziness, nausea"]),

    # L75 table onset
    ("001", 75, ["which one works faster, lidocaine or ketamine?"],
     ["Onset of Relief | Immediate or short-term | Often within hours"]),
    ("001", 75, ["when does the relief start with each of them?"],
     ["Onset of Relief | Immediate or short-term"]),

    # L76 both effective, evaluation essential
    ("001", 76, ["can i just choose which infusion i want myself?"],
     ["a thorough evaluation by a qualified provider is essential"]),
    ("001", 76, ["are both of them actually effective though?"],
     ["Both therapies are effective in their respective domains"]),
    ("001", 76, ["does someone qualified need to assess me before picking lidocaine or ketamine"],
     ["a thorough evaluation by a qualified provider is essential"]),

    # L79 communicate history, allergies, meds
    ("001", 79, ["what should i tell the clinic before my infusion? do they need to know about allergies?"],
     ["Share your full medical history with your provider, including allergies and medications."]),
    ("001", 79, ["should my mum bring a list of her medicines to the infusion appointment?"],
     ["Share your full medical history with your provider"]),
    ("001", 79, ["do i tell them about my penicillin allergy before the drip"],
     ["with your provider, including allergies and medications"]),

    # L80 stay hydrated
    ("001", 80, ["should i drink water before my infusion?"],
     ["Drink plenty of water before your session unless instructed otherwise."]),
    ("001", 80, ["is it fine to drink a lot before my iv or should i avoid fluids?"],
     ["Drink plenty of water before your session"]),
    ("001", 80, ["hydrate b4 infusion y/n"],
     ["Stay Hydrated: Drink plenty of water before your session"]),

    # L81 arrange transportation
    ("001", 81, ["can i drive myself home after the infusion?"],
     ["Some patients may feel drowsy after treatment", "so plan for a ride home"]),
    ("001", 81, ["will i be sleepy once the drip's done?"],
     ["Some patients may feel drowsy after treatment"]),
    ("001", 81, ["do i need somebody to pick me up after"],
     ["Arrange Transportation: Some patients may feel drowsy"]),

    # L82 comfortable clothing
    ("001", 82, ["what should i wear to my infusion?"],
     ["Loose-fitting clothes make the process more comfortable."]),
    ("001", 82, ["is there a dress code lol, are skinny jeans ok?"],
     ["Loose-fitting clothes make the process more comfortable."]),
    ("001", 82, ["comfy clothes for infusion day?"],
     ["Wear Comfortable Clothing: Loose-fitting clothes make the process"]),

    # L84 promise: hope, pain and mental health
    ("001", 84, ["i've tried literally everything for my pain over 15 years. is there still any hope with these infusions?"],
     ["these treatments offer hope for those who have exhausted other options"]),
    ("001", 84, ["are these infusions only for pain or for mental health as well?"],
     ["opened new doors for individuals suffering from chronic pain and mental health"]),
    ("001", 84, ["nothing has worked for me, are infusions worth a shot"],
     ["offer hope for those who have exhausted other options"]),

    # L85 consult provider, reclaim quality of life
    ("001", 85, ["i'm thinking about infusions, what's the first step?"],
     ["consult with a trusted healthcare provider to determine the best course"]),
    ("001", 85, ["can infusions really give me my life back?"],
     ["you can achieve significant relief and reclaim your quality of life"]),
    ("001", 85, ["who do I talk to if im considering this"],
     ["consult with a trusted healthcare provider"]),

    # ===================== 003 IV therapy for chronic pain ==================
    # L8 intro (may be effective, improving symptoms)
    ("003", 8, ["besides the pain itself, can IV therapy help the other symptoms that come along with it?"],
     ["and also improving symptoms associated with it"]),
    ("003", 8, ["could a drip help my chronic pain at all, and the stuff that comes with it?"],
     ["IV therapy may be effective at dealing with chronic pain"]),

    # L10 effective? B12, ongoing research, customized blend
    ("003", 10, ["does IV therapy really work for long term pain?"],
     ["were shown to reduce chronic pain in individuals"]),
    ("003", 10, ["i read that B12 through a vein helps pain. is that actually proven?"],
     ["particularly vitamin B12, have shown promise in pain management",
      "still a subject of ongoing research and debate"]),
    ("003", 10, ["is the science settled on IV drips for chronic pain or are experts still arguing about it?"],
     ["still a subject of ongoing research and debate"]),
    ("003", 10, ["what's normally in the IV bag they use for pain?"],
     ["customized blend of vitamins, minerals, and medications"]),

    # L11 car accidents, back injuries, complementary
    ("003", 11, ["i was in a car crash 3 years ago and my neck and back still kill me, physio and pills didn't do much. could IV therapy help someone like me?"],
     ["conditions such as car accidents or back injuries"]),
    ("003", 11, ["back injury pain, nothing traditional has worked - any point trying a drip?"],
     ["IV therapy may offer a complementary approach"]),
    ("003", 11, ["why would nutrients in a drip work quicker than the vitamins I swallow?"],
     ["By delivering essential nutrients directly into the bloodstream"]),

    # L12 disease-related pain
    ("003", 12, ["can IV therapy help pain that's caused by an illness like cancer?"],
     ["disease-related pain, such as cancer or fibromyalgia, may also find relief"]),
    ("003", 12, ["do vitamin drips help the general health of people with fibromyalgia?"],
     ["other therapeutic agents can support overall health and well-being"]),
    ("003", 12, ["my aunt has fibro. would IV vitamins and minerals ease her symptoms?"],
     ["potentially alleviating pain symptoms associated with these conditions"]),

    # L15 direct delivery
    ("003", 15, ["what's the point of getting painkillers straight into the vein instead of my tummy?"],
     ["direct delivery of pain-relieving medications into the bloodstream"]),
    ("003", 15, ["would the IV version of a painkiller work faster than the tablet one?"],
     ["This ensures rapid absorption and may provide quicker relief"]),
    ("003", 15, ["iv skips the stomach??"],
     ["into the bloodstream, bypassing the digestive system"]),

    # L16 customized formulations
    ("003", 16, ["is the IV mix the same for everybody or do they make one up just for you?"],
     ["IV therapy can be tailored to each individual’s needs"]),
    ("003", 16, ["do they put antioxidants in pain IVs?"],
     ["a combination of vitamins, minerals, antioxidants, and pain-relieving medications"]),
    ("003", 16, ["can the drip be personalised to the exact pain i'm having"],
     ["pain-relieving medications tailored to address specific pain symptoms"]),

    # L17 potent pain relief
    ("003", 17, ["is IV pain relief stronger than pills?"],
     ["potentially providing more potent and effective pain relief"]),
    ("003", 17, ["can you get a higher concentration of the drug with a drip?"],
     ["deliver higher concentrations of pain-relieving medications directly to the site"]),
    ("003", 17, ["my cousin says IV painkillers hit harder than oral ones. true?"],
     ["more potent and effective pain relief compared to oral medications alone"]),

    # L18 hydration
    ("003", 18, ["does being dehydrated make pain worse?"],
     ["as dehydration can exacerbate pain symptoms"]),
    ("003", 18, ["can a drip hydrate me faster than drinking water?"],
     ["IV therapy provides rapid hydration, helping to alleviate pain"]),
    ("003", 18, ["my aunt never drinks enough and her joints ache constantly. could fluids through a vein help the aching?"],
     ["helping to alleviate pain associated with dehydration"]),

    # L19 nutrient support
    ("003", 19, ["can being low on vitamins make chronic pain worse?"],
     ["which can be exacerbated by nutrient deficiencies"]),
    ("003", 19, ["does IV nutrient therapy bring down inflammation?"],
     ["supporting cellular function, reducing inflammation, and promoting tissue repair"]),
    ("003", 19, ["what's oxidative stress got to do with my pain"],
     ["associated with inflammation and oxidative stress"]),

    # L20 improved absorption
    ("003", 20, ["i have crohn's and my gut doesn't absorb things well. would IV get round that?"],
     ["For individuals with gastrointestinal issues or malabsorption problems"]),
    ("003", 20, ["my stomach doesn't take in pills properly, is a drip better for that?"],
     ["ensures optimal absorption of pain-relieving medications and nutrients"]),
    ("003", 20, ["malabsorption and pain meds - does iv help"],
     ["bypassing potential barriers in the digestive system"]),

    # L21 mobility and function (also takeaway L5)
    ("003", 21, ["will IV therapy help me move around better?"],
     ["can help improve mobility, function, and quality of life"]),
    ("003", 21, ["I want to be able to do my physio exercises without crying. can IV treatment make that easier?"],
     ["engage in daily activities and physical therapy more comfortably"]),
    ("003", 21, ["could it help me get through everyday stuff like housework and shopping?"],
     ["enabling them to engage in daily activities"]),

    # L22 complementary therapy
    ("003", 22, ["can i keep going to acupuncture while having IV therapy?"],
     ["such as physical therapy, acupuncture, or medication"]),
    ("003", 22, ["does IV therapy replace my other treatments or sit alongside them?"],
     ["IV therapy can complement other pain management interventions"]),
    ("003", 22, ["is iv therapy part of a bigger multi approach thing"],
     ["providing a multifaceted approach to pain relief and overall well-being"]),

    # L23 reduced dependency on oral meds (also takeaway L6)
    ("003", 23, ["i can't stomach oral painkillers at all. would IV mean fewer pills?"],
     ["that may reduce reliance on oral medications"]),
    ("003", 23, ["is there another way to get pain meds if i can't tolerate tablets?"],
     ["IV therapy offers an alternative route of administration"]),
    ("003", 23, ["Tablets for pain give me many side effect. Is there other route for the medicine?"],
     ["offers an alternative route of administration that may reduce reliance"]),

    # L24 longer lasting relief
    ("003", 24, ["does the relief from IV last longer than from pills?"],
     ["IV therapy may provide longer-lasting pain relief compared to oral medications"]),
    ("003", 24, ["once the drip is out of my arm, does the effect just stop?"],
     ["can persist for an extended period after the infusion is complete"]),
    ("003", 24, ["how long does iv pain relief last compared to tablets"],
     ["may provide longer-lasting pain relief compared to oral medications"]),

    # L26 injection site reactions
    ("003", 26, ["my arm is red and a bit puffy where the needle went in yesterday. is that a common thing?"],
     ["Discomfort, redness, or swelling at the site where the IV is inserted"]),
    ("003", 26, ["how long does soreness where the IV went in normally last?"],
     ["usually mild and temporary but may persist for a short period"]),
    ("003", 26, ["does the spot where the drip goes in get sore?"],
     ["are common side effects of IV therapy"]),

    # L27 infection
    ("003", 27, ["can you get an infection from an IV?"],
     ["There is a slight risk of infection at the injection site"]),
    ("003", 27, ["how do they stop the needle causing an infection?"],
     ["using sterile equipment and proper insertion techniques"]),
    ("003", 27, ["my grandma is quite frail and i'm worried about germs getting in through the line. how do the nurses prevent that?"],
     ["Healthcare providers take precautions to minimize this risk"]),

    # L28 allergic reactions
    ("003", 28, ["can you be allergic to something in the IV bag?"],
     ["allergic reactions to components of the IV solution, such as medications"]),
    ("003", 28, ["how do i know if i'm allergic to what's in the infusion, what symptoms?"],
     ["itching, rash, swelling, difficulty breathing, or anaphylaxis"]),
    ("003", 28, ["could the preservatives in the drip give someone a reaction?"],
     ["components of the IV solution, such as medications or preservatives"]),

    # L29 electrolyte imbalances
    ("003", 29, ["can IV therapy mess up your potassium or salt levels?"],
     ["can affect electrolyte levels in the body, such as sodium, potassium"]),
    ("003", 29, ["what symptoms do you get if your electrolytes go out of balance?"],
     ["muscle cramps, weakness, irregular heartbeat, or confusion"]),
    ("003", 29, ["do they check my electrolytes during the sessions?"],
     ["Healthcare providers monitor electrolyte levels closely during IV therapy"]),

    # L30 fluid overload
    ("003", 30, ["can they give you too much fluid through a drip?"],
     ["Receiving too much fluid through IV therapy can lead to fluid overload"]),
    ("003", 30, ["my dad has kidney disease. is he more at risk with IV fluids?"],
     ["Individuals with kidney or heart conditions are at higher risk"]),
    ("003", 30, ["what happens to you if you get too much fluid"],
     ["swelling, shortness of breath, and elevated blood pressure"]),

    # L31 adverse drug reactions
    ("003", 31, ["can the medicine in the IV give me a headache?"],
     ["such as drowsiness, dizziness, nausea, or headache"]),
    ("003", 31, ["should i go over possible side effects with the doctor before i start?"],
     ["discuss potential side effects with a healthcare provider before undergoing"]),
    ("003", 31, ["do the drugs in pain IVs have their own side effects?"],
     ["may have side effects specific to the medication itself"]),

    # L32 interactions (also takeaway L7)
    ("003", 32, ["i take blood thinners and antidepressants. can a pain IV interact with my other meds?"],
     ["may interact with other medications that an individual is taking"]),
    ("003", 32, ["will they look at my current meds and change the drip if they need to?"],
     ["review medication histories and adjust IV therapy formulations accordingly"]),
    ("003", 32, ["iv + my other pills = problem?"],
     ["accordingly to minimize the risk of adverse interactions"]),

    # L33 rare complications
    ("003", 33, ["can an IV cause a blood clot?"],
     ["vein irritation, blood clots, or damage to surrounding tissues"]),
    ("003", 33, ["are serious problems from the IV common?"],
     ["These complications are uncommon but may require medical attention"]),
    ("003", 33, ["can the drip irritate the vein or damage the tissue round it?"],
     ["more serious complications such as vein irritation, blood clots"]),

    # L36 FAQ what is IV therapy
    ("003", 36, ["so what's IV treatment for pain, in plain words?"],
     ["a customized blend of medications, nutrients, and fluids directly into the bloodstream"]),
    ("003", 36, ["how does an iv pain treatment work"],
     ["rapid absorption and delivery of pain-relieving medications and supportive nutrients"]),
    ("003", 36, ["is it just medicine in the bag or fluids and nutrients too?"],
     ["a customized blend of medications, nutrients, and fluids"]),

    # L38 suitable candidates
    ("003", 38, ["i've had injections and physical therapy and i still hurt. am i the type of person who'd be suitable?"],
     ["not responded well to other treatments, such as oral medications, physical therapy"]),
    ("003", 38, ["can IV therapy help arthritis?"],
     ["conditions like fibromyalgia, neuropathy, or arthritis"]),
    ("003", 38, ["who is a good fit for pain drips?"],
     ["persistent or severe pain that has not responded well"]),

    # L40 frequency
    ("003", 40, ["how often do you have to go in for IV sessions?"],
     ["Some individuals may benefit from weekly sessions initially"]),
    ("003", 40, ["is it every week forever?"],
     ["others may require less frequent maintenance sessions"]),
    ("003", 40, ["how many times will my mum need to go? she can't drive so i'd be taking her"],
     ["can vary depending on individual needs, pain severity, and treatment response"]),

    # L42 combination with other strategies
    ("003", 42, ["is IV therapy enough by itself or will i need other treatments too?"],
     ["typically used in conjunction with other strategies for optimal results"]),
    ("003", 42, ["will i have to change my lifestyle as well as getting the drips?"],
     ["physical therapy, medications, lifestyle modifications, and alternative therapies"]),
    ("003", 42, ["can a drip alone fix my pain"],
     ["often used as part of a comprehensive pain management plan"]),

    # L44-48 sources
    ("003", 44, ["is there a case series study about lidocaine drips for pain?"],
     ["A prospective case series analysis. British Journal of Pain"]),
    ("003", 45, ["any study that looked back at patients who already got IV lidocaine?"],
     ["A Retrospective Cohort Study. Journal of Pain Research"]),
    ("003", 46, ["has anyone pooled all the ketamine pain research together, like a meta analysis?"],
     ["A systematic review and meta-analysis. Medicine Advances"]),
    ("003", 47, ["i'm a nurse - is there a review on lidocaine for nerve pain that looks at nursing care?"],
     ["A Systematic Review Addressing Nursing Care. Pain Management Nursing"]),
    ("003", 48, ["who wrote the paper asking whether low dose ketamine counts as evidence-based?"],
     ["Griffiths, H. M. (2023). Low-dose ketamine infusions"]),
]

# Second hand-typed batch of single-turn answer cases (same format).
ANSWERS += [
    ("001", 3, ["whats the big deal with infusions for chronic pain? everyone online says they're changing everything"],
     ["Infusion therapy is revolutionizing the management of chronic pain"]),
    ("001", 6, ["Why medicine from drip is absorbed more fast? Because it skip the stomach?"],
     ["bypassing the digestive system for faster absorption"]),
    ("001", 8, ["how long do tablets take to work compared with a drip?"],
     ["They may take hours to show effects"]),
    ("001", 10, ["do infusions suit all kinds of pain patients or only some?"],
     ["Infusion therapy is not a one-size-fits-all solution"]),
    ("001", 14, ["need fast relief, pain is unbearable - infusion?"],
     ["Those seeking rapid relief for debilitating pain"]),
    ("001", 18, ["is IV lidocaine actually useful for long-lasting pain or is it just a numbing thing?"],
     ["a valuable tool for addressing certain types of chronic pain"]),
    ("001", 23, ["my teenage son was just diagnosed with crps. is it a common condition?"],
     ["This rare and debilitating condition often involves"]),
    ("001", 37, ["Lidocaine is safe? My friend say yes but I still worry."],
     ["While lidocaine infusions are generally safe, patients may experience"]),
    ("001", 44, ["is ketamine an anaesthetic?"],
     ["ketamine, a dissociative anesthetic, to treat chronic pain"]),
    ("001", 46, ["can ketamine work for some mental illnesses and not only pain?"],
     ["This property makes it effective for treating certain mental health conditions"]),
    ("001", 49, ["does ketamine work on post herpetic neuralgia"],
     ["CRPS and post-herpetic neuralgia respond well to ketamine"]),
    ("001", 56, ["after ketamine, will they check that i'm steady before i go?"],
     ["after the treatment to ensure they are stable"]),
    ("001", 58, ["my friend felt better after just one ketamine session. is that common?"],
     ["Many patients experience relief within hours of their first session."]),
    ("001", 62, ["my teenage daughter freaked out when i told her i'm getting ketamine. is it actually safe when a clinic does it?"],
     ["Ketamine infusions are safe when administered in a controlled setting"]),
    ("001", 66, ["is ketamine risky or do they manage it properly"],
     ["Proper preparation and monitoring minimize these risks."]),
    ("001", 71, ["lidocaine is mostly for nerve pain and crps, so what's ketamine mostly for?"],
     ["Primary Use | Neuropathic pain, CRPS | Pain and mental health disorders"]),
    ("001", 72, ["mechanism of lido vs ket pls"],
     ["Mechanism of Action | Sodium channel blocker"]),
    ("001", 73, ["i only get an hour off at lunch - which infusion would fit into that?"],
     ["Typical Session Time | 30–60 minutes | 1–4 hours"]),
    ("001", 75, ["lidocaine relief, immediate or not?"],
     ["Onset of Relief | Immediate or short-term"]),
    ("001", 80, ["my infusion is tomorrow, how much should i be drinking?"],
     ["Drink plenty of water before your session"]),
    ("001", 84, ["do lidocaine and ketamine work differently, something about sodium and NMDA?"],
     ["sodium-channel-blocking effects of lidocaine or the NMDA receptor modulation"]),
    ("001", 85, ["with the right guidance could i get real relief from this?"],
     ["With proper guidance, you can achieve significant relief"]),
    ("003", 8, ["Can IV treatment be effective for chronic pain? My doctor is not sure."],
     ["IV therapy may be effective at dealing with chronic pain"]),
    ("003", 10, ["do the IVs help people who've got nowhere with normal treatments?"],
     ["who have not responded well to conventional treatments"]),
    ("003", 11, ["can people hurt in road accidents get IV therapy for pain that won't go?"],
     ["chronic pain resulting from conditions such as car accidents"]),
    ("003", 19, ["can IV nutrients help damaged tissue heal?"],
     ["reducing inflammation, and promoting tissue repair"]),
    ("003", 26, ["I have swelling on the arm from the IV, it will stay long time?"],
     ["These reactions are usually mild and temporary"]),
    ("003", 27, ["how likely is it to get an infection from the IV?"],
     ["There is a slight risk of infection"]),
    ("003", 28, ["if someone has an allergic reaction to the drip, what's the advice?"],
     ["seek prompt medical attention if any occur"]),
    ("003", 29, ["can electrolyte problems from an IV make you confused?"],
     ["Imbalances in these electrolytes can lead to symptoms"]),
    ("003", 30, ["can iv fluids make your legs swell up and leave you short of breath?"],
     ["swelling, shortness of breath, and elevated blood pressure"]),
    ("003", 31, ["can IV pain drugs make me drowsy?"],
     ["such as drowsiness, dizziness, nausea, or headache"]),
    ("003", 32, ["do the drip ingredients mix badly with the pills i take for my blood pressure?"],
     ["for pain management or other health conditions"]),
    ("003", 38, ["is IV therapy any good for neuropathy?"],
     ["conditions like fibromyalgia, neuropathy, or arthritis"]),
    ("003", 40, ["does the number of sessions depend on how bad your pain is?"],
     ["can vary depending on individual needs, pain severity"]),
    ("003", 42, ["do they combine the drips with alternative therapies?"],
     ["medications, lifestyle modifications, and alternative therapies"]),
    ("003", 44, ["was the lidocaine case series in the british pain journal a prospective one?"],
     ["A prospective case series analysis. British Journal of Pain"]),
    ("003", 45, ["where was the retrospective lidocaine cohort published"],
     ["A Retrospective Cohort Study. Journal of Pain Research"]),
    ("003", 46, ["who did the ketamine meta-analysis?"],
     ["Odutola, P. O., & Gupta, R. (2023). IV ketamine infusion therapy"]),
    ("003", 47, ["what year was the nursing review on IV lidocaine for neuropathic pain?"],
     ["(2020). Intravenous Lidocaine for Chronic Neuropathic Pain A Systematic Review"]),
    ("003", 48, ["which journal did the low dose ketamine evidence paper come out in?"],
     ["Does this qualify as evidence-based practice? British Journal of Pain"]),
]

# ---------------------------------------------------------------------------
# Multi-turn follow-ups: the last turn only makes sense after the earlier ones.
# ---------------------------------------------------------------------------
FOLLOWUPS = [
    ("001", 30, ["what's a lidocaine infusion?", "and how long does one take?"],
     ["administers the lidocaine intravenously over 30–60 minutes"]),
    ("001", 59, ["ketamine helps depression right?", "does it help anxiety as well?"],
     ["Ketamine’s effects on depression and anxiety"]),
    ("001", 55, ["how long is a lidocaine session usually", "and the ketamine one?"],
     ["The session usually lasts 1–4 hours, with the dose"]),
    ("001", 74, ["what side effects can lidocaine have", "and is that one gentler than ketamine?"],
     ["Side Effects | Mild dizziness, nausea | Dissociation, mild hallucinations"]),
    ("001", 23, ["does ketamine help crps?", "what about lidocaine?"],
     ["Complex Regional Pain Syndrome (CRPS): This rare and debilitating condition"]),
    ("003", 12, ["can lidocaine help fibromyalgia", "and does IV therapy in general help it too?"],
     ["disease-related pain, such as cancer or fibromyalgia, may also find relief"]),
    ("003", 27, ["can IV therapy cause an infection?", "how do they prevent that?"],
     ["using sterile equipment and proper insertion techniques"]),
    ("003", 30, ["what is fluid overload from an IV", "who's more likely to get it?"],
     ["Individuals with kidney or heart conditions are at higher risk"]),
    ("003", 40, ["how often do people go for IV sessions", "does that stay the same the whole time?"],
     ["others may require less frequent maintenance sessions"]),
    ("001", 81, ["my mum is having a ketamine infusion next week", "will she be ok to drive herself after?"],
     ["Some patients may feel drowsy after treatment", "so plan for a ride home"]),
    ("001", 58, ["what's ketamine used for besides pain?", "how quickly does it work then?"],
     ["Many patients experience relief within hours of their first session."]),
    ("001", 33, ["does lidocaine help pain after surgery", "how soon would i notice it?"],
     ["Relief often begins within hours of the infusion."]),
    ("001", 60, ["i'm on a lot of opioids for my back", "could ketamine bring that down?"],
     ["Ketamine lowers the need for opioid medications in pain management."]),
    ("001", 31, ["what goes on in a lidocaine session", "and afterwards, can i leave right away?"],
     ["Post-treatment, you’ll be observed for side effects."]),
    ("001", 82, ["how do i get ready for an infusion", "what about clothes?"],
     ["Loose-fitting clothes make the process more comfortable."]),
    ("001", 80, ["should i drink water beforehand?", "even if nobody's told me anything about it?"],
     ["Drink plenty of water before your session unless instructed otherwise."]),
    ("003", 26, ["can the IV cause problems where the needle goes in?", "how long do they last?"],
     ["usually mild and temporary but may persist for a short period"]),
    ("003", 28, ["how would i know i'm reacting badly to a drip, like allergy-wise", "what should happen if that occurs?"],
     ["monitor for signs of an allergic reaction and seek prompt medical attention"]),
    ("001", 72, ["how does ketamine work", "and lidocaine, how is that different?"],
     ["Mechanism of Action | Sodium channel blocker | NMDA receptor antagonist"]),
    ("003", 42, ["does IV therapy help back injury pain", "is it meant to replace my physio then?"],
     ["typically used in conjunction with other strategies for optimal results"]),
    ("003", 10, ["i keep seeing vitamin b12 IVs advertised for pain", "does it actually work though?"],
     ["particularly vitamin B12, have shown promise in pain management"]),
    ("003", 29, ["can IV therapy affect your electrolytes", "what would i feel if it did?"],
     ["muscle cramps, weakness, irregular heartbeat, or confusion"]),
    ("001", 66, ["can ketamine cause hallucinations", "how do they keep that risk low?"],
     ["Proper preparation and monitoring minimize these risks."]),
    ("001", 24, ["what does lidocaine treat", "does it also work for diabetes nerve pain?"],
     ["Lidocaine helps manage the nerve pain caused by diabetes-related nerve damage"]),
    ("001", 50, ["my son has depression that hasn't got better with any meds", "is that something ketamine gets used for?"],
     ["Ketamine can improve mood in patients resistant to traditional antidepressants"]),
    ("001", 18, ["is lidocaine the numbing stuff from the dentist?", "so how is it used for chronic pain then?"],
     ["its intravenous use can modulate how pain signals travel"]),
    ("003", 32, ["can IV therapy interact with my medications?", "so will they check what i'm on?"],
     ["review medication histories and adjust IV therapy formulations accordingly"]),
    ("001", 55, ["how long does a ketamine session last", "and is the dose the same for everyone?"],
     ["with the dose tailored to your condition"]),
    ("001", 40, ["are lidocaine infusions safe", "what sort of serious reactions though?"],
     ["Rarely, more serious reactions such as irregular heartbeat."]),
    ("001", 71, ["what is CRPS", "which of the two infusions is mainly used for it?"],
     ["Primary Use | Neuropathic pain, CRPS"]),
    ("003", 24, ["do IV painkillers work faster than tablets?", "and does the relief hang around longer too?"],
     ["IV therapy may provide longer-lasting pain relief compared to oral medications"]),
    ("003", 33, ["can you get blood clots from IV therapy?", "is that common?"],
     ["These complications are uncommon but may require medical attention"]),
    ("001", 63, ["i heard ketamine makes you feel detached", "does that go away?"],
     ["Temporary dissociation or feeling detached from reality."]),
    ("001", 29, ["who should get lidocaine infusions?", "what do they check first?"],
     ["The provider evaluates your medical history and determines whether lidocaine is appropriate"]),
    ("003", 46, ["is there any research on IV ketamine for pain?", "what kind of study was it?"],
     ["A systematic review and meta-analysis. Medicine Advances"]),
    ("003", 20, ["i have gut problems and can't absorb pills well", "would the IV route get around that?"],
     ["For individuals with gastrointestinal issues or malabsorption problems"]),
    ("001", 52, ["does IV therapy help cancer pain?", "and ketamine specifically?"],
     ["Ketamine is a last-resort option for managing intractable cancer-related pain"]),
    ("001", 20, ["how does lidocaine reduce pain?", "does it do anything for the oversensitivity part too?"],
     ["can help decrease hypersensitivity, a common feature of chronic pain syndromes"]),
    ("001", 75, ["what's the difference between lidocaine and ketamine", "which one kicks in quicker?"],
     ["Onset of Relief | Immediate or short-term | Often within hours"]),
    ("001", 13, ["are infusions for everybody?", "what if pills gave me side effects so bad i had to stop them?"],
     ["side effects from oral medications that prevent their continued use"]),
    ("003", 21, ["can IV therapy help me move better?", "and get through my physio sessions?"],
     ["engage in daily activities and physical therapy more comfortably"]),
    ("003", 16, ["what goes into a custom pain IV?", "do they add antioxidants too?"],
     ["a combination of vitamins, minerals, antioxidants, and pain-relieving medications"]),
]

# ---------------------------------------------------------------------------
# Unanswerable: close to 001/003 topics, but none of the five articles says.
# ---------------------------------------------------------------------------
UNANSWERABLE = [
    ["is ketamine addictive if you get it through a drip?"],
    ["will ketamine from an infusion show up on a work drug test?"],
    ["is IV lidocaine FDA approved for chronic pain?"],
    ["whats the difference between the esketamine nasal spray and a ketamine drip?"],
    ["how many mg of lidocaine per kg do they normally give?"],
    ["can teenagers get ketamine infusions?"],
    ["who discovered ketamine and what year?"],
    ["what percent of people with depression actually get better on ketamine?"],
    ["does having lots of ketamine infusions damage your bladder?"],
    ["what is a PICC line?"],
    ["how thick is the needle they use for the IV?"],
    ["can i listen to music or watch netflix during my ketamine drip?"],
    ["what is IVIG and what is it used for"],
    ["is lidocaine the same thing as novocaine?"],
    ["is there a limit to how many lidocaine infusions you can have in your lifetime?"],
    ["is mexiletine basically a pill version of lidocaine?"],
    ["how long does lidocaine stay in your system after the drip, like its half life?"],
    ["can ketamine infusions help people quit drinking alcohol?"],
    ["do IV vitamin drips cure hangovers?"],
    ["what does an NAD+ IV do?"],
    ["what are the long term effects of ketamine on memory?"],
    ["can a lidocaine infusion leave a metallic taste in your mouth?"],
    ["what does 'idiopathic' actually mean?"],
    ["was ketamine used on soldiers in the vietnam war?"],
    ["do lidocaine patches work as well as the infusion?"],
    ["what's the difference between ketamine and PCP?"],
    ["can magnesium drips help restless legs?"],
    ["how does clonidine actually work on pain?"],
    ["how many patients were in the British Journal of Pain lidocaine study?"],
    ["can lidocaine infusions help with tinnitus?"],
    ["can a lidocaine drip help irritable bowel syndrome pain?"],
    ["are ketamine infusions legal in the UK?"],
    ["is B12 in the vein better than B12 shots in the muscle?"],
    ["can ketamine give you nightmares afterwards?"],
    ["do pain infusions make you put on weight?"],
    ["am i allowed to sleep through my lidocaine infusion?"],
    ["is the little tube they leave in your arm plastic or metal?"],
    ["is ketamine a controlled drug?"],
    ["tell me about ketamine infusions", "can you get addicted to it?"],
    ["what is a lidocaine infusion", "who invented that?"],
    ["i'm booked in for an IV for my fibro", "how big is the needle they use for it?"],
    ["ketamine for ptsd sounds interesting", "how long have doctors been using it for that?"],
]

# ---------------------------------------------------------------------------
# Lines of 001 and 003 that state something a patient might ask about, with
# the minimum number of SINGLE-TURN answer cases each must have.
# Lines 38, 39, 64, 65 of 001 are too short for a 5-word evidence string;
# their facts are asked about via the table line 74. Key-takeaway lines 2-7 of
# 003 repeat body lines 10, 12, 21, 23, 32 word for word; those questions are
# filed under the body lines with evidence strings present in both lines.
# ---------------------------------------------------------------------------
FACT_LINES = {
    "001": {3: 3, 4: 2, 6: 3, 8: 3, 10: 2, 11: 3, 12: 3, 13: 3, 14: 2, 18: 3,
            20: 3, 23: 3, 24: 3, 25: 3, 26: 3, 27: 3, 29: 3, 30: 3, 31: 3,
            33: 3, 34: 3, 35: 3, 37: 2, 40: 3, 41: 2, 44: 3, 46: 3, 49: 3,
            50: 3, 51: 3, 52: 3, 54: 2, 55: 3, 56: 2, 58: 3, 59: 2, 60: 2,
            62: 2, 63: 3, 66: 2, 68: 3, 71: 2, 72: 2, 73: 2, 74: 3, 75: 2,
            76: 2, 79: 3, 80: 3, 81: 3, 82: 3, 84: 2, 85: 2},
    "003": {8: 2, 10: 3, 11: 3, 12: 3, 15: 3, 16: 3, 17: 3, 18: 3, 19: 3,
            20: 3, 21: 3, 22: 3, 23: 3, 24: 3, 26: 3, 27: 3, 28: 3, 29: 3,
            30: 3, 31: 3, 32: 3, 33: 3, 36: 3, 38: 3, 40: 3, 42: 3,
            44: 1, 45: 1, 46: 1, 47: 1, 48: 1},
}

# Words that make a follow-up depend on the earlier turns.
ANAPHORA = {"it", "that", "this", "those", "these", "them", "one", "they",
            "she", "he", "her", "him", "too", "also", "well", "then", "about",
            "and", "so", "though", "same", "there", "either", "else"}

KEYS = ["id", "kind", "turns", "evidence", "intents"]


def load_lines():
    out = {}
    for k, fn in FILES.items():
        with open(os.path.join(SRC, fn), encoding="utf-8") as f:
            out[k] = f.read().split("\n")
    return out


def norm_words(s):
    s = s.lower()
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'),
                 ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    s = s.replace("'", "")
    return re.findall(r"[a-z0-9]+", s)


def ngrams(words, n):
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def ev_words(s):
    return [t for t in s.split() if re.search(r"[A-Za-z0-9]", t)]


def build():
    cases = []
    n = 0
    meta = []
    for art, line, turns, ev in ANSWERS + FOLLOWUPS:
        n += 1
        cases.append({"id": "t4q-%04d" % n, "kind": "answer", "turns": list(turns),
                      "evidence": list(ev), "intents": []})
        meta.append((art, line))
    for turns in UNANSWERABLE:
        n += 1
        cases.append({"id": "t4q-%04d" % n, "kind": "unanswerable", "turns": list(turns),
                      "evidence": [], "intents": []})
        meta.append(None)
    return cases, meta


def check(cases, meta, lines):
    errs = []
    warns = []
    grams = set()
    for k in FILES:
        for ln in lines[k]:
            grams |= ngrams(norm_words(ln), 5)
    seen_last = {}
    coverage = {a: {} for a in FACT_LINES}
    n_multi = n_ans = n_un = 0
    for i, (c, m) in enumerate(zip(cases, meta), 1):
        cid = c.get("id")
        if list(c.keys()) != KEYS:
            errs.append("%s: keys %r" % (cid, list(c.keys())))
        if cid != "t4q-%04d" % i:
            errs.append("%s: id out of sequence (expected t4q-%04d)" % (cid, i))
        kind = c["kind"]
        if kind not in ("answer", "unanswerable"):
            errs.append("%s: unexpected kind %s" % (cid, kind))
        turns = c["turns"]
        if not isinstance(turns, list) or not 1 <= len(turns) <= 3:
            errs.append("%s: 1-3 turns required" % cid)
        for t in turns:
            if not isinstance(t, str) or not t.strip() or t != t.strip():
                errs.append("%s: empty or untrimmed turn %r" % (cid, t))
            hit = ngrams(norm_words(t), 5) & grams
            if hit:
                errs.append("%s: copies 5-word article run %r in %r" %
                            (cid, " ".join(sorted(hit)[0]), t))
        last = " ".join(turns[-1].casefold().split())
        if last in seen_last:
            errs.append("%s: duplicate last turn of %s: %r" % (cid, seen_last[last], turns[-1]))
        seen_last[last] = cid
        if len(turns) > 1:
            n_multi += 1
            lw = set(norm_words(turns[-1]))
            if not lw & ANAPHORA:
                errs.append("%s: follow-up last turn has no context word: %r" % (cid, turns[-1]))
        if c["intents"] != []:
            errs.append("%s: intents must be empty" % cid)
        if kind == "answer":
            n_ans += 1
            art, line = m
            ev = c["evidence"]
            if not 1 <= len(ev) <= 2:
                errs.append("%s: needs 1-2 evidence strings" % cid)
            if art not in FACT_LINES or line not in FACT_LINES[art]:
                errs.append("%s: %s line %d is not a listed fact line" % (cid, art, line))
                continue
            text = lines[art][line - 1]
            for e in ev:
                w = len(ev_words(e))
                if not 5 <= w <= 12 or e != e.strip():
                    errs.append("%s: evidence %r has %d words" % (cid, e, w))
                if e not in text:
                    errs.append("%s: evidence %r not in %s line %d" % (cid, e, art, line))
                others = [(k, j + 1) for k in FILES for j, ln in enumerate(lines[k])
                          if e in ln and not (k == art and j + 1 == line)]
                if others:
                    warns.append("%s: evidence %r also on %s" % (cid, e, others))
            if len(turns) == 1:
                coverage[art][line] = coverage[art].get(line, 0) + 1
        else:
            n_un += 1
            if c["evidence"] != []:
                errs.append("%s: evidence must be empty" % cid)
    for art, want in FACT_LINES.items():
        for line, mn in want.items():
            got = coverage[art].get(line, 0)
            if got < mn:
                errs.append("coverage: %s line %d has %d single-turn cases, want >= %d"
                            % (art, line, got, mn))
    if not 300 <= n_ans <= 345:
        errs.append("answer count %d outside 300-345" % n_ans)
    if not 38 <= n_multi <= 48:
        errs.append("multi-turn count %d outside 38-48" % n_multi)
    if not 36 <= n_un <= 46:
        errs.append("unanswerable count %d outside 36-46" % n_un)
    stats = {"answer": n_ans, "unanswerable": n_un, "multi_turn": n_multi,
             "answer_single": n_ans - sum(1 for c in cases if c["kind"] == "answer" and len(c["turns"]) > 1),
             "answer_multi": sum(1 for c in cases if c["kind"] == "answer" and len(c["turns"]) > 1),
             "unanswerable_multi": sum(1 for c in cases if c["kind"] == "unanswerable" and len(c["turns"]) > 1),
             "from_001": sum(1 for m in meta if m and m[0] == "001"),
             "from_003": sum(1 for m in meta if m and m[0] == "003"),
             "total": len(cases)}
    return errs, warns, stats


def main():
    lines = load_lines()
    cases, meta = build()
    with open(OUT, "w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    # re-read what was written and check that
    with open(OUT, encoding="utf-8") as f:
        back = [json.loads(l) for l in f if l.strip()]
    errs, warns, stats = check(back, meta, lines)
    if "-v" in sys.argv:
        for w in warns:
            print("note:", w)
    print(json.dumps(stats))
    for e in errs:
        print("FAIL:", e)
    if errs:
        print("%d check(s) failed" % len(errs))
        sys.exit(1)
    print("all checks passed, %d cases written to %s" % (len(back), OUT))


if __name__ == "__main__":
    main()
