# Header views: per-layer include roots made of symlinks into include/os.
#
# A library sees exactly the headers its layer may use (ARCHITECTURE.md 2.2):
# a capsule that writes #include "os/board/kernel.h" or "kernel/process.h"
# fails to compile because the file is simply not on its include path.

function(os_make_view name)
    set(root ${CMAKE_BINARY_DIR}/views/${name})
    file(REMOVE_RECURSE ${root})
    file(MAKE_DIRECTORY ${root}/os)
    foreach(entry IN LISTS ARGN)
        file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/os/${entry} ${root}/os/${entry} SYMBOLIC)
    endforeach()
    add_library(os_view_${name} INTERFACE)
    target_include_directories(os_view_${name} INTERFACE ${root})
endfunction()

set(OS_VIEW_COMMON compiler.h err.h abi)
os_make_view(userland abi)
os_make_view(arch ${OS_VIEW_COMMON} platform)
os_make_view(chip ${OS_VIEW_COMMON} platform hil debug.h deferred_call.h)
os_make_view(capsule ${OS_VIEW_COMMON} hil capsule.h capsule_rules.h debug.h deferred_call.h
             grant.h syscall_driver.h process_info.h capability.h format.h)
