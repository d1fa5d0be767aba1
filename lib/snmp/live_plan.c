/* SPDX-License-Identifier: BSD-3-Clause */
/* The GETBULK plan and the agent's budget (live_plan.h). */
#include "snmp/live_plan.h"

/* The number in [lo, hi] divisible by the largest of these. */
static size_t roundest(size_t lo, size_t hi)
{
    static const size_t steps[] = {1000, 512, 500, 256, 250, 200, 128, 100, 64, 50,
                                   32,   25,  20,  16,  10,  8,   5,   4,   2};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        size_t v = hi / steps[i] * steps[i];
        if (v >= lo && v > 0)
            return v;
    }
    return lo;
}

size_t live_budget_get(const struct live_budget *b)
{
    size_t budget;
    if (b->bound == 0) {
        budget = 2 * b->proven;
        if (budget < LIVE_PLAN_FIRST_BUDGET)
            budget = LIVE_PLAN_FIRST_BUDGET;
    } else {
        budget = b->bound > b->proven ? roundest(b->proven, b->bound) : b->bound;
    }
    if (budget > LIVE_PLAN_MAX_BUDGET)
        budget = LIVE_PLAN_MAX_BUDGET;
    return budget < 1 ? 1 : budget;
}

static void lower_bound_to(struct live_budget *b, size_t bound)
{
    if (b->bound == 0 || bound < b->bound)
        b->bound = bound;
}

void live_budget_learn(struct live_budget *b, size_t columns, size_t reps, size_t got)
{
    if (got > b->proven)
        b->proven = got;
    if (columns == 0 || got >= columns * reps)
        return;
    /* Fell short: m whole rows of each column show a cap below c * (m + 1);
     * a message cut anywhere else shows it is about what it held. */
    lower_bound_to(b, got % columns == 0 ? got + columns - 1 : got);
    if (b->bound < b->proven)
        b->proven = b->bound;
}

void live_budget_halve(struct live_budget *b, size_t columns, size_t reps)
{
    size_t asked = columns * reps;
    size_t half = asked / 2 > 0 ? asked / 2 : 1;
    b->bound = half;
    if (b->proven > half)
        b->proven = half;
}

size_t live_plan_need(size_t seen, size_t rows, size_t guess)
{
    if (seen == 0)
        return 1;
    size_t total = rows;
    if (total < seen)
        total = guess > seen ? guess : 2 * seen;
    return total - seen + 1;
}

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

size_t live_plan_pick(const size_t *need, size_t n, size_t budget, size_t *pick, size_t *reps)
{
    *reps = 0;
    if (n == 0 || budget == 0)
        return 0;
    /* The columns by need, largest first (ties in their own order). */
    size_t *order = pick;
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j > 0 && need[order[j - 1]] < need[i]) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    size_t best_r = 1, best_k = 0, best_useful = 0, best_waste = 0;
    /* More repetitions than the neediest column needs only run past ends. */
    for (size_t r = 1; r <= budget && r <= need[order[0]]; r++) {
        size_t k = min_size(n, budget / r);
        size_t useful = 0;
        for (size_t i = 0; i < k; i++)
            useful += min_size(need[order[i]], r);
        size_t waste = k * r - useful;
        if (best_k == 0 || useful > best_useful || (useful == best_useful && waste < best_waste)) {
            best_r = r;
            best_k = k;
            best_useful = useful;
            best_waste = waste;
        }
    }
    /* The chosen columns back in their own order (the agent's answer
     * follows the request's). */
    for (size_t i = 1; i < best_k; i++) {
        size_t v = pick[i], j = i;
        while (j > 0 && pick[j - 1] > v) {
            pick[j] = pick[j - 1];
            j--;
        }
        pick[j] = v;
    }
    *reps = best_r;
    return best_k;
}
