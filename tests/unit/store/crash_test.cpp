// Crash safety of `dateline ingest`: a run killed with SIGKILL at random moments, several times,
// and then run to completion leaves exactly the rows of an uninterrupted run (articles, events,
// quotes, stories and event clusters); running it once more changes nothing. Against SQLite and
// PostgreSQL (.../sqlite, .../postgres).
#include <gtest/gtest.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>
#include <vector>

#include "unit/store/store_test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Starts `dateline ingest CORPUS --db DB --threads 2`, its output to `log`; returns the child's pid.
pid_t StartIngest(const fs::path& corpus, const std::string& db, const fs::path& log) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
    }
    ::execl(DATELINE_BINARY, DATELINE_BINARY, "ingest", corpus.c_str(), "--db", db.c_str(), "--threads", "2",
            "--progress", "none", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

class IngestCrash : public testing::BackendTest {};
INSTANTIATE_TEST_SUITE_P(Backend, IngestCrash, testing::kBackends, testing::BackendName);

// The number of articles matching a full-text word, by the backend's own index.
std::string FullTextCount(const std::string& db, const std::string& word) {
  return testing::IsPostgres(db) ? "SELECT count(*) FROM articles WHERE dateline_fts(title, text) @@ "
                                   "to_tsquery('simple', '" + word + "')"
                                 : "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '" + word + "'";
}

TEST_P(IngestCrash, KilledRunsResumedGiveTheUninterruptedRunsRows) {
  const fs::path dir = dir_;
  constexpr int kArticles = 10000;
  const fs::path corpus = dir / "wire.jsonl", log = dir / "log.txt";
  std::ofstream(corpus, std::ios::binary) << testing::WireCorpus(kArticles);

  // The uninterrupted run, and how long it takes.
  const std::string reference = db_;
  const auto t0 = Clock::now();
  const int status = Wait(StartIngest(corpus, reference, log));
  const double run_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << testing::ReadFile(log);
  ASSERT_EQ(testing::QueryInt(reference, "SELECT count(*) FROM articles"), kArticles);
  // DumpStore covers stories and event clusters too: they must come out the same after kills.
  ASSERT_GT(testing::QueryInt(reference, "SELECT count(*) FROM event_clusters WHERE num_articles > 1"), 0);
  ASSERT_GT(testing::QueryInt(reference, "SELECT count(*) FROM stories"), 0);
  const std::string expected = testing::DumpStore(reference);

  // Killed runs, each starting over on the same database. The first two are killed at a random
  // moment early in a run (dictionary load, schema creation, first batches); the others once the
  // database holds a random, growing number of articles, plus a random 0-30 ms, so that the kill
  // falls anywhere in a batch's coding or its transaction.
  const std::string crashed = NewDb("crashed.db");
  ASSERT_FALSE(crashed.empty()) << skip_;
  const unsigned seed = std::random_device{}();
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  constexpr int kEarlyKills = 2, kProgressKills = 6;
  std::vector<long long> targets;
  for (int k = 0; k < kProgressKills; ++k) targets.push_back(static_cast<long long>(unit(rng) * 0.9 * kArticles));
  std::sort(targets.begin(), targets.end());
  auto stored = [&] {  // 0 while there is no database or no table yet
    return std::max(0LL, testing::QueryInt(crashed, "SELECT count(*) FROM articles"));
  };
  int partial = 0;  // kills that left some but not all of the articles stored
  std::string history;
  for (int k = 0; k < kEarlyKills + kProgressKills; ++k) {
    const pid_t pid = StartIngest(corpus, crashed, log);
    std::string when;
    if (k < kEarlyKills) {
      const double at = unit(rng) * 0.3 * run_seconds;
      std::this_thread::sleep_for(std::chrono::duration<double>(at));
      when = "at " + std::to_string(at) + " s";
    } else {
      const long long target = targets[k - kEarlyKills];
      const auto begin = Clock::now();
      while (stored() < target && std::chrono::duration<double>(Clock::now() - begin).count() < 30 &&
             ::waitpid(pid, nullptr, WNOHANG) == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      const int extra_ms = static_cast<int>(unit(rng) * 30);
      std::this_thread::sleep_for(std::chrono::milliseconds(extra_ms));
      when = "after " + std::to_string(target) + " articles + " + std::to_string(extra_ms) + " ms";
    }
    ::kill(pid, SIGKILL);
    const int killed = Wait(pid);
    const long long now_stored = stored();
    history += "kill " + std::to_string(k + 1) + " " + when + ": " + (WIFSIGNALED(killed) ? "killed" : "had finished") +
               ", " + std::to_string(now_stored) + " articles stored\n";
    if (WIFSIGNALED(killed) && now_stored < kArticles) ++partial;
  }
  std::cout << "seed " << seed << ", uninterrupted run " << run_seconds << " s\n" << history;
  EXPECT_GE(partial, kProgressKills - 1) << "kills did not land in the middle of the ingest:\n" << history;

  // The resumed run completes the database: the same rows as the uninterrupted run.
  const int resumed = Wait(StartIngest(corpus, crashed, log));
  ASSERT_TRUE(WIFEXITED(resumed) && WEXITSTATUS(resumed) == 0) << testing::ReadFile(log);
  EXPECT_TRUE(testing::DumpStore(crashed) == expected) << history;
  EXPECT_EQ(testing::QueryInt(crashed, FullTextCount(crashed, "delegates")), kArticles);

  // Once more: nothing changes.
  ASSERT_EQ(Wait(StartIngest(corpus, crashed, log)), 0) << testing::ReadFile(log);
  EXPECT_TRUE(testing::DumpStore(crashed) == expected);
}

}  // namespace
}  // namespace dateline
