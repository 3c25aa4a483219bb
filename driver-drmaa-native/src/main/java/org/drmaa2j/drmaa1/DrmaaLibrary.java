// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The DRMAA 1.0 C binding (OGF GFD.133, {@code drmaa.h}), every function, mapped for JNA. Output
 * strings are caller-supplied {@code byte[]} buffers whose length is passed as {@code size_t};
 * {@link Drmaa} allocates them at least {@link DrmaaConstants#ERROR_BUFFER} bytes long. The
 * {@code get_num_*} functions take {@code int*} in Grid Engine's header and {@code size_t*} in
 * drmaa-utils': they are given a zeroed 8-byte {@link Pointer} so either width reads correctly.
 * The job template and the three string vectors are opaque {@link Pointer}s.
 */
public interface DrmaaLibrary extends Library {

    // ---- opaque string vectors ----
    int drmaa_get_next_attr_name(Pointer values, byte[] value, SizeT valueLen);
    int drmaa_get_next_attr_value(Pointer values, byte[] value, SizeT valueLen);
    int drmaa_get_next_job_id(Pointer values, byte[] value, SizeT valueLen);
    int drmaa_get_num_attr_names(Pointer values, Pointer size);
    int drmaa_get_num_attr_values(Pointer values, Pointer size);
    int drmaa_get_num_job_ids(Pointer values, Pointer size);
    void drmaa_release_attr_names(Pointer values);
    void drmaa_release_attr_values(Pointer values);
    void drmaa_release_job_ids(Pointer values);

    // ---- session ----
    int drmaa_init(String contact, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_exit(byte[] errorDiagnosis, SizeT errorDiagLen);

    // ---- job templates ----
    int drmaa_allocate_job_template(PointerByReference jt, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_delete_job_template(Pointer jt, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_set_attribute(Pointer jt, String name, String value, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_get_attribute(Pointer jt, String name, byte[] value, SizeT valueLen, byte[] errorDiagnosis, SizeT errorDiagLen);
    /** {@code value} is passed as a NULL-terminated {@code char*[]} (JNA appends the NULL). */
    int drmaa_set_vector_attribute(Pointer jt, String name, String[] value, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_get_vector_attribute(Pointer jt, String name, PointerByReference values, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_get_attribute_names(PointerByReference values, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_get_vector_attribute_names(PointerByReference values, byte[] errorDiagnosis, SizeT errorDiagLen);

    // ---- submission ----
    int drmaa_run_job(byte[] jobId, SizeT jobIdLen, Pointer jt, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_run_bulk_jobs(PointerByReference jobIds, Pointer jt, int start, int end, int incr,
                            byte[] errorDiagnosis, SizeT errorDiagLen);

    // ---- control, synchronisation, status ----
    int drmaa_control(String jobId, int action, byte[] errorDiagnosis, SizeT errorDiagLen);
    /** {@code jobIds} is passed as a NULL-terminated {@code char*[]}; {@code timeout} is C {@code signed long}. */
    int drmaa_synchronize(String[] jobIds, NativeLong timeout, int dispose, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_wait(String jobId, byte[] jobIdOut, SizeT jobIdOutLen, IntByReference stat, NativeLong timeout,
                   PointerByReference rusage, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_wifexited(IntByReference exited, int stat, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_wexitstatus(IntByReference exitStatus, int stat, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_wifsignaled(IntByReference signaled, int stat, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_wtermsig(byte[] signal, SizeT signalLen, int stat, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_wcoredump(IntByReference coreDumped, int stat, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_wifaborted(IntByReference aborted, int stat, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_job_ps(String jobId, IntByReference remotePs, byte[] errorDiagnosis, SizeT errorDiagLen);

    // ---- auxiliary ----
    /** Returns a static string owned by the library (never freed by the caller). */
    String drmaa_strerror(int drmaaErrno);
    int drmaa_get_contact(byte[] contact, SizeT contactLen, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_version(IntByReference major, IntByReference minor, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_get_DRM_system(byte[] drmSystem, SizeT drmSystemLen, byte[] errorDiagnosis, SizeT errorDiagLen);
    int drmaa_get_DRMAA_implementation(byte[] drmaaImpl, SizeT drmaaImplLen, byte[] errorDiagnosis, SizeT errorDiagLen);
}
