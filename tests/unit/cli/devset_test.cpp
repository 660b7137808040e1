// The development set scorer (src/cli/devset_command.h) on hand-made cases, and the default
// dictionaries scored on tests/devset/devset.tsv with floors that catch regressions.
#include <gtest/gtest.h>

#include <iostream>
#include <sstream>

#include "cli/devset_command.h"
#include "code/coder.h"
#include "dict/dictionary.h"
#include "pipeline/pipeline.h"
#include "test_util.h"

namespace dateline {
namespace {

std::vector<DevsetEvent> Events(const std::string& list) {
  std::vector<DevsetEvent> out;
  std::istringstream in(list);
  for (std::string part; std::getline(in, part, ';');) {
    DevsetEvent e;
    EXPECT_TRUE(ParseDevsetEvent(part, &e)) << part;
    out.push_back(e);
  }
  return out;
}

DevsetItem Item(const std::string& id, const std::string& expected) {
  DevsetItem item;
  item.id = id;
  item.date = "2024-05-01";
  item.sentence = "sentence " + id;
  if (!expected.empty()) item.expected = Events(expected);
  return item;
}

TEST(DevsetScore, ActorKeyIsTheCountryOrTheWholeInternationalCode) {
  EXPECT_EQ(DevsetActorKey("CHNGOV"), "CHN");
  EXPECT_EQ(DevsetActorKey("CHN"), "CHN");
  EXPECT_EQ(DevsetActorKey("---REB"), "---");
  EXPECT_EQ(DevsetActorKey("IGOUNO"), "IGOUNO");
  EXPECT_EQ(DevsetActorKey("IGOUNOKID"), "IGOUNOKID");
  EXPECT_EQ(DevsetActorKey("NGOHRIAMN"), "NGOHRIAMN");
  EXPECT_EQ(DevsetActorKey("MNCUSA"), "MNCUSA");
}

TEST(DevsetScore, MatchesMissesAndFalsePositives) {
  const std::vector<DevsetItem> items = {
      Item("a", "CHNGOV>RUSGOV:040;RUS>CHN:062"),  // one match (04), one miss (06)
      Item("b", "USA>IGOUNO:111"),                  // the organisation differs: a miss and a false positive
      Item("c", ""),                                // no event expected, one produced: a false positive
      Item("d", "IRN>ISR:195"),                     // root agrees, deeper code differs: a match
      Item("e", "GBR>FRA:042"),                     // nothing produced: a miss
  };
  const std::vector<std::vector<DevsetEvent>> produced = {
      Events("CHN>RUSMIL:043"),
      Events("USAGOV>IGOUNOKID:111"),
      Events("AUS>IND:190"),
      Events("IRNMIL>ISR:190;IRN>ISRGOV:193"),  // two produced events with one key count once
      {},
  };
  const DevsetScore s = ScoreDevset(items, produced);
  EXPECT_EQ(s.overall.tp, 2);
  EXPECT_EQ(s.overall.fn, 3);
  EXPECT_EQ(s.overall.fp, 2);
  EXPECT_DOUBLE_EQ(s.overall.precision(), 0.5);
  EXPECT_DOUBLE_EQ(s.overall.recall(), 0.4);
  EXPECT_NEAR(s.overall.f1(), 2 * 0.5 * 0.4 / 0.9, 1e-12);
  EXPECT_EQ(s.by_root.at("04").tp, 1);  // "a" 040 matched, "e" 042 missed
  EXPECT_EQ(s.by_root.at("04").fn, 1);
  EXPECT_EQ(s.by_root.at("06").fn, 1);
  EXPECT_EQ(s.by_root.at("11").fn, 1);
  EXPECT_EQ(s.by_root.at("11").fp, 1);
  EXPECT_EQ(s.by_root.at("19").tp, 1);  // "d": 190 and 193 both have the key (IRN, ISR, 19)
  EXPECT_EQ(s.by_root.at("19").fp, 1);  // "c": AUS>IND:190
  ASSERT_EQ(s.items.size(), 5u);
  EXPECT_EQ(s.items[0].matched.size(), 1u);
  EXPECT_EQ(s.items[0].missed.at(0).ToString(), "RUS>CHN:062");
  EXPECT_EQ(s.items[2].false_positives.at(0).ToString(), "AUS>IND:190");
  EXPECT_EQ(s.none_items, 1);
  EXPECT_EQ(s.none_items_with_events, 1);
}

TEST(DevsetParse, ReadsTheFormatAndReportsBadLines) {
  const std::string text =
      "# comment\n"
      "id\tdate\tsentence\texpected\tnote\n"
      "x1\t2024-01-02\tChina met Russia.\tCHN>RUS:040;RUS>CHN:040\ta note\n"
      "x2\t2024-01-02\tA football match.\tNONE\n"
      "x3\t2024-13-45\tBad date.\tNONE\tn\n"
      "x4\t2024-01-02\tBad event.\tCHN-RUS-040\tn\n"
      "x1\t2024-01-02\tRepeated id.\tNONE\tn\n";
  std::vector<std::string> problems;
  const std::vector<DevsetItem> items = ParseDevset(text, &problems);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].expected.size(), 2u);
  EXPECT_EQ(items[0].expected[1].code, "040");
  EXPECT_EQ(items[0].note, "a note");
  EXPECT_EQ(items[0].line, 3);
  EXPECT_TRUE(items[1].expected.empty());
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].rfind("line 5:", 0), 0u) << problems[0];
  EXPECT_EQ(problems[1].rfind("line 6:", 0), 0u) << problems[1];
  EXPECT_EQ(problems[2].rfind("line 7:", 0), 0u) << problems[2];
}

// The project's development set, coded with the default dictionaries. Prints the report and
// fails when precision or recall falls below a floor a little under the figures measured when the
// floor was last set (raise the floors as the dictionaries improve; the aim is precision >= 0.85
// and recall >= 0.75).
// Codes a set under tests/devset/ with the default dictionaries, prints its table and returns
// the score (items.size() in *count).
DevsetScore ScoreSet(const std::string& file, size_t* count) {
  const std::string text = testing::ReadFile(testing::SourceDir() / "tests/devset" / file);
  std::vector<std::string> problems;
  const std::vector<DevsetItem> items = ParseDevset(text, &problems);
  for (const std::string& p : problems) ADD_FAILURE() << "tests/devset/" << file << ":" << p;
  *count = items.size();
  const Pipeline pipeline(DefaultDictionary(), CoderOptions{});
  std::vector<std::vector<DevsetEvent>> produced;
  for (const DevsetItem& item : items) produced.push_back(CodeDevsetItem(pipeline, item));
  DevsetScore score = ScoreDevset(items, produced);
  std::ostringstream report;
  PrintDevsetReport(report, items, produced, score, /*brief=*/true);
  std::cout << file << ":\n" << report.str();
  return score;
}

TEST(Devset, DefaultDictionariesScoreAboveTheFloor) {
  size_t count = 0;
  const DevsetScore score = ScoreSet("devset.tsv", &count);
  ASSERT_GE(count, 300u);

  constexpr double kPrecisionFloor = 0.95, kRecallFloor = 0.88;
  EXPECT_GE(score.overall.precision(), kPrecisionFloor) << "run `dateline devset tests/devset/devset.tsv` for the list";
  EXPECT_GE(score.overall.recall(), kRecallFloor) << "run `dateline devset tests/devset/devset.tsv` for the list";
}

// The blind held-out set (tests/devset/HOLDOUT.md): written without seeing the coder or the
// development set and never used for tuning, it estimates accuracy on unseen text. The test
// prints its report in every run; its floors only catch a collapse (they sit well under the
// figures measured when the set was written, precision 0.86 and recall 0.54 on 2026-11-28).
TEST(Devset, HeldOutSetsAreReportedAndDoNotCollapse) {
  // holdout2.tsv: written blind after holdout.tsv had been looked at during development
  // (precision 0.91, recall 0.61 when written).
  size_t count = 0;
  const DevsetScore second = ScoreSet("holdout2.tsv", &count);
  ASSERT_GE(count, 120u);
  EXPECT_GE(second.overall.precision(), 0.80);
  EXPECT_GE(second.overall.recall(), 0.50);
  const DevsetScore score = ScoreSet("holdout.tsv", &count);
  ASSERT_GE(count, 150u);
  EXPECT_GE(score.overall.precision(), 0.75);
  EXPECT_GE(score.overall.recall(), 0.45);
}

}  // namespace
}  // namespace dateline
