package io.caravan.platform.host.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * Retained heap as {@code jcmd <pid> GC.class_histogram} sees it (a full GC, then live objects per
 * class), taken in-process through the DiagnosticCommand MBean, plus metaspace in use.
 */
final class LiveHeap {
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    final long bytes;
    final long instances;
    final long metaspace;
    final Map<String, long[]> perClass;

    private LiveHeap(long bytes, long instances, long metaspace, Map<String, long[]> perClass) {
        this.bytes = bytes;
        this.instances = instances;
        this.metaspace = metaspace;
        this.perClass = perClass;
    }

    static LiveHeap take() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
        } catch (Exception e) {
            throw new IllegalStateException("cannot take a class histogram", e);
        }
        Map<String, long[]> perClass = new HashMap<>();
        long bytes = -1;
        long instances = -1;
        for (String line : text.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                perClass.merge(
                        row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))}, (a, b) ->
                                new long[] {a[0] + b[0], a[1] + b[1]});
                continue;
            }
            Matcher total = TOTAL.matcher(line);
            if (total.matches()) {
                instances = Long.parseLong(total.group(1));
                bytes = Long.parseLong(total.group(2));
            }
        }
        if (bytes < 0) {
            throw new IllegalStateException("no total in the class histogram");
        }
        return new LiveHeap(bytes, instances, metaspace(), perClass);
    }

    static long metaspace() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                return pool.getUsage().getUsed();
            }
        }
        return -1;
    }

    /** The classes whose live bytes grew most from {@code before} to this, per {@code divisor}. */
    String topGrowth(LiveHeap before, int count, long divisor) {
        List<Map.Entry<String, long[]>> growth = new ArrayList<>();
        perClass.forEach((name, now) -> {
            long[] then = before.perClass.getOrDefault(name, new long[2]);
            growth.add(Map.entry(name, new long[] {now[0] - then[0], now[1] - then[1]}));
        });
        growth.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        StringBuilder out =
                new StringBuilder(String.format("    %-70s %14s %12s%n", "class", "instances/unit", "bytes/unit"));
        for (int i = 0; i < Math.min(count, growth.size()); i++) {
            Map.Entry<String, long[]> e = growth.get(i);
            out.append(String.format(
                    "    %-70s %14.2f %12.1f%n",
                    e.getKey(), e.getValue()[0] / (double) divisor, e.getValue()[1] / (double) divisor));
        }
        return out.toString();
    }
}
