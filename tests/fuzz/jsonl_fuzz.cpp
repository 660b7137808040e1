// libFuzzer target: build with -DDATELINE_FUZZ=ON (clang), run build-fuzz/tests/fuzz/jsonl_fuzz.
#include "fuzz/fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dateline::fuzz::JsonLines(data, size);
  return 0;
}
