// ParseCredits and ParseByline: people's names out of credit lines and bylines.
#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "clean/clean.h"
#include "clean/names.h"
#include "clean/text_util.h"

namespace dateline {

using clean_detail::AllCaps;
using clean_detail::AsciiLower;
using clean_detail::AsciiLowerInto;
using clean_detail::ForEachWord;
using clean_detail::SplitWords;
using clean_detail::StartsLower;
using clean_detail::StartsUpper;
using clean_detail::StripPunct;
using clean_detail::Trim;

namespace {

bool OneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Lower-case words that may sit inside a name: "Ursula von der Leyen", "Ahmed bin Salman".
bool IsNameParticle(std::string_view lower) {
  return OneOf(lower, {"de", "del", "della", "der", "den", "van", "von", "da", "dos", "du", "la", "le", "bin", "bint",
                       "ibn", "al", "el", "ter", "ten", "y", "e"});
}

// Words that show a byline part is a role or an organisation, not a person.
bool IsRoleWord(std::string_view lower) {
  return OneOf(lower, {"correspondent", "reporter", "reporters", "writer", "writers", "editor", "editors", "staff",
                       "news", "bureau", "chief", "press", "agency", "service", "desk", "team", "newsroom", "reuters",
                       "afp", "ap", "bbc", "cnn", "times", "post", "journal", "associated", "wire", "wires",
                       "international", "political", "diplomatic", "senior", "special", "contributor", "columnist",
                       "analyst", "updated", "published"});
}

// "in Kyiv", "at the United Nations", "from Moscow", "for Reuters": a name ends before these.
bool IsTrailingPreposition(std::string_view lower) { return OneOf(lower, {"in", "at", "from", "for", "with", "on"}); }

// An initial: one upper-case letter and a dot ("J."), or two ("J.R.").
bool IsInitial(std::string_view w) {
  if (w.size() < 2 || w.back() != '.') return false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    bool ok = (i % 2 == 0) ? (c >= 'A' && c <= 'Z') : c == '.';
    if (!ok) return false;
  }
  return true;
}

// "al-Masri", "el-Sisi", "bin-Salman": a particle joined to a capitalised name by a hyphen.
bool IsParticlePrefixed(std::string_view w) {
  size_t hyphen = w.find('-');
  if (hyphen == std::string_view::npos || hyphen + 1 >= w.size()) return false;
  return IsNameParticle(AsciiLower(w.substr(0, hyphen))) && StartsUpper(w.substr(hyphen + 1));
}

bool IsNameWord(std::string_view w) {
  if (!StartsUpper(w) || clean_detail::LetterCount(w) < 2) return false;
  size_t pos = 0;
  while (pos < w.size()) {
    char32_t c = clean_detail::NextCodePoint(w, &pos);
    if (!clean_detail::IsLetter(c) && c != '-' && c != '\'' && c != U'’' && c != '.') return false;
  }
  return true;
}

std::string NormalizeName(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ' ';
    if (AllCaps(w) && !IsInitial(w)) {
      // "JANE DOE-SMITH" -> "Jane Doe-Smith"
      std::string s = clean_detail::Capitalize(w);
      for (size_t i = 1; i < s.size(); ++i)
        if (s[i - 1] == '-' && s[i] >= 'a' && s[i] <= 'z') s[i] = static_cast<char>(s[i] - 32);
      out += s;
    } else {
      out += w;
    }
  }
  return out;
}

// Parses one name ("Yew Lun Tian", "Jane Doe in Kyiv"). Returns empty when `part` is not a
// person's name: fewer than two name words, more than five, a role word, or text after the name
// that does not start with a preposition.
std::string ParseName(std::string_view part) {
  std::vector<std::string_view> words = SplitWords(Trim(part));
  std::vector<std::string_view> name;
  size_t i = 0;
  bool date_follows = false;
  for (; i < words.size(); ++i) {
    std::string_view w = words[i];
    // Trailing punctuation of the last word is not part of the name ("Tian.", "Doe)").
    while (!w.empty() && (w.back() == ')' || w.back() == ',' || w.back() == ';' || w.back() == ':' ||
                          (w.back() == '.' && !IsInitial(w))))
      w.remove_suffix(1);
    std::string lower = AsciiLower(w);
    if (MonthFromName(w) != 0 && i + 1 < words.size() && words[i + 1][0] >= '0' && words[i + 1][0] <= '9') {
      date_follows = true;  // "Jane Doe March 5, 2025"
      break;
    }
    if (IsNameWord(w) || IsInitial(w) || IsParticlePrefixed(w)) {
      if (IsRoleWord(lower)) return {};
      name.push_back(w);
    } else if (!name.empty() && IsNameParticle(lower) && i + 1 < words.size() &&
               (StartsUpper(words[i + 1]) || IsNameParticle(AsciiLower(words[i + 1])))) {
      name.push_back(w);
    } else {
      break;
    }
  }
  if (i < words.size() && !date_follows) {
    // What follows a name: "in Kyiv", "for Reuters", or a date ("March 5, 2025").
    std::string_view rest = words[i];
    bool ok = IsTrailingPreposition(AsciiLower(rest)) || (rest[0] >= '0' && rest[0] <= '9');
    if (!ok) return {};
  }
  size_t full_words = 0;  // words that are not initials or particles
  for (std::string_view w : name)
    if (!IsInitial(w) && StartsUpper(w)) ++full_words;
  if (full_words < 1 || name.size() < 2 || name.size() > 6) return {};
  if (!StartsUpper(name.back()) && !IsParticlePrefixed(name.back())) return {};
  return NormalizeName(name);
}

// Splits a list of names on "," ";" "&" and " and ".
std::vector<std::string_view> SplitNameList(std::string_view list) {
  std::vector<std::string_view> parts;
  size_t begin = 0;
  auto flush = [&](size_t end) {
    std::string_view p = Trim(list.substr(begin, end - begin));
    if (!p.empty()) parts.push_back(p);
  };
  for (size_t i = 0; i < list.size(); ++i) {
    char c = list[i];
    if (c == ',' || c == ';' || c == '&') {
      flush(i);
      begin = i + 1;
    } else if (c == ' ' && list.substr(i).starts_with(" and ")) {
      flush(i);
      begin = i + 5;
      i += 4;
    }
  }
  flush(list.size());
  // "and Jane Doe" after a comma: drop the conjunction.
  for (std::string_view& p : parts)
    if (p.starts_with("and ")) p.remove_prefix(4);
  return parts;
}

void AddUnique(std::vector<std::string>* out, std::string name) {
  if (!name.empty() && std::find(out->begin(), out->end(), name) == out->end()) out->push_back(std::move(name));
}

enum class Role { kReporter, kEditor, kOther };

Role RoleOf(std::string_view marker_lower) {
  if (marker_lower.find("edit") != std::string_view::npos) return Role::kEditor;
  if (marker_lower.find("report") != std::string_view::npos || marker_lower.find("writ") != std::string_view::npos ||
      marker_lower.find("compil") != std::string_view::npos || marker_lower.find("contribut") != std::string_view::npos)
    return Role::kReporter;
  return Role::kOther;
}

struct CreditPatterns {
  // A role marker: "Reporting by", "additional reporting by", "Editing by", "Contributing:".
  RE2 marker{R"((?i)\b((?:additional\s+)?(?:reporting|writing|editing|edited|written|compiled|reported|produced|research|researched|graphics|photos?|video)(?:\s+and\s+(?:reporting|writing|editing))?\s+by|contribut(?:ing|ors?)(?:\s+reporting|\s+writers?)?\s*:))"};
  // "<names> contributed reporting." / "<names> contributed to this report."
  RE2 contributed{
      R"((?i)^(.{2,160}?)\s+(?:also\s+)?contributed\s+(?:reporting|to\s+(?:this|the)\s+(?:report|story|article))\b[^.!?]{0,80}[.!?]?\)?$)"};
};

const CreditPatterns& Patterns() {
  static const CreditPatterns* patterns = new CreditPatterns();  // immutable after construction
  return *patterns;
}

// Line start without the decoration credit lines carry: dashes, brackets, spaces.
std::string_view StripDecoration(std::string_view line) {
  line = Trim(line);
  while (!line.empty()) {
    if (line.front() == '(' || line.front() == '[' || line.front() == '-' || line.front() == ' ') {
      line.remove_prefix(1);
    } else if (line.starts_with("–") || line.starts_with("—")) {
      line.remove_prefix(3);
    } else {
      break;
    }
  }
  while (!line.empty() && (line.back() == ')' || line.back() == ']' || line.back() == '.' || line.back() == ' '))
    line.remove_suffix(1);
  return line;
}

}  // namespace

namespace clean_detail {

std::string ParsePersonName(std::string_view part) { return ParseName(part); }

bool HasRoleWord(std::string_view line) { return FirstRoleWordOffset(line) != std::string_view::npos; }

size_t FirstRoleWordOffset(std::string_view line) {
  size_t offset = std::string_view::npos;
  ForEachWord(line, [&](std::string_view w) {
    // No role word is longer than 16 bytes, so a longer word needs no lower-casing to be ruled out.
    char buf[16];
    bool fits = false;
    const std::string_view lower = AsciiLowerInto(StripPunct(w), buf, sizeof buf, &fits);
    if (!fits || !IsRoleWord(lower)) return true;
    offset = static_cast<size_t>(w.data() - line.data());
    return false;
  });
  return offset;
}

}  // namespace clean_detail

std::optional<Credits> ParseCredits(std::string_view line) {
  const CreditPatterns& p = Patterns();
  std::string_view body = StripDecoration(line);
  Credits credits;
  re2::StringPiece m[2];
  if (p.marker.Match(re2::StringPiece(body.data(), body.size()), 0, body.size(), RE2::ANCHOR_START, m, 2)) {
    // Walk the markers left to right; the text between two markers lists the first one's names.
    std::string role_marker;
    bool first_segment = true;
    for (;;) {
      size_t marker_end = static_cast<size_t>(m[1].data() - body.data()) + m[1].size();
      role_marker = AsciiLower(std::string_view(m[1].data(), m[1].size()));
      size_t next_begin = body.size();
      bool more = p.marker.Match(re2::StringPiece(body.data(), body.size()), marker_end, body.size(), RE2::UNANCHORED,
                                 m, 2);
      if (more) next_begin = static_cast<size_t>(m[1].data() - body.data());
      std::string_view segment = body.substr(marker_end, next_begin - marker_end);
      Role role = RoleOf(role_marker);
      std::vector<std::string_view> parts = SplitNameList(segment);
      for (size_t i = 0; i < parts.size(); ++i) {
        std::string name = ParseName(parts[i]);
        if (name.empty()) {
          // "Reporting by state media showed ...", "Reporting by Al Jazeera and the BBC revealed ...":
          // a sentence, not credits. A part without a verb ("the Moscow bureau") is skipped.
          if ((first_segment && i == 0) || clean_detail::HasVerbLikeWord(parts[i])) return std::nullopt;
          continue;
        }
        if (role == Role::kReporter) AddUnique(&credits.reporters, std::move(name));
        else if (role == Role::kEditor) AddUnique(&credits.editors, std::move(name));
      }
      first_segment = false;
      if (!more) break;
    }
    return credits;
  }
  re2::StringPiece names;
  if (RE2::FullMatch(re2::StringPiece(body.data(), body.size()), p.contributed, &names) ||
      RE2::FullMatch(re2::StringPiece(Trim(line).data(), Trim(line).size()), p.contributed, &names)) {
    std::string_view list(names.data(), names.size());
    // "Associated Press writers Ken Moritsugu and Jane Doe contributed": names follow the role.
    std::string lower = AsciiLower(list);
    for (std::string_view role : {" writers ", " writer ", " reporters ", " reporter ", " correspondents ",
                                  " correspondent ", " journalists ", " journalist "}) {
      size_t at = lower.rfind(role);
      if (at != std::string::npos) {
        list = list.substr(at + role.size());
        break;
      }
    }
    if (AsciiLower(list).starts_with("the ")) {
      // "The Associated Press contributed to this report." - an organisation, no names.
      if (SplitWords(list).size() > 6) return std::nullopt;
      return credits;
    }
    for (std::string_view part : SplitNameList(list)) {
      std::string name = ParseName(part);
      if (name.empty()) return std::nullopt;  // all of the subject must be names
      AddUnique(&credits.reporters, std::move(name));
    }
    if (credits.reporters.empty()) return std::nullopt;
    return credits;
  }
  return std::nullopt;
}

std::vector<std::string> ParseByline(std::string_view line) {
  std::string_view body = Trim(line);
  if (body.size() < 4 || AsciiLower(body.substr(0, 3)) != "by ") return {};
  body.remove_prefix(3);
  body = Trim(body);
  if (!StartsUpper(body)) return {};
  if (SplitWords(body).size() > 14) return {};
  // Cut at separators after which come dates, outlets or roles: "|", "•", "·", " - ", " — ".
  for (std::string_view sep : {"|", "•", "·", " - ", " – ", " — ", " -- "}) {
    size_t at = body.find(sep);
    if (at != std::string_view::npos) body = body.substr(0, at);
  }
  std::vector<std::string> names;
  std::vector<std::string_view> parts = SplitNameList(body);
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string name = ParseName(parts[i]);
    if (name.empty()) {
      // The first part must be a person; later ones may be roles or outlets ("Reuters").
      if (i == 0) return {};
      continue;
    }
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace dateline
