// Cleaner::Run: lines -> cues -> headline -> byline -> dateline -> trailing signature -> paragraphs.
#include "clean/clean.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <span>

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
  // Measured when a step first asks, then kept (most lines are asked about, but one-sentence
  // articles only need a few of these facts): the line's words, [words_begin, words_end) in
  // ArticleCleaner's word list, and whether it reads as a sentence.
  bool words_known = false;
  uint32_t words_begin = 0, words_end = 0;
  uint32_t counted_up_to = 0, counted = 0;  // counted = min(words, counted_up_to), once counted
  enum class Shape : uint8_t { kUnknown, kSentence, kOther } shape = Shape::kUnknown;
  std::optional<Reason> removed;
  bool headline = false;
  std::vector<std::string> reporters, editors;  // names this line credits
};

// Work buffers of one ArticleCleaner, kept per thread so that a document's lines and words reuse
// the capacity of the previous document's: the cleaner runs once per article, and with
// one-sentence articles the allocations would otherwise cost more than the cleaning.
struct CleanScratch {
  std::vector<Line> lines;
  std::vector<size_t> nonblank;
  std::vector<std::string_view> words;
};

CleanScratch& ThreadScratch() {
  thread_local CleanScratch scratch;
  return scratch;
}

void SplitLines(std::string_view text, std::vector<Line>& lines) {
  lines.clear();
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
}

using Words = std::span<const std::string_view>;

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
bool HeadlineShaped(std::string_view line, Words words, int max_words) {
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
bool IsSignature(Words words) {
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
bool AnnouncesList(std::string_view line, size_t words) {
  if (words > 6) return false;
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

// One run of the cleaner over one document: the lines, what has been decided about them, and the
// steps of Cleaner::Run as methods.
class ArticleCleaner {
 public:
  ArticleCleaner(const CleanOptions& options, const CueMatcher& cues, const RE2& agency_tail, Document& doc,
                 CleanScratch& scratch)
      : options_(options), cues_(cues), agency_tail_(agency_tail), doc_(doc), lines_(scratch.lines),
        nonblank_(scratch.nonblank), words_(scratch.words) {
    SplitLines(doc.text(), lines_);
    nonblank_.clear();
    words_.clear();
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].span.empty()) continue;
      if (!nonblank_.empty() && i > nonblank_.back() + 1) blank_lines_ = true;
      nonblank_.push_back(i);
    }
  }

  void Run() {
    if (nonblank_.empty()) return;
    ApplyCues();
    RemoveLayoutLines();
    RemoveListsUnderHeadings();
    size_t pos = FindHeadline();
    ScanTopMatter(pos);
    FindDateline();
    ScanTail();
    Emit();
  }

 private:
  std::string_view View(size_t i) const { return doc_.view(lines_[i].span); }
  // The words of line i. The view is valid until the next WordsOf call.
  Words WordsOf(size_t i) {
    Line& line = lines_[i];
    if (!line.words_known) {
      line.words_begin = static_cast<uint32_t>(words_.size());
      clean_detail::AppendWords(View(i), &words_);
      line.words_end = static_cast<uint32_t>(words_.size());
      line.words_known = true;
    }
    return Words(words_.data() + line.words_begin, line.words_end - line.words_begin);
  }
  // min(number of words of line i, limit), without splitting a long line only to count it.
  size_t WordCount(size_t i, size_t limit) {
    Line& line = lines_[i];
    if (line.words_known) return std::min<size_t>(line.words_end - line.words_begin, limit);
    if (limit > line.counted_up_to) {
      line.counted = static_cast<uint32_t>(clean_detail::CountWords(View(i), limit));
      line.counted_up_to = static_cast<uint32_t>(std::min<size_t>(limit, UINT32_MAX));
    }
    return std::min<size_t>(line.counted, limit);
  }
  // Whether line i (not blank, so of one word at least) has more than n words.
  bool MoreWordsThan(size_t i, int n) {
    return n < 0 || WordCount(i, static_cast<size_t>(n) + 1) > static_cast<size_t>(n);
  }
  // ReadsAsSentence(View(i)).
  bool Sentence(size_t i) {
    Line& line = lines_[i];
    if (line.shape == Line::Shape::kUnknown)
      line.shape = ReadsAsSentence(View(i)) ? Line::Shape::kSentence : Line::Shape::kOther;
    return line.shape == Line::Shape::kSentence;
  }
  // IsSignature(WordsOf(i)), splitting only lines of a signature's length.
  bool SignatureLine(size_t i) {
    const size_t words = WordCount(i, 9);  // 9, not 7: ScanTopMatter asks for up to 9 next
    return words >= 2 && words <= 6 && IsSignature(WordsOf(i));
  }

  bool IsByline(size_t i, std::vector<std::string>* names) {
    std::string_view line = View(i);
    // A byline's names, then whether the line reads as a sentence (the cheaper test first).
    std::vector<std::string> found = ParseByline(line);
    if (found.empty() || Sentence(i)) return false;
    if (names) *names = std::move(found);
    return true;
  }

  // Strong cues remove a line; weak ones only a short line that does not read as a sentence.
  void ApplyCues() {
    for (size_t i : nonblank_) {
      std::string_view line = View(i);
      bool out_of_memory = false;
      const std::vector<const Cue*> matched = cues_.Match(line, &out_of_memory);
      if (out_of_memory) doc_.Warn(lines_[i].span.begin, "clean: cue patterns ran out of memory on this line; kept as text");
      for (const Cue* cue : matched) {
        std::optional<Credits> credits;
        if (cue->check == Check::kCredits) {
          credits = ParseCredits(line);
          if (!credits) continue;
        } else if (cue->check == Check::kCapitalizedNext) {
          const Words words = WordsOf(i);
          if (words.size() < 2 || !(StartsUpper(words[1]) || (words[1][0] >= '0' && words[1][0] <= '9'))) continue;
        }
        if (cue->strength == Strength::kWeak &&
            (Sentence(i) || MoreWordsThan(i, options_.max_cue_line_words)))
          continue;
        lines_[i].removed = cue->reason;
        if (credits) {
          lines_[i].reporters = std::move(credits->reporters);
          lines_[i].editors = std::move(credits->editors);
        }
        break;
      }
    }
  }

  // Lines without a letter or digit ("___", "* * *", "•") are layout.
  void RemoveLayoutLines() {
    for (size_t i : nonblank_) {
      if (lines_[i].removed) continue;
      std::string_view line = View(i);
      size_t p = 0;
      bool alnum = false;
      while (p < line.size() && !alnum) {
        char32_t c = clean_detail::NextCodePoint(line, &p);
        alnum = clean_detail::IsLetter(c) || (c >= '0' && c <= '9');
      }
      if (!alnum) lines_[i].removed = Reason::kMeta;
    }
  }

  // A heading of links ("Explore more on these topics", "Related:") takes the short lines listed
  // under it in the same block along. Only in text that separates paragraphs by blank lines:
  // elsewhere a block is the whole article.
  void RemoveListsUnderHeadings() {
    if (!blank_lines_) return;
    for (size_t k = 0; k + 1 < nonblank_.size(); ++k) {
      const size_t i = nonblank_[k], next = nonblank_[k + 1];
      if (lines_[i].removed != Reason::kRelated || next != i + 1 || lines_[next].removed) continue;
      if (!AnnouncesList(View(i), WordCount(i, 7))) continue;
      for (size_t j = next; j < lines_.size() && !lines_[j].span.empty(); ++j) {
        if (lines_[j].removed) continue;
        if (WordCount(j, 13) > 12 || Sentence(j)) break;
        lines_[j].removed = Reason::kRelated;
      }
    }
  }

  // The first line not removed is the headline when it has a headline's shape and place.
  // Returns the index into nonblank_ where the top matter starts.
  size_t FindHeadline() {
    size_t pos = 0;
    while (pos < nonblank_.size() && lines_[nonblank_[pos]].removed) ++pos;
    if (pos + 1 >= nonblank_.size()) return pos;  // a lone line is text, not a headline
    const size_t h = nonblank_[pos];
    const size_t next = nonblank_[pos + 1];
    std::string_view line = View(h);
    bool headline = false;
    if (ParseDateline(line)) {
      headline = false;
    } else if (!doc_.title.empty() && Trim(doc_.title) == line) {
      headline = true;
    } else if (HeadlineShaped(line, WordsOf(h), options_.max_headline_words)) {
      if (next > h + 1) {
        headline = true;  // a blank line follows
      } else if (IsByline(next, nullptr) || lines_[next].removed == Reason::kMeta || ParseDateline(View(next))) {
        headline = true;
      } else if (blank_lines_ && HeadlineShaped(View(next), WordsOf(next), options_.max_headline_words) &&
                 !Sentence(next) && (next + 1 >= lines_.size() || lines_[next + 1].span.empty())) {
        headline = true;  // a standfirst under the headline, then a blank line; it stays as text
        standfirst_ = next;
      } else if (!blank_lines_) {
        // Text without blank lines: a short unpunctuated line before a capitalised one.
        const Words words = WordsOf(h);
        char32_t last = LastMeaningful(line);
        size_t p = 0;
        char32_t first_next = clean_detail::NextCodePoint(View(next), &p);
        headline = words.size() <= 15 && last != '.' && last != '!' && last != '?' &&
                   !IsFunctionWord(AsciiLower(StripPunct(words.back()))) &&
                   (clean_detail::IsUpper(first_next) || first_next == U'“' || first_next == '"' ||
                    (first_next >= '0' && first_next <= '9'));
      }
    }
    if (!headline) return pos;
    lines_[h].headline = true;
    doc_.headline = lines_[h].span;
    return pos + 1;
  }

  // Top matter before the first body paragraph: bylines, besides the lines the cues removed.
  // Besides "By Jane Doe", broadcasters put the name alone on a line and the role or outlet under
  // it ("Jane Doe" / "BBC News"), or both on one line ("Pippa Crerar Political editor").
  void ScanTopMatter(size_t pos) {
    bool after_byline = false;
    auto byline = [&](size_t i, std::vector<std::string> names) {
      lines_[i].removed = Reason::kByline;
      lines_[i].reporters = std::move(names);
      after_byline = true;
    };
    for (; pos < nonblank_.size(); ++pos) {
      const size_t i = nonblank_[pos];
      if (lines_[i].removed || i == standfirst_) continue;
      std::string_view line = View(i);
      if (std::vector<std::string> names; IsByline(i, &names)) {
        byline(i, std::move(names));
        continue;
      }
      if (SignatureLine(i)) {
        if (std::string name = clean_detail::ParsePersonName(line); !name.empty()) {
          byline(i, {std::move(name)});
          continue;
        }
      }
      // A name with its role: a short line that is no sentence and has a role word.
      const size_t words = WordCount(i, 9);
      const size_t role_at =
          words <= 8 && !Sentence(i) ? clean_detail::FirstRoleWordOffset(line) : std::string_view::npos;
      if (role_at != std::string_view::npos) {
        if (std::string name = clean_detail::ParsePersonName(line.substr(0, role_at)); role_at > 0 && !name.empty()) {
          byline(i, {std::move(name)});
          continue;
        }
        if (after_byline && words <= 6) {
          byline(i, {});
          continue;
        }
      }
      first_body_ = i;
      return;
    }
  }

  void FindDateline() {
    if (!first_body_) return;
    std::optional<DatelineMatch> m = ParseDateline(View(*first_body_));
    if (!m) return;
    const uint32_t begin = lines_[*first_body_].span.begin;
    Dateline& d = doc_.dateline;
    d.span = {begin, begin + static_cast<uint32_t>(m->length)};
    d.place = std::move(m->place);
    d.agency = std::move(m->agency);
    if (m->month != 0)
      d.date = InferDatelineDate(m->month, m->day, m->year, doc_.publication_date, options_.dateline_max_days_after);
  }

  // Trailing matter after the last real paragraph: signatures, agency tails, bylines.
  void ScanTail() {
    if (!first_body_) return;
    int signatures = 0;
    for (size_t k = nonblank_.size(); k-- > 0;) {
      const size_t i = nonblank_[k];
      if (i <= *first_body_) return;
      if (lines_[i].removed) continue;
      std::string_view line = View(i);
      if (signatures < 2 &&
          (SignatureLine(i) || RE2::FullMatch(re2::StringPiece(line.data(), line.size()), agency_tail_))) {
        lines_[i].removed = Reason::kSignature;
        ++signatures;
        continue;
      }
      if (std::vector<std::string> names; IsByline(i, &names)) {
        lines_[i].removed = Reason::kByline;
        lines_[i].reporters = std::move(names);
        continue;
      }
      return;
    }
  }

  // Removed lines, names and paragraphs, in text order.
  void Emit() {
    std::optional<size_t> previous_kept;  // line index of the last line added to a paragraph
    for (size_t i : nonblank_) {
      Line& line = lines_[i];
      if (line.removed) {
        doc_.removed.push_back({line.span, ReasonName(*line.removed)});
        AddUnique(&doc_.reporters, line.reporters);
        AddUnique(&doc_.editors, line.editors);
        continue;
      }
      if (line.headline) continue;
      ByteSpan span = line.span;
      if (i == first_body_ && !doc_.dateline.span.empty()) {
        span.begin = doc_.dateline.span.end;
        size_t lead = 0;
        span.begin += static_cast<uint32_t>(Trim(doc_.view(span), &lead).empty() ? span.size() : lead);
      }
      if (span.empty()) continue;  // a dateline alone on its line
      bool join = false;
      if (previous_kept && *previous_kept + 1 == i && lines_[*previous_kept].block == line.block &&
          !doc_.paragraphs.empty()) {
        // Undo hard wrapping: the previous line stops mid-sentence.
        std::string_view prev = doc_.view(doc_.paragraphs.back());
        join = !EndsSentence(prev) &&
               (View(*previous_kept).size() >= 50 || clean_detail::StartsLower(doc_.view(span)));
      }
      if (join)
        doc_.paragraphs.back().end = span.end;
      else
        doc_.paragraphs.push_back(span);
      previous_kept = i;
    }
    if (doc_.paragraphs.empty())
      doc_.Warn(lines_[nonblank_.front()].span.begin, "clean: no article text left after cleaning");
  }

  const CleanOptions& options_;
  const CueMatcher& cues_;
  const RE2& agency_tail_;
  Document& doc_;
  std::vector<Line>& lines_;
  std::vector<size_t>& nonblank_;          // indices of the non-blank lines
  std::vector<std::string_view>& words_;   // the words of the non-blank lines, line after line
  bool blank_lines_ = false;           // some blank line separates two non-blank ones
  std::optional<size_t> standfirst_;   // a second headline line: kept as text, not the first body paragraph
  std::optional<size_t> first_body_;   // the first body paragraph's line, where a dateline may stand
};

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
  ArticleCleaner(impl.options, impl.cues, impl.agency_tail, doc, ThreadScratch()).Run();
  return Status::Ok();
}

}  // namespace dateline
