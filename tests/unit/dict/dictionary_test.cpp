#include "dict/dictionary.h"

#include <gtest/gtest.h>

#include "dict/cameo.h"
#include "dict/phrase.h"

namespace dateline {
namespace {

Dictionary Build(std::string_view text, std::vector<std::string>* problems = nullptr) {
  DictionaryBuilder b;
  b.AddFile("test.dl", text);
  if (problems) *problems = b.problems();
  Result<Dictionary> r = std::move(b).Build();
  EXPECT_TRUE(r.ok());
  return r.take();
}

TEST(Dictionary, ParsesActorsAgentsAndVerbs) {
  Dictionary d = Build(
      "# comment\n"
      "actor  CHN    | China            | kind=country\n"
      "actor  CHN    | Chinese          | kind=adjective\n"
      "actor  CHNGOV | Xi Jinping       | kind=person gender=m from=2013-03-14\n"
      "agent  GOV    | foreign minister |\n"
      "verb   042    | [visit] +        |\n");
  ASSERT_EQ(d.actors().size(), 3u);
  EXPECT_EQ(d.actors()[2].kind, ActorKind::kPerson);
  EXPECT_EQ(d.actors()[2].gender, 'm');
  EXPECT_EQ(d.actors()[2].country, "CHN");
  EXPECT_EQ(d.actors()[2].from->ToString(), "2013-03-14");
  ASSERT_EQ(d.agents().size(), 1u);
  EXPECT_EQ(d.agents()[0].code, "GOV");
  ASSERT_EQ(d.patterns().size(), 1u);
  EXPECT_EQ(d.vocabulary().word(d.patterns()[0].head), "visit");
  ASSERT_EQ(d.patterns()[0].after.size(), 1u);
  EXPECT_EQ(d.patterns()[0].after[0].kind, PatternElement::kTarget);
  EXPECT_EQ(d.CountryName("CHN"), "China");
  EXPECT_EQ(d.Where(d.actors()[1].where), "test.dl:3");
}

// "actor ---": a phrase that names no actor (its code is empty) and names no country.
TEST(Dictionary, NullActorPhrases) {
  std::vector<std::string> problems;
  Dictionary d = Build(
      "actor  CHN    | China            | kind=country\n"
      "actor  ---    | South China Sea  |\n",
      &problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(d.actors().size(), 2u);
  EXPECT_EQ(d.actors()[1].code, "");
  EXPECT_EQ(d.actors()[1].country, "");
  EXPECT_EQ(d.CountryName("CHN"), "China");
  EXPECT_EQ(d.CountryName(""), "");
}

TEST(Dictionary, BadLinesAreReportedWithFileAndLineAndSkipped) {
  std::vector<std::string> problems;
  Dictionary d = Build(
      "actor  CHN | China | kind=country\n"
      "actor  chn | China | kind=country\n"      // 2: lower-case code
      "actor  RUS   Russia\n"                    // 3: no bars
      "verb   042 | visit + |\n"                 // 4: no head
      "verb   9x  | [visit] + |\n"               // 5: bad event code
      "actor  KAZ | Kazakhstan | from=2022-13-01\n"  // 6: bad date
      "actor  KAZ | Kazakhstan | colour=blue\n"  // 7: unknown attribute
      "widget X   | y |\n"                       // 8: unknown keyword
      "actor  KAZ | Kazakhstan | kind=country\n",
      &problems);
  ASSERT_EQ(problems.size(), 7u);
  EXPECT_EQ(problems[0].rfind("test.dl:2: ", 0), 0u) << problems[0];
  EXPECT_EQ(problems[1].rfind("test.dl:3: ", 0), 0u) << problems[1];
  EXPECT_EQ(problems[2].rfind("test.dl:4: ", 0), 0u) << problems[2];
  EXPECT_EQ(problems[3].rfind("test.dl:5: ", 0), 0u) << problems[3];
  EXPECT_EQ(problems[4].rfind("test.dl:6: ", 0), 0u) << problems[4];
  EXPECT_EQ(problems[5].rfind("test.dl:7: ", 0), 0u) << problems[5];
  EXPECT_EQ(problems[6].rfind("test.dl:8: ", 0), 0u) << problems[6];
  EXPECT_EQ(d.actors().size(), 2u);  // the good lines still load
}

TEST(Dictionary, DiscardsIssuesAndNullVerbPatterns) {
  std::vector<std::string> problems;
  Dictionary d = Build(
      "discard story    | Premier League   |\n"
      "discard sentence | stock market     |\n"
      "issue   NUCLEAR  | nuclear weapons  |\n"
      "issue   ---      | nuclear family   |\n"
      "verb    ---      | [tell] reporters |\n"
      "verb    010      | [tell] +         |\n",
      &problems);
  EXPECT_TRUE(problems.empty()) << problems[0];
  ASSERT_EQ(d.actors().size(), 2u);
  EXPECT_EQ(d.actors()[0].code, kStoryDiscardCode);
  EXPECT_EQ(d.actors()[1].code, "###");
  EXPECT_EQ(d.actors()[1].country, "");
  const uint32_t premier = d.vocabulary().Find("premier");
  ASSERT_NE(premier, 0u);
  ASSERT_EQ(d.PhrasesStartingWith(premier).size(), 1u);
  ASSERT_EQ(d.issue_phrases().size(), 2u);
  EXPECT_EQ(d.issue_phrases()[0].code, "NUCLEAR");
  EXPECT_EQ(d.issue_phrases()[0].words.size(), 2u);
  EXPECT_EQ(d.issue_phrases()[1].code, "");  // a null entry
  EXPECT_EQ(d.IssuesStartingWith(d.vocabulary().Find("nuclear")).size(), 2u);
  ASSERT_EQ(d.patterns().size(), 2u);
  EXPECT_EQ(d.patterns()[0].code, "");  // the null pattern, more specific, is tried first
  EXPECT_EQ(d.patterns()[1].code, "010");
}

TEST(Dictionary, BadDiscardsAndIssuesAreReported) {
  std::vector<std::string> problems;
  Dictionary d = Build(
      "discard paragraph | box office |\n"        // 1: unknown scope
      "issue   nuclear   | uranium    |\n"        // 2: lower-case code
      "issue   NUCLEAR   | uranium    | x=1\n"    // 3: unknown attribute
      "verb    -1-       | [tell] +   |\n"        // 4: not a code nor ---
      "discard story     | box office |\n",
      &problems);
  ASSERT_EQ(problems.size(), 4u);
  for (size_t i = 0; i < problems.size(); ++i)
    EXPECT_EQ(problems[i].rfind("test.dl:" + std::to_string(i + 1) + ": ", 0), 0u) << problems[i];
  EXPECT_EQ(d.actors().size(), 1u);
  EXPECT_TRUE(d.issue_phrases().empty());
  EXPECT_TRUE(d.patterns().empty());
}

TEST(Dictionary, PhrasesAreIndexedLongestFirst) {
  Dictionary d = Build(
      "agent GOV | foreign minister |\n"
      "agent GOV | foreign ministry |\n"
      "agent MIL | foreign  |\n");
  const uint32_t foreign = d.vocabulary().Find("foreign");
  ASSERT_NE(foreign, 0u);
  const auto& list = d.PhrasesStartingWith(foreign);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(d.phrases()[list[0]].words.size(), 2u);
  EXPECT_EQ(d.phrases()[list[2]].words.size(), 1u);
  // The same list with each phrase's length and exact second word, for a quick rejection.
  const auto starts = d.PhraseStartsWith(foreign);
  ASSERT_EQ(starts.size(), list.size());
  for (size_t k = 0; k < list.size(); ++k) {
    const Phrase& p = d.phrases()[list[k]];
    EXPECT_EQ(starts[k].phrase, list[k]);
    EXPECT_EQ(starts[k].length, p.words.size());
    EXPECT_EQ(starts[k].second, p.words.size() > 1 ? p.words[1] : 0u);
  }
  EXPECT_TRUE(d.PhraseStartsWith(d.vocabulary().Find("minister")).empty());
  EXPECT_TRUE(d.PhraseStartsWith(0).empty());
  EXPECT_TRUE(d.PhraseStartsWith(1u << 30).empty());
}

TEST(Dictionary, AcronymsMustBeWrittenInCapitals) {
  const std::vector<PhraseWord> w = SplitPhrase("US");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_TRUE(w[0].acronym);
  EXPECT_EQ(w[0].folded, "us");
  EXPECT_FALSE(SplitPhrase("Russia")[0].acronym);
}

TEST(Dictionary, PossessivesSplitLikeTheTokenizer) {
  const std::vector<PhraseWord> w = SplitPhrase("People\xE2\x80\x99s Republic");
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].folded, "people");
  EXPECT_EQ(w[1].folded, "'s");
  EXPECT_EQ(w[2].folded, "republic");
}

TEST(Dictionary, DefaultDictionariesLoadCleanly) {
  for (const std::string& p : DefaultDictionaryProblems()) ADD_FAILURE() << p;
  const Dictionary& d = DefaultDictionary();
  EXPECT_GT(d.actors().size(), 300u);
  EXPECT_GT(d.agents().size(), 50u);
  EXPECT_GT(d.patterns().size(), 100u);
  EXPECT_EQ(d.hash().size(), 8u);
}

TEST(Dictionary, EveryDefaultVerbCodeIsInTheCameoCodebook) {
  const Dictionary& d = DefaultDictionary();
  for (const VerbPattern& p : d.patterns()) {
    if (p.code.empty()) continue;  // a null pattern ("---"): that use of the verb is no event
    EXPECT_NE(CameoTable::Default().Find(p.code), nullptr) << d.Where(p.where) << ": code " << p.code;
  }
}

TEST(Dictionary, DateRangedPeopleFollowTheirOffice) {
  const Dictionary& d = DefaultDictionary();
  int tokayev = 0;
  for (const ActorEntry& a : d.actors()) {
    if (a.name != "Kassym-Jomart Tokayev") continue;
    ++tokayev;
    if (a.ValidOn(*Date::Parse("2022-01-07"))) {
      EXPECT_EQ(a.code, "KAZGOV");
    }
    if (a.ValidOn(*Date::Parse("2015-06-01"))) {
      EXPECT_EQ(a.code, "KAZLEG");
    }
  }
  EXPECT_GE(tokayev, 2);
}

// kind=place: coded as its country (an actor like a country name), flagged as a place.
TEST(Dictionary, PlaceKindIsACountryActorMarkedAsAPlace) {
  DictionaryBuilder b;
  b.AddFile("p.dl", "actor  UKR | Ukraine | kind=country\nactor  UKR | Kharkiv | kind=place\nactor UKR | Lviv | kind=town\n");
  ASSERT_EQ(b.problems().size(), 1u);
  EXPECT_NE(b.problems()[0].find("p.dl:3"), std::string::npos) << b.problems()[0];
  Dictionary d = std::move(b).Build().take();
  ASSERT_EQ(d.actors().size(), 2u);
  EXPECT_EQ(d.actors()[1].kind, ActorKind::kCountry);
  EXPECT_TRUE(d.actors()[1].place);
  EXPECT_FALSE(d.actors()[0].place);
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(Dictionary, OntologyNegatesCodes) {
  DictionaryBuilder b;
  b.AddOntologyEntry("050", 0x0080);           // diplomatic cooperation
  b.AddOntologyEntry("110", 0xFFFF + 0x0080);  // disapprove: its opposite
  b.AddOntologyEntry("010", 0x1000);           // say
  b.AddOntologyEntry("011", 0x1000 - 0xFFFF);  // decline comment: "not say"
  Dictionary d = std::move(b).Build().take();
  EXPECT_EQ(d.NegatedCode("110"), "050");
  EXPECT_EQ(d.NegatedCode("010"), "011");
  EXPECT_EQ(d.NegatedCode("011"), "010");
  EXPECT_EQ(d.NegatedCode("190"), "");  // not in the ontology
}

}  // namespace
}  // namespace dateline
