// `dateline explain`: see explain_command.h.
#include "cli/explain_command.h"

#include "code/clauses.h"
#include "code/coder.h"
#include "core/tag.h"
#include "input/input.h"
#include "pipeline/pipeline.h"

namespace dateline {

namespace {

std::string ActorText(const Document& doc, const CoderTrace::Actor& a) {
  return std::string(doc.view(ByteSpan{doc.tokens[a.token_begin].span.begin, doc.tokens[a.token_end - 1].span.end}));
}

// "[2] China (CHN)", or "none".
std::string ActorLabel(const Document& doc, const std::vector<CoderTrace::Actor>& actors, int i) {
  if (i < 0 || static_cast<size_t>(i) >= actors.size()) return "none";
  const CoderTrace::Actor& a = actors[static_cast<size_t>(i)];
  std::string s = "[";
  s += std::to_string(i);
  s += "] \"";
  s += ActorText(doc, a);
  s += "\"";
  if (a.pronoun) {
    s += " (pronoun, resolved when the event is written)";
  } else {
    s += " (";
    s += a.code.empty() ? std::string("no code") : a.code;
    s += ")";
  }
  return s;
}

}  // namespace

int ExplainText(const Pipeline& pipeline, const std::string& text, const std::optional<Date>& date, std::ostream& out) {
  Document doc = DecodeArticle("explain", text);
  doc.publication_date = date;
  CoderTrace trace;
  pipeline.Explain(doc, &trace);
  const Dictionary& dict = pipeline.dictionary();

  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    out << "sentence " << si + 1 << (s.headline ? " (headline)" : "") << ": " << doc.view(s.span) << "\n";
    if (s.discarded) out << "  discarded: a discard phrase took the sentence out\n";

    out << "  tokens (word/TAG lemma):";
    for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
      const Token& t = doc.tokens[k];
      out << (k == s.token_begin ? "\n    " : "  ") << k - s.token_begin << ":" << doc.view(t.span) << "/" << TagName(t.tag);
      if (!t.lemma.empty() && t.lemma != doc.folded_view(t.span)) out << " " << t.lemma;
    }
    out << "\n";

    // The shallow parse: clauses, and comma-set segments inside them.
    const Clauses clauses = FindClauses(doc, s);
    out << "  clauses:";
    int clause = -1, segment = -1;
    for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
      const uint32_t o = k - s.token_begin;
      if (clauses.clause[o] != clause) {
        clause = clauses.clause[o];
        out << "\n    [" << clause << "]";
      }
      if (clauses.segment[o] != segment) {
        out << (clauses.segment[o] >= 0 ? " {" : " }");
        segment = clauses.segment[o];
      }
      out << " " << doc.view(doc.tokens[k].span);
    }
    if (segment >= 0) out << " }";
    out << "\n";

    const std::vector<CoderTrace::Actor> no_actors;
    const std::vector<CoderTrace::Actor>& actors = si < trace.actors.size() ? trace.actors[si] : no_actors;
    out << "  actors:" << (actors.empty() ? " none" : "") << "\n";
    for (size_t i = 0; i < actors.size(); ++i) {
      const CoderTrace::Actor& a = actors[i];
      out << "    [" << i << "] \"" << ActorText(doc, a) << "\" ";
      if (a.pronoun) out << "pronoun";
      else out << (a.code.empty() ? "(no code)" : a.code) << (a.name.empty() ? "" : " " + a.name);
      if (a.generic) out << " (a role with no country yet)";
      if (a.compound >= 0) out << " (compound " << a.compound << ")";
      for (const std::string& r : a.rules) out << "; " << r;
      out << "\n";
    }

    out << "  verbs:\n";
    bool any_verb = false;
    for (const CoderTrace::Verb& v : trace.verbs) {
      if (v.sentence != si) continue;
      any_verb = true;
      out << "    \"" << doc.view(doc.tokens[v.token].span) << "\" (token " << v.token - s.token_begin << ")\n";
      for (const CoderTrace::Try& t : v.tries) {
        const VerbPattern& p = dict.patterns()[t.pattern];
        out << "      " << dict.Where(p.where) << " [" << (p.code.empty() ? "---" : p.code) << "]: " << t.verdict << "\n";
      }
      out << "      => " << v.outcome;
      if (v.outcome == "pattern chosen")
        out << "; source " << ActorLabel(doc, actors, v.source) << ", target " << ActorLabel(doc, actors, v.target);
      out << "\n";
    }
    if (!any_verb) out << "    none: no word of the sentence heads a verb pattern\n";

    out << "  events:";
    bool any_event = false;
    for (const Event& e : doc.events) {
      if (e.sentence != si) continue;
      any_event = true;
      out << "\n    " << (e.source.code.empty() ? "---" : e.source.code) << " > "
          << (e.target.code.empty() ? "---" : e.target.code) << "  " << e.code << " (" << ModeName(e.mode) << ")";
      if (e.date.valid()) out << " " << e.date.ToString();
      if (e.quote) out << " in quote " << *e.quote;
      for (const std::string& r : e.rules) out << "\n      " << r;
      if (e.location)
        out << "\n      location " << e.location->name << ", " << e.location->country << " ("
            << LocationPrecisionName(e.location->precision) << ")";
    }
    out << (any_event ? "\n" : " none\n");
  }
  // Quotations with the speakers and addressees coreference gave them.
  for (size_t qi = 0; qi < doc.quotes.size(); ++qi) {
    const Quote& q = doc.quotes[qi];
    auto who = [&](const ActorRef& a) {
      std::string w = a.code.empty() ? "---" : a.code;
      if (!a.name.empty()) w += " " + a.name;
      if (a.span) w += " (\"" + std::string(doc.view(*a.span)) + "\")";
      return w;
    };
    out << "quote " << qi << " (sentences " << q.sentence_begin + 1 << "-" << q.sentence_end << "): speaker "
        << who(q.speaker) << ", addressee " << who(q.addressee) << "\n";
    for (const ByteSpan& p : q.parts) out << "  \"" << doc.view(p) << "\"\n";
  }
  for (const Diagnostic& d : doc.diagnostics) out << "note: " << d.message << "\n";
  return 0;
}

}  // namespace dateline
