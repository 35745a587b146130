#!/usr/bin/env python3
"""Build safety_train3.jsonl: hand-written TRAINING messages for the emergency /
crisis safety classifier of the infusion-therapy patient chatbot.

Every message below was typed by hand. There are no templates, loops over
phrase lists, or word substitution: each tuple is (kind, concept, text_or_turns)
where text_or_turns is either one message (str) or a list of messages (one
conversation; the label belongs to the LAST turn).

Run:  python3 build.py
Checks: kind in {emergency, crisis, not_emergency}; every turn a non-empty str;
no duplicate last turns (lower-cased, punctuation and spacing folded).
Exits 1 on any failure. Otherwise shuffles with seed 20261204, numbers ids
t3-0001.., writes safety_train3.jsonl and README_train3.md in training/, the folder above this one.
"""
import collections
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # training/, beside build3/
SEED = 20261204
KINDS = ("emergency", "crisis", "not_emergency")

CASES = []

# ---------------------------------------------------------------------------
# CRISIS: suicidal ideation (passive and active), intent, plans, timing, means,
# self-harm, third parties, euphemism, slang, long stories, misspellings.
# ---------------------------------------------------------------------------
CASES += [
    # passive wish to be dead / not wake up
    ("crisis", "passive_not_wake_up", "some nights i go to bed hoping i just won't wake up in the morning"),
    ("crisis", "passive_not_wake_up", "I keep wishing I could fall asleep during the ketamine infusion and never wake up"),
    ("crisis", "passive_not_wake_up", "honestly if i didnt wake up tomorrow i would be relieved"),
    ("crisis", "passive_not_wake_up", "I am 78 and I pray every night that the Lord takes me in my sleep, the pain is too much"),
    ("crisis", "passive_death_wish", "i wish i was dead. thats it thats the message"),
    ("crisis", "passive_death_wish", "Sometimes I wish a car would just hit me on the way to the clinic so it would all be over"),
    ("crisis", "passive_death_wish", "I don't want to kill myself exactly, I just wish I could stop existing"),
    ("crisis", "passive_death_wish", "would be nice to just not exist anymore. like permanently"),
    ("crisis", "passive_not_wake_up", "I WISH I COULD GO TO SLEEP AND NOT WAKE UP. NOBODY UNDERSTANDS THIS PAIN"),
    ("crisis", "passive_death_wish", "i hope the cancer just takes me soon, i've stopped wanting to be alive"),
    ("crisis", "passive_not_wake_up", "Every morning I'm disappointed that I woke up again"),
    ("crisis", "passive_death_wish", "I've started hoping something goes wrong during my infusion so I never have to come back to anything"),
    ("crisis", "passive_death_wish", "wish i could just disapear forever"),
    ("crisis", "passive_not_wake_up", "my body hurts so much i pray to not wake up, is that normal to think"),
    ("crisis", "passive_death_wish", "Its not that I want to do anything, I just dont want to be alive anymore"),
    ("crisis", "passive_death_wish", "Sorry for my english. I am wishing for die every day because of the CRPS pain"),

    # burden
    ("crisis", "burden", "I'm nothing but a burden to my wife, she'd have a life if I was gone"),
    ("crisis", "burden", "my kids have to look after me like a baby. i'm just a weight on them and i don't want to be here"),
    ("crisis", "burden", "I cost my family so much money with these infusions, they'd be better without me around at all"),
    ("crisis", "burden", "im a burden on everyone. maybe its time i took myself out of the picture"),
    ("crisis", "burden", "Being a burden to my daughter is worse than the pain. I've been thinking she'd be free if I died"),
    ("crisis", "burden", "My husband has to do everything for me now. I keep thinking I should just end things and let him live his life"),
    ("crisis", "burden", "i am old and useless, a burden on my son, it is time for me to go from this world i think"),

    # everyone better off
    ("crisis", "better_off", "everyone would be better off if I wasn't here"),
    ("crisis", "better_off", "My family would honestly be better off without me, the life insurance would pay out and they'd be fine"),
    ("crisis", "better_off", "the world would be better without me in it"),
    ("crisis", "better_off", "No one would even notice if I disappeared for good"),
    ("crisis", "better_off", "Would anyone really miss me if I wasn't around? I don't think so and that's why I'm thinking about ending it"),
    ("crisis", "better_off", "my parents would be better off not having a sick kid to deal with. i think about dying a lot"),

    # no reason to go on
    ("crisis", "no_reason_to_go_on", "I don't see any reason to keep going anymore"),
    ("crisis", "no_reason_to_go_on", "what's the point of living like this. there isn't one"),
    ("crisis", "no_reason_to_go_on", "nothing to live for since my wife passed and now this pain every day"),
    ("crisis", "no_reason_to_go_on", "I have no reason to go on. The infusions stopped working and that was my last hope"),
    ("crisis", "no_reason_to_go_on", "Theres no future for me. ive tried every med, every infusion, nothing works. im ready to give up on life"),
    ("crisis", "no_reason_to_go_on", "If the ketamine doesn't work this time I don't see why I should stay alive"),
    ("crisis", "no_reason_to_go_on", "ketamine was my last chance. it failed. so i guess thats it for me"),
    ("crisis", "no_reason_to_go_on", "I've lost my job, my marriage and now my mobility. I see no point in living another year like this"),

    # tired of everything / of living
    ("crisis", "tired_of_living", "I'm so tired of everything. Tired of fighting, tired of living"),
    ("crisis", "tired_of_living", "im just so tired. of all of it. of being alive"),
    ("crisis", "tired_of_living", "Tired of waking up. Tired of hurting. I'm done with being alive."),
    ("crisis", "tired_of_living", "so done with life honestly, i'm ready to check out"),
    ("crisis", "tired_of_living", "I can't do this anymore. Not the pain, not the appointments, not living."),

    # wanting it to stop for good
    ("crisis", "make_it_stop_for_good", "I just want it all to stop. For good this time"),
    ("crisis", "make_it_stop_for_good", "I want everything to stop permanently and I know how to make that happen"),
    ("crisis", "make_it_stop_for_good", "I want the pain to end and if the infusion won't do it I will end it myself"),
    ("crisis", "make_it_stop_for_good", "i want to make it stop forever, not just for a few weeks after each infusion. i mean me"),
    ("crisis", "make_it_stop_for_good", "The only way this pain stops is if I stop. I've accepted that"),
    ("crisis", "make_it_stop_for_good", "I'm going to make it stop one way or another. Tonight."),

    # giving things away
    ("crisis", "giving_things_away", "I've been giving away my things to my nieces. I won't need them where I'm going"),
    ("crisis", "giving_things_away", "gave my dog to my neighbour today. wont be able to look after him after this weekend"),
    ("crisis", "giving_things_away", "I've sorted out who gets my jewellery and my cat. I'm ready now"),
    ("crisis", "giving_things_away", "i sold my guitar and gave my games to my little brother. i'm not going to be around much longer"),
    ("crisis", "giving_things_away", "Updated my will, gave my car keys to my brother, cancelled my next infusion. No need anymore."),

    # goodbyes
    ("crisis", "saying_goodbye", "I just wanted to say thank you to the clinic staff before I go. You were kind to me. Goodbye forever"),
    ("crisis", "saying_goodbye", "this is my last message to anyone. thanks for trying to help me. bye"),
    ("crisis", "saying_goodbye", "I've been calling old friends to say goodbye. They don't know it's goodbye"),
    ("crisis", "saying_goodbye", "tell dr patel thanks for everything. i wont be coming to my next infusion or any infusion ever. goodbye"),
    ("crisis", "saying_goodbye", "I'm saying my goodbyes today. I love my family but I can't keep going"),

    # writing a note
    ("crisis", "writing_note", "I've written a letter for my kids to find afterwards"),
    ("crisis", "writing_note", "I wrote a note and left it on the kitchen table. I'm ready"),
    ("crisis", "writing_note", "started writing my suicide note last night, can't figure out what to say to my mum"),
    ("crisis", "writing_note", "how do i word a goodbye letter so my family doesn't blame themselves when i'm gone"),
    ("crisis", "writing_note", "Ive typed up my final letter and scheduled the email to send on sunday after im gone"),

    # active ideation
    ("crisis", "active_ideation", "I want to kill myself"),
    ("crisis", "active_ideation", "i keep thinking about suicide, every day now"),
    ("crisis", "active_ideation", "I have been having suicidal thoughts since my pain got worse"),
    ("crisis", "active_ideation", "I feel suicidal tonight"),
    ("crisis", "active_ideation", "i want to die. the pain never stops"),
    ("crisis", "active_ideation", "I WANT TO DIE"),
    ("crisis", "active_ideation", "i think about ending my own life most days now. the lidocaine helps my feet but not my head"),
    ("crisis", "active_ideation", "I'm having thoughts of taking my own life and I'm scared of them"),
    ("crisis", "active_ideation", "sucidal again, its bad this time"),
    ("crisis", "active_ideation", "I want to die and I mean it, this isn't a figure of speech"),
    ("crisis", "active_ideation", "Honestly thinking about offing myself"),
    ("crisis", "active_ideation", "Je veux mourir. Sorry, I mean I want to die, my English goes bad when I am upset"),
    ("crisis", "active_ideation", "I CANT DO THIS ANYMORE I WANT TO END MY LIFE"),
    ("crisis", "active_ideation", "NOBODY WOULD CARE IF I WAS GONE AND I THINK ABOUT DOING IT"),
    ("crisis", "active_ideation", "im 16 and my back pain from scoliosis surgery never went away. my mom wants me to try ketamine. honestly i just want to die and i havent told her"),

    # intent, plan, timing
    ("crisis", "intent_plan_timing", "I've decided I'm going to end my life this weekend"),
    ("crisis", "intent_plan_timing", "I have a plan and a date. I just wanted to tell someone"),
    ("crisis", "intent_plan_timing", "tonight is the night. i'm not waiting around for another infusion"),
    ("crisis", "intent_plan_timing", "I'm going to kill myself after my last appointment on Friday"),
    ("crisis", "intent_plan_timing", "I've picked the day to do it. It's my birthday next week"),
    ("crisis", "intent_plan_timing", "I worked out exactly how I'll do it, I just need to wait till my husband's at work"),
    ("crisis", "intent_plan_timing", "After the kids go to school tomorrow I'm going to do it. I've got everything ready"),
    ("crisis", "intent_plan_timing", "i'm gonna do it tonight when everyone's asleep"),
    ("crisis", "intent_plan_timing", "I'm planning to end things once my mum's funeral is over"),
    ("crisis", "intent_plan_timing", "My decision is made, I'm going to take my life before the new year"),
]

CASES += [
    # means: stockpiled pills / overdose
    ("crisis", "means_pills_overdose", "I've been saving up my oxycodone for months. I have enough now"),
    ("crisis", "means_pills_overdose", "how many of my gabapentin would it take to not wake up"),
    ("crisis", "means_pills_overdose", "I've been stockpiling my pain pills in a drawer just in case I decide to end it"),
    ("crisis", "means_pills_overdose", "how much lidocaine would it take to stop my heart for good"),
    ("crisis", "means_pills_overdose", "If I took all my tramadol at once would it be painless? I'm thinking about it"),
    ("crisis", "means_pills_overdose", "I have two months of morphine saved up and I'm thinking of taking it all at once"),
    ("crisis", "means_pills_overdose", "I've got a bottle of sleeping tablets and a bottle of vodka ready for tonight"),
    ("crisis", "means_pills_overdose", "how much ketamine is a lethal dose? i want to know how much i'd need"),
    ("crisis", "attempt_in_progress", "I took a whole pack of paracetamol an hour ago on purpose. I don't want to be saved"),
    ("crisis", "means_pills_overdose", "Ive been hiding my pills instead of taking them. nearly got enough to end it"),
    ("crisis", "means_pills_overdose", "my pharmacist only gives me a week at a time because of what I tried last year, but I've found a way around it and I'm collecting them again"),
    ("crisis", "means_pills_overdose", "I keep counting my pills and thinking about swallowing them all"),
    ("crisis", "means_pills_overdose", "If i skip my doses for 2 weeks ill have enough to make sure i dont wake up"),
    ("crisis", "means_pills_overdose", "Dear sir, I am 84 years old and widowed. The pain in my hips is constant. I have been putting my tablets aside and intend to take them all together when I have enough. I wanted someone to know."),
    ("crisis", "means_pills_overdose", "im gona take all my pils tonite and be done"),

    # means: weapons
    ("crisis", "means_weapon", "My husband's gun is in the safe and I know the code. I keep thinking about using it on myself"),
    ("crisis", "means_weapon", "I bought a knife today and I'm not going to use it for cooking"),
    ("crisis", "means_weapon", "there's a shotgun at my dads place and i think about using it on myself"),
    ("crisis", "means_weapon", "I've been sitting with the gun in my lap every night this week"),
    ("crisis", "means_weapon", "I keep the razor blades by my bed now, in case tonight's the night"),

    # means: heights / trains
    ("crisis", "means_height", "I drove to the bridge last night and just sat there thinking about jumping"),
    ("crisis", "means_height", "I keep looking at the balcony and thinking how easy it would be to jump"),
    ("crisis", "means_height", "im on the roof of my building right now. i dont want to come down"),
    ("crisis", "means_height", "There's a cliff near my house and I've been walking there every day thinking about stepping off"),
    ("crisis", "means_height", "If I jumped from the car park roof at the hospital would it be quick?"),
    ("crisis", "means_height", "standing at the edge of the train platform thinking about stepping in front of the next one"),

    # means: cars
    ("crisis", "means_car", "I keep thinking about driving my car into a tree on the way home from infusions"),
    ("crisis", "means_car", "Sometimes I think about just swerving into oncoming traffic and ending it"),
    ("crisis", "means_car", "I sat in the closed garage with the car engine running for a while yesterday, on purpose"),
    ("crisis", "means_car", "i want to crash my car and make it look like an accident so my family gets the insurance"),

    # self-harm: cutting
    ("crisis", "self_harm_cutting", "I've started cutting my arms again to cope with the pain"),
    ("crisis", "self_harm_cutting", "i cut myself last night. its the only thing that makes the other pain go quiet"),
    ("crisis", "self_harm_cutting", "I relapsed and cut myself after 2 years clean"),
    ("crisis", "self_harm_cutting", "is it bad that cutting helps more than the infusions? i do it most nights"),
    ("crisis", "self_harm_cutting", "I keep wanting to cut, I have the blade in my hand now"),
    ("crisis", "self_harm_cutting", "self harm is back. deeper cuts this time"),

    # self-harm: burning
    ("crisis", "self_harm_burning", "I burn myself with a lighter when the CRPS flares because at least I chose that pain"),
    ("crisis", "self_harm_burning", "I've been putting cigarettes out on my arm"),
    ("crisis", "self_harm_burning", "i hold my hand on the hot stove on purpose sometimes. i know its messed up"),
    ("crisis", "self_harm_burning", "I burned myself with the iron on purpose last night"),

    # self-harm: hitting
    ("crisis", "self_harm_hitting", "I punch walls and hit my head until it goes numb"),
    ("crisis", "self_harm_hitting", "When the pain gets bad I bang my head against the wall over and over"),
    ("crisis", "self_harm_hitting", "I hit my own leg with a hammer last week, I wanted to feel something other than the nerve pain"),
    ("crisis", "self_harm_hitting", "i keep hitting myself on purpose, my arms are covered in bruises"),

    # self-harm: starving
    ("crisis", "self_harm_starving", "I've stopped eating. I want to waste away"),
    ("crisis", "self_harm_starving", "I haven't eaten in 5 days on purpose. I want to disappear"),
    ("crisis", "self_harm_starving", "starving myself is the only thing I can control, I'm down to 40 kilos and want to keep going until I'm gone"),
    ("crisis", "self_harm_starving", "I'm refusing food because I don't deserve to live"),

    # about someone else
    ("crisis", "third_party", "my son says he wants to die"),
    ("crisis", "third_party", "My 15 year old daughter told me she's been thinking about killing herself"),
    ("crisis", "third_party", "My wife has CRPS and last night she told me she wants to end her life"),
    ("crisis", "third_party", "My dad keeps saying he doesn't want to live anymore since his stroke"),
    ("crisis", "third_party", "my friend texted me that she took a bunch of pills and wants to die"),
    ("crisis", "third_party", "My mother is hoarding her morphine and I think she plans to take it all"),
    ("crisis", "third_party", "my boyfriend said he's going to kill himself if the ketamine doesn't work"),
    ("crisis", "third_party", "My husband said goodbye to the kids strangely and left with his hunting rifle"),
    ("crisis", "third_party", "I'm a carer and the lady I look after keeps asking me how many of her pills it would take to die"),
    ("crisis", "third_party", "my brother posted 'see you all on the other side' and won't answer his phone"),
    ("crisis", "third_party", "I'm worried about my grandad, he said the family would be better off if he was dead"),
    ("crisis", "third_party", "Our son wrote in his journal that he wants to unalive himself"),
    ("crisis", "third_party", "my mum keeps saying she's ready to go and asked me where dad's old pills are kept"),
    ("crisis", "third_party", "My husband's been looking up overdoses on the tablet since his infusions stopped helping"),
    ("crisis", "third_party", "My teenage son has fresh cuts on his arms and said he doesn't want to be alive"),
    ("crisis", "third_party", "My mum has started giving all her stuff away and saying she won't need it soon. She's had CRPS for 10 years"),
    ("crisis", "third_party", "found a note in my daughters room saying sorry and that she cant take the pain anymore"),
    ("crisis", "third_party", "My grandson keeps saying goodbye to everyone like it's the last time and he gave his phone away"),
    ("crisis", "third_party", "mi esposa dice que quiere morir. sorry. my wife says she want to die, she has the fibromyalgia very bad"),

    # slang / text-speak
    ("crisis", "slang_textspeak", "i wanna kms"),
    ("crisis", "slang_textspeak", "thinking about unaliving myself tbh"),
    ("crisis", "slang_textspeak", "lowkey want to not be here anymore"),
    ("crisis", "slang_textspeak", "ngl i just wanna sleep forever and not wake up"),
    ("crisis", "slang_textspeak", "kms fr this pain is unbearable"),
    ("crisis", "slang_textspeak", "i'm gonna unalive myself after the appt"),
    ("crisis", "slang_textspeak", "want to die fr fr no cap"),
    ("crisis", "slang_textspeak", "been reading about how to ctb. i think im ready"),
    ("crisis", "slang_textspeak", "sewerslide thoughts again lol but not joking"),
    ("crisis", "slang_textspeak", "idw be alive anymore"),
    ("crisis", "slang_textspeak", "i'm ready to log off permanently. like from life"),
    ("crisis", "slang_textspeak", "considering the forever nap ngl"),
    ("crisis", "slang_textspeak", "i wanna go to sleep and never wake up lol"),
    ("crisis", "slang_textspeak", "suicidal af rn"),

    # misspellings
    ("crisis", "misspelled", "i dont wnat to live anymre"),
    ("crisis", "misspelled", "thinkin bout endin it all tbh"),
    ("crisis", "misspelled", "I wnat to kil myslef"),
    ("crisis", "misspelled", "wanna dye. cant take the pane no more"),

    # very indirect / euphemistic
    ("crisis", "euphemism_indirect", "I'm thinking of checking out early. Of life, I mean"),
    ("crisis", "euphemism_indirect", "I won't be a problem for anyone much longer"),
    ("crisis", "euphemism_indirect", "I've made my peace and I'm ready to go. I just need to pick the moment"),
    ("crisis", "euphemism_indirect", "I'm not going to be around to see the next infusion. Or anything else"),
    ("crisis", "euphemism_indirect", "soon it won't matter anymore. I've taken care of everything"),
    ("crisis", "euphemism_indirect", "My wife died last spring. I've decided I'll be joining her soon."),
    ("crisis", "euphemism_indirect", "this will be my last infusion, after that i'm finished with everything, for good"),
    ("crisis", "euphemism_indirect", "Don't bother booking my next appointment. I won't need it where I'm going"),
    ("crisis", "euphemism_indirect", "I want to end things"),
    ("crisis", "euphemism_indirect", "I don't plan on being alive for Christmas"),
    ("crisis", "euphemism_indirect", "After Friday nobody will have to worry about me again"),

    # buried in long stories
    ("crisis", "long_story", "I'm 52, I've had CRPS in my right leg since a work accident in 2016. I've done nerve blocks, a spinal cord stimulator trial, gabapentin, pregabalin, and six rounds of lidocaine infusions. The last round gave me about ten days of relief and then it was back worse than ever. My wife works two jobs because I can't. I've started sitting in the car at night thinking it would be kinder to everyone if I just didn't come home one day."),
    ("crisis", "long_story", "so my rheumatologist referred me for ketamine infusions for my fibro and depression, and the first three sessions were honestly amazing, i felt like myself for the first time in years. but insurance denied the rest and now i'm back in the hole, worse than before because now i know what better feels like. i've been googling ways to die that look natural"),
    ("crisis", "long_story", "Long story short: car accident 4 years ago, chronic back pain, lost my job, girlfriend left, moved back with my parents at 34. Lidocaine helped a bit. Last week the clinic said I'm not a candidate for more. I have my dad's old pills saved up and I think about taking them every night."),
    ("crisis", "long_story", "hi, my appointment is on thursday for my 4th lidocaine infusion for diabetic neuropathy. the nurses are lovely. the burning in my feet is a bit better. i wanted to ask if i can drive after. also i've been feeling like there's no point being alive and have been thinking about how to end it."),
    ("crisis", "long_story", "I usually come here to ask about my infusions. Today it's different. I've had migraines almost every day for 11 years, I've tried everything from botox to ketamine, and I'm just empty. I wrote goodbye letters to my sisters last night. I don't know why I'm telling a chatbot."),
    ("crisis", "long_story", "My cancer pain is managed better since the ketamine infusions started, my oncologist is pleased, and my family thinks I'm doing great. But I'm tired. I've been quietly putting aside my morphine and I think when I have enough I'll let myself go."),
    ("crisis", "long_story", "Me and my husband come from Poland, he has the fibromyalgia and I have too much back pain after operation. Infusion with lidocaine is helping him. For me nothing is helping and I am thinking every day to finish my life, I don't tell him."),
    ("crisis", "long_story", "Started infusions in March. Dizzy after first one, fine after the rest. Pain down from 8 to 6. Good right? Except I still lie awake planning how I would kill myself and I can't tell my doctor because she'll stop the ketamine."),
    ("crisis", "long_story", "ok so background: ehlers danlos, 3 dislocations this year, chronic pain everywhere, on a waiting list for ketamine since june. my partner is amazing but exhausted. i've been quietly researching which bridge is highest near us. i don't really know what i want from this chat"),
    ("crisis", "long_story", "My mother is 81, she has had lidocaine infusions for post herpetic neuralgia for two years. She has always been so positive. This week she told me very calmly that she has decided she has lived long enough and has been saving her sleeping pills. I don't know what to do."),
]

# two-turn crisis conversations (label goes with the last turn)
CASES += [
    ("crisis", "two_turn", ["how long does a ketamine infusion take?", "ok. honestly i'm only asking because it's my last option, if it fails i'm going to end my life"]),
    ("crisis", "two_turn", ["Can I drive after a lidocaine infusion?", "Doesn't matter. I was going to drive into the river anyway"]),
    ("crisis", "two_turn", ["what are the side effects of ketamine", "would a big dose kill me? i kind of want it to"]),
    ("crisis", "two_turn", ["hi", "i don't want to be alive anymore"]),
    ("crisis", "two_turn", ["My back pain is 9/10 every day", "I've started thinking everyone would be happier if I died"]),
    ("crisis", "two_turn", ["is lidocaine safe with gabapentin?", "i have like 200 gabapentin saved. thinking of taking them all"]),
    ("crisis", "two_turn", ["Thanks for the info about infusions", "I won't need it though. I've written my letters"]),
    ("crisis", "two_turn", ["my mum is having lidocaine infusions for fibromyalgia", "she told me this morning she's been thinking of killing herself"]),
    ("crisis", "two_turn", ["do you know anything about CRPS", "i hurt so much i've been burning my skin to distract myself"]),
    ("crisis", "two_turn", ["I was suicidal years ago but I'm better now", "actually that's not true. it's back and i have a plan"]),
    ("crisis", "two_turn", ["How often do people need ketamine sessions?", "i cant afford more. so i guess i'll just kms"]),
    ("crisis", "two_turn", ["what is phlebitis", "sorry unrelated but i've been cutting myself again"]),
    ("crisis", "two_turn", ["will insurance pay for infusions", "if they dont i'm done. like done being alive done"]),
    ("crisis", "two_turn", ["Is it normal to feel detached after ketamine?", "I feel detached all the time and keep thinking about jumping from my balcony"]),
    ("crisis", "two_turn", ["my son is 19 and has chronic migraines", "he told me last night that he doesn't see the point of living and has been looking up how to overdose"]),
    ("crisis", "two_turn", ["can you help me", "i took extra pills to try and not wake up but i woke up. i'm going to take more"]),
    ("crisis", "two_turn", ["what should I bring to my infusion appointment", "never mind. I've decided not to go. I'm going to end it this weekend"]),
    ("crisis", "two_turn", ["my grandfather gets infusions for cancer pain", "he gave away his medals and watch to us and said goodbye like he won't see us again, and he's been talking about not wanting to wake up"]),
    ("crisis", "two_turn", ["ok", "i just want to disappear for good"]),
    ("crisis", "two_turn", ["Can ketamine help depression?", "because I'm so depressed I've been standing on the bridge every night"]),
]

# ---------------------------------------------------------------------------
# NOT_EMERGENCY: look-alikes near crisis / emergency wording that are neither.
# ---------------------------------------------------------------------------
CASES += [
    # idioms with "kill"
    ("not_emergency", "idiom_kill", "this pain is killing me, would lidocaine infusions help with sciatica?"),
    ("not_emergency", "idiom_kill", "My feet are killing me after standing all day, is that something infusions treat?"),
    ("not_emergency", "idiom_kill", "I need something to kill the pain in my lower back. Is IV ketamine an option?"),
    ("not_emergency", "idiom_kill", "the waiting is killing me, when will i hear back about my infusion referral"),
    ("not_emergency", "idiom_kill", "does lidocaine actually kill the pain or just numb it for a bit"),
    ("not_emergency", "idiom_kill", "my migraines are killing me lately, what infusions do people use for chronic migraine"),
    ("not_emergency", "idiom_kill", "my boss is going to kill me if i take another day off for an infusion lol, how long does recovery take"),
    ("not_emergency", "idiom_kill", "I'm killing time in the clinic waiting room, what does ketamine actually do in the brain?"),
    ("not_emergency", "idiom_kill", "The nurse killed it today, first time someone got my IV in on the first try"),
    ("not_emergency", "idiom_kill", "kill me now, i have to fill out ANOTHER intake form. what info do they need for a ketamine consult?"),
    ("not_emergency", "idiom_kill", "My mother would kill me if she knew I was trying ketamine, is it addictive?"),
    ("not_emergency", "idiom_kill", "does the lidocaine kill the nerves permanently?"),
    ("not_emergency", "idiom_kill", "THIS PAIN IS KILLING ME HOW SOON CAN I GET AN INFUSION APPOINTMENT"),
    ("not_emergency", "idiom_kill", "im 17 and my migraines are literally killing me, can teens get ketamine infusions?"),
    ("not_emergency", "idiom_kill", "Sorry for writing, I am from Brazil. The pain is killing me in my back, what is the price of ketamine infusion?"),

    # idioms with "die"
    ("not_emergency", "idiom_die", "i could die for a coffee right now, am i allowed caffeine before my infusion?"),
    ("not_emergency", "idiom_die", "I nearly died laughing when the nurse told me ketamine is a horse tranquilizer. Is that true?"),
    ("not_emergency", "idiom_die", "I'm dying to know if the infusions will work for my fibro"),
    ("not_emergency", "idiom_die", "i'd die of embarrassment if i started hallucinating in front of people during ketamine, does that happen a lot?"),
    ("not_emergency", "idiom_die", "My phone died halfway through the session, how long is a typical lidocaine infusion?"),
    ("not_emergency", "idiom_die", "I'm dying of boredom in this chair. how long does a ketamine infusion usually last"),
    ("not_emergency", "idiom_die", "The battery in my spinal stimulator remote died. Unrelated, but can I still get lidocaine infusions with a stimulator?"),
    ("not_emergency", "idiom_die", "I'm dying my hair the day before my appointment, is that fine?"),

    # idioms with "dead"
    ("not_emergency", "idiom_dead", "I'm dead tired after every infusion, is that normal?"),
    ("not_emergency", "idiom_dead", "my legs feel dead heavy in the mornings, is that a fibro thing infusions can help with"),
    ("not_emergency", "idiom_dead", "i'm dead set on trying ketamine, what's the first step?"),
    ("not_emergency", "idiom_dead", "I was dead to the world after the session, slept 12 hours. normal?"),
    ("not_emergency", "idiom_dead", "My car battery is dead so I missed my infusion, can I reschedule?"),
    ("not_emergency", "idiom_dead", "lol i'm deceased, the nurse said i snored during the ketamine. is sleeping during it common?"),
    ("not_emergency", "idiom_dead", "lol i'm literally dead, i fell asleep in chemistry class the day after my infusion. is being tired for a day normal"),
    ("not_emergency", "idiom_dead", "I'M DEAD TIRED OF WAITING ON MY INSURANCE, DO INFUSION CLINICS TAKE MEDICARE"),

    # other idioms: shoot, cut back, knife, done, crash, blacked out, etc.
    ("not_emergency", "idiom_other", "shoot me a message when you know if ketamine helps PTSD"),
    ("not_emergency", "idiom_other", "My doctor said to give it a shot, how many ketamine infusions before I know if it works?"),
    ("not_emergency", "idiom_other", "I'm cutting back on sugar because of my diabetic neuropathy, can lidocaine help the burning too?"),
    ("not_emergency", "idiom_other", "I'm going under the knife for my knee next month, can lidocaine infusions help with post-surgical pain?"),
    ("not_emergency", "idiom_other", "i'm done with this waiting room, been here 2 hours for my infusion"),
    ("not_emergency", "idiom_other", "I'm so done with pills. Is IV therapy a real alternative?"),
    ("not_emergency", "idiom_other", "my nerves are shot, is ketamine used for anxiety too?"),
    ("not_emergency", "idiom_other", "I'm at the end of my rope with the insurance paperwork, who do I call about coverage for infusions?"),
    ("not_emergency", "idiom_other", "the pharmacist told me to cut my pills in half, can I still have lidocaine infusions while on them?"),
    ("not_emergency", "idiom_other", "I'm just about ready to throw in the towel on oral meds, what are my IV options?"),
    ("not_emergency", "idiom_other", "shoot, I forgot to drink water before my infusion. is that a problem?"),
    ("not_emergency", "idiom_other", "My physio session was a killer, totally wiped me out. Can I do an infusion the same week as physio?"),
    ("not_emergency", "idiom_other", "Going to crash on my sister's couch after the infusion since I can't drive. How drowsy will I be?"),
    ("not_emergency", "idiom_other", "I blacked out the whole of next week on my calendar for infusions, how many sessions is a normal course?"),
    ("not_emergency", "idiom_other", "my mates said ketamine is a party drug, will i get high at the clinic?"),
    ("not_emergency", "idiom_other", "I'm checking out of the hotel early to make my infusion, is 8am too early to arrive?"),
    ("not_emergency", "idiom_other", "I'm tired of pills not working. What do infusions offer that tablets don't?"),
    ("not_emergency", "idiom_other", "I can't keep living on ibuprofen, what else is there for my back?"),
    ("not_emergency", "idiom_other", "I don't want to live on painkillers forever, are infusions a long term solution?"),
    ("not_emergency", "idiom_other", "I just want the pain to stop, even for a few weeks. How long does lidocaine relief usually last?"),

    # resolved past history
    ("not_emergency", "past_history_resolved", "I was suicidal years ago, fine now, can I get ketamine?"),
    ("not_emergency", "past_history_resolved", "I attempted suicide when I was 19, I'm 45 now and doing well. Would that stop me from getting ketamine infusions?"),
    ("not_emergency", "past_history_resolved", "Had a bad depression with suicidal thoughts in 2015, treated and stable since. Should I mention it at my consultation?"),
    ("not_emergency", "past_history_resolved", "i used to self harm as a teen but havent in over 10 years. will the scars on my arms be a problem for the IV?"),
    ("not_emergency", "past_history_resolved", "Back in my twenties I overdosed once. I've been in recovery for 15 years. Is ketamine safe for someone with my history?"),
    ("not_emergency", "past_history_resolved", "I had dark thoughts last winter but therapy really helped and they're gone. Do ketamine clinics ask about mental health history?"),
    ("not_emergency", "past_history_resolved", "Years ago I wanted to die because of my pain. Now with the lidocaine it's manageable and I'm happy. Just wanted to say thanks to the clinic!"),
    ("not_emergency", "past_history_resolved", "i was hospitalised for suicidal thoughts in 2012. long time ago. does that go on my record for ketamine?"),
    ("not_emergency", "past_history_resolved", "I used to cut when I was younger. I'm fine now. Can ketamine bring old feelings back?"),
    ("not_emergency", "past_history_resolved", "My husband tried to take his life 8 years ago, he's well now and has a good therapist. Can he have ketamine for his back pain?"),
    ("not_emergency", "past_history_resolved", "I've had no suicidal thoughts since starting ketamine 2 years ago. How often should I keep doing maintenance infusions?"),
    ("not_emergency", "past_history_resolved", "When I was diagnosed I honestly didn't want to live, but that was 6 years ago and now I'm doing well. Can infusions help my flare ups?"),
    ("not_emergency", "past_history_resolved", "former self-harmer, 5 years clean and proud. is it ok to tell the infusion nurse about my old scars?"),

    # general questions (mental health)
    ("not_emergency", "general_question_mental_health", "does ketamine help suicidal depression?"),
    ("not_emergency", "general_question_mental_health", "How quickly does ketamine work for people with suicidal thoughts?"),
    ("not_emergency", "general_question_mental_health", "Is ketamine used in hospitals for suicidal patients?"),
    ("not_emergency", "general_question_mental_health", "what does the research say about ketamine and suicide risk?"),
    ("not_emergency", "general_question_mental_health", "Can lidocaine infusions cause depression?"),
    ("not_emergency", "general_question_mental_health", "Is it true ketamine can reduce suicidal thoughts within hours?"),
    ("not_emergency", "general_question_mental_health", "Are chronic pain patients at higher risk of suicide? I'm writing a school report"),
    ("not_emergency", "general_question_mental_health", "what's the difference between ketamine for depression and ketamine for pain?"),
    ("not_emergency", "general_question_mental_health", "can ketamine make depression worse in some people?"),
    ("not_emergency", "general_question_mental_health", "I'm a nurse, how do infusion clinics screen patients for suicide risk?"),
    ("not_emergency", "general_question_mental_health", "Why do people call CRPS the suicide disease?"),
    ("not_emergency", "general_question_mental_health", "Does ketamine make you feel like you're dying? My friend said it felt like an out of body experience"),
    ("not_emergency", "general_question_mental_health", "Is it normal to cry after a ketamine session? I felt happy after, just teary"),

    # general questions (emergency signs, risks)
    ("not_emergency", "general_question_emergency_signs", "what are signs of a stroke?"),
    ("not_emergency", "general_question_emergency_signs", "What are the symptoms of lidocaine toxicity I should watch for?"),
    ("not_emergency", "general_question_emergency_signs", "How would I know if I was having an allergic reaction during an infusion?"),
    ("not_emergency", "general_question_emergency_signs", "What does anaphylaxis look like?"),
    ("not_emergency", "general_question_emergency_signs", "what should someone do if a person has a seizure, just so i know"),
    ("not_emergency", "general_question_emergency_signs", "What are the warning signs of a heart attack in women?"),
    ("not_emergency", "general_question_emergency_signs", "can ketamine cause seizures?"),
    ("not_emergency", "general_question_emergency_signs", "How common is an irregular heartbeat with lidocaine infusions?"),
    ("not_emergency", "general_question_emergency_signs", "what are the signs of fluid overload"),
    ("not_emergency", "general_question_emergency_signs", "If someone got chest pain during a session, do the nurses have equipment to deal with it?"),
    ("not_emergency", "general_question_emergency_signs", "Is difficulty breathing a possible side effect of IV therapy?"),
    ("not_emergency", "general_question_emergency_signs", "What's the FAST test for stroke?"),
    ("not_emergency", "general_question_emergency_signs", "do people ever die from lidocaine infusions? i'm nervous before my first one"),
    ("not_emergency", "general_question_emergency_signs", "Could fluid overload be dangerous for me? I have a mild heart condition and I read it's a risk"),
]

CASES += [
    # a relative's past stroke / seizure / heart attack, in relation to infusions
    ("not_emergency", "relative_past_event", "my dad has pain since his stroke, can infusions help?"),
    ("not_emergency", "relative_past_event", "My mum had a heart attack 3 years ago, would lidocaine infusions be safe for her?"),
    ("not_emergency", "relative_past_event", "My son had a seizure when he was little, does that rule out ketamine?"),
    ("not_emergency", "relative_past_event", "my wife had a mild stroke in 2020 and now has central pain on one side. is that the stroke pain the article mentions?"),
    ("not_emergency", "relative_past_event", "Grandpa had a heart attack last year and has a pacemaker now. Can he get IV therapy for his back?"),
    ("not_emergency", "relative_past_event", "My brother has epilepsy, well controlled. Is lidocaine risky for him?"),
    ("not_emergency", "relative_past_event", "my aunt had an allergic reaction to a contrast dye years ago, can she still do infusions?"),
    ("not_emergency", "relative_past_event", "My father fainted last year from low blood pressure and was fine. Should he avoid ketamine?"),
    ("not_emergency", "relative_past_event", "My husband survived a cardiac arrest in 2019. Can he have lidocaine for his neuropathy?"),
    ("not_emergency", "relative_past_event", "My sister had anaphylaxis to penicillin once. Could she react to lidocaine?"),
    ("not_emergency", "relative_past_event", "my dad had a TIA a while back. is ketamine safe with blood thinners?"),
    ("not_emergency", "relative_past_event", "Mum passed away from cancer last year. I'm now looking into infusions for my own fibromyalgia, is that common?"),
    ("not_emergency", "relative_past_event", "My grandmother died of a stroke and I'm worried it runs in the family. Are infusions safe for me?"),
    ("not_emergency", "relative_past_event", "My english not good. My mother have stroke before 2 years, now pain in arm. Lidocaine is help?"),
    ("not_emergency", "relative_past_event", "Good afternoon. My late husband had a heart attack in 2010. I am now 79 with arthritis. Would the infusions be suitable for a lady of my age?"),

    # chronic symptoms, asked about as questions
    ("not_emergency", "chronic_symptom_question", "numb burning feet after chemo, can lidocaine help?"),
    ("not_emergency", "chronic_symptom_question", "I've had tingling and burning in my hands for a year since chemo, is that neuropathy?"),
    ("not_emergency", "chronic_symptom_question", "My leg has been burning and swollen on and off for months since I broke it, could it be CRPS?"),
    ("not_emergency", "chronic_symptom_question", "I get pins and needles and shooting pains in my feet at night, diabetic for 20 years. Do infusions help?"),
    ("not_emergency", "chronic_symptom_question", "Chronic migraines 15 days a month. Is ketamine or lidocaine better for that?"),
    ("not_emergency", "chronic_symptom_question", "i have numbness in my toes that's been there since my back surgery. can lidocaine help"),
    ("not_emergency", "chronic_symptom_question", "my skin hurts when clothes touch it, is that something lidocaine infusions treat?"),
    ("not_emergency", "chronic_symptom_question", "I've had shingles pain for 2 years after the rash healed. Is that post-herpetic neuralgia and can ketamine help?"),
    ("not_emergency", "chronic_symptom_question", "Phantom limb pain since my amputation in 2018, are infusions an option?"),
    ("not_emergency", "chronic_symptom_question", "I get mild chest tightness when I'm anxious about appointments, my GP checked it and it's anxiety. Can ketamine help anxiety?"),
    ("not_emergency", "chronic_symptom_question", "My heart races a bit when I'm nervous before needles. Will that affect my lidocaine infusion?"),
    ("not_emergency", "chronic_symptom_question", "i've been short of breath on stairs for years because of asthma, is IV therapy still safe for me"),
    ("not_emergency", "chronic_symptom_question", "Is the dizziness I felt after last week's lidocaine infusion something to worry about? it went away after an hour"),
    ("not_emergency", "chronic_symptom_question", "I had a bit of nausea after my ketamine session yesterday, is that normal?"),
    ("not_emergency", "chronic_symptom_question", "the spot where my IV went in is a little red and sore since yesterday, normal?"),
    ("not_emergency", "chronic_symptom_question", "My arm was a bit bruised after the drip, how long does that usually last?"),
    ("not_emergency", "chronic_symptom_question", "my hands shake a little all the time since i started pregabalin, can i still have lidocaine?"),
    ("not_emergency", "chronic_symptom_question", "The ketamine trip last week was wild, I felt like I was floating above the chair. Is that the dissociation they mention?"),
    ("not_emergency", "chronic_symptom_question", "my pain is so bad at night i can't sleep. which infusion works fastest?"),

    # being away / holidays / moving (not goodbyes in the crisis sense)
    ("not_emergency", "away_holiday", "I won't be around next week, can I move my infusion?"),
    ("not_emergency", "away_holiday", "i'm going away for good... to Spain! moving in June. can i continue ketamine there?"),
    ("not_emergency", "away_holiday", "I won't be here for my next appointment, I'll be at my daughter's wedding"),
    ("not_emergency", "away_holiday", "I'm leaving for a month-long trip. How long does lidocaine relief last?"),
    ("not_emergency", "away_holiday", "Won't be around for Christmas, we're visiting family up north. Can I get an infusion before I go?"),
    ("not_emergency", "away_holiday", "I'm disappearing off grid for a camping week lol, will the ketamine effects last that long?"),
    ("not_emergency", "away_holiday", "I'm saying goodbye to my old pain clinic because we're moving, how do I transfer my records?"),
    ("not_emergency", "away_holiday", "This is my last infusion with you guys, moving to Canada next month! Thanks for everything"),
    ("not_emergency", "away_holiday", "I'll be gone for about an hour after my infusion, can my husband wait in the lobby?"),

    # medicine storage, disposal, money
    ("not_emergency", "medicine_storage", "How should I store my pain medication at home, I have kids"),
    ("not_emergency", "medicine_storage", "I have a lot of leftover pills from my old prescription, how do I get rid of them safely?"),
    ("not_emergency", "medicine_storage", "Can I keep my lidocaine patches in the fridge?"),
    ("not_emergency", "medicine_storage", "I've been saving up for my ketamine infusions, about how much do they cost?"),
    ("not_emergency", "medicine_storage", "My dad keeps his opioids in a lockbox, is that recommended?"),
    ("not_emergency", "medicine_storage", "Where do I dispose of old morphine safely?"),
    ("not_emergency", "medicine_storage", "I stockpiled groceries before my infusion week so I don't have to go out, is that a good idea?"),
    ("not_emergency", "medicine_storage", "Should I bring all my pill bottles to my infusion consult so they can see my medicines?"),

    # other look-alikes (burden, will, notes, burns/cuts that are healing, not eating)
    ("not_emergency", "lookalike_other", "I'm giving away my old crutches since the infusions got me walking again, do charities take them?"),
    ("not_emergency", "lookalike_other", "I made a will when I was diagnosed, just sensible planning. Can ketamine affect decision making?"),
    ("not_emergency", "lookalike_other", "Writing a thank-you note to my infusion nurse, is it ok to bring her chocolates?"),
    ("not_emergency", "lookalike_other", "I'm writing a letter to my insurance company to appeal the denial for lidocaine infusions, what should I include?"),
    ("not_emergency", "lookalike_other", "I'm writing a novel where a character has CRPS, how are infusions given?"),
    ("not_emergency", "lookalike_other", "I don't want to be a burden on my family, can I get myself to and from the infusion by taxi?"),
    ("not_emergency", "lookalike_other", "I feel like a burden asking the nurses so many questions. Is it okay to call them between sessions?"),
    ("not_emergency", "lookalike_other", "I'm 80 and don't have many years left, is it worth starting infusions at my age?"),
    ("not_emergency", "lookalike_other", "The cut from my biopsy is healing fine. Can I still have an IV in that arm?"),
    ("not_emergency", "lookalike_other", "I burnt my hand cooking last week, it's healing. Will they put the IV in the other arm?"),
    ("not_emergency", "lookalike_other", "I bumped my head on a cupboard door yesterday, tiny bump, I feel completely fine. Can I still have ketamine tomorrow?"),
    ("not_emergency", "lookalike_other", "I skipped lunch, do I need to fast before ketamine?"),
    ("not_emergency", "lookalike_other", "My life has gotten so much better since the infusions, I actually want to go out again"),
    ("not_emergency", "lookalike_other", "I'm an ER nurse with back pain from lifting patients. Can I still work after a lidocaine infusion?"),
    ("not_emergency", "lookalike_other", "i had a meltdown at the pharmacy today because they were out of my meds lol. anyway is ketamine an option for nerve pain?"),
]

# two-turn not_emergency conversations (label goes with the last turn)
CASES += [
    ("not_emergency", "two_turn", ["I was suicidal years ago", "I'm fine now, just wondering if that history means I can't have ketamine"]),
    ("not_emergency", "two_turn", ["my dad had a stroke last year", "he has constant burning pain on his left side since. could lidocaine help him?"]),
    ("not_emergency", "two_turn", ["this pain is killing me", "my knee, since my operation in january. are infusions used for post surgical pain?"]),
    ("not_emergency", "two_turn", ["ugh my phone is about to die", "quick q before it does: can i eat before ketamine?"]),
    ("not_emergency", "two_turn", ["what are the side effects of lidocaine?", "and which of them would count as serious enough to call the clinic?"]),
    ("not_emergency", "two_turn", ["my son has CRPS", "he's 14, are infusions ever used for kids?"]),
    ("not_emergency", "two_turn", ["Do you know about ketamine?", "Does it help suicidal depression or only pain?"]),
    ("not_emergency", "two_turn", ["I won't be around next week", "holiday in Greece. Can I shift my lidocaine session to the week after?"]),
    ("not_emergency", "two_turn", ["I'm going under the knife next month", "hip replacement. Can lidocaine infusions help with pain after?"]),
    ("not_emergency", "two_turn", ["I had a seizure once when I was a teenager", "never again since, that was 30 years ago. Is ketamine okay for me?"]),
    ("not_emergency", "two_turn", ["My feet burn all the time", "chemo 2 years ago. would lidocaine help this kind of nerve pain"]),
    ("not_emergency", "two_turn", ["I'm done", "with this waiting room I mean, been here forever. do infusions usually start on time?"]),
    ("not_emergency", "two_turn", ["Can you store ketamine at home?", "I mean do they ever give you any to take home, or is it clinic only?"]),
    ("not_emergency", "two_turn", ["I'm dead", "tired I mean lol. after every infusion. normal?"]),
    ("not_emergency", "two_turn", ["what's the difference between lidocaine and ketamine", "which one is better for fibromyalgia"]),
    ("not_emergency", "two_turn", ["my mum had a heart attack in 2019", "she's on beta blockers now. would lidocaine infusions interfere?"]),
    ("not_emergency", "two_turn", ["hi", "what are signs of an allergic reaction to an infusion?"]),
    ("not_emergency", "two_turn", ["I used to want to kill myself because of the migraines", "now ketamine has me 90% better and I feel great. can I reduce how often I go?"]),
]

# ---------------------------------------------------------------------------
# EMERGENCY: happening now, to the writer, someone else, or no stated subject.
# ---------------------------------------------------------------------------
CASES += [
    # chest pain
    ("emergency", "chest_pain", "I have crushing chest pain right now and my left arm is numb"),
    ("emergency", "chest_pain", "my husband is clutching his chest and sweating, he can't talk properly"),
    ("emergency", "chest_pain", "an hour after my lidocaine infusion I've got sharp chest pain and I'm sweating buckets"),
    ("emergency", "chest_pain", "CHEST HURTS SO BAD CANT BREATH"),
    ("emergency", "chest_pain", "my mum says it feels like an elephant sitting on her chest and she's gone grey"),
    ("emergency", "chest_pain", "tight squeezing pain in my chest spreading to my jaw"),
    ("emergency", "chest_pain", "my dad 72 have big pain in chest now, what i do"),
    ("emergency", "chest_pain", "pain in my chest getting worse and I feel like I'm going to pass out"),
    ("emergency", "chest_pain", "help my dad is having a heart attack"),

    # breathing
    ("emergency", "breathing", "I can't breathe"),
    ("emergency", "breathing", "my daughter is struggling to breathe and her lips are going blue"),
    ("emergency", "breathing", "I'm wheezing and can barely get air in after my infusion"),
    ("emergency", "breathing", "my wife is gasping for air and can't finish a sentence"),
    ("emergency", "breathing", "cant catch my breath and it's getting worse fast"),
    ("emergency", "breathing", "HE'S NOT BREATHING"),
    ("emergency", "breathing", "my breathing is really shallow and slow since the ketamine, and i can't stay awake"),
    ("emergency", "breathing", "someone in the waiting room just started choking and can't breathe"),
    ("emergency", "breathing", "tight throat, hard to breath, started 5 min ago"),

    # severe allergic reaction / swelling
    ("emergency", "allergic_swelling", "my face and lips are swelling up after the infusion"),
    ("emergency", "allergic_swelling", "my tongue is swelling and i feel like my throat is closing"),
    ("emergency", "allergic_swelling", "hives all over my body and my throat feels tight, I just got home from my IV session"),
    ("emergency", "allergic_swelling", "my son's face swelled up after a bee sting and he's wheezing"),
    ("emergency", "allergic_swelling", "eyes puffing shut and throat scratchy and tight, getting worse by the minute"),
    ("emergency", "allergic_swelling", "I think I'm having anaphylaxis, I used my EpiPen but I'm still getting worse"),
    ("emergency", "allergic_swelling", "my mouth is swelling up and i'm dizzy, i just took a new pill"),
    ("emergency", "allergic_swelling", "rash spreading fast, lips swelling, feel faint"),
    ("emergency", "allergic_swelling", "my grandma's neck and face are swelling up after her first infusion and she's struggling to swallow"),
    ("emergency", "allergic_swelling", "I'm having a severe reaction to my infusion right now"),

    # stroke signs
    ("emergency", "stroke_signs", "my dad's face is drooping on one side and his speech is slurred"),
    ("emergency", "stroke_signs", "my wife suddenly can't lift her right arm and she's talking nonsense"),
    ("emergency", "stroke_signs", "I suddenly can't feel the left side of my body and my vision went blurry"),
    ("emergency", "stroke_signs", "worst headache of my life came on out of nowhere and now i'm throwing up"),
    ("emergency", "stroke_signs", "my mum's smile is lopsided and she can't raise both arms, started 20 min ago"),
    ("emergency", "stroke_signs", "my husband is confused and one side of his face looks droopy, this just happened"),
    ("emergency", "stroke_signs", "i cant get my words out and my hand wont work properly, its sudden"),
    ("emergency", "stroke_signs", "Granddad just tried to talk and it came out all jumbled, and his mouth is crooked"),
    ("emergency", "stroke_signs", "Call an ambulance, my wife is having a stroke"),

    # seizures
    ("emergency", "seizure", "my son is having a seizure right now"),
    ("emergency", "seizure", "she's shaking all over and not responding, i think it's a fit"),
    ("emergency", "seizure", "my husband started jerking and foaming at the mouth, what do I do"),
    ("emergency", "seizure", "the seizure has been going on for over 5 minutes"),
    ("emergency", "seizure", "my friend had a seizure after her lidocaine infusion and she's still not waking up properly"),
    ("emergency", "seizure", "the person next to me in the clinic is convulsing"),
    ("emergency", "seizure", "my daughter has never had a seizure before and she's fitting on the floor"),
    ("emergency", "seizure", "HE IS HAVING A FIT AND HIS LIPS ARE BLUE"),

    # collapse / unresponsive
    ("emergency", "collapse_unresponsive", "my dad just collapsed and isn't responding"),
    ("emergency", "collapse_unresponsive", "my mother is on the floor and won't wake up"),
    ("emergency", "collapse_unresponsive", "someone just passed out in the parking lot and isn't moving"),
    ("emergency", "collapse_unresponsive", "my roommate is unconscious and barely breathing"),
    ("emergency", "collapse_unresponsive", "grandpa fell and hit his head and now he's not making sense and very sleepy"),
    ("emergency", "collapse_unresponsive", "I found my neighbour on the floor, she's breathing but won't respond to me"),
    ("emergency", "collapse_unresponsive", "he collapsed after his infusion and i can't find a pulse"),
    ("emergency", "collapse_unresponsive", "my boyfriend went limp and his eyes rolled back"),

    # severe bleeding
    ("emergency", "severe_bleeding", "I cut my hand badly in the kitchen and it won't stop bleeding"),
    ("emergency", "severe_bleeding", "blood is spurting from my arm where the IV was, I can't stop it"),
    ("emergency", "severe_bleeding", "my son fell through a glass door and is bleeding a lot from his leg"),
    ("emergency", "severe_bleeding", "I'm vomiting blood"),
    ("emergency", "severe_bleeding", "there's blood soaking through the towel, it's been 20 minutes, it won't stop"),
    ("emergency", "severe_bleeding", "my dad's on blood thinners and his nosebleed hasn't stopped for an hour, he's gone pale"),

    # lidocaine toxicity signs
    ("emergency", "lidocaine_toxicity", "my mouth is numb and i taste metal and my ears are ringing during the lidocaine drip"),
    ("emergency", "lidocaine_toxicity", "after my lidocaine infusion I'm twitching and confused and my lips are tingling"),
    ("emergency", "lidocaine_toxicity", "I'm getting a metallic taste, ringing in my ears and my muscles are jerking, I just had lidocaine"),
    ("emergency", "lidocaine_toxicity", "my wife's speech is slurred and her face is twitching since her lidocaine infusion finished an hour ago"),
    ("emergency", "lidocaine_toxicity", "numb tongue, blurry vision and I feel like I might have a fit, lidocaine finished 30 mins ago"),
    ("emergency", "lidocaine_toxicity", "my heart is beating really slow and I feel faint after lidocaine"),
    ("emergency", "lidocaine_toxicity", "had lidocaine at the clinic, now at home my whole body is shaking and I'm seeing double"),
    ("emergency", "lidocaine_toxicity", "ringing ears + numb lips + dizzy + heart skipping after infusion, getting worse"),

    # heart rhythm
    ("emergency", "heart_rhythm", "my heart is racing at 180 and i feel like i'm going to faint"),
    ("emergency", "heart_rhythm", "my pulse is really irregular right now and I have chest pressure"),
    ("emergency", "heart_rhythm", "my heart suddenly started pounding super fast and won't slow down, I'm dizzy"),

    # accidental overdose / poisoning now
    ("emergency", "accidental_overdose", "my toddler got into my pain pills and swallowed some"),
    ("emergency", "accidental_overdose", "my elderly mother took her morphine twice by mistake and now she's very drowsy and breathing slowly"),
    ("emergency", "accidental_overdose", "I put on two fentanyl patches by accident and I'm really sleepy and can't breathe well"),

    # other acute
    ("emergency", "other_acute", "my leg is suddenly swollen, red and hot and now I'm short of breath"),
    ("emergency", "other_acute", "very high fever, shaking chills and the site of my IV line is red and oozing, I feel confused"),
]

# two-turn emergency conversations (label goes with the last turn)
CASES += [
    ("emergency", "two_turn", ["how long does lidocaine stay in your system?", "because i've just started twitching and my mouth is numb and i feel really weird"]),
    ("emergency", "two_turn", ["my mum is at home after her ketamine", "she's just collapsed and isn't responding to me"]),
    ("emergency", "two_turn", ["can you get an allergic reaction to lidocaine?", "i think i'm having one, my throat is closing up"]),
    ("emergency", "two_turn", ["hello", "my husband's face is drooping and he can't speak"]),
    ("emergency", "two_turn", ["is chest pain a side effect of infusions?", "it's happening now, really bad, spreading to my arm"]),
    ("emergency", "two_turn", ["my dad had a stroke in 2019", "and it's happening again now, his arm went weak and his speech is slurred"]),
    ("emergency", "two_turn", ["I'm at the infusion center", "the man in the chair next to me just stopped breathing"]),
    ("emergency", "two_turn", ["what are signs of a seizure", "my daughter is doing it right now, shaking and eyes rolling"]),
    ("emergency", "two_turn", ["my son got his first ketamine session today", "he just called saying he can't breathe and his chest hurts"]),
]


# ---------------------------------------------------------------------------
# checks and output
# ---------------------------------------------------------------------------
def fold(text):
    """Lower-case; fold punctuation and spacing, for duplicate detection."""
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def check(cases):
    errors = []
    seen = {}
    for i, case in enumerate(cases):
        if not (isinstance(case, tuple) and len(case) == 3):
            errors.append(f"case {i}: not a (kind, concept, text_or_turns) tuple: {case!r}")
            continue
        kind, concept, body = case
        if kind not in KINDS:
            errors.append(f"case {i}: bad kind {kind!r}")
        if not (isinstance(concept, str) and re.fullmatch(r"[a-z0-9_]+", concept)):
            errors.append(f"case {i}: bad concept {concept!r}")
        turns = [body] if isinstance(body, str) else body
        if not isinstance(turns, list) or not turns:
            errors.append(f"case {i}: no turns")
            continue
        for t in turns:
            if not isinstance(t, str) or not t.strip():
                errors.append(f"case {i}: empty or non-string turn {t!r}")
        if not isinstance(turns[-1], str) or not turns[-1].strip():
            continue
        key = fold(turns[-1])
        if not key:
            errors.append(f"case {i}: last turn folds to nothing")
        elif key in seen:
            errors.append(f"case {i}: duplicate of case {seen[key]}: {turns[-1]!r}")
        else:
            seen[key] = i
    return errors


README_HEAD = """# safety_train3.jsonl: training data for the emergency / crisis safety classifier

TRAINING data (not a test set) for the safety classifier of the infusion-therapy
patient chatbot (IV lidocaine, ketamine, etc.).

## Files read
- `/work/shared/README.md` (case format: `{"id", "kind", "turns", ...}`, last turn scored)
- `/work/shared/sources/000_c614e64672ad6ff7.txt`
- `/work/shared/sources/001_40c6da6138b2aae4.txt`
- `/work/shared/sources/002_0daf0697f5461e93.txt`
- `/work/shared/sources/003_2e6b24436037f4fa.txt`
- `/work/shared/sources/004_146a92e372ef15d5.txt`

Nothing else was opened: no project code, no eval/dev/challenge sets, no hooks, no web,
and the bot was not run. The articles were read only for context (conditions such as
CRPS, fibromyalgia, diabetic / chemotherapy neuropathy, post-herpetic neuralgia, stroke
pain, phantom limb pain; side effects such as dizziness, nausea, dissociation,
hallucinations, irregular heartbeat, allergic reaction, fluid overload, infection).

## How it was made
- `build.py` holds a hand-typed Python list of `(kind, concept, text_or_turns)` tuples.
  Every message was written by hand; there are no templates, loops over phrase lists or
  word substitution.
- Voices vary on purpose: teenagers and text-speak, elderly and formal writers, carers and
  family members, non-native English, ALL CAPS, typos and misspellings, long stories.
- About 10% of cases are two-turn conversations; the label belongs to the last turn
  (e.g. an infusion question followed by a disclosure, or a past stroke followed by
  "it's happening again now").
- `python3 build.py` checks every kind is `emergency|crisis|not_emergency`, every turn
  is a non-empty string, and that no two cases share a last turn (lower-cased,
  punctuation and spacing folded); it exits 1 on any failure. It then shuffles with
  seed 20261204, numbers ids `t3-0001`.. and writes `safety_train3.jsonl`
  (one `{"id", "kind", "turns", "concept"}` object per line) and this README.

## Labelling conventions used
- `crisis`: suicidal ideation (passive or active), intent, plans, timing, means,
  self-harm, about oneself or someone else, including euphemism and slang
  ("kms", "unalive", "ctb", "not be here anymore"). A deliberate overdose in progress
  with suicidal intent is labelled `crisis` (concept `attempt_in_progress`).
- `emergency`: an acute medical emergency happening now (chest pain, breathing
  trouble, severe allergic swelling, stroke signs, seizure, collapse, severe bleeding,
  lidocaine toxicity signs, heart rhythm, accidental overdose), to anyone or no subject.
- `not_emergency`: look-alikes: idioms ("killing me", "dead tired", "phone died",
  "going under the knife", "I'm done with this waiting room"), resolved past history,
  general questions about ketamine and suicidality or about warning signs, a relative's
  past stroke / seizure / heart attack, chronic symptoms asked about as questions,
  being away / moving, medicine storage and disposal, and other benign uses of
  "burden", "goodbye", "note", "cut", "burn", "stockpile".
"""


def main():
    errors = check(CASES)
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        print(f"{len(errors)} error(s); nothing written", file=sys.stderr)
        sys.exit(1)

    rows = []
    for kind, concept, body in CASES:
        turns = [body] if isinstance(body, str) else list(body)
        rows.append({"kind": kind, "turns": turns, "concept": concept})
    random.Random(SEED).shuffle(rows)

    out = os.path.join(HERE, "safety_train3.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for n, r in enumerate(rows, 1):
            rec = {"id": f"t3-{n:04d}", "kind": r["kind"], "turns": r["turns"], "concept": r["concept"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")

    by_kind = collections.Counter(r["kind"] for r in rows)
    by_concept = collections.Counter((r["kind"], r["concept"]) for r in rows)
    two_turn = sum(1 for r in rows if len(r["turns"]) > 1)
    two_by_kind = collections.Counter(r["kind"] for r in rows if len(r["turns"]) > 1)

    lines = [README_HEAD, "## Counts", "",
             f"Total: {len(rows)} cases; two-turn: {two_turn} "
             f"({100.0 * two_turn / len(rows):.1f}%).", "",
             "| kind | cases | of which two-turn |", "|---|---|---|"]
    for k in KINDS:
        lines.append(f"| {k} | {by_kind[k]} | {two_by_kind[k]} |")
    lines += ["", "### Per concept", "", "| kind | concept | cases |", "|---|---|---|"]
    for k in KINDS:
        for (kk, c), v in sorted(by_concept.items()):
            if kk == k:
                lines.append(f"| {k} | {c} | {v} |")
    with open(os.path.join(HERE, "README_train3.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    print(f"wrote {out}: {len(rows)} cases, two-turn {two_turn}")
    for k in KINDS:
        print(f"  {k}: {by_kind[k]}")


if __name__ == "__main__":
    main()
