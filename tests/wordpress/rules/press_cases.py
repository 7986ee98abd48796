# ruff: noqa: E501
"""Our own cases for the press grammar, written the way analysts' notes vary.

Each case is (intro text, [(outlet, topic, kind or None)]); an empty list means nothing may be
extracted. Outlets here are invented or common; the rules never see this file.
"""

# fmt: off
MENTIONS = [
    # One outlet, many verbs and tenses.
    ("I spoke to Reuters about the Gulf ceasefire.", [("Reuters", "the Gulf ceasefire", "interview")]),
    ("Talked with the Irish Times about Brexit and the border.", [("Irish Times", "Brexit and the border", "interview")]),
    ("Chatted with Politico Europe about the Commission's new defence chief.", [("Politico Europe", "the Commission's new defence chief", "interview")]),
    ("I've also spoken to Le Figaro about the riots in Marseille.", [("Le Figaro", "the riots in Marseille", "interview")]),
    ("Speaking to Radio Canada about Arctic sovereignty this week.", [("Radio Canada", "Arctic sovereignty", "interview")]),
    ("Gave an interview to Die Zeit on German rearmament.", [("Die Zeit", "German rearmament", "interview")]),
    ("Did a long interview with the Hindu about India's Gulf diaspora.", [("Hindu", "India's Gulf diaspora", "interview")]),
    ("Had a quick chat with Kyodo News about North Korean missile tests.", [("Kyodo News", "North Korean missile tests", "interview")]),
    ("Sat down with the Straits Times to discuss Malaysian politics.", [("Straits Times", "Malaysian politics", "interview")]),
    ("Provided some comments to Bloomberg regarding Egypt's debt.", [("Bloomberg", "Egypt's debt", "interview")]),
    ("Gave some thoughts to the Christian Science Monitor on Haitian gangs.", [("Christian Science Monitor", "Haitian gangs", "interview")]),
    ("Commented to the Associated Press about the coup in Gabon.", [("Associated Press", "the coup in Gabon", "interview")]),
    ("Was interviewed by El País about migration across the Mediterranean.", [("El País", "migration across the Mediterranean", "interview")]),
    ("I was interviewed by Deutschlandfunk on the Bundeswehr's readiness.", [("Deutschlandfunk", "the Bundeswehr's readiness", "interview")]),
    ("Yesterday I talked to Haaretz about Hezbollah's arsenal.", [("Haaretz", "Hezbollah's arsenal", "interview")]),
    ("On Tuesday, spoke with the Kyiv Independent about drone production.", [("Kyiv Independent", "drone production", "interview")]),
    ("Last week spoke to Dawn about the Afghan refugees in Karachi.", [("Dawn", "the Afghan refugees in Karachi", "interview")]),
    ("And I spoke to ABC News about the Texas shooting.", [("ABC News", "the Texas shooting", "interview")]),
    ("Separately, talked to the South China Morning Post about Hong Kong's security law.", [("South China Morning Post", "Hong Kong's security law", "interview")]),
    ("Meanwhile, I chatted with Semafor about Gulf investment in Africa.", [("Semafor", "Gulf investment in Africa", "interview")]),
    # Quoted, cited, broadcast, podcast, panel.
    ("Was quoted in the New York Times on the Houthi attacks in the Red Sea.", [("New York Times", "the Houthi attacks in the Red Sea", "quoted")]),
    ("Got quoted by Axios about the TikTok ban.", [("Axios", "the TikTok ban", "quoted")]),
    ("Also quoted in Le Temps on Swiss neutrality.", [("Le Temps", "Swiss neutrality", "quoted")]),
    ("I was cited in Foreign Policy on the Wagner Group's finances.", [("Foreign Policy", "the Wagner Group's finances", "other")]),
    ("Appeared on Sky News to talk about the Southport riots.", [("Sky News", "the Southport riots", "broadcast")]),
    ("Was on BBC Radio 4's Today programme discussing the defence review.", [("BBC Radio 4's Today", "the defence review", "broadcast")]),
    ("Went on Times Radio to discuss the Iranian elections.", [("Times Radio", "the Iranian elections", "broadcast")]),
    ("I was a guest on France 24 about the junta in Niamey.", [("France 24", "the junta in Niamey", "broadcast")]),
    ("Joined the Rest Is Politics podcast to talk through the Gaza talks.", [("Rest Is Politics", "the Gaza talks", "podcast")]),
    ("Also joined Kaiser Kuo on the Sinica podcast to discuss Chinese students abroad.", [("Sinica", "Chinese students abroad", "podcast")]),
    ("Was on a panel at Chatham House on maritime security in the Indo-Pacific.", [("Chatham House", "maritime security in the Indo-Pacific", "panel")]),
    ("Sat on a panel hosted by the Carnegie Endowment about Russian sanctions.", [("Carnegie Endowment", "Russian sanctions", "panel")]),
    # Lists of outlets sharing a topic; lists of five.
    ("Spoke to AFP, Reuters, the AP, Bloomberg and Al Jazeera about the coup attempt.", [
        ("AFP", "the coup attempt", None), ("Reuters", "the coup attempt", None), ("AP", "the coup attempt", None),
        ("Bloomberg", "the coup attempt", None), ("Al Jazeera", "the coup attempt", None)]),
    ("Talked to CNN, NBC, CBS, Fox News, and NPR about the hostage video.", [
        ("CNN", "the hostage video", None), ("NBC", "the hostage video", None), ("CBS", "the hostage video", None),
        ("Fox News", "the hostage video", None), ("NPR", "the hostage video", None)]),
    ("Spoke to the Guardian & the Observer about the prison strike.", [
        ("Guardian", "the prison strike", None), ("Observer", "the prison strike", None)]),
    ("Was quoted by the Times, the Telegraph and the Mirror about the budget.", [
        ("Times", "the budget", "quoted"), ("Telegraph", "the budget", "quoted"), ("Mirror", "the budget", "quoted")]),
    # Outlet-topic pairs; joiners.
    ("Spoke to Reuters about Sudan, the BBC about Chad, and CNN about Libya.", [
        ("Reuters", "Sudan", None), ("BBC", "Chad", None), ("CNN", "Libya", None)]),
    ("Talked to Der Spiegel about the AfD, and separately with Politico about the Greens.", [
        ("Der Spiegel", "the AfD", None), ("Politico", "the Greens", None)]),
    ("Spoke to Euronews about the Moldovan vote and, separately, to RFE/RL about Transnistria.", [
        ("Euronews", "the Moldovan vote", None), ("RFE/RL", "Transnistria", None)]),
    ("Spoke to the Financial Times about Turkish drones as well as Bloomberg about Qatari gas.", [
        ("Financial Times", "Turkish drones", None), ("Bloomberg", "Qatari gas", None)]),
    ("Spoke to Reuters about the election; the BBC about the recount.", [
        ("Reuters", "the election", None), ("BBC", "the recount", None)]),
    ("Relatedly, talked to the Economist about oil and unrelated to Vox about the Supreme Court.", [
        ("Economist", "oil", None), ("Vox", "the Supreme Court", None)]),
    ("Spoke to the BBC about the vote, and was quoted in the Times on the turnout.", [
        ("BBC", "the vote", "interview"), ("Times", "the turnout", "quoted")]),
    ("Appeared on Al Jazeera English to discuss Yemen and on TRT World about Syria.", [
        ("Al Jazeera English", "Yemen", "broadcast"), ("TRT World", "Syria", "broadcast")]),
    ("Quoted by Reuters on copper prices and in the Financial Times on cobalt.", [
        ("Reuters", "copper prices", "quoted"), ("Financial Times", "cobalt", "quoted")]),
    # Topics with commas, quotes, and clauses that comment on them.
    ("Spoke to the Washington Post about the Kurdish, Turkish and Syrian claims to Manbij.", [("Washington Post", "the Kurdish, Turkish and Syrian claims to Manbij", None)]),
    ("Spoke to Reuters about Iran, Iraq and Syria, and the BBC about Gaza.", [
        ("Reuters", "Iran, Iraq and Syria", None), ("BBC", "Gaza", None)]),
    ('Spoke to NPR about the "new Cold War" in the Arctic.', [("NPR", 'the "new Cold War" in the Arctic', None)]),
    ("Talked to Wired about “killer robots”, which is a phrase I try to avoid.", [("Wired", "“killer robots”", None)]),
    ("Spoke to the Atlantic about the draft law, something that will come back next year.", [("Atlantic", "the draft law", None)]),
    ("Spoke to Nikkei Asia about Thai politics - a topic that never gets old.", [("Nikkei Asia", "Thai politics", None)]),
    ("Spoke to the Independent about the strikes (link below).", [("Independent", "the strikes", None)]),
    ("Spoke to Bloomberg about chips yesterday.", [("Bloomberg", "chips", None)]),
    # Noun triggers after a lead-in.
    ("A busy week, including interviews with the BBC and CNN about the earthquake.", [
        ("BBC", "the earthquake", "interview"), ("CNN", "the earthquake", "interview")]),
    ("Plus a quick chat with Bloomberg about Argentine debt.", [("Bloomberg", "Argentine debt", "interview")]),
    ("Beyond the column, conversations with Le Monde and Libération about the pension reform.", [
        ("Le Monde", "the pension reform", "interview"), ("Libération", "the pension reform", "interview")]),
    ("Media work this week: discussions with Reuters about Ethiopia, and with Voice of America about Somalia.", [
        ("Reuters", "Ethiopia", "interview"), ("Voice of America", "Somalia", "interview")]),
    # A person of an outlet.
    ("Spoke to Jane Smith of the Guardian about the Chagos deal.", [("Guardian", "the Chagos deal", None)]),
    # More verbs, lists and the outlet as subject.
    ("Beyond this, I offered thoughts to the Telegraph on the Wagner mutiny and to Newsweek on Prigozhin's death.", [
        ("Telegraph", "the Wagner mutiny", "interview"), ("Newsweek", "Prigozhin's death", "interview")]),
    ("Spoke to ITV News, Channel 5 and TalkTV about knife crime in London.", [
        ("ITV News", "knife crime in London", None), ("Channel 5", "knife crime in London", None), ("TalkTV", "knife crime in London", None)]),
    ("Had some fun conversations with Tortoise Media and Monocle 24 about Nordic security.", [
        ("Tortoise Media", "Nordic security", "interview"), ("Monocle 24", "Nordic security", "interview")]),
    ("Was interviewed for a BBC documentary about the Lockerbie bombing.", [("BBC", "the Lockerbie bombing", "interview")]),
    ("Spoke to the Sydney Morning Herald and The Age about AUKUS submarines, and to the ABC about Chinese students in Australia.", [
        ("Sydney Morning Herald", "AUKUS submarines", None), ("Age", "AUKUS submarines", None), ("ABC", "Chinese students in Australia", None)]),
    ("Also did a live hit on MSNBC about the indictment, which was chaotic.", [("MSNBC", "the indictment", "broadcast")]),
    ("I gave a few comments to Agence France Presse about the Sahel juntas.", [("Agence France Presse", "the Sahel juntas", "interview")]),
    ("Quoted in The New Yorker, on Trump's tariffs.", [("New Yorker", "Trump's tariffs", "quoted")]),
    ("This week I spoke to Mediapart, Le Point and L'Express about jihadist recruitment in prisons.", [
        ("Mediapart", "jihadist recruitment in prisons", None), ("Le Point", "jihadist recruitment in prisons", None), ("L'Express", "jihadist recruitment in prisons", None)]),
    ("Interviews with the Guardian, the Mirror and the Sun about the Royal Family's finances.", [
        ("Guardian", "the Royal Family's finances", None), ("Mirror", "the Royal Family's finances", None), ("Sun", "the Royal Family's finances", None)]),
    ("Was on CNN International and BBC World News talking about the Beirut explosion.", [
        ("CNN International", "the Beirut explosion", "broadcast"), ("BBC World News", "the Beirut explosion", "broadcast")]),
    ("Spoke with NHK about Japan's defence budget and with KBS about North Korea.", [
        ("NHK", "Japan's defence budget", None), ("KBS", "North Korea", None)]),
    ("I spoke to Politico about the Commission's budget, the EUobserver about the rule of law, and Euractiv about farming subsidies.", [
        ("Politico", "the Commission's budget", None), ("EUobserver", "the rule of law", None), ("Euractiv", "farming subsidies", None)]),
    ("The BBC's Jeremy Bowen spoke to me about Gaza.", [("BBC", "Gaza", "interview")]),
    ("NPR had me on to discuss the rail strike.", [("NPR", "the rail strike", "broadcast")]),
    # Possessive persons, parentheses, parallel markers, a topic going on, calls and colons.
    ("In other news, I spoke with Deutsche Welle's Kate Brady about the German election.", [("Deutsche Welle", "the German election", "interview")]),
    ("Also spoke to The National (UAE) about Gulf diplomacy.", [("National", "Gulf diplomacy", "interview")]),
    ("Got a call from Bloomberg about the yuan, and ended up being quoted.", [("Bloomberg", "the yuan", "interview")]),
    ("I did a bunch of interviews this week: BBC World Service on Syria, Sky on Ukraine, and LBC on the budget.", [
        ("BBC World Service", "Syria", None), ("Sky", "Ukraine", None), ("LBC", "the budget", None)]),
    ("Spoke to Newsweek (again) about North Korea's missile programme.", [("Newsweek", "North Korea's missile programme", None)]),
    ("Spoke to Foreign Policy for their piece on Chinese police stations abroad.", [("Foreign Policy", "Chinese police stations abroad", None)]),
    ("On the media front, was interviewed by Al-Monitor about Iraqi Kurdistan and by Middle East Eye about Qatar.", [
        ("Al-Monitor", "Iraqi Kurdistan", "interview"), ("Middle East Eye", "Qatar", "interview")]),
    ("Talked to NRC Handelsblad and De Volkskrant about Dutch jihadists.", [
        ("NRC Handelsblad", "Dutch jihadists", None), ("De Volkskrant", "Dutch jihadists", None)]),
    ("I also contributed to a Reuters explainer on the Wagner Group.", [("Reuters", "the Wagner Group", "other")]),
    ("Had a long conversation with the New Statesman about the Labour leadership, which they then printed.", [("New Statesman", "the Labour leadership", "interview")]),
    ("Quoted in the FT, the WSJ, and the Economist this week on Chinese overcapacity.", [
        ("FT", "Chinese overcapacity", "quoted"), ("WSJ", "Chinese overcapacity", "quoted"), ("Economist", "Chinese overcapacity", "quoted")]),
    ("Was on Times Radio twice this week, talking about Iran and then about Israel.", [
        ("Times Radio", "Iran", "broadcast"), ("Times Radio", "Israel", "broadcast")]),
    ("Did a segment with CNBC about oil.", [("CNBC", "oil", "broadcast")]),
    ("Spoke to the Kyiv Post's Illia Ponomarenko about Ukrainian drones.", [("Kyiv Post", "Ukrainian drones", None)]),
    ("Elsewhere I was quoted extensively by Reuters on the Sahel.", [("Reuters", "the Sahel", "quoted")]),
    # Programmes of outlets, asked by, no topic, lists introduced, "the same", outlets as subjects.
    ("I talked with NPR's Morning Edition about the Sudan ceasefire.", [("NPR", "the Sudan ceasefire", "interview")]),
    ("Gave interviews to Kathimerini, To Vima and ERT on the Pylos shipwreck.", [
        ("Kathimerini", "the Pylos shipwreck", None), ("To Vima", "the Pylos shipwreck", None), ("ERT", "the Pylos shipwreck", None)]),
    ("Was asked by the Irish Times to comment on the Gaza flotilla.", [("Irish Times", "the Gaza flotilla", "interview")]),
    ("I spoke to the FT, who ran a piece on Wagner in Mali.", [("FT", "", "interview")]),
    ("AFP and the AP both quoted me on the Niger coup.", [("AFP", "the Niger coup", "quoted"), ("AP", "the Niger coup", "quoted")]),
    ("Spoke this morning to BBC Radio 5 Live about the Channel crossings.", [("BBC Radio 5 Live", "the Channel crossings", None)]),
    ("Spoke to Al Jazeera about the ICJ case, to TRT about the same, and to the BBC about Rafah.", [
        ("Al Jazeera", "the ICJ case", None), ("TRT", "the ICJ case", None), ("BBC", "Rafah", None)]),
    ("After the attack I spoke to lots of outlets, including the BBC, CNN and Sky.", [("BBC", "", None), ("CNN", "", None), ("Sky", "", None)]),
    ("I will be speaking to Bloomberg tomorrow about gold.", [("Bloomberg", "gold", None)]),
    ("The BBC had me on air to talk about Gaza.", [("BBC", "Gaza", "broadcast")]),
    # Pronoun topics become the column's subject (tested as "").
    ("Also spoke to Sky News about it.", [("Sky News", "", None)]),
    ("Wrote the piece on Monday and spoke to the FT about the same.", [("FT", "", None)]),
    ("Appeared on LBC.", [("LBC", "", "broadcast")]),
    # British and American spelling around the trigger.
    ("Was on a panel organised by the RUSI about the defence programme.", [("RUSI", "the defence programme", "panel")]),
    ("Was on a panel organized by the Atlantic Council about the Arctic program.", [("Atlantic Council", "the Arctic program", "panel")]),
]

NOT_MENTIONS = [
    "The BBC reported that the talks had stalled.",
    "Reuters first broke the story in March.",
    "As the Financial Times put it, the bloc is adrift.",
    "According to the Wall Street Journal, the deal is off.",
    "My co-author spoke to Reuters about the deal.",
    "The minister spoke to the BBC about the election.",
    "The ambassador, however, spoke to CNN about the sanctions.",
    "Officials told the New York Times about the plan.",
    "She was interviewed by Al Jazeera about the war.",
    "He appeared on Sky News to discuss the strikes.",
    "They were quoted in the Guardian on the merger.",
    "Spoke to a group of students at Sciences Po about terrorism.",
    "Spoke to my neighbours about the bypass.",
    "Talked to a room full of diplomats about sanctions.",
    "Spoke with colleagues at the Foreign Office about it.",
    "I spoke to some friends about the Paris Olympics.",
    "I have been reading the Economist about this for years.",
    "I watched CNN about the storm all night.",
    "The deal appeared on the agenda at the last minute.",
    "The story was on the front page of the Times.",
    "China was on the agenda at the summit.",
    "The interview with the president was cancelled.",
    "His conversations with the Taliban about prisoners went nowhere.",
    "The minister's interviews with the BBC were combative.",
    "During the talks with Hamas about hostages, nothing moved.",
    "The Guardian's coverage of the vote was excellent.",
    "Thanks to the Lowy Institute for hosting me.",
    "Spoke at length about the budget to the committee.",
    "I was on holiday last week.",
    "I was on Monday at the conference.",
    "The piece was quoted in passing by a minister.",
    "I talked to myself about it for an hour.",
    "This minister spoke to CNN about the deal.",
    "We discussed the Economist's leader in class.",
    "Le Monde published a profile of the general.",
    "Many analysts spoke to Bloomberg about the rate cut.",
    "The prime minister was interviewed by the FT about the budget.",
    "Its editors talked with Reuters about the leak.",
    "Students asked me about the war.",
    "My editor asked me about the deadline.",
    "Jane Smith interviewed me about her book.",
    "The minister asked me about sanctions.",
    "Spoke at the Oxford Union about free speech.",
    "Spoke to local radio about the floods.",
    "Spoke to the press about the verdict.",
    "Media coverage this week: mostly wrong about the vote.",
    "I got a call from my mother about dinner.",
    "The calls from Washington about the deal kept coming.",
    "Chinese diplomats have been talking to Taliban representatives for years.",
    "China, as usual, has moved quietly, talking to everyone and committing to little.",
    "Spoke to the Kyiv Post's readers? No, to its editors.",
    "My thanks to Reuters for quoting me on the coup.",
    "Thanks to everyone at the Guardian who helped with this piece.",
    "A Channel 4 News producer asked me about the riots.",
    "Joined the Labour Party about a decade ago.",
    "Talks with the Kremlin about a ceasefire stalled.",
    "Was asked by a friend about the Kremlin.",
    "The piece builds on a talk I gave at SOAS last month, where several students asked about Xinjiang.",
    "Reuters reported on Tuesday that the talks had resumed, which makes the timing awkward.",
    "I wrote this before the BBC broke the news of the ceasefire.",
    "The title was chosen by the editors at Foreign Policy, not me.",
    "A longer version appeared on War on the Rocks.",
    "Many thanks to Sky News for the invitation to discuss this on air, which I had to decline.",
    "I was on leave last week, so this is late.",
    "Spoke too soon about the ceasefire, it seems.",
    "The minister appeared on CNN to defend the deal.",
    "Analysts quoted in the FT on the deal were more sceptical.",
    "My interview with the ambassador, which Le Monde published, is linked below.",
    "I also spoke to my editor at the Guardian about a follow-up.",
    "Spoke with officials at the European Commission about the new rules.",
    "Talked with a former CIA officer about the leak.",
    "He told the Washington Post about the meeting.",
    "The Times was on the story first.",
    "Was on the train to Brussels when the news broke.",
    "I appeared on the list of speakers at the Munich Security Conference.",
    "Protesters spoke to the crowd about the war.",
    "The report was featured in a documentary about Syria.",
]

# Bios: (byline, text, {name: part of the bio}); an empty dict: no bio.
BIOS = [
    (["Ana Costa", "Li Wei"], "Ana Costa is a Senior Fellow at Chatham House and Li Wei is Lecturer in Law at SOAS.",
     {"Ana Costa": "a Senior Fellow at Chatham House", "Li Wei": "Lecturer in Law at SOAS"}),
    (["Ana Costa", "Li Wei"], "Ana Costa is director of the Africa Programme; Li Wei researches Chinese lending at the University of Oxford.",
     {"Ana Costa": "director of the Africa Programme", "Li Wei": "researches Chinese lending at the University of Oxford"}),
    (["Ana Costa", "Li Wei"], "The authors are Ana Costa, Head of Research at the Example Centre for Strategy (ECS), and Li Wei, an associate professor at Fudan University.",
     {"Ana Costa": "Head of Research at the Example Centre for Strategy (ECS)", "Li Wei": "an associate professor at Fudan University"}),
    (["Ana Costa"], "Ana Costa (@anacosta) is a visiting fellow at the Example Forum.",
     {"Ana Costa": "a visiting fellow at the Example Forum"}),
    ([], "Tomás Reyes teaches international law at the University of Chile.",
     {"Tomás Reyes": "teaches international law at the University of Chile"}),
    (["Ana Costa", "Li Wei"], "Ana Costa, a senior fellow at Chatham House, and Li Wei, a lecturer at SOAS, are the authors of a new report.",
     {"Ana Costa": "a senior fellow at Chatham House", "Li Wei": "a lecturer at SOAS"}),
    (["Ana Costa"], "Dr Ana Costa is a keen sailor and a visiting professor at Example University.",
     {"Ana Costa": "a keen sailor and a visiting professor at Example University"}),
    ([], "About the author: Ana Costa is a senior fellow at Chatham House.", {"Ana Costa": "a senior fellow at Chatham House"}),
    (["Ana Costa", "Li Wei"], "ANA COSTA is a Senior Fellow at Chatham House and LI WEI is a researcher at SOAS.",
     {"ANA COSTA": "a Senior Fellow at Chatham House", "LI WEI": "a researcher at SOAS"}),
    ([], "Beijing and Moscow, old rivals, are the authors of this mess.", {}),
    ([], "Li Wei, who is a researcher at SOAS, contributed reporting.", {}),
    ([], "The views expressed are the author's own.", {}),
    ([], "China is a major investor in the region and Russia is its partner.", {}),
    ([], "The authors are grateful to the reviewers.", {}),
    ([], "Beijing leads the world in solar panels.", {}),
]

# Intro outlets: (text, outlet or "").
INTRO_OUTLETS = [
    ("A piece for a new newsletter called the Baltic Brief on Estonian defence.", "Baltic Brief"),
    ("My first column for a weekly magazine, the Nairobi-based East African Review, on Somalia.", "East African Review"),
    ("Something in the Brookings Institution's Order from Chaos blog about Sudan.", "Order from Chaos"),
    ("An op-ed in the Jakarta Post about the new capital.", "Jakarta Post"),
    ("Wrote something short for the Lowy Institute's Interpreter about Fiji.", "Interpreter"),
    ("New piece up at the Diplomat on Laos.", "Diplomat"),
    ("This ran in the Straits Times today.", "Straits Times"),
    ("Out today in Foreign Affairs: why deterrence failed.", "Foreign Affairs"),
    ("The Guardian ran my piece on the strikes.", "Guardian"),
    ("A guest post for Lawfare on sanctions law.", "Lawfare"),
    ("I have a new piece out in Prospect on the Tories.", "Prospect"),
    ("A piece of good news: the ceasefire held.", ""),
    ("My latest newsletter is out.", ""),
    ("The deal appeared on the agenda.", ""),
    ("The Guardian ran a story on the strikes.", ""),
    ("It appeared in a footnote.", ""),
    ("Published by Penguin in May, the book is good.", ""),
    ("Something to think about this weekend.", ""),
]

# Standfirsts: (title, html, dek).
STANDFIRSTS = [
    ("Ports and power", "<p>Ports and power</p><p>DSC_0042.jpg</p><p>Why Gwadar still matters</p><p>Body one. Body two. Body three.</p>", "Why Gwadar still matters"),
    ("Ports and power", "<p>Ports and power</p><p>Photo: AFP/Getty Images</p><p>Why Gwadar still matters</p><p>Body one. Body two. Body three.</p>", "Why Gwadar still matters"),
    ("Ports and power", "<p>Ports and power</p><p>gwadar-port_REU1234</p><p>A container ship at Gwadar. (AP Photo/Jane Doe)</p><p>Why Gwadar still matters</p><p>Body one. Body two. Body three.</p>", "Why Gwadar still matters"),
    ("Ports and power", "<p>Ports and power</p><p>IMG_0001</p>", ""),
]
# fmt: on
