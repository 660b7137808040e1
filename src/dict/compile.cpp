#include "dict/compile.h"

#include <cctype>
#include <map>
#include <unordered_map>
#include <string>

#include "token/token.h"

namespace dateline {

namespace {

WordMode ModeOf(const Word& w, bool last, DictionaryDialect dialect) {
  switch (dialect) {
    case DictionaryDialect::kTabari:
      if (!w.exact) return WordMode::kStem;
      if (w.no_endings || !last) return WordMode::kExact;
      return WordMode::kEndings;
    case DictionaryDialect::kPetrarch1:
    case DictionaryDialect::kPetrarch2:
      // A final "_" asks for no generated plural or regular forms.
      return last && !w.no_endings && !w.exact ? WordMode::kEndings : WordMode::kExact;
    case DictionaryDialect::kDateline:
      return WordMode::kExact;
  }
  return WordMode::kExact;
}

std::vector<std::pair<std::string, WordMode>> PhraseWords(const std::vector<Word>& words, DictionaryDialect dialect) {
  std::vector<std::pair<std::string, WordMode>> out;
  for (size_t k = 0; k < words.size(); ++k) out.emplace_back(words[k].text, ModeOf(words[k], k + 1 == words.size(), dialect));
  return out;
}

// TABARI and PETRARCH-1: words joined to the one before by a blank (not "_") may have a few
// words between ("ITHILEN TELEVISION": "Ithilen state-run television").
uint32_t GapMask(const std::vector<Word>& words, DictionaryDialect dialect) {
  if (dialect != DictionaryDialect::kTabari && dialect != DictionaryDialect::kPetrarch1) return 0;
  uint32_t mask = 0;
  for (size_t k = 1; k < words.size() && k < 32; ++k)
    if (!words[k].consecutive) mask |= 1u << k;
  return mask;
}

std::string TitleCase(const std::vector<Word>& words) {
  std::string name;
  for (const Word& w : words) {
    if (!name.empty()) name += ' ';
    bool start = true;
    for (char c : w.text) {
      name += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      start = c == '-' || c == '\'';
    }
  }
  return name;
}

// The lemma of a verb written in any form ("called", "calls", "calling": call).
std::string VerbLemma(const std::string& word) {
  for (Tag tag : {Tag::VB, Tag::VBD, Tag::VBN, Tag::VBZ, Tag::VBG}) {
    std::string lemma(Lexicon::Default().Lemma(word, tag));
    if (lemma != word) return lemma;
  }
  return word;
}

bool IsCountryCode(const std::string& code) {
  if (code.size() < 3) return false;
  for (int k = 0; k < 3; ++k)
    if (!std::isupper(static_cast<unsigned char>(code[k]))) return false;
  return true;
}

// A dictionary word as the tokenizer splits text: "didn't" is "did" + "n't", "can't" "ca" +
// "n't", "won't" "wo" + "n't" (the tokenizer's forms, whose lemmas are do, can, will).
std::vector<std::string> TokenWords(const std::string& word) {
  if (word.size() > 3 && word.compare(word.size() - 3, 3, "n't") == 0)
    return {word.substr(0, word.size() - 3), "n't"};
  return {word};
}

// In phrase sets, a TABARI stem is kept with a leading '\x01': the coder then matches any token
// that begins with it ("DOLLAR" matches "dollars").
constexpr char kStemMark = '\x01';

bool IsNegationWord(std::string_view w) { return w == "not" || w == "n't" || w == "never" || w == "no"; }

// What makes a pattern more specific than another: its words, and a compound it asks for.
bool IsWordLike(const PatternElement& el) {
  return el.kind == PatternElement::kWord || el.kind == PatternElement::kWordSet ||
         el.kind == PatternElement::kPhraseSet || el.kind == PatternElement::kCompound;
}

class Compiler {
 public:
  Compiler(const DictionarySource& src, DictionaryDialect dialect, DictionaryBuilder* b)
      : src_(src), dialect_(dialect), b_(*b) {
    for (const std::string& f : src.files) files_.push_back(b_.AddFileName(f));
    for (const SynsetRecord& s : src.synsets) synsets_[s.name] = &s;
  }

  void Run() {
    for (const ActorRecord& a : src_.actors) Actor(a);
    for (const AgentRecord& a : src_.agents) Agent(a);
    for (const DiscardRecord& d : src_.discards) Discard(d);
    for (const IssueRecord& i : src_.issues) {
      IssuePhrase issue;
      for (const Word& w : i.phrase)
        for (const std::string& t : TokenWords(w.text)) issue.words.push_back(b_.Intern(t));
      issue.code = i.null_code ? "" : i.code;
      issue.where = Where(i.where);
      b_.AddIssuePhrase(std::move(issue));
    }
    // Verbs of one PETRARCH synonym block share the block's patterns.
    std::map<int, std::vector<const VerbPatternRecord*>> block_patterns;
    for (const VerbRecord& v : src_.verbs)
      if (v.block >= 0)
        for (const VerbPatternRecord& p : v.patterns) block_patterns[v.block].push_back(&p);
    for (const VerbRecord& v : src_.verbs) {
      std::vector<const VerbPatternRecord*> patterns;
      if (v.block >= 0) {
        patterns = block_patterns[v.block];
      } else {
        for (const VerbPatternRecord& p : v.patterns) patterns.push_back(&p);
      }
      Verb(v, patterns);
    }
  }

 private:
  SourceLine Where(const SourcePlace& p) const {
    return SourceLine{p.file < files_.size() ? files_[p.file] : uint16_t{0}, p.line};
  }
  std::string Place(const SourcePlace& p) const {
    return (p.file < src_.files.size() ? src_.files[p.file] : std::string("?")) + ":" + std::to_string(p.line);
  }

  void Actor(const ActorRecord& a) {
    if (a.phrases.empty()) return;
    const std::string name = TitleCase(a.phrases[0]);
    std::vector<uint32_t> entries;
    std::vector<DatedCode> codes = a.codes;
    if (codes.empty()) codes.push_back(DatedCode{});  // no code at all: a null-coded phrase
    for (const DatedCode& dc : codes) {
      ActorEntry e;
      e.code = dc.code;
      e.name = name;
      e.country = IsCountryCode(dc.code) ? dc.code.substr(0, 3) : "";
      e.kind = dc.code.size() == 3 ? ActorKind::kCountry : ActorKind::kGroup;
      e.from = dc.from;
      e.to = dc.to;
      e.takes_agents = true;
      e.kind_known = false;
      e.where = Where(a.where);
      entries.push_back(b_.AddActorEntry(std::move(e)));
    }
    for (const std::vector<Word>& phrase : a.phrases)
      for (uint32_t idx : entries)
        b_.AddPhraseWords(PhraseWords(phrase, dialect_), /*is_agent=*/false, idx, GapMask(phrase, dialect_));
  }

  // A discard phrase is an actor phrase that takes the sentence (or the story) out.
  void Discard(const DiscardRecord& d) {
    if (d.phrase.empty()) return;
    ActorEntry e;
    e.code = d.whole_story ? std::string(kStoryDiscardCode) : "###";
    e.name = TitleCase(d.phrase);
    e.kind = ActorKind::kGroup;
    e.kind_known = false;
    e.where = Where(d.where);
    const uint32_t idx = b_.AddActorEntry(std::move(e));
    b_.AddPhraseWords(PhraseWords(d.phrase, dialect_), false, idx);
  }

  void Agent(const AgentRecord& a) {
    AgentEntry e;
    e.code = a.code;
    e.prefix = a.prefix;
    e.name = TitleCase(a.phrase);
    e.where = Where(a.where);
    const uint32_t idx = b_.AddAgentEntry(std::move(e));
    std::vector<std::pair<std::string, WordMode>> words = PhraseWords(a.phrase, dialect_);
    // PETRARCH: "POLICE {}" takes no plural ("polices" is no agent), and an agent with its
    // plurals written out takes only those.
    if (dialect_ != DictionaryDialect::kTabari && (a.no_plural || !a.plurals.empty()) && !words.empty() &&
        words.back().second == WordMode::kEndings)
      words.back().second = WordMode::kExact;
    b_.AddPhraseWords(words, /*is_agent=*/true, idx, GapMask(a.phrase, dialect_));
    for (const std::vector<Word>& plural : a.plurals) {
      std::vector<std::pair<std::string, WordMode>> words;
      for (const Word& w : plural) words.emplace_back(w.text, WordMode::kExact);
      b_.AddPhraseWords(words, true, idx);
    }
  }

  // A word, or a set of alternatives (words or phrases), as a pattern element; false when it
  // cannot be one.
  bool WordElement(const PatternToken& t, PatternElement* el, std::string* why) {
    // A synset token compiles to the same element wherever it stands: compiled once, shared
    // (the Phoenix verbs name a few hundred synsets some ten thousand times).
    if (t.kind == PatternToken::kSynset) {
      if (auto it = synset_elements_.find(t.synset); it != synset_elements_.end()) {
        *el = it->second.element;
        negation_seen_ = negation_seen_ || it->second.negation;
        return true;
      }
      const bool negation_before = negation_seen_;
      negation_seen_ = false;
      const bool ok = NewWordElement(t, el, why);
      if (ok) synset_elements_.emplace(t.synset, CompiledSynset{*el, negation_seen_});
      negation_seen_ = negation_seen_ || negation_before;
      return ok;
    }
    return NewWordElement(t, el, why);
  }

  bool NewWordElement(const PatternToken& t, PatternElement* el, std::string* why) {
    std::vector<std::vector<uint32_t>> set;
    auto add_phrase = [&](const std::vector<Word>& phrase) -> bool {
      if (phrase.size() == 1 && !phrase[0].text.empty() && phrase[0].text[0] == '&')
        return AddSynset(phrase[0].text.substr(1), &set, why, 0);
      return ExpandPhrase(phrase, &set, why, 0);
    };
    if (t.kind == PatternToken::kSynset) {
      if (!AddSynset(t.synset, &set, why, 0)) return false;
    } else if (!t.alternatives.empty()) {
      for (const std::vector<Word>& alt : t.alternatives)
        if (!add_phrase(alt)) return false;
    } else {
      if (!add_phrase({t.word})) return false;
    }
    if (set.empty()) {
      *why = "an empty set";
      return false;
    }
    bool single_words = true;
    for (const auto& phrase : set)
      for (uint32_t id : phrase) single_words = single_words && phrase.size() == 1 && !b_.IsStemMarked(id);
    if (set.size() == 1 && single_words) {
      el->kind = PatternElement::kWord;
      el->word = set[0][0];
    } else if (single_words) {
      std::vector<uint32_t> words;
      for (const auto& phrase : set) words.push_back(phrase[0]);
      el->kind = PatternElement::kWordSet;
      el->word = b_.AddWordSet(std::move(words));
    } else {
      el->kind = PatternElement::kPhraseSet;
      el->word = b_.AddPhraseSet(std::move(set));
    }
    return true;
  }

  // A word of a set or synset: a TABARI stem is marked, so that it matches as a prefix.
  uint32_t InternMember(const std::string& token, const Word& w) {
    if (dialect_ == DictionaryDialect::kTabari && !w.exact && token != "n't" && token.size() >= 3)
      return b_.Intern(std::string(1, kStemMark) + token);
    return b_.Intern(token);
  }

  // The members of a synset, nested synsets expanded (to a depth of 4).
  bool AddSynset(const std::string& name, std::vector<std::vector<uint32_t>>* set, std::string* why, int depth) {
    auto it = synsets_.find(name);
    if (it == synsets_.end()) {
      *why = "synset &" + name + " is not defined";
      return false;
    }
    if (depth > 4) {
      *why = "synsets nested more than four deep at &" + name;
      return false;
    }
    for (const std::vector<Word>& phrase : it->second->phrases) {
      if (phrase.size() == 1 && !phrase[0].text.empty() && phrase[0].text[0] == '&') {
        if (!AddSynset(phrase[0].text.substr(1), set, why, depth + 1)) return false;
        continue;
      }
      bool slot = false;
      for (const Word& w : phrase) slot = slot || w.text == "$" || w.text == "+";
      if (slot) continue;  // a member with an actor slot ("PESO_$") is left out
      if (!ExpandPhrase(phrase, set, why, depth + 1)) return false;
    }
    return true;
  }

  // Appends to *set the word sequences of `phrase`, a synset inside it ("&TIETYPES_MEMOS")
  // standing for each of its members in turn (at most 512 sequences per phrase).
  bool ExpandPhrase(const std::vector<Word>& phrase, std::vector<std::vector<uint32_t>>* set, std::string* why,
                    int depth) {
    std::vector<std::vector<uint32_t>> partial(1);
    for (const Word& w : phrase) {
      if (!w.text.empty() && w.text[0] == '&') {
        std::vector<std::vector<uint32_t>> members;
        if (!AddSynset(w.text.substr(1), &members, why, depth + 1)) return false;
        std::vector<std::vector<uint32_t>> next;
        for (const auto& head : partial)
          for (const auto& m : members) {
            if (next.size() >= 512) break;
            next.push_back(head);
            next.back().insert(next.back().end(), m.begin(), m.end());
          }
        partial = std::move(next);
        continue;
      }
      for (const std::string& t : TokenWords(w.text)) {
        const uint32_t id = InternMember(t, w);
        for (auto& p : partial) p.push_back(id);
        negation_seen_ = negation_seen_ || IsNegationWord(t);
      }
    }
    for (auto& p : partial)
      if (!p.empty()) set->push_back(std::move(p));
    return true;
  }

  // Appends the elements of `tokens` (one side of the verb) to `out`, in text order.
  // Before the verb (TABARI), `next_joined` says whether the token after the last one (the
  // verb, or the token after an inner phrase) is joined to it by "_".
  bool Elements(const std::vector<PatternToken>& tokens, bool after_verb, std::vector<PatternElement>* out,
                std::string* why, uint32_t in_slot = 0) {
    auto is_word = [](const PatternToken& t) { return t.kind == PatternToken::kWord || t.kind == PatternToken::kSynset; };
    for (size_t k = 0; k < tokens.size(); ++k) {
      const PatternToken& t = tokens[k];
      // TABARI's default skipping: words may stand between tokens not joined by "_" (before the
      // verb too: "DEATH TOLL *" meets "death and injury toll has risen", "DEATH_TOTAL *" not).
      // The words of a PETRARCH-2 phrase slot are one phrase: in a noun phrase
      // ("{NEW &TIETYPES RELATIONS}") only determiners and adjectives come between them, in a
      // prepositional phrase ("(FOR ASYLUM)") only determiners.
      const bool joined_in_slot = in_slot != 0 && k > 0 && is_word(t) && is_word(tokens[k - 1]);
      const bool slot = t.kind == PatternToken::kNounPhrase || t.kind == PatternToken::kPrepPhrase;
      // (A slot's first word takes the skip written before the slot.)
      if (!t.consecutive && !(in_slot != 0 && k == 0))
        out->push_back(PatternElement{PatternElement::kSkip, joined_in_slot ? in_slot : slot ? kBeforeSlot : 0u});
      PatternElement el;
      switch (t.kind) {
        case PatternToken::kWord:
        case PatternToken::kSynset:
          if (!WordElement(t, &el, why)) return false;
          out->push_back(el);
          break;
        case PatternToken::kSource:
          out->push_back(PatternElement{PatternElement::kSource, 0});
          break;
        case PatternToken::kTarget:
          out->push_back(PatternElement{PatternElement::kTarget, 0});
          break;
        case PatternToken::kSkip:
          // TABARI's "^" passes over an actor, PETRARCH's over a phrase.
          out->push_back(PatternElement{dialect_ == DictionaryDialect::kTabari ? PatternElement::kSkipActor
                                                                              : PatternElement::kPhraseSkip,
                                        0});
          break;
        case PatternToken::kNounPhrase:
        case PatternToken::kPrepPhrase:
          if (!Elements(t.inner, after_verb, out, why,
                        t.kind == PatternToken::kNounPhrase ? kModifiersOnly : kDeterminersOnly))
            return false;
          break;
        case PatternToken::kCompound:
          out->push_back(PatternElement{PatternElement::kCompound, 0});
          break;
        case PatternToken::kNegation:
          *why = "a negation marker";
          return false;
        case PatternToken::kVerb:
          *why = "a second verb position";
          return false;
      }
    }
    return true;
  }

  void Verb(const VerbRecord& v, const std::vector<const VerbPatternRecord*>& patterns) {
    if (v.verb.empty()) return;
    // A multi-word verb ("+CORDON_OFF", "WIRE_+TAP", TABARI "BURN_DOWN"): the words after the
    // verb word must follow it at once, the words before it precede it at once.
    const size_t head_word = v.head_word >= 0 && static_cast<size_t>(v.head_word) < v.verb.size() ? v.head_word : 0;
    particles_.clear();
    prefix_.clear();
    for (size_t k = head_word + 1; k < v.verb.size(); ++k)
      particles_.push_back(PatternElement{PatternElement::kWord, b_.Intern(v.verb[k].text)});
    for (size_t k = head_word; k-- > 0;) prefix_.push_back(PatternElement{PatternElement::kWord, b_.Intern(v.verb[k].text)});
    // The verb's heads: its lemma (a TABARI stem is matched as a stem of the written form),
    // and the lemmas of irregular forms the lexicon does not already lead back to it.
    // A PETRARCH verb entry written as an inflected form ("LEFT", "BEGAN") is that form only:
    // PETRARCH generates regular forms from the word as written, so "LEFT" never meets "leave".
    struct Head {
      uint32_t id;
      WordMode mode;
      bool form;
      bool operator==(const Head&) const = default;
    };
    std::vector<Head> heads;
    const bool petrarch = dialect_ == DictionaryDialect::kPetrarch1 || dialect_ == DictionaryDialect::kPetrarch2;
    auto add = [&](Head h) {
      for (const Head& seen : heads)
        if (seen == h) return;
      heads.push_back(h);
    };
    auto add_head = [&](const Word& w, bool entry_word) {
      if (dialect_ == DictionaryDialect::kTabari) {
        if (!w.exact) {
          add({b_.Intern(w.text), WordMode::kStem, false});
        } else if (w.no_endings) {
          add({b_.Intern(w.text), WordMode::kExact, false});  // "BAN=": this word only
        } else {
          // "DEPART_": the word with TABARI's regular endings ("departs", "departing"), found
          // whatever the tagger says, and any form the lexicon leads back to it ("called").
          add({b_.Intern(w.text), WordMode::kEndings, false});
          add({b_.Intern(VerbLemma(w.text)), WordMode::kExact, false});
        }
        return;
      }
      const std::string_view lemma = Lexicon::Default().Lemma(w.text, Tag::VB);
      // An inflected form: the lexicon leads it, as a past, participle or -s form, to another word.
      bool inflected = lemma != w.text;
      if (const std::optional<LexiconEntry> e = Lexicon::Default().Lookup(w.text))
        for (Tag t : {Tag::VBD, Tag::VBN, Tag::VBZ, Tag::VBG})
          if (const std::optional<std::string_view> l = e->lemma_for(t); l && *l != w.text) inflected = true;
      if (petrarch && entry_word && inflected) add({b_.Intern(w.text), WordMode::kExact, true});
      else add({b_.Intern(lemma), WordMode::kExact, false});
    };
    add_head(v.verb[head_word], true);
    for (const std::vector<Word>& form : v.forms)
      if (!form.empty()) add_head(form[0], false);
    for (size_t k = 0; k < heads.size(); ++k) VerbPatterns(v, patterns, heads[k].id, heads[k].mode, heads[k].form, k == 0);
  }

  // Problems are reported for the verb's first head only (the others repeat its patterns).
  void VerbPatterns(const VerbRecord& v, const std::vector<const VerbPatternRecord*>& patterns, uint32_t head,
                    WordMode head_mode, bool head_form, bool report) {
    if (v.has_code) {
      VerbPattern p;
      SplitCode(v.code, &p.code, &p.reverse_code, &p.subordinate, &p.dominant);
      p.head = head;
      p.head_mode = head_mode;
      p.head_form = head_form;
      p.where = Where(v.where);
      p.after = particles_;
      p.before = prefix_;
      p.specificity = static_cast<int>(particles_.size() + prefix_.size());
      p.bare = true;
      b_.AddPattern(std::move(p));
    }
    for (const VerbPatternRecord* r : patterns) {
      VerbPattern p;
      SplitCode(r->code, &p.code, &p.reverse_code, &p.subordinate, &p.dominant);
      p.head = head;
      p.head_mode = head_mode;
      p.head_form = head_form;
      p.where = Where(r->where);
      size_t verb_at = r->tokens.size();
      for (size_t k = 0; k < r->tokens.size(); ++k)
        if (r->tokens[k].kind == PatternToken::kVerb) {
          verb_at = k;
          break;
        }
      if (verb_at == r->tokens.size()) {
        if (report) b_.AddProblem(Place(r->where) + ": a pattern without the verb position '*'; skipped");
        continue;
      }
      std::vector<PatternToken> before(r->tokens.begin(), r->tokens.begin() + static_cast<long>(verb_at));
      std::vector<PatternToken> after(r->tokens.begin() + static_cast<long>(verb_at) + 1, r->tokens.end());
      std::string why;
      std::vector<PatternElement> before_elements;
      p.after = particles_;
      negation_seen_ = false;
      const bool before_ok = Elements(before, false, &before_elements, &why);
      const bool negation_before = negation_seen_;
      if (!before_ok || !Elements(after, true, &p.after, &why)) {
        if (report) b_.AddProblem(Place(r->where) + ": " + why + " is not compiled yet; pattern skipped");
        continue;
      }
      p.before = prefix_;
      // "RECENTLY_*": the word joined to the verb stands right before it, with no auxiliary
      // between ("recently did allow" does not match).
      if (prefix_.empty() && r->tokens[verb_at].consecutive && !before_elements.empty())
        p.before.push_back(PatternElement{PatternElement::kSkip, kAdjacent});
      p.before.insert(p.before.end(), before_elements.rbegin(), before_elements.rend());
      // A negation among the words before the verb ("NOT *", "DIDN'T *") is encoded by the
      // pattern: the event is not dropped as negated.
      if (negation_before) p.negated = true;
      for (const PatternElement& el : p.before) p.specificity += IsWordLike(el);
      for (const PatternElement& el : p.after) p.specificity += IsWordLike(el);
      b_.AddPattern(std::move(p));
    }
  }

  // "042:043" pairs: the source's act toward the target, then the target's toward the source
  // (a visit made is a visit hosted). Other codes pass through as written.
  // TABARI's "023?" is a subordinate code: the event counts only when the sentence has no
  // other; "031!" a dominant one: when the sentence has one, only dominant events count.
  static void SplitCode(const std::string& code, std::string* forward, std::string* reverse, bool* subordinate,
                        bool* dominant) {
    const size_t colon = code.find(':');
    *forward = colon == std::string::npos ? code : code.substr(0, colon);
    *reverse = colon == std::string::npos ? "" : code.substr(colon + 1);
    *subordinate = *dominant = false;
    for (std::string* c : {forward, reverse}) {
      if (!c->empty() && c->back() == '?') {
        c->pop_back();
        *subordinate = true;
      } else if (!c->empty() && c->back() == '!') {
        c->pop_back();
        *dominant = true;
      }
    }
  }

  const DictionarySource& src_;
  DictionaryDialect dialect_;
  DictionaryBuilder& b_;
  std::vector<uint16_t> files_;
  std::map<std::string, const SynsetRecord*> synsets_;
  struct CompiledSynset {
    PatternElement element;
    bool negation;  // a negation word is among its members
  };
  std::unordered_map<std::string, CompiledSynset> synset_elements_;
  std::vector<PatternElement> particles_;  // the words after a multi-word verb's head
  std::vector<PatternElement> prefix_;     // the words before it, nearest first
  bool negation_seen_ = false;             // a negation word went into the elements being built
};

}  // namespace

void AddSource(const DictionarySource& src, DictionaryDialect dialect, DictionaryBuilder* builder) {
  Compiler(src, dialect, builder).Run();
  // PETRARCH codes an agent standing alone as an actor: "---" + its code.
  if (dialect == DictionaryDialect::kPetrarch1 || dialect == DictionaryDialect::kPetrarch2)
  {
    builder->SetLoneAgentPrefix("---");
    builder->SetHypotheticalModals(false);
    builder->SetSubordinateEventsYield(true);
    builder->SetSubjectFromModifiers(true);
  }
  if (dialect == DictionaryDialect::kPetrarch1) {
    builder->SetPassiveNeedsAgent(true);
    builder->SetPatternWordsAsWritten(true);
  }
  if (dialect == DictionaryDialect::kPetrarch2) builder->SetComplementEventsFold(true);
  if (dialect == DictionaryDialect::kTabari) builder->SetVerbsTakeEndings(true);
  if (dialect == DictionaryDialect::kTabari || dialect == DictionaryDialect::kPetrarch1) {
    builder->SetSplitJointCodes(true);
    builder->SetLooseWordsBeforeVerb(true);
  }
  for (const std::string& p : src.problems) builder->AddProblem(p);
}

}  // namespace dateline
