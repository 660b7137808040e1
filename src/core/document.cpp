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

Document::Document(std::string doc_id, std::string text, OffsetMap offsets)
    : id(std::move(doc_id)), text_(std::move(text)), offsets_(std::move(offsets)) {
  folded_ = text_;
  for (char& c : folded_)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
}

void Document::Warn(uint32_t text_offset, std::string message) {
  diagnostics.push_back({Diagnostic::Severity::kWarning, input_offset(text_offset), std::move(message)});
}

}  // namespace dateline
