# CMSDK peripherals (ARM Cortex-M System Design Kit): APB UART, dual timer.
list(APPEND CHIP_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/dual_timer.c
    ${CMAKE_CURRENT_LIST_DIR}/uart.c)
