#include "dict/tabari_reader.h"

#include <fstream>
#include <sstream>
#include <unordered_set>
#include <utility>

#include "dict/tabari_syntax.h"

namespace dateline {
namespace {

using tabari::CheckLineBytes;
using tabari::CodedText;
using tabari::CodeContext;
using tabari::IsBlank;
using tabari::LineCursor;
using tabari::ParsePhrase;
using tabari::PhraseKind;
using tabari::ProblemLog;
using tabari::SplitCodes;
using tabari::SplitComment;
using tabari::Trim;
using tabari::Upper;

std::string Quote(std::string_view s) {
  std::string q = "'";
  q += s;
  q += "'";
  return q;
}

void AppendComment(std::string* to, std::string_view comment) {
  if (comment.empty()) return;
  if (!to->empty()) *to += "; ";
  *to += comment;
}

// "~FINISH", "~~FINISH 16:47 CDT ..." (manual 5.2: the internal end-of-file mark).
bool IsFinish(std::string_view line) {
  while (!line.empty() && line.front() == '~') line.remove_prefix(1);
  return Upper(line.substr(0, 6)) == "FINISH";
}

// Section tags of the dictionary files.
enum class Section : uint8_t { kNone, kNoun, kAdjective, kSynsets, kTime, kAttrib, kUnknown };

const char* SectionName(Section s) {
  switch (s) {
    case Section::kNoun: return "NOUN";
    case Section::kAdjective: return "ADJECTIVE";
    case Section::kSynsets: return "SYNSETS";
    case Section::kTime: return "TIME";
    case Section::kAttrib: return "ATTRIB";
    default: return "?";
  }
}

struct Tag {
  Section section = Section::kUnknown;
  bool closing = false;
  std::string name;  // as written, for messages
};

// "<NOUN>", "</ADJECTIVE>", "<SYNSETS>" ...; TABARI matches the start of the name ("</ADJ>").
Tag ParseTag(std::string_view line) {
  Tag t;
  std::string_view s = Trim(line);
  s.remove_prefix(1);  // '<'
  if (!s.empty() && s.front() == '/') {
    t.closing = true;
    s.remove_prefix(1);
  }
  size_t end = 0;
  while (end < s.size() && s[end] != '>' && !IsBlank(s[end])) ++end;
  t.name = std::string(s.substr(0, end));
  const std::string u = Upper(t.name);
  auto starts = [&](std::string_view p) { return u.compare(0, p.size(), p) == 0; };
  if (starts("NOUN")) t.section = Section::kNoun;
  else if (starts("ADJ")) t.section = Section::kAdjective;
  else if (starts("SYNSET")) t.section = Section::kSynsets;
  else if (starts("TIME")) t.section = Section::kTime;
  else if (starts("ATTRIB")) t.section = Section::kAttrib;
  return t;
}

// Opens and closes sections, reporting a tag that is unknown, does not belong in this kind of file
// (`allowed` false), or does not fit the sections already open.
void ApplyTag(const Tag& tag, bool allowed, uint32_t line, Section* current, uint32_t* opened_at,
              ProblemLog* log) {
  const std::string written = std::string(tag.closing ? "</" : "<") + tag.name + ">";
  if (tag.section == Section::kUnknown) {
    log->Add(line, "unknown section tag " + written + "; line skipped");
    return;
  }
  if (!allowed) {
    log->Add(line, "section tag " + written + " does not belong in this kind of file; line skipped");
    return;
  }
  if (tag.closing) {
    if (*current != tag.section) log->Add(line, written + " closes a section that is not open");
    else *current = Section::kNone;
    return;
  }
  if (*current != Section::kNone)
    log->Add(line, written + " opens a section while <" + SectionName(*current) + "> (line " +
                       std::to_string(*opened_at) + ") is still open; expected </" + SectionName(*current) + "> first");
  *current = tag.section;
  *opened_at = line;
}

// Reads the lines of a file, checking bytes; calls `handle(text, number)` for each usable line
// and reports unusable ones, telling `on_bad(raw, number)` so that the reader can skip the entry
// the line belongs to. Stops at ~FINISH.
template <typename Handle, typename OnBad>
void ForEachLine(std::string_view bytes, ProblemLog* log, Handle handle, OnBad on_bad) {
  LineCursor cursor(bytes);
  std::string_view raw;
  uint32_t n = 0;
  std::string scratch, warning, error;
  while (cursor.Next(&raw, &n)) {
    std::string_view line = raw;
    if (!CheckLineBytes(&line, &scratch, &warning, &error)) {
      log->Add(n, error + "; entry skipped");
      on_bad(raw, n);
      continue;
    }
    if (!warning.empty()) log->Add(n, warning);
    if (!line.empty() && line.front() == '~' && IsFinish(line)) return;
    handle(line, n);
  }
}

// A <NOUN> or <ADJECTIVE> entry: a phrase, no code (manual 5.3.2).
void ReadListEntry(std::string_view body, uint32_t n, Section section, DictionarySource* src, ProblemLog* log) {
  CodedText ct;
  std::string error;
  std::vector<Word> words;
  if (!SplitCodes(body, &ct, &error) || !ParsePhrase(ct.phrase, PhraseKind::kPlain, &words, &error)) {
    log->Add(n, error + "; entry skipped");
  } else if (!ct.codes.empty()) {
    log->Add(n, std::string("a <") + SectionName(section) + "> entry takes no code; entry skipped");
  } else {
    (section == Section::kNoun ? src->nouns : src->adjectives).push_back(std::move(words));
  }
}

// ---------------------------------------------------------------------------------------------
// .actors and .agents: entries of one or more phrases ("+" synonyms) sharing codes that may
// continue on indented lines.

enum class GroupFile : uint8_t { kActors, kAgents };

class GroupedReader {
 public:
  GroupedReader(GroupFile kind, std::string name, DictionarySource* src)
      : kind_(kind), src_(src), file_(src->AddFile(std::move(name))), log_(src->files[file_], &src->problems) {}

  void Run(std::string_view bytes) {
    uint32_t last = 0;
    ForEachLine(
        bytes, &log_,
        [&](std::string_view line, uint32_t n) {
          last = n;
          Line(line, n);
        },
        [&](std::string_view raw, uint32_t n) {
          last = n;
          // An unusable head line spoils its entry; an unusable continuation spoils the entry it
          // continues.
          if (!raw.empty() && (IsBlank(raw.front()) || raw.front() == '+')) {
            group_.bad = group_.open;
          } else if (!raw.empty() && raw.front() != '#' && raw.front() != '/') {
            Close();
            group_ = Group{};
            group_.open = group_.bad = true;
          }
        });
    Close();
    if (section_ != Section::kNone)
      log_.Add(last, std::string("missing </") + SectionName(section_) + "> for the section opened on line " +
                         std::to_string(section_line_));
    ReportInvertedRanges();
  }

 private:
  // Date ranges that end before they begin: TABARI takes them as written and they never apply (the
  // production CountryInfo file writes years before 1931 with two digits, which TABARI reads as
  // 20xx). One problem per file names the first and counts the rest.
  void ReportInvertedRanges() {
    if (inverted_lines_.empty()) return;
    std::string m = "date range " + first_inverted_ + " ends before it begins and never applies (kept as written)";
    if (inverted_lines_.size() > 1) {
      m += "; " + std::to_string(inverted_lines_.size() - 1) + " more in this file, on lines ";
      for (size_t i = 1; i < inverted_lines_.size() && i <= 10; ++i) {
        if (i > 1) m += ", ";
        m += std::to_string(inverted_lines_[i]);
      }
      if (inverted_lines_.size() > 11) m += ", ...";
    }
    log_.Add(inverted_lines_[0], m);
  }

  struct Group {
    bool open = false, bad = false;
    uint32_t line = 0;
    std::string head;  // the first phrase as written, for messages
    std::vector<std::vector<Word>> phrases;
    std::vector<DatedCode> codes;                             // actors
    std::vector<std::pair<std::string, bool>> agent_codes;   // agents: code, prefix
    std::string comment;
  };

  const char* What() const { return kind_ == GroupFile::kActors ? "actor" : "agent"; }

  void Line(std::string_view line, uint32_t n) {
    if (Trim(line).empty()) return;  // blank lines separate entries for readability only
    const char c = line.front();
    if (c == '#' || c == '/') return;
    if (c == '~') {
      log_.Add(n, "unexpected line starting with '~'; expected ~FINISH");
      return;
    }
    if (c == '<') {
      Close();
      const Tag tag = ParseTag(line);
      ApplyTag(tag, tag.section == Section::kNoun || tag.section == Section::kAdjective, n, &section_, &section_line_,
               &log_);
      return;
    }
    const tabari::Commented cl = SplitComment(line);
    if (section_ == Section::kNoun || section_ == Section::kAdjective) {
      ReadListEntry(cl.body, n, section_, src_, &log_);
      return;
    }
    if (IsBlank(c)) {
      Continuation(cl, n);
    } else if (c == '+') {
      Synonym(cl.body.substr(1), n);
    } else {
      Head(cl, n);
    }
  }

  void Head(const tabari::Commented& cl, uint32_t n) {
    Close();
    group_ = Group{};
    group_.open = true;
    group_.line = n;
    CodedText ct;
    std::string error;
    std::vector<Word> words;
    if (!SplitCodes(cl.body, &ct, &error) || !ParsePhrase(ct.phrase, PhraseKind::kPlain, &words, &error)) {
      log_.Add(n, error + "; entry skipped");
      group_.bad = true;
      return;
    }
    group_.head = std::string(ct.phrase);
    group_.phrases.push_back(std::move(words));
    AppendComment(&group_.comment, cl.comment);
    AddCodes(ct.codes, n);
  }

  void Synonym(std::string_view body, uint32_t n) {
    if (!group_.open) {
      log_.Add(n, std::string("synonym ") + Quote(Trim(body)) + " must follow the " + What() + " it is a synonym of");
      return;
    }
    if (group_.bad) return;
    CodedText ct;
    std::string error;
    std::vector<Word> words;
    if (!SplitCodes(body, &ct, &error) || !ParsePhrase(ct.phrase, PhraseKind::kPlain, &words, &error)) {
      log_.Add(n, error + "; synonym skipped");
      return;
    }
    if (!ct.codes.empty()) {
      log_.Add(n, "synonym +" + std::string(ct.phrase) + " carries its own code [" + std::string(Trim(ct.codes[0])) +
                      "]; a synonym shares the codes of " + Quote(group_.head) + " (line " +
                      std::to_string(group_.line) + "); synonym skipped");
      return;
    }
    group_.phrases.push_back(std::move(words));
  }

  // An indented line: one or more [code] blocks continuing the entry (manual 5.3.1).
  void Continuation(const tabari::Commented& cl, uint32_t n) {
    if (Trim(cl.body).empty()) return;  // an indented comment
    if (!group_.open) {
      log_.Add(n, std::string("an indented [code] line must follow the ") + What() + " it belongs to");
      return;
    }
    if (group_.bad) return;
    CodedText ct;
    std::string error;
    if (!SplitCodes(cl.body, &ct, &error)) {
      log_.Add(n, error + "; " + What() + " " + Quote(group_.head) + " skipped");
      group_.bad = true;
      return;
    }
    if (!ct.phrase.empty() || ct.codes.empty()) {
      log_.Add(n, "expected only [code] blocks on an indented line, found " + Quote(ct.phrase) + "; " + What() + " " +
                      Quote(group_.head) + " skipped");
      group_.bad = true;
      return;
    }
    AppendComment(&group_.comment, cl.comment);
    AddCodes(ct.codes, n);
  }

  void AddCodes(const std::vector<std::string_view>& codes, uint32_t n) {
    std::string error;
    for (std::string_view inner : codes) {
      if (kind_ == GroupFile::kActors) {
        DatedCode dc;
        if (!tabari::ParseActorCode(inner, &dc, &error)) {
          log_.Add(n, error + "; " + What() + " " + Quote(group_.head) + " skipped");
          group_.bad = true;
          return;
        }
        if (dc.from && dc.to && *dc.to < *dc.from) {
          if (inverted_lines_.empty())
            first_inverted_ = Quote(Trim(inner)) + " (" + dc.from->ToString() + " to " + dc.to->ToString() + ")";
          inverted_lines_.push_back(n);
        }
        group_.codes.push_back(std::move(dc));
      } else {
        std::string code;
        bool prefix = false;
        if (!tabari::ParseAgentCode(inner, &code, &prefix, &error)) {
          log_.Add(n, error + "; " + What() + " " + Quote(group_.head) + " skipped");
          group_.bad = true;
          return;
        }
        group_.agent_codes.emplace_back(std::move(code), prefix);
      }
    }
  }

  void Close() {
    Group g = std::move(group_);
    group_ = Group{};
    if (!g.open || g.bad) return;
    const SourcePlace where{file_, g.line};
    if (kind_ == GroupFile::kActors) {
      if (g.codes.empty()) {
        log_.Add(g.line, "actor " + Quote(g.head) +
                             " has no code: expected [CODE] on its line or on an indented line after it");
        return;
      }
      ActorRecord r;
      r.phrases = std::move(g.phrases);
      r.codes = std::move(g.codes);
      r.where = where;
      r.comment = std::move(g.comment);
      src_->actors.push_back(std::move(r));
      return;
    }
    if (g.agent_codes.size() != 1) {
      log_.Add(g.line, "agent " + Quote(g.head) + (g.agent_codes.empty() ? " has no code" : " has more than one code") +
                           ": expected one [~CODE] or [CODE~]");
      return;
    }
    for (std::vector<Word>& phrase : g.phrases) {
      AgentRecord a;
      a.no_plural = phrase.back().no_endings;
      a.phrase = std::move(phrase);
      a.code = g.agent_codes[0].first;
      a.prefix = g.agent_codes[0].second;
      a.where = where;
      src_->agents.push_back(std::move(a));
    }
  }

  GroupFile kind_;
  DictionarySource* src_;
  uint16_t file_;
  ProblemLog log_;
  Section section_ = Section::kNone;
  uint32_t section_line_ = 0;
  Group group_;
  std::vector<uint32_t> inverted_lines_;
  std::string first_inverted_;
};

// ---------------------------------------------------------------------------------------------
// .verbs

class VerbsReader {
 public:
  VerbsReader(std::string name, DictionarySource* src, TabariVerbSections* sections)
      : src_(src), sections_(sections), file_(src->AddFile(std::move(name))), log_(src->files[file_], &src->problems) {
    for (const SynsetRecord& s : src->synsets) synsets_.insert(s.name);
  }

  void Run(std::string_view bytes) {
    uint32_t last = 0;
    ForEachLine(
        bytes, &log_,
        [&](std::string_view line, uint32_t n) {
          last = n;
          Line(line, n);
        },
        [&](std::string_view raw, uint32_t n) {
          last = n;
          if (!raw.empty() && raw.front() != '-' && raw.front() != '{' && raw.front() != '+' && raw.front() != '#' &&
              raw.front() != '/' && !IsBlank(raw.front())) {
            // An unusable verb root: its patterns go with it.
            FlushVerb();
            FlushSynset();
            verb_open_ = verb_bad_ = true;
          }
        });
    FlushVerb();
    FlushSynset();
    if (section_ != Section::kNone)
      log_.Add(last, std::string("missing </") + SectionName(section_) + "> for the section opened on line " +
                         std::to_string(section_line_));
  }

 private:
  void Line(std::string_view line, uint32_t n) {
    if (Trim(line).empty()) return;
    const char c = line.front();
    if (c == '#' || c == '/') return;
    if (c == '~') {
      log_.Add(n, "unexpected line starting with '~'; expected ~FINISH");
      return;
    }
    if (c == '<') {
      FlushVerb();
      FlushSynset();
      ApplyTag(ParseTag(line), true, n, &section_, &section_line_, &log_);
      return;
    }
    const tabari::Commented cl = SplitComment(line);
    switch (section_) {
      case Section::kSynsets: return SynsetLine(cl, n);
      case Section::kNoun:
      case Section::kAdjective: return ReadListEntry(cl.body, n, section_, src_, &log_);
      default: break;
    }
    if (c == '-') return Pattern(cl.body.substr(1), n);
    if (c == '{') return Forms(cl.body, n);
    if (IsBlank(c)) {
      if (Trim(cl.body).empty()) return;
      log_.Add(n, "expected a verb at the start of the line or a '- ' pattern, found an indented line; line skipped");
      return;
    }
    Root(cl, n);
  }

  CodeContext Context() const {
    return section_ == Section::kTime     ? CodeContext::kTime
           : section_ == Section::kAttrib ? CodeContext::kAttribution
                                          : CodeContext::kVerb;
  }

  void Root(const tabari::Commented& cl, uint32_t n) {
    FlushVerb();
    verb_ = VerbRecord{};
    verb_open_ = true;
    verb_bad_ = false;
    verb_section_ = section_;
    verb_.where = SourcePlace{file_, n};
    CodedText ct;
    std::string error;
    if (!SplitCodes(cl.body, &ct, &error) || !ParsePhrase(ct.phrase, PhraseKind::kPlain, &verb_.verb, &error)) {
      log_.Add(n, error + "; verb and its patterns skipped");
      verb_bad_ = true;
      return;
    }
    verb_text_ = std::string(ct.phrase);
    if (ct.codes.size() > 1) {
      log_.Add(n, "verb " + Quote(verb_text_) +
                      " has more than one code: expected one [CODE]; verb and its patterns skipped");
      verb_bad_ = true;
      return;
    }
    if (ct.codes.size() == 1) {
      if (!tabari::ParseVerbCode(ct.codes[0], Context(), &verb_.code, &error)) {
        log_.Add(n, error + "; verb and its patterns skipped");
        verb_bad_ = true;
        return;
      }
      verb_.has_code = true;
    }
  }

  // "{ BROKE_ BROKEN_ }": the irregular forms of the verb just read (manual 5.5.1).
  void Forms(std::string_view body, uint32_t n) {
    if (!verb_open_) {
      log_.Add(n, "verb forms {...} must follow the verb they belong to");
      return;
    }
    if (verb_bad_) return;
    if (!verb_.patterns.empty() || !verb_.forms.empty()) {
      log_.Add(n, "verb forms {...} must come directly after the verb " + Quote(verb_text_) + "; line skipped");
      return;
    }
    const size_t close = body.find('}');
    if (close == std::string_view::npos) {
      log_.Add(n, "missing '}' after the verb forms of " + Quote(verb_text_) + "; line skipped");
      return;
    }
    if (!Trim(body.substr(close + 1)).empty()) {
      log_.Add(n, "unexpected text " + Quote(Trim(body.substr(close + 1))) + " after the verb forms; line skipped");
      return;
    }
    std::string_view inner = body.substr(1, close - 1);
    std::vector<std::vector<Word>> forms;
    std::string error;
    while (true) {
      inner = Trim(inner);
      if (inner.empty()) break;
      size_t end = 0;
      while (end < inner.size() && !IsBlank(inner[end])) ++end;
      std::vector<Word> form;
      if (!ParsePhrase(inner.substr(0, end), PhraseKind::kPlain, &form, &error)) {
        log_.Add(n, error + "; line skipped");
        return;
      }
      forms.push_back(std::move(form));
      inner.remove_prefix(end);
    }
    if (forms.empty()) {
      log_.Add(n, "no verb forms inside {...}: expected { FORM FORM ... }");
      return;
    }
    verb_.forms = std::move(forms);
  }

  void Pattern(std::string_view body, uint32_t n) {
    if (!verb_open_) {
      log_.Add(n, "pattern before any verb: expected a verb line before '- ' patterns");
      return;
    }
    if (verb_bad_) return;
    CodedText ct;
    std::string error;
    VerbPatternRecord p;
    p.where = SourcePlace{file_, n};
    if (!SplitCodes(body, &ct, &error) || !tabari::ParsePattern(ct.phrase, &p.tokens, &error)) {
      log_.Add(n, error + "; pattern skipped");
      return;
    }
    if (ct.codes.size() != 1) {
      log_.Add(n, std::string(ct.codes.empty() ? "missing [CODE]" : "more than one [CODE]") +
                      " after the pattern: expected one; pattern skipped");
      return;
    }
    if (!tabari::ParseVerbCode(ct.codes[0], Context(), &p.code, &error)) {
      log_.Add(n, error + "; pattern skipped");
      return;
    }
    std::vector<std::string> names;
    tabari::CollectSynsetNames(p.tokens, &names);
    for (const std::string& name : names) {
      if (!synsets_.count(name)) {
        log_.Add(n, "synset &" + Upper(name) + " is not declared in an earlier <SYNSETS> section; pattern skipped");
        return;
      }
    }
    verb_.patterns.push_back(std::move(p));
  }

  void FlushVerb() {
    if (!verb_open_) return;
    verb_open_ = false;
    if (verb_bad_) return;
    switch (verb_section_) {
      case Section::kTime:
        if (sections_) sections_->time_shifts.push_back(std::move(verb_));
        break;
      case Section::kAttrib:
        if (sections_) sections_->attributions.push_back(std::move(verb_));
        break;
      default: src_->verbs.push_back(std::move(verb_));
    }
  }

  // <SYNSETS>: "&NAME" then "+MEMBER" lines (manual 5.6).
  void SynsetLine(const tabari::Commented& cl, uint32_t n) {
    const std::string_view body = Trim(cl.body);
    if (body.empty()) return;
    std::string error;
    if (body.front() == '&') {
      FlushSynset();
      synset_ = SynsetRecord{};
      synset_open_ = true;
      synset_bad_ = false;
      synset_.where = SourcePlace{file_, n};
      const std::string_view name = Trim(body.substr(1));
      bool ok = !name.empty();
      for (char ch : name) ok = ok && !IsBlank(ch) && ch != '_' && ch != '&' && ch != '[';
      if (!ok) {
        log_.Add(n, "expected a synset name after '&' (one word), found " + Quote(body) + "; synset skipped");
        synset_bad_ = true;
        return;
      }
      synset_.name = tabari::Fold(name);
      if (synsets_.count(synset_.name)) {
        log_.Add(n, "synset &" + Upper(name) + " is declared twice; second declaration skipped");
        synset_bad_ = true;
      }
      return;
    }
    if (body.front() != '+') {
      log_.Add(n, "expected '&NAME' or '+MEMBER' inside <SYNSETS>, found " + Quote(body));
      return;
    }
    if (!synset_open_) {
      log_.Add(n, "synset member " + Quote(body) + " must follow a '&NAME' line");
      return;
    }
    if (synset_bad_) return;
    CodedText ct;
    std::vector<Word> words;
    if (!SplitCodes(body.substr(1), &ct, &error) || !ParsePhrase(ct.phrase, PhraseKind::kSynset, &words, &error)) {
      log_.Add(n, error + "; member skipped");
      return;
    }
    if (!ct.codes.empty()) {
      log_.Add(n, "a synset member takes no code; member skipped");
      return;
    }
    std::vector<std::string> names;
    tabari::CollectSynsetNames(words, &names);
    for (const std::string& name : names) {
      if (name == synset_.name) {
        log_.Add(n, "synset &" + Upper(name) + " refers to itself; member skipped");
        return;
      }
      if (!synsets_.count(name)) {
        log_.Add(n, "synset &" + Upper(name) + " is not declared before this member; member skipped");
        return;
      }
    }
    synset_.phrases.push_back(std::move(words));
  }

  void FlushSynset() {
    if (!synset_open_) return;
    synset_open_ = false;
    if (synset_bad_) return;
    if (synset_.phrases.empty()) {
      log_.Add(synset_.where.line, "synset &" + Upper(synset_.name) + " has no '+' members");
      return;
    }
    synsets_.insert(synset_.name);
    src_->synsets.push_back(std::move(synset_));
  }

  DictionarySource* src_;
  TabariVerbSections* sections_;
  uint16_t file_;
  ProblemLog log_;
  Section section_ = Section::kNone;
  uint32_t section_line_ = 0;
  std::unordered_set<std::string> synsets_;

  VerbRecord verb_;
  std::string verb_text_;
  bool verb_open_ = false, verb_bad_ = false;
  Section verb_section_ = Section::kNone;

  SynsetRecord synset_;
  bool synset_open_ = false, synset_bad_ = false;
};

// ---------------------------------------------------------------------------------------------
// .options

// Commands are recognised by their first four letters (manual 8.1.1).
const char* const kOptionCommands[] = {"SET", "LABEL", "FORWARD", "DEFAULT", "COMMA", "COMPLEX", "NONEVENTS", "OUTPUT"};

const char* FullCommand(std::string_view word) {
  const std::string u = Upper(Trim(word));
  for (const char* full : kOptionCommands) {
    const std::string_view f(full);
    const size_t n = std::min<size_t>(4, f.size());
    if (u.size() >= n && u.size() <= f.size() && f.compare(0, u.size(), u) == 0) return full;
  }
  return nullptr;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsBlank(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsBlank(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// "A = 1 B=2 C" -> {A,1} {B,2} {C,""}.
std::vector<std::pair<std::string, std::string>> KeyValues(std::string_view s) {
  std::string compact;
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsBlank(s[i])) {
      size_t j = i;
      while (j < s.size() && IsBlank(s[j])) ++j;
      const bool around_equals = (j < s.size() && s[j] == '=') || (!compact.empty() && compact.back() == '=');
      if (!around_equals) compact += ' ';
      i = j - 1;
    } else {
      compact += s[i];
    }
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (std::string_view w : Words(compact)) {
    const size_t eq = w.find('=');
    if (eq == std::string_view::npos) out.emplace_back(Upper(w), "");
    else out.emplace_back(Upper(w.substr(0, eq)), std::string(w.substr(eq + 1)));
  }
  return out;
}

void ReadOptionLine(std::string_view line, uint32_t n, uint16_t file, DictionarySource* src, ProblemLog* log) {
  // '#' and '//' start comments anywhere on the line (manual 8.1.1).
  size_t cut = line.find('#');
  const size_t slashes = line.find("//");
  if (slashes < cut) cut = slashes;
  const std::string_view text = Trim(line.substr(0, cut == std::string_view::npos ? line.size() : cut));
  if (text.empty()) return;
  const size_t colon = text.find(':');
  const char* command = colon == std::string_view::npos ? nullptr : FullCommand(text.substr(0, colon));
  if (!command) {
    log->Add(n, "expected a command (SET:, LABEL:, COMPLEX:, OUTPUT:, DEFAULT:, COMMA:, FORWARD:, NONEVENTS:), found " +
                    Quote(text));
    return;
  }
  const std::string_view rest = Trim(text.substr(colon + 1));
  OptionRecord base;
  base.command = command;
  base.raw = std::string(text);
  base.where = SourcePlace{file, n};
  auto add = [&](std::string key, std::string value) {
    OptionRecord r = base;
    r.key = std::move(key);
    r.value = std::move(value);
    src->options.push_back(std::move(r));
  };
  const std::string_view cmd(command);
  if (cmd == "SET") {
    const size_t eq = rest.find('=');
    if (eq != std::string_view::npos) {
      const std::string key = Upper(Trim(rest.substr(0, eq)));
      if (key.empty()) {
        log->Add(n, "expected SET: PARAMETER = VALUE, found " + Quote(text));
        return;
      }
      add(key, std::string(Trim(rest.substr(eq + 1))));
      return;
    }
    // "SET: CODE BY CLAUSE", "SET: CODE ALL", "SET: ALLCAPS TRUE": the last word is the value.
    std::vector<std::string_view> w = Words(rest);
    if (w.empty()) {
      log->Add(n, "expected SET: PARAMETER = VALUE, found " + Quote(text));
      return;
    }
    std::string value = w.size() > 1 ? std::string(w.back()) : std::string();
    if (w.size() > 1) w.pop_back();
    std::string key;
    for (std::string_view k : w) key += (key.empty() ? "" : " ") + Upper(k);
    if (key == "CODE") key = "CODE BY";
    add(key, value);
  } else if (cmd == "LABEL") {
    const size_t eq = rest.find('=');
    if (eq == std::string_view::npos || Trim(rest.substr(0, eq)).empty()) {
      log->Add(n, "expected LABEL: CODE = TEXT, found " + Quote(text));
      return;
    }
    add(std::string(Trim(rest.substr(0, eq))), std::string(Trim(rest.substr(eq + 1))));
  } else if (cmd == "COMPLEX") {
    static const char* const kConditions[] = {"VERBS",      "ACTORS",     "PRONOUNS", "CONJ",     "COMMA",
                                              "LATEVERB",   "NOACTPRIOR", "NOACTAFTER", "NOVERB", "NOSOURCE",
                                              "NOTARGET",   "NOEVENT",    "EXPLAIN",  "NOSAVE",   "OFF"};
    std::string s(rest);
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && IsBlank(s[i])) ++i;
      size_t j = i;
      while (j < s.size() && !IsBlank(s[j]) && s[j] != '[') ++j;
      if (j == i) {
        if (i < s.size()) {
          log->Add(n, "expected a COMPLEX condition before '[', found " + Quote(std::string_view(s).substr(i)));
          return;
        }
        break;
      }
      const std::string name = Upper(std::string_view(s).substr(i, j - i));
      std::string value;
      size_t k = j;
      while (k < s.size() && IsBlank(s[k])) ++k;
      if (k < s.size() && s[k] == '[') {
        const size_t rb = s.find(']', k);
        if (rb == std::string::npos) {
          log->Add(n, "missing ']' after COMPLEX condition " + name);
          return;
        }
        value = std::string(Trim(std::string_view(s).substr(k + 1, rb - k - 1)));
        j = rb + 1;
      }
      bool known = false;
      for (const char* c : kConditions) known = known || name == c;
      if (!known) log->Add(n, "unknown COMPLEX condition " + Quote(name) + "; condition skipped");
      else add(name, value);
      i = j;
    }
  } else if (cmd == "COMMA") {
    for (auto& [key, value] : KeyValues(rest)) add(key, value);
  } else if (cmd == "OUTPUT") {
    for (std::string_view w : Words(rest)) add(Upper(w), "");
  } else if (cmd == "DEFAULT") {
    // "SOURCE: [USA] PRIOR TARGET: [WORLD] AFTER", "SOURCE [X]", "OFF".
    std::string pending;  // SOURCE or TARGET waiting for its [code]
    for (std::string_view w : Words(rest)) {
      if (w.front() == '[') {
        if (pending.empty() || w.back() != ']') {
          log->Add(n, "expected DEFAULT: SOURCE [code] <PRIOR> TARGET [code] <AFTER>, found " + Quote(text));
          return;
        }
        add(pending, Upper(Trim(w.substr(1, w.size() - 2))));
        pending.clear();
        continue;
      }
      std::string u = Upper(w);
      if (!u.empty() && u.back() == ':') u.pop_back();
      if (u == "SOURCE" || u == "TARGET") pending = u;
      else add(u, "");
    }
    if (!pending.empty()) log->Add(n, "missing [code] after DEFAULT " + pending);
  } else if (cmd == "FORWARD") {
    std::vector<std::string_view> w = Words(rest);
    if (w.empty()) {
      log->Add(n, "expected FORWARD: <sequence format> [DOC] [OFF]");
      return;
    }
    add("FORMAT", std::string(w[0]));
    for (size_t k = 1; k < w.size(); ++k) add(Upper(w[k]), "");
  } else {  // NONEVENTS
    add("", Upper(rest));
  }
}

// ---------------------------------------------------------------------------------------------

bool ReadWholeFile(const std::filesystem::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return false;
  *out = s.str();
  return true;
}

}  // namespace

void ReadTabariActors(std::string name, std::string_view bytes, DictionarySource* src) {
  GroupedReader(GroupFile::kActors, std::move(name), src).Run(bytes);
}

void ReadTabariAgents(std::string name, std::string_view bytes, DictionarySource* src) {
  GroupedReader(GroupFile::kAgents, std::move(name), src).Run(bytes);
}

void ReadTabariVerbs(std::string name, std::string_view bytes, DictionarySource* src, TabariVerbSections* sections) {
  VerbsReader(std::move(name), src, sections).Run(bytes);
}

void ReadTabariOptions(std::string name, std::string_view bytes, DictionarySource* src) {
  const uint16_t file = src->AddFile(std::move(name));
  ProblemLog log(src->files[file], &src->problems);
  LineCursor cursor(bytes);
  std::string_view raw;
  uint32_t n = 0;
  std::string scratch, warning, error;
  while (cursor.Next(&raw, &n)) {
    std::string_view line = raw;
    if (!CheckLineBytes(&line, &scratch, &warning, &error)) {
      log.Add(n, error + "; line skipped");
      continue;
    }
    if (!warning.empty()) log.Add(n, warning);
    const std::string_view t = Trim(line);
    if (!t.empty() && t.front() == '~') break;  // "~~~~~" or "~FINISH" ends the file
    ReadOptionLine(line, n, file, src, &log);
  }
}

Result<TabariProject> ReadTabariProject(const std::filesystem::path& path) {
  std::string bytes;
  if (!ReadWholeFile(path, &bytes)) return NotFound(path.string() + ": cannot read the .project file");
  TabariProject p;
  p.path = path;
  const std::filesystem::path dir = path.parent_path();
  const std::string name = path.string();
  ProblemLog log(name, &p.problems);
  LineCursor cursor(bytes);
  std::string_view raw;
  uint32_t n = 0;
  std::string scratch, warning, error;
  while (cursor.Next(&raw, &n)) {
    std::string_view line = raw;
    if (!CheckLineBytes(&line, &scratch, &warning, &error)) {
      log.Add(n, error + "; line skipped");
      continue;
    }
    if (line.empty() || line.front() != '<') continue;  // anything else is a comment (manual 4.1)
    const size_t close = line.find('>');
    if (close == std::string_view::npos) {
      log.Add(n, "missing '>' after the tag " + Quote(Trim(line)));
      continue;
    }
    std::string_view tag = line.substr(1, close - 1);
    size_t tag_end = 0;
    while (tag_end < tag.size() && !IsBlank(tag[tag_end])) ++tag_end;
    const std::string lower = [&] {
      std::string s(tag.substr(0, tag_end));
      for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      return s;
    }();
    std::string_view value = line.substr(close + 1);
    const size_t terminator = value.find("</");  // optional terminator, comments may follow it
    if (terminator != std::string_view::npos) value = value.substr(0, terminator);
    value = Trim(value);
    if (!warning.empty()) log.Add(n, warning);
    const std::string_view two = std::string_view(lower).substr(0, 2);
    auto file = [&](std::filesystem::path* out, const char* what) {
      if (value.empty()) {
        log.Add(n, std::string("expected a file name after <") + std::string(tag.substr(0, tag_end)) + ">");
        return false;
      }
      if (out && !out->empty()) log.Add(n, std::string("a second ") + what + " file; the later one is used");
      const std::filesystem::path v{std::string(value)};
      if (out) *out = v.is_absolute() ? v : dir / v;
      return true;
    };
    auto list = [&](std::vector<std::filesystem::path>* to) {
      std::filesystem::path f;
      if (file(&f, "")) to->push_back(std::move(f));
    };
    // TABARI looks only at the first two letters of the tag (manual 4.1), except <dochead>/<doctail>.
    if (two == "ac") list(&p.actor_files);
    else if (two == "ag") list(&p.agent_files);
    else if (two == "ve") list(&p.verb_files);
    else if (two == "te") list(&p.text_files);
    else if (two == "op") file(&p.options_file, "options");
    else if (two == "ev") file(&p.event_file, "event");
    else if (two == "ou") file(&p.output_file, "output");
    else if (two == "pr") file(&p.problem_file, "problem");
    else if (two == "er") file(&p.error_file, "error");
    else if (two == "is") file(&p.issues_file, "issues");
    else if (two == "fr") file(&p.freq_file, "frequency");
    else if (two == "co") p.coder = std::string(value);
    else if (two == "sy") p.system_commands.emplace_back(value);
    else if (lower.rfind("doch", 0) == 0) p.doc_head.emplace_back(value);
    else if (lower.rfind("doct", 0) == 0) p.doc_tail.emplace_back(value);
    else if (two == "se" || two == "ru") {
      // <session ...> history and <run>: nothing to load.
    } else {
      log.Add(n, "unknown tag <" + std::string(tag.substr(0, tag_end)) + ">; line skipped");
    }
  }
  return p;
}

Status LoadTabariProject(const std::filesystem::path& path, DictionarySource* src, TabariVerbSections* sections,
                         const std::function<void(std::string_view)>& seen) {
  Result<TabariProject> project = ReadTabariProject(path);
  if (!project.ok()) return project.status();
  for (std::string& problem : project->problems) src->problems.push_back(std::move(problem));
  Status status;
  auto load = [&](const std::filesystem::path& f, auto read) {
    std::string bytes;
    if (!ReadWholeFile(f, &bytes)) {
      std::string message = path.string() + ": cannot read " + f.string();
      src->problems.push_back(message);
      if (status.ok()) status = IoError(std::move(message));
      return;
    }
    if (seen) seen(bytes);
    read(f.string(), bytes);
  };
  if (!project->options_file.empty())
    load(project->options_file, [&](std::string n, std::string_view b) { ReadTabariOptions(std::move(n), b, src); });
  for (const auto& f : project->actor_files)
    load(f, [&](std::string n, std::string_view b) { ReadTabariActors(std::move(n), b, src); });
  for (const auto& f : project->agent_files)
    load(f, [&](std::string n, std::string_view b) { ReadTabariAgents(std::move(n), b, src); });
  for (const auto& f : project->verb_files)
    load(f, [&](std::string n, std::string_view b) { ReadTabariVerbs(std::move(n), b, src, sections); });
  return status;
}

}  // namespace dateline
