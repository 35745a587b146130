#!/usr/bin/env python3
"""Generator for qa_train7.jsonl (blind TRAINING cases, ids t7q-NNNN).

Every message below was typed by hand. Running this script writes
qa_train7.jsonl next to it and checks it; it exits 1 if any check fails.
"""
import json, os, re, sys, glob

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "qa_train7.jsonl")
SRC = "/work/shared/sources"

# (kind, turns, evidence)
CASES = []

def A(q, *ev):
    CASES.append(("answer", [q], list(ev)))

def M(turns, *ev):
    CASES.append(("answer", list(turns), list(ev)))

def U(q):
    CASES.append(("unanswerable", [q], []))

def UM(turns):
    CASES.append(("unanswerable", list(turns), []))

# ---------------------------------------------------------------- 000 (MS Pain & Migraine blog)
A("wat even is infusion therapy lol my dr keeps saying it like i know",
  "delivers medications directly into your bloodstream through a needle or catheter")
A("why a drip and not just pills",
  "ensures quicker absorption and faster therapeutic effects compared to oral medications")
A("Does the medicine skip my stomach completely when it's given that way?",
  "It bypasses the digestive system, allowing medications to reach")
A("is this a stay overnight in the hospital thing or do u go home same day",
  "It’s often used in outpatient settings, offering convenience and flexibility")
A("who usually ends up on these drips? ppl who tried everything else?",
  "become popular for patients who don’t respond well to traditional treatments")
A("how does a drip know where my pain even is",
  "target specific pain pathways, such as nerve signals, inflammation, or muscle tension")
A("my sister has crps and fibro. is that the kind of stuff they do drips for??",
  "Complex Regional Pain Syndrome (CRPS), fibromyalgia, chronic migraines, cancer pain")
A("wat conditions r these for",
  "fibromyalgia, chronic migraines, cancer pain, and chronic back pain")
A("bad back for 10 yrs, disc stuff, nothing helps. would a drip even be used for back pain or is it more for rare diseases",
  "cancer pain, and chronic back pain")
A("do they ever put real opioids like morphine in the bag",
  "Opioids: For severe pain (e.g., morphine, fentanyl).")
A("is there an anti inflammatory one like toradol that goes in the vein",
  "NSAIDs: To reduce inflammation and pain (e.g., ketorolac).")
A("steroids thru iv for pain?",
  "Corticosteroids: To reduce swelling and pain.")
A("my aunt goes every 8 weeks for infusions for her rheumatoid, is that the same kind of drip",
  "Biologics: Used for conditions like rheumatoid arthritis.")
A("the numbing stuff they put in the iv, what type of drug do they call that",
  "Nerve Block Agents: To block pain signals (e.g., lidocaine).")
A("what kinds of meds can go in the bag",
  "The medications given through infusion vary depending on the pain condition")
A("first appt next week, do they just hook me up straight away?",
  "begins with a consultation between the patient and their healthcare provider")
A("will i be sitting up or lying down for it",
  "in a comfortable setting like a treatment chair or bed")
A("does someone keep an eye on u while the drip is running or do they leave u alone",
  "will monitor vital signs and ensure the patient is comfortable")
A("how long am i stuck in the chair",
  "typically lasts anywhere from 30 minutes to several hours")
A("will i feel better right away or does it take a few days",
  "may notice improvement over the next few days")
A("hw long till it kicks in",
  "Some patients experience immediate relief, while others may notice improvement")
A("is a drip easier on ur body than popping pills all day",
  "patients often experience fewer side effects compared to oral medications")
A("can u get an infection from it",
  "Infection: At the injection site.")
A("wat is phlebitis, it was on the form they made me sign",
  "Phlebitis: Inflammation of the veins.")
A("Why do people with heart trouble have to be careful with drips? My grandad has heart failure and is booked in.",
  "excessive fluid can cause complications, especially in those with heart conditions")
A("can the stuff in the bag make you throw up",
  "Nausea: Sometimes caused by certain medications.")
A("allergic reaction to the drip possible?",
  "Allergic Reactions: Reactions to the medications used.")
A("is it better than acupuncture and pt",
  "physical therapy and alternative therapies like acupuncture can help")
A("surgeon wants to fuse my back but a friend said try infusions first. how do those two compare?",
  "often comes with longer recovery times and greater risks")
A("whos a good fit for this",
  "like fibromyalgia or CRPS, who haven’t found relief from oral medications")
A("I have Crohn's and pills never seem to absorb right. Is that a reason people get stuff by drip instead?",
  "Those with conditions that affect medication absorption, such as gastrointestinal issues.")
A("need relief FAST, is that a reason ppl get this",
  "Patients who need rapid pain relief.")
A("how would i find out if im a candidate",
  "consult with a healthcare provider who can evaluate your medical history")
A("so basically what's the catch, is it risk free",
  "infusion therapy does have potential risks")
A("why do they say it works faster than tablets",
  "It’s particularly useful for managing chronic pain conditions, as it works faster")
A("My mum's 74 and has had migraines forever, tried every tablet. Her neurologist brought up infusions. Are chronic migraines even something they treat this way?",
  "Complex Regional Pain Syndrome (CRPS), fibromyalgia, chronic migraines, cancer pain")
A("does every patient get the same meds or do they tweak it",
  "allows healthcare providers to tailor treatments for each patient")
A("do they check ur blood pressure n stuff during",
  "will monitor vital signs and ensure the patient is comfortable")

# ---------------------------------------------------------------- 001 (lidocaine & ketamine article)
A("why would u do an iv if u can just take a tablet",
  "especially beneficial when other treatments fail or are unsuitable")
A("can drips help with mental health stuff too or is it only pain",
  "neuropathic disorders, and certain mental health conditions")
A("why do pills take so long compared to iv",
  "They may take hours to show effects, and some medications lose potency")
A("do ppl who cant handle the side effects of their pain pills end up getting drips?",
  "Patients experiencing side effects from oral medications that prevent their continued use.")
A("nerve pain ppl, is this meant for them",
  "Individuals suffering from nerve pain conditions, such as complex regional pain syndrome")
A("isnt lidocaine the stuff the dentist shoots in ur gums?",
  "best known for its role in numbing tissues during minor surgical procedures")
A("how does numbing medicine going in a vein help pain everywhere",
  "can modulate how pain signals travel through the nervous system")
A("lidocaine drip wat is it",
  "use a local anesthetic, lidocaine, delivered intravenously to manage chronic pain")
A("how does lido actually work",
  "Lidocaine works by blocking sodium channels in nerve cells.")
A("even my bedsheets hurt my skin. can lidocaine calm that oversensitive thing down",
  "can help decrease hypersensitivity, a common feature of chronic pain syndromes")
A("sodium channels?? the nurse said that n i nodded but wat does it mean",
  "Sodium channels play a key role in transmitting pain signals")
A("what is crps anyway",
  "often involves severe, burning pain in a limb")
A("diabetic feet burning at night, can a lidocaine drip help that",
  "Lidocaine helps manage the nerve pain caused by diabetes-related nerve damage.")
A("My dad finished chemo last year and now his hands and feet tingle and burn all the time. Is there any point in him asking about lidocaine?",
  "chemotherapy-induced neuropathy or idiopathic peripheral neuropathy")
A("lidocaine for fibro, does it do anything",
  "Patients report reduced muscle pain and better functionality after lidocaine treatments.")
A("knee replacement was a yr ago and it STILL hurts. can a lido drip help that kind of pain",
  "Persistent pain following surgery can also benefit from lidocaine infusions.")
A("what do they do before they start the lidocaine",
  "The provider evaluates your medical history and determines whether lidocaine is appropriate.")
A("who puts the lidocaine drip in, an actual doctor?",
  "A nurse or physician administers the lidocaine intravenously over 30–60 minutes.")
A("where do they do the lido infusions, like a clinic or what",
  "performed in a controlled clinical setting")
A("do they watch u after the lidocaine is done or just send u off",
  "Post-treatment, you’ll be observed for side effects.")
A("will they be checkin my heart n bp during the lido one",
  "your vital signs are closely monitored to ensure safety")
A("how fast does lido work",
  "Relief often begins within hours of the infusion.")
A("i rly dont want opioids again after what happened w my brother. is lidocaine a way to avoid them",
  "an option for those who want to avoid or reduce opioid use")
A("r lidocaine side effects bad",
  "lidocaine infusions have fewer and milder side effects")
A("is lido safe",
  "While lidocaine infusions are generally safe, patients may experience")
A("can a lidocaine drip mess with ur heart rhythm",
  "Rarely, more serious reactions such as irregular heartbeat.")
A("does the woozy lightheaded feeling ppl get from lidocaine wear off or stick around?",
  "These effects are typically short-lived and resolve quickly under medical supervision.")
A("what kind of drug is ketamine actually",
  "a dissociative anesthetic, to treat chronic pain and mood disorders")
A("how does ket work on pain",
  "acts on the central nervous system by blocking NMDA")
A("i read ketamine rewires ur brain?? is that a real thing",
  "promotes neuroplasticity, allowing the brain to form new, healthier connections")
A("had shingles 3 yrs ago and the pain never left. ketamine?",
  "Conditions like CRPS and post-herpetic neuralgia respond well to ketamine.")
A("tried like 5 antidepressants and nothing works. does ketamine help depression",
  "Ketamine can improve mood in patients resistant to traditional antidepressants.")
A("My husband is a vet, two tours, still has flashbacks and nightmares. A guy from his group got ketamine. Does it actually help PTSD or is that hype?",
  "Ketamine reduces the severity of PTSD symptoms in many patients.")
A("is ketamine used for cancer pain",
  "Ketamine is a last-resort option for managing intractable cancer-related pain.")
A("what happens at the ketamine consult",
  "The physician discusses your medical history and sets treatment goals.")
A("how long is a ketamine session",
  "The session usually lasts 1–4 hours, with the dose tailored")
A("after the ketamine do they let u walk out right away",
  "Patients are observed briefly after the treatment to ensure they are stable.")
A("does ketamine work fast",
  "Many patients experience relief within hours of their first session.")
A("ketamine for anxiety too?",
  "Ketamine’s effects on depression and anxiety often improve patients’ overall well-being.")
A("does ketamine cut down how much oxy ppl need",
  "Ketamine lowers the need for opioid medications in pain management.")
A("is ketamine safe",
  "Ketamine infusions are safe when administered in a controlled setting")
A("ketamine side effects?",
  "safe when administered in a controlled setting, but side effects may include")
A("will i feel like im floating outside my body on ketamine",
  "Temporary dissociation or feeling detached from reality.")
A("how do they keep the ketamine weirdness under control",
  "Proper preparation and monitoring minimize these risks.")
A("lidocaine or ketamine which is better",
  "depends on your specific medical condition and treatment goals")
A("who decides which drip i get",
  "a thorough evaluation by a qualified provider is essential")
A("what should i tell them b4 my infusion",
  "Share your full medical history with your provider, including allergies and medications.")
A("should i drink water before",
  "Drink plenty of water before your session unless instructed otherwise.")
A("can i drive myself home after",
  "may feel drowsy after treatment, so plan for a ride home")
A("what should i wear",
  "Loose-fitting clothes make the process more comfortable.")
A("is there any hope with these if nothing else has worked for me",
  "these treatments offer hope for those who have exhausted other options")
A("zonked after? do i need someone to pick me up",
  "may feel drowsy after treatment, so plan for a ride home")
A("do i bring a list of my meds and allergies",
  "Share your full medical history with your provider, including allergies and medications.")
A("the horse tranquilizer one, how long do u sit there",
  "The session usually lasts 1–4 hours, with the dose tailored")
A("do they give everyone the same amount of ketamine",
  "with the dose tailored to your condition")
A("is ket a numbing drug like lido or different",
  "Unlike lidocaine, ketamine acts on the central nervous system")
A("my 19 yo has had crps in her foot since a sprain. burning, cant wear a sock. which of these drips is usually used for that",
  "Complex Regional Pain Syndrome (CRPS): This rare and debilitating condition")
A("felt kinda spacey n detached during my ketamine, is that one of the side effects",
  "Temporary dissociation or feeling detached from reality.")
A("do pills wear off or lose strength in the stomach, is that why iv",
  "some medications lose potency when processed by the digestive system")
A("can they see how im reacting while its going in",
  "allows for continuous monitoring of the patient’s response during treatment")
A("are lidocaine drips just for crps or other nerve stuff too",
  "Lidocaine can help reduce the pain from other types of nerve damage")
A("ketamine for nerve pain",
  "Conditions like CRPS and post-herpetic neuralgia respond well to ketamine.")
A("is it ok to be nervous, how safe is the ketamine one really",
  "Ketamine infusions are safe when administered in a controlled setting")

# ---------------------------------------------------------------- 002 (IV treatment blog)
A("pills and physio just arent cutting it anymore. is that why ppl end up trying ivs",
  "some patients find these methods insufficient")
A("how does the iv treatment go in, into a vein?",
  "directly into a vein through a catheter or needle")
A("is it done in a proper clinic or can any med spa do it",
  "Healthcare professionals perform these treatments in clinical settings")
A("r they watching me the whole time",
  "monitoring patients throughout the process to track responses")
A("do they use muscle relaxers in the iv",
  "anti-inflammatory drugs, muscle relaxants, and specialized pain medications")
A("is it a one time thing or do u keep going back",
  "with some patients receiving single infusions while others may require ongoing sessions")
A("when do doctors push iv over pills",
  "when oral medications prove ineffective, cause intolerable side effects")
A("whats CIDP and can ivs help it",
  "Specialized IV medications can help restore nerve function and reduce the inflammation")
A("migraines 3x a week, can an iv help",
  "Migraine sufferers who experience frequent, severe headaches may find relief")
A("can a drip stop a migraine in the middle of an attack",
  "The rapid onset of IV medications can help abort migraine episodes")
A("how many minutes till i feel it w iv",
  "noticeable improvement within minutes rather than waiting hours for oral medications")
A("good for flare ups?",
  "particularly beneficial during pain flares")
A("can they change the dose while its running",
  "monitor patients closely and adjust treatment in real-time")
A("do they mix diff meds together for u",
  "customize medication combinations and concentrations based on individual patient needs")
A("what will the doc look at before saying yes or no to iv",
  "Healthcare providers review each patient’s medical history, current medications, and pain characteristics")
A("how long do u need to keep getting them",
  "The treatment frequency and duration depend on individual circumstances")
A("my cousin has that nerve disease CIDP, her legs go weak. is iv something used for that",
  "Complex inflammatory demyelinating polyneuropathy (CIDP) represents another condition")
A("migraine pills do nothing for me. iv?",
  "This may particularly be the case when oral medications fail")
A("what does the nerve disease CIDP actually do",
  "This neurological disorder causes inflammation and nerve damage.")

# ---------------------------------------------------------------- 003 (IV therapy, key takeaways, FAQ)
A("do vitamin drips actually work for pain",
  "particularly vitamin B12, have shown promise in pain management")
A("is the science settled on iv drips for pain or nah",
  "still a subject of ongoing research and debate")
A("car crash 2 yrs ago, neck n back still wrecked, physio did zip. would an iv do anything for that sort of pain",
  "conditions such as car accidents or back injuries")
A("whats actually in the bag, vitamins?",
  "a combination of vitamins, minerals, antioxidants, and pain-relieving medications")
A("is iv stronger than pills",
  "deliver higher concentrations of pain-relieving medications directly to the site of pain")
A("does being dehydrated make pain worse",
  "dehydration can exacerbate pain symptoms")
A("does the drip hydrate u",
  "IV therapy provides rapid hydration")
A("can an iv calm down inflammation",
  "supporting cellular function, reducing inflammation, and promoting tissue repair")
A("i have celiac and i swear i absorb nothing i eat or take",
  "For individuals with gastrointestinal issues or malabsorption problems")
A("will i be able to move around better after",
  "Enhanced Mobility and Function: By effectively managing pain symptoms")
A("can i keep doing acupuncture while getting ivs",
  "complement other pain management interventions, such as physical therapy, acupuncture")
A("pills make me sick every time, is an iv a way around that",
  "Reduced Dependency on Oral Medications: For individuals who have difficulty")
A("does the relief keep going after the bag is empty",
  "the effects of intravenous medications can persist for an extended period")
A("does it hurt where the needle goes in",
  "redness, or swelling at the site where the IV is inserted")
A("how do they stop u getting an infection",
  "using sterile equipment and proper insertion techniques")
A("what does an allergic reaction to the iv look like",
  "may include itching, rash, swelling, difficulty breathing, or anaphylaxis")
A("can an iv mess up ur electrolytes",
  "electrolyte levels in the body, such as sodium, potassium, and calcium")
A("i have kidney disease, any extra risk with drips",
  "Individuals with kidney or heart conditions are at higher risk")
A("signs of too much fluid from an iv?",
  "swelling, shortness of breath, and elevated blood pressure")
A("can it give u a headache or make u sleepy",
  "such as drowsiness, dizziness, nausea, or headache")
A("im on like 9 different meds for my heart and sugar. can the iv clash with them",
  "adjust IV therapy formulations accordingly to minimize the risk of adverse interactions")
A("can u get a blood clot from an iv",
  "vein irritation, blood clots, or damage to surrounding tissues may occur")
A("how does iv therapy for pain work, in plain english",
  "a customized blend of medications, nutrients, and fluids directly into the bloodstream")
A("is this for arthritis too",
  "conditions like fibromyalgia, neuropathy, or arthritis")
A("how often do ppl go",
  "Some individuals may benefit from weekly sessions initially")
A("do u eventually go less often",
  "others may require less frequent maintenance sessions")
A("can iv be the only thing i do for my pain",
  "it is typically used in conjunction with other strategies for optimal results")
A("do they still want u doing physio and stuff alongside",
  "may include other treatments such as physical therapy, medications, lifestyle modifications")
A("who counts as a good candidate",
  "persistent or severe pain that has not responded well to other treatments")
A("when ur arm gets bruised n a bit puffy where the iv went in, how long does that usually hang around",
  "usually mild and temporary but may persist for a short period")
A("weird stuff like cramps or confusion after a drip?",
  "muscle cramps, weakness, irregular heartbeat, or confusion")
A("infection risk from the vein itself?",
  "slight risk of infection at the injection site or along the vein")

# ---------------------------------------------------------------- 004 (Which types of IV infusion blog)
A("how common is lower back pain really, feels like everyone i know has it",
  "two-thirds of the population suffers from chronic lower back pain")
A("how much does chronic pain cost the us every yr",
  "the US spend $560 billion dollars a year on chronic pain")
A("what actually is fibro, i keep hearing it",
  "patients feel pain all over their body with no apparent cause")
A("phantom limb pain, any iv for that",
  "phantom limb pain, post-herpetic neuralgia")
A("my grandpa had a stroke and now his arm aches constantly. can infusions be used for stroke pain",
  "as well as stroke pain")
A("which drugs can they give by drip for pain",
  "The drugs that are available include Lidocaine, ketamine, clonidine, and magnesium.")
A("magnesium drip for pain a thing?",
  "The drugs that are available include Lidocaine, ketamine, clonidine, and magnesium.")
A("which one has the most research behind it",
  "Lidocaine is the most studied and best-researched option.")
A("is a lidocaine drip for fibro common now",
  "IV lidocaine infusion for fibromyalgia is an increasingly common treatment option.")
A("how does the numbing drug stop the pain from being felt",
  "without a signal the brain cannot detect pain")
A("ketamine isnt that literally a horse drug??",
  "its equestrian use as a horse tranquilizer")
A("is it the same dose as ppl take at raves",
  "A very small amount of the drug is infused")
A("will i hallucinate",
  "far lower than a recreational dose which may make a patient hallucinate")
A("any risks w the needle",
  "some risk of infection from the needle")
A("is there any actual proof this works",
  "an increasing body of scientific work that suggests its benefits")
A("how long have ppl been using ivs for chronic pain",
  "IV infusions have not been used to treat chronic pain for long.")
A("any studies on lidocaine drips?",
  "review study published in 2017 called lidocaine infusions")
A("why is iv supposedly more effective than swallowing it",
  "more effective than when taking via the oral route")
A("is ketamine being used as an antidepressant now",
  "increasingly being researched for its pain relieving and antidepressant properties")
A("is ketamine trippy",
  "ketamine has hallucinogenic properties as previously mentioned")
A("what does lidocaine do to the nerves exactly",
  "stopping nerves that take a signal from the painful area")
A("my ex used ket recreationally, im scared of ending up like that if i get the infusion. is it the same stuff",
  "This drug is often associated with the recreational use")

# ---------------------------------------------------------------- extra single-turn answers, all articles
A("do i need a ride",
  "may feel drowsy after treatment, so plan for a ride home")
A("ok so my neurologist mentioned the 'numbing drip' for my burning feet (diabetic 20 yrs). i asked how long i'd be there and she said less than an hour?? is that right for lidocaine",
  "administers the lidocaine intravenously over 30–60 minutes")
A("how do u feel after ketamine",
  "may feel drowsy after treatment, so plan for a ride home")
A("feel wasted after ket infusion? can i take the bus",
  "may feel drowsy after treatment, so plan for a ride home")
A("every week??",
  "Some individuals may benefit from weekly sessions initially")
A("hey so i've had fibro for like 8 years and my rheum finally said we could try an infusion. i'm terrified of needles tbh. what are the usual side effects",
  "Some of the most common side effects include")
A("ketamine and depression how fast",
  "Many patients experience relief within hours of their first session.")
A("my 80 yr old dad is starting lidocaine infusions for nerve pain in his legs. his carer wants to know what to watch for when he gets home",
  "Post-treatment, you’ll be observed for side effects.")
A("pain from nerve damage, which drip",
  "Individuals suffering from nerve pain conditions, such as complex regional pain syndrome")
A("can a drip help chronic pain after an accident",
  "conditions such as car accidents or back injuries")
A("wat do they do 2 make sure ketamine is safe",
  "Proper preparation and monitoring minimize these risks.")
A("do u see improvement in hours or days with lido",
  "Relief often begins within hours of the infusion.")
A("is it true ivs are for ppl whose pills dont absorb",
  "Those with conditions that affect medication absorption, such as gastrointestinal issues.")
A("my daughter (16) has had crps for 2 years, her pain team says lidocaine might be next. how does it actually help with the burning",
  "can help decrease hypersensitivity, a common feature of chronic pain syndromes")
A("why does my arm go red where they put it",
  "Discomfort, redness, or swelling at the site where the IV")
A("do drips work better than pt",
  "they may not offer the immediate relief that this therapy provides")
A("anyone tried lidocaine for post op pain",
  "Persistent pain following surgery can also benefit from lidocaine infusions.")
A("ketamine makes u throw up?",
  "safe when administered in a controlled setting, but side effects may include")
A("which drip for depression",
  "Ketamine can improve mood in patients resistant to traditional antidepressants.")
A("is there a pain drip that helps like mood and anxiety too",
  "Ketamine’s effects on depression and anxiety often improve patients’ overall well-being.")
A("fibro and the drip thing, is lidocaine used",
  "IV lidocaine infusion for fibromyalgia is an increasingly common treatment option.")
A("how does ketamine affect the brain",
  "promotes neuroplasticity, allowing the brain to form new, healthier connections")
A("helpppp how long r lidocaine infusions",
  "A nurse or physician administers the lidocaine intravenously over 30–60 minutes.")
A("k so how long is ket",
  "The session usually lasts 1–4 hours, with the dose tailored")
A("my wife says shes scared of the needle going wrong. what rare things can happen",
  "vein irritation, blood clots, or damage to surrounding tissues may occur")
A("is a drip gonna make me bloated or swollen",
  "Receiving too much fluid through IV therapy can lead to fluid overload")
A("do they check for drug interactions",
  "Healthcare providers should review medication histories and adjust IV therapy formulations")
A("neuropathy drip?",
  "Diabetic Neuropathy: Lidocaine helps manage the nerve pain")
A("whats the point of the vitamins in the bag",
  "IV therapy delivers essential nutrients directly into the bloodstream")
A("b12 drip for pain real?",
  "particularly vitamin B12, have shown promise in pain management")
A("when is ketamine considered for cancer pain",
  "Ketamine is a last-resort option for managing intractable cancer-related pain.")
A("can ketamine help ptsd",
  "Ketamine reduces the severity of PTSD symptoms in many patients.")
A("is getting an iv for pain like getting a drip in hospital",
  "(the same as if you had a drip in hospital!)")
A("hey quick q, how do they decide on the ketamine plan",
  "The physician discusses your medical history and sets treatment goals.")
A("how soon do ppl feel the difference w ketamine",
  "Many patients experience relief within hours of their first session.")
A("after lidocaine how soon does pain ease",
  "Relief often begins within hours of the infusion.")
A("what if pills give me bad side effects",
  "cause intolerable side effects, or when rapid pain relief becomes necessary")
A("i get migraines and they always go to the ER for a cocktail in an iv. why does iv work faster for migraines",
  "The rapid onset of IV medications can help abort migraine episodes")
A("iv for malabsorption",
  "For individuals with gastrointestinal issues or malabsorption problems")
A("what does ur body go through when lido goes in, like heart stuff?",
  "Rarely, more serious reactions such as irregular heartbeat.")
A("r drips safe for heart patients",
  "especially in those with heart conditions")
A("is this the future of pain treatment or just hype",
  "suggests its benefits could be what the world of chronic pain")

# ---------------------------------------------------------------- multi-turn follow-ups (answer)
M(["how long does a lidocaine drip take", "and for ketamine?"],
  "The session usually lasts 1–4 hours, with the dose tailored")
M(["hw long is a ketamine session", "n the lidocaine one?"],
  "administers the lidocaine intravenously over 30–60 minutes")
M(["what side effects does lidocaine have", "what about the horse tranquilizer one?"],
  "safe when administered in a controlled setting, but side effects may include")
M(["lidocaine made my mom super dizzy at her session today", "how long does that usually last?"],
  "typically short-lived and resolve quickly under medical supervision")
M(["can drips help fibro", "what about migraines?"],
  "Migraine sufferers who experience frequent, severe headaches may find relief")
M(["does ketamine help depression", "and ptsd?"],
  "Ketamine reduces the severity of PTSD symptoms in many patients.")
M(["what meds can they put in the iv for pain", "which one is for swelling"],
  "Corticosteroids: To reduce swelling and pain.")
M(["what meds go in pain drips", "r any of them opioids?"],
  "Opioids: For severe pain (e.g., morphine, fentanyl).")
M(["my bf said he felt like he left his body during his ketamine thing", "is that normal?"],
  "Temporary dissociation or feeling detached from reality.")
M(["whats the first appointment like", "and then what?"],
  "Once the plan is set, the patient schedules their first session")
M(["how fast does ketamine start working", "same for lidocaine?"],
  "Relief often begins within hours of the infusion.")
M(["are there risks w iv infusions", "from the needle itself?"],
  "some risk of infection from the needle")
M(["can u get an infection from the iv", "how do they prevent that?"],
  "Healthcare providers take precautions to minimize this risk")
M(["what is the lidocaine drip for", "how does it work tho?"],
  "Lidocaine works by blocking sodium channels in nerve cells.")
M(["how does ketamine work on pain", "and lidocaine?"],
  "stopping nerves that take a signal from the painful area")
M(["how often do ppl get these drips", "forever??"],
  "others may require less frequent maintenance sessions")
M(["what should i do to get ready for my infusion", "what about getting home?"],
  "may feel drowsy after treatment, so plan for a ride home")
M(["should i drink lots of water before", "and clothes?"],
  "Loose-fitting clothes make the process more comfortable.")
M(["is ketamine for pain or depression", "which pain conditions?"],
  "Conditions like CRPS and post-herpetic neuralgia respond well to ketamine.")
M(["what conditions does lidocaine help", "does that include diabetes nerve pain?"],
  "Lidocaine helps manage the nerve pain caused by diabetes-related nerve damage.")
M(["side effects of iv drips?", "the vein one, wat is that"],
  "Phlebitis: Inflammation of the veins.")
M(["can iv therapy cause fluid overload", "who's most at risk for that?"],
  "Individuals with kidney or heart conditions are at higher risk")
M(["can u be allergic to whats in the drip", "what would that look like"],
  "may include itching, rash, swelling, difficulty breathing, or anaphylaxis")
M(["is ketamine the horse tranquilizer", "so will i trip out?"],
  "far lower than a recreational dose which may make a patient hallucinate")
M(["who can get infusion therapy", "what about ppl with stomach problems?"],
  "Those with conditions that affect medication absorption, such as gastrointestinal issues.")
M(["do they monitor you during ketamine", "and after?"],
  "Patients are observed briefly after the treatment to ensure they are stable.")
M(["how fast does iv relief kick in", "and how long does it stick around after?"],
  "the effects of intravenous medications can persist for an extended period")
M(["can drips help nerve pain", "what about from chemo?"],
  "chemotherapy-induced neuropathy or idiopathic peripheral neuropathy")
M(["does lidocaine help crps", "what is that exactly"],
  "often involves severe, burning pain in a limb")
M(["what is CIDP", "can ivs help with it?"],
  "Specialized IV medications can help restore nerve function and reduce the inflammation")
M(["is iv better than pills", "why tho?"],
  "ensures quicker absorption and faster therapeutic effects compared to oral medications")
M(["ketamine helps depression right", "what about anxiety?"],
  "Ketamine’s effects on depression and anxiety often improve patients’ overall well-being.")
M(["is lidocaine safe", "what about heart problems?"],
  "Rarely, more serious reactions such as irregular heartbeat.")
M(["what drugs r available by iv for chronic pain", "magnesium too?"],
  "The drugs that are available include Lidocaine, ketamine, clonidine, and magnesium.")
M(["whats the most studied iv for pain", "is it used for fibro?"],
  "IV lidocaine infusion for fibromyalgia is an increasingly common treatment option.")
M(["does it hurt when they put the iv in", "how long does the soreness last?"],
  "usually mild and temporary but may persist for a short period")
M(["is there evidence iv works for chronic pain", "any actual studies?"],
  "review study published in 2017 called lidocaine infusions")
M(["does iv help migraines", "like during an attack?"],
  "The rapid onset of IV medications can help abort migraine episodes")
M(["can an iv help with cancer pain", "what about ketamine for that?"],
  "Ketamine is a last-resort option for managing intractable cancer-related pain.")
M(["iv for pain, one time or many?", "how often at first?"],
  "Some individuals may benefit from weekly sessions initially")
M(["can iv therapy interact with my other meds", "what do they do about that"],
  "adjust IV therapy formulations accordingly to minimize the risk of adverse interactions")
M(["what happens in a lidocaine session", "and when its over?"],
  "Post-treatment, you’ll be observed for side effects.")
M(["why do ppl get infusions instead of pills", "fewer side effects too?"],
  "patients often experience fewer side effects compared to oral medications")
M(["can iv drips help with inflammation", "which drug is for that?"],
  "NSAIDs: To reduce inflammation and pain (e.g., ketorolac).")
M(["whats the horse tranq one used for", "and does it help w depression"],
  "Ketamine can improve mood in patients resistant to traditional antidepressants.")
M(["is ketamine safe?", "what makes it safer?"],
  "Proper preparation and monitoring minimize these risks.")
M(["does lidocaine help after surgery", "even a year later?"],
  "Persistent pain following surgery can also benefit from lidocaine infusions.")
M(["can i get iv therapy for back pain from a car accident", "is that proven tho?"],
  "still a subject of ongoing research and debate")
M(["do they use opioids in infusions", "is there an option without them?"],
  "an option for those who want to avoid or reduce opioid use")
M(["how long does the whole infusion take", "why such a big range?"],
  "depending on the medications used")
M(["who does the lidocaine infusion", "and where?"],
  "The treatment is performed in a controlled clinical setting.")
M(["what r the risks of iv therapy", "anything rare but serious?"],
  "vein irritation, blood clots, or damage to surrounding tissues may occur")
M(["can iv mess with electrolytes", "what would i notice?"],
  "muscle cramps, weakness, irregular heartbeat, or confusion")
M(["my gp mentioned a lidocaine drip", "is it like the dentist stuff?"],
  "best known for its role in numbing tissues during minor surgical procedures")
M(["is iv therapy only for pain", "what else then?"],
  "neuropathic disorders, and certain mental health conditions")
M(["whats ketamine used for", "does it help shingles pain that never went away?"],
  "Conditions like CRPS and post-herpetic neuralgia respond well to ketamine.")
M(["hi my mum is starting infusions next week", "its ketamine for her crps", "how long will she be there?"],
  "The session usually lasts 1–4 hours, with the dose tailored")
M(["im getting lidocaine thurs", "first time, kinda nervous", "will they keep an eye on me during?"],
  "your vital signs are closely monitored to ensure safety")
M(["my brother is getting iv therapy", "for his fibro", "does it help with moving around?"],
  "Enhanced Mobility and Function: By effectively managing pain symptoms")
M(["what are the side effects of ketamine", "n what about lidocaine side effects?"],
  "While lidocaine infusions are generally safe, patients may experience")
M(["can lidocaine help fibro", "what does it improve?"],
  "Patients report reduced muscle pain and better functionality after lidocaine treatments.")
M(["do i need to do anything b4 ketamine", "like water?"],
  "Drink plenty of water before your session unless instructed otherwise.")
M(["what happens at a ketamine appointment", "first thing they do?"],
  "The physician discusses your medical history and sets treatment goals.")

# ---------------------------------------------------------------- unanswerable (near-topic, not in any of the five articles)
U("is ketamine addictive if u get it at a clinic")
U("can ketamine infusions wreck your bladder? read smth about that")
U("whats the difference between ketamine drips and that nose spray spravato")
U("is lidocaine the same stuff as novocaine")
U("how long does ketamine stay in ur system for a drug test")
U("will a ketamine infusion show up on a work drug screen")
U("what is a picc line")
U("whats a port-a-cath and why do chemo patients get them")
U("whats in a myers cocktail")
U("can NAD+ drips slow down aging")
U("what causes crps in the first place")
U("is there a cure for fibromyalgia")
U("what usually triggers migraines")
U("what is IVIG made from")
U("what antiviral do they give for shingles")
U("can kids get ketamine infusions, like what age")
U("is it safe to get a lidocaine infusion while pregnant")
U("does ketamine pass into breast milk")
U("who discovered ketamine and when")
U("is ketamine FDA approved for chronic pain")
U("whats the usual mg dose of iv lidocaine")
U("how do they get an iv in if u have tiny rolling veins")
U("can i watch netflix on my phone during the drip")
U("what is the half life of lidocaine")
U("can lidocaine infusions help tinnitus")
U("do ketamine drips help with OCD")
U("can magnesium drips help restless legs")
U("what is clonidine normally prescribed for")
U("does a tens unit help back pain")
U("how does gabapentin work for nerve pain")
U("is lyrica better than gabapentin")
U("can ketamine damage ur liver")
U("does lidocaine interact with grapefruit")
U("which vein do they usually use, arm or back of the hand")
U("how big is the needle they use for an iv")
U("how long has ketamine been used in surgery")
U("can botox shots help chronic migraine")
U("are nerve blocks the same as an epidural")
U("what is a spinal cord stimulator")
U("what tests do they use to diagnose fibromyalgia")
U("do ketamine clinics give u something for anxiety before they start")
U("can u get iv tylenol")
U("does toradol hurt your kidneys")
U("how long does fentanyl last in the body")
U("whats the difference between morphine and dilaudid")
U("why do amputees still feel their missing leg")
U("can stress make back pain worse")
U("what stretches help sciatica")
U("does cold weather make arthritis pain worse")
U("is there a pill version of ketamine")
U("do ppl get a weird metal taste in their mouth with lidocaine drips")
U("is ketamine a controlled substance")
U("do iv drips help long covid")
U("is crps the same thing as rsd")
U("can a lidocaine infusion trigger a seizure")
U("what does ketamine do to your memory long term")
U("whats the difference between an iv and an im shot")
U("how long does phlebitis take to heal")
UM(["ketamine for depression does it work?", "is it addictive tho"])
UM(["lidocaine drip for fibro", "is it ok during pregnancy?"])
UM(["what drugs can they give by iv for pain", "what's clonidine normally for then?"])
UM(["my dad gets ivig for cidp", "how is that stuff made?"])

# ---------------------------------------------------------------- checks
KEYS = ["id", "kind", "turns", "evidence", "intents"]
KINDS = {"answer", "unanswerable", "medical_advice", "clinic", "human", "out_of_scope",
         "smalltalk", "emergency", "crisis", "not_emergency"}

def load_articles():
    arts = {}
    for p in sorted(glob.glob(os.path.join(SRC, "*.txt"))):
        with open(p, encoding="utf-8") as f:
            arts[os.path.basename(p)] = f.read().splitlines()
    return arts

def main():
    arts = load_articles()
    all_lines = [(a, i, l) for a, ls in arts.items() for i, l in enumerate(ls, 1)]
    art_words = []
    for _, _, l in all_lines:
        art_words.append(re.findall(r"[a-z0-9']+", l.lower().replace("’", "'")))
    ngrams = set()
    N = 6
    for ws in art_words:
        for k in range(len(ws) - N + 1):
            ngrams.add(tuple(ws[k:k + N]))

    errors = []
    rows = []
    seen_last = {}
    used_lines = {}
    for n, (kind, turns, ev) in enumerate(CASES, 1):
        cid = "t7q-%04d" % n
        row = {"id": cid, "kind": kind, "turns": turns, "evidence": ev,
               "intents": []}
        rows.append(row)
        if kind not in KINDS:
            errors.append(f"{cid}: bad kind {kind}")
        if not (1 <= len(turns) <= 3) or not all(isinstance(t, str) and t.strip() for t in turns):
            errors.append(f"{cid}: bad turns")
        last = turns[-1].strip().casefold()
        if last in seen_last:
            errors.append(f"{cid}: duplicate last turn with {seen_last[last]}")
        seen_last[last] = cid
        for t in turns:
            ws = re.findall(r"[a-z0-9']+", t.lower().replace("’", "'"))
            for k in range(len(ws) - N + 1):
                if tuple(ws[k:k + N]) in ngrams:
                    errors.append(f"{cid}: turn copies article wording: {' '.join(ws[k:k+N])}")
                    break
        if kind == "answer":
            if not (1 <= len(ev) <= 2):
                errors.append(f"{cid}: answer needs 1-2 evidence strings")
            homes = set()
            for e in ev:
                wc = len(e.split())
                if not (5 <= wc <= 12):
                    errors.append(f"{cid}: evidence has {wc} words: {e!r}")
                exact = [(a, i) for a, i, l in all_lines if e in l]
                folded = [(a, i) for a, i, l in all_lines if e.casefold() in l.casefold()]
                if len(exact) != 1 or len(folded) != 1:
                    errors.append(f"{cid}: evidence on {len(exact)} lines (folded {len(folded)}): {e!r}")
                else:
                    homes.add(exact[0])
                    used_lines.setdefault(exact[0], []).append(cid)
            if len(homes) > 1:
                errors.append(f"{cid}: evidence from more than one line")
        else:
            if ev:
                errors.append(f"{cid}: evidence must be empty for {kind}")
        if row["intents"]:
            errors.append(f"{cid}: intents must be empty")

    # write
    with open(OUT, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

    # re-read and check format / order / ids
    with open(OUT, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            obj = json.loads(line)
            if list(obj.keys()) != KEYS:
                errors.append(f"line {n}: keys/order {list(obj.keys())}")
            if obj["id"] != "t7q-%04d" % n:
                errors.append(f"line {n}: id out of sequence {obj['id']}")

    counts = {}
    for kind, turns, _ in CASES:
        key = kind + (" multi" if len(turns) > 1 else " single")
        counts[key] = counts.get(key, 0) + 1
    arts_used = {}
    for (a, i) in used_lines:
        arts_used[a] = arts_used.get(a, 0) + 1
    print("cases:", len(CASES), dict(sorted(counts.items())))
    print("distinct evidence lines per article:", dict(sorted(arts_used.items())))
    if errors:
        for e in errors:
            print("FAIL", e)
        print(len(errors), "check(s) failed")
        sys.exit(1)
    print("all checks passed")

if __name__ == "__main__":
    main()
