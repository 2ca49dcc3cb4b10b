// doctest's main lives alone here: compiling it costs seconds, so it is built once.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
