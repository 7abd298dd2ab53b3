package io.taofabric.transport.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.model.Model;
import io.taofabric.core.model.ModelException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * A model served by an OpenAI-compatible {@code /v1/completions} endpoint (OpenAI, vLLM, llama.cpp's
 * server, Ollama…): the query is the prompt, the answer the first choice's text. Sampling temperature
 * is 0, so the same prompt gives the same answer and honest replicas of one model look alike to the
 * copy detector, as sybils should. Every failure (timeout, refused connection, non-2xx status, a body
 * that is not a completion) is a {@link ModelException} naming the endpoint and the cause.
 */
public final class OpenAiCompletionModel implements Model<String, String> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_BODY_CHARS = 200;

  private final HttpClient client;
  private final URI endpoint;
  private final String modelName;
  private final int maxTokens;
  private final Duration timeout;
  private final String apiKey;

  /**
   * @param baseUri the server's root, e.g. {@code http://localhost:8000}; {@code /v1/completions} is
   *     appended
   * @param apiKey sent as a bearer token, or null for servers that need none
   */
  public OpenAiCompletionModel(URI baseUri, String modelName, int maxTokens, Duration timeout, String apiKey) {
    Objects.requireNonNull(baseUri, "baseUri");
    this.modelName = Objects.requireNonNull(modelName, "modelName");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (maxTokens < 1) {
      throw new IllegalArgumentException("max tokens is at least 1, got " + maxTokens);
    }
    this.maxTokens = maxTokens;
    this.apiKey = apiKey;
    this.endpoint = URI.create(baseUri.toString().replaceAll("/+$", "") + "/v1/completions");
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public String answer(String prompt) throws ModelException {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(requestBody(prompt)));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new ModelException(endpoint + " did not answer within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw new ModelException(endpoint + " could not be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("interrupted while waiting for " + endpoint, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new ModelException(endpoint + " answered HTTP " + response.statusCode() + ": " + abbreviated(response.body()));
    }
    return completionText(response.body());
  }

  private String requestBody(String prompt) {
    ObjectNode body = JSON.createObjectNode()
        .put("model", modelName)
        .put("prompt", prompt)
        .put("max_tokens", maxTokens)
        .put("temperature", 0);
    return body.toString();
  }

  private String completionText(String body) throws ModelException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ModelException(endpoint + " sent a body that is not JSON: " + abbreviated(body), e);
    }
    JsonNode text = root == null ? null : root.path("choices").path(0).path("text");
    if (text == null || !text.isTextual()) {
      throw new ModelException(endpoint + " sent no completion (choices[0].text): " + abbreviated(body));
    }
    return text.asText();
  }

  private static String abbreviated(String body) {
    return body.length() <= MAX_ERROR_BODY_CHARS ? body : body.substring(0, MAX_ERROR_BODY_CHARS) + "…";
  }
}
