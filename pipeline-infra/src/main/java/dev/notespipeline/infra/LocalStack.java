package dev.notespipeline.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's servers in one process: Kafka and PostgreSQL, their data kept under a folder so that talks
 * survive a restart. Started by {@code deploy/local/run.sh}; runs until it is sent SIGTERM or SIGINT.
 *
 * <p>Usage: {@code LocalStack --data DIR [--kafka-port N | --no-kafka] [--postgres-port N | --no-postgres]}.
 * Once the servers accept connections it prints one line {@code READY kafka=<bootstrap> jdbc=<url>} ({@code -}
 * for a server it did not start).
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.err.println("usage: LocalStack --data DIR [--kafka-port N | --no-kafka] [--postgres-port N | --no-postgres]");
            System.exit(2);
            return;
        }
        List<AutoCloseable> started = new ArrayList<>();
        String jdbcUrl = "-";
        String bootstrap = "-";
        try {
            if (options.postgresPort() >= 0) {
                EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                        options.dataDir().resolve("postgres"), options.postgresPort(), SharedInfra.DATABASE);
                started.add(postgres);
                jdbcUrl = postgres.jdbcUrl();
            }
            if (options.kafkaPort() >= 0) {
                EmbeddedKafka kafka = EmbeddedKafka.start(options.dataDir().resolve("kafka"), options.kafkaPort());
                started.add(0, kafka);
                kafka.createPipelineTopics();
                bootstrap = kafka.bootstrapServers();
            }
        } catch (FreePorts.PortTakenException e) {
            System.err.println("ERROR: " + e.getMessage());
            closeAll(started);
            System.exit(3);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeAll(started);
            stopped.countDown();
        }, "stop-local-stack"));
        System.out.println("READY kafka=" + bootstrap + " jdbc=" + jdbcUrl);
        System.out.flush();
        stopped.await();
    }

    private static void closeAll(List<AutoCloseable> servers) {
        for (AutoCloseable server : servers) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("WARN: stopping " + server.getClass().getSimpleName() + " failed: " + e.getMessage());
            }
        }
    }

    /** A port of -1 means: do not start that server. */
    record Options(Path dataDir, int kafkaPort, int postgresPort) {

        static Options parse(String[] args) {
            Path dataDir = null;
            int kafkaPort = 9092;
            int postgresPort = 5432;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> dataDir = Path.of(value(args, ++i, "--data")).toAbsolutePath();
                    case "--kafka-port" -> kafkaPort = port(value(args, ++i, "--kafka-port"));
                    case "--postgres-port" -> postgresPort = port(value(args, ++i, "--postgres-port"));
                    case "--no-kafka" -> kafkaPort = -1;
                    case "--no-postgres" -> postgresPort = -1;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("--data DIR is required");
            }
            return new Options(dataDir, kafkaPort, postgresPort);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int port(String text) {
            try {
                int port = Integer.parseInt(text);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // Reported below with the value that was given.
            }
            throw new IllegalArgumentException("not a port: " + text);
        }
    }
}
