/* SPDX-License-Identifier: Apache-2.0 */
/* Host fakes of the chip and arch contracts: captured output, caught halts. */
#pragma once

#include <setjmp.h>
#include <stddef.h>

/* Everything chip_early_write() received since the last reset. */
extern char fake_early_output[16384];
extern size_t fake_early_len;

/* Clear the captured output. */
void fake_early_reset(void);

/* chip_halt() longjmps here when armed; the status is the longjmp value
 * (status 0 is delivered as 256). */
extern jmp_buf fake_halt_jump;
extern int fake_halt_armed;

/* Run fn(); returns the halt status if it called chip_halt() (0 if not). */
int fake_run_expect_halt(void (*fn)(void));
