// The verb-pattern index (Dictionary::CandidatePatterns): on a small dictionary with stem and
// exact heads, words, word sets, phrase sets and stem members, the candidates it finds for a
// sentence's atoms are exactly those a plain scan of every pattern finds.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "dict/compile.h"
#include "dict/dictionary.h"

namespace dateline {
namespace {

Word W(std::string text, bool exact = true) {
  Word w;
  w.text = std::move(text);
  w.exact = exact;
  return w;
}

PatternToken Tok(PatternToken::Kind kind, std::string text = "", bool exact = true) {
  PatternToken t;
  t.kind = kind;
  t.word = W(text, exact);
  t.synset = text;
  return t;
}

PatternToken Either(std::vector<std::vector<Word>> alternatives) {
  PatternToken t;
  t.kind = PatternToken::kWord;
  t.alternatives = std::move(alternatives);
  return t;
}

VerbPatternRecord Pattern(std::vector<PatternToken> tokens, std::string code, uint32_t line) {
  VerbPatternRecord p;
  p.tokens = std::move(tokens);
  p.code = std::move(code);
  p.where = {0, line};
  return p;
}

DictionarySource Source() {
  DictionarySource src;
  src.AddFile("index.verbs");
  SynsetRecord weapons;
  weapons.name = "weapon";
  weapons.phrases = {{W("rocket", false)}, {W("assault", true), W("rifle", true)}, {W("mortar", true)}};
  src.synsets.push_back(weapons);
  SynsetRecord ties;
  ties.name = "ties";
  ties.phrases = {{W("military", true)}, {W("economic", true)}};
  src.synsets.push_back(ties);

  using K = PatternToken::Kind;
  VerbRecord fire;  // a stem head with irregular forms: every form heads its own copy
  fire.verb = {W("fir", false)};
  fire.forms = {{W("fired", false)}};
  fire.code = "190";
  fire.has_code = true;
  fire.patterns = {
      Pattern({Tok(K::kVerb), Tok(K::kSynset, "weapon"), Tok(K::kWord, "at"), Tok(K::kTarget)}, "195", 1),
      Pattern({Tok(K::kVerb), Tok(K::kWord, "warning", false), Tok(K::kWord, "shots")}, "150", 2),
      Pattern({Tok(K::kVerb), Tok(K::kWord, "at")}, "190", 3),
      Pattern({Tok(K::kWord, "not"), Tok(K::kVerb), Tok(K::kWord, "on"), Tok(K::kTarget)}, "---", 4),
      Pattern({Tok(K::kVerb), Either({{W("official", true)}, {W("minister", false)}}), Tok(K::kTarget)}, "173", 5),
      Pattern({Tok(K::kVerb), Tok(K::kWord, "upon"), Tok(K::kWord, "talk", false)}, "111", 6),
  };
  src.verbs.push_back(fire);
  VerbRecord restore;  // an exact head
  restore.verb = {W("restore", true)};
  restore.has_code = true;
  restore.patterns = {
      Pattern({Tok(K::kVerb), Tok(K::kSynset, "ties"), Tok(K::kWord, "with"), Tok(K::kTarget)}, "064", 7),
      Pattern({Tok(K::kVerb), Tok(K::kWord, "ties"), Tok(K::kWord, "with"), Tok(K::kTarget)}, "050", 8),
      Pattern({Tok(K::kVerb), Either({{W("order", true)}, {W("calm", true)}}), Tok(K::kWord, "in")}, "0", 9),
      Pattern({Tok(K::kVerb), Tok(K::kWord, "with")}, "040", 10),
  };
  src.verbs.push_back(restore);
  return src;
}

const Dictionary& Index() {
  static const Dictionary* d = [] {
    DictionaryBuilder b;
    AddSource(Source(), DictionaryDialect::kTabari, &b);
    EXPECT_TRUE(b.problems().empty()) << b.problems()[0];
    return new Dictionary(std::move(b).Build().take());
  }();
  return *d;
}

// The plain scan: a pattern can match only if each word-like element can begin somewhere —
// its word, one word of its word set, or the first word of one of its phrases (all of the
// phrase's words when the set has only one).
bool ScanPossible(const Dictionary& d, const VerbPattern& p, const std::set<uint32_t>& atoms) {
  for (const std::vector<PatternElement>* side : {&p.before, &p.after})
    for (const PatternElement& el : *side) {
      bool ok = true;
      if (el.kind == PatternElement::kWord) {
        ok = atoms.count(el.word) > 0;
      } else if (el.kind == PatternElement::kWordSet) {
        ok = false;
        for (uint32_t w : d.word_sets()[el.word]) ok = ok || atoms.count(w) > 0;
      } else if (el.kind == PatternElement::kPhraseSet) {
        const auto& phrases = d.phrase_sets()[el.word];
        ok = false;
        for (const auto& phrase : phrases) {
          bool all = true;
          for (size_t k = 0; k < phrase.size(); ++k)
            if (k == 0 || phrases.size() == 1) all = all && atoms.count(phrase[k]) > 0;
          ok = ok || all;
        }
      }
      if (!ok) return false;
    }
  return true;
}

TEST(PatternIndex, CandidatesEqualAPlainScan) {
  const Dictionary& d = Index();
  ASSERT_GT(d.patterns().size(), 10u);
  // Every atom any pattern could need, and a few it never does.
  std::vector<uint32_t> universe = {d.vocabulary().Find("unrelated"), d.vocabulary().Find("fire")};
  for (uint32_t id = 1; id < d.vocabulary().size(); ++id) universe.push_back(id);
  std::set<std::pair<uint32_t, bool>> heads;
  for (const VerbPattern& p : d.patterns()) heads.insert({p.head, p.head_mode == WordMode::kStem});

  std::mt19937 rng(7);
  size_t nonempty = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    const double density = (trial % 10 + 1) / 10.0;
    std::set<uint32_t> atom_set;
    for (uint32_t id : universe)
      if (std::uniform_real_distribution<double>(0, 1)(rng) < density) atom_set.insert(id);
    SentenceAtoms atoms;
    atoms.atoms.assign(atom_set.begin(), atom_set.end());
    d.PrepareAtoms(&atoms);
    for (const auto& [head, stem_head] : heads) {
      std::vector<uint32_t> found;
      d.CandidatePatterns(head, stem_head, atoms, &found);
      std::sort(found.begin(), found.end());
      std::vector<uint32_t> expected;
      for (uint32_t i = 0; i < d.patterns().size(); ++i) {
        const VerbPattern& p = d.patterns()[i];
        if (p.head == head && (p.head_mode == WordMode::kStem) == stem_head && ScanPossible(d, p, atom_set))
          expected.push_back(i);
      }
      ASSERT_EQ(found, expected) << "trial " << trial << ", head " << d.vocabulary().word(head);
      nonempty += !found.empty();
    }
  }
  EXPECT_GT(nonempty, 100u);
}

TEST(PatternIndex, StemMembersBeginTheirTokens) {
  const Dictionary& d = Index();
  std::vector<uint32_t> ids;
  d.MemberStemsOf("rockets", &ids);
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(d.vocabulary().word(ids[0]), "\x01rocket");
  d.MemberStemsOf("ministers", &ids);  // appends
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(d.vocabulary().word(ids[1]), "\x01minister");
  d.StemsOf("fired", &ids);  // clears: the verb-head stems "fir" and "fired", shortest first
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(d.vocabulary().word(ids[0]), "fir");
  EXPECT_EQ(d.vocabulary().word(ids[1]), "fired");
  std::vector<uint32_t> stems, members;
  d.AllStemsOf("ministers", &stems, &members);
  EXPECT_TRUE(stems.empty());
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(d.vocabulary().word(members[0]), "\x01minister");
  ids.clear();
  d.MemberStemsOf("rock", &ids);
  d.MemberStemsOf("mortars", &ids);  // "mortar" is exact: matched by its id, not as a stem
  EXPECT_TRUE(ids.empty());
}

TEST(PatternIndex, PatternsAreInTrialOrder) {
  const Dictionary& d = Index();
  for (size_t i = 1; i < d.patterns().size(); ++i) {
    const VerbPattern& a = d.patterns()[i - 1];
    const VerbPattern& b = d.patterns()[i];
    ASSERT_GE(a.specificity, b.specificity);
    if (a.specificity != b.specificity) continue;
    // Among equals, a verb's patterns before verbs' own codes, then in dictionary order.
    EXPECT_FALSE(a.bare && !b.bare);
    if (a.head == b.head && a.head_mode == b.head_mode && a.bare == b.bare) {
      EXPECT_LT(a.where.line, b.where.line);
    }
  }
}

}  // namespace
}  // namespace dateline
