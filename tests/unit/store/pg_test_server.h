// A throw-away PostgreSQL server for the store tests that run against PostgreSQL.
//
//   std::string skip;
//   PgTestServer* server = PgTestServer::Get(&skip);
//   if (!server) GTEST_SKIP() << skip;
//   std::string uri = server->CreateDatabase();   // postgresql://postgres@127.0.0.1:PORT/tN
//
// The server is started on first use, once per test process (ctest runs each test in a process
// of its own, and only the PostgreSQL tests start one): initdb into a fresh temporary directory
// and pg_ctl start, listening on 127.0.0.1 only, on a free port, with its unix socket in that
// directory and fsync off. When running as root both run as the `postgres` user (initdb refuses
// root). PostgreSQL's binaries are found in $DATELINE_PG_BINDIR (when set, only there:
// DATELINE_PG_BINDIR=none skips), `pg_config --bindir`, or /usr/lib/postgresql/*/bin; without
// them the tests skip with a message.
//
// The server is stopped and its directory deleted by a GoogleTest environment at the end of the
// test program — and, should the program crash or be killed, by a watchdog process that waits
// for the program's end (a pipe closing) and then stops the server: no server is left behind.
#pragma once

#include <string>

namespace dateline::testing {

class PgTestServer {
 public:
  // The process's server, started if need be; nullptr (and the reason in *why) when PostgreSQL
  // is not installed or the server could not start.
  static PgTestServer* Get(std::string* why);

  // A new, empty database; its URI. An empty string on failure (the reason in *why).
  std::string CreateDatabase(std::string* why);

  int port() const { return port_; }

  // Stops the server and deletes its directory (the environment's TearDown).
  void Stop();

 private:
  PgTestServer() = default;
  bool Start(std::string* why);

  std::string dir_, bindir_, as_postgres_;  // as_postgres_: "runuser -u postgres -- " or ""
  int port_ = 0;
  int watchdog_pipe_ = -1;  // the write end: closing it makes the watchdog stop the server
  int watchdog_pid_ = -1;
  int databases_ = 0;
  bool running_ = false;
};

}  // namespace dateline::testing
