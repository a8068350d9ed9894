// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Values and gradients of one forward/backward pass, and the thread budget the pass's operations use. Not
 * thread-safe: use one per pass.
 *
 * <p>The {@link Parallelism} travels with the pass, not with the graph: operations read {@link #parallelism()}
 * inside {@link Variable#apply} and {@link Variable#gradient}, so the same graph runs on one thread or many (with
 * the same numbers: kernels cut work into chunks that do not depend on the thread count), and whoever runs the
 * pass (the trainer, evaluation, an execution backend) chooses the budget. The context borrows it, never closes it.
 */
public final class ComputationContext {

    private final Parallelism parallelism;
    private final IdentityHashMap<Variable, Matrix> values = new IdentityHashMap<>();
    private final IdentityHashMap<Variable, Matrix> gradients = new IdentityHashMap<>();
    private final IdentityHashMap<Variable, Object> stash = new IdentityHashMap<>();

    /** A single-threaded pass. */
    public ComputationContext() {
        this(Parallelism.singleThreaded());
    }

    /** A pass whose operations use {@code parallelism}'s threads. */
    public ComputationContext(Parallelism parallelism) {
        this.parallelism = Objects.requireNonNull(parallelism, "parallelism is null");
    }

    /** The thread budget of this pass, for operations' kernels. */
    public Parallelism parallelism() {
        return parallelism;
    }

    /** The value of {@code v}, computed once and cached. */
    public Matrix forward(Variable v) {
        Matrix value = values.get(v);
        if (value == null) {
            value = v.apply(this);
            if (value.rows() != v.rows() || value.cols() != v.cols()) {
                throw new IllegalStateException(String.format(
                        java.util.Locale.ROOT,
                        "%s produced shape %s but declared %s",
                        v.render(),
                        value.shape(),
                        v.shape()));
            }
            values.put(v, value);
        }
        return value;
    }

    /**
     * Keeps an operation's private by-product of the forward pass (a fused kernel's gradient, say)
     * for its backward pass in the same context.
     */
    public void stash(Variable owner, Object state) {
        stash.put(owner, state);
    }

    /** What {@code owner} stashed in this pass. */
    public <T> T stashed(Variable owner, Class<T> type) {
        Object state = stash.get(owner);
        if (state == null) {
            throw new IllegalStateException(owner.render() + " stashed nothing in this context");
        }
        return type.cast(state);
    }

    /** The cached value of {@code v}; fails if it was not computed in this pass. */
    public Matrix data(Variable v) {
        Matrix value = values.get(v);
        if (value == null) {
            throw new IllegalStateException(v.render() + " has no value in this context; call forward first");
        }
        return value;
    }

    /** The accumulated gradient of {@code v}, or null before {@link #backward} or for constants. */
    public Matrix gradient(Variable v) {
        return gradients.get(v);
    }

    /**
     * Replaces the gradient of {@code v} by a scaled copy (gradient clipping). Never in place: an
     * accumulated gradient may be the very matrix another variable holds as its gradient or value.
     */
    public void scaleGradient(Variable v, double factor) {
        Matrix g = gradients.get(v);
        if (g == null) {
            throw new IllegalStateException(v.render() + " has no gradient in this context; call backward first");
        }
        gradients.put(v, g.scale(factor));
    }

    /** Reverse-mode pass from a scalar {@code root}: every variable that requires a gradient gets one. */
    public void backward(Variable root) {
        if (root.rows() != 1 || root.cols() != 1) {
            throw new IllegalArgumentException("backward needs a scalar (1, 1) root, got " + root.render());
        }
        forward(root);
        gradients.clear();
        if (!root.requireGradient()) {
            return;
        }
        // Count, for every node, how many distinct children will send it a gradient.
        IdentityHashMap<Variable, Integer> pending = new IdentityHashMap<>();
        Deque<Variable> stack = new ArrayDeque<>();
        Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        stack.push(root);
        seen.add(root);
        while (!stack.isEmpty()) {
            Variable v = stack.pop();
            for (Variable p : distinctGradParents(v)) {
                pending.merge(p, 1, Integer::sum);
                if (seen.add(p)) {
                    stack.push(p);
                }
            }
        }
        // Variables whose accumulator is a private copy made here. Ownership is per variable, not per
        // matrix: an op (Add) may pass an accumulated matrix on unchanged to several parents, and a
        // later sum into one of them must not write through to the others.
        Set<Variable> owned = Collections.newSetFromMap(new IdentityHashMap<>());
        gradients.put(root, Matrix.scalar(1.0));
        Deque<Variable> ready = new ArrayDeque<>();
        ready.add(root);
        while (!ready.isEmpty()) {
            Variable v = ready.poll();
            for (Variable p : distinctGradParents(v)) {
                Matrix g = v.gradient(p, this);
                if (g.rows() != p.rows() || g.cols() != p.cols()) {
                    throw new IllegalStateException(String.format(
                            java.util.Locale.ROOT,
                            "%s returned a gradient of shape %s for parent %s",
                            v.render(),
                            g.shape(),
                            p.render()));
                }
                Matrix acc = gradients.get(p);
                if (acc == null) {
                    gradients.put(p, g);
                } else {
                    // An op may hand the same matrix to several parents: copy before the first in-place sum.
                    if (owned.add(p)) {
                        acc = acc.copy();
                        gradients.put(p, acc);
                    }
                    acc.addInPlace(g);
                }
                if (pending.merge(p, -1, Integer::sum) == 0) {
                    ready.add(p);
                }
            }
        }
    }

    private static List<Variable> distinctGradParents(Variable v) {
        List<Variable> out = new ArrayList<>(v.parents().size());
        for (Variable p : v.parents()) {
            if (p.requireGradient() && out.stream().noneMatch(q -> q == p)) {
                out.add(p);
            }
        }
        return out;
    }
}
