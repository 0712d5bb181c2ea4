# mps2 chip (ARM MPS2 FPGA images AN385/AN386/AN500): the chip contract.
list(APPEND CHIP_SOURCES ${CMAKE_CURRENT_LIST_DIR}/chip.c)
