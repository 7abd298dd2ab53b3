package io.taofabric.persistence.cassandra;

import java.nio.file.Path;
import java.util.List;

/**
 * The files a {@link LocalCassandra} node runs from, as text: {@code cassandra.yaml}, {@code
 * logback.xml} and the JVM options file. Everything binds to 127.0.0.1 and lives under the base
 * directory (shared/deps.md §5).
 */
final class NodeFiles {
  /** The JPMS and Netty flags of Cassandra 5.0's own {@code conf/jvm17-server.options}. */
  static final List<String> JVM_FLAGS =
      List.of(
          "-Djdk.attach.allowAttachSelf=true",
          "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
          "--add-exports=java.sql/java.sql=ALL-UNNAMED",
          "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
          "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
          "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "-Dio.netty.tryReflectionSetAccessible=true",
          "-Dio.netty.allocator.useCacheForAllThreads=true",
          "-Dio.netty.allocator.maxOrder=11");

  private NodeFiles() {}

  /** {@code conf/cassandra.yaml}: a single node on 127.0.0.1, every directory under data/. */
  static String cassandraYaml(CassandraSettings s) {
    Path data = s.dataDir();
    return String.join(
        "\n",
        "# Written by taofabric LocalCassandra at every start: edits here are lost.",
        "cluster_name: " + quote(s.clusterName()),
        "num_tokens: 16",
        "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
        "endpoint_snitch: SimpleSnitch",
        "seed_provider:",
        "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
        "    parameters:",
        "      - seeds: \"127.0.0.1:" + s.storagePort() + "\"",
        "listen_address: 127.0.0.1",
        "rpc_address: 127.0.0.1",
        "storage_port: " + s.storagePort(),
        "native_transport_port: " + s.cqlPort(),
        "start_native_transport: true",
        "data_file_directories:",
        "  - " + quote(data.resolve("data")),
        "commitlog_directory: " + quote(data.resolve("commitlog")),
        "saved_caches_directory: " + quote(data.resolve("saved_caches")),
        "hints_directory: " + quote(data.resolve("hints")),
        "cdc_raw_directory: " + quote(data.resolve("cdc_raw")),
        "commitlog_sync: periodic",
        "commitlog_sync_period: 10000ms",
        "authenticator: AllowAllAuthenticator",
        "authorizer: AllowAllAuthorizer",
        "storage_compatibility_mode: NONE",
        "");
  }

  /**
   * {@code conf/logback.xml}: INFO to {@code logs/system.log} (the {@code cassandra.logdir}
   * property), rolled at 20 MB with five old files kept. Without a file, logback would log DEBUG
   * to the console.
   */
  static String logbackXml() {
    return String.join(
        "\n",
        "<!-- Written by taofabric LocalCassandra at every start: edits here are lost. -->",
        "<configuration>",
        "  <appender name=\"FILE\" class=\"ch.qos.logback.core.rolling.RollingFileAppender\">",
        "    <file>${cassandra.logdir}/system.log</file>",
        "    <rollingPolicy class=\"ch.qos.logback.core.rolling.FixedWindowRollingPolicy\">",
        "      <fileNamePattern>${cassandra.logdir}/system.log.%i.zip</fileNamePattern>",
        "      <minIndex>1</minIndex>",
        "      <maxIndex>5</maxIndex>",
        "    </rollingPolicy>",
        "    <triggeringPolicy"
            + " class=\"ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy\">",
        "      <maxFileSize>20MB</maxFileSize>",
        "    </triggeringPolicy>",
        "    <encoder>",
        "      <pattern>%-5level [%thread] %date{ISO8601} %logger{36} - %msg%n</pattern>",
        "    </encoder>",
        "  </appender>",
        "  <root level=\"INFO\">",
        "    <appender-ref ref=\"FILE\"/>",
        "  </root>",
        "</configuration>",
        "");
  }

  /** {@code conf/jvm-server.options}, read by the JVM as {@code @file}: one flag per line. */
  static String jvmOptions() {
    return "# Written by taofabric LocalCassandra at every start: edits here are lost.\n"
        + String.join("\n", JVM_FLAGS)
        + "\n";
  }

  /** A YAML single-quoted scalar: only the quote itself needs escaping (doubled). */
  private static String quote(Object value) {
    return "'" + value.toString().replace("'", "''") + "'";
  }
}
