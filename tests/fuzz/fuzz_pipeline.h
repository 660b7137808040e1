// The fuzz entry points, shared by the libFuzzer targets (tests/fuzz/*_fuzz.cpp, built with
// -DDATELINE_FUZZ=ON and clang) and by the smoke test that runs them on every CI build
// (tests/unit/pipeline/fuzz_smoke_test.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace dateline::fuzz {

// Decodes the bytes as an article, runs every stage, writes the records to a string, and
// checks the invariants a consumer relies on (spans inside the text, events' sentences and
// spans valid, offsets monotone). Aborts on a violation.
void Article(const uint8_t* data, size_t size);

// Feeds the bytes to the JSON Lines reader as a file's contents.
void JsonLines(const uint8_t* data, size_t size);

// Parses the bytes as a dictionary file in the project's format and builds it.
void DictionaryFile(const uint8_t* data, size_t size);

}  // namespace dateline::fuzz
