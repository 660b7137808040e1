// Running a suite: the pass rule, skip files, keys (id and position), options, and the report.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"
#include "validate/validate.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

fs::path DataDir() { return testing::SourceDir() / "tests/unit/validate/data"; }

ValidationRecord EventsRecord(std::vector<ExpectedEvent> events) {
  ValidationRecord r;
  r.expect = ValidationRecord::kEvents;
  r.events = std::move(events);
  return r;
}

CodedRecord Coded(std::vector<ProducedEvent> events, bool discarded = false) {
  CodedRecord c;
  c.events = std::move(events);
  c.discarded = discarded;
  return c;
}

TEST(ValidateMatch, EventsAreComparedAsSets) {
  const ValidationRecord r = EventsRecord({{"ARN", "GON", "064", {}}, {"GON", "ARN", "064", {}}});
  EXPECT_TRUE(Matches(r, Coded({{"GON", "ARN", "064"}, {"ARN", "GON", "064"}})));  // any order
  EXPECT_TRUE(Matches(r, Coded({{"ARN", "GON", "064"}, {"GON", "ARN", "064"}, {"ARN", "GON", "064"}})));  // dupes
  EXPECT_FALSE(Matches(r, Coded({{"ARN", "GON", "064"}})));                                               // missing
  EXPECT_FALSE(Matches(r, Coded({{"ARN", "GON", "064"}, {"GON", "ARN", "064"}, {"ARN", "DAG", "064"}})));  // extra
  EXPECT_FALSE(Matches(r, Coded({{"ARN", "GON", "063"}, {"GON", "ARN", "064"}})));                        // code
  EXPECT_FALSE(Matches(r, Coded({{"ARN", "GON", "064"}, {"GON", "ARN", "064"}}, /*discarded=*/true)));
  EXPECT_FALSE(Matches(r, Coded({})));
}

TEST(ValidateMatch, ExtraEventsAllowedAfterDashBrace) {
  ValidationRecord r = EventsRecord({{"ORC", "GON", "041", {}}});
  r.extra_events_allowed = true;
  EXPECT_TRUE(Matches(r, Coded({{"ORC", "GON", "041"}, {"ORC", "OSG", "041"}})));
  EXPECT_FALSE(Matches(r, Coded({{"ORC", "OSG", "041"}})));
}

TEST(ValidateMatch, NoEventAndDiscard) {
  ValidationRecord none;
  none.expect = ValidationRecord::kNoEvent;
  EXPECT_TRUE(Matches(none, Coded({})));
  EXPECT_TRUE(Matches(none, Coded({}, /*discarded=*/true)));  // a discard produces no event
  EXPECT_FALSE(Matches(none, Coded({{"ARN", "GON", "064"}})));

  ValidationRecord discard;
  discard.expect = ValidationRecord::kDiscard;
  EXPECT_TRUE(Matches(discard, Coded({}, true)));
  EXPECT_FALSE(Matches(discard, Coded({})));  // no event is not a discard
  EXPECT_FALSE(Matches(discard, Coded({{"ARN", "GON", "064"}})));
}

// A coder that answers by (id, position), counting its calls.
struct FakeCoder {
  std::map<std::pair<std::string, int>, CodedRecord> answers;
  std::vector<std::string> calls;
  std::vector<std::vector<std::string>> options;

  RecordCoder Coder() {
    return [this](const ValidationRecord& r) {
      calls.push_back(r.id + "@" + std::to_string(r.position));
      options.push_back(r.options_before);
      auto it = answers.find({r.id, r.position});
      return it == answers.end() ? CodedRecord{} : it->second;
    };
  }
};

Suite FormsSuite() {
  Result<Suite> suite = LoadSuite(DataDir() / "forms.text");
  EXPECT_TRUE(suite.ok());
  return suite.take();
}

// Answers that make every counted record of forms.text match.
FakeCoder AllRight() {
  FakeCoder coder;
  coder.answers[{"DEMO-01", 3}] = Coded({{"ARN", "GON", "064"}});
  coder.answers[{"DEMO-02", 4}] = Coded({{"DAG", "GON", "032"}, {"GON", "DAG", "033"}});
  coder.answers[{"DISCARD-01", 6}] = Coded({}, true);
  coder.answers[{"COMPOUND-07", 8}] = Coded({{"ORC", "GON", "041"}, {"HOB", "GON", "041"}, {"FRO", "GON", "041"}});
  coder.answers[{"AGENTS-11", 10}] = Coded({{"USAGOV", "GON", "064"}, {"USAGOV", "ARN", "064"}});
  coder.answers[{"BADDATE-01", 11}] = Coded({{"HOB", "GON", "064"}});
  return coder;
}

TEST(ValidateRun, CountsAndCodesOnlyCountedRecords) {
  const Suite suite = FormsSuite();
  FakeCoder coder = AllRight();
  const SuiteResult result = RunSuite(suite, coder.Coder());
  EXPECT_EQ(result.evaluated, 7);
  EXPECT_EQ(result.matching, 7);  // DEMO-02@5 expects no event and gets none
  EXPECT_EQ(result.skipped, 0);
  EXPECT_EQ(result.not_counted, 7);
  EXPECT_EQ(coder.calls, (std::vector<std::string>{"DEMO-01@3", "DEMO-02@4", "DEMO-02@5", "DISCARD-01@6",
                                                   "COMPOUND-07@8", "AGENTS-11@10", "BADDATE-01@11"}));
  ASSERT_EQ(result.outcomes.size(), 14u);
  EXPECT_EQ(result.outcomes[0].verdict, RecordOutcome::Verdict::kNotCounted);
  EXPECT_EQ(result.outcomes[0].reason, "{+++}: not checked");
  EXPECT_EQ(result.outcomes[2].verdict, RecordOutcome::Verdict::kMatch);
}

TEST(ValidateRun, SameIdDifferentPositionAreDifferentRecords) {
  const Suite suite = FormsSuite();
  FakeCoder coder = AllRight();
  // DEMO-02@5 expects no event: give it the events DEMO-02@4 expects.
  coder.answers[{"DEMO-02", 5}] = Coded({{"DAG", "GON", "032"}, {"GON", "DAG", "033"}});
  const SuiteResult result = RunSuite(suite, coder.Coder());
  EXPECT_EQ(result.outcomes[3].verdict, RecordOutcome::Verdict::kMatch);
  EXPECT_EQ(result.outcomes[4].verdict, RecordOutcome::Verdict::kMismatch);
  EXPECT_EQ(result.matching, 6);
  EXPECT_EQ(result.evaluated, 7);
}

TEST(ValidateRun, SkipFileLeavesRecordsOutOfTheRate) {
  Result<SkipList> skips = LoadSkipFile(DataDir() / "forms.skip");
  ASSERT_TRUE(skips.ok());
  ASSERT_EQ(skips->entries.size(), 3u);
  EXPECT_EQ(skips->entries[0].reason, "{---} contradicts DEMO-02 at position 4");
  ASSERT_EQ(skips->problems.size(), 1u);
  EXPECT_NE(skips->problems[0].find("forms.skip:5: expected 'SUITE-FILE-NAME ID POSITION reason'"), std::string::npos);

  const Suite suite = FormsSuite();
  FakeCoder coder = AllRight();
  coder.answers[{"DEMO-02", 5}] = Coded({{"X", "Y", "010"}});
  SuiteRunOptions options;
  options.skips = &*skips;
  const SuiteResult result = RunSuite(suite, coder.Coder(), options);
  EXPECT_EQ(result.evaluated, 6);
  EXPECT_EQ(result.matching, 6);
  EXPECT_EQ(result.skipped, 1);
  const RecordOutcome& skipped = result.outcomes[4];
  EXPECT_EQ(skipped.verdict, RecordOutcome::Verdict::kSkipped);
  EXPECT_EQ(skipped.reason, "{---} contradicts DEMO-02 at position 4");
  EXPECT_FALSE(skipped.would_match);
  EXPECT_EQ(skipped.produced.events.size(), 1u);  // coded all the same
  // The entry whose position holds another id is reported, not applied; other suites are ignored.
  bool reported = false;
  for (const std::string& p : result.problems)
    if (p.find("forms.skip:3: no record DEMO-01 at position 9 in forms.text (position 9 is OPT-Min)") !=
        std::string::npos)
      reported = true;
  EXPECT_TRUE(reported);
}

TEST(ValidateRun, SkipListParsing) {
  const SkipList list = ParseSkipList("s.skip",
                                      "# header\n\n  a.text  ID-1  2  because  # why\nb.text ID 0 zero\n"
                                      "b.text ID x reason\nb.text ID 3\n");
  ASSERT_EQ(list.entries.size(), 1u);
  EXPECT_EQ(list.entries[0].suite, "a.text");
  EXPECT_EQ(list.entries[0].id, "ID-1");
  EXPECT_EQ(list.entries[0].position, 2);
  EXPECT_EQ(list.entries[0].reason, "because");
  EXPECT_EQ(list.entries[0].where, "s.skip:3");
  ASSERT_EQ(list.problems.size(), 3u);
  EXPECT_EQ(list.problems[0], "s.skip:4: expected 'SUITE-FILE-NAME ID POSITION reason'; line ignored");
  EXPECT_EQ(list.problems[2], "s.skip:6: no reason given for skipping ID; line ignored");
  EXPECT_EQ(LoadSkipFile(DataDir() / "none.skip").status().code(), StatusCode::kIoError);
}

TEST(ValidateRun, OptionsOfRecordsNotCodedArePassedOn) {
  const Suite suite = FormsSuite();
  FakeCoder coder = AllRight();
  SuiteRunOptions options;
  options.category = "AGENTS";
  const SuiteResult result = RunSuite(suite, coder.Coder(), options);
  EXPECT_EQ(coder.calls, (std::vector<std::string>{"AGENTS-11@10"}));
  EXPECT_EQ(result.evaluated, 1);
  // Every option given before AGENTS-11, including those of records left out by the category.
  ASSERT_EQ(coder.options.size(), 1u);
  EXPECT_EQ(coder.options[0], (std::vector<std::string>{"SET: TIME SHIFT = FALSE", "SET: MINIMUM WORDS = 4"}));
  EXPECT_EQ(result.outcomes[2].reason, "not in category AGENTS");
}

// The last line, without its '\n' (which must be there).
std::string LastLine(const std::string& s) {
  EXPECT_TRUE(!s.empty() && s.back() == '\n');
  const std::string body = s.empty() ? s : s.substr(0, s.size() - 1);
  const size_t newline = body.rfind('\n');
  return newline == std::string::npos ? body : body.substr(newline + 1);
}

TEST(ValidateReport, FormatAndFinalLine) {
  const Suite suite = FormsSuite();
  FakeCoder coder = AllRight();
  coder.answers[{"DEMO-01", 3}] = Coded({{"ARN", "GON", "051"}});
  const SuiteResult result = RunSuite(suite, coder.Coder());
  std::ostringstream out;
  PrintReport(out, result);
  const std::string report = out.str();
  EXPECT_EQ(LastLine(report), "validation: 6/7 records pass (85.7%)");
  EXPECT_NE(report.find("TABARI suite forms.text: 14 records; 7 evaluated, 0 left out by the skip file, 7 not "
                        "counted\n"),
            std::string::npos);
  EXPECT_NE(report.find("no match: DEMO-01 (position 3, line 19, DEMO)\n"
                        "  text:     Arnor is about to restore full diplomatic ties with Gondor almost five years "
                        "after crowds trashed its embassy.\n"
                        "  expected: ARN / GON / 064\n"
                        "  produced: ARN / GON / 051\n"
                        "  options:  SET: TIME SHIFT = FALSE\n"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("category  records   pass    rate\n"), std::string::npos) << report;
  EXPECT_NE(report.find("DEMO            3      2   66.7%\n"), std::string::npos) << report;
  EXPECT_NE(report.find("all             7      6   85.7%\n"), std::string::npos) << report;
  EXPECT_NE(report.find("problems (4):\n  "), std::string::npos);
  EXPECT_NE(report.find("forms.text:55: '{' not closed on its line"), std::string::npos);
  EXPECT_EQ(report.find("match: DEMO-02"), std::string::npos);  // matching records only with verbose
}

TEST(ValidateReport, NeverSaysPassedOrFailed) {
  Result<Suite> parsed = ParseSuite("words.text",
                                    "950101  TALKS-01\nTalks FAILED and the motion Passed, officials said.\n"
                                    "/*\\n{ ARN / GON / 064 } */\n\n"
                                    "950101  TALKS-02\nThe measure passed after talks failed.\n/*\\n{---} */\n");
  ASSERT_TRUE(parsed.ok());
  SkipList skips = ParseSkipList("w.skip", "words.text TALKS-02 2 the talks failed to say who passed it\n");
  SuiteRunOptions options;
  options.skips = &skips;
  for (bool verbose : {false, true}) {
    const SuiteResult result = RunSuite(*parsed, [](const ValidationRecord&) { return CodedRecord{}; }, options);
    std::ostringstream out;
    PrintReport(out, result, ReportOptions{verbose});
    const std::string report = out.str();
    for (const char* word : {"passed", "failed", "Passed", "FAILED", "PASSED", "Failed"})
      EXPECT_EQ(report.find(word), std::string::npos) << word << " in\n" << report;
    EXPECT_NE(report.find("Talks FAIL-ED and the motion Pass-ed"), std::string::npos) << report;
    EXPECT_EQ(LastLine(report), "validation: 0/1 records pass (0.0%)");
  }
}

TEST(ValidateReport, EmptyRunStillEndsWithTheLine) {
  SuiteResult empty;
  empty.suite_name = "none.text";
  std::ostringstream out;
  PrintReport(out, empty);
  EXPECT_EQ(LastLine(out.str()), "validation: 0/0 records pass (0.0%)");
}

TEST(ValidateReport, VerboseListsEverything) {
  const Suite suite = FormsSuite();
  FakeCoder coder = AllRight();
  const SuiteResult result = RunSuite(suite, coder.Coder());
  std::ostringstream out;
  PrintReport(out, result, ReportOptions{true});
  const std::string report = out.str();
  EXPECT_NE(report.find("match: DEMO-02 (position 5, line 32, DEMO)\n"), std::string::npos) << report;
  EXPECT_NE(report.find("  expected: no event\n  produced: no event\n"), std::string::npos);
  EXPECT_NE(report.find("  expected: a discard\n  produced: a discard\n"), std::string::npos);
  EXPECT_NE(report.find("            (other events are not checked)\n"), std::string::npos);
  EXPECT_NE(report.find("not counted:\n  START-00 (position 1, line 8): {+++}: not checked\n"), std::string::npos);
  EXPECT_EQ(LastLine(report), "validation: 7/7 records pass (100.0%)");
}

}  // namespace
}  // namespace dateline
