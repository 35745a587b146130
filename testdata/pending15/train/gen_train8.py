#!/usr/bin/env python3
"""Blind TRAINING cases t8q-*: answer / unanswerable pairs plus unusual answer cases.

Every message below was typed by hand from reading the five source articles in
/work/shared/sources.  Running this script writes qa_train8.jsonl next to it and
checks the format; it exits 1 if any check fails.
"""
import glob
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "qa_train8.jsonl")
SRC = "/work/shared/sources"

CASES = []


def A(turns, *evidence):
    if isinstance(turns, str):
        turns = [turns]
    CASES.append(("answer", list(turns), list(evidence)))


def U(turns):
    if isinstance(turns, str):
        turns = [turns]
    CASES.append(("unanswerable", list(turns), []))


# ---------------------------------------------------------------- pairs
# Each A(...) is followed by a U(...) on the same topic that none of the
# five articles answers.

# 000 - what it is, why faster, setting
A("ok so what actually IS infusion therapy? my doctor keeps saying it and i just nod",
  "delivers medications directly into your bloodstream through a needle or catheter")
U("who first came up with the idea of putting medicine straight into veins?")

A("Why would a drip work quicker than just swallowing my painkillers?",
  "allowing medications to reach the pain site faster and more effectively")
U("does medicine from an IV also leave your body quicker than from a pill")

A("do you have to be admitted to hospital for these infusions or do you go home the same day",
  "It’s often used in outpatient settings, offering convenience and flexibility.")
U("can a nurse come and do the infusion at my house instead of me going in")

A("what parts of the pain system can a tailored infusion go after? like nerves or what",
  "target specific pain pathways, such as nerve signals, inflammation, or muscle tension")
U("is infusion therapy used for endometriosis pain")

A("My mom is 67 and has had bad back pain for about a decade. Is long term back pain one of the things these infusions get used for?",
  "fibromyalgia, chronic migraines, cancer pain, and chronic back pain")
U("do they use infusions for carpal tunnel in the wrist?")

A("r opioids like morphine ever put in a drip for pain??",
  "Opioids: For severe pain (e.g., morphine, fentanyl).")
U("which is stronger, morphine or fentanyl, and by how much?")

A(["got my infusion plan printed out and it lists ketorolac", "what's that one for?"],
  "NSAIDs: To reduce inflammation and pain (e.g., ketorolac).")
U(["got the paperwork for my drip and ketorolac is on it", "is it rough on the kidneys if you get it a lot?"])

A("Do they ever give steroids by drip for pain?",
  "Corticosteroids: To reduce swelling and pain.")
U("do IV steroids make you put on weight")

A("my aunt has rheumatoid arthritis - what kind of infusion drugs are used for RA?",
  "Biologics: Used for conditions like rheumatoid arthritis.")
U("what are the brand names of the biologic drips people get for RA")

A("whats the very first step, before anyone sticks a needle in me?",
  "typically begins with a consultation between the patient and their healthcare provider")
U("do they do blood work before the first infusion")

A("will i be lying in a bed or sat in a chair for it",
  "comfortable setting like a treatment chair or bed")
U("can i read or scroll on my phone while the infusion is running")

A("Is someone going to keep an eye on me while the drip is going in, or am I just left alone in a room?",
  "will monitor vital signs and ensure the patient is comfortable")
U("what happens if the IV accidentally slips out of the vein halfway through?")

A("how long does one infusion usually take start to finish",
  "typically lasts anywhere from 30 minutes to several hours")
U("how soon after an infusion do people usually go back to work")

A(["had my first infusion yesterday and honestly i feel exactly the same",
   "is that normal or was i supposed to feel better straight away"],
  "while others may notice improvement over the next few days")
U("how many sessions do you give it before deciding it's just not working for you")

A("are there fewer side effects with IV meds compared to tablets",
  "patients often experience fewer side effects compared to oral medications")
U("is the IV route gentler on your liver than pills are")

A("can u get an infection from the needle thing",
  "There is some risk of infection from the needle")
U("if the IV spot does get infected what antibiotic do they normally give")

A("what are the signs someone is allergic to whats in the drip",
  "may include itching, rash, swelling, difficulty breathing, or anaphylaxis")
U("can you get allergy tested for ketamine before your first session")

A("does the infusion make people want to throw up",
  "Nausea: Sometimes caused by certain medications.")
U("do they give you anti sickness tablets before the drip starts")

A(["what are the risks with infusion therapy", "what's phlebitis? that was on the list"],
  "Phlebitis: Inflammation of the veins.")
U(["risks of infusions?", "ok and how do they treat phlebitis once you've got it"])

A("My dad has heart failure. Are people with heart problems at more risk from IV fluids?",
  "kidney or heart conditions are at higher risk of fluid overload")
U("is it safe to have an infusion if you have a pacemaker")

A("is acupuncture just as fast as infusions for pain relief?",
  "may not offer the immediate relief that this therapy provides")
U("which works better for back pain, a spinal cord stimulator or infusions?")

A("how do infusions stack up against just having an operation",
  "often comes with longer recovery times and greater risks")
U("what percent of people are pain free after back surgery compared with after infusions")

A("i have crohn's and my gut doesn't absorb tablets properly. are people with stomach/bowel problems considered for infusions?",
  "conditions that affect medication absorption, such as gastrointestinal issues")
U("can infusion therapy calm down a crohn's flare itself")

A("is this treatment suitable for every pain patient?",
  "many chronic pain patients, but it’s not right for everyone")
U("what medical conditions mean you can never have ketamine")

# 001 - general part
A("when is it worth going for an infusion rather than sticking with other treatments",
  "especially beneficial when other treatments fail or are unsuitable")
U("is there an age limit for infusion therapy")

A("is infusion therapy only for pain or do they use it for other things too",
  "neuropathic disorders, and certain mental health conditions")
U("can infusions treat alcohol addiction")

A("why do my pain pills take ages to work, and sometimes barely work at all?",
  "They may take hours to show effects, and some medications lose potency")
U("do tablets work faster if you crush them up first")

A("my wife had to stop her pain meds because of what they did to her. is that a reason people get put on infusions?",
  "Patients experiencing side effects from oral medications that prevent their continued use.")
U("can you go back to tablets after finishing a course of infusions")

A("isn't lidocaine the numbing stuff they use at the dentist?",
  "best known for its role in numbing tissues during minor surgical procedures")
U("is the lidocaine in an infusion the same strength as a dental injection")

A("how does lidocaine actually stop pain, like what does it do in the body",
  "Lidocaine works by blocking sodium channels in nerve cells.")
U("how long does lidocaine stay in your system after the drip ends")

A("My skin is so sensitive that even a bedsheet hurts. Does lidocaine do anything for that kind of over-sensitivity?",
  "can help decrease hypersensitivity, a common feature of chronic pain syndromes")
U("can lidocaine infusions help with restless legs at night")

A("my sister just got told she has CRPS, what is that?",
  "often involves severe, burning pain in a limb")
U("what causes CRPS to start in the first place")

A("grandad has diabetes and burning nerve pain in his feet, do they use lidocaine drips for diabetic nerve pain?",
  "Lidocaine helps manage the nerve pain caused by diabetes-related nerve damage.")
U("does a lidocaine infusion affect blood sugar levels")

A("since chemo my hands n feet tingle and burn. can lidocaine help nerve damage from chemo",
  "chemotherapy-induced neuropathy or idiopathic peripheral neuropathy")
U("can you have a lidocaine infusion while you're still in the middle of chemo")

A("does lidocaine do anything for fibro?",
  "Patients report reduced muscle pain and better functionality after lidocaine treatments.")
U("does lidocaine help with fibro fog, the brain fog part")

A("had my knee replaced 2 yrs ago and it STILL hurts. can lidocaine help long-lasting pain after an operation?",
  "Persistent pain following surgery can also benefit from lidocaine infusions.")
U("can lidocaine infusions break down scar tissue")

A("how long does a lidocaine drip take",
  "administers the lidocaine intravenously over 30–60 minutes")
U("how many milligrams of lidocaine are in one infusion")

A("do they just send you home right after the lidocaine finishes?",
  "Post-treatment, you’ll be observed for side effects.")
U("can you have a glass of wine the evening after a lidocaine infusion")

A("how quickly does lidocaine start to help",
  "Relief often begins within hours of the infusion.")
U("how many weeks does the relief from one lidocaine infusion usually last")

A("I'm trying to get off oxy. Is lidocaine an opioid or is it something different?",
  "Non-Opioid Alternative: Lidocaine provides an option")
U("can lidocaine help with opioid withdrawal symptoms")

A("can a lidocaine infusion mess with your heart rhythm",
  "Rarely, more serious reactions such as irregular heartbeat.")
U("can lidocaine make your hair fall out")

A(["what side effects can lidocaine infusions cause", "and do those go away or do they stick around"],
  "These effects are typically short-lived and resolve quickly under medical supervision.")
U(["lidocaine side effects?", "could it affect my eyesight at all"])

# 001 - ketamine
A("what type of drug is ketamine exactly",
  "administering ketamine, a dissociative anesthetic, to treat chronic pain and mood disorders")
U("is the ketamine nasal spray the same thing as an infusion")

A("how does ketamine block pain, in simple terms",
  "stops pain signals from going up with spinal cord into the brain")
U("does ketamine cause long term damage to the brain")

A("someone on a forum said ketamine 'rewires' your brain?? is there anything to that",
  "allowing the brain to form new, healthier connections")
U("can ketamine cause flashbacks weeks later")

A("does ketamine help nerve pain after shingles",
  "Conditions like CRPS and post-herpetic neuralgia respond well to ketamine.")
U("is ketamine used for trigeminal neuralgia face pain")

A("my son has tried 3 antidepressants and nothing has shifted his depression. is ketamine something they use for that?",
  "Ketamine can improve mood in patients resistant to traditional antidepressants.")
U("is ketamine used to treat OCD")

A("does ketamine do anything for PTSD? asking for my brother, he's ex army",
  "Ketamine reduces the severity of PTSD symptoms in many patients.")
U("can ketamine infusions help with an eating disorder")

A("is ketamine a go-to first treatment for cancer pain",
  "Ketamine is a last-resort option for managing intractable cancer-related pain.")
U("can ketamine slow down the growth of a tumour")

A("how long r ketamine sessions",
  "The session usually lasts 1–4 hours, with the dose tailored")
U("how long does ketamine stay in your pee for a work drug test")

A("after the ketamine, how long do they keep you there?",
  "Patients are observed briefly after the treatment to ensure they are stable.")
U("how soon after ketamine is it ok to drink alcohol")

A("how fast does ketamine work for pain, is it weeks?",
  "Many patients experience relief within hours of their first session.")
U("how many ketamine infusions does a typical course have")

A("my anxiety is bad on top of the pain, does ketamine help with anxiety too?",
  "Ketamine’s effects on depression and anxiety often improve patients’ overall well-being.")
U("can ketamine help with ADHD")

A("does ketamine cut down how much opioid painkiller people need",
  "Ketamine lowers the need for opioid medications in pain management.")
U("is ketamine itself addictive")

A("will ketamine make me feel weird, like floating outside my body?",
  "Temporary dissociation or feeling detached from reality.")
U("can ketamine cause bladder problems")

A("is ketamine infusion actually safe??",
  "Ketamine infusions are safe when administered in a controlled setting")
U("is a ketamine infusion safe while breastfeeding")

A("how do doctors decide between lidocaine and ketamine",
  "depends on your specific medical condition and treatment goals")
U("can you have lidocaine and ketamine mixed in the same infusion bag")

# 001 - preparation
A("what info should I give my provider before an infusion",
  "Share your full medical history with your provider, including allergies and medications.")
U("are you meant to eat before an infusion or go in on an empty stomach")

A("r u supposed to drink water before a session?",
  "Drink plenty of water before your session unless instructed otherwise.")
U("is coffee ok before an infusion")

A("do people need someone to drive them home after an infusion?",
  "may feel drowsy after treatment, so plan for a ride home")
U("is it ok to go to the gym the same day as an infusion")

A("what should i wear to my infusion appt",
  "Loose-fitting clothes make the process more comfortable.")
U("do you have to take your jewellery off for an infusion")

A("I feel like I've tried literally everything for my pain over 15 years. Is there any hope from these infusions for people like me?",
  "these treatments offer hope for those who have exhausted other options")
U("what do people do if infusions don't work either, what's the next step after that")

# 002
A("do some people find pills and physio just aren't enough for their pain?",
  "some patients find these methods insufficient")
U("does changing your diet reduce chronic pain")

A("besides medicine, what else can go in through an IV?",
  "administration of medications, nutrients, or fluids directly into a vein")
U("can you give blood right after getting an IV infusion")

A("is the medicine put in all at once or dripped in slowly over time",
  "the controlled infusion of pain-relieving medications over a specified period")
U("what's the difference between an IV push and an infusion")

A("where do these IV pain treatments actually happen, like in a clinic?",
  "Healthcare professionals perform these treatments in clinical settings")
U("are the IV drip bars at the shopping mall safe")

A("are muscle relaxants ever given through IV for pain?",
  "anti-inflammatory drugs, muscle relaxants, and specialized pain medications")
U("which muscle relaxant do they use in IV pain treatment")

A("when would a doctor suggest IV therapy instead of pills?",
  "when oral medications prove ineffective, cause intolerable side effects")
U("can a pharmacist recommend infusion therapy or does it have to be a doctor")

A("is it a one off treatment or do people have to keep going back?",
  "some patients receiving single infusions while others may require ongoing sessions")
U("is there a limit to how many infusions you can have in a year")

A("my husband has CIDP, can IV therapy help with that?",
  "Specialized IV medications can help restore nerve function")
U("is the IV treatment for CIDP made from donated blood plasma")

A("what is CIDP? the neurologist mentioned it for my dad",
  "This neurological disorder causes inflammation and nerve damage.")
U("is CIDP passed down in families")

A("can an IV knock out a migraine that's already started?",
  "can help abort migraine episodes more effectively than traditional oral treatments")
U("are migraine infusions safe during pregnancy")

A("how quick is IV relief compared to waiting for tablets to kick in",
  "noticeable improvement within minutes rather than waiting hours")
U("does IV relief work slower in people who are overweight")

A("is IV good when im in a really bad flare up?",
  "particularly beneficial during pain flares or when immediate symptom control becomes necessary")
U("what triggers a fibromyalgia flare up")

A("if something seems off during the drip, can they change it as it goes?",
  "monitor patients closely and adjust treatment in real-time")
U("can I control how fast the drip runs with a button myself")

A("can they mix different medicines together in the IV for me?",
  "customize medication combinations and concentrations based on individual patient needs")
U("can they add CBD to an IV drip")

A("what does the doctor look at to decide whether IV treatment suits someone",
  "review each patient’s medical history, current medications, and pain characteristics")
U("do they do an MRI before deciding on infusion therapy")

# 003
A("is there any proof IV therapy actually reduces chronic pain?",
  "medications like Lidocaine and Ketamine were shown to reduce chronic pain")
U("has IV therapy for pain been approved by the FDA")

A("do b12 shots in the vein help with pain at all",
  "particularly vitamin B12, have shown promise in pain management")
U("do vitamin C drips help with pain")

A("is the jury still out on whether IV therapy works for chronic pain?",
  "still a subject of ongoing research and debate")
U("how many people took part in the studies on IV vitamins for pain")

A("I was in a car accident 3 years ago and my back still kills me. Nothing the physio did worked. Is IV therapy used for people like me?",
  "conditions such as car accidents or back injuries, where traditional therapies")
U("how long does whiplash pain usually last")

A("my mum has cancer and a lot of pain from it, can IV therapy help with that kind of pain?",
  "In addition, individuals suffering from disease-related pain, such as cancer")
U("can IV vitamins interfere with radiotherapy")

A("can being dehydrated make my pain worse?",
  "as dehydration can exacerbate pain symptoms")
U("how many litres of fluid are in a normal IV bag")

A("do IV nutrients do anything for inflammation",
  "supporting cellular function, reducing inflammation, and promoting tissue repair")
U("is NAD+ IV therapy good for chronic pain")

A("does an IV help when your gut doesn't soak up pills and vitamins properly?",
  "For individuals with gastrointestinal issues or malabsorption problems")
U("can coeliac disease be treated with IV nutrients")

A("will this help me move around better? I can barely walk to the shop",
  "Enhanced Mobility and Function: By effectively managing pain symptoms")
U("does IV therapy help rebuild muscle after months of being bedbound")

A("can i keep doing physio and acupuncture alongside IV therapy?",
  "IV therapy can complement other pain management interventions, such as physical therapy")
U("is chiropractic better than IV therapy for neck pain")

A("i can't stomach oral pain meds, could an IV mean I need fewer pills?",
  "Reduced Dependency on Oral Medications: For individuals who have difficulty")
U("do liquid pain medicines work faster than tablets")

A("does the relief from IV last longer than from tablets",
  "the effects of intravenous medications can persist for an extended period")
U("how many months does ketamine pain relief last on average")

A("my arm went red n a bit swollen where the IV went in, is that a common thing?",
  "Discomfort, redness, or swelling at the site where the IV is inserted")
U("can an IV leave a permanent scar on the arm")

A("how do they stop the IV site getting infected?",
  "using sterile equipment and proper insertion techniques")
U("can I shower with the IV cannula still in")

A("can you be allergic to preservatives in the IV bag?",
  "components of the IV solution, such as medications or preservatives")
U("are IV bags made with latex")

A("which salts or minerals in the blood can IV therapy throw off",
  "such as sodium, potassium, and calcium")
U("can sports drinks fix your electrolytes after an infusion")

A("what symptoms would an electrolyte imbalance cause",
  "muscle cramps, weakness, irregular heartbeat, or confusion")
U("can low magnesium cause migraines")

A("what happens if they give you too much fluid thru the IV",
  "causing symptoms such as swelling, shortness of breath, and elevated blood pressure")
U("how do they get rid of the extra fluid if you do get overloaded")

A("can infusions give you a headache",
  "such as drowsiness, dizziness, nausea, or headache")
U("can infusions cause trouble sleeping that night")

A("does IV therapy clash with my other medications",
  "Interactions with Medications: IV therapy for chronic pain may interact")
U("does ketamine interact with grapefruit juice")

A("can IV drips cause blood clots?",
  "vein irritation, blood clots, or damage to surrounding tissues")
U("do blood clots from an IV dissolve on their own")

A("who's a good candidate for IV therapy? does arthritis count",
  "conditions like fibromyalgia, neuropathy, or arthritis")
U("does IV therapy help osteoporosis")

A("how often would i need to go in for sessions",
  "Some individuals may benefit from weekly sessions initially")
U("is it safe to have an infusion every single day")

A("can the drip alone sort my pain out or do i need other stuff as well",
  "typically used in conjunction with other strategies for optimal results")
U("which diet is best to follow alongside infusion therapy")

A("what is actually in the IV bag for pain?",
  "customized blend of medications, nutrients, and fluids directly into the bloodstream")
U("what is a Myers cocktail and does it help pain")

# 004
A(["my girlfriend was diagnosed with fibromyalgia last week", "what actually is it?"],
  "patients feel pain all over their body with no apparent cause")
U(["my girlfriend just got diagnosed with fibro", "is it an autoimmune thing?"])

A("how much money does chronic pain cost America a year",
  "the US spend $560 billion dollars a year on chronic pain")
U("how many people in the UK live with chronic pain")

A("my uncle lost his leg years ago and still feels pain where it used to be, is that something IV infusions are used for",
  "phantom limb pain, post-herpetic neuralgia, complex regional pain syndrome")
U("does mirror therapy help phantom limb pain")

A("can IV infusions help pain after a stroke",
  "complex regional pain syndrome as well as stroke pain")
U("can ketamine help someone get their speech back after a stroke")

A("which drugs can be given by IV infusion for chronic pain?",
  "The drugs that are available include Lidocaine, ketamine, clonidine, and magnesium.")
U("what are the side effects of a magnesium infusion")

A("which infusion drug has the most research behind it",
  "Lidocaine is the most studied and best-researched option.")
U("is there research on lidocaine infusions in children")

A("is IV lidocaine used much for fibromyalgia these days",
  "IV lidocaine infusion for fibromyalgia is an increasingly common treatment option.")
U("how many lidocaine infusions does a fibro patient usually need")

A("explain like im 5 how lidocaine stops pain",
  "take a signal from the painful area up to the brain")
U("can lidocaine cause ringing in the ears")

A("isn't ketamine a party drug? why would a doctor use it",
  "increasingly being researched for its pain relieving and antidepressant properties")
U("is ketamine illegal to carry around if you don't have a prescription")

A("do they give you as much ketamine as people take at raves?",
  "far lower than a recreational dose which may make a patient hallucinate")
U("how many mg of ketamine per kilo do they give for pain")

A("is the risk of infection from an infusion any different from a normal hospital drip",
  "the same as if you had a drip in hospital")
U("are infusions riskier for people with diabetes")

A("can ketamine make you see things that aren't there?",
  "ketamine has hallucinogenic properties as previously mentioned")
U("can ketamine trigger psychosis in someone with schizophrenia in the family")

A("have these IV infusions been around for a long time for pain?",
  "IV infusions have not been used to treat chronic pain for long.")
U("what year were ketamine infusions first used for pain")

A("has any review said lidocaine infusions look good for chronic pain",
  "a promising therapeutic approach for chronic pain!")
U("what percentage of people with fibro respond to lidocaine")

A("are IV infusions totally risk free?",
  "No treatment comes without risks.")
U("has anyone ever died from a ketamine infusion")

# more 000 / 001 / 002 / 003
A("can they tailor the infusion to me specifically?",
  "allows healthcare providers to tailor treatments for each patient")
U("do they use genetic testing to pick which infusion drug will work for you")

A("is the dose more exact with an IV than with tablets?",
  "bypassing the digestive system for faster absorption and more precise dosing")
U("do IV doses depend on your body weight")

A("how do pain signals get from my foot to my brain, and where does lidocaine come in",
  "transmitting pain signals from the peripheral nervous system to the brain")
U("does lidocaine affect your memory")

A("my therapist said ketamine works on NMDA receptors - what do those do?",
  "play a critical role in the transmission and amplification of pain signals")
U("are there other drugs that block NMDA receptors besides ketamine")

A("how do they keep the ketamine side effects in check",
  "Proper preparation and monitoring minimize these risks.")
U("is there a drug they can give to stop a bad ketamine trip")

A("does someone need to check me out properly before choosing lidocaine or ketamine?",
  "a thorough evaluation by a qualified provider is essential")
U("can a GP prescribe a ketamine infusion or does it need a specialist")

A("my pain is so bad i can't function. is infusion for people who need quick relief?",
  "Those seeking rapid relief for debilitating pain.")
U("are infusions used for kidney stone pain")

A("do they check how I'm responding while it's going in, or only after?",
  "allows for continuous monitoring of the patient’s response during treatment")
U("do they take blood samples during a ketamine infusion")

A("CRPS - is that one of the nerve conditions that infusions are recommended for?",
  "Individuals suffering from nerve pain conditions, such as complex regional pain syndrome")
U("can CRPS spread to the other arm")

A("who does the actual infusion, a nurse or a doctor?",
  "A nurse or physician administers the lidocaine intravenously")
U("do the nurses who give infusions need a special certification")

A("before a lidocaine drip, do they go over my health history first?",
  "The provider evaluates your medical history and determines whether lidocaine is appropriate.")
U("do they do an ECG before a lidocaine infusion")

A("before ketamine do they sit down with you and plan things out?",
  "The physician discusses your medical history and sets treatment goals.")
U("do you have to pass a psych evaluation before ketamine")

A("are lidocaine side effects worse than with other pain treatments?",
  "lidocaine infusions have fewer and milder side effects")
U("is lidocaine safe for people with liver disease")

A("why do people get infusions instead of just pills, in a nutshell?",
  "One of the biggest benefits is the rapid relief it provides")
U("do infusions work better in the morning or the afternoon")

A("what are the chances of fluid overload, is it common?",
  "In rare cases, excessive fluid can cause complications")
U("does fluid overload cause lasting damage to the heart")

A("do they monitor my electrolytes during the IV?",
  "Healthcare providers monitor electrolyte levels closely during IV therapy")
U("how often do they recheck electrolytes once the infusion is done")

A("serious complications from IVs, how common are they?",
  "These complications are uncommon but may require medical attention if they occur.")
U("can an IV put an air bubble in your veins")

A("is it worth bringing up side effects with the doctor before I start?",
  "discuss potential side effects with a healthcare provider before undergoing IV therapy")
U("where can I report a side effect from an infusion")

A("what other things usually go along with IV therapy in a full pain plan",
  "physical therapy, medications, lifestyle modifications, and alternative therapies")
U("does yoga help chronic pain")

A("does IV put more medicine right where it hurts compared to tablets?",
  "deliver higher concentrations of pain-relieving medications directly to the site of pain")
U("do they put the IV in near the painful spot or always in the arm")

A("is the IV thing safer because they're watching you the whole time?",
  "quickly identify any adverse reactions, promoting safer treatment outcomes")
U("how many people have a bad reaction to infusions, like what percent")

A("will the doctor actually work with me on a plan or just tell me what to do?",
  "collaborate with patients to develop individualized treatment plans")
U("is there a questionnaire to measure how well an infusion worked")

A("Is infusion therapy getting more common these days?",
  "In recent years, infusion therapy has become popular for patients")
U("how many infusion clinics are there in the US")

A("do IV vitamin blends also help your general health, not just pain?",
  "can support overall health and well-being, potentially alleviating pain symptoms")
U("can IV vitamins boost your immune system against colds")

A("does IV therapy give you hydration too?",
  "IV therapy provides rapid hydration, helping to alleviate pain associated with dehydration")
U("is IV hydration good for hangovers")

A("is an infusion a good pick if I need fast and targeted relief",
  "an ideal option for patients seeking quick and targeted relief")
U("are infusions a good option for pain in teenagers")

A("what does nerve block mean? is lidocaine one?",
  "Nerve Block Agents: To block pain signals (e.g., lidocaine).")
U("is a nerve block injection in the spine the same as a lidocaine drip")

A("do they watch for bad reactions all through the IV treatment?",
  "monitoring patients throughout the process to track responses")
U("can a reaction to an infusion show up a few days later")

A(["do lidocaine and ketamine work the same way?", "so how is ketamine different then"],
  "Unlike lidocaine, ketamine acts on the central nervous system")
U(["do lidocaine and ketamine work the same way", "which of the two has been around longer as a medicine"])

A(["how long is a lidocaine infusion?", "and ketamine?"],
  "usually lasts 1–4 hours, with the dose tailored to your condition")
U(["how long is a ketamine infusion", "how long before the ketamine is fully out of my system"])

A("Is lidocaine an anaesthetic?",
  "Lidocaine infusions use a local anesthetic, lidocaine, delivered intravenously")
U("can lidocaine put you to sleep like a general anaesthetic")

A("does IV therapy help with quality of life stuff, not only pain scores?",
  "improving outcomes and quality of life")
U("does infusion therapy improve sex drive")

A("are infusions any good for people who get bad migraines a lot?",
  "Migraine sufferers who experience frequent, severe headaches may find relief")
U("can infusions help cluster headaches")

# ---------------------------------------------------------------- unusual
# Odd wording or rare words that the articles DO use: all answerable.

A("whats an NMDA receptor antagonist when its at home",
  "acts on the central nervous system by blocking NMDA (N-methyl-D-aspartate) receptors")
A("why does the article talk about ketamine's 'equestrian' use?? horses??",
  "its equestrian use as a horse tranquilizer")
A("why do ppl call ketamine a two-in-one drug",
  "it not only provides pain relief but also promotes neuroplasticity")
A("idiopathic peripheral neuropathy - nobody knows why I have it. can lidocaine help?",
  "Lidocaine can help reduce the pain from other types of nerve damage")
A("demyelinating polyneuropathy + IV?",
  "Complex inflammatory demyelinating polyneuropathy (CIDP) represents another condition")
A("anaphylaxis from a drip... is that actually possible",
  "may include itching, rash, swelling, difficulty breathing, or anaphylaxis")
A("oxidative stress & nutrient deficiency: linked to pain or not?",
  "inflammation and oxidative stress, which can be exacerbated by nutrient deficiencies")
A("clonidine drip for pain is that even a thing",
  "The drugs that are available include Lidocaine, ketamine, clonidine, and magnesium.")
A("is there a meta-analysis on IV ketamine for chronic pain",
  "IV ketamine infusion therapy for chronic pain: A systematic review and meta-analysis")
A("any research on IV lidocaine that looks at it from the nursing side?",
  "A Systematic Review Addressing Nursing Care")
A("who did the 2022 retrospective cohort study on IV lidocaine?",
  "Intravenous Lidocaine for Treatment of Chronic Pain: A Retrospective Cohort Study")
A("is there a paper asking whether low-dose ketamine counts as evidence based?",
  "Low-dose ketamine infusions for chronic pain management: Does this qualify")
A("which journal printed the 2022 prospective case series on lidocaine infusions",
  "British Journal of Pain, 16(3), 270-280.")
A("sodium channel blocker... lidocaine... what's the connection",
  "Whether through the sodium-channel-blocking effects of lidocaine")
A("FENTANYL IN AN INFUSION?? IS THAT DONE",
  "Opioids: For severe pain (e.g., morphine, fentanyl).")
A("my mother's oncologist called her pain 'intractable'. is ketamine ever used for that",
  "Ketamine is a last-resort option for managing intractable cancer-related pain.")
A("post herpetic neuralgia - is it on the list for IV infusions?",
  "phantom limb pain, post-herpetic neuralgia, complex regional pain syndrome")
A("what's a dissociative anaesthetic",
  "administering ketamine, a dissociative anesthetic, to treat chronic pain and mood disorders")
A("does lidocaine work on the central nervous system too or only the nerves out in the limbs",
  "lidocaine’s effects on the central nervous system can help decrease hypersensitivity")
A("what fraction of people have chronic lower back pain according to the BMJ",
  "one third and two-thirds of the population suffers")
A("can a drip upset potassium levels",
  "such as sodium, potassium, and calcium")
A("antioxidants in an IV? is that a real thing for pain",
  "a combination of vitamins, minerals, antioxidants, and pain-relieving medications")
A("if my intestines are rubbish at absorbing stuff, would an IV get the nutrients in properly",
  "ensures optimal absorption of pain-relieving medications and nutrients")
A("lidocaine - do they check vitals?",
  "your vital signs are closely monitored to ensure safety")
A("is it a catheter or a needle they go in with",
  "directly into a vein through a catheter or needle")
A("my nurse said 'fluid overload' - what is that",
  "Receiving too much fluid through IV therapy can lead to fluid overload")
A("do some meds get weaker when your stomach digests them?",
  "some medications lose potency when processed by the digestive system")
A("is infusion therapy revolutionary for chronic pain or just hype",
  "Infusion therapy is revolutionizing the management of chronic pain")
A("are there pain meds made specially for IV use only?",
  "specialized pain medications designed for intravenous delivery")
A("do all the IV pain medicines work the same way?",
  "Each medication works through different mechanisms to address pain signals")
A("how quickly does an IV get the medicine up to working levels in the body",
  "the medication reaches therapeutic levels in the body quickly and efficiently")
A("if other treatments take forever to actually work, is that a reason to switch to an infusion?",
  "unsuitable due to side effects or delayed efficacy")
A("tried pills, physio AND injections and im still hurting. who qualifies for IV therapy?",
  "persistent or severe pain that has not responded well to other treatments")
A("whats a maintenance infusion",
  "others may require less frequent maintenance sessions")
A("what does it mean when they say nerves are 'firing'?",
  "from “firing” or letting off a signal")
A("so if the nerve signal is blocked my brain just cant feel it?",
  "without a signal the brain cannot detect pain!")
A("muscle tension... can a drip target that??",
  "target specific pain pathways, such as nerve signals, inflammation, or muscle tension")
A("Good afternoon. My English is not so good. Ketamine, it is only for pain or also for the mind sickness?",
  "effective for treating certain mental health conditions, alongside its role")
A("are 'sodium channels' something in the nerves? what have they got to do with pain",
  "Sodium channels play a key role in transmitting pain signals")
A("so i've read about lidocaine and ketamine and honestly my brain is mush from the pain meds. in one sentence: is infusion therapy the 'last hope' type treatment?",
  "these treatments offer hope for those who have exhausted other options")

# ---------------------------------------------------------------- checks

KEYS = ["id", "kind", "turns", "evidence", "intents"]
KINDS = {"answer", "unanswerable", "medical_advice", "clinic", "human", "out_of_scope",
         "smalltalk", "emergency", "crisis", "not_emergency"}
INTENTS = {"greeting", "thanks", "goodbye", "help"}


def norm(s):
    s = s.lower()
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-")):
        s = s.replace(a, b)
    s = re.sub(r"[*_`]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def load_lines():
    """(file, line number, text) of every article line, boilerplate dropped."""
    drop = {"Leave a Reply", "No Comments", "Post A Comment"}
    rows = []
    for path in sorted(glob.glob(os.path.join(SRC, "*.txt"))):
        name = os.path.basename(path)
        lines = open(path, encoding="utf-8").read().split("\n")
        if name.startswith("002_"):
            # drop the trailing related-posts list and "Leave a Reply"
            cut = len(lines)
            for i, ln in enumerate(lines):
                if ln.startswith("- 3 Pain Management Treatment Options"):
                    cut = i
                    break
            lines = lines[:cut]
        for i, ln in enumerate(lines, 1):
            if ln.strip() and ln.strip() not in drop:
                rows.append((name, i, ln))
    return rows


def main():
    errors = []
    lines = load_lines()
    if len(set(n for n, _, _ in lines)) != 5:
        errors.append("expected five source articles")
    nlines = [(n, i, norm(t)) for n, i, t in lines]
    grams = set()
    for _, _, t in nlines:
        w = re.findall(r"[a-z0-9']+", t)
        for k in range(len(w) - 5):
            grams.add(tuple(w[k:k + 6]))

    out = []
    seen_last = {}
    for n, (kind, turns, evidence) in enumerate(CASES, 1):
        cid = "t8q-%04d" % n
        case = {"id": cid, "kind": kind, "turns": turns, "evidence": evidence,
                "intents": []}
        out.append(case)
        if list(case.keys()) != KEYS:
            errors.append(f"{cid}: keys out of order")
        if kind not in KINDS:
            errors.append(f"{cid}: bad kind {kind}")
        if not (1 <= len(turns) <= 3) or not all(isinstance(t, str) and t.strip() for t in turns):
            errors.append(f"{cid}: turns must be 1-3 non-empty strings")
            continue
        last = re.sub(r"\s+", " ", turns[-1].strip()).casefold()
        if last in seen_last:
            errors.append(f"{cid}: duplicate last turn of {seen_last[last]}")
        seen_last[last] = cid
        for t in turns:
            w = re.findall(r"[a-z0-9']+", norm(t))
            for k in range(len(w) - 5):
                if tuple(w[k:k + 6]) in grams:
                    errors.append(f"{cid}: copies article wording: {' '.join(w[k:k + 6])}")
                    break
        if kind == "answer":
            if not (1 <= len(evidence) <= 2):
                errors.append(f"{cid}: answer needs 1-2 evidence strings")
            homes = []
            for ev in evidence:
                nw = len(ev.split())
                if not (5 <= nw <= 12):
                    errors.append(f"{cid}: evidence has {nw} words: {ev!r}")
                exact = [(f, i) for f, i, t in lines if ev in t]
                loose = [(f, i) for f, i, t in nlines if norm(ev) in t]
                if len(exact) != 1:
                    errors.append(f"{cid}: evidence on {len(exact)} lines (exact): {ev!r}")
                if len(loose) != 1:
                    errors.append(f"{cid}: evidence on {len(loose)} lines (normalised): {ev!r}")
                homes.append(exact[0] if exact else None)
            if len(set(homes)) > 1:
                errors.append(f"{cid}: evidence strings come from different lines")
        else:
            if evidence:
                errors.append(f"{cid}: evidence must be empty for {kind}")
        if kind == "smalltalk":
            if len(case["intents"]) != 1 or case["intents"][0] not in INTENTS:
                errors.append(f"{cid}: smalltalk needs one intent")
        elif case["intents"]:
            errors.append(f"{cid}: intents must be empty for {kind}")

    # pairing: every unanswerable case sits right after an answer case
    for n, (kind, _, _) in enumerate(CASES):
        if kind == "unanswerable" and (n == 0 or CASES[n - 1][0] != "answer"):
            errors.append(f"t8q-{n + 1:04d}: unanswerable case without an answer partner")

    with open(OUT, "w", encoding="utf-8") as fh:
        for case in out:
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")

    counts = Counter(k for k, _, _ in CASES)
    multi = sum(1 for _, t, _ in CASES if len(t) > 1)
    pairs = counts["unanswerable"]
    print(f"wrote {len(out)} cases to {OUT}")
    print("per kind:", dict(counts), f"| pairs: {pairs} | extra answer: {counts['answer'] - pairs}"
          f" | multi-turn: {multi}")
    per_doc = Counter()
    for kind, _, ev in CASES:
        if kind == "answer":
            f = [n for n, _, t in lines if ev[0] in t]
            if f:
                per_doc[f[0][:3]] += 1
    print("answer evidence per article:", dict(sorted(per_doc.items())))
    if errors:
        print(f"{len(errors)} check(s) failed:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
