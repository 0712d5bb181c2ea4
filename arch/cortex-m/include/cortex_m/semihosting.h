/* SPDX-License-Identifier: Apache-2.0 */
/* ARM semihosting calls used to end an emulator run with a status.
 *
 * Semihosting traps to the debugger or emulator with "bkpt 0xab", operation
 * number in r0 and parameter in r1. It only works when the host enables it
 * (QEMU: -semihosting-config enable=on,target=native); otherwise the bkpt
 * raises a HardFault. Privileged code only: from unprivileged code QEMU
 * refuses the call unless userspace=on is given.
 */
#pragma once

#include "os/compiler.h"

/* End the emulator with exit status status (SYS_EXIT_EXTENDED with reason
 * ADP_Stopped_ApplicationExit). Privileged, any context. If the host ignores
 * the request (a debugger without semihosting), spins with interrupts
 * masked; never returns. */
OS_NORETURN void cortex_m_semihosting_exit(int status);
