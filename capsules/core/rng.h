/* SPDX-License-Identifier: Apache-2.0 */
/* RNG capsule (driver 0x40001): random bytes for processes from an entropy HIL.
 *
 * Boards allocate struct rng (see components/rng.h); only rng.c reads or
 * writes its fields. The userspace ABI is at the top of rng.c.
 */
#pragma once

#include "os/capsule.h"
#include "os/hil/entropy.h"

/* Per-process state, in each process's grant. */
struct rng_app {
    bool pending;       /* a request is queued or being filled */
    uint32_t requested; /* bytes asked for (command 1 arg0) */
    uint32_t written;   /* bytes written into RW allow 0 so far */
};

struct rng {
    struct syscall_driver driver;     /* reached through the board's driver lookup */
    struct hil_entropy_client client; /* entropy_done from the source */
    struct hil_entropy *source;       /* hardware RNG or deterministic generator */
    struct grant *apps;               /* struct rng_app per process */
    uint32_t *words;                  /* kernel buffer the source fills */
    size_t num_words;                 /* its length in words */
    process_id_t owner;               /* process the request in flight serves, 0 = none */
    process_id_t last;                /* process served last (round robin) */
};

/* Initialise rng over source. words is a static kernel buffer of num_words
 * (>= 1) words, the most one source request asks for. apps is the RNG's
 * grant (RNG_GRANT_UPCALLS, RNG_GRANT_RO, RNG_GRANT_RW slots). Sets the
 * source's client. Boot time. */
void rng_init(struct rng *rng, struct hil_entropy *source, struct grant *apps, uint32_t *words,
              size_t num_words);

/* The grant geometry rng_init() expects. */
#define RNG_GRANT_UPCALLS 1
#define RNG_GRANT_RO 0
#define RNG_GRANT_RW 1
