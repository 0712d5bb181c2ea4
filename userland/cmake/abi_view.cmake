# SPDX-License-Identifier: Apache-2.0
# Include view: userland sees the kernel's ABI headers (include/os/abi) and nothing else.
#
# ${CMAKE_BINARY_DIR}/views/userland/os/abi is a symlink to the repository's include/os/abi,
# so "os/abi/syscall.h" resolves and "os/capsule.h" does not (ARCHITECTURE.md 2.2).

set(USERLAND_VIEW ${CMAKE_BINARY_DIR}/views/userland)
file(REMOVE_RECURSE ${USERLAND_VIEW})
file(MAKE_DIRECTORY ${USERLAND_VIEW}/os)
file(CREATE_LINK ${USERLAND_REPO_ROOT}/include/os/abi ${USERLAND_VIEW}/os/abi SYMBOLIC)

# userland_headers: the include path every userland target uses.
add_library(userland_headers INTERFACE)
target_include_directories(userland_headers INTERFACE
    ${USERLAND_VIEW} ${CMAKE_CURRENT_SOURCE_DIR}/include)
