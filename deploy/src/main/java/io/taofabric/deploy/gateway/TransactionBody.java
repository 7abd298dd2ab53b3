package io.taofabric.deploy.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.core.tx.SignedTransaction;
import java.util.HexFormat;
import java.util.Set;

/**
 * The body of {@code POST /v1/transactions}: {@code {"transaction": "<hex of the canonical
 * bytes>", "signature": "<hex of the 64-byte Ed25519 signature>"}}, nothing else. The client sends
 * the bytes it signed, so the gateway verifies exactly what was signed, never a re-encoding.
 */
final class TransactionBody {
  private static final Set<String> FIELDS = Set.of("transaction", "signature");

  private TransactionBody() {}

  /**
   * The signed transaction in {@code body}; its signature is not checked here.
   *
   * @throws IllegalArgumentException naming the problem: not JSON, a missing or unknown field, bad
   *     hex, or bytes that are not a canonical transaction
   */
  static SignedTransaction decode(byte[] body) {
    JsonNode json = Json.object(body, FIELDS);
    byte[] transaction = hex(json, "transaction");
    byte[] signature = hex(json, "signature");
    return SignedTransaction.decode(transaction, signature);
  }

  private static byte[] hex(JsonNode json, String field) {
    String text = Json.text(json, field);
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + field + "' is not hex: " + e.getMessage());
    }
  }
}
