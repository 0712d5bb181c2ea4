# QEMU riscv32 virt: PLIC, CLINT, NS16550A UART, sifive_test finisher, virtio-rng.
list(APPEND CHIP_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/chip.c
    ${CMAKE_CURRENT_LIST_DIR}/clint.c
    ${CMAKE_CURRENT_LIST_DIR}/ns16550.c
    ${CMAKE_CURRENT_LIST_DIR}/plic.c
    ${CMAKE_CURRENT_LIST_DIR}/sifive_test.c
    ${CMAKE_CURRENT_LIST_DIR}/virtio_rng.c)
