// Helpers shared by the tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace dateline::testing {

// ../shared beside the project: present for developers and CI, absent in a user's clone.
// Tests that need it call GTEST_SKIP() with a message when this returns an empty path.
inline std::filesystem::path SharedDir() {
  std::filesystem::path p(DATELINE_SHARED_DIR);
  std::error_code ec;
  return std::filesystem::is_directory(p, ec) ? p : std::filesystem::path();
}

inline std::filesystem::path SourceDir() { return std::filesystem::path(DATELINE_SOURCE_DIR); }

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace dateline::testing
