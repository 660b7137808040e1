// PETRARCH actor and agent dictionaries.
#include <map>

#include "dict/petrarch_reader.h"
#include "dict/petrarch_text.h"

namespace dateline {

using petrarch_internal::DictLine;
using petrarch_internal::FileContext;
using petrarch_internal::IsBlank;
using petrarch_internal::ParseCode;
using petrarch_internal::ParseDictDate;
using petrarch_internal::ReadLines;
using petrarch_internal::ParseWords;
using petrarch_internal::Quote;
using petrarch_internal::Trim;

namespace {

// Parentheses are kept inside words: the Phoenix actors write many names as "NAME_(QUALIFIER)_".
// '<' and '>' are most often a broken comment ("<! -- ... -->").
constexpr std::string_view kActorForbidden = "[]{}<>";
constexpr std::string_view kAgentForbidden = "[]{}<>!~";

// "CODE", "CODE <date", "CODE >date", "CODE date-date" (blanks allowed around the marks).
bool ParseDatedCode(std::string_view inside, DatedCode* out, std::string* error) {
  inside = Trim(inside);
  size_t i = 0;
  while (i < inside.size() && !IsBlank(inside[i])) ++i;
  const std::string_view code_text = inside.substr(0, i);
  std::string restriction;
  for (char c : inside.substr(i))
    if (!IsBlank(c)) restriction.push_back(c);

  bool date_like = !code_text.empty();
  for (char c : code_text)
    if (!((c >= '0' && c <= '9') || c == '-' || c == '<' || c == '>')) date_like = false;
  if (code_text.empty() || code_text == "<" || code_text == ">" || (date_like && code_text != "---")) {
    *error = "no code before the date restriction in [" + std::string(inside) + "]; expected [CODE <date], [CODE >date] or [CODE date-date]";
    return false;
  }
  std::optional<std::string> code = ParseCode(code_text);
  if (!code) {
    *error = "an empty code []; expected [CODE] or [CODE restriction]";
    return false;
  }
  out->code = *code;
  out->from.reset();
  out->to.reset();
  if (restriction.empty()) return true;

  auto bad_date = [&](std::string_view d) {
    *error = "the date " + Quote(d) + " in [" + std::string(inside) +
             "] is not a date; expected YYYYMMDD or YYMMDD";
    return false;
  };
  if (restriction[0] == '<' || restriction[0] == '>') {
    const std::string_view d = std::string_view(restriction).substr(1);
    std::optional<Date> date = ParseDictDate(d);
    if (!date) return bad_date(d);
    (restriction[0] == '<' ? out->to : out->from) = date;
    return true;
  }
  const size_t dash = restriction.find('-');
  if (dash == std::string::npos) {
    *error = "the restriction " + Quote(restriction) + " in [" + std::string(inside) +
             "] is not one; expected <date, >date or date-date";
    return false;
  }
  const std::string_view a = std::string_view(restriction).substr(0, dash);
  const std::string_view b = std::string_view(restriction).substr(dash + 1);
  std::optional<Date> from = ParseDictDate(a), to = ParseDictDate(b);
  if (!from) return bad_date(a);
  if (!to) return bad_date(b);
  if (*to < *from) {
    *error = "the range in [" + std::string(inside) + "] ends (" + to->ToString() + ") before it starts (" +
             from->ToString() + "); expected an earlier date first";
    return false;
  }
  out->from = from;
  out->to = to;
  return true;
}

// Reads "[...] [...]" groups. Stops at the first error; codes read before it are kept in *out.
bool ParseCodeGroups(std::string_view s, std::vector<DatedCode>* out, std::string* error) {
  size_t i = 0;
  while (true) {
    while (i < s.size() && IsBlank(s[i])) ++i;
    if (i >= s.size()) return true;
    if (s[i] != '[') {
      *error = "unexpected text " + Quote(s.substr(i)) + " after the code; expected only [CODE] groups";
      return false;
    }
    const size_t close = s.find(']', i);
    if (close == std::string_view::npos) {
      *error = "'[' is not closed in " + Quote(s.substr(i)) + "; expected ']'";
      return false;
    }
    DatedCode code;
    if (!ParseDatedCode(s.substr(i + 1, close - i - 1), &code, error)) return false;
    out->push_back(std::move(code));
    i = close + 1;
  }
}

class ActorReader {
 public:
  ActorReader(FileContext& ctx, bool blank_is_gap) : ctx_(ctx), gap_(blank_is_gap) {}

  void Line(const DictLine& line) {
    const std::string_view body = Trim(line.text);
    const bool indented = IsBlank(line.text[0]);
    if (line.invalid) {
      if (!indented && body[0] != '+' && body[0] != '[') {  // a primary phrase: its record goes with it
        Flush();
        have_ = bad_ = true;
      }
      return;
    }
    if (body[0] == '+') {
      Synonym(line, body.substr(1));
    } else if (body[0] == '[') {
      if (!indented)
        ctx_.Problem(line.number, "a code line " + Quote(body) +
                                      " does not start with a tab; expected '\\t[CODE ...]' (read as the record's code line)");
      Codes(line, body);
    } else {
      Primary(line, body);
    }
  }

  void Finish() { Flush(); }

 private:
  void Flush() {
    if (have_ && !bad_) ctx_.src()->actors.push_back(std::move(cur_));
    cur_ = ActorRecord();
    have_ = bad_ = false;
    defaults_ = 0;
  }

  bool Phrase(const DictLine& line, std::string_view text, std::vector<Word>* words) {
    std::string error;
    if (ParseWords(text, gap_, kActorForbidden, words, &error)) return true;
    ctx_.Problem(line.number, error);
    return false;
  }

  void AddCodes(const DictLine& line, std::vector<DatedCode>& codes) {
    for (DatedCode& c : codes) {
      if (!c.from && !c.to && ++defaults_ == 2)
        ctx_.Problem(line.number, "a second code without dates in the record of " + Quote(Head()) +
                                      "; expected one default code (both kept, in order)");
      cur_.codes.push_back(std::move(c));
    }
  }

  std::string Head() const {
    std::string s;
    if (!cur_.phrases.empty())
      for (const Word& w : cur_.phrases[0]) s += (s.empty() ? "" : " ") + w.text;
    return s;
  }

  void NoteComment(const DictLine& line) {
    if (have_ && cur_.comment.empty() && !line.comment.empty()) cur_.comment = line.comment;
  }

  void Primary(const DictLine& line, std::string_view body) {
    Flush();
    have_ = true;
    cur_.where = ctx_.Place(line.number);
    const size_t open = body.find('[');
    std::vector<Word> words;
    if (!Phrase(line, body.substr(0, open), &words)) {
      bad_ = true;  // its synonyms and code lines go with it
      return;
    }
    cur_.phrases.push_back(std::move(words));
    NoteComment(line);
    if (open != std::string_view::npos) {
      std::vector<DatedCode> codes;
      std::string error;
      if (!ParseCodeGroups(body.substr(open), &codes, &error)) {
        ctx_.Problem(line.number, error + " (record skipped)");
        bad_ = true;
        return;
      }
      AddCodes(line, codes);
    }
  }

  void Synonym(const DictLine& line, std::string_view text) {
    if (!have_) {
      ctx_.Problem(line.number, "a synonym " + Quote(text) + " before any actor; expected a primary phrase first");
      return;
    }
    if (bad_) return;
    const size_t open = text.find('[');
    std::vector<Word> words;
    if (!Phrase(line, text.substr(0, open), &words)) return;
    std::vector<DatedCode> codes;
    std::string error;
    if (open != std::string_view::npos && !ParseCodeGroups(text.substr(open), &codes, &error)) {
      ctx_.Problem(line.number, error + " (synonym skipped)");
      return;
    }
    cur_.phrases.push_back(std::move(words));
    AddCodes(line, codes);
    NoteComment(line);
  }

  void Codes(const DictLine& line, std::string_view body) {
    if (!have_) {
      ctx_.Problem(line.number, "a code line " + Quote(body) + " before any actor; expected a primary phrase first");
      return;
    }
    if (bad_) return;
    std::vector<DatedCode> codes;
    std::string error;
    const bool ok = ParseCodeGroups(body, &codes, &error);
    AddCodes(line, codes);
    if (!ok) ctx_.Problem(line.number, error + " (the rest of the line skipped)");
    NoteComment(line);
  }

  FileContext& ctx_;
  bool gap_;
  ActorRecord cur_;
  bool have_ = false;  // cur_ holds a record
  bool bad_ = false;   // ... that is skipped, with its synonyms and code lines
  int defaults_ = 0;
};

// --- Agents ---

struct Substitution {
  std::vector<std::string> items;
};

class AgentReader {
 public:
  explicit AgentReader(FileContext& ctx) : ctx_(ctx) {}

  void Line(const DictLine& line) {
    if (line.invalid) return;
    const std::string_view body = Trim(line.text);
    const size_t eq = body.find('=');
    if (body[0] == '!' && eq != std::string_view::npos && body.find('[') == std::string_view::npos) {
      Define(line, body, eq);
      return;
    }
    Agent(line, body);
  }

 private:
  static constexpr size_t kMaxExpansions = 256;

  void Define(const DictLine& line, std::string_view body, size_t eq) {
    const std::string_view label = Trim(body.substr(0, eq));
    if (label.size() < 3 || label.back() != '!' || label.find('!', 1) != label.size() - 1) {
      ctx_.Problem(line.number, "the substitution label " + Quote(label) + " is malformed; expected '!NAME! = A, B, C'");
      return;
    }
    Substitution sub;
    std::string_view rest = body.substr(eq + 1);
    while (true) {
      const size_t comma = rest.find(',');
      std::string item;
      for (char c : rest.substr(0, comma))
        if (!IsBlank(c)) item.push_back(c);  // "spaces are stripped from the elements"
      if (item.empty()) {
        ctx_.Problem(line.number, "an empty element in the substitution set " + Quote(label) +
                                      "; expected '!NAME! = A, B, C' (set skipped)");
        return;
      }
      sub.items.push_back(std::move(item));
      if (comma == std::string_view::npos) break;
      rest = rest.substr(comma + 1);
    }
    const std::string name(label.substr(1, label.size() - 2));
    if (subs_.count(name))
      ctx_.Problem(line.number, "the substitution set " + Quote(label) + " is defined again; expected each set once (the new one is used)");
    subs_[name] = std::move(sub);
  }

  // Every text with each "!NAME!" replaced, one combination per element.
  bool Expand(const DictLine& line, const std::string& text, std::vector<std::string>* out) {
    out->assign(1, std::string());
    size_t i = 0;
    while (i < text.size()) {
      if (text[i] != '!') {
        for (std::string& s : *out) s.push_back(text[i]);
        ++i;
        continue;
      }
      const size_t close = text.find('!', i + 1);
      if (close == std::string::npos) {
        ctx_.Problem(line.number, "a lone '!' in " + Quote(text) + "; expected a substitution marker '!NAME!'");
        return false;
      }
      const std::string name = text.substr(i + 1, close - i - 1);
      auto it = subs_.find(name);
      if (it == subs_.end()) {
        ctx_.Problem(line.number, "the substitution marker !" + name + "! is not defined; expected '!" + name +
                                      "! = ...' earlier in the file (entry skipped)");
        return false;
      }
      std::vector<std::string> next;
      for (const std::string& s : *out)
        for (const std::string& item : it->second.items) next.push_back(s + item);
      if (next.size() > kMaxExpansions) {
        ctx_.Problem(line.number, "the substitution markers give more than " + std::to_string(kMaxExpansions) +
                                      " phrases; expected fewer markers (entry skipped)");
        return false;
      }
      *out = std::move(next);
      i = close + 1;
    }
    return true;
  }

  void Agent(const DictLine& line, std::string_view body) {
    const size_t open = body.find('[');
    if (open == std::string_view::npos) {
      ctx_.Problem(line.number, "no agent code in " + Quote(body) + "; expected 'PHRASE {PLURAL} [~CODE]' (entry skipped)");
      return;
    }
    const size_t close = body.find(']', open);
    if (close == std::string_view::npos) {
      ctx_.Problem(line.number, "'[' is not closed in " + Quote(body.substr(open)) + "; expected ']' (entry skipped)");
      return;
    }
    if (!Trim(body.substr(close + 1)).empty()) {
      ctx_.Problem(line.number, "unexpected text " + Quote(Trim(body.substr(close + 1))) +
                                    " after the agent code; expected nothing (entry skipped)");
      return;
    }
    AgentRecord rec;
    rec.where = ctx_.Place(line.number);
    const std::string_view code = Trim(body.substr(open + 1, close - open - 1));
    const bool lead = !code.empty() && code.front() == '~', trail = !code.empty() && code.back() == '~';
    if (code.find_first_not_of('~') == std::string_view::npos) {
      ctx_.Problem(line.number, "the agent code [" + std::string(code) + "] is empty; expected [~CODE] or [CODE~] (entry skipped)");
      return;
    }
    if (lead == trail) {
      ctx_.Problem(line.number, "the agent code [" + std::string(code) +
                                    "] has no '~' or two; expected [~CODE] or [CODE~] (entry skipped)");
      return;
    }
    std::optional<std::string> parsed = ParseCode(lead ? code.substr(1) : code.substr(0, code.size() - 1));
    if (!parsed || parsed->empty()) {
      ctx_.Problem(line.number, "the agent code [" + std::string(code) + "] is empty or holds a blank; expected [~CODE] (entry skipped)");
      return;
    }
    rec.code = *parsed;
    rec.prefix = trail;

    std::string_view head = body.substr(0, open);
    std::string plural_text;
    bool has_plural = false;
    const size_t brace = head.find('{');
    if (brace != std::string_view::npos) {
      const size_t end = head.find('}', brace);
      if (end == std::string_view::npos || !Trim(head.substr(end + 1)).empty()) {
        ctx_.Problem(line.number, "the plural in " + Quote(head) + " is malformed; expected 'PHRASE {PLURAL} [~CODE]' (entry skipped)");
        return;
      }
      has_plural = true;
      plural_text = std::string(Trim(head.substr(brace + 1, end - brace - 1)));
      head = head.substr(0, brace);
    }
    // One text for the phrase and its plural, so that a marker gets the same element in both.
    const std::string joined = std::string(head) + "\x01" + plural_text;
    std::vector<std::string> texts;
    if (!Expand(line, joined, &texts)) return;
    const bool substituted = texts.size() > 1 || joined.find('!') != std::string::npos;
    for (const std::string& t : texts) {
      const size_t sep = t.find('\x01');
      AgentRecord r = rec;
      std::string error;
      if (!ParseWords(std::string_view(t).substr(0, sep), true, kAgentForbidden, &r.phrase, &error)) {
        ctx_.Problem(line.number, error + " (entry skipped)");
        return;
      }
      const std::string_view plural = std::string_view(t).substr(sep + 1);
      if (has_plural && Trim(plural).empty()) r.no_plural = true;
      size_t i = 0;
      while (i < plural.size()) {
        while (i < plural.size() && IsBlank(plural[i])) ++i;
        size_t j = i;
        while (j < plural.size() && !IsBlank(plural[j])) ++j;
        if (j > i) {
          std::vector<Word> words;
          if (!ParseWords(plural.substr(i, j - i), true, kAgentForbidden, &words, &error)) {
            ctx_.Problem(line.number, error + " (entry skipped)");
            return;
          }
          r.plurals.push_back(std::move(words));
        }
        i = j;
      }
      if (substituted) r.no_plural = true;  // "with no additional plural formation"
      ctx_.src()->agents.push_back(std::move(r));
    }
  }

  FileContext& ctx_;
  std::map<std::string, Substitution> subs_;
};

}  // namespace

void ReadPetrarchActors(std::string name, std::string_view bytes, DictionaryDialect dialect, DictionarySource* src,
                        PetrarchExtras* /*extras*/) {
  FileContext ctx(std::move(name), src);
  if (petrarch_internal::RefuseDialect(dialect, ctx, "PETRARCH actors")) return;
  ActorReader reader(ctx, dialect == DictionaryDialect::kPetrarch1);
  for (const DictLine& line : ReadLines(bytes, ctx)) reader.Line(line);
  reader.Finish();
}

void ReadPetrarchAgents(std::string name, std::string_view bytes, DictionaryDialect dialect, DictionarySource* src,
                        PetrarchExtras* /*extras*/) {
  FileContext ctx(std::move(name), src);
  if (petrarch_internal::RefuseDialect(dialect, ctx, "PETRARCH agents")) return;
  AgentReader reader(ctx);
  for (const DictLine& line : ReadLines(bytes, ctx)) reader.Line(line);
}

}  // namespace dateline
