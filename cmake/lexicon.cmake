# The part-of-speech lexicon, built at build time from Debian packages:
#   festlex-poslex: /usr/share/festival/dicts/wsj.wp39.poslexR (word -> Penn tags with log probabilities)
#   wordnet-base:   /usr/share/wordnet (*.exc irregular forms, index.* lemmas)
# The host tool dateline-lexgen (src/tools/lexgen.cpp) compiles them into one binary file that
# is embedded into dateline (see cmake/embed.cmake) and read in place by src/token/lexicon.h.
set(DATELINE_POSLEX "/usr/share/festival/dicts/wsj.wp39.poslexR" CACHE FILEPATH "festlex-poslex lexicon")
set(DATELINE_WORDNET "/usr/share/wordnet" CACHE PATH "wordnet-base data folder")
foreach(f "${DATELINE_POSLEX}" "${DATELINE_WORDNET}/verb.exc" "${DATELINE_WORDNET}/index.noun")
  if(NOT EXISTS "${f}")
    message(FATAL_ERROR "${f} is missing: install festlex-poslex and wordnet-base (scripts/setup-deps.sh)")
  endif()
endforeach()

# tag.cpp is compiled in so that the generator and the library agree on the Tag values.
add_executable(dateline-lexgen src/tools/lexgen.cpp src/core/tag.cpp)
target_include_directories(dateline-lexgen PRIVATE src)
set(DATELINE_LEXICON_FILE "${CMAKE_BINARY_DIR}/lexicon.bin")
add_custom_command(
  OUTPUT "${DATELINE_LEXICON_FILE}"
  COMMAND dateline-lexgen --poslex "${DATELINE_POSLEX}" --wordnet "${DATELINE_WORDNET}" --out "${DATELINE_LEXICON_FILE}"
  DEPENDS dateline-lexgen "${DATELINE_POSLEX}"
          "${DATELINE_WORDNET}/index.noun" "${DATELINE_WORDNET}/index.verb" "${DATELINE_WORDNET}/index.adj"
          "${DATELINE_WORDNET}/index.adv" "${DATELINE_WORDNET}/noun.exc" "${DATELINE_WORDNET}/verb.exc"
          "${DATELINE_WORDNET}/adj.exc" "${DATELINE_WORDNET}/adv.exc"
  COMMENT "Compiling the lexicon from festlex-poslex and wordnet-base")
add_custom_target(dateline_lexicon DEPENDS "${DATELINE_LEXICON_FILE}")
