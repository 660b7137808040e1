// Dictionary: actors, agents and verb patterns, compiled once into immutable matchers that
// every coding thread shares.
//
//   DictionaryBuilder b;
//   b.AddFile("data/dict/actors.dl", bytes);       // errors name file:line; bad lines are skipped
//   Result<Dictionary> dict = std::move(b).Build();
//   uint32_t id = dict->vocabulary().Find("china");
//
// The project's own format (docs/dictionary-format.md), one entry per line:
//
//   actor  CHNGOV | Xi Jinping                          | kind=person gender=m from=2013-03-14
//   agent  GOV    | foreign minister                    |
//   verb   036    | $ [stand] ready to * cooperation with + |
//
// Phrases are tokenized with the pipeline's own tokenizer so that they meet text as the coder
// sees it; words are interned into one Vocabulary, and phrases are indexed by their first word.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace dateline {

// Interned lower-case words. Id 0 means "not in any dictionary".
class Vocabulary {
 public:
  uint32_t Intern(std::string_view word);
  uint32_t Find(std::string_view word) const;
  std::string_view word(uint32_t id) const { return words_[id]; }
  size_t size() const { return words_.size(); }
  // Builds the flat open-addressing table Find() uses once the vocabulary is complete; Intern()
  // after Freeze() is still correct (it falls back to the map) but slower.
  void Freeze();

 private:
  std::vector<uint32_t> slots_;  // ids, 0 = empty; size a power of two
  uint64_t mask_ = 0;
  bool frozen_ = false;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::string> words_{""};
};

// Where an entry came from, for `rules` and error messages.
struct SourceLine {
  uint16_t file = 0;  // index into Dictionary::files()
  uint32_t line = 0;
};

// The actor code a whole-story discard phrase carries (sports, markets ...); a sentence
// discard carries "###".
inline constexpr std::string_view kStoryDiscardCode = "###STORY";

enum class ActorKind : uint8_t { kCountry, kAdjective, kCapital, kOrganisation, kPerson, kGroup };

struct ActorEntry {
  std::string code;     // full CAMEO code: "CHN", "CHNGOV", "IGOUNO"
  std::string name;     // canonical name
  std::string country;  // "CHN"; "" for organisations without one
  ActorKind kind = ActorKind::kCountry;
  char gender = 0;      // 'm', 'f' or 0 when unknown
  std::optional<Date> from, to;  // inclusive validity range
  bool takes_agents = false;  // an agent next to it composes a code (TABARI: "Syrian" + "police")
  bool kind_known = true;     // false where the dictionary does not say who is a person (TABARI, PETRARCH)
  bool place = false;         // kind=place: a city or region, coded as its country, and a place to locate events
  SourceLine where;
  bool ValidOn(const Date& d) const { return (!from || !(d < *from)) && (!to || !(*to < d)); }
};

struct AgentEntry {
  std::string code;  // "GOV", "COP", "MIL"
  std::string name;  // the phrase as written
  bool plural = false;
  bool prefix = false;  // the agent code goes before the actor's ("NGO~" in TABARI)
  // false: names an actor only next to a country or adjective ("a Slovak man" is SVKCVL; "a
  // man" alone is nobody in particular, not the article's country).
  bool alone = true;
  SourceLine where;
};

// How a dictionary word meets a token. The project's own dictionaries use exact words; TABARI
// dictionaries use stems ("SYRI" matches "Syrian") and exact words that still take the regular
// endings ("ACCEPT_" matches "accepts", "accepted", "accepting").
enum class WordMode : uint8_t {
  kExact,    // the token's folded form is the word
  kEndings,  // ... or the word plus -s, -es, -ed, -en, -ing or 's
  kStem,     // the token's folded form starts with the word
};

// True when `token` (folded) meets `word` under `mode`.
bool WordMatches(std::string_view token, std::string_view word, WordMode mode);
// `token` without a regular ending (-'s -s -es -ed -en -ing), or "" when it has none.
// Several strippings may apply ("glasses": "glasse", "glass"): each is tried by the caller.
void StripRegularEndings(std::string_view token, std::vector<std::string_view>* bases);

// One element of a verb pattern.
struct PatternElement {
  // kCompound ("%"): a compound actor ("X and Y"): after the verb the target (TABARI: its
  // members act toward each other), before it the subject, whose members then act toward each
  // other. kSkipActor (TABARI "^"): passes over one actor (a whole compound) without assigning
  // it. kPhraseSkip (PETRARCH's "^"): one noun phrase, or a preposition and its noun phrase,
  // whatever it names.
  enum Kind : uint8_t { kWord, kSource, kTarget, kSkip, kWordSet, kPhraseSet, kPhraseSkip, kCompound, kSkipActor };
  Kind kind = kWord;
  uint32_t word = 0;  // kWord: matches a token whose lower-case form or lemma is this word;
                      // kWordSet: index into Dictionary::word_sets(), any of which matches;
                      // kPhraseSet: index into Dictionary::phrase_sets(): any of its phrases,
                      // word after word (synsets such as &WEAPON: "rocket", "assault rifle");
                      // a phrase word spelled with a leading '\x01' is a stem (TABARI)
};

// PatternElement::word of a kSkip between the words of a PETRARCH-2 phrase slot: a
// prepositional phrase passes over determiners only ("(ON RESOLUTION)" meets "on a
// resolution", not "on a new resolution"), a noun phrase over determiners and adjectives
// ("{NEW &TIETYPES RELATIONS}" meets "new global economic relations", not "new economic
// trade relations").
inline constexpr uint32_t kDeterminersOnly = 1;
inline constexpr uint32_t kModifiersOnly = 2;
// A kSkip first in VerbPattern::before with this word: the nearest word before the verb is
// joined to it ("RECENTLY_*"), so nothing may stand between them, not even an auxiliary.
inline constexpr uint32_t kAdjacent = 3;
// A kSkip before a PETRARCH-2 phrase slot: it does not leave the clause of the word before it.
inline constexpr uint32_t kBeforeSlot = 4;

struct VerbPattern {
  std::string code;
  std::string reverse_code;  // paired codes "042:043": the target's act toward the source
  uint32_t head = 0;  // lemma of the head verb (kStem: a stem the verb's written form begins with)
  WordMode head_mode = WordMode::kExact;
  // The head is a written form, not a lemma: a PETRARCH verb entry that is itself an inflected
  // form ("LEFT", "BEGAN", "HELD") matches that form only, and for that form it is chosen over
  // the entries of its lemma ("left" is LEFT's, not LEAVE's).
  bool head_form = false;
  std::vector<PatternElement> before;  // elements before the head, in reverse order (nearest first)
  std::vector<PatternElement> after;   // elements after the head, in order
  // What a sentence must contain for the pattern to match (set by Build, checked before any
  // matching): `required` holds atoms — word ids, and set members spelled with a leading '\x01'
  // (stems) — that must all occur; `required_any` indexes Dictionary::atom_groups(), of each of
  // which at least one atom must occur (a word set, or the first words of a phrase set).
  std::vector<uint32_t> required;
  std::vector<uint32_t> required_any;
  bool negated = false;  // the pattern itself encodes a negation ("not [send] + troops")
  bool subordinate = false;  // TABARI "[023?]": coded only when the sentence gives no other event
  bool dominant = false;     // TABARI "[031!]": when the sentence has one, only dominant events count
  bool bare = false;  // the verb's own code, tried after its patterns of the same specificity
  // dateline .dl patterns without a target slot: when the pattern's last word lies inside an
  // actor's name, that actor is the target ("[expel] * ambassador" meets "expelled the Turkish
  // ambassador": TURGOV), rather than the first actor after the pattern.
  bool target_in_words = false;
  int specificity = 0;   // literal words count: more specific patterns are tried first
  SourceLine where;
};

// An issue or theme phrase ("health care" -> HEALTH): a story that contains it is tagged. A
// null entry ("~a head start") only stops a shorter phrase from matching inside it.
struct IssuePhrase {
  std::vector<uint32_t> words;
  std::string code;  // "" for a null entry
  SourceLine where;
};

// A phrase of one or more words naming an actor or an agent.
struct Phrase {
  std::vector<uint32_t> words;
  std::vector<WordMode> modes;  // one per word
  uint32_t caps_mask = 0;  // bit i: word i must be written in capitals (acronyms such as "US")
  uint32_t gap_mask = 0;   // bit i: a few words may stand before word i (PETRARCH-1's blank:
                           // "ITHILEN TELEVISION" meets "Ithilen state-run television")
  bool is_agent = false;
  std::vector<uint32_t> entries;  // indices into actors() or agents(), all with this phrase
};

// What a sentence offers the verb patterns' requirements (VerbPattern::required): its atoms —
// the word and lemma ids of its tokens and the Dictionary::MemberStemsOf each token as written,
// sorted and unique — and, from Dictionary::PrepareAtoms, the atom groups they meet.
struct SentenceAtoms {
  std::vector<uint32_t> atoms;
  std::vector<uint64_t> groups;  // bit g (word g / 64, bit g % 64): atom_groups()[g] is met
  // A quick "certainly not among the atoms": bit (a % kFilterBits) is set for each atom a.
  static constexpr uint32_t kFilterBits = 1024;
  uint64_t filter[kFilterBits / 64] = {};
  bool MayHave(uint32_t atom) const { return filter[atom % kFilterBits / 64] >> (atom % 64) & 1; }
};

class Dictionary {
 public:
  const Vocabulary& vocabulary() const { return vocab_; }
  const std::vector<ActorEntry>& actors() const { return actors_; }
  const std::vector<AgentEntry>& agents() const { return agents_; }
  // In trial order: more specific patterns (more literal elements) first, then in the order
  // the dictionaries give them.
  const std::vector<VerbPattern>& patterns() const { return patterns_; }
  const std::vector<Phrase>& phrases() const { return phrases_; }
  const std::vector<std::vector<uint32_t>>& word_sets() const { return word_sets_; }
  const std::vector<IssuePhrase>& issue_phrases() const { return issue_phrases_; }
  // Issue phrases whose first word is `word`, longest first.
  const std::vector<uint32_t>& IssuesStartingWith(uint32_t word) const {
    return word < issues_by_first_word_.size() ? issues_by_first_word_[word] : empty_;
  }
  const std::vector<std::vector<std::vector<uint32_t>>>& phrase_sets() const { return phrase_sets_; }
  const std::vector<std::string>& files() const { return files_; }

  // Stems that begin `token` (folded), as vocabulary ids, shortest first.
  void StemsOf(std::string_view token, std::vector<uint32_t>* ids) const;
  bool has_stems() const { return has_stems_; }
  // Appends the stem members of word and phrase sets (ids spelled with a leading '\x01') that
  // begin `token` (its folded form as written), shortest first.
  void MemberStemsOf(std::string_view token, std::vector<uint32_t>* ids) const;
  // Both at once, in one walk: appends StemsOf(token) to *stems and MemberStemsOf(token) to
  // *member_stems (either may be null).
  void AllStemsOf(std::string_view token, std::vector<uint32_t>* stems, std::vector<uint32_t>* member_stems) const;
  bool has_endings() const { return has_endings_; }

  // Phrases whose first word is `word`, longest first.
  const std::vector<uint32_t>& PhrasesStartingWith(uint32_t word) const {
    return word < by_first_word_.size() ? by_first_word_[word] : empty_;
  }
  // The same, with what rules most of them out without reading the phrase: its length and,
  // when its second word must match exactly, that word (else 0).
  struct PhraseStart {
    uint32_t phrase = 0;  // index into phrases()
    uint32_t length = 0;
    uint32_t second = 0;
  };
  std::span<const PhraseStart> PhraseStartsWith(uint32_t word) const {
    if (word + 1 >= phrase_starts_begin_.size()) return {};
    return {phrase_starts_.data() + phrase_starts_begin_[word], phrase_starts_begin_[word + 1] - phrase_starts_begin_[word]};
  }
  // Fills atoms->groups and atoms->filter from atoms->atoms (see SentenceAtoms).
  void PrepareAtoms(SentenceAtoms* atoms) const;
  // Whether the sentence meets the pattern's requirements; a pattern that does not cannot match.
  bool PatternPossible(const VerbPattern& p, const SentenceAtoms& atoms) const;
  // The patterns headed by `head` — a stem the verb's written form begins with when
  // `stem_head`, else the verb's lemma — that are PatternPossible in the sentence.
  // Appended to *out in no particular order; patterns() is in trial order, so the candidates,
  // sorted by index, are the order in which to try them.
  void CandidatePatterns(uint32_t head, bool stem_head, const SentenceAtoms& atoms, std::vector<uint32_t>* out) const;
  // Sorted, unique atom lists: a pattern element that any of several atoms can begin.
  const std::vector<std::vector<uint32_t>>& atom_groups() const { return atom_groups_; }

  // "data/dict/actors.dl:12"
  std::string Where(const SourceLine& s) const;
  // The coding convention of the dictionaries' family: TABARI dictionaries expect the first
  // event of each conjunction-delimited clause (code/coder.h CodeBy), others every event.
  uint8_t default_code_by() const { return default_code_by_; }
  // TABARI or PETRARCH dictionaries were loaded: as their coders do, an agent composes only
  // with an actor next to it ("Syrian police", "police of Syria"), never with one named
  // elsewhere in the sentence or the article.
  bool agents_compose_locally() const { return agents_compose_locally_; }
  // TABARI dictionaries were loaded: code as TABARI does where its dictionaries assume it —
  // its default actor search (the first actor of the verb's conjunction-delimited clause
  // before the verb is the source; the first after it, else before it, with another code is
  // the target), and a pronoun that refers to an earlier sentence takes that actor's code
  // without its agent ("Fornost President ..." then "He asked ...": FOR).
  bool tabari_conventions() const { return tabari_conventions_; }
  // PETRARCH's convention for an agent with no actor next to it ("Clerics and lawmakers
  // believe ..."): an actor of its own, coded with this prefix before the agent's code
  // ("---REL"). "" (TABARI, dateline): such an agent is not an actor by itself.
  const std::string& lone_agent_prefix() const { return lone_agent_prefix_; }
  // Whether "could", "might", "may" and "if" make an act hypothetical (dateline's own
  // convention, and TABARI's coder has none); PETRARCH codes such acts as stated.
  bool hypothetical_modals() const { return hypothetical_modals_; }
  // Whether "be" + participle is read as the passive voice (the subject is the target) only
  // when a "by" agent follows: PETRARCH-1 reads "X was opposed by Y" as Y's act, and any
  // other passive as written ("+ WAS * DEAD IN $" spells it out in its patterns).
  bool passive_needs_agent() const { return passive_needs_agent_; }
  // TABARI: a verb written as an exact word still takes the regular endings (-s -es -ed -en
  // -ing) whatever English makes of them ("DEPART" meets "departes"); other families meet a
  // verb through its lemma only.
  bool verbs_take_endings() const { return verbs_take_endings_; }
  // TABARI and PETRARCH-1: an actor coded "FRO/BIL/SAM" is that many actors, one event each;
  // PETRARCH-2 keeps the joint code.
  bool split_joint_codes() const { return split_joint_codes_; }
  // PETRARCH: a verb of an adverbial clause ("after crowds burned down its embassy") gives an
  // event only when the verb it depends on gives none.
  bool subordinate_events_yield() const { return subordinate_events_yield_; }
  // PETRARCH-2: an act toward the subject of a complement clause ("noted that X regretted
  // ...") holds that clause's verbal act, which is then no event of its own (a material act
  // stays one).
  bool complement_events_fold() const { return complement_events_fold_; }
  // PETRARCH-1: a pattern's words meet tokens as written ("* EFFORT" does not meet "efforts");
  // others meet a token's lemma too.
  bool pattern_words_as_written() const { return pattern_words_as_written_; }
  // TABARI and PETRARCH-1: a pattern word before the verb not joined to it by "_" may stand
  // a few words away ("INDICATED *" meets "indicated it deplored"); elsewhere only
  // auxiliaries and adverbs come between.
  bool loose_words_before_verb() const { return loose_words_before_verb_; }
  // PETRARCH: a subject whose head names no actor is the first actor of its prepositional
  // modifiers ("Resumption of ties between Arnor and Gondor"); elsewhere it is no actor.
  bool subject_from_modifiers() const { return subject_from_modifiers_; }
  // PETRARCH-2's coding ontology: the code that means "not CODE" ("did not criticize" is
  // diplomatic cooperation), or "" when the dictionaries have no ontology or no such code.
  std::string NegatedCode(std::string_view code) const;
  // Short hash of every dictionary byte loaded, for the `version` field.
  const std::string& hash() const { return hash_; }

  // The country name for a country code ("CHN" -> "China"), or "" when unknown.
  std::string_view CountryName(std::string_view code) const;
  bool IsCountryCode(std::string_view code) const { return !CountryName(code).empty(); }

 private:
  friend class DictionaryBuilder;
  Vocabulary vocab_;
  std::vector<ActorEntry> actors_;
  std::vector<AgentEntry> agents_;
  std::vector<VerbPattern> patterns_;
  std::vector<Phrase> phrases_;
  std::vector<std::vector<uint32_t>> word_sets_;
  std::vector<IssuePhrase> issue_phrases_;
  std::vector<std::vector<uint32_t>> issues_by_first_word_;
  std::vector<std::vector<std::vector<uint32_t>>> phrase_sets_;
  std::vector<std::vector<uint32_t>> by_first_word_;
  std::vector<uint32_t> phrase_starts_begin_;  // word -> its PhraseStarts in phrase_starts_ (flat by_first_word_)
  std::vector<PhraseStart> phrase_starts_;
  std::vector<std::vector<uint32_t>> atom_groups_;
  // The groups each atom belongs to: groups_of_[groups_of_begin_[atom] .. groups_of_begin_[atom + 1]).
  std::vector<uint32_t> groups_of_begin_;
  std::vector<uint32_t> groups_of_;
  // The pattern index. Each pattern is filed under its head, as unkeyed when it requires no
  // atom, else under its key: the required atom that fewest patterns require. A sentence looks
  // only at the keys among its atoms. Every list is in increasing index (trial) order.
  struct KeyedPatterns {
    uint32_t key = 0;  // an atom
    uint32_t begin = 0, end = 0;  // in pattern_ids_
  };
  struct HeadPatterns {
    uint32_t unkeyed_begin = 0, unkeyed_end = 0;  // in pattern_ids_
    uint32_t keys_begin = 0, keys_end = 0;        // in keyed_, sorted by key
  };
  std::vector<uint32_t> head_slot_;  // 2 * head + (stem head ? 1 : 0) -> index into heads_ + 1; 0: none
  std::vector<HeadPatterns> heads_;
  std::vector<KeyedPatterns> keyed_;
  std::vector<uint32_t> pattern_ids_;
  std::vector<uint32_t> empty_;
  std::vector<std::string> files_;
  // A trie of stems: node k's children are nodes [first_child, first_child + child_count),
  // sorted by byte; `stem` is the phrase or verb-head stem ending there and `member` the set
  // member stem (its id spelled with '\x01'), 0 for none. The root's children are also found
  // by their byte through root_child_.
  struct TrieNode {
    uint32_t first_child = 0;
    uint16_t child_count = 0;
    char byte = 0;
    uint32_t stem = 0;
    uint32_t member = 0;
  };
  template <bool kStems, bool kMembers>
  void WalkStems(std::string_view token, std::vector<uint32_t>* stems, std::vector<uint32_t>* member_stems) const;
  std::vector<TrieNode> stem_trie_;
  uint32_t root_child_[256] = {};  // 0: none
  bool has_stems_ = false;  // any phrase or verb-head stems
  bool has_endings_ = false;
  uint8_t default_code_by_ = 0;  // a CodeBy value
  bool agents_compose_locally_ = false;
  bool tabari_conventions_ = false;
  std::string lone_agent_prefix_;
  bool hypothetical_modals_ = true;
  bool passive_needs_agent_ = false;
  bool verbs_take_endings_ = false;
  bool split_joint_codes_ = false;
  bool subordinate_events_yield_ = false;
  bool complement_events_fold_ = false;
  bool pattern_words_as_written_ = false;
  bool loose_words_before_verb_ = false;
  bool subject_from_modifiers_ = false;
  std::unordered_map<std::string, int64_t> ontology_;    // CAMEO code -> internal value
  std::unordered_map<int64_t, std::string> ontology_codes_;  // internal value -> CAMEO code (first)
  std::unordered_map<std::string, std::string> country_names_;
  std::string hash_;
};

class DictionaryBuilder {
 public:
  DictionaryBuilder();
  ~DictionaryBuilder();
  DictionaryBuilder(DictionaryBuilder&&) noexcept;

  // Parses one file in the project's format. Bad lines are reported in problems() as
  // "file:line: message" and skipped; the rest of the file still loads.
  void AddFile(std::string name, std::string_view bytes);
  // The dictionaries embedded in the binary (data/dict/*.dl).
  void AddDefaults();
  // Folds the bytes of a file read by another family's reader into hash(), so that the
  // version written with every record names the dictionaries that coded it.
  void HashContent(std::string_view bytes);

  // Adds an actor entry (its phrase given word by word, with match modes) and returns its
  // index. Used by the compilers of other dictionary families (dict/compile.h).
  uint32_t AddActorEntry(ActorEntry entry);
  uint32_t AddAgentEntry(AgentEntry entry);
  void AddPhraseWords(const std::vector<std::pair<std::string, WordMode>>& words, bool is_agent, uint32_t entry,
                      uint32_t gap_mask = 0);
  uint16_t AddFileName(std::string name);
  uint32_t Intern(std::string_view word) { return dict_.vocab_.Intern(word); }
  bool IsStemMarked(uint32_t id) const { return !dict_.vocab_.word(id).empty() && dict_.vocab_.word(id)[0] == '\x01'; }
  void AddPattern(VerbPattern pattern) { dict_.patterns_.push_back(std::move(pattern)); }
  uint32_t AddPhraseSet(std::vector<std::vector<uint32_t>> phrases) {
    dict_.phrase_sets_.push_back(std::move(phrases));
    return static_cast<uint32_t>(dict_.phrase_sets_.size() - 1);
  }
  uint32_t AddWordSet(std::vector<uint32_t> words) {
    dict_.word_sets_.push_back(std::move(words));
    return static_cast<uint32_t>(dict_.word_sets_.size() - 1);
  }
  void AddProblem(std::string message) { problems_.push_back(std::move(message)); }
  void SetDefaultCodeBy(uint8_t code_by) { dict_.default_code_by_ = code_by; }
  void AddIssuePhrase(IssuePhrase issue) {
    if (!issue.words.empty()) dict_.issue_phrases_.push_back(std::move(issue));
  }
  void SetAgentsComposeLocally(bool local) { dict_.agents_compose_locally_ = local; }
  void SetTabariConventions(bool on) { dict_.tabari_conventions_ = on; }
  void SetLoneAgentPrefix(std::string prefix) { dict_.lone_agent_prefix_ = std::move(prefix); }
  void SetHypotheticalModals(bool on) { dict_.hypothetical_modals_ = on; }
  void SetPassiveNeedsAgent(bool on) { dict_.passive_needs_agent_ = on; }
  void SetVerbsTakeEndings(bool on) { dict_.verbs_take_endings_ = on; }
  void SetSplitJointCodes(bool on) { dict_.split_joint_codes_ = on; }
  void SetSubordinateEventsYield(bool on) { dict_.subordinate_events_yield_ = on; }
  void SetComplementEventsFold(bool on) { dict_.complement_events_fold_ = on; }
  void SetPatternWordsAsWritten(bool on) { dict_.pattern_words_as_written_ = on; }
  void SetLooseWordsBeforeVerb(bool on) { dict_.loose_words_before_verb_ = on; }
  void SetSubjectFromModifiers(bool on) { dict_.subject_from_modifiers_ = on; }
  void AddOntologyEntry(const std::string& code, int64_t value) {
    if (code.empty()) return;
    dict_.ontology_.emplace(code, value);
    dict_.ontology_codes_.emplace(value, code);
  }

  const std::vector<std::string>& problems() const { return problems_; }
  Result<Dictionary> Build() &&;

 private:
  void ParseLine(uint16_t file, uint32_t line_no, std::string_view line);
  std::vector<uint32_t> TokenizePhrase(std::string_view phrase, uint32_t* caps_mask);
  void AddPhrase(std::string_view text, bool is_agent, uint32_t entry, uint16_t file, uint32_t line);
  void AddPhraseIds(std::vector<uint32_t> words, std::vector<WordMode> modes, uint32_t caps, bool is_agent,
                    uint32_t entry, uint32_t gaps = 0);
  void Problem(uint16_t file, uint32_t line, std::string_view message);

  Dictionary dict_;
  std::unordered_map<std::string, uint32_t> phrase_ids_;  // "a|b|c#agent" -> phrase index
  std::vector<std::string> problems_;
  uint64_t hash_state_ = 0;
};

// The default dictionaries, built once and shared (thread-safe static).
const Dictionary& DefaultDictionary();
// What building the default dictionaries reported (empty when they are clean: a test checks).
const std::vector<std::string>& DefaultDictionaryProblems();

}  // namespace dateline
