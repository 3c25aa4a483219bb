// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The known invalid outputs of {@code qstat -F json} (OpenPBS issues 1255, 2049, 2541, PR 830) are read, not rejected. */
class LenientJsonTest {
    private static Map<String, String> job(String variableLines) {
        String text = "{\n    \"timestamp\":1795298965,\n    \"pbs_version\":\"19.1.1\",\n    \"Jobs\":{\n        \"4.scheduler\":{\n"
                + "            \"Job_Name\":\"STDIN\",\n            \"Variable_List\":{\n" + variableLines
                + "                \"PBS_O_HOST\":\"execute-1\"\n            },\n            \"job_state\":\"R\",\n"
                + "            \"Exit_status\":0\n        }\n    }\n}\n";
        return QstatOutput.json(text, "Jobs").get("4.scheduler");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(String variableLines) {
        String text = "{\n    \"Jobs\":{\n        \"4.s\":{\n            \"Variable_List\":{\n" + variableLines
                + "                \"LAST\":\"x\"\n            },\n            \"job_state\":\"R\"\n        }\n    }\n}\n";
        Map<String, Object> jobs = (Map<String, Object>) LenientJson.parseObject(text).get("Jobs");
        return (Map<String, Object>) ((Map<String, Object>) jobs.get("4.s")).get("Variable_List");
    }

    @Test
    void unquotedNumericLookingValues_stayText() {
        Map<String, Object> v = variables("                \"foo\":005,\n                \"ver\":1.2.3,\n                \"n\":42,\n");
        assertEquals("005", v.get("foo"));
        assertEquals("1.2.3", v.get("ver"));
        assertEquals(42L, v.get("n"));
        assertEquals("x", v.get("LAST"));
    }

    @Test
    void invalidEscapes_keepTheCharacter() {
        Map<String, Object> v = variables("                \"MYVAR\":\"\\'\\\"asads\\\"\\'\",\n                \"MYVAR2\":\"ab\\,c\",\n");
        assertEquals("'\"asads\"'", v.get("MYVAR"));
        assertEquals("ab,c", v.get("MYVAR2"));
    }

    @Test
    void unescapedQuotesInBashFunctions_doNotDerailTheRest() {
        Map<String, String> j = job("                \"BASH_FUNC_ml%%\":\"() {  eval $($LMOD_DIR/ml_cmd \"$@\")\\n}\",\n"
                + "                \"BASH_FUNC_module%%\":\"() {  local __lmod_my_status; eval \"$($LMOD_CMD bash \"$@\")\" && eval $(${LMOD_SETTARG_CMD:-:} -s sh)\\n}\",\n");
        assertEquals("R", j.get("job_state"));
        assertEquals("0", j.get("Exit_status"));
        assertEquals("STDIN", j.get("Job_Name"));
        Map<String, Object> v = variables("                \"BASH_FUNC_ml%%\":\"() {  eval $($LMOD_DIR/ml_cmd \"$@\")\\n}\",\n");
        assertEquals("() {  eval $($LMOD_DIR/ml_cmd \"$@\")\n}", v.get("BASH_FUNC_ml%%"));
    }

    @Test
    void nodeCommentWithQuotes() {
        String text = "{\n    \"nodes\":{\n        \"n1\":{\n            \"state\":\"offline\",\n"
                + "            \"comment\":\"HEALTH-CHECK: /var/spool/pbs/mom_scripts/reboot \"zaskly sdileny scratch\" (Sep 04 14:13 SCHEDULED)\",\n"
                + "            \"resv_enable\":\"True\"\n        }\n    }\n}\n";
        Map<String, String> n = QstatOutput.json(text, "nodes").get("n1");
        assertEquals("HEALTH-CHECK: /var/spool/pbs/mom_scripts/reboot \"zaskly sdileny scratch\" (Sep 04 14:13 SCHEDULED)", n.get("comment"));
        assertEquals("True", n.get("resv_enable"));
    }

    @Test
    void compactValidJson_andArrays() {
        Map<String, Object> m = LenientJson.parseObject("{\"a\":\"x\\\"y\",\"b\":[1,2,\"c\"],\"d\":{\"e\":true,\"f\":null},\"g\":-1.5e3}");
        assertEquals("x\"y", m.get("a"));
        assertEquals(List.of(1L, 2L, "c"), m.get("b"));
        assertEquals(true, ((Map<?, ?>) m.get("d")).get("e"));
        assertEquals(-1500.0, m.get("g"));
        assertEquals("1,2,c", LenientJson.flatten(m).get("b"));
        assertThrows(IllegalArgumentException.class, () -> LenientJson.parseObject("qstat: Unknown Job Id 1.s"));
    }

    @Test
    void strayClosingBraceInAnArray_isSkipped() {
        Map<String, Object> m = LenientJson.parseObject("{\"a\":[1,}2],\"b\":\"x\"}");
        assertEquals(List.of(1L, 2L), m.get("a"));
        assertEquals("x", m.get("b"));
    }

    @Test
    void repeatedKeys_andEscapedKeys_readAsWritten() {
        Map<String, Object> m = LenientJson.parseObject("{\"k\":1,\"k\\u0031\":2,\"j\":{\"k\":3}}");
        assertEquals(List.of("k", "k1", "j"), List.copyOf(m.keySet()));
        assertEquals(Map.of("k", 3L), m.get("j"));
    }
}
