#include "dict/petrarch_reader.h"
#include "dict/petrarch_text.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <random>
#include <set>

#include "test_util.h"

namespace dateline {
namespace {

using Dialect = DictionaryDialect;

// --- Rendering records compactly: "_" joins consecutive words, " " allows words in between,
// "!" marks an exact word (written with a final '_'), "=" a word without regular endings. ---

std::string Render(const std::vector<Word>& words) {
  std::string s;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) s += words[i].consecutive ? "_" : " ";
    s += words[i].text;
    if (words[i].exact) s += "!";
    if (words[i].no_endings) s += "=";
  }
  return s;
}

std::string Render(const std::vector<PatternToken>& tokens) {
  std::string s;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const PatternToken& t = tokens[i];
    if (i > 0) s.push_back(t.consecutive ? '_' : ' ');
    switch (t.kind) {
      case PatternToken::kWord: s.append(Render(std::vector<Word>{t.word})); break;
      case PatternToken::kVerb: s.push_back('*'); break;
      case PatternToken::kSource: s.push_back('$'); break;
      case PatternToken::kTarget: s.push_back('+'); break;
      case PatternToken::kCompound: s.push_back('%'); break;
      case PatternToken::kSkip: s.push_back('^'); break;
      case PatternToken::kSynset: s.push_back('&'); s.append(t.synset); break;
      case PatternToken::kNounPhrase: s.push_back('{'); s.append(Render(t.inner)); s.push_back('}'); break;
      case PatternToken::kPrepPhrase: s.push_back('('); s.append(Render(t.inner)); s.push_back(')'); break;
      case PatternToken::kNegation: s.push_back('~'); break;
    }
  }
  return s;
}

std::string Render(const DatedCode& c) {
  std::string s = c.code.empty() ? "---" : c.code;
  if (c.from && c.to) return s + " " + c.from->ToString() + ".." + c.to->ToString();
  if (c.from) return s + " >" + c.from->ToString();
  if (c.to) return s + " <" + c.to->ToString();
  return s;
}

std::vector<std::string> Render(const std::vector<std::vector<Word>>& phrases) {
  std::vector<std::string> out;
  for (const auto& p : phrases) out.push_back(Render(p));
  return out;
}

std::vector<std::string> Codes(const ActorRecord& a) {
  std::vector<std::string> out;
  for (const DatedCode& c : a.codes) out.push_back(Render(c));
  return out;
}

// The line numbers of the problems, checking that each names the file.
std::vector<uint32_t> ProblemLines(const DictionarySource& src, const std::string& name) {
  std::vector<uint32_t> lines;
  for (const std::string& p : src.problems) {
    EXPECT_EQ(p.rfind(name + ":", 0), 0u) << p;
    const size_t start = name.size() + 1;
    const size_t colon = p.find(':', start);
    lines.push_back(colon == std::string::npos ? 0 : static_cast<uint32_t>(std::stoul(p.substr(start, colon - start))));
  }
  return lines;
}

std::string DataFile(const std::string& name) {
  return testing::ReadFile(testing::SourceDir() / "tests/unit/dict/data/petrarch" / name);
}

// --- Comments ------------------------------------------------------------------------------

TEST(PetrarchComments, HashSemicolonAndXmlCommentsOverSeveralLines) {
  DictionarySource src;
  ReadPetrarchActors("c.txt",
                     "A_ [X] <!-- c -->\n"
                     "B [Y]<!-- multi\n"
                     "  line [NOT] read\n"
                     "-->\n"
                     "C [Z] # hash\r\n"
                     "D [W] ; semi\n"
                     "E [V]\n"
                     "<!-- never closed\n"
                     "F [U]\n",
                     Dialect::kPetrarch2, &src);
  ASSERT_EQ(src.actors.size(), 5u);
  EXPECT_EQ(Render(src.actors[0].phrases[0]), "a!");
  EXPECT_EQ(Render(src.actors[1].phrases[0]), "b");
  EXPECT_EQ(Codes(src.actors[1]), std::vector<std::string>{"Y"});
  EXPECT_EQ(src.actors[2].comment, "hash");
  EXPECT_EQ(src.actors[3].comment, "semi");
  EXPECT_EQ(src.actors[2].where.line, 5u);
  EXPECT_EQ(ProblemLines(src, "c.txt"), std::vector<uint32_t>{8});
  EXPECT_NE(src.problems[0].find("'<!--' is never closed"), std::string::npos) << src.problems[0];
}

// An XML comment inside a line leaves the text on both sides of it; the dialect detector sees
// the same line texts as the readers without building the lines.
TEST(PetrarchComments, CommentInsideALineSplicesItsText) {
  DictionarySource src;
  const std::string_view bytes = "GONDOR_<!-- the realm --> [GON]\nARNOR <!-- a\nb --> [ARN] # north\n\n  ; only\n";
  ReadPetrarchActors("s.txt", bytes, Dialect::kPetrarch2, &src);
  ASSERT_EQ(src.actors.size(), 2u);  // "ARNOR", then its code on a line of its own
  EXPECT_EQ(Render(src.actors[0].phrases[0]), "gondor!");
  EXPECT_EQ(Codes(src.actors[0]), std::vector<std::string>{"GON"});
  std::vector<std::string> seen, read;
  petrarch_internal::ForEachLineText(bytes, [&](std::string_view t) { seen.emplace_back(t); });
  for (const petrarch_internal::DictLine& line : petrarch_internal::ReadLinesQuietly(bytes)) read.push_back(line.text);
  EXPECT_EQ(seen, (std::vector<std::string>{"GONDOR_ [GON]", "ARNOR", " [ARN]"}));
  EXPECT_EQ(seen, read);
}

TEST(PetrarchComments, ByteOrderMarkIsSkippedAndInvalidUtf8LinesAreReported) {
  DictionarySource src;
  ReadPetrarchActors("u.txt", "\xEF\xBB\xBFGOOD [G]\nBAD\xFF [X]\nNUL\x01 [Y]\nL\xE2\x80\x99" "ESTRANGE_ [LST]\n", Dialect::kPetrarch2,
                     &src);
  ASSERT_EQ(src.actors.size(), 2u);
  EXPECT_EQ(Render(src.actors[0].phrases[0]), "good");
  EXPECT_EQ(Render(src.actors[1].phrases[0]), "l'estrange!");  // curly apostrophe made straight
  EXPECT_EQ(ProblemLines(src, "u.txt"), (std::vector<uint32_t>{2, 3}));
}

// --- Verbs -----------------------------------------------------------------------------------

TEST(PetrarchVerbs, Petrarch2SynsetsBlocksVerbsPatternsAndTransformations) {
  DictionarySource src;
  PetrarchExtras extras;
  ReadPetrarchVerbs("verbs_p2.txt", DataFile("verbs_p2.txt"), Dialect::kPetrarch2, &src, &extras);
  EXPECT_TRUE(src.problems.empty()) << src.problems[0];
  ASSERT_EQ(src.files, std::vector<std::string>{"verbs_p2.txt"});

  // Synsets: a label ending in '_' takes no plurals; a blank in a member is consecutive; a
  // member "(...)" is a slot; a member "&OTHER" copies the other synset's phrases.
  ASSERT_EQ(src.synsets.size(), 3u);
  EXPECT_EQ(src.synsets[0].name, "HELPERS");
  EXPECT_TRUE(src.synsets[0].no_plurals);
  EXPECT_EQ(Render(src.synsets[0].phrases), (std::vector<std::string>{"were", "ought_to"}));
  EXPECT_EQ(src.synsets[1].name, "PACT");
  EXPECT_FALSE(src.synsets[1].no_plurals);
  EXPECT_EQ(Render(src.synsets[1].phrases),
            (std::vector<std::string>{"pact", "trade_deal", "signed_accord!", "until_the_last"}));
  EXPECT_EQ(src.synsets[1].where.line, 8u);
  EXPECT_EQ(Render(src.synsets[2].phrases),
            (std::vector<std::string>{"pact", "trade_deal", "signed_accord!", "until_the_last", "bargain"}));
  ASSERT_EQ(extras.synset_slots.size(), 2u);
  EXPECT_EQ(extras.synset_slots[0].synset, 1u);
  EXPECT_EQ(extras.synset_slots[0].phrase, 3u);
  EXPECT_EQ(extras.synset_slots[0].kind, PatternToken::kPrepPhrase);
  EXPECT_EQ(extras.synset_slots[1].synset, 2u);

  // Blocks: the header's code is every verb's default unless the verb has its own.
  ASSERT_EQ(extras.blocks.size(), 2u);
  EXPECT_EQ(extras.blocks[0].name, "STATE_VIEWS");
  EXPECT_EQ(extras.blocks[0].code, "010");
  EXPECT_EQ(extras.blocks[0].verb_count, 6u);
  EXPECT_EQ(extras.blocks[0].where.line, 19u);
  EXPECT_EQ(extras.blocks[1].name, "DENOUNCE");
  EXPECT_FALSE(extras.blocks[1].has_code);
  ASSERT_EQ(src.verbs.size(), 7u);
  const VerbRecord& spell_out = src.verbs[0];
  EXPECT_EQ(Render(spell_out.verb), "spell_out");
  EXPECT_EQ(Render(spell_out.forms), (std::vector<std::string>{"spells_out", "spelled_out", "spelling_out"}));
  EXPECT_EQ(spell_out.code, "010");
  EXPECT_TRUE(spell_out.has_code);
  EXPECT_EQ(spell_out.block, 0);
  EXPECT_EQ(Render(src.verbs[1].verb), "declare");
  EXPECT_EQ(Render(src.verbs[1].forms), (std::vector<std::string>{"declares", "declared", "declaring"}));
  EXPECT_EQ(src.verbs[1].code, "010");
  EXPECT_EQ(src.verbs[2].code, "");  // MURMUR [---]: the null code
  EXPECT_TRUE(src.verbs[2].has_code);
  EXPECT_EQ(src.verbs[3].code, "040");
  EXPECT_EQ(Render(src.verbs[4].verb), "line_call");
  EXPECT_EQ(Render(src.verbs[4].forms), (std::vector<std::string>{"line_called", "line_calling"}));
  EXPECT_TRUE(src.verbs[5].forms.empty());
  EXPECT_EQ(src.verbs[6].block, 1);
  EXPECT_FALSE(src.verbs[6].has_code);
  ASSERT_EQ(extras.verb_notes.size(), 2u);
  EXPECT_EQ(extras.verb_notes[0].verb, 4u);  // LINE_+CALL: the verb is the second word
  EXPECT_EQ(extras.verb_notes[0].head, 1);
  EXPECT_EQ(extras.verb_notes[0].form_heads, (std::vector<int>{1, 1}));
  EXPECT_EQ(extras.verb_notes[1].verb, 5u);  // +JUMPED_AND {}
  EXPECT_TRUE(extras.verb_notes[1].empty_forms);

  // Patterns are stored once, on the block's first verb.
  ASSERT_EQ(spell_out.patterns.size(), 4u);
  for (size_t i = 1; i < 6; ++i) EXPECT_TRUE(src.verbs[i].patterns.empty());
  EXPECT_EQ(Render(spell_out.patterns[0].tokens), "* (to roster) (of {barred groups})");
  EXPECT_EQ(spell_out.patterns[0].code, "1722");
  EXPECT_EQ(spell_out.patterns[0].where.line, 26u);
  EXPECT_EQ(Render(spell_out.patterns[1].tokens), "$ &HELPERS * ^ &PACT_terms +");
  EXPECT_EQ(spell_out.patterns[1].code, "043:042");
  EXPECT_EQ(Render(spell_out.patterns[2].tokens), "% * at! $");
  EXPECT_EQ(Render(spell_out.patterns[3].tokens), "drones_* (above!)");
  EXPECT_EQ(spell_out.patterns[3].code, ":173");
  ASSERT_EQ(src.verbs[6].patterns.size(), 1u);
  EXPECT_EQ(Render(src.verbs[6].patterns[0].tokens), "* raid (by)");

  // Transformations: kept as options, and parsed.
  ASSERT_EQ(src.options.size(), 2u);
  EXPECT_EQ(src.options[0].command, "TRANSFORM");
  EXPECT_EQ(src.options[0].key, "x (x y RAID) DECLARE");
  EXPECT_EQ(src.options[0].value, "x y 016");
  EXPECT_EQ(src.options[0].where.line, 36u);
  ASSERT_EQ(extras.transformations.size(), 2u);
  const PetrarchTransformation& t = extras.transformations[0];
  ASSERT_EQ(t.frames.size(), 2u);
  EXPECT_EQ(t.frames[0].source, "x");
  EXPECT_EQ(t.frames[0].target_frame, 1);
  EXPECT_EQ(t.frames[0].verb, "DECLARE");
  EXPECT_EQ(t.frames[1].source, "x");
  EXPECT_EQ(t.frames[1].target, "y");
  EXPECT_EQ(t.frames[1].verb, "RAID");
  EXPECT_EQ(t.result_source, "x");
  EXPECT_EQ(t.result_target, "y");
  EXPECT_EQ(t.result_code, "016");
  EXPECT_EQ(extras.transformations[1].frames[1].target, ".");
  EXPECT_EQ(extras.transformations[1].frames[0].verb, "DESIRE");
}

TEST(PetrarchVerbs, BlocksAreNumberedAcrossFilesWithoutExtras) {
  DictionarySource src;
  ReadPetrarchVerbs("a.txt", DataFile("verbs_p2.txt"), Dialect::kPetrarch2, &src);
  ReadPetrarchVerbs("b.txt", DataFile("verbs_p2.txt"), Dialect::kPetrarch2, &src);
  ASSERT_EQ(src.verbs.size(), 14u);
  EXPECT_EQ(src.verbs[6].block, 1);
  EXPECT_EQ(src.verbs[7].block, 2);
  EXPECT_EQ(src.verbs[7].where.file, 1u);
  // The second file defines the same synsets again: reported, both kept.
  EXPECT_EQ(src.synsets.size(), 6u);
  EXPECT_EQ(ProblemLines(src, "b.txt"), (std::vector<uint32_t>{4, 8, 15}));
}

TEST(PetrarchVerbs, Petrarch1ConventionsAndWhatItRefuses) {
  DictionarySource src;
  PetrarchExtras extras;
  ReadPetrarchVerbs("verbs_p1.txt", DataFile("verbs_p1.txt"), Dialect::kPetrarch1, &src, &extras);
  ASSERT_EQ(src.synsets.size(), 2u);
  EXPECT_EQ(Render(src.synsets[1].phrases), (std::vector<std::string>{"does_n't", "naval", "fiscal"}));
  EXPECT_TRUE(src.synsets[1].no_plurals);
  ASSERT_EQ(src.verbs.size(), 2u);
  EXPECT_EQ(src.verbs[0].code, "345");
  EXPECT_EQ(Render(src.verbs[1].verb), "abc_def_ghi");
  EXPECT_EQ(src.verbs[1].code, "002");
  ASSERT_EQ(extras.verb_notes.size(), 1u);
  EXPECT_EQ(extras.verb_notes[0].head, 2);
  const auto& p = src.verbs[0].patterns;
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(Render(p[0].tokens), "* new_&KINDS_links");  // the synset name is the defined prefix
  EXPECT_EQ(Render(p[1].tokens), "urged_+ * insist_&NEGS_treaties");  // "**" is the verb too
  EXPECT_EQ(Render(p[2].tokens), "named! * at! $");
  EXPECT_EQ(Render(p[3].tokens), "pro- + *");
  // TABARI's disjunctive sets and PETRARCH-2's slots are not PETRARCH-1.
  EXPECT_EQ(ProblemLines(src, "verbs_p1.txt"), (std::vector<uint32_t>{17, 18}));
  EXPECT_NE(src.problems[0].find("disjunctive"), std::string::npos) << src.problems[0];
}

TEST(PetrarchVerbs, ProblemsNameFileAndLineAndBadEntriesAreSkipped) {
  DictionarySource src;
  ReadPetrarchVerbs("bad.txt",
                    "&GOOD\n"                      // 1
                    "+WORD\n"                      // 2
                    "&BAD NAME\n"                  // 3  malformed label
                    "+ORPHAN\n"                    // 4  (member of the skipped synset)
                    "VERB_OUTSIDE\n"               // 5  verb outside a block
                    "--- BLOCK [01 0] ---\n"       // 6  malformed code
                    "- * BEFORE_VERB [010]\n"      // 7  pattern before any verb
                    "GO {WENT\n"                   // 8  forms not closed
                    "GO {WENT GONE} [020] x\n"     // 9  text after the code
                    "GO\n"                         // 10
                    "- * &UNDEFINED [010]\n"       // 11 undefined synset
                    "- * * [010]\n"                // 12 two verbs
                    "- WORDS ONLY [010]\n"         // 13 no verb
                    "- * (OPEN [010]\n"            // 14 slot not closed
                    "- * WORD\n"                   // 15 no code
                    "- * WORD [0 1]\n"             // 16 blank in the code
                    "- * WORD [010] extra\n"       // 17 text after the code
                    "~ a b = c\n"                  // 18 malformed transformation
                    "+A_+B_+C\n"                   // 19 two '+' marks
                    "- * GOOD_&GOOD [010]\n",      // 20
                    Dialect::kPetrarch2, &src);
  EXPECT_EQ(ProblemLines(src, "bad.txt"),
            (std::vector<uint32_t>{3, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19}));
  for (const std::string& p : src.problems) std::cout << "  " << p << "\n";
  ASSERT_EQ(src.synsets.size(), 1u);
  EXPECT_EQ(Render(src.synsets[0].phrases), std::vector<std::string>{"word"});
  ASSERT_EQ(src.verbs.size(), 1u);
  EXPECT_EQ(src.verbs[0].where.line, 10u);
  EXPECT_FALSE(src.verbs[0].has_code);
  ASSERT_EQ(src.verbs[0].patterns.size(), 1u);
  EXPECT_EQ(Render(src.verbs[0].patterns[0].tokens), "* good_&GOOD");
}

// --- Actors ----------------------------------------------------------------------------------

TEST(PetrarchActors, PhrasesSynonymsAndDateRestrictions) {
  DictionarySource src;
  ReadPetrarchActors("actors_p2.txt", DataFile("actors_p2.txt"), Dialect::kPetrarch2, &src);
  EXPECT_TRUE(src.problems.empty()) << src.problems[0];
  ASSERT_EQ(src.actors.size(), 8u);
  const ActorRecord& frd = src.actors[0];
  EXPECT_EQ(Render(frd.phrases), (std::vector<std::string>{"freedonia!", "freedonian!", "grand_duchy_of_freedonia"}));
  EXPECT_EQ(Codes(frd), std::vector<std::string>{"FRD"});
  EXPECT_EQ(frd.where.line, 2u);
  // YYMMDD: 00-30 is 20YY, 31-99 is 19YY.
  EXPECT_EQ(Codes(src.actors[1]), (std::vector<std::string>{"FRDELI 1932-01-01..1933-11-08", "FRDGOV 1933-11-08..1973-07-17",
                                                            "FRDELI 1973-07-17..2007-07-23"}));
  EXPECT_EQ(src.actors[1].comment, "made-up record");
  const ActorRecord& envoy = src.actors[2];
  EXPECT_EQ(Render(envoy.phrases), (std::vector<std::string>{"trentino", "ambassador_trentino"}));
  EXPECT_EQ(Codes(envoy), (std::vector<std::string>{"SYL <1995-06-01", "SYLGOV 1995-06-01..1999-08-15", "SYLREB >1999-08-16"}));
  EXPECT_EQ(envoy.comment, "an envoy");
  EXPECT_EQ(Codes(src.actors[3]), (std::vector<std::string>{"FRDELI 1962-01-01..1978-04-27", "FRDELI"}));
  EXPECT_EQ(Render(src.actors[3].phrases), (std::vector<std::string>{"chicolini!", "pinky!"}));
  EXPECT_EQ(Codes(src.actors[4]), std::vector<std::string>{"---"});  // the null code
  EXPECT_EQ(src.actors[4].codes[0].code, "");
  EXPECT_EQ(Codes(src.actors[5]), std::vector<std::string>{"SYLUNR 1991-12-19..1995-11-12"});  // TABARI-style, on the phrase line
  EXPECT_EQ(Render(src.actors[6].phrases), (std::vector<std::string>{"marxian", "marxians"}));
  EXPECT_EQ(Codes(src.actors[6]), std::vector<std::string>{"MRX"});  // a code written on a synonym
  EXPECT_EQ(Codes(src.actors[7]), (std::vector<std::string>{"IGOUNO 1982-01-01..1991-12-31", "ELI"}));
  EXPECT_EQ(src.actors[7].comment, "made-up provenance");
}

TEST(PetrarchActors, ABlankAllowsWordsInBetweenOnlyInPetrarch1) {
  for (Dialect d : {Dialect::kPetrarch1, Dialect::kPetrarch2}) {
    DictionarySource src;
    ReadPetrarchActors("a.txt", "SYLVANIA TELEVISION [SYLTV]\nSYLVANIA_STATE_RADIO_ [SYLRAD]\n", d, &src);
    ASSERT_EQ(src.actors.size(), 2u);
    EXPECT_EQ(Render(src.actors[0].phrases[0]), d == Dialect::kPetrarch1 ? "sylvania television" : "sylvania_television");
    EXPECT_EQ(Render(src.actors[1].phrases[0]), "sylvania_state_radio!");
  }
}

TEST(PetrarchActors, ProblemsNameFileAndLine) {
  DictionarySource src;
  ReadPetrarchActors("bad.txt",
                     "+SYNONYM_FIRST\n"          // 1  synonym before any actor
                     "\t[ABC]\n"                 // 2  code line before any actor
                     "GOOD [G]\n"                // 3
                     "\t[X 990231-991231]\n"     // 4  no 31 February
                     "\t[Y 991231-990101]\n"     // 5  range ends before it starts
                     "\t[950601-990815]\n"       // 6  no code
                     "\t[Z 950601]\n"            // 7  not a restriction
                     "BAD [B\n"                  // 8  '[' not closed: record skipped
                     "+BAD_SYN\n"                // 9  (goes with it)
                     "\t[C]\n"                   // 10 (goes with it)
                     "OTHER [O] junk\n"          // 11 text after the code: record skipped
                     "FINE [F]\n"                // 12
                     "\t[F2]\n"                  // 13 a second default code (kept)
                     "[NOTAB]\n",                // 14 a code line without a tab (read)
                     Dialect::kPetrarch2, &src);
  EXPECT_EQ(ProblemLines(src, "bad.txt"), (std::vector<uint32_t>{1, 2, 4, 5, 6, 7, 8, 11, 13, 14}));
  for (const std::string& p : src.problems) std::cout << "  " << p << "\n";
  ASSERT_EQ(src.actors.size(), 2u);
  EXPECT_EQ(Codes(src.actors[0]), std::vector<std::string>{"G"});
  EXPECT_EQ(Codes(src.actors[1]), (std::vector<std::string>{"F", "F2", "NOTAB"}));
}

// --- Agents ----------------------------------------------------------------------------------

TEST(PetrarchAgents, PluralsCodesGapsAndSubstitutionSets) {
  DictionarySource src;
  ReadPetrarchAgents("agents.txt", DataFile("agents.txt"), Dialect::kPetrarch2, &src);
  EXPECT_TRUE(src.problems.empty()) << src.problems[0];
  std::vector<std::string> got;
  for (const AgentRecord& a : src.agents) {
    std::string s = Render(a.phrase);
    if (a.no_plural) s += " {}";
    for (const auto& p : a.plurals) s += " {" + Render(p) + "}";
    s += a.prefix ? " [" + a.code + "~]" : " [~" + a.code + "]";
    got.push_back(s);
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "loyal_opposition {} [~OPP]",
                     "solicitor_general {solicitors_general} [~GOVJUD]",
                     "aid_agency [NGO~]",
                     "constabulary {} [~COP]",
                     "border guard [~MIL]",   // a blank lets words come in between
                     "councilman {} [~LEG]",  // substitutions form no plurals
                     "councilmen {} [~LEG]",
                     "councilwoman {} [~LEG]",
                     "councilwomen {} [~LEG]",
                     "minister_of_funny_hats {} [~GOV]",
                     "ministry_of_funny_hats {} [~GOV]",
                     "minister for! sport {} [~GOV]",
                     "ministry for! sport {} [~GOV]",
                 }));
  EXPECT_EQ(src.agents[5].where.line, 10u);
}

TEST(PetrarchAgents, ProblemsNameFileAndLine) {
  DictionarySource src;
  ReadPetrarchAgents("bad.txt",
                     "!P! = A, , B\n"   // 1 empty element
                     "NO_CODE\n"        // 2
                     "X [~ENV}\n"       // 3 '[' not closed
                     "Y [GOV]\n"        // 4 no '~'
                     "Z [~A~]\n"        // 5 two '~'
                     "W [~]\n"          // 6 empty code
                     "V {PL [~A]\n"     // 7 plural not closed
                     "U!Q! [~A]\n"      // 8 undefined marker
                     "T [~A] junk\n"    // 9 text after the code
                     "GOOD [~G]\n",     // 10
                     Dialect::kPetrarch2, &src);
  EXPECT_EQ(ProblemLines(src, "bad.txt"), (std::vector<uint32_t>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
  for (const std::string& p : src.problems) std::cout << "  " << p << "\n";
  ASSERT_EQ(src.agents.size(), 1u);
  EXPECT_EQ(src.agents[0].code, "G");
}

// --- Discards and issues --------------------------------------------------------------------

TEST(PetrarchDiscards, SentenceAndStoryDiscards) {
  DictionarySource src;
  ReadPetrarchDiscards("discards.txt", DataFile("discards.txt"), Dialect::kPetrarch2, &src);
  EXPECT_TRUE(src.problems.empty()) << src.problems[0];
  ASSERT_EQ(src.discards.size(), 4u);
  EXPECT_EQ(Render(src.discards[0].phrase), "weeks_later");
  EXPECT_FALSE(src.discards[0].whole_story);
  EXPECT_EQ(Render(src.discards[1].phrase), "grand_curling_finals");
  EXPECT_TRUE(src.discards[1].whole_story);
  EXPECT_EQ(Render(src.discards[2].phrase), "chess_olympiad");
  EXPECT_EQ(Render(src.discards[3].phrase), "croquet!");
  EXPECT_EQ(src.discards[3].where.line, 5u);
}

TEST(PetrarchIssues, CategoriesNullEntriesAndExpansions) {
  DictionarySource src;
  PetrarchExtras extras;
  ReadPetrarchIssues("issues.txt", DataFile("issues.txt"), Dialect::kPetrarch2, &src, &extras);
  EXPECT_TRUE(src.problems.empty()) << src.problems[0];
  std::vector<std::string> got;
  for (const IssueRecord& i : src.issues) got.push_back(Render(i.phrase) + " [" + i.code + "]" + (i.null_code ? " null" : ""));
  EXPECT_EQ(got, (std::vector<std::string>{
                     "farm [FARMS]", "farms [FARMS]",  // n:
                     "agri_business [AGRIBUSINESS]", "agri-business [AGRIBUSINESS]",  // +
                     "agri_businesses [AGRIBUSINESS]", "agri-businesses [AGRIBUSINESS]",
                     "crop_rotation [CROPS]",
                     "tractor [FARMING]",  // no code: the category's
                     "funny_farm [~] null", "ant [~~] null", "ants [~~] null",
                     "rob [THEFT]", "robs [THEFT]", "robed [THEFT]", "robing [THEFT]",  // v: (no consonant doubling)
                     "anti_drone_gun [WEAPONS]", "anti-drone_gun [WEAPONS]",
                 }));
  ASSERT_EQ(extras.issue_categories.size(), 2u);
  EXPECT_EQ(extras.issue_categories[0].name, "FARMING");
  EXPECT_EQ(extras.issue_categories[0].type, "ALL");
  EXPECT_EQ(extras.issue_categories[0].first, 0u);
  EXPECT_EQ(extras.issue_categories[0].end, 11u);
  EXPECT_EQ(extras.issue_categories[1].type, "COUNTEVENT");
  EXPECT_EQ(src.issues[0].where.line, 3u);
}

TEST(PetrarchIssues, ProblemsNameFileAndLine) {
  DictionarySource src;
  ReadPetrarchIssues("bad.txt",
                     "</ISSUE>\n"                             // 1 nothing open
                     "<OTHER>\n"                              // 2 unknown tag
                     "no code here\n"                         // 3 no code, no category
                     "eu+ gene [EU]\n"                        // 4 '+' joins nothing
                     "a [X] [X]\n"                            // 5 text after the code
                     "<ISSUE CATEGORY=\"A\" TYPE=\"ALL\">\n"  // 6
                     "~x [Y]\n"                               // 7 a code on a '~' entry (ignored)
                     "<ISSUE CATEGORY=\"B\" TYPE=\"ALL\">\n"  // 8 A is still open; B is never closed
                     "n:pick+v:pocket [Z]\n",                 // 9 both expansions
                     Dialect::kPetrarch2, &src);
  EXPECT_EQ(ProblemLines(src, "bad.txt"), (std::vector<uint32_t>{1, 2, 3, 4, 5, 7, 8, 9, 8}));
  for (const std::string& p : src.problems) std::cout << "  " << p << "\n";
  ASSERT_EQ(src.issues.size(), 1u);
  EXPECT_TRUE(src.issues[0].null_code);
}

// --- Ontology --------------------------------------------------------------------------------

TEST(PetrarchOntology, EntriesAreKeptAsOptionsAndEvaluated) {
  DictionarySource src;
  PetrarchExtras extras;
  ReadPetrarchOntology("ontology.txt", DataFile("ontology.txt"), Dialect::kPetrarch2, &src, &extras);
  EXPECT_TRUE(src.problems.empty()) << src.problems[0];
  ASSERT_EQ(src.options.size(), 7u);
  EXPECT_EQ(src.options[0].command, "ONTOLOGY");
  EXPECT_EQ(src.options[0].key, "010");
  EXPECT_EQ(src.options[0].value, "0x1000");
  EXPECT_EQ(src.options[0].raw, "010:0x1000#Statement");
  ASSERT_EQ(extras.ontology.size(), 7u);
  EXPECT_EQ(extras.ontology[0].value, 0x1000);
  EXPECT_EQ(extras.ontology[0].comment, "Statement");
  EXPECT_EQ(extras.ontology[1].value, 0x1000 - 0xFFFF);
  EXPECT_EQ(extras.ontology[2].value, 0x1007F);
  EXPECT_EQ(extras.ontology[2].comment, "0xFFFF+0x0080#old value");
  EXPECT_EQ(extras.ontology[3].value, -0xFFFF + 0x70);
  EXPECT_EQ(extras.ontology[4].value, -0xFFFF + 0x2040 + 0x300);
  EXPECT_EQ(extras.ontology[5].cameo, "0332");
  EXPECT_EQ(extras.ontology[6].cameo, "");  // "---": the null code
  EXPECT_EQ(extras.ontology[6].value, 0);
  EXPECT_EQ(extras.ontology[6].where.line, 10u);
}

TEST(PetrarchOntology, DecodePicoSplitsNegationAndDigits) {
  std::optional<PicoParts> p = DecodePico(0x3046);  // 0332 Intend to provide military aid
  ASSERT_TRUE(p);
  EXPECT_EQ(p->negation, 0);
  EXPECT_EQ(p->category, 3);
  EXPECT_EQ(p->reduce_yield, 0);
  EXPECT_EQ(p->action, 4);
  EXPECT_EQ(p->topic, 6);
  p = DecodePico(-0xFFFF + 0x0070);  // 121 Reject material cooperation
  ASSERT_TRUE(p);
  EXPECT_EQ(p->negation, -1);
  EXPECT_EQ(p->base, 0x70u);
  p = DecodePico(0xFFFF + 0x0080);  // 110 Disapprove
  ASSERT_TRUE(p);
  EXPECT_EQ(p->negation, 1);
  EXPECT_EQ(p->base, 0x80u);
  EXPECT_FALSE(DecodePico(3 * 0xFFFF));
  EXPECT_FALSE(DecodePico(-3 * 0xFFFF));
}

TEST(PetrarchOntology, ProblemsNameFileAndLine) {
  DictionarySource src;
  PetrarchExtras extras;
  ReadPetrarchOntology("bad.txt",
                       "010:0x1000\n"       // 1
                       "ABC:0x1\n"          // 2 not a CAMEO code
                       "011:\n"             // 3 no value
                       "012:0xZZ\n"         // 4 not a number
                       "013:0x1000 0x2\n"   // 5 no operator between the numbers
                       "010:0x2000\n"       // 6 mapped again (kept)
                       "014:0x30000\n",     // 7 not 16 bits (kept)
                       Dialect::kPetrarch2, &src, &extras);
  EXPECT_EQ(ProblemLines(src, "bad.txt"), (std::vector<uint32_t>{2, 3, 4, 5, 6, 7}));
  for (const std::string& p : src.problems) std::cout << "  " << p << "\n";
  EXPECT_EQ(extras.ontology.size(), 3u);
}

// --- Dialects, loading, refusal --------------------------------------------------------------

TEST(PetrarchDialect, DetectsSmallFilesByContent) {
  EXPECT_EQ(DetectDialect("v", DataFile("verbs_p2.txt")), Dialect::kPetrarch2);
  EXPECT_EQ(DetectDialect("v", DataFile("verbs_p1.txt")), Dialect::kPetrarch1);
  EXPECT_EQ(DetectDialect("o", DataFile("ontology.txt")), Dialect::kPetrarch2);
  EXPECT_EQ(DetectDialect("i", DataFile("issues.txt")), Dialect::kPetrarch2);
  EXPECT_EQ(DetectDialect("a", "# invented\nFREEDONIA_ [FRD]\n\t[FRDGOV >010101]\n"), Dialect::kPetrarch2);
  EXPECT_EQ(DetectDialect("a", "<!-- invented -->\nSYLVANIA [SYL]\n\t[SYLGOV >010101]\n"), Dialect::kPetrarch1);
  EXPECT_EQ(DetectDialect("x_2_02.txt", "<!-- invented -->\nSYLVANIA [SYL]\n\t[SYLGOV >010101]\n"), Dialect::kPetrarch2);
  EXPECT_EQ(DetectDialect("x.verbs", "FORSAKE  [---] ;xx\n- SAID + SHOULD * PLAN  [100] ;xx\n"), Dialect::kTabari);
  EXPECT_EQ(DetectDialect("x.verbs", "SEIZE  [181]\n- + AT_ $ { IS | ARE } *  [181] ;xx\n"), Dialect::kTabari);
  EXPECT_EQ(DetectDialect("x.actors", "<NOUN>\nGOATS\n</NOUN>\nZEPPO  [FRDGOV 991201-010114] [---] ;xx\n"), Dialect::kTabari);
  EXPECT_EQ(DetectDialect("x.agents", "ATTACHE_  [ ~GOV] ;xx 01 Jan 2001\n"), Dialect::kTabari);
  EXPECT_EQ(DetectDialect("agents", "# invented\nCONSTABULARY {} [~COP]\n"), Dialect::kPetrarch2);
}

TEST(PetrarchDialect, TabariAndDatelineAreRefusedWithOneProblem) {
  for (Dialect d : {Dialect::kTabari, Dialect::kDateline}) {
    DictionarySource src;
    ReadPetrarchVerbs("t.verbs", "FORSAKE [---]\n", d, &src);
    EXPECT_TRUE(src.verbs.empty());
    ASSERT_EQ(src.problems.size(), 1u);
    EXPECT_EQ(src.problems[0].rfind("t.verbs: ", 0), 0u) << src.problems[0];
  }
}

TEST(PetrarchLoad, ReadsFilesAndReportsUnreadableAndTabariOnes) {
  DictionarySource src;
  PetrarchExtras extras;
  const std::filesystem::path dir = testing::SourceDir() / "tests/unit/dict/data/petrarch";
  ASSERT_TRUE(LoadPetrarchFile(dir / "verbs_p2.txt", PetrarchFile::kVerbs, &src, &extras).ok());
  ASSERT_TRUE(LoadPetrarchFile(dir / "agents.txt", PetrarchFile::kAgents, &src).ok());
  EXPECT_EQ(src.verbs.size(), 7u);
  EXPECT_EQ(src.agents.size(), 13u);
  EXPECT_EQ(src.files.size(), 2u);
  EXPECT_EQ(src.files[0], (dir / "verbs_p2.txt").string());

  Status missing = LoadPetrarchFile(dir / "no_such_file.txt", PetrarchFile::kActors, &src);
  EXPECT_EQ(missing.code(), StatusCode::kIoError);
  EXPECT_NE(missing.message().find("no_such_file.txt"), std::string::npos);

  const std::filesystem::path tabari = std::filesystem::temp_directory_path() / "petrarch_reader_test.verbs";
  {
    std::ofstream out(tabari, std::ios::binary);
    out << "FORSAKE  [---] ;xx 01 Jan 2001\n- SAID + SHOULD * PLAN  [100] ;xx 01 Jan 2001\n";
  }
  Status refused = LoadPetrarchFile(tabari, PetrarchFile::kVerbs, &src);
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument) << refused.message();
  std::filesystem::remove(tabari);
}

TEST(PetrarchLoad, ReadPetrarchDetectsTheDialect) {
  DictionarySource src;
  ReadPetrarch(PetrarchFile::kVerbs, "verbs_p1.txt", DataFile("verbs_p1.txt"), &src);
  EXPECT_EQ(src.problems.size(), 2u);  // read as PETRARCH-1: the '(' and '{ | }' patterns refused
  EXPECT_EQ(src.verbs.size(), 2u);
}

// --- Robustness: truncated files and random bytes never crash, and every problem names the
// file. ----------------------------------------------------------------------------------------

void ReadAll(const std::string& name, std::string_view bytes, Dialect d) {
  DictionarySource src;
  PetrarchExtras extras;
  ReadPetrarchVerbs(name, bytes, d, &src, &extras);
  ReadPetrarchActors(name, bytes, d, &src, &extras);
  ReadPetrarchAgents(name, bytes, d, &src, &extras);
  ReadPetrarchDiscards(name, bytes, d, &src, &extras);
  ReadPetrarchIssues(name, bytes, d, &src, &extras);
  ReadPetrarchOntology(name, bytes, d, &src, &extras);
  (void)DetectDialect(name, bytes);
  for (const std::string& p : src.problems) ASSERT_EQ(p.rfind(name + ":", 0), 0u) << p;
  ASSERT_EQ(src.files.size(), 6u);
}

TEST(PetrarchRobustness, RandomBytesNeverCrash) {
  std::mt19937 rng(20240611);
  const std::string alphabet = "[]{}()*$+%^&|_~<>!-#;:=\t\n\r  AB09'\"/.,x";
  for (int round = 0; round < 300; ++round) {
    std::string bytes(rng() % 3000, '\0');
    for (char& c : bytes)
      c = rng() % 8 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    ReadAll("random.txt", bytes, round % 2 ? Dialect::kPetrarch1 : Dialect::kPetrarch2);
  }
}

TEST(PetrarchRobustness, ProblemsAreCappedPerFile) {
  std::string bytes;
  for (size_t i = 0; i < kMaxPetrarchProblems + 20; ++i) bytes += "NO_CODE\n";
  DictionarySource src;
  ReadPetrarchAgents("many.txt", bytes, Dialect::kPetrarch2, &src);
  ASSERT_EQ(src.problems.size(), kMaxPetrarchProblems + 1);
  EXPECT_EQ(src.problems.back().rfind("many.txt: 20 more problems", 0), 0u) << src.problems.back();
}

TEST(PetrarchRobustness, TruncatedTestFilesNeverCrash) {
  for (const char* f : {"verbs_p2.txt", "verbs_p1.txt", "actors_p2.txt", "agents.txt", "issues.txt", "ontology.txt"}) {
    const std::string bytes = DataFile(f);
    for (size_t cut = 0; cut <= bytes.size(); ++cut) ReadAll(f, std::string_view(bytes).substr(0, cut), Dialect::kPetrarch2);
  }
}

// --- The reference dictionaries in ../shared -------------------------------------------------

TEST(PetrarchRobustness, TruncatedReferenceFilesNeverCrash) {
  const std::filesystem::path shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: the reference dictionaries are not truncated";
  std::mt19937 rng(7);
  for (const char* f : {"petrarch1/PETR.Validate.verbs.txt", "petrarch1/PETR.Validate.actors.txt",
                        "petrarch2-validate/PETR_Validate_verbs_2_02.txt", "phoenix/CAMEO.2.0.txt",
                        "phoenix/Phoenix.International.actors.txt", "phoenix/Phoenix.agents.txt",
                        "phoenix/Phoenix.IssueCoding.txt", "phoenix/PETR.Internal.Coding.Ontology.txt"}) {
    const std::string bytes = testing::ReadFile(shared / "reference" / f);
    ASSERT_FALSE(bytes.empty()) << f;
    // Cuts anywhere, including inside multi-byte characters, comments and brackets.
    for (int i = 0; i < 12; ++i) {
      const size_t cut = i < 4 ? bytes.size() * i / 4 : rng() % bytes.size();
      ReadAll(f, std::string_view(bytes).substr(0, cut), i % 2 ? Dialect::kPetrarch1 : Dialect::kPetrarch2);
    }
  }
}

struct RefFile {
  const char* path;
  PetrarchFile kind;
  Dialect dialect;   // the dialect the file is read in
  Dialect detected;  // what DetectDialect says
  size_t records;    // actors, agents, verbs, discards, issues or ontology entries
  size_t patterns;   // verb patterns (verbs files)
  size_t problems;
};

const RefFile kReferenceFiles[] = {
    // path, kind, dialect read in, dialect detected, records, patterns, problems
    {"petrarch1/PETR.Validate.actors.txt", PetrarchFile::kActors, Dialect::kPetrarch1, Dialect::kPetrarch1, 128, 0, 1},
    {"petrarch1/PETR.Validate.agents.txt", PetrarchFile::kAgents, Dialect::kPetrarch1, Dialect::kPetrarch1, 95, 0, 0},
    {"petrarch1/PETR.Validate.discards.txt", PetrarchFile::kDiscards, Dialect::kPetrarch1, Dialect::kPetrarch2, 9, 0, 0},
    {"petrarch1/PETR.Validate.verbs.txt", PetrarchFile::kVerbs, Dialect::kPetrarch1, Dialect::kPetrarch1, 269, 473, 2},
    {"petrarch2-validate/PETR_Validate_actors_2_02.txt", PetrarchFile::kActors, Dialect::kPetrarch2, Dialect::kPetrarch2, 133, 0, 1},
    {"petrarch2-validate/PETR_Validate_agents_2_02.txt", PetrarchFile::kAgents, Dialect::kPetrarch2, Dialect::kPetrarch2, 95, 0, 0},
    {"petrarch2-validate/PETR_Validate_discards_2_02.txt", PetrarchFile::kDiscards, Dialect::kPetrarch2, Dialect::kPetrarch2, 9, 0, 0},
    {"petrarch2-validate/PETR_Validate_verbs_2_02.txt", PetrarchFile::kVerbs, Dialect::kPetrarch2, Dialect::kPetrarch2, 127, 352, 8},
    {"petrarch2-validate/PETR_Validate_Internal_Coding_Ontology_1_01.txt", PetrarchFile::kOntology, Dialect::kPetrarch2, Dialect::kPetrarch2, 266, 0, 0},
    {"phoenix/CAMEO.2.0.txt", PetrarchFile::kVerbs, Dialect::kPetrarch2, Dialect::kPetrarch2, 1817, 4664, 4},
    {"phoenix/Phoenix.Countries.actors.txt", PetrarchFile::kActors, Dialect::kPetrarch2, Dialect::kPetrarch2, 18387, 0, 13},
    {"phoenix/Phoenix.International.actors.txt", PetrarchFile::kActors, Dialect::kPetrarch2, Dialect::kPetrarch2, 7826, 0, 8},
    {"phoenix/Phoenix.MilNonState.actors.txt", PetrarchFile::kActors, Dialect::kPetrarch2, Dialect::kPetrarch2, 1004, 0, 5},
    {"phoenix/CAMEO.EthnicGroups.actors.txt", PetrarchFile::kActors, Dialect::kPetrarch2, Dialect::kPetrarch2, 534, 0, 1},
    {"phoenix/CAMEO.ReligiousGroups.actors.txt", PetrarchFile::kActors, Dialect::kPetrarch2, Dialect::kPetrarch2, 1150, 0, 0},
    {"phoenix/Phoenix.agents.txt", PetrarchFile::kAgents, Dialect::kPetrarch2, Dialect::kPetrarch2, 3365, 0, 2},
    {"phoenix/Phoenix.discards.txt", PetrarchFile::kDiscards, Dialect::kPetrarch2, Dialect::kPetrarch2, 506, 0, 0},
    {"phoenix/Phoenix.IssueCoding.txt", PetrarchFile::kIssues, Dialect::kPetrarch2, Dialect::kPetrarch2, 4906, 0, 6},
    {"phoenix/PETR.Internal.Coding.Ontology.txt", PetrarchFile::kOntology, Dialect::kPetrarch2, Dialect::kPetrarch2, 266, 0, 0},
};

size_t Records(const DictionarySource& src, const PetrarchExtras& extras, PetrarchFile kind) {
  switch (kind) {
    case PetrarchFile::kVerbs: return src.verbs.size();
    case PetrarchFile::kActors: return src.actors.size();
    case PetrarchFile::kAgents: return src.agents.size();
    case PetrarchFile::kDiscards: return src.discards.size();
    case PetrarchFile::kIssues: return src.issues.size();
    case PetrarchFile::kOntology: return extras.ontology.size();
  }
  return 0;
}

TEST(PetrarchReferenceFiles, ReadWithFewProblems) {
  const std::filesystem::path shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: the reference dictionaries are not checked";
  for (const RefFile& f : kReferenceFiles) {
    const std::filesystem::path path = shared / "reference" / f.path;
    DictionarySource src;
    PetrarchExtras extras;
    const Status s = LoadPetrarchFile(path, f.kind, &src, &extras, f.dialect);
    ASSERT_TRUE(s.ok()) << s.message();
    size_t patterns = 0;
    for (const VerbRecord& v : src.verbs) patterns += v.patterns.size();
    std::cout << f.path << ": " << Records(src, extras, f.kind) << " " << PetrarchFileName(f.kind) << " records, "
              << patterns << " patterns, " << src.synsets.size() << " synsets, " << extras.blocks.size() << " blocks, "
              << src.problems.size() << " problems\n";
    for (const std::string& p : src.problems) std::cout << "    " << p << "\n";
    EXPECT_EQ(DetectDialect(path.filename().string(), testing::ReadFile(path)), f.detected) << f.path;
    EXPECT_EQ(Records(src, extras, f.kind), f.records) << f.path;
    EXPECT_EQ(patterns, f.patterns) << f.path;
    EXPECT_EQ(src.problems.size(), f.problems) << f.path;
  }
}

TEST(PetrarchReferenceFiles, TabariFilesAreDetectedAndRefused) {
  const std::filesystem::path shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: the TABARI reference files are not checked";
  for (const char* f : {"CAMEO.091003.master.verbs", "TABARI.Demo.verbs", "TABARI.Demo.actors", "Validate.agents"}) {
    const std::filesystem::path path = shared / "reference/tabari" / f;
    EXPECT_EQ(DetectDialect(f, testing::ReadFile(path)), Dialect::kTabari) << f;
  }
  DictionarySource src;
  const Status s = LoadPetrarchFile(shared / "reference/tabari/TABARI.Demo.verbs", PetrarchFile::kVerbs, &src);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.message();
  EXPECT_TRUE(src.files.empty());
}

// Every code the Phoenix verbs use should have an internal (PICO) value in the ontology; the
// ones that do not are listed (PETRARCH-2 could not convert them).
TEST(PetrarchReferenceFiles, PhoenixVerbCodesAgainstTheOntology) {
  const std::filesystem::path shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: the ontology is not checked";
  DictionarySource src;
  PetrarchExtras extras;
  ASSERT_TRUE(LoadPetrarchFile(shared / "reference/phoenix/CAMEO.2.0.txt", PetrarchFile::kVerbs, &src, &extras).ok());
  ASSERT_TRUE(
      LoadPetrarchFile(shared / "reference/phoenix/PETR.Internal.Coding.Ontology.txt", PetrarchFile::kOntology, &src, &extras).ok());
  std::set<std::string> known;
  for (const PetrarchOntologyEntry& e : extras.ontology) known.insert(e.cameo);
  std::set<std::string> missing;
  auto check = [&](const std::string& code) {
    const size_t colon = code.find(':');
    for (const std::string& half : {code.substr(0, colon), colon == std::string::npos ? std::string() : code.substr(colon + 1)})
      if (!half.empty() && !known.count(half)) missing.insert(half);
  };
  size_t codes = 0;
  for (const VerbRecord& v : src.verbs) {
    check(v.code), ++codes;
    for (const VerbPatternRecord& p : v.patterns) check(p.code), ++codes;
  }
  std::cout << codes << " verb and pattern codes; not in the ontology:";
  for (const std::string& m : missing) std::cout << " " << m;
  std::cout << "\n";
  EXPECT_LE(missing.size(), 20u);
}

}  // namespace
}  // namespace dateline
