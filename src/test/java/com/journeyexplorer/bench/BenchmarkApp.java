package com.journeyexplorer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.journeyexplorer.JourneyExplorerApplication;

/** Starts the real app (HTTP on a free port, embedded Neo4j in {@code dataDir}) for a benchmark run. */
final class BenchmarkApp implements AutoCloseable {

    /** The key the benchmark sends with its uploads. */
    static final String API_KEY = "bench-key";

    final ConfigurableApplicationContext context;
    final int port;

    BenchmarkApp(Path dataDir, String... extraArgs) {
        String[] args = new String[extraArgs.length + 6];
        args[0] = "--journeys.data-dir=" + dataDir;
        args[1] = "--journeys.demo.load-on-start=false";
        args[2] = "--server.port=0";
        args[3] = "--journeys.neo4j.embedded.bolt-port=0";
        args[4] = "--logging.level.com.journeyexplorer=warn";
        args[5] = "--journeys.security.api-key=" + API_KEY;
        System.arraycopy(extraArgs, 0, args, 6, extraArgs.length);
        context = new SpringApplicationBuilder(JourneyExplorerApplication.class).logStartupInfo(false).run(args);
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Sum of the heap pools' peak usage since the last {@link #resetPeakHeap()}, in MiB. */
    static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getTotalMemorySize() >> 30 : 0) + " GiB RAM, Java " + System.getProperty("java.version")
                + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB";
    }

    @Override
    public void close() {
        context.close();
    }
}
