# Debian packages from the install rules (cmake/ClaimgraphInstall.cmake), built by
# scripts/package with `cpack -G DEB`. Two packages, split as Debian splits its own tools and
# libraries:
#   claimgraph          the tool, its manual pages, bash completion, the schema  (component "tool")
#   libclaimgraph-dev   libclaimgraph.a, the headers, the CMake and pkg-config files  ("development")
# Dependencies are Debian package names with the oldest versions this was built against
# (Debian 12: Graphviz 2.42, Boost 1.74); dpkg-shlibdeps adds the C and C++ runtimes.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME claimgraph)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "claimgraph")
set(CPACK_PACKAGE_CONTACT "claimgraph maintainers <maintainers@claimgraph.example>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)  # executables only: CMake does not strip static archives
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL tool development)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # claimgraph_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)

set(CPACK_DEBIAN_TOOL_PACKAGE_NAME claimgraph)
set(CPACK_DEBIAN_TOOL_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_TOOL_PACKAGE_DEPENDS
  "libgvc6 (>= 2.42), libcgraph6 (>= 2.42), libicu72, libxml2 (>= 2.9), libstemmer0d (>= 2.2), libsqlite3-0 (>= 3.40), libcpp-httplib0.11 (>= 0.11.4)")
# `score --distributed` (engine/distributed/) links Open MPI into the tool only; the library
# package leaves that layer out and needs no MPI.
if(CLAIMGRAPH_MPI)
  string(APPEND CPACK_DEBIAN_TOOL_PACKAGE_DEPENDS ", libopenmpi3 (>= 4.1)")
endif()
set(CPACK_COMPONENT_TOOL_DESCRIPTION
  "source-claim provenance graphs for fact-checkers
claimgraph records which sources assert which claims, whom they took them from
and who controls them, then scores each claim by its independent origins. It
explains every score, runs truth-discovery methods, draws the graph (DOT, SVG,
PNG, PDF) and exports PROV-JSON, ClaimReview, GraphML and GEXF.")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libclaimgraph-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
  "libboost-dev (>= 1.74), libgraphviz-dev (>= 2.42), libicu-dev, libxml2-dev, libstemmer-dev, libsqlite3-dev, libcpp-httplib-dev (>= 0.11.4), pkg-config")
set(CPACK_COMPONENT_DEVELOPMENT_DESCRIPTION
  "source-claim provenance graph engine (static library and headers)
The claimgraph engine as a C++20 static library: load and check casefiles,
score claims by independent origins, render and export the graph. Provides
find_package(claimgraph) with the target claimgraph::claimgraph, and claimgraph.pc.")

find_program(CLAIMGRAPH_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(CLAIMGRAPH_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_TOOL_PACKAGE_SHLIBDEPS ON)
endif()

include(CPack)
