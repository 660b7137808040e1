#include "dict/tabari_reader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <iostream>
#include <random>

#include "test_util.h"

namespace dateline {
namespace {

std::filesystem::path DataDir() { return testing::SourceDir() / "tests/unit/dict/data/tabari"; }
std::string Data(const std::string& name) { return testing::ReadFile(DataDir() / name); }

// A phrase written back compactly so that one string says everything about its Words: words are
// joined by "_" when consecutive and by " " when not; "!" marks exact, "=" marks no_endings.
std::string Render(const std::vector<Word>& words) {
  std::string s;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) s += words[i].consecutive ? "_" : " ";
    s += words[i].text;
    if (words[i].exact) s += "!";
    if (words[i].no_endings) s += "=";
  }
  return s;
}

// Pattern tokens the same way; sets as "{a|b c}", synsets as "&name".
std::string Render(const std::vector<PatternToken>& tokens) {
  std::string s;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const PatternToken& t = tokens[i];
    if (i) s += t.consecutive ? "_" : " ";
    switch (t.kind) {
      case PatternToken::kVerb: s += "*"; break;
      case PatternToken::kSource: s += "$"; break;
      case PatternToken::kTarget: s += "+"; break;
      case PatternToken::kCompound: s += "%"; break;
      case PatternToken::kSkip: s += "^"; break;
      case PatternToken::kSynset:
        s += '&';
        s += t.synset;
        break;
      case PatternToken::kWord:
        if (t.alternatives.empty()) {
          s += Render(std::vector<Word>{t.word});
        } else {
          s += "{";
          for (size_t k = 0; k < t.alternatives.size(); ++k) {
            if (k) s += '|';
            s += Render(t.alternatives[k]);
          }
          s += "}";
        }
        break;
      default: s += "?"; break;
    }
  }
  return s;
}

std::string Render(const DatedCode& c) {
  std::string s = c.code.empty() ? "---" : c.code;
  if (c.from || c.to) {
    s += ' ';
    if (c.from) s += c.from->ToString();
    s += "..";
    if (c.to) s += c.to->ToString();
  }
  return s;
}

std::string Codes(const ActorRecord& a) {
  std::string s;
  for (const DatedCode& c : a.codes) {
    s += '[';
    s += Render(c);
    s += ']';
  }
  return s;
}

const ActorRecord* FindActor(const DictionarySource& src, const std::string& first_phrase) {
  for (const ActorRecord& a : src.actors)
    if (Render(a.phrases[0]) == first_phrase) return &a;
  return nullptr;
}

const VerbRecord* FindVerb(const std::vector<VerbRecord>& verbs, const std::string& verb) {
  for (const VerbRecord& v : verbs)
    if (Render(v.verb) == verb) return &v;
  return nullptr;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const std::string& l : lines) s += l + "\n";
  return s;
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// ----------------------------------------------------------------------------------------------
// Actors

class TabariActors : public ::testing::Test {
 protected:
  void SetUp() override { ReadTabariActors("features.actors", Data("features.actors"), &src_); }
  std::string CodesOf(const std::string& phrase) {
    const ActorRecord* a = FindActor(src_, phrase);
    return a ? Codes(*a) : "(no actor " + phrase + ")";
  }
  DictionarySource src_;
};

TEST_F(TabariActors, StemsExactWordsAndNoEndings) {
  EXPECT_EQ(CodesOf("syri"), "[SYR]");          // a stem: SYRIA, SYRIAN ...
  EXPECT_EQ(CodesOf("estonia!"), "[EST]");      // "_": this word (regular endings still apply)
  EXPECT_EQ(CodesOf("mouse!="), "[MUS]");       // "=": this word, no endings either
}

TEST_F(TabariActors, UnderscoresBlanksAndHyphens) {
  // "_" joins and makes the word before it exact; a blank lets other words stand between (the
  // validation suite codes "Al 'The Weasel' Gore" as TEN, not AGR).
  EXPECT_EQ(CodesOf("al!_gore"), "[AGR]");
  EXPECT_EQ(CodesOf("al gore"), "[TEN]");
  // Hyphens are underscores (manual 5.2): separate, consecutive words.
  EXPECT_EQ(CodesOf("barad!_dur"), "[MOR]");
  EXPECT_EQ(CodesOf("boutros!_ghali"), "[UNO 1992-01-01..1999-12-31][EGY]");
  EXPECT_EQ(CodesOf("prince dol!_amroth"), "[--- ..1995-06-30][DOL]");
}

TEST_F(TabariActors, NullDiscardComplexAndCompoundCodes) {
  EXPECT_EQ(CodesOf("boromir"), "[---]");
  EXPECT_EQ(CodesOf("nazgul"), "[---]");  // "[- - -]"
  EXPECT_EQ(CodesOf("soccer"), "[###]");
  EXPECT_EQ(CodesOf("georgia"), "[+++]");
  EXPECT_EQ(CodesOf("lorien"), "[ELR/GAL]");  // a coded compound, kept as written
  const ActorRecord* boromir = FindActor(src_, "boromir");
  ASSERT_NE(boromir, nullptr);
  EXPECT_EQ(boromir->codes[0].code, "");
}

TEST_F(TabariActors, SynonymsAndMultiLineDateRestrictions) {
  const ActorRecord* gollum = FindActor(src_, "gollum");
  ASSERT_NE(gollum, nullptr);
  ASSERT_EQ(gollum->phrases.size(), 3u);
  EXPECT_EQ(Render(gollum->phrases[1]), "smeagol");
  EXPECT_EQ(Render(gollum->phrases[2]), "slinker!");
  EXPECT_EQ(Codes(*gollum), "[HOB ..1995-06-01][HOBGOV 1995-06-01..1999-08-15][HOBREB 1999-08-16..]");
  EXPECT_EQ(gollum->comment, "pas 27 Apr 03; restricted");
  // The code on the head line, a synonym after it.
  const ActorRecord* gondor = FindActor(src_, "gondor");
  ASSERT_NE(gondor, nullptr);
  ASSERT_EQ(gondor->phrases.size(), 2u);
  EXPECT_EQ(Render(gondor->phrases[1]), "minas!_tirith");
  EXPECT_EQ(Codes(*gondor), "[GON]");
  // Only indented code lines.
  EXPECT_EQ(CodesOf("zimbabwe"), "[RHO ..1979-06-06][ZBW]");
}

TEST_F(TabariActors, EveryDateForm) {
  EXPECT_EQ(CodesOf("axnor"), "[AR1 ..1991-12-26][AR2]");        // <YYMMDD: to, inclusive
  EXPECT_EQ(CodesOf("reagan"), "[### 1989-01-20..][USA]");       // >YYMMDD: from, inclusive
  // Years 00-30 are 2000-2030, 31-99 are 1931-1999; eight digits are YYYYMMDD.
  EXPECT_EQ(CodesOf("pivot"), "[OLD ..2030-12-31][NEW 1931-01-01..][Y4 2010-01-01..2011-12-31]");
  // TABARI checks only that a day is 1-31: June 31 is the end of June.
  EXPECT_EQ(CodesOf("monthend"), "[GOV 2010-04-01..2010-06-30]");
}

TEST_F(TabariActors, RangeEndingBeforeItBeginsIsKeptAndReportedOnce) {
  EXPECT_EQ(CodesOf("inverted"), "[ELI 2027-01-01..1973-07-17][ELI]");
  ASSERT_EQ(src_.problems.size(), 1u) << Joined(src_.problems);
  EXPECT_TRUE(StartsWith(src_.problems[0], "features.actors:40: date range 'ELI 270101-730717'")) << src_.problems[0];
}

TEST_F(TabariActors, NounsAdjectivesFinishAndComments) {
  ASSERT_EQ(src_.nouns.size(), 2u);
  EXPECT_EQ(Render(src_.nouns[0]), "bombs");
  EXPECT_EQ(Render(src_.nouns[1]), "political!_scientists");
  ASSERT_EQ(src_.adjectives.size(), 2u);
  EXPECT_EQ(Render(src_.adjectives[1]), "white!");
  EXPECT_EQ(FindActor(src_, "not!_read"), nullptr);  // after ~FINISH
  EXPECT_EQ(src_.actors.size(), 21u);
  const ActorRecord* estonia = FindActor(src_, "estonia!");
  ASSERT_NE(estonia, nullptr);
  EXPECT_EQ(estonia->comment, "tony 4/21/91");
  EXPECT_EQ(estonia->where.line, 12u);
  EXPECT_EQ(src_.files[estonia->where.file], "features.actors");
}

// ----------------------------------------------------------------------------------------------
// Agents

TEST(TabariAgents, TildeBeforeOrAfterTheCode) {
  DictionarySource src;
  ReadTabariAgents("features.agents", Data("features.agents"), &src);
  EXPECT_TRUE(src.problems.empty()) << Joined(src.problems);
  ASSERT_EQ(src.agents.size(), 5u);
  EXPECT_EQ(Render(src.agents[0].phrase), "foreign!_minister!");
  EXPECT_EQ(src.agents[0].code, "GOVFRM");
  EXPECT_FALSE(src.agents[0].prefix);  // "~GOVFRM": ISR + GOVFRM
  EXPECT_EQ(src.agents[1].code, "GOVPRS");
  EXPECT_EQ(src.agents[2].code, "NGO");
  EXPECT_TRUE(src.agents[2].prefix);  // "NGO~": NGO + ISR
  EXPECT_FALSE(src.agents[2].no_plural);
  EXPECT_TRUE(src.agents[3].no_plural);  // "POLICE=": no regular endings, so no plural
  EXPECT_EQ(Render(src.agents[4].phrase), "state!_owned!_newspaper!");
  EXPECT_EQ(src.agents[4].where.line, 6u);
}

// ----------------------------------------------------------------------------------------------
// Verbs

class TabariVerbs : public ::testing::Test {
 protected:
  void SetUp() override { ReadTabariVerbs("features.verbs", Data("features.verbs"), &src_, &sections_); }
  std::vector<std::string> Patterns(const std::string& verb) {
    std::vector<std::string> out;
    if (const VerbRecord* v = FindVerb(src_.verbs, verb))
      for (const VerbPatternRecord& p : v->patterns) out.push_back(Render(p.tokens) + " [" + p.code + "]");
    return out;
  }
  DictionarySource src_;
  TabariVerbSections sections_;
};

TEST_F(TabariVerbs, ReadsWithoutProblems) {
  EXPECT_TRUE(src_.problems.empty()) << Joined(src_.problems);
  EXPECT_EQ(src_.verbs.size(), 8u);
  EXPECT_EQ(FindVerb(src_.verbs, "not!_read"), nullptr);  // after ~FINISH
}

TEST_F(TabariVerbs, RootsDefaultCodesAndIrregularForms) {
  const VerbRecord* abandon = FindVerb(src_.verbs, "abandon");
  ASSERT_NE(abandon, nullptr);
  EXPECT_TRUE(abandon->has_code);
  EXPECT_EQ(abandon->code, "345");
  EXPECT_EQ(abandon->where.line, 24u);
  const VerbRecord* advise = FindVerb(src_.verbs, "advise");
  ASSERT_NE(advise, nullptr);
  EXPECT_FALSE(advise->has_code);
  const VerbRecord* brk = FindVerb(src_.verbs, "break!");
  ASSERT_NE(brk, nullptr);
  ASSERT_EQ(brk->forms.size(), 2u);
  EXPECT_EQ(Render(brk->forms[0]), "broke!");
  EXPECT_EQ(Render(brk->forms[1]), "broken!_down!");
  EXPECT_NE(FindVerb(src_.verbs, "promise!="), nullptr);
  EXPECT_NE(FindVerb(src_.verbs, "appreciate position"), nullptr);
}

TEST_F(TabariVerbs, EveryPatternToken) {
  EXPECT_EQ(Patterns("advise"), std::vector<std::string>{"+_was!_*_by!_$ [030]"});
  EXPECT_EQ(Patterns("meet"), (std::vector<std::string>{"% * in [031]", "* in ^ with + [036!]", "$ * + [040?]"}));
  EXPECT_EQ(Patterns("abandon"), (std::vector<std::string>{"* new!_&tietypes_relations [903]", "* &currency [904]"}));
  // Codes as written: paired, dominant, subordinate; null "" and discard.
  EXPECT_EQ(FindVerb(src_.verbs, "meet")->code, "031:031");
  EXPECT_EQ(Patterns("promise!="), (std::vector<std::string>{"* re!_trial []", "* in!_accident [###]"}));
}

TEST_F(TabariVerbs, TildeKeepsAStemButJoinsTheNextWord) {
  EXPECT_EQ(Patterns("back"), (std::vector<std::string>{"* back_policy [062]", "*_closely [063]"}));
}

TEST_F(TabariVerbs, DisjunctiveSets) {
  EXPECT_EQ(Patterns("ask"),
            (std::vector<std::string>{
                "* for {economic!_sanctions|total boycott|embargo} [172]",
                // "}_" joins what follows and makes the last word of each alternative exact.
                "{was!|is!|will!_be!}_here * [010]",
                "millions!_of!_{dollars|&currency} * [070]",
            }));
  const VerbRecord* ask = FindVerb(src_.verbs, "ask");
  ASSERT_NE(ask, nullptr);
  const PatternToken& set = ask->patterns[0].tokens[2];
  EXPECT_EQ(set.kind, PatternToken::kWord);
  EXPECT_EQ(set.alternatives.size(), 3u);
  EXPECT_FALSE(set.consecutive);
}

TEST_F(TabariVerbs, Synsets) {
  ASSERT_EQ(src_.synsets.size(), 3u);
  EXPECT_EQ(src_.synsets[0].name, "currency");
  ASSERT_EQ(src_.synsets[0].phrases.size(), 3u);
  EXPECT_EQ(Render(src_.synsets[0].phrases[1]), "swiss!_franc");
  EXPECT_EQ(Render(src_.synsets[0].phrases[2]), "peso!_$");  // the tokens $ and + are allowed
  EXPECT_EQ(Render(src_.synsets[2].phrases[0]), "&tietypes!_memos");  // a synset declared earlier
  EXPECT_EQ(src_.synsets[2].where.line, 9u);
}

TEST_F(TabariVerbs, TimeAndAttributionSections) {
  ASSERT_EQ(sections_.time_shifts.size(), 4u);
  EXPECT_EQ(Render(sections_.time_shifts[0].verb), "last!_week");
  EXPECT_EQ(sections_.time_shifts[0].code, "-7");
  EXPECT_EQ(sections_.time_shifts[1].code, "+30");
  EXPECT_EQ(sections_.time_shifts[2].code, "");
  ASSERT_EQ(sections_.time_shifts[3].patterns.size(), 1u);
  EXPECT_EQ(sections_.time_shifts[3].patterns[0].code, "+3");
  ASSERT_EQ(sections_.attributions.size(), 1u);
  EXPECT_FALSE(sections_.attributions[0].has_code);
  EXPECT_EQ(Render(sections_.attributions[0].patterns[0].tokens), "+ * $");
  // Without a TabariVerbSections the sections are still checked, and dropped.
  DictionarySource plain;
  ReadTabariVerbs("features.verbs", Data("features.verbs"), &plain);
  EXPECT_EQ(plain.verbs.size(), src_.verbs.size());
  EXPECT_TRUE(plain.problems.empty());
}

// ----------------------------------------------------------------------------------------------
// Options

TEST(TabariOptions, EveryCommand) {
  DictionarySource src;
  ReadTabariOptions("features.options", Data("features.options"), &src);
  EXPECT_TRUE(src.problems.empty()) << Joined(src.problems);
  std::vector<std::string> got;
  for (const OptionRecord& o : src.options) got.push_back(o.command + "|" + o.key + "|" + o.value);
  EXPECT_EQ(got, (std::vector<std::string>{
                     "COMPLEX|VERBS|6", "COMPLEX|NOACTPRIOR|", "COMPLEX|EXPLAIN|",
                     "SET|MINIMUM WORDS|5", "SET|LABEL|false", "SET|CODE BY|SENTENCE",
                     "LABEL|041|PRAISE", "LABEL|ISR|Israel",
                     "COMMA|MIN|1", "COMMA|MAX|8", "COMMA|EMIN|3", "COMMA|EMAX|10",
                     "OUTPUT|ID|", "OUTPUT|TEXT|",
                     "DEFAULT|SOURCE|USA", "DEFAULT|PRIOR|", "DEFAULT|TARGET|WLD", "DEFAULT|AFTER|",
                     "FORWARD|FORMAT|^^^***NNNN*SSS", "FORWARD|DOC|", "FORWARD|OFF|",
                     "NONEVENTS||ONLY",
                 }));
  EXPECT_EQ(src.options[0].raw, "COMPLEX: VERBS[6] NOACTPRIOR EXPLAIN");
  EXPECT_EQ(src.options[0].where.line, 2u);
  EXPECT_EQ(src.options[4].raw, "SET: label = false");  // without its comment
}

// ----------------------------------------------------------------------------------------------
// Projects

TEST(TabariProjectFile, ReadsTagsAndResolvesPaths) {
  Result<TabariProject> p = ReadTabariProject(DataDir() / "features.project");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_TRUE(p->problems.empty()) << Joined(p->problems);
  ASSERT_EQ(p->actor_files.size(), 1u);
  EXPECT_EQ(p->actor_files[0], DataDir() / "features.actors");
  ASSERT_EQ(p->agent_files.size(), 1u);
  EXPECT_EQ(p->agent_files[0], DataDir() / "features.agents");
  EXPECT_EQ(p->verb_files.size(), 1u);
  EXPECT_EQ(p->options_file, DataDir() / "features.options");
  EXPECT_EQ(p->text_files.size(), 2u);
  EXPECT_EQ(p->event_file, DataDir() / "features.evts");
  EXPECT_EQ(p->coder, "TEST");
  EXPECT_EQ(p->doc_head, std::vector<std::string>{"first header line"});
  EXPECT_EQ(p->system_commands, std::vector<std::string>{"echo never run"});
}

TEST(TabariProjectFile, LoadsEveryDictionaryItNames) {
  DictionarySource src;
  TabariVerbSections sections;
  const Status s = LoadTabariProject(DataDir() / "features.project", &src, &sections);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(src.files.size(), 4u);  // options, actors, agents, verbs
  EXPECT_EQ(src.options.size(), 22u);
  EXPECT_EQ(src.actors.size(), 21u);
  EXPECT_EQ(src.agents.size(), 5u);
  EXPECT_EQ(src.verbs.size(), 8u);
  EXPECT_EQ(sections.time_shifts.size(), 4u);
  ASSERT_EQ(src.problems.size(), 1u) << Joined(src.problems);  // the inverted date range
  EXPECT_TRUE(StartsWith(src.problems[0], (DataDir() / "features.actors").string() + ":40: ")) << src.problems[0];
}

TEST(TabariProjectFile, UnreadableFilesAreErrorsThatNameThem) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "dateline_tabari_project_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "broken.project");
    out << "<actorsfile> missing.actors\n<verbsfile>\n<widgetfile> x\n";
  }
  DictionarySource src;
  const Status s = LoadTabariProject(dir / "broken.project", &src);
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("missing.actors"), std::string::npos) << s.message();
  const std::string all = Joined(src.problems);
  EXPECT_NE(all.find("broken.project:2: expected a file name after <verbsfile>"), std::string::npos) << all;
  EXPECT_NE(all.find("broken.project:3: unknown tag <widgetfile>"), std::string::npos) << all;
  EXPECT_EQ(LoadTabariProject(dir / "absent.project", &src).code(), StatusCode::kNotFound);
  std::filesystem::remove_all(dir);
}

// ----------------------------------------------------------------------------------------------
// Problems: each names file:line and what was expected; the bad entry is skipped, the rest read.

struct Expected {
  int line;
  std::string fragment;
};

void ExpectProblems(const DictionarySource& src, const std::string& file, const std::vector<Expected>& expected) {
  ASSERT_EQ(src.problems.size(), expected.size()) << Joined(src.problems);
  for (size_t i = 0; i < expected.size(); ++i) {
    const std::string prefix = file + ":" + std::to_string(expected[i].line) + ": ";
    EXPECT_TRUE(StartsWith(src.problems[i], prefix)) << src.problems[i] << "\n  expected " << prefix;
    EXPECT_NE(src.problems[i].find(expected[i].fragment), std::string::npos)
        << src.problems[i] << "\n  expected to contain: " << expected[i].fragment;
  }
}

TEST(TabariProblems, Actors) {
  DictionarySource src;
  ReadTabariActors("bad.actors",
                   "GOOD [AAA]\n"
                   "NOCODE ; a comment\n"                         // 2: no code at all
                   "+ORPHAN_SYN\n"                                // 3: (belongs to NOCODE, silently)
                   "MISSING [AAA\n"                               // 4
                   "EXTRA ]AAA[\n"                                // 5
                   "DATE [AAA 991301-000101]\n"                   // 6: month 13
                   "NODATECODE [991201-010114] [---]\n"           // 7
                   "BADCHARS [AA-A]\n"                            // 8
                   "EMPTY []\n"                                   // 9
                   "TRAILING [AAA] junk\n"                        // 10
                   "\t[BBB]\n"                                    // 11: continues TRAILING (skipped)
                   "PERSON\n"                                     // 12
                   "\t[CCC 950101 - 96]\n"                        // 13
                   "+SYN [DDD]\n"                                 // 14: synonym with its own code
                   "\tnot a code\n"                               // 15
                   "</NOUN>\n"                                    // 16
                   "<VERBS>\n"                                    // 17
                   "~WHAT\n"                                      // 18
                   "LAST [ZZZ]\n",
                   &src);
  ExpectProblems(src, "bad.actors",
                 {
                     {2, "actor 'NOCODE' has no code"},
                     {4, "missing ']'"},
                     {5, "missing '[' before ']'"},
                     {6, "expected a date restriction <YYMMDD, >YYMMDD or YYMMDD-YYMMDD"},
                     {7, "expected a code before the date restriction"},
                     {8, "code 'AA-A' may contain only letters"},
                     {9, "no code in []"},
                     {10, "expected another [code] or a ';' comment after the code, found 'junk'"},
                     {13, "expected a date restriction"},
                     {16, "</NOUN> closes a section that is not open"},
                     {17, "unknown section tag <VERBS>"},
                     {18, "expected ~FINISH"},
                 });
  ASSERT_EQ(src.actors.size(), 2u);
  EXPECT_EQ(Render(src.actors[0].phrases[0]), "good");
  EXPECT_EQ(Render(src.actors[1].phrases[0]), "last");
}

TEST(TabariProblems, SynonymsAndIndentedLines) {
  DictionarySource src;
  ReadTabariActors("syn.actors",
                   "+FIRST\n"                 // 1: synonym before any actor
                   "\t[AAA]\n"                // 2: code line before any actor
                   "MONGO_ [lol]\n"
                   "+MONGOLIANS_  [mon]\n"    // 4: a synonym with its own code
                   "+MONGOS_\n"
                   "\tnot a code\n"           // 6
                   "KEPT [K]\n",
                   &src);
  ExpectProblems(src, "syn.actors",
                 {
                     {1, "synonym 'FIRST' must follow the actor"},
                     {2, "an indented [code] line must follow the actor"},
                     {4, "carries its own code [mon]"},
                     {6, "expected only [code] blocks on an indented line"},
                 });
  ASSERT_EQ(src.actors.size(), 1u);  // MONGO_ spoiled by line 6
  EXPECT_EQ(Render(src.actors[0].phrases[0]), "kept");
}

TEST(TabariProblems, NounSections) {
  DictionarySource src;
  ReadTabariActors("nouns.actors", "<NOUN>\nBOMBS [XXX]\nGOATS\n<ADJECTIVE>\nLAZY\n", &src);
  ExpectProblems(src, "nouns.actors",
                 {
                     {2, "a <NOUN> entry takes no code"},
                     {4, "while <NOUN> (line 1) is still open"},
                     {5, "missing </ADJECTIVE>"},
                 });
  EXPECT_EQ(src.nouns.size(), 1u);
  EXPECT_EQ(src.adjectives.size(), 1u);
}

TEST(TabariProblems, Agents) {
  DictionarySource src;
  ReadTabariAgents("bad.agents",
                   "NOTILDE [GOV]\n"
                   "BOTH [~GOV~]\n"
                   "TWO [~GOV] [~MIL]\n"
                   "DATED [~GOV <990101]\n"
                   "NONE\n"
                   "GOOD_ [~GOV]\n",
                   &src);
  ExpectProblems(src, "bad.agents",
                 {
                     {1, "missing '~' in agent code [GOV]"},
                     {2, "'~' at both ends"},
                     {3, "more than one code"},
                     {4, "may contain only letters and digits"},
                     {5, "agent 'NONE' has no code"},
                 });
  ASSERT_EQ(src.agents.size(), 1u);
  EXPECT_EQ(src.agents[0].code, "GOV");
}

TEST(TabariProblems, Verbs) {
  DictionarySource src;
  ReadTabariVerbs("bad.verbs",
                  "- * BEFORE [010]\n"                             // 1: pattern before a verb
                  "{ BROKE_ }\n"                                   // 2: forms before a verb
                  "ATTACK [223]\n"
                  "- * GOOD [010]\n"
                  "{ BROKE_ }\n"                                   // 5: forms after a pattern
                  "- * COMMIT * AID [033]\n"                       // 6: two verb markers
                  "- *OVIDE FOOD [0333]\n"                         // 7: '*' attached
                  "- + { WAS | WERE ] * BY_ $ [195]\n"             // 8: set closed with ']'
                  "- * FIRE IN_ PROTEST } [145]\n"                 // 9: '}' without '{'
                  "- * { ONLY IF_ | NOT HELD UNTIL + } [134]\n"    // 10: '+' inside a set
                  "- * { A | { B } } [134]\n"                      // 11: nested set
                  "- * { A | } [134]\n"                            // 12: empty alternative
                  "- * FOR { A | B [134]\n"                        // 13: set not closed
                  "- NO VERB MARKER [010]\n"                       // 14
                  "- * NO CODE\n"                                  // 15
                  "- * TWO CODES [010] [020]\n"                    // 16
                  "- * BAD CODE [01-0]\n"                          // 17
                  "- * &UNDECLARED [010]\n"                        // 18
                  "- @ * [010]\n"                                  // 19: attribution token
                  " * TO_ LAY_ SIEGE ON_ THE +  [130]\n"           // 20: indented, no '-'
                  "BADROOT [1] [2]\n"                              // 21
                  "- * SKIPPED WITH ITS ROOT [010]\n"              // 22: (silently)
                  "DEFY [---]\n"
                  "{ }\n"                                          // 24: no forms
                  "{ DEFIED_\n"                                    // 25: no '}'
                  "- * CRITICISM [141]\n",
                  &src);
  ExpectProblems(src, "bad.verbs",
                 {
                     {1, "pattern before any verb"},
                     {2, "verb forms {...} must follow the verb"},
                     {5, "must come directly after the verb 'ATTACK'"},
                     {6, "more than one verb marker '*'"},
                     {7, "'*' must stand alone"},
                     {8, "a { A | B } set ends with '}'"},
                     {9, "'}' outside a { A | B } set"},
                     {10, "a { A | B } set may contain only words and synsets, found '+'"},
                     {11, "sets cannot nest"},
                     {12, "empty alternative"},
                     {13, "missing '}'"},
                     {14, "missing the verb marker '*'"},
                     {15, "missing [CODE] after the pattern"},
                     {16, "more than one [CODE]"},
                     {17, "code [01-0] may contain only"},
                     {18, "synset &UNDECLARED is not declared"},
                     {19, "attribution token '@' is not supported"},
                     {20, "expected a verb at the start of the line or a '- ' pattern"},
                     {21, "verb 'BADROOT' has more than one code"},
                     {24, "no verb forms inside {...}"},
                     {25, "missing '}' after the verb forms of 'DEFY'"},
                 });
  ASSERT_EQ(src.verbs.size(), 2u);
  ASSERT_EQ(src.verbs[0].patterns.size(), 1u);
  EXPECT_TRUE(src.verbs[0].forms.empty());
  ASSERT_EQ(src.verbs[1].patterns.size(), 1u);
  EXPECT_EQ(Render(src.verbs[1].patterns[0].tokens), "* criticism");
}

TEST(TabariProblems, Synsets) {
  DictionarySource src;
  ReadTabariVerbs("syn.verbs",
                  "<SYNSETS>\n"
                  "+ORPHAN\n"               // 2
                  "&A\n"
                  "+&A_LOOP\n"              // 4: refers to itself
                  "+&B\n"                   // 5: not declared yet
                  "+* STAR\n"               // 6
                  "+GOOD\n"
                  "&A\n"                    // 8: declared twice
                  "+AGAIN\n"
                  "&EMPTY\n"                // 10: no members
                  "WHAT\n"                  // 11
                  "</SYNSETS>\n"
                  "<TIME>\n"
                  "YESTERDAY [-1x]\n"       // 14
                  "</TIME>\n",
                  &src);
  ExpectProblems(src, "syn.verbs",
                 {
                     {2, "must follow a '&NAME' line"},
                     {4, "refers to itself"},
                     {5, "&B is not declared before this member"},
                     {6, "only the tokens $ and +"},
                     {8, "declared twice"},
                     {11, "expected '&NAME' or '+MEMBER' inside <SYNSETS>"},
                     {10, "synset &EMPTY has no '+' members"},  // known when the section ends
                     {14, "expected a number of days"},
                 });
  ASSERT_EQ(src.synsets.size(), 1u);
  EXPECT_EQ(src.synsets[0].phrases.size(), 1u);
}

TEST(TabariProblems, Options) {
  DictionarySource src;
  ReadTabariOptions("bad.options",
                    "SET: = TRUE\n"
                    "LABEL: NOEQUALS\n"
                    "WIDGET: X\n"
                    "NO COLON AT ALL\n"
                    "COMPLEX: VERBS[6] SOMETIMES WEIRD[2\n"
                    "DEFAULT: SOURCE\n"
                    "DEFAULT: [USA]\n"
                    "SET: HAIKU = FALSE\n",
                    &src);
  ExpectProblems(src, "bad.options",
                 {
                     {1, "expected SET: PARAMETER = VALUE"},
                     {2, "expected LABEL: CODE = TEXT"},
                     {3, "expected a command (SET:"},
                     {4, "expected a command"},
                     {5, "unknown COMPLEX condition 'SOMETIMES'"},
                     {5, "missing ']' after COMPLEX condition WEIRD"},
                     {6, "missing [code] after DEFAULT SOURCE"},
                     {7, "expected DEFAULT: SOURCE [code]"},
                 });
  ASSERT_EQ(src.options.size(), 2u);  // VERBS[6] and HAIKU
  EXPECT_EQ(src.options[1].key, "HAIKU");
}

TEST(TabariProblems, BadBytes) {
  DictionarySource src;
  std::string bytes = "GOOD [AAA]\r\n";
  bytes += std::string("TIRUCHIR\0PPALLI_ [IND]\r\n", 24);  // 2: NUL
  bytes += "\t[XXX]\r\n";                                 // 3: continues the bad entry, silently
  bytes += "COTE_D\xD2IVOIRE_ [CIV]\r\n";                 // 4: Mac Roman byte: repaired, kept
  bytes += "LAST [ZZZ]";                                  // no final newline
  ReadTabariActors("bytes.actors", bytes, &src);
  ExpectProblems(src, "bytes.actors",
                 {
                     {2, "control character 0x00"},
                     {4, "invalid UTF-8 (byte 0xD2) replaced with U+FFFD"},
                 });
  ASSERT_EQ(src.actors.size(), 3u);
  EXPECT_EQ(Render(src.actors[1].phrases[0]), "cote!_d\xEF\xBF\xBDivoire!");
  EXPECT_EQ(src.actors[2].where.line, 5u);
}

TEST(TabariProblems, CurlyApostrophesAndCaseAreFolded) {
  DictionarySource src;
  ReadTabariActors("fold.actors", "YAHWEH\xE2\x80\x99S_ASSEMBLY_ [CHR]\nPR\xC3\x89MONTR\xC3\x89 [CHR]\n", &src);
  ASSERT_TRUE(src.problems.empty()) << Joined(src.problems);
  EXPECT_EQ(Render(src.actors[0].phrases[0]), "yahweh's!_assembly!");
  EXPECT_EQ(Render(src.actors[1].phrases[0]), "pr\xC3\x89montr\xC3\x89");  // non-ASCII kept as written
}

// ----------------------------------------------------------------------------------------------
// Robustness: truncated files and random bytes never crash, and whatever is read is well formed.

void CheckWellFormed(const DictionarySource& src) {
  for (const std::string& p : src.problems) ASSERT_NE(p.find(':'), std::string::npos) << p;
  auto words_ok = [](const std::vector<Word>& ws) {
    if (ws.empty()) return false;
    for (const Word& w : ws)
      if (w.text.empty()) return false;
    return true;
  };
  for (const ActorRecord& a : src.actors) {
    ASSERT_FALSE(a.phrases.empty());
    ASSERT_FALSE(a.codes.empty());
    for (const auto& p : a.phrases) ASSERT_TRUE(words_ok(p));
  }
  for (const AgentRecord& a : src.agents) ASSERT_TRUE(words_ok(a.phrase));
  for (const VerbRecord& v : src.verbs) {
    ASSERT_TRUE(words_ok(v.verb));
    for (const VerbPatternRecord& p : v.patterns) {
      int verbs = 0;
      for (const PatternToken& t : p.tokens) {
        verbs += t.kind == PatternToken::kVerb;
        if (t.kind == PatternToken::kWord && t.alternatives.empty()) {
          ASSERT_FALSE(t.word.text.empty());
        }
        for (const auto& alt : t.alternatives) ASSERT_TRUE(words_ok(alt));
      }
      ASSERT_EQ(verbs, 1);
    }
  }
}

void ReadAll(const std::string& bytes, DictionarySource* src) {
  TabariVerbSections sections;
  ReadTabariActors("f.actors", bytes, src);
  ReadTabariAgents("f.agents", bytes, src);
  ReadTabariVerbs("f.verbs", bytes, src, &sections);
  ReadTabariOptions("f.options", bytes, src);
}

TEST(TabariFuzz, TruncatedPrefixesDoNotCrash) {
  std::vector<std::string> files = {Data("features.actors"), Data("features.agents"), Data("features.verbs"),
                                    Data("features.options")};
  const std::filesystem::path shared = testing::SharedDir();
  if (!shared.empty()) {
    files.push_back(testing::ReadFile(shared / "reference/tabari/TABARI.Demo.verbs"));
    files.push_back(testing::ReadFile(shared / "reference/tabari/TABARI.Demo.actors"));
  }
  size_t runs = 0;
  for (const std::string& f : files) {
    ASSERT_FALSE(f.empty());
    const size_t step = f.size() > 4000 ? 7 : 1;
    for (size_t len = 0; len <= f.size(); len += step) {
      DictionarySource src;
      ReadAll(f.substr(0, len), &src);
      CheckWellFormed(src);
      ++runs;
    }
  }
  EXPECT_GT(runs, 1000u);
}

TEST(TabariFuzz, RandomBytesDoNotCrash) {
  std::mt19937 rng(20240611);
  const std::string alphabet = "[]{}|_-~=<>;#/+$*%^&:!?@ \t\n\r\nAZaz0919-_ [ABC <991231] [--- ] {  } \xC2\xE2\x80\x99";
  for (int i = 0; i < 3000; ++i) {
    std::string s(rng() % 200, ' ');
    for (char& c : s) c = rng() % 8 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    DictionarySource src;
    ReadAll(s, &src);
    CheckWellFormed(src);
  }
}

// ----------------------------------------------------------------------------------------------
// The reference dictionaries in ../shared: every file reads with few problems. The counts are the
// reader's results when it was written; each remaining problem is a genuine error in the file
// (see the report in the commit that added this test).

struct ReferenceFile {
  const char* path;  // under reference/tabari
  enum Kind { kActors, kAgents, kVerbs, kOptions, kProject } kind;
  size_t records;    // actors + nouns + adjectives | agents | verbs + patterns + synsets | options
  size_t problems;
};

size_t Records(const DictionarySource& src, const TabariVerbSections& sections) {
  size_t n = src.actors.size() + src.nouns.size() + src.adjectives.size() + src.agents.size() + src.verbs.size() +
             src.synsets.size() + src.options.size() + sections.time_shifts.size() + sections.attributions.size();
  for (const VerbRecord& v : src.verbs) n += v.patterns.size();
  for (const VerbRecord& v : sections.time_shifts) n += v.patterns.size();
  return n;
}

TEST(TabariReference, EveryFileReadsWithFewProblems) {
  const std::filesystem::path shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: the TABARI reference dictionaries are not available";
  const ReferenceFile files[] = {
      {"TABARI.Demo.actors", ReferenceFile::kActors, 133, 0},
      {"TABARI.Demo.verbs", ReferenceFile::kVerbs, 707, 0},
      {"Validate.agents", ReferenceFile::kAgents, 86, 0},
      {"TABARI.Demo.options", ReferenceFile::kOptions, 96, 0},
      {"Validate.options", ReferenceFile::kOptions, 101, 0},
      {"CAMEO.09b5.options", ReferenceFile::kOptions, 299, 1},
      {"CAMEO.091003.master.verbs", ReferenceFile::kVerbs, 16782, 17},
      {"production/CAMEO.080612.verbs", ReferenceFile::kVerbs, 15771, 16},
      {"production/CAMEO.ECS.120522.actors", ReferenceFile::kActors, 534, 1},
      {"production/CAMEO.RCS.120521.actors", ReferenceFile::kActors, 1148, 2},
      {"production/CountryInfo.120116.actors", ReferenceFile::kActors, 22826, 5},
      {"production/Internatnl.120521.actors", ReferenceFile::kActors, 7481, 6},
      {"production/Levant.080629.actors", ReferenceFile::kActors, 7029, 3},
      {"production/PSU.120522.agents", ReferenceFile::kAgents, 2131, 0},
      {"Validate.project", ReferenceFile::kProject, 1027, 0},
      {"TABARI.Demo.project", ReferenceFile::kProject, 936, 0},
  };
  for (const ReferenceFile& f : files) {
    SCOPED_TRACE(f.path);
    const std::filesystem::path path = shared / "reference/tabari" / f.path;
    DictionarySource src;
    TabariVerbSections sections;
    if (f.kind == ReferenceFile::kProject) {
      const Status s = LoadTabariProject(path, &src, &sections);
      EXPECT_TRUE(s.ok()) << s.message();
    } else {
      const std::string bytes = testing::ReadFile(path);
      ASSERT_FALSE(bytes.empty());
      switch (f.kind) {
        case ReferenceFile::kActors: ReadTabariActors(f.path, bytes, &src); break;
        case ReferenceFile::kAgents: ReadTabariAgents(f.path, bytes, &src); break;
        case ReferenceFile::kVerbs: ReadTabariVerbs(f.path, bytes, &src, &sections); break;
        default: ReadTabariOptions(f.path, bytes, &src); break;
      }
    }
    const size_t records = Records(src, sections);
    std::cout << "[ TABARI   ] " << f.path << ": " << records << " records, " << src.problems.size() << " problems\n";
    for (const std::string& p : src.problems) std::cout << "               " << p << "\n";
    EXPECT_EQ(records, f.records);
    EXPECT_EQ(src.problems.size(), f.problems);
    EXPECT_LT(src.problems.size() * 100, records);  // fewer than 1%
    CheckWellFormed(src);
  }
}

}  // namespace
}  // namespace dateline
