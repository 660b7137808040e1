// Reading validation suites: each record form of TABARI and PETRARCH files (tests/unit/validate/data).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_util.h"
#include "validate/validate.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

fs::path DataDir() { return testing::SourceDir() / "tests/unit/validate/data"; }

Suite Load(const std::string& file) {
  Result<Suite> suite = LoadSuite(DataDir() / file);
  EXPECT_TRUE(suite.ok()) << suite.status().message();
  return suite.ok() ? suite.take() : Suite{};
}

const ValidationRecord& At(const Suite& suite, int position) {
  return suite.records.at(static_cast<size_t>(position - 1));
}

std::vector<std::string> Triples(const ValidationRecord& r) {
  std::vector<std::string> out;
  for (const ExpectedEvent& e : r.events) out.push_back(e.source + "/" + e.target + "/" + e.code);
  return out;
}

bool HasProblem(const Suite& suite, const std::string& needle) {
  return std::any_of(suite.problems.begin(), suite.problems.end(),
                     [&](const std::string& p) { return p.find(needle) != std::string::npos; });
}

TEST(ValidateTabari, RecordsKeyAndCount) {
  const Suite suite = Load("forms.text");
  EXPECT_EQ(suite.kind, SuiteKind::kTabari);
  EXPECT_EQ(suite.name, "forms.text");
  ASSERT_EQ(suite.records.size(), 14u);
  EXPECT_EQ(suite.CountedRecords(), 7u);
  EXPECT_EQ(suite.CountedEvents(), 8u);
  for (int p = 1; p <= 14; ++p) EXPECT_EQ(At(suite, p).position, p);
  // Ids repeat: position tells them apart.
  EXPECT_EQ(At(suite, 4).id, "DEMO-02");
  EXPECT_EQ(At(suite, 5).id, "DEMO-02");
  EXPECT_EQ(At(suite, 4).line, 26);
}

TEST(ValidateTabari, EventsWithDatesAndText) {
  const Suite suite = Load("forms.text");
  const ValidationRecord& demo1 = At(suite, 3);
  EXPECT_EQ(demo1.id, "DEMO-01");
  EXPECT_EQ(demo1.category, "DEMO");
  EXPECT_EQ(demo1.date, (Date{1995, 1, 1}));
  EXPECT_EQ(demo1.text,
            "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its "
            "embassy.");
  EXPECT_EQ(demo1.expect, ValidationRecord::kEvents);
  EXPECT_EQ(Triples(demo1), (std::vector<std::string>{"ARN/GON/064"}));
  EXPECT_TRUE(demo1.counted);

  // Two braces, each with a date after it; the comment opens on the last text line.
  const ValidationRecord& demo2 = At(suite, 4);
  EXPECT_EQ(Triples(demo2), (std::vector<std::string>{"DAG/GON/032", "GON/DAG/033"}));
  EXPECT_EQ(demo2.events[0].date, (Date{1995, 1, 3}));
  EXPECT_EQ(demo2.text,
            "Dagolath's first Deputy Prime Minister Telemar left for Minas Tirith on Wednesday, the Dagolathi news "
            "agency reported.");
}

TEST(ValidateTabari, SpecialCodes) {
  const Suite suite = Load("forms.text");
  EXPECT_FALSE(At(suite, 1).counted);  // {+++}
  EXPECT_EQ(At(suite, 1).skip_reason, "{+++}: not checked");
  EXPECT_EQ(At(suite, 1).date, (Date{2000, 1, 1}));  // YY 00 is 2000
  EXPECT_EQ(At(suite, 5).expect, ValidationRecord::kNoEvent);  // {---}
  EXPECT_TRUE(At(suite, 5).counted);
  EXPECT_EQ(At(suite, 6).expect, ValidationRecord::kDiscard);  // {###}
  EXPECT_TRUE(At(suite, 6).counted);
  // -{...} alone: not checked.
  EXPECT_FALSE(At(suite, 7).counted);
  EXPECT_EQ(At(suite, 7).skip_reason, "only -{...} fields: not checked");
  // Events, then -{...}: those events must come, others may.
  const ValidationRecord& compound = At(suite, 8);
  EXPECT_TRUE(compound.counted);
  EXPECT_TRUE(compound.extra_events_allowed);
  EXPECT_EQ(Triples(compound), (std::vector<std::string>{"ORC/GON/041", "HOB/GON/041"}));
}

TEST(ValidateTabari, OptionsReachTheNextCountedRecord) {
  const Suite suite = Load("forms.text");
  EXPECT_FALSE(At(suite, 2).counted);
  EXPECT_EQ(At(suite, 2).skip_reason, "option record");
  EXPECT_EQ(At(suite, 2).options_before, (std::vector<std::string>{"SET: TIME SHIFT = FALSE"}));
  EXPECT_EQ(At(suite, 3).options_before, (std::vector<std::string>{"SET: TIME SHIFT = FALSE"}));
  EXPECT_TRUE(At(suite, 4).options_before.empty());
  // An option brace closed only by the end of the comment.
  EXPECT_EQ(At(suite, 9).options_before, (std::vector<std::string>{"SET: MINIMUM WORDS = 4"}));
  EXPECT_EQ(At(suite, 10).options_before, (std::vector<std::string>{"SET: MINIMUM WORDS = 4"}));
  EXPECT_TRUE(HasProblem(suite, "forms.text:55: '{' not closed on its line"));
}

TEST(ValidateTabari, OddRecordsAreReadAndReported) {
  const Suite suite = Load("forms.text");
  // "950101  950101  AGENTS-11", and a second field after the comment closed.
  const ValidationRecord& agents = At(suite, 10);
  EXPECT_EQ(agents.id, "AGENTS-11");
  EXPECT_EQ(agents.category, "AGENTS");
  EXPECT_EQ(Triples(agents), (std::vector<std::string>{"USAGOV/GON/064", "USAGOV/ARN/064"}));
  EXPECT_EQ(agents.text,
            "White House security officials are about to restore full diplomatic ties with Gondor and Arnor.");
  EXPECT_TRUE(HasProblem(suite, "forms.text:57: digits before the id AGENTS-11"));
  EXPECT_TRUE(HasProblem(suite, "forms.text:62: validation field outside the /* */ comment"));
  // A 7-digit date: no date, still counted.
  EXPECT_EQ(At(suite, 11).date, std::nullopt);
  EXPECT_TRUE(At(suite, 11).counted);
  EXPECT_TRUE(HasProblem(suite, "forms.text:64: invalid date '9501201'"));
}

TEST(ValidateTabari, NoFieldsAndAfterFinal) {
  const Suite suite = Load("forms.text");
  EXPECT_EQ(At(suite, 12).skip_reason, "no validation field");
  EXPECT_EQ(At(suite, 13).id, "FINAL-01");
  EXPECT_FALSE(At(suite, 13).counted);
  const ValidationRecord& after = At(suite, 14);
  EXPECT_FALSE(after.counted);
  EXPECT_EQ(after.skip_reason, "after FINAL-01, the end of the standard validation records");
  EXPECT_EQ(Triples(after), (std::vector<std::string>{"GON/OSG/172"}));  // kept, not counted
}

TEST(ValidateTabari, FromBytesWithCrLf) {
  Result<Suite> suite = ParseSuite("mini.text",
                                   "# comment block\r\n\r\n950101  A-01\r\nArnor hails Gondor.\r\n/*\\n{ ARN / GON / "
                                   "051 } */\r\n");
  ASSERT_TRUE(suite.ok()) << suite.status().message();
  ASSERT_EQ(suite->records.size(), 1u);
  EXPECT_EQ(suite->records[0].text, "Arnor hails Gondor.");
  EXPECT_EQ(suite->records[0].events[0].code, "051");
  EXPECT_TRUE(suite->dictionary_files.empty());
}

TEST(ValidateTabari, NoRecordsIsAnError) {
  Result<Suite> suite = ParseSuite("empty.text", "# only comments\n\nno digit starts a line\n");
  ASSERT_FALSE(suite.ok());
  EXPECT_EQ(suite.status().code(), StatusCode::kDataError);
  EXPECT_NE(suite.status().message().find("empty.text: no validation records"), std::string::npos);
  EXPECT_EQ(LoadSuite(DataDir() / "missing.text").status().code(), StatusCode::kIoError);
}

TEST(ValidatePetrarch, Petrarch2Forms) {
  const Suite suite = Load("forms2.xml");
  EXPECT_EQ(suite.kind, SuiteKind::kPetrarch2);
  ASSERT_EQ(suite.records.size(), 8u);
  EXPECT_EQ(suite.CountedRecords(), 5u);
  EXPECT_EQ(suite.CountedEvents(), 4u);
  EXPECT_EQ(suite.categories, (std::vector<std::string>{"DEMO", "COMPOUND", "ERROR"}));
  EXPECT_EQ(suite.options, (std::vector<std::string>{"stop_on_error = True"}));
  ASSERT_EQ(suite.dictionary_files.size(), 2u);  // the Errorfile is not a dictionary
  EXPECT_EQ(suite.dictionary_files[0].role, "verbs");
  EXPECT_EQ(suite.dictionary_files[0].path.filename(), "verbs.txt");
  EXPECT_EQ(suite.dictionary_files[1].role, "actors");

  const ValidationRecord& demo1 = At(suite, 1);
  EXPECT_EQ(demo1.id, "DEMO-01");
  EXPECT_EQ(demo1.line, 16);
  EXPECT_EQ(demo1.date, (Date{1995, 1, 1}));
  EXPECT_EQ(demo1.text,
            "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its "
            "embassy.");
  EXPECT_EQ(Triples(demo1), (std::vector<std::string>{"ARN/GON/050"}));

  // Attribute spellings, <PLEvent {json}> lines, entities; <Config> between sentences.
  const ValidationRecord& compound = At(suite, 2);
  EXPECT_EQ(Triples(compound), (std::vector<std::string>{"ARN/OSG/050", "GON/OSG/050"}));
  EXPECT_EQ(compound.text, "Arnor & Gondor welcome a resumption of ties with Osgiliath.");
  EXPECT_EQ(compound.options_before, (std::vector<std::string>{"require_dyad = false"}));
  EXPECT_EQ(compound.category, "COMPOUND");
}

TEST(ValidatePetrarch, Petrarch2WhatIsNotCounted) {
  const Suite suite = Load("forms2.xml");
  EXPECT_EQ(At(suite, 3).skip_reason, "evaluate=\"false\"");
  EXPECT_EQ(At(suite, 4).skip_reason, "category VERB is not in <Include>");
  EXPECT_EQ(At(suite, 4).expect, ValidationRecord::kNoEvent);
  EXPECT_TRUE(At(suite, 5).counted);
  EXPECT_EQ(At(suite, 5).expect, ValidationRecord::kNoEvent);
  EXPECT_EQ(At(suite, 6).skip_reason,
            "expects a parse error from the external parser (error=\"bad_input_parse\")");
  EXPECT_TRUE(At(suite, 7).counted);
  EXPECT_EQ(At(suite, 7).expect, ValidationRecord::kDiscard);
}

TEST(ValidatePetrarch, Petrarch2ProblemsNameTheLine) {
  const Suite suite = Load("forms2.xml");
  const ValidationRecord& demo4 = At(suite, 8);
  EXPECT_TRUE(demo4.counted);
  EXPECT_EQ(demo4.date, std::nullopt);
  EXPECT_EQ(Triples(demo4), (std::vector<std::string>{"DAGGOV/GON/042"}));
  EXPECT_TRUE(HasProblem(suite, "forms2.xml:63: invalid date \"1995011\" in DEMO-04"));
  EXPECT_TRUE(HasProblem(suite, "forms2.xml:63: <EventCoding> in DEMO-04 needs sourcecode"));
  EXPECT_TRUE(HasProblem(suite, "forms2.xml:8: verbs file"));  // not beside the suite
  // The header comment that ends early and the <PLEvent> lines are not problems.
  EXPECT_FALSE(HasProblem(suite, "PLEvent"));
  EXPECT_EQ(suite.problems.size(), 4u);
}

TEST(ValidatePetrarch, Petrarch1Forms) {
  const Suite suite = Load("forms1.xml");
  EXPECT_EQ(suite.kind, SuiteKind::kPetrarch1);
  ASSERT_EQ(suite.records.size(), 3u);
  EXPECT_EQ(suite.CountedRecords(), 2u);
  EXPECT_EQ(suite.CountedEvents(), 3u);
  EXPECT_EQ(suite.options, (std::vector<std::string>{"stop_on_error = True"}));
  EXPECT_EQ(At(suite, 1).text, "Arnor is about to restore full diplomatic ties with Gondor.");
  EXPECT_EQ(At(suite, 2).skip_reason, "sentence=\"false\"");
  // `id ="..."`, single-quoted values holding quotes (PETRARCH-1 new actors).
  const ValidationRecord& actor = At(suite, 3);
  EXPECT_EQ(actor.id, "ACTOR-22");
  EXPECT_EQ(actor.date, (Date{1995, 1, 12}));
  EXPECT_EQ(Triples(actor), (std::vector<std::string>{"ERI/OSG/223", "\"INJURY TOLL\"/OSG/223"}));
  EXPECT_EQ(actor.options_before, (std::vector<std::string>{"new_actor_length = 4"}));
}

}  // namespace
}  // namespace dateline
