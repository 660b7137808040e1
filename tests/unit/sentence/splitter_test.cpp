#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sentence/sentence.h"
#include "test_util.h"

namespace dateline {
namespace {

// Splits `text` as one paragraph and returns the sentence texts.
std::vector<std::string> Split(std::string text, SentenceSplitterOptions options = {}) {
  Document doc("t", std::move(text));
  doc.paragraphs.push_back({0, static_cast<uint32_t>(doc.text().size())});
  EXPECT_TRUE(SentenceSplitter(options).Run(doc).ok());
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.view(s.span));
  return out;
}

using V = std::vector<std::string>;

TEST(SentenceSplitterTest, PlainSentences) {
  EXPECT_EQ(Split("He left. She stayed! Did they? Yes."), (V{"He left.", "She stayed!", "Did they?", "Yes."}));
  EXPECT_EQ(Split("No terminator at the end"), (V{"No terminator at the end"}));
  EXPECT_EQ(Split(""), V{});
  EXPECT_EQ(Split("   \n "), V{});
}

TEST(SentenceSplitterTest, Abbreviations) {
  EXPECT_EQ(Split("On Jan. 10 Gen. Smith met Lt. Col. Jones and Dr. Who. Mr. and Mrs. Ms. Brown came."),
            (V{"On Jan. 10 Gen. Smith met Lt. Col. Jones and Dr. Who.", "Mr. and Mrs. Ms. Brown came."}));
  EXPECT_EQ(Split("Feb. 2 and Sept. 11 are dates. St. Louis is in the U.S. It is big."),
            (V{"Feb. 2 and Sept. 11 are dates.", "St. Louis is in the U.S.", "It is big."}));
  EXPECT_EQ(Split("The U.S. President met U.N. officials. He left."),
            (V{"The U.S. President met U.N. officials.", "He left."}));
  EXPECT_EQ(Split("Acme Inc. The firm sued Foo Corp. Ltd. vs. Bar Co. Inc. Chief Executive Bob spoke."),
            (V{"Acme Inc.", "The firm sued Foo Corp. Ltd. vs. Bar Co. Inc. Chief Executive Bob spoke."}));
  EXPECT_EQ(Split("Some fruit, e.g. Apples, i.e. Red ones. At 5 p.m. The bell rang."),
            (V{"Some fruit, e.g. Apples, i.e. Red ones.", "At 5 p.m.", "The bell rang."}));
  EXPECT_EQ(Split("He lives at No. 10 Downing St. He said no. Then left."),
            (V{"He lives at No. 10 Downing St. He said no.", "Then left."}));
}

TEST(SentenceSplitterTest, Initials) {
  EXPECT_EQ(Split("He studied at the S. Rajaratnam School. It is in Singapore."),
            (V{"He studied at the S. Rajaratnam School.", "It is in Singapore."}));
  EXPECT_EQ(Split("By Shirlene J. Manley. Then more."), (V{"By Shirlene J. Manley.", "Then more."}));
}

TEST(SentenceSplitterTest, NumbersAndParentheses) {
  EXPECT_EQ(Split("It grew 3.5 percent. A border of 1,770 km (1,110 miles) with Kazakhstan. Next."),
            (V{"It grew 3.5 percent.", "A border of 1,770 km (1,110 miles) with Kazakhstan.", "Next."}));
  EXPECT_EQ(Split("The group (founded in 1990. It grew fast.) is large. Next one."),
            (V{"The group (founded in 1990. It grew fast.) is large.", "Next one."}));
  EXPECT_EQ(Split("It happened in 2019. Then it stopped."), (V{"It happened in 2019.", "Then it stopped."}));
  EXPECT_EQ(Split("(He was freed later.) Then he spoke."), (V{"(He was freed later.)", "Then he spoke."}));
}

TEST(SentenceSplitterTest, Ellipses) {
  EXPECT_EQ(Split("We will fight ... and win. Then peace\u2026 maybe. It ended... The war."),
            (V{"We will fight ... and win.", "Then peace\u2026 maybe.", "It ended...", "The war."}));
}

TEST(SentenceSplitterTest, PeriodInsideClosingQuotes) {
  EXPECT_EQ(Split("\u201cWe must act now.\u201d He said it. \u201cWhy?\u201d he asked. \"Go.\" They went."),
            (V{"\u201cWe must act now.\u201d", "He said it.", "\u201cWhy?\u201d he asked.", "\"Go.\"", "They went."}));
  EXPECT_EQ(Split("It is \u201cnow\u201d. Later."), (V{"It is \u201cnow\u201d.", "Later."}));
}

TEST(SentenceSplitterTest, QuestionsAndExclamations) {
  EXPECT_EQ(Split("Really?! Yes!! What? no way."), (V{"Really?!", "Yes!!", "What? no way."}));
}

TEST(SentenceSplitterTest, LowerCaseContinuesTheSentence) {
  EXPECT_EQ(Split("He met the minister. and then left."), (V{"He met the minister. and then left."}));
}

TEST(SentenceSplitterTest, StrayFragmentsMergeIntoThePreviousSentence) {
  EXPECT_EQ(Split("\u201cSome forces do not want peace,\u201d Wang told Tileuberdi. , cited by the ministry."),
            (V{"\u201cSome forces do not want peace,\u201d Wang told Tileuberdi. , cited by the ministry."}));
  EXPECT_EQ(Split("It ended. ; and more. : also. ) fine. Next."),
            (V{"It ended. ; and more. : also. ) fine.", "Next."}));
}

TEST(SentenceSplitterTest, NoBoundaryWithoutSpace) {
  EXPECT_EQ(Split("See reuters.com for the U.S.-led effort.It was big."),
            (V{"See reuters.com for the U.S.-led effort.It was big."}));
}

TEST(SentenceSplitterTest, SpansAreTrimmed) {
  Document doc("t", "  \u00a0One two.  \t Three.\u2009 ");
  doc.paragraphs.push_back({0, static_cast<uint32_t>(doc.text().size())});
  ASSERT_TRUE(SentenceSplitter().Run(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.view(doc.sentences[0].span), "One two.");
  EXPECT_EQ(doc.view(doc.sentences[1].span), "Three.");
}

TEST(SentenceSplitterTest, HeadlineAndParagraphs) {
  Document doc("t", "Headline here\n\nFirst para. Second sentence.\n\nThird para");
  doc.headline = ByteSpan{0, 13};
  doc.paragraphs.push_back({15, 43});
  doc.paragraphs.push_back({45, 55});
  ASSERT_TRUE(SentenceSplitter().Run(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 4u);
  EXPECT_TRUE(doc.sentences[0].headline);
  EXPECT_EQ(doc.view(doc.sentences[0].span), "Headline here");
  EXPECT_FALSE(doc.sentences[1].headline);
  EXPECT_EQ(doc.sentences[1].paragraph, 0u);
  EXPECT_EQ(doc.view(doc.sentences[1].span), "First para.");
  EXPECT_EQ(doc.sentences[2].paragraph, 0u);
  EXPECT_EQ(doc.view(doc.sentences[3].span), "Third para");
  EXPECT_EQ(doc.sentences[3].paragraph, 1u);
  // A sentence never crosses a paragraph, even without a terminator.
  Document d2("t", "no end here\nnext para");
  d2.paragraphs.push_back({0, 11});
  d2.paragraphs.push_back({12, 21});
  ASSERT_TRUE(SentenceSplitter().Run(d2).ok());
  ASSERT_EQ(d2.sentences.size(), 2u);
  // Running again replaces the sentences.
  ASSERT_TRUE(SentenceSplitter().Run(d2).ok());
  EXPECT_EQ(d2.sentences.size(), 2u);
}

TEST(SentenceSplitterTest, LongSentencesAreCutWithAWarning) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "word" + std::to_string(i) + (i % 10 == 9 ? ", " : " ");
  text += "end.";
  Document doc("t", text);
  doc.paragraphs.push_back({0, static_cast<uint32_t>(doc.text().size())});
  ASSERT_TRUE(SentenceSplitter({.max_bytes = 5000, .max_words = 40}).Run(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 3u);
  for (const Sentence& s : doc.sentences) {
    const std::string_view v = doc.view(s.span);
    EXPECT_LE(std::count(v.begin(), v.end(), ' ') + 1, 40) << v;
  }
  EXPECT_EQ(doc.view(doc.sentences[0].span).back(), ',') << "cut after a comma when one is near";
  ASSERT_EQ(doc.diagnostics.size(), 1u);
  EXPECT_NE(doc.diagnostics[0].message.find("over the limit"), std::string::npos);

  Document bytes("t", std::string(100, 'x') + " " + std::string(100, 'y'));
  bytes.paragraphs.push_back({0, 201});
  ASSERT_TRUE(SentenceSplitter({.max_bytes = 64, .max_words = 400}).Run(bytes).ok());
  ASSERT_EQ(bytes.sentences.size(), 4u);
  for (const Sentence& s : bytes.sentences) EXPECT_LE(s.span.size(), 64u);
}

// A sentence of n bytes has at most (n + 1) / 2 words, so one of at most 2 * max_words bytes is
// never cut for its words: the limit cases on both sides of that shortcut.
TEST(SentenceSplitterTest, WordLimitAtItsBoundary) {
  const SentenceSplitterOptions four{.max_bytes = 5000, .max_words = 4};
  auto pieces = [&](std::string text) {
    Document doc("t", std::move(text));
    doc.paragraphs.push_back({0, static_cast<uint32_t>(doc.text().size())});
    EXPECT_TRUE(SentenceSplitter(four).Run(doc).ok());
    return std::make_pair(doc.sentences.size(), doc.diagnostics.size());
  };
  EXPECT_EQ(pieces("a b c d"), std::make_pair(size_t{1}, size_t{0}));       // 7 bytes, 4 words
  EXPECT_EQ(pieces("a b c d "), std::make_pair(size_t{1}, size_t{0}));      // trimmed
  EXPECT_EQ(pieces("ab cd ef gh"), std::make_pair(size_t{1}, size_t{0}));   // 11 bytes, 4 words
  EXPECT_EQ(pieces("a b c d e"), std::make_pair(size_t{2}, size_t{1}));     // 9 bytes, 5 words
  EXPECT_EQ(pieces("ab c d e f"), std::make_pair(size_t{2}, size_t{1}));    // 10 bytes, 5 words
  // The byte after a two-byte space starts a word of its own count: "a", "\xA0b", "c", "d", "e".
  EXPECT_EQ(pieces("a\xC2\xA0" "b c d e"), std::make_pair(size_t{2}, size_t{1}));
  EXPECT_EQ(pieces("a\xC2\xA0" "b c d"), std::make_pair(size_t{1}, size_t{0}));
}

TEST(SentenceSplitterTest, RejectsSpansOutsideTheText) {
  Document doc("t", "abc");
  doc.paragraphs.push_back({0, 10});
  EXPECT_FALSE(SentenceSplitter().Run(doc).ok());
}

// The seed article, with the paragraphs the clean stage will produce built here by hand: the
// non-empty lines minus the two "Register now" prompts, the credits line, the standards line and
// the trailing name; the first line is the headline; the dateline "BEIJING, Jan. 10 (Reuters) – "
// is left out of the first paragraph.
TEST(SentenceSplitterTest, SeedArticle) {
  const std::filesystem::path shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: the seed article is not available";
  const std::string text = testing::ReadFile(shared / "seed" / "reuters-china-kazakhstan.txt");
  ASSERT_FALSE(text.empty());
  Document doc("seed", text);
  std::vector<ByteSpan> lines;
  for (size_t b = 0; b < text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    if (e > b) lines.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    b = e + 1;
  }
  ASSERT_GT(lines.size(), 5u);
  doc.headline = lines.front();
  for (size_t i = 1; i + 1 < lines.size(); ++i) {
    const std::string_view line = doc.view(lines[i]);
    if (line.starts_with("Register now") || line.starts_with("Reporting by") || line.starts_with("Our standards"))
      continue;
    ByteSpan para = lines[i];
    const std::string_view dateline_end = "(Reuters) \u2013 ";
    if (const size_t at = line.find(dateline_end); at != std::string_view::npos)
      para.begin += static_cast<uint32_t>(at + dateline_end.size());
    doc.paragraphs.push_back(para);
  }
  ASSERT_EQ(doc.paragraphs.size(), 14u);
  ASSERT_TRUE(SentenceSplitter().Run(doc).ok());

  // Sentence by sentence (checked by reading): {start, end}.
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"China offers security support", "opposes \u201coutside forces\u201d"},
      {"China stands ready to strengthen", "in the Central Asian country."},
      {"Wang Yi, who is also a state councilor,", "according to the Chinese Foreign Ministry."},
      {"\u201cThe recent unrest in Kazakhstan", "Wang told Tileuberdi. , cited by the ministry."},
      {"Government buildings in Kazakhstan", "prices turned violent."},
      {"The troops were ordered to shoot", "an uprising across the country."},
      {"Authorities blamed the violence", "militants, for the violence."},
      {"Authorities have also called on", "a move disputed by the United States."},
      {"Experts say China fears instability", "1,770 km (1,110 miles) with Kazakhstan."},
      {"China was willing to \u201cjointly oppose", "outside force,\u201d Wang said."},
      {"Chinese President Xi Jinping told", "Chinese state television said."},
      {"China and Russia believe that", "Western powers for regime change."},
      {"\u201cChina does not want to see", "School of International Studies in Singapore."},
      {"\u201cIf a color revolution", "try something similar,\u201d he said."},
      {"Since the Vietnam War in the 1960s,", "United Nations peacekeeping."},
      {"Last month, he sent six police officers", "in 2019 from Taiwan."},
  };
  ASSERT_EQ(doc.sentences.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const std::string_view s = doc.view(doc.sentences[i].span);
    EXPECT_TRUE(s.starts_with(expected[i].first)) << i << ": " << s;
    EXPECT_TRUE(s.ends_with(expected[i].second)) << i << ": " << s;
    EXPECT_EQ(doc.sentences[i].headline, i == 0);
  }
  EXPECT_EQ(doc.sentences[1].paragraph, 0u);
  EXPECT_EQ(doc.sentences[4].paragraph, 3u);
  EXPECT_EQ(doc.sentences[5].paragraph, 3u) << "two sentences in one paragraph";
  EXPECT_EQ(doc.sentences[15].paragraph, 13u);
  EXPECT_TRUE(doc.diagnostics.empty());
}

}  // namespace
}  // namespace dateline
