package org.drmaa2j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code drmaa2} command: submits and controls jobs through any installed drmaa2j driver. Options
 * that select the driver and the session may be given before or after the subcommand.
 */
@Command(name = "drmaa2", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = "Submit, watch and control jobs through any drmaa2j driver.",
        subcommands = {RunCommand.class, SubmitCommand.class, StatusCommand.class, WaitCommand.class,
                ListCommand.class})
public final class Drmaa2Cli implements Runnable {
    /** The session used when {@code --session} is not given. */
    public static final String DEFAULT_SESSION = "drmaa2-cli";

    /** Log level property of slf4j-simple, the logger bundled with the command. */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    @Spec
    CommandSpec spec;

    @Option(names = "--driver", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Driver to use (see 'drmaa2 drivers'); default: the system property drmaa2j.driver, "
                    + "the environment variable DRMAA2J_DRIVER, or the only driver installed.")
    String driver;

    @Option(names = "--session", paramLabel = "NAME", scope = ScopeType.INHERIT, defaultValue = DEFAULT_SESSION,
            description = "Persistent job session, created on first use (default: ${DEFAULT-VALUE}).")
    String session;

    @Option(names = "--contact", paramLabel = "CONTACT", scope = ScopeType.INHERIT,
            description = "Where the scheduler is, in the driver's syntax; used when the session is created.")
    String contact;

    @Option(names = "-D", paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT,
            description = "Driver property, repeatable.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print machine-readable JSON.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log what the driver does, and show stack traces of errors.")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** @return the configured command line, writing to the process's standard output and error */
    public static CommandLine newCommandLine() {
        Drmaa2Cli root = new Drmaa2Cli();
        CommandLine cl = new CommandLine(root);
        for (JobControlCommand control : JobControlCommand.all()) cl.addSubcommand(control.action(), control.commandLine());
        cl.addSubcommand(new DriversCommand());
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.getSubcommands().get("run").setStopAtPositional(true);
        cl.getSubcommands().get("submit").setStopAtPositional(true);
        cl.setExecutionExceptionHandler(new ErrorReporter(root));
        cl.setExecutionStrategy(parseResult -> {
            configureLogging(root.verbose);
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cl;
    }

    private static void configureLogging(boolean verbose) {
        if (verbose) {
            System.setProperty(LOG_LEVEL_PROPERTY, "debug");
        } else if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(LOG_LEVEL_PROPERTY, "warn");
        }
    }

    /** @return the session access described by the global options; the caller closes it */
    SessionAccess openSession() {
        return SessionAccess.open(driver, properties, session, contact);
    }

    /** @return the printer for this invocation's output style */
    Printer printer() {
        return new Printer(spec.commandLine().getOut(), json);
    }
}
