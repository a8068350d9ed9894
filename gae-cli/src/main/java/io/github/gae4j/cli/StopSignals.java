// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) and SIGTERM for a command that runs until stopped ({@code gae serve}): the JVM's shutdown hook
 * asks the command to stop and waits (up to {@code hookWaitSeconds}) until it has shut down gracefully, as {@link
 * CtrlC} does during training. The process then exits with the JVM's code for the signal (130 for Ctrl-C, 143 for
 * SIGTERM), as any JVM does; no internal signal API is used.
 */
final class StopSignals implements AutoCloseable {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    /** Listens for the stop signals; the shutdown hook waits up to {@code hookWaitSeconds} for the command. */
    StopSignals(long hookWaitSeconds) {
        hook = new Thread(
                () -> {
                    requested.countDown();
                    try {
                        stopped.await(hookWaitSeconds, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "gae-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Blocks until a stop is requested. */
    void await() throws InterruptedException {
        requested.await();
    }

    /** The command has stopped: a pending shutdown may proceed, and the hook is removed otherwise. */
    @Override
    public void close() {
        stopped.countDown();
        if (requested.getCount() > 0) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook finds the latch open
            }
        }
    }
}
