// Cleaner on whole articles: the data files in tests/unit/clean/data (see README.md there), the
// seed article in ../shared, and behaviours that need only a few lines.
#include "clean/clean.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "test_util.h"

namespace dateline {
namespace {

using Removed = std::vector<std::pair<std::string, std::string>>;  // (line, reason)
using Names = std::vector<std::string>;

Document CleanText(std::string text, std::optional<Date> publication, std::string title = "") {
  Document doc("test", std::move(text));
  doc.publication_date = publication;
  doc.title = std::move(title);
  Cleaner cleaner;
  Status s = cleaner.Run(doc);
  EXPECT_TRUE(s.ok()) << s.message();
  return doc;
}

Document CleanFile(const std::string& name, const char* publication) {
  std::filesystem::path path = testing::SourceDir() / "tests/unit/clean/data" / name;
  std::string text = testing::ReadFile(path);
  EXPECT_FALSE(text.empty()) << "missing test data " << path;
  return CleanText(std::move(text), Date::Parse(publication));
}

Removed RemovedOf(const Document& doc) {
  Removed out;
  for (const RemovedLine& r : doc.removed) out.emplace_back(std::string(doc.view(r.span)), r.reason);
  return out;
}

std::string Headline(const Document& doc) { return doc.headline ? std::string(doc.view(*doc.headline)) : ""; }
std::string Paragraph(const Document& doc, size_t i) { return std::string(doc.view(doc.paragraphs.at(i))); }

// Invariants every cleaned document keeps: spans inside the text, trimmed, in order, and no byte
// in two of headline / dateline / removed lines / paragraphs.
void ExpectWellFormed(const Document& doc) {
  std::vector<ByteSpan> spans;
  if (doc.headline) spans.push_back(*doc.headline);
  if (!doc.dateline.span.empty()) spans.push_back(doc.dateline.span);
  for (const RemovedLine& r : doc.removed) spans.push_back(r.span);
  for (const ByteSpan& p : doc.paragraphs) {
    spans.push_back(p);
    std::string_view v = doc.view(p);
    ASSERT_FALSE(v.empty());
    EXPECT_NE(v.front(), ' ');
    EXPECT_NE(v.back(), ' ');
    EXPECT_NE(v.back(), '\n');
  }
  // The hard rule: a line that reads as a sentence goes only on a strong cue.
  for (const RemovedLine& r : doc.removed) {
    if (r.reason == "prompt" || r.reason == "meta" || r.reason == "signature" || r.reason == "byline") {
      EXPECT_FALSE(ReadsAsSentence(doc.view(r.span))) << doc.view(r.span);
    }
  }
  for (size_t i = 1; i < doc.paragraphs.size(); ++i) EXPECT_LE(doc.paragraphs[i - 1].end, doc.paragraphs[i].begin);
  std::sort(spans.begin(), spans.end(), [](ByteSpan a, ByteSpan b) { return a.begin < b.begin; });
  for (size_t i = 0; i < spans.size(); ++i) {
    EXPECT_LE(spans[i].end, doc.text().size());
    if (i > 0) {
      EXPECT_LE(spans[i - 1].end, spans[i].begin) << "overlapping spans";
    }
  }
}

// --- the article styles --------------------------------------------------------------------------

TEST(CleanArticles, WireWithDatelineCreditsAndPrompts) {
  Document doc = CleanFile("wire.txt", "2025-03-04");
  ExpectWellFormed(doc);
  EXPECT_EQ(Headline(doc), "Ukraine and Poland agree to step up air defence cooperation");
  EXPECT_EQ(doc.view(doc.dateline.span), "KYIV, March 3 (Reuters) - ");
  EXPECT_EQ(doc.dateline.place, "Kyiv");
  EXPECT_EQ(doc.dateline.agency, "Reuters");
  EXPECT_EQ(doc.dateline.date, Date::Parse("2025-03-03"));
  EXPECT_EQ(RemovedOf(doc),
            (Removed{{"Sign up here.", "prompt"},
                     {"Get the latest news straight to your inbox with our daily newsletter", "prompt"},
                     {"(Reporting by Olena Harmash in Kyiv and Anna Koper in Warsaw; Additional reporting by Mark "
                      "Trevelyan; Writing by Tom Balmforth; Editing by Alex Richardson and Gareth Jones)",
                      "credits"},
                     {"© 2025 Thomson Reuters. All rights reserved.", "copyright"}}));
  EXPECT_EQ(doc.reporters, (Names{"Olena Harmash", "Anna Koper", "Mark Trevelyan", "Tom Balmforth"}));
  EXPECT_EQ(doc.editors, (Names{"Alex Richardson", "Gareth Jones"}));
  ASSERT_EQ(doc.paragraphs.size(), 6u);
  EXPECT_TRUE(Paragraph(doc, 0).starts_with("Ukrainian President Volodymyr Zelenskiy"));
  EXPECT_EQ(Paragraph(doc, 5), "Moscow has repeatedly warned NATO members against supplying long-range weapons to Kyiv.");
}

TEST(CleanArticles, NewspaperWithBylineRelatedAndCopyright) {
  Document doc = CleanFile("newspaper.txt", "2025-06-12");
  ExpectWellFormed(doc);
  EXPECT_EQ(Headline(doc), "Trump and Lula trade barbs over tariffs as Brazil recalls ambassador");
  EXPECT_EQ(doc.view(doc.dateline.span), "WASHINGTON — ");
  EXPECT_EQ(doc.dateline.place, "Washington");
  EXPECT_EQ(doc.dateline.agency, "");
  EXPECT_FALSE(doc.dateline.date.has_value());
  EXPECT_EQ(RemovedOf(doc), (Removed{{"By Maria Oliveira and James Whitfield", "byline"},
                                     {"Updated June 11, 2025, 6:45 p.m. ET", "meta"},
                                     {"Advertisement", "related"},
                                     {"Related: Brazil's soy exports to China hit a record", "related"},
                                     {"Copyright 2025 The Daily Meridian. All rights reserved.", "copyright"}}));
  EXPECT_EQ(doc.reporters, (Names{"Maria Oliveira", "James Whitfield"}));
  EXPECT_TRUE(doc.editors.empty());
  ASSERT_EQ(doc.paragraphs.size(), 5u);
  EXPECT_TRUE(Paragraph(doc, 0).starts_with("President Donald Trump accused Brazil"));
}

TEST(CleanArticles, BroadcasterWithCaptionsShareAndFollow) {
  Document doc = CleanFile("broadcaster.txt", "2025-09-20");
  ExpectWellFormed(doc);
  EXPECT_EQ(Headline(doc), "Armenia and Azerbaijan leaders meet in Abu Dhabi for peace talks");
  EXPECT_TRUE(doc.dateline.span.empty());
  EXPECT_EQ(doc.dateline.place, "");
  EXPECT_EQ(RemovedOf(doc),
            (Removed{{"Published", "meta"},
                     {"20 September 2025", "meta"},
                     {"Share", "related"},
                     {"Save", "related"},
                     {"Jane Harlow", "byline"},
                     {"BBC News", "byline"},
                     {"Image source, Getty Images", "related"},
                     {"Image caption, Nikol Pashinyan (left) and Ilham Aliyev shook hands before the talks began",
                      "related"},
                     {"Share this article", "related"},
                     {"Follow BBC News on X and Instagram", "related"}}));
  EXPECT_EQ(doc.reporters, (Names{"Jane Harlow"}));
  ASSERT_EQ(doc.paragraphs.size(), 6u);
  EXPECT_EQ(Paragraph(doc, 4), "\"We are closer to peace than ever,\" Pashinyan wrote on social media after the meeting.");
}

TEST(CleanArticles, BlogWithoutHeadline) {
  Document doc = CleanFile("blog.txt", "2025-05-02");
  ExpectWellFormed(doc);
  EXPECT_FALSE(doc.headline.has_value());
  EXPECT_TRUE(doc.dateline.span.empty());
  EXPECT_EQ(RemovedOf(doc), (Removed{{"Read more: What the foreign agents law means for Georgian media", "related"},
                                     {"Subscribe to our newsletter for weekly analysis from the region.", "prompt"},
                                     {"— Tomasz Nowak", "signature"}}));
  EXPECT_TRUE(doc.reporters.empty());
  ASSERT_EQ(doc.paragraphs.size(), 5u);
  EXPECT_TRUE(Paragraph(doc, 0).starts_with("I spent the last week in Tbilisi"));
}

TEST(CleanArticles, FeedTextWithoutBlankLinesOrDateline) {
  Document doc = CleanFile("no_dateline.txt", "2025-02-14");
  ExpectWellFormed(doc);
  EXPECT_EQ(Headline(doc), "NATO allies pledge more jets for Baltic air policing");
  EXPECT_TRUE(doc.dateline.span.empty());
  EXPECT_EQ(RemovedOf(doc), (Removed{{"Advertisement", "related"},
                                     {"Compiled by Laura Brennan for the Europe desk", "credits"}}));
  EXPECT_EQ(doc.reporters, (Names{"Laura Brennan"}));
  ASSERT_EQ(doc.paragraphs.size(), 5u);
  EXPECT_TRUE(Paragraph(doc, 0).starts_with("Defence ministers from NATO"));
}

TEST(CleanArticles, TrickySentencesAreKept) {
  Document doc = CleanFile("tricky.txt", "2025-10-03");
  ExpectWellFormed(doc);
  EXPECT_EQ(Headline(doc), "Court upholds French copyright law in dispute with Google");
  EXPECT_EQ(doc.dateline.place, "Paris");
  EXPECT_EQ(doc.dateline.agency, "AFP");
  EXPECT_EQ(doc.dateline.date, Date::Parse("2025-10-02"));
  EXPECT_EQ(RemovedOf(doc), Removed{});
  EXPECT_TRUE(doc.reporters.empty());
  ASSERT_EQ(doc.paragraphs.size(), 13u);
  EXPECT_EQ(Paragraph(doc, 1), "Register offices across France have recorded a rise in complaints from publishers, "
                               "the culture ministry said.");
  EXPECT_EQ(Paragraph(doc, 12), "He resigned.");
}

TEST(CleanArticles, ApStyleWithContributorLine) {
  Document doc = CleanFile("ap_style.txt", "2025-08-15");
  ExpectWellFormed(doc);
  EXPECT_EQ(Headline(doc), "Kremlin says Putin and Xi will meet in Beijing next month");
  EXPECT_EQ(doc.view(doc.dateline.span), "MOSCOW (AP) — ");
  EXPECT_EQ(doc.dateline.place, "Moscow");
  EXPECT_EQ(doc.dateline.agency, "AP");
  EXPECT_FALSE(doc.dateline.date.has_value());
  Removed removed = RemovedOf(doc);
  ASSERT_EQ(removed.size(), 2u);
  EXPECT_EQ(removed[0], (std::pair<std::string, std::string>{
                            "Associated Press writer Ken Moritsugu in Beijing contributed to this report.", "credits"}));
  EXPECT_TRUE(removed[1].first.starts_with("Copyright 2025 The Associated Press."));
  EXPECT_EQ(removed[1].second, "copyright");
  EXPECT_EQ(doc.reporters, (Names{"Ken Moritsugu"}));
  EXPECT_EQ(doc.paragraphs.size(), 4u);
}

// --- the seed article ----------------------------------------------------------------------------

TEST(CleanSeed, ReutersChinaKazakhstan) {
  std::filesystem::path shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: the seed article is not available";
  std::string text = testing::ReadFile(shared / "seed/reuters-china-kazakhstan.txt");
  if (text.empty()) GTEST_SKIP() << "seed/reuters-china-kazakhstan.txt is absent from ../shared";
  Document doc = CleanText(std::move(text), Date::Parse("2022-01-10"));
  ExpectWellFormed(doc);

  EXPECT_TRUE(Headline(doc).starts_with("China offers security support to Kazakhstan"));
  EXPECT_EQ(doc.dateline.place, "Beijing");
  EXPECT_EQ(doc.dateline.agency, "Reuters");
  EXPECT_EQ(doc.dateline.date, Date::Parse("2022-01-10"));
  EXPECT_TRUE(doc.view(doc.dateline.span).starts_with("BEIJING, Jan. 10 (Reuters)"));

  Removed removed = RemovedOf(doc);
  ASSERT_EQ(removed.size(), 5u);
  EXPECT_EQ(removed[0], (std::pair<std::string, std::string>{"Register now for FREE and unlimited access to", "prompt"}));
  EXPECT_EQ(removed[1], (std::pair<std::string, std::string>{"Register now for FREE and unlimited access to", "prompt"}));
  EXPECT_TRUE(removed[2].first.starts_with("Reporting by Gabriel Crossley"));
  EXPECT_EQ(removed[2].second, "credits");
  EXPECT_EQ(removed[3], (std::pair<std::string, std::string>{"Our standards: Thomson Reuters Trust Principles.",
                                                             "standards"}));
  EXPECT_EQ(removed[4], (std::pair<std::string, std::string>{"Shirlene J. Manley", "signature"}));

  EXPECT_EQ(doc.reporters, (Names{"Gabriel Crossley", "Yew Lun Tian"}));
  EXPECT_EQ(doc.editors, (Names{"Robert Birsel", "Raju Gopalakrishnan"}));
  ASSERT_EQ(doc.paragraphs.size(), 14u);
  EXPECT_TRUE(Paragraph(doc, 0).starts_with("China stands ready"));
  EXPECT_TRUE(Paragraph(doc, 13).starts_with("Last month, he sent six police officers"));
}

// --- behaviours ----------------------------------------------------------------------------------

TEST(CleanCleaner, NameAndRerun) {
  Cleaner cleaner;
  EXPECT_EQ(cleaner.name(), "clean");
  Document doc("d", "Headline here\n\nPARIS (AFP) - France said so.\n\nRegister now for free\n");
  ASSERT_TRUE(cleaner.Run(doc).ok());
  ASSERT_TRUE(cleaner.Run(doc).ok());  // a second run replaces, not appends
  EXPECT_EQ(doc.removed.size(), 1u);
  EXPECT_EQ(doc.paragraphs.size(), 1u);
  EXPECT_EQ(doc.view(doc.paragraphs[0]), "France said so.");
}

TEST(CleanCleaner, EmptyAndBlankText) {
  Document empty = CleanText("", std::nullopt);
  EXPECT_TRUE(empty.paragraphs.empty());
  EXPECT_TRUE(empty.diagnostics.empty());
  Document blank = CleanText(" \n\n\t\n", std::nullopt);
  EXPECT_TRUE(blank.paragraphs.empty());
  EXPECT_FALSE(blank.headline.has_value());
}

TEST(CleanCleaner, OneSentence) {
  Document doc = CleanText("He resigned.", std::nullopt);
  EXPECT_FALSE(doc.headline.has_value());
  EXPECT_TRUE(doc.removed.empty());
  ASSERT_EQ(doc.paragraphs.size(), 1u);
  EXPECT_EQ(doc.view(doc.paragraphs[0]), "He resigned.");
}

TEST(CleanCleaner, NothingLeftIsWarned) {
  Document doc = CleanText("Advertisement\n\nSubscribe now\n", std::nullopt);
  EXPECT_TRUE(doc.paragraphs.empty());
  ASSERT_EQ(doc.diagnostics.size(), 1u);
  EXPECT_NE(doc.diagnostics[0].message.find("no article text"), std::string::npos);
}

TEST(CleanCleaner, FirstLineSentenceIsNotHeadline) {
  Document doc = CleanText("Iran and Oman held talks in Muscat on Sunday, officials said.\n\nThe talks lasted four hours.\n",
                           std::nullopt);
  EXPECT_FALSE(doc.headline.has_value());
  EXPECT_EQ(doc.paragraphs.size(), 2u);
}

TEST(CleanCleaner, HeadlineNeedsABreakAfterIt) {
  // A short first line running straight into a second line of the same paragraph block, in a text
  // that does use blank lines, is not a headline.
  Document doc = CleanText("Officials in Ankara and Damascus\nmet on Monday, the ministry said.\n\nMore talks follow.\n",
                           std::nullopt);
  EXPECT_FALSE(doc.headline.has_value());
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(doc.view(doc.paragraphs[0]), "Officials in Ankara and Damascus\nmet on Monday, the ministry said.");
}

TEST(CleanCleaner, TitleMetadataMarksHeadline) {
  Document doc = CleanText("Japan and South Korea agree to resume talks.\nThe two sides met in Seoul.\n", std::nullopt,
                           "Japan and South Korea agree to resume talks.");
  EXPECT_EQ(Headline(doc), "Japan and South Korea agree to resume talks.");
  EXPECT_EQ(doc.paragraphs.size(), 1u);
}

TEST(CleanCleaner, HardWrappedParagraphsAreJoined) {
  std::string text =
      "Leaders gather in Madrid\n\n"
      "MADRID, July 8 (Reuters) - Spanish Prime Minister Pedro Sanchez welcomed\n"
      "NATO leaders to Madrid on Tuesday and called for more support for\n"
      "Ukraine.\n\n"
      "The summit ends on Wednesday.\n";
  Document doc = CleanText(text, Date::Parse("2025-07-08"));
  ExpectWellFormed(doc);
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(doc.view(doc.paragraphs[0]),
            "Spanish Prime Minister Pedro Sanchez welcomed\nNATO leaders to Madrid on Tuesday and called for more "
            "support for\nUkraine.");
  EXPECT_EQ(doc.dateline.date, Date::Parse("2025-07-08"));
}

TEST(CleanCleaner, DatelineAloneOnItsLine) {
  Document doc = CleanText("Ceasefire holds in Gaza\n\nJERUSALEM (AP) —\nIsraeli and Hamas officials said the truce held.\n",
                           std::nullopt);
  EXPECT_EQ(doc.dateline.place, "Jerusalem");
  EXPECT_EQ(doc.dateline.agency, "AP");
  ASSERT_EQ(doc.paragraphs.size(), 1u);
  EXPECT_EQ(doc.view(doc.paragraphs[0]), "Israeli and Hamas officials said the truce held.");
}

TEST(CleanCleaner, NoPublicationDateNoDatelineDate) {
  Document doc = CleanText("Talks in Doha\n\nDOHA, Jan. 5 (Reuters) - Qatar hosted talks.\n", std::nullopt);
  EXPECT_EQ(doc.dateline.place, "Doha");
  EXPECT_FALSE(doc.dateline.date.has_value());
}

TEST(CleanCleaner, AgencyTailAndPromptSentence) {
  Document doc = CleanText(
      "India and Pakistan exchange fire\n\nNEW DELHI, May 7 (Reuters) - Indian and Pakistani troops exchanged fire.\n\n"
      "Download our app for the latest updates.\n\nPakistan's army said it had responded.\n\n-- AP\n",
      Date::Parse("2025-05-07"));
  EXPECT_EQ(doc.dateline.place, "New Delhi");
  EXPECT_EQ(RemovedOf(doc), (Removed{{"Download our app for the latest updates.", "prompt"}, {"-- AP", "signature"}}));
  EXPECT_EQ(doc.paragraphs.size(), 2u);
}

TEST(CleanCleaner, SignatureNeedsAParagraphBeforeIt) {
  // A final name line is a signature only after real paragraphs; "He resigned." is not one.
  Document doc = CleanText("Minister quits\n\nThe defence minister of Peru quit on Monday.\n\nHe resigned.\n", std::nullopt);
  EXPECT_TRUE(doc.removed.empty());
  EXPECT_EQ(doc.paragraphs.size(), 2u);
}

TEST(CleanCleaner, SentencesNearCuesAreKept) {
  // Each line reads as a sentence and carries a weak cue or a near-miss of a strong one.
  const char* sentences[] = {
      "Follow-up talks are planned for next week in Geneva.",
      "Log in details of several ministers were leaked, the newspaper reported.",
      "Advertisement boards in Tehran showed the late commander.",
      "Share this burden with us, Zelenskiy told European leaders.",
      "Updated figures published on Monday showed 40 people had died.",
      "Published in 2019, the report accused Iran of arming the Houthis.",
      "Reporting by Al Jazeera and the BBC revealed the extent of the damage.",
      "Edited by Jane Doe, the report was published on Monday.",
      "Read more than 200 pages of the report and you find no mention of Russia, he said.",
      "The ministry said the newsletter would no longer be printed.",
      "Click here, the website told visitors, was the first step to register.",
      "Photos of the meeting were published by the Kremlin.",
      "He resigned.",
  };
  std::string text = "Leaders meet\n\n";
  for (const char* s : sentences) text += std::string(s) + "\n\n";
  Document doc = CleanText(text, std::nullopt);
  ExpectWellFormed(doc);
  EXPECT_EQ(RemovedOf(doc), Removed{});
  EXPECT_EQ(doc.paragraphs.size(), std::size(sentences));
}

TEST(CleanCleaner, StandfirstAndNameRoleByline) {
  Document doc = CleanText(
      "Starmer and Macron pledge to lead coalition for Ukraine\nUK and France to draw up peace plan with Kyiv\n\n"
      "Pippa Crerar Political editor\nSun 2 Mar 2025 18.30 GMT\n\n"
      "Keir Starmer and Emmanuel Macron will work with Ukraine on a plan, the prime minister said.\n\n"
      "Explore more on these topics\nUkraine\nKeir Starmer\nShare\n",
      Date::Parse("2025-03-02"));
  ExpectWellFormed(doc);
  EXPECT_EQ(Headline(doc), "Starmer and Macron pledge to lead coalition for Ukraine");
  EXPECT_EQ(RemovedOf(doc), (Removed{{"Pippa Crerar Political editor", "byline"},
                                     {"Sun 2 Mar 2025 18.30 GMT", "meta"},
                                     {"Explore more on these topics", "related"},
                                     {"Ukraine", "related"},
                                     {"Keir Starmer", "related"},
                                     {"Share", "related"}}));
  EXPECT_EQ(doc.reporters, (Names{"Pippa Crerar"}));
  ASSERT_EQ(doc.paragraphs.size(), 2u);  // the standfirst stays as text
  EXPECT_EQ(doc.view(doc.paragraphs[0]), "UK and France to draw up peace plan with Kyiv");
}

TEST(CleanCleaner, OtherWireStyles) {
  Document tass = CleanText("Lavrov and Wang Yi talk by phone\n\nMOSCOW, March 3. /TASS/. Russian Foreign Minister "
                            "Sergey Lavrov spoke with Wang Yi.\n",
                            Date::Parse("2025-03-03"));
  EXPECT_EQ(tass.dateline.place, "Moscow");
  EXPECT_EQ(tass.dateline.agency, "TASS");
  EXPECT_EQ(tass.dateline.date, Date::Parse("2025-03-03"));
  ASSERT_EQ(tass.paragraphs.size(), 1u);
  EXPECT_TRUE(tass.view(tass.paragraphs[0]).starts_with("Russian Foreign Minister"));

  Document xinhua = CleanText("Xi meets To Lam\n\nHANOI, April 14 (Xinhua) -- Chinese President Xi Jinping held talks "
                              "with To Lam.\n\nThe two sides signed 45 documents.\n\nEnditem\n",
                              Date::Parse("2025-04-15"));
  EXPECT_EQ(xinhua.dateline.agency, "Xinhua");
  EXPECT_EQ(RemovedOf(xinhua), (Removed{{"Enditem", "signature"}}));

  Document pti = CleanText("India summons envoy\n\nNEW DELHI: India on Monday summoned Bangladesh's envoy.\n\n"
                           "(With inputs from agencies)\n\n___\n",
                           std::nullopt);
  EXPECT_EQ(pti.dateline.place, "New Delhi");
  EXPECT_EQ(RemovedOf(pti), (Removed{{"(With inputs from agencies)", "credits"}, {"___", "meta"}}));
  EXPECT_EQ(pti.paragraphs.size(), 1u);

  Document labelled = CleanText("Markets fall\n\nBREAKING: Oil prices jumped after the strike.\n", std::nullopt);
  EXPECT_TRUE(labelled.dateline.span.empty());
}

TEST(CleanCleaner, RandomTextKeepsInvariants) {
  // Lines assembled from cue words, names, punctuation, dashes and stray bytes (a cheap fuzzer;
  // the spans must stay well-formed whatever the cleaner decides).
  const char* pieces[] = {"BEIJING,", "Jan.", "10", "(Reuters)", "–", "—", "-", "--", "Register", "now", "for",
                          "FREE", "Reporting", "by", "Jane", "Doe", "and", "J.", "Editing", "Our", "standards:",
                          "©", "2025", "said", "he", "resigned.", "“quote”", "Image", "caption,", "Share",
                          "Follow", "us", "on", "X", "\xC3", "\xE2\x80", "\xFF", "(", ")", ":", "/TASS/.", "By",
                          "Advertisement", "Related:", "Moscow", "Sept.", "\t", "\xC2\xA0", "___"};
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7fff;
  };
  Cleaner cleaner;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int lines = 1 + next() % 12;
    for (int l = 0; l < lines; ++l) {
      const int words = next() % 9;
      for (int w = 0; w < words; ++w) {
        if (w) text += ' ';
        text += pieces[next() % std::size(pieces)];
      }
      text += next() % 3 == 0 ? "\n\n" : "\n";
    }
    Document doc("fuzz", text);
    doc.publication_date = Date::Parse("2025-01-02");
    ASSERT_TRUE(cleaner.Run(doc).ok());
    ExpectWellFormed(doc);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "input: " << text;
      return;
    }
  }
}

TEST(CleanCleaner, CreditsInTheMiddleNeedNames) {
  Document doc = CleanText(
      "Vote count continues\n\nReporting by local media showed turnout above 60%.\n\nReporting by Jane Doe; Editing by "
      "John Smith\n",
      std::nullopt);
  EXPECT_EQ(RemovedOf(doc), (Removed{{"Reporting by Jane Doe; Editing by John Smith", "credits"}}));
  EXPECT_EQ(doc.reporters, (Names{"Jane Doe"}));
  EXPECT_EQ(doc.editors, (Names{"John Smith"}));
  EXPECT_EQ(doc.paragraphs.size(), 1u);
}

}  // namespace
}  // namespace dateline
