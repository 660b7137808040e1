// Stage: one step of the pipeline. A stage is immutable after construction and therefore safe
// to share between threads; all per-article state lives in the Document.
//
//   class Cleaner final : public Stage {
//    public:
//     Status Run(Document& doc) const override;
//     std::string_view name() const override { return "clean"; }
//   };
//
// A problem in one article is recorded on the Document (Document::Warn) and the run goes on;
// a non-ok Status means the stage could not run at all.
#pragma once

#include <string_view>

#include "core/document.h"
#include "core/status.h"

namespace dateline {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual Status Run(Document& doc) const = 0;
  virtual std::string_view name() const = 0;
};

}  // namespace dateline
