package io.taofabric.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TaskCodecsTest {
  private static final ForecastQuery FORECAST_QUERY = new ForecastQuery(Doubles.of(1.5, 2.5, 3.5), 2);

  @Test
  void shouldRoundTripEachKind() throws MalformedPayloadException {
    ClassificationQuery classify = new ClassificationQuery(Doubles.of(0, 16, 3), 10);
    ForecastAnswer forecast = new ForecastAnswer(Doubles.of(4, Double.NaN));
    ClassificationAnswer distribution = new ClassificationAnswer(Doubles.of(0.25, 0.75));

    assertEquals(FORECAST_QUERY, roundTrip(TaskCodecs.FORECAST_QUERY, FORECAST_QUERY));
    assertEquals(forecast, roundTrip(TaskCodecs.FORECAST_ANSWER, forecast));
    assertEquals(classify, roundTrip(TaskCodecs.CLASSIFICATION_QUERY, classify));
    assertEquals(distribution, roundTrip(TaskCodecs.CLASSIFICATION_ANSWER, distribution));
  }

  @Test
  void shouldWriteTheDocumentedLayout() {
    byte[] bytes = TaskCodecs.FORECAST_QUERY.encode(FORECAST_QUERY);

    ByteBuffer expected = ByteBuffer.allocate(2 + 4 + 3 * 8 + 4)
        .put((byte) 1).put((byte) 1).putInt(3).putDouble(1.5).putDouble(2.5).putDouble(3.5).putInt(2);
    assertArrayEquals(expected.array(), bytes);
  }

  @Test
  void shouldRefuseAnUnknownFormatVersion() {
    byte[] bytes = TaskCodecs.FORECAST_QUERY.encode(FORECAST_QUERY);
    bytes[0] = 2;

    assertMalformed(bytes, "forecast query: format version 2 is unknown");
  }

  @Test
  void shouldRefuseAnotherKindOfPayload() {
    byte[] answer = TaskCodecs.FORECAST_ANSWER.encode(new ForecastAnswer(Doubles.of(1)));

    assertMalformed(answer, "kind 2 is not a forecast query (1)");
  }

  @Test
  void shouldRefuseTruncatedPayloads() {
    byte[] bytes = TaskCodecs.FORECAST_QUERY.encode(FORECAST_QUERY);

    for (int length = 0; length < bytes.length; length++) {
      assertMalformed(Arrays.copyOf(bytes, length), "truncated");
    }
  }

  @Test
  void shouldRefuseTrailingBytes() {
    byte[] bytes = TaskCodecs.FORECAST_QUERY.encode(FORECAST_QUERY);

    assertMalformed(Arrays.copyOf(bytes, bytes.length + 1), "1 unexpected bytes after the last field");
  }

  @Test
  void shouldRefuseAnOversizedCountBeforeAllocating() {
    byte[] bytes = ByteBuffer.allocate(6).put((byte) 1).put((byte) 1).putInt(Integer.MAX_VALUE).array();

    assertMalformed(bytes, "window count 2147483647 is outside 0..4096");
  }

  @Test
  void shouldRefuseFieldsTheQueryForbids() {
    byte[] zeroHorizon = ByteBuffer.allocate(2 + 4 + 8 + 4)
        .put((byte) 1).put((byte) 1).putInt(1).putDouble(1).putInt(0).array();
    byte[] nanWindow = ByteBuffer.allocate(2 + 4 + 8 + 4)
        .put((byte) 1).put((byte) 1).putInt(1).putDouble(Double.NaN).putInt(1).array();

    assertMalformed(zeroHorizon, "the horizon is 1 to 256 steps, got 0");
    assertMalformed(nanWindow, "a window holds finite values only");
  }

  @Test
  void shouldRefuseNoPayload() {
    assertMalformed(null, "forecast query: no payload");
  }

  private static <T> T roundTrip(PayloadCodec<T> codec, T value) throws MalformedPayloadException {
    return codec.decode(codec.encode(value));
  }

  private static void assertMalformed(byte[] bytes, String expected) {
    MalformedPayloadException e =
        assertThrows(MalformedPayloadException.class, () -> TaskCodecs.FORECAST_QUERY.decode(bytes));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
