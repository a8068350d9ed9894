// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C during training: the JVM's shutdown hook asks the trainer to stop after the current epoch
 * and then waits (up to two minutes) until the command has saved the best model and a checkpoint,
 * so an interrupted run loses at most the epoch in flight.
 */
final class CtrlC implements AutoCloseable {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch saved = new CountDownLatch(1);
    private final Thread hook;

    CtrlC(PrintWriter err) {
        hook = new Thread(
                () -> {
                    requested.set(true);
                    err.println();
                    err.println("gae: interrupted; finishing this epoch and saving the best model so far...");
                    err.flush();
                    try {
                        saved.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "gae-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean requested() {
        return requested.get();
    }

    /** Saving is done: let a pending shutdown proceed, and stop listening. */
    @Override
    public void close() {
        saved.countDown();
        if (!requested.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook will find the latch open
            }
        }
    }
}
