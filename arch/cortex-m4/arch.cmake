# Cortex-M4 (ARMv7-M, PMSAv7 MPU), soft float: variant glue over arch/cortex-m.
set(ARCH_FAMILY cortex-m)
set(ARCH_TOOLCHAIN arm-none-eabi)
set(ARCH_FLAGS -mcpu=cortex-m4 -mthumb -mfloat-abi=soft)
