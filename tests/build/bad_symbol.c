/* SPDX-License-Identifier: Apache-2.0 */
/* Layering probe: a capsule calling a chip function it may not use.
 * Built only by the negative build test; the symbol check must fail. */
#include "os/capsule.h"

void chip_halt(int status);
void bad_symbol_probe(void);

void bad_symbol_probe(void)
{
    chip_halt(0);
}
