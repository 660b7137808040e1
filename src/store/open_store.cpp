// OpenStore: the backend a location names.
#include "store/pg_connection.h"
#include "store/pg_store.h"
#include "store/sqlite_store.h"
#include "store/store.h"

namespace dateline {

Result<std::unique_ptr<EventStore>> OpenStore(const std::string& location) {
  if (IsPostgresLocation(location)) return OpenPgStore(location);
  return OpenSqliteStore(location);
}

}  // namespace dateline
