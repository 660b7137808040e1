#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "token/token.h"

namespace dateline {
namespace {

// Tokenizes and tags `text` as one sentence (a headline if asked).
Document Tagged(std::string text, bool headline = false) {
  Document doc("t", std::move(text));
  Sentence s;
  s.span = {0, static_cast<uint32_t>(doc.text().size())};
  s.headline = headline;
  doc.sentences.push_back(s);
  EXPECT_TRUE(Tokenizer().Run(doc).ok());
  EXPECT_TRUE(Tagger().Run(doc).ok());
  return doc;
}

// "word/TAG" for every token.
std::string Tags(std::string text, bool headline = false) {
  Document doc = Tagged(std::move(text), headline);
  std::string out;
  for (const Token& t : doc.tokens) {
    if (!out.empty()) out += ' ';
    out += std::string(doc.view(t.span)) + "/" + std::string(TagName(t.tag));
  }
  return out;
}

// The token with text `word` (first occurrence).
const Token* Find(const Document& doc, std::string_view word) {
  for (const Token& t : doc.tokens)
    if (doc.view(t.span) == word) return &t;
  return nullptr;
}

void ExpectTagLemma(const Document& doc, std::string_view word, Tag tag, std::string_view lemma) {
  const Token* t = Find(doc, word);
  ASSERT_NE(t, nullptr) << word;
  EXPECT_EQ(TagName(t->tag), TagName(tag)) << word << " in " << doc.text();
  EXPECT_EQ(t->lemma, lemma) << word << " in " << doc.text();
}

TEST(TaggerTest, SentVbdAfterPronoun) {
  Document doc = Tagged("Last month, he sent six police officers to Solomon Islands to help train police forces.");
  ExpectTagLemma(doc, "sent", Tag::VBD, "send");
  ExpectTagLemma(doc, "officers", Tag::NNS, "officer");
  ExpectTagLemma(doc, "train", Tag::VB, "train");
  ExpectTagLemma(doc, "forces", Tag::NNS, "force");
  ExpectTagLemma(doc, "Solomon", Tag::NNP, "solomon");
}

// A hyphenated verb inflects in its last part: "test-fired" is "test-fire", not "test-fir".
TEST(TaggerTest, HyphenatedVerbLemmaFromItsLastPart) {
  ExpectTagLemma(Tagged("North Korea test-fired two missiles toward Japan."), "test-fired", Tag::VBD, "test-fire");
  EXPECT_EQ(Lexicon::Default().Lemma("air-dropped", Tag::VBD), "air-drop");
  EXPECT_EQ(Lexicon::Default().Lemma("re-imposed", Tag::VBN), "re-impose");
}

// A headline's present-tense verb the lexicon knows as a noun first.
TEST(TaggerTest, HeadlineVerbKnownAsNoun) {
  ExpectTagLemma(Tagged("Poland summons Russian ambassador over drone incursion"), "summons", Tag::VBZ, "summon");
  ExpectTagLemma(Tagged("Philippines slams China over water cannon attack"), "slams", Tag::VBZ, "slam");
  ExpectTagLemma(Tagged("Germany praises Poland's handling of border crisis"), "praises", Tag::VBZ, "praise");
  ExpectTagLemma(Tagged("Israel vows to press Gaza offensive"), "vows", Tag::VBZ, "vow");
  // Not in a sentence, nor after anything but a name.
  EXPECT_NE(Find(Tagged("Poland summons were issued to Russian diplomats."), "summons")->tag, Tag::VBZ);
  EXPECT_NE(Find(Tagged("The praises of Germany continued"), "praises")->tag, Tag::VBZ);
}

// "who control": the present tense after a relative pronoun, though the lexicon's kept readings
// are noun and base form.
TEST(TaggerTest, PresentTenseAfterRelativePronoun) {
  EXPECT_EQ(Find(Tagged("The Houthis, who control much of Yemen, said they attacked ships."), "control")->tag,
            Tag::VBP);
}

// A compound whose last part is a participle not spelled -ed is an adjective: "flood-hit Myanmar".
TEST(TaggerTest, HyphenatedParticipleAdjective) {
  EXPECT_EQ(Find(Tagged("Japan sent food to flood-hit Myanmar."), "flood-hit")->tag, Tag::JJ);
  EXPECT_EQ(Find(Tagged("Aid reached war-torn Sudan."), "war-torn")->tag, Tag::JJ);
}

// A past form spelled like its base keeps its past-tense reading after a name or before an
// object, though the lexicon's three most probable readings are noun, base and participle.
TEST(TaggerTest, PastSpelledLikeBase) {
  EXPECT_EQ(Find(Tagged("Niger cut diplomatic ties with Ukraine."), "cut")->tag, Tag::VBD);
  EXPECT_EQ(Find(Tagged("The government cut its aid to Mali."), "cut")->tag, Tag::VBD);
  EXPECT_EQ(Find(Tagged("The budget cut was approved."), "cut")->tag == Tag::VBD, false);
}

TEST(TaggerTest, PassiveVbn) {
  Document doc = Tagged("The troops were ordered to shoot to kill to quell an uprising across the country.");
  ExpectTagLemma(doc, "The", Tag::DT, "the");
  ExpectTagLemma(doc, "were", Tag::VBD, "be");
  ExpectTagLemma(doc, "ordered", Tag::VBN, "order");
  ExpectTagLemma(doc, "shoot", Tag::VB, "shoot");
  ExpectTagLemma(doc, "quell", Tag::VB, "quell");
  ExpectTagLemma(doc, "uprising", Tag::NN, "uprising");
}

// Coordinated adverbs between "be" and a participle: "was heavily and unjustly criticized".
TEST(TaggerTest, PassiveVbnAfterCoordinatedAdverbs) {
  Document doc = Tagged("The Philippines was heavily and unjustly criticized over its dispute.");
  const Token* t = Find(doc, "criticized");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->tag, Tag::VBN);
}

// "can't" splits into "ca n't": "ca" is the modal, and the verb after it a base form.
TEST(TaggerTest, SplitContractionModal) {
  Document doc = Tagged("Gondor can't clash with Mordor.");
  ExpectTagLemma(doc, "ca", Tag::MD, "can");
  ExpectTagLemma(doc, "clash", Tag::VB, "clash");
}

// After do-support an adverb before the verb stays an adverb: "did not even ever clash".
TEST(TaggerTest, AdverbsBetweenAuxiliaryAndVerb) {
  Document doc = Tagged("Gondor did not even ever clash with Mordor.");
  ExpectTagLemma(doc, "even", Tag::RB, "even");
  ExpectTagLemma(doc, "clash", Tag::VB, "clash");
}

TEST(TaggerTest, StandsReadyToStrengthen) {
  Document doc = Tagged(
      "China stands ready to strengthen cooperation with neighboring Kazakhstan and oppose interference "
      "from outside forces.");
  ExpectTagLemma(doc, "China", Tag::NNP, "china");
  ExpectTagLemma(doc, "stands", Tag::VBZ, "stand");
  ExpectTagLemma(doc, "strengthen", Tag::VB, "strengthen");
  ExpectTagLemma(doc, "oppose", Tag::VB, "oppose");
  ExpectTagLemma(doc, "interference", Tag::NN, "interference");
  ExpectTagLemma(doc, "forces", Tag::NNS, "force");
}

TEST(TaggerTest, BlamedVbdAtSentenceStart) {
  Document doc = Tagged("Authorities blamed the violence on \u201cextremists,\u201d including Islamist militants.");
  ExpectTagLemma(doc, "Authorities", Tag::NNS, "authority");
  ExpectTagLemma(doc, "blamed", Tag::VBD, "blame");
  ExpectTagLemma(doc, "violence", Tag::NN, "violence");
  ExpectTagLemma(doc, "militants", Tag::NNS, "militant");
  Document d2 = Tagged("including internationally trained Islamist militants");
  ExpectTagLemma(d2, "trained", Tag::VBN, "train");
}

TEST(TaggerTest, HasNotSentVbn) {
  Document doc = Tagged("Since the Vietnam War, China has traditionally not sent troops to other countries.");
  ExpectTagLemma(doc, "has", Tag::VBZ, "have");
  ExpectTagLemma(doc, "traditionally", Tag::RB, "traditionally");
  ExpectTagLemma(doc, "not", Tag::RB, "not");
  ExpectTagLemma(doc, "sent", Tag::VBN, "send");
  ExpectTagLemma(doc, "countries", Tag::NNS, "country");
}

TEST(TaggerTest, ToldAndReducedRelatives) {
  Document doc = Tagged("Wang told Tileuberdi. , cited by the ministry.");
  ExpectTagLemma(doc, "told", Tag::VBD, "tell");
  ExpectTagLemma(doc, "Tileuberdi", Tag::NNP, "tileuberdi");
  ExpectTagLemma(doc, "cited", Tag::VBN, "cite");
  Document d2 = Tagged("The revolutions are uprisings started by the United States and other Western powers.");
  ExpectTagLemma(d2, "started", Tag::VBN, "start");
  ExpectTagLemma(d2, "States", Tag::NNPS, "states");
  ExpectTagLemma(d2, "powers", Tag::NNS, "power");
}

TEST(TaggerTest, NounVerbAmbiguity) {
  EXPECT_EQ(Tags("Experts say China fears instability."),
            "Experts/NNS say/VBP China/NNP fears/VBZ instability/NN ./PUNCT");
  EXPECT_EQ(Tags("It could threaten energy imports."), "It/PRP could/MD threaten/VB energy/NN imports/NNS ./PUNCT");
  EXPECT_EQ(Tags("a move disputed by the United States"),
            "a/DT move/NN disputed/VBN by/IN the/DT United/NNP States/NNPS");
  EXPECT_EQ(Tags("Xinjiang, which shares a border"), "Xinjiang/NNP ,/PUNCT which/WDT shares/VBZ a/DT border/NN");
}

TEST(TaggerTest, ThatByContext) {
  Document doc = Tagged("It proves that some outside forces oppose any force that destabilizes Kazakhstan.");
  const Token* first = Find(doc, "that");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->tag, Tag::IN);
  const Token* second = nullptr;
  for (const Token& t : doc.tokens)
    if (doc.view(t.span) == "that" && &t != first) second = &t;
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->tag, Tag::WDT);
  ExpectTagLemma(doc, "destabilizes", Tag::VBZ, "destabilize");
  ExpectTagLemma(doc, "outside", Tag::JJ, "outside");
}

TEST(TaggerTest, PossessiveAndContractions) {
  Document doc = Tagged("the country\u2019s transfer of relations");
  ExpectTagLemma(doc, "country", Tag::NN, "country");
  ExpectTagLemma(doc, "\u2019s", Tag::POS, "'s");
  ExpectTagLemma(doc, "transfer", Tag::NN, "transfer");
  Document d2 = Tagged("China doesn't want it, and it's clear they won't.");
  ExpectTagLemma(d2, "does", Tag::VBZ, "do");
  ExpectTagLemma(d2, "n't", Tag::RB, "not");
  ExpectTagLemma(d2, "want", Tag::VB, "want");
  ExpectTagLemma(d2, "'s", Tag::VBZ, "be");
  ExpectTagLemma(d2, "wo", Tag::MD, "will");
}

TEST(TaggerTest, ModalsAndHave) {
  Document doc = Tagged("It might encourage the elite, and they would send troops after they had called.");
  ExpectTagLemma(doc, "encourage", Tag::VB, "encourage");
  ExpectTagLemma(doc, "send", Tag::VB, "send");
  ExpectTagLemma(doc, "called", Tag::VBN, "call");
  ExpectTagLemma(doc, "had", Tag::VBD, "have");
}

TEST(TaggerTest, CapitalizationAndUnknownWords) {
  EXPECT_EQ(Tags("Chinese President Xi Jinping told Kazakh President Kassym-Jomart Tokayev on Friday"),
            "Chinese/JJ President/NNP Xi/NNP Jinping/NNP told/VBD Kazakh/NNP President/NNP Kassym-Jomart/NNP "
            "Tokayev/NNP on/IN Friday/NNP");
  // Unknown lower-case words: suffix rules.
  Document doc = Tagged("the glorbish frobnication quickly snorbled and was zibbling");
  ExpectTagLemma(doc, "glorbish", Tag::JJ, "glorbish");
  ExpectTagLemma(doc, "frobnication", Tag::NN, "frobnication");
  ExpectTagLemma(doc, "quickly", Tag::RB, "quickly");
  ExpectTagLemma(doc, "zibbling", Tag::VBG, "zibbl");
  // A capitalized unknown word at the start of a sentence is a name; a known one keeps its tag.
  EXPECT_EQ(Tags("Tokayev said"), "Tokayev/NNP said/VBD");
  EXPECT_EQ(Tags("Authorities said"), "Authorities/NNS said/VBD");
  // Hyphenated adjectives, also when capitalized; numbers.
  EXPECT_EQ(Tags("a Russian-led bloc of 1,770 troops"), "a/DT Russian-led/JJ bloc/NN of/IN 1,770/CD troops/NNS");
}

TEST(TaggerTest, TitleCaseHeadline) {
  EXPECT_EQ(Tags("China Offers Security Support To Kazakhstan", true),
            "China/NNP Offers/VBZ Security/NN Support/NN To/TO Kazakhstan/NNP");
  EXPECT_EQ(Tags("China offers security support to Kazakhstan, opposes \u201coutside forces\u201d", true),
            "China/NNP offers/VBZ security/NN support/NN to/TO Kazakhstan/NNP ,/PUNCT opposes/VBZ \u201c/PUNCT "
            "outside/IN forces/NNS \u201d/PUNCT");
}

TEST(TaggerTest, SetsInLexiconAndLemmaViews) {
  Document doc = Tagged("Wang sent Qzxvkw troops.");
  const Token* sent = Find(doc, "sent");
  ASSERT_NE(sent, nullptr);
  EXPECT_TRUE(sent->has(Token::kInLexicon));
  const Token* unknown = Find(doc, "Qzxvkw");
  ASSERT_NE(unknown, nullptr);
  EXPECT_FALSE(unknown->has(Token::kInLexicon));
  EXPECT_EQ(unknown->lemma, "qzxvkw");
  // The lemma of a proper noun views the document's folded text.
  EXPECT_GE(unknown->lemma.data(), doc.folded().data());
  EXPECT_LT(unknown->lemma.data(), doc.folded().data() + doc.folded().size());
  for (const Token& t : doc.tokens) EXPECT_NE(t.tag, Tag::kUnknown) << doc.view(t.span);
}

TEST(TaggerTest, EveryTokenGetsATagAndLemma) {
  Document doc = Tagged("\u201cIf a color revolution leads to political democratization, it might encourage "
                        "the liberal-leaning intellectual elite in China to try something similar,\u201d he said.");
  for (const Token& t : doc.tokens) {
    EXPECT_NE(t.tag, Tag::kUnknown) << doc.view(t.span);
    EXPECT_FALSE(t.lemma.empty()) << doc.view(t.span);
  }
  ExpectTagLemma(doc, "leads", Tag::VBZ, "lead");
  ExpectTagLemma(doc, "liberal-leaning", Tag::JJ, "liberal-leaning");
  ExpectTagLemma(doc, "said", Tag::VBD, "say");
}

// Cases that once went wrong on wire sentences.
TEST(TaggerTest, WireSentenceRegressions) {
  // A word the WSJ lexicon saw once as VBZ; WordNet knows its noun.
  EXPECT_EQ(Tags("The inspectors want to re-examine it"), "The/DT inspectors/NNS want/VBP to/TO re-examine/VB it/PRP");
  // Plural subject and a base form: VBP; a verb right after a noun/verb word makes it the subject.
  EXPECT_EQ(Tags("The tanks head back"), "The/DT tanks/NNS head/VBP back/RB");
  EXPECT_EQ(Tags("after Calenardhon crowds burned its embassy"),
            "after/IN Calenardhon/NNP crowds/NNS burned/VBD its/PRP$ embassy/NN");
  // A pronoun subject takes the past tense, also after a verb of saying.
  EXPECT_EQ(Tags("Ethiopia indicated it deplored Libya"), "Ethiopia/NNP indicated/VBD it/PRP deplored/VBD Libya/NNP");
  // Nationality adjectives stay adjectives unless a name follows.
  EXPECT_EQ(Tags("the French military in Rwanda and Syrian President Assad"),
            "the/DT French/JJ military/NN in/IN Rwanda/NNP and/CC Syrian/NNP President/NNP Assad/NNP");
  EXPECT_EQ(Tags("Washington said such a step enjoyed support"),
            "Washington/NNP said/VBD such/PDT a/DT step/NN enjoyed/VBD support/NN");
  EXPECT_EQ(Tags("US and British activists staged a protest"),
            "US/NNP and/CC British/JJ activists/NNS staged/VBD a/DT protest/NN");
  EXPECT_EQ(Tags("a seven-week war and a 500-page report"), "a/DT seven-week/JJ war/NN and/CC a/DT 500-page/JJ report/NN");
  EXPECT_EQ(Tags("in favor of closer relations"), "in/IN favor/NN of/IN closer/JJR relations/NNS");
  EXPECT_EQ(Tags("They agree that territorial disputes should be resolved"),
            "They/PRP agree/VBP that/IN territorial/JJ disputes/NNS should/MD be/VB resolved/VBN");
  EXPECT_EQ(Tags("The Nasgul said the embargo would not work and warned that"),
            "The/DT Nasgul/NNP said/VBD the/DT embargo/NN would/MD not/RB work/VB and/CC warned/VBD that/IN");
  EXPECT_EQ(Tags("Gondor and Osgiliath have downplayed their meeting after a hafling was reported"),
            "Gondor/NNP and/CC Osgiliath/NNP have/VBP downplayed/VBN their/PRP$ meeting/NN after/IN a/DT hafling/NN "
            "was/VBD reported/VBN");
  EXPECT_EQ(Tags("condemned as ``unacceptable'' allegations"),
            "condemned/VBD as/IN ``/PUNCT unacceptable/JJ ''/PUNCT allegations/NNS");
}

// Past forms the lexicon's sources knew only as adjectives or nouns are verbs after a subject
// and participles after a determiner.
TEST(TaggerTest, PastFormsOutsideTheWsjLexicon) {
  EXPECT_EQ(Tags("Gunmen abducted three engineers"), "Gunmen/NNS abducted/VBD three/CD engineers/NNS");
  EXPECT_EQ(Tags("Norway mediated talks between them"), "Norway/NNP mediated/VBD talks/NNS between/IN them/PRP");
  EXPECT_EQ(Tags("Canada formally recognised the government"),
            "Canada/NNP formally/RB recognised/VBD the/DT government/NN");
  EXPECT_EQ(Tags("Protesters blockaded the port"), "Protesters/NNS blockaded/VBD the/DT port/NN");
  Document doc = Tagged("the blockaded port");
  ExpectTagLemma(doc, "blockaded", Tag::VBN, "blockade");
}

TEST(TaggerTest, RequiresTokens) {
  Document doc("t", "abc");
  doc.sentences.push_back({ByteSpan{0, 3}, 0, 5});
  EXPECT_FALSE(Tagger().Run(doc).ok());
}

// Readings are per-thread scratch reused from document to document: a document is tagged the same
// after a longer one as in a fresh thread, and a curly "’s" after "it" is the verb like "'s".
TEST(TaggerTest, ReusedScratchAndCurlyApostrophes) {
  const std::string short_text = "Kazakhstan said it\u2019s ready; China\u2019s envoy agreed.";
  const std::string first = Tags(short_text);
  Tags("OBAMA AIRDROPS FOOD as that there such a reopening of the disputed region, they said, and "
       "Experts say China fears instability while the French military in Rwanda stood by.");
  EXPECT_EQ(Tags(short_text), first);
  Document doc = Tagged(short_text);
  const Token* its = nullptr;
  for (const Token& t : doc.tokens)
    if (doc.view(t.span) == "\u2019s") {
      its = &t;
      break;
    }
  ASSERT_TRUE(its);
  EXPECT_EQ(its->tag, Tag::VBZ);
  ExpectTagLemma(doc, "envoy", Tag::NN, "envoy");
}

}  // namespace
}  // namespace dateline
