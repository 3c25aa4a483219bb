// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.drmaa2j.provider.Drmaa2Provider;
import org.drmaa2j.JobInfo;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.QueueInfo;

/**
 * Everything the command prints on standard output, as aligned text or as JSON. JSON shapes: a job
 * is an object with the fields of {@link #jobFields(String, JobInfo)}; lists are arrays.
 */
final class Printer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final boolean json;

    Printer(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Prints the id of a job just submitted: the bare id as text, {@code {"jobId","session"}} as JSON. */
    void submitted(String session, String jobId) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("jobId", jobId);
            m.put("session", session);
            write(m);
        } else {
            out.println(jobId);
        }
        out.flush();
    }

    /** Prints one line saying a job was submitted; nothing in JSON mode, where {@link #ended} says it all. */
    void submittedNote(String session, String jobId) {
        if (!json) {
            out.println("Job " + jobId + " submitted (session " + session + ")");
            out.flush();
        }
    }

    /** Prints one line saying a bulk job was submitted; nothing in JSON mode. */
    void submittedArrayNote(String session, List<org.drmaa2j.Job> tasks) {
        if (!json) {
            out.println("Bulk job of " + tasks.size() + " tasks submitted (" + tasks.get(0).getJobId()
                    + (tasks.size() > 1 ? " … " + tasks.get(tasks.size() - 1).getJobId() : "") + ", session " + session + ")");
            out.flush();
        }
    }

    /** Prints queues: one name a line, or a JSON array of {@code {"name"}}. */
    void queues(List<QueueInfo> queues) {
        if (json) {
            List<Object> list = new ArrayList<>();
            for (QueueInfo q : queues) list.add(Map.of("name", q.name()));
            write(list);
        } else {
            Table t = new Table("QUEUE");
            for (QueueInfo q : queues) t.row(q.name());
            t.print(out);
        }
        out.flush();
    }

    /** Prints machines as a table, or as a JSON array of objects with the fields of {@link MachineInfo}. */
    void machines(List<MachineInfo> machines) {
        if (json) {
            List<Object> list = new ArrayList<>();
            for (MachineInfo m : machines) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("name", m.name());
                f.put("available", m.available());
                f.put("sockets", m.sockets());
                f.put("coresPerSocket", m.coresPerSocket());
                f.put("threadsPerCore", m.threadsPerCore());
                f.put("load", m.load());
                f.put("physMemory", m.physMemory());
                f.put("virtMemory", m.virtMemory());
                f.put("machineOS", str(m.machineOS()));
                f.put("machineOSVersion", str(m.machineOSVersion()));
                f.put("machineArch", str(m.machineArch()));
                list.add(f);
            }
            write(list);
        } else {
            Table t = new Table("MACHINE", "AVAILABLE", "SOCKETS", "CORES/SOCKET", "THREADS/CORE", "LOAD", "MEMORY", "OS", "ARCH");
            for (MachineInfo m : machines) {
                t.row(m.name(), m.available() ? "yes" : "no", String.valueOf(m.sockets()), String.valueOf(m.coresPerSocket()),
                        String.valueOf(m.threadsPerCore()), String.format(java.util.Locale.ROOT, "%.2f", m.load()),
                        String.valueOf(m.physMemory()), dash(m.machineOS()), dash(m.machineArch()));
            }
            t.print(out);
        }
        out.flush();
    }

    /** Prints how a job that {@code run} waited for ended. */
    void ended(String session, JobInfo info) {
        if (json) {
            Map<String, Object> m = jobFields(session, info);
            m.put("exitCode", ExitCodes.of(info));
            write(m);
        } else {
            out.println("Job " + info.getJobId() + " " + info.getJobState() + describeEnd(info));
        }
        out.flush();
    }

    /** Prints jobs as a table, or as a JSON array of job objects. */
    void jobs(String session, List<JobInfo> infos) {
        if (json) {
            List<Object> list = new ArrayList<>();
            for (JobInfo i : infos) list.add(jobFields(session, i));
            write(list);
        } else {
            Table t = new Table("JOBID", "STATE", "EXIT", "SIGNAL", "SUBSTATE", "NAME");
            for (JobInfo i : infos) {
                t.row(i.getJobId(), String.valueOf(i.getJobState()), dash(i.getExitStatus()),
                        dash(i.getTerminatingSignal()), dash(i.getJobSubState()), dash(i.getJobName()));
            }
            t.print(out);
        }
        out.flush();
    }

    /** Prints that an action was done on jobs: one line each, or a JSON array of {@code {"jobId","action"}}. */
    void acted(String action, List<String> jobIds) {
        if (json) {
            List<Object> list = new ArrayList<>();
            for (String id : jobIds) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("jobId", id);
                m.put("action", action);
                list.add(m);
            }
            write(list);
        } else {
            for (String id : jobIds) out.println("Job " + id + ": " + action + " done");
        }
        out.flush();
    }

    /** Prints the installed drivers: a table, or a JSON array of {@code {"name","description"}}. */
    void drivers(List<Drmaa2Provider> providers) {
        if (json) {
            List<Object> list = new ArrayList<>();
            for (Drmaa2Provider p : providers) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", p.getName());
                m.put("description", p.getDescription());
                list.add(m);
            }
            write(list);
        } else if (providers.isEmpty()) {
            out.println("No drmaa2j driver is installed.");
        } else {
            Table t = new Table("NAME", "DESCRIPTION");
            for (Drmaa2Provider p : providers) t.row(p.getName(), p.getDescription());
            t.print(out);
        }
        out.flush();
    }

    /**
     * @param session the session name
     * @param i the job information
     * @return the JSON fields of a job: times as ISO-8601 instants, durations as ISO-8601 durations, unknown values null
     */
    static Map<String, Object> jobFields(String session, JobInfo i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobId", i.getJobId());
        m.put("session", session);
        m.put("jobName", i.getJobName());
        m.put("state", str(i.getJobState()));
        m.put("subState", i.getJobSubState());
        m.put("exitStatus", i.getExitStatus());
        m.put("terminatingSignal", i.getTerminatingSignal());
        m.put("annotation", i.getAnnotation());
        m.put("queueName", i.getQueueName());
        m.put("slots", i.getSlots());
        m.put("allocatedMachines", i.getAllocatedMachines());
        m.put("jobOwner", i.getJobOwner());
        m.put("submissionMachine", i.getSubmissionMachine());
        m.put("submissionTime", str(i.getSubmissionTime()));
        m.put("dispatchTime", str(i.getDispatchTime()));
        m.put("finishTime", str(i.getFinishTime()));
        m.put("wallclockTime", str(i.getWallclockTime()));
        m.put("cpuTime", str(i.getCpuTime()));
        return m;
    }

    private static String describeEnd(JobInfo i) {
        StringBuilder sb = new StringBuilder();
        if (i.getExitStatus() != null) sb.append(", exit status ").append(i.getExitStatus());
        if (i.getTerminatingSignal() != null) sb.append(", signal ").append(i.getTerminatingSignal());
        if (i.getAnnotation() != null && !i.getAnnotation().isBlank()) sb.append(" (").append(i.getAnnotation()).append(')');
        return sb.toString();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String dash(Object o) {
        return o == null ? "-" : Objects.toString(o);
    }

    private void write(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
