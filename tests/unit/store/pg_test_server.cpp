#include "unit/store/pg_test_server.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace dateline::testing {

namespace {

namespace fs = std::filesystem;

bool HasServerBinaries(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "initdb", ec) && fs::exists(dir / "pg_ctl", ec) && fs::exists(dir / "postgres", ec);
}

// The directory of initdb, pg_ctl and postgres, or "".
std::string FindBindir() {
  // Set, it decides (DATELINE_PG_BINDIR=none skips the PostgreSQL tests).
  if (const char* env = std::getenv("DATELINE_PG_BINDIR")) return HasServerBinaries(env) ? env : "";
  if (FILE* p = ::popen("pg_config --bindir 2>/dev/null", "r")) {
    char buf[512] = {};
    const bool got = std::fgets(buf, sizeof buf, p) != nullptr;
    ::pclose(p);
    std::string dir = got ? buf : "";
    while (!dir.empty() && (dir.back() == '\n' || dir.back() == ' ')) dir.pop_back();
    if (!dir.empty() && HasServerBinaries(dir)) return dir;
  }
  // Debian's layout: the newest major version.
  std::vector<std::pair<int, std::string>> found;
  std::error_code ec;
  for (fs::directory_iterator it("/usr/lib/postgresql", ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path bin = it->path() / "bin";
    if (HasServerBinaries(bin)) found.emplace_back(std::atoi(it->path().filename().c_str()), bin.string());
  }
  if (found.empty()) return "";
  return std::max_element(found.begin(), found.end())->second;
}

// A TCP port on 127.0.0.1 nobody listens on now (another process may take it before the server
// does: Start tries again).
int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  ::close(fd);
  return port;
}

std::string Quoted(const std::string& s) { return "'" + s + "'"; }  // our own paths: no quotes in them

std::string Tail(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  return s.size() > 2000 ? s.substr(s.size() - 2000) : s;
}

PgTestServer* g_server = nullptr;

class PgEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    if (g_server) g_server->Stop();
  }
};

[[maybe_unused]] ::testing::Environment* const kEnvironment = ::testing::AddGlobalTestEnvironment(new PgEnvironment);

}  // namespace

PgTestServer* PgTestServer::Get(std::string* why) {
  static std::string failure;
  if (g_server) return g_server;
  if (!failure.empty()) {
    *why = failure;
    return nullptr;
  }
  auto server = std::unique_ptr<PgTestServer>(new PgTestServer);
  if (!server->Start(&failure)) {
    server->Stop();
    *why = failure;
    return nullptr;
  }
  g_server = server.release();
  return g_server;
}

bool PgTestServer::Start(std::string* why) {
  bindir_ = FindBindir();
  if (bindir_.empty()) {
    *why = std::getenv("DATELINE_PG_BINDIR")
               ? "PostgreSQL tests skipped: no initdb/pg_ctl/postgres in $DATELINE_PG_BINDIR"
               : "PostgreSQL tests skipped: no initdb/pg_ctl found (install Debian's postgresql package, or set "
                 "DATELINE_PG_BINDIR)";
    return false;
  }
  char tmpl[] = "/tmp/dateline-pg-XXXXXX";
  if (!::mkdtemp(tmpl)) {
    *why = "cannot make a temporary directory for PostgreSQL";
    return false;
  }
  dir_ = tmpl;
  if (::geteuid() == 0) {
    const passwd* pw = ::getpwnam("postgres");
    if (!pw) {
      *why = "PostgreSQL tests skipped: running as root and there is no postgres user to run the server as";
      return false;
    }
    if (::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
      *why = "cannot give " + dir_ + " to the postgres user";
      return false;
    }
    as_postgres_ = "runuser -u postgres -- ";
  }
  const std::string pg_ctl = as_postgres_ + Quoted(bindir_ + "/pg_ctl") + " -D " + Quoted(dir_ + "/data");

  // The watchdog: waits until every write end of the pipe is closed — when Stop closes it, or
  // when this process ends in any way — then stops the server and deletes the directory.
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    *why = "cannot make a pipe for the PostgreSQL watchdog";
    return false;
  }
  const std::string script = "cat >/dev/null; cd / && " + pg_ctl + " -m immediate -w stop >/dev/null 2>&1; rm -rf " +
                             Quoted(dir_);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[0], 0);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::setsid();  // not killed with the test's process group
    ::execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[0]);
  watchdog_pipe_ = fds[1];
  watchdog_pid_ = pid;

  const std::string initdb = "cd " + Quoted(dir_) + " && " + as_postgres_ + Quoted(bindir_ + "/initdb") + " -D " +
                             Quoted(dir_ + "/data") + " -A trust -U postgres --no-sync -E UTF8 --locale=C > " +
                             Quoted(dir_ + "/initdb.log") + " 2>&1";
  if (std::system(initdb.c_str()) != 0) {
    *why = "initdb failed: " + Tail(dir_ + "/initdb.log");
    return false;
  }
  for (int attempt = 0; attempt < 5 && !running_; ++attempt) {
    port_ = FreePort();
    const std::string start = "cd " + Quoted(dir_) + " && " + pg_ctl + " -l " + Quoted(dir_ + "/server.log") +
                              " -w -t 60 -o " +
                              Quoted("-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) + " -k " + dir_ +
                                     " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB") +
                              " start > " + Quoted(dir_ + "/pg_ctl.log") + " 2>&1";
    running_ = std::system(start.c_str()) == 0;
  }
  if (!running_) {
    *why = "the PostgreSQL test server did not start: " + Tail(dir_ + "/server.log");
    return false;
  }
  return true;
}

std::string PgTestServer::CreateDatabase(std::string* why) {
  const std::string name = "t" + std::to_string(++databases_);
  const std::string base = "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/";
  PGconn* c = PQconnectdb((base + "postgres").c_str());
  std::string error;
  if (PQstatus(c) != CONNECTION_OK) {
    error = PQerrorMessage(c);
  } else {
    PGresult* r = PQexec(c, ("CREATE DATABASE " + name).c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK) error = PQresultErrorMessage(r);
    PQclear(r);
  }
  PQfinish(c);
  if (!error.empty()) {
    *why = "cannot create a test database: " + error;
    return "";
  }
  return base + name;
}

void PgTestServer::Stop() {
  if (watchdog_pipe_ >= 0) {
    ::close(watchdog_pipe_);
    watchdog_pipe_ = -1;
    int status = 0;
    ::waitpid(watchdog_pid_, &status, 0);
    watchdog_pid_ = -1;
  } else if (!dir_.empty()) {  // failed before the watchdog started
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  running_ = false;
}

}  // namespace dateline::testing
