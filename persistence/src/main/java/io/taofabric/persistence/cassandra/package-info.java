/**
 * A local Cassandra 5.0 node for development and the integration tests: {@link
 * io.taofabric.persistence.cassandra.LocalCassandra} runs it as its own JVM on 127.0.0.1 from the
 * jars that the {@code persistence/cassandra-server} module copies to its {@code target/lib}, so
 * Cassandra's classes never share a classpath with a fabric JVM. Settings come from the {@code
 * taofabric.cassandra} section of {@code reference.conf} ({@link
 * io.taofabric.persistence.cassandra.CassandraSettings}).
 */
package io.taofabric.persistence.cassandra;
