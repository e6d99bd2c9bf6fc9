package io.chipledger.server.logging;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * An executor whose tasks run with their owner's MDC entries (a table's id and its current hand), so every line a task
 * logs says where it comes from; the entries are removed when the task ends, since the thread is shared.
 */
public final class MdcExecutor implements Executor {

    private final Executor executor;
    private final Supplier<Map<String, String>> context;

    private MdcExecutor(Executor executor, Supplier<Map<String, String>> context) {
        this.executor = executor;
        this.context = context;
    }

    /** Runs {@code executor}'s tasks with the entries {@code context} gives when each task starts. */
    public static Executor around(Executor executor, Supplier<Map<String, String>> context) {
        return new MdcExecutor(executor, context);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(() -> {
            Map<String, String> entries = context.get();
            entries.forEach(MDC::put);
            try {
                task.run();
            } finally {
                entries.keySet().forEach(MDC::remove);
            }
        });
    }
}
