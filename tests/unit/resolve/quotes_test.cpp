// Finding quotations and their attributions (resolve/quotes.h), on text through the stages that
// need no dictionary.
#include "resolve/quotes.h"

#include <gtest/gtest.h>

#include "input/input.h"
#include "pipeline/pipeline.h"

namespace dateline {
namespace {

struct Found {
  Document doc;
  std::vector<Quote> quotes;
  // The quote's words, parts joined by " | ".
  std::string Text(size_t i) const {
    std::string s;
    for (const ByteSpan& p : quotes[i].parts) {
      if (!s.empty()) s += " | ";
      s += doc.view(p);
    }
    return s;
  }
  std::string Words(uint32_t b, uint32_t e) const {
    if (e <= b) return "";
    return std::string(doc.view({doc.tokens[b].span.begin, doc.tokens[e - 1].span.end}));
  }
  std::string Speaker(size_t i) const { return Words(quotes[i].speaker_begin, quotes[i].speaker_end); }
  std::string Addressee(size_t i) const { return Words(quotes[i].addressee_begin, quotes[i].addressee_end); }
};

Found Find(const std::string& text) {
  Found f{DecodeArticle("t", text), {}};
  TextStages().Process(f.doc);
  FindQuotes(f.doc, &f.quotes);
  return f;
}

TEST(Quotes, AttributionAfterTheQuote) {
  const Found f = Find("The talks went on.\n\n“The recent unrest shows the danger,” Wang told Tileuberdi.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.Text(0), "The recent unrest shows the danger,");
  EXPECT_EQ(f.Speaker(0), "Wang");
  EXPECT_EQ(f.Addressee(0), "Tileuberdi");
  EXPECT_TRUE(f.quotes[0].attributed);
}

TEST(Quotes, VerbBeforeTheSpeakerWithAnAppositive) {
  const Found f = Find(
      "The talks went on.\n\n“China does not want to see that,” said Li Mingjiang, associate professor at the "
      "S. Rajaratnam School of International Studies in Singapore.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.Speaker(0), "Li Mingjiang");
  EXPECT_EQ(f.Words(f.quotes[0].appositive_begin, f.quotes[0].appositive_end),
            "associate professor at the S. Rajaratnam School of International Studies in Singapore");
}

TEST(Quotes, SaidInAStatementAndAccordingTo) {
  const Found f = Find(
      "The talks went on.\n\n“We will defend our borders,” the foreign ministry said in a statement.\n\n"
      "“Sanctions will follow next month,” according to the finance minister.");
  ASSERT_EQ(f.quotes.size(), 2u);
  EXPECT_EQ(f.Speaker(0), "the foreign ministry");
  EXPECT_EQ(f.Speaker(1), "the finance minister");
}

TEST(Quotes, AttributionBeforeTheQuote) {
  const Found f = Find("The talks went on.\n\nXi told Tokayev: “China stands with Kazakhstan.”\n\n"
                       "According to Wang, “the region needs peace and quiet.”");
  ASSERT_EQ(f.quotes.size(), 2u);
  EXPECT_EQ(f.Text(0), "China stands with Kazakhstan.");
  EXPECT_EQ(f.Speaker(0), "Xi");
  EXPECT_EQ(f.Addressee(0), "Tokayev");
  EXPECT_EQ(f.Speaker(1), "Wang");
}

// The attribution in the middle joins the two parts into one quotation, within a sentence or
// across a sentence break; straight marks as well as curly ones.
TEST(Quotes, SplitQuotes) {
  const Found f = Find(
      "The talks went on.\n\n\"We will not give up,\" Kishida said, \"and we will win this fight.\"\n\n"
      "“The talks were useful,” he said. “But more work is needed before an agreement.”");
  ASSERT_EQ(f.quotes.size(), 2u);
  EXPECT_EQ(f.Text(0), "We will not give up, | and we will win this fight.");
  EXPECT_EQ(f.Speaker(0), "Kishida");
  EXPECT_EQ(f.Text(1), "The talks were useful, | But more work is needed before an agreement.");
  EXPECT_EQ(f.Speaker(1), "he");
  EXPECT_EQ(f.quotes[1].sentence_end - f.quotes[1].sentence_begin, 2u);
}

// Wire style: a paragraph that ends inside a quotation continues in the next, which opens with a
// mark; the attribution at the end covers the whole.
TEST(Quotes, QuoteAcrossParagraphs) {
  const Found f = Find(
      "The talks went on.\n\n“The first part of a long statement runs to the end of the paragraph.\n\n"
      "“The second part ends it here,” the minister said.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.Text(0), "The first part of a long statement runs to the end of the paragraph. | The second part ends it here,");
  EXPECT_EQ(f.Speaker(0), "the minister");
}

// A whole-sentence quotation without an attribution in the paragraph after a quote takes that
// quote's speaker.
TEST(Quotes, UnattributedQuoteContinuesTheSpeakerBefore) {
  const Found f = Find(
      "The talks went on.\n\n“The talks were useful and long,” he said.\n\n"
      "“This is a quotation that stands alone in its paragraph.”");
  ASSERT_EQ(f.quotes.size(), 2u);
  EXPECT_FALSE(f.quotes[1].attributed);
  EXPECT_EQ(f.quotes[1].speaker_from, 0);
}

// Scare quotes and quoted fragments without an attribution next to them are not quotations.
TEST(Quotes, ScareQuotesAreNotQuotations) {
  const Found f = Find(
      "China will strengthen “law enforcement and security” cooperation and oppose “outside forces,” said the "
      "minister.\n\nAuthorities blamed the violence on “extremists,” including militants.");
  EXPECT_TRUE(f.quotes.empty()) << f.Text(0);
}

// Quoted words inside indirect speech belong to the reported clause, not to a quotation.
TEST(Quotes, PartialQuoteInIndirectSpeechIsNotAQuotation) {
  const Found f = Find("Ishiba said Japan and South Korea should \"look to the future\" and pledged more exchanges.");
  EXPECT_TRUE(f.quotes.empty()) << f.Text(0);
}

TEST(Quotes, SaidInAStatementBeforeTheQuote) {
  const Found f = Find("The talks went on.\n\nThe ministry said in a statement: “Our position has not changed at all.”");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.Speaker(0), "The ministry");
}

TEST(Quotes, NoMarksNoQuotes) {
  const Found f = Find("Wang told Tileuberdi that China would help.");
  EXPECT_TRUE(f.quotes.empty());
}

}  // namespace
}  // namespace dateline
