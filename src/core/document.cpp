#include "core/document.h"

namespace dateline {

const char* ModeName(Mode m) {
  switch (m) {
    case Mode::kAsserted: return "asserted";
    case Mode::kFuture: return "future";
    case Mode::kHypothetical: return "hypothetical";
    case Mode::kNegated: return "negated";
  }
  return "asserted";
}

const char* LocationPrecisionName(LocationPrecision p) {
  switch (p) {
    case LocationPrecision::kCity: return "city";
    case LocationPrecision::kAdmin1: return "admin1";
    case LocationPrecision::kCountry: return "country";
  }
  return "country";
}

Document::Document(std::string doc_id, std::string text, OffsetMap offsets)
    : id(std::move(doc_id)), text_(std::move(text)), offsets_(std::move(offsets)) {
  folded_ = text_;
  // Branch-free, so that the compiler vectorizes it: adds 0x20 to the bytes 'A'..'Z'.
  for (char& c : folded_)
    c = static_cast<char>(c + ((static_cast<unsigned char>(c - 'A') < 26) << 5));
}

void Document::Warn(uint32_t text_offset, std::string message) {
  diagnostics.push_back({Diagnostic::Severity::kWarning, input_offset(text_offset), std::move(message)});
}

}  // namespace dateline
