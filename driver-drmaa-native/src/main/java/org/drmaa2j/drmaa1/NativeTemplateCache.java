// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import com.sun.jna.Pointer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.drmaa2j.Drmaa2Exception;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the native job templates of the last few distinct templates, so that submitting the same
 * template again costs one {@code drmaa_run_job} instead of allocating, filling and deleting a
 * native template each time (as a caller of the C or Java binding would keep its template).
 * Submissions through the cache run one at a time.
 */
final class NativeTemplateCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NativeTemplateCache.class);
    private final Drmaa drmaa;
    private final int capacity;
    private final LinkedHashMap<NativeJobTemplate, Pointer> templates = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    NativeTemplateCache(Drmaa drmaa, int capacity) {
        this.drmaa = drmaa;
        this.capacity = capacity;
    }

    /**
     * @param nt the template
     * @param submit what to do with its native template
     * @param <T> the result type
     * @return submit's result
     */
    synchronized <T> T submit(NativeJobTemplate nt, Function<Pointer, T> submit) {
        if (closed) throw new IllegalStateException("closed");
        Pointer jt = templates.get(nt);
        if (jt == null) {
            jt = drmaa.allocateTemplate();
            try {
                nt.applyTo(drmaa, jt);
            } catch (RuntimeException e) {
                delete(jt);
                throw e;
            }
            templates.put(nt, jt);
            evict();
        }
        return submit.apply(jt);
    }

    private void evict() {
        Iterator<Map.Entry<NativeJobTemplate, Pointer>> it = templates.entrySet().iterator();
        while (templates.size() > capacity && it.hasNext()) {
            Pointer old = it.next().getValue();
            it.remove();
            delete(old);
        }
    }

    private void delete(Pointer jt) {
        try {
            drmaa.deleteTemplate(jt);
        } catch (Drmaa2Exception e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        templates.values().forEach(this::delete);
        templates.clear();
    }
}
