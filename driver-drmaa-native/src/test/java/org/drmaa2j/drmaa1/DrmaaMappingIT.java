// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.drmaa2j.drmaa1.DrmaaConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import java.util.Optional;
import org.drmaa2j.InvalidArgumentException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every function of the JNA mapping against Grid Engine's libdrmaa, without the driver (this JVM
 * owns the one DRMAA session). Runs inside the Grid Engine container through
 * {@link org.drmaa2j.drmaa1.it.GridEngineInContainerIT}, in a JVM of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrmaaMappingIT {
    private static DrmaaLibrary lib;
    private static Drmaa drmaa;

    @BeforeAll
    static void init() {
        lib = new DrmaaLibraryLocator(k -> Optional.empty(), System::getenv).load();
        drmaa = new Drmaa(lib);
        System.out.println("before init: contact '" + drmaa.contact() + "', DRM '" + drmaa.drmSystem() + "'");
        drmaa.init(null);
    }

    @AfterAll
    static void exit() {
        drmaa.exit();
        assertThrows(org.drmaa2j.InvalidSessionException.class, () -> drmaa.exit(), "NO_ACTIVE_SESSION after drmaa_exit");
    }

    @Test
    @Order(1)
    void auxiliary() {
        assertEquals("1.0", drmaa.version().toString());
        System.out.println("contact: " + drmaa.contact() + "; DRM system: " + drmaa.drmSystem() + "; implementation: " + drmaa.implementation());
        assertTrue(drmaa.drmSystem().contains("SGE"), drmaa.drmSystem());
        assertFalse(drmaa.implementation().isBlank());
        for (int e = 0; e < NO_ERRNO; e++) assertNotNull(drmaa.strerror(e), "strerror(" + e + ")");
        assertThrows(org.drmaa2j.SessionManagementException.class, () -> drmaa.init(null), "ALREADY_ACTIVE_SESSION");
    }

    @Test
    @Order(2)
    void attributeNames_andCounts() {
        List<String> names = drmaa.attributeNames();
        List<String> vectors = drmaa.vectorAttributeNames();
        System.out.println("attributes: " + names + "; vector attributes: " + vectors);
        assertTrue(names.containsAll(List.of(REMOTE_COMMAND, JS_STATE, WD, NATIVE_SPECIFICATION, JOB_NAME, OUTPUT_PATH, JOIN_FILES)));
        assertTrue(vectors.containsAll(List.of(V_ARGV, V_ENV, V_EMAIL)));
        PointerByReference ref = new PointerByReference();
        byte[] e = new byte[ERROR_BUFFER];
        assertEquals(ERRNO_SUCCESS, lib.drmaa_get_attribute_names(ref, e, new SizeT(e.length)));
        assertEquals(names.size(), drmaa.countNames(ref.getValue()), "drmaa_get_num_attr_names");
        lib.drmaa_release_attr_names(ref.getValue());
    }

    @Test
    @Order(3)
    void template_setAndGet_scalarAndVector() {
        Pointer jt = drmaa.allocateTemplate();
        try {
            drmaa.set(jt, JOB_NAME, "mapping", "jobName");
            assertEquals("mapping", drmaa.get(jt, JOB_NAME));
            drmaa.setVector(jt, V_ARGV, List.of("a b", "c"), "args");
            assertEquals(List.of("a b", "c"), drmaa.getVector(jt, V_ARGV));
            PointerByReference ref = new PointerByReference();
            byte[] e = new byte[ERROR_BUFFER];
            assertEquals(ERRNO_SUCCESS, lib.drmaa_get_vector_attribute(jt, V_ARGV, ref, e, new SizeT(e.length)));
            assertEquals(2, drmaa.countValues(ref.getValue()), "drmaa_get_num_attr_values");
            lib.drmaa_release_attr_values(ref.getValue());
            InvalidArgumentException bad = assertThrows(InvalidArgumentException.class, () -> drmaa.set(jt, JOIN_FILES, "maybe", "joinFiles"));
            System.out.println("invalid value: " + bad.getMessage());
        } finally {
            drmaa.deleteTemplate(jt);
        }
    }

    @Test
    @Order(4)
    void bulk_synchronize_wait_and_statusDecoding() {
        Pointer jt = drmaa.allocateTemplate();
        List<String> ids;
        try {
            drmaa.set(jt, REMOTE_COMMAND, "/bin/sh", "remoteCommand");
            drmaa.setVector(jt, V_ARGV, List.of("-c", "exit $SGE_TASK_ID"), "args");
            drmaa.set(jt, OUTPUT_PATH, ":/dev/null", "outputPath");
            drmaa.set(jt, JOIN_FILES, "y", "joinFiles");
            PointerByReference ref = new PointerByReference();
            byte[] e = new byte[ERROR_BUFFER];
            assertEquals(ERRNO_SUCCESS, lib.drmaa_run_bulk_jobs(ref, jt, 1, 3, 1, e, new SizeT(e.length)), Drmaa.text(e));
            assertEquals(3, drmaa.countJobIds(ref.getValue()), "drmaa_get_num_job_ids");
            lib.drmaa_release_job_ids(ref.getValue());
            ids = drmaa.runBulkJobs(jt, 5, 9, 2);
        } finally {
            drmaa.deleteTemplate(jt);
        }
        System.out.println("bulk ids: " + ids);
        assertEquals(3, ids.size());
        int ps = drmaa.jobPs(ids.get(0));
        System.out.println("job_ps " + ids.get(0) + ": " + DrmaaStates.name(ps));
        assertTrue(drmaa.synchronize(List.of(JOB_IDS_SESSION_ALL), 120, false), "drmaa_synchronize");
        int ended = drmaa.jobPs(ids.get(0));
        System.out.println("job_ps " + ids.get(0) + " after drmaa_synchronize: " + DrmaaStates.name(ended));
        assertTrue(ended == PS_DONE || ended == PS_FAILED, DrmaaStates.name(ended));
        for (String id : ids) {
            Drmaa.WaitOutcome o = drmaa.waitFor(id, 60);
            WaitResult r = o.result();
            assertNotNull(r, o.error());
            int task = Integer.parseInt(id.substring(id.indexOf('.') + 1));
            System.out.println("wait " + id + ": exited=" + r.exited() + " status=" + r.exitStatus() + " rusage keys=" + r.rusage().size());
            assertTrue(r.exited());
            assertEquals(task, r.exitStatus());
            System.out.println("job_ps " + id + " after drmaa_wait: " + DrmaaStates.name(drmaa.jobPs(id)));
            assertEquals(ERRNO_INVALID_JOB, drmaa.waitFor(id, TIMEOUT_NO_WAIT).errno(), "reaped: a second drmaa_wait fails");
        }
        java.util.Set<Integer> first = new java.util.TreeSet<>();
        for (int i = 0; i < 3; i++) {
            WaitResult r = drmaa.waitFor(JOB_IDS_SESSION_ANY, 60).result();
            assertNotNull(r);
            first.add(r.exitStatus());
        }
        assertEquals(java.util.Set.of(1, 2, 3), first, "the first bulk job's tasks, reaped with DRMAA_JOB_IDS_SESSION_ANY");
        assertEquals(ERRNO_INVALID_JOB, drmaa.waitFor(JOB_IDS_SESSION_ANY, TIMEOUT_NO_WAIT).errno(), "nothing left to reap");
        assertFalse(drmaa.control("999999", CONTROL_TERMINATE, true), "INVALID_JOB tolerated");
    }
}
