// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.drmaa2j.drmaa1.DrmaaConstants.*;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.Version;

/**
 * A Java face for {@link DrmaaLibrary}: allocates the buffers, decodes strings and string vectors,
 * releases what the library allocated, and turns error codes into drmaa2j exceptions carrying the
 * library's diagnosis. Stateless; safe to call from several threads as far as the library is
 * (GFD.133 requires thread safety).
 */
public final class Drmaa {
    /** {@link #jobPs} result for a job the library does not know (INVALID_JOB). */
    public static final int PS_UNKNOWN_JOB = -1;

    private final DrmaaLibrary lib;

    /** @param lib the loaded library */
    public Drmaa(DrmaaLibrary lib) {
        this.lib = lib;
    }

    // ---------------------------------------------------------------- session

    /** @param contact the contact string, or null for the library's default */
    public void init(String contact) {
        byte[] e = err();
        check(lib.drmaa_init(contact, e, len(e)), "drmaa_init", e, "contact");
    }

    /** Ends the session; jobs keep running. */
    public void exit() {
        byte[] e = err();
        check(lib.drmaa_exit(e, len(e)), "drmaa_exit", e, null);
    }

    /** @return the contact string (before init: the defaults) */
    public String contact() {
        return string(lib::drmaa_get_contact, "drmaa_get_contact");
    }

    /** @return the DRM system, e.g. {@code SGE 8.1.9} */
    public String drmSystem() {
        return string(lib::drmaa_get_DRM_system, "drmaa_get_DRM_system");
    }

    /** @return the DRMAA implementation's name */
    public String implementation() {
        return string(lib::drmaa_get_DRMAA_implementation, "drmaa_get_DRMAA_implementation");
    }

    /** @return the DRMAA version the library implements, 1.0 */
    public Version version() {
        IntByReference major = new IntByReference();
        IntByReference minor = new IntByReference();
        byte[] e = err();
        check(lib.drmaa_version(major, minor, e, len(e)), "drmaa_version", e, null);
        return new Version(Integer.toUnsignedString(major.getValue()), Integer.toUnsignedString(minor.getValue()));
    }

    /** @return the scalar attribute names the library supports */
    public List<String> attributeNames() {
        PointerByReference ref = new PointerByReference();
        byte[] e = err();
        check(lib.drmaa_get_attribute_names(ref, e, len(e)), "drmaa_get_attribute_names", e, null);
        return names(ref.getValue());
    }

    /** @return the vector attribute names the library supports */
    public List<String> vectorAttributeNames() {
        PointerByReference ref = new PointerByReference();
        byte[] e = err();
        check(lib.drmaa_get_vector_attribute_names(ref, e, len(e)), "drmaa_get_vector_attribute_names", e, null);
        return names(ref.getValue());
    }

    /**
     * @param errno a DRMAA error code
     * @return the library's text for it, or null
     */
    public String strerror(int errno) {
        try {
            return lib.drmaa_strerror(errno);
        } catch (RuntimeException | UnsatisfiedLinkError ex) {
            return null;
        }
    }

    // ---------------------------------------------------------------- templates

    /** @return a new job template; delete it with {@link #deleteTemplate} */
    public Pointer allocateTemplate() {
        PointerByReference ref = new PointerByReference();
        byte[] e = err();
        check(lib.drmaa_allocate_job_template(ref, e, len(e)), "drmaa_allocate_job_template", e, null);
        return ref.getValue();
    }

    /** @param jt a template from {@link #allocateTemplate} */
    public void deleteTemplate(Pointer jt) {
        byte[] e = err();
        check(lib.drmaa_delete_job_template(jt, e, len(e)), "drmaa_delete_job_template", e, null);
    }

    /**
     * @param jt the template
     * @param name a scalar attribute
     * @param value its value
     * @param field the drmaa2j template field the value came from, named in an error
     */
    public void set(Pointer jt, String name, String value, String field) {
        byte[] e = err();
        check(lib.drmaa_set_attribute(jt, name, value, e, len(e)), "drmaa_set_attribute(" + name + ")", e, field);
    }

    /**
     * @param jt the template
     * @param name a vector attribute
     * @param values its values
     * @param field the drmaa2j template field the values came from, named in an error
     */
    public void setVector(Pointer jt, String name, List<String> values, String field) {
        byte[] e = err();
        check(lib.drmaa_set_vector_attribute(jt, name, values.toArray(new String[0]), e, len(e)),
                "drmaa_set_vector_attribute(" + name + ")", e, field);
    }

    /**
     * @param jt the template
     * @param name a scalar attribute
     * @return its value
     */
    public String get(Pointer jt, String name) {
        byte[] v = new byte[STRING_BUFFER];
        byte[] e = err();
        check(lib.drmaa_get_attribute(jt, name, v, len(v), e, len(e)), "drmaa_get_attribute(" + name + ")", e, null);
        return text(v);
    }

    /**
     * @param jt the template
     * @param name a vector attribute
     * @return its values
     */
    public List<String> getVector(Pointer jt, String name) {
        PointerByReference ref = new PointerByReference();
        byte[] e = err();
        check(lib.drmaa_get_vector_attribute(jt, name, ref, e, len(e)), "drmaa_get_vector_attribute(" + name + ")", e, null);
        return values(ref.getValue());
    }

    // ---------------------------------------------------------------- jobs

    /**
     * @param jt the template
     * @return the job id
     */
    public String runJob(Pointer jt) {
        byte[] id = new byte[JOB_ID_BUFFER];
        byte[] e = err();
        check(lib.drmaa_run_job(id, len(id), jt, e, len(e)), "drmaa_run_job", e, null);
        return text(id);
    }

    /**
     * @param jt the template
     * @param start first index
     * @param end last index
     * @param incr step
     * @return the task ids in index order
     */
    public List<String> runBulkJobs(Pointer jt, int start, int end, int incr) {
        PointerByReference ref = new PointerByReference();
        byte[] e = err();
        check(lib.drmaa_run_bulk_jobs(ref, jt, start, end, incr, e, len(e)), "drmaa_run_bulk_jobs", e, null);
        Pointer ids = ref.getValue();
        try {
            return drain(ids, lib::drmaa_get_next_job_id);
        } finally {
            if (ids != null) lib.drmaa_release_job_ids(ids);
        }
    }

    /**
     * @param jobId a job id or {@link DrmaaConstants#JOB_IDS_SESSION_ALL}
     * @param action a {@code CONTROL_*} constant
     * @return false when the library does not know the job (INVALID_JOB) and {@code tolerateUnknown}
     * @param tolerateUnknown true to return false instead of throwing for an unknown job
     */
    public boolean control(String jobId, int action, boolean tolerateUnknown) {
        byte[] e = err();
        int rc = lib.drmaa_control(jobId, action, e, len(e));
        if (rc == ERRNO_INVALID_JOB && tolerateUnknown) return false;
        check(rc, "drmaa_control(" + jobId + ")", e, null);
        return true;
    }

    /**
     * @param jobIds jobs, or a list holding {@link DrmaaConstants#JOB_IDS_SESSION_ALL}
     * @param timeoutSeconds seconds, {@link DrmaaConstants#TIMEOUT_WAIT_FOREVER} or {@code TIMEOUT_NO_WAIT}
     * @param dispose true to reap the jobs' information
     * @return false on time-out
     */
    public boolean synchronize(List<String> jobIds, long timeoutSeconds, boolean dispose) {
        byte[] e = err();
        int rc = lib.drmaa_synchronize(jobIds.toArray(new String[0]), new NativeLong(timeoutSeconds), dispose ? 1 : 0, e, len(e));
        if (rc == ERRNO_EXIT_TIMEOUT) return false;
        check(rc, "drmaa_synchronize", e, null);
        return true;
    }

    /**
     * Waits for a job and REAPS it.
     *
     * @param jobId a job id or {@link DrmaaConstants#JOB_IDS_SESSION_ANY}
     * @param timeoutSeconds seconds to wait, or a {@code TIMEOUT_*} constant
     * @return the outcome; {@link WaitOutcome#result()} is set when a job was reaped
     */
    public WaitOutcome waitFor(String jobId, long timeoutSeconds) {
        byte[] out = new byte[JOB_ID_BUFFER];
        IntByReference stat = new IntByReference();
        PointerByReference rusage = new PointerByReference();
        byte[] e = err();
        int rc = lib.drmaa_wait(jobId, out, len(out), stat, new NativeLong(timeoutSeconds), rusage, e, len(e));
        Pointer ru = rusage.getValue();
        try {
            if (rc != ERRNO_SUCCESS && rc != ERRNO_NO_RUSAGE) {
                return new WaitOutcome(rc, null, message(rc, "drmaa_wait(" + jobId + ")", e));
            }
            String id = text(out);
            if (id.isEmpty()) id = jobId;
            Map<String, String> usage = rc == ERRNO_NO_RUSAGE ? Map.of() : pairs(values(ru));
            return new WaitOutcome(rc, decode(id, stat.getValue(), usage, rc == ERRNO_NO_RUSAGE), null);
        } finally {
            if (ru != null) lib.drmaa_release_attr_values(ru);
        }
    }

    /**
     * @param jobId a job id
     * @return a {@code PS_*} constant, or {@link #PS_UNKNOWN_JOB} when the library does not know the job
     */
    public int jobPs(String jobId) {
        IntByReference ps = new IntByReference();
        byte[] e = err();
        int rc = lib.drmaa_job_ps(jobId, ps, e, len(e));
        if (rc == ERRNO_INVALID_JOB) return PS_UNKNOWN_JOB;
        check(rc, "drmaa_job_ps(" + jobId + ")", e, null);
        return ps.getValue();
    }

    private WaitResult decode(String jobId, int stat, Map<String, String> usage, boolean noUsage) {
        if (noUsage) return new WaitResult(jobId, false, null, false, null, false, false, usage);
        boolean aborted = flag(lib::drmaa_wifaborted, stat, "drmaa_wifaborted");
        boolean exited = flag(lib::drmaa_wifexited, stat, "drmaa_wifexited");
        Integer exitStatus = null;
        if (exited) {
            IntByReference v = new IntByReference();
            byte[] e = err();
            check(lib.drmaa_wexitstatus(v, stat, e, len(e)), "drmaa_wexitstatus", e, null);
            exitStatus = v.getValue();
        }
        boolean signaled = flag(lib::drmaa_wifsignaled, stat, "drmaa_wifsignaled");
        String signal = null;
        boolean core = false;
        if (signaled) {
            byte[] s = new byte[SIGNAL_BUFFER];
            byte[] e = err();
            check(lib.drmaa_wtermsig(s, len(s), stat, e, len(e)), "drmaa_wtermsig", e, null);
            signal = text(s);
            core = flag(lib::drmaa_wcoredump, stat, "drmaa_wcoredump");
        }
        return new WaitResult(jobId, exited, exitStatus, signaled, signal, core, aborted, usage);
    }

    // ---------------------------------------------------------------- helpers

    /** One of the {@code drmaa_w*} predicates. */
    @FunctionalInterface
    private interface StatFlag {
        int call(IntByReference out, int stat, byte[] e, SizeT elen);
    }

    /** One of the functions filling a string buffer. */
    @FunctionalInterface
    private interface StringCall {
        int call(byte[] out, SizeT outLen, byte[] e, SizeT elen);
    }

    private boolean flag(StatFlag f, int stat, String function) {
        IntByReference v = new IntByReference();
        byte[] e = err();
        check(f.call(v, stat, e, len(e)), function, e, null);
        return v.getValue() != 0;
    }

    private String string(StringCall f, String function) {
        byte[] out = new byte[STRING_BUFFER];
        byte[] e = err();
        check(f.call(out, len(out), e, len(e)), function, e, null);
        return text(out);
    }

    private List<String> names(Pointer vector) {
        try {
            return drain(vector, lib::drmaa_get_next_attr_name);
        } finally {
            if (vector != null) lib.drmaa_release_attr_names(vector);
        }
    }

    /** Reads a values vector without releasing it. */
    private List<String> values(Pointer vector) {
        return drain(vector, lib::drmaa_get_next_attr_value);
    }

    private static List<String> drain(Pointer vector, NextElement next) {
        List<String> out = new ArrayList<>();
        if (vector == null) return out;
        byte[] buf = new byte[STRING_BUFFER];
        while (next.call(vector, buf, len(buf)) == ERRNO_SUCCESS) {
            out.add(text(buf));
            buf[0] = 0;
        }
        return out;
    }

    /** {@code drmaa_get_next_attr_name/value/job_id}. */
    @FunctionalInterface
    private interface NextElement {
        int call(Pointer vector, byte[] value, SizeT len);
    }

    /**
     * @param vector a names vector
     * @return its element count from {@code drmaa_get_num_attr_names}, read through a zeroed
     *         8-byte cell so that an {@code int*} (Grid Engine) and a {@code size_t*} (drmaa-utils)
     *         signature both give the right number
     */
    public int countNames(Pointer vector) {
        return count(vector, lib::drmaa_get_num_attr_names, "drmaa_get_num_attr_names");
    }

    /** @param vector a values vector @return its element count */
    public int countValues(Pointer vector) {
        return count(vector, lib::drmaa_get_num_attr_values, "drmaa_get_num_attr_values");
    }

    /** @param vector a job ids vector @return its element count */
    public int countJobIds(Pointer vector) {
        return count(vector, lib::drmaa_get_num_job_ids, "drmaa_get_num_job_ids");
    }

    private int count(Pointer vector, BiFunction<Pointer, Pointer, Integer> f, String function) {
        Memory cell = new Memory(8);
        cell.clear();
        int rc = f.apply(vector, cell);
        if (rc != ERRNO_SUCCESS) throw toException(rc, function, new byte[1], null);
        return (int) cell.getLong(0);
    }

    static Map<String, String> pairs(List<String> entries) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : entries) {
            int eq = s.indexOf('=');
            if (eq > 0) m.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
            else if (!s.isBlank()) m.put(s.strip(), "");
        }
        return m;
    }

    private void check(int rc, String function, byte[] diagnosis, String field) {
        if (rc != ERRNO_SUCCESS) throw toException(rc, function, diagnosis, field);
    }

    private Drmaa2Exception toException(int rc, String function, byte[] diagnosis, String field) {
        return DrmaaErrors.toException(rc, function, strerror(rc), text(diagnosis), field);
    }

    private String message(int rc, String function, byte[] diagnosis) {
        return DrmaaErrors.message(rc, function, strerror(rc), text(diagnosis));
    }

    private static byte[] err() {
        return new byte[ERROR_BUFFER];
    }

    private static SizeT len(byte[] buffer) {
        return new SizeT(buffer.length);
    }

    static String text(byte[] buffer) {
        int n = 0;
        while (n < buffer.length && buffer[n] != 0) n++;
        return new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * The outcome of one {@code drmaa_wait} call.
     *
     * @param errno the code it returned
     * @param result the reaped job when it returned SUCCESS or NO_RUSAGE, else null
     * @param error the library's words for any other code, else null
     */
    public record WaitOutcome(int errno, WaitResult result, String error) {
        /** @return true when the call timed out */
        public boolean timedOut() {
            return errno == ERRNO_EXIT_TIMEOUT;
        }
    }
}
