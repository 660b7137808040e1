#include "resolve/quotes.h"

#include <string_view>

namespace dateline {

namespace {

constexpr uint32_t kNone = UINT32_MAX;
constexpr uint32_t kHeadline = UINT32_MAX - 1;  // the headline's paragraph key

// A span between one opening mark and its closing mark (or the end of the paragraph).
struct Piece {
  uint32_t open;         // token of the opening mark
  uint32_t close;        // token of the closing mark; kNone: the paragraph ended first
  uint32_t end;          // token after the last quoted token
  uint32_t first_sentence, last_sentence;
  uint32_t paragraph;    // paragraph key
};

struct Attribution {
  uint32_t sentence = 0;
  uint32_t speaker_begin = 0, speaker_end = 0;
  uint32_t addressee_begin = 0, addressee_end = 0;
  uint32_t appositive_begin = 0, appositive_end = 0;
  uint32_t end = 0;  // token after the attribution's last word
  bool found() const { return speaker_end > speaker_begin; }
};

class QuoteFinder {
 public:
  explicit QuoteFinder(const Document& doc) : doc_(doc) {}

  void Find(std::vector<Quote>* out) {
    CollectPieces();
    for (size_t i = 0; i < pieces_.size();) {
      Quote q;
      Attribution middle;
      size_t last = i;
      // Join the pieces that make one quotation: across an attribution between them, and
      // across a paragraph break the quotation runs over.
      while (last + 1 < pieces_.size()) {
        const Piece& p = pieces_[last];
        const Piece& n = pieces_[last + 1];
        if (p.close == kNone) {
          if (!OpensNextParagraph(p, n)) break;
        } else {
          if (n.paragraph != p.paragraph || n.open - p.close > 14) break;
          Attribution a = After(p.close + 1, n.open, true);
          if (!a.found() || a.end != n.open) break;
          if (!middle.found()) middle = a;
        }
        ++last;
      }
      const Piece& first = pieces_[i];
      const Piece& final_piece = pieces_[last];
      Attribution attribution = middle;
      if (!attribution.found() && final_piece.close != kNone)
        attribution = After(final_piece.close + 1, doc_.sentences[final_piece.last_sentence].token_end, false);
      if (!attribution.found()) attribution = Before(first.open, doc_.sentences[first.first_sentence].token_begin);

      uint32_t words = 0;
      for (size_t k = i; k <= last; ++k)
        for (uint32_t t = pieces_[k].open + 1; t < pieces_[k].end; ++t)
          if (!doc_.tokens[t].has(Token::kPunct)) ++words;
      const bool opens_sentence = first.open == doc_.sentences[first.first_sentence].token_begin;
      const bool keep = attribution.found() ? words >= 3 : opens_sentence && words >= 5;
      if (keep) {
        for (size_t k = i; k <= last; ++k) {
          const Piece& p = pieces_[k];
          const uint32_t b = p.open + 1, e = p.end;
          if (e > b) q.parts.push_back({doc_.tokens[b].span.begin, doc_.tokens[e - 1].span.end});
        }
        if (!q.parts.empty()) {
          q.span.begin = doc_.tokens[first.open].span.begin;
          q.span.end = final_piece.close != kNone ? doc_.tokens[final_piece.close].span.end
                                                  : doc_.tokens[final_piece.end - 1].span.end;
          q.sentence_begin = first.first_sentence;
          q.sentence_end = final_piece.last_sentence + 1;
          if (attribution.found()) {
            q.attributed = true;
            q.attribution_sentence = attribution.sentence;
            q.speaker_begin = attribution.speaker_begin;
            q.speaker_end = attribution.speaker_end;
            q.addressee_begin = attribution.addressee_begin;
            q.addressee_end = attribution.addressee_end;
            q.appositive_begin = attribution.appositive_begin;
            q.appositive_end = attribution.appositive_end;
          } else {
            // Kept in order with the attributed ones: attribution sentences never decrease.
            q.attribution_sentence = q.sentence_begin;
          }
          if (!attribution.found() && !out->empty() && first.paragraph != kHeadline) {
            // Unattributed, it continues the speaker of a quote in the paragraph before (or
            // earlier in its own).
            const Quote& prev = out->back();
            const uint32_t prev_paragraph = ParagraphOf(prev.sentence_end - 1);
            if (prev_paragraph != kHeadline && prev_paragraph + 1 >= first.paragraph)
              q.speaker_from = prev.speaker_from >= 0 ? prev.speaker_from : static_cast<int>(out->size() - 1);
          }
          out->push_back(std::move(q));
        }
      }
      i = last + 1;
    }
  }

 private:
  std::string_view Text(uint32_t t) const { return doc_.folded_view(doc_.tokens[t].span); }
  uint32_t ParagraphOf(uint32_t si) const {
    const Sentence& s = doc_.sentences[si];
    return s.headline ? kHeadline : s.paragraph;
  }
  // A double quote mark: “ ” „ « » " `` ''.
  bool DoubleMark(uint32_t t) const {
    const std::string_view w = Text(t);
    return w == "\"" || w == "``" || w == "''" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D" || w == "\xE2\x80\x9E" ||
           w == "\xC2\xAB" || w == "\xC2\xBB";
  }
  bool IsPunct(uint32_t t) const { return doc_.tokens[t].has(Token::kPunct); }
  bool Comma(uint32_t t) const { return IsPunct(t) && (Text(t) == "," || Text(t) == ":"); }
  bool Speech(uint32_t t) const {
    const Token& tok = doc_.tokens[t];
    return IsVerb(tok.tag) && IsSpeechVerb(tok.lemma);
  }
  // A word that can stand in a speaker's noun phrase ("Chinese state television", "he",
  // "the ministry's spokesman", "Li Mingjiang").
  bool NounPhraseWord(uint32_t t) const {
    const Token& tok = doc_.tokens[t];
    if (tok.has(Token::kOpenQuote) || tok.has(Token::kCloseQuote)) return false;
    if (tok.has(Token::kPunct)) return Text(t) == "." && t > 0 && !doc_.tokens[t - 1].has(Token::kPunct) &&
                                       doc_.tokens[t].span.begin == doc_.tokens[t - 1].span.end &&
                                       doc_.tokens[t - 1].span.size() == 1;  // "S." in a name
    const Tag g = tok.tag;
    return IsNoun(g) || IsAdjective(g) || g == Tag::DT || g == Tag::PRP || g == Tag::PRPS || g == Tag::POS ||
           g == Tag::CD || tok.has(Token::kCapitalized);
  }
  bool Auxiliary(uint32_t t) const {
    const Token& tok = doc_.tokens[t];
    if (tok.tag == Tag::RB || tok.tag == Tag::MD) return true;
    const std::string_view w = Text(t);
    return w == "has" || w == "have" || w == "had" || w == "was" || w == "is" || w == "were" || w == "would";
  }
  uint32_t SentenceOf(uint32_t t) const {
    uint32_t lo = 0, hi = static_cast<uint32_t>(doc_.sentences.size());
    while (hi - lo > 1) {
      const uint32_t mid = (lo + hi) / 2;
      if (doc_.sentences[mid].token_begin <= t) lo = mid;
      else hi = mid;
    }
    return lo;
  }
  // A noun phrase from `b` on: its end (== b when there is none). Stops at "of"/"at" unless
  // `of_ok` (then "Minister of Foreign Affairs" stays whole).
  uint32_t NounPhraseFrom(uint32_t b, uint32_t limit) const {
    uint32_t e = b;
    while (e < limit && e - b < 10 && NounPhraseWord(e)) {
      // A speech verb tagged as a noun ("Wang said") ends the phrase.
      if (e > b && Speech(e)) break;
      ++e;
    }
    return e;
  }

  // The attribution that follows a closing mark: [b, limit). With `whole`, it must fill the
  // range up to its final punctuation (between two parts of a quotation).
  Attribution After(uint32_t b, uint32_t limit, bool whole) const {
    Attribution a;
    uint32_t k = b;
    while (k < limit && Comma(k)) ++k;
    if (k >= limit) return a;
    a.sentence = SentenceOf(k);
    const uint32_t sentence_end = doc_.sentences[a.sentence].token_end;
    if (!whole) limit = std::min(limit, sentence_end);
    uint32_t verb = kNone, rest = k;
    if (Text(k) == "according" && k + 1 < limit && Text(k + 1) == "to") {  // “...,” according to X
      a.speaker_begin = k + 2;
      a.speaker_end = NounPhraseFrom(k + 2, limit);
      rest = a.speaker_end;
    } else if (Speech(k)) {  // “...,” said X
      verb = k;
      a.speaker_begin = k + 1;
      a.speaker_end = NounPhraseFrom(k + 1, limit);
      rest = a.speaker_end;
    } else {  // “...,” X said
      uint32_t e = NounPhraseFrom(k, limit);
      uint32_t v = e;
      while (v < limit && v - e < 3 && Auxiliary(v)) ++v;
      if (e == k || v >= limit || !Speech(v)) return a;
      verb = v;
      a.speaker_begin = k;
      a.speaker_end = e;
      rest = v + 1;
      if (Text(v) == "told" || doc_.tokens[v].lemma == "tell") {
        a.addressee_begin = rest;
        a.addressee_end = NounPhraseFrom(rest, limit);
        rest = a.addressee_end;
      }
    }
    if (!a.found()) return Attribution{};
    // ", associate professor at the S. Rajaratnam School ...": what the speaker is.
    if (rest < limit && Comma(rest) && verb != kNone && verb < a.speaker_begin) {
      uint32_t e = rest + 1;
      while (e < limit && !doc_.tokens[e].has(Token::kOpenQuote) && !(IsPunct(e) && Text(e) != "." && Text(e) != "-"))
        ++e;
      while (e > rest + 1 && IsPunct(e - 1)) --e;
      if (e > rest + 1) {
        a.appositive_begin = rest + 1;
        a.appositive_end = e;
        rest = e;
      }
    }
    // "in a statement", "on Monday", "in an interview with Reuters": words that end the
    // attribution before its punctuation.
    while (rest < limit && !IsPunct(rest) && !doc_.tokens[rest].has(Token::kOpenQuote) && !Speech(rest) &&
           rest - a.speaker_end < 8)
      ++rest;
    while (rest < limit && IsPunct(rest) && !doc_.tokens[rest].has(Token::kOpenQuote)) ++rest;
    a.end = rest;
    if (whole && rest != limit) return Attribution{};
    return a;
  }

  // The attribution before an opening mark at `open`, in its sentence from `sentence_begin`:
  // "X said: “", "X told Y, “", "X said that “", "According to X, “".
  Attribution Before(uint32_t open, uint32_t sentence_begin) const {
    Attribution a;
    if (open == sentence_begin) return a;
    uint32_t j = open;  // one past the last word before the mark
    while (j > sentence_begin && (Comma(j - 1) || Text(j - 1) == "that")) --j;
    if (j == sentence_begin) return a;
    a.sentence = SentenceOf(open);
    // "According to X, “..."
    if (Text(sentence_begin) == "according" && sentence_begin + 1 < j && Text(sentence_begin + 1) == "to") {
      a.speaker_begin = sentence_begin + 2;
      a.speaker_end = NounPhraseFrom(sentence_begin + 2, j);
      if (a.speaker_end != j) return Attribution{};
      a.end = open;
      return a;
    }
    // The speech verb: the last word before the mark, or before its addressee ("told
    // Tileuberdi:") or a short phrase ("said in a statement:"). A reported clause between verb
    // and mark ("said Japan should “look to the future”") makes the quoted words part of
    // indirect speech, not a quotation.
    uint32_t v = j;
    while (v > sentence_begin && j - v < 7 && !Speech(v - 1) &&
           (NounPhraseWord(v - 1) || doc_.tokens[v - 1].tag == Tag::IN))
      --v;
    if (v == sentence_begin || !Speech(v - 1)) return a;
    const uint32_t verb = v - 1;
    if (verb + 1 < j) {
      if (doc_.tokens[verb].lemma == "tell") {
        a.addressee_begin = verb + 1;
        a.addressee_end = NounPhraseFrom(verb + 1, j);
      } else if (doc_.tokens[verb + 1].tag != Tag::IN) {
        return a;
      }
    }
    uint32_t e = verb;
    while (e > sentence_begin && Auxiliary(e - 1)) --e;
    uint32_t b = e;
    while (b > sentence_begin && e - b < 10 && NounPhraseWord(b - 1)) --b;
    if (b == e) return Attribution{};
    a.speaker_begin = b;
    a.speaker_end = e;
    a.end = open;
    return a;
  }

  bool OpensNextParagraph(const Piece& p, const Piece& n) const {
    if (n.paragraph == kHeadline || p.paragraph == kHeadline || n.paragraph <= p.paragraph) return false;
    // n opens the first sentence of the paragraph that comes right after p's.
    const Sentence& s = doc_.sentences[n.first_sentence];
    if (n.open != s.token_begin) return false;
    for (uint32_t si = p.last_sentence + 1; si < n.first_sentence; ++si)
      if (doc_.sentences[si].token_end > doc_.sentences[si].token_begin) return false;
    return true;
  }

  void CollectPieces() {
    uint32_t open = kNone, open_sentence = 0, paragraph = kNone, prev_end = 0, prev_sentence = 0;
    for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
      const Sentence& s = doc_.sentences[si];
      if (s.token_end <= s.token_begin) continue;
      const uint32_t key = s.headline ? kHeadline : s.paragraph;
      if (open != kNone && key != paragraph) {
        pieces_.push_back({open, kNone, prev_end, open_sentence, prev_sentence, paragraph});
        open = kNone;
      }
      paragraph = key;
      for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
        const Token& t = doc_.tokens[k];
        if (!(t.has(Token::kOpenQuote) || t.has(Token::kCloseQuote)) || !DoubleMark(k)) continue;
        if (open == kNone) {
          if (t.has(Token::kOpenQuote)) {
            open = k;
            open_sentence = si;
          }
        } else if (t.has(Token::kCloseQuote)) {
          pieces_.push_back({open, k, k, open_sentence, si, key});
          open = kNone;
        } else {  // a second opening mark: the first was never closed
          open = k;
          open_sentence = si;
        }
      }
      prev_end = s.token_end;
      prev_sentence = si;
    }
    if (open != kNone) pieces_.push_back({open, kNone, prev_end, open_sentence, prev_sentence, paragraph});
  }

  const Document& doc_;
  std::vector<Piece> pieces_;
};

}  // namespace

bool IsSpeechVerb(std::string_view lemma) {
  static constexpr std::string_view kVerbs[] = {
      "say",     "tell",   "add",     "state",   "note",    "warn",   "declare", "insist",  "explain",
      "write",   "stress", "argue",   "announce", "reply",  "comment", "claim",  "acknowledge", "conclude",
      "remark",  "observe", "assert", "emphasize", "emphasise", "complain", "recall", "caution", "admit",
      "ask",     "continue"};
  for (std::string_view v : kVerbs)
    if (lemma == v) return true;
  return false;
}

void FindQuotes(const Document& doc, std::vector<Quote>* out) {
  out->clear();
  // Most sentences hold no quotation mark: a cheap look before any work.
  bool any = false;
  for (const Token& t : doc.tokens)
    if (t.has(Token::kOpenQuote)) {
      any = true;
      break;
    }
  if (!any) return;
  QuoteFinder(doc).Find(out);
}

}  // namespace dateline
