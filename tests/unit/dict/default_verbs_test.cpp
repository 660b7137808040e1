// The default dictionaries (data/dict/verbs.dl, discards.dl, issues.dl) on sentences written
// for them: one or more per CAMEO root, each coded with the intended code; sentences that must
// give no event (statements to the press, non-political uses of conflict verbs, sports and
// market news); and the issue tags.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "core/document.h"
#include "dict/dictionary.h"
#include "input/input.h"
#include "pipeline/pipeline.h"

namespace dateline {
namespace {

// Codes one article (each test sentence is an article of its own, so that no actor carries
// over from another sentence) and returns "SOURCE TARGET CODE" per event.
std::vector<std::string> Code(const std::string& text, std::vector<std::string>* issues = nullptr) {
  Document doc = DecodeArticle("test.txt", text);
  doc.publication_date = Date::Parse("2024-05-01");
  Pipeline pipeline(DefaultDictionary(), CoderOptions{});
  pipeline.Process(doc);
  std::vector<std::string> out;
  std::set<std::string> tags;
  for (const Event& e : doc.events) {
    out.push_back(e.source.code + " " + e.target.code + " " + e.code);
    tags.insert(e.issues.begin(), e.issues.end());
  }
  if (issues) issues->assign(tags.begin(), tags.end());
  return out;
}

struct Expected {
  const char* sentence;
  const char* event;  // "SOURCE TARGET CODE"
};

// At least one sentence per CAMEO root, written as wire news puts it.
const Expected kEvents[] = {
    // 01 Make public statement
    {"Japan expressed concern over China's military buildup.", "JPN CHNMIL 012"},
    {"China expressed condolences to Turkey.", "CHN TUR 018"},
    {"Iran denied involvement in the attack on Israel.", "IRN ISR 016"},
    // 02 Appeal
    {"The United Nations urged Israel to show restraint.", "IGOUNO ISR 0256"},
    {"Germany called on Russia to release the journalist.", "DEU RUS 0253"},
    {"Ukraine asked the United States for more weapons.", "UKR USA 0232"},
    // 03 Express intent to cooperate
    {"China stands ready to strengthen cooperation with Kazakhstan.", "CHN KAZ 030"},
    {"Japan pledged $500 million to Ukraine.", "JPN UKR 0331"},
    {"Iran offered to mediate between Saudi Arabia and Yemen.", "IRN SAU 039"},
    // 04 Consult
    {"China held talks with Russia.", "CHN RUS 040"},
    {"Turkish President Recep Tayyip Erdogan visited Germany.", "TURGOV DEU 042"},
    {"Turkey hosted Ukraine for talks.", "TUR UKR 043"},
    // 05 Engage in diplomatic cooperation
    {"Spain recognized Palestine.", "ESP PSE 054"},
    {"Armenia signed a peace agreement with Azerbaijan.", "ARM AZE 057"},
    {"Saudi Arabia restored diplomatic relations with Iran.", "SAU IRN 050"},
    // 06 Engage in material cooperation
    {"India held joint military exercises with France.", "IND FRA 062"},
    // 07 Provide aid
    {"The United States sent weapons to Ukraine.", "USA UKR 072"},
    {"Japan provided humanitarian aid to Turkey.", "JPN TUR 073"},
    {"France sent troops to Estonia.", "FRA EST 074"},
    // 08 Yield
    {"Russia released two Americans.", "RUS USA 0841"},
    {"The United States lifted sanctions on Venezuela.", "USA VEN 085"},
    {"Israel agreed to a ceasefire with Lebanon.", "ISR LBN 0871"},
    // 09 Investigate
    {"The Netherlands launched an investigation into Russia.", "NLD RUS 090"},
    // 10 Demand
    {"Ukraine demanded the withdrawal of Russian troops.", "UKR RUSMIL 1056"},
    // 11 Disapprove
    {"Turkey condemned Israel.", "TUR ISR 111"},
    {"The United States accused China of spying.", "USA CHN 1125"},
    {"Russia accused Ukraine of war crimes.", "RUS UKR 1124"},
    // 12 Reject
    {"Iran rejected talks with the United States.", "IRN USA 125"},
    // 13 Threaten
    {"China threatened Taiwan with sanctions.", "CHN TWN 1312"},
    {"North Korea threatened to attack South Korea.", "PRK KOR 1384"},
    {"Russia threatened to use nuclear weapons against Ukraine.", "RUS UKR 1385"},
    // 14 Protest
    {"Iranian protesters clashed with police in Tehran.", "IRNOPP IRNCOP 145"},
    // 15 Exhibit force posture
    {"China mobilized troops near the border with India.", "CHN IND 154"},
    // 16 Reduce relations
    {"Egypt expelled the Turkish ambassador.", "EGY TURGOV 161"},
    {"The European Union imposed sanctions on Russia.", "IGOEUREEC RUS 163"},
    {"Ukraine suspended talks with Russia.", "UKR RUS 164"},
    // 17 Coerce
    {"Kenyan police fired tear gas at protesters.", "KENCOP KENOPP 175"},
    {"Iran arrested a French citizen.", "IRN FRACVL 173"},
    {"Iran seized a tanker from Britain.", "IRN GBR 171"},
    // 18 Assault
    {"Israel assassinated Iran's defense minister.", "ISR IRNGOVMIL 186"},
    {"Iran kidnapped a French journalist.", "IRN FRAMED 181"},
    // 19 Fight
    {"Israel launched airstrikes on Lebanon.", "ISR LBN 195"},
    {"Israel launched drone strikes on Lebanon.", "ISR LBN 1952"},
    {"Russian forces shelled Ukraine.", "RUSMIL UKR 194"},
    {"Russia violated the ceasefire with Ukraine.", "RUS UKR 196"},
    // 20 Use unconventional mass violence
    {"Syria used chemical weapons against Turkey.", "SYR TUR 2041"},
};

TEST(DefaultVerbs, EachRootCodesToTheIntendedCode) {
  std::set<std::string> roots;
  for (const Expected& x : kEvents) {
    SCOPED_TRACE(x.sentence);
    const std::vector<std::string> events = Code(x.sentence);
    bool found = false;
    for (const std::string& e : events) found = found || e == x.event;
    EXPECT_TRUE(found) << "expected " << x.event << "; got " << ::testing::PrintToString(events);
    const std::string event = x.event;
    roots.insert(event.substr(event.rfind(' ') + 1, 2));
  }
  EXPECT_EQ(roots.size(), 20u) << "every CAMEO root has a sentence";
}

TEST(DefaultVerbs, NonEventsGiveNoEvent) {
  const char* kNone[] = {
      // statements to the press, and verbs that name no act toward an actor
      "Japan's foreign minister told reporters that China was a threat.",
      "China said it would respond.",
      "Ukraine received weapons from the United States.",
      "Russia fought wildfires in Siberia.",
      "Germany hit a record high in exports to China.",
      "India released figures on exports to China.",
      // sports, entertainment and market news (discards)
      "Manchester United beat Chelsea 2-1 in the Premier League on Sunday.",
      "Brazil beat Argentina in the World Cup qualifier.",
      "France attacked Germany just before half-time.",
      "The Oscar-winning actress visited Ukraine.",
      "The stock market fell after the United States imposed sanctions on Russia.",
  };
  for (const char* s : kNone) EXPECT_EQ(Code(s), std::vector<std::string>{}) << s;
}

TEST(DefaultVerbs, AStoryDiscardTakesOutTheWholeStory) {
  // The second sentence alone is an attack (see the next check); in a Premier League story it
  // is no event.
  EXPECT_EQ(Code("Chelsea beat Arsenal in the Premier League. Russia attacked Ukraine."), std::vector<std::string>{});
  EXPECT_EQ(Code("Russia attacked Ukraine."), std::vector<std::string>{"RUS UKR 190"});
  // A sentence discard takes out its sentence only.
  EXPECT_EQ(Code("Oil prices rose on Monday. Russia attacked Ukraine."), std::vector<std::string>{"RUS UKR 190"});
}

TEST(DefaultVerbs, AnActorNamedByThePatternsLastWordIsTheTarget) {
  // "[expel] * ambassador": the ambassador's country is the target, not a later actor ...
  EXPECT_EQ(Code("Egypt summoned the Turkish ambassador."), std::vector<std::string>{"EGY TURGOV 114"});
  // ... but one's own envoy is not: the target is named after the pattern.
  EXPECT_EQ(Code("Russia recalled its ambassador to France."), std::vector<std::string>{"RUS FRA 161"});
}

TEST(DefaultVerbs, IrregularFormsComeFromTheLexicon) {
  EXPECT_EQ(Code("Russia struck Ukraine overnight."), std::vector<std::string>{"RUS UKR 190"});
  EXPECT_EQ(Code("Russian forces shot dead a Ukrainian soldier."), std::vector<std::string>{"RUSMIL UKRMIL 193"});
  EXPECT_EQ(Code("Niger severed ties with France."), std::vector<std::string>{"NER FRA 161"});
}

// Wire-story forms added for recall: a possessive before the object, a party named after
// "from" or "with", an actor phrase that names the captives' country, and "be" + adjective.
TEST(DefaultVerbs, RecallFormsCodeTheirTarget) {
  EXPECT_EQ(Code("Israel rejected Hamas's proposal for a truce."), std::vector<std::string>{"ISR PSEREBHMS 127"});
  EXPECT_EQ(Code("Sudan's army retook the town from the Rapid Support Forces."),
            std::vector<std::string>{"SDNMIL SDNREB 192"});
  EXPECT_EQ(Code("Turkey suspended all trade with Israel."), std::vector<std::string>{"TUR ISR 163"});
  EXPECT_EQ(Code("Germany supplied Ukraine with more air defence systems."), std::vector<std::string>{"DEU UKR 072"});
  EXPECT_EQ(Code("Hamas released three Israeli hostages."), std::vector<std::string>{"PSEREBHMS ISR 0841"});
  EXPECT_EQ(Code("Britain sent a warship to Guyana."), std::vector<std::string>{"GBR GUY 150"});
  EXPECT_EQ(Code("The Kremlin said it was optimistic about its relations with India."),
            std::vector<std::string>{"RUSGOV IND 013"});
  EXPECT_EQ(Code("Western governments suspended funding to UNRWA."), std::vector<std::string>{"WSTGOV IGOUNO 162"});
}

// Wire forms added for recall: withdrawals (from a place, an organisation, talks), joint drills
// of a compound subject, demands to end an act, alert levels, deterrence, hearings, agreeing to
// cooperate — each coded toward the actor or country adjective the story names.
TEST(DefaultVerbs, WithdrawalsDrillsDemandsAndAlertsCodeTheirTarget) {
  EXPECT_EQ(Code("Russian troops withdrew from the Ukrainian city of Kherson."),
            std::vector<std::string>{"RUSMIL UKR 087"});
  EXPECT_EQ(Code("Israel withdrew from Gaza."), std::vector<std::string>{"ISR PSE 087"});
  EXPECT_EQ(Code("Burundi withdrew from the International Criminal Court."),
            std::vector<std::string>{"BDI IGOJUDICC 160"});
  EXPECT_EQ(Code("Iraq withdrew from the talks with Turkey."), std::vector<std::string>{"IRQ TUR 164"});
  EXPECT_EQ(Code("Kenya and Uganda agreed to cooperate on border security."),
            (std::vector<std::string>{"KEN UGA 030", "UGA KEN 030"}));
  EXPECT_EQ(Code("Germany agreed to cooperate with Poland on energy."), std::vector<std::string>{"DEU POL 030"});
  // "Israeli airstrikes" names the Israeli military (agents.dl: weapons and strikes).
  EXPECT_EQ(Code("Egypt demanded an end to Israeli airstrikes on Lebanon."), std::vector<std::string>{"EGY ISRMIL 1056"});
  EXPECT_EQ(Code("Taiwan raised the alert level of its forces after Chinese drills."),
            std::vector<std::string>{"TWN CHN 152"});
  EXPECT_EQ(Code("The United States sent a destroyer to the region to deter China."),
            std::vector<std::string>{"USA CHN 150"});
  EXPECT_EQ(Code("Britain moved an aircraft carrier to the eastern Mediterranean to deter Iran."),
            std::vector<std::string>{"GBR IRN 150"});
  EXPECT_EQ(Code("The International Court of Justice opened hearings in Gambia's case against Myanmar."),
            std::vector<std::string>{"IGOUNOJUDICJ MMR 090"});
  EXPECT_EQ(Code("Kenya deployed 400 police officers to Haiti."), std::vector<std::string>{"KEN HTI 074"});
  EXPECT_EQ(Code("Biden promised Zelensky more air defence systems."), std::vector<std::string>{"USAGOV UKRGOV 030"});
  EXPECT_EQ(Code("Israel promised to respond."), std::vector<std::string>{});
  EXPECT_EQ(Code("Sudanese soldiers killed hundreds of unarmed civilians."), std::vector<std::string>{"SDNMIL SDNCVL 202"});
  EXPECT_EQ(Code("Lebanon's cabinet approved the ceasefire with Israel."), std::vector<std::string>{"LBNGOV ISR 0871"});
  EXPECT_EQ(Code("The African Union suspended Niger after the coup."), std::vector<std::string>{"IGOAFRAFU NER 160"});
  EXPECT_EQ(Code("ECOWAS suspended Guinea's membership after the coup."),
            std::vector<std::string>{"IGOWAFWAS GIN 160"});
  EXPECT_EQ(Code("Serbia put its army on combat readiness near the border with Kosovo."),
            std::vector<std::string>{"SRB KSV 152"});
  EXPECT_EQ(Code("Hungary refused to accept migrants from Italy."), std::vector<std::string>{"HUN ITA 120"});
  EXPECT_EQ(Code("Russia refused to accept Ukraine's proposal."), std::vector<std::string>{"RUS UKR 120"});
  // A city in an agreement's name is no party to it.
  EXPECT_EQ(Code("The United States withdrew from the Paris climate accord."), std::vector<std::string>{});
  EXPECT_EQ(Code("Russia rejected the Minsk agreement."), std::vector<std::string>{});
}

// Sea and place names that hold a country's name ("actor ---" entries) name no actor: the
// drills of a compound subject stay between its members.
TEST(DefaultVerbs, PlaceNamesHoldingACountryNameNameNoActor) {
  EXPECT_EQ(Code("The Philippines and Japan conducted a joint patrol in the South China Sea."),
            (std::vector<std::string>{"PHL JPN 062", "JPN PHL 062"}));
  EXPECT_EQ(Code("Japan and Australia held joint naval exercises in the Indian Ocean."),
            (std::vector<std::string>{"JPN AUS 062", "AUS JPN 062"}));
  EXPECT_EQ(Code("Iran seized a tanker in the Gulf of Oman."), std::vector<std::string>{});
}

// "Arab" is ARB, as in the CAMEO production dictionaries: before a role, and as "Arab states";
// longer names keep their own codes.
TEST(DefaultVerbs, ArabStatesAreArb) {
  EXPECT_EQ(Code("Arab foreign ministers condemned Israel."), std::vector<std::string>{"ARBGOV ISR 111"});
  EXPECT_EQ(Code("Arab states urged Iran to stop."), std::vector<std::string>{"ARB IRN 025"});  // appeal to yield
  EXPECT_EQ(Code("Iran attacked the United Arab Emirates."), std::vector<std::string>{"IRN ARE 190"});
}

// A warning of what would follow is a threat; a warning of what may happen, a pessimistic comment.
TEST(DefaultVerbs, WarningsOfConsequencesAreThreats) {
  EXPECT_EQ(Code("Russia warned NATO that sending troops to Ukraine would be a grave mistake."),
            std::vector<std::string>{"RUS IGOWSTNAT 130"});
  EXPECT_EQ(Code("Iran warned Israel that it would retaliate for any attack."), std::vector<std::string>{"IRN ISR 130"});
  EXPECT_EQ(Code("The IMF warned Egypt that its debt would rise."), std::vector<std::string>{"IGOBUSIMF EGY 012"});
}

// An intention ascribed to the target of an accusation ("of planning to") is the accusation's
// content, not an act of the target.
TEST(DefaultVerbs, AnAccusedIntentionIsNoEvent) {
  EXPECT_EQ(Code("Russia accused Britain of preparing to send troops to Moldova."),
            std::vector<std::string>{"RUS GBR 112"});
}

// Words added as agents or verbs that must stay silent outside politics.
TEST(DefaultVerbs, RecallEntriesStaySilentOutsidePolitics) {
  const char* kNone[] = {
      "The New York Jets beat the Miami Dolphins on Sunday.",
      "Amazon began delivering parcels with drones in Texas.",
      "The film captured the mood of post-war Germany.",
      "Western Digital shares fell after weak results.",
      "The senator questioned Powell's view on inflation.",
  };
  for (const char* s : kNone) EXPECT_EQ(Code(s), std::vector<std::string>{}) << s;
}

TEST(DefaultVerbs, IssuesTagTheStory) {
  std::vector<std::string> issues;
  Code("Russia threatened to use nuclear weapons against Ukraine.", &issues);
  EXPECT_EQ(issues, std::vector<std::string>{"NUCLEAR"});
  Code("Israel agreed to a ceasefire with Lebanon after talks on refugees.", &issues);
  EXPECT_EQ(issues, (std::vector<std::string>{"CEASEFIRE", "REFUGEES"}));
  Code("Kazakhstan signed an agreement with China.", &issues);
  EXPECT_EQ(issues, std::vector<std::string>{});
}

}  // namespace
}  // namespace dateline
