package kr.salonmate.api.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU this JVM's threads have used, read from {@code /proc/self/task} in clock ticks (1/100 s): the benchmarks
 * print it per thread name to say where a run's CPU went (the JIT's compiler threads apart from the processors). Empty
 * where {@code /proc} cannot be read.
 */
final class ThreadCpu {

    /** Ticks by thread id and name: a thread that ended meanwhile must not cancel out a new one of the same name. */
    private final Map<String, Long> ticks;

    private ThreadCpu(Map<String, Long> ticks) {
        this.ticks = ticks;
    }

    static ThreadCpu now() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String line = Files.readString(task.resolve("stat"));
                    String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName() + "/" + name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            ticks.clear();
        }
        return new ThreadCpu(ticks);
    }

    /**
     * The ticks used since {@code before}, by thread name with its numbers taken out: all GC threads together, all
     * compiler threads together, all threads of one processor together.
     */
    Map<String, Long> since(ThreadCpu before) {
        Map<String, Long> byName = new HashMap<>();
        ticks.forEach((thread, used) -> byName.merge(
                thread.substring(thread.indexOf('/') + 1).replaceAll("[0-9#]+", "").replaceAll("[-_ ]+$", ""),
                used - before.ticks.getOrDefault(thread, 0L), Long::sum));
        return byName;
    }
}
