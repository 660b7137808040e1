// dict/lint.h on small hand-built dictionaries: one test per kind of finding, each with a
// clean twin, and the default dictionaries, which must lint without an error.
#include "dict/lint.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

std::vector<LintFinding> Lint(std::string_view text) {
  DictionaryBuilder b;
  b.AddFile("t.dl", text);
  const std::vector<std::string> problems = b.problems();
  Result<Dictionary> d = std::move(b).Build();
  EXPECT_TRUE(d.ok());
  return LintDictionary(*d, problems);
}

// "t.dl:2 warning duplicate; ..." for compact comparison.
std::string Summary(const std::vector<LintFinding>& findings) {
  std::string s;
  for (const LintFinding& f : findings)
    s += f.where + " " + LintSeverityName(f.severity) + " " + LintKindName(f.kind) + "; ";
  return s;
}

TEST(Lint, CleanDictionaryHasNoFindings) {
  const auto f = Lint(
      "actor  FRA    | France          | kind=country\n"
      "actor  FRA    | French          | kind=adjective\n"
      "actor  IGOUNO | United Nations  | kind=org\n"
      "actor  FRAGOV | Jean Dupont     | kind=person from=2010-01-01 to=2015-12-31\n"
      "actor  FRAELI | Jean Dupont     | kind=person from=2016-01-01\n"
      "agent  GOV    | minister        |\n"
      "verb   042    | [visit] +       |\n"
      "verb   043    | [visit] + with  |\n");
  EXPECT_EQ(Summary(f), "");
}

TEST(Lint, DuplicateEntriesAreWarnings) {
  const auto f = Lint(
      "actor  FRA    | France          | kind=country\n"
      "actor  FRA    | France          | kind=country\n"
      "agent  GOV    | minister        |\n"
      "agent  GOV    | minister        |\n"
      "verb   042    | [visit] +       |\n"
      "verb   042    | [visit] +       |\n");
  EXPECT_EQ(Summary(f), "t.dl:2 warning duplicate; t.dl:4 warning duplicate; t.dl:6 warning duplicate; ");
  EXPECT_EQ(CountErrors(f), 0u);
  EXPECT_NE(f[0].message.find("repeats t.dl:1"), std::string::npos) << f[0].message;
}

TEST(Lint, ConflictingUndatedCodesAreErrors) {
  const auto f = Lint(
      "actor  FRA    | Gaul            | kind=country\n"
      "actor  ITA    | Gaul            | kind=country\n"
      "actor  FRA    | Paris           | kind=capital\n"
      "actor  FRAGOV | Paris           | kind=capital from=2000-01-01\n"  // dated beside undated: by design
      "agent  GOV    | minister        |\n"
      "agent  MIL    | minister        |\n");
  EXPECT_EQ(Summary(f), "t.dl:2 error conflict; t.dl:6 error conflict; ");
  EXPECT_NE(f[0].message.find("FRA at t.dl:1"), std::string::npos) << f[0].message;
}

TEST(Lint, OverlappingDateRangesOfOnePerson) {
  const auto f = Lint(
      "actor  FRAGOV | Jean Dupont     | kind=person from=2010-01-01 to=2015-12-31\n"
      "actor  FRAELI | Jean Dupont     | kind=person from=2015-06-01\n"   // different code: error
      "actor  DEUGOV | Hans Muster     | kind=person from=2010-01-01 to=2015-12-31\n"
      "actor  DEUGOV | Hans Muster     | kind=person from=2014-01-01 to=2018-12-31\n"  // same code: warning
      "actor  ITAGOV | Mario Rossi     | kind=person to=2009-12-31\n"
      "actor  ITAELI | Mario Rossi     | kind=person from=2010-01-01\n"  // adjacent, no overlap
      "actor  ESPELI | Juan Perez      | kind=person to=2012-05-01\n"
      "actor  ESPGOV | Juan Perez      | kind=person from=2012-05-01\n");  // a handover day on both sides
  EXPECT_EQ(Summary(f), "t.dl:2 error overlap; t.dl:4 warning overlap; ");
}

TEST(Lint, PatternShadowedByAnIdenticalEarlierPatternNeverFires) {
  const auto f = Lint(
      "verb   042    | [visit] +           |\n"
      "verb   043    | [visit] +           |\n"
      "verb   036    | [meet] + in *       |\n"
      "verb   036    | [meet] with + in *  |\n");  // not identical: no finding
  EXPECT_EQ(Summary(f), "t.dl:2 error unreachable; ");
  EXPECT_NE(f[0].message.find("'[visit] +' 043"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("t.dl:1 (042)"), std::string::npos) << f[0].message;
}

TEST(Lint, UnknownEventAndActorCodes) {
  const auto f = Lint(
      "actor  XQZGOV | Ruritania       | kind=country\n"
      "actor  IGOUNO | United Nations  | kind=org\n"
      "actor  NGOHRW | Human Rights Watch | kind=org\n"
      "actor  KSV    | Kosovo          | kind=country\n"
      "actor  AFR    | Africa          | kind=group\n"
      "verb   999    | [visit] +       |\n"
      "verb   0431   | [visit] + with  |\n"
      "verb   042    | [visit] + on    |\n");
  EXPECT_EQ(Summary(f), "t.dl:1 error unknown-code; t.dl:6 error unknown-code; t.dl:7 error unknown-code; ");
  // A code the dictionaries define as a group of its own is a warning, where it is defined and
  // where it is used.
  const auto g = Lint(
      "actor  KUR    | Kurds           | kind=group\n"
      "actor  KURREB | Kurdish rebels  | kind=group\n");
  EXPECT_EQ(Summary(g), "t.dl:1 warning unknown-code; t.dl:2 warning unknown-code; ");
  EXPECT_TRUE(KnownActorPrefix("USAGOV"));
  EXPECT_TRUE(KnownActorPrefix("YUG"));        // former ISO code
  EXPECT_TRUE(KnownActorPrefix("MEDxxx"));     // a role may begin a code
  EXPECT_FALSE(KnownActorPrefix("ANGREB"));    // Angola is AGO
  EXPECT_TRUE(KnownActorPrefix("ZZZGOV", {"ZZZ"}));
}

TEST(Lint, SkippedEntriesAreErrorsWithTheirPlace) {
  const auto f = Lint(
      "actor  FRA    | France          | kind=country\n"
      "actor  FRAGOV | Jean Dupont     | kind=person from=2019-3-20\n");
  ASSERT_EQ(f.size(), 1u) << Summary(f);
  EXPECT_EQ(f[0].kind, LintKind::kSkipped);
  EXPECT_EQ(f[0].severity, LintSeverity::kError);
  EXPECT_EQ(f[0].where, "t.dl:2");
  EXPECT_EQ(FormatFinding(f[0]).rfind("t.dl:2: error: skipped: ", 0), 0u) << FormatFinding(f[0]);
}

TEST(Lint, DefaultDictionariesHaveNoErrors) {
  const std::vector<LintFinding> f = LintDictionary(DefaultDictionary(), DefaultDictionaryProblems());
  for (const LintFinding& x : f)
    if (x.severity == LintSeverity::kError) ADD_FAILURE() << FormatFinding(x);
}

TEST(LintStats, CountsPerFileAndRoots) {
  DictionaryBuilder b;
  b.AddFile("a.dl",
            "actor  FRA    | France          | kind=country\n"
            "actor  FRAGOV | Jean Dupont     | kind=person from=2010-01-01\n"
            "agent  GOV    | minister        |\n");
  b.AddFile("v.dl",
            "verb   042    | [visit] +       |\n"
            "verb   0431   | [visit] + with  |\n"
            "verb   190    | [attack] +      |\n");
  Result<Dictionary> d = std::move(b).Build();
  ASSERT_TRUE(d.ok());
  const DictionaryStats s = CollectStats(*d);
  ASSERT_EQ(s.files.size(), 2u);
  EXPECT_EQ(s.per_file[0].actors(), 2u);
  EXPECT_EQ(s.per_file[0].actors_by_kind[int(ActorKind::kPerson)], 1u);
  EXPECT_EQ(s.per_file[0].dated_phrases, 1u);
  EXPECT_EQ(s.per_file[0].agents, 1u);
  EXPECT_EQ(s.per_file[1].verb_patterns, 3u);
  EXPECT_EQ(s.total.verb_patterns, 3u);
  EXPECT_EQ(s.event_codes, (std::vector<std::string>{"042", "0431", "190"}));
  EXPECT_EQ(s.roots_covered, (std::vector<std::string>{"04", "19"}));
  EXPECT_EQ(s.roots_missing.size(), 18u);
}

}  // namespace
}  // namespace dateline
