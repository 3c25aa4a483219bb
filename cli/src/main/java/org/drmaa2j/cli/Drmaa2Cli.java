// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.provider.Drmaa2Provider;
import org.drmaa2j.SessionManager;
import picocli.AutoComplete;
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
                ListCommand.class},
        footer = {"", "Defaults for --driver, --contact, --session, --queue and --account can be kept in a properties file:"
                + " $DRMAA2J_CONFIG, else ~/.config/drmaa2j/drmaa2.properties; options given here win."})
public final class Drmaa2Cli implements Runnable {
    /** The session used when {@code --session} is not given. */
    public static final String DEFAULT_SESSION = "drmaa2-cli";
    /** The driver used when several are installed and none is chosen. */
    public static final String DEFAULT_DRIVER = "local";

    /** Log level property of slf4j-simple, the logger bundled with the command. */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    @Spec
    CommandSpec spec;

    @Option(names = "--driver", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Driver to use (see 'drmaa2 drivers'); default: the configuration file, the system property "
                    + "drmaa2j.driver, the environment variable DRMAA2J_DRIVER, else local.")
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
        return newCommandLine(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * @param env the environment, where the configuration file is looked up
     * @param userHome the home directory, where the configuration file is by default
     * @return the configured command line
     */
    static CommandLine newCommandLine(Map<String, String> env, String userHome) {
        Drmaa2Cli root = new Drmaa2Cli();
        CommandLine cl = new CommandLine(root);
        for (JobControlCommand control : JobControlCommand.all()) cl.addSubcommand(control.action(), control.commandLine());
        cl.addSubcommand(new DriversCommand());
        cl.addSubcommand(new MonitoringCommand.Queues());
        cl.addSubcommand(new MonitoringCommand.Machines());
        cl.addSubcommand(new TckCommand());
        cl.addSubcommand("completion", new AutoComplete.GenerateCompletion());
        CommandLine completion = cl.getSubcommands().get("completion");
        completion.getCommandSpec().usageMessage().hidden(false)
                .description("Print a bash/zsh completion script for drmaa2: source <(drmaa2 completion)");
        cl.addSubcommand(new CommandLine.HelpCommand());
        RuntimeException configError = null;
        try {
            cl.setDefaultValueProvider(ConfigDefaults.load(env, userHome));
        } catch (RuntimeException e) {
            configError = e;
        }
        RuntimeException badConfig = configError;
        cl.getSubcommands().get("run").setStopAtPositional(true);
        cl.getSubcommands().get("submit").setStopAtPositional(true);
        cl.setExecutionExceptionHandler(new ErrorReporter(root));
        cl.setExecutionStrategy(parseResult -> {
            if (badConfig != null) throw new CommandLine.ParameterException(cl, badConfig.getMessage(), badConfig);
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
        return SessionAccess.open(effectiveDriver(), properties, session, contact);
    }

    /** @return a session manager of the chosen driver; the caller closes it */
    SessionManager openManager() {
        return Drmaa2.getSessionManager(effectiveDriver(), properties);
    }

    /**
     * @return the driver named by {@code --driver} or the configuration file, else by the system property
     *         or environment variable of {@link Drmaa2}, else {@code local} when several drivers are installed
     *         (the bootstrap chooses among one or none)
     */
    String effectiveDriver() {
        if (driver != null && !driver.isBlank()) return driver;
        String chosen = System.getProperty(Drmaa2.DRIVER_PROPERTY, System.getenv(Drmaa2.DRIVER_ENV));
        if (chosen != null && !chosen.isBlank()) return chosen;
        List<Drmaa2Provider> installed = Drmaa2.getProviders();
        if (installed.size() > 1 && installed.stream().anyMatch(p -> p.getName().equals(DEFAULT_DRIVER))) return DEFAULT_DRIVER;
        return null;
    }

    /** @return the contact of {@code --contact} or the configuration file, or null */
    String effectiveContact() {
        return contact;
    }

    /** @return the printer for this invocation's output style */
    Printer printer() {
        return new Printer(spec.commandLine().getOut(), json);
    }
}
