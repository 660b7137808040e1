// ParseDateline, InferDatelineDate, MonthFromName, PlaceTitleCase.
#include <re2/re2.h>

#include <array>
#include <cstdlib>

#include "clean/clean.h"
#include "clean/text_util.h"

namespace dateline {

using clean_detail::AllCaps;
using clean_detail::AsciiLower;
using clean_detail::Capitalize;
using clean_detail::NextCodePoint;
using clean_detail::IsLower;
using clean_detail::SplitWords;
using clean_detail::StripPunct;

int MonthFromName(std::string_view word) {
  std::string w = AsciiLower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (size_t i = 0; i < kFull.size(); ++i) {
    if (w == kFull[i] || (w.size() == 3 && kFull[i].substr(0, 3) == w)) return static_cast<int>(i + 1);
  }
  if (w == "sept") return 9;
  return 0;
}

std::optional<Date> InferDatelineDate(int month, int day, int year, std::optional<Date> publication,
                                      int max_days_after) {
  if (year != 0) {
    if (!Date::IsValid(year, month, day)) return std::nullopt;
    return Date{year, month, day};
  }
  if (!publication || !publication->valid()) return std::nullopt;
  const int64_t pub = publication->ToDays();
  std::optional<Date> best;
  int64_t best_distance = 0;
  for (int y = publication->year - 1; y <= publication->year + 1; ++y) {
    if (!Date::IsValid(y, month, day)) continue;
    Date d{y, month, day};
    int64_t diff = d.ToDays() - pub;
    if (diff > max_days_after) continue;
    int64_t distance = std::llabs(diff);
    if (!best || distance < best_distance) {
      best = d;
      best_distance = distance;
    }
  }
  return best;
}

namespace {

bool IsDottedAbbreviation(std::string_view w) {
  // "D.C.", "U.S.", "U.K.": single letters each followed by a dot.
  if (w.size() < 4) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    bool letter_pos = i % 2 == 0;
    char c = w[i];
    if (letter_pos ? !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) : c != '.') return false;
  }
  return w.size() % 2 == 0;
}

bool IsPlaceParticle(std::string_view lower) {
  static constexpr std::array<std::string_view, 17> kParticles = {
      "de", "del", "la", "le", "les", "es", "el", "du", "des", "da", "do", "of", "upon", "au", "aux", "sur", "on"};
  for (std::string_view p : kParticles)
    if (p == lower) return true;
  return false;
}

// Title-cases one all-caps segment: "N'DJAMENA" -> "N'Djamena".
std::string TitleSegment(std::string_view seg) {
  std::string out = Capitalize(seg);
  // Upper-case the letter after an apostrophe that follows a single leading letter.
  if (out.size() > 2 && out[1] == '\'' && out[2] >= 'a' && out[2] <= 'z') out[2] = static_cast<char>(out[2] - 32);
  return out;
}

}  // namespace

std::string PlaceTitleCase(std::string_view place) {
  std::string out;
  size_t word_index = 0;
  size_t pos = 0;
  while (pos <= place.size()) {
    size_t end = place.find(' ', pos);
    if (end == std::string_view::npos) end = place.size();
    std::string_view word = place.substr(pos, end - pos);
    if (!out.empty()) out += ' ';
    if (!AllCaps(word) || IsDottedAbbreviation(word)) {
      out += word;
    } else {
      size_t seg_pos = 0, seg_index = 0;
      while (seg_pos <= word.size()) {
        size_t seg_end = word.find('-', seg_pos);
        if (seg_end == std::string_view::npos) seg_end = word.size();
        std::string_view seg = word.substr(seg_pos, seg_end - seg_pos);
        if (seg_index > 0) out += '-';
        std::string lower = clean_detail::ToLower(seg);
        std::string_view bare = lower;
        if (!bare.empty() && bare.back() == ',') bare.remove_suffix(1);
        if ((word_index > 0 || seg_index > 0) && IsPlaceParticle(bare))
          out += lower;
        else
          out += TitleSegment(seg);
        ++seg_index;
        seg_pos = seg_end + 1;
      }
    }
    ++word_index;
    pos = end + 1;
  }
  return out;
}

namespace {

// A capitalised place word, then more words; particles such as "de" may join them.
constexpr std::string_view kPlace =
    R"([\p{Lu}][\p{L}\p{M}'’.\-]*(?:[ \t]+(?:[\p{Lu}][\p{L}\p{M}'’.\-]*|de|del|la|es|el|al|du|da|do|of|upon|au))*)";
constexpr std::string_view kMonth =
    R"((?i:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|jun(?:e|\.)?|jul(?:y|\.)?|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?))";
constexpr std::string_view kWeekday = R"((?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+))";
constexpr std::string_view kDash = R"((?:--|-|–|—|―))";

std::string DatePattern() {
  std::string m(kMonth);
  return "(?:" + std::string(kWeekday) + ")?(?:(" + m + R"()[ \t]+(\d{1,2})(?i:st|nd|rd|th)?|(\d{1,2})(?i:st|nd|rd|th)?[ \t]+()" +
         m + R"())(?:,?[ \t]+(\d{4}))?)";
}

struct DatelinePatterns {
  // Groups: 1 place, 2 region, 3 date, 4 month (M D), 5 day (M D), 6 day (D M), 7 month (D M),
  // 8 year, 9 agency in brackets, 10 agency in slashes (TASS: "MOSCOW, March 3. /TASS/."),
  // 11 dash or colon. Everything after the place is optional here; ParseDateline decides which
  // combinations make a dateline.
  RE2 with_dash;    // the head, then a dash or a colon
  RE2 with_agency;  // the head, then an agency that ends the dateline itself: "/TASS/.", "(PTI)"
  RE2 agency_only;  // 1 agency
  static std::string Head() {
    return "^(" + std::string(kPlace) + ")(?:,[ \t]*(" + std::string(kPlace) + "))?(?:,?[ \t]+(" + DatePattern() +
           "))?\\.?";
  }
  DatelinePatterns()
      : with_dash(Head() + R"((?:[ \t]*\(([^()]{1,40})\)|[ \t]*/([^/]{1,20})/\.?)?[ \t]*()" + std::string(kDash) +
                  R"(|:)(?:[ \t]+|$))"),
        with_agency(Head() + R"((?:[ \t]*\(([^()]{1,40})\)|[ \t]*/([^/]{1,20})/\.?)()[ \t]+)"),
        agency_only(R"(^\(([^()]{1,40})\)[ \t]*)" + std::string(kDash) + R"([ \t]+)") {}
};

const DatelinePatterns& Patterns() {
  static const DatelinePatterns* patterns = new DatelinePatterns();  // immutable after construction
  return *patterns;
}

bool IsWeekday(std::string_view w) {
  std::string lower = AsciiLower(w);
  for (std::string_view d : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    if (lower == d) return true;
  return false;
}

// Capitalised labels that open lines the way a place does: "BREAKING: ...", "UPDATE - ...".
bool IsLabel(std::string_view place) {
  std::string lower = AsciiLower(place);
  for (std::string_view l : {"breaking", "breaking news", "update", "updated", "exclusive", "watch", "analysis",
                             "opinion", "editorial", "live", "correction", "factbox", "explainer", "note", "warning",
                             "photos", "video", "report", "background", "summary", "comment", "review", "interview",
                             "editor's note", "urgent", "flash", "alert", "new", "read", "listen"})
    if (lower == l) return true;
  return false;
}

bool PlausibleAgency(std::string_view agency) {
  std::vector<std::string_view> words = SplitWords(agency);
  return !words.empty() && words.size() <= 4 && clean_detail::StartsUpper(words[0]);
}

// Rejects a place part that is really a sentence opening: too many words, or one that does not
// end in a capitalised word.
bool PlausiblePlace(std::string_view place, size_t max_words) {
  std::vector<std::string_view> words = SplitWords(place);
  return !words.empty() && words.size() <= max_words && clean_detail::StartsUpper(words.back());
}

std::string_view Group(const re2::StringPiece& g) {
  return g.data() ? std::string_view(g.data(), g.size()) : std::string_view();
}

// Whether `line` holds a character one of the dateline patterns needs: a dash or a colon
// (with_dash), a bracket or a slash (with_agency, agency_only). Most lines of article text have
// none, and this byte scan costs far less than asking RE2 for twelve groups.
bool MayHoldDateline(std::string_view line) {
  static constexpr std::array<bool, 256> kWanted = [] {
    std::array<bool, 256> wanted{};
    wanted['-'] = wanted[':'] = wanted['('] = wanted['/'] = wanted[0xE2] = true;
    return wanted;
  }();
  for (size_t i = 0; i < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (!kWanted[c]) continue;
    if (c != 0xE2) return true;
    if (i + 2 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0x80) {
      const unsigned char c2 = static_cast<unsigned char>(line[i + 2]);
      if (c2 >= 0x93 && c2 <= 0x95) return true;  // – — ―
    }
  }
  return false;
}

}  // namespace

std::optional<DatelineMatch> ParseDateline(std::string_view line) {
  if (!MayHoldDateline(line)) return std::nullopt;
  const DatelinePatterns& p = Patterns();
  if (!p.with_dash.ok() || !p.with_agency.ok() || !p.agency_only.ok()) return std::nullopt;
  re2::StringPiece input(line.data(), line.size());
  re2::StringPiece g[12];
  DatelineMatch m;
  if (p.with_dash.Match(input, 0, line.size(), RE2::ANCHOR_START, g, 12) ||
      p.with_agency.Match(input, 0, line.size(), RE2::ANCHOR_START, g, 12)) {
    std::string_view place = Group(g[1]);
    std::string_view region = Group(g[2]);
    std::string_view agency = Group(g[9]);
    std::string_view slash_agency = Group(g[10]);
    std::string_view dash = Group(g[11]);
    const bool has_date = g[3].data() != nullptr;
    const bool caps = AllCaps(place) && clean_detail::LetterCount(place) >= 2;
    const size_t place_words = SplitWords(place).size();
    if (!region.empty() && IsWeekday(region)) region = {};  // "BRUSSELS, Tuesday, June 3"
    if (!PlausiblePlace(place, 5) || IsLabel(place)) return std::nullopt;
    if (!region.empty() && !PlausiblePlace(region, 4)) return std::nullopt;
    if (!agency.empty() && !PlausibleAgency(agency)) return std::nullopt;
    if (!slash_agency.empty() && !PlausibleAgency(slash_agency)) return std::nullopt;
    if (MonthFromName(StripPunct(SplitWords(place)[0])) != 0 && place_words == 1 && !caps) return std::nullopt;

    // What ends the dateline: a dash; "/TASS/."; a date with a bracketed agency ("New Delhi,
    // Jan 10 (PTI) India ..."); or a colon after a capitalised place alone ("NEW DELHI: ...").
    bool ended = false;
    if (dash == ":") {
      ended = caps && region.empty() && !has_date && agency.empty() && slash_agency.empty();
    } else if (!dash.empty()) {
      ended = caps || has_date || (!agency.empty() && place_words <= 3) ||
              (!region.empty() && place_words <= 3 && SplitWords(region).size() <= 3);
    } else {
      ended = !slash_agency.empty() || (has_date && !agency.empty());
    }
    if (!ended) return std::nullopt;

    m.length = g[0].size();
    m.place = PlaceTitleCase(place);
    if (!region.empty()) m.place += ", " + PlaceTitleCase(region);
    m.agency = std::string(clean_detail::Trim(agency.empty() ? slash_agency : agency));
    if (has_date) {
      std::string_view month = g[4].data() ? Group(g[4]) : Group(g[7]);
      std::string_view day = g[5].data() ? Group(g[5]) : Group(g[6]);
      m.month = MonthFromName(month);
      m.day = std::atoi(std::string(day).c_str());
      if (g[8].data()) m.year = std::atoi(std::string(Group(g[8])).c_str());
      if (m.month == 0 || m.day < 1 || m.day > 31) return std::nullopt;
    }
  } else if (p.agency_only.Match(input, 0, line.size(), RE2::ANCHOR_START, g, 2)) {
    std::string_view agency = Group(g[1]);
    if (!PlausibleAgency(agency)) return std::nullopt;
    m.length = g[0].size();
    m.agency = std::string(clean_detail::Trim(agency));
  } else {
    return std::nullopt;
  }
  // The article text after a dateline starts a sentence.
  if (m.length < line.size()) {
    size_t pos = m.length;
    char32_t c = NextCodePoint(line, &pos);
    if (IsLower(c) || c == '-' || c == ',' || c == '.') return std::nullopt;
  }
  return m;
}

}  // namespace dateline
