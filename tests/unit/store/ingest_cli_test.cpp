// `dateline ingest` end to end: the summary lines, progress lines when stderr is not a terminal,
// a second run that adds nothing, and unusable arguments; into SQLite and PostgreSQL
// (.../sqlite, .../postgres).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "unit/store/store_test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

struct IngestRun {
  int status = -1;
  std::string err;
};

IngestRun Ingest(const fs::path& dir, const std::string& args) {
  const fs::path err = dir / "err.txt";
  const std::string cmd = std::string(DATELINE_BINARY) + " ingest " + args + " </dev/null >/dev/null 2>" + err.string();
  const int raw = std::system(cmd.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, testing::ReadFile(err)};
}

class IngestCommand : public testing::BackendTest {};
INSTANTIATE_TEST_SUITE_P(Backend, IngestCommand, testing::kBackends, testing::BackendName);

TEST_P(IngestCommand, StoresReportsProgressAndAddsNothingTheSecondTime) {
  const fs::path dir = dir_;
  const fs::path corpus = dir / "wire.jsonl";
  const std::string db = db_;
  std::ofstream(corpus, std::ios::binary) << testing::WireCorpus(300);
  const std::string args = corpus.string() + " --db " + db + " --batch 16 --progress-seconds 0";
  IngestRun first = Ingest(dir, args);
  EXPECT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("summary: documents 300,"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("store: " + db + " (schema version "), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("articles added 300, already stored 0"), std::string::npos) << first.err;
  // Not a terminal: plain progress lines with the share of the input read.
  EXPECT_NE(first.err.find("ingest: "), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("%, ETA "), std::string::npos) << first.err;
  EXPECT_EQ(first.err.find('\r'), std::string::npos);
  const std::string rows = testing::DumpStore(db);

  IngestRun second = Ingest(dir, args + " --progress none");
  EXPECT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.err.find("articles added 0, already stored 300"), std::string::npos) << second.err;
  EXPECT_EQ(second.err.find("ingest: "), std::string::npos) << second.err;
  EXPECT_TRUE(testing::DumpStore(db) == rows);

  EXPECT_EQ(Ingest(dir, corpus.string()).status, 2);  // --db is required
  EXPECT_EQ(Ingest(dir, args + " --progress sometimes").status, 2);
  if (testing::IsPostgres(db)) {
    // A database that does not exist on the server: named in the message, without the password.
    const std::string absent = db.substr(0, db.rfind('/') + 1) + "absent";
    const std::string with_password = "postgresql://postgres:secret@" + absent.substr(std::string("postgresql://postgres@").size());
    const IngestRun run = Ingest(dir, corpus.string() + " --db " + with_password);
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find(absent + ": cannot connect"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("secret"), std::string::npos) << run.err;
  } else {
    EXPECT_EQ(Ingest(dir, corpus.string() + " --db " + (dir / "no" / "such" / "dir.db").string()).status, 2);
  }
}

}  // namespace
}  // namespace dateline
