/**
 * The persistent session store: one private directory per named job session, one JSON record per
 * job ({@link org.drmaa2j.spi.store.JobRecord}: template, last known information, backend values),
 * completion markers written by the jobs themselves, all written atomically with modes 0700/0600.
 */
package org.drmaa2j.spi.store;
