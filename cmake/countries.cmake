# The country names, built at build time from Debian's iso-codes package:
#   iso-codes: /usr/share/iso-codes/json/iso_3166-1.json (current countries and territories)
#              and iso_3166-3.json (former countries)
# The host tool dateline-countrygen (src/tools/countrygen.cpp) writes them as a dictionary,
# data/dict/iso-3166.dl in the build tree, taking CAMEO's code differences from the hand-written
# supplement (data/dict/countries.dl) and leaving out the names the supplement already lists.
# The file is embedded with the other dictionaries (cmake/embed.cmake), after the supplement.
set(DATELINE_ISO_CODES "/usr/share/iso-codes/json" CACHE PATH "iso-codes JSON folder")
foreach(f "${DATELINE_ISO_CODES}/iso_3166-1.json" "${DATELINE_ISO_CODES}/iso_3166-3.json")
  if(NOT EXISTS "${f}")
    message(FATAL_ERROR "${f} is missing: install iso-codes (scripts/install-deps.sh)")
  endif()
endforeach()

add_executable(dateline-countrygen src/tools/countrygen.cpp)
target_link_libraries(dateline-countrygen PRIVATE simdjson::simdjson)
set(DATELINE_COUNTRIES_SUPPLEMENT "${CMAKE_SOURCE_DIR}/data/dict/countries.dl")
set(DATELINE_COUNTRIES_FILE "${CMAKE_BINARY_DIR}/data/dict/iso-3166.dl")
add_custom_command(
  OUTPUT "${DATELINE_COUNTRIES_FILE}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${CMAKE_BINARY_DIR}/data/dict"
  COMMAND dateline-countrygen --iso3166-1 "${DATELINE_ISO_CODES}/iso_3166-1.json"
          --iso3166-3 "${DATELINE_ISO_CODES}/iso_3166-3.json"
          --supplement "${DATELINE_COUNTRIES_SUPPLEMENT}" --out "${DATELINE_COUNTRIES_FILE}"
  DEPENDS dateline-countrygen "${DATELINE_ISO_CODES}/iso_3166-1.json" "${DATELINE_ISO_CODES}/iso_3166-3.json"
          "${DATELINE_COUNTRIES_SUPPLEMENT}"
  COMMENT "Writing the ISO 3166 country names from iso-codes")
add_custom_target(dateline_countries DEPENDS "${DATELINE_COUNTRIES_FILE}")
