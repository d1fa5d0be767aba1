/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_svg.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>

#define SVG_WIDTH    960
#define MARGIN_LEFT  70
#define MARGIN_RIGHT 20
#define PLOT_WIDTH   (SVG_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)

/* Font sizes (px), as the style sheet below sets them. */
#define FONT_TITLE  14
#define FONT_LEGEND 10
#define FONT_EVENT  9

/* No text may cover another, so every label is placed with an estimate of
 * its width: a character of sans-serif text is at most about 0.6 of the
 * font size wide (digits and most letters are 0.5-0.56). */
#define CHAR_EM 0.6

/* A panel, from its top: the title, LABEL_ROWS rows of event labels (each
 * label in the first row where it covers no other), the ICMP and ARP
 * lanes, the axis and its labels. */
#define LABEL_ROWS   5
#define LABEL_TOP    30 /* baseline of the first row */
#define LABEL_STEP   11
#define LANE_ICMP    82
#define LANE_ARP     104
#define LANE_HEIGHT  16
#define AXIS_Y       126
#define PANEL_HEIGHT 150
#define ROW_LABELS   8 /* labels a row can hold; a panel has five events at most */

/* The header: the title, then the legend in rows of LEGEND_STEP. */
#define LEGEND_TOP  39 /* baseline of the first row */
#define LEGEND_STEP 14

struct panel {
    int64_t t0, t1; /* drawn range */
    int64_t origin; /* axis zero */
    double y;       /* top of the panel */
};

struct event {
    const char *label;
    int64_t at;
};

static void xml_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&apos;", out);
            break;
        default:
            fputc(*s, out);
        }
    }
}

static double text_width(const char *text, double font_px)
{
    return (double)strlen(text) * font_px * CHAR_EM;
}

static double x_of(const struct panel *p, int64_t t)
{
    double span = (double)(p->t1 - p->t0);
    if (span <= 0)
        span = 1;
    return MARGIN_LEFT + (double)(t - p->t0) * PLOT_WIDTH / span;
}

int64_t timer_svg_tick_step(int64_t span_ns)
{
    static const int64_t mult[] = {1, 2, 5};
    int64_t decade = 1000000; /* 1 ms */
    for (;;) {
        for (int i = 0; i < 3; i++) {
            int64_t step = decade * mult[i];
            if (span_ns / step <= 10)
                return step;
        }
        if (decade > INT64_C(1000000000000))
            return decade * 10;
        decade *= 10;
    }
}

static void axis(FILE *out, const struct panel *p)
{
    double y = p->y + AXIS_Y;
    fprintf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n",
            MARGIN_LEFT, y, SVG_WIDTH - MARGIN_RIGHT, y);
    int64_t step = timer_svg_tick_step(p->t1 - p->t0);
    /* First tick: the smallest multiple of step (from origin) >= t0. */
    int64_t k = (p->t0 - p->origin) / step;
    if (p->origin + k * step < p->t0)
        k++;
    for (int64_t t = p->origin + k * step; t <= p->t1; t += step) {
        double x = x_of(p, t);
        double s = (double)(t - p->origin) / 1e9;
        fprintf(out,
                "<line class=\"tick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                "<text class=\"ticklabel\" x=\"%.1f\" y=\"%.1f\">%g s</text>\n",
                x, y, x, y + 4, x, y + 15, s);
    }
}

/* A probe answered more than LATE after it was sent sat in a queue (the
 * kernel holds packets while it resolves the neighbour): drawn apart, so
 * the answered bar starts where the path really opened. */
#define LATE (100 * INT64_C(1000000))

static const char *probe_fate(const struct timer_probe *p)
{
    if (p->send_failed)
        return "refused";
    if (p->reply_ns == TIMER_NONE)
        return "lost";
    return p->reply_ns - p->sent_ns > LATE ? "late" : "answered";
}

/* Bars of consecutive probes of one kind sharing a fate. */
static void lane(FILE *out, const struct panel *p, const struct timer_probes *probes,
                 enum timer_probe_kind kind, double y, int64_t interval_ns)
{
    size_t i = 0;
    while (i < probes->n) {
        const struct timer_probe *first = &probes->v[i];
        if (first->kind != kind) {
            i++;
            continue;
        }
        const char *fate = probe_fate(first);
        int64_t end = first->sent_ns + interval_ns;
        size_t count = 0;
        size_t j = i;
        for (; j < probes->n; j++) {
            const struct timer_probe *q = &probes->v[j];
            if (q->kind != kind)
                continue;
            const char *f = probe_fate(q);
            if (strcmp(f, fate) != 0 || q->sent_ns > end + 2 * interval_ns)
                break;
            end = q->sent_ns + interval_ns;
            count++;
        }
        double x0 = x_of(p, first->sent_ns), x1 = x_of(p, end);
        if (x1 - x0 < 1)
            x1 = x0 + 1;
        fprintf(out,
                "<rect class=\"%s\" x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%d\">"
                "<title>%zu %s %s</title></rect>\n",
                fate, x0, y, x1 - x0, LANE_HEIGHT, count, kind == TIMER_PROBE_ARP ? "ARP" : "ICMP",
                fate);
        i = j;
    }
}

/* Each event a dashed line and a label beside it (to its right, or to its
 * left at the right edge), in the first row where the label covers no
 * label already placed: events a few milliseconds apart (up, carrier,
 * first reply) stack instead of overwriting one another. */
static void events(FILE *out, const struct panel *p, const struct event *ev, size_t n)
{
    double row_end[LABEL_ROWS][ROW_LABELS], row_start[LABEL_ROWS][ROW_LABELS];
    size_t used[LABEL_ROWS] = {0};
    for (size_t i = 0; i < n; i++) {
        if (ev[i].at == TIMER_NONE)
            continue;
        double x = x_of(p, ev[i].at);
        double w = text_width(ev[i].label, FONT_EVENT);
        bool left = x + 2 + w > SVG_WIDTH - 2;
        double x0 = left ? x - 2 - w : x + 2, x1 = x0 + w;
        int row = LABEL_ROWS - 1;
        for (int r = 0; r < LABEL_ROWS; r++) {
            bool free_here = used[r] < ROW_LABELS;
            for (size_t k = 0; k < used[r] && free_here; k++)
                free_here = x1 + 3 < row_start[r][k] || x0 > row_end[r][k] + 3;
            if (free_here) {
                row = r;
                break;
            }
        }
        if (used[row] < ROW_LABELS) {
            row_start[row][used[row]] = x0;
            row_end[row][used[row]++] = x1;
        }
        double y = p->y + LABEL_TOP + (double)LABEL_STEP * row;
        fprintf(out,
                "<line class=\"event\" x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\"/>"
                "<text class=\"eventlabel\"%s x=\"%.2f\" y=\"%.1f\">",
                x, p->y + LABEL_TOP - 8, x, p->y + AXIS_Y - 4, left ? " text-anchor=\"end\"" : "",
                left ? x - 2 : x + 2, y);
        xml_text(out, ev[i].label);
        fputs("</text>\n", out);
    }
}

static void panel_frame(FILE *out, const struct panel *p, const char *title)
{
    fprintf(out, "<text class=\"panel\" x=\"%d\" y=\"%.1f\">", MARGIN_LEFT, p->y + 14);
    xml_text(out, title);
    fputs("</text>\n", out);
    fprintf(out,
            "<text class=\"lanelabel\" x=\"%d\" y=\"%.1f\">ICMP</text>"
            "<text class=\"lanelabel\" x=\"%d\" y=\"%.1f\">ARP</text>\n",
            MARGIN_LEFT - 8, p->y + LANE_ICMP + 12, MARGIN_LEFT - 8, p->y + LANE_ARP + 12);
}

static int64_t probes_end(const struct timer_probes *probes, int64_t end)
{
    for (size_t i = 0; i < probes->n; i++) {
        if (probes->v[i].sent_ns > end)
            end = probes->v[i].sent_ns;
        if (probes->v[i].reply_ns > end)
            end = probes->v[i].reply_ns;
    }
    return end;
}

static void bounce_panel(FILE *out, const struct timer_run *run, size_t i, double y)
{
    const struct timer_bounce *b = &run->bounces[i];
    int64_t interval = (int64_t)run->interval_ms * 1000000;
    struct panel p = {
        .t0 = b->down_ns != TIMER_NONE ? b->down_ns : b->up_ns, .origin = b->up_ns, .y = y};
    p.t1 = probes_end(&b->probes, b->up_ns) + interval;
    if (p.t0 == TIMER_NONE)
        return;
    int64_t pad = (p.t1 - p.t0) / 50;
    p.t0 -= pad;
    p.t1 += pad;
    char title[160];
    int64_t reach = timer_bounce_reachability_ns(b);
    if (reach != TIMER_NONE)
        snprintf(title, sizeof title, "bounce %zu: reachable %.3f s after up (%s)", i + 1,
                 (double)reach / 1e9, timer_verdict_name(timer_verdict_for(reach)));
    else
        snprintf(title, sizeof title, "bounce %zu: no reply", i + 1);
    panel_frame(out, &p, title);
    lane(out, &p, &b->probes, TIMER_PROBE_ICMP, y + LANE_ICMP, interval);
    lane(out, &p, &b->probes, TIMER_PROBE_ARP, y + LANE_ARP, interval);
    const struct event ev[] = {{"down", b->down_ns},
                               {"up", b->up_ns},
                               {"carrier", b->carrier_up_ns},
                               {"first ARP reply", b->first_arp_reply_ns},
                               {"first reply", b->first_reply_ns}};
    events(out, &p, ev, sizeof ev / sizeof ev[0]);
    axis(out, &p);
}

static void outage_panel(FILE *out, const struct timer_run *run, size_t i, double y)
{
    const struct timer_outage *o = &run->outages[i];
    int64_t interval = (int64_t)run->interval_ms * 1000000;
    if (o->probes.n == 0)
        return;
    struct panel p = {.t0 = o->probes.v[0].sent_ns, .origin = o->first_lost_sent_ns, .y = y};
    if (p.origin == TIMER_NONE)
        p.origin = p.t0;
    p.t1 = probes_end(&o->probes, p.t0) + interval;
    int64_t pad = (p.t1 - p.t0) / 50;
    p.t0 -= pad;
    p.t1 += pad;
    char title[160];
    int64_t len = timer_outage_ns(o);
    if (len != TIMER_NONE)
        snprintf(title, sizeof title, "outage %zu: %.3f s, %u probes lost (%s)", i + 1,
                 (double)len / 1e9, o->lost,
                 timer_verdict_name(timer_verdict_for(timer_outage_blackout_ns(run, o))));
    else
        snprintf(title, sizeof title, "outage %zu: no reply within the timeout", i + 1);
    panel_frame(out, &p, title);
    lane(out, &p, &o->probes, TIMER_PROBE_ICMP, y + LANE_ICMP, interval);
    lane(out, &p, &o->probes, TIMER_PROBE_ARP, y + LANE_ARP, interval);
    const struct event ev[] = {{"last reply", o->last_reply_ns},
                               {"first lost", o->first_lost_sent_ns},
                               {"first reply", o->first_reply_ns}};
    events(out, &p, ev, sizeof ev / sizeof ev[0]);
    axis(out, &p);
}

#define LEGEND_ITEMS 5

/* The legend: a swatch (NULL: none) and its text per item, laid out item
 * after item, a new row when the next would pass the right edge. */
struct legend {
    const char *css[LEGEND_ITEMS];
    const char *text[LEGEND_ITEMS];
    double x[LEGEND_ITEMS], y[LEGEND_ITEMS];
    double last_row; /* baseline of the last row */
};

static void legend_layout(const struct timer_run *run, struct legend *l)
{
    static const char *const css[LEGEND_ITEMS] = {"answered", "lost", "late", "refused", NULL};
    const char *const text[LEGEND_ITEMS] = {
        "answered",
        "lost",
        "answered late (held in a queue)",
        "refused by the kernel (no route, neighbour failed)",
        run->mode == TIMER_MODE_WATCH ? "time axis: seconds from the first lost probe"
                                      : "time axis: seconds from link up",
    };
    double x = 10, y = LEGEND_TOP;
    for (size_t i = 0; i < LEGEND_ITEMS; i++) {
        l->css[i] = css[i];
        l->text[i] = text[i];
        double swatch = css[i] != NULL ? 14 : 0;
        double w = swatch + text_width(text[i], FONT_LEGEND);
        if (x > 10 && x + w > SVG_WIDTH - 10) {
            x = 10;
            y += LEGEND_STEP;
        }
        l->x[i] = x;
        l->y[i] = y;
        x += w + 18;
    }
    l->last_row = y;
}

static void legend_draw(FILE *out, const struct legend *l)
{
    for (size_t i = 0; i < LEGEND_ITEMS; i++) {
        double text_x = l->x[i];
        if (l->css[i] != NULL) {
            fprintf(out, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\"/>",
                    l->css[i], l->x[i], l->y[i] - 9);
            text_x += 14;
        }
        fprintf(out, "<text class=\"legend\" x=\"%.1f\" y=\"%.1f\">%s</text>\n", text_x, l->y[i],
                l->text[i]);
    }
}

int timer_svg_write(FILE *out, const struct timer_run *run, struct pr_error *err)
{
    size_t panels = run->mode == TIMER_MODE_WATCH ? run->n_outages : run->n_bounces;
    /* The legend's rows decide where the panels start. */
    struct legend leg;
    legend_layout(run, &leg);
    int header = (int)leg.last_row + 11;
    int height = header + (int)(panels > 0 ? panels : 1) * PANEL_HEIGHT;
    fprintf(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n",
            SVG_WIDTH, height, SVG_WIDTH, height);
    fprintf(out,
            "<style>\n"
            ".answered{fill:#2e9d4f}.late{fill:#e0a526}.lost{fill:#d8413a}.refused{fill:#9e9e9e}\n"
            ".event{stroke:#1f4e9c;stroke-dasharray:3,2}.eventlabel{fill:#1f4e9c;font-size:%dpx}\n"
            ".axis,.tick{stroke:#444}.ticklabel{font-size:9px;text-anchor:middle;fill:#444}\n"
            ".lanelabel{font-size:10px;text-anchor:end;fill:#444}.panel{font-size:12px}\n"
            ".title{font-size:%dpx;font-weight:bold}.legend{font-size:%dpx}\n"
            "</style>\n",
            FONT_EVENT, FONT_TITLE, FONT_LEGEND);
    fputs("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"white\"/>\n", out);
    fputs("<text class=\"title\" x=\"10\" y=\"20\">portready time: ", out);
    if (run->mode == TIMER_MODE_WATCH) {
        fputs("watching ", out);
        xml_text(out, run->target);
    } else {
        if (run->mode == TIMER_MODE_SWITCH) {
            xml_text(out, run->sw);
            fputs(" port ", out);
            xml_text(out, run->port);
        } else {
            xml_text(out, run->iface);
        }
        fputs(" bounced, probing ", out);
        xml_text(out, run->target);
    }
    fprintf(out, " every %d ms</text>\n", run->interval_ms);
    legend_draw(out, &leg);
    for (size_t i = 0; i < panels; i++) {
        double y = header + (double)i * PANEL_HEIGHT;
        if (run->mode == TIMER_MODE_WATCH)
            outage_panel(out, run, i, y);
        else
            bounce_panel(out, run, i, y);
    }
    fputs("</svg>\n", out);
    if (fflush(out) != 0 || ferror(out))
        return pr_error_set(err, PR_ERR_IO, "writing the plot: %s", strerror(errno));
    return 0;
}
