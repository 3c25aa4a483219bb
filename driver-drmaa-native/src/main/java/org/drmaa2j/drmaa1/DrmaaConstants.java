// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.util.List;

/** The constants of {@code drmaa.h} (DRMAA 1.0, GFD.133), values as agreed by the specification. */
public final class DrmaaConstants {
    private DrmaaConstants() {
    }

    // ---- buffer sizes: the header's minimums are 1024 (drmaa-utils uses 4096 for errors); we use more ----
    /** Bytes for every error diagnosis buffer: above Grid Engine's 1024 and drmaa-utils' 4096. */
    public static final int ERROR_BUFFER = 8192;
    /** Bytes for attribute values, contact, DRM system and implementation strings. */
    public static final int STRING_BUFFER = 8192;
    /** Bytes for job ids (DRMAA_JOBNAME_BUFFER is 1024). */
    public static final int JOB_ID_BUFFER = 1024;
    /** Bytes for signal names (DRMAA_SIGNAL_BUFFER is 32). */
    public static final int SIGNAL_BUFFER = 64;

    // ---- time-outs (seconds, C signed long) ----
    /** Wait forever. */
    public static final long TIMEOUT_WAIT_FOREVER = -1;
    /** Return at once. */
    public static final long TIMEOUT_NO_WAIT = 0;

    // ---- special job ids and submission states ----
    /** drmaa_wait: any job of the session. */
    public static final String JOB_IDS_SESSION_ANY = "DRMAA_JOB_IDS_SESSION_ANY";
    /** drmaa_control and drmaa_synchronize: every job of the session. */
    public static final String JOB_IDS_SESSION_ALL = "DRMAA_JOB_IDS_SESSION_ALL";
    /** drmaa_js_state value: submit runnable. */
    public static final String SUBMISSION_STATE_ACTIVE = "drmaa_active";
    /** drmaa_js_state value: submit held. */
    public static final String SUBMISSION_STATE_HOLD = "drmaa_hold";

    // ---- placeholders ----
    /** The bulk task index. */
    public static final String PLACEHOLDER_INCR = "$drmaa_incr_ph$";
    /** The user's home directory (at the start of a path). */
    public static final String PLACEHOLDER_HD = "$drmaa_hd_ph$";
    /** The job's working directory (at the start of a path). */
    public static final String PLACEHOLDER_WD = "$drmaa_wd_ph$";

    // ---- scalar attributes ----
    public static final String REMOTE_COMMAND = "drmaa_remote_command";
    public static final String JS_STATE = "drmaa_js_state";
    public static final String WD = "drmaa_wd";
    public static final String JOB_CATEGORY = "drmaa_job_category";
    public static final String NATIVE_SPECIFICATION = "drmaa_native_specification";
    public static final String BLOCK_EMAIL = "drmaa_block_email";
    public static final String START_TIME = "drmaa_start_time";
    public static final String JOB_NAME = "drmaa_job_name";
    public static final String INPUT_PATH = "drmaa_input_path";
    public static final String OUTPUT_PATH = "drmaa_output_path";
    public static final String ERROR_PATH = "drmaa_error_path";
    public static final String JOIN_FILES = "drmaa_join_files";
    public static final String TRANSFER_FILES = "drmaa_transfer_files";
    public static final String DEADLINE_TIME = "drmaa_deadline_time";
    public static final String WCT_HLIMIT = "drmaa_wct_hlimit";
    public static final String WCT_SLIMIT = "drmaa_wct_slimit";
    public static final String DURATION_HLIMIT = "drmaa_duration_hlimit";
    public static final String DURATION_SLIMIT = "drmaa_duration_slimit";

    // ---- vector attributes ----
    public static final String V_ARGV = "drmaa_v_argv";
    public static final String V_ENV = "drmaa_v_env";
    public static final String V_EMAIL = "drmaa_v_email";

    /** Every scalar attribute the specification names. */
    public static final List<String> SCALAR_ATTRIBUTES = List.of(REMOTE_COMMAND, JS_STATE, WD, JOB_CATEGORY,
            NATIVE_SPECIFICATION, BLOCK_EMAIL, START_TIME, JOB_NAME, INPUT_PATH, OUTPUT_PATH, ERROR_PATH, JOIN_FILES,
            TRANSFER_FILES, DEADLINE_TIME, WCT_HLIMIT, WCT_SLIMIT, DURATION_HLIMIT, DURATION_SLIMIT);
    /** Every vector attribute the specification names. */
    public static final List<String> VECTOR_ATTRIBUTES = List.of(V_ARGV, V_ENV, V_EMAIL);

    // ---- error codes ----
    public static final int ERRNO_SUCCESS = 0;
    public static final int ERRNO_INTERNAL_ERROR = 1;
    public static final int ERRNO_DRM_COMMUNICATION_FAILURE = 2;
    public static final int ERRNO_AUTH_FAILURE = 3;
    public static final int ERRNO_INVALID_ARGUMENT = 4;
    public static final int ERRNO_NO_ACTIVE_SESSION = 5;
    public static final int ERRNO_NO_MEMORY = 6;
    public static final int ERRNO_INVALID_CONTACT_STRING = 7;
    public static final int ERRNO_DEFAULT_CONTACT_STRING_ERROR = 8;
    public static final int ERRNO_NO_DEFAULT_CONTACT_STRING_SELECTED = 9;
    public static final int ERRNO_DRMS_INIT_FAILED = 10;
    public static final int ERRNO_ALREADY_ACTIVE_SESSION = 11;
    public static final int ERRNO_DRMS_EXIT_ERROR = 12;
    public static final int ERRNO_INVALID_ATTRIBUTE_FORMAT = 13;
    public static final int ERRNO_INVALID_ATTRIBUTE_VALUE = 14;
    public static final int ERRNO_CONFLICTING_ATTRIBUTE_VALUES = 15;
    public static final int ERRNO_TRY_LATER = 16;
    public static final int ERRNO_DENIED_BY_DRM = 17;
    public static final int ERRNO_INVALID_JOB = 18;
    public static final int ERRNO_RESUME_INCONSISTENT_STATE = 19;
    public static final int ERRNO_SUSPEND_INCONSISTENT_STATE = 20;
    public static final int ERRNO_HOLD_INCONSISTENT_STATE = 21;
    public static final int ERRNO_RELEASE_INCONSISTENT_STATE = 22;
    public static final int ERRNO_EXIT_TIMEOUT = 23;
    public static final int ERRNO_NO_RUSAGE = 24;
    public static final int ERRNO_NO_MORE_ELEMENTS = 25;
    /** One past the last error code. */
    public static final int NO_ERRNO = 26;

    /** Names of the error codes, indexed by code. */
    static final List<String> ERRNO_NAMES = List.of("SUCCESS", "INTERNAL_ERROR", "DRM_COMMUNICATION_FAILURE",
            "AUTH_FAILURE", "INVALID_ARGUMENT", "NO_ACTIVE_SESSION", "NO_MEMORY", "INVALID_CONTACT_STRING",
            "DEFAULT_CONTACT_STRING_ERROR", "NO_DEFAULT_CONTACT_STRING_SELECTED", "DRMS_INIT_FAILED",
            "ALREADY_ACTIVE_SESSION", "DRMS_EXIT_ERROR", "INVALID_ATTRIBUTE_FORMAT", "INVALID_ATTRIBUTE_VALUE",
            "CONFLICTING_ATTRIBUTE_VALUES", "TRY_LATER", "DENIED_BY_DRM", "INVALID_JOB",
            "RESUME_INCONSISTENT_STATE", "SUSPEND_INCONSISTENT_STATE", "HOLD_INCONSISTENT_STATE",
            "RELEASE_INCONSISTENT_STATE", "EXIT_TIMEOUT", "NO_RUSAGE", "NO_MORE_ELEMENTS");

    // ---- job states (drmaa_job_ps) ----
    public static final int PS_UNDETERMINED = 0x00;
    public static final int PS_QUEUED_ACTIVE = 0x10;
    public static final int PS_SYSTEM_ON_HOLD = 0x11;
    public static final int PS_USER_ON_HOLD = 0x12;
    public static final int PS_USER_SYSTEM_ON_HOLD = 0x13;
    public static final int PS_RUNNING = 0x20;
    public static final int PS_SYSTEM_SUSPENDED = 0x21;
    public static final int PS_USER_SUSPENDED = 0x22;
    public static final int PS_USER_SYSTEM_SUSPENDED = 0x23;
    public static final int PS_DONE = 0x30;
    public static final int PS_FAILED = 0x40;

    // ---- control actions ----
    public static final int CONTROL_SUSPEND = 0;
    public static final int CONTROL_RESUME = 1;
    public static final int CONTROL_HOLD = 2;
    public static final int CONTROL_RELEASE = 3;
    public static final int CONTROL_TERMINATE = 4;

    /**
     * @param errno a DRMAA error code
     * @return its name without the {@code DRMAA_ERRNO_} prefix, or {@code ERRNO_<n>} for unknown codes
     */
    public static String errnoName(int errno) {
        return errno >= 0 && errno < ERRNO_NAMES.size() ? ERRNO_NAMES.get(errno) : "ERRNO_" + errno;
    }
}
