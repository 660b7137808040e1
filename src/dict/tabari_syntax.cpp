#include "dict/tabari_syntax.h"

#include <algorithm>
#include <cstdio>

#include "core/utf8.h"

namespace dateline::tabari {

bool LineCursor::Next(std::string_view* line, uint32_t* number) {
  if (pos_ >= bytes_.size()) return false;
  size_t end = pos_;
  while (end < bytes_.size() && bytes_[end] != '\n' && bytes_[end] != '\r') ++end;
  *line = bytes_.substr(pos_, end - pos_);
  *number = ++number_;
  if (end < bytes_.size() && bytes_[end] == '\r' && end + 1 < bytes_.size() && bytes_[end + 1] == '\n') ++end;
  pos_ = end + 1;
  return true;
}

void ProblemLog::Add(uint32_t line, std::string_view message) {
  std::string p = file_;
  p += ':';
  p += std::to_string(line);
  p += ": ";
  p += message;
  out_->push_back(std::move(p));
}

namespace {

std::string Hex(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Quote(std::string_view s) {
  std::string q = "'";
  q += s;
  q += "'";
  return q;
}

}  // namespace

std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\x98' || s[i + 2] == '\x99')) {
      out += '\'';
      i += 2;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// One unit of a phrase or pattern between separators (blanks, '_', '-', and in patterns '{' '|' '}').
struct Piece {
  std::string_view text;
  bool blank_before = false;      // whitespace since the previous piece
  bool underscore_after = false;  // an '_' (or '-') directly after it
  bool leading_underscore = false;  // written "_WORD" after a blank
  bool tilde = false;             // written "WORD~": stem, and the next piece follows immediately
  bool equals = false;            // written "WORD=": exact, no regular endings
  bool brace = false;             // '{', '|' or '}'
};

void Lex(std::string_view text, bool split_braces, std::vector<Piece>* out) {
  size_t start = 0;
  bool saw_blank = false;
  bool pending_underscore = false;
  auto push = [&](std::string_view t, bool brace) {
    Piece p;
    p.text = t;
    p.brace = brace;
    p.blank_before = saw_blank;
    p.leading_underscore = pending_underscore;
    if (!brace) {
      while (!p.text.empty() && (p.text.back() == '~' || p.text.back() == '=')) {
        (p.text.back() == '~' ? p.tilde : p.equals) = true;
        p.text.remove_suffix(1);
      }
    }
    out->push_back(p);
    saw_blank = false;
    pending_underscore = false;
  };
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    const bool brace = split_braces && (c == '{' || c == '|' || c == '}');
    if (!IsBlank(c) && c != '_' && c != '-' && !brace) continue;
    if (i > start) push(text.substr(start, i - start), false);
    if (IsBlank(c)) {
      saw_blank = true;
    } else if (c == '_' || c == '-') {
      if (!out->empty() && !saw_blank && !pending_underscore) {
        out->back().underscore_after = true;
      } else {
        pending_underscore = true;
      }
    } else {
      push(text.substr(i, 1), true);
    }
    start = i + 1;
  }
}

// Whether piece k is joined to piece k-1.
bool Joined(const std::vector<Piece>& pieces, size_t k) {
  if (k == 0) return false;
  const Piece& prev = pieces[k - 1];
  const Piece& cur = pieces[k];
  return (prev.underscore_after && !cur.blank_before) || prev.tilde || cur.leading_underscore;
}

bool MakeWord(const Piece& p, bool joined, Word* w, std::string* error) {
  if (p.text.empty()) {
    *error = "expected a word before '~' or '='";
    return false;
  }
  w->text = Fold(p.text);
  w->exact = (p.underscore_after && !p.tilde) || p.equals;
  w->no_endings = p.equals;
  w->consecutive = joined;
  return true;
}

bool IsPatternSymbol(std::string_view t) {
  return t == "*" || t == "$" || t == "+" || t == "%" || t == "^" || t == "@";
}

}  // namespace

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

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

bool CheckLineBytes(std::string_view* line, std::string* scratch, std::string* warning, std::string* error) {
  warning->clear();
  for (char c : *line) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7F) {
      *error = "control character " + Hex(u) + " in the line: expected printable text";
      return false;
    }
  }
  const std::string_view s = *line;
  size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  if (i == s.size()) return true;
  scratch->clear();
  scratch->append(s.substr(0, i));
  int bad = 0;
  unsigned char first_bad = 0;
  while (i < s.size()) {
    const size_t n = utf8::SequenceLength(s, i);
    if (n == 0) {
      if (bad++ == 0) first_bad = static_cast<unsigned char>(s[i]);
      utf8::AppendUtf8(*scratch, U'\uFFFD');
      ++i;
    } else {
      scratch->append(s.substr(i, n));
      i += n;
    }
  }
  if (bad == 0) return true;
  *line = *scratch;
  *warning = "invalid UTF-8 (byte " + Hex(first_bad) + (bad > 1 ? " and " + std::to_string(bad - 1) + " more" : "") +
             ") replaced with U+FFFD";
  return true;
}

Commented SplitComment(std::string_view line) {
  const size_t semi = line.find(';');
  if (semi == std::string_view::npos) return {line, {}};
  return {line.substr(0, semi), Trim(line.substr(semi + 1))};
}

bool SplitCodes(std::string_view body, CodedText* out, std::string* error) {
  out->codes.clear();
  const size_t lb = body.find('[');
  out->phrase = Trim(body.substr(0, lb == std::string_view::npos ? body.size() : lb));
  if (out->phrase.find(']') != std::string_view::npos) {
    *error = out->phrase.find('{') != std::string_view::npos ? "missing '[' before ']' (a { A | B } set ends with '}')"
                                                              : "missing '[' before ']'";
    return false;
  }
  if (lb == std::string_view::npos) return true;
  size_t pos = lb;
  while (pos < body.size()) {
    if (body[pos] != '[') {
      *error = "expected another [code] or a ';' comment after the code, found " + Quote(Trim(body.substr(pos)));
      return false;
    }
    const size_t rb = body.find(']', pos + 1);
    const size_t next_lb = body.find('[', pos + 1);
    if (rb == std::string_view::npos || (next_lb != std::string_view::npos && next_lb < rb)) {
      *error = "missing ']' after " + Quote(Trim(body.substr(pos)));
      return false;
    }
    out->codes.push_back(body.substr(pos + 1, rb - pos - 1));
    pos = rb + 1;
    while (pos < body.size() && IsBlank(body[pos])) ++pos;
  }
  return true;
}

std::optional<Date> ParseDate(std::string_view digits) {
  if (digits.size() != 6 && digits.size() != 8) return std::nullopt;
  for (char c : digits)
    if (!IsDigit(c)) return std::nullopt;
  auto num = [&](size_t pos, size_t n) {
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) v = v * 10 + (digits[i] - '0');
    return v;
  };
  int y, m, d;
  if (digits.size() == 6) {
    y = num(0, 2);
    y += y <= 30 ? 2000 : 1900;  // manual 6.5.2: years 00-30 are 2000-2030
    m = num(2, 2);
    d = num(4, 2);
  } else {
    y = num(0, 4);
    m = num(4, 2);
    d = num(6, 2);
  }
  // TABARI checks only that the day is 1-31: a day past the end of its month ("100631", common in
  // the production CountryInfo dictionary) is taken as the month's last day.
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  d = std::min(d, Date::DaysInMonth(y, m));
  if (!Date::IsValid(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

bool ParseActorCode(std::string_view inner, DatedCode* out, std::string* error) {
  std::string_view s = Trim(inner);
  *out = DatedCode{};
  if (s.empty()) {
    *error = "no code in []";
    return false;
  }
  std::string_view rest;
  if (s.front() == '-') {  // the null code, "---" or "- - -"
    size_t j = 0;
    int dashes = 0;
    while (j < s.size() && dashes < 3 && (s[j] == '-' || IsBlank(s[j]))) dashes += s[j++] == '-';
    if (dashes != 3 || (j < s.size() && s[j] == '-')) {
      *error = "expected a code or the null code '---' in [" + std::string(s) + "]";
      return false;
    }
    rest = s.substr(j);
  } else {
    size_t j = 0;
    while (j < s.size() && !IsBlank(s[j]) && s[j] != '<' && s[j] != '>') ++j;
    const std::string_view code = s.substr(0, j);
    rest = s.substr(j);
    if (code.empty() || IsDigit(code.front())) {
      bool date_like = code.empty();
      for (char c : code) date_like = date_like || c == '-';
      if (date_like || code.size() >= 6) {
        *error = "expected a code before the date restriction in [" + std::string(s) + "]";
        return false;
      }
    }
    if (code != "###" && code != "+++") {
      bool ok = code.front() != '/' && code.back() != '/';
      for (size_t k = 0; k < code.size() && ok; ++k)
        ok = IsAsciiAlnum(code[k]) || (code[k] == '/' && code[k + 1] != '/');
      if (!ok) {
        *error = "code " + Quote(code) + " may contain only letters, digits and '/' between codes";
        return false;
      }
    }
    out->code = std::string(code);
  }
  std::string r;
  for (char c : rest)
    if (!IsBlank(c)) r += c;
  if (r.empty()) return true;
  const std::string expected = "expected a date restriction <YYMMDD, >YYMMDD or YYMMDD-YYMMDD after the code, found " +
                               Quote(Trim(rest));
  if (r[0] == '<' || r[0] == '>') {
    const std::optional<Date> d = ParseDate(std::string_view(r).substr(1));
    if (!d) {
      *error = expected;
      return false;
    }
    (r[0] == '<' ? out->to : out->from) = d;
    return true;
  }
  const size_t dash = r.find('-');
  if (dash == std::string::npos) {
    *error = expected;
    return false;
  }
  out->from = ParseDate(std::string_view(r).substr(0, dash));
  out->to = ParseDate(std::string_view(r).substr(dash + 1));
  if (!out->from || !out->to) {
    *error = expected;
    return false;
  }
  return true;  // a range that ends before it begins is kept: TABARI does not check, it never applies
}

bool ParseVerbCode(std::string_view inner, CodeContext context, std::string* code, std::string* error) {
  const std::string_view s = Trim(inner);
  std::string compact;
  for (char c : s)
    if (!IsBlank(c)) compact += c;
  code->clear();
  if (compact.empty()) {
    *error = "no code in []";
    return false;
  }
  if (compact == "---") return true;
  if (compact == "###" || compact == "+++") {
    *code = compact;
    return true;
  }
  if (compact.size() != s.size()) {
    *error = "unexpected blank inside the code [" + std::string(s) + "]";
    return false;
  }
  bool ok = true;
  if (context == CodeContext::kTime) {
    size_t k = (compact[0] == '+' || compact[0] == '-') ? 1 : 0;
    ok = k < compact.size();
    for (; k < compact.size() && ok; ++k) ok = IsDigit(compact[k]);
    if (!ok) {
      *error = "expected a number of days (\"-7\", \"+30\") or ---, ###, +++ as a time-shift code, found [" +
               compact + "]";
      return false;
    }
  } else {
    for (char c : compact) ok = ok && (IsAsciiAlnum(c) || c == ':' || c == '!' || c == '?');
    if (!ok) {
      *error = "code [" + compact + "] may contain only letters, digits and ':' '!' '?'";
      return false;
    }
  }
  *code = compact;
  return true;
}

bool ParseAgentCode(std::string_view inner, std::string* code, bool* prefix, std::string* error) {
  const std::string_view s = Trim(inner);
  code->clear();
  *prefix = false;
  if (s.empty()) {
    *error = "no code in []";
    return false;
  }
  std::string compact;
  for (char c : s)
    if (!IsBlank(c)) compact += c;
  if (compact == "---") return true;
  const bool front = s.front() == '~', back = s.back() == '~';
  if (front == back) {
    *error = front ? "agent code [" + std::string(s) + "] has '~' at both ends; expected [~CODE] or [CODE~]"
                   : "missing '~' in agent code [" + std::string(s) + "]: expected [~CODE] or [CODE~]";
    return false;
  }
  const std::string_view c = Trim(front ? s.substr(1) : s.substr(0, s.size() - 1));
  bool ok = !c.empty();
  for (char ch : c) ok = ok && IsAsciiAlnum(ch);
  if (!ok) {
    *error = "agent code [" + std::string(s) + "] may contain only letters and digits besides the '~'";
    return false;
  }
  *code = std::string(c);
  *prefix = back;
  return true;
}

bool ParsePhrase(std::string_view text, PhraseKind kind, std::vector<Word>* words, std::string* error) {
  words->clear();
  std::vector<Piece> pieces;
  Lex(text, false, &pieces);
  if (pieces.empty()) {
    *error = "missing phrase";
    return false;
  }
  for (size_t k = 0; k < pieces.size(); ++k) {
    const Piece& p = pieces[k];
    Word w;
    if (!MakeWord(p, k == 0 || Joined(pieces, k), &w, error)) return false;
    if (kind == PhraseKind::kSynset) {
      if (p.text.front() == '&' && p.text.size() == 1) {
        *error = "expected a synset name after '&'";
        return false;
      }
      if (p.text == "*" || p.text == "%" || p.text == "^" || p.text == "@") {
        *error = "a synset member may use only the tokens $ and +, found " + Quote(p.text);
        return false;
      }
    }
    words->push_back(std::move(w));
  }
  return true;
}

bool ParsePattern(std::string_view text, std::vector<PatternToken>* tokens, std::string* error) {
  tokens->clear();
  std::vector<Piece> pieces;
  Lex(text, true, &pieces);
  if (pieces.empty()) {
    *error = "empty pattern: expected words and the verb marker '*'";
    return false;
  }
  int verbs = 0;
  bool in_set = false;
  PatternToken set;
  std::vector<Word> alternative;
  for (size_t k = 0; k < pieces.size(); ++k) {
    const Piece& p = pieces[k];
    const bool joined = Joined(pieces, k);
    if (p.brace) {
      const char b = p.text[0];
      if (b == '{') {
        if (in_set) {
          *error = "'{' inside a {...} set: sets cannot nest";
          return false;
        }
        in_set = true;
        set = PatternToken{};
        set.kind = PatternToken::kWord;
        set.consecutive = joined;
        alternative.clear();
        continue;
      }
      if (!in_set) {
        *error = std::string("'") + b + "' outside a { A | B } set";
        return false;
      }
      if (alternative.empty()) {
        *error = "empty alternative in a { A | B } set";
        return false;
      }
      set.alternatives.push_back(std::move(alternative));
      alternative.clear();
      if (b == '}') {
        in_set = false;
        if (p.underscore_after && !p.tilde)  // "{ WAS | IS }_HERE" == "{ WAS_HERE | IS_HERE }"
          for (std::vector<Word>& alt : set.alternatives) alt.back().exact = true;
        tokens->push_back(std::move(set));
      }
      continue;
    }
    if (p.text.empty()) {
      *error = "expected a word before '~' or '='";
      return false;
    }
    if (p.text.find('*') != std::string_view::npos && p.text != "*") {
      *error = "the verb marker '*' must stand alone or be joined with '_', found " + Quote(p.text);
      return false;
    }
    if (p.text == "@") {
      *error = "the attribution token '@' is not supported";
      return false;
    }
    if (in_set) {
      if (IsPatternSymbol(p.text)) {
        *error = "a { A | B } set may contain only words and synsets, found " + Quote(p.text);
        return false;
      }
      if (p.text.front() == '&' && p.text.size() == 1) {
        *error = "expected a synset name after '&'";
        return false;
      }
      Word w;
      if (!MakeWord(p, alternative.empty() || joined, &w, error)) return false;
      alternative.push_back(std::move(w));
      continue;
    }
    PatternToken t;
    t.consecutive = joined;
    if (p.text == "*") {
      t.kind = PatternToken::kVerb;
      ++verbs;
    } else if (p.text == "$") {
      t.kind = PatternToken::kSource;
    } else if (p.text == "+") {
      t.kind = PatternToken::kTarget;
    } else if (p.text == "%") {
      t.kind = PatternToken::kCompound;
    } else if (p.text == "^") {
      t.kind = PatternToken::kSkip;
    } else if (p.text.front() == '&') {
      if (p.text.size() == 1) {
        *error = "expected a synset name after '&'";
        return false;
      }
      t.kind = PatternToken::kSynset;
      t.synset = Fold(p.text.substr(1));
    } else {
      t.kind = PatternToken::kWord;
      if (!MakeWord(p, joined, &t.word, error)) return false;
    }
    tokens->push_back(std::move(t));
  }
  if (in_set) {
    *error = "missing '}' to close a { A | B } set";
    return false;
  }
  if (verbs == 0) {
    *error = "missing the verb marker '*' in the pattern";
    return false;
  }
  if (verbs > 1) {
    *error = "more than one verb marker '*' in the pattern";
    return false;
  }
  return true;
}

void CollectSynsetNames(const std::vector<Word>& words, std::vector<std::string>* names) {
  for (const Word& w : words)
    if (w.text.size() > 1 && w.text[0] == '&') names->push_back(w.text.substr(1));
}

void CollectSynsetNames(const std::vector<PatternToken>& tokens, std::vector<std::string>* names) {
  for (const PatternToken& t : tokens) {
    if (t.kind == PatternToken::kSynset) names->push_back(t.synset);
    for (const std::vector<Word>& alt : t.alternatives) CollectSynsetNames(alt, names);
  }
}

}  // namespace dateline::tabari
