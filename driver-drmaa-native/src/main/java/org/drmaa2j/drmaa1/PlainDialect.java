// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.drmaa2j.drmaa1.DrmaaConstants.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.Extensions;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.BulkRange;

/**
 * For a library the driver knows nothing particular about: only DRMAA 1.0's own attributes, plus
 * {@link Extensions#NATIVE_OPTIONS} passed through unchanged. Every other optional attribute is
 * unsupported.
 */
public class PlainDialect implements NativeSpecDialect {
    @Override
    public String name() {
        return "plain";
    }

    @Override
    public String drmsName(String drmSystem) {
        return drmSystem == null || drmSystem.isBlank() ? "DRMAA 1.0" : drmSystem.strip();
    }

    @Override
    public Set<Capability> capabilities(Set<String> attrs) {
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        if (attrs.contains(START_TIME)) caps.add(Capability.JT_START_TIME);
        if (attrs.contains(DEADLINE_TIME)) caps.add(Capability.JT_DEADLINE);
        if (attrs.contains(WCT_HLIMIT)) caps.add(Capability.JT_RESOURCE_LIMITS);
        if (attrs.contains(INPUT_PATH)) caps.add(Capability.JT_INPUT_PATH);
        return caps;
    }

    @Override
    public Set<String> claimedFields() {
        return Set.of();
    }

    @Override
    public Set<String> knownExtensions() {
        return Set.of(Extensions.NATIVE_OPTIONS);
    }

    @Override
    public List<String> options(JobTemplate t, BulkRange range) {
        String nat = t.getExtensions().get(Extensions.NATIVE_OPTIONS);
        return nat == null ? List.of() : NativeTokens.split(nat);
    }

    @Override
    public String taskIndexVariable() {
        return null;
    }

    @Override
    public String arrayId(List<String> taskIds) {
        return taskIds.isEmpty() ? "" : taskIds.get(0);
    }
}
