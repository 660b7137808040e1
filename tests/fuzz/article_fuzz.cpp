// libFuzzer target: build with -DDATELINE_FUZZ=ON (clang), run build-fuzz/tests/fuzz/article_fuzz.
#include "fuzz/fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dateline::fuzz::Article(data, size);
  return 0;
}
