#include "dict/petrarch_text.h"

#include <algorithm>
#include <functional>

#include "core/utf8.h"
#include "dict/petrarch_reader.h"

namespace dateline::petrarch_internal {

FileContext::FileContext(std::string name, DictionarySource* src)
    : name_(std::move(name)), src_(src), file_(src->AddFile(name_)) {}

FileContext::~FileContext() {
  if (dropped_ > 0)
    src_->problems.push_back(name_ + ": " + std::to_string(dropped_) + " more problems not listed (at most " +
                             std::to_string(kMaxPetrarchProblems) + " are listed per file)");
}

void FileContext::Problem(uint32_t line, std::string_view what) {
  if (reported_ >= kMaxPetrarchProblems) {
    ++dropped_;
    return;
  }
  ++reported_;
  std::string m = name_;
  if (line > 0) {
    m.push_back(':');
    m.append(std::to_string(line));
  }
  m += ": ";
  m += what;
  src_->problems.push_back(std::move(m));
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// Valid UTF-8 without control characters other than tab.
static bool CleanText(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
      ++i;
      continue;
    }
    const size_t n = utf8::SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

namespace {

// Calls fn(number, raw, text, comment) for each line that has text once its comments are removed;
// `text` (trailing blanks trimmed) and `comment` (untrimmed, after '#' or ';') view `raw`, or
// for a line that a "<!-- -->" comment splits, a buffer reused from line to line. Returns the
// number of the line where a "<!--" that is never closed began, or 0.
template <typename Fn>
uint32_t ScanLines(std::string_view bytes, Fn&& fn) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  bool in_xml = false;
  uint32_t xml_start = 0;
  uint32_t number = 0;
  size_t pos = 0;
  std::string spliced;
  while (pos < bytes.size()) {
    const size_t nl = bytes.find('\n', pos);
    std::string_view raw = bytes.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? bytes.size() : nl + 1;
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);

    // The common line has no XML comment: its text is one piece of raw, viewed as it is.
    std::string_view text, comment;
    bool pieces = false;  // text was assembled in `spliced`
    size_t i = 0;
    while (i < raw.size()) {
      if (in_xml) {
        const size_t end = raw.find("-->", i);
        if (end == std::string_view::npos) break;
        in_xml = false;
        i = end + 3;
        continue;
      }
      const size_t open = raw.find("<!--", i);
      const size_t hash = raw.find_first_of("#;", i);
      std::string_view piece;
      bool last = true;
      if (hash != std::string_view::npos && (open == std::string_view::npos || hash < open)) {
        piece = raw.substr(i, hash - i);
        comment = raw.substr(hash + 1);
      } else if (open != std::string_view::npos) {
        piece = raw.substr(i, open - i);
        in_xml = true;
        xml_start = number;
        i = open + 4;
        last = false;
      } else {
        piece = raw.substr(i);
      }
      if (!pieces && text.empty() && last) {
        text = piece;
      } else {
        if (!pieces) spliced.assign(text);
        pieces = true;
        spliced.append(piece);
        text = spliced;
      }
      if (last) break;
    }
    while (!text.empty() && IsBlank(text.back())) text.remove_suffix(1);
    if (Trim(text).empty()) continue;  // blank, or only a comment: no meaning
    fn(number, raw, text, comment);
  }
  return in_xml ? xml_start : 0;
}

std::vector<DictLine> SplitLines(std::string_view bytes, FileContext* ctx) {
  std::vector<DictLine> out;
  out.reserve(static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1);
  const uint32_t unclosed = ScanLines(bytes, [&](uint32_t number, std::string_view raw, std::string_view text,
                                                 std::string_view comment) {
    DictLine line;
    line.number = number;
    line.raw = raw;
    line.text.assign(text);
    line.comment.assign(Trim(comment));
    if (!CleanText(line.text)) {
      if (ctx) ctx->Problem(number, "the line is not valid UTF-8 text or holds control characters; expected UTF-8 text (line skipped)");
      line.invalid = true;
    }
    if (!CleanText(line.comment)) line.comment.clear();
    out.push_back(std::move(line));
  });
  if (unclosed && ctx)
    ctx->Problem(unclosed, "'<!--' is never closed; expected '-->' (the rest of the file was read as a comment)");
  return out;
}

}  // namespace

void ForEachLineText(std::string_view bytes, const std::function<void(std::string_view)>& fn) {
  ScanLines(bytes, [&](uint32_t, std::string_view, std::string_view text, std::string_view) { fn(text); });
}

std::vector<DictLine> ReadLines(std::string_view bytes, FileContext& ctx) { return SplitLines(bytes, &ctx); }
std::vector<DictLine> ReadLinesQuietly(std::string_view bytes) { return SplitLines(bytes, nullptr); }

std::string FoldWord(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\x98' || s[i + 2] == '\x99')) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool ParseWords(std::string_view s, bool blank_is_gap, std::string_view forbidden, std::vector<Word>* out,
                std::string* error, std::vector<size_t>* marked) {
  out->clear();
  bool gap = false, join = false;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (IsBlank(c)) {
      gap = true;
      ++i;
      continue;
    }
    if (c == '_') {
      // "A_B": B follows A at once. "A_ B" or a final "A_": A is an exact word.
      const bool ends = i + 1 >= s.size() || IsBlank(s[i + 1]);
      if (ends) {
        if (!out->empty() && !gap && !join) out->back().exact = true;
      } else {
        join = true;
      }
      ++i;
      continue;
    }
    if (marked && c == '+') {
      marked->push_back(out->size());
      ++i;
      if (i >= s.size() || IsBlank(s[i]) || s[i] == '_') {
        *error = "a '+' with no word after it in " + Quote(s) + "; expected '+' right before the verb";
        return false;
      }
    }
    const size_t start = i;
    while (i < s.size() && !IsBlank(s[i]) && s[i] != '_') {
      if (forbidden.find(s[i]) != std::string_view::npos) {
        *error = "unexpected '" + std::string(1, s[i]) + "' in the phrase " + Quote(s) + "; expected words joined by blanks or '_'";
        return false;
      }
      ++i;
    }
    std::string_view text = s.substr(start, i - start);
    Word w;
    if (text.size() > 1 && text.back() == '=') {
      w.no_endings = true;
      text.remove_suffix(1);
    }
    w.text = FoldWord(text);
    w.consecutive = out->empty() || join || !gap || !blank_is_gap;
    out->push_back(std::move(w));
    gap = join = false;
  }
  if (out->empty()) {
    *error = "no words in the phrase " + Quote(s) + "; expected at least one word";
    return false;
  }
  return true;
}

std::optional<std::string> ParseCode(std::string_view inside) {
  inside = Trim(inside);
  if (inside.empty()) return std::nullopt;
  for (char c : inside)
    if (IsBlank(c)) return std::nullopt;
  if (inside == "---") return std::string();
  return std::string(inside);
}

std::optional<Date> ParseDictDate(std::string_view s) {
  if (s.size() != 6 && s.size() != 8) return std::nullopt;
  for (char c : s)
    if (c < '0' || c > '9') return std::nullopt;
  auto num = [&](size_t pos, size_t n) {
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  int y, m, d;
  if (s.size() == 8) {
    y = num(0, 4), m = num(4, 2), d = num(6, 2);
  } else {
    y = num(0, 2), m = num(2, 2), d = num(4, 2);
    y += y <= 30 ? 2000 : 1900;
  }
  if (!Date::IsValid(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

std::string Quote(std::string_view s) {
  constexpr size_t kMax = 60;
  std::string out = "'";
  size_t n = 0;
  for (char c : s) {
    if (n++ >= kMax) {
      out += "...";
      break;
    }
    out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  }
  out += "'";
  return out;
}

bool RefuseDialect(DictionaryDialect dialect, FileContext& ctx, const char* reader) {
  if (dialect == DictionaryDialect::kPetrarch1 || dialect == DictionaryDialect::kPetrarch2) return false;
  ctx.Problem(0, std::string("the ") + reader + " reader reads PETRARCH-1 and PETRARCH-2 files; expected one of them, not a " +
                     (dialect == DictionaryDialect::kTabari ? "TABARI" : "dateline") +
                     " file (use that dialect's reader; nothing was read)");
  return true;
}

}  // namespace dateline::petrarch_internal
