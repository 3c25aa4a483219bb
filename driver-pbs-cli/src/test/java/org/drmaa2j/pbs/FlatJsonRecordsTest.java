// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.drmaa2j.tck.hostile.ParserFuzz;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader gives what the tree reader and {@link LenientJson#flatten} give, on every JSON
 * sample, on every step of the real OpenPBS transcript, on truncated and on garbled versions of them
 * and on the invalid JSON PBS prints; with the driver's attribute list it gives exactly those
 * attributes.
 */
class FlatJsonRecordsTest {
    private static final List<String> SECTIONS = List.of("Jobs", "Queue", "nodes", "Server");

    /** The reference: the whole tree, then each record flattened. */
    private static Map<String, Map<String, String>> viaTree(String text, String section) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map<String, Object> document : LenientJson.parseObjects(text)) {
            if (document.get(section) instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (e.getValue() instanceof Map<?, ?> attrs) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> a = (Map<String, Object>) attrs;
                        out.put(String.valueOf(e.getKey()), LenientJson.flatten(a));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> inputs() {
        List<String> out = new ArrayList<>();
        out.add(Samples.read("buildtest_openpbs19_qstat_x_f_F_json_finished.txt"));
        for (String step : Samples.transcriptSteps()) {
            String stdout = Samples.transcript(step).stdout();
            if (stdout.contains("{")) out.add(stdout);
        }
        return out;
    }

    private static void assertSame(String text) {
        for (String section : SECTIONS) {
            Map<String, Map<String, String>> flat = FlatJsonRecords.read(text, section);
            assertEquals(viaTree(text, section), flat, section);
            assertEquals(List.copyOf(viaTree(text, section).keySet()), List.copyOf(flat.keySet()), "order of " + section);
        }
    }

    @Test
    void everySample_readAsTheTreeReaderReadsIt() {
        List<String> inputs = inputs();
        assertTrue(inputs.size() > 20, "the transcript's JSON steps are there: " + inputs.size());
        for (String text : inputs) assertSame(text);
    }

    @Test
    void truncatedSamples_readAsTheTreeReaderReadsThem() {
        String text = Samples.read("buildtest_openpbs19_qstat_x_f_F_json_finished.txt");
        for (String prefix : ParserFuzz.prefixes(text)) assertSame(prefix);
    }

    @Test
    void garbledSamples_readAsTheTreeReaderReadsThem() {
        List<String> inputs = inputs();
        for (long seed = 0; seed < 3000; seed++) {
            String text = ParserFuzz.garble(inputs.get((int) (seed % inputs.size())), seed);
            Map<String, Map<String, String>> flat = FlatJsonRecords.read(text, "Jobs");
            Map<String, Map<String, String>> tree = viaTree(text, "Jobs");
            assertEquals(tree, flat, "seed " + seed);
        }
    }

    @Test
    void variableList_onlyTheSubmissionTagKept_asInTheTree() {
        String text = "{\"Jobs\":{\"7.s\":{\"Variable_List\":{\"PBS_O_HOME\":\"/home/u\",\"DRMAA2J_TAG\":\"drmaa2j:ab.cd\","
                + "\"X\":\"y\"},\"job_state\":\"F\",\"Hold_Types\":\"n\"}}}";
        assertSame(text);
        Map<String, String> j = QstatOutput.jobsJson(text).get("7.s");
        assertEquals("drmaa2j:ab.cd", j.get("Variable_List.DRMAA2J_TAG"), "the tag lookup reads it through the status reader");
        assertEquals("n", j.get("Hold_Types"), "held arrays are told by it");
    }

    @Test
    void invalidPbsJson_variableListSteppedOver_restRead() {
        String text = "{\n    \"timestamp\":1795298965,\n    \"Jobs\":{\n        \"4.s\":{\n            \"Job_Name\":\"STDIN\",\n"
                + "            \"Variable_List\":{\n"
                + "                \"BASH_FUNC_ml%%\":\"() {  eval $($LMOD_DIR/ml_cmd \"$@\")\\n}\",\n"
                + "                \"foo\":005,\n                \"MYVAR\":\"\\'\\\"a}s\\\"\\'\",\n"
                + "                \"PBS_O_HOST\":\"execute-1\"\n            },\n"
                + "            \"Resource_List\":{\n                \"ncpus\":4,\n                \"walltime\":\"01:00:00\"\n            },\n"
                + "            \"job_state\":\"R\",\n            \"Exit_status\":-0\n        }\n    }\n}\n";
        Map<String, String> j = FlatJsonRecords.read(text, "Jobs").get("4.s");
        assertEquals(Map.of("Job_Name", "STDIN", "Resource_List.ncpus", "4", "Resource_List.walltime", "01:00:00",
                "job_state", "R", "Exit_status", "0"), j);
        assertSame(text);
    }

    @Test
    void numbersAndLiterals_asTheTreeFlattensThem() {
        String text = "{\"Jobs\":{\"1.s\":{\"a\":1.50,\"b\":1e3,\"c\":005,\"d\":null,\"e\":true,\"f\":[1,\"x\",2.0],"
                + "\"g\":-12,\"h\":1234567890123456789,\"i\":{\"j\":{\"k\":\"deep\"}}}}}";
        Map<String, String> j = FlatJsonRecords.read(text, "Jobs").get("1.s");
        assertEquals("1.5", j.get("a"));
        assertEquals("1000.0", j.get("b"));
        assertEquals("005", j.get("c"));
        assertEquals("", j.get("d"));
        assertEquals("true", j.get("e"));
        assertEquals("1,x,2.0", j.get("f"));
        assertEquals("-12", j.get("g"));
        assertEquals("1.23456789012345677E18", j.get("h"));
        assertEquals("deep", j.get("i.j.k"));
        assertSame(text);
    }

    @Test
    void repeatedKeys_lastValueWins_asInTheTree() {
        String text = "{\"Jobs\":{\"1.s\":{\"Resource_List\":{\"ncpus\":4},\"job_state\":\"Q\",\"Resource_List\":\"gone\","
                + "\"job_state\":\"R\"},\"2.s\":{\"queue\":\"a\"},\"2.s\":7}}";
        Map<String, Map<String, String>> flat = FlatJsonRecords.read(text, "Jobs");
        assertEquals(Map.of("1.s", Map.of("Resource_List", "gone", "job_state", "R")), flat);
        assertSame(text);
        assertEquals(Map.of("job_state", "R"), QstatOutput.jobsJson(text).get("1.s"));
    }

    @Test
    void repeatedKeys_afterAnEscape_treeReadsTheEscapeAgain() {
        // the document is read again from its start as a tree: the escape before the repeated key
        // must be found again, or the string holding it is cut at its escaped quote
        String text = "{\"Jobs\":{\"1.s\":{\"comment\":\"a\\\"b\",\"job_state\":\"Q\",\"job_state\":\"R\"}}}";
        assertEquals(Map.of("1.s", Map.of("comment", "a\"b", "job_state", "R")), FlatJsonRecords.read(text, "Jobs"));
        assertSame(text);
        assertEquals(Map.of("comment", "a\"b", "job_state", "R"), QstatOutput.jobsJson(text).get("1.s"));
    }

    @Test
    void driverAttributes_repeatedKeys_readAsTheTreeReadsThem() {
        // repeated keys the driver does not read are stepped over; repeated ones it reads, objects
        // it reads into and the variable list still make the document read as a tree (last wins)
        String text = "{\"Jobs\":{\"1.s\":{\"server\":\"a\",\"Resource_List\":{\"ncpus\":4,\"place\":\"x\",\"place\":\"y\"},"
                + "\"server\":\"b\",\"job_state\":\"Q\",\"Variable_List\":{\"" + PbsSubmitCommand.TAG_VARIABLE + "\":\"t1\"},"
                + "\"resources_used\":{\"cput\":\"00:00:01\"},\"resources_used\":{\"walltime\":\"00:00:02\"},"
                + "\"Variable_List\":{\"X\":\"1\"}},\"2.s\":{\"queue\":\"a\",\"etime\":1,\"etime\":2,"
                + "\"Variable_List\":{\"" + PbsSubmitCommand.TAG_VARIABLE + "\":\"t2\"}}}}";
        Map<String, Map<String, String>> kept = QstatOutput.jobsJson(text);
        assertEquals(Map.of("Resource_List.ncpus", "4", "job_state", "Q", "resources_used.walltime", "00:00:02"), kept.get("1.s"));
        assertEquals(Map.of("queue", "a", FlatJsonRecords.TAG_KEY, "t2"), kept.get("2.s"));
        Map<String, Map<String, String>> tree = viaTree(text, "Jobs");
        Set<String> wanted = PbsJobRows.ATTRIBUTES.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        tree.values().forEach(attrs -> attrs.keySet().removeIf(k -> !wanted.contains(k.toLowerCase(Locale.ROOT))));
        assertEquals(tree, kept);
    }

    /** The reference for the driver's reader: the tree, each record flattened, then only its attributes kept. */
    private static Map<String, Map<String, String>> driverAttributesViaTree(String text) {
        Map<String, Map<String, String>> tree = viaTree(text, "Jobs");
        Set<String> wanted = PbsJobRows.ATTRIBUTES.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        tree.values().forEach(attrs -> attrs.keySet().removeIf(k -> !wanted.contains(k.toLowerCase(Locale.ROOT))));
        return tree;
    }

    @Test
    void driverAttributes_keysOfAnyCaseOrEscaped_readAsTheTreeReadsThem() {
        // keys told apart by their shape before they are read: other cases, escapes, characters
        // whose lower case is ASCII (KELVIN SIGN) or longer (I WITH DOT ABOVE), dots inside keys
        String text = "{\n  \"Jobs\" : {\n    \"1.s\" : {\n      \"JOB_STATE\" : \"R\",\n      \"job_st\\u0061te\" : \"F\",\n"
                + "      \"Resources_USED\" : {\n        \"WallTime\" : \"00:00:02\",\n        \"\u212Aey\" : 1\n      },\n"
                + "      \"Resource_List.ncpus\" : 3,\n      \"\u0130d\" : \"x\",\n      \"qtim\u0130\" : \"y\",\n"
                + "      \"queue\" : \"\u017Fq\",\n      \"Queue\" : \"b\",\n      \"comment\\\"\" : \"c\",\n"
                + "      \"variable_list\" : {\"DRMAA2J_TAG\" : \"t\"}\n    }\n  }\n}\n";
        Map<String, Map<String, String>> kept = QstatOutput.jobsJson(text);
        assertEquals(driverAttributesViaTree(text), kept);
        assertEquals(Map.of("JOB_STATE", "R", "job_state", "F", "Resources_USED.WallTime", "00:00:02", "Resource_List.ncpus", "3",
                "queue", "\u017Fq", "Queue", "b", "variable_list.DRMAA2J_TAG", "t"), kept.get("1.s"));
        assertEquals(driverAttributesViaTree(text.replace("\n", "")), QstatOutput.jobsJson(text.replace("\n", "")));
    }

    @Test
    void keyShapes_tellOnlyKeysThatCannotNameAWantedAttribute() {
        KeyShapes shapes = KeyShapes.of(Set.of("resources_used.walltime", "job_state"));
        for (String key : List.of("job_state", "JOB_STATE", "resources_used", "walltime", "WallTime", "resources_used.walltime", "jobXstate")) {
            assertTrue(shapes.mayName("\"" + key + "\"", 1, key.length() + 1), key);
        }
        for (String key : List.of("job_stat", "queue", "", "resources_usedX", "state", "job_statf")) {
            assertFalse(shapes.mayName(key, 0, key.length()), key);
        }
        assertTrue(shapes.mayName("\u0130ob_state", 0, 9), "a first character that is not ASCII is always read");
        assertTrue(KeyShapes.of(Set.of("\u00e9t\u00e9")).mayName("queue", 0, 5), "wanted names that are not ASCII: every key is read");
    }

    @Test
    void driverAttributes_exactlyThoseKept_withoutRegardToCase() {
        for (String text : inputs()) {
            Map<String, Map<String, String>> all = FlatJsonRecords.read(text, "Jobs");
            Map<String, Map<String, String>> kept = QstatOutput.jobsJson(text);
            assertEquals(all.keySet(), kept.keySet());
            Set<String> wanted = PbsJobRows.ATTRIBUTES.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            all.forEach((id, attrs) -> {
                Map<String, String> expected = new LinkedHashMap<>(attrs);
                expected.keySet().removeIf(k -> !wanted.contains(k.toLowerCase(Locale.ROOT)));
                assertEquals(expected, kept.get(id), id);
                assertEquals(PbsJobRows.toJobInfo(id, attrs, PbsDialect.PBSPRO, ZoneOffset.UTC),
                        PbsJobRows.toJobInfo(id, kept.get(id), PbsDialect.PBSPRO, ZoneOffset.UTC), id);
            });
        }
        assertFalse(QstatOutput.jobsJson(Samples.read("buildtest_openpbs19_qstat_x_f_F_json_finished.txt")).isEmpty());
    }
}
