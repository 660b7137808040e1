// Files compiled into the binary at build time (data/ and the generated lexicon), by
// cmake/embed.cmake. The bytes live in the binary's read-only data for the whole run.
//
//   std::optional<std::string_view> actors = EmbeddedFile("dict/actors.dl");
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace dateline {

struct EmbeddedEntry {
  std::string_view name;   // path relative to data/, or the bare name of a generated file
  std::string_view bytes;  // followed by a NUL byte that is not part of it
};

const std::vector<EmbeddedEntry>& EmbeddedFiles();

inline std::optional<std::string_view> EmbeddedFile(std::string_view name) {
  for (const EmbeddedEntry& e : EmbeddedFiles())
    if (e.name == name) return e.bytes;
  return std::nullopt;
}

}  // namespace dateline
