// Compiling dictionary sources of the TABARI and PETRARCH families into the coder's matchers,
// from DictionarySource records built by hand (the readers have tests of their own).
#include "dict/compile.h"

#include <gtest/gtest.h>

#include "input/input.h"
#include "pipeline/pipeline.h"

namespace dateline {
namespace {

Word W(std::string text, bool exact = false, bool consecutive = true) {
  Word w;
  w.text = std::move(text);
  w.exact = exact;
  w.consecutive = consecutive;
  return w;
}

PatternToken T(PatternToken::Kind kind, std::string text = "", bool consecutive = false) {
  PatternToken t;
  t.kind = kind;
  t.word = W(std::move(text), true);
  t.synset = t.word.text;
  t.consecutive = consecutive;
  return t;
}

DictionarySource TabariSource() {
  DictionarySource src;
  const uint16_t f = src.AddFile("test.actors");
  auto actor = [&](std::vector<std::vector<Word>> phrases, std::vector<DatedCode> codes) {
    ActorRecord a;
    a.phrases = std::move(phrases);
    a.codes = std::move(codes);
    a.where = {f, static_cast<uint32_t>(src.actors.size() + 1)};
    src.actors.push_back(std::move(a));
  };
  actor({{W("arnor")}}, {{"ARN", {}, {}}});                   // a stem: Arnor, Arnorian
  actor({{W("gondor", true)}, {W("minas", true), W("tirith", true)}}, {{"GON", {}, {}}});
  actor({{W("gollum", true)}}, {{"HOB", {}, Date{1995, 6, 1}}, {"HOBGOV", Date{1995, 6, 2}, {}}});
  actor({{W("bree", true)}}, {{"", {}, {}}});                 // null code
  AgentRecord police;
  police.phrase = {W("police", true)};
  police.code = "COP";
  src.agents.push_back(police);
  AgentRecord ngo;
  ngo.phrase = {W("aid", true), W("group", true)};
  ngo.code = "NGO";
  ngo.prefix = true;
  src.agents.push_back(ngo);

  SynsetRecord ties;
  ties.name = "tietypes";
  ties.phrases = {{W("military", true)}, {W("economic", true)}};
  src.synsets.push_back(ties);

  VerbRecord restore;
  restore.verb = {W("restore", true)};
  restore.code = "";  // the bare verb codes nothing
  restore.has_code = true;
  VerbPatternRecord p1;
  p1.tokens = {T(PatternToken::kVerb), T(PatternToken::kSynset, "tietypes"), T(PatternToken::kWord, "ties"),
               T(PatternToken::kWord, "with"), T(PatternToken::kTarget)};
  p1.code = "064";
  VerbPatternRecord p2;
  p2.tokens = {T(PatternToken::kVerb), T(PatternToken::kWord, "ties"), T(PatternToken::kWord, "with"),
               T(PatternToken::kTarget)};
  p2.code = "050";
  restore.patterns = {p1, p2};
  src.verbs.push_back(restore);

  VerbRecord attack;
  attack.verb = {W("attack", true)};
  attack.code = "190";
  attack.has_code = true;
  VerbPatternRecord joke;  // null-coded pattern: "attacked the buffet" is no event
  joke.tokens = {T(PatternToken::kVerb), T(PatternToken::kWord, "buffet")};
  joke.code = "";
  attack.patterns = {joke};
  src.verbs.push_back(attack);
  VerbRecord cordon;  // a multi-word verb: "cordon off"
  cordon.verb = {W("cordon", true), W("off", true)};
  cordon.code = "144";
  cordon.has_code = true;
  src.verbs.push_back(cordon);
  VerbRecord act;  // a TABARI stem verb: ACT matches "acts", "acted", and also "actuality"
  act.verb = {W("act", false)};
  act.code = "100";
  act.has_code = true;
  src.verbs.push_back(act);
  DiscardRecord soccer;
  soccer.phrase = {W("soccer", true)};
  src.discards.push_back(soccer);
  DiscardRecord market;
  market.phrase = {W("stock", true), W("market", true)};
  market.whole_story = true;
  src.discards.push_back(market);
  actor({{W("nasgul", true)}}, {{"###", {}, {}}});  // TABARI: a discard code on an actor
  IssueRecord health;
  health.phrase = {W("health", true), W("care", true)};
  health.code = "HEALTH";
  src.issues.push_back(health);
  IssueRecord refugees;
  refugees.phrase = {W("refugee", true)};
  refugees.code = "REFUGEES";
  src.issues.push_back(refugees);
  IssueRecord not_health;  // a null entry: "health care workers" is no health-care issue here
  not_health.phrase = {W("health", true), W("care", true), W("worker", true)};
  not_health.null_code = true;
  src.issues.push_back(not_health);
  VerbRecord wiretap;  // the verb is the second word: "wire tap"
  wiretap.verb = {W("wire", true), W("tap", true)};
  wiretap.head_word = 1;
  wiretap.code = "170";
  wiretap.has_code = true;
  src.verbs.push_back(wiretap);
  return src;
}

const Dictionary& Compiled() {
  static const Dictionary* d = [] {
    DictionaryBuilder b;
    AddSource(TabariSource(), DictionaryDialect::kTabari, &b);
    EXPECT_TRUE(b.problems().empty()) << b.problems()[0];
    return new Dictionary(std::move(b).Build().take());
  }();
  return *d;
}

std::string Code(const std::string& text, const std::string& date = "2022-01-10") {
  Document doc = DecodeArticle("c", text);
  doc.publication_date = Date::Parse(date);
  Pipeline(Compiled(), CoderOptions{}).Process(doc);
  std::string s;
  for (const Event& e : doc.events) s += e.source.code + ">" + e.target.code + ":" + e.code + " ";
  return s;
}

TEST(Compile, StemsAndSynonyms) {
  EXPECT_EQ(Code("Arnorian troops attacked Minas Tirith."), "ARN>GON:190 ");
}

TEST(Compile, AgentsComposeAfterOrBefore) {
  EXPECT_EQ(Code("Arnor police attacked Gondor."), "ARNCOP>GON:190 ");
  EXPECT_EQ(Code("Gondor attacked an Arnor aid group."), "GON>NGOARN:190 ");
}

TEST(Compile, DateRestrictedCodes) {
  EXPECT_EQ(Code("Gollum attacked Gondor.", "1990-01-01"), "HOB>GON:190 ");
  EXPECT_EQ(Code("Gollum attacked Gondor.", "2000-01-01"), "HOBGOV>GON:190 ");
}

TEST(Compile, MultiWordVerbs) {
  EXPECT_EQ(Code("Arnor cordoned off Gondor."), "ARN>GON:144 ");
  EXPECT_EQ(Code("Arnor cordoned Gondor."), "");
}

TEST(Compile, MultiWordVerbWhoseVerbIsNotFirst) {
  EXPECT_EQ(Code("Arnor wire tapped Gondor."), "ARN>GON:170 ");
  EXPECT_EQ(Code("Arnor tapped Gondor."), "");
}

TEST(Compile, TabariStemVerbsNeedNoVerbTag) {
  EXPECT_EQ(Code("Arnor actuality against Gondor."), "ARN>GON:100 ");
  // ... but not when capitalized inside the sentence or after a determiner.
  EXPECT_EQ(Code("Arnor Actuality against Gondor."), "");
  EXPECT_EQ(Code("Arnor the actuality against Gondor."), "");
}

// TABARI's exact verbs take the regular endings as written, English or not ("attacken").
TEST(Compile, TabariExactVerbsTakeRegularEndings) {
  EXPECT_EQ(Code("Arnor attacken Gondor."), "ARN>GON:190 ");
}

TEST(Compile, DiscardsTakeTheSentenceOrTheStoryOut) {
  EXPECT_EQ(Code("Arnor attacked Gondor.\n\nArnor beat Gondor at soccer and attacked Rohan."), "ARN>GON:190 ");
  EXPECT_EQ(Code("Arnor attacked Gondor.\n\nThe Nasgul attacked Rohan."), "ARN>GON:190 ");
  EXPECT_EQ(Code("Arnor attacked Gondor.\n\nThe stock market fell."), "");
}

std::string Issues(const std::string& text) {
  Document doc = DecodeArticle("i", text);
  doc.publication_date = Date::Parse("2022-01-10");
  Pipeline(Compiled(), CoderOptions{}).Process(doc);
  std::string s;
  for (const Event& e : doc.events)
    for (const std::string& i : e.issues) s += i + " ";
  return s;
}

TEST(Compile, IssuesTagEveryEventOfTheStory) {
  EXPECT_EQ(Issues("Arnor attacked Gondor.\n\nThe war left refugees without health care."), "REFUGEES HEALTH ");  // in order of first appearance
  EXPECT_EQ(Issues("Arnor attacked Gondor.\n\nHealth care workers fled."), "");
}

TEST(Compile, NullCodedActorNamesNothing) { EXPECT_EQ(Code("Bree attacked Gondor."), ""); }

TEST(Compile, PatternsSynsetsAndSkipping) {
  EXPECT_EQ(Code("Arnor restored military ties with Gondor."), "ARN>GON:064 ");
  EXPECT_EQ(Code("Arnor restored full diplomatic ties with Gondor."), "ARN>GON:050 ");
  EXPECT_EQ(Code("Arnor restored order in Gondor."), "");  // the bare verb is null-coded
}

TEST(Compile, NullCodedPatternBlocksTheDefault) {
  EXPECT_EQ(Code("Arnor attacked the buffet with Gondor."), "");
  EXPECT_EQ(Code("Arnor attacked Gondor."), "ARN>GON:190 ");
}

TEST(Compile, UnsupportedPatternsAreReportedWithTheirPlace) {
  DictionarySource src = TabariSource();
  VerbPatternRecord bad;
  bad.tokens = {T(PatternToken::kVerb), T(PatternToken::kNegation)};
  bad.code = "040";
  bad.where = {0, 42};
  src.verbs[0].patterns.push_back(bad);
  DictionaryBuilder b;
  AddSource(src, DictionaryDialect::kTabari, &b);
  ASSERT_EQ(b.problems().size(), 1u);
  EXPECT_EQ(b.problems()[0].rfind("test.actors:42: ", 0), 0u) << b.problems()[0];
}

}  // namespace
}  // namespace dateline
