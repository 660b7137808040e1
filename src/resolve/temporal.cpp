#include "resolve/temporal.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>

namespace dateline {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                       "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int NumberWord(std::string_view w) {
  static constexpr std::array<std::string_view, 13> kWords = {"zero", "one", "two",   "three", "four",   "five", "six",
                                                              "seven", "eight", "nine", "ten", "eleven", "twelve"};
  for (size_t i = 0; i < kWords.size(); ++i)
    if (w == kWords[i]) return static_cast<int>(i);
  if (w == "a" || w == "an") return 1;
  if (w == "several" || w == "few") return 3;
  if (AllDigits(w) && w.size() <= 3) return std::atoi(std::string(w).c_str());
  return -1;
}

Date StartOfMonth(const Date& d) { return Date{d.year, d.month, 1}; }
Date AddMonths(const Date& d, int n) {
  int m = d.month - 1 + n;
  int y = d.year + (m >= 0 ? m / 12 : (m - 11) / 12);
  m = ((m % 12) + 12) % 12;
  return Date{y, m + 1, 1};
}
Date StartOfWeek(const Date& d) { return d.AddDays(-(d.weekday() - 1)); }

}  // namespace

int MonthFromWord(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  if (w.size() < 3) return 0;
  // Most words begin with no month's first letter: rule them out before comparing.
  if (std::none_of(kMonths.begin(), kMonths.end(), [&](std::string_view m) { return m[0] == w[0]; })) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (w == kMonths[i]) return static_cast<int>(i) + 1;
    // Abbreviations: "jan", "feb", "sept", "sep" — not "mar" alone ("mar" is a verb) unless dotted.
    if (w.size() >= 3 && w.size() < kMonths[i].size() && kMonths[i].substr(0, w.size()) == w && w != "mar" &&
        w != "jun" && w != "jul" && w != "ma")
      return static_cast<int>(i) + 1;
  }
  return 0;
}

int WeekdayFromWord(std::string_view w) {
  for (size_t i = 0; i < kWeekdays.size(); ++i)
    if (w == kWeekdays[i]) return static_cast<int>(i) + 1;
  return 0;
}

Date InferYear(int month, int day, const Date& anchor) {
  Date best;
  int64_t best_distance = INT64_MAX;
  for (int y = anchor.year - 1; y <= anchor.year + 1; ++y) {
    if (!Date::IsValid(y, month, day)) continue;
    const Date d{y, month, day};
    int64_t diff = d.ToDays() - anchor.ToDays();
    // A date well after publication is unlikely in news: weigh the future as further away.
    const int64_t distance = diff > 7 ? diff * 4 : (diff < 0 ? -diff : diff);
    if (distance < best_distance) {
      best_distance = distance;
      best = d;
    }
  }
  return best;
}

std::vector<TimeExpression> FindTimeExpressions(const Document& doc, const Sentence& sentence, const Date& anchor,
                                                bool future) {
  std::vector<TimeExpression> out;
  if (!anchor.valid()) return out;
  const uint32_t b = sentence.token_begin, e = sentence.token_end;
  auto word = [&](uint32_t i) -> std::string_view { return i < e ? doc.folded_view(doc.tokens[i].span) : std::string_view(); };
  auto emit = [&](uint32_t from, uint32_t to, Date d, DatePrecision p) {
    if (!d.valid()) return;
    out.push_back({from, to, d, p});
  };

  for (uint32_t i = b; i < e; ++i) {
    const std::string_view w = word(i);
    const std::string_view prev = i > b ? word(i - 1) : std::string_view();
    const std::string_view next = word(i + 1);

    // today / yesterday / tomorrow / tonight
    if (w == "today" || w == "tonight") { emit(i, i + 1, anchor, DatePrecision::kDay); continue; }
    if (w == "yesterday") { emit(i, i + 1, anchor.AddDays(-1), DatePrecision::kDay); continue; }
    if (w == "tomorrow") { emit(i, i + 1, anchor.AddDays(1), DatePrecision::kDay); continue; }

    // Weekdays: "on Friday", "Friday", "last Friday", "next Friday".
    if (int wd = WeekdayFromWord(w)) {
      const bool next_week = prev == "next" || prev == "coming";
      const bool want_future = next_week || future;
      int delta = wd - anchor.weekday();
      Date d;
      if (want_future) d = anchor.AddDays(delta > 0 ? delta : delta + 7);
      else d = anchor.AddDays(delta <= 0 ? delta : delta - 7);
      if (prev == "last" && d == anchor) d = anchor.AddDays(-7);
      emit(prev == "last" || next_week || prev == "on" ? i - 1 : i, i + 1, d, DatePrecision::kDay);
      continue;
    }

    // last/this/next week|month|year; earlier this month; "the past week"
    if (w == "week" || w == "month" || w == "year" || w == "weekend") {
      int offset = 99;
      uint32_t from = i;
      if (prev == "last" || prev == "past" || prev == "previous") offset = -1;
      else if (prev == "this" || prev == "current") offset = 0;
      else if (prev == "next" || prev == "coming") offset = 1;
      if (offset != 99) {
        from = i - 1;
        if (from > b && (word(from - 1) == "the" || word(from - 1) == "earlier" || word(from - 1) == "later")) --from;
        if (from > b && (word(from - 1) == "over" || word(from - 1) == "in" || word(from - 1) == "during")) --from;
        // "over the past week" describes the period up to now: it starts a week ago.
        const bool past_span = prev == "past";
        if (w == "week" || w == "weekend") {
          Date d = past_span ? anchor.AddDays(-7) : StartOfWeek(anchor).AddDays(7 * offset);
          emit(from, i + 1, d, DatePrecision::kWeek);
        } else if (w == "month") {
          Date d = past_span ? StartOfMonth(anchor.AddDays(-30)) : AddMonths(StartOfMonth(anchor), offset);
          emit(from, i + 1, d, DatePrecision::kMonth);
        } else {
          emit(from, i + 1, Date{anchor.year + (past_span ? -1 : offset), 1, 1}, DatePrecision::kYear);
        }
        continue;
      }
    }

    // "N days|weeks|months|years ago"
    if (next == "days" || next == "day" || next == "weeks" || next == "week" || next == "months" || next == "month" ||
        next == "years" || next == "year") {
      const int n = NumberWord(w);
      if (n >= 0 && word(i + 2) == "ago") {
        if (next.substr(0, 3) == "day") emit(i, i + 3, anchor.AddDays(-n), DatePrecision::kDay);
        else if (next.substr(0, 4) == "week") emit(i, i + 3, anchor.AddDays(-7 * n), DatePrecision::kWeek);
        else if (next.substr(0, 5) == "month") emit(i, i + 3, AddMonths(StartOfMonth(anchor), -n), DatePrecision::kMonth);
        else emit(i, i + 3, Date{anchor.year - n, 1, 1}, DatePrecision::kYear);
        i += 2;
        continue;
      }
    }

    // Month names: "Jan. 10", "January 10, 2022", "10 January 2022", "in March", "March 2021".
    if (int m = MonthFromWord(w)) {
      // "May" is also a modal verb: require a capital letter and a number or "in"/"since" before.
      const Token& tok = doc.tokens[i];
      if (!tok.has(Token::kCapitalized)) continue;
      if (w == "may" && !(AllDigits(next) || prev == "in" || prev == "since" || prev == "early" || prev == "late" ||
                          prev == "mid" || AllDigits(prev)))
        continue;
      uint32_t from = i, to = i + 1;
      int day = 0, year = 0;
      if (AllDigits(next) && next.size() <= 2) {
        day = std::atoi(std::string(next).c_str());
        to = i + 2;
        uint32_t k = to;
        if (word(k) == ",") ++k;
        if (AllDigits(word(k)) && word(k).size() == 4) { year = std::atoi(std::string(word(k)).c_str()); to = k + 1; }
      } else if (AllDigits(prev) && prev.size() <= 2) {
        day = std::atoi(std::string(prev).c_str());
        from = i - 1;
        if (AllDigits(next) && next.size() == 4) { year = std::atoi(std::string(next).c_str()); to = i + 2; }
      } else if (AllDigits(next) && next.size() == 4) {
        year = std::atoi(std::string(next).c_str());
        to = i + 2;
      }
      if (day > 0) {
        Date d = year ? Date{year, m, day} : InferYear(m, day, anchor);
        if (Date::IsValid(d.year, d.month, d.day)) emit(from, to, d, DatePrecision::kDay);
      } else {
        int y = year;
        if (!y) {
          y = anchor.year;
          if (m > anchor.month && !future) --y;  // "in March" written in January means last March
        }
        emit(from, to, Date{y, m, 1}, DatePrecision::kMonth);
      }
      i = to - 1;
      continue;
    }

    // Years: "in 2019", "since 2014", "the 1960s".
    if ((prev == "in" || prev == "since" || prev == "during" || prev == "by" || prev == "until" || prev == "of" ||
         prev == "the" || prev == "early" || prev == "late") &&
        w.size() >= 4 && w.size() <= 5) {
      std::string_view digits = w;
      const bool decade = w.size() == 5 && w.back() == 's';
      if (decade) digits.remove_suffix(1);
      if (AllDigits(digits) && digits.size() == 4) {
        const int y = std::atoi(std::string(digits).c_str());
        if (y >= 1800 && y <= anchor.year + 5 && (!decade || y % 10 == 0) && (decade || prev != "the"))
          emit(i - 1, i + 1, Date{y, 1, 1}, DatePrecision::kYear);
      }
    }
  }
  return out;
}

}  // namespace dateline
