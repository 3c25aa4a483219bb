// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.drmaa2j.Extensions;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.UnsupportedAttributeException;

/**
 * The extension keys ({@link JobTemplate#getExtensions()}) a driver honours: one registry, from
 * which each driver takes the standard resource keys and removes what its scheduler lacks or adds
 * keys of its own (a site driver's, say). Keys outside it are refused before anything is submitted.
 */
public final class ExtensionKeys {
    /** The keys every command-line driver honours: nodes, tasks, CPUs, memory, GPUs, dependencies and native options. */
    public static final ExtensionKeys STANDARD = of(Extensions.NODES, Extensions.TASKS_PER_NODE, Extensions.CPUS_PER_TASK,
            Extensions.MEMORY_PER_NODE_MB, Extensions.GPUS_PER_NODE, Extensions.DEPENDENCIES, Extensions.NATIVE_OPTIONS);

    private final Set<String> keys;

    private ExtensionKeys(Set<String> keys) {
        this.keys = keys;
    }

    /**
     * @param keys extension keys
     * @return a registry of exactly these
     */
    public static ExtensionKeys of(String... keys) {
        return new ExtensionKeys(copy(Set.of(), List.of(keys), true));
    }

    /**
     * @param more keys to add
     * @return these keys and the others
     */
    public ExtensionKeys with(String... more) {
        return new ExtensionKeys(copy(keys, List.of(more), true));
    }

    /**
     * @param less keys to remove
     * @return these keys without the others
     */
    public ExtensionKeys without(String... less) {
        return new ExtensionKeys(copy(keys, List.of(less), false));
    }

    /** @return the keys, in the order they were added */
    public Set<String> keys() {
        return keys;
    }

    /**
     * @param t a template
     * @throws UnsupportedAttributeException naming {@code extensions[key]} for the first key not in this registry
     */
    public void check(JobTemplate t) {
        TemplateChecks.requireKnownExtensions(t, keys);
    }

    private static Set<String> copy(Set<String> from, List<String> change, boolean add) {
        Set<String> s = new LinkedHashSet<>(from);
        if (add) s.addAll(change);
        else change.forEach(s::remove);
        return java.util.Collections.unmodifiableSet(s);
    }

    @Override
    public String toString() {
        return keys.toString();
    }
}
