package dev.notespipeline.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's servers in one process: Kafka and PostgreSQL, data kept under a folder so that talks
 * survive a restart. Started by {@code deploy/local/run.sh}; runs until it is sent SIGTERM or SIGINT.
 *
 * <p>Arguments: {@code <data dir> <kafka port> <postgres port>}. Once both servers accept connections it
 * prints {@code READY kafka=<bootstrap> jdbc=<url>}.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: LocalStack <data dir> <kafka port> <postgres port>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int kafkaPort = Integer.parseInt(args[1]);
        int postgresPort = Integer.parseInt(args[2]);
        EmbeddedPostgresServer postgres;
        EmbeddedKafka kafka;
        try {
            postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), postgresPort, SharedInfra.DATABASE);
            kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort);
            kafka.createPipelineTopics();
        } catch (FreePorts.PortTakenException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(3);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
            stopped.countDown();
        }, "stop-local-stack"));
        System.out.println("READY kafka=" + kafka.bootstrapServers() + " jdbc=" + postgres.jdbcUrl());
        System.out.flush();
        stopped.await();
    }
}
