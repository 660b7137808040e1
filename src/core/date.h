// Calendar dates without time zones: what event data needs.
//
//   Date d = *Date::Parse("2022-01-10");
//   d.weekday();               // 1 = Monday ... 7 = Sunday
//   d.AddDays(-3).ToString();  // "2022-01-07"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dateline {

enum class DatePrecision : uint8_t { kDay, kWeek, kMonth, kYear };
const char* PrecisionName(DatePrecision p);

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  bool valid() const { return year != 0; }

  // Accepts "YYYY-MM-DD" optionally followed by an ISO-8601 time ("T..." or " ...").
  static std::optional<Date> Parse(std::string_view s);
  static Date FromDays(int64_t days_since_epoch);
  static bool IsValid(int y, int m, int d);
  static int DaysInMonth(int y, int m);

  int64_t ToDays() const;  // days since 1970-01-01
  int weekday() const;     // ISO: 1 = Monday .. 7 = Sunday
  Date AddDays(int64_t n) const { return FromDays(ToDays() + n); }
  std::string ToString() const;  // YYYY-MM-DD

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace dateline
