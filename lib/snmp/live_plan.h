/* SPDX-License-Identifier: BSD-3-Clause */
/* How many columns a GETBULK carries and how many rows of each: the
 * arithmetic alone, with no agent in it, so it can be tested by itself
 * (live_plan.c). Internal to lib/snmp.
 *
 * Agents cap what one answer holds. snmpsim and net-snmp's snmpd both cut
 * max-repetitions to floor(cap / columns) and leave the non-repeaters out
 * of the cap (snmpsim's --max-varbinds, 64 by default; snmpd's
 * maxGetbulkResponses, 100 by default); other agents stop when the
 * message is full, or answer tooBig. The budget learns the cap from the
 * answers; the plan spends it on the columns that still need the most
 * varbinds, so that every answer is full and no column runs far past its
 * end. */
#ifndef PR_SNMP_LIVE_PLAN_H
#define PR_SNMP_LIVE_PLAN_H

#include <stdbool.h>
#include <stddef.h>

/* Varbinds a first answer is planned for, before the agent has shown its
 * cap (snmpsim's default cap), and the most any answer is planned for. */
#define LIVE_PLAN_FIRST_BUDGET 64
#define LIVE_PLAN_MAX_BUDGET   1000

/* What the answers of one walk showed of the agent's cap on repeated
 * varbinds. Zeroed: nothing known yet. */
struct live_budget {
    size_t proven; /* the most repeated varbinds one answer held */
    size_t bound;  /* the cap is at most this; 0: no answer fell short */
};

/* Repeated varbinds the next request is planned for. Until an answer
 * falls short, twice the proven figure (at least LIVE_PLAN_FIRST_BUDGET),
 * so an agent without a cap is found out. Once one has, the cap lies
 * between the proven figure and the bound (an answer to c columns that
 * held m rows of each shows a cap of c * m to c * (m + 1) - 1): the
 * roundest number in that range, as caps are numbers someone configured
 * (64, 100), and an answer that falls short again narrows the range. Never
 * more than LIVE_PLAN_MAX_BUDGET. */
size_t live_budget_get(const struct live_budget *b);

/* An answer to columns x reps repeaters held got repeated varbinds. */
void live_budget_learn(struct live_budget *b, size_t columns, size_t reps, size_t got);

/* The agent answered columns x reps with tooBig, or held none of them:
 * the cap is below that, and the next plan asks half as many. */
void live_budget_halve(struct live_budget *b, size_t columns, size_t reps);

/* Varbinds a column still needs, its rows left and the one past its end
 * that shows it ended: seen rows read so far; rows the agent's count for
 * its table (ifNumber, dot1dBaseNumPorts, a finished sibling column), 0
 * when unknown; guess the rows to expect when the count is unknown or
 * already passed. A column not yet begun needs 1 as far as anyone knows
 * (it may be empty). At least 1. */
size_t live_plan_need(size_t seen, size_t rows, size_t guess);

/* Picks the columns of the next GETBULK among n whose needs are need[]:
 * writes their indices into pick[] (room for n, in the order of need[])
 * and returns how many; *reps is its max-repetitions. Chooses, over every
 * max-repetitions r, the columns with the largest needs, as many as fit
 * budget / r, so that the answer holds the most varbinds still needed;
 * of equal plans the one that runs past the fewest column ends, then the
 * one of fewest repetitions (more columns advance together and end
 * together). Returns 0 when n or budget is 0. */
size_t live_plan_pick(const size_t *need, size_t n, size_t budget, size_t *pick, size_t *reps);

#endif
