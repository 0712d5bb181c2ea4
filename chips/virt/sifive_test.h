/* SPDX-License-Identifier: Apache-2.0 */
/* SiFive test finisher: the QEMU virt device that ends the emulator.
 *
 * One 32-bit register. QEMU exits with status 0 on 0x5555 and with status
 * code on (code << 16) | 0x3333; 0x7777 resets the machine. A bare 0x3333
 * (code 0) would exit 0, so failures never use code 0.
 */
#pragma once

#include <stdint.h>

#include "os/compiler.h"

/* End QEMU through the finisher at base. status 0 exits 0; any other
 * status exits with (status & 0xFF) as the host exit status, or 1 when
 * those bits are 0 (e.g. 256), so a failure is never reported as success.
 * Spins with wfi if the write has no effect (not running under QEMU).
 * Any context. */
OS_NORETURN void sifive_test_exit(uintptr_t base, int status);
