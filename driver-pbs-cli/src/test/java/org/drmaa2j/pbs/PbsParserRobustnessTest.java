// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.tck.hostile.ParserFuzz;
import org.drmaa2j.tck.hostile.ParserRobustnessProperties;

/**
 * Every PBS parser (qstat -f text, qstat -F json, Torque's qstat -x XML, qsub output) on truncated,
 * garbled and unknown-state versions of the verbatim samples (see {@link ParserFuzz}).
 */
class PbsParserRobustnessTest extends ParserRobustnessProperties {
    private static final List<String> QSTAT = List.of("qstat", "-f");

    private static List<JobInfo> infos(Map<String, Map<String, String>> records, PbsDialect dialect) {
        List<JobInfo> out = new ArrayList<>();
        records.forEach((id, attrs) -> out.add(PbsJobRows.toJobInfo(id, attrs, dialect, ZoneOffset.UTC)));
        return out;
    }

    @Override
    protected List<Family> families() {
        return List.of(
                new Family("qstat -f pbspro", Samples.read("aiida_pbspro_qstat_f.txt"), t -> infos(PbsTextRecords.parse(t), PbsDialect.PBSPRO)),
                new Family("qstat -f newlines", Samples.read("aiida_pbspro_qstat_f_unexpected_newlines.txt"),
                        t -> infos(PbsTextRecords.parse(t), PbsDialect.PBSPRO)),
                new Family("qstat -f torque", Samples.read("buildtest_torque_qstat_f_completed.txt"), t -> infos(PbsTextRecords.parse(t), PbsDialect.TORQUE)),
                new Family("qstat -f gadi", Samples.read("pysqa_pbspro_qstat_f_gadi.txt"), t -> infos(PbsTextRecords.parse(t), PbsDialect.PBSPRO)),
                new Family("qstat json", Samples.read("buildtest_openpbs19_qstat_x_f_F_json_finished.txt"),
                        t -> infos(PbsStatusQuery.reading(QSTAT, t, QstatOutput::jobsJson), PbsDialect.PBSPRO)),
                new Family("qstat -x xml", Samples.read("xenon_torque_qstat_x_xml.txt"), t -> infos(PbsStatusQuery.reading(QSTAT, t, TorqueXml::parse), PbsDialect.TORQUE)),
                new Family("qstat -f torque wrappers", Samples.read("torque-wrappers", "qstat_f_mixed.txt"),
                        t -> infos(PbsTextRecords.parse(t), PbsDialect.TORQUE)),
                new Family("qsub", Samples.read("torque-wrappers", "qsub_stdout_array_t_1-3.txt"), t -> {
                    QsubOutput.jobId(t);
                    return List.of();
                }));
    }

    @Override
    protected Collection<String> stateWords() {
        return List.of("Q", "T", "M", "W", "H", "R", "B", "E", "S", "U", "F", "X", "C");
    }
}
