// SPDX-License-Identifier: Apache-2.0
/**
 * hello-drmaa2j as a named module: it reads the API and the executor; the driver is on the module path
 * and found through its {@code provides} clause, never named here.
 */
module org.drmaa2j.examples.hello {
    requires org.drmaa2j;
    requires org.drmaa2j.executor;
}
