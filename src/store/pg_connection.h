// Private to src/store: a libpq connection of the PostgreSQL backend (pg_store.cpp writes
// through it, pg_query.cpp reads), with the few operations they need: simple statements,
// parameterised queries, COPY FROM STDIN, and a name for messages that never shows a password.
//
//   Result<std::unique_ptr<PgConnection>> c = PgConnection::Connect("postgresql://u@127.0.0.1:5432/events");
//   Result<PgResult> r = (*c)->Query("SELECT count(*) FROM articles WHERE outlet = $1", {"AFP"});
//   Status s = (*c)->Copy("COPY stories FROM STDIN", "1\t1\n");
#pragma once

#include <libpq-fe.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace dateline {

// True when `location` is a PostgreSQL connection URI (postgresql:// or postgres://): the
// event store and its readers then use PostgreSQL, else `location` is a SQLite file path.
// (StoreDisplayName, store.h, names either in messages; it is defined in pg_connection.cpp.)
bool IsPostgresLocation(std::string_view location);

struct PgResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, PgResultDeleter>;

class PgConnection {
 public:
  // Connects; the error names the server (StoreDisplayName) and says why.
  static Result<std::unique_ptr<PgConnection>> Connect(const std::string& uri);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  PGconn* get() const { return conn_; }
  // The server and database, for messages: postgresql://user@host:port/dbname.
  const std::string& name() const { return name_; }

  // Runs one or more statements without parameters (the simple query protocol); `what` says
  // what they do, for the error message. Run also returns the last statement's result.
  Status Exec(const std::string& sql, std::string_view what);
  Result<PgResult> Run(const std::string& sql, std::string_view what);
  // Runs one statement with text parameters (nullopt: NULL); the result of a query that
  // returns rows (or of a command). Values are never spliced into the SQL.
  Result<PgResult> Query(const std::string& sql, const std::vector<std::optional<std::string>>& params,
                         std::string_view what);
  // Runs one statement with text parameters in libpq's single-row mode, calling `row` with each
  // row's result (its row 0) as it arrives: large results are never held in memory together. The
  // first error, the statement's or `row`'s, stops it.
  Status ForEachRow(const std::string& sql, const std::vector<std::optional<std::string>>& params,
                    std::string_view what, const std::function<Status(const PGresult*)>& row);
  // COPY ... FROM STDIN with `data` in COPY's text format.
  Status Copy(const std::string& copy_sql, std::string_view data, std::string_view what);
  // The same in steps, to send rows while more are being made: CopyStart, CopySend any number of
  // times (whole rows or not), CopyEnd — which, given an `abort` message, cancels the COPY
  // instead (and the transaction is then in error: roll it back). Nothing else may run meanwhile.
  Status CopyStart(const std::string& copy_sql, std::string_view what);
  Status CopySend(std::string_view data, std::string_view what);
  Status CopyEnd(std::string_view what, const char* abort = nullptr);

  // "<name>: <what>: <libpq's message>".
  Status Error(std::string_view what, const PGresult* r = nullptr) const;

 private:
  PgConnection(PGconn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  PGconn* conn_;
  std::string name_;
};

// Appends `v` as a field of COPY's text format (backslash, tab, newline and carriage return
// escaped); AppendCopyNull appends \N.
void AppendCopyText(std::string& out, std::string_view v);
inline void AppendCopyNull(std::string& out) { out += "\\N"; }
// bytea in COPY's text format: \\x and hex digits.
void AppendCopyBytea(std::string& out, std::string_view bytes);

}  // namespace dateline
