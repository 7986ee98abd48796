"""Demo content for Columnist.

A small, self-contained demo site for a fictional analyst, Maya Okafor, who
writes on security in Central Asia, China, Russia and Afghanistan. All text is
original and all people are invented; outlet names are used only as names.

This module is plain data (no Django imports) so that it can be imported and
checked on its own; a loader turns it into database rows.

Timestamps are naive ISO strings:

* ``published`` / ``updated`` are local to the outlet's ``timezone``;
* ``posted`` is UTC (the time the piece went up on the analyst's own site).
"""

# ---------------------------------------------------------------------------
# Bio lines, as printed with each column at the time it appeared.
# ---------------------------------------------------------------------------

_MAYA_RESEARCH_FELLOW = "Maya Okafor is a research fellow at the Halden Institute in London."
_MAYA_SENIOR_FELLOW = (
    "Maya Okafor is a senior fellow at the Halden Institute, where she works on "
    "security in Central Asia and Afghanistan."
)
_MAYA_DIRECTOR = (
    "Maya Okafor is director of the Eurasia Security Programme at the Halden Institute."
)

_TOMASZ_DOCTORAL = (
    "Tomasz Wierzbicki is a doctoral researcher in energy politics at the University of Warsaw."
)
_TOMASZ_ANALYST = "Tomasz Wierzbicki is an energy analyst at the Baltic Policy Centre."
_TOMASZ_HEAD = "Tomasz Wierzbicki is head of research at the Baltic Policy Centre in Warsaw."

_AIGERIM_INDEPENDENT = "Aigerim Sadykova is an independent researcher based in Almaty."
_AIGERIM_ASSOCIATE = (
    "Aigerim Sadykova is an associate fellow at the Halden Institute and lectures "
    "on security studies in Almaty."
)

_MAYA = "Maya Okafor"
_TOMASZ = "Tomasz Wierzbicki"
_AIGERIM = "Aigerim Sadykova"


# ---------------------------------------------------------------------------
# Outlets
# ---------------------------------------------------------------------------

OUTLETS = [
    # --- Outlets that carry her columns ---------------------------------
    {
        "name": "South China Morning Post",
        "short_name": "SCMP",
        "slug": "south-china-morning-post",
        "kind": "newspaper",
        "homepage": "https://www.scmp.com/",
        "timezone": "Asia/Hong_Kong",
        "description": "Hong Kong’s English-language daily.",
        "aliases": ["the South China Morning Post", "Post Magazine"],
    },
    {
        "name": "The Diplomat",
        "short_name": "Diplomat",
        "slug": "the-diplomat",
        "kind": "magazine",
        "homepage": "https://thediplomat.com/",
        "timezone": "Asia/Tokyo",
        "description": "Online magazine covering politics, security and society in the Asia-Pacific.",
        "aliases": ["Diplomat", "thediplomat.com"],
    },
    {
        "name": "Nikkei Asia",
        "short_name": "Nikkei",
        "slug": "nikkei-asia",
        "kind": "magazine",
        "homepage": "https://asia.nikkei.com/",
        "timezone": "Asia/Tokyo",
        "description": "Asia-focused business and politics title from Japan’s Nikkei group.",
        "aliases": ["Nikkei Asian Review", "Nikkei"],
    },
    {
        "name": "Foreign Policy",
        "short_name": "FP",
        "slug": "foreign-policy",
        "kind": "magazine",
        "homepage": "https://foreignpolicy.com/",
        "timezone": "America/New_York",
        "description": "Washington-based magazine of global politics and ideas.",
        "aliases": ["FP", "Foreign Policy magazine"],
    },
    {
        "name": "Halden Institute",
        "short_name": "Halden",
        "slug": "halden-institute",
        "kind": "think_tank",
        "homepage": "https://halden-institute.example/",
        "timezone": "Europe/London",
        "description": "Independent London research institute on international security; publishes short commentaries.",
        "aliases": ["The Halden Institute", "Halden Commentary"],
    },
    {
        "name": "The Steppe Dispatch",
        "short_name": "Steppe Dispatch",
        "slug": "the-steppe-dispatch",
        "kind": "newsletter",
        "homepage": "https://steppedispatch.example/",
        "timezone": "Asia/Almaty",
        "description": "Weekly subscriber newsletter on Central Asian politics, edited from Almaty.",
        "aliases": ["Steppe Dispatch", "the Dispatch"],
    },
    # --- Media outlets that interviewed or quoted her -------------------
    {
        "name": "Agence France-Presse",
        "short_name": "AFP",
        "slug": "agence-france-presse",
        "kind": "news_agency",
        "homepage": "https://www.afp.com/",
        "timezone": "Europe/Paris",
        "description": "French international news agency.",
        "aliases": ["AFP", "Agence France Presse"],
    },
    {
        "name": "Reuters",
        "short_name": "Reuters",
        "slug": "reuters",
        "kind": "news_agency",
        "homepage": "https://www.reuters.com/",
        "timezone": "Europe/London",
        "description": "International news agency headquartered in London.",
        "aliases": ["Thomson Reuters", "Reuters News"],
    },
    {
        "name": "BBC World Service",
        "short_name": "BBC",
        "slug": "bbc-world-service",
        "kind": "broadcaster",
        "homepage": "https://www.bbc.co.uk/worldserviceradio",
        "timezone": "Europe/London",
        "description": "The BBC’s international radio and online news service.",
        "aliases": ["BBC", "the BBC", "BBC World News"],
    },
    {
        "name": "France 24",
        "short_name": "France 24",
        "slug": "france-24",
        "kind": "broadcaster",
        "homepage": "https://www.france24.com/en/",
        "timezone": "Europe/Paris",
        "description": "French international news channel, broadcasting in English, French, Arabic and Spanish.",
        "aliases": ["France24", "France 24 English"],
    },
    {
        "name": "Al Jazeera English",
        "short_name": "AJE",
        "slug": "al-jazeera-english",
        "kind": "broadcaster",
        "homepage": "https://www.aljazeera.com/",
        "timezone": "Asia/Qatar",
        "description": "Doha-based international news channel.",
        "aliases": ["Al Jazeera", "AJE"],
    },
    {
        "name": "Eurasia Unpacked",
        "short_name": "Eurasia Unpacked",
        "slug": "eurasia-unpacked",
        "kind": "podcast",
        "homepage": "https://eurasiaunpacked.example/",
        "timezone": "Europe/Berlin",
        "description": "Fortnightly interview podcast on Russia, China and the lands in between.",
        "aliases": ["the Eurasia Unpacked podcast", "Eurasia Unpacked podcast"],
    },
]


# ---------------------------------------------------------------------------
# Authors
# ---------------------------------------------------------------------------

AUTHORS = [
    {
        "name": _MAYA,
        "slug": "maya-okafor",
        "is_owner": True,
        "bio": _MAYA_DIRECTOR,
        "website": "https://example.org/maya",
    },
    {
        "name": _TOMASZ,
        "slug": "tomasz-wierzbicki",
        "is_owner": False,
        "bio": _TOMASZ_HEAD,
        "website": "https://example.org/tomasz",
    },
    {
        "name": _AIGERIM,
        "slug": "aigerim-sadykova",
        "is_owner": False,
        "bio": _AIGERIM_ASSOCIATE,
        "website": "",
    },
]


# ---------------------------------------------------------------------------
# Columns (oldest first)
# ---------------------------------------------------------------------------

COLUMNS = [
    # 1 ----------------------------------------------------------------------
    {
        "title": "What the SCO Can and Cannot Do in Afghanistan",
        "slug": "what-the-sco-can-and-cannot-do-in-afghanistan",
        "dek": "The Shanghai Cooperation Organisation likes to talk about Afghanistan; it is far less clear that it was built to act there.",
        "intro": "<p>A new piece for the South China Morning Post on why the Shanghai Cooperation Organisation keeps promising more on Afghanistan than it can deliver.</p>",
        "body": """<p>Every summit of the Shanghai Cooperation Organisation produces a paragraph on Afghanistan. It expresses concern about terrorism, drug trafficking and the security of member states’ borders, and it calls for a peace process led and owned by Afghans. Then the delegations fly home, and very little changes on the ground.</p>
<p>That is not entirely the organisation’s fault. The SCO was designed around a narrow idea of security: containing what its founding documents call the “three evils” of terrorism, separatism and extremism, and tidying up the border questions left over from the Soviet collapse. It has no peacekeeping force, no development bank worth the name and no tradition of stepping into a neighbour’s civil war.</p>
<p>What it does have is a room in which China, Russia and the Central Asian states compare notes. The Regional Anti-Terrorist Structure in Tashkent keeps shared lists of wanted people and banned groups, and its officials have built working relationships that did not exist fifteen years ago. That is useful, if unglamorous.</p>
<p>The trouble starts when the SCO is asked to be more than that. Kabul has observer status and wants a bigger role; Beijing talks about connectivity; Moscow prefers to keep hard security inside its own Collective Security Treaty Organisation. These are not the same project, and the habit of consensus means the lowest common denominator usually wins.</p>
<p>A realistic agenda would be modest: better sharing of information on fighters moving between Afghanistan and Central Asia, joint work on border management along the Amu Darya, and a serious conversation about how narcotics money funds armed groups. None of it would make headlines. All of it would matter more than another paragraph in a summit declaration.</p>""",
        "excerpt": "",
        "outlet": "South China Morning Post",
        "original_url": "https://www.scmp.com/comment/insight-opinion/article/1926114/what-sco-can-and-cannot-do-afghanistan",
        "published": "2016-03-14T06:30",
        "updated": None,
        "posted": "2016-03-14T09:00",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["SCO", "Afghanistan", "China", "Central Asia"],
        "authors": [(_MAYA, _MAYA_RESEARCH_FELLOW)],
    },
    # 2 ----------------------------------------------------------------------
    {
        "title": "The Quiet Arithmetic of Central Asian Water",
        "slug": "the-quiet-arithmetic-of-central-asian-water",
        "dek": "Dams, cotton and winter electricity make water the region’s most persistent security question, and also its most negotiable one.",
        "intro": "<p>Aigerim Sadykova and I wrote this for The Diplomat on the water quarrels between Central Asia’s upstream and downstream states, and why they are more open to bargaining than the rhetoric suggests.</p>",
        "body": """<p>Ask an official in Dushanbe or Bishkek about water and you will hear about sovereignty: the rivers rise in their mountains, and they have every right to build dams. Ask the same question in Tashkent or Ashgabat and you will hear about survival: the rivers feed the cotton and wheat on which millions of rural jobs depend. Both answers are sincere. Neither is the whole story.</p>
<p>In Soviet times the arithmetic was settled in Moscow. Upstream reservoirs released water in summer for downstream irrigation, and downstream republics sent gas, coal and electricity back up in winter. When the Union ended, the water kept flowing but the fuel deliveries became commercial, unreliable and political. Upstream states began running their turbines in winter to keep the lights on, which meant less water when the fields needed it.</p>
<p>That is the real grievance behind the fights over big projects such as the Rogun dam in Tajikistan. A larger reservoir gives the upstream state more control over timing, and timing is what downstream farmers fear losing. Arguments about seismic risk and environmental damage matter, but they often stand in for an older question of who decides when the gates open.</p>
<p>The encouraging part is that timing can be negotiated in a way that sovereignty cannot. Seasonal energy swaps, shared data from river gauges and jointly run reservoirs are all technical fixes for a political problem, and all have worked somewhere else. What they need is a minimum of trust and a regional electricity market that actually clears.</p>
<p>Central Asia has more of both than it did ten years ago. It would be a mistake to treat water as a coming war. It is better understood as a standing negotiation, one that the region’s governments will keep having whether or not outsiders pay attention.</p>""",
        "excerpt": "",
        "outlet": "The Diplomat",
        "original_url": "https://thediplomat.com/2016/06/the-quiet-arithmetic-of-central-asian-water/",
        "published": "2016-06-27T09:00",
        "updated": None,
        "posted": "2016-06-27T18:20",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Central Asia", "Water", "Uzbekistan", "Tajikistan"],
        "authors": [(_AIGERIM, _AIGERIM_INDEPENDENT), (_MAYA, _MAYA_RESEARCH_FELLOW)],
    },
    # 3 ----------------------------------------------------------------------
    {
        "title": "Counting Central Asia’s Foreign Fighters",
        "slug": "counting-central-asias-foreign-fighters",
        "dek": "Estimates of how many Central Asians went to fight in Syria and Iraq vary wildly. The gaps tell us as much as the numbers.",
        "intro": "<p>A short commentary for the Halden Institute, written with Aigerim Sadykova, on the shaky numbers behind the debate about Central Asian foreign fighters.</p>",
        "body": """<p>For two years now, every briefing on Central Asian security has included a slide with a number on it: the count of citizens from the region who travelled to join armed groups in Syria and Iraq. The trouble is that the numbers on those slides rarely agree, and they are often quoted without any sense of where they came from.</p>
<p>Official figures tend to count people whose departure was noticed by the state. Independent estimates try to add those who left quietly, often from Russia rather than from home. Media reports mix the two, and sometimes add family members who travelled without any intention of fighting. The result is a range, not a number.</p>
<!--more-->
<h2>Where recruitment happened</h2>
<p>The most important finding in the interviews we have done is about geography. A large share of the men who left did not become radicalised in their home villages. They were labour migrants in Russian cities, working long hours, living in crowded dormitories, cut off from family and from the religious authority they grew up with. Recruiters found them there, often online, sometimes through a single charismatic contact.</p>
<p>That matters for policy. Governments in the region have responded mainly by tightening control at home: monitoring mosques, restricting religious dress, prosecuting people for what they post on social media. Some of that may deter. Much of it targets the wrong place, and it risks alienating exactly the communities whose cooperation the authorities need.</p>
<h2>What to do with the returnees</h2>
<p>The next question is what happens as people come back. Long prison sentences are politically easy, but prisons in the region are crowded and poorly supervised, and they can become recruiting grounds of their own. Kazakhstan has started to experiment with rehabilitation programmes for women and children. They deserve careful, independent evaluation rather than either applause or dismissal.</p>
<p>Better numbers will not solve any of this. But honest ranges, with their sources and limits stated, would at least stop the debate from being driven by whichever slide was shown last.</p>""",
        "excerpt": "",
        "outlet": "Halden Institute",
        "original_url": "https://halden-institute.example/commentary/counting-central-asias-foreign-fighters",
        "published": "2016-10-05T10:00",
        "updated": None,
        "posted": "2016-10-05T10:15",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Terrorism", "Central Asia", "Syria", "Foreign fighters", "Migration"],
        "authors": [(_MAYA, _MAYA_RESEARCH_FELLOW), (_AIGERIM, _AIGERIM_INDEPENDENT)],
    },
    # 4 ----------------------------------------------------------------------
    {
        "title": "A Bigger Table: What India and Pakistan Bring to the SCO",
        "slug": "a-bigger-table-what-india-and-pakistan-bring-to-the-sco",
        "dek": "Adding two rivals with a live border dispute will make the Shanghai Cooperation Organisation bigger. Whether it makes it more useful is another matter.",
        "intro": "<p>My column in the South China Morning Post this week, on the expansion of the SCO to include India and Pakistan.</p>",
        "body": """<p>With India and Pakistan formally joining the Shanghai Cooperation Organisation, the group can now claim to speak for close to half the world’s population. That is a striking number for a body that began life as a mechanism for settling the borders between China and its former Soviet neighbours.</p>
<p>Each of the big members wanted this expansion for its own reasons. Moscow pushed for India, a long-standing partner, partly to balance Beijing’s growing weight in the organisation. Beijing, in turn, made sure Pakistan came in at the same time. The result is a membership that mirrors, rather than resolves, the rivalries of the region.</p>
<p>The practical consequences will show up first in counter-terrorism. The SCO’s Regional Anti-Terrorist Structure depends on members agreeing on who the terrorists are. India and Pakistan have spent decades disagreeing about precisely that. It is hard to imagine shared lists of wanted individuals that satisfy both Delhi and Islamabad.</p>
<p>There are potential gains. Central Asian states want access to South Asian markets and ports, and a forum where Indian and Pakistani officials sit with Chinese and Russian ones can help on trade and transit. Military exercises that put the two armies in the same field, however choreographed, are not nothing.</p>
<p>But the SCO now faces a choice that will shape its next decade: it can remain a tight security club with a shrinking capacity to agree, or it can become a broad, talkative forum that rarely acts. On current evidence, it is drifting toward the second.</p>""",
        "excerpt": "",
        "outlet": "South China Morning Post",
        "original_url": "https://www.scmp.com/comment/insight-opinion/article/2097850/bigger-table-what-india-and-pakistan-bring-sco",
        "published": "2017-06-12T07:00",
        "updated": None,
        "posted": "2017-06-12T11:40",
        "print_headline": "India and Pakistan join a crowded table",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["SCO", "India", "Pakistan", "China", "Russia"],
        "authors": [(_MAYA, _MAYA_RESEARCH_FELLOW)],
    },
    # 5 ----------------------------------------------------------------------
    {
        "title": "Turkmenistan’s Gas Has Only One Big Customer",
        "slug": "turkmenistans-gas-has-only-one-big-customer",
        "dek": "Ashgabat’s long-promised diversification of gas exports has not happened, and China now holds almost all of the cards.",
        "intro": "<p>Tomasz Wierzbicki and I look at Turkmenistan’s gas dilemma for Nikkei Asia. Tomasz did the heavy lifting on the pipeline data.</p>",
        "body": """<p>Turkmenistan sits on some of the largest gas reserves in the world, and for twenty-five years its leaders have promised to sell that gas in every direction: north to Russia, south to South Asia, west across the Caspian to Europe and east to China. Only one of those routes has really worked.</p>
<p>The pipeline to China, running through Uzbekistan and Kazakhstan, now carries the overwhelming share of Turkmen exports. Russian purchases, once the backbone of the country’s budget, dwindled after a pricing dispute and stopped altogether. The trans-Afghan pipeline to Pakistan and India remains more of a ceremony than a construction site, and a trans-Caspian line is still blocked by legal and political arguments over the sea itself.</p>
<p>Depending on a single buyer is uncomfortable for any exporter. For Turkmenistan it is acute, because the country has few other sources of hard currency and a political system that offers little transparency about its finances. Much of the revenue from China is understood to go towards repaying the loans that built the infrastructure in the first place.</p>
<p>Beijing has no reason to rush. Its demand for gas is growing, but it also has liquefied natural gas from the sea and a new pipeline from Russia on the way. That gives Chinese buyers room to negotiate hard on price, and little incentive to finance expensive additional lines.</p>
<p>The lesson for Ashgabat is that diversification is not a slogan but a set of unglamorous deals: settling the Caspian’s legal status, making the domestic gas sector more open to foreign investors, and accepting some loss of control. Until then, the country’s gas will keep flowing east, on terms set largely in Beijing.</p>""",
        "excerpt": "",
        "outlet": "Nikkei Asia",
        "original_url": "https://asia.nikkei.com/Opinion/Turkmenistan-s-gas-has-only-one-big-customer",
        "published": "2017-11-03T05:00",
        "updated": None,
        "posted": "2017-11-04T08:00",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Energy", "Turkmenistan", "China", "Russia"],
        "authors": [(_TOMASZ, _TOMASZ_DOCTORAL), (_MAYA, _MAYA_RESEARCH_FELLOW)],
    },
    # 6 ----------------------------------------------------------------------
    {
        "title": "Kazakhstan’s Fuel Bank and the Quiet Work of Arms Control",
        "slug": "kazakhstans-fuel-bank-and-the-quiet-work-of-arms-control",
        "dek": "A country that once hosted Soviet nuclear tests now stores uranium for everyone else. It is a reminder that non-proliferation is built by middle powers too.",
        "intro": "<p>For The Diplomat, a piece on Kazakhstan’s nuclear diplomacy, from the Semipalatinsk test site to the international low-enriched uranium bank.</p>",
        "body": """<p>Few places carry the history of the nuclear age as heavily as north-eastern Kazakhstan. For four decades the Soviet Union tested its weapons at Semipalatinsk, and the health consequences for the people who lived nearby are still being counted. When the Union collapsed, the new state found itself holding one of the largest nuclear arsenals in the world.</p>
<p>It gave that arsenal up. The decision was partly pragmatic: Kazakhstan had neither the codes nor the money to maintain the weapons, and it wanted recognition and investment from the West. But it has since been turned into a core part of the country’s identity and foreign policy, repeated in every speech its diplomats give at the United Nations.</p>
<figure><img src="/static/demo/map.svg" alt="Map of north-eastern Kazakhstan showing the former Semipalatinsk test site and the city of Oskemen"><figcaption>The former test site and the fuel bank lie in the same corner of north-eastern Kazakhstan.</figcaption></figure>
<p>The latest expression of that identity is a modest warehouse near the city of Öskemen. Operated under the International Atomic Energy Agency, it holds a reserve of low-enriched uranium that countries can draw on if their normal supply is cut off for political reasons. The idea is simple: if states can be sure of fuel for their reactors, they have one less excuse to build their own enrichment plants.</p>
<p>Nobody expects the bank to be used often, perhaps ever. Its value is in existing. And it shows something that is easy to forget when arms control is discussed only in terms of Washington and Moscow: much of the architecture of non-proliferation, from regional nuclear-weapon-free zones to fuel guarantees, has been built by states like Kazakhstan that chose to give something up and then made a career out of it.</p>
<p>As the big treaties between the nuclear powers come under strain, that kind of quiet work is worth more attention, and more support, than it usually receives.</p>""",
        "excerpt": "",
        "outlet": "The Diplomat",
        "original_url": "https://thediplomat.com/2018/03/kazakhstans-fuel-bank-and-the-quiet-work-of-arms-control/",
        "published": "2018-03-08T10:00",
        "updated": None,
        "posted": "2018-03-08T14:30",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Kazakhstan", "Arms control", "Nuclear"],
        "authors": [(_MAYA, _MAYA_RESEARCH_FELLOW)],
    },
    # 7 ----------------------------------------------------------------------
    {
        "title": "After Qingdao, the SCO Needs a Counter-Terrorism Plan, Not a Slogan",
        "slug": "after-qingdao-the-sco-needs-a-counter-terrorism-plan-not-a-slogan",
        "dek": "The organisation’s leaders again promised to fight the “three evils”. The harder task is agreeing on what that means in practice.",
        "intro": "<p>A new piece for the South China Morning Post, written with my colleague Aigerim Sadykova, on what the Qingdao summit did and did not do for regional counter-terrorism cooperation.</p>",
        "body": """<p>The Qingdao summit of the Shanghai Cooperation Organisation was, by the standards of such events, a success. It was the first with India and Pakistan as full members, the host put on an impressive show, and the final declaration committed every member to a three-year programme against terrorism, separatism and extremism.</p>
<p>The declaration is the problem. It lists the threats without ranking them, commits to cooperation without specifying how, and leaves the definitions of “extremism” to each member state. In practice, that means the organisation endorses whatever its members already do at home.</p>
<!--more-->
<h2>What works already</h2>
<p>It would be unfair to say the SCO does nothing. Its Regional Anti-Terrorist Structure in Tashkent has become a clearing house for information on wanted individuals, and officials from different member states now know each other well enough to pick up the phone. Joint exercises, however staged, build habits of working together.</p>
<h2>What is missing</h2>
<p>What the organisation lacks is a shared assessment of the threat. Is the main danger fighters returning from Syria, the growth of the Islamic State’s branch in Afghanistan, or online recruitment among migrants in Russia? Each member would answer differently, and each answer implies different priorities for intelligence sharing and border control.</p>
<p>A serious three-year plan would start with a joint, published threat assessment, even a short one. It would set out what information members agree to share and how quickly. And it would include some protection for the religious communities that end up on the receiving end of badly targeted policing, because alienating them is the surest way to help recruiters.</p>
<p>None of this requires new institutions. It requires the members to treat the SCO as a place to do work, not just to sign declarations about it.</p>""",
        "excerpt": "",
        "outlet": "South China Morning Post",
        "original_url": "https://www.scmp.com/comment/insight-opinion/article/2151093/after-qingdao-sco-needs-counter-terrorism-plan-not-slogan",
        "published": "2018-06-18T07:05",
        "updated": "2018-06-19T10:30",
        "posted": "2018-06-18T12:00",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["SCO", "Terrorism", "China", "Central Asia", "Intelligence"],
        "authors": [(_MAYA, _MAYA_RESEARCH_FELLOW), (_AIGERIM, _AIGERIM_INDEPENDENT)],
    },
    # 8 ----------------------------------------------------------------------
    {
        "title": "Notes from Almaty: Five Conversations About What Comes Next",
        "slug": "notes-from-almaty-five-conversations-about-what-comes-next",
        "dek": "Field notes from a week of meetings with officials, academics, business people and students in Kazakhstan.",
        "intro": "<p>Not written for any publication: some notes from a week of meetings in Almaty, typed up on the train back to Astana.</p>",
        "body": """<p>I spent last week in Almaty, mostly in cafés and university offices, talking to people about the future of Kazakhstan. Nobody asked the question directly, but it hung over every meeting: what happens when the country’s first and only president eventually steps back? Here are five conversations that stayed with me. Names and details are left out, as promised.</p>
<p>A word on method, such as it was: most of these meetings were arranged through friends of friends, none was recorded, and I wrote notes afterwards rather than during. That makes them impressions, not data.</p>
<ol>
<li><strong>The retired diplomat</strong> was certain that foreign policy would not change. “Balance is not a choice for us,” he said, “it is geography.” He worried more about the economy than about Moscow or Beijing.</li>
<li><strong>The banker</strong> talked about oil prices, the tenge and the cost of borrowing. She thought the real succession had already started, in the quiet movement of assets and appointments.</li>
<li><strong>The imam</strong> at a neighbourhood mosque wanted to talk about young men working in Russia, and how little the official religious board understood their lives.</li>
<li><strong>The students</strong> in a sociology seminar were far more relaxed than their teachers. They expected change to come slowly and to be managed, and most of them planned to study abroad anyway.</li>
<li><strong>The Chinese trader</strong> at a wholesale market near the edge of the city had the most precise views of all: on customs delays at the border, on which officials mattered, and on the growing unease among his Kazakh customers about Chinese investment.</li>
</ol>
<p>None of this adds up to a forecast. But it was a useful corrective to the view from conference rooms in Europe, where Kazakhstan’s transition is usually discussed as a contest between foreign powers. In Almaty, it felt much more like a domestic question about jobs, prices and whether the state would listen.</p>
<p>I will write something more structured on this for one of the usual outlets. For now, these notes are here mostly so that I do not lose them.</p>""",
        "excerpt": "",
        "outlet": None,
        "original_url": "",
        "published": None,
        "updated": None,
        "posted": "2018-10-22T16:45",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Kazakhstan", "Central Asia", "Field notes"],
        "authors": [(_MAYA, _MAYA_RESEARCH_FELLOW)],
    },
    # 9 ----------------------------------------------------------------------
    {
        "title": "Afghanistan’s Neighbours Are Already Planning for an American Exit",
        "slug": "afghanistans-neighbours-are-already-planning-for-an-american-exit",
        "dek": "While Washington negotiates with the Taliban, Pakistan, Iran, Russia, China and the Central Asian states are quietly preparing for what comes after.",
        "intro": "<p>My first piece for Foreign Policy, on how Afghanistan’s neighbours are hedging as the United States talks to the Taliban.</p>",
        "body": """<p>The talks between American envoys and the Taliban have been covered largely as a story about Washington: whether the president wants out, what the Pentagon thinks, how the government in Kabul feels about being left out of the room. In the region, the story looks different. Afghanistan’s neighbours assumed some time ago that the Americans would leave, and they have been planning accordingly.</p>
<p>Pakistan has the most leverage and the most to lose. It has long hosted the Taliban leadership and it wants a government in Kabul that is friendly, or at least not hostile. But it also fears a return to civil war that would send new waves of refugees across the border and embolden militants inside its own territory.</p>
<p>Iran, despite its old enmity with the Taliban, has built contacts with several of the movement’s commanders, mainly to secure its border and to keep the Islamic State’s local branch in check. Russia has hosted its own meetings with Taliban delegations in Moscow, presenting itself as a broker and warning loudly about the risk of instability spreading north. China, as usual, has moved quietly, talking to everyone and committing to little.</p>
<p>The Central Asian states are the most pragmatic of all. Uzbekistan has hosted talks of its own and is pushing rail and power projects through Afghanistan regardless of who governs there. Turkmenistan keeps its gas pipeline plans alive. Tajikistan, with its long and porous border, is the most nervous.</p>
<p>For the United States, the lesson is that a withdrawal agreement will not be the end of the regional story but the start of a new one. If Washington wants any influence over what follows, it will need to talk to these neighbours now, including the ones it does not much like.</p>""",
        "excerpt": "",
        "outlet": "Foreign Policy",
        "original_url": "https://foreignpolicy.com/2019/02/15/afghanistans-neighbours-are-already-planning-for-an-american-exit/",
        "published": "2019-02-15T05:45",
        "updated": None,
        "posted": "2019-02-15T13:00",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Afghanistan", "Pakistan", "Iran", "Russia", "China", "Taliban", "United States"],
        "authors": [(_MAYA, _MAYA_SENIOR_FELLOW)],
    },
    # 10 ---------------------------------------------------------------------
    {
        "title": "Power Lines Over the Pamirs",
        "slug": "power-lines-over-the-pamirs",
        "dek": "A transmission line meant to carry Central Asian summer electricity to South Asia is a test of whether infrastructure can outrun insecurity.",
        "intro": "<p>In Nikkei Asia, Tomasz Wierzbicki and I write about CASA-1000, the power line linking Kyrgyzstan and Tajikistan to Afghanistan and Pakistan.</p>",
        "body": """<p>Kyrgyzstan and Tajikistan have a seasonal problem. In summer, when snowmelt fills their reservoirs, they produce more hydroelectric power than they can use. In winter they run short. Pakistan and Afghanistan have the opposite pattern: their demand peaks in the hot months, when their own grids struggle to cope.</p>
<p>The CASA-1000 project is an attempt to turn that mismatch into trade. A high-voltage line would carry summer electricity south through Afghanistan to Pakistan, with international lenders providing most of the financing. On paper it is an elegant solution; everyone gains, and Afghanistan collects transit fees.</p>
<p>The difficulty is the route. Hundreds of kilometres of towers must cross Afghan territory where the government’s authority is contested. The project’s planners have relied on local agreements and community payments to protect the line, a model that depends on stable relationships with whoever controls each valley.</p>
<p>There are also commercial questions. The line will only pay off if the Central Asian states reliably have surplus power in summer, which means keeping domestic demand in check and finishing their own dam and grid projects. Climate change adds uncertainty about how much water the glaciers will deliver in coming decades.</p>
<p>None of this means the project is doomed. It means it should be judged not only as an energy deal but as a security experiment. If the line is built and keeps working through political turbulence in Afghanistan, it will say something important about the region’s capacity to cooperate. If it stalls, it will say something too.</p>""",
        "excerpt": "",
        "outlet": "Nikkei Asia",
        "original_url": "https://asia.nikkei.com/Opinion/Power-lines-over-the-Pamirs",
        "published": "2019-07-09T05:00",
        "updated": None,
        "posted": "2019-07-10T07:30",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Energy", "Afghanistan", "Pakistan", "Tajikistan", "Kyrgyzstan"],
        "authors": [(_MAYA, _MAYA_SENIOR_FELLOW), (_TOMASZ, _TOMASZ_DOCTORAL)],
    },
    # 11 ---------------------------------------------------------------------
    {
        "title": "What a Small Border Clash Says About the Fergana Valley",
        "slug": "what-a-small-border-clash-says-about-the-fergana-valley",
        "dek": "A scuffle over a road and a water intake turned deadly. The causes are local, but the consequences are not.",
        "intro": "<p>For The Steppe Dispatch, Aigerim Sadykova and I look at the latest shooting on the Kyrgyz–Tajik border.</p>",
        "body": """<p>The clash started, as these incidents usually do, with something small: a dispute over who could use a stretch of road, and whether a new building sat on one side of an unmarked line or the other. Within hours, border guards had exchanged fire and people had died.</p>
<p>The Fergana Valley is a tangle of borders drawn in the Soviet era, when they mattered far less than they do now. Villages belonging to one country are surrounded by the territory of another; roads, canals and pastures cross the line several times within a few kilometres. Large sections of the Kyrgyz–Tajik border have never been formally agreed.</p>
<p>What turns ordinary friction into violence is the combination of scarce resources and weak trust. Water intakes, grazing land and roads are vital to local livelihoods. Residents on both sides feel their governments are not protecting them, and security forces are quick to escalate when they feel challenged.</p>
<p>The two governments have demarcation commissions that meet regularly and make slow progress. The trouble is that each agreed section is celebrated in the capitals while the disputed ones fester in the valley. Local people, who know the land best, are rarely consulted.</p>
<p>There are practical steps that could lower the temperature: joint patrols, shared water-management committees at the village level, and clear rules on when border guards may use force. None of them replaces a final border settlement. All of them would make the next small dispute less likely to end in a funeral.</p>""",
        "excerpt": "",
        "outlet": "The Steppe Dispatch",
        "original_url": "https://steppedispatch.example/p/what-a-small-border-clash-says-about-the-fergana-valley",
        "published": "2019-11-28T08:00",
        "updated": None,
        "posted": "2019-11-28T09:10",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Kyrgyzstan", "Tajikistan", "Borders", "Central Asia", "Water"],
        "authors": [(_AIGERIM, _AIGERIM_INDEPENDENT), (_MAYA, _MAYA_SENIOR_FELLOW)],
    },
    # 12 ---------------------------------------------------------------------
    {
        "title": "The Pandemic Is Testing China’s Friendships in Central Asia",
        "slug": "the-pandemic-is-testing-chinas-friendships-in-central-asia",
        "dek": "Closed borders, stalled projects and a surge of suspicion online are complicating Beijing’s image in its western neighbourhood.",
        "intro": "<p>A new column for the South China Morning Post on how Covid-19 is changing the politics of China’s presence in Central Asia.</p>",
        "body": """<p>When the coronavirus emerged in China, the Central Asian states were among the first to close their borders. Trucks queued for days at crossing points, Chinese workers on construction sites were sent home or stuck in quarantine, and projects under the Belt and Road Initiative slowed or stopped.</p>
<p>Beijing has since tried to change the story. Planes carrying masks, testing kits and medical teams have landed in Almaty, Bishkek, Tashkent and Dushanbe, accompanied by plenty of publicity. Regional governments have been grateful in public, as they must be.</p>
<p>But the mood among ordinary people is more complicated. Suspicion of Chinese investment was already widespread before the pandemic, fuelled by worries about debt, land and jobs. The outbreak added a layer of fear, and a widely shared Chinese online article questioning Kazakhstan’s history as an independent state caused an official diplomatic protest.</p>
<p>Central Asian governments are caught in the middle. They need Chinese trade and credit more than ever as remittances from Russia collapse and commodity prices fall. Yet they also face publics that are increasingly willing to voice anxiety about Chinese influence, sometimes in ways that spill into protest.</p>
<p>For Beijing, the lesson should be that mask diplomacy is not enough. Projects that employ local workers, publish their terms and respect local law would do more for China’s reputation than any number of cargo flights. Whether that lesson is learned will shape the region long after the virus has receded.</p>""",
        "excerpt": "",
        "outlet": "South China Morning Post",
        "original_url": "https://www.scmp.com/comment/opinion/article/3078512/pandemic-testing-chinas-friendships-central-asia",
        "published": "2020-04-06T06:00",
        "updated": None,
        "posted": "2020-04-06T08:15",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["China", "Central Asia", "Covid-19", "Belt and Road", "Kazakhstan"],
        "authors": [(_MAYA, _MAYA_SENIOR_FELLOW)],
    },
    # 13 ---------------------------------------------------------------------
    {
        "title": "Eurasia in 2021: Five Things to Watch",
        "slug": "eurasia-in-2021-five-things-to-watch",
        "dek": "From Kabul to the Caspian, the questions that will shape the region’s security in the coming year.",
        "intro": "<p>Our annual look-ahead for the Halden Institute, written this year by the three of us: Tomasz Wierzbicki, Aigerim Sadykova and me.</p>",
        "body": """<p>A year ago nobody predicted that a virus would close every border in the region, that Kyrgyzstan would go through another upheaval, or that a war in the South Caucasus would end with Russian peacekeepers on the ground. Forecasting is humbling. Still, here are five questions we expect to dominate our work in 2021.</p>
<!--more-->
<h2>1. The American drawdown in Afghanistan</h2>
<p>The agreement signed in Doha set a timetable for withdrawing foreign troops, but the talks between the Taliban and the Afghan government have barely begun. Violence is rising. Every neighbour is preparing for a scenario in which the withdrawal happens before any political settlement.</p>
<h2>2. Russia’s reach after Nagorno-Karabakh</h2>
<p>Moscow emerged from the autumn war with a new military presence in the South Caucasus and a reminder to everyone in its neighbourhood that it remains the indispensable security actor. Central Asian capitals took note, and so did Ankara.</p>
<h2>3. China’s vaccine diplomacy</h2>
<p>Chinese vaccines are likely to reach Central Asia before Western ones. How they are distributed, priced and publicised will shape perceptions of Beijing for years, for better or worse.</p>
<h2>4. Oil, gas and the energy transition</h2>
<p>Low prices have hit the budgets of Kazakhstan, Turkmenistan and Azerbaijan hard. At the same time, buyers in Europe and China are talking seriously about decarbonisation. Expect more discussion of hydrogen, renewables and critical minerals, and less of new pipelines.</p>
<h2>5. Kyrgyzstan’s new order</h2>
<p>The October protests brought a new leadership to power in Bishkek with remarkable speed, and constitutional changes to strengthen the presidency are on the way. The question is whether they bring stability or simply postpone the next crisis.</p>
<p>We will revisit these in December and score ourselves honestly.</p>""",
        "excerpt": "",
        "outlet": "Halden Institute",
        "original_url": "https://halden-institute.example/commentary/eurasia-in-2021-five-things-to-watch",
        "published": "2020-12-10T09:00",
        "updated": None,
        "posted": "2020-12-10T11:00",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["SCO", "Russia", "China", "Afghanistan", "Energy", "Central Asia", "Kyrgyzstan"],
        "authors": [
            (_MAYA, _MAYA_SENIOR_FELLOW),
            (_TOMASZ, _TOMASZ_ANALYST),
            (_AIGERIM, _AIGERIM_INDEPENDENT),
        ],
    },
    # 14 ---------------------------------------------------------------------
    {
        "title": "Who Fills the Space When the Last US Troops Leave Afghanistan?",
        "slug": "who-fills-the-space-when-the-last-us-troops-leave-afghanistan",
        "dek": "Nobody in the region wants to inherit Afghanistan’s security. Several will try to shape it anyway.",
        "intro": "<p>In Foreign Policy, on the regional scramble that will follow the American withdrawal from Afghanistan.</p>",
        "body": """<p>The decision to withdraw all American troops from Afghanistan by September has prompted a familiar question in Washington: who will fill the vacuum? It is the wrong question. No neighbouring state wants to take on the burden the United States carried for twenty years, and none is capable of it.</p>
<p>What the neighbours want is narrower. Pakistan wants a friendly government and no hostile militants on its border. Iran wants a stable frontier and protection for Shia Afghans. Russia wants to keep instability away from Central Asia, which it regards as its own security zone. China wants to protect its western region and its investments, and to stop Uyghur militants from finding sanctuary.</p>
<p>These interests overlap enough to produce a loose regional consensus: talk to the Taliban, prepare for their return to power, and contain the fallout. They do not overlap enough to produce a joint plan. Each neighbour will pursue its own channels, and some of those channels will work at cross purposes.</p>
<p>The Central Asian states will be on the front line. Uzbekistan has already positioned itself as a trade and transit partner for whoever rules in Kabul. Tajikistan is more suspicious, given its ties to Afghanistan’s ethnic Tajik population. Turkmenistan will say little and keep its border closed.</p>
<p>The United States will keep some leverage through aid, sanctions and recognition. It should use that leverage in concert with the region rather than around it, and it should start building those channels now, before the last plane leaves.</p>""",
        "excerpt": "",
        "outlet": "Foreign Policy",
        "original_url": "https://foreignpolicy.com/2021/05/03/who-fills-the-space-when-the-last-us-troops-leave-afghanistan/",
        "published": "2021-05-03T06:00",
        "updated": None,
        "posted": "2021-05-03T14:00",
        "print_headline": "The space they leave behind",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Afghanistan", "United States", "Pakistan", "China", "Russia", "Iran"],
        "authors": [(_MAYA, _MAYA_SENIOR_FELLOW)],
    },
    # 15 ---------------------------------------------------------------------
    {
        "title": "Kabul Has Fallen, and China’s Caution Will Now Be Tested",
        "slug": "kabul-has-fallen-and-chinas-caution-will-now-be-tested",
        "dek": "Beijing prepared for a Taliban victory. It did not prepare for having to deal with its consequences.",
        "intro": "<p>A piece for the South China Morning Post, written with Aigerim Sadykova in the days after the Taliban entered Kabul.</p>",
        "body": """<p>China saw this coming. Its foreign minister received a Taliban delegation weeks before Kabul fell, offering the movement the kind of public recognition it craved. Chinese diplomats have been talking to Taliban representatives for years. Beijing will not be caught flat-footed in the way Western capitals were.</p>
<p>But preparing for an outcome is different from managing it. China’s core demand of the Taliban is that Afghanistan must not become a base for Uyghur militants, particularly the small group that has fought alongside jihadist organisations in Syria and the Afghan borderlands. The Taliban have promised this before. Whether they can deliver, and whether they want to, is uncertain.</p>
<p>China’s second interest is economic, though it is often overstated. Chinese companies signed contracts for a large copper mine and for oil fields in Afghanistan more than a decade ago, and neither has produced much. Investors will be cautious with a government that faces sanctions, a collapsing economy and an active insurgency from the Islamic State’s local branch.</p>
<p>There is also a regional dimension. Beijing’s preferred approach is to work through neighbours: Pakistan above all, but also the Central Asian states, with which it shares security concerns. Expect more meetings of foreign ministers from Afghanistan’s neighbours, and a bigger role for the SCO, even if only in words.</p>
<p>The risk for China is that caution becomes a trap. If it offers too little, the Taliban may look elsewhere. If it offers too much, it takes ownership of a country that has humbled every outside power that tried.</p>
<p><em>This article was updated on 21 August to reflect the latest statements from China’s foreign ministry.</em></p>""",
        "excerpt": "",
        "outlet": "South China Morning Post",
        "original_url": "https://www.scmp.com/comment/opinion/article/3145627/kabul-has-fallen-and-chinas-caution-will-now-be-tested",
        "published": "2021-08-20T06:30",
        "updated": "2021-08-21T09:15",
        "posted": "2021-08-20T10:00",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Afghanistan", "China", "Taliban", "Terrorism", "Uyghurs", "Pakistan"],
        "authors": [(_MAYA, _MAYA_SENIOR_FELLOW), (_AIGERIM, _AIGERIM_ASSOCIATE)],
    },
    # 16 ---------------------------------------------------------------------
    {
        "title": "Why Dushanbe Took a Harder Line on the Taliban",
        "slug": "why-dushanbe-took-a-harder-line-on-the-taliban",
        "dek": "Tajikistan is the only Central Asian state openly refusing to deal with Afghanistan’s new rulers. Its reasons are personal, ethnic and strategic.",
        "intro": "<p>Aigerim Sadykova and I wrote this for The Steppe Dispatch, on Tajikistan’s unusual stance towards the Taliban.</p>",
        "body": """<p>While Uzbekistan and Turkmenistan moved quickly to open channels to the Taliban, Tajikistan has gone the other way. Its president has called for an inclusive government that represents Afghanistan’s ethnic Tajiks, declined to recognise the new authorities, and allowed the remnants of the resistance to keep a presence in Dushanbe.</p>
<p>Part of the explanation is identity. Tajiks are Afghanistan’s second-largest ethnic group, and the leadership in Dushanbe presents itself as their natural protector. Standing up to the Taliban plays well at home, where memories of the 1990s civil war and its links to Afghan battlefields are still fresh.</p>
<p>Part of it is security. Tajikistan has the longest and most difficult border with Afghanistan of any Central Asian state, much of it running through mountains and along the Panj river. Militants from Central Asia have fought alongside the Taliban and other groups in the north, and Dushanbe fears that some of them will now turn their attention home.</p>
<p>And part of it is Russia. Tajikistan hosts a large Russian military base and belongs to the Collective Security Treaty Organisation. Its tough line reflects a calculation that Moscow will back it if things go wrong, and the recent joint exercises near the border were meant to send exactly that message.</p>
<p>The question is how long the stance can last. Trade, electricity exports and the reality of sharing a long border all argue for some accommodation. We expect Dushanbe to keep its rhetoric sharp while quietly opening practical channels, much as its neighbours have done.</p>""",
        "excerpt": "",
        "outlet": "The Steppe Dispatch",
        "original_url": "https://steppedispatch.example/p/why-dushanbe-took-a-harder-line-on-the-taliban",
        "published": "2021-10-14T08:00",
        "updated": None,
        "posted": "2021-10-15T06:30",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Tajikistan", "Afghanistan", "Taliban", "Central Asia", "CSTO"],
        "authors": [(_AIGERIM, _AIGERIM_ASSOCIATE), (_MAYA, _MAYA_SENIOR_FELLOW)],
    },
    # 17 ---------------------------------------------------------------------
    {
        "title": "Kazakhstan’s January and the CSTO’s First Real Deployment",
        "slug": "kazakhstans-january-and-the-cstos-first-real-deployment",
        "dek": "Russian-led troops came and went within weeks. The precedent they set will last much longer.",
        "intro": "<p>For The Diplomat, my reading of the January unrest in Kazakhstan and what the Collective Security Treaty Organisation’s deployment means for the region.</p>",
        "body": """<p>The protests began in the west of Kazakhstan over a sharp rise in fuel prices, a grievance as old as the country’s oil industry. Within days they had spread to cities across the country and turned violent in Almaty, where government buildings were set alight and dozens of people were killed. The president described the unrest as an attack by foreign-trained terrorists and asked for help.</p>
<p>Help came from the Collective Security Treaty Organisation, the Russian-led military alliance that had never before sent troops into a member state. Several thousand soldiers, most of them Russian, guarded key facilities while Kazakh forces restored order. By the end of the month they had gone home.</p>
<figure><img src="/static/demo/map.svg" alt="Map of Kazakhstan marking the oil region in the west where protests began and Almaty in the south-east"><figcaption>The protests began in the oil towns of the far west and reached Almaty, more than two thousand kilometres away, within days.</figcaption></figure>
<p>The speed of the withdrawal surprised many who expected Moscow to use the opportunity to tighten its grip. It suggests the deployment was less about Russia taking control than about the Kazakh president securing his own position against rivals within the elite, several of whom were removed from office in the following weeks.</p>
<p>Still, a precedent now exists. The CSTO has shown that it can and will intervene in a member state’s internal crisis if invited. Every government in the alliance has taken note, and so have opposition movements, which now know that a leader in trouble has an external option.</p>
<p>For Kazakhstan, the longer-term questions are domestic: how to address the economic frustrations that brought people onto the streets, and whether the promised political reforms go further than a reshuffling of the old guard. For the region, the question is whether the CSTO’s moment of usefulness makes it more or less attractive as a security provider. The answer may depend on what Moscow does next elsewhere.</p>""",
        "excerpt": "",
        "outlet": "The Diplomat",
        "original_url": "https://thediplomat.com/2022/01/kazakhstans-january-and-the-cstos-first-real-deployment/",
        "published": "2022-01-11T11:00",
        "updated": None,
        "posted": "2022-01-11T09:45",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Kazakhstan", "CSTO", "Russia", "Central Asia"],
        "authors": [(_MAYA, _MAYA_SENIOR_FELLOW)],
    },
    # 18 ---------------------------------------------------------------------
    {
        "title": "Sanctions on Russia Will Hit Central Asia Through Remittances First",
        "slug": "sanctions-on-russia-will-hit-central-asia-through-remittances-first",
        "dek": "Millions of Central Asian families depend on wages earned in Russia. The war in Ukraine puts that lifeline at risk.",
        "intro": "<p>Tomasz Wierzbicki and I wrote this for Nikkei Asia in the first weeks after Russia’s full-scale invasion of Ukraine.</p>",
        "body": """<p>The economic shock from sanctions on Russia is usually measured in Moscow’s stock market and the value of the rouble. For Central Asia, the first and most painful channel is more personal: the money that migrant workers in Russia send home to their families.</p>
<p>In Tajikistan and Kyrgyzstan, remittances have in recent years been equivalent to roughly a third of economic output. In Uzbekistan the share is smaller but the absolute numbers are large. When the rouble falls, those transfers shrink in value overnight. When Russian businesses cut jobs, migrants are among the first to go.</p>
<p>The second channel is trade. Central Asian economies are tied to Russia through the Eurasian Economic Union and through supply chains built over decades. Kazakhstan exports most of its oil through a pipeline that ends at a Russian port on the Black Sea, a vulnerability that has suddenly become very visible.</p>
<p>There may be opportunities too. Some Western companies leaving Russia may relocate staff to Almaty or Tashkent, and some trade may be rerouted through the region. But that creates its own risk: governments that are seen to help Russia evade sanctions could face secondary measures from the United States and Europe.</p>
<p>Central Asian leaders have so far avoided taking sides publicly, and they are right to be cautious. What they need from their partners is understanding of that caution, practical help with diversifying trade routes, and support for the families whose incomes are about to fall sharply through no fault of their own.</p>""",
        "excerpt": "",
        "outlet": "Nikkei Asia",
        "original_url": "https://asia.nikkei.com/Opinion/Sanctions-on-Russia-will-hit-Central-Asia-through-remittances-first",
        "published": "2022-03-15T05:00",
        "updated": None,
        "posted": "2022-03-15T12:00",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Russia", "Sanctions", "Central Asia", "Migration", "Ukraine", "Energy"],
        "authors": [(_TOMASZ, _TOMASZ_ANALYST), (_MAYA, _MAYA_SENIOR_FELLOW)],
    },
    # 19 ---------------------------------------------------------------------
    {
        "title": "Samarkand Shows the SCO’s Centre of Gravity Is Moving",
        "slug": "samarkand-shows-the-scos-centre-of-gravity-is-moving",
        "dek": "Russia came to Uzbekistan looking for support. It found polite distance, and a China keen to be seen as the senior partner.",
        "intro": "<p>A new column for the South China Morning Post, written after the Shanghai Cooperation Organisation’s summit in Samarkand.</p>",
        "body": """<p>The Samarkand summit was the first time China’s leader had left the country since the pandemic began, and the choice of Central Asia for that trip was itself a message. Before arriving in Uzbekistan he stopped in Kazakhstan, where he spoke warmly about respecting the country’s sovereignty and territorial integrity. Nobody in the room needed to be told which neighbour that remark was aimed at.</p>
<p>Russia’s president, by contrast, arrived looking for signs of solidarity seven months into a war that was going badly. He got fewer than he might have hoped. He publicly acknowledged that China had questions and concerns about Ukraine, and India’s prime minister told him, in front of the cameras, that this was not a time for war.</p>
<!--more-->
<h2>A shifting balance</h2>
<p>For most of the SCO’s history, Russia and China have shared leadership, with Moscow leading on security and Beijing on economics. That balance is changing. Russia is distracted and diminished by the war; China is more confident and more willing to present itself as the organisation’s natural centre.</p>
<p>The Central Asian members are adjusting accordingly. They are not turning against Russia, which remains their main security partner and the employer of millions of their citizens. But they are hedging more openly, deepening ties with China, Turkey, the Gulf states and Europe, and using forums like the SCO to show that they have options.</p>
<h2>What it means for the organisation</h2>
<p>The SCO itself is becoming larger and less cohesive. Iran is on its way to full membership, and several Gulf and South Asian states have become dialogue partners. That broadens its reach but makes any common position harder to find.</p>
<p>The result may be an SCO that matters less as a security organisation and more as a stage on which the changing hierarchy of Eurasia is displayed. In Samarkand, the display was unusually clear.</p>""",
        "excerpt": "",
        "outlet": "South China Morning Post",
        "original_url": "https://www.scmp.com/comment/opinion/article/3192866/samarkand-shows-scos-centre-gravity-moving",
        "published": "2022-09-17T07:00",
        "updated": None,
        "posted": "2022-09-17T15:20",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["SCO", "China", "Russia", "Uzbekistan", "India", "Ukraine"],
        "authors": [(_MAYA, _MAYA_SENIOR_FELLOW)],
    },
    # 20 ---------------------------------------------------------------------
    {
        "title": "The Middle Corridor Is Real. It Is Not Yet a Highway",
        "slug": "the-middle-corridor-is-real-it-is-not-yet-a-highway",
        "dek": "Trade between China and Europe that avoids Russia is growing fast across the Caspian, but ports, rails and paperwork are straining to keep up.",
        "intro": "<p>An exclusive for Foreign Policy, written with Tomasz Wierzbicki, on the trans-Caspian route that everyone suddenly wants to talk about.</p>",
        "body": """<p>Until recently, the Middle Corridor was a slide at investment conferences: a route from China through Kazakhstan, across the Caspian Sea to Azerbaijan, then through Georgia to Turkey and Europe. Few shippers used it when the northern route through Russia was cheaper and faster. The war in Ukraine changed that calculation almost overnight.</p>
<p>Cargo volumes along the route have risen sharply, and governments from Astana to Brussels are now promoting it. The European Union has included it in its own infrastructure plans, and Kazakhstan and Azerbaijan have announced investments in ports, ships and rail.</p>
<p>Yet anyone who has followed a container along the route knows how much is still missing. The Caspian ports are small and the sea is shallow in places. There are not enough ferries. Each border brings its own inspections, tariffs and delays, and a shipment can wait days at a single crossing. Coordination between the national railways remains patchy.</p>
<p>The corridor also faces a strategic question. It is attractive precisely because it avoids Russia, but it runs through states that want to keep good relations with Moscow and cannot afford to provoke it. Any perception that the route is a Western project aimed at isolating Russia could make its hosts nervous.</p>
<p>Our view is that the Middle Corridor is real and will keep growing, but it will complement rather than replace the northern and maritime routes. Its value lies less in replacing Russia than in giving Central Asia and the South Caucasus something they have long lacked: a choice. That is worth investing in, patiently and without exaggeration.</p>""",
        "excerpt": "",
        "outlet": "Foreign Policy",
        "original_url": "https://foreignpolicy.com/2023/04/04/middle-corridor-caspian-kazakhstan-azerbaijan-trade/",
        "published": "2023-04-04T06:00",
        "updated": None,
        "posted": "2023-04-05T08:00",
        "print_headline": "",
        "exclusive": True,
        "status": "published",
        "scheduled": False,
        "tags": ["Middle Corridor", "Kazakhstan", "Azerbaijan", "Belt and Road", "Energy"],
        "authors": [(_MAYA, _MAYA_DIRECTOR), (_TOMASZ, _TOMASZ_ANALYST)],
    },
    # 21 ---------------------------------------------------------------------
    {
        "title": "Iran Joins the SCO: Symbolism First, Substance Later",
        "slug": "iran-joins-the-sco-symbolism-first-substance-later",
        "dek": "Membership gives Tehran a welcome display of legitimacy. It gives the organisation another member with very different priorities.",
        "intro": "<p>For The Diplomat, a short piece on Iran’s accession to the Shanghai Cooperation Organisation.</p>",
        "body": """<p>Iran’s formal entry into the Shanghai Cooperation Organisation, confirmed at a virtual summit hosted by India, ends a membership process that took well over a decade. For Tehran, the moment is mostly symbolic: proof that despite Western sanctions, it has friends and a seat at an important table.</p>
<p>Symbols matter in diplomacy, but the practical benefits are less obvious. The SCO does not offer mutual defence, and its economic mechanisms are thin. Iran will gain access to more meetings and more contacts with Central Asian states, which could help trade, transit and gas swaps. It will not gain a way around sanctions.</p>
<p>For the other members, Iran’s arrival raises awkward questions. India values Iran as a route to Afghanistan and Central Asia through the port of Chabahar, but also has close ties with Israel and the Gulf states. China buys large quantities of Iranian oil but does not want to be drawn into Tehran’s regional conflicts. Russia sees a fellow target of Western pressure.</p>
<p>The organisation that emerges is bigger and more diverse than ever. It is also further than ever from being able to agree on anything beyond general principles. That may suit its members well enough; the SCO has always been more useful as a forum than as an alliance. But those who see it as an emerging anti-Western bloc should look more closely at how little its members actually share.</p>""",
        "excerpt": "",
        "outlet": "The Diplomat",
        "original_url": "https://thediplomat.com/2023/07/iran-joins-the-sco-symbolism-first-substance-later/",
        "published": "2023-07-05T12:00",
        "updated": None,
        "posted": "2023-07-05T16:00",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["SCO", "Iran", "India", "China", "Russia"],
        "authors": [(_MAYA, _MAYA_DIRECTOR)],
    },
    # 22 ---------------------------------------------------------------------
    {
        "title": "How I Read a Summit Communiqué",
        "slug": "how-i-read-a-summit-communique",
        "dek": "A few habits for getting something useful out of the longest and dullest documents in diplomacy.",
        "intro": "<p>A blog-only post. Students keep asking me how to read these things, so here are my notes.</p>",
        "body": """<p>Summit declarations are written to be agreed, not to be read. By the time a text reaches the leaders, every member state has removed anything it dislikes, and what is left can feel like a list of good intentions. Still, they are some of the best evidence we have about what governments are willing to sign up to, and they reward patient reading.</p>
<p>Here is what I do, usually with two documents open side by side: this year’s text and last year’s.</p>
<ul>
<li><strong>Read the differences, not the document.</strong> A comparison tool will show you what was added, removed or softened. A paragraph that quietly disappears is often more significant than a new one.</li>
<li><strong>Watch the verbs.</strong> “Welcome”, “note”, “support” and “agree” mean different things. A move from “support” to “note” is a retreat.</li>
<li><strong>Count who signed.</strong> When a member state does not join a paragraph, or issues its own statement, that is where the real disagreement lies.</li>
<li><strong>Look for the missing word.</strong> If a war, a crisis or a neighbour is not named at all, ask why.</li>
<li><strong>Check the annexes.</strong> Action plans and lists of projects are often more concrete than the declaration itself, and far less read.</li>
</ul>
<p>None of this is difficult. It just takes the willingness to read slowly, which is rare during a news cycle that wants a verdict before the leaders have left the room.</p>
<blockquote><p>The most important sentence in a communiqué is usually the one that someone fought to remove and failed.</p></blockquote>
<p>If you have your own habits, I would be glad to hear them.</p>""",
        "excerpt": "",
        "outlet": None,
        "original_url": "",
        "published": None,
        "updated": None,
        "posted": "2023-11-20T19:30",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["SCO", "Diplomacy"],
        "authors": [(_MAYA, _MAYA_DIRECTOR)],
    },
    # 23 ---------------------------------------------------------------------
    {
        "title": "After Crocus City Hall, a Hard Look at Recruitment in Central Asia",
        "slug": "after-crocus-city-hall-a-hard-look-at-recruitment-in-central-asia",
        "dek": "The attack near Moscow has put Tajik migrants under suspicion. The evidence points to a narrower and more difficult problem.",
        "intro": "<p>For The Steppe Dispatch, Aigerim Sadykova and I write about the attack at Crocus City Hall and the debate about radicalisation among Central Asian migrants.</p>",
        "body": """<p>The attack on a concert hall outside Moscow was claimed by the Islamic State’s branch in Afghanistan, known as ISKP, and the men arrested were reported to be Tajik citizens. Within days, Central Asian migrants across Russia were facing extra checks, harassment and, in some cases, expulsion.</p>
<p>Collective blame is both unjust and counterproductive. The overwhelming majority of the millions of Central Asians working in Russia have nothing to do with extremism. Treating them as suspects makes their lives harder and hands recruiters exactly the story of humiliation and exclusion that they exploit.</p>
<p>That said, the problem is real. ISKP has invested heavily in propaganda in Tajik, Uzbek and Russian, and Central Asians have featured in several plots in recent years. Recruitment seems to happen mostly online and among men isolated from family and community, often abroad. It does not require large networks; a handful of people and a messaging app are enough.</p>
<p>Responding well means doing several unglamorous things at once. Intelligence services in Russia, Central Asia and beyond need to share information about specific networks rather than trade accusations. Governments in the region need to offer credible religious voices in the languages migrants actually use. And consular services need to be present where migrants live, not only in the capitals.</p>
<p>The temptation after an atrocity is to reach for sweeping measures. The better approach is narrower and harder: find the recruiters, disrupt the channels and protect the communities they try to exploit.</p>""",
        "excerpt": "The attack near Moscow has put millions of Central Asian migrants under suspicion. The real problem is narrower: small online networks that recruiters exploit, and that blanket crackdowns only help.",
        "outlet": "The Steppe Dispatch",
        "original_url": "https://steppedispatch.example/p/after-crocus-city-hall-a-hard-look-at-recruitment",
        "published": "2024-03-27T09:00",
        "updated": None,
        "posted": "2024-03-27T10:30",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Terrorism", "Russia", "Tajikistan", "ISKP", "Migration", "Intelligence"],
        "authors": [(_MAYA, _MAYA_DIRECTOR), (_AIGERIM, _AIGERIM_ASSOCIATE)],
    },
    # 24 ---------------------------------------------------------------------
    {
        "title": "In Astana, the SCO Grew Again. Did It Grow Stronger?",
        "slug": "in-astana-the-sco-grew-again-did-it-grow-stronger",
        "dek": "Belarus became the organisation’s tenth member. The summit’s real story was about who came and who stayed away.",
        "intro": "<p>My column for Nikkei Asia on the SCO summit in Astana.</p>",
        "body": """<p>Kazakhstan hosted the Shanghai Cooperation Organisation’s leaders with its usual polish, and the summit produced its usual headline: another new member. Belarus, one of Russia’s closest allies, joined as the organisation’s tenth full member.</p>
<p>The accession fits a pattern. Over the past decade, the SCO has grown from six members to ten, with a long list of observers and dialogue partners behind them. Each expansion has been presented as proof of the organisation’s growing weight. Each has also made agreement a little harder.</p>
<p>More revealing was the attendance. India’s prime minister, busy at home after elections, sent his foreign minister instead. The gap was noticed, and it fed a sense that Delhi values the SCO less than Beijing and Moscow do. For Kazakhstan, which has worked hard to present itself as a bridge between all the major powers, the summit was nonetheless a diplomatic success.</p>
<p>The host’s priorities were practical: transport links, food security, water and climate adaptation. Those are the issues that actually matter to the Central Asian members, and they are where the SCO could prove useful if it chose to. They received less attention than the geopolitics.</p>
<p>The organisation now faces a familiar dilemma in sharper form. It can continue to grow and become a broad, loose forum for the non-Western world. Or it can focus on a narrower set of tasks its members genuinely share. Astana suggested it will keep trying to do both.</p>""",
        "excerpt": "",
        "outlet": "Nikkei Asia",
        "original_url": "https://asia.nikkei.com/Opinion/In-Astana-the-SCO-grew-again.-Did-it-grow-stronger",
        "published": "2024-07-08T05:00",
        "updated": None,
        "posted": "2024-07-08T09:00",
        "print_headline": "A bigger club, not a stronger one",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["SCO", "Kazakhstan", "Belarus", "China", "Russia", "India"],
        "authors": [(_MAYA, _MAYA_DIRECTOR)],
    },
    # 25 ---------------------------------------------------------------------
    {
        "title": "The New Scramble for Central Asia’s Ground",
        "slug": "the-new-scramble-for-central-asias-ground",
        "dek": "Uranium, rare earths and copper are turning the region into a front line of the competition over critical minerals.",
        "intro": "<p>An exclusive for The Steppe Dispatch by Tomasz Wierzbicki, Aigerim Sadykova and me, on the rush for Central Asia’s critical minerals.</p>",
        "body": """<p>For most of the past three decades, outsiders came to Central Asia for oil and gas. The new visitors want something else: the minerals needed for batteries, wind turbines, electric cars and advanced weapons. Kazakhstan is already the world’s largest producer of uranium. Geologists believe the region holds significant deposits of rare earths, tungsten, copper and lithium, much of it barely explored.</p>
<p>The list of suitors is long. The European Union has signed a strategic partnership on raw materials with Kazakhstan. The United States has launched a critical minerals dialogue with all five Central Asian states. Japan and South Korea are offering finance and technology. And China, which dominates the global processing of most of these materials, is already present in many of the mines.</p>
<p>For Central Asian governments, this is a rare chance to move up the value chain, processing minerals at home rather than exporting raw ore. They have said so loudly. But processing plants need reliable power, water and skilled workers, and they produce waste that must be managed. In a region already short of water, that is not a trivial concern.</p>
<p>There is also a governance question. Mining has a long history of fuelling corruption and local conflict, including in Central Asia. Deals negotiated in the capitals can leave communities near the mines with pollution and few jobs. Protests over land and foreign investment have already flared in Kazakhstan and Kyrgyzstan.</p>
<p>The best outcome would be competition that raises standards: buyers who insist on transparency and environmental safeguards, and governments who use their new leverage to demand investment in local processing and skills. The worst would be a race to the bottom, with the region’s resources extracted as quickly and cheaply as possible. Which path prevails depends heavily on choices being made now.</p>""",
        "excerpt": "",
        "outlet": "The Steppe Dispatch",
        "original_url": "https://steppedispatch.example/p/the-new-scramble-for-central-asias-ground",
        "published": "2024-11-12T08:00",
        "updated": None,
        "posted": "2024-11-13T07:45",
        "print_headline": "",
        "exclusive": True,
        "status": "published",
        "scheduled": False,
        "tags": [
            "Critical minerals",
            "Energy",
            "Kazakhstan",
            "Uzbekistan",
            "China",
            "Central Asia",
        ],
        "authors": [
            (_TOMASZ, _TOMASZ_HEAD),
            (_AIGERIM, _AIGERIM_ASSOCIATE),
            (_MAYA, _MAYA_DIRECTOR),
        ],
    },
    # 26 ---------------------------------------------------------------------
    {
        "title": "Pakistan’s Western Border Has Become Its Hardest Problem",
        "slug": "pakistans-western-border-has-become-its-hardest-problem",
        "dek": "Islamabad hoped a Taliban government in Kabul would secure its flank. The opposite has happened.",
        "intro": "<p>In Foreign Policy, on the deterioration of Pakistan’s security along its border with Afghanistan.</p>",
        "body": """<p>When the Taliban returned to power in Kabul, many in Pakistan’s security establishment saw it as a strategic victory. A friendly government in Afghanistan, they believed, would finally secure the country’s western border and deny space to militants hostile to Islamabad.</p>
<p>Things have not worked out that way. Attacks by the Pakistani Taliban, a separate movement with close ideological ties to its Afghan namesake, have risen steadily. Separatist insurgents in Balochistan have grown bolder. Security forces in the two western provinces have suffered heavy losses, and relations with Kabul have descended into mutual accusation, border closures and occasional cross-border strikes.</p>
<p>Pakistan’s response has included the mass deportation of Afghans living in the country, many of whom had been there for decades. It has added pressure on Kabul, but also deepened resentment on both sides of the border and created a humanitarian problem that international agencies are struggling to manage.</p>
<p>China is watching closely. Chinese engineers and workers on projects linked to the China–Pakistan Economic Corridor have been targeted in several deadly attacks, and Beijing has been unusually direct in asking Islamabad to improve their protection. For a flagship of the Belt and Road Initiative, this is an uncomfortable position.</p>
<p>There is no quick fix. Military operations alone have never settled the border areas. What is needed is a combination of political outreach in the affected provinces, sustained diplomacy with Kabul that goes beyond threats, and regional pressure, including from China and the Gulf states, on the Taliban to act against groups attacking their neighbour. None of that is easy. All of it is overdue.</p>""",
        "excerpt": "Islamabad expected a Taliban government to secure its western flank. Instead, attacks are rising, relations with Kabul have soured, and China is pressing hard for the safety of its workers.",
        "outlet": "Foreign Policy",
        "original_url": "https://foreignpolicy.com/2025/04/15/pakistan-afghanistan-border-taliban-ttp-security/",
        "published": "2025-04-15T06:00",
        "updated": "2025-04-16T14:00",
        "posted": "2025-04-15T12:30",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["Pakistan", "Afghanistan", "Terrorism", "China", "Belt and Road", "Taliban"],
        "authors": [(_MAYA, _MAYA_DIRECTOR)],
    },
    # 27 ---------------------------------------------------------------------
    {
        "title": "Tianjin and the Limits of an Anti-Western Club",
        "slug": "tianjin-and-the-limits-of-an-anti-western-club",
        "dek": "The images from the SCO summit were striking. The agreements behind them were thinner than they looked.",
        "intro": "<p>A new piece for the South China Morning Post, written with Tomasz Wierzbicki, on the SCO summit in Tianjin.</p>",
        "body": """<p>The photographs from Tianjin travelled fast: the leaders of China, Russia and India smiling together, at a moment when each had reasons to show Washington that it had other friends. Commentators quickly declared the birth of a new anti-Western bloc.</p>
<p>The pictures were real, and so was the message. Beijing staged the largest summit in the organisation’s history and used it to present itself as the convener of an alternative order. India’s prime minister made his first visit to China in years, a sign that the freeze in relations since the border clashes of 2020 is thawing.</p>
<p>But the substance was more modest. Renewed talk of an SCO development bank has been heard before, without result. On energy, announcements about new pipelines from Russia to China left the hard questions of price and financing unresolved. And India and Pakistan, both members, are only months removed from a military confrontation, which makes any common security agenda almost impossible.</p>
<p>The SCO remains what it has long been: a useful forum for its members to signal to each other and to the outside world, with limited capacity for collective action. Its growing size gives it symbolic weight, but also guarantees that its members will disagree on most things that matter.</p>
<p>Western governments should take the signal seriously without mistaking it for an alliance. The more productive response is not to treat the SCO as an enemy but to offer its members, especially the smaller ones, better alternatives on trade, investment and security than the ones they find in Tianjin.</p>""",
        "excerpt": "",
        "outlet": "South China Morning Post",
        "original_url": "https://www.scmp.com/opinion/china-opinion/article/3323951/tianjin-and-limits-anti-western-club",
        "published": "2025-09-02T06:00",
        "updated": None,
        "posted": "2025-09-02T08:30",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["SCO", "China", "Russia", "India", "Energy"],
        "authors": [(_MAYA, _MAYA_DIRECTOR), (_TOMASZ, _TOMASZ_HEAD)],
    },
    # 28 ---------------------------------------------------------------------
    {
        "title": "The SCO at Twenty-Five Is Still Looking for a Job",
        "slug": "the-sco-at-twenty-five-is-still-looking-for-a-job",
        "dek": "A quarter of a century after its founding, the Shanghai Cooperation Organisation is bigger, busier and no clearer about its purpose.",
        "intro": "<p>A longer reflection for the Halden Institute on the Shanghai Cooperation Organisation’s twenty-fifth anniversary. I have been writing about the SCO for most of those years, and some of my earlier predictions have aged better than others.</p>",
        "body": """<p>When six states founded the Shanghai Cooperation Organisation in June 2001, its task was clear, if narrow. China and its former Soviet neighbours had settled most of their border disputes and wanted a framework to keep the peace along them, and to coordinate against the militant groups they feared. Within months, the attacks of 11 September and the American arrival in Afghanistan had transformed the region around it.</p>
<p>Twenty-five years later, the organisation has ten members, a secretariat in Beijing, an anti-terrorism centre in Tashkent and a calendar full of ministerial meetings. It covers a large share of the world’s population and a good part of its nuclear arsenals. What it still lacks is a clear answer to the question: what is it for?</p>
<h2>Three possible jobs</h2>
<p>The first is the original one: a security club for China, Russia and Central Asia. That role has faded as Russia has turned to the war in Ukraine and as new members with very different threats have joined. The second is economic: a platform for trade and investment. It has never had the institutions to make that work. The third is symbolic: a gathering that shows the non-Western world talking to itself. That is the job it does best, and perhaps the one its largest members value most.</p>
<p>Looking back at my own columns, I notice that I have repeatedly predicted the SCO would have to choose between these roles. It has not chosen, and it has survived anyway. That is worth acknowledging. Organisations that do little can last a long time, precisely because they ask little of their members.</p>
<p>Still, the Central Asian members in particular have reason to want more. They face real problems that cross borders: water, climate, migration, transport and the situation in Afghanistan. An SCO that helped with even one of these would earn a relevance that summit photographs cannot provide. At twenty-five, it is old enough to try.</p>""",
        "excerpt": "",
        "outlet": "Halden Institute",
        "original_url": "https://halden-institute.example/commentary/the-sco-at-twenty-five",
        "published": "2026-06-15T09:00",
        "updated": None,
        "posted": "2026-06-15T09:30",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": False,
        "tags": ["SCO", "China", "Russia", "Central Asia", "Afghanistan"],
        "authors": [(_MAYA, _MAYA_DIRECTOR)],
    },
    # 29 (scheduled) ---------------------------------------------------------
    {
        "title": "Afghanistan’s Neighbours Have Stopped Waiting for Recognition",
        "slug": "afghanistans-neighbours-have-stopped-waiting-for-recognition",
        "dek": "Five years after the Taliban took Kabul, the region has quietly decided to do business with them, with or without a formal seal.",
        "intro": "<p>A forthcoming piece for Nikkei Asia, written with Aigerim Sadykova, on how the region’s approach to the Taliban has shifted from waiting to dealing.</p>",
        "body": """<p>For several years after the Taliban returned to power, Afghanistan’s neighbours said that recognition depended on an inclusive government, respect for the rights of women and girls, and action against terrorist groups. None of those conditions has been met. Yet the neighbours have steadily deepened their engagement anyway.</p>
<p>Russia went furthest, formally recognising the Taliban government. Others have stopped short of that step while doing most of what recognition would allow. Kazakhstan and Kyrgyzstan removed the movement from their lists of banned organisations. Uzbekistan has made its border city of Termez a busy trade hub and keeps pressing ahead with plans for a railway across Afghanistan to Pakistan’s ports. Turkmenistan has restarted work on its long-delayed gas pipeline.</p>
<p>The logic is straightforward. The Taliban are not going anywhere, and isolation has not changed their behaviour. Meanwhile trade, transit, electricity and water all require working relationships with whoever controls the other side of the border. Security cooperation against ISKP gives the neighbours a shared interest with Kabul.</p>
<p>The cost is borne mostly by Afghans, particularly women, whose exclusion from education and work has become a settled fact of regional diplomacy rather than an obstacle to it. Engagement without any conditions risks rewarding exactly the policies the neighbours once said they opposed.</p>
<p>A better approach would link specific forms of cooperation to specific changes: trade facilitation in exchange for reopening schools in particular provinces, for example. It would be modest and slow. But it would at least keep the question of rights on the table, rather than quietly dropping it.</p>""",
        "excerpt": "",
        "outlet": "Nikkei Asia",
        "original_url": "",
        "published": None,
        "updated": None,
        "posted": "2026-11-27T08:00",
        "print_headline": "",
        "exclusive": False,
        "status": "published",
        "scheduled": True,
        "tags": ["Afghanistan", "Taliban", "Central Asia", "Uzbekistan", "Russia", "Diplomacy"],
        "authors": [(_MAYA, _MAYA_DIRECTOR), (_AIGERIM, _AIGERIM_ASSOCIATE)],
    },
    # 30 (draft) -------------------------------------------------------------
    {
        "title": "Meltwater and the Next Fergana Crisis",
        "slug": "meltwater-and-the-next-fergana-crisis",
        "dek": "The Kyrgyz–Tajik border deal settled the map. Shrinking glaciers may unsettle everything else.",
        "intro": "<p>Work in progress with Aigerim Sadykova, for The Diplomat.</p>",
        "body": """<p>When Kyrgyzstan and Tajikistan signed a treaty finally settling their shared border, it was hailed, rightly, as a breakthrough. After years of deadly clashes, the two governments had agreed on a line. Many of the disputes that had sparked violence in the Fergana Valley were, on paper at least, resolved.</p>
<p>But borders were only ever part of the problem. The deeper source of tension in the valley is water: who gets it, when, and how much. And the water itself is changing. The glaciers of the Pamir and Tian Shan, which feed the rivers that irrigate the valley, are losing mass.</p>
<p>In the short term, faster melting can mean more water, not less. Over the coming decades, as the glaciers shrink, summer flows are expected to decline, just as rising temperatures increase the demand for irrigation. Communities that have only recently stopped fighting over land may find themselves competing harder than ever over canals and intakes.</p>
<p>The border treaty created joint mechanisms for managing some shared infrastructure. They will need to be strengthened quickly, with real data, local participation and funding, if the next crisis in the Fergana Valley is to be prevented rather than managed after the fact.</p>""",
        "excerpt": "",
        "outlet": "The Diplomat",
        "original_url": "",
        "published": None,
        "updated": None,
        "posted": "2026-11-25T10:00",
        "print_headline": "",
        "exclusive": False,
        "status": "draft",
        "scheduled": False,
        "tags": ["Water", "Climate", "Kyrgyzstan", "Tajikistan", "Borders", "Central Asia"],
        "authors": [(_AIGERIM, _AIGERIM_ASSOCIATE), (_MAYA, _MAYA_DIRECTOR)],
    },
]


# ---------------------------------------------------------------------------
# Press mentions: interviews, quotes, broadcasts, podcasts, panels.
# ---------------------------------------------------------------------------

MENTIONS = [
    {
        "outlet": "Reuters",
        "topic": "India and Pakistan joining the Shanghai Cooperation Organisation",
        "date": "2017-06-09",
        "kind": "quoted",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["SCO", "India", "Pakistan"],
    },
    {
        "outlet": "Agence France-Presse",
        "topic": "the New York truck attack and the suspect’s Uzbek background",
        "date": "2017-11-01",
        "kind": "interview",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["Terrorism", "Uzbekistan", "United States"],
    },
    {
        "outlet": "BBC World Service",
        "topic": "the SCO summit in Qingdao",
        "date": "2018-06-10",
        "kind": "broadcast",
        "url": "",
        "note": "Live two-way on Newshour.",
        "column": "After Qingdao, the SCO Needs a Counter-Terrorism Plan, Not a Slogan",
        "tags": ["SCO", "China", "Terrorism"],
    },
    {
        "outlet": "Eurasia Unpacked",
        "topic": "whether Central Asia can stay neutral between Beijing and Moscow",
        "date": "2018-12-05",
        "kind": "podcast",
        "url": "https://eurasiaunpacked.example/episodes/12-neutral-ground",
        "note": "Episode 12.",
        "column": None,
        "tags": ["Central Asia", "China", "Russia"],
    },
    {
        "outlet": "Al Jazeera English",
        "topic": "Nursultan Nazarbayev’s resignation as president of Kazakhstan",
        "date": "2019-03-20",
        "kind": "broadcast",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["Kazakhstan", "Central Asia"],
    },
    {
        "outlet": "France 24",
        "topic": "Turkey’s offensive in northern Syria and the fate of detained Islamic State fighters",
        "date": "2019-10-10",
        "kind": "broadcast",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["Syria", "Turkey", "Terrorism", "Foreign fighters"],
    },
    {
        "outlet": "Reuters",
        "topic": "the killing of Qassem Soleimani and its implications for Afghanistan",
        "date": "2020-01-06",
        "kind": "quoted",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["Iran", "Afghanistan", "United States"],
    },
    {
        "outlet": "BBC World Service",
        "topic": "the US–Taliban agreement signed in Doha",
        "date": "2020-02-29",
        "kind": "broadcast",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["Afghanistan", "Taliban", "United States"],
    },
    {
        "outlet": "Eurasia Unpacked",
        "topic": "how the pandemic is reshaping labour migration from Central Asia",
        "date": "2020-07-14",
        "kind": "podcast",
        "url": "https://eurasiaunpacked.example/episodes/47-stranded",
        "note": "",
        "column": None,
        "tags": ["Migration", "Central Asia", "Covid-19", "Russia"],
    },
    {
        "outlet": "Agence France-Presse",
        "topic": "the Taliban takeover of Kabul and the reaction in Central Asia",
        "date": "2021-08-16",
        "kind": "interview",
        "url": "",
        "note": "",
        "column": "Kabul Has Fallen, and China’s Caution Will Now Be Tested",
        "tags": ["Afghanistan", "Taliban", "Central Asia"],
    },
    {
        "outlet": "France 24",
        "topic": "the suicide bombing at Kabul airport",
        "date": "2021-08-27",
        "kind": "broadcast",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["Afghanistan", "Terrorism", "ISKP"],
    },
    {
        "outlet": "Reuters",
        "topic": "the unrest in Kazakhstan and the CSTO deployment",
        "date": "2022-01-07",
        "kind": "quoted",
        "url": "",
        "note": "",
        "column": "Kazakhstan’s January and the CSTO’s First Real Deployment",
        "tags": ["Kazakhstan", "CSTO", "Russia"],
    },
    {
        "outlet": "Al Jazeera English",
        "topic": "the SCO summit in Samarkand",
        "date": "2022-09-16",
        "kind": "broadcast",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["SCO", "Uzbekistan", "China", "Russia"],
    },
    {
        "outlet": "BBC World Service",
        "topic": "the border fighting between Kyrgyzstan and Tajikistan",
        "date": "2022-09-19",
        "kind": "interview",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["Kyrgyzstan", "Tajikistan", "Borders"],
    },
    {
        "outlet": "France 24",
        "topic": "the Wagner mutiny and Russia’s standing in Central Asia",
        "date": "2023-06-26",
        "kind": "panel",
        "url": "",
        "note": "Studio debate with two other guests.",
        "column": None,
        "tags": ["Russia", "Central Asia"],
    },
    {
        "outlet": "Agence France-Presse",
        "topic": "the Crocus City Hall attack and the Tajik suspects",
        "date": "2024-03-24",
        "kind": "interview",
        "url": "",
        "note": "",
        "column": "After Crocus City Hall, a Hard Look at Recruitment in Central Asia",
        "tags": ["Terrorism", "Russia", "Tajikistan", "ISKP"],
    },
    {
        "outlet": "Reuters",
        "topic": "Belarus joining the SCO at the Astana summit",
        "date": "2024-07-04",
        "kind": "quoted",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["SCO", "Belarus", "Kazakhstan"],
    },
    {
        "outlet": "Eurasia Unpacked",
        "topic": "critical minerals and the great-power scramble for Central Asia",
        "date": "2025-01-15",
        "kind": "podcast",
        "url": "https://eurasiaunpacked.example/episodes/101-under-the-steppe",
        "note": "Recorded with Tomasz Wierzbicki.",
        "column": None,
        "tags": ["Critical minerals", "Central Asia", "China", "Energy"],
    },
    {
        "outlet": "BBC World Service",
        "topic": "the military clashes between India and Pakistan",
        "date": "2025-05-08",
        "kind": "broadcast",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["India", "Pakistan", "Terrorism"],
    },
    {
        "outlet": "Al Jazeera English",
        "topic": "the SCO summit in Tianjin",
        "date": "2025-08-31",
        "kind": "broadcast",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["SCO", "China", "India", "Russia"],
    },
    {
        "outlet": "Reuters",
        "topic": "Uzbekistan’s plans for a railway across Afghanistan",
        "date": "2026-03-12",
        "kind": "quoted",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["Uzbekistan", "Afghanistan", "Belt and Road"],
    },
    {
        "outlet": "Agence France-Presse",
        "topic": "the SCO’s twenty-fifth anniversary",
        "date": "2026-06-15",
        "kind": "other",
        "url": "",
        "note": "Background briefing for correspondents; not for attribution.",
        "column": None,
        "tags": ["SCO", "China", "Russia"],
    },
    {
        "outlet": "Nikkei Asia",
        "topic": "Japan’s diplomatic outreach to Central Asia",
        "date": "2026-09-18",
        "kind": "quoted",
        "url": "",
        "note": "",
        "column": None,
        "tags": ["Japan", "Central Asia", "Critical minerals"],
    },
    {
        "outlet": "Eurasia Unpacked",
        "topic": "how Central Asian governments are dealing with the Taliban",
        "date": "2026-10-20",
        "kind": "podcast",
        "url": "https://eurasiaunpacked.example/episodes/148-the-long-engagement",
        "note": "",
        "column": None,
        "tags": ["Afghanistan", "Taliban", "Central Asia", "Diplomacy"],
    },
]
