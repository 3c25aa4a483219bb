// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.drmaa2j.flux.FluxBenchAccess;
import org.drmaa2j.tck.samples.SampleOutputs;

/**
 * Scheduler outputs of {@value #ROWS} jobs, made by repeating the rows of verbatim samples (the files
 * the drivers' parser tests read, copied unchanged into this module) with distinct job ids.
 */
final class ParseInputs {
    static final int ROWS = 10_000;
    static final String SQUEUE_DELIMITER = "^^^";
    /** The columns of the squeue sample, as the Slurm driver's test names them. */
    static final List<String> SQUEUE_COLUMNS = List.of("jobid", "st", "reason", "batchhost", "user", "nodes", "cpus",
            "nodelist", "partition", "timelimit", "time", "start", "name", "submit");
    static final String SACCT_DELIMITER = "^|^";
    /** The columns of the sacct sample, as the Slurm driver's test names them. */
    static final List<String> SACCT_COLUMNS = List.of("admincomment", "alloccpus", "elapsed", "jobid", "jobidraw", "maxrss",
            "nnodes", "ntasks", "reqmem", "state", "timelimit", "totalcpu", "trailing");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_ID = 5_000_000;

    private ParseInputs() {
    }

    /** @return {@code squeue --noheader -o '%i^^^%t^^^…'} with {@value #ROWS} jobs */
    static String squeue() {
        return squeue(ROWS);
    }

    static String squeue(int n) {
        List<String> rows = lines(sample("slurm", "aiida_squeue_noheader_o_fields_caret_sep.txt"));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String row = rows.get(i % rows.size());
            sb.append(FIRST_ID + i).append(row, row.indexOf(SQUEUE_DELIMITER), row.length()).append('\n');
        }
        return sb.toString();
    }

    /**
     * @return {@code sacct --parsable -n --delimiter='^|^'} with {@value #ROWS} jobs, each with the steps
     *     its sample job had
     */
    static String sacct() {
        return sacct(ROWS);
    }

    static String sacct(int n) {
        String text = sample("slurm", "reportseff_sacct_parsable_custom_delim.txt");
        // the sample's jobs, each a list of rows (the job, then its steps); only those with every column
        List<List<String[]>> jobs = new ArrayList<>();
        for (String line : lines(text)) {
            if (line.startsWith("#")) continue;
            String[] f = line.split(java.util.regex.Pattern.quote(SACCT_DELIMITER), -1);
            if (f.length != SACCT_COLUMNS.size()) continue;
            if (!f[3].contains(".")) jobs.add(new ArrayList<>());
            if (!jobs.isEmpty()) jobs.get(jobs.size() - 1).add(f);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (String[] step : jobs.get(i % jobs.size())) {
                String[] f = step.clone();
                String id = Long.toString(FIRST_ID + i);
                f[3] = id + suffix(f[3]);
                f[4] = id + suffix(f[4]);
                sb.append(String.join(SACCT_DELIMITER, f)).append('\n');
            }
        }
        return sb.toString();
    }

    /** @return {@code qstat -f -F json} with {@value #ROWS} jobs */
    static String qstatJson() {
        return qstatJson(ROWS);
    }

    static String qstatJson(int n) {
        ObjectNode root = (ObjectNode) tree(sample("pbs", "buildtest_openpbs19_qstat_x_f_F_json_finished.txt"));
        List<JsonNode> jobs = new ArrayList<>();
        root.get("Jobs").elements().forEachRemaining(jobs::add);
        ObjectNode out = root.putObject("Jobs");
        for (int i = 0; i < n; i++) out.set((FIRST_ID + i) + ".pbs", jobs.get(i % jobs.size()).deepCopy());
        return write(root);
    }

    /** @return {@code bjobs -o … -json} with {@value #ROWS} jobs */
    static String bjobsJson() {
        return bjobsJson(ROWS);
    }

    static String bjobsJson(int n) {
        ObjectNode root = (ObjectNode) tree(sample("lsf", "mkwind_bjobs_o_json_multi_states.txt"));
        List<JsonNode> records = new ArrayList<>();
        root.get("RECORDS").elements().forEachRemaining(records::add);
        ArrayNode out = root.putArray("RECORDS");
        for (int i = 0; i < n; i++) {
            ObjectNode r = records.get(i % records.size()).deepCopy();
            r.put("JOBID", Long.toString(FIRST_ID + i));
            out.add(r);
        }
        root.put("JOBS", n);
        return write(root);
    }

    /** @return {@code flux jobs -a --json} with {@value #ROWS} jobs */
    static String fluxJobsJson() {
        return fluxJobsJson(ROWS);
    }

    static String fluxJobsJson(int n) {
        String transcript = sample("flux", "flux088_real_instance_transcript.txt");
        String marker = "===== $ flux jobs -a --json";
        String last = transcript.substring(transcript.lastIndexOf(marker));
        String stdout = last.substring(last.indexOf("-- stdout:") + "-- stdout:".length()).strip();
        ObjectNode root = (ObjectNode) tree(stdout.substring(0, stdout.indexOf('\n')));
        List<JsonNode> jobs = new ArrayList<>();
        root.get("jobs").elements().forEachRemaining(jobs::add);
        ArrayNode out = root.putArray("jobs");
        long base = 7_281_311_744L;
        for (int i = 0; i < n; i++) {
            ObjectNode j = jobs.get(i % jobs.size()).deepCopy();
            long id = base + ((long) i << 24);
            j.put("id", id);
            j.put("jobid", FluxBenchAccess.f58(id));
            out.add(j);
        }
        return write(root);
    }

    private static String suffix(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) == '.' || id.charAt(i) == '_') return id.substring(i);
        }
        return "";
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = text.lines().iterator(); it.hasNext(); ) {
            String l = it.next();
            if (!l.isBlank()) out.add(l);
        }
        return out;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode n) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sample(String scheduler, String name) {
        return SampleOutputs.read(ParseInputs.class, scheduler, name);
    }
}
