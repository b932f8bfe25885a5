package dev.cganstudio.training;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunControlTest {

    @Test
    void workRunsOnTheTrainingThreadBetweenSteps() throws Exception {
        RunControl control = new RunControl();
        CompletableFuture<String> thread = control.betweenSteps(models -> Thread.currentThread().getName());
        assertFalse(thread.isDone(), "nothing runs before the run reaches a step");

        assertFalse(control.awaitGo(null));

        assertEquals(Thread.currentThread().getName(), thread.get());
    }

    @Test
    void workRunsWhilePausedAndBeforeAStop() throws Exception {
        RunControl control = new RunControl();
        control.setPaused(true);
        Thread trainer = new Thread(() -> {
            try {
                assertTrue(control.awaitGo(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "trainer");
        trainer.start();

        assertEquals("trainer", control.betweenSteps(models -> Thread.currentThread().getName())
                .get(10, TimeUnit.SECONDS));
        CompletableFuture<Integer> last = control.betweenSteps(models -> 7);
        control.requestStop();
        trainer.join(10_000);

        assertEquals(7, last.get());
        assertFalse(trainer.isAlive());
    }

    @Test
    void workAskedForAfterTheRunEndedFails() {
        RunControl control = new RunControl();
        CompletableFuture<Integer> waiting = control.betweenSteps(models -> 1);

        control.end();

        ExecutionException error = assertThrows(ExecutionException.class, waiting::get);
        assertInstanceOf(IllegalStateException.class, error.getCause());
        assertTrue(control.betweenSteps(models -> 2).isCompletedExceptionally());
    }
}
