/* SPDX-License-Identifier: Apache-2.0 */
/* Layering probe: inline assembly in a capsule.
 * Built only by the negative build test; compilation must fail. */
#include "os/capsule.h"

void bad_asm_probe(void);

void bad_asm_probe(void)
{
    __asm__ volatile("nop");
}
