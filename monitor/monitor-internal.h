/*
 * Monitor internals shared by the files in monitor/ (not for other
 * subsystems).
 */
#ifndef MONITOR_MONITOR_INTERNAL_H
#define MONITOR_MONITOR_INTERNAL_H

#include "chardev/char-fe.h"
#include "qemu/json-util.h"
#include "monitor/monitor.h"
#include "monitor/readline.h"

struct Monitor {
    CharBackend chr;
    bool is_qmp;
    /* Whether chr was attached (false: human-monitor-command capture). */
    bool has_chr;
    /* Output not yet written to the chardev (or captured). */
    GString *outbuf;
    /* Current CPU for HMP commands and memory dumps. */
    int cpu_index;
    /* Nesting guard: output during a flush is queued, not re-entered. */
    bool flushing;
};

typedef struct MonitorHMP {
    Monitor common;
    bool use_readline;
    ReadLineState *rs;      /* NULL without readline */
    GString *line;          /* the partial line without readline */
    bool last_was_cr;       /* swallow the LF of a CR LF pair */
    /* The mux gave the focus to another front end: no prompt for now. */
    bool mux_out;
    /* OPENED seen: until then a mux focus change prints nothing. */
    bool opened;
    bool banner_shown;
    /* Capture monitors keep their output instead of writing it. */
    bool capture;
    /* Defaults of x/xp: the previous format. */
    char last_format;
    int last_size;
    uint64_t last_addr;
} MonitorHMP;

typedef struct MonitorQMP {
    Monitor common;
    bool pretty;
    /* false: capabilities negotiation mode (only qmp_capabilities). */
    bool cmd_mode;
    JSONMessageParser parser;
    /* Inside json_message_parser_feed(): the parser must not be reset. */
    bool in_feed;
    bool reset_pending;
} MonitorQMP;

static inline MonitorHMP *container_of_hmp(Monitor *mon)
{
    g_assert(!mon->is_qmp);
    return (MonitorHMP *)mon;
}

static inline MonitorQMP *container_of_qmp(Monitor *mon)
{
    g_assert(mon->is_qmp);
    return (MonitorQMP *)mon;
}

/* monitor.c: the list of live monitors. */
void monitor_data_init(Monitor *mon, bool is_qmp);
void monitor_data_destroy(Monitor *mon);
void monitor_list_append(Monitor *mon);
/* Call @fn for each live monitor. */
void monitor_foreach(void (*fn)(Monitor *mon, void *opaque), void *opaque);
/* Queue raw bytes (no "\n" translation). */
void monitor_write_raw(Monitor *mon, const char *buf, size_t len);

/* qmp.c */
void monitor_qmp_send(MonitorQMP *mon, json_t *msg);
void monitor_qmp_destroy(MonitorQMP *mon);
/* The greeting object: {"QMP": {"version": ..., "capabilities": []}} */
json_t *qmp_greeting(void);
/* query-version's value. */
json_t *qmp_version_info(void);

/* qmp-events.c */
void monitor_events_init(void);

/* hmp.c */
void monitor_hmp_destroy(MonitorHMP *mon);

/* qmp-cmds-misc.c: shared with HMP */
bool qmp_memsave_common(int64_t addr, int64_t size, const char *filename,
                        CPUState *cpu, bool physical, Error **errp);
CPUState *qmp_cpu_by_index(bool has_index, int64_t index, Error **errp);
/* The VM name given with -name, or NULL. */
const char *monitor_vm_name(void);

/* qom-set (QMP and HMP): false with @errp set if it must not be done. */
bool monitor_qom_set_allowed(Object *obj, const char *property,
                             Error **errp);
/* cpu_dump_state() of @cpu as text (free() it: open_memstream). */
char *monitor_cpu_dump(CPUState *cpu, int flags);

#endif /* MONITOR_MONITOR_INTERNAL_H */
