#include "resolve/temporal.h"

#include <gtest/gtest.h>

#include "sentence/sentence.h"
#include "token/token.h"

namespace dateline {
namespace {

// Tokenizes one sentence and returns its time expressions as "date/precision" strings.
std::vector<std::string> Times(const std::string& text, const std::string& anchor, bool future = false) {
  Document doc("t", text);
  doc.sentences.push_back(Sentence{ByteSpan{0, static_cast<uint32_t>(text.size())}, 0, 0, 0, false});
  EXPECT_TRUE(Tokenizer().Run(doc).ok());
  EXPECT_TRUE(Tagger().Run(doc).ok());
  std::vector<std::string> out;
  for (const TimeExpression& t : FindTimeExpressions(doc, doc.sentences[0], *Date::Parse(anchor), future))
    out.push_back(t.date.ToString() + "/" + PrecisionName(t.precision));
  return out;
}

using V = std::vector<std::string>;

TEST(Temporal, WeekdayIsTheMostRecentSuchDay) {
  // 2022-01-10 is a Monday.
  EXPECT_EQ(Times("Xi told Tokayev on Friday that China objects.", "2022-01-10"), V{"2022-01-07/day"});
  EXPECT_EQ(Times("The minister spoke on Monday.", "2022-01-10"), V{"2022-01-10/day"});
  EXPECT_EQ(Times("The minister spoke last Monday.", "2022-01-10"), V{"2022-01-03/day"});
  EXPECT_EQ(Times("Talks will resume on Wednesday.", "2022-01-10", /*future=*/true), V{"2022-01-12/day"});
  EXPECT_EQ(Times("Talks resume next Tuesday.", "2022-01-10"), V{"2022-01-11/day"});
}

TEST(Temporal, RelativeDays) {
  EXPECT_EQ(Times("Police arrested him yesterday.", "2022-03-01"), V{"2022-02-28/day"});
  EXPECT_EQ(Times("The talks open today.", "2022-03-01"), V{"2022-03-01/day"});
  EXPECT_EQ(Times("The talks open tomorrow.", "2022-12-31"), V{"2023-01-01/day"});
  EXPECT_EQ(Times("He left three days ago.", "2022-03-01"), V{"2022-02-26/day"});
}

TEST(Temporal, WeeksMonthsYears) {
  EXPECT_EQ(Times("Last month, he sent police to the islands.", "2022-01-10"), V{"2021-12-01/month"});
  EXPECT_EQ(Times("Protests spread over the past week.", "2022-01-10"), V{"2022-01-03/week"});
  EXPECT_EQ(Times("They met last week.", "2022-01-12"), V{"2022-01-03/week"});
  EXPECT_EQ(Times("They met earlier this month.", "2022-01-20"), V{"2022-01-01/month"});
  EXPECT_EQ(Times("Relations were cut last year.", "2022-01-20"), V{"2021-01-01/year"});
  EXPECT_EQ(Times("Ties were cut two years ago.", "2022-01-20"), V{"2020-01-01/year"});
}

TEST(Temporal, ExplicitDates) {
  EXPECT_EQ(Times("The accord was signed on Jan. 5.", "2022-01-10"), V{"2022-01-05/day"});
  EXPECT_EQ(Times("The accord was signed on Dec. 28.", "2022-01-10"), V{"2021-12-28/day"});
  EXPECT_EQ(Times("The accord was signed on March 3, 2019.", "2022-01-10"), V{"2019-03-03/day"});
  EXPECT_EQ(Times("The accord was signed on 3 March 2019.", "2022-01-10"), V{"2019-03-03/day"});
  EXPECT_EQ(Times("The war began in March.", "2022-01-10"), V{"2021-03-01/month"});
  EXPECT_EQ(Times("The war began in March 2014.", "2022-01-10"), V{"2014-03-01/month"});
}

TEST(Temporal, YearsAndDecades) {
  EXPECT_EQ(Times("Relations moved to Beijing in 2019.", "2022-01-10"), V{"2019-01-01/year"});
  EXPECT_EQ(Times("It has not sent troops since the 1960s.", "2022-01-10"), V{"1960-01-01/year"});
}

TEST(Temporal, MayTheModalIsNoMonth) {
  EXPECT_TRUE(Times("The crisis may spread.", "2022-01-10").empty());
  EXPECT_EQ(Times("The vote was held in May.", "2022-06-10"), V{"2022-05-01/month"});
}

TEST(Temporal, InferYearPrefersThePast) {
  EXPECT_EQ(InferYear(12, 30, *Date::Parse("2022-01-02")).ToString(), "2021-12-30");
  EXPECT_EQ(InferYear(1, 3, *Date::Parse("2021-12-30")).ToString(), "2022-01-03");
  EXPECT_EQ(InferYear(6, 1, *Date::Parse("2022-01-10")).ToString(), "2021-06-01");
}

}  // namespace
}  // namespace dateline
