// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import com.sun.jna.Pointer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A DRMAA 1.0 job template as a list of attribute settings, built (and so checked) without the
 * library, then written into a native template with {@link #applyTo}.
 *
 * @param scalars scalar attributes in the order they are set
 * @param vectors vector attributes in the order they are set
 */
public record NativeJobTemplate(List<Scalar> scalars, List<Vector> vectors) {
    /** Copies. */
    public NativeJobTemplate {
        scalars = List.copyOf(scalars);
        vectors = List.copyOf(vectors);
    }

    /**
     * @param name attribute name
     * @param value its value
     * @param field the drmaa2j template field it came from
     */
    public record Scalar(String name, String value, String field) {
    }

    /**
     * @param name attribute name
     * @param values its values
     * @param field the drmaa2j template field they came from
     */
    public record Vector(String name, List<String> values, String field) {
        /** Copies. */
        public Vector {
            values = List.copyOf(values);
        }
    }

    /** @return scalar name to value, for inspection */
    public Map<String, String> scalarMap() {
        return scalars.stream().collect(Collectors.toMap(Scalar::name, Scalar::value, (a, b) -> b, java.util.LinkedHashMap::new));
    }

    /** @return vector name to values, for inspection */
    public Map<String, List<String>> vectorMap() {
        return vectors.stream().collect(Collectors.toMap(Vector::name, Vector::values, (a, b) -> b, java.util.LinkedHashMap::new));
    }

    /**
     * @param drmaa the library
     * @param jt an allocated native template
     */
    public void applyTo(Drmaa drmaa, Pointer jt) {
        for (Scalar s : scalars) drmaa.set(jt, s.name(), s.value(), s.field());
        for (Vector v : vectors) drmaa.setVector(jt, v.name(), v.values(), v.field());
    }
}
