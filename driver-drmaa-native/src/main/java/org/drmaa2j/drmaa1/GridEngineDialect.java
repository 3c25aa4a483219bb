// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.drmaa2j.drmaa1.NativeTokens.token;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.drmaa2j.Capability;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.resources.Dependencies;

/**
 * Grid Engine (SGE, Son of Grid Engine, OGS, Univa/Altair GE): template attributes as qsub options
 * in the native specification. {@code queueName} → {@code -q}, {@code accountingId} → {@code -A},
 * {@code priority} → {@code -p}, {@code candidateMachines} → {@code -l hostname=a|b},
 * {@code minPhysMemory} → {@code -l mem_free=NK}, slots → {@code -pe <pe> min-max} (only with a
 * parallel environment configured), resource limits → {@code -l h_rt/h_cpu/h_core/h_data/h_fsize/
 * h_stack/h_vmem}, {@code rerunnable} → {@code -r y}, mail → {@code -M} and {@code -m},
 * {@code startTime} → {@code -a}, {@code deadlineTime} → {@code -dl}, {@code reservationId} →
 * {@code -ar}, bulk {@code maxParallel} → {@code -tc}; extensions: memory per node →
 * {@code -l mem_free=NM}, {@code afterany} dependencies → {@code -hold_jid}, native options as given.
 */
public class GridEngineDialect implements NativeSpecDialect {
    /** Times for -a and -dl: [[CC]YY]MMDDhhmm[.SS] in the submit host's time zone. */
    private static final DateTimeFormatter QSUB_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm.ss", Locale.ROOT);
    private static final Map<ResourceLimit, String> LIMITS = Map.of(
            ResourceLimit.WALLCLOCK_TIME, "h_rt", ResourceLimit.CPU_TIME, "h_cpu",
            ResourceLimit.CORE_FILE_SIZE, "h_core", ResourceLimit.DATA_SIZE, "h_data",
            ResourceLimit.FILE_SIZE, "h_fsize", ResourceLimit.STACK_SIZE, "h_stack",
            ResourceLimit.VIRTUAL_MEMORY, "h_vmem");
    private static final Set<ResourceLimit> TIME_LIMITS = Set.of(ResourceLimit.WALLCLOCK_TIME, ResourceLimit.CPU_TIME);

    private final String parallelEnvironment;
    private final ZoneId zone;

    /** Without a parallel environment: jobs of more than one slot are unsupported. */
    public GridEngineDialect() {
        this(null, ZoneId.systemDefault());
    }

    /**
     * @param parallelEnvironment the parallel environment for jobs of more than one slot, or null
     * @param zone the submit host's time zone, for {@code -a} and {@code -dl}
     */
    public GridEngineDialect(String parallelEnvironment, ZoneId zone) {
        this.parallelEnvironment = parallelEnvironment == null || parallelEnvironment.isBlank() ? null
                : token(DrmaaNativeProvider.PARALLEL_ENVIRONMENT_PROPERTY, parallelEnvironment.strip());
        this.zone = zone;
    }

    @Override
    public String name() {
        return "gridengine";
    }

    @Override
    public String drmsName(String drmSystem) {
        return "Grid Engine";
    }

    @Override
    public Set<Capability> capabilities(Set<String> attrs) {
        Set<Capability> caps = EnumSet.of(Capability.JT_QUEUE, Capability.JT_ACCOUNTINGID, Capability.JT_PRIORITY,
                Capability.JT_CANDIDATE_MACHINES, Capability.JT_MIN_PHYS_MEMORY, Capability.JT_RESOURCE_LIMITS,
                Capability.JT_RERUNNABLE, Capability.JT_EMAIL, Capability.JT_START_TIME, Capability.JT_DEADLINE,
                Capability.JT_RESERVATION, Capability.BULK_JOBS_MAXPARALLEL);
        if (parallelEnvironment != null) caps.add(Capability.JT_MAXSLOTS);
        if (attrs.contains(DrmaaConstants.INPUT_PATH)) caps.add(Capability.JT_INPUT_PATH);
        return caps;
    }

    @Override
    public Set<String> claimedFields() {
        return Set.of("startTime", "deadlineTime", "email", "resourceLimits");
    }

    @Override
    public Set<String> knownExtensions() {
        return Set.of(Extensions.NATIVE_OPTIONS, Extensions.MEMORY_PER_NODE_MB, Extensions.DEPENDENCIES);
    }

    @Override
    public List<String> options(JobTemplate t, BulkRange range) {
        List<String> o = new ArrayList<>();
        if (t.getQueueName() != null) add(o, "-q", token("queueName", t.getQueueName()));
        if (t.getAccountingId() != null) add(o, "-A", token("accountingId", t.getAccountingId()));
        if (t.getPriority() != null) {
            long p = t.getPriority();
            if (p < -1023 || p > 1024) throw new InvalidArgumentException("priority", "Grid Engine priorities are -1023 to 1024 (was " + p + ")");
            add(o, "-p", Long.toString(p));
        }
        if (!t.getCandidateMachines().isEmpty()) {
            StringJoiner hosts = new StringJoiner("|");
            for (int i = 0; i < t.getCandidateMachines().size(); i++) {
                String h = token("candidateMachines[" + i + "]", t.getCandidateMachines().get(i));
                if (h.contains("|") || h.contains(",")) throw new InvalidArgumentException("candidateMachines[" + i + "]", "'" + h + "' is not a host name");
                hosts.add(h);
            }
            add(o, "-l", "hostname=" + hosts);
        }
        if (t.getMinPhysMemory() != null) add(o, "-l", "mem_free=" + t.getMinPhysMemory() + "K");
        if (t.getMinPhysMemory() != null || t.getExtensions().containsKey(Extensions.MEMORY_PER_NODE_MB)) {
            // mem_free is a load value, which submit-time verification (DRMAA's default -w e) does
            // not count: it would refuse every memory request as "no suitable queues"
            add(o, "-w", "n");
        }
        slots(t, o);
        for (Map.Entry<ResourceLimit, Long> e : t.getResourceLimits().entrySet()) {
            String name = LIMITS.get(e.getKey());
            if (name == null) {
                throw new UnsupportedAttributeException("resourceLimits[" + e.getKey() + "]", "Grid Engine has no such limit");
            }
            add(o, "-l", name + "=" + e.getValue() + (TIME_LIMITS.contains(e.getKey()) ? "" : "K"));
        }
        if (t.isRerunnable()) add(o, "-r", "y");
        mail(t, o);
        if (t.getStartTime() != null) add(o, "-a", time(t.getStartTime()));
        if (t.getDeadlineTime() != null) add(o, "-dl", time(t.getDeadlineTime()));
        if (t.getReservationId() != null) add(o, "-ar", token("reservationId", t.getReservationId()));
        if (range != null && range.maxParallel() > 0) add(o, "-tc", Long.toString(range.maxParallel()));
        extensions(t, o);
        return o;
    }

    private void slots(JobTemplate t, List<String> o) {
        long min = t.getMinSlots() == null ? 1 : t.getMinSlots();
        if (min <= 1 && t.getMaxSlots() == null) return;
        if (parallelEnvironment == null) {
            throw new UnsupportedAttributeException(t.getMaxSlots() != null ? "maxSlots" : "minSlots",
                    "more than one slot needs a Grid Engine parallel environment: set the driver property "
                            + DrmaaNativeProvider.PARALLEL_ENVIRONMENT_PROPERTY);
        }
        add(o, "-pe", parallelEnvironment);
        o.add(t.getMaxSlots() == null ? Long.toString(min) : min + "-" + t.getMaxSlots());
    }

    private static void mail(JobTemplate t, List<String> o) {
        if (t.getEmail().isEmpty() && !t.isEmailOnStarted() && !t.isEmailOnTerminated()) return;
        if (t.getEmail().isEmpty()) throw new InvalidArgumentException("email", "mail events are selected but no address is given");
        StringJoiner to = new StringJoiner(",");
        for (int i = 0; i < t.getEmail().size(); i++) {
            String a = token("email[" + i + "]", t.getEmail().get(i));
            if (a.contains(",")) throw new InvalidArgumentException("email[" + i + "]", "'" + a + "' is not one address");
            to.add(a);
        }
        add(o, "-M", to.toString());
        String events = (t.isEmailOnStarted() ? "b" : "") + (t.isEmailOnTerminated() ? "e" : "");
        add(o, "-m", events.isEmpty() ? "n" : events);
    }

    private static void extensions(JobTemplate t, List<String> o) {
        Map<String, String> ext = t.getExtensions();
        String mem = ext.get(Extensions.MEMORY_PER_NODE_MB);
        if (mem != null) {
            long mb;
            try {
                mb = Long.parseLong(mem.strip());
            } catch (NumberFormatException e) {
                mb = -1;
            }
            if (mb <= 0) throw new InvalidArgumentException("extensions[" + Extensions.MEMORY_PER_NODE_MB + "]", "must be a positive number of MiB (was '" + mem + "')");
            add(o, "-l", "mem_free=" + mb + "M");
        }
        String deps = ext.get(Extensions.DEPENDENCIES);
        if (deps != null) {
            List<String> ids = new ArrayList<>();
            for (Dependencies.Clause c : Dependencies.parse(deps).clauses()) {
                if (!c.type().equals("afterany")) {
                    throw new UnsupportedAttributeException("extensions[" + Extensions.DEPENDENCIES + "]",
                            "Grid Engine's -hold_jid waits for the end of a job whatever its outcome: only afterany is supported (was " + c.type() + ")");
                }
                ids.addAll(c.jobIds());
            }
            if (!ids.isEmpty()) add(o, "-hold_jid", String.join(",", ids));
        }
        String nat = ext.get(Extensions.NATIVE_OPTIONS);
        if (nat != null) o.addAll(NativeTokens.split(nat));
    }

    /**
     * Grid Engine refuses job names with white space, non-ASCII text or any of {@code /:@\\*?}
     * (its answer is "Error reading answer list from qmaster"), and expands {@code $VARIABLE} in
     * paths, so a literal {@code $} cannot be passed in a path.
     */
    @Override
    public void validate(JobTemplate t) {
        String name = t.getJobName();
        if (name != null) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || c > '~' || "/:@\\*?".indexOf(c) >= 0) {
                    throw new InvalidArgumentException("jobName", "Grid Engine accepts job names of printable ASCII without white space"
                            + " and without / : @ \\ * ? (found '" + c + "' in '" + name + "')");
                }
            }
        }
        noDollar("workingDirectory", t.getWorkingDirectory());
        noDollar("inputPath", t.getInputPath());
        noDollar("outputPath", t.getOutputPath());
        noDollar("errorPath", t.getErrorPath());
    }

    private static void noDollar(String field, String path) {
        if (path == null) return;
        String literal = path.replace(org.drmaa2j.Placeholders.HOME_DIRECTORY, "").replace(org.drmaa2j.Placeholders.WORKING_DIRECTORY, "")
                .replace(org.drmaa2j.Placeholders.PARAMETRIC_INDEX, "");
        if (literal.indexOf('$') >= 0) {
            throw new InvalidArgumentException(field, "Grid Engine expands $VARIABLE in paths, so a literal $ cannot be used: '" + path + "'");
        }
    }

    private String time(Instant i) {
        return QSUB_TIME.format(i.atZone(zone));
    }

    private static void add(List<String> o, String flag, String value) {
        o.add(flag);
        o.add(value);
    }

    @Override
    public String taskIndexVariable() {
        return "SGE_TASK_ID";
    }

    @Override
    public String arrayId(List<String> taskIds) {
        if (taskIds.isEmpty()) return "";
        String first = taskIds.get(0);
        int dot = first.indexOf('.');
        return dot > 0 ? first.substring(0, dot) : first;
    }
}
