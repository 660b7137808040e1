// Word match modes: exact words, words that take the regular endings, and stems — what
// TABARI-family dictionaries need ("SYRI" matches "Syrian"; "ACCEPT_" matches "accepted").
#include <gtest/gtest.h>

#include "code/mentions.h"
#include "dict/dictionary.h"
#include "input/input.h"
#include "sentence/sentence.h"
#include "token/token.h"

namespace dateline {
namespace {

TEST(WordModes, WordMatches) {
  EXPECT_TRUE(WordMatches("syrian", "syri", WordMode::kStem));
  EXPECT_FALSE(WordMatches("syracuse", "syri", WordMode::kStem));
  EXPECT_TRUE(WordMatches("accepted", "accept", WordMode::kEndings));
  EXPECT_TRUE(WordMatches("accepts", "accept", WordMode::kEndings));
  EXPECT_TRUE(WordMatches("accept", "accept", WordMode::kEndings));
  EXPECT_FALSE(WordMatches("acceptable", "accept", WordMode::kEndings));
  EXPECT_FALSE(WordMatches("accepted", "accept", WordMode::kExact));
}

TEST(WordModes, StripRegularEndings) {
  std::vector<std::string_view> bases;
  StripRegularEndings("attacked", &bases);
  ASSERT_FALSE(bases.empty());
  EXPECT_EQ(bases[0], "attack");
  StripRegularEndings("glasses", &bases);
  EXPECT_EQ(bases.size(), 2u);  // "glass" (-es) and "glasse" (-s)
}

struct Found {
  std::string code;
  std::string text;
};

std::vector<Found> Mentions(const Dictionary& dict, const std::string& text) {
  Document doc = DecodeArticle("m", text);
  doc.paragraphs.push_back(ByteSpan{0, static_cast<uint32_t>(doc.text().size())});
  EXPECT_TRUE(SentenceSplitter().Run(doc).ok());
  EXPECT_TRUE(Tokenizer().Run(doc).ok());
  EXPECT_TRUE(Tagger().Run(doc).ok());
  std::vector<Found> out;
  SentenceWords words;
  std::vector<Mention> mentions;
  for (const Sentence& s : doc.sentences) {
    LookUpWords(doc, s, dict, &words);
    FindMentions(doc, s, dict, words, Date{2022, 1, 10}, &mentions);
    for (const Mention& m : mentions) {
      if (m.pronoun) continue;
      const ByteSpan span{doc.tokens[m.token_begin].span.begin, doc.tokens[m.token_end - 1].span.end};
      out.push_back({m.code, std::string(doc.view(span))});
    }
  }
  return out;
}

Dictionary ModeDictionary() {
  DictionaryBuilder b;
  auto actor = [&](std::vector<std::pair<std::string, WordMode>> words, std::string code, ActorKind kind) {
    ActorEntry e;
    e.code = code;
    e.name = code;
    e.country = code.substr(0, 3);
    e.kind = kind;
    b.AddPhraseWords(words, false, b.AddActorEntry(e));
  };
  actor({{"syri", WordMode::kStem}}, "SYR", ActorKind::kCountry);
  actor({{"golan", WordMode::kExact}, {"height", WordMode::kEndings}}, "SYRGOL", ActorKind::kGroup);
  actor({{"new", WordMode::kExact}, {"york", WordMode::kExact}}, "", ActorKind::kGroup);  // null code
  actor({{"york", WordMode::kExact}}, "GBR", ActorKind::kCountry);
  actor({{"barad", WordMode::kExact}, {"dur", WordMode::kExact}}, "MOR", ActorKind::kCountry);
  {  // TABARI "ITHILEN TELEVISION": a blank lets a few words stand between
    ActorEntry tv;
    tv.code = "ITHTV";
    tv.name = "ITHTV";
    tv.country = "ITH";
    tv.kind = ActorKind::kGroup;
    b.AddPhraseWords({{"ithilen", WordMode::kExact}, {"television", WordMode::kExact}}, false, b.AddActorEntry(tv),
                     /*gap_mask=*/0b10);
  }
  actor({{"al", WordMode::kExact}, {"assad", WordMode::kExact}, {"regime", WordMode::kExact}}, "SYRGOV",
        ActorKind::kGroup);
  Result<Dictionary> d = std::move(b).Build();
  EXPECT_TRUE(d.ok());
  return d.take();
}

TEST(WordModes, HyphenatedTokensMatchPhrasesOfTheirParts) {
  const Dictionary d = ModeDictionary();
  auto found = Mentions(d, "Barad-Dur and the al-Assad regime met.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].code, "MOR");
  EXPECT_EQ(found[0].text, "Barad-Dur");
  EXPECT_EQ(found[1].code, "SYRGOV");  // the phrase goes on past the hyphenated token
  EXPECT_EQ(found[1].text, "al-Assad regime");
  EXPECT_TRUE(Mentions(d, "Barad-Durian forces.").empty());  // every part must match
}

TEST(WordModes, GappedPhraseWordsLetAFewWordsStandBetween) {
  const Dictionary d = ModeDictionary();
  auto found = Mentions(d, "Ithilen state-run television reported it.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "ITHTV");
  EXPECT_EQ(found[0].text, "Ithilen state-run television");
  EXPECT_EQ(Mentions(d, "Ithilen television reported it.").at(0).text, "Ithilen television");
  EXPECT_TRUE(Mentions(d, "Ithilen, and its television, reported it.").empty());
}

TEST(WordModes, StemsMatchEveryFormButNotOtherWords) {
  const Dictionary d = ModeDictionary();
  EXPECT_TRUE(d.has_stems());
  const std::vector<Found> f = Mentions(d, "Syrians and Syria met Syracuse officials.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].text, "Syrians");
  EXPECT_EQ(f[1].text, "Syria");
}

TEST(WordModes, EndingsOnTheLastWord) {
  const Dictionary d = ModeDictionary();
  std::vector<Found> f = Mentions(d, "Troops left the Golan Heights on Monday.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].code, "SYRGOL");
  EXPECT_EQ(f[0].text, "Golan Heights");
  f = Mentions(d, "Troops left the Golan Heighted.");
  ASSERT_EQ(f.size(), 1u);  // -ed is a regular ending too: faithful to TABARI
  f = Mentions(d, "Troops left the Golan Highlands.");
  EXPECT_TRUE(f.empty());
}

TEST(WordModes, NullCodeTakesItsWordsAndNamesNothing) {
  const Dictionary d = ModeDictionary();
  EXPECT_TRUE(Mentions(d, "Officials in New York met.").empty());
  const std::vector<Found> f = Mentions(d, "Officials in York met.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].code, "GBR");
}

}  // namespace
}  // namespace dateline
