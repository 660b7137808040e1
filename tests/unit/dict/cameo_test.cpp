// CameoTable: the embedded CAMEO/PLOVER table, its lookups, and its parse errors.
#include "dict/cameo.h"

#include <gtest/gtest.h>

#include <charconv>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/embedded.h"
#include "test_util.h"

namespace dateline {
namespace {

const CameoCode& Get(std::string_view code) {
  const CameoCode* c = CameoTable::Default().Find(code);
  if (c == nullptr) {
    ADD_FAILURE() << "no row for " << code;
    static const CameoCode kNone;
    return kNone;
  }
  return *c;
}

TEST(CameoTable, DefaultHoldsAll316Codes) {
  const CameoTable& t = CameoTable::Default();
  EXPECT_EQ(t.size(), 316u);
  std::set<std::string_view> seen;
  for (const CameoCode& c : t.codes()) {
    EXPECT_TRUE(seen.insert(c.code).second) << c.code;
    EXPECT_EQ(t.Find(c.code), &c) << c.code;
  }
  for (int root = 1; root <= 20; ++root) {
    char code[3] = {static_cast<char>('0' + root / 10), static_cast<char>('0' + root % 10), '\0'};
    ASSERT_NE(t.Find(code), nullptr) << code;
    EXPECT_EQ(t.Find(code)->parent, "");
  }
}

TEST(CameoTable, SampleFacts) {
  const CameoCode& c036 = Get("036");
  EXPECT_EQ(c036.parent, "03");
  EXPECT_EQ(c036.quad_class, 1);
  EXPECT_EQ(c036.goldstein, 4.0);
  EXPECT_EQ(c036.name, "Express intent to meet or negotiate");
  EXPECT_EQ(c036.plover, "AGREE");
  EXPECT_EQ(c036.plover_mode, "");
  EXPECT_EQ(c036.plover_context, "diplomatic");

  const CameoCode& c190 = Get("190");
  EXPECT_EQ(c190.quad_class, 4);
  EXPECT_EQ(c190.goldstein, -10.0);
  EXPECT_EQ(c190.plover, "ASSAULT");
  EXPECT_EQ(c190.plover_context, "military");

  const CameoCode& c0311 = Get("0311");
  EXPECT_EQ(c0311.parent, "031");
  EXPECT_EQ(c0311.quad_class, 1);
  EXPECT_EQ(c0311.goldstein, 5.2);
  EXPECT_EQ(c0311.plover, "AGREE");
  EXPECT_EQ(c0311.plover_mode, "");
  EXPECT_EQ(c0311.plover_context, "economic");
  EXPECT_EQ(c0311.name, "Express intent to cooperate economically");

  EXPECT_EQ(Get("044").plover_mode, "third-party");
  EXPECT_EQ(Get("044").name, "Meet at a \"third\" location");
  EXPECT_EQ(Get("1121").plover_context, "crime;corruption");
  EXPECT_EQ(Get("163").plover, "COERCE");  // PLOVER moves sanctions out of SANCTION
  EXPECT_EQ(Get("06").quad_class, 2);
  EXPECT_EQ(Get("09").quad_class, 3);
  EXPECT_EQ(Get("0874").goldstein, 10.0);
  EXPECT_EQ(Get("011").goldstein, -0.1);
}

TEST(CameoTable, CorrectedRows) {
  // The reference tabulation has "1883" (parent "188") for 183.
  EXPECT_EQ(CameoTable::Default().Find("1883"), nullptr);
  const CameoCode& c183 = Get("183");
  EXPECT_EQ(c183.parent, "18");
  EXPECT_EQ(c183.goldstein, -10.0);
  EXPECT_EQ(c183.plover, "ASSAULT");
  EXPECT_EQ(Get("1831").parent, "183");
  EXPECT_EQ(Get("1312").name, "Threaten with sanctions, boycott, embargo");
  EXPECT_EQ(Get("128").name, "Defy norms, law");
}

TEST(CameoTable, CodesWithoutGoldsteinOrPlover) {
  for (std::string_view code : {"155", "176", "1834", "1951", "1952"}) {
    EXPECT_FALSE(Get(code).goldstein.has_value()) << code;
    EXPECT_EQ(Get(code).plover, "") << code;
    EXPECT_NE(Get(code).quad_class, 0) << code;
  }
}

TEST(CameoTable, Roots01And02HaveNoPlover) {
  for (const CameoCode& c : CameoTable::Default().codes()) {
    const std::string_view root = CameoTable::Root(c.code);
    if (root == "01" || root == "02") {
      EXPECT_EQ(c.plover, "") << c.code;
      EXPECT_EQ(c.plover_mode, "") << c.code;
      EXPECT_EQ(c.plover_context, "") << c.code;
    }
  }
  EXPECT_EQ(Get("03").plover, "AGREE");
  EXPECT_EQ(Get("08").plover, "CONCEDE");  // the table's two "08:" lines: the first, as for 080
}

TEST(CameoTable, ParentsAreKnownPrefixes) {
  const CameoTable& t = CameoTable::Default();
  for (const CameoCode& c : t.codes()) {
    EXPECT_EQ(c.code.size() == 2, c.parent.empty()) << c.code;
    if (c.parent.empty()) continue;
    EXPECT_TRUE(c.code.starts_with(c.parent)) << c.code;
    EXPECT_NE(t.Find(c.parent), nullptr) << c.code;
    EXPECT_EQ(CameoTable::Root(c.code), CameoTable::Root(c.parent)) << c.code;
  }
}

TEST(CameoTable, FindUnknownCodes) {
  const CameoTable& t = CameoTable::Default();
  for (std::string_view code : {"", "0", "999", "21", "00", "03110", "0a", "abc", "036 ", " 036"})
    EXPECT_EQ(t.Find(code), nullptr) << '"' << code << '"';
}

TEST(CameoTable, Root) {
  EXPECT_EQ(CameoTable::Root("0311"), "03");
  EXPECT_EQ(CameoTable::Root("190"), "19");
  EXPECT_EQ(CameoTable::Root("20"), "20");
  EXPECT_EQ(CameoTable::Root("999"), "99");  // pass-through: not in the table
  EXPECT_EQ(CameoTable::Root("X12"), "X1");
  EXPECT_EQ(CameoTable::Root("7"), "7");
  EXPECT_EQ(CameoTable::Root(""), "");
}

TEST(CameoTable, ViewsTheEmbeddedBytes) {
  const std::optional<std::string_view> bytes = EmbeddedFile("cameo/codes.tsv");
  ASSERT_TRUE(bytes.has_value());
  const auto inside = [&](std::string_view s) {
    return s.empty() || (s.data() >= bytes->data() && s.data() + s.size() <= bytes->data() + bytes->size());
  };
  for (const CameoCode& c : CameoTable::Default().codes()) {
    EXPECT_TRUE(inside(c.code) && inside(c.parent) && inside(c.name) && inside(c.plover) &&
                inside(c.plover_mode) && inside(c.plover_context))
        << c.code;
  }
}

TEST(CameoTable, DefaultIsOneInstanceAcrossThreads) {
  std::vector<const CameoTable*> seen(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) threads.emplace_back([&, i] { seen[i] = &CameoTable::Default(); });
  for (std::thread& th : threads) th.join();
  for (const CameoTable* t : seen) EXPECT_EQ(t, &CameoTable::Default());
}

TEST(CameoTable, ParsesMinimalTable) {
  const std::string text =
      "# comment\n"
      "\n"
      "01\t\t1\t0.0\t\t\t\tMAKE PUBLIC STATEMENT\r\n"
      "010\t01\t\t\tX\tm\tc;d\tMake statement\n";
  Result<CameoTable> t = CameoTable::Parse(text, "t.tsv");
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->size(), 2u);
  EXPECT_EQ(t->Find("01")->name, "MAKE PUBLIC STATEMENT");  // the CR of a CRLF line is not part of it
  const CameoCode* c = t->Find("010");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->quad_class, 0);
  EXPECT_FALSE(c->goldstein.has_value());
  EXPECT_EQ(c->plover, "X");
  EXPECT_EQ(c->plover_mode, "m");
  EXPECT_EQ(c->plover_context, "c;d");
}

struct BadTable {
  std::string text;
  std::string message;  // expected prefix of the error
};

TEST(CameoTable, ParseErrorsNameFileAndLine) {
  const std::string root = "01\t\t1\t0.0\t\t\t\tROOT\n";
  const std::vector<BadTable> cases = {
      {root + "010\t01\t1\t0.0\t\t\tName\n", "t.tsv:2: expected 8 tab-separated fields, found 7"},
      {root + "01a\t01\t1\t0.0\t\t\t\tName\n", "t.tsv:2: code \"01a\" is not 2 to 4 digits"},
      {root + "010\t01\t5\t0.0\t\t\t\tName\n", "t.tsv:2: quad class \"5\" is not 0 to 4"},
      {root + "010\t01\t1\tabc\t\t\t\tName\n", "t.tsv:2: Goldstein score \"abc\" is not a number"},
      {root + "010\t01\t1\t1.0x\t\t\t\tName\n", "t.tsv:2: Goldstein score \"1.0x\" is not a number"},
      {root + "010\t01\t1\t11\t\t\t\tName\n", "t.tsv:2: Goldstein score \"11\" is outside -10 .. 10"},
      {root + "010\t01\t1\tnan\t\t\t\tName\n", "t.tsv:2: Goldstein score \"nan\" is outside -10 .. 10"},
      {root + "#\n010\t01\t1\t0\t\tvisit\t\tName\n", "t.tsv:3: PLOVER mode or context without a PLOVER type"},
      {root + "010\t01\t1\t0\t\t\t\t\n", "t.tsv:2: code 010 has no name"},
      {root + "\n01\t\t1\t0\t\t\t\tAgain\n", "t.tsv:3: duplicate code 01 (first on line 1)"},
      {root + "010\t02\t1\t0\t\t\t\tName\n", "t.tsv:2: parent \"02\" of 010 is not a prefix of it"},
      {root + "02\t0\t1\t0\t\t\t\tName\n", "t.tsv:2: root 02 has a parent"},
      {root + "0211\t021\t1\t0\t\t\t\tName\n", "t.tsv:2: parent 021 of 0211 is not in the table"},
      {"# only a comment\n", "t.tsv: no codes"},
  };
  for (const BadTable& c : cases) {
    Result<CameoTable> t = CameoTable::Parse(c.text, "t.tsv");
    ASSERT_FALSE(t.ok()) << c.text;
    EXPECT_EQ(t.status().code(), StatusCode::kDataError);
    EXPECT_EQ(t.status().message(), c.message) << c.text;
  }
}

// --- Cross-check with the reference files in ../shared ---------------------------------------

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == line.npos ? line.npos : tab - start));
    if (tab == line.npos) return out;
    start = tab + 1;
  }
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

TEST(CameoTable, AgreesWithReferenceCodebook) {
  const std::filesystem::path shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: no reference codebook to compare with";
  const std::string codebook = testing::ReadFile(shared / "reference/cameo/CAMEO.codebook.tsv");
  ASSERT_FALSE(codebook.empty());
  std::istringstream in(codebook);
  std::string line;
  std::getline(in, line);  // header
  size_t rows = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string_view> f = SplitTabs(line);
    ASSERT_EQ(f.size(), 5u) << line;
    std::string code(f[0]), parent(f[1]), goldstein(f[3]);
    if (code == "1883") code = "183", parent = "18", goldstein = "-10.0";  // corrected, see codes.tsv
    ++rows;
    const CameoCode& c = Get(code);
    EXPECT_EQ(c.parent, parent) << code;
    EXPECT_EQ(std::to_string(c.quad_class), std::string(f[2])) << code;
    if (goldstein.empty()) {
      EXPECT_FALSE(c.goldstein.has_value()) << code;
    } else {
      EXPECT_EQ(c.goldstein, std::stod(goldstein)) << code;
    }
    std::string name(f[4]);
    for (size_t at; (at = name.find("Threate n")) != std::string::npos;) name.replace(at, 9, "Threaten");
    if (code != "125" && code != "127" && code != "128" && code != "183") {
      EXPECT_EQ(c.name, name) << code;
    }
  }
  EXPECT_EQ(rows, 316u);
}

TEST(CameoTable, AgreesWithReferencePloverTable) {
  const std::filesystem::path shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: no reference PLOVER table to compare with";
  const std::string table = testing::ReadFile(shared / "reference/cameo/CAMEO2PLOVER-2021.txt");
  ASSERT_FALSE(table.empty());
  std::map<std::string, std::vector<std::string>> expected;  // first row of each code wins
  std::istringstream in(table);
  std::string line;
  while (std::getline(in, line)) {
    const std::string body = line.substr(0, line.find('#'));
    const size_t colon = body.find(':');
    if (colon == std::string::npos || body.empty() || body[0] < '0' || body[0] > '9') continue;
    const std::string code = body.substr(0, colon);
    std::vector<std::string> parts;
    std::string rest = body.substr(colon + 1);
    for (size_t start = 0;;) {
      const size_t comma = rest.find(',', start);
      parts.push_back(Trim(std::string_view(rest).substr(start, comma == rest.npos ? rest.npos : comma - start)));
      if (comma == rest.npos) break;
      start = comma + 1;
    }
    parts.resize(3);
    std::string context;  // "legal; military" -> "legal;military"
    for (size_t start = 0; start <= parts[2].size();) {
      size_t semi = parts[2].find(';', start);
      if (semi == std::string::npos) semi = parts[2].size();
      const std::string piece = Trim(std::string_view(parts[2]).substr(start, semi - start));
      if (!piece.empty()) context += (context.empty() ? "" : ";") + piece;
      start = semi + 1;
    }
    parts[2] = context;
    expected.emplace(code, parts);
  }
  ASSERT_GT(expected.size(), 250u);
  size_t checked = 0;
  for (const CameoCode& c : CameoTable::Default().codes()) {
    auto it = expected.find(std::string(c.code));
    if (it == expected.end()) {
      EXPECT_EQ(c.plover, "") << c.code;
      continue;
    }
    ++checked;
    EXPECT_EQ(c.plover, it->second[0]) << c.code;
    EXPECT_EQ(c.plover_mode, it->second[1]) << c.code;
    EXPECT_EQ(c.plover_context, it->second[2]) << c.code;
  }
  EXPECT_EQ(checked, 316u - 39u - 5u);  // all but roots 01, 02 (39 codes) and the 5 late additions
}

}  // namespace
}  // namespace dateline
