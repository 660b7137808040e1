#include <string_view>
// Placeholder: replaced by the real lexicon compiler.
#include <fstream>
int main(int argc, char** argv) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string_view(argv[i]) == "--out") std::ofstream(argv[i + 1]) << "";
  return 0;
}
