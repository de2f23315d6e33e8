# Conditional branches in their three sizes (instructions.md 9, 1.5:
# F111 disp9, F112 disp17, F113 disp25).  Each size is run through every
# condition code under five flag settings chosen so that each condition
# is seen both true and false, including both halves of the compound
# ones (lo: Z=0 and L=0, hs: Z=1 or L=1, lt: Z=0 and N=0, ge: Z=1 or
# N=1), plus br (cc 14) and buc (cc 15, "always" per the PRM).  The
# expected outcome of each (setting, condition) pair comes from isa.md 6.
# A taken branch skips a "br fail"; a branch that must not be taken has
# its target on a "br fail".  Then the displacement limits: disp9 +254
# and -254, disp17 beyond +-0x8000 (W1 bit 0 is the sign, so bit 15 of a
# positive displacement is just a magnitude bit), disp25 beyond +-64 KiB.
# Padding between far targets is zero words (reserved: UND), and every
# trap vector points at "trapped", so a branch landing anywhere wrong
# fails at once.
    .include "cr16-test.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)
    movd $0x7000, (r1,r0)
    lprd (r1,r0), isp
    movd $vtab, (r1,r0)
    lprd (r1,r0), intbase

    # 1: F111 b<cc> disp9, every condition, all flags clear (0x00)
    movw $1, r10
    movw $0x200, r0
    lpr r0, psr
    beq L1
    br L2
L1: br fail
L2:
    bne L3
    br fail
L3:
    bcs L4
    br L5
L4: br fail
L5:
    bcc L6
    br fail
L6:
    bhi L7
    br L8
L7: br fail
L8:
    bls L9
    br fail
L9:
    bgt L10
    br L11
L10: br fail
L11:
    ble L12
    br fail
L12:
    bfs L13
    br L14
L13: br fail
L14:
    bfc L15
    br fail
L15:
    blo L16
    br fail
L16:
    bhs L17
    br L18
L17: br fail
L18:
    blt L19
    br fail
L19:
    bge L20
    br L21
L20: br fail
L21:
    br L22
    br fail
L22:
    buc L23
    br fail
L23:

    # 2: F111 b<cc> disp9, every condition, C L F Z N set (0xe5)
    movw $2, r10
    movw $0x2e5, r0
    lpr r0, psr
    beq L24
    br fail
L24:
    bne L25
    br L26
L25: br fail
L26:
    bcs L27
    br fail
L27:
    bcc L28
    br L29
L28: br fail
L29:
    bhi L30
    br fail
L30:
    bls L31
    br L32
L31: br fail
L32:
    bgt L33
    br fail
L33:
    ble L34
    br L35
L34: br fail
L35:
    bfs L36
    br fail
L36:
    bfc L37
    br L38
L37: br fail
L38:
    blo L39
    br L40
L39: br fail
L40:
    bhs L41
    br fail
L41:
    blt L42
    br L43
L42: br fail
L43:
    bge L44
    br fail
L44:
    br L45
    br fail
L45:
    buc L46
    br fail
L46:

    # 3: F111 b<cc> disp9, every condition, Z alone (0x40)
    movw $3, r10
    movw $0x240, r0
    lpr r0, psr
    beq L47
    br fail
L47:
    bne L48
    br L49
L48: br fail
L49:
    bcs L50
    br L51
L50: br fail
L51:
    bcc L52
    br fail
L52:
    bhi L53
    br L54
L53: br fail
L54:
    bls L55
    br fail
L55:
    bgt L56
    br L57
L56: br fail
L57:
    ble L58
    br fail
L58:
    bfs L59
    br L60
L59: br fail
L60:
    bfc L61
    br fail
L61:
    blo L62
    br L63
L62: br fail
L63:
    bhs L64
    br fail
L64:
    blt L65
    br L66
L65: br fail
L66:
    bge L67
    br fail
L67:
    br L68
    br fail
L68:
    buc L69
    br fail
L69:

    # 4: F111 b<cc> disp9, every condition, L and N (0x84)
    movw $4, r10
    movw $0x284, r0
    lpr r0, psr
    beq L70
    br L71
L70: br fail
L71:
    bne L72
    br fail
L72:
    bcs L73
    br L74
L73: br fail
L74:
    bcc L75
    br fail
L75:
    bhi L76
    br fail
L76:
    bls L77
    br L78
L77: br fail
L78:
    bgt L79
    br fail
L79:
    ble L80
    br L81
L80: br fail
L81:
    bfs L82
    br L83
L82: br fail
L83:
    bfc L84
    br fail
L84:
    blo L85
    br L86
L85: br fail
L86:
    bhs L87
    br fail
L87:
    blt L88
    br L89
L88: br fail
L89:
    bge L90
    br fail
L90:
    br L91
    br fail
L91:
    buc L92
    br fail
L92:

    # 5: F111 b<cc> disp9, every condition, C and F (0x21)
    movw $5, r10
    movw $0x221, r0
    lpr r0, psr
    beq L93
    br L94
L93: br fail
L94:
    bne L95
    br fail
L95:
    bcs L96
    br fail
L96:
    bcc L97
    br L98
L97: br fail
L98:
    bhi L99
    br L100
L99: br fail
L100:
    bls L101
    br fail
L101:
    bgt L102
    br L103
L102: br fail
L103:
    ble L104
    br fail
L104:
    bfs L105
    br fail
L105:
    bfc L106
    br L107
L106: br fail
L107:
    blo L108
    br fail
L108:
    bhs L109
    br L110
L109: br fail
L110:
    blt L111
    br fail
L111:
    bge L112
    br L113
L112: br fail
L113:
    br L114
    br fail
L114:
    buc L115
    br fail
L115:

    # 6: F112 b<cc> disp17, every condition, all flags clear (0x00)
    movw $6, r10
    movw $0x200, r0
    lpr r0, psr
    beq L116@m
    br L117
L116: br fail
L117:
    bne L118@m
    br fail
L118:
    bcs L119@m
    br L120
L119: br fail
L120:
    bcc L121@m
    br fail
L121:
    bhi L122@m
    br L123
L122: br fail
L123:
    bls L124@m
    br fail
L124:
    bgt L125@m
    br L126
L125: br fail
L126:
    ble L127@m
    br fail
L127:
    bfs L128@m
    br L129
L128: br fail
L129:
    bfc L130@m
    br fail
L130:
    blo L131@m
    br fail
L131:
    bhs L132@m
    br L133
L132: br fail
L133:
    blt L134@m
    br fail
L134:
    bge L135@m
    br L136
L135: br fail
L136:
    br L137@m
    br fail
L137:
    buc L138@m
    br fail
L138:

    # 7: F112 b<cc> disp17, every condition, C L F Z N set (0xe5)
    movw $7, r10
    movw $0x2e5, r0
    lpr r0, psr
    beq L139@m
    br fail
L139:
    bne L140@m
    br L141
L140: br fail
L141:
    bcs L142@m
    br fail
L142:
    bcc L143@m
    br L144
L143: br fail
L144:
    bhi L145@m
    br fail
L145:
    bls L146@m
    br L147
L146: br fail
L147:
    bgt L148@m
    br fail
L148:
    ble L149@m
    br L150
L149: br fail
L150:
    bfs L151@m
    br fail
L151:
    bfc L152@m
    br L153
L152: br fail
L153:
    blo L154@m
    br L155
L154: br fail
L155:
    bhs L156@m
    br fail
L156:
    blt L157@m
    br L158
L157: br fail
L158:
    bge L159@m
    br fail
L159:
    br L160@m
    br fail
L160:
    buc L161@m
    br fail
L161:

    # 8: F112 b<cc> disp17, every condition, Z alone (0x40)
    movw $8, r10
    movw $0x240, r0
    lpr r0, psr
    beq L162@m
    br fail
L162:
    bne L163@m
    br L164
L163: br fail
L164:
    bcs L165@m
    br L166
L165: br fail
L166:
    bcc L167@m
    br fail
L167:
    bhi L168@m
    br L169
L168: br fail
L169:
    bls L170@m
    br fail
L170:
    bgt L171@m
    br L172
L171: br fail
L172:
    ble L173@m
    br fail
L173:
    bfs L174@m
    br L175
L174: br fail
L175:
    bfc L176@m
    br fail
L176:
    blo L177@m
    br L178
L177: br fail
L178:
    bhs L179@m
    br fail
L179:
    blt L180@m
    br L181
L180: br fail
L181:
    bge L182@m
    br fail
L182:
    br L183@m
    br fail
L183:
    buc L184@m
    br fail
L184:

    # 9: F112 b<cc> disp17, every condition, L and N (0x84)
    movw $9, r10
    movw $0x284, r0
    lpr r0, psr
    beq L185@m
    br L186
L185: br fail
L186:
    bne L187@m
    br fail
L187:
    bcs L188@m
    br L189
L188: br fail
L189:
    bcc L190@m
    br fail
L190:
    bhi L191@m
    br fail
L191:
    bls L192@m
    br L193
L192: br fail
L193:
    bgt L194@m
    br fail
L194:
    ble L195@m
    br L196
L195: br fail
L196:
    bfs L197@m
    br L198
L197: br fail
L198:
    bfc L199@m
    br fail
L199:
    blo L200@m
    br L201
L200: br fail
L201:
    bhs L202@m
    br fail
L202:
    blt L203@m
    br L204
L203: br fail
L204:
    bge L205@m
    br fail
L205:
    br L206@m
    br fail
L206:
    buc L207@m
    br fail
L207:

    # 10: F112 b<cc> disp17, every condition, C and F (0x21)
    movw $10, r10
    movw $0x221, r0
    lpr r0, psr
    beq L208@m
    br L209
L208: br fail
L209:
    bne L210@m
    br fail
L210:
    bcs L211@m
    br fail
L211:
    bcc L212@m
    br L213
L212: br fail
L213:
    bhi L214@m
    br L215
L214: br fail
L215:
    bls L216@m
    br fail
L216:
    bgt L217@m
    br L218
L217: br fail
L218:
    ble L219@m
    br fail
L219:
    bfs L220@m
    br fail
L220:
    bfc L221@m
    br L222
L221: br fail
L222:
    blo L223@m
    br fail
L223:
    bhs L224@m
    br L225
L224: br fail
L225:
    blt L226@m
    br fail
L226:
    bge L227@m
    br L228
L227: br fail
L228:
    br L229@m
    br fail
L229:
    buc L230@m
    br fail
L230:

    # 11: F113 b<cc> disp25, every condition, all flags clear (0x00)
    movw $11, r10
    movw $0x200, r0
    lpr r0, psr
    beq L231@l
    br L232
L231: br fail
L232:
    bne L233@l
    br fail
L233:
    bcs L234@l
    br L235
L234: br fail
L235:
    bcc L236@l
    br fail
L236:
    bhi L237@l
    br L238
L237: br fail
L238:
    bls L239@l
    br fail
L239:
    bgt L240@l
    br L241
L240: br fail
L241:
    ble L242@l
    br fail
L242:
    bfs L243@l
    br L244
L243: br fail
L244:
    bfc L245@l
    br fail
L245:
    blo L246@l
    br fail
L246:
    bhs L247@l
    br L248
L247: br fail
L248:
    blt L249@l
    br fail
L249:
    bge L250@l
    br L251
L250: br fail
L251:
    br L252@l
    br fail
L252:
    buc L253@l
    br fail
L253:

    # 12: F113 b<cc> disp25, every condition, C L F Z N set (0xe5)
    movw $12, r10
    movw $0x2e5, r0
    lpr r0, psr
    beq L254@l
    br fail
L254:
    bne L255@l
    br L256
L255: br fail
L256:
    bcs L257@l
    br fail
L257:
    bcc L258@l
    br L259
L258: br fail
L259:
    bhi L260@l
    br fail
L260:
    bls L261@l
    br L262
L261: br fail
L262:
    bgt L263@l
    br fail
L263:
    ble L264@l
    br L265
L264: br fail
L265:
    bfs L266@l
    br fail
L266:
    bfc L267@l
    br L268
L267: br fail
L268:
    blo L269@l
    br L270
L269: br fail
L270:
    bhs L271@l
    br fail
L271:
    blt L272@l
    br L273
L272: br fail
L273:
    bge L274@l
    br fail
L274:
    br L275@l
    br fail
L275:
    buc L276@l
    br fail
L276:

    # 13: F113 b<cc> disp25, every condition, Z alone (0x40)
    movw $13, r10
    movw $0x240, r0
    lpr r0, psr
    beq L277@l
    br fail
L277:
    bne L278@l
    br L279
L278: br fail
L279:
    bcs L280@l
    br L281
L280: br fail
L281:
    bcc L282@l
    br fail
L282:
    bhi L283@l
    br L284
L283: br fail
L284:
    bls L285@l
    br fail
L285:
    bgt L286@l
    br L287
L286: br fail
L287:
    ble L288@l
    br fail
L288:
    bfs L289@l
    br L290
L289: br fail
L290:
    bfc L291@l
    br fail
L291:
    blo L292@l
    br L293
L292: br fail
L293:
    bhs L294@l
    br fail
L294:
    blt L295@l
    br L296
L295: br fail
L296:
    bge L297@l
    br fail
L297:
    br L298@l
    br fail
L298:
    buc L299@l
    br fail
L299:

    # 14: F113 b<cc> disp25, every condition, L and N (0x84)
    movw $14, r10
    movw $0x284, r0
    lpr r0, psr
    beq L300@l
    br L301
L300: br fail
L301:
    bne L302@l
    br fail
L302:
    bcs L303@l
    br L304
L303: br fail
L304:
    bcc L305@l
    br fail
L305:
    bhi L306@l
    br fail
L306:
    bls L307@l
    br L308
L307: br fail
L308:
    bgt L309@l
    br fail
L309:
    ble L310@l
    br L311
L310: br fail
L311:
    bfs L312@l
    br L313
L312: br fail
L313:
    bfc L314@l
    br fail
L314:
    blo L315@l
    br L316
L315: br fail
L316:
    bhs L317@l
    br fail
L317:
    blt L318@l
    br L319
L318: br fail
L319:
    bge L320@l
    br fail
L320:
    br L321@l
    br fail
L321:
    buc L322@l
    br fail
L322:

    # 15: F113 b<cc> disp25, every condition, C and F (0x21)
    movw $15, r10
    movw $0x221, r0
    lpr r0, psr
    beq L323@l
    br L324
L323: br fail
L324:
    bne L325@l
    br fail
L325:
    bcs L326@l
    br fail
L326:
    bcc L327@l
    br L328
L327: br fail
L328:
    bhi L329@l
    br L330
L329: br fail
L330:
    bls L331@l
    br fail
L331:
    bgt L332@l
    br L333
L332: br fail
L333:
    ble L334@l
    br fail
L334:
    bfs L335@l
    br fail
L335:
    bfc L336@l
    br L337
L336: br fail
L337:
    blo L338@l
    br fail
L338:
    bhs L339@l
    br L340
L339: br fail
L340:
    blt L341@l
    br fail
L341:
    bge L342@l
    br L343
L342: br fail
L343:
    br L344@l
    br fail
L344:
    buc L345@l
    br fail
L345:


    # 16: F111 disp9 limits: +254 forwards, -254 backwards
    movw $16, r10
    br t254@s
    .space 252                  # falling through traps (UND)
t254:
    br b254src@m
back254:
    br done16@m
    .space 250
b254src:
    br back254
done16:

    # 17: F112 disp17 beyond 0x8000 both ways: +0x900c, -0x9004, +0x9008
    movw $17, r10
    br f17
    br fail
b17:
    br d17
    .space 0x9000
f17:
    br b17
d17:

    # 18: F113 disp25 beyond 64 KiB both ways
    movw $18, r10
    br f18
    br fail
b18:
    br d18
    .space 0x10100
f18:
    br b18
d18:

    br pass

# Any trap here is a branch that went astray.
trapped:
    addw $0x100, r10
    br fail

    .align 4
vtab:
    .word trapped@c, trapped@c, trapped@c, trapped@c
    .word trapped@c, trapped@c, trapped@c, trapped@c
    .word trapped@c, trapped@c, trapped@c, trapped@c
    .word trapped@c, trapped@c, trapped@c, trapped@c

    .include "cr16-test-tail.inc"
