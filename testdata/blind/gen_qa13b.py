#!/usr/bin/env python3
"""Blind test set 13b: hand-typed patient messages for the infusion-therapy bot.

Every message below is typed by hand.  Running this script writes
qa_final13b.jsonl beside it and checks it; it exits 1 if any check fails.
"""
import glob
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = "/work/shared/sources"
OUT = os.path.join(HERE, "qa_final13b.jsonl")

# (kind, turns, evidence, intents)
A = "answer"
CASES = [
    # ------------------------------------------------------------------
    # answer, single turn
    # ------------------------------------------------------------------
    # 000 The Role of Infusion Therapy in Treating Chronic Pain
    (A, ["wat is this infushun therapy my docter keeps on about, how do they get the medisin in to you"],
     ["delivers medications directly into your bloodstream through a needle or catheter"], []),
    (A, ["why would a drip work any quicker than just swallowing a tablet??"],
     ["ensures quicker absorption and faster therapeutic effects compared to oral medications"], []),
    (A, ["do u have to stay overnight in hospital for these or nah"],
     ["often used in outpatient settings, offering convenience and flexibility"], []),
    (A, ["what exactly can the IV go after? like is it the nerves or the swelling or what"],
     ["target specific pain pathways, such as nerve signals, inflammation, or muscle tension"], []),
    (A, ["My husband has cancer and his pain is awful most days. Are drips like this ever used for cancer-type pain?"],
     ["fibromyalgia, chronic migraines, cancer pain, and chronic back pain"], []),
    (A, ["r strong painkillers like morphine ever given thru the iv for this or is it all non addictive stuff"],
     ["Opioids: For severe pain (e.g., morphine, fentanyl)."], []),
    (A, ["is there some ibuprofen-ish anti inflammatory they can run in a drip?"],
     ["NSAIDs: To reduce inflammation and pain (e.g., ketorolac)."], []),
    (A, ["which group of infusion meds is meant for stuff like rheumatoid arthritis? my sister has RA"],
     ["Biologics: Used for conditions like rheumatoid arthritis."], []),
    (A, ["I am so nervous. What actually happens first, before anyone puts a needle in me?"],
     ["typically begins with a consultation between the patient and their healthcare provider"], []),
    (A, ["will i be sat up in a seat or lying down while it goes in"],
     ["a comfortable setting like a treatment chair or bed"], []),
    (A, ["roughly how much time should i clear in my diary for one session, in general?"],
     ["typically lasts anywhere from 30 minutes to several hours"], []),
    (A, ["if it works do you feel it straight away or does it take a couple days"],
     ["immediate relief, while others may notice improvement over the next few days"], []),
    (A, ["does getting it in the vein mean fewer side effects than pills? tablets wreck my stomach"],
     ["patients often experience fewer side effects compared to oral medications"], []),
    (A, ["the leaflet lists phlebitis as a risk. what on earth is that"],
     ["Phlebitis: Inflammation of the veins."], []),
    (A, ["Dad's got a weak heart. Is there a particular danger for heart patients from all that liquid going in?"],
     ["excessive fluid can cause complications, especially in those with heart conditions"], []),
    (A, ["ok but why not just do physio or acupuncture, whats so special about IVs. sounds like a sales pitch"],
     ["they may not offer the immediate relief that this therapy provides"], []),
    (A, ["wouldnt an operation just fix the problem better than a drip"],
     ["often comes with longer recovery times and greater risks"], []),
    (A, ["people whose gut doesnt absorb meds properly, like with crohns, are they good fits for infusions?"],
     ["Those with conditions that affect medication absorption, such as gastrointestinal issues."], []),
    (A, ["is this getting more common these days? seems like everyone's talking about it"],
     ["has become popular for patients who don’t respond well"], []),
    (A, ["can they adjust the treatment to the person or does everyone get the same bag"],
     ["allows healthcare providers to tailor treatments for each patient"], []),
    (A, ["will somebody be checking my pulse and blood pressure during the session?"],
     ["will monitor vital signs and ensure the patient is comfortable"], []),
    (A, ["can these drips make you feel queasy"],
     ["Nausea: Sometimes caused by certain medications."], []),
    (A, ["does a drip raise the chance of getting an infected arm where the needle is?"],
     ["Infection: At the injection site."], []),

    # 001 Infusion Therapy (lidocaine and ketamine)
    (A, ["whats the point of the iv route if my other meds didnt work or gave me bad side efects"],
     ["when other treatments fail or are unsuitable due to side effects"], []),
    (A, ["apart from pain, what else do they use drip treatments for?"],
     ["managing severe or chronic pain, neuropathic disorders, and certain mental health conditions"], []),
    (A, ["why cant I just take a pill? does my stomach ruin the medicine or something"],
     ["some medications lose potency when processed by the digestive system"], []),
    (A, ["do tablets really take that long to start working compared with a drip?"],
     ["They may take hours to show effects"], []),
    (A, ["is someone keeping an eye on you the whole time it's running?"],
     ["allows for continuous monitoring of the patient’s response during treatment"], []),
    (A, ["i stopped my pain pills cause they made me sick all the time. does that kind of person qualify for infusions?"],
     ["Patients experiencing side effects from oral medications that prevent their continued use."], []),
    (A, ["lidocaine is the dentist numbing stuff right?? why would u put that in a vein"],
     ["can modulate how pain signals travel through the nervous system"], []),
    (A, ["how does lidocaine actualy stop pain, like what does it do to the nerve cells"],
     ["Lidocaine works by blocking sodium channels in nerve cells."], []),
    (A, ["I've had fibromyalgia for eleven years. It started after my second baby and it has slowly taken over. "
         "Some days even my clothes or the bedsheet touching my skin hurts, my husband can't hug me without me flinching, "
         "and my GP says my nerves are 'turned up too high'. I've done the pills, the pool therapy, the diets. "
         "A lady in my support group mentioned lidocaine. Does it do anything for that over-sensitive feeling?"],
     ["lidocaine’s effects on the central nervous system can help decrease hypersensitivity"], []),
    (A, ["what is crps? my cousin was just told she has it in her arm"],
     ["often involves severe, burning pain in a limb"], []),
    (A, ["mum is diabetic and her feet burn and tingle at night. is a lidocaine drip ever used for that kind of thing?"],
     ["Lidocaine helps manage the nerve pain caused by diabetes-related nerve damage."], []),
    (A, ["after chemo my hands and feet are numb and they hurt. can lidocaine help nerves damaged by cancer treatment?"],
     ["reduce the pain from other types of nerve damage"], []),
    (A, ["Do people with fibro actually say lidocaine helped them?"],
     ["Patients report reduced muscle pain and better functionality after lidocaine treatments."], []),
    (A, ["had my knee done 2 yrs ago and it STILL aches. is lidocaine used for pain that hangs about after an op?"],
     ["Persistent pain following surgery can also benefit from lidocaine infusions."], []),
    (A, ["who actually does the lidocaine, is it a doctor or a nurse?"],
     ["A nurse or physician administers the lidocaine intravenously over 30–60 minutes."], []),
    (A, ["once the lidocaine bag is empty can i just get up and go home?"],
     ["Post-treatment, you’ll be observed for side effects."], []),
    (A, ["im trying hard to stay off opioids. is lidocaine a way to do that"],
     ["an option for those who want to avoid or reduce opioid use"], []),
    (A, ["are the side effects of lidocaine usually rough, or fairly gentle next to other options?"],
     ["lidocaine infusions have fewer and milder side effects"], []),
    (A, ["if you go dizzy from lidocaine does that last long?"],
     ["These effects are typically short-lived and resolve quickly under medical supervision."], []),
    (A, ["what kind of drug is ketamine exactly, in plain words"],
     ["ketamine, a dissociative anesthetic, to treat chronic pain and mood disorders"], []),
    (A, ["ive read ketamine can kind of rewire the brain?? is that real or internet nonsense"],
     ["promotes neuroplasticity, allowing the brain to form new, healthier connections"], []),
    (A, ["the shingles rash went away two years ago but the burning never did. do they use ketamine for that?"],
     ["Conditions like CRPS and post-herpetic neuralgia respond well to ketamine."], []),
    (A, ["My wife has been through four different antidepressants and none of them touched her depression. "
         "Is ketamine used for people like her?"],
     ["Ketamine can improve mood in patients resistant to traditional antidepressants."], []),
    (A, ["would doctors reach for ketamine early on for cancer pain, or only later?"],
     ["Ketamine is a last-resort option for managing intractable cancer-related pain."], []),
    (A, ["after ketamine do they watch u for a bit or kick u out"],
     ["Patients are observed briefly after the treatment to ensure they are stable."], []),
    (A, ["how fast does ketamine start to work on the pain"],
     ["Many patients experience relief within hours of their first session."], []),
    (A, ["does ketamine cut down how much opioid people need?"],
     ["Ketamine lowers the need for opioid medications in pain management."], []),
    (A, ["whats that weird floaty out of body thing ppl talk about with ketamine"],
     ["Temporary dissociation or feeling detached from reality."], []),
    (A, ["Honestly is ketamine even safe? It sounds like a party drug to me."],
     ["Ketamine infusions are safe when administered in a controlled setting"], []),
    (A, ["how do the staff keep ketamine side effects down?"],
     ["Proper preparation and monitoring minimize these risks."], []),
    (A, ["how do I know if lidocaine or ketamine is the one for me"],
     ["depends on your specific medical condition and treatment goals"], []),
    (A, ["lido vs ket - which one is more for mental health problems"],
     ["Primary Use | Neuropathic pain, CRPS | Pain and mental health disorders"], []),
    (A, ["Please, what I must tell to the doctor before the infusion? In my country I never had this."],
     ["Share your full medical history with your provider, including allergies and medications."], []),
    (A, ["wat clothes shud i wear for it"],
     ["Loose-fitting clothes make the process more comfortable."], []),
    (A, ["is the dosing more exact through a drip than by mouth"],
     ["bypassing the digestive system for faster absorption and more precise dosing"], []),
    (A, ["how are lidocaine and ketamine different in the way they work, like the chemistry"],
     ["Mechanism of Action | Sodium channel blocker | NMDA receptor antagonist"], []),
    (A, ["is there still hope if I have tried literally everything else?"],
     ["these treatments offer hope for those who have exhausted other options"], []),

    # 002 IV treatment for chronic pain
    (A, ["what do people usually try before they end up on iv treatment?"],
     ["traditional pain management approaches include oral medications, physical therapy, and lifestyle modifications"], []),
    (A, ["is it always a needle or can they use one of those little plastic tubes"],
     ["directly into a vein through a catheter or needle"], []),
    (A, ["in pain clinics is the IV a quick push or does it go in slowly over time?"],
     ["typically involves the controlled infusion of pain-relieving medications over a specified period"], []),
    (A, ["quick q between shifts (peds nurse, not pain) - do they ever run muscle relaxants in these pain drips?"],
     ["anti-inflammatory drugs, muscle relaxants, and specialized pain medications"], []),
    (A, ["is it one drip and done or do people keep going back?"],
     ["some patients receiving single infusions while others may require ongoing sessions"], []),
    (A, ["my friend has CIDP, what can IV medicine do for that"],
     ["can help restore nerve function and reduce the inflammation"], []),
    (A, ["minutes or hours?? how quick is an iv compared to swallowing something"],
     ["noticeable improvement within minutes rather than waiting hours for oral medications"], []),
    (A, ["can they change things while im hooked up if something goes wrong"],
     ["monitor patients closely and adjust treatment in real-time"], []),
    (A, ["what do they look at to decide if iv is right for someone?"],
     ["review each patient’s medical history, current medications, and pain characteristics"], []),
    (A, ["when would a doctor normally suggest going the IV route?"],
     ["when oral medications prove ineffective, cause intolerable side effects"], []),
    (A, ["who does the infusions and where, can i do it at home myself"],
     ["Healthcare professionals perform these treatments in clinical settings"], []),

    # 003 IV therapy for chronic pain (key takeaways, FAQ)
    (A, ["is there actual proof vitamin drips help pain or is it all instagram hype"],
     ["still a subject of ongoing research and debate"], []),
    (A, ["I was in a car crash 3 years back, still hurting, physio got me nowhere. is iv therapy for folks like that?"],
     ["chronic pain resulting from conditions such as car accidents or back injuries"], []),
    (A, ["whats actually in the bag? just salt water?"],
     ["a customized blend of medications, nutrients, and fluids"], []),
    (A, ["can they mix in antioxidants and minerals too?"],
     ["a combination of vitamins, minerals, antioxidants, and pain-relieving medications"], []),
    (A, ["can an IV give a stronger hit of painkiller than tablets?"],
     ["deliver higher concentrations of pain-relieving medications directly to the site of pain"], []),
    (A, ["does being dehydrated make pain worse? my nan never drinks enough"],
     ["essential for managing chronic pain, as dehydration can exacerbate pain symptoms"], []),
    (A, ["why would nutrients in a drip do anything for pain?"],
     ["inflammation and oxidative stress, which can be exacerbated by nutrient deficiencies"], []),
    (A, ["will it help me get moving again and back to normal life stuff"],
     ["can help improve mobility, function, and quality of life"], []),
    (A, ["can iv therapy be done alongside physio and acupuncture?"],
     ["complement other pain management interventions, such as physical therapy, acupuncture, or medication"], []),
    (A, ["does the effect stop as soon as they pull the needle out?"],
     ["can persist for an extended period after the infusion is complete"], []),
    (A, ["is it normal 2 get a red sore bit where the cannula went in? asking for my 15yo"],
     ["Discomfort, redness, or swelling at the site where the IV is inserted"], []),
    (A, ["what signs mean youre allergic to whats in the drip"],
     ["itching, rash, swelling, difficulty breathing, or anaphylaxis"], []),
    (A, ["could someone react to the preservatives rather than the drug itself?"],
     ["components of the IV solution, such as medications or preservatives"], []),
    (A, ["nurse mum here typing fast lol - can these pain ivs throw off K+ n other salts?"],
     ["affect electrolyte levels in the body, such as sodium, potassium"], []),
    (A, ["what happens if they put too much fluid in, what would you notice"],
     ["swelling, shortness of breath, and elevated blood pressure"], []),
    (A, ["can the pain meds in an IV make you sleepy or give you a headache?"],
     ["such as drowsiness, dizziness, nausea, or headache"], []),
    (A, ["can the drip stuff clash with other tablets people are already on?"],
     ["may interact with other medications that an individual is taking"], []),
    (A, ["does it help arthritis pain at all"],
     ["particularly beneficial for those with conditions like fibromyalgia, neuropathy, or arthritis"], []),
    (A, ["is iv therapy enough on its own?"],
     ["typically used in conjunction with other strategies for optimal results"], []),
    (A, ["that 2022 lidocaine case series study, what journal was it in?"],
     ["British Journal of Pain, 16(3), 270-280."], []),
    (A, ["who is a good candidate, in general?"],
     ["persistent or severe pain that has not responded well to other treatments"], []),
    (A, ["i hate swallowing tablets and they upset me. is the vein an alternative for people like that?"],
     ["IV therapy offers an alternative route of administration"], []),
    (A, ["my doctor said maybe a drip for my chronic pain, what other stuff would go with it in the plan"],
     ["physical therapy, medications, lifestyle modifications, and alternative therapies"], []),

    # 004 Which Types of IV Infusion Work for Chronic Pain?
    (A, ["what even is fibromyalgia, sorry if dumb question"],
     ["patients feel pain all over their body with no apparent cause"], []),
    (A, ["how commen is bad lower back pain, seems every man my age has it"],
     ["between one third and two-thirds of the population"], []),
    (A, ["how much money does chronic pain cost america each year"],
     ["the US spend $560 billion dollars a year on chronic pain"], []),
    (A, ["lost my leg below the knee in 09 and still get pain in the foot thats not there. can iv help that"],
     ["fibromyalgia, phantom limb pain, post-herpetic neuralgia, complex regional pain syndrome"], []),
    (A, ["my mother had a stroke and now has constant pain down one side. is that something infusions treat?"],
     ["complex regional pain syndrome as well as stroke pain"], []),
    (A, ["i read clonidine is one of the drugs they drip for pain, what are the others?"],
     ["The drugs that are available include Lidocaine, ketamine, clonidine, and magnesium."], []),
    (A, ["out of the drip drugs for pain, which has the most research behind it?"],
     ["Lidocaine is the most studied and best-researched option."], []),
    (A, ["will they give me enough ketamine to trip?"],
     ["far lower than a recreational dose which may make a patient hallucinate"], []),
    (A, ["is the infection risk any different from a normal hospital drip"],
     ["the same as if you had a drip in hospital!"], []),
    (A, ["have doctors been doing this for pain for ages?"],
     ["IV infusions have not been used to treat chronic pain for long."], []),
    (A, ["any research that says lidocaine drips are worth it?"],
     ["review study published in 2017 called lidocaine infusions"], []),
    (A, ["explain like im 12 how lidocaine stops the brain feeling pain"],
     ["stopping nerves that take a signal from the painful area"], []),
    (A, ["in simple words how does the ketamine stop pain"],
     ["stops pain signals from going up with spinal cord into the brain"], []),
    (A, ["does ketamine have risks of its own on top of the needle stuff"],
     ["ketamine has hallucinogenic properties as previously mentioned"], []),

    # ------------------------------------------------------------------
    # answer, multi-turn follow-ups (the last turn needs the earlier ones)
    # ------------------------------------------------------------------
    (A, ["how long does a lidocaine infusion take?", "and the ketamine one?"],
     ["The session usually lasts 1–4 hours"], []),
    (A, ["what side effects come with ketamine drips", "ok and for lidocaine?"],
     ["Side Effects | Mild dizziness, nausea | Dissociation, mild hallucinations"], []),
    (A, ["which drugs can they put in an iv for chronic pain", "wait, magnesium too? really?"],
     ["include Lidocaine, ketamine, clonidine, and magnesium"], []),
    (A, ["what is crps", "does lidocaine help it", "what about ketamine for that?"],
     ["CRPS and post-herpetic neuralgia respond well to ketamine"], []),
    (A, ["my husband has nerve pain in his feet from his diabetes",
         "could the numbing-drug drip be an option for that?"],
     ["the nerve pain caused by diabetes-related nerve damage"], []),
    (A, ["is infection a risk with ivs", "how do they stop that from happening?"],
     ["using sterile equipment and proper insertion techniques"], []),
    (A, ["what should i do to get ready for my first ketamine infusion", "can i drive myself home after?"],
     ["may feel drowsy after treatment, so plan for a ride home"], []),
    (A, ["what is ketamine used for", "does it help with ptsd too?"],
     ["Ketamine reduces the severity of PTSD symptoms in many patients."], []),
    (A, ["how does lidocaine work", "and ketamine, how does that one work?"],
     ["ketamine acts on the central nervous system by blocking NMDA"], []),
    (A, ["can an iv help with migraines", "better than the tablets for stopping an attack?"],
     ["help abort migraine episodes more effectively than traditional oral treatments"], []),
    (A, ["what can go wrong with iv therapy", "whats fluid overload mean?"],
     ["Receiving too much fluid through IV therapy can lead to fluid overload"], []),
    (A, ["isnt ketamine that horse drug?", "so why on earth do doctors use it then"],
     ["increasingly being researched for its pain relieving and antidepressant properties"], []),
    (A, ["how often do people get iv sessions for pain", "and after the first few weeks?"],
     ["others may require less frequent maintenance sessions"], []),
    (A, ["tell me about vitamin drips for pain", "any vitamin in particular?"],
     ["particularly vitamin B12, have shown promise in pain management"], []),
    (A, ["what studies back up lidocaine infusions?", "and is there one for ketamine?"],
     ["IV ketamine infusion therapy for chronic pain: A systematic review and meta-analysis."], []),
    (A, ["whats the difference between lidocaine and ketamine", "which is quicker to work?"],
     ["Onset of Relief | Immediate or short-term | Often within hours"], []),
    (A, ["can infusions help fibromyalgia", "which drug specifically is used for fibro?"],
     ["IV lidocaine infusion for fibromyalgia is an increasingly common treatment option."], []),
    (A, ["what are the usual risks of infusions", "and the rare serious ones?"],
     ["vein irritation, blood clots, or damage to surrounding tissues"], []),
    (A, ["does ketamine help depression", "how about anxiety?"],
     ["Ketamine’s effects on depression and anxiety often improve patients’ overall well-being."], []),
    (A, ["what kinds of medicine go into infusions", "what about steroids?"],
     ["Corticosteroids: To reduce swelling and pain."], []),
    (A, ["walk me through a ketamine appointment", "and before it starts, what do they do?"],
     ["The physician discusses your medical history and sets treatment goals."], []),
    (A, ["is lidocaine safe", "whats the worst that could happen with it?"],
     ["Rarely, more serious reactions such as irregular heartbeat."], []),
    (A, ["my mum is 78 and has had chronic back pain for years",
         "is that one of the things infusions get used for?"],
     ["cancer pain, and chronic back pain"], []),
    (A, ["can lidocaine help pain after surgery", "how soon would it kick in?"],
     ["Relief often begins within hours of the infusion."], []),
    (A, ["what should i wear to the appointment", "and water, should i be drinking loads beforehand?"],
     ["Drink plenty of water before your session unless instructed otherwise."], []),
    (A, ["how long does an infusion session last", "what decides if its a short one or a long one?"],
     ["anywhere from 30 minutes to several hours, depending on the medications used"], []),
    (A, ["i have chronic kidney problems", "does that change any of the iv risks?"],
     ["with kidney or heart conditions are at higher risk of fluid overload"], []),

    # ------------------------------------------------------------------
    # unanswerable: infusion-related, not answered by the five articles
    # ------------------------------------------------------------------
    ("unanswerable", ["can i eat breakfast before my ketamine drip or do i have to fast"], [], []),
    ("unanswerable", ["is a ketamine infusion safe to have while pregnant?"], [], []),
    ("unanswerable", ["can kids or teenagers get lidocaine infusions"], [], []),
    ("unanswerable", ["is ketamine addictive if you get it every month for years"], [], []),
    ("unanswerable", ["how does clonidine work when they give it in a drip?"], [], []),
    ("unanswerable", ["whats IVIG and how long does each bag take to go in"], [], []),
    ("unanswerable", ["port or PICC line, which is better for people who need regular infusions"], [], []),
    ("unanswerable", ["can they put numbing cream on my skin before the cannula goes in?"], [], []),
    ("unanswerable", ["can my daughter sit in the room with me during the treatment?"], [], []),
    ("unanswerable", ["am i allowed to watch netflix on my phone while its dripping"], [], []),
    ("unanswerable", ["is NAD+ iv therapy any good for pain"], [], []),
    ("unanswerable", ["whats in a myers cocktail drip"], [], []),
    ("unanswerable", ["is lidocaine infusion FDA approved for chronic pain?"], [], []),
    ("unanswerable", ["can u have a glass of wine the night after a ketamine session"], [], []),
    ("unanswerable", ["will a ketamine infusion show up on a drug test at work"], [], []),
    ("unanswerable", ["can lots of ketamine sessions damage your bladder"], [], []),
    ("unanswerable", ["what percentage of fibro patients actually get better with lidocaine"], [], []),
    ("unanswerable", ["does repeated ketamine mess with your memory long term?"], [], []),
    ("unanswerable", ["what is the half life of lidocaine in the blood"], [], []),
    ("unanswerable", ["who wrote that 2017 review that called lidocaine drips promising, and in what journal?"], [], []),
    ("unanswerable", ["spravato nose spray vs iv ketamine, whats the difference"], [], []),
    ("unanswerable", ["can you still have your infusion if you've got a cold or a temperature that week?"], [], []),
    ("unanswerable", ["what size of needle do they normally use for the drip"], [], []),
    ("unanswerable", ["is it ok to go to the gym straight after a lidocaine infusion?"], [], []),
    ("unanswerable", ["do lidocaine infusions help with ringing in the ears"], [], []),

    # ------------------------------------------------------------------
    # medical_advice: personal decisions about own medicines/doses/conditions
    # ------------------------------------------------------------------
    ("medical_advice", ["should i stop my gabapentin the day before my lidocaine infusion?"], [], []),
    ("medical_advice", ["i take tramadol 50mg twice a day. can i take an extra one after my ketamine session if it still hurts"], [], []),
    ("medical_advice", ["My wife is on warfarin. Should she skip her dose the morning of her IV appointment?"], [], []),
    ("medical_advice", ["I'm 10 weeks pregnant and booked in for ketamine next week, should I still go ahead?"], [], []),
    ("medical_advice", ["i have a pacemaker, is lidocaine safe for ME or should i cancel"], [], []),
    ("medical_advice", ["should I swap my lyrica for ketamine drips or keep taking both?"], [], []),
    ("medical_advice", ["can i double my duloxetine on the days i have an infusion"], [], []),
    ("medical_advice", ["my arm is sore from yesterdays iv, should i take ibuprofen and how many"], [], []),
    ("medical_advice", ["I am on sertraline 100mg daily. Do I need to come off it before starting ketamine?"], [], []),
    ("medical_advice", ["the infusions are working great, can i just quit my oxycodone cold turkey now"], [], []),

    # ------------------------------------------------------------------
    # clinic: booking, hours, location, insurance, parking, prices
    # ------------------------------------------------------------------
    ("clinic", ["what are ur opening hours on saturdays"], [], []),
    ("clinic", ["where is your clinic and is there anywhere to park?"], [], []),
    ("clinic", ["do you guys take blue cross blue shield"], [], []),
    ("clinic", ["how much do you charge for one ketamine session at your place"], [], []),
    ("clinic", ["how do i book my first consult with you"], [], []),
    ("clinic", ["need to move my thursday appt to next week, how do i do that"], [], []),
    ("clinic", ["Do you have an office closer to downtown? The drive is long for my husband."], [], []),
    ("clinic", ["do i need a referral from my gp before you'll see me"], [], []),
    ("clinic", ["whats the clinic phone number"], [], []),
    ("clinic", ["is there a charge if i cancel my appointment last minute?"], [], []),

    # ------------------------------------------------------------------
    # human: asking for a person
    # ------------------------------------------------------------------
    ("human", ["can i talk to a real person please"], [], []),
    ("human", ["put me thru to a nurse"], [], []),
    ("human", ["i dont want a bot, i want a human"], [], []),
    ("human", ["is there a receptionist i could chat to instead of this?"], [], []),
    ("human", ["get me someone from the staff pls"], [], []),
    ("human", ["I would rather a person rang me back, not a computer. Can someone call me?"], [], []),
    ("human", ["operator"], [], []),
    ("human", ["Could I speak to one of the doctors directly?"], [], []),

    # ------------------------------------------------------------------
    # out_of_scope: nothing to do with health
    # ------------------------------------------------------------------
    ("out_of_scope", ["whats the weather gonna be like tmrw"], [], []),
    ("out_of_scope", ["who won the football last night"], [], []),
    ("out_of_scope", ["can you give me a recipe for banana bread"], [], []),
    ("out_of_scope", ["how do I reverse a list in python"], [], []),
    ("out_of_scope", ["what is the capital of australia"], [], []),
    ("out_of_scope", ["how do i change a flat tyre on my car"], [], []),

    # ------------------------------------------------------------------
    # smalltalk
    # ------------------------------------------------------------------
    ("smalltalk", ["hello there"], [], ["greeting"]),
    ("smalltalk", ["thank u so much, that really helped"], [], ["thanks"]),
    ("smalltalk", ["ok bye for now"], [], ["goodbye"]),
    ("smalltalk", ["what sort of things can you help me with?"], [], ["help"]),
    ("smalltalk", ["good morning!"], [], ["greeting"]),
    ("smalltalk", ["cheers, appreciate it"], [], ["thanks"]),
]

EXCLUDED_LINES = {  # boilerplate that is not article text
    "- 3 Pain Management Treatment Options",
    "- Podiatry Treatments for Bunions: What You Should Know Before Considering Surgery",
    "- Choosing Between Subspecialties in Internal Medicine",
    "- How Journaling Can Help You Track and Manage Pain Over Time",
    "- The Impact of Primary Care on Reducing Healthcare Costs and Improving Access",
    "Leave a Reply", "No Comments", "Post A Comment",
}
KINDS = {"answer", "unanswerable", "medical_advice", "clinic", "human", "out_of_scope",
         "smalltalk", "emergency", "crisis", "not_emergency"}
INTENTS = {"greeting", "thanks", "goodbye", "help"}
TARGET = {"answer": 135, "unanswerable": 25, "medical_advice": 10, "clinic": 10,
          "human": 8, "out_of_scope": 6, "smalltalk": 6}


def load_lines():
    lines = []
    for path in sorted(glob.glob(os.path.join(SRC, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            for i, ln in enumerate(f.read().split("\n"), 1):
                if ln.strip() and ln.strip() not in EXCLUDED_LINES:
                    lines.append((os.path.basename(path), i, ln))
    return lines


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower().replace("’", "'"))


def main():
    errors = []
    lines = load_lines()
    # article 5-grams for the paraphrase check
    grams = set()
    for _, _, ln in lines:
        w = words(ln)
        for k in range(len(w) - 4):
            grams.add(tuple(w[k:k + 5]))

    records = []
    for n, (kind, turns, ev, intents) in enumerate(CASES, 1):
        records.append({"id": "q13b-%03d" % n, "kind": kind, "turns": turns,
                        "evidence": ev, "intents": intents})
    with open(OUT, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    # re-read and check the written file
    seen_last = {}
    counts = Counter()
    multi = 0
    with open(OUT, encoding="utf-8") as f:
        rows = [json.loads(l) for l in f if l.strip()]
    for n, r in enumerate(rows, 1):
        cid = r.get("id")
        if list(r.keys()) != ["id", "kind", "turns", "evidence", "intents"]:
            errors.append("%s: keys/order %s" % (cid, list(r.keys())))
        if cid != "q13b-%03d" % n:
            errors.append("%s: id out of sequence (expected q13b-%03d)" % (cid, n))
        kind = r["kind"]
        counts[kind] += 1
        if kind not in KINDS:
            errors.append("%s: bad kind %s" % (cid, kind))
        turns = r["turns"]
        if not (isinstance(turns, list) and 1 <= len(turns) <= 3 and
                all(isinstance(t, str) and t.strip() for t in turns)):
            errors.append("%s: bad turns" % cid)
        if len(turns) > 1:
            multi += 1
            if kind != "answer":
                errors.append("%s: multi-turn outside answer" % cid)
        last = " ".join(turns[-1].casefold().split())
        if last in seen_last:
            errors.append("%s: duplicate last turn of %s" % (cid, seen_last[last]))
        seen_last[last] = cid
        # paraphrase: no 5-word run shared with an article
        for t in turns:
            w = words(t)
            for k in range(len(w) - 4):
                if tuple(w[k:k + 5]) in grams:
                    errors.append("%s: copies article words %r" % (cid, " ".join(w[k:k + 5])))
                    break
        ev = r["evidence"]
        if kind == "answer":
            if not (1 <= len(ev) <= 2):
                errors.append("%s: answer needs 1-2 evidence strings" % cid)
            for e in ev:
                nw = len(e.split())
                if not 5 <= nw <= 12:
                    errors.append("%s: evidence has %d words: %r" % (cid, nw, e))
            hits = [(fn, i) for fn, i, ln in lines if ev and all(e in ln for e in ev)]
            if not hits:
                errors.append("%s: evidence not on one article line: %r" % (cid, ev))
        elif ev:
            errors.append("%s: evidence must be empty for %s" % (cid, kind))
        it = r["intents"]
        if kind == "smalltalk":
            if len(it) != 1 or it[0] not in INTENTS:
                errors.append("%s: smalltalk needs one intent, got %r" % (cid, it))
        elif it:
            errors.append("%s: intents must be empty for %s" % (cid, kind))

    for k, v in TARGET.items():
        if counts[k] != v:
            errors.append("count %s = %d, expected %d" % (k, counts[k], v))
    if not 25 <= multi <= 30:
        errors.append("multi-turn cases = %d, expected about 25" % multi)

    # coverage report: which article lines the evidence points at
    used = Counter()
    for r in rows:
        if r["kind"] == "answer":
            for fn, i, ln in lines:
                if all(e in ln for e in r["evidence"]):
                    used[fn] += 1
                    break
    for fn in sorted({fn for fn, _, _ in lines}):
        if used[fn] < 10:
            errors.append("article %s only has %d answer cases" % (fn, used[fn]))

    print("cases:", len(rows), dict(counts), "multi-turn:", multi)
    print("answer cases per article:", dict(sorted(used.items())))
    if errors:
        print("\n".join("FAIL " + e for e in errors))
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
