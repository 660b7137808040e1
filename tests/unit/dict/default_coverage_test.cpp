// Breadth of the default dictionaries: plain wire phrasings for each CAMEO root group that the
// default verbs, groups and agents code (noun-headed constructions, particle verbs, places as
// targets, armed groups). Each sentence is an article of its own; the test names the event the
// sentence must give, at the code's root, so that finer coding choices may change.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/document.h"
#include "dict/dictionary.h"
#include "input/input.h"
#include "pipeline/pipeline.h"

namespace dateline {
namespace {

// "SOURCE TARGET ROOT" per event of one article.
std::vector<std::string> CodeRoots(const std::string& text) {
  Document doc = DecodeArticle("test.txt", text);
  doc.publication_date = Date::Parse("2024-05-01");
  Pipeline pipeline(DefaultDictionary(), CoderOptions{});
  pipeline.Process(doc);
  std::vector<std::string> out;
  for (const Event& e : doc.events) out.push_back(e.source.code + " " + e.target.code + " " + e.code.substr(0, 2));
  return out;
}

struct Case {
  const char* sentence;
  const char* event;  // "SOURCE TARGET ROOT"
};

// Each case's sentence gives its event (among others).
template <size_t N>
void ExpectEachCase(const Case (&cases)[N]) {
  for (const Case& c : cases) {
    std::string got;
    bool found = false;
    for (const std::string& e : CodeRoots(c.sentence)) {
      found = found || e == c.event;
      got += "[" + e + "] ";
    }
    EXPECT_TRUE(found) << c.sentence << "\n  expected " << c.event << ", got " << got;
  }
}

const Case kCases[] = {
    // 01-05: statements, appeals, intents, consultations, diplomatic cooperation
    {"The Turkish foreign ministry said it was deeply concerned about the escalation in Sudan.", "TURGOV SDN 01"},
    {"Senegal's president voiced optimism about relations with France.", "SENGOV FRA 01"},
    {"Nigeria pleaded with the World Bank for more funding to fight hunger.", "NGA IGOUNODEVWBK 02"},
    {"Japan said it was prepared to resume talks with North Korea.", "JPN PRK 03"},
    {"Indonesia offered humanitarian assistance to Myanmar after the earthquake.", "IDN MMR 03"},
    {"Kazakhstan's president discussed energy cooperation with the Chinese leader in a phone call.",
     "KAZGOV CHNGOV 04"},
    {"Indian Prime Minister Narendra Modi paid a state visit to Poland.", "INDGOV POL 04"},
    {"Poland hailed the decision by the United States to send more troops.", "POL USA 05"},
    {"Kenya welcomed the agreement between Ethiopia and Somalia.", "KEN ETH 05"},
    {"The Dutch government apologised to Bosnia for its role in the Srebrenica massacre.", "NLDGOV BIH 05"},
    // 06-08: material cooperation, aid, yielding
    {"Russia shipped record volumes of crude oil to India last month.", "RUS IND 06"},
    {"Germany delivered a Patriot air defence system to Ukraine.", "DEU UKR 07"},
    {"Sweden sent 20 Archer artillery systems to Ukraine.", "SWE UKR 07"},
    {"Jordan airdropped food and medical supplies to Gaza.", "JOR PSE 07"},
    {"The United Arab Emirates sent tents and blankets to earthquake survivors in Afghanistan.", "ARE AFG 07"},
    {"Saudi Arabia deposited 3 billion dollars in Pakistan's central bank.", "SAU PAKGOVBUS 07"},
    {"Belarus freed a jailed Lithuanian journalist.", "BLR LTUMED 08"},
    {"China lifted its ban on Japanese seafood imports.", "CHN JPN 08"},
    {"Israel allowed fuel trucks to enter Gaza through the Rafah crossing.", "ISR PSE 08"},
    // The act's target as the subject: "received a call from", "came under fire from".
    {"Zelensky received a phone call from Macron.", "FRAGOV UKRGOV 04"},
    {"Pakistan secured a loan from China.", "CHN PAK 07"},
    {"Israeli troops came under fire from Hezbollah.", "LBNREB ISRMIL 19"},
    // 09-13: investigation, demands, disapproval, rejection, threats
    {"Polish prosecutors opened an investigation into a Belarusian drone incursion.", "POLJUD BLRMIL 09"},
    {"The Kremlin rebuffed calls from Washington for a ceasefire.", "RUSGOV USA 12"},
    {"Hungary blocked an EU plan to use frozen Russian assets for Ukraine.", "HUN IGOEUREEC 12"},
    {"Niger refused to allow French troops to stay in the country.", "NER FRAMIL 12"},
    {"Zimbabwean police dispersed an opposition rally with tear gas.", "ZWECOP ZWEOPP 17"},
    {"Iran vowed revenge against Israel for the killing of its general.", "IRN ISR 13"},
    {"Russia warned Finland of countermeasures if NATO troops were deployed there.", "RUS FIN 13"},
    // 14-16: protest, force posture, reduced relations
    {"Serbian protesters demonstrated outside the parliament against President Aleksandar Vucic.", "SRBOPP SRBLEG 14"},
    {"Russia massed troops near the border with Ukraine.", "RUS UKR 15"},
    {"Niger cut diplomatic ties with Ukraine.", "NER UKR 16"},
    {"Chad ended its defence cooperation agreement with France.", "TCD FRA 16"},
    {"Washington slapped tariffs on Chinese electric vehicles.", "USA CHN 16"},
    // 17-20: coercion, assault, fighting, mass violence
    {"Georgian police used water cannon and tear gas to disperse protesters in Tbilisi.", "GEOCOP GEOOPP 17"},
    {"Russian police detained a Slovak man in Moscow.", "RUSCOP SVKCVL 17"},
    {"Boko Haram militants abducted dozens of schoolgirls in Nigeria.", "NGAREB NGAEDU 18"},
    {"Pakistan carried out air strikes on suspected militant hideouts in Afghanistan.", "PAK AFG 19"},
    {"Israeli jets struck targets in southern Lebanon.", "ISRMIL LBN 19"},
    {"Ukrainian drones hit an oil refinery in Russia's Krasnodar region.", "UKRMIL RUS 19"},
    {"Pakistani Taliban fighters attacked a police station in northwestern Pakistan.", "PAKREB PAKCOP 19"},
    {"Israeli air strikes killed at least 30 people in the Gaza Strip overnight.", "ISRMIL PSE 19"},
    {"Houthi rebels targeted a U.S. destroyer in the Gulf of Aden.", "YEMREB USA 19"},
    {"Two Ukrainian soldiers were killed by Russian shelling in the Donetsk region.", "RUSMIL UKRMIL 19"},
    {"Syria used chemical weapons against rebels in Douma.", "SYR SYRREB 20"},
};

TEST(DefaultCoverage, EachPhrasingCodesItsEvent) {
  ExpectEachCase(kCases);
}

// Plain uses of the new phrasings that are no political event.
TEST(DefaultCoverage, NonEventsStayUncoded) {
  const char* kNone[] = {
      "A Russian court sentenced a man to 12 years in prison.",
      "The storm hit southern China on Tuesday.",
      "Workers struck a deal with the company after weeks of talks.",
      "Oil prices fell after the ceasefire was announced.",
      "Air strikes killed 30 people overnight.",
  };
  for (const char* s : kNone) EXPECT_EQ(CodeRoots(s), std::vector<std::string>{}) << s;
}


// ---- The roots a blind held-out set found weakest, and the mechanisms behind their misses ----
// Breadth of the default dictionaries for the roots a blind held-out set found weakest (01, 03,
// 07, 08, 09, 16, 18) and for the mechanisms behind many of their misses: a pronoun subject that
// stands for an armed group or organisation named just before ("Hezbollah said it fired ..."),
// headline verbs the lexicon knows as nouns ("Brazil slams Israel"), hyphenated verbs
// ("test-fired"), and goods named between the verb and its target ("sent food and blankets to").
// Each sentence is an article of its own; the test names the event it must give, at root level.

const Case kWeakRootCases[] = {
    // Pronoun subjects of groups and organisations, after "said", "said on Thursday".
    {"Hezbollah said it fired anti-tank missiles at an Israeli army post.", "LBNREB ISRMIL 19"},
    {"The Houthis said on Thursday they had attacked a British tanker in the Gulf of Aden.", "YEMREB GBR 19"},
    // Headline verbs known as nouns; a hyphenated verb.
    {"Lithuania summons Chinese envoy over spy claims", "LTU CHNGOV 11"},
    {"Brazil slams Israel over Gaza offensive", "BRA ISR 11"},
    {"Kenya praises Somalia for cooperation on border security", "KEN SOM 05"},
    {"North Korea test-fired two ballistic missiles toward Japan.", "PRK JPN 15"},
    // 01, 03: statements and intents.
    {"Egypt welcomed the agreement between Israel and Lebanon.", "EGY ISR 05"},
    {"Iran rejected accusations from the United States that it had armed the rebels.", "IRN USA 01"},
    {"Germany reiterated its support for Moldova's independence.", "DEU MDA 03"},
    {"Syria expressed willingness to resume talks with Turkey.", "SYR TUR 03"},
    // 07: aid with the goods apart from the target.
    {"Qatar sent 40 tonnes of food and blankets to quake-hit Afghanistan.", "QAT AFG 07"},
    {"China provided Laos with a $500 million loan.", "CHN LAO 07"},
    // 08, 09: yielding, investigating.
    {"Israel eased restrictions on goods entering Gaza.", "ISR PSE 08"},
    {"Armenian police are examining claims that Azerbaijani agents planned an attack.", "ARMCOP AZE 09"},
    {"The IAEA sent inspectors to Ukraine's Zaporizhzhia nuclear plant.", "IGOUNOIAE UKR 09"},
    {"Thailand provided food and medicine to Rohingya refugees.", "THA MMRREF 07"},
    // 13: a warning of attacks is a threat.
    {"Iran warned Israel of further attacks.", "IRN ISR 13"},
    // 16, 18: reduced relations, assault.
    {"Russia halted imports of Moldovan wine.", "RUS MDA 16"},
    {"Al-Shabaab fighters gunned down four Kenyan police officers near the border.", "SOMREB KENCOP 18"},
    {"Pakistani Taliban fighters shot dead two Pakistani policemen.", "PAKREB PAKCOP 18"},
    {"Islamic State militants kidnapped 20 villagers in northeastern Nigeria.", "IMGMUSISI NGACVL 18"},
};

TEST(DefaultCoverageWeakRoots, EachPhrasingCodesItsEvent) {
  ExpectEachCase(kWeakRootCases);
}

// Near misses that are no political event: a quoted person is no antecedent of an act of
// state, a plural noun after a name in a sentence is no headline verb, markets and sport.
TEST(DefaultCoverageWeakRoots, NonEventsStayUncoded) {
  const char* kNone[] = {
      "A spokesman said it fired rockets at Israel.",
      "Iran test-launched a new satellite carrier.",
      "Brazil slams were the talk of the tennis season.",
      "Oil prices eased after the ceasefire was announced.",
      "Real Madrid sent Barcelona crashing out of the cup.",
  };
  for (const char* s : kNone) EXPECT_EQ(CodeRoots(s), std::vector<std::string>{}) << s;
}

}  // namespace
}  // namespace dateline
