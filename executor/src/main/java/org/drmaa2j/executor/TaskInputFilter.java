// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.io.ObjectInputFilter;
import java.util.List;

/**
 * The {@link ObjectInputFilter} every task and result read from the cache directory goes through. It
 * bounds the object graph (depth, references, bytes, array length) and refuses the classes of the
 * known deserialization gadget chains (Commons Collections and BeanUtils, Groovy, Spring AOP and bean
 * factories, Xalan's TemplatesImpl, JNDI and RMI references, C3P0, Rome, Hibernate, and others from
 * the public catalogues), so that a planted or corrupted {@code task.ser} or {@code outcome.ser} cannot
 * run code while it is read. The JVM-wide filter ({@code jdk.serialFilter}), when set, applies as well.
 *
 * <p>The system property {@value #PROPERTY} adds a pattern in the syntax of
 * {@link ObjectInputFilter.Config#createFilter(String)}: limits there replace the defaults
 * ({@value #LIMITS}), for a task whose data is larger; class patterns there cannot allow a refused
 * class. Set it in the submitting JVM and, through {@code jvmOptions}, in the jobs' JVMs.
 */
final class TaskInputFilter {
    /** System property with extra limits or class patterns. */
    static final String PROPERTY = "drmaa2j.executor.serialFilter";
    /** The default limits. */
    static final String LIMITS = "maxdepth=200;maxrefs=10000000;maxbytes=536870912;maxarray=100000000";

    /** Classes and packages of known gadget chains; none is ever part of a task or its result. */
    static final List<String> REFUSED = List.of(
            "org.apache.commons.collections.functors.*",
            "org.apache.commons.collections.keyvalue.TiedMapEntry",
            "org.apache.commons.collections.map.LazyMap",
            "org.apache.commons.collections.comparators.TransformingComparator",
            "org.apache.commons.collections4.functors.*",
            "org.apache.commons.collections4.keyvalue.TiedMapEntry",
            "org.apache.commons.collections4.map.LazyMap",
            "org.apache.commons.collections4.comparators.TransformingComparator",
            "org.apache.commons.beanutils.BeanComparator",
            "org.apache.commons.fileupload.**",
            "org.codehaus.groovy.runtime.**",
            "org.springframework.aop.**",
            "org.springframework.beans.factory.**",
            "org.springframework.core.SerializableTypeWrapper*",
            "org.springframework.transaction.jta.JtaTransactionManager",
            "com.sun.org.apache.xalan.internal.xsltc.trax.*",
            "com.sun.org.apache.xpath.internal.objects.XString",
            "com.sun.org.apache.bcel.internal.util.ClassLoader",
            "org.apache.xalan.xsltc.trax.*",
            "com.sun.rowset.JdbcRowSetImpl",
            "com.sun.jndi.**",
            "javax.management.**",
            "java.rmi.**",
            "sun.rmi.**",
            "sun.reflect.annotation.AnnotationInvocationHandler",
            "com.mchange.v2.c3p0.**",
            "com.sun.syndication.**",
            "com.rometools.rome.feed.impl.*",
            "org.hibernate.engine.spi.TypedValue",
            "org.hibernate.tuple.**",
            "org.hibernate.property.**",
            "org.jboss.interceptor.**",
            "org.jboss.weld.interceptor.**",
            "org.apache.myfaces.**",
            "org.apache.wicket.util.upload.**",
            "org.apache.click.**",
            "org.apache.xbean.naming.**",
            "org.mozilla.javascript.**",
            "org.python.core.**",
            "bsh.**",
            "clojure.**",
            "com.vaadin.data.util.**",
            "net.sf.json.**",
            "com.alibaba.fastjson.**");

    private TaskInputFilter() {
    }

    /** @return the filter for one stream: refused classes, default limits, the property's pattern, the JVM-wide filter */
    static ObjectInputFilter create() {
        StringBuilder pattern = new StringBuilder();
        for (String c : REFUSED) pattern.append('!').append(c).append(';');
        pattern.append(LIMITS);
        String extra = System.getProperty(PROPERTY);
        if (extra != null && !extra.isBlank()) pattern.append(';').append(extra.strip());
        ObjectInputFilter own = ObjectInputFilter.Config.createFilter(pattern.toString());
        ObjectInputFilter global = ObjectInputFilter.Config.getSerialFilter();
        return global == null ? own : ObjectInputFilter.merge(own, global);
    }
}
