// The reference suites in ../shared (counts pinned), and the `validate` command.
#include <gtest/gtest.h>

#include <cstdio>

#include <sstream>
#include <string>

#include "cli/validate_command.h"
#include "test_util.h"
#include "validate/validate.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

fs::path DataDir() { return testing::SourceDir() / "tests/unit/validate/data"; }

size_t AllEvents(const Suite& suite) {
  size_t n = 0;
  for (const ValidationRecord& r : suite.records) n += r.events.size();
  return n;
}

Suite LoadShared(const std::string& relative) {
  Result<Suite> suite = LoadSuite(testing::SharedDir() / relative);
  EXPECT_TRUE(suite.ok()) << suite.status().message();
  return suite.ok() ? suite.take() : Suite{};
}

TEST(ValidateSharedSuites, TabariValidateText) {
  if (testing::SharedDir().empty()) GTEST_SKIP() << "../shared is absent: TABARI's Validate.text not available";
  const Suite suite = LoadShared("reference/tabari/Validate.text");
  EXPECT_EQ(suite.kind, SuiteKind::kTabari);
  EXPECT_EQ(suite.records.size(), 481u);   // 473 up to FINAL-01, 8 after it
  EXPECT_EQ(suite.CountedRecords(), 423u);
  EXPECT_EQ(suite.CountedEvents(), 517u);
  EXPECT_EQ(suite.records.front().id, "START-00");
  size_t final_position = 0;
  for (const ValidationRecord& r : suite.records)
    if (r.id == "FINAL-01") final_position = static_cast<size_t>(r.position);
  EXPECT_EQ(final_position, 473u);
  // Validate.project names the dictionaries.
  ASSERT_EQ(suite.dictionary_files.size(), 4u);
  EXPECT_EQ(suite.dictionary_files[0].role, "actors");
  EXPECT_EQ(suite.dictionary_files[0].path.filename(), "TABARI.Demo.actors");
  // The file's own slips, each reported with its line.
  EXPECT_EQ(suite.problems.size(), 12u);
  for (const std::string& p : suite.problems) EXPECT_NE(p.find("Validate.text:"), std::string::npos) << p;
}

TEST(ValidateSharedSuites, Petrarch2ValidateRecords) {
  if (testing::SharedDir().empty()) GTEST_SKIP() << "../shared is absent: PETRARCH-2 validation records not available";
  const Suite suite = LoadShared("reference/petrarch2-validate/PETR_Validate_records_2_02.xml");
  EXPECT_EQ(suite.kind, SuiteKind::kPetrarch2);
  EXPECT_EQ(suite.records.size(), 274u);
  EXPECT_EQ(AllEvents(suite), 322u);         // every <EventCoding> with codes, in every record
  EXPECT_EQ(suite.CountedRecords(), 245u);   // evaluate="true", category in <Include>, no parse error
  EXPECT_EQ(suite.CountedEvents(), 305u);
  EXPECT_EQ(suite.categories.size(), 9u);
  EXPECT_EQ(suite.dictionary_files.size(), 5u);
  EXPECT_TRUE(suite.problems.empty()) << suite.problems.front();
}

TEST(ValidateSharedSuites, Petrarch1UnitTestRecords) {
  if (testing::SharedDir().empty()) GTEST_SKIP() << "../shared is absent: PETRARCH-1 unit test records not available";
  const Suite suite = LoadShared("reference/petrarch1/PETR.UnitTest.records.xml");
  EXPECT_EQ(suite.kind, SuiteKind::kPetrarch1);
  EXPECT_EQ(suite.records.size(), 284u);
  EXPECT_EQ(AllEvents(suite), 359u);
  EXPECT_EQ(suite.CountedRecords(), 275u);
  EXPECT_EQ(suite.CountedEvents(), 350u);
  EXPECT_EQ(suite.dictionary_files.size(), 4u);
  EXPECT_TRUE(suite.problems.empty()) << suite.problems.front();
}

TEST(ValidateSharedSuites, CommandReportsEachSuite) {
  if (testing::SharedDir().empty()) GTEST_SKIP() << "../shared is absent: no reference suites to run";
  for (const char* relative : {"reference/tabari/Validate.text",
                               "reference/petrarch2-validate/PETR_Validate_records_2_02.xml",
                               "reference/petrarch1/PETR.UnitTest.records.xml"}) {
    std::ostringstream out, err;
    EXPECT_EQ(RunValidateCommand((testing::SharedDir() / relative).string(), ValidateOptions{}, out, err), 0);
    const std::string report = out.str();
    const size_t last = report.rfind("\nvalidation: ");
    ASSERT_NE(last, std::string::npos) << relative;
    EXPECT_EQ(report.find('\n', last + 1), report.size() - 1) << "the rate is the last line";
    EXPECT_EQ(report.find("passed"), std::string::npos);
    EXPECT_EQ(report.find("failed"), std::string::npos);
  }
}

// The pass rates the project has reached on the field's suites, with the repository's skip
// file: a change that codes fewer of their records fails here (the README gives the figures).
TEST(ValidateSharedSuites, PassRatesStayAboveTheirFloors) {
  if (testing::SharedDir().empty()) GTEST_SKIP() << "../shared is absent: no reference suites to measure";
  const struct {
    const char* suite;
    double floor;
  } suites[] = {{"reference/tabari/Validate.text", 0.85},
                {"reference/petrarch2-validate/PETR_Validate_records_2_02.xml", 0.85},
                {"reference/petrarch1/PETR.UnitTest.records.xml", 0.80}};
  for (const auto& [relative, floor] : suites) {
    ValidateOptions options;
    options.skip_file = (testing::SourceDir() / "validation/skip.txt").string();
    std::ostringstream out, err;
    ASSERT_EQ(RunValidateCommand((testing::SharedDir() / relative).string(), options, out, err), 0) << err.str();
    const std::string report = out.str();
    const size_t at = report.rfind("validation: ");
    ASSERT_NE(at, std::string::npos) << relative;
    int pass = 0, total = 0;
    ASSERT_EQ(std::sscanf(report.c_str() + at, "validation: %d/%d", &pass, &total), 2) << relative;
    ASSERT_GT(total, 0);
    EXPECT_GE(static_cast<double>(pass) / total, floor) << relative << ": " << report.substr(at);
  }
}

TEST(ValidateCommand, RunsAFileAndEndsWithTheRate) {
  std::ostringstream out, err;
  ValidateOptions options;
  options.skip_file = (DataDir() / "forms.skip").string();
  options.verbose = true;
  EXPECT_EQ(RunValidateCommand((DataDir() / "forms.text").string(), options, out, err), 0) << err.str();
  const std::string report = out.str();
  EXPECT_NE(report.find("(TABARI), 7 counted records, 8 expected events\n"), std::string::npos) << report;
  EXPECT_NE(report.find("coded with: the default dictionaries"), std::string::npos);
  EXPECT_NE(report.find("left out by the skip file (1, not in the rate):\n  DEMO-02 (position 5)"), std::string::npos)
      << report;
  const size_t last = report.rfind("\nvalidation: ");
  ASSERT_NE(last, std::string::npos);
  EXPECT_EQ(report.find('\n', last + 1), report.size() - 1) << "the rate is the last line";
  EXPECT_NE(report.find("/6 records pass ("), std::string::npos) << report;
  EXPECT_NE(err.str().find("validate: coded 7 records"), std::string::npos) << err.str();
}

TEST(ValidateCommand, ForwardCodesAStorysRecordsTogether) {
  std::ostringstream out, err;
  EXPECT_EQ(RunValidateCommand((DataDir() / "story.text").string(), ValidateOptions{}, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("validation: 5/5 records pass (100.0%)"), std::string::npos) << out.str();
}

TEST(ValidateCommand, CategoryFilter) {
  std::ostringstream out, err;
  ValidateOptions options;
  options.category = "DEMO";
  EXPECT_EQ(RunValidateCommand((DataDir() / "forms.text").string(), options, out, err), 0);
  EXPECT_NE(out.str().find("/3 records pass ("), std::string::npos) << out.str();

  std::ostringstream out2, err2;
  options.category = "NOPE";
  EXPECT_EQ(RunValidateCommand((DataDir() / "forms.text").string(), options, out2, err2), 2);
  EXPECT_NE(err2.str().find("--category: no record of category 'NOPE'"), std::string::npos) << err2.str();
  EXPECT_NE(err2.str().find(" DEMO "), std::string::npos);
}

// PETRARCH-1's <Config> holds until changed; a PETRARCH-2 <Config> applies to its own record.
TEST(ValidateCommand, PetrarchConfigScope) {
  for (const char* name : {"config_p1.xml", "config_p2.xml"}) {
    std::ostringstream out, err;
    EXPECT_EQ(RunValidateCommand((DataDir() / name).string(), ValidateOptions{}, out, err), 0) << err.str();
    EXPECT_NE(out.str().find("validation: 3/3 records pass"), std::string::npos) << name << "\n" << out.str();
  }
}

// A side with no actor is written "---" in the suites; the coder leaves it empty.
TEST(ValidateMatch, EmptySideIsDashes) {
  ValidationRecord r;
  r.expect = ValidationRecord::kEvents;
  r.events = {{"BRE", "---", "112", std::nullopt}};
  CodedRecord c;
  c.events = {{"BRE", "", "112"}};
  EXPECT_TRUE(Matches(r, c));
  c.events = {{"BRE", "GON", "112"}};
  EXPECT_FALSE(Matches(r, c));
}

TEST(ValidateCommand, UnusableInputs) {
  std::ostringstream out, err;
  EXPECT_EQ(RunValidateCommand((DataDir() / "missing.text").string(), ValidateOptions{}, out, err), 1);
  EXPECT_NE(err.str().find("missing.text: cannot read the validation suite"), std::string::npos) << err.str();

  ValidateOptions options;
  options.skip_file = (DataDir() / "missing.skip").string();
  std::ostringstream out2, err2;
  EXPECT_EQ(RunValidateCommand((DataDir() / "forms.text").string(), options, out2, err2), 2);
  EXPECT_NE(err2.str().find("missing.skip: cannot read the skip file"), std::string::npos) << err2.str();
  EXPECT_TRUE(out2.str().empty());
}

}  // namespace
}  // namespace dateline
