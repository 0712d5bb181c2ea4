# Layer helpers: how each kind of library and image is built.

# Layers call each other both ways (kernel -> chip contract, chip -> kernel
# services), so images link the layer libraries as one rescanned group.
set(CMAKE_C_LINK_GROUP_USING_RESCAN "LINKER:--start-group" "LINKER:--end-group")
set(CMAKE_C_LINK_GROUP_USING_RESCAN_SUPPORTED TRUE)

# A capsule library: sees only the capsule view, is force-included with the
# poison rules, and after every build its undefined symbols are checked
# against tools/allow/capsules.txt.
function(os_capsule_library name)
    add_library(${name} STATIC ${ARGN})
    target_link_libraries(${name} PRIVATE os_view_capsule)
    target_compile_options(${name} PRIVATE -include os/capsule_rules.h)
    add_custom_command(TARGET ${name} POST_BUILD
        COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/check_symbols.py
                --nm ${CMAKE_NM} --allow ${PROJECT_SOURCE_DIR}/tools/allow/capsules.txt
                $<TARGET_FILE:${name}>
        VERBATIM)
endfunction()

# A kernel image for this board: the board's platform code, the given main
# sources, and every layer library, linked with the board's layout script.
function(os_add_image name)
    add_executable(${name} ${BOARD_PLATFORM_SOURCES} ${ARGN})
    set_target_properties(${name} PROPERTIES SUFFIX ".elf")
    target_include_directories(${name} PRIVATE
        ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/chips
        ${PROJECT_SOURCE_DIR}/arch/${ARCH_FAMILY}/include
        ${PROJECT_SOURCE_DIR}/boards/${BOARD} ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PRIVATE
        "$<LINK_GROUP:RESCAN,os_kernel,os_arch,os_chip,os_capsules,os_components,os_test_capsules>")
    target_link_options(${name} PRIVATE
        ${ARCH_FLAGS} --specs=picolibc.specs -nostartfiles
        -T${BOARD_LINKER_SCRIPT} -L${PROJECT_SOURCE_DIR}/arch/${ARCH_FAMILY}
        -Wl,--gc-sections -Wl,-Map=$<TARGET_FILE_DIR:${name}>/${name}.map
        -Wl,--no-warn-rwx-segments)
    set_target_properties(${name} PROPERTIES LINK_DEPENDS ${BOARD_LINKER_SCRIPT})
    add_custom_command(TARGET ${name} POST_BUILD
        COMMAND ${CMAKE_SIZE} $<TARGET_FILE:${name}>
        VERBATIM)
endfunction()
