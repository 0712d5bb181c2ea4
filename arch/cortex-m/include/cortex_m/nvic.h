/* SPDX-License-Identifier: Apache-2.0 */
/* NVIC driver and the top/bottom-half split of peripheral interrupts.
 *
 * Every external interrupt vector points at one generic handler. That handler
 * does almost nothing: it masks the line in the NVIC (ICER) and records it in
 * a software pending mask, then returns. The chip's
 * chip_service_pending_interrupts(), running in the kernel main loop, takes
 * the pending lines one by one with cortex_m_nvic_take_pending(), calls the
 * peripheral driver's handler (which may call HIL clients) and then
 * re-enables the line with cortex_m_nvic_reenable(). Driver code therefore
 * never runs in interrupt context.
 *
 * A line fires only after the chip claimed it with cortex_m_nvic_enable().
 * An interrupt on a line nobody claimed is reported as a kernel fault
 * ("unexpected interrupt").
 */
#pragma once

/* Number of external interrupt lines the vector table provides. The NVIC of
 * a given core may implement fewer; lines beyond it can never fire. (Also
 * used by the vector table in vectors.S, hence before the C-only part.) */
#define CORTEX_M_IRQ_COUNT 64

#ifndef __ASSEMBLER__

#include <stdbool.h>
#include <stdint.h>

/* Claim external interrupt line irq for a driver and enable it in the NVIC,
 * discarding any stale pending state. Boot time (chip_init) or main loop.
 * irq must be < CORTEX_M_IRQ_COUNT; larger values stop the kernel with a
 * panic. */
void cortex_m_nvic_enable(uint32_t irq);

/* Disable line irq in the NVIC and drop its claim: it will not be serviced
 * again until re-enabled with cortex_m_nvic_enable(). A pending software
 * record is discarded. Main-loop context. */
void cortex_m_nvic_disable(uint32_t irq);

/* Whether any claimed line has fired and is waiting for its bottom half.
 * Any context; a few loads. */
bool cortex_m_nvic_has_pending(void);

/* Take the lowest-numbered line waiting for its bottom half and clear its
 * software record; the line stays masked in the NVIC. Returns the line
 * number, or -1 if none is pending. Main-loop context. The caller must call
 * cortex_m_nvic_reenable() with the result once the driver handled it. */
int32_t cortex_m_nvic_take_pending(void);

/* Unmask line irq again after its bottom half ran (the second half of
 * cortex_m_nvic_take_pending()): drops the NVIC pending state left over
 * from before the driver cleared its device, then enables the line. A
 * device still (or again) asserting the line makes it fire again at once.
 * Does nothing if the line was disabled with cortex_m_nvic_disable() in the
 * meantime. Main-loop context. */
void cortex_m_nvic_reenable(uint32_t irq);

/* Number of external lines this core's NVIC implements (from ICTR, capped at
 * CORTEX_M_IRQ_COUNT). Any context. */
uint32_t cortex_m_nvic_implemented_lines(void);

#endif /* __ASSEMBLER__ */
