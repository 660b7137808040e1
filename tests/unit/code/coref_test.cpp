// Coreference across sentences (code/coref.h) and quote speakers, on a small dictionary of the
// test's own, so each test pins down one rule; and the seed article's requirements on the
// default dictionaries (skipped when ../shared is absent).
#include "code/coref.h"

#include <gtest/gtest.h>

#include "input/input.h"
#include "pipeline/pipeline.h"
#include "test_util.h"

namespace dateline {
namespace {

constexpr std::string_view kDictionary = R"(
actor  ARN     | Arnor                  | kind=country
actor  ARN     | Arnorian               | kind=adjective
actor  GON     | Gondor                 | kind=country
actor  GON     | Gondorian              | kind=adjective
actor  ROH     | Rohan                  | kind=country
actor  ROH     | Rohirric               | kind=adjective
actor  MOR     | Mordor                 | kind=country
actor  NUM     | Republic of Numenor    | kind=country
actor  NUM     | Numenor                | kind=country
actor  DNM     | Democratic Republic of Numenor | kind=country
actor  GONGOV  | Faramir Steward        | kind=person gender=m
actor  ARNGOV  | Aragorn Elessar        | kind=person gender=m
actor  ROHGOV  | Theoden King           | kind=person gender=m
actor  ROHGOV  | Eowyn Dernhelm         | kind=person gender=f
actor  ARNEDU  | Elrond Peredhel        | kind=person gender=m
actor  GONREB  | Dunlendings            | kind=group country=GON
actor  IGOWIS  | White Council          | kind=org
agent  GOV     | president              |
agent  GOV     | minister               |
agent  GOV     | foreign minister       |
agent  GOV     | officials              | plural=yes
agent  GOV     | authorities            | plural=yes
agent  GOV     | government             |
agent  GOV     | leaders                | plural=yes
agent  GOV     | governments            | plural=yes
agent  MIL     | troops                 | plural=yes
agent  MIL     | general                |
agent  EDU     | professor              |
agent  MED     | reporters              | plural=yes
verb   040     | [meet] +               |
verb   042     | [visit] +              |
verb   010     | [tell] +               |
verb   111     | [criticize] +          |
verb   112     | [accuse] +             |
verb   112     | [blame] * on +         |
verb   051     | [praise] +             |
verb   190     | [attack] +             |
verb   074     | [send] * troops to +   |
verb   074     | [send] * police * to + |
verb   190     | [fire] * at +          |
verb   070     | [send] * aid to +      |
verb   081     | [ease] * sanctions on + |
)";

const Dictionary& TestDictionary() {
  static const Dictionary* d = [] {
    DictionaryBuilder b;
    b.AddFile("coref.dl", kDictionary);
    EXPECT_TRUE(b.problems().empty()) << b.problems()[0];
    return new Dictionary(std::move(b).Build().take());
  }();
  return *d;
}

Document CodeText(const std::string& text, const Dictionary& dict = TestDictionary()) {
  Document doc = DecodeArticle("t", text);
  doc.publication_date = Date::Parse("2022-01-10");
  Pipeline(dict, CoderOptions{}).Process(doc);
  return doc;
}

// "SRC>TGT:CODE " per event, in order.
std::string Dyads(const Document& doc) {
  std::string s;
  for (const Event& e : doc.events) s += e.source.code + ">" + e.target.code + ":" + e.code + " ";
  return s;
}

// The events of the sentence containing `words`.
std::string DyadsOf(const Document& doc, std::string_view words) {
  std::string s;
  for (const Event& e : doc.events)
    if (doc.view(doc.sentences[e.sentence].span).find(words) != std::string_view::npos)
      s += e.source.code + ">" + e.target.code + ":" + e.code + " ";
  return s;
}

// --- pronouns ---

TEST(Coref, PronounChainAcrossThreeSentences) {
  const Document doc = CodeText(
      "Gondorian President Faramir Steward visited Rohan on Monday. He criticized Mordor. He praised Arnor. "
      "He accused Mordor.");
  EXPECT_EQ(Dyads(doc), "GONGOV>ROH:042 GONGOV>MOR:111 GONGOV>ARN:051 GONGOV>MOR:112 ");
}

// "The two leaders", "both governments": the members of the compound subject just before, as
// many as the number says; a number that does not fit leaves the generic to the other rules.
TEST(Coref, PluralGenericStandsForTheCompoundBefore) {
  Document doc = CodeText(
      "Gondorian President Faramir Steward and Arnorian President Aragorn Elessar met in Rohan on Monday. "
      "The two leaders accused Mordor.");
  EXPECT_EQ(DyadsOf(doc, "The two leaders"), "GONGOV>MOR:112 ARNGOV>MOR:112 ");
  // ... and "they" after persons joined by "and" stands for all of them.
  doc = CodeText(
      "Gondorian President Faramir Steward and Arnorian President Aragorn Elessar met in Rohan on Monday. "
      "They accused Mordor.");
  EXPECT_EQ(DyadsOf(doc, "They accused"), "GONGOV>MOR:112 ARNGOV>MOR:112 ");
  doc = CodeText("Gondor and Arnor signed a treaty on Monday. Rohan praised both governments.");
  EXPECT_EQ(DyadsOf(doc, "both governments"), "ROH>GONGOV:051 ROH>ARNGOV:051 ");
  doc = CodeText(
      "Gondorian President Faramir Steward and Arnorian President Aragorn Elessar met in Rohan on Monday. "
      "The three leaders accused Mordor.");
  EXPECT_EQ(DyadsOf(doc, "The three leaders").find("ARNGOV>MOR"), std::string::npos);
}

// A capitalised modifier the dictionaries do not know before a state agent names some other
// group of states: "Numenorean governments" are not the story's country's (no self-event).
TEST(Coref, UnknownProperModifierKeepsAStateAgentFromTheStorysCountry) {
  const Document doc = CodeText("Gondor criticized Arnor on Monday. Gondor then accused Numenorean governments.");
  EXPECT_EQ(DyadsOf(doc, "Numenorean"), "");
  EXPECT_EQ(DyadsOf(doc, "criticized"), "GON>ARN:111 ");
}

// A short name that is not its country's canonical one ("Numenor", canonically the Republic
// of Numenor) stands for the country the article named with a longer name ending with it.
TEST(Coref, ShortCountryNameTakesTheLongerNameUsedBefore) {
  Document doc = CodeText("The Democratic Republic of Numenor accused Gondor on Monday. Numenor also criticized Rohan.");
  EXPECT_EQ(DyadsOf(doc, "also criticized"), "DNM>ROH:111 ");
  doc = CodeText("Numenor criticized Rohan on Monday.");
  EXPECT_EQ(Dyads(doc), "NUM>ROH:111 ");
  // A canonical name is never taken over: "Rohan" after a longer name ending in it stays Rohan.
  doc = CodeText("The Republic of Numenor accused Gondor on Monday. Numenor also criticized Rohan.");
  EXPECT_EQ(DyadsOf(doc, "also criticized"), "NUM>ROH:111 ");
}

// The previous sentence's subject, not its object, for "he" and "the president" alike.
TEST(Coref, PronounAndTitleAgreeOnThePreviousSubject) {
  const Document doc = CodeText(
      "Gondorian President Faramir Steward met Arnorian President Aragorn Elessar in Rohan. The president later "
      "accused Mordor. He also praised Rohan.");
  EXPECT_EQ(DyadsOf(doc, "The president"), "GONGOV>MOR:112 ");
  EXPECT_EQ(DyadsOf(doc, "He also"), "GONGOV>ROH:051 ");
}

// Gender where the dictionary knows it: "she" passes over the men.
TEST(Coref, PronounGender) {
  const Document doc = CodeText("Eowyn Dernhelm met Faramir Steward on Monday. She criticized Mordor.");
  EXPECT_EQ(DyadsOf(doc, "She"), "ROHGOV>MOR:111 ");
}

// A pronoun never stands for the other side of its own event.
TEST(Coref, PronounIsNotItsOwnTarget) {
  const Document doc = CodeText("Gondorian officials visited Rohan. Arnor praised Mordor. They criticized Mordor.");
  EXPECT_EQ(DyadsOf(doc, "They"), "ARN>MOR:111 ");
}

// "They": plural actors, organisations, groups, countries.
TEST(Coref, TheyTakesPluralActorsAndCountries) {
  const Document doc = CodeText("Gondorian officials met Arnorian officials on Monday. They criticized Mordor.");
  EXPECT_EQ(DyadsOf(doc, "They"), "GONGOV>MOR:111 ");
}

// An organisation or armed group acts as a state does: "it"/"they" in an act of state may
// stand for it, in its own sentence after a report ("said it ...", "said on Monday it ...") and
// in the next sentence.
TEST(Coref, PronounStandsForGroupOrOrganisationInActOfState) {
  EXPECT_EQ(Dyads(CodeText("The Dunlendings said they fired rockets at Rohan.")), "GONREB>ROH:190 ");
  EXPECT_EQ(Dyads(CodeText("The White Council said on Monday it had sent aid to Arnor.")), "IGOWIS>ARN:070 ");
  EXPECT_EQ(Dyads(CodeText("The White Council said in a statement that it had eased sanctions on Mordor.")),
            "IGOWIS>MOR:081 ");
  EXPECT_EQ(DyadsOf(CodeText("The Dunlendings gathered near the river. They fired rockets at Rohan."), "They"),
            "GONREB>ROH:190 ");
}

// A person the dictionaries do not know is still no antecedent of an act of state.
TEST(Coref, ReportedClausePronounNeedsACodedReporter) {
  EXPECT_EQ(Dyads(CodeText("A spokesman said it fired rockets at Rohan.")), "");
}

// --- titles ---

// The title must fit: "the foreign minister" is the person introduced as one, not the more
// recent president.
TEST(Coref, TitleFitsThePersonIntroducedWithIt) {
  const Document doc = CodeText(
      "Rohirric Foreign Minister Theoden King visited Gondor on Monday. Gondorian President Faramir Steward "
      "met Aragorn Elessar. The foreign minister criticized Mordor.");
  EXPECT_EQ(DyadsOf(doc, "The foreign minister"), "ROHGOV>MOR:111 ");
}

// No minister was named: "the minister" is the government of the country the article is about
// (the one its subjects name most), not of the country named last.
TEST(Coref, TitleWithoutAntecedentIsTheMainCountrysGovernment) {
  const Document doc = CodeText(
      "Gondorian President Faramir Steward met Arnorian President Aragorn Elessar in Rohan. He praised Rohan. "
      "The minister criticized Mordor.");
  EXPECT_EQ(DyadsOf(doc, "The minister"), "GONGOV>MOR:111 ");
}

// ... unless its own sentence names a country before it: that country's minister.
TEST(Coref, TitleAfterACountryInItsSentenceIsThatCountrys) {
  const Document doc = CodeText(
      "Gondorian President Faramir Steward met Arnorian President Aragorn Elessar in Rohan. He praised Rohan. "
      "Mordor said the minister criticized Arnor.");
  EXPECT_EQ(DyadsOf(doc, "the minister"), "MORGOV>ARN:111 ");
}

// --- generic actors ---

TEST(Coref, AuthoritiesAreTheCountryTheArticleSpeaksOf) {
  const Document doc = CodeText("Protesters set fire to buildings across Gondor. Authorities blamed the violence on Mordor.");
  EXPECT_EQ(DyadsOf(doc, "Authorities"), "GONGOV>MOR:112 ");
}

TEST(Coref, TheCountryIsTheRecentStateSubject) {
  const Document doc = CodeText(
      "Gondorian President Faramir Steward visited Rohan on Monday. The country will send troops to Mordor.");
  EXPECT_EQ(DyadsOf(doc, "The country"), "GON>MOR:074 ");
}

// Only as a subject: "the country's" may be any country just named ("riots sparked by the
// country's transfer of relations" in the seed is Solomon Islands'), so it is left alone.
TEST(Coref, TheCountrysIsLeftAlone) {
  const Document doc = CodeText(
      "Gondorian President Faramir Steward visited Rohan on Monday. Mordor attacked the country's troops.");
  EXPECT_EQ(DyadsOf(doc, "Mordor attacked"), "");
}

// "Its troops": the possessor is the previous subject, not the country named last.
TEST(Coref, PossessivePronounGivesTheAgentsCountry) {
  const Document doc = CodeText("Gondor criticized Mordor on Monday. Its troops attacked Rohan.");
  EXPECT_EQ(DyadsOf(doc, "Its troops"), "GONMIL>ROH:190 ");
  const Document his = CodeText("Faramir Steward criticized Mordor on Monday. His troops attacked Rohan.");
  EXPECT_EQ(DyadsOf(his, "His troops"), "GONMIL>ROH:190 ");
}

// --- acts of state ---

// Sending police is an act of state: it goes to the government actor, not to the quoted
// professor named just before.
TEST(Coref, ActOfStateGoesToAStateActorNotToAQuotedExpert) {
  const Document doc = CodeText(
      "Gondorian President Faramir Steward visited Rohan on Monday.\n\n"
      "\"Mordor is a danger to everyone in the region,\" said Elrond Peredhel, a professor in Arnor.\n\n"
      "Last month, he sent six police officers to Mordor.");
  EXPECT_EQ(DyadsOf(doc, "police officers"), "GONGOV>MOR:074 ");
}

// A speaker the dictionary does not know is still a person "he" can find: a statement is his
// (no actor, no event), an act of state is not.
TEST(Coref, UnknownQuotedSpeakerBlocksStatementsOnly) {
  const Document doc = CodeText(
      "Gondorian President Faramir Steward visited Rohan on Monday.\n\n"
      "\"Mordor is a danger to everyone in the region,\" said Celeborn Galadhon, a professor in Arnor.\n\n"
      "He told Rohan to be careful. Last month, he sent six police officers to Mordor.");
  EXPECT_EQ(DyadsOf(doc, "careful"), "");
  EXPECT_EQ(DyadsOf(doc, "police officers"), "GONGOV>MOR:074 ");
}

// --- quote speakers ---

TEST(CorefQuotes, SpeakerAndAddresseeResolveToActors) {
  const Document doc = CodeText(
      "Gondorian President Faramir Steward visited Rohan on Monday.\n\n"
      "\"The danger from Mordor is growing every day,\" Faramir told Theoden King.");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker.code, "GONGOV");
  EXPECT_EQ(doc.quotes[0].speaker.name, "Faramir Steward");
  EXPECT_EQ(doc.view(*doc.quotes[0].speaker.span), "Faramir");
  EXPECT_EQ(doc.quotes[0].addressee.code, "ROHGOV");
  EXPECT_EQ(doc.quotes[0].addressee.name, "Theoden King");
}

TEST(CorefQuotes, SpeakerPronounResolvesThroughTheArticle) {
  const Document doc = CodeText(
      "Eowyn Dernhelm met Faramir Steward on Monday.\n\n"
      "\"Mordor will never be our friend, whatever it says,\" she said.");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker.code, "ROHGOV");
  EXPECT_EQ(doc.quotes[0].speaker.name, "Eowyn Dernhelm");
  EXPECT_EQ(doc.view(*doc.quotes[0].speaker.span), "she");
}

TEST(CorefQuotes, UnknownSpeakerHasANameAndNoCode) {
  const Document doc = CodeText(
      "Gondor criticized Mordor on Monday.\n\n"
      "\"Mordor is a danger to everyone in the region,\" said Celeborn Galadhon, a professor in Arnor.\n\n"
      "\"Gondor should be careful about its next steps,\" he said.");
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker.code, "");
  EXPECT_EQ(doc.quotes[0].speaker.name, "Celeborn Galadhon");
  EXPECT_EQ(doc.quotes[1].speaker.name, "Celeborn Galadhon");
  EXPECT_EQ(doc.view(*doc.quotes[1].speaker.span), "he");
}

// A name the dictionary does not know after a role it does: the person, with the role's code.
TEST(CorefQuotes, UnknownNameAfterAKnownRole) {
  const Document doc = CodeText(
      "Gondor criticized Mordor on Monday.\n\n"
      "\"Mordor is a danger to everyone in the region,\" said Gondorian Foreign Minister Beregond Baranor.");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker.code, "GONGOV");
  EXPECT_EQ(doc.quotes[0].speaker.name, "Beregond Baranor");
}

// "told reporters": the press is the audience, not an addressee with a code.
TEST(CorefQuotes, ReportersAreNoAddressee) {
  const Document doc = CodeText(
      "Gondor criticized Mordor on Monday.\n\n"
      "\"Mordor is a danger to everyone in the region,\" Faramir Steward told reporters.");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker.code, "GONGOV");
  EXPECT_EQ(doc.quotes[0].addressee.code, "");
  EXPECT_EQ(doc.view(*doc.quotes[0].addressee.span), "reporters");
}

// An event coded from the quoted words links to its quote; the attribution's own event does not.
TEST(CorefQuotes, EventsInsideAQuoteLinkToIt) {
  const Document doc = CodeText(
      "Gondorian President Faramir Steward visited Rohan on Monday.\n\n"
      "\"Mordor attacked Rohan again this week,\" Faramir told Theoden King.");
  ASSERT_EQ(doc.quotes.size(), 1u);
  int inside = 0, outside = 0;
  for (const Event& e : doc.events) {
    if (e.code == "190") {
      ++inside;
      EXPECT_EQ(e.quote, std::optional<uint32_t>(0));
    } else {
      ++outside;
      EXPECT_FALSE(e.quote.has_value()) << e.code;
    }
  }
  EXPECT_EQ(inside, 1);
  EXPECT_GE(outside, 1);
}

// --- the seed article (default dictionaries) ---

class SeedCoref : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::filesystem::path shared = testing::SharedDir();
    if (shared.empty()) GTEST_SKIP() << "../shared is absent: the seed article is not available";
    doc_ = CodeText(testing::ReadFile(shared / "seed" / "reuters-china-kazakhstan.txt"), DefaultDictionary());
  }
  const Event* Find(std::string_view words) const {
    for (const Event& e : doc_.events)
      if (doc_.view(doc_.sentences[e.sentence].span).find(words) != std::string_view::npos) return &e;
    return nullptr;
  }
  const Quote* FindQuote(std::string_view words) const {
    for (const Quote& q : doc_.quotes)
      if (doc_.view(q.parts.front()).find(words) != std::string_view::npos) return &q;
    return nullptr;
  }
  Document doc_;
};

TEST_F(SeedCoref, AuthoritiesAreTheKazakhGovernment) {
  const Event* e = Find("Authorities blamed the violence");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.code, "KAZGOV");
  EXPECT_EQ(e->code.substr(0, 2), "11");
}

TEST_F(SeedCoref, TheCallForTroopsIsKazakhToTheRussianLedBloc) {
  const Event* e = Find("called on a Russian-led military bloc");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.code, "KAZGOV");
  EXPECT_TRUE(e->code.starts_with("02") || e->code.starts_with("10")) << e->code;
  EXPECT_TRUE(e->target.country == "RUS" || e->target.code.find("CSTO") != std::string::npos) << e->target.code;
}

TEST_F(SeedCoref, PoliceWereSentByXiNotByTheQuotedScholar) {
  const Event* e = Find("he sent six police officers");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.code, "CHNGOV");
  EXPECT_EQ(e->source.name, "Xi Jinping");
}

TEST_F(SeedCoref, QuotesAreAttributedToWangYiAndLiMingjiang) {
  const Quote* unrest = FindQuote("The recent unrest in Kazakhstan");
  ASSERT_NE(unrest, nullptr);
  EXPECT_EQ(unrest->speaker.code, "CHNGOV");
  EXPECT_EQ(unrest->speaker.name, "Wang Yi");
  EXPECT_EQ(unrest->addressee.code, "KAZGOV");
  EXPECT_EQ(unrest->addressee.name, "Mukhtar Tileuberdi");
  const Quote* oppose = FindQuote("jointly oppose the interference");
  ASSERT_NE(oppose, nullptr);
  EXPECT_EQ(oppose->speaker.name, "Wang Yi");
  const Quote* influence = FindQuote("China does not want to see");
  ASSERT_NE(influence, nullptr);
  EXPECT_EQ(influence->speaker.name, "Li Mingjiang");
  const Quote* democratization = FindQuote("If a color revolution");
  ASSERT_NE(democratization, nullptr);
  EXPECT_EQ(democratization->speaker.name, "Li Mingjiang");
  EXPECT_EQ(doc_.view(*democratization->speaker.span), "he");
  // Scare quotes ("outside forces", "extremists", "color revolution") are not quotations.
  EXPECT_EQ(doc_.quotes.size(), 4u);
}

TEST_F(SeedCoref, TheEightEventsStay) { EXPECT_EQ(doc_.events.size(), 8u); }

}  // namespace
}  // namespace dateline
