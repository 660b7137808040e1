// ParseCredits, ParseByline, ReadsAsSentence.
#include <gtest/gtest.h>

#include "clean/clean.h"

namespace dateline {
namespace {

using Names = std::vector<std::string>;

TEST(CleanCredits, RoleMarkers) {
  struct Case {
    const char* line;
    Names reporters, editors;
  };
  const Case cases[] = {
      {"Reporting by Gabriel Crossley and Yew Lun Tian Editing by Robert Birsel and Raju Gopalakrishnan",
       {"Gabriel Crossley", "Yew Lun Tian"},
       {"Robert Birsel", "Raju Gopalakrishnan"}},
      {"(Reporting by Jane Doe in Kyiv; editing by John Smith)", {"Jane Doe"}, {"John Smith"}},
      {"-- Reporting by Jane Doe; Writing by Ali Khan; Additional reporting by Li Wei at the United Nations",
       {"Jane Doe", "Ali Khan", "Li Wei"},
       {}},
      {"Reporting by Jane Doe, Ahmed al-Masri and Maria de la Cruz; Editing by Tom Hogue.",
       {"Jane Doe", "Ahmed al-Masri", "Maria de la Cruz"},
       {"Tom Hogue"}},
      {"Compiled by Laura Brennan for the Europe desk", {"Laura Brennan"}, {}},
      {"Contributing: Jane Doe, John Smith", {"Jane Doe", "John Smith"}, {}},
      {"Jane Doe in Kyiv and John Smith contributed reporting.", {"Jane Doe", "John Smith"}, {}},
      {"Associated Press writers Ken Moritsugu and Huizhong Wu contributed to this report.",
       {"Ken Moritsugu", "Huizhong Wu"},
       {}},
      {"The Associated Press contributed to this report.", {}, {}},
      {"Reporting by JANE DOE; Editing by J.R. Smith", {"Jane Doe"}, {"J.R. Smith"}},
      {"Reporting by Jane Doe and the Moscow bureau; Editing by John Smith", {"Jane Doe"}, {"John Smith"}},
      {"Reporting by Jane Doe and others", {"Jane Doe"}, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    std::optional<Credits> credits = ParseCredits(c.line);
    ASSERT_TRUE(credits.has_value());
    EXPECT_EQ(credits->reporters, c.reporters);
    EXPECT_EQ(credits->editors, c.editors);
  }
}

TEST(CleanCredits, NotCredits) {
  for (const char* line : {
           "Reporting by state media showed the strikes hit a school.",
           "Reporting by French media suggested the government had lobbied the judges.",
           "The talks were edited by nobody.",
           "Reporting by Al Jazeera and the BBC revealed the extent of the damage.",
           "Edited by Jane Doe, the report was published on Monday.",
           "Officials contributed to this report, the agency said in a statement about its funding.",
           "Editing",
           "",
       }) {
    EXPECT_FALSE(ParseCredits(line).has_value()) << line;
  }
}

TEST(CleanByline, Names) {
  EXPECT_EQ(ParseByline("By Jane Doe"), (Names{"Jane Doe"}));
  EXPECT_EQ(ParseByline("By JANE DOE and John Smith, Reuters"), (Names{"Jane Doe", "John Smith"}));
  EXPECT_EQ(ParseByline("By Jane Doe | March 5, 2025"), (Names{"Jane Doe"}));
  EXPECT_EQ(ParseByline("By Jane Doe, Political Correspondent"), (Names{"Jane Doe"}));
  EXPECT_EQ(ParseByline("BY Olena Harmash in Kyiv"), (Names{"Olena Harmash"}));
  EXPECT_EQ(ParseByline("By Jane Doe March 5, 2025"), (Names{"Jane Doe"}));
  EXPECT_TRUE(ParseByline("By the time the talks ended, both sides had left.").empty());
  EXPECT_TRUE(ParseByline("By Monday, the troops had withdrawn.").empty());
  EXPECT_TRUE(ParseByline("Bypassing Congress, the president acted.").empty());
  EXPECT_TRUE(ParseByline("By Reuters").empty());
}

TEST(CleanSentenceShape, ReadsAsSentence) {
  for (const char* line : {
           "He resigned.",
           "“We will respond,” he said.",
           "Register offices reported a surge in weddings.",
           "China was willing to “jointly oppose the interference,” Wang said.",
           "Talks are planned for next week (in Geneva).",
           "“Sign the deal now,” Trump told reporters.",
           "Share this burden with us, Zelenskiy told European leaders.",
       }) {
    EXPECT_TRUE(ReadsAsSentence(line)) << line;
  }
  for (const char* line : {
           "Register now for FREE and unlimited access to",
           "Sign up for our newsletter.",
           "Download the app now!",
           "Shirlene J. Manley",
           "Advertisement",
           "Sign up here.",
           "Ukraine.",
           "",
       }) {
    EXPECT_FALSE(ReadsAsSentence(line)) << line;
  }
}

}  // namespace
}  // namespace dateline
