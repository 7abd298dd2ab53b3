package io.taofabric.core.subnet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a served endpoint may look like: {@code host:port}, the host a DNS name, an IPv4 address or
 * a bracketed IPv6 address. Only the form is checked; whether anything answers there is the
 * validators' business.
 */
public final class Endpoint {
  /** The longest endpoint accepted, in characters (a DNS name is at most 253). */
  public static final int MAX_LENGTH = 261;

  private static final Pattern HOST_PORT =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):([0-9]{1,5})");

  private Endpoint() {}

  /** Why {@code endpoint} cannot be served, or {@code null}. */
  public static String refusal(String endpoint) {
    if (endpoint == null || endpoint.isEmpty()) {
      return "endpoint is empty";
    }
    if (endpoint.length() > MAX_LENGTH) {
      return "endpoint is longer than " + MAX_LENGTH + " characters";
    }
    Matcher m = HOST_PORT.matcher(endpoint);
    if (!m.matches()) {
      return "endpoint '" + endpoint + "' is not host:port";
    }
    int port = Integer.parseInt(m.group(3));
    if (port < 1 || port > 65_535) {
      return "endpoint port " + port + " is not in [1, 65535]";
    }
    return null;
  }
}
