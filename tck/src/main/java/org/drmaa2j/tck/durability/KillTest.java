// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.durability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntBiFunction;
import org.drmaa2j.SessionManager;

/**
 * Kills the managing program of a campaign at random points and checks what survived. See the
 * package documentation. Build one with {@link #builder}, then {@link Builder#run()}.
 *
 * <p>Where the kills land: after a random number of the run's submissions (5 to 54) and a random
 * pause after that (0 to 59 ms; often between a submission's intent and its job id), or, one time
 * in four, while the program starts and reopens the session (200 to 3199 ms after its start). At
 * most {@code kills} runs are killed; the next run finishes the campaign.
 */
public final class KillTest {
    /** System property: the seed of the kill points, to replay a run. */
    public static final String SEED_PROPERTY = "drmaa2j.killtest.seed";
    /** The line a campaign prints when it finished. */
    static final String DONE = "DONE";
    /** The line prefix of each submission a campaign confirms. */
    static final String SUBMITTED = "SUBMITTED ";

    private final Builder b;

    private KillTest(Builder b) {
        this.b = b;
    }

    /**
     * @param driver the driver's name, as {@link org.drmaa2j.Drmaa2#getSessionManager(String, Map)} takes it
     * @param driverProperties its properties, for the campaign and for the verification (a state
     *        directory, a contact, a short reconciliation grace period, …)
     * @return a builder
     */
    public static Builder builder(String driver, Map<String, String> driverProperties) {
        return new Builder(driver, driverProperties);
    }

    /** The settings of one kill test. */
    public static final class Builder {
        final String driver;
        final Map<String, String> driverProperties;
        String session = "kill-test";
        int jobs = 300;
        int kills = 6;
        long seed = Long.getLong(SEED_PROPERTY, System.nanoTime());
        Class<? extends CampaignPlan> plan = ExitCodePlan.class;
        Map<String, String> planSettings = Map.of();
        SchedulerLedger ledger;
        ToIntBiFunction<SessionManager, String> unresolved;
        List<String> jvmOptions = List.of("-XX:TieredStopAtLevel=1", "-Xmx128m");
        Map<String, String> environment = Map.of();
        Duration runTimeout = Duration.ofMinutes(5);
        Duration endTimeout = Duration.ofMinutes(10);
        Path workDirectory;
        boolean destroy = true;

        private Builder(String driver, Map<String, String> driverProperties) {
            this.driver = Objects.requireNonNull(driver, "driver");
            this.driverProperties = Map.copyOf(driverProperties);
        }

        /** @param name the persistent session's name (default {@code kill-test}) @return this */
        public Builder session(String name) {
            this.session = name;
            return this;
        }

        /** @param n the campaign's number of jobs (default 300) @return this */
        public Builder jobs(int n) {
            this.jobs = n;
            return this;
        }

        /** @param n how many runs are killed (default 6) @return this */
        public Builder kills(int n) {
            this.kills = n;
            return this;
        }

        /** @param s the seed of the kill points (default: the system property {@value KillTest#SEED_PROPERTY}, else the clock) @return this */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * @param planClass what the jobs run (default {@link ExitCodePlan}); public, with a public no-argument constructor
         * @param settings its settings
         * @return this
         */
        public Builder plan(Class<? extends CampaignPlan> planClass, Map<String, String> settings) {
            this.plan = planClass;
            this.planSettings = Map.copyOf(settings);
            return this;
        }

        /** @param l the scheduler's own list of jobs (required) @return this */
        public Builder ledger(SchedulerLedger l) {
            this.ledger = l;
            return this;
        }

        /**
         * @param count how many submissions of the session stay unresolved after the final reopen
         *        (a driver's own view of its store); checked to be 0
         * @return this
         */
        public Builder unresolved(ToIntBiFunction<SessionManager, String> count) {
            this.unresolved = count;
            return this;
        }

        /** @param options JVM options of the campaign's JVM @return this */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** @param env variables added to the campaign's environment @return this */
        public Builder environment(Map<String, String> env) {
            this.environment = Map.copyOf(env);
            return this;
        }

        /** @param d safety cap of one campaign run (default 5 min) @return this */
        public Builder runTimeout(Duration d) {
            this.runTimeout = d;
            return this;
        }

        /** @param d safety cap of waiting for every job to end (default 10 min) @return this */
        public Builder endTimeout(Duration d) {
            this.endTimeout = d;
            return this;
        }

        /** @param dir where the campaign's settings file goes (default: a new temporary directory) @return this */
        public Builder workDirectory(Path dir) {
            this.workDirectory = dir;
            return this;
        }

        /** @param d whether the session is destroyed after the check (default true) @return this */
        public Builder destroyAfter(boolean d) {
            this.destroy = d;
            return this;
        }

        /**
         * Runs the campaign with its kills, then the verification.
         *
         * @return the figures; {@link KillTestReport#assertClean()} fails on any loss or duplicate
         * @throws Exception when the campaign cannot be run or never finishes
         */
        public KillTestReport run() throws Exception {
            if (ledger == null) throw new IllegalStateException("a kill test needs the scheduler's ledger");
            return new KillTest(this).execute();
        }

        /**
         * Only the verification: for a campaign a test ran its own way (through a connection it cut,
         * for example), with the jobs named and made as the plan says ({@link KillTestCampaign#name},
         * {@link CampaignPlan#template}). Reopens the session, waits for every job and compares it
         * with the plan and the ledger.
         *
         * @return the figures (no runs, no kills)
         * @throws Exception when the session cannot be checked
         */
        public KillTestReport verify() throws Exception {
            if (ledger == null) throw new IllegalStateException("a check needs the scheduler's ledger");
            long begin = System.nanoTime();
            KillTestReport.Builder report = new KillTestReport.Builder(driver, seed, jobs, 0, List.of(), List.of(), 0);
            new KillTestVerifier(this).verify(report);
            report.totalMillis((System.nanoTime() - begin) / 1_000_000);
            return report.build();
        }
    }

    private KillTestReport execute() throws Exception {
        System.out.printf("kill test %s: seed %d (replay with -D%s=%d)%n", b.driver, b.seed, SEED_PROPERTY, b.seed);
        Path config = writeConfig();
        Random random = new Random(b.seed);
        List<String> log = new CopyOnWriteArrayList<>();
        List<String> kills = new ArrayList<>();
        long begin = System.nanoTime();
        int runs = 0;
        boolean done = false;
        while (!done) {
            runs++;
            if (runs > b.kills + 2) {
                throw new AssertionError("the campaign does not finish once it is no longer killed (seed " + b.seed + "):\n" + tail(log));
            }
            int killsBefore = kills.size();
            long runBegin = System.nanoTime();
            Process p = start(config);
            CompletableFuture<Boolean> finished = new CompletableFuture<>();
            AtomicInteger submittedThisRun = new AtomicInteger();
            Thread reader = new Thread(() -> {
                boolean sawDone = false;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        log.add(line);
                        if (line.startsWith(SUBMITTED)) submittedThisRun.incrementAndGet();
                        if (line.equals(DONE)) sawDone = true;
                    }
                } catch (IOException e) {
                    // the process was killed
                }
                finished.complete(sawDone);
            }, "kill-test-reader");
            reader.setDaemon(true);
            reader.start();
            if (kills.size() < b.kills) {
                boolean early = random.nextInt(4) == 0;
                int after = early ? 0 : 5 + random.nextInt(50);
                long delay = early ? 200 + random.nextInt(3000) : random.nextInt(60);
                long until = System.nanoTime() + b.runTimeout.toNanos();
                while (submittedThisRun.get() < after && p.isAlive() && System.nanoTime() < until) Thread.sleep(2);
                Thread.sleep(delay);
                if (p.isAlive()) {
                    int seen = submittedThisRun.get();
                    p.destroyForcibly(); // SIGKILL
                    p.waitFor(30, TimeUnit.SECONDS);
                    kills.add((early ? "start+" : "submission " + seen + "+") + delay + "ms");
                }
            }
            if (!p.waitFor(b.runTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("a campaign run did not end within " + b.runTimeout + " (seed " + b.seed + "):\n" + tail(log));
            }
            reader.join(10_000);
            int logged = log.size();
            done = finished.get(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            System.out.printf("kill test %s: run %d, %d submission(s), %s, %d ms%n", b.driver, runs, submittedThisRun.get(),
                    kills.size() > killsBefore ? "killed" : done ? "finished" : "ended", (System.nanoTime() - runBegin) / 1_000_000);
            if (!done && kills.size() == killsBefore) {
                // not killed by the test, yet not finished: say why (it is run again)
                System.out.println("kill test " + b.driver + ": run " + runs + " ended with exit " + p.exitValue() + " before it finished:\n"
                        + tail(log.subList(0, logged)));
            }
        }
        long campaignMillis = (System.nanoTime() - begin) / 1_000_000;
        KillTestReport.Builder report = new KillTestReport.Builder(b.driver, b.seed, b.jobs, runs, kills, log, campaignMillis);
        new KillTestVerifier(b).verify(report);
        report.totalMillis((System.nanoTime() - begin) / 1_000_000);
        KillTestReport r = report.build();
        System.out.println(r.summary());
        return r;
    }

    private Process start(Path config) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(b.jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(KillTestCampaign.class.getName());
        cmd.add(config.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(b.environment);
        return pb.start();
    }

    private Path writeConfig() throws IOException {
        Path dir = b.workDirectory != null ? Files.createDirectories(b.workDirectory) : Files.createTempDirectory("kill-test");
        Map<String, String> m = new LinkedHashMap<>();
        m.put("driver", b.driver);
        m.put("session", b.session);
        m.put("jobs", Integer.toString(b.jobs));
        m.put("plan", b.plan.getName());
        b.driverProperties.forEach((k, v) -> m.put("driver." + k, v));
        b.planSettings.forEach((k, v) -> m.put("plan." + k, v));
        Properties p = new Properties();
        p.putAll(m);
        Path file = dir.resolve("campaign-" + b.session + ".properties");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "kill test campaign");
        }
        return file;
    }

    static String tail(List<String> log) {
        return String.join("\n", log.subList(Math.max(0, log.size() - 30), log.size()));
    }
}
