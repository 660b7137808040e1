// PETRARCH verb dictionaries: synsets, verb blocks, patterns and PETRARCH-2 transformations.
#include <algorithm>
#include <unordered_set>

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
using petrarch_internal::Upper;

namespace {

constexpr std::string_view kVerbForbidden = "[]{}()*$%^&|+~<>";
constexpr std::string_view kSynsetForbidden = "[]{}()*$%^&|+~<>";
constexpr int kMaxSlotDepth = 8;

bool NameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Reads the tokens of one pattern. Owns nothing; `synsets` are the names defined so far.
class PatternParser {
 public:
  PatternParser(std::string_view s, bool petrarch2, const std::unordered_set<std::string>& synsets)
      : s_(s), p2_(petrarch2), synsets_(synsets) {}

  bool Parse(std::vector<PatternToken>* out) { return Tokens('\0', 0, out); }
  const std::string& error() const { return error_; }

 private:
  static bool Special(char c) {
    return c == '{' || c == '}' || c == '(' || c == ')' || c == '[' || c == ']' || c == '*' || c == '$' || c == '+' ||
           c == '%' || c == '^' || c == '&' || c == '|' || c == '_' || c == '~' || c == '<' || c == '>';
  }

  bool Fail(std::string what) {
    error_ = std::move(what);
    return false;
  }

  bool Tokens(char closer, int depth, std::vector<PatternToken>* out) {
    bool gap = false, join = false;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (IsBlank(c)) {
        gap = true;
        ++pos_;
        continue;
      }
      if (c == '_') {
        const bool ends = pos_ + 1 >= s_.size() || IsBlank(s_[pos_ + 1]) || s_[pos_ + 1] == closer;
        if (!ends) {
          join = true;
        } else if (!out->empty() && !gap && !join && out->back().kind == PatternToken::kWord) {
          out->back().word.exact = true;
        }
        ++pos_;
        continue;
      }
      if (closer != '\0' && c == closer) {
        ++pos_;
        return true;
      }
      PatternToken t;
      t.consecutive = join || (!gap && !out->empty());
      switch (c) {
        case '{':
        case '(': {
          if (!p2_) {
            return Fail(c == '{' ? "a disjunctive set '{ ... }'; PETRARCH-1 patterns take no sets (use a synset)"
                                 : "a '(' in a PETRARCH-1 pattern; expected words, '*', '$', '+', '%', '^' or '&SYNSET'");
          }
          if (depth >= kMaxSlotDepth) return Fail("slots nested deeper than " + std::to_string(kMaxSlotDepth));
          ++pos_;
          t.kind = c == '{' ? PatternToken::kNounPhrase : PatternToken::kPrepPhrase;
          if (!Tokens(c == '{' ? '}' : ')', depth + 1, &t.inner)) return false;
          if (t.inner.empty()) return Fail(std::string("an empty slot ") + c + (c == '{' ? '}' : ')') + "; expected words inside");
          break;
        }
        case '*': {
          size_t n = 0;
          while (pos_ < s_.size() && s_[pos_] == '*') ++n, ++pos_;
          if (n > 2) return Fail("'" + std::string(n, '*') + "'; expected '*' (or '**') where the verb stands");
          t.kind = PatternToken::kVerb;
          out->push_back(std::move(t));
          gap = join = false;
          continue;
        }
        case '$': t.kind = PatternToken::kSource; ++pos_; break;
        case '+': t.kind = PatternToken::kTarget; ++pos_; break;
        case '%': t.kind = PatternToken::kCompound; ++pos_; break;
        case '^': t.kind = PatternToken::kSkip; ++pos_; break;
        case '&': {
          ++pos_;
          size_t end = pos_;
          while (end < s_.size() && NameChar(s_[end])) ++end;
          const std::string raw = Upper(s_.substr(pos_, end - pos_));
          // "&KINDS_LINKS": the longest defined name followed by '_' or the end.
          size_t used = std::string::npos;
          for (size_t k = raw.size();; --k) {
            if ((k == raw.size() || raw[k] == '_') && k > 0 && synsets_.count(raw.substr(0, k))) {
              used = k;
              break;
            }
            if (k == 0) break;
          }
          if (used == std::string::npos) {
            std::string name = raw;
            while (!name.empty() && name.back() == '_') name.pop_back();
            return Fail(name.empty() ? "a '&' with no synset name; expected '&NAME'"
                                     : "the synset &" + name + " is not defined; expected a synset defined before its use");
          }
          t.kind = PatternToken::kSynset;
          t.synset = raw.substr(0, used);
          pos_ += used;
          break;
        }
        case '|':
          return Fail("a disjunctive set ('|'); PETRARCH patterns take no sets (use a synset)");
        case '~':
          return Fail("a '~' (TABARI partial match); PETRARCH matches whole words");
        case '<':
        case '>':
          return Fail(std::string("an unexpected '") + c + "' (a broken comment?)");
        case '}':
        case ')':
        case ']':
        case '[':
          return Fail(std::string("an unexpected '") + c + "'" + (closer ? std::string("; expected '") + closer + "'" : std::string()));
        default: {
          const size_t start = pos_;
          while (pos_ < s_.size() && !IsBlank(s_[pos_]) && !Special(s_[pos_])) ++pos_;
          std::string_view text = s_.substr(start, pos_ - start);
          t.kind = PatternToken::kWord;
          if (text.size() > 1 && text.back() == '=') {
            t.word.no_endings = true;
            text.remove_suffix(1);
          }
          t.word.text = petrarch_internal::FoldWord(text);
          t.word.consecutive = t.consecutive;
          break;
        }
      }
      out->push_back(std::move(t));
      gap = join = false;
    }
    if (closer != '\0') return Fail(std::string("a slot is not closed; expected '") + closer + "'");
    return true;
  }

  std::string_view s_;
  bool p2_;
  const std::unordered_set<std::string>& synsets_;
  size_t pos_ = 0;
  std::string error_;
};

size_t CountVerbs(const std::vector<PatternToken>& tokens) {
  size_t n = 0;
  for (const PatternToken& t : tokens) n += t.kind == PatternToken::kVerb ? 1 : CountVerbs(t.inner);
  return n;
}

class VerbReader {
 public:
  VerbReader(FileContext& ctx, DictionaryDialect dialect, PetrarchExtras* extras)
      : ctx_(ctx), src_(ctx.src()), p2_(dialect == DictionaryDialect::kPetrarch2), extras_(extras) {
    for (const SynsetRecord& s : src_->synsets) synsets_.insert(s.name);
    for (const VerbRecord& v : src_->verbs) next_block_ = std::max(next_block_, v.block + 1);
  }

  void Line(const DictLine& line) {
    const std::string_view body = Trim(line.text);
    if (line.invalid) {
      // An unreadable header or label still ends what came before: what follows it is not
      // added to the previous block or synset.
      if (body.rfind("---", 0) == 0) CloseBlock(), in_synset_ = false;
      if (body[0] == '&') CloseBlock(), in_synset_ = true, synset_ = SIZE_MAX;
      return;
    }
    if (body.rfind("---", 0) == 0) {
      Header(line, body);
    } else if (body[0] == '&') {
      Label(line, body);
    } else if (body[0] == '+' && in_synset_) {
      Member(line, Trim(body.substr(1)));
    } else if (body[0] == '-') {
      in_synset_ = false;
      Pattern(line, Trim(body.substr(1)));
    } else if (body[0] == '~') {
      in_synset_ = false;
      Transformation(line, Trim(body.substr(1)));
    } else {
      in_synset_ = false;
      Verb(line, body);
    }
  }

  void Finish() { CloseBlock(); }

 private:
  void CloseBlock() {
    if (extras_ && block_extra_ != SIZE_MAX) extras_->blocks[block_extra_].verb_count = block_verbs_;
    in_block_ = false;
    block_extra_ = SIZE_MAX;
  }

  // "--- NAME [code] ---"
  void Header(const DictLine& line, std::string_view body) {
    CloseBlock();
    in_synset_ = false;
    std::string_view inner = body;
    while (!inner.empty() && inner.front() == '-') inner.remove_prefix(1);
    while (!inner.empty() && (inner.back() == '-' || IsBlank(inner.back()))) inner.remove_suffix(1);
    const size_t open = inner.find('[');
    PetrarchVerbBlock block;
    block.name = std::string(Trim(inner.substr(0, open)));
    block.where = ctx_.Place(line.number);
    if (open != std::string_view::npos) {
      const size_t close = inner.find(']', open);
      std::optional<std::string> code;
      if (close != std::string_view::npos) code = ParseCode(inner.substr(open + 1, close - open - 1));
      if (!code) {
        ctx_.Problem(line.number, "the block header " + Quote(body) + " has a malformed code; expected '--- NAME [CODE] ---' (block opened without a code)");
      } else {
        block.code = *code;
        block.has_code = true;
        const std::string_view rest = Trim(inner.substr(close + 1));
        if (!rest.empty())
          ctx_.Problem(line.number, "unexpected text " + Quote(rest) + " after the code of block " + Quote(block.name) +
                                        "; expected one code (the first is used)");
      }
    }
    in_block_ = true;
    block_id_ = extras_ ? static_cast<int>(extras_->blocks.size()) : next_block_++;
    block_code_ = block.code;
    block_has_code_ = block.has_code;
    first_verb_ = SIZE_MAX;
    block_verbs_ = 0;
    orphan_reported_ = false;
    if (extras_) {
      block_extra_ = extras_->blocks.size();
      extras_->blocks.push_back(std::move(block));
    }
  }

  // "&NAME" or "&NAME_" (no plurals)
  void Label(const DictLine& line, std::string_view body) {
    CloseBlock();
    in_synset_ = true;
    synset_ = SIZE_MAX;
    size_t end = 1;
    while (end < body.size() && NameChar(body[end])) ++end;
    std::string name = Upper(body.substr(1, end - 1));
    if (!Trim(body.substr(end)).empty() || name.empty()) {
      ctx_.Problem(line.number, "the synset label " + Quote(body) + " is malformed; expected '&NAME' alone on its line (synset skipped)");
      return;
    }
    SynsetRecord s;
    if (name.back() == '_') {
      s.no_plurals = true;
      while (!name.empty() && name.back() == '_') name.pop_back();
    }
    s.name = name;
    s.where = ctx_.Place(line.number);
    for (const SynsetRecord& other : src_->synsets)
      if (other.name == name) {
        ctx_.Problem(line.number, "the synset &" + name + " is defined again (first in " + src_->files[other.where.file] + ":" +
                                      std::to_string(other.where.line) + "); expected each synset once (both kept)");
        break;
      }
    synsets_.insert(name);
    synset_ = src_->synsets.size();
    src_->synsets.push_back(std::move(s));
  }

  // "+WORDS", "+(WORDS)" (PETRARCH-2), "+&OTHER" (the other synset's phrases)
  void Member(const DictLine& line, std::string_view text) {
    if (synset_ == SIZE_MAX) return;  // its label was reported
    std::string error;
    if (!text.empty() && text[0] == '&') {
      std::string name = Upper(Trim(text.substr(1)));
      while (!name.empty() && name.back() == '_') name.pop_back();
      // TABARI allowed a synset inside a synset; PETRARCH-1's validation suite tests it. Its
      // phrases (and slots) are copied in.
      for (size_t i = src_->synsets.size(); i-- > 0;) {
        if (src_->synsets[i].name != name || i == synset_) continue;
        const size_t base = src_->synsets[synset_].phrases.size();
        std::vector<std::vector<Word>> copy = src_->synsets[i].phrases;
        for (auto& p : copy) src_->synsets[synset_].phrases.push_back(std::move(p));
        if (extras_) {
          const size_t n = extras_->synset_slots.size();
          for (size_t k = 0; k < n; ++k) {
            const PetrarchSynsetSlot slot = extras_->synset_slots[k];
            if (slot.synset == i) extras_->synset_slots.push_back({synset_, base + slot.phrase, slot.kind});
          }
        }
        return;
      }
      ctx_.Problem(line.number, "the member &" + name + " is not a synset defined before; expected a defined synset (member skipped)");
      return;
    }
    PatternToken::Kind slot = PatternToken::kWord;
    if (!text.empty() && (text[0] == '(' || text[0] == '{')) {
      const char closer = text[0] == '(' ? ')' : '}';
      if (!p2_ || text.back() != closer) {
        ctx_.Problem(line.number, "the member " + Quote(text) +
                                      (p2_ ? std::string(" is not closed; expected '") + closer + "'"
                                           : std::string(" is a PETRARCH-2 slot; expected plain words in PETRARCH-1")) +
                                      " (member skipped)");
        return;
      }
      slot = text[0] == '(' ? PatternToken::kPrepPhrase : PatternToken::kNounPhrase;
      text = Trim(text.substr(1, text.size() - 2));
    }
    std::vector<Word> words;
    if (!ParseWords(text, false, kSynsetForbidden, &words, &error)) {
      ctx_.Problem(line.number, error + " (member skipped)");
      return;
    }
    SynsetRecord& s = src_->synsets[synset_];
    if (slot != PatternToken::kWord && extras_) extras_->synset_slots.push_back({synset_, s.phrases.size(), slot});
    s.phrases.push_back(std::move(words));
  }

  // "WORD", "WORD {FORMS} [code]", "+MULTI_WORD {+FORMS_OF}", "LINE_+CALL"
  bool VerbPhrase(const DictLine& line, std::string_view text, std::vector<Word>* words, int* head) {
    std::vector<size_t> marked;
    std::string error;
    if (!ParseWords(text, false, kVerbForbidden, words, &error, &marked)) {
      ctx_.Problem(line.number, error + " (verb skipped)");
      return false;
    }
    if (marked.size() > 1) {
      ctx_.Problem(line.number, "more than one '+' in " + Quote(text) + "; expected '+' before the verb only (verb skipped)");
      return false;
    }
    *head = marked.empty() ? 0 : static_cast<int>(marked[0]);
    return true;
  }

  void Verb(const DictLine& line, std::string_view body) {
    if (!in_block_) {
      ctx_.Problem(line.number, "a verb " + Quote(body) + " outside a verb block; expected a '--- NAME [CODE] ---' header first (verb skipped)");
      return;
    }
    VerbRecord v;
    v.where = ctx_.Place(line.number);
    v.block = block_id_;
    PetrarchVerbNote note;
    const size_t brace = body.find('{'), bracket = body.find('[');
    const size_t phrase_end = std::min(brace, bracket);
    if (!VerbPhrase(line, body.substr(0, phrase_end), &v.verb, &note.head)) return;
    std::string_view rest = body.substr(std::min(phrase_end, body.size()));
    if (!rest.empty() && rest[0] == '{') {
      const size_t close = rest.find('}');
      if (close == std::string_view::npos) {
        ctx_.Problem(line.number, "the forms in " + Quote(rest) + " are not closed; expected '}' (verb skipped)");
        return;
      }
      const std::string_view forms = rest.substr(1, close - 1);
      note.empty_forms = Trim(forms).empty();
      size_t i = 0;
      while (i < forms.size()) {
        while (i < forms.size() && (IsBlank(forms[i]) || forms[i] == ',')) ++i;
        size_t j = i;
        while (j < forms.size() && !IsBlank(forms[j]) && forms[j] != ',') ++j;
        if (j > i) {
          std::vector<Word> form;
          int head = 0;
          if (!VerbPhrase(line, forms.substr(i, j - i), &form, &head)) return;
          v.forms.push_back(std::move(form));
          note.form_heads.push_back(head);
        }
        i = j;
      }
      rest = Trim(rest.substr(close + 1));
    }
    v.code = block_code_;
    v.has_code = block_has_code_;
    if (!rest.empty() && rest[0] == '[') {
      const size_t close = rest.find(']');
      std::optional<std::string> code;
      if (close != std::string_view::npos) code = ParseCode(rest.substr(1, close - 1));
      if (!code) {
        ctx_.Problem(line.number, "the code in " + Quote(rest) + " is malformed; expected [CODE] (verb skipped)");
        return;
      }
      v.code = *code;
      v.has_code = true;
      rest = Trim(rest.substr(close + 1));
    }
    if (!rest.empty()) {
      ctx_.Problem(line.number, "unexpected text " + Quote(rest) + " after the verb; expected 'VERB {FORMS} [CODE]' (verb skipped)");
      return;
    }
    const size_t index = src_->verbs.size();
    if (first_verb_ == SIZE_MAX) {
      first_verb_ = index;
      if (extras_) extras_->blocks[block_extra_].first_verb = index;
    }
    ++block_verbs_;
    bool noteworthy = note.head != 0 || note.empty_forms;
    for (int h : note.form_heads) noteworthy |= h != 0;
    if (noteworthy && extras_) {
      note.verb = index;
      extras_->verb_notes.push_back(std::move(note));
    }
    src_->verbs.push_back(std::move(v));
  }

  // "- TOKENS [code]"
  void Pattern(const DictLine& line, std::string_view body) {
    const size_t open = body.rfind('[');
    const size_t close = open == std::string_view::npos ? open : body.find(']', open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      ctx_.Problem(line.number, "the pattern " + Quote(body) + " has no [code] at its end; expected '- TOKENS [CODE]' (pattern skipped)");
      return;
    }
    if (!Trim(body.substr(close + 1)).empty()) {
      ctx_.Problem(line.number, "unexpected text " + Quote(Trim(body.substr(close + 1))) +
                                    " after the pattern's code; expected nothing (pattern skipped)");
      return;
    }
    std::optional<std::string> code = ParseCode(body.substr(open + 1, close - open - 1));
    if (!code) {
      ctx_.Problem(line.number, "the pattern code [" + std::string(body.substr(open + 1, close - open - 1)) +
                                    "] is empty or holds a blank; expected e.g. [010] or [043:042] (pattern skipped)");
      return;
    }
    VerbPatternRecord p;
    p.code = *code;
    p.where = ctx_.Place(line.number);
    PatternParser parser(body.substr(0, open), p2_, synsets_);
    if (!parser.Parse(&p.tokens)) {
      ctx_.Problem(line.number, parser.error() + " (pattern skipped)");
      return;
    }
    const size_t verbs = CountVerbs(p.tokens);
    if (verbs != 1) {
      ctx_.Problem(line.number, std::string(verbs == 0 ? "no '*'" : "more than one '*'") + " in the pattern " +
                                    Quote(Trim(body.substr(0, open))) + "; expected one '*' where the verb stands (pattern skipped)");
      return;
    }
    if (!in_block_ || first_verb_ == SIZE_MAX) {
      if (!orphan_reported_ || !in_block_)
        ctx_.Problem(line.number, std::string(in_block_ ? "a pattern before any verb of its block"
                                                        : "a pattern outside a verb block") +
                                      "; expected the block's verbs first (pattern skipped)");
      orphan_reported_ = true;
      return;
    }
    src_->verbs[first_verb_].patterns.push_back(std::move(p));
  }

  // "~ a (a b ATTACK) SAY = a b 015"
  void Transformation(const DictLine& line, std::string_view body) {
    if (!p2_) {
      ctx_.Problem(line.number, "a transformation " + Quote(body) + " in a PETRARCH-1 file; expected PETRARCH-2 (skipped)");
      return;
    }
    const size_t eq = body.find('=');
    auto fail = [&](const std::string& why) {
      ctx_.Problem(line.number, why + " in the transformation " + Quote(body) +
                                    "; expected '~ SOURCE TARGET VERB = SOURCE TARGET CODE' with '( ... )' around a nested event (skipped)");
    };
    if (eq == std::string_view::npos) return fail("no '='");
    std::vector<std::string> left;
    {
      std::string cur;
      for (char c : body.substr(0, eq)) {
        if (IsBlank(c) || c == '(' || c == ')') {
          if (!cur.empty()) left.push_back(std::move(cur)), cur.clear();
          if (c == '(' || c == ')') left.emplace_back(1, c);
        } else {
          cur.push_back(c);
        }
      }
      if (!cur.empty()) left.push_back(std::move(cur));
    }
    std::vector<std::string> right;
    {
      std::string cur;
      for (char c : body.substr(eq + 1)) {
        if (IsBlank(c)) {
          if (!cur.empty()) right.push_back(std::move(cur)), cur.clear();
        } else {
          cur.push_back(c);
        }
      }
      if (!cur.empty()) right.push_back(std::move(cur));
    }
    if (right.size() != 3) return fail("the right side has " + std::to_string(right.size()) + " parts instead of 3");
    PetrarchTransformation t;
    size_t i = 0;
    std::string why;
    if (ParseFrame(left, &i, 0, &t.frames, &why) < 0) return fail(why);
    if (i != left.size()) return fail("unexpected " + Quote(left[i]));
    t.result_source = right[0];
    t.result_target = right[1];
    t.result_code = right[2];
    t.where = ctx_.Place(line.number);
    OptionRecord o;
    o.command = "TRANSFORM";
    o.key = std::string(Trim(body.substr(0, eq)));
    o.value = std::string(Trim(body.substr(eq + 1)));
    o.raw = std::string(line.raw);
    o.where = t.where;
    src_->options.push_back(std::move(o));
    if (extras_) extras_->transformations.push_back(std::move(t));
  }

  // frame := term term VERB; term := NAME | '(' frame ')'. Returns the frame's index or -1.
  int ParseFrame(const std::vector<std::string>& tok, size_t* i, int depth, std::vector<PetrarchTransformFrame>* frames,
                 std::string* why) {
    if (depth > kMaxSlotDepth) {
      *why = "events nested too deep";
      return -1;
    }
    const int index = static_cast<int>(frames->size());
    frames->emplace_back();
    for (int slot = 0; slot < 2; ++slot) {
      if (*i >= tok.size()) {
        *why = "a missing source or target";
        return -1;
      }
      std::string value;
      int nested = -1;
      if (tok[*i] == "(") {
        ++*i;
        nested = ParseFrame(tok, i, depth + 1, frames, why);
        if (nested < 0) return -1;
        if (*i >= tok.size() || tok[*i] != ")") {
          *why = "a '(' that is not closed";
          return -1;
        }
        ++*i;
      } else if (tok[*i] == ")") {
        *why = "an unexpected ')'";
        return -1;
      } else {
        value = tok[(*i)++];
      }
      PetrarchTransformFrame& f = (*frames)[index];
      (slot == 0 ? f.source : f.target) = value;
      (slot == 0 ? f.source_frame : f.target_frame) = nested;
    }
    if (*i >= tok.size() || tok[*i] == "(" || tok[*i] == ")") {
      *why = "a missing verb";
      return -1;
    }
    (*frames)[index].verb = tok[(*i)++];
    return index;
  }

  FileContext& ctx_;
  DictionarySource* src_;
  bool p2_;
  PetrarchExtras* extras_;
  std::unordered_set<std::string> synsets_;
  int next_block_ = 0;

  bool in_synset_ = false;
  size_t synset_ = SIZE_MAX;

  bool in_block_ = false;
  int block_id_ = -1;
  std::string block_code_;
  bool block_has_code_ = false;
  size_t first_verb_ = SIZE_MAX;
  size_t block_verbs_ = 0;
  size_t block_extra_ = SIZE_MAX;
  bool orphan_reported_ = false;
};

}  // namespace

void ReadPetrarchVerbs(std::string name, std::string_view bytes, DictionaryDialect dialect, DictionarySource* src,
                       PetrarchExtras* extras) {
  FileContext ctx(std::move(name), src);
  if (petrarch_internal::RefuseDialect(dialect, ctx, "PETRARCH verbs")) return;
  VerbReader reader(ctx, dialect, extras);
  for (const DictLine& line : ReadLines(bytes, ctx)) reader.Line(line);
  reader.Finish();
}

}  // namespace dateline
