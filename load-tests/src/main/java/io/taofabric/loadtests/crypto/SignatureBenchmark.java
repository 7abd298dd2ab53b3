package io.taofabric.loadtests.crypto;

import io.taofabric.core.crypto.Hotkeys;
import io.taofabric.core.crypto.Signatures;
import io.taofabric.core.crypto.SigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Ed25519 signature and one verification of a 128-byte message, about the size of a request
 * header: the JDK's provider ({@code Signature.getInstance("Ed25519")} per operation, as the query
 * path used it), BouncyCastle's RFC 8032 code with the public key as bytes or as a point decoded
 * once, and fabric-core's {@link SigningKey} and {@link Signatures}, whatever implementation they
 * use. Every verification is of a valid signature, the common case. Run it through {@code
 * load-tests/bench-crypto}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SignatureBenchmark {
  private static final int MESSAGE_LENGTH = 128;

  private final byte[] message = new byte[MESSAGE_LENGTH];
  private KeyPair jdkPair;
  private byte[] seed;
  private byte[] rawPublicKey;
  private Ed25519.PublicPoint publicPoint;
  private SigningKey coreKey;
  private PublicKey coreVerifyingKey;
  private byte[] signature;

  /** One key pair, seen by each implementation, and a valid signature of a fixed message. */
  @Setup(Level.Trial)
  public void generateKeys() throws GeneralSecurityException {
    new Random(42).nextBytes(message);
    jdkPair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    seed = ((EdECPrivateKey) jdkPair.getPrivate()).getBytes().orElseThrow();
    rawPublicKey = Hotkeys.raw(jdkPair.getPublic());
    publicPoint = Ed25519.validatePublicKeyPartialExport(rawPublicKey, 0);
    coreKey = SigningKey.of(jdkPair);
    coreVerifyingKey = Hotkeys.publicKey(rawPublicKey);
    signature = jdkSign();
  }

  /** The JDK's provider: a new engine per signature. */
  @Benchmark
  public byte[] jdkSign() throws GeneralSecurityException {
    Signature engine = Signature.getInstance("Ed25519");
    engine.initSign(jdkPair.getPrivate());
    engine.update(message);
    return engine.sign();
  }

  /** The JDK's provider: a new engine per verification. */
  @Benchmark
  public boolean jdkVerify() throws GeneralSecurityException {
    Signature engine = Signature.getInstance("Ed25519");
    engine.initVerify(jdkPair.getPublic());
    engine.update(message);
    return engine.verify(signature);
  }

  /** BouncyCastle, given the public key so that it need not derive it from the seed again. */
  @Benchmark
  public byte[] bcSign() {
    byte[] out = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, rawPublicKey, 0, message, 0, MESSAGE_LENGTH, out, 0);
    return out;
  }

  /** BouncyCastle, decoding the public key from its 32 bytes on every call. */
  @Benchmark
  public boolean bcVerify() {
    return Ed25519.verify(signature, 0, rawPublicKey, 0, message, 0, MESSAGE_LENGTH);
  }

  /** BouncyCastle, with the public key decoded and checked once. */
  @Benchmark
  public boolean bcVerifyPrecomputed() {
    return Ed25519.verify(signature, 0, publicPoint, message, 0, MESSAGE_LENGTH);
  }

  /** fabric-core's signing key. */
  @Benchmark
  public byte[] coreSign() {
    return coreKey.sign(message, 0, MESSAGE_LENGTH);
  }

  /** fabric-core's verification with a key built once, as the miners and the fan-out keep them. */
  @Benchmark
  public boolean coreVerify() {
    return Signatures.verify(coreVerifyingKey, message, 0, MESSAGE_LENGTH, signature);
  }
}
