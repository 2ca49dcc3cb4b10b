# claimgraph_embed_files(TARGET NAME FILE...)
#
# Compiles FILE... into TARGET at build time, so that an installed binary needs no data
# files beside it (the casefile schema today; the web page's assets and the extraction
# lexicons later). The files stay the only copy in the tree: the bytes are written into a
# generated source in the build folder whenever a file changes, never into the sources.
#
# TARGET's sources then include "embedded/NAME.h", which declares, in namespace
# claimgraph::embedded::NAME,
#   struct File { std::string_view name; std::string_view bytes; };
#   std::span<const File> Files();                            // every file, by name
#   std::optional<std::string_view> Find(std::string_view name);  // one file, or nullopt
# where a file's name is its file name without folders ("casefile.schema.json"). The bytes
# are followed by a '\0' that `bytes` does not count, so they can also be passed to C APIs.
#
# NAME must be a C++ identifier and the file names must be distinct.
set(CLAIMGRAPH_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/EmbedFilesScript.cmake")

function(claimgraph_embed_files target name)
  if(NOT name MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
    message(FATAL_ERROR "claimgraph_embed_files: '${name}' is not a C++ identifier")
  endif()
  if(NOT ARGN)
    message(FATAL_ERROR "claimgraph_embed_files(${target} ${name}): no files given")
  endif()
  set(files "")
  set(names "")
  foreach(file IN LISTS ARGN)
    cmake_path(ABSOLUTE_PATH file BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" OUTPUT_VARIABLE absolute)
    if(NOT EXISTS "${absolute}")
      message(FATAL_ERROR "claimgraph_embed_files(${target} ${name}): ${absolute} does not exist")
    endif()
    cmake_path(GET absolute FILENAME file_name)
    if(file_name MATCHES "[\"\\]")
      message(FATAL_ERROR "claimgraph_embed_files(${target} ${name}): a file name cannot hold '\"' or '\\': ${file_name}")
    endif()
    if(file_name IN_LIST names)
      message(FATAL_ERROR "claimgraph_embed_files(${target} ${name}): two files are named ${file_name}")
    endif()
    list(APPEND names "${file_name}")
    list(APPEND files "${absolute}")
  endforeach()

  set(include_dir "${CMAKE_CURRENT_BINARY_DIR}/embedded_include")
  set(header "${include_dir}/embedded/${name}.h")
  set(source "${CMAKE_CURRENT_BINARY_DIR}/embedded/embedded_${name}.cpp")
  # '|' rather than ';' between the files: a list would be split into separate arguments.
  string(REPLACE ";" "|" file_arguments "${files}")
  add_custom_command(
    OUTPUT "${header}" "${source}"
    COMMAND "${CMAKE_COMMAND}" "-DNAME=${name}" "-DFILES=${file_arguments}"
            "-DHEADER=${header}" "-DSOURCE=${source}" -P "${CLAIMGRAPH_EMBED_SCRIPT}"
    DEPENDS ${files} "${CLAIMGRAPH_EMBED_SCRIPT}"
    COMMENT "Embedding ${names} as embedded/${name}.h"
    VERBATIM)
  target_sources(${target} PRIVATE "${source}" "${header}")
  target_include_directories(${target} PRIVATE "${include_dir}")
endfunction()
