#include "fuzz/fuzz_pipeline.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "dict/dictionary.h"
#include "input/input.h"
#include "output/output.h"
#include "pipeline/pipeline.h"

namespace dateline::fuzz {

namespace {

thread_local std::string_view current_input;

// On a violation, shows the input (escaped) so a smoke-test failure can be reproduced.
void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant violated: %s\ninput (%zu bytes): \"", what, current_input.size());
  for (char c : current_input.substr(0, 4096)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F && c != '"' && c != '\\') std::fputc(c, stderr);
    else std::fprintf(stderr, "\\x%02X", u);
  }
  std::fprintf(stderr, "\"\n");
  std::abort();
}

void CheckDocument(const Document& doc) {
  const uint32_t n = static_cast<uint32_t>(doc.text().size());
  Check(doc.folded().size() == n, "folded() has the text's length");
  uint32_t last_input = 0;
  for (uint32_t o = 0; o <= n; o += 1 + n / 64) {
    const uint32_t in = doc.input_offset(o);
    Check(in >= last_input, "input offsets are monotone");
    last_input = in;
  }
  for (const ByteSpan& p : doc.paragraphs) Check(p.begin <= p.end && p.end <= n, "paragraph inside the text");
  uint32_t previous_end = 0;
  for (const Sentence& s : doc.sentences) {
    Check(s.span.begin <= s.span.end && s.span.end <= n, "sentence inside the text");
    Check(s.token_begin <= s.token_end && s.token_end <= doc.tokens.size(), "sentence tokens in range");
    Check(s.span.begin >= previous_end || s.headline, "sentences in text order");
    previous_end = s.span.end;
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const ByteSpan& sp = doc.tokens[t].span;
      Check(sp.begin < sp.end && sp.end <= n, "token inside the text");
      Check(sp.begin >= s.span.begin && sp.end <= s.span.end, "token inside its sentence");
    }
  }
  for (const Event& e : doc.events) {
    Check(e.sentence < doc.sentences.size(), "event sentence exists");
    for (const ActorRef* a : {&e.source, &e.target})
      if (a->span) Check(a->span->begin <= a->span->end && a->span->end <= n, "actor span inside the text");
    Check(!e.code.empty(), "event has a code");
  }
}

const Pipeline& SharedPipeline() {
  static const Pipeline* p = [] {
    CoderOptions options;
    options.one_sided = true;
    options.all_modes = true;
    return new Pipeline(DefaultDictionary(), options);
  }();
  return *p;
}

}  // namespace

void Article(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  current_input = bytes;
  Document doc = DecodeArticle("fuzz", bytes);
  doc.publication_date = Date{2022, 1, 10};
  SharedPipeline().Process(doc);
  CheckDocument(doc);
  std::ostringstream out;
  OutputOptions opts;
  opts.articles = true;
  RecordWriter writer(out, opts);
  writer.Write(doc);
  Check(writer.events_written() == doc.events.size(), "every event written");
}

void JsonLines(const uint8_t* data, size_t size) {
  current_input = std::string_view(reinterpret_cast<const char*>(data), size);
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::ostringstream log, rejects;
  InputOptions opts;
  opts.format = InputFormat::kJsonl;
  opts.standard_input = &in;
  ArticleSource source({"-"}, opts, log, &rejects);
  uint64_t docs = 0;
  while (std::optional<Document> d = source.Next()) {
    ++docs;
    SharedPipeline().Process(*d);
    CheckDocument(*d);
  }
  Check(source.counters().documents == docs, "documents counted");
}

void DictionaryFile(const uint8_t* data, size_t size) {
  current_input = std::string_view(reinterpret_cast<const char*>(data), size);
  DictionaryBuilder b;
  b.AddFile("fuzz.dl", std::string_view(reinterpret_cast<const char*>(data), size));
  Result<Dictionary> d = std::move(b).Build();
  Check(d.ok(), "a dictionary always builds");
}

}  // namespace dateline::fuzz
