// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The double twin of {@link FloatVectorMath}: exp and log1p from IEEE-exact lanewise operations. A twin, not one
 * generic class: the Vector API has no code generic over the lane type that C2 compiles as well.
 */
public final class DoubleVectorMath {

    public static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    // Constants below are operands only. A vector that can flow into a loop variable or a merge
    // (an accumulator's start, a value returned on one branch) must be created in place, e.g.
    // DoubleVector.zero(S): a constant vector object there makes C2 box every iteration (~300 MB/call).
    public static final DoubleVector HALF = DoubleVector.broadcast(S, 0.5);
    public static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
    public static final DoubleVector TWO = DoubleVector.broadcast(S, 2.0);

    /** e^−708 ≈ 3e-308 is still a normal double; as bits, compared as longs (same order for doubles ≥ 0). */
    private static final long MAX_ARG_BITS = Double.doubleToRawLongBits(708.0);
    // Constants are written as the double they round to (no digits beyond what a double holds).
    private static final DoubleVector NEG_LOG2E = DoubleVector.broadcast(S, -1.4426950408889634);
    /** 1.5 · 2^52: adding it rounds to an integer held in the low mantissa bits. */
    private static final DoubleVector MAGIC = DoubleVector.broadcast(S, 6755399441055744.0);

    private static final long MAGIC_BITS = 0x4338000000000000L;
    private static final DoubleVector LN2_HI = DoubleVector.broadcast(S, 6.93145751953125E-1);
    private static final DoubleVector LN2_LO = DoubleVector.broadcast(S, 1.4286068203094173E-6);
    private static final DoubleVector LN2 = DoubleVector.broadcast(S, 0.6931471805599453);
    /** Taylor coefficients (−1)^k / k!, k = 13 … 3 (evaluated at −r): error below 1e-17 on [−ln2/2, ln2/2]. */
    private static final DoubleVector F13 = DoubleVector.broadcast(S, -1.0 / 6227020800.0);

    private static final DoubleVector F12 = DoubleVector.broadcast(S, 1.0 / 479001600.0);
    private static final DoubleVector F11 = DoubleVector.broadcast(S, -1.0 / 39916800.0);
    private static final DoubleVector F10 = DoubleVector.broadcast(S, 1.0 / 3628800.0);
    private static final DoubleVector F9 = DoubleVector.broadcast(S, -1.0 / 362880.0);
    private static final DoubleVector F8 = DoubleVector.broadcast(S, 1.0 / 40320.0);
    private static final DoubleVector F7 = DoubleVector.broadcast(S, -1.0 / 5040.0);
    private static final DoubleVector F6 = DoubleVector.broadcast(S, 1.0 / 720.0);
    private static final DoubleVector F5 = DoubleVector.broadcast(S, -1.0 / 120.0);
    private static final DoubleVector F4 = DoubleVector.broadcast(S, 1.0 / 24.0);
    private static final DoubleVector F3 = DoubleVector.broadcast(S, -1.0 / 6.0);
    // log1p(e) = 2 atanh(u), u = e / (2 + e) ∈ [0, 1/3]: 2u Σ_{k=0..16} u^2k / (2k + 1), error below 2e-18.
    private static final DoubleVector A33 = DoubleVector.broadcast(S, 1.0 / 33);
    private static final DoubleVector A31 = DoubleVector.broadcast(S, 1.0 / 31);
    private static final DoubleVector A29 = DoubleVector.broadcast(S, 1.0 / 29);
    private static final DoubleVector A27 = DoubleVector.broadcast(S, 1.0 / 27);
    private static final DoubleVector A25 = DoubleVector.broadcast(S, 1.0 / 25);
    private static final DoubleVector A23 = DoubleVector.broadcast(S, 1.0 / 23);
    private static final DoubleVector A21 = DoubleVector.broadcast(S, 1.0 / 21);
    private static final DoubleVector A19 = DoubleVector.broadcast(S, 1.0 / 19);
    private static final DoubleVector A17 = DoubleVector.broadcast(S, 1.0 / 17);
    private static final DoubleVector A15 = DoubleVector.broadcast(S, 1.0 / 15);
    private static final DoubleVector A13 = DoubleVector.broadcast(S, 1.0 / 13);
    private static final DoubleVector A11 = DoubleVector.broadcast(S, 1.0 / 11);
    private static final DoubleVector A9 = DoubleVector.broadcast(S, 1.0 / 9);
    private static final DoubleVector A7 = DoubleVector.broadcast(S, 1.0 / 7);
    private static final DoubleVector A5 = DoubleVector.broadcast(S, 1.0 / 5);
    private static final DoubleVector A3 = DoubleVector.broadcast(S, 1.0 / 3);

    private DoubleVectorMath() {}

    /**
     * e^−a for a ≥ 0 (a above 708 is treated as 708: the result is then below 4e-308 instead of
     * smaller). The clamp is an integer min on the bits, which also maps NaN to 708: callers must let
     * NaN through another term.
     */
    public static DoubleVector expNeg(DoubleVector a) {
        DoubleVector b = a.reinterpretAsLongs().min(MAX_ARG_BITS).reinterpretAsDoubles();
        DoubleVector k = b.fma(NEG_LOG2E, MAGIC);
        DoubleVector n = k.sub(MAGIC);
        // e^−b = 2^n · e^−r with r = b + n·ln2 ∈ [−ln2/2, ln2/2] (ln2 in two parts).
        DoubleVector r = n.fma(LN2_HI, b);
        r = n.fma(LN2_LO, r);
        DoubleVector p = F13.fma(r, F12);
        p = p.fma(r, F11);
        p = p.fma(r, F10);
        p = p.fma(r, F9);
        p = p.fma(r, F8);
        p = p.fma(r, F7);
        p = p.fma(r, F6);
        p = p.fma(r, F5);
        p = p.fma(r, F4);
        p = p.fma(r, F3);
        p = p.fma(r, HALF);
        p = r.mul(r).fma(p, ONE.sub(r));
        DoubleVector scale = k.reinterpretAsLongs()
                .add(1023 - MAGIC_BITS)
                .lanewise(VectorOperators.LSHL, 52)
                .reinterpretAsDoubles();
        return p.mul(scale);
    }

    /** log(1 + e) given u = e / (2 + e), for 0 ≤ e ≤ 1. */
    public static DoubleVector log1pFromU(DoubleVector u) {
        DoubleVector w = u.mul(u);
        DoubleVector p = A33.fma(w, A31);
        p = p.fma(w, A29);
        p = p.fma(w, A27);
        p = p.fma(w, A25);
        p = p.fma(w, A23);
        p = p.fma(w, A21);
        p = p.fma(w, A19);
        p = p.fma(w, A17);
        p = p.fma(w, A15);
        p = p.fma(w, A13);
        p = p.fma(w, A11);
        p = p.fma(w, A9);
        p = p.fma(w, A7);
        p = p.fma(w, A5);
        p = p.fma(w, A3);
        DoubleVector u2 = u.add(u);
        return w.mul(p).fma(u2, u2);
    }

    /**
     * log(1 + m) for any finite m ≥ 0: directly for m ≤ 1, else as k·ln2 + log(mantissa of 1 + m)
     * (rounding 1 + m costs nothing relative there). Not for hot loops.
     */
    public static DoubleVector log1p(DoubleVector m) {
        DoubleVector small = log1pFromU(m.div(m.add(TWO)));
        DoubleVector y = m.add(ONE);
        LongVector bits = y.reinterpretAsLongs();
        // exponent as a double: 2^52 + biased exponent, written into a double's mantissa, minus 2^52 + 1023.
        DoubleVector k = bits.lanewise(VectorOperators.LSHR, 52)
                .or(0x4330000000000000L)
                .reinterpretAsDoubles()
                .sub(4503599627370496.0 + 1023.0);
        DoubleVector mant =
                bits.and(0x000FFFFFFFFFFFFFL).or(0x3FF0000000000000L).reinterpretAsDoubles();
        DoubleVector large = k.fma(LN2, log1pFromU(mant.sub(ONE).div(mant.add(ONE))));
        return small.blend(large, m.compare(VectorOperators.GT, 1.0));
    }
}
