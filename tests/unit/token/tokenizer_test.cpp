#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "token/token.h"

namespace dateline {
namespace {

// A document whose whole text is one sentence, tokenized.
Document Tokenized(std::string text) {
  Document doc("t", std::move(text));
  doc.sentences.push_back({ByteSpan{0, static_cast<uint32_t>(doc.text().size())}});
  EXPECT_TRUE(Tokenizer().Run(doc).ok());
  return doc;
}

std::vector<std::string> Tokens(std::string text) {
  Document doc = Tokenized(std::move(text));
  std::vector<std::string> out;
  for (const Token& t : doc.tokens) out.emplace_back(doc.view(t.span));
  return out;
}

using V = std::vector<std::string>;

TEST(TokenizerTest, WordsAndPunctuation) {
  EXPECT_EQ(Tokens("He sent six police officers."), (V{"He", "sent", "six", "police", "officers", "."}));
  EXPECT_EQ(Tokens("Wang Yi, who is (also) a councilor; yes: no!"),
            (V{"Wang", "Yi", ",", "who", "is", "(", "also", ")", "a", "councilor", ";", "yes", ":", "no", "!"}));
  EXPECT_EQ(Tokens("  spaced \t out\n"), (V{"spaced", "out"}));
  EXPECT_EQ(Tokens(""), V{});
}

// An underscore joining two words ("Dol_Amroth", as dictionaries write phrases) is a space.
TEST(TokenizerTest, UnderscoreJoinsWords) {
  EXPECT_EQ(Tokens("the Prince of Dol_Amroth."), (V{"the", "Prince", "of", "Dol", "Amroth", "."}));
  EXPECT_EQ(Tokens("a _ alone"), (V{"a", "_", "alone"}));
}

TEST(TokenizerTest, HyphenatedWords) {
  EXPECT_EQ(Tokens("a Russian-led military bloc"), (V{"a", "Russian-led", "military", "bloc"}));
  EXPECT_EQ(Tokens("President Kassym-Jomart Tokayev"), (V{"President", "Kassym-Jomart", "Tokayev"}));
  EXPECT_EQ(Tokens("non-interference - and"), (V{"non-interference", "-", "and"}));
  EXPECT_EQ(Tokens("well- known"), (V{"well", "-", "known"}));
}

TEST(TokenizerTest, UnderscoreBetweenWordsSeparatesThem) {
  EXPECT_EQ(Tokens("the Prince of Dol_Amroth left"), (V{"the", "Prince", "of", "Dol", "Amroth", "left"}));
  EXPECT_EQ(Tokens("a _lone_ mark"), (V{"a", "_", "lone", "_", "mark"}));
}

TEST(TokenizerTest, PossessivesBothApostrophes) {
  EXPECT_EQ(Tokens("the country's transfer"), (V{"the", "country", "'s", "transfer"}));
  EXPECT_EQ(Tokens("the country\u2019s transfer"), (V{"the", "country", "\u2019s", "transfer"}));
  EXPECT_EQ(Tokens("the countries' leaders"), (V{"the", "countries", "'", "leaders"}));
  EXPECT_EQ(Tokens("O'Brien's plan"), (V{"O'Brien", "'s", "plan"}));
  EXPECT_EQ(Tokens("C\u00f4te d'Ivoire"), (V{"C\u00f4te", "d'Ivoire"}));
}

TEST(TokenizerTest, Clitics) {
  EXPECT_EQ(Tokens("China doesn't want"), (V{"China", "does", "n't", "want"}));
  EXPECT_EQ(Tokens("they can\u2019t, won't"), (V{"they", "ca", "n\u2019t", ",", "wo", "n't"}));
  EXPECT_EQ(Tokens("we're sure they've said he'll go, I'm told, I'd say"),
            (V{"we", "'re", "sure", "they", "'ve", "said", "he", "'ll", "go", ",", "I", "'m", "told", ",", "I", "'d",
               "say"}));
  EXPECT_EQ(Tokens("DON'T"), (V{"DO", "N'T"}));
}

TEST(TokenizerTest, Numbers) {
  EXPECT_EQ(Tokens("a border of 1,770 km (1,110 miles)"),
            (V{"a", "border", "of", "1,770", "km", "(", "1,110", "miles", ")"}));
  EXPECT_EQ(Tokens("rose 3.5 percent in 2019."), (V{"rose", "3.5", "percent", "in", "2019", "."}));
  EXPECT_EQ(Tokens("at 10:30, 20%, $5"), (V{"at", "10:30", ",", "20", "%", ",", "$", "5"}));
  EXPECT_EQ(Tokens("1, 2,3"), (V{"1", ",", "2", ",", "3"}));
  EXPECT_EQ(Tokens("the 1960s and '90s"), (V{"the", "1960s", "and", "'90s"}));
  EXPECT_EQ(Tokens("a 5-year plan"), (V{"a", "5-year", "plan"}));
}

TEST(TokenizerTest, AbbreviationsKeepTheirDot) {
  EXPECT_EQ(Tokens("BEIJING, Jan. 10 (Reuters)"), (V{"BEIJING", ",", "Jan.", "10", "(", "Reuters", ")"}));
  EXPECT_EQ(Tokens("the U.S. and the U.N. said"), (V{"the", "U.S.", "and", "the", "U.N.", "said"}));
  EXPECT_EQ(Tokens("Gen. Smith and Lt. Col. Jones met Dr. Who"),
            (V{"Gen.", "Smith", "and", "Lt.", "Col.", "Jones", "met", "Dr.", "Who"}));
  EXPECT_EQ(Tokens("the S. Rajaratnam School"), (V{"the", "S.", "Rajaratnam", "School"}));
  EXPECT_EQ(Tokens("Acme Inc. vs. Foo Corp., e.g. at 5 p.m. today"),
            (V{"Acme", "Inc.", "vs.", "Foo", "Corp.", ",", "e.g.", "at", "5", "p.m.", "today"}));
  EXPECT_EQ(Tokens("No. 10 but said no."), (V{"No.", "10", "but", "said", "no", "."}));
  EXPECT_EQ(Tokens("went home."), (V{"went", "home", "."}));
  EXPECT_EQ(Tokens("Tileuberdi. , cited"), (V{"Tileuberdi", ".", ",", "cited"}));
  EXPECT_EQ(Tokens("see reuters.com today"), (V{"see", "reuters.com", "today"}));
  EXPECT_EQ(Tokens("a U.S.-led force"), (V{"a", "U.S.-led", "force"}));
}

TEST(TokenizerTest, QuotesAndDashes) {
  Document doc = Tokenized("said \u201cnow,\u201d and \"then\" \u2013 a -- b \u2014 c...");
  std::vector<std::string> texts;
  for (const Token& t : doc.tokens) texts.emplace_back(doc.view(t.span));
  EXPECT_EQ(texts, (V{"said", "\u201c", "now", ",", "\u201d", "and", "\"", "then", "\"", "\u2013", "a", "--", "b",
                      "\u2014", "c", "..."}));
  EXPECT_TRUE(doc.tokens[1].has(Token::kOpenQuote));
  EXPECT_TRUE(doc.tokens[4].has(Token::kCloseQuote));
  EXPECT_TRUE(doc.tokens[6].has(Token::kOpenQuote));
  EXPECT_FALSE(doc.tokens[6].has(Token::kCloseQuote));
  EXPECT_TRUE(doc.tokens[8].has(Token::kCloseQuote));
  for (size_t i : {1, 3, 4, 6, 8, 9, 11, 13, 15}) EXPECT_TRUE(doc.tokens[i].has(Token::kPunct)) << texts[i];
}

TEST(TokenizerTest, StraightQuotesByContext) {
  Document doc = Tokenized("\"We will,\" he said. \" spaced \" end");
  ASSERT_GE(doc.tokens.size(), 9u);
  EXPECT_TRUE(doc.tokens[0].has(Token::kOpenQuote));   // at the start
  EXPECT_TRUE(doc.tokens[4].has(Token::kCloseQuote));  // after a comma
  EXPECT_TRUE(doc.tokens[8].has(Token::kOpenQuote));   // spaces on both sides: none open, so it opens
  EXPECT_TRUE(doc.tokens[10].has(Token::kCloseQuote)); // ... and the next one closes
}

TEST(TokenizerTest, SingleQuotes) {
  Document doc = Tokenized("called it \u2018terrorism\u2019 and 'war'");
  std::vector<std::string> texts;
  for (const Token& t : doc.tokens) texts.emplace_back(doc.view(t.span));
  EXPECT_EQ(texts, (V{"called", "it", "\u2018", "terrorism", "\u2019", "and", "'", "war", "'"}));
  EXPECT_TRUE(doc.tokens[2].has(Token::kOpenQuote));
  EXPECT_TRUE(doc.tokens[4].has(Token::kCloseQuote));
  EXPECT_TRUE(doc.tokens[6].has(Token::kOpenQuote));
  EXPECT_TRUE(doc.tokens[8].has(Token::kCloseQuote));
}

TEST(TokenizerTest, Flags) {
  Document doc = Tokenized("China NATO US Russian-led 1,770 1960s , \u00c9mile a");
  ASSERT_EQ(doc.tokens.size(), 9u);
  const auto& t = doc.tokens;
  EXPECT_TRUE(t[0].has(Token::kSentenceStart));
  EXPECT_TRUE(t[0].has(Token::kCapitalized));
  EXPECT_FALSE(t[0].has(Token::kAllCaps));
  EXPECT_TRUE(t[1].has(Token::kAllCaps));
  EXPECT_TRUE(t[2].has(Token::kAllCaps));
  EXPECT_TRUE(t[3].has(Token::kHyphenated));
  EXPECT_TRUE(t[3].has(Token::kCapitalized));
  EXPECT_TRUE(t[4].has(Token::kNumber));
  EXPECT_FALSE(t[5].has(Token::kNumber));
  EXPECT_TRUE(t[6].has(Token::kPunct));
  EXPECT_TRUE(t[7].has(Token::kCapitalized)) << "Latin-1 capitals count";
  EXPECT_EQ(t[8].flags, 0);
  for (size_t i = 1; i < t.size(); ++i) EXPECT_FALSE(t[i].has(Token::kSentenceStart));
}

TEST(TokenizerTest, UnicodeSpacesAndLetters) {
  EXPECT_EQ(Tokens("Z\u00fcrich\u00a0and\u2009S\u00e3o Paulo"), (V{"Z\u00fcrich", "and", "S\u00e3o", "Paulo"}));
  EXPECT_EQ(Tokens("\u041c\u043e\u0441\u043a\u0432\u0430, 5\u00b0"),
            (V{"\u041c\u043e\u0441\u043a\u0432\u0430", ",", "5", "\u00b0"}));
}

TEST(TokenizerTest, SentencesGetTheirTokenRanges) {
  Document doc("t", "One two. Three four five.");
  doc.sentences.push_back({ByteSpan{0, 8}});
  doc.sentences.push_back({ByteSpan{9, 25}});
  ASSERT_TRUE(Tokenizer().Run(doc).ok());
  ASSERT_EQ(doc.tokens.size(), 7u);
  EXPECT_EQ(doc.sentences[0].token_begin, 0u);
  EXPECT_EQ(doc.sentences[0].token_end, 3u);
  EXPECT_EQ(doc.sentences[1].token_begin, 3u);
  EXPECT_EQ(doc.sentences[1].token_end, 7u);
  EXPECT_TRUE(doc.tokens[3].has(Token::kSentenceStart));
  EXPECT_EQ(doc.view(doc.tokens[3].span), "Three");
  // Running again replaces the tokens.
  ASSERT_TRUE(Tokenizer().Run(doc).ok());
  EXPECT_EQ(doc.tokens.size(), 7u);
}

TEST(TokenizerTest, SpansStayInsideTheirSentence) {
  Document doc("t", "abc U.S. def");
  doc.sentences.push_back({ByteSpan{0, 6}});  // "abc U." : the cut falls inside the abbreviation
  ASSERT_TRUE(Tokenizer().Run(doc).ok());
  for (const Token& t : doc.tokens) EXPECT_LE(t.span.end, 6u);
}

TEST(TokenizerTest, RejectsSpansOutsideTheText) {
  Document doc("t", "abc");
  doc.sentences.push_back({ByteSpan{0, 10}});
  EXPECT_FALSE(Tokenizer().Run(doc).ok());
}

TEST(TokenizerTest, AbbreviationClasses) {
  EXPECT_EQ(ClassifyAbbreviation("Gen"), AbbreviationKind::kTitle);
  EXPECT_EQ(ClassifyAbbreviation("S"), AbbreviationKind::kTitle);
  EXPECT_EQ(ClassifyAbbreviation("s"), AbbreviationKind::kNone);
  EXPECT_EQ(ClassifyAbbreviation("Sept"), AbbreviationKind::kMonth);
  EXPECT_EQ(ClassifyAbbreviation("No"), AbbreviationKind::kBeforeNumber);
  EXPECT_EQ(ClassifyAbbreviation("U.S"), AbbreviationKind::kOther);
  EXPECT_EQ(ClassifyAbbreviation("a.m"), AbbreviationKind::kOther);
  EXPECT_EQ(ClassifyAbbreviation("e.g"), AbbreviationKind::kTitle);
  EXPECT_EQ(ClassifyAbbreviation("Inc"), AbbreviationKind::kOther);
  EXPECT_EQ(ClassifyAbbreviation("home"), AbbreviationKind::kNone);
  EXPECT_EQ(ClassifyAbbreviation("reuters.com"), AbbreviationKind::kNone);
  EXPECT_EQ(ClassifyAbbreviation(""), AbbreviationKind::kNone);
  // The longest listed words, and words one letter longer, in any case.
  EXPECT_EQ(ClassifyAbbreviation("Messrs"), AbbreviationKind::kTitle);
  EXPECT_EQ(ClassifyAbbreviation("APPROX"), AbbreviationKind::kOther);
  EXPECT_EQ(ClassifyAbbreviation("Messrss"), AbbreviationKind::kNone);
  EXPECT_EQ(ClassifyAbbreviation("approxi"), AbbreviationKind::kNone);
}

// Words starting in lower case skip the letter counting: their flags against words that do not.
TEST(TokenizerTest, FlagsOfWordsByTheirFirstByte) {
  Document doc = Tokenized("x aBC abc1 a-b ABC AbC 1,500 1a2 \u00c9MILE \u00e9mile \u00dcBER-ALLES zX");
  ASSERT_EQ(doc.tokens.size(), 12u);
  const auto& t = doc.tokens;
  for (size_t i : {1, 2, 9, 11}) EXPECT_EQ(t[i].flags, 0) << doc.view(t[i].span);
  EXPECT_EQ(t[3].flags, Token::kHyphenated);
  EXPECT_EQ(t[4].flags, Token::kCapitalized | Token::kAllCaps);
  EXPECT_EQ(t[5].flags, Token::kCapitalized);
  EXPECT_EQ(t[6].flags, Token::kNumber);
  EXPECT_EQ(t[7].flags, 0);
  EXPECT_EQ(t[8].flags, Token::kCapitalized | Token::kAllCaps);  // the letters counted are ASCII: M I L E
  EXPECT_EQ(t[10].flags, Token::kCapitalized | Token::kHyphenated | Token::kAllCaps);
}

}  // namespace
}  // namespace dateline
