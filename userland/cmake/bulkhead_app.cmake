# SPDX-License-Identifier: Apache-2.0
# bulkhead_app(): build one userland app as NAME.elf (and NAME.tbf when elf2tbf exists).
#
#   bulkhead_app(<name>
#       SOURCES <file>...              C and assembly sources of the app
#       [STACK <bytes>]                stack size (default USERLAND_DEFAULT_STACK)
#       [APP_HEAP <bytes>]             heap the app may sbrk (default USERLAND_DEFAULT_APP_HEAP)
#       [KERNEL_HEAP <bytes>]          room for grants (default USERLAND_DEFAULT_KERNEL_HEAP)
#       [PACKAGE_NAME <name>]          TBF package name and APP_NAME (default <name>)
#       [RISCV_SLOT <k>]               riscv: link for board slot k (default 0)
#       [RISCV_FLASH <addr> RISCV_RAM <addr>]  riscv: explicit binary/RAM link addresses
#       [DEFINES <d>...]               extra compile definitions
#       [LIBRARIES <lib>...]           extra libraries (e.g. test helpers)
#       [TBF_ARGS <arg>...]            extra elf2tbf options (e.g. --priority 2)
#       [NO_LIBOS])                    no libos, no libc, no crt0: the app brings its _start
#
# Apps compile as C with APP_NAME="<package name>", APP_STACK_SIZE, and on riscv
# APP_RISCV_SLOT plus APP_NEIGHBOUR_FLASH / APP_NEIGHBOUR_RAM (the next slot's TBF start
# and RAM start). Every ELF is checked by tools/check_app.py after linking.

function(bulkhead_app name)
    cmake_parse_arguments(PARSE_ARGV 1 ARG "NO_LIBOS"
        "STACK;APP_HEAP;KERNEL_HEAP;PACKAGE_NAME;RISCV_SLOT;RISCV_FLASH;RISCV_RAM"
        "SOURCES;DEFINES;LIBRARIES;TBF_ARGS")
    foreach(opt STACK APP_HEAP KERNEL_HEAP)
        if(NOT DEFINED ARG_${opt})
            set(ARG_${opt} ${USERLAND_DEFAULT_${opt}})
        endif()
    endforeach()
    if(NOT ARG_PACKAGE_NAME)
        set(ARG_PACKAGE_NAME ${name})
    endif()
    if(NOT DEFINED ARG_RISCV_SLOT)
        set(ARG_RISCV_SLOT 0)
    endif()

    set(sources ${ARG_SOURCES})
    if(NOT ARG_NO_LIBOS)
        list(APPEND sources $<TARGET_OBJECTS:libos_crt0>)
    endif()
    add_executable(${name} ${sources})
    set_target_properties(${name} PROPERTIES SUFFIX .elf
        RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
        LINK_DEPENDS "${USERLAND_LINKER_SCRIPT};${CMAKE_SOURCE_DIR}/arch/app_sections.ld")
    target_link_libraries(${name} PRIVATE userland_headers userland_pic ${ARG_LIBRARIES})
    target_compile_definitions(${name} PRIVATE APP_NAME="${ARG_PACKAGE_NAME}"
        APP_STACK_SIZE=${ARG_STACK} ${ARG_DEFINES})

    set(link_flags ${USERLAND_ARCH_FLAGS} -nostartfiles -T${USERLAND_LINKER_SCRIPT}
        -L${CMAKE_SOURCE_DIR}/arch -Wl,--defsym=STACK_SIZE=${ARG_STACK}
        -Wl,--defsym=APP_HEAP_SIZE=${ARG_APP_HEAP} -Wl,--defsym=KERNEL_HEAP_SIZE=${ARG_KERNEL_HEAP}
        -Wl,-Map=${CMAKE_CURRENT_BINARY_DIR}/${name}.map ${USERLAND_ARCH_LINK_FLAGS})
    if(ARG_NO_LIBOS)
        list(APPEND link_flags -nostdlib)
    else()
        list(APPEND link_flags ${USERLAND_LIBC_FLAGS})
        target_link_libraries(${name} PRIVATE "$<LINK_GROUP:RESCAN,libos_sync,libos>")
    endif()
    if(USERLAND_ARCH STREQUAL "riscv")
        _bulkhead_riscv_addresses()
        list(APPEND link_flags -Wl,--defsym=APP_FLASH_ORIGIN=${flash}
            -Wl,--defsym=APP_RAM_ORIGIN=${ram})
    endif()
    target_link_options(${name} PRIVATE ${link_flags})

    add_custom_command(TARGET ${name} POST_BUILD
            COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/check_app.py
                $<TARGET_FILE:${name}>
            COMMENT "check_app ${name}.elf" VERBATIM)
    _bulkhead_tbf(${name})
endfunction()

# Link addresses for a riscv app (slot or explicit), and the neighbour slot's addresses.
macro(_bulkhead_riscv_addresses)
    bulkhead_riscv_slot_addresses(${ARG_RISCV_SLOT} flash ram)
    if(ARG_RISCV_FLASH)
        set(flash ${ARG_RISCV_FLASH})
    endif()
    if(ARG_RISCV_RAM)
        set(ram ${ARG_RISCV_RAM})
    endif()
    math(EXPR next_slot "${ARG_RISCV_SLOT} + 1")
    bulkhead_riscv_slot_addresses(${next_slot} next_flash next_ram)
    math(EXPR next_tbf "${next_flash} - ${USERLAND_RISCV_PROTECTED}" OUTPUT_FORMAT HEXADECIMAL)
    target_compile_definitions(${name} PRIVATE APP_RISCV_SLOT=${ARG_RISCV_SLOT}
        APP_NEIGHBOUR_FLASH=${next_tbf}u APP_NEIGHBOUR_RAM=${next_ram}u)
endmacro()

# NAME.tbf from NAME.elf, when the packer has been built (configure-time check).
function(_bulkhead_tbf name)
    if(NOT EXISTS ${ELF2TBF})
        return()
    endif()
    set(tbf ${CMAKE_CURRENT_BINARY_DIR}/${name}.tbf)
    add_custom_command(OUTPUT ${tbf}
        COMMAND ${ELF2TBF} --package-name ${ARG_PACKAGE_NAME} --stack ${ARG_STACK}
            --app-heap ${ARG_APP_HEAP} --kernel-heap ${ARG_KERNEL_HEAP} ${ARG_TBF_ARGS}
            -o ${tbf} $<TARGET_FILE:${name}>
        DEPENDS ${name} ${ELF2TBF}
        COMMENT "elf2tbf ${name}.tbf" VERBATIM)
    add_custom_target(${name}_tbf ALL DEPENDS ${tbf})
endfunction()
