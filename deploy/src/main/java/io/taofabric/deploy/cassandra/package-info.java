/**
 * {@code fabric cassandra start|stop|status}: a local Cassandra node for development, run by
 * {@link io.taofabric.persistence.cassandra.LocalCassandra}.
 */
package io.taofabric.deploy.cassandra;
