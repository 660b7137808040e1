// Temporal expressions: finds "on Friday", "last month", "Jan. 10", "in 2019", "since the
// 1960s", "two days ago" ... in a sentence's tokens and resolves them against an anchor date
// (the publication date, or the dateline's date).
//
//   std::vector<TimeExpression> times = FindTimeExpressions(doc, sentence, anchor);
//   times[0].date      // 2022-01-07 for "on Friday" with anchor Monday 2022-01-10
//   times[0].precision // DatePrecision::kDay
//
// Weekdays resolve to the most recent such day on or before the anchor (news reports the past),
// or to the next one when `future` is set. Years for month-day dates are inferred as the
// year that puts the date nearest to the anchor.
#pragma once

#include <cstdint>
#include <vector>

#include "core/date.h"
#include "core/document.h"

namespace dateline {

struct TimeExpression {
  uint32_t token_begin = 0;  // token range in Document::tokens
  uint32_t token_end = 0;
  Date date;                 // first day of the period
  DatePrecision precision = DatePrecision::kDay;
};

// Finds the time expressions of one sentence, in text order.
std::vector<TimeExpression> FindTimeExpressions(const Document& doc, const Sentence& sentence, const Date& anchor,
                                                bool future = false);

// Month number for "jan", "jan.", "january", "sept." ...; 0 when the word names no month.
int MonthFromWord(std::string_view folded_word);
// ISO weekday (1 = Monday) for "monday" ... "sunday"; 0 when none.
int WeekdayFromWord(std::string_view folded_word);

// The year that puts month/day nearest to the anchor (a date up to 7 days after it is kept).
Date InferYear(int month, int day, const Date& anchor);

}  // namespace dateline
