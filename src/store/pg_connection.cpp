#include "store/pg_connection.h"

#include <algorithm>

#include "store/store.h"

namespace dateline {

namespace {

std::string Trimmed(const char* message) {
  std::string m = message ? message : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  for (char& c : m)
    if (c == '\n') c = ' ';
  return m.empty() ? "unknown error" : m;
}

}  // namespace

bool IsPostgresLocation(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string StoreDisplayName(const std::string& location) {
  if (!IsPostgresLocation(location)) return location;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(location.c_str(), &error);
  if (!options) {
    PQfreemem(error);
    return "postgresql://(a URI libpq cannot parse)";
  }
  std::string user, host, port, dbname;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    const std::string_view k = o->keyword;
    if (k == "user") user = o->val;
    else if (k == "host" && host.empty()) host = o->val;
    else if (k == "hostaddr") host = o->val;
    else if (k == "port") port = o->val;
    else if (k == "dbname") dbname = o->val;
  }
  PQconninfoFree(options);
  std::string name = "postgresql://";
  if (!user.empty()) name += user + "@";
  name += host.empty() ? "localhost" : host;
  if (!port.empty()) name += ":" + port;
  return name + "/" + dbname;
}

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& uri) {
  const std::string name = StoreDisplayName(uri);
  PGconn* conn = PQconnectdb(uri.c_str());
  if (!conn) return IoError(name + ": cannot connect: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string m = name + ": cannot connect: " + Trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    return IoError(m);
  }
  // Notices (e.g. "relation already exists, skipping") are not the user's business.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(conn, name));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

Status PgConnection::Error(std::string_view what, const PGresult* r) const {
  const char* m = r ? PQresultErrorMessage(r) : nullptr;
  if (!m || !*m) m = PQerrorMessage(conn_);
  return IoError(name_ + ": " + std::string(what) + ": " + Trimmed(m));
}

Result<PgResult> PgConnection::Run(const std::string& sql, std::string_view what) {
  PgResult r(PQexec(conn_, sql.c_str()));
  const ExecStatusType st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return Error(what, r.get());
  return r;
}

Status PgConnection::Exec(const std::string& sql, std::string_view what) {
  Result<PgResult> r = Run(sql, what);
  return r.ok() ? Status::Ok() : r.status();
}

Result<PgResult> PgConnection::Query(const std::string& sql, const std::vector<std::optional<std::string>>& params,
                                     std::string_view what) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  PgResult r(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                          nullptr, 0));
  const ExecStatusType st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return Error(what, r.get());
  return r;
}

Status PgConnection::ForEachRow(const std::string& sql, const std::vector<std::optional<std::string>>& params,
                                std::string_view what, const std::function<Status(const PGresult*)>& row) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  if (!PQsendQueryParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                         nullptr, 0))
    return Error(what);
  (void)PQsetSingleRowMode(conn_);
  Status status = Status::Ok();
  bool cancelled = false;
  while (PGresult* raw = PQgetResult(conn_)) {
    PgResult r(raw);
    const ExecStatusType st = PQresultStatus(raw);
    if (!status.ok()) continue;  // draining after an error
    if (st == PGRES_SINGLE_TUPLE) {
      status = row(raw);
      if (!status.ok() && !cancelled) {  // stop the query: the rest is drained
        if (PGcancel* cancel = PQgetCancel(conn_)) {
          char buf[256];
          (void)PQcancel(cancel, buf, sizeof buf);
          PQfreeCancel(cancel);
        }
        cancelled = true;
      }
    } else if (st != PGRES_TUPLES_OK) {
      status = Error(what, raw);
    }
  }
  return status;
}

Status PgConnection::Copy(const std::string& copy_sql, std::string_view data, std::string_view what) {
  Status s = CopyStart(copy_sql, what);
  if (!s.ok()) return s;
  s = CopySend(data, what);
  const Status end = CopyEnd(what, s.ok() ? nullptr : "sending the rows failed");
  return s.ok() ? end : s;
}

Status PgConnection::CopyStart(const std::string& copy_sql, std::string_view what) {
  PgResult start(PQexec(conn_, copy_sql.c_str()));
  if (!start || PQresultStatus(start.get()) != PGRES_COPY_IN) return Error(what, start.get());
  return Status::Ok();
}

Status PgConnection::CopySend(std::string_view data, std::string_view what) {
  // In pieces of at most 1 MiB (an int length each).
  constexpr size_t kPiece = 1 << 20;
  for (size_t at = 0; at < data.size(); at += kPiece) {
    const size_t n = std::min(kPiece, data.size() - at);
    if (PQputCopyData(conn_, data.data() + at, static_cast<int>(n)) != 1) return Error(what);
  }
  return Status::Ok();
}

Status PgConnection::CopyEnd(std::string_view what, const char* abort) {
  if (PQputCopyEnd(conn_, abort) != 1) return Error(what);
  Status status = Status::Ok();
  while (PGresult* raw = PQgetResult(conn_)) {
    PgResult r(raw);
    if (PQresultStatus(raw) != PGRES_COMMAND_OK && status.ok()) status = Error(what, raw);
  }
  return status;
}

void AppendCopyText(std::string& out, std::string_view v) {
  size_t from = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    const char* esc = c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : nullptr;
    if (!esc) continue;
    out.append(v.data() + from, i - from);
    out += esc;
    from = i + 1;
  }
  out.append(v.data() + from, v.size() - from);
}

void AppendCopyBytea(std::string& out, std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\\\x";
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
}

}  // namespace dateline
