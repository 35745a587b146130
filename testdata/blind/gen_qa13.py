#!/usr/bin/env python3
"""Blind test set 13 for the infusion-therapy patient chatbot.

Every message below was typed by hand from the five source articles in
/work/shared/sources and general knowledge. Running this script writes
qa_final13.jsonl next to it and checks it; it exits 1 if any check fails.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "qa_final13.jsonl")
SRC_DIR = "/work/shared/sources"

# ---------------------------------------------------------------------------
# answer, single turn: (turns, evidence)
# ---------------------------------------------------------------------------
ANSWER_SINGLE = [
    # ---- 000 The Role of Infusion Therapy in Treating Chronic Pain
    (["what even is infusion therapy?? my pain doc keeps bringing it up and i just nod"],
     ["delivers medications directly into your bloodstream through a needle or catheter"]),
    (["do u have to stay overnight in a hospital for an infusion or is it a go home same day kinda thing"],
     ["It’s often used in outpatient settings, offering convenience and flexibility."]),
    (["How is a drip able to go after particular kinds of pain, like the nerve kind or tight muscles?"],
     ["target specific pain pathways, such as nerve signals, inflammation, or muscle tension"]),
    (["Asking for my father. What illnesses are these drips normally given for?"],
     ["fibromyalgia, chronic migraines, cancer pain, and chronic back pain"]),
    (["my friend with rheumatoid arthritis goes in for infusions every few weeks, what type of drug would that be?"],
     ["Biologics: Used for conditions like rheumatoid arthritis."]),
    (["whats step one if i want to try this, do i just turn up and they hook me up?"],
     ["typically begins with a consultation between the patient and their healthcare provider"]),
    (["will I be sitting up or lying down while the stuff goes in"],
     ["a comfortable setting like a treatment chair or bed"]),
    (["roughly how many hours will i be stuck there for an infusion, generally speaking?"],
     ["typically lasts anywhere from 30 minutes to several hours"]),
    (["if i didnt feel any better walking out after the drip, does that mean it didnt work?"],
     ["others may notice improvement over the next few days"]),
    (["Are there fewer side effects with the IV route than with tablets?"],
     ["patients often experience fewer side effects compared to oral medications"]),
    (["could a drip make me feel queasy"],
     ["Nausea: Sometimes caused by certain medications."]),
    (["can people be allergic to the stuff in the drip"],
     ["Some individuals may experience allergic reactions to components of the IV solution"]),
    (["My mum has a weak heart. Is there a particular problem people with heart trouble can get from IV fluid?"],
     ["excessive fluid can cause complications, especially in those with heart conditions"]),
    (["surgeon mentioned an operation for my back. is going under the knife a better route than infusions?"],
     ["often comes with longer recovery times and greater risks"]),
    (["compared with tablets, do infusions hit the pain more precisely?"],
     ["it offers faster relief and more precise targeting of pain"]),
    (["are people whose fibro or CRPS never improved on tablets the kind of patients infusions are for?"],
     ["who haven’t found relief from oral medications"]),
    (["does having infusions actually make people's lives better or is it hype"],
     ["tailor treatments for each patient, improving outcomes and quality of life"]),
    (["Why have infusions become such a big thing lately?"],
     ["has become popular for patients who don’t respond well to traditional treatments"]),
    (["who picks which medicine goes into the bag?"],
     ["select the most appropriate treatment based on each patient’s unique needs"]),
    (["do they keep an eye on my pulse and blood pressure during the session?"],
     ["will monitor vital signs and ensure the patient is comfortable"]),

    # ---- 001 Infusion Therapy (lidocaine and ketamine)
    (["why would a doctor bother with a drip when swallowing a tablet is way easier"],
     ["Oral medications, while convenient, have limitations.", "They may take hours to show effects"]),
    (["is iv therapy ever used for mental health things as well as pain?"],
     ["neuropathic disorders, and certain mental health conditions"]),
    (["my meds give me side effects so bad i had to quit them. is that a reason people end up on infusions?"],
     ["Patients experiencing side effects from oral medications that prevent their continued use."]),
    (["lidocaine... thats the numbing stuff right?"],
     ["best known for its role in numbing tissues during minor surgical procedures"]),
    (["what does lidocaine actually block, like at the level of the nerve cells?"],
     ["Lidocaine works by blocking sodium channels in nerve cells."]),
    (["Can lidocaine settle down that over-sensitive state where even light touch hurts?"],
     ["can help decrease hypersensitivity, a common feature of chronic pain syndromes"]),
    (["my cousin just got told she has CRPS. what is that like for people?"],
     ["often involves severe, burning pain in a limb", "This rare and debilitating condition"]),
    (["sugar diabetic here, feet burn all night from nerve damage. do lidocaine drips get used for that?"],
     ["Lidocaine helps manage the nerve pain caused by diabetes-related nerve damage."]),
    (["still sore 8 months after my knee op. do lidocaine infusions ever get used for pain that hangs around after an operation?"],
     ["Persistent pain following surgery can also benefit from lidocaine infusions."]),
    (["before they give you lidocaine do they check whether its suitable"],
     ["The provider evaluates your medical history and determines whether lidocaine is appropriate."]),
    (["how long does the lidocaine one run for"],
     ["administers the lidocaine intravenously over 30–60 minutes"]),
    (["after a lidocaine drip can u just get up and leave straight away?"],
     ["Post-treatment, you’ll be observed for side effects."]),
    (["how quick does lidocaine kick in"],
     ["Relief often begins within hours of the infusion."]),
    (["Does the lidocaine infusion come with lots of side effects?"],
     ["lidocaine infusions have fewer and milder side effects"]),
    (["wat is ketamine exactly, isnt it some kind of anaesthetic"],
     ["a dissociative anesthetic, to treat chronic pain and mood disorders"]),
    (["shingles was 2 years ago but the nerve pain never left. is ketamine something used for that?"],
     ["Conditions like CRPS and post-herpetic neuralgia respond well to ketamine."]),
    (["My brother served overseas and has PTSD. Do ketamine infusions do anything for that?"],
     ["Ketamine reduces the severity of PTSD symptoms in many patients."]),
    (["what goes on at the very start of a ketamine appointment"],
     ["The physician discusses your medical history and sets treatment goals."]),
    (["does everybody get the same amount of ketamine?"],
     ["with the dose tailored to your condition"]),
    (["how soon do people notice anything with ketamine"],
     ["Many patients experience relief within hours of their first session."]),
    (["can ketamine mean needing fewer opioid painkillers?"],
     ["Ketamine lowers the need for opioid medications in pain management."]),
    (["how do they keep the ketamine risks low"],
     ["Proper preparation and monitoring minimize these risks."]),
    (["what does choosing lidocaine vs ketamine usually come down to?"],
     ["depends on your specific medical condition and treatment goals"]),
    (["Do you need to be assessed properly before going for either lidocaine or ketamine?"],
     ["a thorough evaluation by a qualified provider is essential"]),
    (["what info should i give my provider ahead of an infusion"],
     ["Share your full medical history with your provider, including allergies and medications."]),
    (["is it a good idea to drink lots of water before an infusion"],
     ["Drink plenty of water before your session unless instructed otherwise."]),
    (["i've tried literally everything for my pain. are infusions for people like that who are out of options?"],
     ["offer hope for those who have exhausted other options"]),
    (["can they watch how I'm reacting the whole time it's running?"],
     ["allows for continuous monitoring of the patient’s response during treatment"]),
    (["is the lidocaine done somewhere proper like a clinic or could it be anywhere"],
     ["performed in a controlled clinical setting"]),
    (["do they check heart rate etc during a lidocaine drip"],
     ["your vital signs are closely monitored to ensure safety"]),
    (["When normal treatment hasn't worked or the side effects were too much, is that when drips come in?"],
     ["especially beneficial when other treatments fail or are unsuitable"]),
    (["why does ketamine help depression, what's the idea behind it"],
     ["makes it effective for treating certain mental health conditions"]),
    (["are infusions used for nerve pain problems like crps?"],
     ["nerve pain conditions, such as complex regional pain syndrome (CRPS)"]),
    (["do ketamine drips help with anxiety at all"],
     ["Ketamine’s effects on depression and anxiety often improve patients’ overall well-being."]),
    (["can people actually get their life back with these treatments?"],
     ["you can achieve significant relief and reclaim your quality of life"]),
    (["does iv mean the dose is more exact than pills"],
     ["bypassing the digestive system for faster absorption and more precise dosing"]),

    # ---- 002 IV treatment for chronic pain
    (["what can actually be put in an IV, is it only drugs?"],
     ["medications, nutrients, or fluids directly into a vein"]),
    (["who does IV treatments and where? like is it done in a clinic"],
     ["Healthcare professionals perform these treatments in clinical settings"]),
    (["are muscle relaxers ever given through a vein for pain?"],
     ["anti-inflammatory drugs, muscle relaxants, and specialized pain medications"]),
    (["When would a doctor suggest IV pain treatment instead of tablets?"],
     ["when oral medications prove ineffective, cause intolerable side effects"]),
    (["is it one infusion and done or do u need loads of them"],
     ["some patients receiving single infusions while others may require ongoing sessions"]),
    (["i get awful migraines like 3 times a week and the pills barely touch them. can an iv help with that?"],
     ["Migraine sufferers who experience frequent, severe headaches may find relief"]),
    (["how fast do IV pain meds work vs tablets? minutes or hours?"],
     ["noticeable improvement within minutes rather than waiting hours"]),
    (["are drips any use when im in the middle of a bad flare up"],
     ["particularly beneficial during pain flares"]),
    (["if something's not right halfway through, can they change the drip?"],
     ["monitor patients closely and adjust treatment in real-time"]),
    (["can they mix a few different meds into one drip depending on the person"],
     ["customize medication combinations and concentrations based on individual patient needs"]),
    (["what does the doctor look at when deciding if IV treatment suits someone?"],
     ["review each patient’s medical history, current medications, and pain characteristics"]),
    (["Physio and changing my diet and exercise did nothing for me. Is IV therapy something people try after that?"],
     ["Intravenous therapy has emerged as an alternative approach", "some patients find these methods insufficient"]),
    (["CIDP — what kind of illness is it?"],
     ["This neurological disorder causes inflammation and nerve damage."]),

    # ---- 003 IV therapy for chronic pain (key takeaways, FAQ)
    (["does iv therapy actually reduce chronic pain, yes or no"],
     ["medications like Lidocaine and Ketamine were shown to reduce chronic pain"]),
    (["I was rear-ended two years ago and my neck still kills, nothing has helped. Do IVs help people after crashes like that?"],
     ["conditions such as car accidents or back injuries"]),
    (["can those vitamin type drips help with pain from an illness like cancer?"],
     ["disease-related pain, such as cancer or fibromyalgia"]),
    (["whats in one of those custom iv blends"],
     ["a combination of vitamins, minerals, antioxidants, and pain-relieving medications"]),
    (["are IV drips stronger than pills?"],
     ["higher concentrations of pain-relieving medications directly to the site of pain"]),
    (["how do nutrients in an iv help inflamed tissue?"],
     ["supporting cellular function, reducing inflammation, and promoting tissue repair"]),
    (["would IV therapy help my nan get around the house a bit better"],
     ["can help improve mobility, function, and quality of life"]),
    (["can IV therapy go alongside acupuncture and physio or is it one or the other"],
     ["complement other pain management interventions, such as physical therapy, acupuncture, or medication"]),
    (["does the relief keep going after the bag is empty?"],
     ["can persist for an extended period after the infusion"]),
    (["last time the spot where the cannula went in got a bit red and puffy for a day, is that a known thing?"],
     ["Discomfort, redness, or swelling at the site where the IV is inserted"]),
    (["can an iv throw off your potassium or sodium levels"],
     ["IV therapy can affect electrolyte levels in the body"]),
    (["what does it look like if someone gets too much fluid from an IV"],
     ["swelling, shortness of breath, and elevated blood pressure"]),
    (["my aunt is on dialysis. are people with kidney problems more at risk of anything with drips?"],
     ["Individuals with kidney or heart conditions are at higher risk"]),
    (["can the meds in the drip make u drowsy or give u a headache"],
     ["drowsiness, dizziness, nausea, or headache"]),
    (["Can IV pain treatments interact with other medicines people take?"],
     ["may interact with other medications that an individual is taking"]),
    (["will they go through what meds im already on before setting up the drip"],
     ["review medication histories and adjust IV therapy formulations accordingly"]),
    (["any rare but serious problems with IV therapy I should know about?"],
     ["vein irritation, blood clots, or damage to surrounding tissues"]),
    (["is arthritis one of the things iv therapy helps"],
     ["conditions like fibromyalgia, neuropathy, or arthritis"]),
    (["I've already had injections and physio with no luck. Is that the sort of person IV therapy is aimed at?"],
     ["such as oral medications, physical therapy, or injections"]),
    (["how often would the sessions be at first"],
     ["Some individuals may benefit from weekly sessions initially"]),
    (["is iv therapy normally used all by itself?"],
     ["typically used in conjunction with other strategies for optimal results"]),
    (["what research is there on lidocaine drips? any actual studies?"],
     ["Intravenous Lidocaine for Treatment of Chronic Pain: A Retrospective Cohort Study"]),
    (["has anyone pooled the studies on ketamine infusions together, like a big review?"],
     ["IV ketamine infusion therapy for chronic pain: A systematic review and meta-analysis"]),
    (["was there a case series done on lidocaine drips for pain?"],
     ["Lidocaine infusions in chronic pain management: A prospective case series analysis"]),
    (["i had a gastric bypass and absorb stuff badly. does IV get round that?"],
     ["For individuals with gastrointestinal issues or malabsorption problems"]),
    (["would this mean swallowing fewer pills every day"],
     ["may reduce reliance on oral medications"]),
    (["does oxidative stress have anything to do with long term pain?"],
     ["associated with inflammation and oxidative stress"]),
    (["do the nurses check your electrolytes while the IV is running"],
     ["Healthcare providers monitor electrolyte levels closely during IV therapy"]),
    (["is the relief from an iv longer lasting than from tablets"],
     ["may provide longer-lasting pain relief compared to oral medications"]),

    # ---- 004 Which Types of IV Infusion Work for Chronic Pain?
    (["how common is long-term lower back pain actually?"],
     ["two-thirds of the population suffers from chronic lower back pain"]),
    (["whats fibromyalgia in plain english"],
     ["patients feel pain all over their body with no apparent cause"]),
    (["how much does chronic pain cost the US every year?"],
     ["the US spend $560 billion dollars a year on chronic pain"]),
    (["grandpa had a stroke last year and his left side has hurt ever since. is that a kind of pain IV infusions are used for?"],
     ["complex regional pain syndrome as well as stroke pain"]),
    (["can magnesium go in a drip for pain?"],
     ["The drugs that are available include Lidocaine, ketamine, clonidine, and magnesium."]),
    (["is lidocaine getting more common for fibro?"],
     ["IV lidocaine infusion for fibromyalgia is an increasingly common treatment option"]),
    (["if the nerves stop firing, why does that mean no pain?"],
     ["without a signal the brain cannot detect pain"]),
    (["isnt ketamine a horse drug??"],
     ["its equestrian use as a horse tranquilizer"]),
    (["will the ketamine amount make me trip out?"],
     ["far lower than a recreational dose which may make a patient hallucinate"]),
    (["are scientists looking at ketamine as an antidepressant"],
     ["increasingly being researched for its pain relieving and antidepressant properties"]),
    (["is the infection risk from the needle any different from a normal hospital drip?"],
     ["some risk of infection from the needle"]),
    (["is the evidence for pain drips growing or not really?"],
     ["an increasing body of scientific work"]),
    (["have drips for chronic pain been around for ages?"],
     ["IV infusions have not been used to treat chronic pain for long."]),
    (["what did that 2017 review say about lidocaine"],
     ["a promising therapeutic approach for chronic pain!"]),
    (["where does ketamine block the pain on its way up?"],
     ["stops pain signals from going up with spinal cord into the brain"]),
    (["are lots of people living with chronic pain or is it just me?"],
     ["significant proportion of the population is living with a chronic pain syndrome"]),
    (["any studies on the nursing side of IV lidocaine for nerve pain?"],
     ["A Systematic Review Addressing Nursing Care"]),
    # ---- extra single-turn facts, one per line of the articles
    (["what have sodium channels got to do with feeling pain?"],
     ["play a key role in transmitting pain signals"]),
    (["whats the single biggest plus of getting an infusion"],
     ["One of the biggest benefits is the rapid relief it provides"]),
    (["if someone's pain is so bad they need relief fast, is that a reason for an infusion?"],
     ["Those seeking rapid relief for debilitating pain."]),
    (["is it fine to bring up side effects while the drip is still going, or do i wait till the end?"],
     ["discuss any side effects or concerns with the healthcare provider"]),
    (["are lidocaine and ketamine drips getting more well known these days?"],
     ["These treatments are gaining widespread recognition for their effectiveness in alleviating pain"]),
    (["how quickly does the medicine get up to a level where it actually works when it's IV?"],
     ["reaches therapeutic levels in the body quickly and efficiently"]),
    (["is someone keeping watch over the patient for the whole IV treatment?"],
     ["monitoring patients throughout the process to track responses"]),
    (["do all the IV pain medicines work the same way?"],
     ["Each medication works through different mechanisms to address pain signals"]),
    (["how many months will people need IV treatment for, usually?"],
     ["The treatment frequency and duration depend on individual circumstances"]),
    (["why is it safer having the IV done in a clinic with staff around?"],
     ["quickly identify any adverse reactions, promoting safer treatment outcomes"]),
    (["Do patients get any say in their own IV treatment plan?"],
     ["collaborate with patients to develop individualized treatment plans"]),
    (["the sore bit where the needle went in - does that go away on its own usually?"],
     ["These reactions are usually mild and temporary"]),
    (["do the vitamins in these drips do anything for general health, not just pain?"],
     ["can support overall health and well-being"]),
    (["when's the right time to ask about side effects - before or after you start the IV?"],
     ["discuss potential side effects with a healthcare provider before undergoing IV therapy"]),
    (["has anyone questioned whether low dose ketamine drips are really backed by good evidence?"],
     ["Does this qualify as evidence-based practice?"]),
    (["are the usual treatments for chronic pain actually good enough?"],
     ["the common treatment options leave a lot to be desired"]),
    (["r infusions totally risk free?"],
     ["No treatment comes without risks.", "And so IV infusions are no exception."]),
    (["does how bad the pain is change how often you have to go in?"],
     ["vary depending on individual needs, pain severity, and treatment response"]),
]

# ---------------------------------------------------------------------------
# answer, multi turn: (turns, evidence) - the last turn only makes sense after the others
# ---------------------------------------------------------------------------
ANSWER_MULTI = [
    (["how long does a lidocaine drip usually take?", "and for ketamine?"],
     ["The session usually lasts 1–4 hours"]),
    (["what mental health problems can ketamine drips help", "what about if normal antidepressants havent worked?"],
     ["Ketamine can improve mood in patients resistant to traditional antidepressants."]),
    (["what side effects does lidocaine have?", "do they last long?"],
     ["These effects are typically short-lived and resolve quickly under medical supervision."]),
    (["which conditions do infusions get used for?", "what about my back then?"],
     ["fibromyalgia, chronic migraines, cancer pain, and chronic back pain"]),
    (["so lidocaine blocks sodium channels or something", "how does ketamine do it then?"],
     ["acts on the central nervous system by blocking NMDA (N-methyl-D-aspartate) receptors"]),
    (["what sorts of medicine can they put in an infusion", "what are the steroid ones for?"],
     ["Corticosteroids: To reduce swelling and pain."]),
    (["can you get an infection from an IV?", "how do they stop that happening?"],
     ["using sterile equipment and proper insertion techniques"]),
    (["my friend had a ketamine infusion last week", "she said she felt spaced out, like watching herself from outside",
      "is that normal for it?"],
     ["Temporary dissociation or feeling detached from reality."]),
    (["what should i do to get ready for my first infusion?", "and clothes wise?"],
     ["Loose-fitting clothes make the process more comfortable."]),
    (["what are ketamines side effects", "so is it dangerous?"],
     ["Ketamine infusions are safe when administered in a controlled setting"]),
    (["whats CIDP", "can drips do anything for it?"],
     ["Specialized IV medications can help restore nerve function"]),
    (["can IV treatment help migraines?", "why would it work better than pills for that?"],
     ["The rapid onset of IV medications can help abort migraine episodes"]),
    (["can an IV mess with your electrolytes?", "what would that feel like?"],
     ["muscle cramps, weakness, irregular heartbeat, or confusion"]),
    (["can you be allergic to what's in a drip", "what are the signs?"],
     ["itching, rash, swelling, difficulty breathing, or anaphylaxis"]),
    (["how often do ppl get IV therapy sessions", "and later on once its working?"],
     ["others may require less frequent maintenance sessions"]),
    (["is ketamine ever used for cancer pain?", "is it the first thing doctors reach for?"],
     ["Ketamine is a last-resort option for managing intractable cancer-related pain."]),
    (["what happens before a lidocaine infusion", "ok and who actually puts it in?"],
     ["A nurse or physician administers the lidocaine intravenously"]),
    (["what happens after a ketamine session finishes?", "so will i need someone to drive me?"],
     ["so plan for a ride home", "Some patients may feel drowsy after treatment"]),
    (["what vitamins do they put in IV therapy for pain?", "does b12 actually do anything?"],
     ["particularly vitamin B12, have shown promise in pain management"]),
    (["does IV therapy really work for chronic pain", "so the jury's still out?"],
     ["still a subject of ongoing research and debate"]),
    (["why does ketamine have such a bad rep", "how much do they give you then, loads?"],
     ["A very small amount of the drug is infused"]),
    (["isnt lidocaine what the dentist numbs you with", "so how does that help long term pain??"],
     ["can modulate how pain signals travel through the nervous system"]),
    (["how do infusions stack up against surgery?", "and vs acupuncture or physio?"],
     ["may not offer the immediate relief that this therapy provides"]),
    (["my sister has fibromyalgia", "are drips something people with that get?",
      "what do people say after having lidocaine for it?"],
     ["Patients report reduced muscle pain and better functionality after lidocaine treatments."]),
    (["how is ketamine different from lidocaine?", "whats this brain rewiring thing people mention?"],
     ["promotes neuroplasticity, allowing the brain to form new, healthier connections"]),
    (["do they use anti-inflammatories in infusions?", "give me an example of one"],
     ["NSAIDs: To reduce inflammation and pain (e.g., ketorolac)."]),
    (["can opioids be given through an IV?", "which ones?"],
     ["Opioids: For severe pain (e.g., morphine, fentanyl)."]),
    (["does lidocaine help diabetic nerve pain?", "what about nerve pain from chemo?"],
     ["like chemotherapy-induced neuropathy or idiopathic peripheral neuropathy"]),
    (["ketamine can cut down opioid use right?", "does lidocaine do that too?"],
     ["an option for those who want to avoid or reduce opioid use"]),
    (["does IV therapy hydrate you?", "why does that matter for pain though?"],
     ["dehydration can exacerbate pain symptoms"]),
    (["can IV therapy on its own fix chronic pain?", "what else would it get combined with?"],
     ["physical therapy, medications, lifestyle modifications, and alternative therapies"]),
    (["which drugs can you get as an IV for chronic pain?", "which of those has been studied the most?"],
     ["Lidocaine is the most studied and best-researched option."]),
    (["my grandad lost his leg years ago", "he still gets pain where his foot used to be",
      "could an IV infusion help with that?"],
     ["phantom limb pain, post-herpetic neuralgia"]),
    (["how long does an infusion take in general?", "will i feel better straight away?"],
     ["Some patients experience immediate relief", "others may notice improvement over the next few days"]),
    (["why not just take pills instead of a drip?", "do pills really lose strength in your gut?"],
     ["some medications lose potency when processed by the digestive system"]),
    (["who are infusions meant for?", "what about people whose stomach doesnt absorb tablets properly?"],
     ["Those with conditions that affect medication absorption, such as gastrointestinal issues."]),
    (["tell me about lidocaine infusions", "could it affect the heart?"],
     ["Rarely, more serious reactions such as irregular heartbeat."]),
    (["my husband has his first ketamine infusion tomorrow", "how long will he be there?",
      "and do they keep him after?"],
     ["Patients are observed briefly after the treatment to ensure they are stable."]),
]

# ---------------------------------------------------------------------------
# unanswerable: on topic or nearby, but the five articles do not answer it
# ---------------------------------------------------------------------------
UNANSWERABLE = [
    ["roughly what does one ketamine infusion cost in the US without insurance, ballpark nationwide?"],
    ["is a lidocaine infusion safe during pregnancy"],
    ["can a mum breastfeed after having a ketamine infusion or does she need to pump and dump?"],
    ["Does ketamine interact with lamotrigine?"],
    ["do lidocaine drips interact with blood thinners like warfarin"],
    ["what is a PICC line"],
    ["for people who need lots of infusions, is a port better than a normal cannula?"],
    ["are ketamine infusions addictive"],
    ["will ketamine from an infusion show up on a workplace drug test"],
    ["can children have lidocaine infusions, like a 12 year old?"],
    ["do you need to fast before an infusion or can people eat breakfast"],
    ["is it safe to drink alcohol the night after a ketamine infusion?"],
    ["is ketamine FDA approved for chronic pain"],
    ["whats the difference between spravato nasal spray and IV ketamine"],
    ["what is the maximum dose of lidocaine in mg per kg for an infusion"],
    ["what percentage of CRPS patients get better with ketamine infusions, is there a success rate?"],
    ["can ketamine help with OCD"],
    ["does IV lidocaine do anything for tinnitus"],
    ["are NAD+ drips any good for chronic fatigue"],
    ["can an iron infusion give you joint pain afterwards"],
    ["do IVIG infusions cause headaches"],
    ["can ketamine damage the bladder if you have it long term"],
    ["can ketamine infusions cause long-term memory problems"],
    ["is glutathione IV good for your skin"],
    ["how many days off work do people usually need after ketamine"],
    ["what size needle do they normally use for an IV drip"],
    ["do they put numbing cream on before the cannula goes in?"],
    ["can high dose vitamin C through an IV actually cure cancer"],
    ["are infusions safe for people with epilepsy"],
    ["when was ketamine first invented"],
    ["what is the actual name of the drug they infuse for CIDP"],
    ["does ketamine work for bipolar depression too"],
    ["how long does it take to train as an infusion nurse"],
    ["can infusion therapy help endometriosis pain"],
    ["what dose of magnesium goes in a pain infusion"],
    ["does ketamine raise or lower your blood pressure"],
    ["why do some people get a metallic taste during a lidocaine infusion"],
]

# ---------------------------------------------------------------------------
MEDICAL_ADVICE = [
    ["should i stop my gabapentin before my lidocaine infusion next week?"],
    ["can I take my usual oxycodone the morning of my ketamine session"],
    ["I have bipolar 2. is ketamine ok for me?"],
    ["my doctor offered me both lidocaine and ketamine for my CRPS. which one should I go with?"],
    ["im on sertraline, should i skip it the day of my infusion"],
    ["if the pain comes back after my infusion is it ok for me to double up on ibuprofen?"],
    ["My mum is on warfarin — should she stop taking it before her drip on Friday?"],
    ["I have heart failure. should I go ahead and get infusion therapy?"],
    ["can I just stop my fentanyl patches and switch to infusions instead?"],
    ["missed my last 2 ketamine sessions because of work, should I restart on the same dose or lower?"],
    ["is IV therapy right for my fibromyalgia or should I stay on my pregabalin"],
    ["I'm 71 with stage 3 kidney disease. should I risk an IV drip for my back pain?"],
    ["can i take a sleeping tablet tonight after my ketamine infusion"],
    ["my lidocaine wears off after 10 days, should i ask to get it more often or up the dose?"],
    ["is it safe for me to keep using my CBD oil while I'm having ketamine infusions"],
]

CLINIC = [
    ["how do i book an appointment"],
    ["what time do you open on saturdays?"],
    ["where is your clinic located"],
    ["do you take blue cross insurance"],
    ["how much do you guys charge for a ketamine infusion"],
    ["is there parking at the clinic or do i need to find a garage"],
    ["can i move my appointment to next tuesday afternoon"],
    ["are you open late any evenings? i work 9-5"],
    ["do I need a referral from my GP to book with you?"],
    ["whats the price of a lidocaine session at ur place"],
    ["is your office wheelchair accessible, my dad uses a chair"],
    ["do you accept medicare"],
    ["I need to cancel my infusion tomorrow morning"],
    ["what's your address? want to put it in my satnav"],
    ["do u do payment plans for the infusions"],
]

HUMAN = [
    ["can i talk to a real person"],
    ["i want to speak to a nurse please"],
    ["get me a doctor on the phone"],
    ["is there a human I can chat with instead of a bot?"],
    ["can someone from your staff call me back"],
    ["put me through to the infusion nurse"],
    ["tbh i'd rather talk with an actual human being"],
    ["operator"],
    ["pls connect me to somebody who works there"],
    ["Can I speak to the doctor directly?"],
    ["agent please"],
    ["transfer me to a live person"],
    ["my husband wants to talk to one of your nurses, can you set that up?"],
    ["I don't want a computer. I want a person."],
    ["could a staff member message me back today"],
]

OUT_OF_SCOPE = [
    ["what's the weather going to be like tomorrow in chicago"],
    ["who won the super bowl last year?"],
    ["give me a good recipe for lasagna"],
    ["can u help with my algebra homework, solve 2x+5=13"],
    ["write me a poem about the sea"],
    ["what is the capital of australia"],
    ["recommend a good netflix show to binge"],
    ["how do i fix a flat bike tyre"],
    ["translate good morning into french"],
    ["which phone should I buy right now, iphone or samsung?"],
    ["how many ounces are in a cup"],
    ["tell me a joke about cats"],
    ["who is playing in the champions league final"],
    ["how do I reset my wifi router"],
    ["whats a good name for my new puppy"],
]

SMALLTALK = [
    (["hi"], "greeting"),
    (["hello there!"], "greeting"),
    (["good morning"], "greeting"),
    (["hey :)"], "greeting"),
    (["thanks so much"], "thanks"),
    (["ty that helped"], "thanks"),
    (["cheers mate"], "thanks"),
    (["thank you, very useful"], "thanks"),
    (["bye"], "goodbye"),
    (["ok see ya"], "goodbye"),
    (["that's all for now, goodbye"], "goodbye"),
    (["what can you do?"], "help"),
    (["how do i use this thing"], "help"),
    (["help"], "help"),
    (["what kinds of things can I ask you?"], "help"),
]

TARGETS = {"answer": (160, 180), "unanswerable": (34, 38), "medical_advice": (15, 15),
           "clinic": (15, 15), "human": (15, 15), "out_of_scope": (15, 15), "smalltalk": (15, 15)}
KINDS = {"answer", "unanswerable", "medical_advice", "clinic", "human", "out_of_scope",
         "smalltalk", "emergency", "crisis", "not_emergency"}
INTENTS = {"greeting", "thanks", "goodbye", "help"}
KEYS = ["id", "kind", "turns", "evidence", "intents"]


def build():
    cases = []
    for turns, ev in ANSWER_SINGLE:
        cases.append(("answer", turns, ev, []))
    for turns, ev in ANSWER_MULTI:
        cases.append(("answer", turns, ev, []))
    for turns in UNANSWERABLE:
        cases.append(("unanswerable", turns, [], []))
    for turns in MEDICAL_ADVICE:
        cases.append(("medical_advice", turns, [], []))
    for turns in CLINIC:
        cases.append(("clinic", turns, [], []))
    for turns in HUMAN:
        cases.append(("human", turns, [], []))
    for turns in OUT_OF_SCOPE:
        cases.append(("out_of_scope", turns, [], []))
    for turns, intent in SMALLTALK:
        cases.append(("smalltalk", turns, [], [intent]))
    rows = []
    for i, (kind, turns, ev, intents) in enumerate(cases, 1):
        rows.append({"id": "q13-%03d" % i, "kind": kind, "turns": list(turns),
                     "evidence": list(ev), "intents": list(intents)})
    return rows


def load_sources():
    src = {}
    for path in sorted(glob.glob(os.path.join(SRC_DIR, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            src[os.path.basename(path)] = f.read().split("\n")
    return src


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower())


def check(rows, src):
    errors = []
    # n-gram index of the articles, to catch questions that copy article wording
    N = 6
    grams = set()
    for lines in src.values():
        for line in lines:
            w = words(line)
            for k in range(len(w) - N + 1):
                grams.add(tuple(w[k:k + N]))
    seen_last = {}
    ev_lines = set()
    docs_used = set()
    multi = 0
    with open(OUT, encoding="utf-8") as f:
        file_rows = [json.loads(l) for l in f if l.strip()]
    if file_rows != rows:
        errors.append("file content differs from built rows")
    for n, r in enumerate(file_rows, 1):
        rid = r.get("id")
        if list(r.keys()) != KEYS:
            errors.append("%s: keys %s" % (rid, list(r.keys())))
            continue
        if rid != "q13-%03d" % n:
            errors.append("%s: id out of sequence (expected q13-%03d)" % (rid, n))
        kind = r["kind"]
        if kind not in KINDS:
            errors.append("%s: bad kind %r" % (rid, kind))
        turns = r["turns"]
        if not (isinstance(turns, list) and 1 <= len(turns) <= 3
                and all(isinstance(t, str) and t.strip() for t in turns)):
            errors.append("%s: bad turns" % rid)
            continue
        if len(turns) > 1:
            if kind != "answer":
                errors.append("%s: multi-turn only planned for answer" % rid)
            multi += 1
        last = " ".join(turns[-1].casefold().split())
        if last in seen_last:
            errors.append("%s: duplicate last turn with %s" % (rid, seen_last[last]))
        seen_last[last] = rid
        for t in turns:
            w = words(t)
            for k in range(len(w) - N + 1):
                if tuple(w[k:k + N]) in grams:
                    errors.append("%s: turn copies article wording: %s" % (rid, " ".join(w[k:k + N])))
                    break
        ev = r["evidence"]
        intents = r["intents"]
        if not isinstance(ev, list) or not isinstance(intents, list):
            errors.append("%s: evidence/intents not lists" % rid)
            continue
        if kind == "answer":
            if not 1 <= len(ev) <= 2:
                errors.append("%s: need 1-2 evidence strings" % rid)
            for e in ev:
                nw = len(e.split())
                if not 5 <= nw <= 12:
                    errors.append("%s: evidence has %d words: %r" % (rid, nw, e))
                if e != e.strip():
                    errors.append("%s: evidence has outer white space" % rid)
            hits = [(doc, i) for doc, lines in src.items() for i, line in enumerate(lines)
                    if ev and all(e in line for e in ev)]
            if not hits:
                errors.append("%s: evidence not all on one source line: %r" % (rid, ev))
            else:
                docs = {d for d, _ in hits}
                if len(docs) > 1:
                    errors.append("%s: evidence matches several articles %s" % (rid, sorted(docs)))
                for h in hits:
                    ev_lines.add(h)
                    docs_used.add(h[0])
        else:
            if ev:
                errors.append("%s: evidence must be empty for %s" % (rid, kind))
        if kind == "smalltalk":
            if len(intents) != 1 or intents[0] not in INTENTS:
                errors.append("%s: smalltalk needs one intent of %s" % (rid, sorted(INTENTS)))
        elif intents:
            errors.append("%s: intents must be empty for %s" % (rid, kind))
    counts = {}
    for r in file_rows:
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    for k, (lo, hi) in TARGETS.items():
        if not lo <= counts.get(k, 0) <= hi:
            errors.append("count %s=%d outside %d-%d" % (k, counts.get(k, 0), lo, hi))
    if not 30 <= multi <= 40:
        errors.append("multi-turn answer count %d outside 30-40" % multi)
    if docs_used != set(src):
        errors.append("articles without evidence: %s" % sorted(set(src) - docs_used))
    per_doc = {}
    for d, _ in ev_lines:
        per_doc[d] = per_doc.get(d, 0) + 1
    return errors, counts, multi, per_doc, len(ev_lines)


def main():
    rows = build()
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    src = load_sources()
    errors, counts, multi, per_doc, nlines = check(rows, src)
    print("total cases:", len(rows))
    for k in sorted(counts):
        print("  %-15s %d" % (k, counts[k]))
    print("  multi-turn answers:", multi)
    print("distinct evidence lines:", nlines, per_doc)
    if errors:
        print("\n%d check(s) failed:" % len(errors))
        for e in errors:
            print("  -", e)
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
