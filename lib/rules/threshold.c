/* SPDX-License-Identifier: BSD-3-Clause */
#include "rules/threshold.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strutil.h"

/* One end of a range: a finite decimal number filling [text, end). */
static bool parse_number(const char *text, const char *end, double *out)
{
    if (text == end)
        return false;
    char buf[RULES_RANGE_TEXT_MAX];
    size_t len = (size_t)(end - text);
    if (len >= sizeof buf)
        return false;
    memcpy(buf, text, len);
    buf[len] = '\0';
    char *stop = NULL;
    double v = strtod(buf, &stop);
    if (stop != buf + len || !isfinite(v))
        return false;
    /* strtod takes hexadecimal and exponents; a threshold is plain decimal. */
    for (size_t i = 0; i < len; i++) {
        if (strchr("+-.0123456789", buf[i]) == NULL)
            return false;
    }
    *out = v;
    return true;
}

int rules_range_parse(const char *text, struct rules_range *r, struct pr_error *err)
{
    memset(r, 0, sizeof *r);
    if (text == NULL || strlen(text) >= sizeof r->text)
        return pr_error_set(err, PR_ERR_USAGE, "a range has at most %zu characters",
                            sizeof r->text - 1);
    struct rules_range out = {0};
    pr_strlcpy(out.text, text, sizeof out.text);
    const char *p = text;
    if (*p == '@') {
        out.inside = true;
        p++;
    }
    const char *colon = strchr(p, ':');
    const char *end = p + strlen(p);
    bool ok = false;
    if (colon == NULL) {
        /* "N": 0..N */
        ok = parse_number(p, end, &out.high);
    } else {
        if (colon == p + 1 && *p == '~') {
            out.low_infinite = true;
            ok = true;
        } else {
            ok = parse_number(p, colon, &out.low);
        }
        if (ok && colon + 1 == end)
            out.high_infinite = true;
        else if (ok)
            ok = parse_number(colon + 1, end, &out.high);
    }
    if (!ok)
        return pr_error_set(err, PR_ERR_USAGE,
                            "'%s' is not a range (N, N:, ~:N, N:M or @N:M, in seconds)", text);
    if (!out.low_infinite && !out.high_infinite && out.low > out.high)
        return pr_error_set(err, PR_ERR_USAGE, "range '%s': the start is above the end", text);
    out.set = true;
    *r = out;
    return 0;
}

bool rules_range_alerts(const struct rules_range *r, double value)
{
    if (r == NULL || !r->set)
        return false;
    bool above_low = r->low_infinite || value >= r->low;
    bool below_high = r->high_infinite || value <= r->high;
    bool within = above_low && below_high;
    return r->inside ? within : !within;
}

bool rules_thresholds_set(const struct rules_thresholds *t)
{
    return t != NULL && (t->warning.set || t->critical.set);
}

/* What an alert of r means, for the finding's message: "over 10 s". */
static void describe(const struct rules_range *r, char *buf, size_t len)
{
    if (r->inside) {
        if (r->low_infinite && r->high_infinite)
            snprintf(buf, len, "any value");
        else if (r->low_infinite)
            snprintf(buf, len, "at most %g s", r->high);
        else if (r->high_infinite)
            snprintf(buf, len, "at least %g s", r->low);
        else
            snprintf(buf, len, "from %g to %g s", r->low, r->high);
        return;
    }
    if (r->high_infinite && !r->low_infinite)
        snprintf(buf, len, "under %g s", r->low);
    else if (r->low_infinite && !r->high_infinite)
        snprintf(buf, len, "over %g s", r->high);
    else if (r->low_infinite)
        snprintf(buf, len, "no value");
    else if (r->low == 0)
        snprintf(buf, len, "over %g s", r->high);
    else
        snprintf(buf, len, "outside %g to %g s", r->low, r->high);
}

/* Inserts the finding before the first one of a lower severity, so the
 * port's findings stay most severe first. */
static int add_sorted(struct pr_port *port, enum pr_severity sev, const char *message,
                      const char *evidence)
{
    struct pr_finding *f = pr_port_add_finding(port, PR_F_BLACKOUT_THRESHOLD, sev);
    if (f == NULL)
        return -1;
    pr_strlcpy(f->message, message, sizeof f->message);
    pr_strlcpy(f->evidence, evidence, sizeof f->evidence);
    struct pr_finding moving = *f;
    size_t k = port->n_findings - 1;
    while (k > 0 && port->findings[k - 1].severity < moving.severity) {
        port->findings[k] = port->findings[k - 1];
        k--;
    }
    port->findings[k] = moving;
    return 0;
}

int rules_apply_thresholds(struct pr_port *port, const struct rules_thresholds *t)
{
    if (!rules_thresholds_set(t) || !port->expected_blackout_s.known)
        return 0;
    double blackout = (double)port->expected_blackout_s.value;
    const struct rules_range *hit = NULL;
    enum pr_severity sev = PR_SEV_WARNING;
    const char *option = "--warning";
    if (rules_range_alerts(&t->critical, blackout)) {
        hit = &t->critical;
        sev = PR_SEV_CRITICAL;
        option = "--critical";
    } else if (rules_range_alerts(&t->warning, blackout)) {
        hit = &t->warning;
    }
    if (hit == NULL)
        return 0;
    char what[80], message[PR_MESSAGE_MAX];
    describe(hit, what, sizeof what);
    snprintf(message, sizeof message,
             "the predicted blackout of %lld s breaks the %s threshold (%s %s: %s)",
             (long long)port->expected_blackout_s.value, pr_severity_name(sev), option, hit->text,
             what);
    if (add_sorted(port, sev, message, port->expected_blackout_s.evidence) != 0)
        return -1;
    if (sev == PR_SEV_CRITICAL)
        port->verdict = PR_VERDICT_NOT_READY;
    else if (port->verdict == PR_VERDICT_READY)
        port->verdict = PR_VERDICT_WARNING;
    return 0;
}

int rules_apply_thresholds_switch(struct pr_switch *sw, const struct rules_thresholds *t)
{
    int rc = 0;
    for (size_t i = 0; i < sw->n_ports; i++) {
        if (rules_apply_thresholds(&sw->ports[i], t) != 0)
            rc = -1;
    }
    return rc;
}
