// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.ResourceLimit;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The job description options of {@code run} and {@code submit}, and the template they make. */
final class JobOptions {
    /** Which option sets which template field, to name the option when the template rejects a value. */
    private static final Map<String, String> OPTION_OF_FIELD = Map.ofEntries(
            Map.entry("remoteCommand", "COMMAND"), Map.entry("jobName", "--name"), Map.entry("queueName", "--queue"),
            Map.entry("workingDirectory", "--workdir"), Map.entry("outputPath", "--output"),
            Map.entry("errorPath", "--error"), Map.entry("inputPath", "--input"), Map.entry("minSlots", "--slots"),
            Map.entry("jobEnvironment", "--env"), Map.entry("extensions", "--ext"), Map.entry("accountingId", "--account"));

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-N", "--name"}, paramLabel = "NAME", description = "Job name.")
    String name;

    @Option(names = {"-q", "--queue"}, paramLabel = "QUEUE", description = "Queue (Slurm partition).")
    String queue;

    @Option(names = {"-A", "--account"}, paramLabel = "ACCOUNT", description = "Account the job is charged to.")
    String account;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory of the job.")
    String workdir;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "File for the job's standard output.")
    String output;

    @Option(names = {"-e", "--error"}, paramLabel = "FILE", description = "File for the job's standard error.")
    String error;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "File the job reads as standard input.")
    String input;

    @Option(names = {"-j", "--join"}, description = "Write standard error into the output file.")
    boolean join;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Environment variable of the job, repeatable.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--ext", paramLabel = "KEY=VALUE",
            description = "Driver extension attribute, repeatable, e.g. drmaa2j.nodes=2.")
    Map<String, String> extensions = new LinkedHashMap<>();

    @Option(names = "--hold", description = "Submit the job held; it starts after 'drmaa2 release'.")
    boolean hold;

    @Option(names = {"-n", "--slots"}, paramLabel = "N", description = "Number of slots (tasks).")
    Long slots;

    @Option(names = {"-t", "--time"}, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wall-clock limit: seconds, 10m, 2h, HH:MM:SS or D-HH:MM:SS.")
    Duration time;

    @Parameters(paramLabel = "COMMAND", arity = "1..*",
            description = "The command and its arguments; put them after -- when an argument starts with -.")
    List<String> command;

    /**
     * @return the template these options describe
     * @throws ParameterException naming the option whose value the template rejects
     */
    JobTemplate toTemplate() {
        JobTemplate.Builder b = JobTemplate.builder(command.get(0)).args(command.subList(1, command.size()))
                .jobName(name).queueName(queue).workingDirectory(workdir).outputPath(output).errorPath(error)
                .inputPath(input).joinFiles(join).jobEnvironment(env).extensions(extensions).submitAsHold(hold)
                .minSlots(slots).accountingId(account);
        if (time != null) b.resourceLimit(ResourceLimit.WALLCLOCK_TIME, time.toSeconds());
        try {
            return b.build();
        } catch (InvalidArgumentException e) {
            String field = e.getField() == null ? "" : e.getField().replaceFirst("\\[.*$", "");
            String option = OPTION_OF_FIELD.get(field);
            if (option == null && field.equals("args")) option = "COMMAND";
            throw new ParameterException(spec.commandLine(),
                    "Invalid value" + (option == null ? "" : " for " + option) + ": " + e.getMessage(), e);
        }
    }
}
