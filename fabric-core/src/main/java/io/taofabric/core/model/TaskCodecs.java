package io.taofabric.core.model;

/**
 * The payloads of each task's queries and answers. Layout, big-endian: format version (u8, now 1),
 * kind (u8; append-only, a shipped kind is never renumbered), then the fields. A sequence of doubles
 * is an i32 count followed by that many IEEE-754 doubles.
 */
public final class TaskCodecs {
  /** The format version written now; readers refuse any other. */
  public static final int FORMAT_VERSION = 1;

  /** Kind 1: the window, then the horizon (i32). */
  public static final PayloadCodec<ForecastQuery> FORECAST_QUERY =
      new TaskCodec<>("forecast query", 1) {
        @Override
        int fieldBytes(ForecastQuery q) {
          return PayloadWriter.sizeOf(q.window()) + Integer.BYTES;
        }

        @Override
        void write(ForecastQuery q, PayloadWriter out) {
          out.doubles(q.window()).i32(q.horizon());
        }

        @Override
        ForecastQuery read(PayloadReader in) throws MalformedPayloadException {
          return new ForecastQuery(in.doubles("window", ForecastQuery.MAX_WINDOW), in.i32("horizon"));
        }
      };

  /** Kind 2: the forecast values. */
  public static final PayloadCodec<ForecastAnswer> FORECAST_ANSWER =
      new TaskCodec<>("forecast answer", 2) {
        @Override
        int fieldBytes(ForecastAnswer a) {
          return PayloadWriter.sizeOf(a.values());
        }

        @Override
        void write(ForecastAnswer a, PayloadWriter out) {
          out.doubles(a.values());
        }

        @Override
        ForecastAnswer read(PayloadReader in) throws MalformedPayloadException {
          return new ForecastAnswer(in.doubles("values", ForecastQuery.MAX_HORIZON));
        }
      };

  /** Kind 3: the features, then the number of classes (i32). */
  public static final PayloadCodec<ClassificationQuery> CLASSIFICATION_QUERY =
      new TaskCodec<>("classification query", 3) {
        @Override
        int fieldBytes(ClassificationQuery q) {
          return PayloadWriter.sizeOf(q.features()) + Integer.BYTES;
        }

        @Override
        void write(ClassificationQuery q, PayloadWriter out) {
          out.doubles(q.features()).i32(q.classes());
        }

        @Override
        ClassificationQuery read(PayloadReader in) throws MalformedPayloadException {
          return new ClassificationQuery(
              in.doubles("features", ClassificationQuery.MAX_FEATURES), in.i32("classes"));
        }
      };

  /** Kind 4: the class probabilities. */
  public static final PayloadCodec<ClassificationAnswer> CLASSIFICATION_ANSWER =
      new TaskCodec<>("classification answer", 4) {
        @Override
        int fieldBytes(ClassificationAnswer a) {
          return PayloadWriter.sizeOf(a.probabilities());
        }

        @Override
        void write(ClassificationAnswer a, PayloadWriter out) {
          out.doubles(a.probabilities());
        }

        @Override
        ClassificationAnswer read(PayloadReader in) throws MalformedPayloadException {
          return new ClassificationAnswer(
              in.doubles("probabilities", ClassificationQuery.MAX_CLASSES));
        }
      };

  private TaskCodecs() {}
}
