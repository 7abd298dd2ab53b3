package io.taofabric.deploy.gateway;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the gateway tells Prometheus ({@code GET /metrics}), in a registry of its own (several
 * nodes may share a JVM in tests). Every figure is measured, none estimated:
 *
 * <ul>
 *   <li>{@code taofabric_gateway_http_requests_total{route,status}}: requests answered, by route
 *       template and status;
 *   <li>{@code taofabric_gateway_rejected_requests_total{reason}}: error answers by reason;
 *   <li>{@code taofabric_gateway_fanout_seconds}: a client query's Aeron round, from the first send
 *       until every asked miner answered or the deadline passed;
 *   <li>{@code taofabric_epoch_interval_seconds}: time between two settled epochs of a subnet, by
 *       the settlement journal's write times (an epoch's own Yuma run is not timed by anyone);
 *   <li>{@code taofabric_settlement_credit_seconds}: from an epoch's settlement until every credit
 *       it owes is applied, by the same journal;
 *   <li>{@code taofabric_settlement_lag_epochs{netuid}}: epochs a subnet has run that its
 *       settlement record has not stored yet;
 *   <li>{@code taofabric_settlement_uncredited_epochs{netuid}}: settled epochs with credits in flight.
 * </ul>
 *
 * The epoch figures count only epochs settled or credited after the gateway started.
 */
final class GatewayMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);
  private final Counter requests =
      Counter.builder()
          .name("taofabric_gateway_http_requests_total")
          .help("HTTP requests answered by the gateway, by route template and status")
          .labelNames("route", "status")
          .register(registry);
  private final Counter rejected =
      Counter.builder()
          .name("taofabric_gateway_rejected_requests_total")
          .help("Requests the gateway answered with an error, by reason")
          .labelNames("reason")
          .register(registry);
  private final Histogram fanOut =
      Histogram.builder()
          .name("taofabric_gateway_fanout_seconds")
          .help("A client query's Aeron round: first send until every asked miner answered or the deadline")
          .classicOnly()
          .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
          .register(registry);
  private final Histogram epochInterval =
      Histogram.builder()
          .name("taofabric_epoch_interval_seconds")
          .help("Time between two settled epochs of a subnet, by the settlement journal's write times")
          .classicOnly()
          .classicUpperBounds(1, 2.5, 5, 10, 30, 60, 300, 900, 3_600, 4_500, 7_200, 14_400)
          .register(registry);
  private final Histogram creditTime =
      Histogram.builder()
          .name("taofabric_settlement_credit_seconds")
          .help("From an epoch's settlement until every credit it owes is applied")
          .classicOnly()
          .classicUpperBounds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300)
          .register(registry);
  private final Gauge settlementLag =
      Gauge.builder()
          .name("taofabric_settlement_lag_epochs")
          .help("Epochs a subnet has run that its settlement record has not stored yet")
          .labelNames("netuid")
          .register(registry);
  private final Gauge uncredited =
      Gauge.builder()
          .name("taofabric_settlement_uncredited_epochs")
          .help("Settled epochs of a subnet with credits still in flight")
          .labelNames("netuid")
          .register(registry);

  /** A request to {@code route} was answered with {@code status}. */
  void answered(String route, int status) {
    requests.labelValues(route, Integer.toString(status)).inc();
  }

  /** An error answer for {@code reason}. */
  void rejected(String reason) {
    rejected.labelValues(reason).inc();
  }

  /** A query round took {@code nanos}. */
  void fanOut(long nanos) {
    fanOut.observe(nanos / 1e9);
  }

  /** A subnet settled an epoch {@code millis} after its previous one. */
  void epochInterval(long millis) {
    epochInterval.observe(millis / 1e3);
  }

  /** An epoch's credits were all applied {@code millis} after it was settled. */
  void creditTime(long millis) {
    creditTime.observe(millis / 1e3);
  }

  /** Subnet {@code netuid}'s settlement lag and uncredited epochs now. */
  void settlement(int netuid, long lagEpochs, int uncreditedEpochs) {
    settlementLag.labelValues(Integer.toString(netuid)).set(lagEpochs);
    uncredited.labelValues(Integer.toString(netuid)).set(uncreditedEpochs);
  }

  /** Every metric in Prometheus' text format. */
  byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The content type of {@link #scrape()}. */
  String contentType() {
    return writer.getContentType();
  }
}
