package io.taofabric.deploy.miner;

import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.Model;
import io.taofabric.core.model.ModelException;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.transport.model.OpenAiCompletionModel;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A forecaster asking a language model: the window goes into a prompt for an OpenAI-compatible
 * completions server ({@link OpenAiCompletionModel}), and the first {@code horizon} numbers of the
 * completion are the forecast. Forecasting is the task a text model fits, since its query is a few
 * numbers; a classification query is 64 pixel intensities, which a prompt carries poorly.
 */
final class CompletionForecaster implements Model<ForecastQuery, ForecastAnswer> {
  /** Under the demonstration validators' deadline (1 s), which includes the network. */
  private static final Duration TIMEOUT = Duration.ofMillis(800);

  /** Tokens per forecast value a completion may spend; a number is a few tokens and a comma. */
  private static final int TOKENS_PER_VALUE = 8;

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  private final URI server;
  private final String modelName;
  /** By horizon, since the tokens a completion may spend follow it; each holds one HTTP client. */
  private final Map<Integer, OpenAiCompletionModel> completions = new ConcurrentHashMap<>();

  private CompletionForecaster(URI server, String modelName) {
    this.server = server;
    this.modelName = modelName;
  }

  /** The forecaster of {@code MODEL@URL}; the bearer token, if any, is {@code $OPENAI_API_KEY}. */
  static CompletionForecaster of(String spec) throws CliFailure {
    int at = spec.indexOf('@');
    if (at <= 0) {
      throw CliFailure.badInput("--model openai:MODEL@URL names the model and its server, got 'openai:" + spec + "'");
    }
    String url = spec.substring(at + 1);
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw CliFailure.badInput("--model openai:MODEL@URL needs an http(s) URL, got '" + url + "'");
      }
      return new CompletionForecaster(uri, spec.substring(0, at));
    } catch (URISyntaxException e) {
      throw CliFailure.badInput("--model openai:MODEL@URL needs an http(s) URL, got '" + url + "'");
    }
  }

  @Override
  public ForecastAnswer answer(ForecastQuery query) throws ModelException {
    OpenAiCompletionModel model =
        completions.computeIfAbsent(
            query.horizon(),
            horizon -> new OpenAiCompletionModel(server, modelName, horizon * TOKENS_PER_VALUE, TIMEOUT, System.getenv("OPENAI_API_KEY")));
    return parse(model.answer(prompt(query)), query.horizon());
  }

  /** The prompt for {@code query}: the window, oldest first, and how many values follow. */
  static String prompt(ForecastQuery query) {
    String window =
        IntStream.range(0, query.window().size())
            .mapToObj(i -> String.format(Locale.ROOT, "%.4f", query.window().get(i)))
            .collect(Collectors.joining(", "));
    return "A time series, oldest value first: " + window + ".\nThe next " + query.horizon()
        + " values, comma-separated numbers only:";
  }

  /** The first {@code horizon} numbers of {@code completion}. */
  static ForecastAnswer parse(String completion, int horizon) throws ModelException {
    double[] values = new double[horizon];
    Matcher numbers = NUMBER.matcher(completion);
    int found = 0;
    while (found < horizon && numbers.find()) {
      values[found++] = Double.parseDouble(numbers.group());
    }
    if (found < horizon) {
      throw new ModelException("the completion holds " + found + " of the " + horizon + " numbers asked for");
    }
    return new ForecastAnswer(Doubles.of(values));
  }
}
