/* SPDX-License-Identifier: BSD-3-Clause */
/* Thresholds on a port's predicted blackout (--warning, --critical), in the
 * range syntax of the Monitoring Plugins development guidelines:
 *
 *   10      alert when the value is outside 0..10 (below 0 or above 10)
 *   10:     alert below 10
 *   ~:10    alert above 10
 *   10:20   alert outside 10..20
 *   @10:20  alert inside 10..20 (ends included)
 *
 * A breach adds the finding blackout-threshold to the port, critical or
 * warning, and the port's verdict follows (not-ready > unknown > warning >
 * ready): a port whose blackout breaks the critical range is not ready even
 * when its other findings are only warnings. */
#ifndef PR_RULES_THRESHOLD_H
#define PR_RULES_THRESHOLD_H

#include <stdbool.h>

#include "model/switch.h"
#include "util/error.h"

#define RULES_RANGE_TEXT_MAX 48

struct rules_range {
    bool set;
    bool inside;        /* '@': alert inside the range */
    bool low_infinite;  /* "~:N" */
    bool high_infinite; /* "N:" */
    double low, high;
    char text[RULES_RANGE_TEXT_MAX]; /* as given, for perfdata and messages */
};

struct rules_thresholds {
    struct rules_range warning;
    struct rules_range critical;
};

/* Parses a range (above). 0, or -1 with PR_ERR_USAGE naming what is wrong;
 * r is unset then. */
int rules_range_parse(const char *text, struct rules_range *r, struct pr_error *err);

/* Whether value raises an alert against r (false when r is not set). */
bool rules_range_alerts(const struct rules_range *r, double value);

/* Whether any threshold is set. t may be NULL. */
bool rules_thresholds_set(const struct rules_thresholds *t);

/* Judges the port's predicted blackout against t: the critical range first,
 * then the warning range; a breach adds one blackout-threshold finding,
 * placed by severity, and raises the verdict. Nothing when t sets no range
 * or the blackout is unknown. Returns -1 when the finding cannot be
 * allocated (the port is left as it was), else 0. */
int rules_apply_thresholds(struct pr_port *port, const struct rules_thresholds *t);

/* The same on every port of sw; -1 when any port failed. */
int rules_apply_thresholds_switch(struct pr_switch *sw, const struct rules_thresholds *t);

#endif
