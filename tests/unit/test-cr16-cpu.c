/*
 * CR16C CPU: architectural rules driven directly on a CPUCR16State.
 *
 * Reset values, PSR flag letters in the register dump, register pairs and
 * the 16-bit views of r12-r15, LPR/SPR, exception entry and RETX frame
 * layout on ISP, dispatch with CFG.ED = 0 and 1, SP banking, the gdb
 * register layout and the GNU-simulator system calls.  Memory is a plain
 * array behind a CR16Mem.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "target/cr16/cr16-arch.h"
#include "target/cr16/disas.h"

#define TEST_RAM_SIZE 0x40000

typedef struct TestMem {
    uint8_t ram[TEST_RAM_SIZE];
    CR16Mem mem;
} TestMem;

static uint32_t test_load(void *opaque, uint32_t addr, unsigned size)
{
    TestMem *t = opaque;
    uint32_t v = 0;

    g_assert_cmpuint(addr + size, <=, TEST_RAM_SIZE);
    for (unsigned i = 0; i < size; i++) {
        v |= (uint32_t)t->ram[addr + i] << (8 * i);
    }
    return v;
}

static void test_store(void *opaque, uint32_t addr, uint32_t val,
                       unsigned size)
{
    TestMem *t = opaque;

    g_assert_cmpuint(addr + size, <=, TEST_RAM_SIZE);
    for (unsigned i = 0; i < size; i++) {
        t->ram[addr + i] = val >> (8 * i);
    }
}

static bool test_rw(void *opaque, uint32_t addr, void *buf, size_t len,
                    bool is_write)
{
    TestMem *t = opaque;

    if (addr >= TEST_RAM_SIZE || len > TEST_RAM_SIZE - addr) {
        return false;
    }
    if (is_write) {
        memcpy(&t->ram[addr], buf, len);
    } else {
        memcpy(buf, &t->ram[addr], len);
    }
    return true;
}

static TestMem *test_mem_new(void)
{
    TestMem *t = g_new0(TestMem, 1);

    t->mem.load = test_load;
    t->mem.store = test_store;
    t->mem.rw = test_rw;
    t->mem.opaque = t;
    return t;
}

static void test_reset_state(void)
{
    CPUCR16State env;

    memset(&env, 0xA5, sizeof(env));
    env.semihosting = false;
    env.addr_limit = 0;
    cr16_arch_reset(&env, 0x123457);

    /* isa.md 3: PSR = 0x0200 (E only), CFG = 0, PC = the entry, even. */
    g_assert_cmphex(cr16_psr_get(&env), ==, 0x0200);
    g_assert_cmphex(env.cfg, ==, 0);
    g_assert_cmphex(env.pc, ==, 0x123456);
    g_assert_cmphex(env.dbs, ==, 0);
    g_assert_cmphex(env.dcr, ==, 0);
    for (int i = 0; i < CR16_NUM_GPRS; i++) {
        g_assert_cmphex(env.r[i], ==, 0);
    }
    g_assert_cmphex(env.isp, ==, 0);
    g_assert_cmphex(env.intbase, ==, 0);
    g_assert_cmphex(env.addr_limit, ==, 0xFFFFFF);
}

static void test_psr_letters(void)
{
    /* Each PSR bit of isa.md 2.4 shows as its own letter. */
    static const struct {
        uint32_t bit;
        const char *text;
    } cases[] = {
        { 1u << 0,  "---------C" },
        { 1u << 1,  "--------T-" },
        { 1u << 2,  "-------L--" },
        { 1u << 3,  "------U---" },
        { 1u << 5,  "-----F----" },
        { 1u << 6,  "----Z-----" },
        { 1u << 7,  "---N------" },
        { 1u << 9,  "--E-------" },
        { 1u << 10, "-P--------" },
        { 1u << 11, "I---------" },
    };
    char buf[11];

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        cr16_psr_letters(cases[i].bit, buf);
        g_assert_cmpstr(buf, ==, cases[i].text);
    }
    cr16_psr_letters(0x0EEF, buf);
    g_assert_cmpstr(buf, ==, "IPENZFULTC");
}

static char *dump_to_string(const CPUCR16State *env)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    g_assert_nonnull(f);
    cr16_dump_state_to(env, f);
    fclose(f);
    return text;
}

static void test_dump_state(void)
{
    CPUCR16State env = { 0 };
    char *text;

    cr16_arch_reset(&env, 0x100);
    cr16_psr_set(&env, CR16_PSR_E | CR16_PSR_Z | CR16_PSR_C);
    env.r[1] = 0x1234;
    env.r[0] = 0x5678;
    env.r[13] = 0xCAFEBABE;
    text = dump_to_string(&env);

    g_assert_nonnull(strstr(text, "PC=000100"));
    g_assert_nonnull(strstr(text, "PSR=0241 [--E-Z----C]"));
    g_assert_nonnull(strstr(text, "R1 =1234"));
    g_assert_nonnull(strstr(text, "R13=cafebabe"));
    g_assert_nonnull(strstr(text, "(r1,r0)=12345678"));
    free(text);
}

static void test_pairs_read(void)
{
    CPUCR16State env = { 0 };

    for (int i = 0; i < 12; i++) {
        env.r[i] = 0x1000 + i;
    }
    env.r[12] = 0xAAAA1234;
    env.r[13] = 0x13131313;
    env.r[14] = 0x00abcdef;
    env.r[15] = 0x00001ff0;

    /* isa.md 2.2: code p < 11 is (r{p+1},r{p}), high register on top. */
    g_assert_cmphex(cr16_get_pair(&env, 0), ==, 0x10011000);
    g_assert_cmphex(cr16_get_pair(&env, 1), ==, 0x10021001);
    g_assert_cmphex(cr16_get_pair(&env, 10), ==, 0x100b100a);
    /* Code 11 is (r12,r11): only r12's low half is used. */
    g_assert_cmphex(cr16_get_pair(&env, 11), ==, 0x1234100b);
    /* 12..15 are whole 32-bit registers. */
    g_assert_cmphex(cr16_get_pair(&env, 12), ==, 0xAAAA1234);
    g_assert_cmphex(cr16_get_pair(&env, 13), ==, 0x13131313);
    g_assert_cmphex(cr16_get_pair(&env, 14), ==, 0x00abcdef);
    g_assert_cmphex(cr16_get_pair(&env, 15), ==, 0x00001ff0);
}

static void test_pairs_write(void)
{
    CPUCR16State env = { 0 };

    cr16_set_pair(&env, 4, 0x89ABCDEF);
    g_assert_cmphex(env.r[4], ==, 0xCDEF);
    g_assert_cmphex(env.r[5], ==, 0x89AB);

    /* Writing (r12,r11) keeps r12[31:16] (isa.md 9.2). */
    env.r[12] = 0x55550000;
    cr16_set_pair(&env, 11, 0x12345678);
    g_assert_cmphex(env.r[11], ==, 0x5678);
    g_assert_cmphex(env.r[12], ==, 0x55551234);

    cr16_set_pair(&env, 14, 0xFEDCBA98);
    g_assert_cmphex(env.r[14], ==, 0xFEDCBA98);
}

static void test_word_write_keeps_high(void)
{
    CPUCR16State env = { 0 };

    for (int n = 12; n < 16; n++) {
        env.r[n] = 0x11223344;
        cr16_set_reg_w(&env, n, 0xBEEF);
        /* isa.md 2.1: word writes to r12-r15 change bits 15:0 only. */
        g_assert_cmphex(env.r[n], ==, 0x1122BEEF);
    }
    /* r0-r11 are 16 bits wide: the upper half stays zero. */
    cr16_set_reg_w(&env, 3, 0x12345678);
    g_assert_cmphex(env.r[3], ==, 0x5678);
}

static void test_byte_write_keeps_high(void)
{
    CPUCR16State env = { 0 };

    env.r[7] = 0xAB12;
    cr16_set_reg_b(&env, 7, 0x3456);
    g_assert_cmphex(env.r[7], ==, 0xAB56);
    env.r[13] = 0x12345678;
    cr16_set_reg_b(&env, 13, 0x9A);
    g_assert_cmphex(env.r[13], ==, 0x1234569A);
}

static void test_index_pairs(void)
{
    /* isa.md 2.2: rpx 6 and 7 are the odd pairs (r4,r3) and (r6,r5). */
    static const unsigned expect[8] = { 0, 2, 4, 6, 8, 10, 3, 5 };

    for (unsigned i = 0; i < 8; i++) {
        g_assert_cmpuint(cr16_index_pair(i), ==, expect[i]);
    }
}

static void test_lpr_psr_keeps_u(void)
{
    CPUCR16State env = { 0 };

    cr16_arch_reset(&env, 0);
    cr16_preg_write(&env, CR16_PREG_PSR, 0x0EEF, false);
    /* Every bit but U is loaded. */
    g_assert_cmphex(cr16_psr_get(&env), ==, 0x0EE7);
    cr16_set_user_mode(&env, true);
    cr16_preg_write(&env, CR16_PREG_PSR, 0x0000, false);
    g_assert_cmphex(cr16_psr_get(&env), ==, CR16_PSR_U);
}

static void test_lpr_fixed_bits(void)
{
    CPUCR16State env = { 0 };

    cr16_arch_reset(&env, 0);
    /* ISP and INTBASE bit 0 reads 0; bits 31:24 are always 0. */
    cr16_preg_write(&env, CR16_PREG_ISPL, 0x12345679, true);
    g_assert_cmphex(env.isp, ==, 0x345678);
    cr16_preg_write(&env, CR16_PREG_INTBASEL, 0x0FFF, false);
    cr16_preg_write(&env, CR16_PREG_INTBASEH, 0xABCD, false);
    g_assert_cmphex(env.intbase, ==, 0xCD0FFE);
    g_assert_cmphex(cr16_preg_read(&env, CR16_PREG_INTBASEH, false), ==,
                    0x00CD);
    /* USP bit 0 is not forced. */
    cr16_preg_write(&env, CR16_PREG_USPL, 0x2001, true);
    g_assert_cmphex(cr16_get_usp(&env), ==, 0x2001);
    g_assert_cmphex(env.sp_banked, ==, 0x2001);
    /* LPRD to a 16-bit register ignores bits 31:16. */
    cr16_preg_write(&env, CR16_PREG_CFG, 0xFFFF0100, true);
    g_assert_cmphex(env.cfg, ==, CR16_CFG_ED);
    g_assert_cmphex(cr16_preg_read(&env, CR16_PREG_CFG, true), ==, 0x100);
    /* Reserved LPRD/SPRD codes read as zero. */
    g_assert_false(cr16_preg_dword_valid(3));
    g_assert_cmphex(cr16_preg_read(&env, 3, true), ==, 0);
    g_assert_true(cr16_preg_dword_valid(CR16_PREG_USPL));
}

static void test_conditions(void)
{
    CPUCR16State env = { 0 };

    /* After "cmpw $5, r1" with r1 = 3: src > dst, so N, L set, Z clear. */
    env.psr_n = 1;
    env.psr_l = 1;
    g_assert_true(cr16_cond_holds(&env, 1));     /* ne */
    g_assert_true(cr16_cond_holds(&env, 4));     /* hi */
    g_assert_true(cr16_cond_holds(&env, 6));     /* gt */
    g_assert_false(cr16_cond_holds(&env, 10));   /* lo */
    g_assert_false(cr16_cond_holds(&env, 12));   /* lt */
    g_assert_true(cr16_cond_holds(&env, 11));    /* hs */
    g_assert_true(cr16_cond_holds(&env, 13));    /* ge */
    g_assert_true(cr16_cond_holds(&env, 14));
    g_assert_true(cr16_cond_holds(&env, 15));
    env = (CPUCR16State) { 0 };
    env.psr_z = 1;
    g_assert_true(cr16_cond_holds(&env, 0));
    g_assert_true(cr16_cond_holds(&env, 11));
    g_assert_false(cr16_cond_holds(&env, 10));
    env.psr_c = 1;
    g_assert_true(cr16_cond_holds(&env, 2));
    g_assert_false(cr16_cond_holds(&env, 3));
    env.psr_f = 1;
    g_assert_true(cr16_cond_holds(&env, 8));
    g_assert_false(cr16_cond_holds(&env, 9));
    g_assert_cmpstr(cr16_cond_name(13), ==, "ge");
}

static void setup_excp(CPUCR16State *env, TestMem *t, bool ed)
{
    cr16_arch_reset(env, 0x2000);
    env->isp = 0x1000;
    env->intbase = 0x8000;
    if (ed) {
        env->cfg = CR16_CFG_ED;
        /* 32-bit entries hold handler >> 1, here a handler at 0x1A2B4C. */
        test_store(t, 0x8000 + 4 * CR16_VEC_SVC, 0x1A2B4C >> 1, 4);
        test_store(t, 0x8000 + 4 * 20, 0x030000 >> 1, 4);
    } else {
        /* 16-bit entries hold handler bits 16:1. */
        test_store(t, 0x8000 + 2 * CR16_VEC_SVC, 0x1F00E >> 1, 2);
        test_store(t, 0x8000 + 2 * 20, 0x00400 >> 1, 2);
    }
}

static void test_excp_frame_layout(void)
{
    g_autofree TestMem *t = test_mem_new();
    CPUCR16State env = { 0 };

    setup_excp(&env, t, true);
    cr16_psr_set(&env, CR16_PSR_E | CR16_PSR_I | CR16_PSR_T | CR16_PSR_P |
                 CR16_PSR_C | CR16_PSR_N);

    /* SVC at 0x123456: the EXCP's own address is saved. */
    cr16_exception_entry(&env, &t->mem, CR16_VEC_SVC, 0x123456,
                         cr16_vector_clears_i(CR16_VEC_SVC));

    /* isa.md 7.3: ISP -= 6; [ISP] = PC >> 1 (32 bits); [ISP+4] = PSR. */
    g_assert_cmphex(env.isp, ==, 0x0FFA);
    g_assert_cmphex(test_load(t, 0x0FFA, 2), ==, 0x1A2B);
    g_assert_cmphex(test_load(t, 0x0FFA, 4), ==, 0x123456 >> 1);
    g_assert_cmphex(test_load(t, 0x0FFC, 2), ==, 0x0009);
    g_assert_cmphex(test_load(t, 0x0FFE, 2), ==, 0x0E83);
    /* T, P, U cleared; E and I kept for a trap; flags untouched. */
    g_assert_cmphex(cr16_psr_get(&env), ==,
                    CR16_PSR_E | CR16_PSR_I | CR16_PSR_C | CR16_PSR_N);
    g_assert_cmphex(env.pc, ==, 0x1A2B4C);
}

static void test_excp_interrupt_clears_i(void)
{
    g_autofree TestMem *t = test_mem_new();
    CPUCR16State env = { 0 };

    setup_excp(&env, t, true);
    cr16_psr_set(&env, CR16_PSR_E | CR16_PSR_I);
    g_assert_true(cr16_vector_clears_i(20));
    g_assert_true(cr16_vector_clears_i(CR16_VEC_NMI));
    g_assert_true(cr16_vector_clears_i(CR16_VEC_DBG));
    g_assert_false(cr16_vector_clears_i(CR16_VEC_UND));
    g_assert_false(cr16_vector_clears_i(CR16_VEC_IAD));
    cr16_exception_entry(&env, &t->mem, 20, 0x2002, true);
    /* I cleared, E never touched (isa.md 7.3 step 3). */
    g_assert_cmphex(cr16_psr_get(&env), ==, CR16_PSR_E);
    g_assert_cmphex(env.pc, ==, 0x030000);
}

static void test_dispatch_ed0(void)
{
    g_autofree TestMem *t = test_mem_new();
    CPUCR16State env = { 0 };

    setup_excp(&env, t, false);
    /* isa.md 7.2: 16-bit entries, PC = entry << 1. */
    g_assert_cmphex(cr16_dispatch_target(&env, &t->mem, CR16_VEC_SVC), ==,
                    0x1F00E);
    cr16_exception_entry(&env, &t->mem, 20, 0x2000, true);
    g_assert_cmphex(env.pc, ==, 0x400);
}

static void test_dispatch_ed1(void)
{
    g_autofree TestMem *t = test_mem_new();
    CPUCR16State env = { 0 };

    setup_excp(&env, t, true);
    g_assert_cmphex(cr16_dispatch_target(&env, &t->mem, CR16_VEC_SVC), ==,
                    0x1A2B4C);
    /* With ED=1 the same 16-bit slot would have read a different word. */
    env.cfg = 0;
    g_assert_cmphex(cr16_dispatch_target(&env, &t->mem, CR16_VEC_SVC), !=,
                    0x1A2B4C);
}

static void test_retx(void)
{
    g_autofree TestMem *t = test_mem_new();
    CPUCR16State env = { 0 };

    cr16_arch_reset(&env, 0);
    /* The PRM's worked example: ISP 0x1000 -> 0x1006. */
    env.isp = 0x1000;
    test_store(t, 0x1000, 0x123456 >> 1, 4);
    test_store(t, 0x1004, CR16_PSR_I | CR16_PSR_E | CR16_PSR_F |
               CR16_PSR_T, 2);
    cr16_retx(&env, &t->mem);
    g_assert_cmphex(env.pc, ==, 0x123456);
    g_assert_cmphex(env.isp, ==, 0x1006);
    g_assert_cmphex(cr16_psr_get(&env), ==, CR16_PSR_I | CR16_PSR_E |
                    CR16_PSR_F | CR16_PSR_T);
}

static void test_excp_retx_roundtrip(void)
{
    g_autofree TestMem *t = test_mem_new();
    CPUCR16State env = { 0 };
    uint32_t psr = CR16_PSR_E | CR16_PSR_I | CR16_PSR_Z | CR16_PSR_L;

    setup_excp(&env, t, false);
    cr16_psr_set(&env, psr);
    cr16_exception_entry(&env, &t->mem, 20, 0x2468, true);
    cr16_retx(&env, &t->mem);
    g_assert_cmphex(env.pc, ==, 0x2468);
    g_assert_cmphex(env.isp, ==, 0x1000);
    g_assert_cmphex(cr16_psr_get(&env), ==, psr);
}

static void test_user_sp_banking(void)
{
    g_autofree TestMem *t = test_mem_new();
    CPUCR16State env = { 0 };

    setup_excp(&env, t, false);
    env.r[CR16_REG_SP] = 0x7000;            /* supervisor SP */
    cr16_preg_write(&env, CR16_PREG_USPL, 0x5000, true);

    /* JUSR: user mode, r15 now means USP (isa.md 7.7). */
    cr16_set_user_mode(&env, true);
    g_assert_cmphex(env.r[CR16_REG_SP], ==, 0x5000);
    env.r[CR16_REG_SP] = 0x4FF0;            /* user code pushes */

    /* An exception runs on the supervisor SP, frame on ISP. */
    cr16_exception_entry(&env, &t->mem, CR16_VEC_SVC, 0x3000, false);
    g_assert_false(env.psr & CR16_PSR_U);
    g_assert_cmphex(env.r[CR16_REG_SP], ==, 0x7000);
    g_assert_cmphex(cr16_get_usp(&env), ==, 0x4FF0);
    g_assert_cmphex(test_load(t, 0x0FFE, 2) & CR16_PSR_U,
                    ==, CR16_PSR_U);

    /* RETX restores U and with it USP as r15. */
    cr16_retx(&env, &t->mem);
    g_assert_true(env.psr & CR16_PSR_U);
    g_assert_cmphex(env.r[CR16_REG_SP], ==, 0x4FF0);
}

static void test_excp_vectors(void)
{
    unsigned v;
    int valid = 0;

    /* isa.md 7.1: EXCP accepts only SVC, DVZ, FLG, BPT and UND. */
    for (v = 0; v < 16; v++) {
        valid += cr16_excp_vector_valid(v);
    }
    g_assert_cmpint(valid, ==, 5);
    g_assert_true(cr16_excp_vector_valid(CR16_VEC_BPT));
    g_assert_false(cr16_excp_vector_valid(CR16_VEC_TRC));
    g_assert_false(cr16_excp_vector_valid(CR16_VEC_IAD));
}

static void test_pick_interrupt(void)
{
    CPUCR16State env = { 0 };

    cr16_arch_reset(&env, 0);
    env.irq_level = 1;
    /* Reset leaves I = 0: maskable interrupts stay off. */
    g_assert_cmpint(cr16_pick_interrupt(&env), ==, 0);
    env.psr |= CR16_PSR_I;
    g_assert_cmpint(cr16_pick_interrupt(&env), ==, CR16_PICK_MASKABLE);
    env.psr &= ~CR16_PSR_E;                 /* DI */
    g_assert_cmpint(cr16_pick_interrupt(&env), ==, 0);
    /* NMI ignores E and I and comes first. */
    env.nmi_pending = 1;
    g_assert_cmpint(cr16_pick_interrupt(&env), ==, CR16_VEC_NMI);
}

static void test_insn_length(void)
{
    static const struct {
        uint16_t w0;
        unsigned len;
    } cases[] = {
        { 0x0070, 6 },      /* movd $imm32, (r1,r0) */
        { 0x2C00, 2 },      /* nop */
        { 0x5AB1, 4 },      /* movw $imm16, r1 */
        { 0x5BB1, 2 },      /* movw r11, r1 */
        { 0x18E0, 4 },      /* br disp17 */
        { 0x1E12, 2 },      /* b disp9 */
        { 0x0010, 6 },      /* bcond disp25 / bal rp */
        { 0x0012, 6 },      /* 48-bit loads */
        { 0x0018, 6 },      /* -disp20 loads */
        { 0x0014, 4 },      /* lpr & co */
        { 0x00C8, 2 },      /* excp bpt */
        { 0x0510, 4 },      /* movd $imm20 */
        { 0xC012, 4 },      /* bal (ra), disp24 */
        { 0xC2F1, 2 },      /* storw $imm4, 0(rp) */
        { 0x9F21, 4 },      /* loadw disp16(rp) */
        { 0x9E21, 2 },      /* loadw [rx]0(rpx) */
        { 0x6A12, 2 },      /* cbitb 0(rp) */
        { 0x6A92, 4 },      /* cbitb [rx]disp14 */
        { 0x6E12, 2 },      /* cbitw 0(rp) */
        { 0x4EF1, 2 },      /* ashud $-1 */
        { 0x60B2, 4 },      /* addd $imm16 */
        { 0x61B2, 2 },      /* addd (r12,r11),(r3,r2) */
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_assert_cmpint(cr16_disas_insn_length(cases[i].w0), ==, cases[i].len);
    }
}

static void test_gdb_layout(void)
{
    CPUCR16State env = { 0 };
    uint8_t buf[4];
    unsigned total = 0;

    /* toolchain-abi.md 4: 12 x 2 + 15 x 4 = 84 bytes in a 'g' packet. */
    for (int n = 0; n < CR16_GDB_NUM_REGS; n++) {
        total += cr16_gdb_reg_size(n);
    }
    g_assert_cmpuint(total, ==, 84);
    g_assert_cmpuint(cr16_gdb_reg_size(CR16_GDB_NUM_REGS), ==, 0);
    g_assert_cmpstr(cr16_gdb_reg_name(14), ==, "ra");
    g_assert_cmpstr(cr16_gdb_reg_name(20), ==, "psr");
    g_assert_cmpstr(cr16_gdb_reg_name(26), ==, "car1");

    cr16_arch_reset(&env, 0x4000);
    env.r[5] = 0xBEEF;
    g_assert_cmpint(cr16_gdb_read_reg(&env, 5, buf), ==, 2);
    g_assert_cmphex(buf[0], ==, 0xEF);
    g_assert_cmphex(buf[1], ==, 0xBE);
    g_assert_cmpint(cr16_gdb_read_reg(&env, 16, buf), ==, 4);
    g_assert_cmphex(buf[1], ==, 0x40);

    buf[0] = 0x41;
    buf[1] = 0x08;
    buf[2] = 0;
    buf[3] = 0;
    g_assert_cmpint(cr16_gdb_write_reg(&env, 20, buf), ==, 4);
    g_assert_cmphex(cr16_psr_get(&env), ==, 0x0841);
    g_assert_true(env.psr_z);

    g_assert_nonnull(strstr(cr16_gdb_target_xml(),
                            "<reg name=\"car1\" bitsize=\"32\" regnum=\"26\""));
}

static void test_shift_counts(void)
{
    /* Count 0 and the full range in both directions (instructions.md 5). */
    g_assert_cmphex(cr16_ashu(0x1234, 0, 16), ==, 0x1234);
    g_assert_cmphex(cr16_ashu(0x0001, 15, 16), ==, 0x8000);
    g_assert_cmphex(cr16_ashu(0x8000, -15, 16), ==, 0xFFFF);
    g_assert_cmphex(cr16_ashu(0x8000, -16, 16), ==, 0xFFFF);
    g_assert_cmphex(cr16_ashu(0x7000, -16, 16), ==, 0x0000);
    g_assert_cmphex(cr16_ashu(0x80, -8, 8), ==, 0xFF);
    g_assert_cmphex(cr16_ashu(0x80000000u, -32, 32), ==, 0xFFFFFFFF);
    g_assert_cmphex(cr16_ashu(1, 31, 32), ==, 0x80000000u);
    g_assert_cmphex(cr16_lsh(0x8000, -15, 16), ==, 0x0001);
    g_assert_cmphex(cr16_lsh(0x8000, -16, 16), ==, 0);
    g_assert_cmphex(cr16_lsh(0xFFFFFFFFu, -32, 32), ==, 0);
    g_assert_cmphex(cr16_lsh(0x81, 1, 8), ==, 0x02);
    /* Only the operand width takes part. */
    g_assert_cmphex(cr16_ashu(0x1280, -1, 8), ==, 0xC0);
}

static void test_mac(void)
{
    g_assert_cmphex(cr16_macsw(10, 0xFFFE, 3), ==, 4);
    g_assert_cmphex(cr16_macsw(0x7FFFFFF0, 0x100, 0x100), ==, 0x7FFFFFFF);
    g_assert_cmphex(cr16_macsw(0x80000010, 0xFF00, 0x100), ==, 0x80000000u);
    g_assert_cmphex(cr16_macuw(0xFFFFFFF0, 0xFFFF, 0xFFFF), ==, 0xFFFFFFFFu);
    g_assert_cmphex(cr16_macuw(1, 0xFFFF, 2), ==, 0x1FFFF);
    /* Q15: doubled product; 0x8000 * 0x8000 saturates before the sum. */
    g_assert_cmphex(cr16_macqw(1, 0x4000, 0x4000), ==, 0x20000001);
    g_assert_cmphex(cr16_macqw(0, 0x8000, 0x8000), ==, 0x7FFFFFFF);
    g_assert_cmphex(cr16_macqw(0xFFFFFFFFu, 0x8000, 0x8000), ==, 0x7FFFFFFE);
}

/* ---- semihosting -------------------------------------------------------- */

static void put_string(TestMem *t, uint32_t addr, const char *s)
{
    memcpy(&t->ram[addr], s, strlen(s) + 1);
}

static CR16SemiResult semi_call(CPUCR16State *env, TestMem *t, uint32_t nr,
                                uint32_t p1, uint32_t p2, uint32_t p3,
                                uint32_t p4)
{
    int status = -1;

    env->r[0] = nr;
    env->r[2] = p1;
    env->r[3] = p2;
    env->r[4] = p3;
    env->r[5] = p4;
    return cr16_semihosting_call(env, &t->mem, &status);
}

static void test_semi_exit(void)
{
    g_autofree TestMem *t = test_mem_new();
    CPUCR16State env = { 0 };
    int status = -1;

    env.r[0] = CR16_SYS_EXIT;
    env.r[2] = 42;
    g_assert_cmpint(cr16_semihosting_call(&env, &t->mem, &status), ==,
                    CR16_SEMI_EXIT);
    g_assert_cmpint(status, ==, 42);
}

static void test_semi_file_roundtrip(void)
{
    g_autofree TestMem *t = test_mem_new();
    g_autofree char *dir = g_dir_make_tmp("cr16-semi-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "f.txt", NULL);
    g_autofree char *path2 = g_build_filename(dir, "g.txt", NULL);
    CPUCR16State env = { 0 };
    uint32_t fd;

    cr16_semihosting_reset();
    put_string(t, 0x100, path);
    put_string(t, 0x20000, path2);
    memcpy(&t->ram[0x3000], "hello", 5);

    /* open(path, O_WRONLY|O_CREAT|O_TRUNC): the path is (r3:r2). */
    g_assert_cmpint(semi_call(&env, t, CR16_SYS_OPEN, 0x100, 0,
                              0x0001 | 0x0200 | 0x0400, 0), ==,
                    CR16_SEMI_DONE);
    fd = cr16_get_pair(&env, 0);
    g_assert_cmpuint(fd, >=, 3);
    g_assert_cmphex(env.r[4], ==, 0);

    /* write(fd, buf = (r4:r3), count = r5) */
    semi_call(&env, t, CR16_SYS_WRITE, fd, 0x3000, 0, 5);
    g_assert_cmphex(env.r[0], ==, 5);
    semi_call(&env, t, CR16_SYS_CLOSE, fd, 0, 0, 0);
    g_assert_cmphex(env.r[0], ==, 0);

    /* rename old = (r3:r2), new = (r5:r4); then read it back. */
    semi_call(&env, t, CR16_SYS_RENAME, 0x100, 0, 0x0000, 0x0002);
    g_assert_cmphex(env.r[0], ==, 0);
    semi_call(&env, t, CR16_SYS_OPEN, 0x0000, 0x0002, 0, 0);
    fd = cr16_get_pair(&env, 0);
    g_assert_cmpuint(fd, >=, 3);
    semi_call(&env, t, CR16_SYS_LSEEK, fd, 1, 0, 0);
    g_assert_cmphex(cr16_get_pair(&env, 0), ==, 1);
    semi_call(&env, t, CR16_SYS_READ, fd, 0x4000, 0, 100);
    g_assert_cmphex(env.r[0], ==, 4);
    g_assert_cmpmem(&t->ram[0x4000], 4, "ello", 4);
    semi_call(&env, t, CR16_SYS_CLOSE, fd, 0, 0, 0);

    semi_call(&env, t, CR16_SYS_UNLINK, 0x0000, 0x0002, 0, 0);
    g_assert_cmphex(env.r[0], ==, 0);
    g_assert_false(g_file_test(path2, G_FILE_TEST_EXISTS));
    rmdir(dir);
}

static void test_semi_bad_pointer(void)
{
    g_autofree TestMem *t = test_mem_new();
    CPUCR16State env = { 0 };

    cr16_semihosting_reset();
    /* A buffer past the end of memory: EFAULT (14), not a host crash. */
    semi_call(&env, t, CR16_SYS_WRITE, 1, 0xFFF0, 0x00FF, 0xFFFF);
    g_assert_cmphex(env.r[0], ==, 0xFFFF);
    g_assert_cmpuint(env.r[4], ==, EFAULT);
    /* A path that runs off the end of memory without a NUL. */
    memset(&t->ram[TEST_RAM_SIZE - 16], 'a', 16);
    semi_call(&env, t, CR16_SYS_OPEN, (TEST_RAM_SIZE - 16) & 0xFFFF,
              (TEST_RAM_SIZE - 16) >> 16, 0, 0);
    g_assert_cmphex(cr16_get_pair(&env, 0), ==, 0xFFFFFFFF);
    g_assert_cmpuint(env.r[4], ==, EFAULT);
}

static void test_semi_bad_fd(void)
{
    g_autofree TestMem *t = test_mem_new();
    CPUCR16State env = { 0 };
    int spare = dup(2);

    cr16_semihosting_reset();
    /* A host descriptor the guest never opened is not reachable. */
    g_assert_cmpint(spare, >=, 3);
    semi_call(&env, t, CR16_SYS_WRITE, spare, 0x3000, 0, 1);
    g_assert_cmphex(env.r[0], ==, 0xFFFF);
    g_assert_cmpuint(env.r[4], ==, EBADF);
    semi_call(&env, t, CR16_SYS_CLOSE, 40, 0, 0, 0);
    g_assert_cmpuint(env.r[4], ==, EBADF);
    close(spare);
}

static void test_semi_misc(void)
{
    g_autofree TestMem *t = test_mem_new();
    CPUCR16State env = { 0 };

    semi_call(&env, t, CR16_SYS_GETPID, 0, 0, 0, 0);
    g_assert_cmpuint(env.r[0], ==, 47);
    g_assert_cmphex(env.r[4], ==, 0);
    semi_call(&env, t, CR16_SYS_TIME, 0, 0, 0, 0);
    g_assert_cmpuint(cr16_get_pair(&env, 0), >, 1700000000u);
    semi_call(&env, t, CR16_SYS_FORK, 0, 0, 0, 0);
    g_assert_cmphex(env.r[0], ==, 0xFFFF);
    g_assert_cmpuint(env.r[4], ==, 88);     /* newlib ENOSYS */
    g_assert_cmpint(semi_call(&env, t, 0x7777, 0, 0, 0, 0), ==,
                    CR16_SEMI_UNKNOWN);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/cr16/cpu/reset-state", test_reset_state);
    g_test_add_func("/cr16/cpu/psr/letters", test_psr_letters);
    g_test_add_func("/cr16/cpu/dump-state", test_dump_state);
    g_test_add_func("/cr16/cpu/pairs/read", test_pairs_read);
    g_test_add_func("/cr16/cpu/pairs/write", test_pairs_write);
    g_test_add_func("/cr16/cpu/regs/word-write-keeps-high",
                    test_word_write_keeps_high);
    g_test_add_func("/cr16/cpu/regs/byte-write-keeps-high",
                    test_byte_write_keeps_high);
    g_test_add_func("/cr16/cpu/regs/index-pairs", test_index_pairs);
    g_test_add_func("/cr16/cpu/lpr/psr-keeps-u", test_lpr_psr_keeps_u);
    g_test_add_func("/cr16/cpu/lpr/fixed-bits", test_lpr_fixed_bits);
    g_test_add_func("/cr16/cpu/conditions", test_conditions);
    g_test_add_func("/cr16/cpu/excp/frame-layout", test_excp_frame_layout);
    g_test_add_func("/cr16/cpu/excp/interrupt-clears-i",
                    test_excp_interrupt_clears_i);
    g_test_add_func("/cr16/cpu/excp/dispatch-ed0", test_dispatch_ed0);
    g_test_add_func("/cr16/cpu/excp/dispatch-ed1", test_dispatch_ed1);
    g_test_add_func("/cr16/cpu/excp/retx", test_retx);
    g_test_add_func("/cr16/cpu/excp/retx-roundtrip", test_excp_retx_roundtrip);
    g_test_add_func("/cr16/cpu/excp/user-sp-banking", test_user_sp_banking);
    g_test_add_func("/cr16/cpu/excp/excp-vectors", test_excp_vectors);
    g_test_add_func("/cr16/cpu/irq/pick", test_pick_interrupt);
    g_test_add_func("/cr16/cpu/insn-length", test_insn_length);
    g_test_add_func("/cr16/cpu/shift-counts", test_shift_counts);
    g_test_add_func("/cr16/cpu/mac-saturation", test_mac);
    g_test_add_func("/cr16/cpu/gdb/layout", test_gdb_layout);
    g_test_add_func("/cr16/cpu/semihosting/exit", test_semi_exit);
    g_test_add_func("/cr16/cpu/semihosting/file-roundtrip",
                    test_semi_file_roundtrip);
    g_test_add_func("/cr16/cpu/semihosting/bad-pointer",
                    test_semi_bad_pointer);
    g_test_add_func("/cr16/cpu/semihosting/bad-fd", test_semi_bad_fd);
    g_test_add_func("/cr16/cpu/semihosting/misc", test_semi_misc);

    return g_test_run();
}
