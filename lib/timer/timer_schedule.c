/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_schedule.h"

#include <string.h>

void timer_schedule_init(struct timer_schedule *s, int64_t coarse_ns, bool adaptive)
{
    memset(s, 0, sizeof *s);
    s->coarse_ns = coarse_ns;
    s->adaptive = adaptive;
}

void timer_schedule_reset(struct timer_schedule *s)
{
    s->n = 0;
    s->settled = false;
}

int64_t timer_schedule_lead_ns(const struct timer_schedule *s, int64_t span_ns)
{
    return 2 * s->coarse_ns + (span_ns > 0 ? span_ns / 100 : 0);
}

static bool add_window(struct timer_schedule *s, int64_t from_ns, int64_t until_ns)
{
    if (s->n == TIMER_SCHEDULE_WINDOWS)
        return false;
    s->w[s->n++] = (struct timer_window){.from_ns = from_ns, .until_ns = until_ns};
    return true;
}

bool timer_schedule_expect(struct timer_schedule *s, int64_t at_ns, int64_t span_ns)
{
    int64_t lead = timer_schedule_lead_ns(s, span_ns);
    return add_window(s, at_ns - lead, at_ns + 2 * lead);
}

bool timer_schedule_carrier(struct timer_schedule *s, int64_t carrier_ns)
{
    return add_window(s, carrier_ns, carrier_ns + TIMER_CARRIER_WINDOW_NS);
}

void timer_schedule_settle(struct timer_schedule *s)
{
    s->settled = true;
}

/* Windows matter only to an adaptive, unsettled schedule whose coarse step
 * is longer than the fine one. */
static bool active(const struct timer_schedule *s)
{
    return s->adaptive && !s->settled && s->coarse_ns > TIMER_FINE_NS;
}

bool timer_schedule_fine_at(const struct timer_schedule *s, int64_t t_ns)
{
    if (!active(s))
        return false;
    for (size_t i = 0; i < s->n; i++)
        if (s->w[i].from_ns <= t_ns && t_ns < s->w[i].until_ns)
            return true;
    return false;
}

int64_t timer_schedule_next(const struct timer_schedule *s, int64_t due_ns)
{
    if (!active(s))
        return due_ns + s->coarse_ns;
    int64_t next = due_ns + (timer_schedule_fine_at(s, due_ns) ? TIMER_FINE_NS : s->coarse_ns);
    for (size_t i = 0; i < s->n; i++)
        if (s->w[i].from_ns > due_ns && s->w[i].from_ns < next)
            next = s->w[i].from_ns;
    return next;
}

int64_t timer_schedule_revise(const struct timer_schedule *s, int64_t planned_ns, int64_t now_ns)
{
    if (!active(s))
        return planned_ns;
    int64_t best = planned_ns;
    for (size_t i = 0; i < s->n; i++) {
        if (s->w[i].until_ns <= now_ns)
            continue;
        /* Open already: now, unless a fine step is planned anyway. */
        int64_t start = s->w[i].from_ns > now_ns ? s->w[i].from_ns : now_ns;
        if (start == now_ns && planned_ns - now_ns <= TIMER_FINE_NS)
            continue;
        if (start < best)
            best = start;
    }
    return best;
}

int64_t timer_schedule_stp_forwarding(int64_t enabled_ns, int64_t forward_delay_ns)
{
    return enabled_ns + 2 * forward_delay_ns;
}
