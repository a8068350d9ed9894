// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) and SIGTERM for a command that runs until stopped ({@code gae serve}): the signal only asks the
 * command to stop, and the command returns normally after its graceful shutdown, so the process exits 0.
 *
 * <p>Signals are caught with the JDK's {@code sun.misc.Signal} (module jdk.unsupported), looked up reflectively so the
 * build stays free of internal-API warnings and a JDK without it still works; the previous handlers come back on
 * {@link #close()}. Where a signal cannot be caught (e.g. the JVM was started with {@code -Xrs}), a shutdown hook
 * (as {@link CtrlC} uses during training) still stops the command gracefully, though the exit code is then the JVM's
 * (130 for Ctrl-C).
 */
final class StopSignals implements AutoCloseable {

    private static final Set<StopSignals> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final String[] SIGNALS = {"INT", "TERM"};

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, Object> previous = new LinkedHashMap<>();
    private final Thread hook;
    private final long hookWaitSeconds;

    /** Catches the stop signals; the shutdown hook waits up to {@code hookWaitSeconds} for the command to stop. */
    StopSignals(long hookWaitSeconds) {
        this.hookWaitSeconds = hookWaitSeconds;
        for (String name : SIGNALS) {
            try {
                previous.put(name, handle(name, this::request));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // Not catchable here (reserved by the JVM, or no sun.misc.Signal): the shutdown hook covers it.
            }
        }
        hook = new Thread(
                () -> {
                    request();
                    try {
                        stopped.await(this.hookWaitSeconds, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "gae-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        ACTIVE.add(this);
    }

    /** Whether Ctrl-C itself is caught (so the process exits 0 after stopping). */
    boolean catchesCtrlC() {
        return previous.containsKey("INT");
    }

    /** Blocks until a stop is requested. */
    void await() throws InterruptedException {
        requested.await();
    }

    /** Asks the command to stop, as a signal does. */
    void request() {
        requested.countDown();
    }

    /** For tests: whether some command waits for a stop and each of them catches Ctrl-C. */
    static boolean allCatchCtrlC() {
        return !ACTIVE.isEmpty() && ACTIVE.stream().allMatch(StopSignals::catchesCtrlC);
    }

    /** For tests: what Ctrl-C does to every command waiting for it in this JVM. */
    static void requestAll() {
        ACTIVE.forEach(StopSignals::request);
    }

    /** The command has stopped: a pending shutdown may proceed; the previous handlers come back. */
    @Override
    public void close() {
        stopped.countDown();
        ACTIVE.remove(this);
        previous.forEach((name, handler) -> {
            try {
                restore(name, handler);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the JVM keeps ours, which only counts down a latch nobody waits for
            }
        });
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; the hook finds the latch open
        }
    }

    /** {@code Signal.handle(new Signal(name), handler)} calling {@code action}; returns the previous handler. */
    private static Object handle(String name, Runnable action) throws ReflectiveOperationException {
        Class<?> signal = Class.forName("sun.misc.Signal");
        Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
        Object handler = Proxy.newProxyInstance(
                StopSignals.class.getClassLoader(), new Class<?>[] {handlerType}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            return null;
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {
                            return "gae stop handler for SIG" + name;
                        }
                    }
                });
        Method handle = signal.getMethod("handle", signal, handlerType);
        return handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
    }

    private static void restore(String name, Object handler) throws ReflectiveOperationException {
        Class<?> signal = Class.forName("sun.misc.Signal");
        Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
        signal.getMethod("handle", signal, handlerType)
                .invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
    }
}
