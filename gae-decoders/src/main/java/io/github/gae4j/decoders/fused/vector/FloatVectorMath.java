// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp and log1p for the float kernels built only from IEEE-exact lanewise operations (add, mul,
 * fma, div, integer shifts). Unlike {@code lanewise(EXP)} (a native SVML stub once C2 compiles it,
 * a {@code Math.exp} loop before), these give the same bits interpreted and compiled, so a result
 * never depends on when the JIT kicked in, and they inline without spilling registers around a call.
 */
public final class FloatVectorMath {

    public static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    // Constants below are operands only. A vector that can flow into a loop variable or a merge
    // (an accumulator's start, a value returned on one branch) must be created in place, e.g.
    // FloatVector.zero(S): a constant vector object there makes C2 box every iteration (~300 MB/call).
    public static final FloatVector HALF = FloatVector.broadcast(S, 0.5f);
    public static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    public static final FloatVector TWO = FloatVector.broadcast(S, 2f);

    /** e^−87 ≈ 1.6e-38 is still a normal float; as bits, compared as ints (same order for floats ≥ 0). */
    private static final int MAX_ARG_BITS = Float.floatToRawIntBits(87f);
    // Constants are written as the float they round to (no digits beyond what a float holds).
    private static final FloatVector NEG_LOG2E = FloatVector.broadcast(S, -1.442695f);
    /** 1.5 · 2^23: adding it rounds to an integer held in the low mantissa bits. */
    private static final FloatVector MAGIC = FloatVector.broadcast(S, 12582912f);

    private static final int MAGIC_BITS = 0x4B400000;

    @SuppressWarnings("FloatingPointLiteralPrecision") // 355/512 exactly, as Cody-Waite's split wants it shown
    private static final FloatVector LN2_HI = FloatVector.broadcast(S, 0.693359375f);

    private static final FloatVector LN2_LO = FloatVector.broadcast(S, -2.12194440e-4f);
    private static final FloatVector LN2 = FloatVector.broadcast(S, 0.6931472f);
    // Cephes expf on [−ln2/2, ln2/2] (rounded to float), odd coefficients negated: evaluated at −r.
    private static final FloatVector E5 = FloatVector.broadcast(S, -1.9875691e-4f);
    private static final FloatVector E4 = FloatVector.broadcast(S, 1.3981999e-3f);
    private static final FloatVector E3 = FloatVector.broadcast(S, -8.333452e-3f);
    private static final FloatVector E2 = FloatVector.broadcast(S, 4.1665796e-2f);
    private static final FloatVector E1 = FloatVector.broadcast(S, -1.6666666e-1f);
    private static final FloatVector E0 = FloatVector.broadcast(S, 0.5f); // Cephes 5.0000001201e-1 rounds to 0.5f
    // log1p(e) = 2 atanh(u), u = e / (2 + e) ∈ [0, 1/3]: 2u (1 + u²/3 + u⁴/5 + … + u¹⁴/15).
    private static final FloatVector A15 = FloatVector.broadcast(S, 1f / 15);
    private static final FloatVector A13 = FloatVector.broadcast(S, 1f / 13);
    private static final FloatVector A11 = FloatVector.broadcast(S, 1f / 11);
    private static final FloatVector A9 = FloatVector.broadcast(S, 1f / 9);
    private static final FloatVector A7 = FloatVector.broadcast(S, 1f / 7);
    private static final FloatVector A5 = FloatVector.broadcast(S, 1f / 5);
    private static final FloatVector A3 = FloatVector.broadcast(S, 1f / 3);

    private FloatVectorMath() {}

    /**
     * e^−a for a ≥ 0 (a above 87 is treated as 87: the result is then below 2e-38 instead of
     * smaller). The clamp is an integer min on the bits (one instruction; Java's float min costs
     * several), which also maps NaN to 87: callers must let NaN through another term.
     */
    public static FloatVector expNeg(FloatVector a) {
        FloatVector b = a.reinterpretAsInts().min(MAX_ARG_BITS).reinterpretAsFloats();
        FloatVector k = b.fma(NEG_LOG2E, MAGIC);
        FloatVector n = k.sub(MAGIC);
        // e^−b = 2^n · e^−r with r = b + n·ln2 ∈ [−ln2/2, ln2/2] (ln2 in two parts).
        FloatVector r = n.fma(LN2_HI, b);
        r = n.fma(LN2_LO, r);
        FloatVector p = E5.fma(r, E4);
        p = p.fma(r, E3);
        p = p.fma(r, E2);
        p = p.fma(r, E1);
        p = p.fma(r, E0);
        p = r.mul(r).fma(p, ONE.sub(r));
        FloatVector scale = k.reinterpretAsInts()
                .add(127 - MAGIC_BITS)
                .lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return p.mul(scale);
    }

    /** log(1 + e) given u = e / (2 + e), for 0 ≤ e ≤ 1. */
    public static FloatVector log1pFromU(FloatVector u) {
        FloatVector w = u.mul(u);
        FloatVector p = A15.fma(w, A13);
        p = p.fma(w, A11);
        p = p.fma(w, A9);
        p = p.fma(w, A7);
        p = p.fma(w, A5);
        p = p.fma(w, A3);
        FloatVector u2 = u.add(u);
        return w.mul(p).fma(u2, u2);
    }

    /**
     * log(1 + m) for any finite m ≥ 0: directly for m ≤ 1, else as k·ln2 + log(mantissa of 1 + m)
     * (rounding 1 + m costs nothing relative there). Not for hot loops.
     */
    public static FloatVector log1p(FloatVector m) {
        FloatVector small = log1pFromU(m.div(m.add(TWO)));
        FloatVector y = m.add(ONE);
        IntVector bits = y.reinterpretAsInts();
        // exponent as a float: 2^23 + biased exponent, written into a float's mantissa, minus 2^23 + 127.
        FloatVector k = bits.lanewise(VectorOperators.LSHR, 23)
                .or(0x4B000000)
                .reinterpretAsFloats()
                .sub(8388608f + 127f);
        FloatVector mant = bits.and(0x007FFFFF).or(0x3F800000).reinterpretAsFloats();
        FloatVector mm1 = mant.sub(ONE);
        FloatVector large = k.fma(LN2, log1pFromU(mm1.div(mant.add(ONE))));
        return small.blend(large, m.compare(VectorOperators.GT, 1f));
    }
}
