#!/usr/bin/env python3
"""Hand-typed TRAINING questions (set t3q) for articles 000, 002 and 004.

Every message below was typed by hand. Running this script writes
qa_train3.jsonl next to it and checks it; it exits 1 if any check fails.

Layout of the data:
  G(file, line, [evidence...], [question, question, ...])
      single-turn answer cases; each question is one case whose evidence is
      taken from that one line of that article.
  M(file, line, [evidence...], [turn1, turn2, (turn3)])
      one multi-turn answer case (a follow-up); evidence answers the last turn.
  U([turn, ...])
      one unanswerable case (the five articles do not answer it).
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = "/work/shared/sources"
OUT = os.path.join(HERE, "qa_train3.jsonl")

F0 = "000_c614e64672ad6ff7.txt"
F1 = "001_40c6da6138b2aae4.txt"
F2 = "002_0daf0697f5461e93.txt"
F3 = "003_2e6b24436037f4fa.txt"
F4 = "004_146a92e372ef15d5.txt"

RAW = []  # (kind, turns, file, line, evidence)


def G(f, line, ev, questions):
    for q in questions:
        RAW.append(("answer", [q], f, line, list(ev)))


def M(f, line, ev, turns):
    RAW.append(("answer", list(turns), f, line, list(ev)))


def U(turns):
    RAW.append(("unanswerable", list(turns), None, None, []))


# ---------------------------------------------------------------------------
# 000  The Role of Infusion Therapy in Treating Chronic Pain
# ---------------------------------------------------------------------------

# L3 what it is / faster than pills / skips the gut
G(F0, 3, ["delivers medications directly into your bloodstream through a needle or catheter"], [
    "what even is infusion therapy? my doc mentioned it and i just nodded along",
    "my mum's pain doctor wants her to try infusions. is that like a needle in the arm or what",
    "Infusion treatment = what exactly??",
])
G(F0, 3, ["ensures quicker absorption and faster therapeutic effects compared to oral medications"], [
    "does a drip work quicker than just swallowing tablets?",
    "why would i get an IV instead of pills, is it actually faster??",
    "Does medicine from an infusion get absorbed quicker than the same stuff in capsule form?",
])
G(F0, 3, ["It bypasses the digestive system, allowing medications to reach the pain site"], [
    "so with the IV the medicine doesnt go thru your stomach at all?",
    "Does the medicine in an infusion skip going through the stomach and intestines?",
])

# L4 popular for non-responders / outpatient / tailored
G(F0, 4, ["infusion therapy has become popular for patients who don’t respond well"], [
    "why is everyone suddenly talking about infusions for pain lately?",
    "who tends to go for these pain drips nowadays, people where the normal stuff hasnt worked?",
])
G(F0, 4, ["It’s often used in outpatient settings, offering convenience and flexibility"], [
    "do u have to stay in hospital overnite for an infusion?",
    "Is this something you go home from the same day or do they admit you to a ward?",
    "my dad is 78 and hates hospitals with a passion. would he have to be admitted as an inpatient for these drips?",
])
G(F0, 4, ["allows healthcare providers to tailor treatments for each patient"], [
    "is the infusion the same for everyone or do they adjust it per person?",
    "do they personalise the treatment to you or is it one size fits all",
])

# L6 core benefit / faster than oral / pathways
G(F0, 6, ["directly into the bloodstream, leading to rapid relief"], [
    "whats the main point of getting pain meds thru a vein?",
    "Why go straight into the blood with it, what's the big win?",
])
G(F0, 6, ["as it works faster than oral medications"], [
    "why is it considered useful for long-term pain specifically?",
    "is an infusion quicker acting than tablets for chronic pain conditions",
])
G(F0, 6, ["target specific pain pathways, such as nerve signals, inflammation, or muscle tension"], [
    "can the drip go after nerve pain vs inflammation vs tight muscles separately?",
    "my physio says a lot of my pain is muscle tension. can infusions be aimed at that kind of thing?",
    "how do they make it target the pain? like what does it actually aim at",
])

# L7 conditions / hard to manage / for people pills failed
G(F0, 7, ["fibromyalgia, chronic migraines, cancer pain, and chronic back pain"], [
    "what kinds of pain problems are infusions normally used for",
    "my grandad has cancer and the pain is getting bad. do they use infusions for cancer pain?",
    "cn infusions help chronic back pain or is it only for weird rare conditions",
    "list of conditions infusion therapy treats pls",
])
G(F0, 7, ["These conditions can be difficult to manage with traditional treatments"], [
    "why would someone with CRPS or fibro end up needing an infusion instead of the usual treatments?",
    "are conditions like fibromyalgia hard to treat the normal way?",
])
G(F0, 7, ["especially beneficial for patients who haven’t found relief with oral medications"], [
    "ive tried like 6 different tablets and nothing touches my pain. is that the sort of person infusions are for?",
    "Who gets the most out of infusion therapy?",
])

# L9 meds vary
G(F0, 9, ["vary depending on the pain condition and desired outcomes"], [
    "is it always the same drug in the drip?",
    "how do they decide which medicine goes in the IV bag?",
    "does everyone get the same meds in their infusion or does it change",
])

# L10-14 the list of drug types
G(F0, 10, ["Opioids: For severe pain (e.g., morphine, fentanyl)."], [
    "do they ever put morphine in these infusions?",
    "is fentanyl one of the drugs they use?",
    "are opioids given by drip for really bad pain",
])
G(F0, 11, ["NSAIDs: To reduce inflammation and pain (e.g., ketorolac)."], [
    "what is ketorolac for when its given in an IV?",
    "can u get anti inflammatories like ibuprofen type drugs thru an infusion",
    "are NSAIDs ever used in infusion therapy",
])
G(F0, 12, ["Nerve Block Agents: To block pain signals (e.g., lidocaine)."], [
    "what's a nerve block agent and what does it do in the drip?",
    "what group of drugs does lidocaine fall under for infusions",
    "what do the nerve blocking drugs do",
])
G(F0, 13, ["Corticosteroids: To reduce swelling and pain."], [
    "why would they give steroids through a drip?",
    "r steroids ever used in infusion therapy",
    "My knee swells up like a balloon. Are corticosteroids one of the infusion options and what are they for?",
])
G(F0, 14, ["Biologics: Used for conditions like rheumatoid arthritis."], [
    "what are biologics used for",
    "my sister has RA. are there infusion meds for that?",
])

# L15 many options so they can pick
G(F0, 15, ["select the most appropriate treatment based on each patient’s unique needs"], [
    "why are there so many different drug options for infusions?",
    "whats the point of having a whole menu of meds to choose from",
])

# L17 process
G(F0, 17, ["typically begins with a consultation between the patient and their healthcare provider"], [
    "whats the first step if i want to start infusions",
    "do you just show up and get hooked up or is there a chat with someone first?",
    "How does the whole infusion thing start off?",
])
G(F0, 17, ["reviews the patient’s medical history and pain condition"], [
    "what happens at the first consultation for infusions?",
    "what will the doctor go over with me before my drips begin",
])
G(F0, 17, ["in a comfortable setting like a treatment chair or bed"], [
    "will i be sitting up or lying down for it?",
    "where do u actually sit during an infusion, like a recliner?",
    "I have a bad back and can't sit on hard chairs long. What will I be on during the session?",
])
G(F0, 17, ["will monitor vital signs and ensure the patient is comfortable"], [
    "does anyone keep an eye on you while the drip is running?",
    "will they check my blood pressure and stuff during the session",
    "Is my daughter going to be left alone hooked up to it, or will somebody be watching her?",
])

# L18 duration / relief timing / discuss side effects
G(F0, 18, ["typically lasts anywhere from 30 minutes to several hours"], [
    "how long does one infusion take?",
    "how many hours will i be stuck in the chair",
    "need to plan around my shifts at work - roughly how long is each infusion?",
    "hw long r u hooked up 4",
])
G(F0, 18, ["while others may notice improvement over the next few days"], [
    "will i feel better straight away or does it take a while?",
    "had my first infusion yesterday and i dont feel any different yet. do some people take a few days?",
    "when does the relief kick in afterwards",
])
G(F0, 18, ["important to discuss any side effects or concerns with the healthcare provider"], [
    "if I get side effects after an infusion who am I meant to talk to about it?",
    "who do i raise my worries with during the treatment period",
])

# L20 benefits
G(F0, 20, ["One of the biggest benefits is the rapid relief it provides"], [
    "what are the pros of infusion therapy",
    "whats good about infusions compared with other stuff",
    "Biggest upside of getting an infusion?",
])
G(F0, 20, ["more targeted treatment, which can lead to more effective pain management"], [
    "is the treatment more targeted than just popping pills?",
    "does being more targeted actually make the pain control better?",
])
G(F0, 20, ["patients often experience fewer side effects compared to oral medications"], [
    "do you get less side effects with an IV than tablets?",
    "the pills wreck my stomach every time. are side effects usually fewer with infusions?",
    "fewer side effects w infusions?? true or nah",
])

# L21 risks exist
G(F0, 21, ["like any treatment, infusion therapy does have potential risks"], [
    "are there risks to infusions",
    "is it totally safe or can things go wrong",
    "my wife is booked in for her first drip next week and i'm worried. is there any risk at all with these?",
])

# L22-26 the list of side effects
G(F0, 22, ["Infection: At the injection site."], [
    "can the spot where the needle goes in get infected?",
    "could my arm get infected from the IV site",
])
G(F0, 23, ["Allergic Reactions: Reactions to the medications used."], [
    "can you be allergic to the stuff in the drip",
    "is an allergic reaction possible w an infusion",
])
G(F0, 24, ["Nausea: Sometimes caused by certain medications."], [
    "will the infusion make me feel sick to my stomach?",
    "does it cause nausea",
    "i get queasy really easily. is feeling sick a side effect of infusions?",
])
G(F0, 25, ["Phlebitis: Inflammation of the veins."], [
    "what is phlebitis? it was on the consent form and i have no idea",
    "can an IV make your vein inflamed",
    "flebitis meaning??",
])
G(F0, 26, ["Fluid Overload: In rare cases, excessive fluid can cause complications"], [
    "whats fluid overload",
    "can they put too much liquid in you with an infusion?",
])
G(F0, 26, ["especially in those with heart conditions"], [
    "is too much fluid more of a risk with infusions for people with heart problems",
    "My father has a weak heart. Who is the fluid overload problem most likely to affect?",
])

# L27 why know the risks
G(F0, 27, ["Being aware of these risks helps patients make informed decisions"], [
    "why do they make me read through all the risks before starting?",
    "whats the point of knowing all the side effects in advance",
])

# L29 vs other treatments
G(F0, 29, ["stands out due to its rapid action and ability to target"], [
    "what makes infusions different from other pain treatments?",
    "why do infusions stand apart from the other options out there",
])
G(F0, 29, ["Compared to oral medications, it offers faster relief and more precise targeting"], [
    "how does an IV compare to just taking tablets for pain?",
    "infusion vs pills, whats the difference for pain relief",
])
G(F0, 29, ["may not offer the immediate relief that this therapy provides"], [
    "is acupuncture as quick as an infusion for pain relief?",
    "does physio give relief as fast as infusions do?",
    "I've been doing acupuncture and physical therapy for a year. Do those work as immediately as an infusion?",
])
G(F0, 29, ["often comes with longer recovery times and greater risks"], [
    "how does it compare to having surgery for back pain?",
    "surgery or infusion - which one has the longer recovery?",
])

# L30 ideal for quick targeted relief
G(F0, 30, ["an ideal option for patients seeking quick and targeted relief"], [
    "are infusions a good fit for people who mainly want quick relief?",
    "is it the go-to pick for people who want relief that is both fast and aimed at the problem?",
])

# L32 not for everyone
G(F0, 32, ["many chronic pain patients, but it’s not right for everyone"], [
    "is infusion therapy suitable for everybody with chronic pain?",
    "can anyone with long term pain get it",
])

# L33-35 ideal candidates
G(F0, 33, ["like fibromyalgia or CRPS, who haven’t found relief from oral medications"], [
    "who is a good candidate? i have fibro and the pills do nothing",
    "are people with CRPS whose tablets haven't helped the kind of patients they take on?",
])
G(F0, 34, ["Patients who need rapid pain relief."], [
    "is it for people who need pain relief fast?",
    "my brother needs something that works quickly for his pain. is that a reason people are picked for infusions?",
])
G(F0, 35, ["Those with conditions that affect medication absorption, such as gastrointestinal issues."], [
    "i have crohns and my body doesnt absorb tablets well. are infusions for people like me?",
    "does it help if your gut doesnt soak up meds properly",
    "gastric bypass patient here, meds dont absorb great. is that a reason ppl get IV treatment?",
])

# L36 how to find out
G(F0, 36, ["who can evaluate your medical history and pain condition"], [
    "how do i find out if i can have it?",
    "How do you know whether infusions would suit you?",
])

# L38 conclusion
G(F0, 38, ["Its rapid action and ability to target pain directly"], [
    "in a nutshell, why is infusion therapy considered effective?",
    "sum it up for me - why do people rate infusions for chronic pain?",
])
G(F0, 38, ["understanding both the benefits and potential risks, patients can make informed decisions"], [
    "how are patients meant to work out if an infusion is the best pick for them?",
    "what do I need to understand before choosing infusion therapy",
])

# ---------------------------------------------------------------------------
# 002  IV treatment for chronic pain
# ---------------------------------------------------------------------------

# L1 intro
G(F2, 1, ["traditional pain management approaches include oral medications, physical therapy, and lifestyle modifications"], [
    "what are the usual treatments for chronic pain before anyone mentions IVs?",
    "whats considered the traditional way to manage pain",
])
G(F2, 1, ["some patients find these methods insufficient"], [
    "pills, physio, changing my diet and sleep... none of it has been enough. is that common?",
    "do the standard pain treatments not work for some folks?",
])
G(F2, 1, ["Intravenous therapy has emerged as an alternative approach"], [
    "is IV therapy an alternative to the normal pain stuff?",
    "where does intravenous treatment fit in for pain, is it an alternative option?",
])
G(F2, 1, ["It potentially offers faster relief and improved symptom control."], [
    "what can IV therapy offer over regular treatment?",
    "does an iv give better control of symptoms",
])
G(F2, 1, ["can help patients and healthcare providers make informed decisions"], [
    "why should i bother learning about how IV treatment works before I start?",
    "is it worth reading up on IV treatment before deciding?",
])

# L3 what it is
G(F2, 3, ["administration of medications, nutrients, or fluids directly into a vein"], [
    "can they give vitamins and fluids thru an IV too or just meds?",
    "What exactly goes into a vein during IV therapy?",
    "whats intravenous therapy mean",
])
G(F2, 3, ["This delivery method bypasses the digestive system."], [
    "does an IV skip digestion?",
    "my stomach is a mess after years of painkillers. does IV medicine avoid the gut altogether?",
])
G(F2, 3, ["enter the bloodstream immediately and reach target tissues more quickly"], [
    "how fast does the stuff get into your blood with an IV",
    "r the meds in ur blood right away w an iv",
    "Does IV medicine reach the area that hurts sooner than tablets?",
])
G(F2, 3, ["typically involves the controlled infusion of pain-relieving medications over a specified period"], [
    "is it like one quick shot or a slow drip over time?",
    "do they push it in all at once",
    "how is IV pain treatment actually given, bit by bit?",
])
G(F2, 3, ["Healthcare professionals perform these treatments in clinical settings"], [
    "who actually does the IV treatment and where?",
    "is IV pain treatment done in a clinic?",
])
G(F2, 3, ["monitoring patients throughout the process to track responses"], [
    "does a nurse watch you the whole time during the IV?",
    "are they watching for bad reactions while it goes in",
])

# L4 meds
G(F2, 4, ["depending on the specific condition being treated"], [
    "does what they put in the IV depend on what condition i have?",
    "my husband and i both get IV pain treatment but different drugs. why would that be?",
])
G(F2, 4, ["anti-inflammatory drugs, muscle relaxants, and specialized pain medications"], [
    "can they give muscle relaxants by IV?",
    "what types of drugs are used for IV pain treatment",
    "are muscle relaxers one of the IV med types?",
])
G(F2, 4, ["works through different mechanisms to address pain signals and reduce inflammation"], [
    "do all the IV drugs work the same way?",
    "how do these IV pain meds actually work on the body",
])

# L5 when recommended / how many
G(F2, 5, ["when oral medications prove ineffective, cause intolerable side effects"], [
    "when would a doctor suggest IV therapy?",
    "my tablets give me horrible side effects i just cant put up with. is that a reason they'd switch me to IV?",
    "in what situations do docs recommend going IV",
])
G(F2, 5, ["or when rapid pain relief becomes necessary"], [
    "would they go for IV if someone needs their pain sorted quickly?",
])
G(F2, 5, ["some patients receiving single infusions while others may require ongoing sessions"], [
    "how many infusions will i need? just one?",
    "is it a one off or do you keep going back",
    "my son started IV treatment for his pain last month. will he have to keep going or is it a single thing?",
])
G(F2, 5, ["The treatment frequency and duration depend on individual circumstances"], [
    "what decides how often and how long someone has IV treatment?",
])

# L7 CIDP etc
G(F2, 7, ["though its effectiveness varies among individuals"], [
    "does IV therapy work the same for everyone?",
    "my friend swore by her infusions but they did zilch for me. does it vary person to person?",
])
G(F2, 7, ["Complex inflammatory demyelinating polyneuropathy (CIDP) represents another condition where IV therapy"], [
    "can IV therapy help with CIDP?",
    "my uncle was just diagnosed with cidp, is IV treatment used for that",
])
G(F2, 7, ["This neurological disorder causes inflammation and nerve damage."], [
    "what is CIDP, in plain english?",
    "whats cidp do to your nerves",
])
G(F2, 7, ["Specialized IV medications can help restore nerve function"], [
    "what does the IV actually do for someone with CIDP?",
    "can infusions help nerves start working again in cidp",
])

# L8 migraine
G(F2, 8, ["Migraine sufferers who experience frequent, severe headaches may find relief"], [
    "i get bad migraines several times a month, can an IV help?",
    "r iv drips good for migranes",
    "Can intravenous treatment help people who get really severe headaches often?",
])
G(F2, 8, ["particularly be the case when oral medications fail to provide adequate control"], [
    "my migraine tablets dont keep them under control anymore. is that when IV gets considered?",
    "when does IV make most sense for migraine sufferers?",
])
G(F2, 8, ["can help abort migraine episodes more effectively than traditional oral treatments"], [
    "can an IV stop a migraine attack thats already started?",
    "is an IV better than pills at stopping a migraine in its tracks",
    "my teenage daughter gets migraines that go on for days. does IV medicine cut them short better than her tablets do?",
])

# L10 benefits: speed
G(F2, 10, ["IV therapy offers several advantages over oral pain medications."], [
    "what are the advantages of IV over tablets?",
    "why pick IV over oral painkillers",
])
G(F2, 10, ["faster onset of relief, which can be particularly beneficial during pain flares"], [
    "is IV useful during a bad flare up?",
    "flare days are the worst - would an iv kick in quicker then?",
])
G(F2, 10, ["noticeable improvement within minutes rather than waiting hours for oral medications"], [
    "how many minutes until an IV pain med starts working?",
    "minutes or hours for the iv to work?",
    "pills take forever to work for me, like hours. is an IV faster than that?",
])

# L11 benefits: control
G(F2, 11, ["monitor patients closely and adjust treatment in real-time"], [
    "can they change the dose while the IV is running?",
    "if it's not working mid session can they tweak it on the spot?",
])
G(F2, 11, ["helps optimize dosing and quickly identify any adverse reactions"], [
    "why is it safer to have it done in a clinic?",
    "would they spot it fast if i reacted badly",
])
G(F2, 11, ["The precision of IV delivery also allows for targeted treatment approaches."], [
    "how precise is IV delivery",
    "is IV more exact than other ways of taking meds?",
])
G(F2, 11, ["customize medication combinations and concentrations based on individual patient needs"], [
    "can they mix different meds together in one IV?",
    "do they change how strong the mix is for each person",
])
G(F2, 11, ["potentially achieving better pain control with fewer side effects"], [
    "does a tailored IV mean less side effects?",
])

# L13 confer with professional
G(F2, 13, ["involves careful medical evaluation and ongoing supervision"], [
    "is there ongoing supervision or just one check at the start?",
    "do they evaluate you properly before IV pain treatment",
])
G(F2, 13, ["review each patient’s medical history, current medications, and pain characteristics"], [
    "should i bring a list of my current meds? do they look at that?",
    "what do they look at to decide if iv treatment suits me",
    "My mother takes about ten different pills a day. Will the IV team go through all of those?",
])
G(F2, 13, ["collaborate with patients to develop individualized treatment plans"], [
    "do i get a say in my treatment plan?",
    "do they work with you on the plan or just tell u what to do",
])

# ---------------------------------------------------------------------------
# 004  Which Types of IV Infusion Work for Chronic Pain?
# ---------------------------------------------------------------------------

# L5 intro facts
G(F4, 5, ["significant proportion of the population is living with a chronic pain syndrome"], [
    "how many people actually have chronic pain? feels like its just me",
    "is chronic pain common",
])
G(F4, 5, ["patients feel pain all over their body with no apparent cause"], [
    "whats fibromyalgia? my gf was just diagnosed",
    "what does fibro actually mean",
    "is fibromyalgia the one where you hurt everywhere for no reason?",
])
G(F4, 5, ["two-thirds of the population suffers from chronic lower back pain"], [
    "how common is lower back pain? i read it was like half of people",
    "what did the BMJ say about how many people have back pain?",
])
G(F4, 5, ["the common treatment options leave a lot to be desired"], [
    "are the current treatments for chronic pain any good?",
    "why r people looking at iv drips, are normal pain treatments rubbish?",
])
G(F4, 5, ["the US spend $560 billion dollars a year on chronic pain"], [
    "how much does chronic pain cost america each year?",
    "whats the economic cost of chronic pain in the US",
    "someone at my support group said chronic pain costs the US over half a trillion a year, is that right?",
])

# L7 drugs and conditions
G(F4, 7, ["There are a number of medications currently available via an IV infusion."], [
    "is there more than one drug available as an IV for pain?",
])
G(F4, 7, ["like fibromyalgia, phantom limb pain, post-herpetic neuralgia"], [
    "can IV infusions help phantom limb pain? my brother lost his leg in a motorbike accident",
    "does nerve pain after shingles get treated with infusions?",
])
G(F4, 7, ["complex regional pain syndrome as well as stroke pain"], [
    "my mum had a stroke last year and now has constant pain down one side. do infusions get used for pain after strokes?",
    "stroke pain - can a drip help?",
])
G(F4, 7, ["much more effective than when taking via the oral route"], [
    "why would IV be more effective than swallowing the same drug?",
    "is the IV version stronger than the tablet form?",
])
G(F4, 7, ["The drugs that are available include Lidocaine, ketamine, clonidine, and magnesium."], [
    "which drugs can you get as a pain infusion",
    "is magnesium one of the IV options for pain?",
    "have heard of lido and ketamine drips, any others? clonidine maybe?",
])

# L9 lidocaine
G(F4, 9, ["Lidocaine is the most studied and best-researched option."], [
    "which IV pain drug has the most research behind it?",
    "is lidocaine well studied",
])
G(F4, 9, ["IV lidocaine infusion for fibromyalgia is an increasingly common treatment option."], [
    "do people with fibro get lidocaine drips?",
    "is lidocaine IV becoming more common for fibromyalgia",
])
G(F4, 9, ["stopping pain signals from being transmitted to the brain"], [
    "how does lidocaine stop pain",
    "isnt lidocaine the dentist numbing stuff? how does it work in a drip",
    "lidocaine mechanism in simple words?",
])
G(F4, 9, ["from “firing” or letting off a signal"], [
    "does lidocaine stop the nerves firing?",
    "what does lidocaine do to the nerves coming from the sore area",
])
G(F4, 9, ["without a signal the brain cannot detect pain!"], [
    "so if the nerve message is blocked the brain just doesn't notice the pain?",
    "why does blocking the nerve signal make the pain go away?",
])

# L11 ketamine
G(F4, 11, ["Other options of treatment for chronic pain include ketamine."], [
    "is ketamine used as a pain infusion?",
    "ketamine for chronic pain? for real?",
])
G(F4, 11, ["its equestrian use as a horse tranquilizer"], [
    "isnt ketamine a horse tranquilizer??",
    "my nan is worried cos ketamine is a party drug and a vet drug. why would they use it for pain?",
])
G(F4, 11, ["increasingly being researched for its pain relieving and antidepressant properties"], [
    "does ketamine help depression as well as pain?",
    "what are researchers looking into ketamine for",
])
G(F4, 11, ["far lower than a recreational dose which may make a patient hallucinate"], [
    "is the ketamine dose like what people take to get high?",
    "how much ketamine do they actually put in, is it a lot?",
])
G(F4, 11, ["stops pain signals from going up with spinal cord into the brain"], [
    "how does ketamine block the pain, where does it act?",
    "what does a ketamine infusion do to the pain messages",
])

# L15 risks
G(F4, 15, ["And so IV infusions are no exception."], [
    "r IV infusions risk free?",
    "are IV drips the one treatment without any risk?",
])
G(F4, 15, ["There is some risk of infection from the needle"], [
    "can the needle give me an infection",
    "is the infection risk like having a normal hospital drip?",
])
G(F4, 15, ["risks associated with the individual drug being given"], [
    "are there risks specific to the drug they use, not just the needle?",
    "does the risk depend on which medicine is in the drip?",
])
G(F4, 15, ["ketamine has hallucinogenic properties as previously mentioned"], [
    "can ketamine infusions make you hallucinate",
    "whats the main risk with ketamine drips",
])

# L19 evidence
G(F4, 19, ["IV infusions have not been used to treat chronic pain for long."], [
    "how long have pain infusions been around?",
    "is this a new-ish treatment",
    "My GP had never heard of infusions for pain. Is that because they haven't been used for many years?",
])
G(F4, 19, ["an increasing body of scientific work that suggests its benefits"], [
    "is there any actual evidence infusions work or is it hype?",
    "prove it works lol. any science?",
])
G(F4, 19, ["review study published in 2017 called lidocaine infusions"], [
    "what did the 2017 review say about lidocaine?",
    "has any review study looked at lidocaine infusions?",
])

# ---------------------------------------------------------------------------
# multi-turn follow-ups (answer)
# ---------------------------------------------------------------------------
M(F0, 13, ["Corticosteroids: To reduce swelling and pain."], [
    "what drugs can they put in a pain drip?",
    "and the steroid ones, what do they do?",
])
M(F4, 9, ["stopping pain signals from being transmitted to the brain"], [
    "my aunt is having lidocaine infusions for her fibromyalgia",
    "how does that one actually stop the pain?",
])
M(F4, 11, ["its equestrian use as a horse tranquilizer"], [
    "what is ketamine used for in pain clinics?",
    "wait isnt that the horse drug tho",
])
M(F0, 18, ["Some patients experience immediate relief"], [
    "how long does an infusion take",
    "and will i feel it working straight after?",
])
M(F0, 25, ["Phlebitis: Inflammation of the veins."], [
    "what are the risks of infusion therapy?",
    "what's that phlebitis one?",
])
M(F2, 8, ["can help abort migraine episodes more effectively than traditional oral treatments"], [
    "can infusions help migraines?",
    "even when the attack has already started?",
])
M(F2, 7, ["Specialized IV medications can help restore nerve function"], [
    "what is CIDP",
    "and how can an IV help with it?",
])
M(F0, 35, ["Those with conditions that affect medication absorption, such as gastrointestinal issues."], [
    "who's a good candidate for infusions?",
    "what about people with stomach problems?",
])
M(F2, 10, ["noticeable improvement within minutes rather than waiting hours for oral medications"], [
    "do infusions work faster than pills?",
    "like how much faster, minutes?",
])
M(F0, 10, ["Opioids: For severe pain (e.g., morphine, fentanyl)."], [
    "what types of meds are given by infusion",
    "which ones are the morphine type?",
])
M(F0, 11, ["NSAIDs: To reduce inflammation and pain (e.g., ketorolac)."], [
    "what's an NSAID infusion for",
    "give me an example of that kind",
])
M(F0, 14, ["Biologics: Used for conditions like rheumatoid arthritis."], [
    "my grandad has rheumatoid arthritis",
    "is there an infusion type for his condition?",
])
M(F0, 17, ["in a comfortable setting like a treatment chair or bed"], [
    "what happens before the first infusion?",
    "and then where do you actually sit for the session?",
])
M(F0, 17, ["will monitor vital signs and ensure the patient is comfortable"], [
    "I'm really nervous about being on my own during my infusion",
    "will anyone be checking on me?",
])
M(F0, 26, ["especially in those with heart conditions"], [
    "what is fluid overload",
    "who is most at risk of it?",
])
M(F0, 29, ["often comes with longer recovery times and greater risks"], [
    "how does infusion compare with physio?",
    "and what about surgery?",
])
M(F0, 36, ["who can evaluate your medical history and pain condition"], [
    "is this something for everyone with chronic pain?",
    "so how do I find out if I'm one of the ones it suits?",
])
M(F4, 9, ["Lidocaine is the most studied and best-researched option."], [
    "what drugs are available as IV infusions for pain?",
    "which is the most researched one?",
])
M(F4, 19, ["called lidocaine infusions “a promising therapeutic approach for chronic pain!”"], [
    "is there evidence these infusions work?",
    "what did that 2017 review say?",
])
M(F4, 15, ["ketamine has hallucinogenic properties as previously mentioned"], [
    "are pain infusions risky?",
    "and the ketamine ones in particular?",
])
M(F4, 11, ["far lower than a recreational dose which may make a patient hallucinate"], [
    "how much ketamine do they give in a pain infusion",
    "so it's way less than what people take at parties?",
])
M(F2, 7, ["This neurological disorder causes inflammation and nerve damage."], [
    "i keep hearing about something called CIDP",
    "what does it do to the body",
])
M(F2, 5, ["some patients receiving single infusions while others may require ongoing sessions"], [
    "my doctor wants to try IV meds for my pain",
    "will it be just the one time?",
])
M(F2, 4, ["anti-inflammatory drugs, muscle relaxants, and specialized pain medications"], [
    "which meds do they use for pain by IV?",
    "do muscle relaxants count?",
])
M(F2, 11, ["monitor patients closely and adjust treatment in real-time"], [
    "why is IV safer in a clinic?",
    "can they change the dose part way through then?",
])
M(F2, 11, ["customize medication combinations and concentrations based on individual patient needs"], [
    "can they customise the IV for me",
    "like mix a few drugs together?",
])
M(F4, 5, ["one study by the British Medical Journal estimated"], [
    "how common is chronic lower back pain",
    "according to who?",
])
M(F4, 9, ["IV lidocaine infusion for fibromyalgia is an increasingly common treatment option."], [
    "what's fibromyalgia",
    "and do they use lidocaine drips for it?",
])
M(F4, 5, ["the US spend $560 billion dollars a year on chronic pain"], [
    "how much does chronic pain cost society",
    "is that per year and in which country?",
])
M(F4, 7, ["like fibromyalgia, phantom limb pain, post-herpetic neuralgia"], [
    "what other conditions can IV infusions treat besides fibro",
    "what about pain after an amputation?",
])
M(F4, 11, ["increasingly being researched for its pain relieving and antidepressant properties"], [
    "is ketamine only for pain",
    "what else are they studying it for?",
])
M(F0, 24, ["Nausea: Sometimes caused by certain medications."], [
    "what are the side effects of infusions",
    "can it make me feel like throwing up?",
])
M(F0, 17, ["reviews the patient’s medical history and pain condition"], [
    "what's the first step for getting infusion therapy?",
    "what do they look at in that first appointment?",
])
M(F0, 20, ["Since the medication bypasses the digestive system"], [
    "do infusions have fewer side effects than pills?",
    "why is that?",
])
M(F2, 10, ["faster onset of relief, which can be particularly beneficial during pain flares"], [
    "what's the main benefit of IV treatment for pain",
    "is it handy during a flare?",
])
M(F2, 5, ["when oral medications prove ineffective, cause intolerable side effects"], [
    "when do doctors suggest IV therapy?",
    "what if my pills give me side effects i can't stand",
])
M(F0, 4, ["It’s often used in outpatient settings, offering convenience and flexibility"], [
    "what is infusion therapy?",
    "do you have to stay in for it or go home after?",
])
M(F0, 7, ["commonly used to treat conditions like Complex Regional Pain Syndrome (CRPS)"], [
    "can infusions help with migraines",
    "and what about CRPS?",
])
M(F0, 6, ["target specific pain pathways, such as nerve signals, inflammation, or muscle tension"], [
    "how does infusion therapy target pain?",
    "can it go after inflammation too?",
])
M(F0, 26, ["Fluid Overload: In rare cases, excessive fluid can cause complications"], [
    "what are the infusion risks",
    "how common is the fluid one?",
])
M(F2, 13, ["to determine whether IV treatment may be suitable and which medications"], [
    "my mom's doing IV treatment for her pain",
    "does someone supervise it the whole time or just at the start",
    "ok and who decides what goes in her bag?",
])
M(F4, 15, ["ketamine has hallucinogenic properties as previously mentioned"], [
    "hi, i have questions about ketamine",
    "my pain doc mentioned it for my CRPS",
    "won't it make me see things?",
])
M(F0, 17, ["will monitor vital signs and ensure the patient is comfortable"], [
    "how long is an infusion session",
    "ok and do i sit or lie down",
    "and while i'm there will someone keep tabs on my vitals?",
])
M(F4, 7, ["much more effective than when taking via the oral route"], [
    "my doctor wants me to try IV lidocaine",
    "why not just give me the same thing as a pill?",
])

# ---------------------------------------------------------------------------
# unanswerable: close to these topics, not answered by any of the five
# ---------------------------------------------------------------------------
U(["how does clonidine work when its given as an infusion?"])
U(["what side effects can a magnesium drip cause?"])
U(["is it safe to have a ketamine infusion while pregnant?"])
U(["can children get lidocaine infusions or is there an age limit"])
U(["will ketamine from my infusion show up on a workplace drug test?"])
U(["does alcohol react badly with ketamine in the hours after an infusion?"])
U(["can you get addicted to ketamine from the infusions?"])
U(["who were the authors of that 2017 lidocaine review?"])
U(["what percentage of people actually get better with lidocaine drips?"])
U(["what gauge needle do they normally use for an IV?"])
U(["how soon after an infusion can i go back to the gym?"])
U(["whats the difference between a PICC line and a normal cannula"])
U(["does phlebitis go away on its own or does it need treating?"])
U(["if someone gets fluid overload what do the staff do to fix it?"])
U(["when did the FDA approve ketamine"])
U(["is the esketamine nasal spray the same thing as a ketamine infusion?"])
U(["whats the brand name of ketorolac"])
U(["can ketorolac damage your kidneys?"])
U(["which biologic drugs are used for rheumatoid arthritis, like names?"])
U(["how many people in the UK have fibromyalgia?"])
U(["what actually causes CRPS in the first place"])
U(["is CIDP hereditary? my uncle has it and im scared my kids will get it"])
U(["can the shingles vaccine stop you getting post-herpetic neuralgia?"])
U(["how long does lidocaine stay in your body after the drip finishes"])
U(["do IV infusions help with endometriosis pain?"])
U(["what's in a Myers cocktail drip?"])
U(["do vitamin C drips help you get over a cold faster?"])
U(["does ketamine raise your blood pressure during the infusion?"])
U(["can ketamine infusions help OCD"])
U(["is it normal to get a metallic taste in your mouth during a lidocaine infusion?"])
U(["do opioid infusions make you constipated"])
U(["how much stronger is fentanyl than morphine?"])
U(["can a fentanyl drip slow down your breathing?"])
U(["do steroid infusions push up blood sugar? my dad is diabetic"])
U(["what year was that $560 billion chronic pain study done?"])
U(["when was the BMJ back pain study published"])
U(["are those walk-in IV drip bars at the mall safe?"])
U(["what happens if an air bubble gets into your IV line"])
U(["whats the max dose of lidocaine before it becomes toxic"])
U(["how many stroke survivors end up with long term pain?"])
U(["who invented IV therapy and when"])
U(["is lidocaine the same as novocaine?"])
U(["what's the difference between CRPS type 1 and type 2?"])
U(["do IV vitamin drips cure hangovers?"])
U(["what drugs are available for IV pain treatment", "how does the clonidine one work though?"])
U(["what are the side effects of infusions", "and what about the magnesium ones specifically?"])


# ---------------------------------------------------------------------------
# build + checks
# ---------------------------------------------------------------------------
KEYS = ["id", "kind", "turns", "evidence", "intents"]
KINDS = {"answer", "unanswerable", "medical_advice", "clinic", "human", "out_of_scope",
         "smalltalk", "emergency", "crisis", "not_emergency"}

# factual lines of 000/002/004 that must be covered (>= 2 answer cases each)
FACT_LINES = {
    F0: [3, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 17, 18, 20, 21, 22, 23, 24, 25, 26, 27,
         29, 30, 32, 33, 34, 35, 36, 38],
    F2: [1, 3, 4, 5, 7, 8, 10, 11, 13],
    F4: [5, 7, 9, 11, 15, 19],
}


def load(name):
    with open(os.path.join(SRC, name), encoding="utf-8") as fh:
        return fh.read().split("\n")


ARTS = {n: load(n) for n in (F0, F1, F2, F3, F4)}


def words(text):
    t = text.lower()
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-")):
        t = t.replace(a, b)
    t = t.replace("'", "")
    return re.findall(r"[a-z0-9$]+", t)


def grams(ws, n=5):
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


ART_GRAMS = set()
for _name, _lines in ARTS.items():
    for _l in _lines:
        ART_GRAMS |= grams(words(_l))


def main():
    errors = []
    cases = []
    for i, (kind, turns, f, line, ev) in enumerate(RAW, 1):
        cases.append({"id": "t3q-%04d" % i, "kind": kind, "turns": turns,
                      "evidence": ev, "intents": []})
    with open(OUT, "w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")

    # re-read what was written
    back = [json.loads(l) for l in open(OUT, encoding="utf-8")]
    seen = {}
    covered = {}
    for n, (c, raw) in enumerate(zip(back, RAW), 1):
        cid = c.get("id")
        kind, turns, f, line, ev = raw
        if list(c.keys()) != KEYS:
            errors.append("%s: keys %r" % (cid, list(c.keys())))
        if cid != "t3q-%04d" % n:
            errors.append("%s: id out of sequence" % cid)
        if c["kind"] not in KINDS:
            errors.append("%s: bad kind" % cid)
        t = c["turns"]
        if not isinstance(t, list) or not (1 <= len(t) <= 3) or not all(isinstance(x, str) and x.strip() for x in t):
            errors.append("%s: bad turns" % cid)
            continue
        last = " ".join(t[-1].casefold().split())
        if last in seen:
            errors.append("%s: duplicate last turn with %s: %r" % (cid, seen[last], t[-1]))
        seen[last] = cid
        if c["intents"] != []:
            errors.append("%s: intents must be empty" % cid)
        for x in t:
            hit = grams(words(x)) & ART_GRAMS
            if hit:
                errors.append("%s: copies a 5-word run of an article: %r in %r" % (cid, " ".join(sorted(hit)[0]), x))
        if c["kind"] == "answer":
            e = c["evidence"]
            if not (1 <= len(e) <= 2):
                errors.append("%s: need 1-2 evidence strings" % cid)
            if f not in FACT_LINES:
                errors.append("%s: evidence file not one of 000/002/004" % cid)
                continue
            text = ARTS[f][line - 1]
            for s in e:
                nw = len(s.split())
                if not (5 <= nw <= 12):
                    errors.append("%s: evidence has %d words: %r" % (cid, nw, s))
                if s not in text:
                    errors.append("%s: evidence not on %s line %d: %r" % (cid, f[:3], line, s))
                if re.search(r"[.!?] [A-Z]", s):
                    errors.append("%s: evidence spans a sentence break: %r" % (cid, s))
                # which lines of all articles hold it (must be exactly one line)
                holders = [(nm, k) for nm, ls in ARTS.items() for k, l in enumerate(ls, 1) if s in l]
                if len(holders) != 1:
                    errors.append("%s: evidence %r found on %d lines" % (cid, s, len(holders)))
            if len(t) == 1:
                covered[(f, line)] = covered.get((f, line), 0) + 1
        else:
            if c["evidence"] != []:
                errors.append("%s: evidence must be empty" % cid)

    for f, lines in FACT_LINES.items():
        for ln in lines:
            k = covered.get((f, ln), 0)
            if k < 2:
                errors.append("line %s:%d has only %d single-turn answer cases" % (f[:3], ln, k))

    n_ans = sum(1 for c in back if c["kind"] == "answer")
    n_multi = sum(1 for c in back if c["kind"] == "answer" and len(c["turns"]) > 1)
    n_un = sum(1 for c in back if c["kind"] == "unanswerable")
    n_un_multi = sum(1 for c in back if c["kind"] == "unanswerable" and len(c["turns"]) > 1)
    per_art = {}
    for kind, turns, f, line, ev in RAW:
        if kind == "answer":
            per_art[f[:3]] = per_art.get(f[:3], 0) + 1
    if not (270 <= n_ans <= 340):
        errors.append("answer count %d outside 270-340" % n_ans)
    if not (35 <= n_multi <= 50):
        errors.append("multi-turn answer count %d outside 35-50" % n_multi)
    if not (35 <= n_un <= 50):
        errors.append("unanswerable count %d outside 35-50" % n_un)

    print("cases: %d  answer: %d (single %d, multi-turn %d)  unanswerable: %d (multi-turn %d)"
          % (len(back), n_ans, n_ans - n_multi, n_multi, n_un, n_un_multi))
    print("answer cases per article:", dict(sorted(per_art.items())))
    print("fact lines covered:", sum(len(v) for v in FACT_LINES.values()))
    if errors:
        for e in errors:
            print("FAIL", e)
        print("%d check(s) failed" % len(errors))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
