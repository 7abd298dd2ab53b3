package io.taofabric.core.tx;

import io.taofabric.core.crypto.BodyHash;
import io.taofabric.core.crypto.Hotkeys;
import io.taofabric.core.crypto.Signatures;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.tx.Transaction.Transfer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A transaction as a client sends it: the signer's public key, a nonce, the transaction and the
 * signer's Ed25519 signature of the {@linkplain #canonicalBytes() canonical bytes} of the first
 * three. Construction checks the form only; {@link #verify()} checks the signature, and {@link
 * TransactionVerifier} everything a gateway checks before an entity sees the transaction.
 *
 * <p>The signature is RFC 8032 Ed25519 over the canonical bytes themselves, not over a hash of
 * them: Ed25519 hashes its message with SHA-512 anyway, a transaction is small (at most about
 * 256 KiB, a reveal of 65,535 weights), and any RFC 8032 implementation, a hardware wallet or
 * PyNaCl, verifies what it is shown. (Query headers sign a body hash instead because a receiver
 * must authenticate a caller before it reads a possibly large body.)
 *
 * @param signer the signing key, in {@link Hotkeys} text: a coldkey or a hotkey, as {@link
 *     Transaction#signerRole()} requires
 * @param nonce the signer's clock in microseconds since the epoch when it signed (see {@link
 *     NonceFreshness}); positive
 * @param transaction what is asked for
 * @param signature 64 bytes
 */
public record SignedTransaction(String signer, long nonce, Transaction transaction, byte[] signature) {
  /** Validates the form and copies the signature; a transfer to its own signer is refused here. */
  public SignedTransaction {
    Fields.requireKey("signer", signer);
    if (nonce <= 0) {
      throw new IllegalArgumentException("nonce must be positive, got " + nonce);
    }
    Objects.requireNonNull(transaction, "transaction");
    if (signature == null || signature.length != Signatures.LENGTH) {
      throw new IllegalArgumentException(
          "a signature is " + Signatures.LENGTH + " bytes, got " + (signature == null ? "none" : signature.length));
    }
    if (transaction instanceof Transfer t && t.toColdkey().equals(signer)) {
      throw new IllegalArgumentException("a transfer to its own signer moves nothing");
    }
    signature = signature.clone();
  }

  /** {@code transaction} with {@code nonce}, signed by {@code key}. */
  public static SignedTransaction sign(SigningKey key, long nonce, Transaction transaction) {
    byte[] bytes = CanonicalBytes.encode(key.hotkey(), nonce, transaction);
    return new SignedTransaction(key.hotkey(), nonce, transaction, key.sign(bytes, 0, bytes.length));
  }

  /**
   * The signed transaction whose {@linkplain #canonicalBytes() canonical bytes} are {@code
   * canonicalBytes}, with {@code signature}; for a client that sends the bytes it signed rather than
   * fields. The signature is not checked here.
   *
   * @throws IllegalArgumentException naming the problem when the bytes are not exactly a canonical
   *     encoding (see {@link #canonicalBytes()}) or the signature is not 64 bytes
   */
  public static SignedTransaction decode(byte[] canonicalBytes, byte[] signature) {
    CanonicalBytes.Decoded decoded = CanonicalBytes.decode(canonicalBytes);
    return new SignedTransaction(decoded.signer(), decoded.nonce(), decoded.transaction(), signature);
  }

  /**
   * What the signature covers and the id hashes: the domain {@code "taofabric-tx-v1"}, the type
   * tag, the signer, the nonce and every field, fixed-width or length-prefixed, big-endian. The
   * layout is spelled out in {@code CanonicalBytes}; a golden-bytes test holds it fixed.
   */
  public byte[] canonicalBytes() {
    return CanonicalBytes.encode(signer, nonce, transaction);
  }

  /** Whether the signature is the signer's over the canonical bytes. Never throws. */
  public boolean verify() {
    byte[] bytes = canonicalBytes();
    return Signatures.verify(Hotkeys.publicKey(Hotkeys.raw(signer)), bytes, 0, bytes.length, signature);
  }

  /**
   * The transaction's id: the lowercase hex SHA-256 of its canonical bytes. The signature is left
   * out, so the id names what was asked, whoever relays it. The gateway hands it to the entity as
   * the operation's idempotency key: the same signed transaction sent twice is applied once, while
   * the same request signed again carries a new nonce and is a new transaction.
   */
  public String id() {
    return HexFormat.of().formatHex(BodyHash.sha256(canonicalBytes()));
  }

  /** A copy of the signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Equal when every field is, the signature by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SignedTransaction t
        && signer.equals(t.signer)
        && nonce == t.nonce
        && transaction.equals(t.transaction)
        && Arrays.equals(signature, t.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(signer, nonce, transaction, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "SignedTransaction[signer=" + signer + ", nonce=" + nonce + ", transaction=" + transaction
        + ", signature=" + HexFormat.of().formatHex(signature) + "]";
  }
}
