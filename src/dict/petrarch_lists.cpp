// PETRARCH discard and issue lists.
#include "dict/petrarch_reader.h"
#include "dict/petrarch_text.h"

namespace dateline {

using petrarch_internal::DictLine;
using petrarch_internal::FileContext;
using petrarch_internal::IsBlank;
using petrarch_internal::ParseCode;
using petrarch_internal::ParseWords;
using petrarch_internal::Quote;
using petrarch_internal::ReadLines;
using petrarch_internal::Trim;

namespace {

constexpr std::string_view kListForbidden = "[]{}<>";

// Splits "PHRASE [CODE]" into the phrase and the code. *code stays empty without brackets.
// Returns false, with *error, on a malformed code or text after it.
bool SplitCode(std::string_view body, std::string_view* phrase, std::optional<std::string>* code, std::string* error) {
  const size_t open = body.find('[');
  *phrase = Trim(body.substr(0, open));
  code->reset();
  if (open == std::string_view::npos) return true;
  const size_t close = body.find(']', open);
  if (close == std::string_view::npos) {
    *error = "'[' is not closed in " + Quote(body.substr(open)) + "; expected ']'";
    return false;
  }
  if (!Trim(body.substr(close + 1)).empty()) {
    *error = "unexpected text " + Quote(Trim(body.substr(close + 1))) + " after the code; expected nothing";
    return false;
  }
  *code = ParseCode(body.substr(open + 1, close - open - 1));
  if (!*code) {
    *error = "the code [" + std::string(body.substr(open + 1, close - open - 1)) + "] is empty or holds a blank; expected [CODE]";
    return false;
  }
  return true;
}

// --- Issue expansions: "n:" (noun forms), "v:" (verb forms), "+" (blank and hyphen) ---

bool Vowel(char c) {
  c = static_cast<char>(c | 0x20);
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

std::string Lower(std::string_view s) { return petrarch_internal::FoldWord(s); }

// Regular plural / third person: city -> cities, day -> days, press -> presses, box -> boxes.
std::string SForm(std::string_view w) {
  const std::string l = Lower(w);
  if (l.size() >= 2 && l.back() == 'y' && !Vowel(l[l.size() - 2])) return std::string(w.substr(0, w.size() - 1)) + "ies";
  if (EndsWith(l, "s") || EndsWith(l, "x") || EndsWith(l, "z") || EndsWith(l, "ch") || EndsWith(l, "sh"))
    return std::string(w) + "es";
  return std::string(w) + "s";
}

std::string EdForm(std::string_view w) {
  const std::string l = Lower(w);
  if (EndsWith(l, "e")) return std::string(w) + "d";
  if (l.size() >= 2 && l.back() == 'y' && !Vowel(l[l.size() - 2])) return std::string(w.substr(0, w.size() - 1)) + "ied";
  return std::string(w) + "ed";
}

std::string IngForm(std::string_view w) {
  const std::string l = Lower(w);
  if (EndsWith(l, "ie")) return std::string(w.substr(0, w.size() - 2)) + "ying";
  if (l.size() >= 2 && l.back() == 'e' && !EndsWith(l, "ee") && !EndsWith(l, "ye") && !EndsWith(l, "oe"))
    return std::string(w.substr(0, w.size() - 1)) + "ing";
  return std::string(w) + "ing";
}

constexpr size_t kMaxIssueVariants = 1024;

// Every phrase a written issue phrase stands for.
bool ExpandIssue(std::string_view phrase, std::vector<std::string>* out, std::string* error) {
  out->assign(1, std::string());
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && IsBlank(phrase[i])) ++i;
    size_t j = i;
    while (j < phrase.size() && !IsBlank(phrase[j])) ++j;
    if (j == i) break;
    std::string chunk(phrase.substr(i, j - i));
    i = j;
    // "n:" / "v:" at the start of the chunk or of a '+' part apply to the chunk up to the blank.
    char morph = 0;
    std::string plain;
    for (size_t k = 0; k < chunk.size(); ++k) {
      const bool at_part = k == 0 || chunk[k - 1] == '+';
      if (at_part && k + 1 < chunk.size() && chunk[k + 1] == ':' && (chunk[k] == 'n' || chunk[k] == 'v' || chunk[k] == 'N' || chunk[k] == 'V')) {
        const char m = static_cast<char>(chunk[k] | 0x20);
        if (morph && morph != m) {
          *error = "both 'n:' and 'v:' in " + Quote(chunk) + "; expected one expansion per word";
          return false;
        }
        morph = m;
        ++k;
        continue;
      }
      plain.push_back(chunk[k]);
    }
    std::vector<std::string> forms{plain};
    if (morph == 'n') forms.push_back(SForm(plain));
    if (morph == 'v') {
      forms.push_back(SForm(plain));
      forms.push_back(EdForm(plain));
      forms.push_back(IngForm(plain));
    }
    std::vector<std::string> variants;
    for (const std::string& f : forms) {
      if (f.empty() || f.front() == '+' || f.back() == '+' || f.find("++") != std::string::npos) {
        *error = "a '+' in " + Quote(chunk) + " does not join two words; expected 'word+word'";
        return false;
      }
      std::vector<std::string> v{std::string()};
      for (char c : f) {
        if (c != '+') {
          for (std::string& s : v) s.push_back(c);
          continue;
        }
        std::vector<std::string> next;
        for (const std::string& s : v) {
          next.push_back(s + ' ');
          next.push_back(s + '-');
        }
        v = std::move(next);
        if (v.size() > kMaxIssueVariants) {
          *error = "the '+' expansions give more than " + std::to_string(kMaxIssueVariants) + " phrases; expected fewer";
          return false;
        }
      }
      variants.insert(variants.end(), v.begin(), v.end());
    }
    std::vector<std::string> next;
    for (const std::string& s : *out)
      for (const std::string& v : variants) {
        next.push_back(s.empty() ? v : s + ' ' + v);
        if (next.size() > kMaxIssueVariants) {
          *error = "the expansions give more than " + std::to_string(kMaxIssueVariants) + " phrases; expected fewer";
          return false;
        }
      }
    *out = std::move(next);
  }
  if (out->size() == 1 && (*out)[0].empty()) {
    *error = "no words in the phrase; expected 'phrase [CODE]'";
    return false;
  }
  return true;
}

// The value of NAME="..." in a tag, or "".
std::string Attribute(std::string_view tag, std::string_view name) {
  const std::string key = std::string(name) + "=\"";
  const size_t at = tag.find(key);
  if (at == std::string_view::npos) return {};
  const size_t start = at + key.size();
  const size_t end = tag.find('"', start);
  if (end == std::string_view::npos) return {};
  return std::string(tag.substr(start, end - start));
}

}  // namespace

void ReadPetrarchDiscards(std::string name, std::string_view bytes, DictionaryDialect dialect, DictionarySource* src,
                          PetrarchExtras* /*extras*/) {
  FileContext ctx(std::move(name), src);
  if (petrarch_internal::RefuseDialect(dialect, ctx, "PETRARCH discards")) return;
  for (const DictLine& line : ReadLines(bytes, ctx)) {
    if (line.invalid) continue;
    std::string_view body = Trim(line.text);
    DiscardRecord rec;
    rec.where = ctx.Place(line.number);
    if (body[0] == '+') {
      rec.whole_story = true;
      body = Trim(body.substr(1));
    }
    std::string_view phrase;
    std::optional<std::string> code;
    std::string error;
    if (!SplitCode(body, &phrase, &code, &error) || !ParseWords(phrase, false, kListForbidden, &rec.phrase, &error)) {
      ctx.Problem(line.number, error + " (discard skipped)");
      continue;
    }
    if (code) rec.code = *code;
    src->discards.push_back(std::move(rec));
  }
}

void ReadPetrarchIssues(std::string name, std::string_view bytes, DictionaryDialect dialect, DictionarySource* src,
                        PetrarchExtras* extras) {
  FileContext ctx(std::move(name), src);
  if (petrarch_internal::RefuseDialect(dialect, ctx, "PETRARCH issues")) return;
  std::optional<PetrarchIssueCategory> category;
  auto close_category = [&] {
    if (!category) return;
    category->end = src->issues.size();
    if (extras) extras->issue_categories.push_back(std::move(*category));
    category.reset();
  };
  for (const DictLine& line : ReadLines(bytes, ctx)) {
    if (line.invalid) continue;
    std::string_view body = Trim(line.text);
    if (body.rfind("</", 0) == 0) {
      if (!category)
        ctx.Problem(line.number, "a closing tag " + Quote(body) + " with no open category; expected '<ISSUE CATEGORY=\"...\">' before it");
      close_category();
      continue;
    }
    if (body[0] == '<') {
      if (body.rfind("<ISSUE", 0) != 0) {
        ctx.Problem(line.number, "an unknown tag " + Quote(body) + "; expected '<ISSUE CATEGORY=\"...\" TYPE=\"...\">' or '</ISSUE>'");
        continue;
      }
      if (category) {
        ctx.Problem(line.number, "a new category while " + Quote(category->name) + " is open; expected '</ISSUE>' first (closed here)");
        close_category();
      }
      PetrarchIssueCategory c;
      c.name = Attribute(body, "CATEGORY");
      c.type = Attribute(body, "TYPE");
      c.first = src->issues.size();
      c.where = ctx.Place(line.number);
      if (c.name.empty())
        ctx.Problem(line.number, "the category tag " + Quote(body) + " has no name; expected CATEGORY=\"NAME\"");
      category = std::move(c);
      continue;
    }
    int tildes = 0;
    while (tildes < 2 && !body.empty() && body[0] == '~') {
      ++tildes;
      body.remove_prefix(1);
    }
    std::string_view phrase;
    std::optional<std::string> code;
    std::string error;
    if (!SplitCode(body, &phrase, &code, &error)) {
      ctx.Problem(line.number, error + " (issue skipped)");
      continue;
    }
    IssueRecord rec;
    rec.where = ctx.Place(line.number);
    if (tildes > 0) {
      rec.null_code = true;
      rec.code = std::string(static_cast<size_t>(tildes), '~');
      if (code) ctx.Problem(line.number, "a '~' entry with a code [" + *code + "]; expected no code (code ignored)");
    } else if (code) {
      rec.code = *code;
    } else if (category && !category->name.empty()) {
      rec.code = category->name;
    } else {
      ctx.Problem(line.number, "no code for " + Quote(phrase) + " outside any category; expected 'phrase [CODE]' (issue skipped)");
      continue;
    }
    std::vector<std::string> phrases;
    if (!ExpandIssue(phrase, &phrases, &error)) {
      ctx.Problem(line.number, error + " (issue skipped)");
      continue;
    }
    std::vector<IssueRecord> made;
    for (const std::string& p : phrases) {
      IssueRecord r = rec;
      if (!ParseWords(p, false, kListForbidden, &r.phrase, &error)) break;
      made.push_back(std::move(r));
    }
    if (made.size() != phrases.size()) {
      ctx.Problem(line.number, error + " (issue skipped)");
      continue;
    }
    for (IssueRecord& r : made) src->issues.push_back(std::move(r));
  }
  if (category) {
    ctx.Problem(category->where.line, "the category " + Quote(category->name) + " is never closed; expected '</ISSUE>'");
    close_category();
  }
}

}  // namespace dateline
