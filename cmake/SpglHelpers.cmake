# Project-wide CMake helpers: one way to add a library of shared/, one way to add a test.
include_guard(GLOBAL)

set_property(GLOBAL PROPERTY SPGL_SHARED_TARGETS "")

# spgl_add_shared_library(<name> SOURCES ... [DEPS ...])
# A library of shared/: plain C++20, never Qt or Poco (checked at the end of configure).
function(spgl_add_shared_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(spgl_${name} STATIC ${ARG_SOURCES})
  add_library(spgl::${name} ALIAS spgl_${name})
  target_include_directories(spgl_${name} PUBLIC "${SPGL_SOURCE_DIR}/shared")
  target_compile_features(spgl_${name} PUBLIC cxx_std_20)
  set_target_properties(spgl_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
  if(ARG_DEPS)
    target_link_libraries(spgl_${name} PUBLIC ${ARG_DEPS})
  endif()
  set_property(GLOBAL APPEND PROPERTY SPGL_SHARED_TARGETS spgl_${name})
endfunction()

# Fails the configure step when a shared/ library links Qt or Poco, directly or through a dep.
function(spgl_check_shared_layering)
  get_property(targets GLOBAL PROPERTY SPGL_SHARED_TARGETS)
  foreach(t IN LISTS targets)
    set(seen "")
    set(queue ${t})
    while(queue)
      list(POP_FRONT queue cur)
      if(cur IN_LIST seen)
        continue()
      endif()
      list(APPEND seen ${cur})
      if(cur MATCHES "^(Qt6?::|Poco::)")
        message(FATAL_ERROR "Layering: shared library ${t} links ${cur}; shared/ must not use Qt or Poco")
      endif()
      if(TARGET ${cur})
        get_target_property(aliased ${cur} ALIASED_TARGET)
        if(aliased)
          list(APPEND queue ${aliased})
        endif()
        get_target_property(libs ${cur} INTERFACE_LINK_LIBRARIES)
        get_target_property(type ${cur} TYPE)
        if(NOT type STREQUAL "INTERFACE_LIBRARY")
          get_target_property(plibs ${cur} LINK_LIBRARIES)
          if(plibs)
            list(APPEND libs ${plibs})
          endif()
        endif()
        foreach(l IN LISTS libs)
          if(l AND NOT l MATCHES "^\\$<")
            list(APPEND queue ${l})
          endif()
        endforeach()
      endif()
    endwhile()
  endforeach()
endfunction()

# spgl_add_test(<tst_name> SOURCES ... [LIBS ...] [LABELS ...] [ENV ...]
#               [BACKENDS sqlite postgresql] [TIMEOUT s])
# One executable per unit. With BACKENDS, one ctest entry per storage backend
# (<name>:sqlite, <name>:postgresql); the postgresql one needs the private test cluster.
function(spgl_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV;BACKENDS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  target_compile_definitions(${name} PRIVATE
    SPGL_KIT_DIR="${SPGL_KIT_DIR}"
    SPGL_SOURCE_DIR="${SPGL_SOURCE_DIR}"
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY QT_USE_QSTRINGBUILDER QT_STRICT_ITERATORS)
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  # Tests run in a non-UTC zone on purpose: clocks must be computed in Beijing time regardless.
  set(env TZ=Asia/Urumqi QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 ${ARG_ENV})
  if(ARG_BACKENDS)
    foreach(backend IN LISTS ARG_BACKENDS)
      set(test_name ${name}:${backend})
      add_test(NAME ${test_name} COMMAND ${name})
      set(labels ${ARG_LABELS})
      if(backend STREQUAL "postgresql")
        list(APPEND labels postgres)
        set_tests_properties(${test_name} PROPERTIES FIXTURES_REQUIRED pgcluster)
      endif()
      set_tests_properties(${test_name} PROPERTIES
        LABELS "${labels}" TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "${env};SPGL_TEST_BACKEND=${backend};SPGL_TEST_PG=postgresql://postgres@127.0.0.1:${SPGL_TEST_PG_PORT}/postgres")
    endforeach()
  else()
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT ${ARG_TIMEOUT}
      ENVIRONMENT "${env}")
  endif()
endfunction()

# spgl_add_node_test(<tst_name> SCRIPT <file.mjs> [WORKING_DIRECTORY dir] [LABELS ...] [ENV ...]
#                    [TIMEOUT s])
# A test written in JavaScript for Node.js (the portal's browser and rule tests): the same
# environment conventions as spgl_add_test, plus SPGL_KIT_DIR, SPGL_SOURCE_DIR and
# SPGL_TEST_OUT (a folder of the build for screenshots and logs).
function(spgl_add_node_test name)
  cmake_parse_arguments(ARG "" "SCRIPT;WORKING_DIRECTORY;TIMEOUT" "LABELS;ENV" ${ARGN})
  find_program(SPGL_NODE node)
  if(NOT SPGL_NODE)
    message(STATUS "${name}: not added (node not found)")
    return()
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  if(NOT ARG_WORKING_DIRECTORY)
    get_filename_component(ARG_WORKING_DIRECTORY "${ARG_SCRIPT}" DIRECTORY)
  endif()
  set(out "${CMAKE_BINARY_DIR}/test-output/${name}")
  add_test(NAME ${name} COMMAND ${SPGL_NODE} "${ARG_SCRIPT}" WORKING_DIRECTORY "${ARG_WORKING_DIRECTORY}")
  set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT ${ARG_TIMEOUT}
    ENVIRONMENT "TZ=Asia/Urumqi;LANG=C.UTF-8;SPGL_KIT_DIR=${SPGL_KIT_DIR};SPGL_SOURCE_DIR=${SPGL_SOURCE_DIR};SPGL_TEST_OUT=${out};${ARG_ENV}")
endfunction()
