// Cleaner::Run: lines -> cues -> headline -> byline -> dateline -> trailing signature -> paragraphs.
#include "clean/clean.h"

#include <re2/re2.h>

#include <algorithm>

#include "clean/cues.h"
#include "clean/names.h"
#include "clean/text_util.h"

namespace dateline {

using clean_detail::AsciiLower;
using clean_detail::Check;
using clean_detail::Cue;
using clean_detail::CueMatcher;
using clean_detail::PrevCodePoint;
using clean_detail::Reason;
using clean_detail::ReasonName;
using clean_detail::SplitWords;
using clean_detail::StartsUpper;
using clean_detail::Strength;
using clean_detail::StripPunct;
using clean_detail::Trim;

struct Cleaner::Impl {
  explicit Impl(CleanOptions o)
      : options(o),
        agency_tail(R"(^(?:(?:--|-|–|—)\s*\p{Lu}\S*(?:\s+\p{Lu}\S*){0,3}|\(\p{Lu}[^()]{0,30}\))$)") {}

  CleanOptions options;
  CueMatcher cues;
  RE2 agency_tail;  // "-- AP", "— Reuters", "(AFP)" on a line of its own
};

Cleaner::Cleaner(CleanOptions options) : impl_(std::make_unique<const Impl>(options)) {}
Cleaner::~Cleaner() = default;

namespace {

struct Line {
  ByteSpan span;       // trimmed; empty for a blank line
  uint32_t block = 0;  // lines of one block are separated by no blank line
  std::optional<Reason> removed;
  bool headline = false;
  std::vector<std::string> reporters, editors;  // names this line credits
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  uint32_t block = 0;
  bool previous_blank = true;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    size_t lead = 0;
    std::string_view trimmed = Trim(text.substr(pos, end - pos), &lead);
    Line line;
    line.span.begin = static_cast<uint32_t>(pos + lead);
    line.span.end = static_cast<uint32_t>(pos + lead + trimmed.size());
    if (!trimmed.empty()) {
      if (previous_blank) ++block;
      line.block = block;
    }
    previous_blank = trimmed.empty();
    lines.push_back(std::move(line));
    pos = end + 1;
  }
  return lines;
}

// Last code point after closing quotes and brackets are stripped.
char32_t LastMeaningful(std::string_view s) {
  size_t end = s.size();
  while (end > 0) {
    size_t start = 0;
    char32_t c = PrevCodePoint(s, end, &start);
    if (c != U'”' && c != '"' && c != U'’' && c != '\'' && c != ')' && c != ']' && c != U'»') return c;
    end = start;
  }
  return 0;
}

bool EndsSentence(std::string_view s) {
  size_t start = 0;
  if (s.empty()) return false;
  char32_t last = PrevCodePoint(s, s.size(), &start);
  if (last == U'”' || last == '"' || last == U'»') return true;
  char32_t c = LastMeaningful(s);
  return c == '.' || c == '!' || c == '?' || c == U'…';
}

// "J.", "U.S.", "D.C.": capital letters each followed by a dot.
bool IsLetterDots(std::string_view w) {
  if (w.size() < 2 || w.size() % 2 != 0) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (i % 2 == 0 ? !(w[i] >= 'A' && w[i] <= 'Z') : w[i] != '.') return false;
  return true;
}

// The headline's own shape: short, some letters, no final period/comma/colon/semicolon.
bool HeadlineShaped(std::string_view line, int max_words) {
  std::vector<std::string_view> words = SplitWords(line);
  if (words.empty() || static_cast<int>(words.size()) > max_words) return false;
  if (clean_detail::LetterCount(line) < 2) return false;
  char32_t last = LastMeaningful(line);
  if (last == '.') return IsLetterDots(words.back()) && words.back().size() >= 4;  // "... warns U.S."
  return last != ',' && last != ';' && last != ':' && last != U'…';
}

bool IsFunctionWord(std::string_view lower) {
  for (std::string_view w : {"a", "an", "the", "to", "of", "and", "or", "in", "on", "for", "with", "by", "at", "from"})
    if (w == lower) return true;
  return false;
}

// A name word of a signature: capitalised, letters with - ' ’ only.
bool IsSignatureWord(std::string_view w) {
  if (!StartsUpper(w) || clean_detail::LetterCount(w) < 2) return false;
  size_t pos = 0;
  while (pos < w.size()) {
    char32_t c = clean_detail::NextCodePoint(w, &pos);
    if (!clean_detail::IsLetter(c) && c != '-' && c != '\'' && c != U'’') return false;
  }
  return true;
}

// "Shirlene J. Manley", "Jane Doe", "Ahmed bin Salman": 2-4 capitalised name words, at most two
// initials, particles inside, nothing else, no final punctuation.
bool IsSignature(std::string_view line) {
  std::vector<std::string_view> words = SplitWords(line);
  if (words.size() < 2 || words.size() > 6) return false;
  int names = 0, initials = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (IsSignatureWord(w)) {
      ++names;
    } else if (IsLetterDots(w) && w.size() <= 4 && i + 1 < words.size()) {
      ++initials;
    } else if (i > 0 && i + 1 < words.size() &&
               (w == "de" || w == "van" || w == "von" || w == "der" || w == "bin" || w == "al" || w == "da" ||
                w == "la" || w == "le" || w == "del")) {
      continue;
    } else {
      return false;
    }
  }
  return names >= 2 && names <= 4 && initials <= 2;
}

// A related-content heading that introduces a list of links or topics.
bool AnnouncesList(std::string_view line) {
  if (SplitWords(line).size() > 6) return false;
  if (line.ends_with(":")) return true;
  std::string lower = AsciiLower(line);
  for (std::string_view w : {"topic", "related", "more", "read", "see also", "stories", "trending", "recommended"})
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

void AddUnique(std::vector<std::string>* out, const std::vector<std::string>& names) {
  for (const std::string& n : names)
    if (std::find(out->begin(), out->end(), n) == out->end()) out->push_back(n);
}

}  // namespace

Status Cleaner::Run(Document& doc) const {
  const Impl& impl = *impl_;
  if (!impl.cues.ok()) return Status(StatusCode::kInternal, impl.cues.error());
  if (!impl.agency_tail.ok()) return Status(StatusCode::kInternal, "clean: agency pattern: " + impl.agency_tail.error());

  doc.headline.reset();
  doc.dateline = Dateline{};
  doc.reporters.clear();
  doc.editors.clear();
  doc.removed.clear();
  doc.paragraphs.clear();

  const std::string_view text = doc.text();
  std::vector<Line> lines = SplitLines(text);
  std::vector<size_t> nonblank;
  bool any_blank_between = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].span.empty()) {
      if (!nonblank.empty() && i > nonblank.back() + 1) any_blank_between = true;
      nonblank.push_back(i);
    }
  }
  if (nonblank.empty()) return Status::Ok();
  auto view = [&](size_t i) { return doc.view(lines[i].span); };

  // 1. Cues, line by line.
  for (size_t i : nonblank) {
    std::string_view line = view(i);
    const int words = static_cast<int>(SplitWords(line).size());
    const bool sentence = ReadsAsSentence(line);
    for (const Cue* cue : impl.cues.Match(line)) {
      std::optional<Credits> credits;
      if (cue->check == Check::kCredits) {
        credits = ParseCredits(line);
        if (!credits) continue;
      } else if (cue->check == Check::kCapitalizedNext) {
        std::vector<std::string_view> w = SplitWords(line);
        if (w.size() < 2 || !(StartsUpper(w[1]) || (w[1][0] >= '0' && w[1][0] <= '9'))) continue;
      }
      if (cue->strength == Strength::kWeak && (sentence || words > impl.options.max_cue_line_words)) continue;
      lines[i].removed = cue->reason;
      if (credits) {
        lines[i].reporters = std::move(credits->reporters);
        lines[i].editors = std::move(credits->editors);
      }
      break;
    }
  }

  // Lines without a letter or digit ("___", "* * *", "•") are layout.
  for (size_t i : nonblank) {
    if (lines[i].removed) continue;
    std::string_view line = view(i);
    size_t p = 0;
    bool alnum = false;
    while (p < line.size() && !alnum) {
      char32_t c = clean_detail::NextCodePoint(line, &p);
      alnum = clean_detail::IsLetter(c) || (c >= '0' && c <= '9');
    }
    if (!alnum) lines[i].removed = Reason::kMeta;
  }

  // A heading of links ("Explore more on these topics", "Related:") takes the short lines listed
  // under it in the same block along.
  if (any_blank_between) {
    for (size_t k = 0; k + 1 < nonblank.size(); ++k) {
      const size_t i = nonblank[k], next = nonblank[k + 1];
      if (lines[i].removed != Reason::kRelated || next != i + 1 || lines[next].removed) continue;
      if (!AnnouncesList(view(i))) continue;
      for (size_t j = next; j < lines.size() && !lines[j].span.empty(); ++j) {
        std::string_view item = view(j);
        if (lines[j].removed) continue;
        if (SplitWords(item).size() > 12 || ReadsAsSentence(item)) break;
        lines[j].removed = Reason::kRelated;
      }
    }
  }

  auto is_byline = [&](size_t i, std::vector<std::string>* names) {
    std::string_view line = view(i);
    if (ReadsAsSentence(line)) return false;
    std::vector<std::string> found = ParseByline(line);
    if (found.empty()) return false;
    if (names) *names = std::move(found);
    return true;
  };

  // 2. Headline: the first line not removed, when it has a headline's shape and place.
  size_t pos = 0;  // index into nonblank
  std::optional<size_t> standfirst;  // a second headline line, kept as text but not the first body paragraph
  while (pos < nonblank.size() && lines[nonblank[pos]].removed) ++pos;
  if (pos + 1 < nonblank.size()) {
    const size_t h = nonblank[pos];
    std::string_view line = view(h);
    bool headline = false;
    if (!ParseDateline(line)) {
      if (!doc.title.empty() && Trim(doc.title) == line) {
        headline = true;
      } else if (HeadlineShaped(line, impl.options.max_headline_words)) {
        const size_t next = nonblank[pos + 1];
        if (next > h + 1) {
          headline = true;  // a blank line follows
        } else if (is_byline(next, nullptr) || lines[next].removed == Reason::kMeta || ParseDateline(view(next))) {
          headline = true;
        } else if (any_blank_between && HeadlineShaped(view(next), impl.options.max_headline_words) &&
                   !ReadsAsSentence(view(next)) && (next + 1 >= lines.size() || lines[next + 1].span.empty())) {
          headline = true;  // a standfirst under the headline, then a blank line; it stays as text
          standfirst = next;
        } else if (!any_blank_between) {
          // Text without blank lines: a short unpunctuated line before a capitalised one.
          std::vector<std::string_view> words = SplitWords(line);
          char32_t last = LastMeaningful(line);
          std::string_view next_line = view(next);
          size_t p = 0;
          char32_t first_next = clean_detail::NextCodePoint(next_line, &p);
          headline = words.size() <= 15 && last != '.' && last != '!' && last != '?' &&
                     !IsFunctionWord(AsciiLower(StripPunct(words.back()))) &&
                     (clean_detail::IsUpper(first_next) || first_next == U'“' || first_next == '"' ||
                      (first_next >= '0' && first_next <= '9'));
        }
      }
    }
    if (headline) {
      lines[h].headline = true;
      doc.headline = lines[h].span;
      ++pos;
    }
  }

  // 3. Top matter before the first body paragraph: bylines (and lines the cues removed).
  // Besides "By Jane Doe", broadcasters put the name alone on a line, then the role or outlet
  // ("Jane Doe" / "BBC News").
  std::optional<size_t> first_body;
  bool after_byline = false;
  for (; pos < nonblank.size(); ++pos) {
    const size_t i = nonblank[pos];
    if (lines[i].removed || i == standfirst) continue;
    std::string_view line = view(i);
    std::vector<std::string> names;
    if (is_byline(i, &names)) {
      lines[i].removed = Reason::kByline;
      lines[i].reporters = std::move(names);
      after_byline = true;
      continue;
    }
    if (IsSignature(line)) {
      if (std::string name = clean_detail::ParsePersonName(line); !name.empty()) {
        lines[i].removed = Reason::kByline;
        lines[i].reporters.push_back(std::move(name));
        after_byline = true;
        continue;
      }
    }
    const size_t role_at = clean_detail::FirstRoleWordOffset(line);
    if (role_at != std::string_view::npos && SplitWords(line).size() <= 8 && !ReadsAsSentence(line)) {
      if (role_at == 0 && after_byline) {  // "BBC News", "Political correspondent"
        lines[i].removed = Reason::kByline;
        continue;
      }
      // "Pippa Crerar Political editor"
      if (std::string name = clean_detail::ParsePersonName(line.substr(0, role_at)); role_at > 0 && !name.empty()) {
        lines[i].removed = Reason::kByline;
        lines[i].reporters.push_back(std::move(name));
        after_byline = true;
        continue;
      }
    }
    first_body = i;
    break;
  }

  // 4. Dateline at the start of the first body paragraph.
  uint32_t body_start_override = 0;  // where the first body paragraph starts after its dateline
  if (first_body) {
    const Line& line = lines[*first_body];
    if (std::optional<DatelineMatch> m = ParseDateline(view(*first_body))) {
      doc.dateline.span = {line.span.begin, line.span.begin + static_cast<uint32_t>(m->length)};
      doc.dateline.place = std::move(m->place);
      doc.dateline.agency = std::move(m->agency);
      if (m->month != 0)
        doc.dateline.date = InferDatelineDate(m->month, m->day, m->year, doc.publication_date,
                                              impl.options.dateline_max_days_after);
      body_start_override = doc.dateline.span.end;
    }
  }

  // 5. Trailing matter after the last real paragraph: signatures, agency tails, bylines.
  if (first_body) {
    int signatures = 0;
    for (size_t k = nonblank.size(); k-- > 0;) {
      const size_t i = nonblank[k];
      if (i <= *first_body) break;
      if (lines[i].removed) continue;
      std::string_view line = view(i);
      if (signatures < 2 && (IsSignature(line) || RE2::FullMatch(re2::StringPiece(line.data(), line.size()),
                                                                 impl.agency_tail))) {
        lines[i].removed = Reason::kSignature;
        ++signatures;
        continue;
      }
      std::vector<std::string> names;
      if (is_byline(i, &names)) {
        lines[i].removed = Reason::kByline;
        lines[i].reporters = std::move(names);
        continue;
      }
      break;
    }
  }

  // 6. Removed lines, names, paragraphs, in text order.
  std::optional<size_t> previous_kept;  // line index of the last line added to a paragraph
  for (size_t i : nonblank) {
    Line& line = lines[i];
    if (line.removed) {
      doc.removed.push_back({line.span, ReasonName(*line.removed)});
      AddUnique(&doc.reporters, line.reporters);
      AddUnique(&doc.editors, line.editors);
      continue;
    }
    if (line.headline) continue;
    ByteSpan span = line.span;
    if (first_body && i == *first_body && body_start_override > span.begin) span.begin = body_start_override;
    if (span.empty()) continue;  // a dateline alone on its line
    std::string_view para = doc.view(span);
    bool join = false;
    if (previous_kept && *previous_kept + 1 == i && lines[*previous_kept].block == line.block &&
        !doc.paragraphs.empty()) {
      std::string_view prev = doc.view(doc.paragraphs.back());
      std::string_view prev_line = view(*previous_kept);
      join = !EndsSentence(prev) && (prev_line.size() >= 50 || clean_detail::StartsLower(para));
    }
    if (join)
      doc.paragraphs.back().end = span.end;
    else
      doc.paragraphs.push_back(span);
    previous_kept = i;
  }

  if (doc.paragraphs.empty()) doc.Warn(lines[nonblank.front()].span.begin, "clean: no article text left after cleaning");
  return Status::Ok();
}

}  // namespace dateline
