#!/usr/bin/env python3
"""Generator for qa_train5.jsonl: blind training questions for articles 000, 002, 004.

Every message below is typed by hand. Running the script writes the .jsonl next to it and
checks it; it exits 1 if any check fails.
"""
import json, os, re, sys, glob

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = "/work/shared/sources"
OUT = os.path.join(HERE, "qa_train5.jsonl")

ARTS = {}
for f in sorted(glob.glob(os.path.join(SRC, "*.txt"))):
    with open(f, encoding="utf-8") as fh:
        ARTS[os.path.basename(f)[:3]] = fh.read().split("\n")

# ---------------------------------------------------------------------------
# single-turn answer cases: (article, line number, [evidence], [questions])
# ---------------------------------------------------------------------------
SINGLE = [
# ===== 000 =====
("000", 3, ["delivers medications directly into your bloodstream through a needle or catheter"], [
    "so what actually is infusion therapy? like in normal words",
    "infusion therapy = ?",
    "My GP mentioned 'infusion therapy' for my back and I just nodded along. I'm 67 and honestly had no idea what she meant. Is it a jab, a pill, what is it?",
    "wat is infusion therepy exactly",
    "my son keeps saying his pain doc wants to 'put meds straight in his blood'. what is that and how is it done",
]),
("000", 3, ["allowing medications to reach the pain site faster and more effectively"], [
    "does the medicine skip the stomach if it's infused? does that matter?",
    "why would a drip get to where it hurts faster than tablets",
    "if it doesnt go thru your gut does it reach the sore spot quicker?",
]),
("000", 4, ["It’s often used in outpatient settings, offering convenience and flexibility."], [
    "do i have to be admitted to hospital for an infusion or can i go home same day",
    "infusions outpatient or inpatient",
    "will my dad need an overnight stay for his pain drip? he hates hospitals",
    "hey so is this something u do at a clinic and then just leave after",
]),
("000", 4, ["popular for patients who don’t respond well to traditional treatments"], [
    "Why are so many people getting infusions lately? seems like everyone in my fibro group is talking about them",
    "is infusion therapy mostly for folks the usual treatments did nothing for",
    "why has IV pain treatment gotten so trendy in the last few years",
]),
("000", 6, ["target specific pain pathways, such as nerve signals, inflammation, or muscle tension"], [
    "what parts of the pain can an infusion go after? nerves? swelling?",
    "can a drip aim at muscle tightness or is it only for nerve pain",
    "how do they personalise an infusion to the kind of pain someone has",
    "my wifes pain is part nerve part muscle spasm. can infusions zero in on different sorts of pain like that?",
    "pain pathways??? what does that mean when ppl talk about infusions",
]),
("000", 7, ["fibromyalgia, chronic migraines, cancer pain, and chronic back pain"], [
    "what conditions do people usually get pain infusions for",
    "Is infusion therapy used for cancer pain and also ordinary long term back pain?",
    "my aunt has CRPS and my cousin gets bad migraines all the time. are infusions used for either of those?",
    "list of illnesses treated with infusions pls",
    "does infusion therapy get used for bad backs that have been bad for years",
    "is this the sort of thing used for migranes that never really go away",
    "which health problems is infusion therapy most often given for?",
]),
("000", 9, ["The medications given through infusion vary depending on the pain condition"], [
    "does everyone get the same medicine in their infusion?",
    "is it always the same stuff in the bag or does it change depending on what's wrong with you",
    "same drug for every pain condition?",
]),
("000", 15, ["select the most appropriate treatment based on each patient’s unique needs"], [
    "how do they choose which drug goes in my drip",
    "who picks the medicine for an infusion and how do they decide",
    "does the doctor match the infusion drug to the individual person?",
]),
("000", 10, ["Opioids: For severe pain (e.g., morphine, fentanyl)."], [
    "can morphine be given as an infusion",
    "are opiates ever used in these pain drips?",
    "fentanyl through an IV for pain - is that a thing they do?",
    "my grandad had morphine through a drip once. are strong painkillers like that part of infusion therapy?",
    "which infusion meds are for really severe pain",
]),
("000", 11, ["NSAIDs: To reduce inflammation and pain (e.g., ketorolac)."], [
    "is ketorolac one of the infusion meds",
    "what is ketorolac for when its given by drip",
    "can you get ibuprofen-type drugs by IV",
    "nsaids by iv - what for",
    "my ER nurse said I got an NSAID in my IV last time. what does that class of drug do?",
]),
("000", 12, ["Nerve Block Agents: To block pain signals (e.g., lidocaine)."], [
    "what's an example of a nerve block drug used in infusions",
    "what group of infusion drugs does lidocaine come under",
    "nerve blocker meds in IV form, what are they for?",
    "is lidocaine in a drip counted as a nerve block type of drug",
]),
("000", 13, ["Corticosteroids: To reduce swelling and pain."], [
    "can they put steroids in an infusion",
    "what are corticosteroid infusions for",
    "is there an IV option for swelling, like a steroid?",
    "my mum's doctor mentioned a steroid through the vein. what do those do in pain infusions?",
]),
("000", 14, ["Biologics: Used for conditions like rheumatoid arthritis."], [
    "what are biologics used for",
    "I have rheumatoid arthritis, which kind of infusion drug is for that?",
    "biologic infusions, what conditions",
    "my sister gets a 'biologic' through a drip every few weeks for her joints. what sort of illness are those meant for?",
]),
("000", 17, ["typically begins with a consultation between the patient and their healthcare provider"], [
    "what happens first when you start infusion therapy",
    "do i just turn up and get hooked up or is there an appointment before",
    "first step??",
    "My husband just got referred for infusions. Before they actually put the drip in, is there some kind of meeting with the doctor first?",
]),
("000", 17, ["a comfortable setting like a treatment chair or bed"], [
    "will i be lying down or sitting for the infusion",
    "what do you sit in during a session, a recliner?",
    "where do you actually sit or lie while the drip goes in",
]),
("000", 17, ["will monitor vital signs and ensure the patient is comfortable"], [
    "does anyone check my blood pressure and pulse while its running",
    "will the staff keep an eye on me during the session or leave me alone",
]),
("000", 18, ["typically lasts anywhere from 30 minutes to several hours"], [
    "how long does an infusion take",
    "how many hours will i be there for a pain drip?",
    "need to know how long to book off work, how long do these infusions go on for usually",
    "infusion length?",
]),
("000", 18, ["while others may notice improvement over the next few days"], [
    "will i feel better straight away or does it take a few days",
    "my brother had his first one yesterday and says he feels nothing yet. can it take a couple days to kick in?",
]),
("000", 18, ["discuss any side effects or concerns with the healthcare provider"], [
    "if something feels off after my infusion who do i tell",
    "what am i meant to do with worries about side effects in the days after a session",
    "who should my mom talk to if shes got questions or side effects after her drip",
]),
("000", 20, ["patients often experience fewer side effects compared to oral medications"], [
    "fewer side effects than pills?",
    "why would an IV have less side effects than swallowing the same thing",
    "I get awful stomach problems from my tablets. Is it true infusions tend to cause fewer side effects than meds by mouth?",
]),
("000", 20, ["One of the biggest benefits is the rapid relief it provides"], [
    "whats the biggest plus of getting it by drip",
    "pros of infusions?",
    "what's the number one advantage of infusion therapy",
]),
("000", 23, ["Allergic Reactions: Reactions to the medications used."], [
    "can you be allergic to the stuff in an infusion",
    "is an allergic reaction one of the common risks",
    "my daughter is allergic to loads of things, could a person react to the infusion meds?",
]),
("000", 24, ["Nausea: Sometimes caused by certain medications."], [
    "can infusions make you feel sick",
    "why do some people get queasy with a drip",
    "feelin nauseous after infusion, is that a known thing",
    "does nausea happen with infusion therapy",
]),
("000", 25, ["Phlebitis: Inflammation of the veins."], [
    "what is phlebitis",
    "flebitis meaning?",
    "the leaflet listed phlebitis as a risk. in plain english what is it?",
    "can the drip inflame your vein",
    "my nan's nurse said the word phlebitis when talking about her drip. what does that mean?",
]),
("000", 26, ["excessive fluid can cause complications, especially in those with heart conditions"], [
    "can you get too much fluid from an infusion",
    "is fluid overload more of an issue for people with heart problems",
    "how common is getting overloaded with fluid from a drip",
    "heart patient + IV fluids, any risk?",
]),
("000", 29, ["physical therapy and alternative therapies like acupuncture can help"], [
    "is infusion better than acupuncture",
    "how does it compare to physio",
    "I've been doing physio and acupuncture for 2 years for my neck. How do infusions stack up against those?",
]),
("000", 29, ["often comes with longer recovery times and greater risks"], [
    "infusion vs surgery for chronic pain?",
    "why not just have an operation instead of infusions",
    "my surgeon offered an op but said getting over it takes ages. how does infusion compare to going under the knife?",
]),
("000", 29, ["Compared to oral medications, it offers faster relief and more precise targeting"], [
    "is an infusion more targeted than painkiller tablets",
    "drip vs pills - which one hits the pain more precisely",
    "how does infusion therapy stack up against just taking oral painkillers",
]),
("000", 30, ["an ideal option for patients seeking quick and targeted relief"], [
    "if i just want fast relief aimed right at the problem, is infusion a good fit?",
    "is it a good choice for ppl who want quick results that go straight to the pain",
    "who is infusion therapy ideal for, like what kind of relief are they after",
]),
("000", 32, ["many chronic pain patients, but it’s not right for everyone"], [
    "can everyone with chronic pain have infusion therapy?",
    "is it suitable for every pain patient",
    "is infusion therapy for everybody or just some people",
]),
("000", 33, ["like fibromyalgia or CRPS, who haven’t found relief from oral medications"], [
    "I have fibromyalgia and none of my pills work. am i the type of person infusions are for?",
    "good candidate if CRPS and tablets failed?",
    "who is a good candidate for infusion therapy",
    "my wife's fibro hasn't improved on any medicine she's swallowed in 5 yrs. is she someone infusions are meant for",
    "ideal candidates for infusions?",
]),
("000", 34, ["Patients who need rapid pain relief."], [
    "is it for people who need relief fast",
    "if someone needs the pain gone quickly are they a candidate",
    "do u qualify if u need quick relief",
]),
("000", 35, ["conditions that affect medication absorption, such as gastrointestinal issues"], [
    "I have crohn's and my body doesn't take in pills well. would that make me a candidate for infusions?",
    "gut problems = good candidate?",
    "my stomach doesnt absorb meds properly, is infusion therapy for people like me",
    "can people with digestive issues get infusions instead of tablets",
    "Does poor absorption from the gut count as a reason to go IV",
]),
("000", 36, ["consult with a healthcare provider who can evaluate your medical history"], [
    "how do i find out if infusion therapy is right for me",
    "how would my mum know whether she's suitable for it",
    "who decides if i'm a fit for infusions",
]),
# ===== 002 =====
("002", 1, ["traditional pain management approaches include oral medications, physical therapy, and lifestyle modifications"], [
    "what are the usual non-IV ways pain gets treated",
    "what are the traditional pain treatments people try before IV?",
    "standard pain treatment options besides drips?",
]),
("002", 1, ["some patients find these methods insufficient"], [
    "I've tried pills, physio and changing my diet and sleep and none of it is enough. does that happen to other people?",
    "why do people turn to IV treatment at all",
    "do the normal treatments not work for some ppl?",
]),
("002", 3, ["administration of medications, nutrients, or fluids directly into a vein"], [
    "is it only medicine that goes in the IV or other stuff too",
    "can an IV give nutrients and fluids as well as drugs",
    "what kinds of things can be put into a vein by IV",
]),
("002", 3, ["the controlled infusion of pain-relieving medications over a specified period"], [
    "is the pain medicine pushed in all at once or slowly over time",
    "do they just inject it quick or does it drip in slowly",
    "for chronic pain how is the IV medicine actually given, fast or gradual?",
]),
("002", 3, ["Healthcare professionals perform these treatments in clinical settings"], [
    "who gives the IV treatment and where",
    "is IV pain treatment done by professionals or do you do it at home yourself",
]),
("002", 3, ["monitoring patients throughout the process to track responses"], [
    "will someone watch me the whole time during the IV in case I react badly?",
    "are patients watched all the way through an IV treatment",
]),
("002", 4, ["anti-inflammatory drugs, muscle relaxants, and specialized pain medications"], [
    "are muscle relaxants ever given by IV for pain",
    "what categories of meds are used in IV pain management",
    "muscle relaxer iv?",
    "my husband's back spasms are brutal. is there an IV version of a muscle relaxant?",
]),
("002", 4, ["Each medication works through different mechanisms to address pain signals"], [
    "do the different IV drugs all work the same way",
    "how do the IV pain meds actually work, same mechanism for all of them?",
    "r all the iv meds doing the same thing in the body",
]),
("002", 5, ["when oral medications prove ineffective, cause intolerable side effects"], [
    "when do doctors suggest IV therapy",
    "if my tablets give me side effects I can't stand, is that a reason to go IV?",
    "what makes a doctor recommend an IV over pills",
    "pills not working and making me sick. when does IV become an option?",
]),
("002", 5, ["some patients receiving single infusions while others may require ongoing sessions"], [
    "is it a one time thing or do you keep going back",
    "how many infusions will i need",
    "one and done?",
    "my mother asked if she'll need repeat IV sessions or just the one. what decides that?",
    "does everyone need ongoing IV sessions?",
]),
("002", 7, ["Complex inflammatory demyelinating polyneuropathy (CIDP)", "Specialized IV medications can help restore nerve function"], [
    "can IV therapy help CIDP",
    "my dad was just diagnosed with CIDP, does IV treatment do anything for that?",
    "cidp iv?",
    "what can IV meds do for the nerves in CIDP",
    "is there an IV option for chronic inflammatory demyelinating polyneuropathy",
]),
("002", 7, ["though its effectiveness varies among individuals"], [
    "does IV therapy work the same for everyone",
    "do results from IV treatment differ from person to person?",
]),
("002", 8, ["The rapid onset of IV medications can help abort migraine episodes", "Migraine sufferers who experience frequent, severe headaches may find relief"], [
    "can an IV stop a migraine once it starts",
    "i get bad migraines 3x a week and triptans do nothing, could IV therapy help",
    "migraine IV??",
    "does IV work better than pills for migraine attacks",
    "my wife gets horrible headaches that wipe her out for days, can IV treatment break them?",
    "are IV meds any good for frequent severe headaches",
]),
("002", 10, ["noticeable improvement within minutes rather than waiting hours"], [
    "how fast does IV pain relief work",
    "minutes or hours?",
    "do you feel it working within minutes",
    "tabs take like 2 hrs for me, is the iv quicker",
]),
("002", 10, ["particularly beneficial during pain flares"], [
    "is IV good when i'm having a bad flare",
    "During a flare-up I can't wait around for pills to kick in. Would an IV help then?",
    "iv for flare ups?",
]),
("002", 11, ["monitor patients closely and adjust treatment in real-time"], [
    "can they change the dose while the IV is going",
    "if it's not working mid session can they tweak it?",
    "why is it done in a clinic, what's the point of that setting",
]),
("002", 11, ["This oversight helps optimize dosing and quickly identify any adverse reactions"], [
    "how do they spot a bad reaction quickly",
]),
("002", 11, ["customize medication combinations and concentrations based on individual patient needs"], [
    "can they mix different meds in one IV",
    "is the strength of the IV tailored to the person",
    "do they blend drugs together for each patient",
]),
("002", 13, ["review each patient’s medical history, current medications, and pain characteristics"], [
    "what will the doctor look at before deciding on IV therapy",
    "do i need to bring a list of my current meds to the first appointment",
    "what do they check before IV pain treatment",
    "My mum's on about 9 different tablets. Will they look at those before starting IV treatment?",
]),
("002", 13, ["collaborate with patients to develop individualized treatment plans"], [
    "is IV treatment planned individually or the same plan for all",
    "do i get a say in my IV treatment plan",
    "will they work with me on a plan or just tell me what to do",
]),
# ===== 004 =====
("004", 5, ["one third and two-thirds of the population suffers"], [
    "how many people have chronic lower back pain",
    "is chronic low back pain common? like how common",
    "bmj back pain stat?",
    "I feel like the only one with a bad back. How many people actually suffer from it long term?",
]),
("004", 5, ["the US spend $560 billion dollars a year on chronic pain"], [
    "how much does chronic pain cost the US",
    "whats the economic cost of chronic pain in america per year",
    "my economics teacher said chronic pain costs billions. what's the actual figure per year in the US?",
]),
("004", 5, ["patients feel pain all over their body with no apparent cause"], [
    "what is fibromyalgia",
    "fibromialgia what is it",
    "my girlfriend was diagnosed with fibromyalgia, in simple terms what does that mean",
    "is fibro where you hurt everywhere for no reason?",
]),
("004", 5, ["the common treatment options leave a lot to be desired"], [
    "are the normal treatments for chronic pain actually any good?",
    "why is everyone so unhappy with regular chronic pain treatment",
]),
("004", 7, ["like fibromyalgia, phantom limb pain, post-herpetic neuralgia", "complex regional pain syndrome as well as stroke pain"], [
    "can IV infusions help phantom limb pain",
    "my grandpa lost his leg and still feels it hurting. is there an infusion for that?",
    "pain after a stroke, can infusions treat it",
    "infusions for post stroke pain?",
    "what range of chronic pain conditions can IV drugs treat",
]),
("004", 7, ["The drugs that are available include Lidocaine, ketamine, clonidine, and magnesium."], [
    "what drugs are available as IV infusions for pain",
    "is magnesium given as an infusion for pain",
    "clonidine drip is that a thing for chronic pain",
    "I heard someone mention a magnesium drip and a clonidine one. are those real pain infusion options?",
]),
("004", 7, ["much more effective than when taking via the oral route"], [
    "is IV more effective than swallowing the same drug",
    "why is a drip supposed to work better than a tablet, something about digestion?",
    "iv vs oral which is more effective",
]),
("004", 9, ["Lidocaine is the most studied and best-researched option."], [
    "which IV pain drug has the most research behind it",
    "is lidocaine well studied",
    "whats the best researched infusion",
    "Out of all the pain infusions which one have scientists looked into the most?",
]),
("004", 9, ["IV lidocaine infusion for fibromyalgia is an increasingly common treatment option"], [
    "is lidocaine used for fibromyalgia",
    "lido infusion fibro common?",
    "my friend with fibro gets lidocaine drips, is that a usual treatment these days",
]),
("004", 9, ["stopping nerves that take a signal from the painful area", "without a signal the brain cannot detect pain"], [
    "how does lidocaine stop pain, explain like im 5",
    "does lidocaine stop the nerves from firing?",
    "my husband asked me how a numbing drug in the vein helps the pain in his feet. how does it work?",
    "if the nerve doesnt send the signal does the brain still feel pain",
]),
("004", 11, ["its equestrian use as a horse tranquilizer", "often associated with the recreational use"], [
    "isnt ketamine a horse tranquilizer??",
    "wait ketamine the party drug? for pain?",
    "my mum freaked out when I said ketamine, she says it's for horses. is that true?",
    "ket for pain, isn't that a club drug",
]),
("004", 11, ["increasingly being researched for its pain relieving and antidepressant properties"], [
    "is ketamine being studied for depression too",
    "why are researchers so interested in ketamine these days",
]),
("004", 11, ["far lower than a recreational dose which may make a patient hallucinate"], [
    "how much ketamine do they give, is it like a recreational amount",
    "is the ketamine dose in a pain infusion as high as what people take to get high?",
    "small dose or big dose of ketamine?",
]),
("004", 11, ["stops pain signals from going up with spinal cord into the brain"], [
    "how does ketamine block pain, like where in the body",
    "does ketamine stop pain signals travelling up the spine?",
    "ketamine and the spinal cord - whats the connection for pain",
]),
("004", 15, ["some risk of infection from the needle", "the same as if you had a drip in hospital!"], [
    "can you get an infection from the IV needle",
    "is the infection risk like having a normal hospital drip",
    "my dad is worried about germs getting in from the needle. is infection a risk with IV infusions?",
    "infection from needle?",
]),
("004", 15, ["ketamine has hallucinogenic properties as previously mentioned"], [
    "what risks come with the specific drug, like ketamine?",
    "are hallucinations a risk because of the ketamine itself",
    "besides the needle what other risks are there, drug specific ones?",
]),
("004", 15, ["No treatment comes without risks. And so IV infusions are no exception."], [
    "are infusions totally risk free",
    "any risks with iv infusions at all?",
    "My sister says IV drips are completely safe because they're just medicine. Is there really zero risk?",
]),
("004", 19, ["IV infusions have not been used to treat chronic pain for long."], [
    "how long have IV infusions been used for chronic pain",
    "is this a new treatment or has it been around ages",
    "new or old treatment?",
]),
("004", 19, ["review study published in 2017 called lidocaine infusions", "a promising therapeutic approach for chronic pain!"], [
    "is there any proof these infusions work",
    "what does the research say about lidocaine infusions",
    "wasnt there a 2017 review on lidocaine drips? what did it conclude",
    "My brother says it's all hype with no science. Is there actually evidence that IV infusions help chronic pain?",
    "evidence it works?",
]),
]

# ---------------------------------------------------------------------------
# multi-turn answer cases: (article, line, [evidence], [turns]); last turn judged
# ---------------------------------------------------------------------------
MULTI = [
("000", 11, ["NSAIDs: To reduce inflammation and pain (e.g., ketorolac)."],
 ["what kinds of drugs go in pain infusions?", "which one's the anti-inflammatory?"]),
("000", 10, ["Opioids: For severe pain (e.g., morphine, fentanyl)."],
 ["what meds can be given by infusion for pain", "and for really really bad pain?"]),
("000", 14, ["Biologics: Used for conditions like rheumatoid arthritis."],
 ["my sister has rheumatoid arthritis", "which of the infusion drug types would be for her condition?"]),
("000", 18, ["typically lasts anywhere from 30 minutes to several hours"],
 ["I'm booked for my first infusion next week", "how long will I be sat there?"]),
("000", 18, ["while others may notice improvement over the next few days"],
 ["how long does the infusion itself last?", "and when will I feel it working?"]),
("000", 25, ["Phlebitis: Inflammation of the veins."],
 ["what are the side effects of infusions", "what's the one to do with veins?"]),
("000", 29, ["often comes with longer recovery times and greater risks"],
 ["how does infusion therapy compare to other treatments", "what about surgery?"]),
("000", 29, ["Compared to oral medications, it offers faster relief and more precise targeting"],
 ["is infusion better than physio?", "ok and compared to just taking tablets?"]),
("000", 35, ["conditions that affect medication absorption, such as gastrointestinal issues"],
 ["who are the ideal candidates for infusion therapy", "what about people with stomach issues?"]),
("000", 17, ["a comfortable setting like a treatment chair or bed"],
 ["what happens at the start of infusion therapy", "and where do I sit during the actual session?"]),
("000", 33, ["like fibromyalgia or CRPS, who haven’t found relief from oral medications"],
 ["hi my dad has CRPS", "he's tried loads of pills with no luck", "would he be the kind of patient infusions are meant for?"]),
("000", 17, ["the patient schedules their first session"],
 ["I've got a consultation for infusion therapy", "what will they go over with me?", "and after that what happens?"]),
("002", 7, ["Complex inflammatory demyelinating polyneuropathy (CIDP)", "Specialized IV medications can help restore nerve function"],
 ["what conditions does IV therapy help", "what about CIDP?"]),
("002", 8, ["The rapid onset of IV medications can help abort migraine episodes"],
 ["can IV treatment help with headaches", "why would it work better than my pills for an attack?"]),
("002", 4, ["anti-inflammatory drugs, muscle relaxants, and specialized pain medications"],
 ["what kinds of drugs are used for IV pain treatment", "any for muscle spasms?"]),
("002", 5, ["some patients receiving single infusions while others may require ongoing sessions"],
 ["will I need lots of IV sessions?", "so some people only need one?"]),
("002", 5, ["when oral medications prove ineffective, cause intolerable side effects"],
 ["when would a doctor suggest IV treatment", "what if the tablets give me horrible side effects?"]),
("002", 10, ["particularly beneficial during pain flares"],
 ["how quickly does IV pain relief start", "is it useful during a flare then?"]),
("002", 11, ["customize medication combinations and concentrations based on individual patient needs"],
 ["can they adjust the IV during treatment?", "and can they combine different medicines?"]),
("002", 13, ["review each patient’s medical history, current medications, and pain characteristics"],
 ["what happens before IV therapy is started", "will they ask about the other meds i take?"]),
("002", 8, ["when oral medications fail to provide adequate control"],
 ["what's IV therapy", "can it do anything for migraines?", "even if oral meds have failed?"]),
("004", 9, ["Lidocaine is the most studied and best-researched option."],
 ["which drugs are available as IV infusions for pain", "which of those is the most researched?"]),
("004", 11, ["far lower than a recreational dose which may make a patient hallucinate"],
 ["what is ketamine normally known for", "so how much do they give for pain compared with that?"]),
("004", 11, ["its equestrian use as a horse tranquilizer"],
 ["can ketamine help chronic pain?", "isn't that the horse drug though?"]),
("004", 15, ["some risk of infection from the needle"],
 ["are there risks with IV infusions?", "what about from the needle itself?"]),
("004", 19, ["review study published in 2017 called lidocaine infusions"],
 ["is there any evidence iv infusions work", "what did that 2017 study say?"]),
("004", 5, ["the US spend $560 billion dollars a year on chronic pain"],
 ["how common is chronic lower back pain?", "and how much does chronic pain cost the US?"]),
("004", 7, ["complex regional pain syndrome as well as stroke pain"],
 ["what conditions can IV infusions treat", "does that include pain after a stroke?"]),
("004", 5, ["patients feel pain all over their body with no apparent cause"],
 ["my mom has fibromyalgia", "what even is that exactly?"]),
("004", 7, ["The drugs that are available include Lidocaine, ketamine, clonidine, and magnesium."],
 ["what drugs are available by IV for chronic pain?", "is magnesium really one of them?"]),
]

# ---------------------------------------------------------------------------
# unanswerable: near-topic questions none of the five articles answers
# ---------------------------------------------------------------------------
UNANS = [
    ["is it safe to have a ketamine infusion while pregnant?"],
    ["can i get lidocaine infusions while breastfeeding my 4 month old"],
    ["does infusion therapy affect fertility at all"],
    ["can children get ketamine infusions for CRPS"],
    ["my 14 yr old has chronic migraines, are IV infusions even allowed for teenagers?"],
    ["how much does a ketamine infusion cost"],
    ["price of a lidocaine infusion per session?"],
    ["does medicare pay for ketamine infusions"],
    ["will my insurance cover IV therapy for fibro"],
    ["what is spravato and how is it different from ketamine infusions"],
    ["is esketamine nasal spray as good as IV ketamine"],
    ["how do I look after a PICC line at home"],
    ["how often does a port-a-cath need flushing"],
    ["whats the difference between a PICC and a port"],
    ["does a spinal cord stimulator work better than infusions"],
    ["what is an intrathecal pain pump"],
    ["is a TENS machine any good for fibromyalgia"],
    ["can IV infusions help Ehlers-Danlos syndrome pain"],
    ["is ketamine infusion good for endometriosis pain"],
    ["can lupus joint pain be treated with infusions"],
    ["is Lyrica better than lidocaine infusions"],
    ["what are the side effects of Cymbalta"],
    ["how does Botox for migraines compare to IV treatment"],
    ["is Aimovig an infusion or an injection?"],
    ["what's in a myers cocktail drip"],
    ["do NAD+ IV drips help with chronic fatigue"],
    ["are those hangover IV bars safe"],
    ["what are the side effects of an iron infusion"],
    ["how often do you get Remicade infusions for Crohn's"],
    ["is Ocrevus an infusion for multiple sclerosis"],
    ["what does IVIG cost for CIDP"],
    ["how many IVIG treatments does CIDP usually need"],
    ["is ketamine addictive if you get it for pain"],
    ["will a lidocaine infusion show up on a drug test for work"],
    ["can I drink alcohol the night after a ketamine infusion"],
    ["can i eat breakfast before my infusion or do i have to fast"],
    ["what size needle do they use for infusions"],
    ["can someone with a pacemaker have a lidocaine infusion"],
    ["is ketamine infusion ok for someone with epilepsy"],
    ["can people with liver disease have lidocaine infusions"],
    ["is there an upper age limit for infusions? my dad is 88"],
    ["can I get my covid jab the same week as an infusion"],
    ["ketamine infusion vs ECT for depression, which is better?"],
    ["ketamine or psilocybin for PTSD, which works better"],
    ["is a nerve block injection in the spine better than an infusion"],
    ["lidocaine patches vs lidocaine infusion, which is stronger"],
    ["is ketamine FDA approved for chronic pain"],
    ["what percentage of people get relief from ketamine infusions"],
    ["does IV magnesium help restless legs"],
    ["can infusions help tinnitus"],
    ["does ketamine help with OCD"],
    ["is DHE given by IV for migraines"],
    ["does Toradol damage your kidneys if you have it too often"],
    ["what's low dose naltrexone and does it help fibro"],
    ["is CBD oil good for nerve pain"],
    ["can i get infusions for interstitial cystitis pain"],
    ["do infusions help long covid"],
    ["are there infusions for gout flares"],
    ["is it safe to fly the day after a ketamine infusion"],
    ["is ketamine safe for people with schizophrenia in the family"],
    ["my 6 year old needs IV antibiotics at home, how do we manage the line?"],
    ["can IV saline help POTS"],
    ["what are the long term effects of ketamine on the bladder"],
    ["Is Savella good for fibromyalgia?"],
    ["is ketamine legal to prescribe in australia"],
    ["does mirror therapy work for phantom limb pain"],
    ["tell me about ketamine infusions", "ok but is it safe if i'm pregnant tho?"],
    ["what is a lidocaine infusion used for", "and how much does one cost roughly?"],
    ["can IV therapy help CIDP", "what about IVIG specifically, how many grams do they give?"],
    ["my mum gets biologic infusions for her RA", "which one is better, Orencia or Actemra?"],
]

ALLOWED_KINDS = {"answer", "unanswerable", "medical_advice", "clinic", "human", "out_of_scope",
                 "smalltalk", "emergency", "crisis", "not_emergency"}
KEYS = ["id", "kind", "turns", "evidence", "intents"]

def norm(s):
    s = s.lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\xa0", " ")
    s = re.sub(r"[*_`]", "", s)
    return re.sub(r"\s+", " ", s).strip()

def words(s):
    return re.findall(r"[a-z0-9$+']+", norm(s))

def build():
    cases, meta = [], []
    for art, ln, ev, qs in SINGLE:
        for q in qs:
            cases.append({"kind": "answer", "turns": [q], "evidence": list(ev), "intents": []})
            meta.append((art, ln, "single"))
    for art, ln, ev, turns in MULTI:
        cases.append({"kind": "answer", "turns": list(turns), "evidence": list(ev), "intents": []})
        meta.append((art, ln, "multi"))
    for turns in UNANS:
        cases.append({"kind": "unanswerable", "turns": list(turns), "evidence": [], "intents": []})
        meta.append((None, None, "multi" if len(turns) > 1 else "single"))
    out = []
    for i, c in enumerate(cases, 1):
        d = {"id": "t5q-%04d" % i}
        d.update(c)
        out.append(d)
    return out, meta

def check(rows, meta):
    errs = []
    all_lines = [(a, i + 1, norm(l)) for a, ls in ARTS.items() for i, l in enumerate(ls)]
    # word 7-grams of every article, to catch copied phrases in questions
    grams = set()
    for a, ls in ARTS.items():
        for l in ls:
            w = words(l)
            for k in range(len(w) - 6):
                grams.add(tuple(w[k:k + 7]))
    seen = {}
    per_line = {}
    for n, (r, (art, ln, shape)) in enumerate(zip(rows, meta), 1):
        rid = r.get("id")
        if list(r.keys()) != KEYS:
            errs.append(f"{rid}: keys/order {list(r.keys())}")
        if rid != "t5q-%04d" % n:
            errs.append(f"{rid}: id out of sequence (expected t5q-{n:04d})")
        if r["kind"] not in ALLOWED_KINDS:
            errs.append(f"{rid}: bad kind {r['kind']}")
        t = r["turns"]
        if not isinstance(t, list) or not (1 <= len(t) <= 3) or any(not isinstance(x, str) or not x.strip() for x in t):
            errs.append(f"{rid}: bad turns")
        if shape == "multi" and len(t) < 2:
            errs.append(f"{rid}: multi-turn case with one turn")
        key = re.sub(r"\s+", " ", t[-1].casefold()).strip()
        if key in seen:
            errs.append(f"{rid}: duplicate last turn of {seen[key]}: {t[-1]!r}")
        seen[key] = rid
        for x in t:
            w = words(x)
            for k in range(len(w) - 6):
                if tuple(w[k:k + 7]) in grams:
                    errs.append(f"{rid}: copies a 7-word article phrase: {' '.join(w[k:k+7])!r}")
                    break
        if r["intents"] != []:
            errs.append(f"{rid}: intents must be empty")
        if r["kind"] == "answer":
            ev = r["evidence"]
            if not (1 <= len(ev) <= 2):
                errs.append(f"{rid}: answer needs 1-2 evidence strings")
            if art not in ("000", "002", "004"):
                errs.append(f"{rid}: answer from article {art} outside 000/002/004")
            line = ARTS[art][ln - 1]
            for e in ev:
                nw = len(e.split())
                if not (5 <= nw <= 12):
                    errs.append(f"{rid}: evidence has {nw} words: {e!r}")
                if e not in line:
                    errs.append(f"{rid}: evidence not an exact substring of {art} line {ln}: {e!r}")
                hits = [(a, i) for a, i, nl in all_lines if norm(e) in nl]
                if len(hits) != 1:
                    errs.append(f"{rid}: evidence occurs on {len(hits)} lines of the five articles: {e!r} {hits}")
            if shape == "single":
                per_line[(art, ln)] = per_line.get((art, ln), 0) + 1
        else:
            if r["evidence"] != []:
                errs.append(f"{rid}: evidence must be empty for {r['kind']}")
    # coverage: every fact line chosen gets at least 3 single-turn questions
    fact_lines = {"000": [3, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 17, 18, 20, 23, 24, 25, 26, 29, 30, 32, 33, 34, 35, 36],
                  "002": [1, 3, 4, 5, 7, 8, 10, 11, 13],
                  "004": [5, 7, 9, 11, 15, 19]}
    for a, lns in fact_lines.items():
        for ln in lns:
            if per_line.get((a, ln), 0) < 3:
                errs.append(f"coverage: {a} line {ln} has {per_line.get((a, ln), 0)} single-turn questions (<3)")
    return errs, per_line

def main():
    rows, meta = build()
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    errs, per_line = check(rows, meta)
    kinds = {}
    for r, (_, _, shape) in zip(rows, meta):
        kinds[(r["kind"], shape)] = kinds.get((r["kind"], shape), 0) + 1
    print("total", len(rows))
    for k in sorted(kinds):
        print(" ", k, kinds[k])
    for a in ("000", "002", "004"):
        print(" ", a, "single-turn per line:", {ln: c for (aa, ln), c in sorted(per_line.items()) if aa == a})
    if errs:
        for e in errs:
            print("FAIL", e)
        sys.exit(1)
    print("all checks passed")

if __name__ == "__main__":
    main()
