// Tagger: two passes over each sentence.
//
// Pass 1 gives every token its candidate readings, most probable first: from the lexicon
// (P(tag | word)), adjusted for capitalization (a capitalized word inside a sentence is a proper
// noun unless the lexicon says it is a function word), or from suffix rules for unknown words.
// Pass 2 walks left to right and picks one reading with a few Brill-style contextual rules that
// look at the already-chosen tags on the left and the best readings on the right; no search over
// tag sequences. The lemma follows from the final tag.
//
// The "clause" state tracks whether a finite verb (VBD, VBZ, VBP, MD) was already chosen since
// the last clause boundary (punctuation, quote, subordinator, relative pronoun), which decides
// between "China fears instability" (verb) and "could threaten energy imports" (noun).
#include <algorithm>
#include <vector>

#include "token/token.h"

namespace dateline {

namespace {

struct Readings {
  Tag tags[3] = {Tag::kUnknown, Tag::kUnknown, Tag::kUnknown};
  float weight[3] = {0, 0, 0};
  uint8_t n = 0;
  std::optional<LexiconEntry> entry;

  // *this = Readings(), field by field: assigning a temporary made the compiler copy it through
  // the stack with loads that wait for the stores before them, once per token.
  void Reset() {
    tags[0] = tags[1] = tags[2] = Tag::kUnknown;
    weight[0] = weight[1] = weight[2] = 0;
    n = 0;
    entry.reset();
  }

  void Add(Tag t, float w) {
    for (int i = 0; i < n; ++i)
      if (tags[i] == t) return;
    if (n < 3) {
      tags[n] = t;
      weight[n] = w;
      ++n;
    }
  }
  bool Has(Tag t) const {
    for (int i = 0; i < n; ++i)
      if (tags[i] == t) return true;
    return false;
  }
  float Weight(Tag t) const {
    for (int i = 0; i < n; ++i)
      if (tags[i] == t) return weight[i];
    return 0;
  }
  void Promote(Tag t) {  // moves t to the front, keeping the order of the rest
    for (int i = 0; i < n; ++i) {
      if (tags[i] != t) continue;
      const float w = weight[i];
      for (int k = i; k > 0; --k) {
        tags[k] = tags[k - 1];
        weight[k] = weight[k - 1];
      }
      tags[0] = t;
      weight[0] = w;
      return;
    }
  }
  Tag top() const { return n ? tags[0] : Tag::kUnknown; }
};

inline bool EndsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

bool IsFinite(Tag t) { return t == Tag::VBD || t == Tag::VBZ || t == Tag::VBP || t == Tag::MD; }
bool IsFunctionTag(Tag t) {
  switch (t) {
    case Tag::DT: case Tag::PDT: case Tag::IN: case Tag::CC: case Tag::PRP: case Tag::PRPS: case Tag::MD:
    case Tag::TO: case Tag::WDT: case Tag::WP: case Tag::WPS: case Tag::WRB: case Tag::EX: case Tag::POS:
    case Tag::RP: case Tag::UH:
      return true;
    default:
      return false;
  }
}
bool IsNominal(Tag t) { return IsNoun(t) || t == Tag::PRP; }
// Tags after which a noun/verb-ambiguous word is a noun: "the move", "its policy", "of regime change".
bool TakesNoun(Tag t) {
  switch (t) {
    case Tag::DT: case Tag::PDT: case Tag::PRPS: case Tag::WPS: case Tag::POS: case Tag::JJ: case Tag::JJR:
    case Tag::JJS: case Tag::CD: case Tag::IN:
      return true;
    default:
      return false;
  }
}

// Verbs whose finite form takes a clause without "that": "Experts say China fears ...".
bool TakesBareClause(std::string_view lemma) {
  static constexpr std::string_view kVerbs[] = {"say",  "believe", "think", "fear", "hope",  "know",
                                                "claim", "warn",   "expect", "add", "argue", "insist",
                                                "feel", "suggest", "report", "mean", "worry", "estimate",
                                                "indicate", "deny", "acknowledge", "admit", "assert", "agree"};
  for (std::string_view v : kVerbs)
    if (v == lemma) return true;
  return false;
}

bool IsSubordinator(std::string_view w) {
  static constexpr std::string_view kWords[] = {"that",  "because", "if",    "while",  "although", "though",
                                                "whether", "as",    "since", "after",  "before",   "until",
                                                "unless", "when",   "where", "whereas", "once"};
  for (std::string_view x : kWords)
    if (x == w) return true;
  return false;
}

// Readings of a word the lexicon does not know, from its spelling.
void GuessReadings(const Lexicon& lex, std::string_view w, const Token& tok, Readings& r) {
  if (tok.has(Token::kNumber)) {
    r.Add(Tag::CD, 1);
    return;
  }
  bool digits = false;
  for (char c : w) digits |= (c >= '0' && c <= '9');
  if (digits) {
    if (tok.has(Token::kHyphenated) && w.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string_view::npos)
      r.Add(Tag::JJ, 1);  // "500-page", "10-month-old"
    else if (EndsWith(w, "th") || EndsWith(w, "st") || EndsWith(w, "nd") || EndsWith(w, "rd")) r.Add(Tag::JJ, 1);
    else if (tok.has(Token::kCapitalized)) r.Add(Tag::NNP, 1);
    else r.Add(Tag::CD, 1);  // 1960s, 5-year
    return;
  }
  if (tok.has(Token::kHyphenated)) {
    const std::string_view last = w.substr(w.rfind('-') + 1);
    static constexpr std::string_view kAdjectival[] = {"led", "run", "based", "backed", "owned", "made", "born",
                                                       "built", "held", "linked", "related", "style", "old", "long",
                                                       "term", "wide", "level", "scale", "free", "like",
                                                       // participles not spelled -ed: "flood-hit", "war-torn"
                                                       "hit", "torn", "stricken", "struck", "ridden", "bound", "won",
                                                       "known", "grown"};
    static constexpr std::string_view kNumbers[] = {"one", "two", "three", "four", "five", "six", "seven", "eight",
                                                    "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty",
                                                    "forty", "fifty", "hundred", "thousand", "half", "multi", "single"};
    const std::string_view first = w.substr(0, w.find('-'));
    bool adjectival = EndsWith(last, "ed") || EndsWith(last, "ing");
    for (std::string_view n : kNumbers) adjectival |= first == n;  // "seven-week"
    for (std::string_view a : kAdjectival) adjectival |= last == a;
    if (adjectival) {
      r.Add(Tag::JJ, 1);
      return;
    }
    if (std::optional<LexiconEntry> e = lex.Lookup(last); e && e->tag_count() > 0) {
      for (int i = 0; i < e->tag_count(); ++i) {
        const Tag t = e->tag(i);
        if (t == Tag::NN || t == Tag::NNS || t == Tag::JJ) r.Add(t, static_cast<float>(e->weight(i)));
      }
      if (r.n) return;
    }
    r.Add(Tag::JJ, 0.5f);
    r.Add(Tag::NN, 0.5f);
    return;
  }
  auto base_is_verb = [&](size_t strip) {
    if (w.size() <= strip + 2) return false;
    std::optional<LexiconEntry> e = lex.Lookup(w.substr(0, w.size() - strip));
    return e && (e->wordnet_verb() || e->has(Tag::VB));
  };
  auto base_is_noun = [&](size_t strip) {
    if (w.size() <= strip + 2) return false;
    std::optional<LexiconEntry> e = lex.Lookup(w.substr(0, w.size() - strip));
    return e && (e->wordnet_noun() || e->has(Tag::NN));
  };
  if (w.size() > 4 && EndsWith(w, "ly")) return r.Add(Tag::RB, 1);
  if (w.size() > 5 && EndsWith(w, "ing")) return r.Add(Tag::VBG, 1);
  if (w.size() > 4 && EndsWith(w, "ed")) {
    r.Add(Tag::VBD, 0.5f);
    r.Add(Tag::VBN, 0.5f);
    return;
  }
  static constexpr std::string_view kNounSuffixes[] = {"tion", "sion", "ment", "ness", "ity", "ism", "ship",
                                                       "ance", "ence", "hood", "ist", "er", "or", "cy", "ure"};
  static constexpr std::string_view kAdjSuffixes[] = {"al", "ous", "ive", "ic", "ful", "less", "able",
                                                      "ible", "ary", "ian", "ish", "ese", "ean"};
  static constexpr std::string_view kVerbSuffixes[] = {"ize", "ise", "ify", "ate"};
  if (w.size() > 3 && EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is")) {
    const bool verb = base_is_verb(1) || (EndsWith(w, "es") && base_is_verb(2));
    const bool noun = base_is_noun(1) || (EndsWith(w, "es") && base_is_noun(2));
    // The weights matter to the noun/verb rule, which wants a verb reading of at least 0.1.
    if (verb && !noun) {
      r.Add(Tag::VBZ, 0.7f);
      r.Add(Tag::NNS, 0.3f);
    } else if (verb) {
      r.Add(Tag::NNS, 0.92f);
      r.Add(Tag::VBZ, 0.08f);
    } else {
      r.Add(Tag::NNS, 0.95f);
      r.Add(Tag::VBZ, 0.05f);
    }
    return;
  }
  for (std::string_view s : kNounSuffixes)
    if (w.size() > s.size() + 2 && EndsWith(w, s)) return r.Add(Tag::NN, 1);
  for (std::string_view s : kAdjSuffixes)
    if (w.size() > s.size() + 2 && EndsWith(w, s)) return r.Add(Tag::JJ, 1);
  for (std::string_view s : kVerbSuffixes)
    if (w.size() > s.size() + 2 && EndsWith(w, s)) {
      r.Add(Tag::VB, 0.6f);
      r.Add(Tag::VBP, 0.4f);
      return;
    }
  r.Add(Tag::NN, 1);
}

class SentenceTagger {
 public:
  SentenceTagger(const Lexicon& lex, Document& doc, const Sentence& s, std::vector<Readings>& readings)
      : lex_(lex), doc_(doc), toks_(doc.tokens), begin_(s.token_begin), end_(s.token_end), r_(readings) {
    title_case_ = s.headline && IsTitleCase();
    all_caps_ = IsAllCaps();
  }

  void Run() {
    // The lexicon lookups first, all of them: they are independent of each other, so the
    // processor overlaps their memory accesses, which a lookup-then-decide loop would serialize.
    for (uint32_t i = begin_; i < end_; ++i) LookUp(i);
    for (uint32_t i = begin_; i < end_; ++i) InitialReadings(i);
    for (uint32_t i = begin_; i < end_; ++i) {
      Token& t = toks_[i];
      t.tag = Choose(i);
      t.lemma = LemmaOf(i);
      UpdateClause(i);
    }
  }

 private:
  std::string_view Folded(uint32_t i) const { return doc_.folded_view(toks_[i].span); }

  // A headline where (nearly) every word of four letters or more is capitalized.
  bool IsTitleCase() const {
    int words = 0, capitalized = 0;
    for (uint32_t i = begin_; i < end_; ++i) {
      const Token& t = toks_[i];
      if (t.has(Token::kPunct) || t.span.size() < 4) continue;
      ++words;
      capitalized += t.has(Token::kCapitalized);
    }
    return words >= 2 && capitalized * 4 >= words * 3;
  }

  // A sentence written in capitals ("OBAMA AIRDROPS FOOD"): capitals say nothing there.
  bool IsAllCaps() const {
    int words = 0, caps = 0;
    for (uint32_t i = begin_; i < end_; ++i) {
      const Token& t = toks_[i];
      if (t.has(Token::kPunct) || t.span.size() < 2 || t.has(Token::kNumber)) continue;
      ++words;
      caps += t.has(Token::kAllCaps);
    }
    return words >= 2 && caps * 4 >= words * 3;
  }

  // Whether a capital letter at token i says nothing: first word of the sentence, or after an
  // opening quote, a colon or a bracket, or anywhere in a title-case headline.
  bool CapitalIsUninformative(uint32_t i) const {
    if (title_case_ || all_caps_) return true;
    for (uint32_t j = i; j-- > begin_;) {
      const Token& p = toks_[j];
      if (!p.has(Token::kPunct)) return false;
      if (p.has(Token::kOpenQuote)) return true;
      const std::string_view s = doc_.view(p.span);
      if (s == ":" || s == "(" || s == "[") return true;
    }
    return true;
  }

  // Resets the readings of token i to its lexicon entry alone: punctuation other than quote marks
  // is looked up as it is, words by LookupWord.
  void LookUp(uint32_t i) {
    const Token& tok = toks_[i];
    Readings& r = r_[i];
    r.Reset();
    const std::string_view w = Folded(i);
    if (!tok.has(Token::kPunct)) {
      r.entry = LookupWord(w);
    } else if (!tok.has(Token::kOpenQuote) && !tok.has(Token::kCloseQuote)) {
      r.entry = lex_.Lookup(w);
    }
  }

  // REQUIRES: LookUp(i) ran.
  void InitialReadings(uint32_t i) {
    Token& tok = toks_[i];
    Readings& r = r_[i];
    const std::string_view w = Folded(i);
    if (tok.has(Token::kPunct)) {
      if (!tok.has(Token::kOpenQuote) && !tok.has(Token::kCloseQuote)) {
        if (r.entry && r.entry->tag_count() > 0 && r.entry->tag(0) != Tag::PUNCT && !IsNoun(r.entry->tag(0)) &&
            r.entry->tag(0) != Tag::SYM) {
          r.Add(r.entry->tag(0), 1);  // & -> CC
          tok.flags |= Token::kInLexicon;
        }
      }
      if (r.n == 0) r.Add(Tag::PUNCT, 1);
      return;
    }
    if (r.entry) r.entry->PrefetchLemmas();  // LemmaOf reads one after the other passes
    const bool starts_with_digit = w[0] >= '0' && w[0] <= '9';
    // WordNet lists "1960s" as a noun; the spelling rules know better.
    const bool known = r.entry && r.entry->tag_count() > 0 && !(starts_with_digit && r.entry->wordnet_only());
    if (known) tok.flags |= Token::kInLexicon;
    const bool capitalized = tok.has(Token::kCapitalized) || tok.has(Token::kAllCaps);
    // An acronym ("US", "UN") is a name even where a capital says nothing, unless the whole
    // headline is in capitals.
    const bool uninformative = capitalized && CapitalIsUninformative(i) && !(tok.has(Token::kAllCaps) && !all_caps_);

    // "Russian-led": an adjectival compound whatever its capital.
    if (tok.has(Token::kHyphenated) && !known) {
      const std::string_view last = w.substr(w.rfind('-') + 1);
      const std::string_view last_text = doc_.view(tok.span).substr(w.rfind('-') + 1);
      if (!last_text.empty() && last_text[0] >= 'a' && last_text[0] <= 'z' &&
          (EndsWith(last, "ed") || last == "led" || last == "run" || EndsWith(last, "ing"))) {
        r.Add(Tag::JJ, 1);
        return;
      }
    }
    if (tok.has(Token::kNumber)) {
      r.Add(Tag::CD, 1);
      return;
    }
    if (!known) {
      if (capitalized && !uninformative) {
        r.Add(Tag::NNP, 1);
        return;
      }
      GuessReadings(lex_, w, tok, r);
      if (capitalized && r.top() == Tag::NN) {  // sentence-initial unknown capitalized word: a name
        r.Reset();
        r.Add(Tag::NNP, 1);
      }
      return;
    }
    const LexiconEntry& e = *r.entry;
    if (capitalized && !uninformative) {
      const bool function_word = IsFunctionTag(e.tag(0)) && e.proper_weight() < 0.05;
      const bool adjective = e.tag(0) == Tag::JJ && e.weight(0) > e.proper_weight() && !NextIsCapitalized(i);
      if (e.wordnet_only() || (e.has_proper_reading() && !function_word && !adjective)) {
        const bool plural = EndsWith(w, "s") && e.proper_tag() == Tag::NNPS;
        r.Add(plural ? Tag::NNPS : Tag::NNP, 1);
        return;
      }
      if (e.tag(0) == Tag::JJ && !function_word && !NextIsCapitalized(i)) {
        r.Add(Tag::JJ, 1);  // "French officials", "Islamic group"; but "Central Asia" is a name
        return;
      }
      if (!function_word && (IsNoun(e.tag(0)) || IsAdjective(e.tag(0)) || IsVerb(e.tag(0)))) {
        r.Add(e.tag(0) == Tag::NNS ? Tag::NNPS : Tag::NNP, 1);
        return;
      }
    }
    if (capitalized && uninformative && e.wordnet_only() && e.tag(0) == Tag::NN && !e.wordnet_verb() &&
        !e.wordnet_adjective()) {
      r.Add(Tag::NNP, 1);  // "Kazakhstan ..." at the start: WordNet lists names in lower case
      return;
    }
    for (int k = 0; k < e.tag_count(); ++k) {
      const Tag t = e.tag(k);
      if (!capitalized && IsProperNoun(t)) continue;  // lower case: not a name
      r.Add(t, static_cast<float>(e.weight(k)));
    }
    if (r.n == 0) {
      if (capitalized) {
        r.Add(e.proper_tag(), 1);
      } else {
        GuessReadings(lex_, w, tok, r);
      }
    }
    if (!capitalized && EndsWith(w, "ly") && r.Has(Tag::RB)) r.Promote(Tag::RB);  // "briefly"
  }

  bool NextIsCapitalized(uint32_t i) const {
    return i + 1 < end_ && (toks_[i + 1].has(Token::kCapitalized) || toks_[i + 1].has(Token::kAllCaps));
  }

  // Looks the word up; a curly apostrophe (U+2019) is looked up as ' ("country’s" -> ’s).
  std::optional<LexiconEntry> LookupWord(std::string_view w) const {
    if (w.size() > 64 || std::find(w.begin(), w.end(), '\xE2') == w.end()) return lex_.Lookup(w);
    char buffer[64];
    size_t n = 0;
    for (size_t k = 0; k < w.size(); ++k) {
      if (w[k] == '\xE2' && k + 2 < w.size() && w[k + 1] == '\x80' && w[k + 2] == '\x99') {
        buffer[n++] = '\'';
        k += 2;
      } else {
        buffer[n++] = w[k];
      }
    }
    return lex_.Lookup(std::string_view(buffer, n));
  }

  // Index of the previous token, skipping adverbs, "not"/"n't", coordinated adverbs ("heavily
  // and unjustly") and quote marks; -1 if none.
  int64_t PrevCore(uint32_t i) const {
    for (uint32_t j = i; j-- > begin_;) {
      const Token& p = toks_[j];
      if (p.tag == Tag::RB || p.tag == Tag::RBR) continue;
      if (p.has(Token::kOpenQuote) || p.has(Token::kCloseQuote)) continue;
      if (p.tag == Tag::CC && j + 1 < i && j > begin_ && toks_[j + 1].tag == Tag::RB && toks_[j - 1].tag == Tag::RB) continue;
      return j;
    }
    return -1;
  }
  Tag TagAt(int64_t j) const { return j < 0 ? Tag::kUnknown : toks_[j].tag; }
  std::string_view LemmaAt(int64_t j) const { return j < 0 ? std::string_view() : toks_[j].lemma; }
  Tag NextTop(uint32_t i) const {
    for (uint32_t j = i + 1; j < end_; ++j) {
      if (toks_[j].has(Token::kOpenQuote) || toks_[j].has(Token::kCloseQuote)) continue;
      return r_[j].top();
    }
    return Tag::kUnknown;
  }
  // The most recent verb chosen in the sentence before i, or kUnknown.
  Tag RecentVerb(uint32_t i, bool finite_only) const {
    for (uint32_t j = i; j-- > begin_;) {
      const Tag t = toks_[j].tag;
      if (IsVerb(t) || t == Tag::MD) {
        if (!finite_only || IsFinite(t)) return t;
      }
    }
    return Tag::kUnknown;
  }

  // A headline's present-tense verb that the lexicon knows only as a plural noun, or as a noun
  // first: "Poland summons Russian ambassador", "Philippines slams China", "Israel vows to ...".
  // Told by the shape: no final punctuation, nothing but a name before it, no finite verb yet,
  // and a name, adjective, determiner, number or "to" after it.
  bool HeadlineVerb(uint32_t i) const {
    const Readings& r = r_[i];
    const std::string_view w = Folded(i);
    if (i == begin_ || w.size() < 4 || w.back() != 's' || toks_[i].has(Token::kCapitalized)) return false;
    if (!r.Has(Tag::NNS) && !r.Has(Tag::NN)) return false;
    const std::string_view last = Folded(end_ - 1);
    if (last == "." || last == "?" || last == "!" || end_ - begin_ > 16) return false;
    for (uint32_t j = begin_; j < i; ++j) {
      const Tag t = toks_[j].tag;
      if (t != Tag::NNP && t != Tag::NNPS && t != Tag::POS && !(j == begin_ && t == Tag::JJ)) return false;
    }
    if (!IsProperNoun(toks_[i - 1].tag)) return false;
    if (i + 1 >= end_) return false;
    const Tag next = r_[i + 1].top();
    const bool fits_next = IsProperNoun(next) || next == Tag::JJ || next == Tag::DT || next == Tag::PRPS ||
                           next == Tag::CD || Folded(i + 1) == "to" || toks_[i + 1].has(Token::kCapitalized);
    if (!fits_next) return false;
    if (r.Has(Tag::VBZ)) return true;
    const std::optional<LexiconEntry> base = lex_.Lookup(w.substr(0, w.size() - 1));
    return base && (base->wordnet_verb() || base->has(Tag::VB));
  }

  static Tag FirstOf(const Readings& r, std::initializer_list<Tag> wanted) {
    for (int k = 0; k < r.n; ++k)
      for (Tag t : wanted)
        if (r.tags[k] == t) return t;
    return Tag::kUnknown;
  }

  Tag Choose(uint32_t i) {
    const Readings& r = r_[i];
    if (r.n == 0) return Tag::kUnknown;
    const std::string_view w = Folded(i);
    const int64_t p = PrevCore(i);
    const Tag prev = TagAt(p);
    const std::string_view prev_lemma = LemmaAt(p);
    const int64_t prev_raw = i > begin_ ? static_cast<int64_t>(i) - 1 : -1;
    const Tag prev_raw_tag = TagAt(prev_raw);

    // Word-specific rules.
    if (w == "that" && r.n > 1) {
      const Tag next = NextTop(i);
      if (IsVerb(next) || next == Tag::MD) return Tag::WDT;  // "a force that destabilizes"
      if ((next == Tag::NN || next == Tag::NNS || next == Tag::JJ) &&
          (prev == Tag::IN || prev == Tag::kUnknown || prev == Tag::CC || prev == Tag::PUNCT))
        return Tag::DT;  // "in that country"
      return Tag::IN;    // "shows that the situation"
    }
    // The entry of "'s", also found for "’s" (LookupWord reads ’ as '): told by the token's
    // own text, which is at hand, while the entry's word is a read far into the lexicon.
    const bool apostrophe_s =
        r.entry && (w == "'s" || (!toks_[i].has(Token::kPunct) && w == "\xE2\x80\x99s"));
    if (apostrophe_s && r.Has(Tag::POS)) {
      static constexpr std::string_view kHosts[] = {"it", "he", "she", "that", "there", "here", "what", "who", "where",
                                                    "how", "this"};
      const std::string_view host = prev_raw >= 0 ? Folded(static_cast<uint32_t>(prev_raw)) : std::string_view();
      for (std::string_view h : kHosts)
        if (host == h) return Tag::VBZ;
      if (host == "let") return Tag::PRP;
      return Tag::POS;
    }
    if (HeadlineVerb(i)) return Tag::VBZ;
    // "ca n't", "wo n't": the modal of a split contraction.
    if ((w == "ca" || w == "wo" || w == "sha") && r.Has(Tag::MD) && i + 1 < end_ && Folded(i + 1) == "n't") return Tag::MD;
    if (w == "there" && r.Has(Tag::EX)) {
      const Tag next = NextTop(i);
      return (IsVerb(next) || next == Tag::MD) ? Tag::EX : Tag::RB;
    }
    // "the reopening of", "a hafling was": a gerund after a determiner, unless a noun follows.
    if (r.tags[0] == Tag::VBG && (prev == Tag::DT || prev == Tag::PRPS || prev == Tag::POS)) {
      const Tag next = NextTop(i);
      if (!IsNoun(next) && !IsAdjective(next)) return Tag::NN;
    }
    if (w == "such" && r.Has(Tag::PDT) && NextTop(i) == Tag::DT) return Tag::PDT;  // "such a step"
    if (r.n == 1) return r.tags[0];

    const Tag next = NextTop(i);
    const bool next_nominal = IsNoun(next) || IsAdjective(next) || next == Tag::CD;
    // Comparatives and superlatives before a noun are adjectives: "closer relations".
    if (r.Has(Tag::JJR) && IsNoun(next)) return Tag::JJR;
    if (r.Has(Tag::JJS) && IsNoun(next)) return Tag::JJS;
    // Adjective or noun: "the French military in Rwanda" vs "territorial disputes".
    if (r.tags[0] == Tag::JJ && r.Has(Tag::NN) && TakesNoun(prev) && prev != Tag::IN && prev != Tag::CD &&
        !next_nominal && next != Tag::kUnknown)
      return Tag::NN;
    if (r.tags[0] == Tag::NN && r.Has(Tag::JJ) && r.Weight(Tag::JJ) >= 0.3f && IsNoun(next) && !IsProperNoun(next))
      return Tag::JJ;
    // Gerund with an object: "offering further support", "planning the massacres".
    if (r.Has(Tag::VBG) && r.tags[0] != Tag::VBG && prev != Tag::DT && prev != Tag::PRPS && prev != Tag::POS &&
        !IsAdjective(prev) && (next == Tag::DT || next == Tag::PRPS || next == Tag::JJ || next == Tag::CD))
      return Tag::VBG;

    const bool has_noun = FirstOf(r, {Tag::NN, Tag::NNS}) != Tag::kUnknown;
    const Tag verb_reading = FirstOf(r, {Tag::VBZ, Tag::VBP, Tag::VBD, Tag::VB, Tag::VBN});
    const bool has_verb = verb_reading != Tag::kUnknown;
    const bool after_to_or_modal = prev == Tag::TO || prev == Tag::MD ||
                                   (IsVerb(prev) && prev_lemma == "do") ||
                                   (IsVerb(prev) && (prev_lemma == "help" || prev_lemma == "let"));
    const bool after_have = IsVerb(prev) && prev_lemma == "have";
    const bool after_be = IsVerb(prev) && prev_lemma == "be";

    // "any outside force": an adjective reading after a determiner beats a preposition or adverb.
    if ((prev == Tag::DT || prev == Tag::PRPS || prev == Tag::POS) && r.Has(Tag::JJ) &&
        (r.tags[0] == Tag::IN || r.tags[0] == Tag::RB))
      return Tag::JJ;

    // Base forms after "to", modals and do-support — unless an adverb reading comes first and a
    // verb follows: "did not even ever clash".
    bool adverb_before_verb = false;
    if (r.tags[0] == Tag::RB) {
      uint32_t k = i + 1;
      while (k < end_ && r_[k].n > 0 && r_[k].tags[0] == Tag::RB) ++k;
      adverb_before_verb = k < end_ && r_[k].Has(Tag::VB);
    }
    if (after_to_or_modal && (r.Has(Tag::VB) || r.Has(Tag::VBP)) && !adverb_before_verb) return Tag::VB;

    // Past participle or past tense.
    if (r.Has(Tag::VBN) && (after_have || after_be)) return Tag::VBN;
    if (r.Has(Tag::VBD) && r.Has(Tag::VBN)) {
      if (NextIsBy(i)) return Tag::VBN;
      if (prev == Tag::CC) {
        // "were captured or set" continues a participle; "said ... and warned" a finite verb.
        const Tag recent = RecentVerb(i, false);
        if (recent == Tag::VBN) return Tag::VBN;
        if (recent != Tag::kUnknown && recent != Tag::VBG) return Tag::VBD;
      }
      if (prev == Tag::DT || prev == Tag::PRPS || prev == Tag::POS) return Tag::VBN;  // "the disputed region"
      if (prev == Tag::PRP && p == prev_raw) return Tag::VBD;  // "it deplored": pronouns take no participles
      // "including internationally trained Islamist militants": a participle before a noun, with
      // no subject on its left.
      if ((IsNoun(next) || IsAdjective(next)) && !IsNominal(prev) && prev != Tag::kUnknown) return Tag::VBN;
      return clause_has_finite_ ? Tag::VBN : Tag::VBD;
    }

    // Noun or verb.
    if (has_noun && has_verb) {
      if (TakesNoun(prev) || prev == Tag::VBG || (IsVerb(prev) && prev_lemma != "be" && prev_lemma != "have" &&
                                                   prev_lemma != "do"))
        return FirstOf(r, {Tag::NN, Tag::NNS});
      if (prev == Tag::WDT || prev == Tag::WP || prev == Tag::PRP) return FiniteReading(r, prev, p);
      if (prev == Tag::CC) {
        const Tag recent = RecentVerb(i, true);
        const int64_t before_cc = p > begin_ ? p - 1 : -1;
        const Tag before = TagAt(before_cc);
        if (recent != Tag::kUnknown && r.Has(recent) && before != Tag::NN && before != Tag::NNS) return recent;
        return FirstOf(r, {Tag::NN, Tag::NNS});
      }
      // "Calenardhon crowds burned": a verb right after makes this the subject noun.
      const bool verb_follows = IsFinite(next) || next == Tag::VBN;
      if (IsNoun(prev) && !clause_has_finite_ && prev_raw_tag != Tag::PUNCT && !verb_follows) {
        const Tag finite = FiniteReading(r, prev, p);
        // VB and VBP are spelled alike: together they are the weight of a present-tense reading.
        const float weight = finite == Tag::VBP ? r.Weight(Tag::VB) + r.Weight(Tag::VBP) : r.Weight(finite);
        if (IsFinite(finite) && weight >= 0.1f) return finite;
        // A past form spelled like its base ("cut", "hit", "set"), whose past-tense reading the
        // three kept readings lost to the participle: past tense after a name, or before an
        // object ("Niger cut diplomatic ties", "drones hit an oil refinery").
        if (r.Has(Tag::VBN) && r.Has(Tag::VB) && !r.Has(Tag::VBD) &&
            (IsProperNoun(prev) || next == Tag::DT || next == Tag::PRPS || IsAdjective(next) || next == Tag::CD))
          return Tag::VBD;
        return FirstOf(r, {Tag::NN, Tag::NNS});
      }
      if (IsNoun(prev) && clause_has_finite_) return FirstOf(r, {Tag::NN, Tag::NNS});
    }

    // Base verb: VB or VBP.
    if (r.Has(Tag::VB) && r.Has(Tag::VBP)) {
      if (prev == Tag::CC) {
        const Tag recent = RecentVerb(i, false);
        if (recent == Tag::VB || recent == Tag::VBP) return recent;  // "to strengthen ... and oppose"
      }
      if (IsNominal(prev) || prev == Tag::WDT || prev == Tag::WP) return Tag::VBP;
      if (p < 0) return Tag::VB;  // imperative at the start
    }
    if (r.tags[0] == Tag::UH && p >= 0) return r.tags[1];
    return r.tags[0];
  }

  // The finite verb reading that agrees with the subject before it.
  Tag FiniteReading(const Readings& r, Tag subject, int64_t subject_index) const {
    if (r.Has(Tag::VBD)) return Tag::VBD;
    bool plural = subject == Tag::NNS || subject == Tag::NNPS;
    if (subject == Tag::PRP && subject_index >= 0) {
      const std::string_view s = Folded(static_cast<uint32_t>(subject_index));
      plural = s == "they" || s == "we" || s == "you" || s == "i";
    }
    // "who control": VB spells VBP when the present-tense reading was not kept.
    if (subject == Tag::WDT || subject == Tag::WP)
      return r.Has(Tag::VBZ) ? Tag::VBZ : (r.Has(Tag::VBP) || r.Has(Tag::VB)) ? Tag::VBP : r.tags[0];
    if (plural && (r.Has(Tag::VBP) || r.Has(Tag::VB))) return Tag::VBP;  // "tanks head back": VB spells VBP
    if (!plural && r.Has(Tag::VBZ)) return Tag::VBZ;
    return FirstOf(r, {Tag::NN, Tag::NNS});
  }

  bool NextIsBy(uint32_t i) const { return i + 1 < end_ && Folded(i + 1) == "by"; }

  void UpdateClause(uint32_t i) {
    const Token& t = toks_[i];
    if (t.has(Token::kPunct)) {
      const std::string_view s = doc_.view(t.span);
      if (t.has(Token::kOpenQuote) || t.has(Token::kCloseQuote) || s == "," || s == ";" || s == ":" || s == "(" ||
          s == ")" || s[0] == '-' || (s.size() == 3 && static_cast<unsigned char>(s[0]) == 0xE2))
        clause_has_finite_ = false;
      return;
    }
    if (t.tag == Tag::WDT || t.tag == Tag::WP || t.tag == Tag::WPS || t.tag == Tag::WRB ||
        (t.tag == Tag::IN && IsSubordinator(Folded(i)))) {
      clause_has_finite_ = false;
      return;
    }
    if (IsFinite(t.tag) && !TakesBareClause(t.lemma)) clause_has_finite_ = true;
  }

  std::string_view LemmaOf(uint32_t i) const {
    const Token& t = toks_[i];
    const std::string_view w = Folded(i);
    if (t.has(Token::kPunct) || IsProperNoun(t.tag) || t.tag == Tag::CD) return w;
    const Readings& r = r_[i];
    if (r.entry) {
      if (std::optional<std::string_view> l = r.entry->lemma_for(t.tag)) return *l;
    }
    return lex_.Lemma(w, t.tag);
  }

  const Lexicon& lex_;
  Document& doc_;
  std::vector<Token>& toks_;
  uint32_t begin_, end_;
  std::vector<Readings>& r_;
  bool title_case_ = false;
  bool all_caps_ = false;
  bool clause_has_finite_ = false;
};

}  // namespace

Status Tagger::Run(Document& doc) const {
  // The readings are scratch, one per token: kept per thread so that documents reuse the
  // capacity (one allocation per document costs more than tagging a one-sentence article).
  thread_local std::vector<Readings> readings;
  if (readings.size() < doc.tokens.size()) readings.resize(doc.tokens.size());  // LookUp resets each
  for (const Sentence& s : doc.sentences) {
    if (s.token_end > doc.tokens.size() || s.token_begin > s.token_end)
      return InvalidArgument(doc.id + ": sentence token range outside the tokens (run the tokenizer first)");
    SentenceTagger(lexicon_, doc, s, readings).Run();
  }
  return Status::Ok();
}

}  // namespace dateline
