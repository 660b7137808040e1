// ParseDateline, InferDatelineDate, MonthFromName, PlaceTitleCase.
#include <gtest/gtest.h>

#include "clean/clean.h"

namespace dateline {
namespace {

struct DatelineCase {
  std::string line;
  std::string span;  // expected matched prefix
  std::string place, agency;
  int month, day, year;
};

TEST(CleanDateline, Styles) {
  const DatelineCase cases[] = {
      {"BEIJING, Jan. 10 (Reuters) – China stands ready", "BEIJING, Jan. 10 (Reuters) – ", "Beijing", "Reuters", 1, 10, 0},
      {"WASHINGTON (AP) — President Donald Trump said", "WASHINGTON (AP) — ", "Washington", "AP", 0, 0, 0},
      {"KYIV, Ukraine, March 3 (AFP) - Russian drones", "KYIV, Ukraine, March 3 (AFP) - ", "Kyiv, Ukraine", "AFP", 3, 3, 0},
      {"LONDON, 5 March 2024 (BBC) - Britain said", "LONDON, 5 March 2024 (BBC) - ", "London", "BBC", 3, 5, 2024},
      {"NAIROBI, Kenya — Kenyan police", "NAIROBI, Kenya — ", "Nairobi, Kenya", "", 0, 0, 0},
      {"Moscow, Feb 1 (Reuters) - Russia said", "Moscow, Feb 1 (Reuters) - ", "Moscow", "Reuters", 2, 1, 0},
      {"UNITED NATIONS, Sept. 23 (Reuters) - The", "UNITED NATIONS, Sept. 23 (Reuters) - ", "United Nations", "Reuters", 9,
       23, 0},
      {"PORT-AU-PRINCE, Haiti (AP) — Gangs", "PORT-AU-PRINCE, Haiti (AP) — ", "Port-au-Prince, Haiti", "AP", 0, 0, 0},
      {"RIO DE JANEIRO, Nov 18 (Reuters) - Leaders", "RIO DE JANEIRO, Nov 18 (Reuters) - ", "Rio de Janeiro", "Reuters",
       11, 18, 0},
      {"(CNN) — President Emmanuel Macron", "(CNN) — ", "", "CNN", 0, 0, 0},
      {"Kyiv (Reuters) - Ukraine said", "Kyiv (Reuters) - ", "Kyiv", "Reuters", 0, 0, 0},
      {"BRUSSELS, Tuesday, June 3, 2025 (AP) — The EU", "BRUSSELS, Tuesday, June 3, 2025 (AP) — ", "Brussels", "AP", 6, 3,
       2025},
      {"WASHINGTON, D.C. -- The Senate", "WASHINGTON, D.C. -- ", "Washington, D.C.", "", 0, 0, 0},
      {"SÃO PAULO (Reuters) - Brazil", "SÃO PAULO (Reuters) - ", "São Paulo", "Reuters", 0, 0, 0},
      {"TEHRAN, 12 JUNE (IRNA) - Iran", "TEHRAN, 12 JUNE (IRNA) - ", "Tehran", "IRNA", 6, 12, 0},
      {"GAZA CITY —", "GAZA CITY —", "Gaza City", "", 0, 0, 0},
  };
  for (const DatelineCase& c : cases) {
    SCOPED_TRACE(c.line);
    std::optional<DatelineMatch> m = ParseDateline(c.line);
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(c.line.substr(0, m->length), c.span);
    EXPECT_EQ(m->place, c.place);
    EXPECT_EQ(m->agency, c.agency);
    EXPECT_EQ(m->month, c.month);
    EXPECT_EQ(m->day, c.day);
    EXPECT_EQ(m->year, c.year);
  }
}

TEST(CleanDateline, NotDatelines) {
  for (const char* line : {
           "China said on Monday that talks would resume.",
           "NATO — the alliance of 32 countries — said it would respond.",  // lower case after the dash
           "Moscow - Russia said on Friday",                                 // title case needs a date or agency
           "U.S.-China talks resumed in Geneva.",
           "WASHINGTON-based analysts said the sanctions would bite.",
           "The United Nations Security Council Monitoring Group (UNSC) - a body",
           "Brussels, Berlin and Paris - all three capitals - objected.",
           "March (Reuters) - something",
           "“We will respond,” Putin said.",
           "",
       }) {
    EXPECT_FALSE(ParseDateline(line).has_value()) << line;
  }
}

TEST(CleanDateline, YearFromPublicationDate) {
  auto pub = [](const char* s) { return Date::Parse(s); };
  EXPECT_EQ(InferDatelineDate(1, 10, 0, pub("2022-01-10")), pub("2022-01-10"));
  EXPECT_EQ(InferDatelineDate(12, 31, 0, pub("2025-01-02")), pub("2024-12-31"));  // across new year
  EXPECT_EQ(InferDatelineDate(1, 4, 0, pub("2025-01-02")), pub("2025-01-04"));    // two days after: allowed
  EXPECT_EQ(InferDatelineDate(1, 9, 0, pub("2025-01-02")), pub("2024-01-09"));    // a week after: last year
  EXPECT_EQ(InferDatelineDate(1, 2, 0, pub("2024-12-30")), pub("2025-01-02"));    // next year, three days after
  EXPECT_EQ(InferDatelineDate(1, 9, 0, pub("2025-01-02"), 7), pub("2025-01-09"));
  EXPECT_EQ(InferDatelineDate(2, 29, 0, pub("2025-03-01")), pub("2024-02-29"));   // only a leap year has it
  EXPECT_EQ(InferDatelineDate(3, 5, 2024, pub("2025-06-01")), pub("2024-03-05")); // spelled-out year wins
  EXPECT_EQ(InferDatelineDate(3, 5, 2024, std::nullopt), pub("2024-03-05"));
  EXPECT_FALSE(InferDatelineDate(3, 5, 0, std::nullopt).has_value());
  EXPECT_FALSE(InferDatelineDate(2, 30, 0, pub("2024-03-01")).has_value());
}

TEST(CleanDateline, MonthNames) {
  EXPECT_EQ(MonthFromName("January"), 1);
  EXPECT_EQ(MonthFromName("Jan."), 1);
  EXPECT_EQ(MonthFromName("Sept."), 9);
  EXPECT_EQ(MonthFromName("SEP"), 9);
  EXPECT_EQ(MonthFromName("jun"), 6);
  EXPECT_EQ(MonthFromName("May"), 5);
  EXPECT_EQ(MonthFromName("DECEMBER"), 12);
  EXPECT_EQ(MonthFromName("Mayor"), 0);
  EXPECT_EQ(MonthFromName("Ma"), 0);
  EXPECT_EQ(MonthFromName(""), 0);
}

TEST(CleanDateline, PlaceTitleCase) {
  EXPECT_EQ(PlaceTitleCase("BEIJING"), "Beijing");
  EXPECT_EQ(PlaceTitleCase("NEW DELHI"), "New Delhi");
  EXPECT_EQ(PlaceTitleCase("PORT-AU-PRINCE"), "Port-au-Prince");
  EXPECT_EQ(PlaceTitleCase("RIO DE JANEIRO"), "Rio de Janeiro");
  EXPECT_EQ(PlaceTitleCase("DAR ES SALAAM"), "Dar es Salaam");
  EXPECT_EQ(PlaceTitleCase("ST. PETERSBURG"), "St. Petersburg");
  EXPECT_EQ(PlaceTitleCase("N'DJAMENA"), "N'Djamena");
  EXPECT_EQ(PlaceTitleCase("ZÜRICH"), "Zürich");
  EXPECT_EQ(PlaceTitleCase("Kyiv"), "Kyiv");
  EXPECT_EQ(PlaceTitleCase("D.C."), "D.C.");
}

}  // namespace
}  // namespace dateline
