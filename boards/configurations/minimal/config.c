/* SPDX-License-Identifier: Apache-2.0 */
/* The standard kernel without the process console, process info, GPIO and
 * low-level debug: console, alarm, LED, button, RNG and 4 process slots,
 * the board the footprint goal names (tools/bench.py, doc/benchmarks.md). */
#define KERNEL_MAIN_MINIMAL 1
#include "boards/common/kernel_main.c"
