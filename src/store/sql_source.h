// Private to src/store: what EventReader (query.h) needs of a database backend — running a
// parameterised query and reading its rows, and the few places where SQLite's and PostgreSQL's
// SQL differ. query.cpp builds every statement (filters, columns, grouping) once, in terms of
// this interface; query.cpp implements it for SQLite, pg_query.cpp for PostgreSQL.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"

namespace dateline {

using SqlParam = std::variant<std::string, int64_t>;

// The rows of a query, one at a time.
class SqlRows {
 public:
  virtual ~SqlRows() = default;
  // Moves to the next row: false after the last one, or on an error (then status() says which).
  virtual bool Next() = 0;
  virtual Status status() const = 0;
  // Column c (0-based) of the current row.
  virtual bool IsNull(int c) const = 0;
  virtual std::string_view Text(int c) const = 0;  // "" for NULL; valid until the next Next()
  virtual int64_t Int(int c) const = 0;       // 0 for NULL
  virtual double Real(int c) const = 0;       // 0 for NULL
};

// A read-only connection to an event database, and its SQL dialect.
class SqlSource {
 public:
  virtual ~SqlSource() = default;
  // The database, for messages (a path, or postgresql://user@host:port/dbname).
  virtual const std::string& name() const = 0;
  // Runs `sql` with `params` bound to its placeholders (Param(1), Param(2), ...).
  virtual Result<std::unique_ptr<SqlRows>> Query(const std::string& sql, const std::vector<SqlParam>& params) const = 0;

  // The placeholder of parameter n (1-based): ?n or $n.
  virtual std::string Param(size_t n) const = 0;
  // `expr` compared and ordered byte by byte (SQLite's BINARY collation; PostgreSQL's "C").
  virtual std::string Bytewise(const std::string& expr) const = 0;
  // "column equals the parameter, ASCII letters of either case equal" (SQLite's NOCASE).
  virtual std::string EqualsIgnoringCase(const std::string& column, const std::string& param) const = 0;
  // The condition "event e's article matches the full-text query in `param`", and the value to
  // bind for the user's query (SQLite: FTS5 syntax as given; PostgreSQL: converted to a
  // tsquery, or an error for what cannot be converted).
  virtual std::string TextMatches(const std::string& param) const = 0;
  virtual Result<std::string> TextQueryValue(const std::string& query) const = 0;
  // The Monday of the ISO week of the date `expr` (YYYY-MM-DD) as YYYY-MM-DD.
  virtual std::string WeekStart(const std::string& expr) const = 0;
  // A query of one integer: the stored articles the full-text index does not cover yet (SQLite
  // fills it in chunks; PostgreSQL's index is always complete: "SELECT 0").
  virtual std::string UnindexedArticlesSql() const = 0;
};

// PostgreSQL (pg_query.cpp): connects to `uri` for reading only.
Result<std::unique_ptr<SqlSource>> OpenPgSource(const std::string& uri);

}  // namespace dateline
