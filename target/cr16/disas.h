/*
 * CR16C disassembler.
 *
 * Prints GNU as syntax ("movw $0x1234, r1", "loadw 0x4(r1,r0), r2",
 * branches with their absolute target "beq 0x1020"), so the output of
 * -d in_asm and of the monitor's x/i can be fed back to scripts/cr16-as.
 * Every encoding comes from target/cr16/insn.decode.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TARGET_CR16_DISAS_H
#define TARGET_CR16_DISAS_H

/*
 * Disassemble the instruction at BUF (LEN bytes available, little-endian
 * 16-bit words) located at guest address PC into OUT (always
 * NUL-terminated when OUTLEN > 0).  Returns the number of bytes consumed:
 * 2, 4 or 6 for an instruction; 2 for a word that is no instruction,
 * printed as ".word 0x...."; 1 when only one byte is left (".byte"); 0
 * when LEN is 0.
 */
int cr16_disas_insn(uint32_t pc, const uint8_t *buf, size_t len,
                    char *out, size_t outlen);

/*
 * Print up to COUNT instructions (COUNT <= 0: until BUF is used up), one
 * per line: address, bytes, text.
 */
void cr16_disas_fprintf(FILE *f, uint32_t pc, const uint8_t *buf, size_t len,
                        int count);

/*
 * Length in bytes (2, 4 or 6) of the instruction whose first word is W0,
 * as the decoder sees it; 2 for words that are no instruction.
 */
int cr16_disas_insn_length(uint16_t w0);

/*
 * The id ("F025", "U001", ...) of the insn.decode form that decodes the
 * words W (3 words; those past the form's length are not read), or NULL.
 */
const char *cr16_disas_form_id(const uint16_t w[3]);

#endif /* TARGET_CR16_DISAS_H */
