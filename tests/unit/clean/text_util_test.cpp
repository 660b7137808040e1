// The byte-level helpers of src/clean (text_util.h) against slow, obviously correct references:
// the helpers take ASCII fast paths and skip work (counting words without splitting, stopping at
// the first letter), and must answer exactly as a decode-every-code-point-and-ask-ICU version.
#include "clean/text_util.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "clean/clean.h"

namespace dateline {
namespace {

using namespace clean_detail;

// --- references: one code point at a time, every class from ICU ------------------------------

std::vector<std::string_view> RefSplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  size_t pos = 0, word_begin = std::string_view::npos;
  while (pos < s.size()) {
    size_t next = pos;
    const bool space = IsSpace(NextCodePoint(s, &next));
    if (space && word_begin != std::string_view::npos) {
      words.push_back(s.substr(word_begin, pos - word_begin));
      word_begin = std::string_view::npos;
    } else if (!space && word_begin == std::string_view::npos) {
      word_begin = pos;
    }
    pos = next;
  }
  if (word_begin != std::string_view::npos) words.push_back(s.substr(word_begin));
  return words;
}

std::string_view RefTrim(std::string_view s, size_t* lead) {
  size_t b = 0;
  while (b < s.size()) {
    size_t next = b;
    if (!IsSpace(NextCodePoint(s, &next))) break;
    b = next;
  }
  size_t e = s.size();
  while (e > b) {
    size_t start = 0;
    if (!IsSpace(PrevCodePoint(s, e, &start))) break;
    e = start;
  }
  *lead = b;
  return s.substr(b, e - b);
}

std::string_view RefStripPunct(std::string_view w) {
  auto alnum = [](char32_t c) { return u_isalnum(static_cast<UChar32>(c)) != 0; };
  size_t b = 0;
  while (b < w.size()) {
    size_t next = b;
    if (alnum(NextCodePoint(w, &next))) break;
    b = next;
  }
  size_t e = w.size();
  while (e > b) {
    size_t start = 0;
    if (alnum(PrevCodePoint(w, e, &start))) break;
    e = start;
  }
  return w.substr(b, e - b);
}

size_t RefLetterCount(std::string_view w) {
  size_t pos = 0, letters = 0;
  while (pos < w.size())
    if (u_isalpha(static_cast<UChar32>(NextCodePoint(w, &pos)))) ++letters;
  return letters;
}

bool RefAllCaps(std::string_view w) {
  size_t pos = 0, letters = 0;
  while (pos < w.size()) {
    const auto c = static_cast<UChar32>(NextCodePoint(w, &pos));
    if (u_islower(c)) return false;
    if (u_isalpha(c)) ++letters;
  }
  return letters > 0;
}

bool RefStartsUpper(std::string_view w) {
  size_t pos = 0;
  return !w.empty() && u_isupper(static_cast<UChar32>(NextCodePoint(w, &pos)));
}

bool RefStartsLower(std::string_view w) {
  size_t pos = 0;
  return !w.empty() && u_islower(static_cast<UChar32>(NextCodePoint(w, &pos)));
}

// --- inputs: random mixes of ASCII, spaces of every kind, letters and marks beyond ASCII, and
// invalid bytes ---------------------------------------------------------------------------------

std::vector<std::string> Samples() {
  static const char* const kPieces[] = {
      "a", "Z", "q", "M", "0", "7", " ", "  ", "\t", "\n", "\r", "\v", "\f", ".", ",", "\"", "'", "(", ")", "-",
      "_", "@", "[", "`", "{", "~", "\x7F", "\x01",
      "\xC2\xA0",          // NBSP
      "\xE2\x80\x89",      // thin space
      "\xE2\x80\x8B",      // zero-width space
      "\xE3\x80\x80",      // ideographic space
      "\xEF\xBB\xBF",      // BOM
      "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\x94", "\xE2\x80\xA6",  // “ ” ’ — …
      "\xC3\x89", "\xC3\xA9", "\xC3\x9F", "\xC5\x81", "\xC4\x9F",  // É é ß Ł ğ
      "\xC2\xAA", "\xC2\xB2", "\xC2\xBD",                          // ª ² ½
      "\xCC\x81",                                                   // combining acute
      "\xE4\xB8\xAD",                                               // 中
      "\xD9\xA3",                                                   // Arabic-Indic digit three
      "\xF0\x9F\x98\x80",                                           // emoji
      "\x80", "\xC3", "\xE2\x80", "\xFF", "\xF0\x9F",               // invalid or truncated
      "said", "Reuters", "U.S.", "correspondent", "INTERNATIONAL", "newsletter",
  };
  std::mt19937 rng(20240611);
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1), length(0, 12);
  std::vector<std::string> out = {"", " ", "a", "\xC3", "\xE2\x80\x89"};
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    for (size_t n = length(rng); n > 0; --n) s += kPieces[piece(rng)];
    out.push_back(std::move(s));
  }
  return out;
}

TEST(CleanTextUtil, AsciiClassesAgreeWithIcu) {
  // The fast paths take these ranges for ICU's classes on bytes below 0x80.
  for (char32_t c = 0; c < 0x80; ++c) {
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
    EXPECT_EQ(u_isupper(static_cast<UChar32>(c)) != 0, upper) << static_cast<int>(c);
    EXPECT_EQ(u_islower(static_cast<UChar32>(c)) != 0, lower) << static_cast<int>(c);
    EXPECT_EQ(u_isalpha(static_cast<UChar32>(c)) != 0, upper || lower) << static_cast<int>(c);
    EXPECT_EQ(u_isalnum(static_cast<UChar32>(c)) != 0, upper || lower || digit) << static_cast<int>(c);
    EXPECT_EQ(IsSpace(c), IsAsciiSpaceByte(static_cast<unsigned char>(c))) << static_cast<int>(c);
  }
}

TEST(CleanTextUtil, WordsAgreeWithTheReference) {
  for (const std::string& s : Samples()) {
    const std::vector<std::string_view> expected = RefSplitWords(s);
    EXPECT_EQ(SplitWords(s), expected) << s;
    std::vector<std::string_view> appended = {"kept"};
    AppendWords(s, &appended);
    ASSERT_EQ(appended.size(), expected.size() + 1) << s;
    EXPECT_TRUE(std::equal(expected.begin(), expected.end(), appended.begin() + 1)) << s;
    EXPECT_EQ(CountWords(s), expected.size()) << s;
    for (size_t limit = 0; limit <= 4; ++limit) EXPECT_EQ(CountWords(s, limit), std::min(limit, expected.size())) << s;
  }
}

TEST(CleanTextUtil, WordHelpersAgreeWithTheReference) {
  for (const std::string& s : Samples()) {
    size_t lead = 0, ref_lead = 0;
    EXPECT_EQ(Trim(s, &lead), RefTrim(s, &ref_lead)) << s;
    EXPECT_EQ(lead, ref_lead) << s;
    EXPECT_EQ(StripPunct(s), RefStripPunct(s)) << s;
    EXPECT_EQ(LetterCount(s), RefLetterCount(s)) << s;
    EXPECT_EQ(HasLetter(s), RefLetterCount(s) > 0) << s;
    EXPECT_EQ(AllCaps(s), RefAllCaps(s)) << s;
    EXPECT_EQ(StartsUpper(s), RefStartsUpper(s)) << s;
    EXPECT_EQ(StartsLower(s), RefStartsLower(s)) << s;
  }
}

TEST(CleanTextUtil, AsciiLowerInto) {
  char buf[8];
  bool fits = false;
  EXPECT_EQ(AsciiLowerInto("SaId", buf, sizeof buf, &fits), "said");
  EXPECT_TRUE(fits);
  EXPECT_EQ(AsciiLowerInto("\xC3\x89TAT", buf, sizeof buf, &fits), "\xC3\x89tat");  // only ASCII folds
  EXPECT_EQ(AsciiLowerInto("Eight888", buf, sizeof buf, &fits), "eight888");
  EXPECT_TRUE(fits);
  EXPECT_EQ(AsciiLowerInto("NineNine9", buf, sizeof buf, &fits), "");
  EXPECT_FALSE(fits);
}

// ReadsAsSentence stops reading words once it has decided, and lower-cases short words in a
// buffer: the cases around those shortcuts.
TEST(CleanTextUtil, ReadsAsSentenceShortcuts) {
  // Verb-like by its ending though longer than any listed word; the verb late in the line.
  EXPECT_TRUE(ReadsAsSentence("Officials internationalized the disputes."));
  EXPECT_TRUE(ReadsAsSentence("Ukrainian and Polish officials from the border regions and capitals met."));
  // One real word only, however verb-like; punctuation-only words do not count.
  EXPECT_FALSE(ReadsAsSentence("-- said."));
  EXPECT_FALSE(ReadsAsSentence("Said -- ..."));
  // A prompt: imperative first word, a word addressed to the reader anywhere after.
  EXPECT_FALSE(ReadsAsSentence("Subscribe, and the analysis lands in (your) inbox."));
  EXPECT_FALSE(ReadsAsSentence("Follow the talks live here."));
  // ... unless quoted, or reported ("..., X said").
  EXPECT_TRUE(ReadsAsSentence("\xE2\x80\x9C" "Follow the talks here,\xE2\x80\x9D she said."));
  EXPECT_TRUE(ReadsAsSentence("Follow us, the minister urged the crowd gathered here."));
  // Reader words longer than the lower-casing buffer are no reader words.
  EXPECT_TRUE(ReadsAsSentence("Download the newsletterssssssssss reports."));
}

// ParseDateline answers nothing, without asking its patterns, for lines that hold no dash, colon,
// bracket or slash; the lines that do are parsed as before.
TEST(CleanTextUtil, DatelinesNeedADashColonBracketOrSlash) {
  EXPECT_FALSE(ParseDateline("WASHINGTON The talks resumed."));
  EXPECT_FALSE(ParseDateline("Moscow, Feb 1 Reuters The talks resumed."));
  EXPECT_TRUE(ParseDateline("New Delhi, Jan 10 (PTI) India said."));
  EXPECT_TRUE(ParseDateline("WASHINGTON \xE2\x80\x94 The talks resumed."));          // em dash
  EXPECT_TRUE(ParseDateline("WASHINGTON \xE2\x80\x95 The talks resumed."));          // horizontal bar
  EXPECT_TRUE(ParseDateline("WASHINGTON \xE2\x80\x93 The talks resumed."));          // en dash
  EXPECT_TRUE(ParseDateline("NEW DELHI: The talks resumed."));
  EXPECT_TRUE(ParseDateline("MOSCOW, March 3. /TASS/. The talks resumed."));
  EXPECT_TRUE(ParseDateline("(CNN) - The talks resumed."));
}

}  // namespace
}  // namespace dateline
