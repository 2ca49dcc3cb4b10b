# What `cmake --install` puts where (docs/library.md and README.md, "Install"):
#   bin/claimgraph                                the tool
#   include/claimgraph/*.h                        the public headers, nothing from engine/<layer>/
#   lib/libclaimgraph.a                           every layer but cli, as one archive
#   lib/cmake/claimgraph/                         find_package(claimgraph CONFIG): claimgraph::claimgraph
#   lib/pkgconfig/claimgraph.pc                   the same for pkg-config
#   share/claimgraph/casefile.schema.json         for editors; the tool has its own copy compiled in
#   share/man/man1/claimgraph*.1.gz               made from the tool's --help (scripts/help-to-man)
#   share/bash-completion/completions/claimgraph  reads the commands and options from --help
# Components: "tool" (the binary and its data) and "development" (the rest), so that the
# Debian packages (cmake/ClaimgraphPackage.cmake) split the same way Debian's own do.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# --- One archive for embedding programs.
# One library rather than the seven layer archives: `-lclaimgraph` in pkg-config and one
# target in CMake, and the order in which the layers must be linked stays inside the build.
# It reuses the layers' object files, so it costs an `ar` run, not a second compilation.
get_property(claimgraph_library_layers GLOBAL PROPERTY CLAIMGRAPH_LAYERS)
list(REMOVE_ITEM claimgraph_library_layers claimgraph_cli)
set(claimgraph_library_objects "")
foreach(layer IN LISTS claimgraph_library_layers)
  list(APPEND claimgraph_library_objects "$<TARGET_OBJECTS:${layer}>")
endforeach()
add_library(claimgraph_library STATIC ${claimgraph_library_objects})
add_library(claimgraph::claimgraph ALIAS claimgraph_library)
set_target_properties(claimgraph_library PROPERTIES
  OUTPUT_NAME claimgraph EXPORT_NAME claimgraph LINKER_LANGUAGE CXX)
target_include_directories(claimgraph_library INTERFACE
  "$<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/engine/include>"
  "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
target_compile_features(claimgraph_library INTERFACE cxx_std_20)
if(CLAIMGRAPH_SANITIZE)
  # The objects call the sanitizer runtimes: whoever links them must link those too.
  target_link_options(claimgraph_library INTERFACE -fsanitize=address,undefined)
  set(CLAIMGRAPH_PC_SANITIZE_LIBS " -fsanitize=address,undefined")
endif()

# --- The libraries the layers link, as an embedding program must find them.
# Each entry (named by the target's C identifier, Boost::headers -> Boost__headers): the
# target a layer links; the CMake code that finds it for the installed
# package; its pkg-config modules; the Debian packages for running and for building.
# A layer linking a library not listed here stops the configuration, so that the package
# cannot silently lose a dependency: add the library below.
set(claimgraph_known_dependencies Boost::headers PkgConfig::GVC rapidjson_headers)
set(claimgraph_dependency_find_Boost__headers "find_dependency(Boost 1.74)")
set(claimgraph_dependency_pc_Boost__headers "")  # headers in the compiler's default path
set(claimgraph_dependency_find_PkgConfig__GVC [[
find_dependency(PkgConfig)
if(NOT TARGET PkgConfig::GVC)
  pkg_check_modules(GVC QUIET IMPORTED_TARGET libgvc libcgraph)
  if(NOT GVC_FOUND)
    set(claimgraph_FOUND FALSE)
    set(claimgraph_NOT_FOUND_MESSAGE "claimgraph needs Graphviz (pkg-config libgvc libcgraph; Debian: libgraphviz-dev)")
    return()
  endif()
endif()]])
set(claimgraph_dependency_pc_PkgConfig__GVC "libgvc libcgraph")
set(claimgraph_dependency_find_rapidjson_headers "")  # used inside the layers only
set(claimgraph_dependency_pc_rapidjson_headers "")
# The extraction layer's libraries (docs/extraction.md): ICU and libxml2 through pkg-config,
# Snowball by its library name (it ships no pkg-config file).
list(APPEND claimgraph_known_dependencies PkgConfig::ICU PkgConfig::XML stemmer)
foreach(module ICU:icu-uc+icu-i18n:libicu-dev XML:libxml-2.0:libxml2-dev)
  string(REPLACE ":" ";" parts "${module}")
  list(GET parts 0 prefix)
  list(GET parts 1 modules)
  list(GET parts 2 debian)
  string(REPLACE "+" " " modules "${modules}")
  set(claimgraph_dependency_find_PkgConfig__${prefix} "
find_dependency(PkgConfig)
if(NOT TARGET PkgConfig::${prefix})
  pkg_check_modules(${prefix} QUIET IMPORTED_TARGET ${modules})
  if(NOT ${prefix}_FOUND)
    set(claimgraph_FOUND FALSE)
    set(claimgraph_NOT_FOUND_MESSAGE \"claimgraph needs pkg-config ${modules} (Debian: ${debian})\")
    return()
  endif()
endif()")
  set(claimgraph_dependency_pc_PkgConfig__${prefix} "${modules}")
endforeach()
set(claimgraph_dependency_find_stemmer "")  # linked as -lstemmer (Debian: libstemmer-dev)
set(claimgraph_dependency_pc_stemmer "")
set(claimgraph_dependency_libs_stemmer " -lstemmer")

# The case store's SQLite (docs/store.md): CMake's own FindSQLite3 module, pkg-config sqlite3.
list(APPEND claimgraph_known_dependencies SQLite::SQLite3)
set(claimgraph_dependency_find_SQLite__SQLite3 "find_dependency(SQLite3)")
set(claimgraph_dependency_pc_SQLite__SQLite3 "sqlite3")
# The serve layer's HTTP library (docs/api.md): cpp-httplib through pkg-config, and threads.
list(APPEND claimgraph_known_dependencies PkgConfig::HTTPLIB Threads::Threads)
set(claimgraph_dependency_find_PkgConfig__HTTPLIB [[
find_dependency(PkgConfig)
if(NOT TARGET PkgConfig::HTTPLIB)
  pkg_check_modules(HTTPLIB QUIET IMPORTED_TARGET cpp-httplib)
  if(NOT HTTPLIB_FOUND)
    set(claimgraph_FOUND FALSE)
    set(claimgraph_NOT_FOUND_MESSAGE "claimgraph needs cpp-httplib (pkg-config cpp-httplib; Debian: libcpp-httplib-dev)")
    return()
  endif()
endif()]])
set(claimgraph_dependency_pc_PkgConfig__HTTPLIB "cpp-httplib")
set(claimgraph_dependency_find_Threads__Threads "find_dependency(Threads)")
set(claimgraph_dependency_pc_Threads__Threads "")
set(claimgraph_dependency_libs_Threads__Threads " -pthread")

set(CLAIMGRAPH_FIND_DEPENDENCIES "")
set(CLAIMGRAPH_PC_REQUIRES "")
set(CLAIMGRAPH_PC_LIBS "")
foreach(layer IN LISTS claimgraph_library_layers)
  get_target_property(layer_libraries ${layer} LINK_LIBRARIES)
  foreach(library IN LISTS layer_libraries)
    if(library IN_LIST claimgraph_library_layers OR library STREQUAL "claimgraph_cli")
      continue()
    endif()
    if(NOT library IN_LIST claimgraph_known_dependencies)
      message(FATAL_ERROR "${layer} links ${library}, which the installed claimgraph package "
        "does not know how to find: describe it in cmake/ClaimgraphInstall.cmake "
        "(claimgraph_known_dependencies) and its Debian package in cmake/ClaimgraphPackage.cmake")
    endif()
    if(library STREQUAL "rapidjson_headers")
      continue()
    endif()
    get_target_property(linked claimgraph_library INTERFACE_LINK_LIBRARIES)
    if(NOT library IN_LIST linked)
      target_link_libraries(claimgraph_library INTERFACE "${library}")
      string(MAKE_C_IDENTIFIER "${library}" key)
      string(APPEND CLAIMGRAPH_FIND_DEPENDENCIES "${claimgraph_dependency_find_${key}}\n")
      string(APPEND CLAIMGRAPH_PC_REQUIRES " ${claimgraph_dependency_pc_${key}}")
      string(APPEND CLAIMGRAPH_PC_LIBS "${claimgraph_dependency_libs_${key}}")
    endif()
  endforeach()
endforeach()
string(STRIP "${CLAIMGRAPH_PC_REQUIRES}" CLAIMGRAPH_PC_REQUIRES)

# --- Install rules.
install(TARGETS claimgraph RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT tool)
install(TARGETS claimgraph_library EXPORT claimgraphTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT development)
install(DIRECTORY engine/include/claimgraph DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  COMPONENT development FILES_MATCHING PATTERN "*.h")
install(FILES schemas/casefile.schema.json
  DESTINATION "${CMAKE_INSTALL_DATADIR}/claimgraph" COMPONENT tool)
install(FILES scripts/completion/claimgraph
  DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" COMPONENT tool)
install(FILES README.md DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT tool)
install(FILES docs/library.md DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT development)

set(claimgraph_cmake_dir "${CMAKE_INSTALL_LIBDIR}/cmake/claimgraph")
install(EXPORT claimgraphTargets NAMESPACE claimgraph:: DESTINATION "${claimgraph_cmake_dir}"
  COMPONENT development)
configure_package_config_file(cmake/claimgraphConfig.cmake.in
  "${CMAKE_CURRENT_BINARY_DIR}/package/claimgraphConfig.cmake"
  INSTALL_DESTINATION "${claimgraph_cmake_dir}")
# 0.x: every minor version may change the library's surface.
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/package/claimgraphConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/package/claimgraphConfig.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/package/claimgraphConfigVersion.cmake"
  DESTINATION "${claimgraph_cmake_dir}" COMPONENT development)

# The .pc file names its prefix relative to itself, so that it stays right under any
# `cmake --install --prefix` and inside a Debian package.
file(RELATIVE_PATH CLAIMGRAPH_PC_PREFIX_FROM_PCFILEDIR
  "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig" "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" CLAIMGRAPH_PC_PREFIX_FROM_PCFILEDIR "${CLAIMGRAPH_PC_PREFIX_FROM_PCFILEDIR}")
configure_file(cmake/claimgraph.pc.in "${CMAKE_CURRENT_BINARY_DIR}/package/claimgraph.pc" @ONLY)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/package/claimgraph.pc"
  DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig" COMPONENT development)

# --- Manual pages, made from the built tool's --help so that the two cannot differ.
find_package(Python3 3.9 REQUIRED COMPONENTS Interpreter)
set(CLAIMGRAPH_MAN_DIR "${CMAKE_CURRENT_BINARY_DIR}/man")
add_custom_command(
  OUTPUT "${CLAIMGRAPH_MAN_DIR}/pages.txt"
  COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_SOURCE_DIR}/scripts/help-to-man"
          --tool "$<TARGET_FILE:claimgraph>" --version "${PROJECT_VERSION}"
          --output "${CLAIMGRAPH_MAN_DIR}"
  DEPENDS claimgraph "${CMAKE_CURRENT_SOURCE_DIR}/scripts/help-to-man"
  COMMENT "Manual pages from claimgraph --help"
  VERBATIM)
add_custom_target(claimgraph_man_pages ALL DEPENDS "${CLAIMGRAPH_MAN_DIR}/pages.txt")
install(DIRECTORY "${CLAIMGRAPH_MAN_DIR}/" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1"
  COMPONENT tool FILES_MATCHING PATTERN "*.1.gz")
