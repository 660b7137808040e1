#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/embedded.h"
#include "token/lexicon_format.h"
#include "token/token.h"

namespace dateline {
namespace {

const Lexicon& Lex() { return Lexicon::Default(); }

std::string LemmaOf(std::string_view word, Tag t) {
  std::optional<LexiconEntry> e = Lex().Lookup(word);
  if (!e) return "<missing>";
  std::optional<std::string_view> l = e->lemma_for(t);
  return l ? std::string(*l) : "<no " + std::string(TagName(t)) + ">";
}

TEST(LexiconTest, DefaultLoadsTheEmbeddedFile) {
  EXPECT_GT(Lex().size(), 90000u);
  EXPECT_EQ(&Lexicon::Default(), &Lexicon::Default());
}

TEST(LexiconTest, TagsAreOrderedByProbability) {
  std::optional<LexiconEntry> sent = Lex().Lookup("sent");
  ASSERT_TRUE(sent);
  EXPECT_EQ(sent->word(), "sent");
  ASSERT_EQ(sent->tag_count(), 2);
  EXPECT_TRUE(sent->has(Tag::VBD));
  EXPECT_TRUE(sent->has(Tag::VBN));
  EXPECT_GE(sent->weight(0), sent->weight(1));

  EXPECT_EQ(Lex().Lookup("the")->tag(0), Tag::DT);
  EXPECT_EQ(Lex().Lookup("stands")->tag(0), Tag::VBZ);  // P(VBZ|stands) beats P(NNS|stands) with priors
  EXPECT_EQ(Lex().Lookup("to")->tag(0), Tag::TO);
  EXPECT_EQ(Lex().Lookup("would")->tag(0), Tag::MD);
  EXPECT_EQ(Lex().Lookup("his")->tag(0), Tag::PRPS);  // the WSJ lexicon says PRP; fixed by lexgen
  EXPECT_EQ(Lex().Lookup("of")->tag(0), Tag::IN);
}

TEST(LexiconTest, MissingWords) {
  EXPECT_FALSE(Lex().Lookup("qzxvkw"));
  EXPECT_FALSE(Lex().Lookup(""));
  EXPECT_FALSE(Lex().Lookup(std::string(300, 'a')));
  EXPECT_FALSE(Lex().Lookup("Sent")) << "keys are lower-case";
}

// lexgen gives regular "-ed" forms the sources miss as verbs their VBD and VBN readings: WordNet
// knows "mediated" only as an adjective, the WSJ lexicon saw "abducted" once, as a noun.
TEST(LexiconTest, RegularPastFormsKeepTheirVerbReadings) {
  for (const char* w : {"mediated", "recognised", "blockaded", "abducted"}) {
    std::optional<LexiconEntry> e = Lex().Lookup(w);
    ASSERT_TRUE(e) << w;
    EXPECT_TRUE(e->has(Tag::VBD)) << w;
    EXPECT_TRUE(e->has(Tag::VBN)) << w;
  }
  EXPECT_EQ(LemmaOf("mediated", Tag::VBD), "mediate");
  EXPECT_EQ(LemmaOf("abducted", Tag::VBN), "abduct");
  EXPECT_TRUE(Lex().Lookup("mediated")->has(Tag::JJ)) << "the adjective reading stays";
  // Not an "-ed" form of a verb: no verb reading is made up.
  EXPECT_FALSE(Lex().Lookup("hundred")->has(Tag::VBD));
}

TEST(LexiconTest, ProperNounReadings) {
  std::optional<LexiconEntry> china = Lex().Lookup("china");
  ASSERT_TRUE(china);
  EXPECT_EQ(china->tag(0), Tag::NNP);
  EXPECT_TRUE(china->has_proper_reading());
  EXPECT_GT(china->proper_weight(), 0.5);
  EXPECT_EQ(Lex().Lookup("nations")->proper_tag(), Tag::NNPS);
  EXPECT_LT(Lex().Lookup("the")->proper_weight(), 0.01);
}

TEST(LexiconTest, IrregularVerbLemmas) {
  EXPECT_EQ(LemmaOf("sent", Tag::VBD), "send");
  EXPECT_EQ(LemmaOf("sent", Tag::VBN), "send");
  EXPECT_EQ(LemmaOf("told", Tag::VBD), "tell");
  EXPECT_EQ(LemmaOf("went", Tag::VBD), "go");
  EXPECT_EQ(LemmaOf("said", Tag::VBD), "say");
  EXPECT_EQ(LemmaOf("made", Tag::VBN), "make");
  EXPECT_EQ(LemmaOf("was", Tag::VBD), "be");
  EXPECT_EQ(LemmaOf("were", Tag::VBD), "be");
  EXPECT_EQ(LemmaOf("is", Tag::VBZ), "be");
  EXPECT_EQ(LemmaOf("are", Tag::VBP), "be");
  EXPECT_EQ(LemmaOf("been", Tag::VBN), "be");
  EXPECT_EQ(LemmaOf("has", Tag::VBZ), "have");
  EXPECT_EQ(LemmaOf("had", Tag::VBD), "have");
  EXPECT_EQ(LemmaOf("did", Tag::VBD), "do");
  EXPECT_EQ(LemmaOf("fled", Tag::VBD), "flee");
}

TEST(LexiconTest, RegularVerbLemmas) {
  EXPECT_EQ(LemmaOf("stands", Tag::VBZ), "stand");
  EXPECT_EQ(LemmaOf("ordered", Tag::VBD), "order");
  EXPECT_EQ(LemmaOf("ordered", Tag::VBN), "order");
  EXPECT_EQ(LemmaOf("blamed", Tag::VBD), "blame");
  EXPECT_EQ(LemmaOf("cited", Tag::VBD), "cite");
  EXPECT_EQ(LemmaOf("citing", Tag::VBG), "cite");
  EXPECT_EQ(LemmaOf("opposes", Tag::VBZ), "oppose");
  EXPECT_EQ(LemmaOf("accused", Tag::VBD), "accuse");
  EXPECT_EQ(LemmaOf("stopped", Tag::VBD), "stop");
  EXPECT_EQ(LemmaOf("studied", Tag::VBD), "study");
  EXPECT_EQ(LemmaOf("attacking", Tag::VBG), "attack");
  EXPECT_EQ(LemmaOf("send", Tag::VB), "send");
}

// "-es" follows only a sibilant or "-o": "departes" is no form of "depart".
TEST(LexiconTest, EsEndingOnlyAfterSibilantsOrO) {
  EXPECT_EQ(Lex().Lemma("bewatches", Tag::VBZ), "bewatch");
  EXPECT_EQ(Lex().Lemma("outgoes", Tag::VBZ), "outgo");
  EXPECT_EQ(Lex().Lemma("departs", Tag::VBZ), "depart");
  EXPECT_NE(Lex().Lemma("departes", Tag::VBZ), "depart");
}

TEST(LexiconTest, NounLemmas) {
  EXPECT_EQ(LemmaOf("countries", Tag::NNS), "country");
  EXPECT_EQ(LemmaOf("officers", Tag::NNS), "officer");
  EXPECT_EQ(LemmaOf("authorities", Tag::NNS), "authority");
  EXPECT_EQ(LemmaOf("children", Tag::NNS), "child");
  EXPECT_EQ(LemmaOf("men", Tag::NNS), "man");
  EXPECT_EQ(LemmaOf("women", Tag::NNS), "woman");
  EXPECT_EQ(LemmaOf("crises", Tag::NNS), "crisis");
  EXPECT_EQ(LemmaOf("churches", Tag::NNS), "church");
  EXPECT_EQ(LemmaOf("country", Tag::NN), "country");
  EXPECT_EQ(LemmaOf("china", Tag::NNP), "china") << "proper nouns keep their lower-case form";
}

TEST(LexiconTest, AdjectiveAndAdverbLemmas) {
  EXPECT_EQ(LemmaOf("better", Tag::JJR), "good");
  EXPECT_EQ(LemmaOf("worst", Tag::JJS), "bad");
  EXPECT_EQ(LemmaOf("larger", Tag::JJR), "large");
  EXPECT_EQ(LemmaOf("biggest", Tag::JJS), "big");
  EXPECT_EQ(LemmaOf("earlier", Tag::JJR), "early");
}

TEST(LexiconTest, ContractionLemmas) {
  EXPECT_EQ(LemmaOf("n't", Tag::RB), "not");
  EXPECT_EQ(LemmaOf("ca", Tag::MD), "can");
  EXPECT_EQ(LemmaOf("wo", Tag::MD), "will");
  EXPECT_EQ(LemmaOf("'ll", Tag::MD), "will");
  EXPECT_EQ(LemmaOf("'s", Tag::VBZ), "be");
  EXPECT_EQ(LemmaOf("'s", Tag::POS), "'s");
  EXPECT_EQ(LemmaOf("'re", Tag::VBP), "be");
  EXPECT_EQ(LemmaOf("'ve", Tag::VBP), "have");
}

TEST(LexiconTest, WordNetOnlyWords) {
  // Not in the WSJ lexicon; WordNet knows these as lemmas.
  std::optional<LexiconEntry> e = Lex().Lookup("kazakhstan");
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->wordnet_only());
  EXPECT_TRUE(e->wordnet_noun());
  EXPECT_EQ(e->tag(0), Tag::NN);
  std::optional<LexiconEntry> v = Lex().Lookup("disarrange");
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->wordnet_only());
  EXPECT_EQ(v->tag(0), Tag::VB);
  // Irregular forms from WordNet's exception lists the WSJ lexicon lacks are tagged too.
  std::optional<LexiconEntry> strode = Lex().Lookup("bestrode");
  ASSERT_TRUE(strode);
  EXPECT_TRUE(strode->has(Tag::VBD));
  EXPECT_EQ(*strode->lemma_for(Tag::VBD), "bestride");
  std::optional<LexiconEntry> sent = Lex().Lookup("sent");
  EXPECT_FALSE(sent->wordnet_only());
  EXPECT_TRUE(Lex().Lookup("send")->wordnet_verb());
  EXPECT_TRUE(Lex().Lookup("country")->wordnet_noun());
  EXPECT_FALSE(Lex().Lookup("country")->wordnet_verb());
}

TEST(LexiconTest, LemmaOfAnyWordAndTag) {
  const Lexicon& lex = Lex();
  EXPECT_EQ(lex.Lemma("sent", Tag::VBD), "send");
  EXPECT_EQ(lex.Lemma("china", Tag::NNP), "china");
  EXPECT_EQ(lex.Lemma("the", Tag::DT), "the");
  // Not in the WSJ lexicon: checked against the WordNet lemmas it embeds.
  EXPECT_EQ(lex.Lemma("destabilizes", Tag::VBZ), "destabilize");
  EXPECT_EQ(lex.Lemma("destabilized", Tag::VBD), "destabilize");
  EXPECT_EQ(lex.Lemma("destabilizing", Tag::VBG), "destabilize");
  EXPECT_EQ(lex.Lemma("militants", Tag::NNS), "militant");
  // Unknown everywhere: the detachment rules alone, as a prefix of the word.
  const std::string word = "blorfs";
  const std::string_view lemma = lex.Lemma(word, Tag::NNS);
  EXPECT_EQ(lemma, "blorf");
  EXPECT_EQ(lemma.data(), word.data()) << "the lemma views the word";
  EXPECT_EQ(lex.Lemma("zorbled", Tag::VBD), "zorbl");
  EXPECT_EQ(lex.Lemma("zorbifized", Tag::VBN), "zorbifize");
  EXPECT_EQ(lex.Lemma("glass", Tag::NNS), "glass");
}

TEST(LexiconTest, RejectsBrokenBytes) {
  EXPECT_FALSE(Lexicon::FromBytes("").ok());
  alignas(16) char junk[128] = "not a lexicon";
  EXPECT_FALSE(Lexicon::FromBytes(std::string_view(junk, sizeof junk)).ok());
  EXPECT_EQ(Lexicon::FromBytes(std::string_view(junk, sizeof junk)).status().code(), StatusCode::kDataError);
}

TEST(LexiconTest, RejectsTruncatedOrDamagedFile) {
  std::optional<std::string_view> bytes = EmbeddedFile("lexicon.bin");
  ASSERT_TRUE(bytes);
  std::vector<uint32_t> copy((bytes->size() + 3) / 4);  // 4-byte aligned
  std::memcpy(copy.data(), bytes->data(), bytes->size());
  const char* data = reinterpret_cast<const char*>(copy.data());
  EXPECT_TRUE(Lexicon::FromBytes(std::string_view(data, bytes->size())).ok());

  Result<Lexicon> truncated = Lexicon::FromBytes(std::string_view(data, bytes->size() - 100));
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("bounds"), std::string::npos) << truncated.status().message();

  reinterpret_cast<char*>(copy.data())[8] = 99;  // version
  Result<Lexicon> other_version = Lexicon::FromBytes(std::string_view(data, bytes->size()));
  ASSERT_FALSE(other_version.ok());
  EXPECT_NE(other_version.status().message().find("version"), std::string::npos);
}

// Lookups go through a per-thread cache (lexicon.cpp): a second lookup answers as the first, for
// words in the lexicon, words not in it, and words too long for the cache.
TEST(LexiconTest, RepeatedLookupsAgree) {
  const std::vector<std::string> words = {"the", "sent", "stands", "said", "'s", "a", "kazakhstan",
                                          "internationalization", "counterrevolutionaries", "zorbifized",
                                          "qqqqqqqqqqqqqqqqqqqqqqqqq", ""};
  std::vector<std::optional<std::string>> first;  // the word of the entry found, per word
  for (const std::string& w : words) {
    std::optional<LexiconEntry> e = Lex().Lookup(w);
    first.push_back(e ? std::optional<std::string>(std::string(e->word())) : std::nullopt);
    if (e) {
      EXPECT_EQ(e->word(), w);
    }
  }
  EXPECT_TRUE(first[0] && first[1] && first[3]);  // the, sent, said
  EXPECT_FALSE(first[10] || first[11]);
  for (int round = 0; round < 3; ++round) {
    for (size_t i = 0; i < words.size(); ++i) {
      std::optional<LexiconEntry> e = Lex().Lookup(words[i]);
      EXPECT_EQ(e ? std::optional<std::string>(std::string(e->word())) : std::nullopt, first[i]) << words[i];
    }
  }
}

// The cache must not answer for a lexicon with the bytes of another that lived at the same
// address: here the same buffer, first holding the lexicon, then the lexicon with no words.
TEST(LexiconTest, CacheDoesNotOutliveItsLexicon) {
  std::optional<std::string_view> bytes = EmbeddedFile("lexicon.bin");
  ASSERT_TRUE(bytes);
  std::vector<uint32_t> copy((bytes->size() + 3) / 4);  // 4-byte aligned
  std::memcpy(copy.data(), bytes->data(), bytes->size());
  const std::string_view view(reinterpret_cast<const char*>(copy.data()), bytes->size());
  {
    Result<Lexicon> full = Lexicon::FromBytes(view);
    ASSERT_TRUE(full.ok());
    EXPECT_TRUE(full->Lookup("the"));
    EXPECT_TRUE(full->Lookup("sent"));
  }
  lexicon_format::LexiconHeader header;
  std::memcpy(&header, view.data(), sizeof header);
  std::memset(reinterpret_cast<char*>(copy.data()) + header.slots_offset, 0, 4ull * header.slot_count);
  Result<Lexicon> empty = Lexicon::FromBytes(view);
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->Lookup("the"));
  EXPECT_FALSE(empty->Lookup("sent"));
  EXPECT_TRUE(Lex().Lookup("the"));  // the embedded lexicon is not affected
}

}  // namespace
}  // namespace dateline
