/*
 * CR16C architectural rules that need no QEMU core: reset, PSR and stack
 * banking, processor registers, conditions, exception entry and RETX,
 * instruction length, gdb register layout and the register dump.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "target/cr16/cr16-arch.h"

/* ---- register file ------------------------------------------------------ */

void cr16_arch_reset(CPUCR16State *env, uint32_t entry_pc)
{
    /* Keep the board's settings across the reset. */
    uint32_t addr_limit = env->addr_limit ? env->addr_limit : CR16_ADDR_MAX;
    bool semihosting = env->semihosting;

    /*
     * isa.md 3: PSR = E only, CFG = 0, DBS = DCR = 0.  The registers the
     * manual calls unpredictable are zeroed so runs are reproducible.
     */
    memset(env, 0, sizeof(*env));
    env->psr = CR16_PSR_RESET;
    env->pc = entry_pc & CR16_PC_MASK;
    env->addr_limit = addr_limit;
    env->semihosting = semihosting;
}

/* ---- PSR ---------------------------------------------------------------- */

void cr16_set_user_mode(CPUCR16State *env, bool user)
{
    bool was_user = env->psr & CR16_PSR_U;
    uint32_t tmp;

    if (user == was_user) {
        return;
    }
    /* r15 always names the stack of the current mode (isa.md 7.7). */
    tmp = env->r[CR16_REG_SP];
    env->r[CR16_REG_SP] = env->sp_banked;
    env->sp_banked = tmp;
    if (user) {
        env->psr |= CR16_PSR_U;
    } else {
        env->psr &= ~CR16_PSR_U;
    }
}

void cr16_psr_set(CPUCR16State *env, uint32_t val)
{
    val &= CR16_PSR_MASK;
    cr16_set_user_mode(env, val & CR16_PSR_U);
    env->psr_c = (val >> CR16_PSR_C_SHIFT) & 1;
    env->psr_l = (val >> CR16_PSR_L_SHIFT) & 1;
    env->psr_f = (val >> CR16_PSR_F_SHIFT) & 1;
    env->psr_z = (val >> CR16_PSR_Z_SHIFT) & 1;
    env->psr_n = (val >> CR16_PSR_N_SHIFT) & 1;
    env->psr = val & ~CR16_PSR_FLAGS;
}

/* ---- processor registers ------------------------------------------------ */

bool cr16_preg_dword_valid(unsigned code)
{
    switch (code) {
    case CR16_PREG_DBS:
    case CR16_PREG_DSR:
    case CR16_PREG_DCRL:
    case CR16_PREG_CAR0L:
    case CR16_PREG_CAR1L:
    case CR16_PREG_CFG:
    case CR16_PREG_PSR:
    case CR16_PREG_INTBASEL:
    case CR16_PREG_ISPL:
    case CR16_PREG_USPL:
        return true;
    default:
        return false;
    }
}

uint32_t cr16_get_usp(const CPUCR16State *env)
{
    return (env->psr & CR16_PSR_U) ? env->r[CR16_REG_SP] : env->sp_banked;
}

static void cr16_set_usp(CPUCR16State *env, uint32_t val)
{
    if (env->psr & CR16_PSR_U) {
        env->r[CR16_REG_SP] = val;
    } else {
        env->sp_banked = val;
    }
}

/* The 32-bit register behind a 16-bit code and whether it is the h half. */
static uint32_t cr16_preg_full(const CPUCR16State *env, unsigned code)
{
    switch (code & ~1u) {
    case CR16_PREG_DBS:
        return code == CR16_PREG_DBS ? env->dbs : env->dsr;
    case CR16_PREG_DCRL:
        return env->dcr;
    case CR16_PREG_CAR0L:
        return env->car0;
    case CR16_PREG_CAR1L:
        return env->car1;
    case CR16_PREG_CFG:
        return code == CR16_PREG_CFG ? env->cfg : cr16_psr_get(env);
    case CR16_PREG_INTBASEL:
        return env->intbase;
    case CR16_PREG_ISPL:
        return env->isp;
    case CR16_PREG_USPL:
        return cr16_get_usp(env);
    }
    return 0;
}

uint32_t cr16_preg_read(const CPUCR16State *env, unsigned code, bool dword)
{
    code &= 15;
    if (dword) {
        if (!cr16_preg_dword_valid(code)) {
            return 0;       /* reserved codes read as zero [U] */
        }
        return cr16_preg_full(env, code);
    }
    switch (code) {
    case CR16_PREG_DBS:
    case CR16_PREG_DSR:
    case CR16_PREG_CFG:
    case CR16_PREG_PSR:
        return cr16_preg_full(env, code) & 0xFFFF;
    default:
        /* Odd codes of the 32-bit registers are their high halves. */
        if (code & 1) {
            return cr16_preg_full(env, code - 1) >> 16;
        }
        return cr16_preg_full(env, code) & 0xFFFF;
    }
}

static void cr16_write_cfg(CPUCR16State *env, uint32_t val)
{
    val &= CR16_CFG_MASK;
    if ((val & CR16_CFG_SR) && !(env->cfg & CR16_CFG_SR)) {
        qemu_log_mask(LOG_UNIMP, "cr16: CFG.SR=1 (CR16B short registers) "
                      "is not emulated; the bit is stored only\n");
    }
    env->cfg = val;
}

void cr16_preg_write(CPUCR16State *env, unsigned code, uint32_t val,
                     bool dword)
{
    uint32_t full;

    code &= 15;
    if (dword) {
        if (!cr16_preg_dword_valid(code)) {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "cr16: lprd to reserved register code %u\n", code);
            return;
        }
        full = val;
    } else {
        switch (code) {
        case CR16_PREG_DBS:
        case CR16_PREG_DSR:
        case CR16_PREG_CFG:
        case CR16_PREG_PSR:
            full = val & 0xFFFF;
            break;
        default:
            /* A 16-bit half of a 32-bit register: merge it in. */
            full = cr16_preg_full(env, code & ~1u);
            if (code & 1) {
                full = (full & 0xFFFF) | (val << 16);
            } else {
                full = (full & 0xFFFF0000u) | (val & 0xFFFF);
            }
            code &= ~1u;
            break;
        }
    }

    switch (code) {
    case CR16_PREG_DBS:
        env->dbs = full & 0xFFFF;
        break;
    case CR16_PREG_DSR:
        env->dsr = full & 0xFFFF;
        break;
    case CR16_PREG_DCRL:
        env->dcr = full;
        break;
    case CR16_PREG_CAR0L:
        env->car0 = full & CR16_ADDR_MAX;
        break;
    case CR16_PREG_CAR1L:
        env->car1 = full & CR16_ADDR_MAX;
        break;
    case CR16_PREG_CFG:
        cr16_write_cfg(env, full);
        break;
    case CR16_PREG_PSR:
        /* isa.md 2.3: LPR loads every PSR bit except U. */
        cr16_psr_set(env, (full & ~CR16_PSR_U) | (env->psr & CR16_PSR_U));
        break;
    case CR16_PREG_INTBASEL:
        env->intbase = full & CR16_PC_MASK;
        break;
    case CR16_PREG_ISPL:
        env->isp = full & CR16_PC_MASK;
        break;
    case CR16_PREG_USPL:
        /* USP bit 0 is not forced (isa.md 2.3). */
        cr16_set_usp(env, full & CR16_ADDR_MAX);
        break;
    }
}

/* ---- conditions --------------------------------------------------------- */

bool cr16_cond_holds(const CPUCR16State *env, unsigned cc)
{
    switch (cc & 15) {
    case 0:  return env->psr_z;
    case 1:  return !env->psr_z;
    case 2:  return env->psr_c;
    case 3:  return !env->psr_c;
    case 4:  return env->psr_l;
    case 5:  return !env->psr_l;
    case 6:  return env->psr_n;
    case 7:  return !env->psr_n;
    case 8:  return env->psr_f;
    case 9:  return !env->psr_f;
    case 10: return !env->psr_z && !env->psr_l;
    case 11: return env->psr_z || env->psr_l;
    case 12: return !env->psr_z && !env->psr_n;
    case 13: return env->psr_z || env->psr_n;
    default: return true;
    }
}

const char *cr16_cond_name(unsigned cc)
{
    static const char *const names[16] = {
        "eq", "ne", "cs", "cc", "hi", "ls", "gt", "le",
        "fs", "fc", "lo", "hs", "lt", "ge", "", "uc",
    };
    return names[cc & 15];
}

/* ---- exceptions --------------------------------------------------------- */

uint32_t cr16_dispatch_target(CPUCR16State *env, const CR16Mem *mem,
                              unsigned vector)
{
    uint32_t base = env->intbase & CR16_PC_MASK;

    if (env->cfg & CR16_CFG_ED) {
        /* isa.md 7.2: 32-bit entries holding handler >> 1. */
        uint32_t e = mem->load(mem->opaque,
                               (base + 4 * vector) & CR16_ADDR_MAX, 4);
        return (e << 1) & CR16_PC_MASK;
    }
    /* 16-bit entries: handler bits 16:1, so handlers live below 128 KiB. */
    return (mem->load(mem->opaque, (base + 2 * vector) & CR16_ADDR_MAX, 2)
            << 1) & CR16_PC_MASK;
}

bool cr16_vector_clears_i(unsigned vector)
{
    switch (vector) {
    case CR16_VEC_SVC:
    case CR16_VEC_DVZ:
    case CR16_VEC_FLG:
    case CR16_VEC_BPT:
    case CR16_VEC_TRC:
    case CR16_VEC_UND:
        return false;
    case CR16_VEC_IAD:
        return CR16_U_IAD_CLEARS_I;
    default:
        /* NMI, DBG, ISE and the maskable interrupts (isa.md 7.3). */
        return true;
    }
}

void cr16_exception_entry(CPUCR16State *env, const CR16Mem *mem,
                          unsigned vector, uint32_t ret_pc, bool clear_i)
{
    uint32_t psr = cr16_psr_get(env);
    uint32_t isp = (env->isp - 6) & CR16_PC_MASK;

    if (env->isp < 6) {
        qemu_log_mask(LOG_GUEST_ERROR, "cr16: exception frame wraps below "
                      "address 0 (ISP=0x%06x)\n", env->isp);
    }
    /*
     * isa.md 7.3 step 2: frame, lowest address first: return address >> 1
     * (32 bits), then the PSR (bits 11:0).
     */
    env->isp = isp;
    mem->store(mem->opaque, isp, (ret_pc & CR16_PC_MASK) >> 1, 4);
    mem->store(mem->opaque, (isp + 4) & CR16_ADDR_MAX, psr & 0x0FFF, 2);

    /* Step 3: supervisor mode, no trace; E is never touched. */
    cr16_set_user_mode(env, false);
    env->psr &= ~(CR16_PSR_T | CR16_PSR_P);
    if (clear_i) {
        env->psr &= ~CR16_PSR_I;
    }
    /* Step 4. */
    env->pc = cr16_dispatch_target(env, mem, vector);
}

void cr16_retx(CPUCR16State *env, const CR16Mem *mem)
{
    uint32_t isp = env->isp & CR16_PC_MASK;
    uint32_t ra = mem->load(mem->opaque, isp, 4);
    uint32_t psr = mem->load(mem->opaque, (isp + 4) & CR16_ADDR_MAX, 2);

    /* isa.md 7.4: every PSR bit comes back, U (and so the SP bank) too. */
    env->pc = (ra << 1) & CR16_PC_MASK;
    cr16_psr_set(env, psr);
    env->isp = (isp + 6) & CR16_PC_MASK;
}

bool cr16_excp_vector_valid(unsigned vec)
{
    switch (vec) {
    case CR16_VEC_SVC:
    case CR16_VEC_DVZ:
    case CR16_VEC_FLG:
    case CR16_VEC_BPT:
    case CR16_VEC_UND:
        return true;
    default:
        return false;
    }
}

const char *cr16_vector_name(unsigned vector, char *buf, size_t len)
{
    static const char *const names[16] = {
        "vec0", "nmi", "vec2", "vec3", "vec4", "svc", "dvz", "flg",
        "bpt", "trc", "und", "vec11", "iad", "vec13", "dbg", "ise",
    };
    if (vector < 16) {
        return names[vector];
    }
    snprintf(buf, len, "int%u", vector);
    return buf;
}

int cr16_pick_interrupt(const CPUCR16State *env)
{
    /* isa.md 7.3 priority: NMI before maskable; NMI ignores E and I. */
    if (env->nmi_pending) {
        return CR16_VEC_NMI;
    }
    if (env->irq_level && (env->psr & CR16_PSR_E) &&
        (env->psr & CR16_PSR_I)) {
        return CR16_PICK_MASKABLE;
    }
    return 0;
}

/* ---- shifts and multiply-accumulate --------------------------------------- */

static uint32_t cr16_width_mask(unsigned width)
{
    return width >= 32 ? 0xFFFFFFFFu : (1u << width) - 1;
}

uint32_t cr16_ashu(uint32_t val, int count, unsigned width)
{
    uint32_t mask = cr16_width_mask(width);
    int64_t sval;

    val &= mask;
    if (count >= 0) {
        return count >= (int)width ? 0 : (val << count) & mask;
    }
    /* Sign-extend from the operand width, then shift arithmetically. */
    sval = (int64_t)(val ^ (1u << (width - 1))) - (1ll << (width - 1));
    count = -count;
    if (count >= (int)width) {
        count = width - 1;  /* every bit becomes the sign [U] */
    }
    return (uint32_t)(sval >> count) & mask;
}

uint32_t cr16_lsh(uint32_t val, int count, unsigned width)
{
    uint32_t mask = cr16_width_mask(width);

    val &= mask;
    if (count >= 0) {
        return count >= (int)width ? 0 : (val << count) & mask;
    }
    count = -count;
    return count >= (int)width ? 0 : val >> count;
}

static uint32_t cr16_sat_s32(int64_t v)
{
    if (v > INT32_MAX) {
        return INT32_MAX;
    }
    if (v < INT32_MIN) {
        return (uint32_t)INT32_MIN;
    }
    return (uint32_t)v;
}

uint32_t cr16_macsw(uint32_t acc, uint32_t a, uint32_t b)
{
    int64_t p = (int64_t)(int16_t)a * (int16_t)b;

    return cr16_sat_s32((int64_t)(int32_t)acc + p);
}

uint32_t cr16_macuw(uint32_t acc, uint32_t a, uint32_t b)
{
    uint64_t sum = (uint64_t)acc + (uint64_t)(a & 0xFFFF) * (b & 0xFFFF);

    return sum > UINT32_MAX ? UINT32_MAX : (uint32_t)sum;
}

uint32_t cr16_macqw(uint32_t acc, uint32_t a, uint32_t b)
{
    /* Q15: the doubled product; only 0x8000 * 0x8000 overflows it. */
    int64_t p = ((int64_t)(int16_t)a * (int16_t)b) * 2;

    if (p > INT32_MAX) {
        p = INT32_MAX;
    }
    return cr16_sat_s32((int64_t)(int32_t)acc + p);
}

/* ---- gdb registers (toolchain-abi.md 4) --------------------------------- */

static const char *const cr16_gdb_names[CR16_GDB_NUM_REGS] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10",
    "r11", "r12", "r13", "ra", "sp", "pc", "isp", "usp", "intbase", "psr",
    "cfg", "dbs", "dcr", "dsr", "car0", "car1",
};

unsigned cr16_gdb_reg_size(int n)
{
    if (n < 0 || n >= CR16_GDB_NUM_REGS) {
        return 0;
    }
    return n < 12 ? 2 : 4;
}

const char *cr16_gdb_reg_name(int n)
{
    return cr16_gdb_reg_size(n) ? cr16_gdb_names[n] : NULL;
}

static uint32_t cr16_gdb_value(const CPUCR16State *env, int n)
{
    if (n < CR16_NUM_GPRS) {
        return env->r[n];
    }
    switch (n) {
    case 16: return env->pc;
    case 17: return env->isp;
    case 18: return cr16_get_usp(env);
    case 19: return env->intbase;
    case 20: return cr16_psr_get(env);
    case 21: return env->cfg;
    case 22: return env->dbs;
    case 23: return env->dcr;
    case 24: return env->dsr;
    case 25: return env->car0;
    default: return env->car1;
    }
}

int cr16_gdb_read_reg(const CPUCR16State *env, int n, uint8_t *buf)
{
    unsigned size = cr16_gdb_reg_size(n);
    uint32_t v;

    if (!size) {
        return 0;
    }
    v = cr16_gdb_value(env, n);
    buf[0] = v;
    buf[1] = v >> 8;
    if (size == 4) {
        buf[2] = v >> 16;
        buf[3] = v >> 24;
    }
    return size;
}

int cr16_gdb_write_reg(CPUCR16State *env, int n, const uint8_t *buf)
{
    unsigned size = cr16_gdb_reg_size(n);
    uint32_t v;

    if (!size) {
        return 0;
    }
    v = buf[0] | (buf[1] << 8);
    if (size == 4) {
        v |= ((uint32_t)buf[2] << 16) | ((uint32_t)buf[3] << 24);
    }
    if (n < 12) {
        env->r[n] = v & 0xFFFF;
        return size;
    }
    if (n < CR16_NUM_GPRS) {
        env->r[n] = v;
        return size;
    }
    switch (n) {
    case 16:
        env->pc = v & CR16_PC_MASK;
        break;
    case 17:
        env->isp = v & CR16_PC_MASK;
        break;
    case 18:
        cr16_set_usp(env, v & CR16_ADDR_MAX);
        break;
    case 19:
        env->intbase = v & CR16_PC_MASK;
        break;
    case 20:
        /* A debugger may change U; the SP bank follows. */
        cr16_psr_set(env, v);
        break;
    case 21:
        cr16_write_cfg(env, v);
        break;
    case 22:
        env->dbs = v & 0xFFFF;
        break;
    case 23:
        env->dcr = v;
        break;
    case 24:
        env->dsr = v & 0xFFFF;
        break;
    case 25:
        env->car0 = v & CR16_ADDR_MAX;
        break;
    default:
        env->car1 = v & CR16_ADDR_MAX;
        break;
    }
    return size;
}

const char *cr16_gdb_target_xml(void)
{
    static char *xml;

    if (!xml) {
        GString *s = g_string_new(
            "<?xml version=\"1.0\"?>\n"
            "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
            "<target version=\"1.0\">\n"
            "  <architecture>cr16</architecture>\n"
            "  <feature name=\"org.gnu.gdb.cr16.core\">\n");
        for (int n = 0; n < CR16_GDB_NUM_REGS; n++) {
            const char *type = "uint32";
            if (n == 16) {
                type = "code_ptr";
            } else if (n == 15 || n == 17 || n == 18) {
                type = "data_ptr";
            } else if (n < 12) {
                type = "uint16";
            }
            g_string_append_printf(s, "    <reg name=\"%s\" bitsize=\"%u\" "
                                   "regnum=\"%d\" type=\"%s\"/>\n",
                                   cr16_gdb_names[n],
                                   cr16_gdb_reg_size(n) * 8, n, type);
        }
        g_string_append(s, "  </feature>\n</target>\n");
        xml = g_string_free(s, false);
    }
    return xml;
}

/* ---- register dump ------------------------------------------------------ */

void cr16_psr_letters(uint32_t psr, char *buf)
{
    /* Most significant named bit first, letters as in isa.md 2.4. */
    static const struct {
        char letter;
        uint32_t bit;
    } bits[10] = {
        { 'I', CR16_PSR_I }, { 'P', CR16_PSR_P }, { 'E', CR16_PSR_E },
        { 'N', CR16_PSR_N }, { 'Z', CR16_PSR_Z }, { 'F', CR16_PSR_F },
        { 'U', CR16_PSR_U }, { 'L', CR16_PSR_L }, { 'T', CR16_PSR_T },
        { 'C', CR16_PSR_C },
    };
    for (int i = 0; i < 10; i++) {
        buf[i] = (psr & bits[i].bit) ? bits[i].letter : '-';
    }
    buf[10] = '\0';
}

void cr16_dump_state_to(const CPUCR16State *env, FILE *f)
{
    uint32_t psr = cr16_psr_get(env);
    char letters[11];
    int i;

    cr16_psr_letters(psr, letters);
    fprintf(f, "PC=%06x PSR=%04x [%s] (IPENZFULTC) CFG=%04x%s%s\n",
            env->pc, psr, letters, env->cfg,
            (env->cfg & CR16_CFG_ED) ? " ED" : "",
            (psr & CR16_PSR_U) ? " user" : " supervisor");
    for (i = 0; i < 12; i++) {
        fprintf(f, "R%-2d=%04x%c", i, env->r[i] & 0xFFFF,
                (i % 6 == 5) ? '\n' : ' ');
    }
    fprintf(f, "R12=%08x R13=%08x RA=%08x SP=%08x\n",
            env->r[12], env->r[13], env->r[14], env->r[15]);
    /* The pairs GCC uses for 32-bit values, as the pair view reads them. */
    for (i = 0; i <= 10; i += 2) {
        fprintf(f, "(r%d,r%d)=%08x%c", i + 1, i, cr16_get_pair(env, i),
                i == 10 ? '\n' : ' ');
    }
    fprintf(f, "ISP=%06x USP=%08x INTBASE=%06x\n",
            env->isp, cr16_get_usp(env), env->intbase);
    fprintf(f, "DBS=%04x DSR=%04x DCR=%08x CAR0=%06x CAR1=%06x\n",
            env->dbs, env->dsr, env->dcr, env->car0, env->car1);
}
