package io.backtrack.infra;

/**
 * Starts a process that ignores SIGINT, as every JVM started from a shell's background job does,
 * guards it as a service is guarded, prints its pid and waits to be killed ({@link ParentDeathTest}).
 */
public final class GuardedProcessHolder {

    private GuardedProcessHolder() {
    }

    public static void main(String[] args) throws Exception {
        Process ignoresInterrupts = new ProcessBuilder("sh", "-c", "trap '' INT; exec sleep 600").start();
        OrphanGuard.terminateOnExit(ignoresInterrupts.pid());
        System.out.println(ignoresInterrupts.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
