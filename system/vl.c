/*
 * qemu-system-cr16 start-up: the command line, then the machine.
 *
 * Two phases, so that nothing starts half-configured:
 *
 *  1. qemu_parse_options() reads argv and checks everything that can be
 *     checked without building anything (syntax, sizes, known names).
 *     Each error names its option: "qemu-system-cr16: -m 9Q: ...".
 *  2. qemu_create_*() build in QEMU's order: logging, accelerator,
 *     chardevs, monitors, the machine object, the board, -device, reset,
 *     start.  Errors here still name the option they came from (the
 *     Location saved while parsing) and exit with status 1.
 *
 * The help texts live in vl-help.c.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/config-file.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/help_option.h"
#include "qemu/keyval.h"
#include "qemu/log.h"
#include "qemu/main-loop.h"
#include "qemu/option.h"
#include "qemu/timer.h"
#include "chardev/char.h"
#include "chardev/char-mux.h"
#include "gdbstub/gdbstub.h"
#include "hw/boards.h"
#include "hw/loader.h"
#include "hw/sysbus.h"
#include "monitor/monitor.h"
#include "system/cpus.h"
#include "system/memory.h"
#include "system/reset.h"
#include "system/runstate.h"
#include "system/system.h"
#include "system/tcg.h"
#include "target/cr16/cpu.h"
#include "tcg/tcg.h"
#include "vl-internal.h"

#define MAX_SERIAL_PORTS 4

/* ---- option groups ------------------------------------------------- */

static QemuOptsList qemu_machine_opts = {
    .name = "machine",
    .implied_opt_name = "type",
    .merge_lists = true,
    .desc = { { } },        /* anything: checked as machine properties */
};

static QemuOptsList qemu_accel_opts = {
    .name = "accel",
    .implied_opt_name = "accel",
    .desc = {
        { .name = "accel", .type = QEMU_OPT_STRING,
          .help = "the accelerator: tcg or qtest" },
        { .name = "tcg-backend", .type = QEMU_OPT_STRING,
          .help = "TCG code generator: native (x86-64) or interp" },
        { .name = "tb-size", .type = QEMU_OPT_NUMBER,
          .help = "TCG code buffer size in MiB" },
        { }
    },
};

static QemuOptsList qemu_icount_opts = {
    .name = "icount",
    .implied_opt_name = "shift",
    .merge_lists = true,
    .desc = {
        { .name = "shift", .type = QEMU_OPT_STRING,
          .help = "virtual ns per instruction = 2^shift" },
        { .name = "sleep", .type = QEMU_OPT_BOOL,
          .help = "must be off: idle time is skipped" },
        { }
    },
};

QemuOptsList qemu_mon_opts = {
    .name = "mon",
    .implied_opt_name = "chardev",
    .desc = {
        { .name = "chardev", .type = QEMU_OPT_STRING,
          .help = "the chardev the monitor talks on" },
        { .name = "mode", .type = QEMU_OPT_STRING,
          .help = "readline (HMP) or control (QMP)" },
        { .name = "pretty", .type = QEMU_OPT_BOOL,
          .help = "QMP: pretty-print the JSON" },
        { }
    },
};

/* ---- the parsed configuration ---------------------------------------- */

/* One -device, -serial, -monitor or -qmp occurrence. */
typedef struct CmdlineItem {
    char *arg;
    Location loc;
} CmdlineItem;

static struct {
    const char *cpu_model;
    Location cpu_loc;
    uint64_t ram_size;
    bool ram_size_set;
    Location ram_loc;
    const char *kernel;
    const char *kernel_cmdline;
    const char *bios;
    GPtrArray *devices;         /* CmdlineItem */
    GPtrArray *serials;         /* CmdlineItem */
    GPtrArray *monitors;        /* CmdlineItem; arg "readline:" or "control:" */
    bool nographic;
    bool nodefaults;
    bool autostart;
    const char *gdb_dev;
    Location gdb_loc;
    int log_mask;
    const char *log_file;
    const char *qtest_dev;
    const char *qtest_log;
    bool semihosting;
    bool qmp_pretty;
} conf = {
    .autostart = true,
};

const char *qemu_name;
static Chardev *serial_hds[MAX_SERIAL_PORTS];
static int num_serial_hds;

Chardev *serial_hd(int i)
{
    return i >= 0 && i < num_serial_hds ? serial_hds[i] : NULL;
}

int serial_max_hds(void)
{
    return num_serial_hds;
}

bool semihosting_enabled(void)
{
    return conf.semihosting;
}

static void cmdline_item_free(gpointer p)
{
    CmdlineItem *item = p;

    g_free(item->arg);
    g_free(item);
}

static void cmdline_item_add(GPtrArray **list, const char *arg)
{
    CmdlineItem *item = g_new0(CmdlineItem, 1);

    if (!*list) {
        *list = g_ptr_array_new_with_free_func(cmdline_item_free);
    }
    item->arg = g_strdup(arg);
    loc_save(&item->loc);
    g_ptr_array_add(*list, item);
}

/* ---- the option table ------------------------------------------------- */

typedef enum {
    OPT_HELP, OPT_VERSION, OPT_MACHINE, OPT_CPU, OPT_M, OPT_KERNEL,
    OPT_APPEND, OPT_BIOS, OPT_DEVICE, OPT_CHARDEV, OPT_SERIAL, OPT_MONITOR,
    OPT_QMP, OPT_QMP_PRETTY, OPT_MON, OPT_NOGRAPHIC, OPT_DISPLAY, OPT_S,
    OPT_GDB_DEFAULT, OPT_GDB, OPT_D, OPT_DFILE, OPT_ICOUNT, OPT_ACCEL,
    OPT_QTEST, OPT_QTEST_LOG, OPT_SEMIHOSTING, OPT_NO_REBOOT,
    OPT_NO_SHUTDOWN, OPT_NAME, OPT_NODEFAULTS, OPT_L,
} OptIndex;

typedef struct QEMUOption {
    const char *name;
    bool has_arg;
    OptIndex index;
} QEMUOption;

static const QEMUOption qemu_options[] = {
    { "h", false, OPT_HELP },
    { "help", false, OPT_HELP },
    { "version", false, OPT_VERSION },
    { "M", true, OPT_MACHINE },
    { "machine", true, OPT_MACHINE },
    { "cpu", true, OPT_CPU },
    { "m", true, OPT_M },
    { "kernel", true, OPT_KERNEL },
    { "append", true, OPT_APPEND },
    { "bios", true, OPT_BIOS },
    { "device", true, OPT_DEVICE },
    { "chardev", true, OPT_CHARDEV },
    { "serial", true, OPT_SERIAL },
    { "monitor", true, OPT_MONITOR },
    { "qmp", true, OPT_QMP },
    { "qmp-pretty", true, OPT_QMP_PRETTY },
    { "mon", true, OPT_MON },
    { "nographic", false, OPT_NOGRAPHIC },
    { "display", true, OPT_DISPLAY },
    { "S", false, OPT_S },
    { "s", false, OPT_GDB_DEFAULT },
    { "gdb", true, OPT_GDB },
    { "d", true, OPT_D },
    { "D", true, OPT_DFILE },
    { "icount", true, OPT_ICOUNT },
    { "accel", true, OPT_ACCEL },
    { "qtest", true, OPT_QTEST },
    { "qtest-log", true, OPT_QTEST_LOG },
    { "semihosting", false, OPT_SEMIHOSTING },
    { "no-reboot", false, OPT_NO_REBOOT },
    { "no-shutdown", false, OPT_NO_SHUTDOWN },
    { "name", true, OPT_NAME },
    { "nodefaults", false, OPT_NODEFAULTS },
    { "L", true, OPT_L },
};

static const QEMUOption *lookup_opt(const char *arg)
{
    const char *name = arg + 1;

    /* "--machine" works like "-machine". */
    if (name[0] == '-') {
        name++;
    }
    for (size_t i = 0; i < ARRAY_SIZE(qemu_options); i++) {
        if (!strcmp(qemu_options[i].name, name)) {
            return &qemu_options[i];
        }
    }
    return NULL;
}

/* Report (at the current location) and exit. */
static void QEMU_NORETURN G_GNUC_PRINTF(1, 2) vl_fail(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vreport(fmt, ap);
    va_end(ap);
    exit(1);
}

static void QEMU_NORETURN vl_fail_err(Error *err)
{
    error_report_err(err);
    exit(1);
}

/* ---- parsing individual options ------------------------------------------ */

static void parse_ram_size(const char *arg)
{
    const char *val = arg;
    uint64_t sz;

    /* "-m 64M" or "-m size=64M". */
    strstart(arg, "size=", &val);
    if (qemu_strtosz_MiB(val, NULL, &sz) < 0) {
        vl_fail("invalid ram size: '%s' (use a size such as 64M or 1G)", val);
    }
    if (sz == 0) {
        vl_fail("ram size must be greater than 0");
    }
    conf.ram_size = sz;
    conf.ram_size_set = true;
    loc_save(&conf.ram_loc);
}

static void parse_log_items(const char *arg)
{
    g_autofree char *bad = NULL;
    int mask;

    if (is_help_option(arg)) {
        qemu_print_log_usage(stdout);
        exit(0);
    }
    mask = qemu_log_parse_mask(arg, &bad);
    if (mask < 0) {
        vl_fail("unknown log item '%s' (use -d help to list them)", bad);
    }
    conf.log_mask = mask;
}

static void parse_icount(const char *arg)
{
    QemuOpts *opts;
    const char *shift;
    uint64_t n;

    opts = qemu_opts_parse(&qemu_icount_opts, arg, true, NULL);
    if (!opts) {
        Error *err = NULL;

        qemu_opts_parse(&qemu_icount_opts, arg, true, &err);
        vl_fail_err(err);
    }
    shift = qemu_opt_get(opts, "shift");
    if (!shift) {
        vl_fail("-icount needs shift=N");
    }
    if (parse_uint_full(shift, 10, &n) < 0 || n > 10) {
        vl_fail("icount shift must be a number from 0 to 10, not '%s'",
                shift);
    }
    if (qemu_opt_get_bool(opts, "sleep", false)) {
        vl_fail("sleep=on is not supported: idle time is always skipped");
    }
}

static void parse_display(const char *arg)
{
    g_autofree char *type = g_strndup(arg, strcspn(arg, ","));

    if (is_help_option(type)) {
        printf("Available display backend types:\nnone\n");
        exit(0);
    }
    if (strcmp(type, "none")) {
        vl_fail("Display '%s' is not available (only 'none': this build "
                "has no graphical display)", type);
    }
}

static void parse_accel(const char *arg)
{
    Error *err = NULL;
    QemuOpts *opts;
    const char *name, *backend;

    if (is_help_option(arg)) {
        printf("Accelerators supported in QEMU binary:\ntcg\nqtest\n");
        exit(0);
    }
    opts = qemu_opts_parse(&qemu_accel_opts, arg, true, &err);
    if (!opts) {
        vl_fail_err(err);
    }
    name = qemu_opt_get(opts, "accel");
    if (!name || (strcmp(name, "tcg") && strcmp(name, "qtest"))) {
        vl_fail("invalid accelerator '%s' (tcg or qtest)",
                name ? name : "");
    }
    backend = qemu_opt_get(opts, "tcg-backend");
    if (backend && vl_tcg_backend_from_name(backend) < 0) {
        vl_fail("unknown or unavailable TCG backend '%s' (native or interp)",
                backend);
    }
}

static void parse_machine(const char *arg)
{
    Error *err = NULL;

    if (!qemu_opts_parse(&qemu_machine_opts, arg, true, &err)) {
        vl_fail_err(err);
    }
}

static void parse_mon(const char *arg)
{
    Error *err = NULL;
    QemuOpts *opts = qemu_opts_parse(&qemu_mon_opts, arg, true, &err);
    const char *mode;

    if (!opts) {
        vl_fail_err(err);
    }
    if (!qemu_opt_get(opts, "chardev")) {
        qemu_opts_del(opts);
        vl_fail("-mon needs chardev=ID");
    }
    mode = qemu_opt_get(opts, "mode");
    if (mode && strcmp(mode, "readline") && strcmp(mode, "control")) {
        qemu_opts_del(opts);
        vl_fail("mode must be 'readline' or 'control', not '%s'", mode);
    }
}

static void parse_chardev(const char *arg)
{
    Error *err = NULL;
    QemuOpts *opts;

    if (is_help_option(arg)) {
        qemu_chr_print_backends();
        exit(0);
    }
    opts = qemu_opts_parse(&qemu_chardev_opts, arg, true, &err);
    if (!opts) {
        vl_fail_err(err);
    }
    if (qemu_opt_has_help_opt(opts)) {
        qemu_opts_print_help(&qemu_chardev_opts, true);
        exit(0);
    }
    if (!qemu_opts_id(opts)) {
        vl_fail("chardev: no id specified (add id=NAME)");
    }
    if (!qemu_opt_get(opts, "backend")) {
        vl_fail("chardev: no backend type given");
    }
    if (!qemu_chr_backend_exists(qemu_opt_get(opts, "backend"))) {
        vl_fail("'%s' is not a valid char driver name (use -chardev help)",
                qemu_opt_get(opts, "backend"));
    }
}

/* A legacy chardev string (-serial, -monitor, ...): check its syntax. */
static void check_chardev_spec(const char *spec)
{
    Error *err = NULL;
    QemuOpts *opts;

    if (!strcmp(spec, "none") || strstart(spec, "chardev:", NULL)) {
        return;
    }
    opts = qemu_chr_parse_compat("check", spec, NULL, &err);
    if (!opts) {
        vl_fail_err(err);
    }
    qemu_opts_del(opts);
}

static void parse_cpu(const char *arg)
{
    if (is_help_option(arg)) {
        cr16_cpu_list();
        exit(0);
    }
    if (strchr(arg, ',')) {
        vl_fail("CPU properties are not supported, only a model name");
    }
    conf.cpu_model = arg;
    loc_save(&conf.cpu_loc);
}

static void parse_option(const QEMUOption *opt, const char *arg)
{
    switch (opt->index) {
    case OPT_HELP:
        vl_print_help();
        exit(0);
    case OPT_VERSION:
        vl_print_version();
        exit(0);
    case OPT_MACHINE:
        parse_machine(arg);
        break;
    case OPT_CPU:
        parse_cpu(arg);
        break;
    case OPT_M:
        parse_ram_size(arg);
        break;
    case OPT_KERNEL:
        conf.kernel = arg;
        break;
    case OPT_APPEND:
        conf.kernel_cmdline = arg;
        break;
    case OPT_BIOS:
        conf.bios = arg;
        break;
    case OPT_DEVICE:
        cmdline_item_add(&conf.devices, arg);
        break;
    case OPT_CHARDEV:
        parse_chardev(arg);
        break;
    case OPT_SERIAL:
        check_chardev_spec(arg);
        if (conf.serials && conf.serials->len >= MAX_SERIAL_PORTS) {
            vl_fail("too many serial ports (at most %d)", MAX_SERIAL_PORTS);
        }
        cmdline_item_add(&conf.serials, arg);
        break;
    case OPT_MONITOR:
    case OPT_QMP:
    case OPT_QMP_PRETTY: {
        g_autofree char *tagged = NULL;

        check_chardev_spec(arg);
        tagged = g_strconcat(opt->index == OPT_MONITOR ? "readline:"
                                                       : "control:",
                             arg, NULL);
        if (opt->index == OPT_QMP_PRETTY) {
            conf.qmp_pretty = true;
        }
        cmdline_item_add(&conf.monitors, tagged);
        break;
    }
    case OPT_MON:
        parse_mon(arg);
        break;
    case OPT_NOGRAPHIC:
        conf.nographic = true;
        break;
    case OPT_DISPLAY:
        parse_display(arg);
        break;
    case OPT_S:
        conf.autostart = false;
        break;
    case OPT_GDB_DEFAULT:
        conf.gdb_dev = "tcp::1234";
        loc_save(&conf.gdb_loc);
        break;
    case OPT_GDB:
        if (strcmp(arg, "none")) {
            check_chardev_spec(arg);
        }
        conf.gdb_dev = strcmp(arg, "none") ? arg : NULL;
        loc_save(&conf.gdb_loc);
        break;
    case OPT_D:
        parse_log_items(arg);
        break;
    case OPT_DFILE:
        conf.log_file = arg;
        break;
    case OPT_ICOUNT:
        parse_icount(arg);
        break;
    case OPT_ACCEL:
        parse_accel(arg);
        break;
    case OPT_QTEST:
        check_chardev_spec(arg);
        conf.qtest_dev = arg;
        break;
    case OPT_QTEST_LOG:
        conf.qtest_log = arg;
        break;
    case OPT_SEMIHOSTING:
        conf.semihosting = true;
        break;
    case OPT_NO_REBOOT:
        no_reboot = true;
        break;
    case OPT_NO_SHUTDOWN:
        no_shutdown = true;
        break;
    case OPT_NAME:
        /* "-name foo" or "-name guest=foo[,...]" */
        if (strstart(arg, "guest=", &arg)) {
            qemu_name = g_strndup(arg, strcspn(arg, ","));
        } else {
            qemu_name = g_strdup(arg);
        }
        break;
    case OPT_NODEFAULTS:
        conf.nodefaults = true;
        break;
    case OPT_L:
        /* Firmware search path: -bios takes a path in this build. */
        break;
    }
}

static void qemu_parse_options(int argc, char **argv)
{
    int optind = 1;

    qemu_add_opts(&qemu_chardev_opts);
    qemu_add_opts(&qemu_machine_opts);
    qemu_add_opts(&qemu_accel_opts);
    qemu_add_opts(&qemu_icount_opts);
    qemu_add_opts(&qemu_mon_opts);

    while (optind < argc) {
        const char *arg = argv[optind];
        const QEMUOption *opt;

        if (arg[0] != '-' || !arg[1]) {
            loc_set_cmdline(argv, optind, 1);
            vl_fail("invalid option: stray argument (options start "
                    "with '-')");
        }
        opt = lookup_opt(arg);
        if (!opt) {
            loc_set_cmdline(argv, optind, 1);
            vl_fail("invalid option");
        }
        if (opt->has_arg && optind + 1 >= argc) {
            loc_set_cmdline(argv, optind, 1);
            vl_fail("requires an argument");
        }
        loc_set_cmdline(argv, optind, opt->has_arg ? 2 : 1);
        parse_option(opt, opt->has_arg ? argv[optind + 1] : NULL);
        optind += opt->has_arg ? 2 : 1;
    }
    loc_set_none();
}

/* ---- phase 2: building ------------------------------------------------------ */

static MachineClass *select_machine(void)
{
    QemuOpts *opts = qemu_opts_find(&qemu_machine_opts, NULL);
    const char *type = opts ? qemu_opt_get(opts, "type") : NULL;
    MachineClass *mc;

    if (opts && (qemu_opt_has_help_opt(opts) ||
                 (type && is_help_option(type)))) {
        if (type && !is_help_option(type) &&
            (mc = vl_find_machine(type))) {
            vl_print_machine_props(mc);
        } else {
            vl_print_machines();
        }
        exit(0);
    }
    if (!type) {
        mc = vl_find_default_machine();
        if (!mc) {
            vl_fail("No machine specified, and there is no default (use "
                    "-machine help to list supported machines)");
        }
        return mc;
    }
    mc = vl_find_machine(type);
    if (!mc) {
        qemu_opts_loc_restore(opts);
        vl_fail("unsupported machine type '%s' (use -machine help to list "
                "supported machines)", type);
    }
    return mc;
}

static char *resolve_cpu_type(MachineClass *mc)
{
    char *type;

    if (!conf.cpu_model) {
        return g_strdup(mc->default_cpu_type);
    }
    type = cr16_cpu_type_name(conf.cpu_model);
    if (!type) {
        loc_restore(&conf.cpu_loc);
        vl_fail("unable to find CPU model '%s' (use -cpu help to list "
                "them)", conf.cpu_model);
    }
    return type;
}

static void check_ram_size(MachineClass *mc)
{
    if (conf.ram_size_set && mc->max_ram_size &&
        conf.ram_size > mc->max_ram_size) {
        g_autofree char *max = size_to_str(mc->max_ram_size);

        loc_restore(&conf.ram_loc);
        vl_fail("ram size too large: machine '%s' takes at most %s",
                mc->name, max);
    }
}

static void signal_handler(int sig, siginfo_t *info, void *ctx)
{
    qemu_system_killed(sig, info ? info->si_pid : 0);
}

static void setup_signals(void)
{
    struct sigaction act = {
        .sa_sigaction = signal_handler,
        .sa_flags = SA_SIGINFO,
    };

    sigaction(SIGINT, &act, NULL);
    sigaction(SIGTERM, &act, NULL);
    sigaction(SIGHUP, &act, NULL);
    /* A socket client that vanished must not kill us mid-write. */
    signal(SIGPIPE, SIG_IGN);
}

static void configure_logging(void)
{
    Error *err = NULL;

    if (conf.log_file && !qemu_set_log_filename(conf.log_file, &err)) {
        vl_fail_err(err);
    }
    if (!qemu_set_log(conf.log_mask, &err)) {
        vl_fail_err(err);
    }
}

static void configure_accelerator(void)
{
    QemuOpts *opts = NULL, *icount;
    const char *name = "tcg", *backend = NULL;
    uint64_t tb_mib = 0;
    int kind;

    /* The last -accel wins, as with QEMU's single accelerator. */
    for (GList *l = qemu_accel_opts.head; l; l = l->next) {
        opts = l->data;
    }
    if (opts) {
        name = qemu_opt_get(opts, "accel");
        backend = qemu_opt_get(opts, "tcg-backend");
    }
    if (conf.qtest_dev && !opts) {
        /*
         * -qtest implies the qtest accelerator unless -accel names one:
         * "-qtest ... -accel tcg" runs the CPU and still serves the
         * protocol (memory and GPIO commands; the clock is the CPU's).
         */
        name = "qtest";
    }
    if (!strcmp(name, "qtest")) {
        /* Virtual time moves only when the test says so; no CPU runs. */
        qemu_clock_set_qtest_mode(true);
        return;
    }

    icount = qemu_opts_find(&qemu_icount_opts, NULL);
    if (icount) {
        icount_configure_shift(atoi(qemu_opt_get(icount, "shift")));
    }
    kind = backend ? vl_tcg_backend_from_name(backend) : TCG_BACKEND_DEFAULT;
    if (opts) {
        tb_mib = qemu_opt_get_number(opts, "tb-size", 0);
    }
    tcg_exec_init_backend(kind, tb_mib * MiB);
    if (icount_enabled()) {
        cpus_icount_init();
    }
}

static int create_chardev(void *opaque, QemuOpts *opts, Error **errp)
{
    Error *err = NULL;

    if (!qemu_chr_new_from_opts(opts, &err)) {
        qemu_opts_loc_restore(opts);
        vl_fail_err(err);
    }
    return 0;
}

/* Add a "mon" entry for chardev @id. */
static void add_monitor_opts(const char *id, bool control, bool pretty)
{
    QemuOpts *opts = qemu_opts_create(&qemu_mon_opts, NULL, 0,
                                      &error_abort);

    qemu_opt_set(opts, "chardev", id, &error_abort);
    qemu_opt_set(opts, "mode", control ? "control" : "readline",
                 &error_abort);
    if (pretty) {
        qemu_opt_set_bool(opts, "pretty", true, &error_abort);
    }
}

/* Create a chardev from a legacy spec; with "mon:", add a monitor too. */
static Chardev *create_legacy_chardev(const char *label, const char *spec,
                                      Location *loc)
{
    Error *err = NULL;
    bool mon_mux = false;
    const char *id;
    Chardev *chr;
    QemuOpts *opts;

    loc_restore(loc);
    if (strstart(spec, "chardev:", &id)) {
        chr = qemu_chr_find(id);
        if (!chr) {
            vl_fail("chardev '%s' not found", id);
        }
        return chr;
    }
    opts = qemu_chr_parse_compat(label, spec, &mon_mux, &err);
    if (!opts) {
        vl_fail_err(err);
    }
    chr = qemu_chr_new_from_opts(opts, &err);
    qemu_opts_del(opts);
    if (!chr) {
        vl_fail_err(err);
    }
    if (mon_mux) {
        add_monitor_opts(label, false, false);
    }
    loc_set_none();
    return chr;
}

static void create_serials_and_monitors(MachineClass *mc)
{
    bool default_serial = !conf.serials && !conf.nodefaults;
    bool default_monitor = !conf.monitors && !conf.nodefaults &&
                           !qemu_mon_opts.head;
    Location none_loc;
    int i;

    loc_set_none();
    loc_save(&none_loc);

    /*
     * -nographic: the serial port and the monitor share stdio through a
     * mux (C-a c switches).  Not on boards whose program uses stdio
     * itself (sim): there stdio stays the guest's.
     */
    if (conf.nographic && !mc->guest_uses_stdio) {
        if (default_serial && default_monitor && !mc->no_serial) {
            cmdline_item_add(&conf.serials, "mon:stdio");
        } else if (default_monitor) {
            g_autofree char *m = g_strdup("readline:mon:stdio");

            cmdline_item_add(&conf.monitors, m);
        } else if (default_serial && !mc->no_serial) {
            cmdline_item_add(&conf.serials, "stdio");
        }
    }

    for (i = 0; conf.serials && i < conf.serials->len; i++) {
        CmdlineItem *item = g_ptr_array_index(conf.serials, i);
        g_autofree char *label = g_strdup_printf("serial%d", i);

        num_serial_hds = i + 1;
        if (!strcmp(item->arg, "none")) {
            continue;
        }
        serial_hds[i] = create_legacy_chardev(label, item->arg, &item->loc);
    }

    for (i = 0; conf.monitors && i < conf.monitors->len; i++) {
        CmdlineItem *item = g_ptr_array_index(conf.monitors, i);
        bool control = g_str_has_prefix(item->arg, "control:");
        const char *spec = strchr(item->arg, ':') + 1;
        g_autofree char *label = g_strdup_printf("compat_monitor%d", i);
        Chardev *chr;
        bool had_mux_mon;

        if (!strcmp(spec, "none")) {
            continue;
        }
        /* A "mon:" spec already gets its monitor from the mux path. */
        had_mux_mon = g_str_has_prefix(spec, "mon:") && !control;
        chr = create_legacy_chardev(label, spec, &item->loc);
        if (!had_mux_mon) {
            add_monitor_opts(chr->label, control, control && conf.qmp_pretty);
        }
    }
}

static int start_monitor(void *opaque, QemuOpts *opts, Error **errp)
{
    Error *err = NULL;
    const char *id = qemu_opt_get(opts, "chardev");

    if (!qemu_chr_find(id)) {
        qemu_opts_loc_restore(opts);
        vl_fail("chardev '%s' not found", id);
    }
    if (!monitor_init_from_opts(opts, &err)) {
        qemu_opts_loc_restore(opts);
        vl_fail_err(err);
    }
    return 0;
}

/* -machine key=value (everything but "type") as machine properties. */
static int set_machine_prop(void *opaque, const char *name,
                            const char *value, Error **errp)
{
    Object *obj = opaque;

    if (!strcmp(name, "type")) {
        return 0;
    }
    if (!object_property_parse(obj, name, value, errp)) {
        return -1;
    }
    return 0;
}

static MachineState *create_machine(MachineClass *mc)
{
    QemuOpts *opts = qemu_opts_find(&qemu_machine_opts, NULL);
    Object *obj = object_new(object_class_get_name(OBJECT_CLASS(mc)));
    MachineState *ms = MACHINE(obj);
    Error *err = NULL;

    if (opts && qemu_opt_foreach(opts, set_machine_prop, obj, &err)) {
        object_unref(obj);
        qemu_opts_loc_restore(opts);
        vl_fail_err(err);
    }
    if (conf.ram_size_set) {
        ms->ram_size = conf.ram_size;
    }
    g_free(ms->cpu_type);
    ms->cpu_type = resolve_cpu_type(mc);
    ms->kernel_filename = g_strdup(conf.kernel);
    ms->kernel_cmdline = g_strdup(conf.kernel_cmdline);
    ms->firmware = g_strdup(conf.bios);

    object_property_add_child(object_get_root(), "machine", obj);
    object_unref(obj);
    current_machine = ms;
    /*
     * Every machine has the system address space, even one that maps
     * nothing into it (-M none): info mtree and qtest see it from here.
     */
    memory_map_init();
    phase_advance(PHASE_MACHINE_CREATED);
    /* Reset walks the main system bus and everything on it. */
    qemu_register_resettable(OBJECT(sysbus_get_default()));
    return ms;
}

static void create_devices(void)
{
    for (guint i = 0; conf.devices && i < conf.devices->len; i++) {
        CmdlineItem *item = g_ptr_array_index(conf.devices, i);
        Error *err = NULL;
        bool help = false;
        json_t *opts;
        const char *driver;

        loc_restore(&item->loc);
        opts = keyval_parse(item->arg, "driver", &help, &err);
        if (!opts) {
            vl_fail_err(err);
        }
        driver = json_string_value(json_object_get(opts, "driver"));
        if (help) {
            if (driver) {
                vl_print_device_props(driver);
            } else {
                vl_print_devices();
            }
            exit(0);
        }
        if (!qdev_device_add_from_json(opts, &err)) {
            json_decref(opts);
            vl_fail_err(err);
        }
        json_decref(opts);
    }
    loc_set_none();
}

/* Before the machine exists: "-device help" needs no board. */
static void handle_device_help(void)
{
    for (guint i = 0; conf.devices && i < conf.devices->len; i++) {
        CmdlineItem *item = g_ptr_array_index(conf.devices, i);
        bool help = false;
        json_t *opts;

        loc_restore(&item->loc);
        opts = keyval_parse(item->arg, "driver", &help, NULL);
        if (opts && help) {
            const char *driver =
                json_string_value(json_object_get(opts, "driver"));

            if (driver) {
                vl_print_device_props(driver);
            } else {
                vl_print_devices();
            }
            json_decref(opts);
            exit(0);
        }
        json_decref(opts);
    }
    loc_set_none();
}

static void semihosting_exit(int status)
{
    qemu_system_shutdown_request_with_code(SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
                                           status);
}

void qemu_init(int argc, char **argv)
{
    MachineClass *mc;
    MachineState *ms;
    Error *err = NULL;

    error_set_progname("qemu-system-cr16");
    qemu_parse_options(argc, argv);

    handle_device_help();
    mc = select_machine();
    check_ram_size(mc);
    g_free(resolve_cpu_type(mc));   /* fail on a bad -cpu before building */

    configure_logging();
    setup_signals();
    qemu_init_main_loop(&error_fatal);
    configure_accelerator();

    qemu_opts_foreach(&qemu_chardev_opts, create_chardev, NULL, NULL);
    create_serials_and_monitors(mc);
    qemu_opts_foreach(&qemu_mon_opts, start_monitor, NULL, NULL);

    ms = create_machine(mc);
    if (conf.qtest_dev) {
        qtest_server_init(conf.qtest_dev, conf.qtest_log, &err);
        if (err) {
            vl_fail_err(err);
        }
    }
    phase_advance(PHASE_ACCEL_CREATED);
    phase_advance(PHASE_LATE_BACKENDS_CREATED);

    cr16_semihosting_set_exit_handler(semihosting_exit);
    mc->init(ms);
    phase_advance(PHASE_MACHINE_INITIALIZED);

    create_devices();
    qdev_machine_creation_done();
    qemu_chr_open_muxes();

    if (conf.gdb_dev) {
        loc_restore(&conf.gdb_loc);
        if (!gdbserver_start(conf.gdb_dev, &err)) {
            vl_fail_err(err);
        }
        loc_set_none();
    }

    qemu_system_reset(SHUTDOWN_CAUSE_NONE);
    if (conf.autostart) {
        vm_start();
    }
}

void qemu_cleanup(int status)
{
    Object *machine = OBJECT(current_machine);

    /* A debugger learns the exit status before its connection goes. */
    gdb_exit(status);
    pause_all_vcpus();
    cpus_set_halt_hook(NULL);
    cr16_semihosting_set_exit_handler(NULL);
    /*
     * Monitors go before the machine, so that tearing the board down
     * sends no events (a DEVICE_DELETED per device) to clients that only
     * asked to quit, and before the chardevs they are front ends of.
     * Each monitor flushes what it still holds (the SHUTDOWN event).
     */
    monitor_cleanup();
    if (machine) {
        object_unparent(machine);
    }
    /* The board's regions keep it alive until the map lets go of them. */
    memory_map_teardown();
    rom_free_all();
    qemu_chr_cleanup();
    if (tcg_enabled()) {
        tcg_exec_cleanup();
    }
    if (conf.devices) {
        g_ptr_array_free(conf.devices, true);
    }
    if (conf.serials) {
        g_ptr_array_free(conf.serials, true);
    }
    if (conf.monitors) {
        g_ptr_array_free(conf.monitors, true);
    }
    memset(serial_hds, 0, sizeof(serial_hds));
    qemu_opts_reset(&qemu_chardev_opts);
    qemu_opts_reset(&qemu_machine_opts);
    qemu_opts_reset(&qemu_accel_opts);
    qemu_opts_reset(&qemu_icount_opts);
    qemu_opts_reset(&qemu_mon_opts);
    g_free((char *)qemu_name);
    qemu_name = NULL;
    qemu_log_close();
}
