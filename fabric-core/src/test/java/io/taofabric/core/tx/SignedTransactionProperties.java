package io.taofabric.core.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.subnet.SubnetHyperparameters;
import io.taofabric.core.tx.Transaction.AddStake;
import io.taofabric.core.tx.Transaction.CommitWeights;
import io.taofabric.core.tx.Transaction.CreateSubnet;
import io.taofabric.core.tx.Transaction.Register;
import io.taofabric.core.tx.Transaction.RemoveStake;
import io.taofabric.core.tx.Transaction.RevealWeights;
import io.taofabric.core.tx.Transaction.ServeEndpoint;
import io.taofabric.core.tx.Transaction.SetHyperparameter;
import io.taofabric.core.tx.Transaction.Transfer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Over arbitrary transactions of every type: decoding inverts encoding, and no flipped byte verifies. */
class SignedTransactionProperties {
  private static final SigningKey SIGNER = SigningKey.generate();

  @Property
  void shouldDecodeTheCanonicalBytesBackToTheSameTransaction(
      @ForAll("transactions") Transaction transaction, @ForAll @LongRange(min = 1) long nonce) {
    SignedTransaction signed = SignedTransaction.sign(SIGNER, nonce, transaction);

    SignedTransaction decoded = SignedTransaction.decode(signed.canonicalBytes(), signed.signature());

    assertEquals(signed, decoded);
    assertArrayEquals(signed.canonicalBytes(), decoded.canonicalBytes());
    assertTrue(decoded.verify());
  }

  @Property(tries = 300)
  void shouldNotVerifyAfterAnyByteIsChanged(
      @ForAll("transactions") Transaction transaction,
      @ForAll @LongRange(min = 0, max = Integer.MAX_VALUE) long position,
      @ForAll byte mask) {
    SignedTransaction signed = SignedTransaction.sign(SIGNER, 1_700_000_000_000_000L, transaction);
    byte[] bytes = signed.canonicalBytes();
    int i = (int) (position % bytes.length);
    bytes[i] ^= mask == 0 ? 1 : mask;

    boolean verifies;
    try {
      verifies = SignedTransaction.decode(bytes, signed.signature()).verify();
    } catch (IllegalArgumentException e) {
      verifies = false;
    }
    assertFalse(verifies, "byte " + i);
  }

  @Provide
  Arbitrary<Transaction> transactions() {
    Arbitrary<String> keys = Arbitraries.bytes().array(byte[].class).ofSize(32).map(HexFormat.of()::formatHex);
    Arbitrary<Integer> netuids = Arbitraries.integers().between(1, 65_535);
    Arbitrary<Long> rao = Arbitraries.longs().between(1, BlockEmission.MAX_SUPPLY_RAO);
    Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 65_535);
    Arbitrary<String> endpoints =
        Combinators.combine(Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(40), u16.filter(p -> p > 0))
            .as((host, port) -> host + ":" + port);
    Arbitrary<RevealWeights> reveals =
        Combinators.combine(
                netuids,
                u16.set().ofMaxSize(300).map(set -> List.copyOf(new LinkedHashSet<>(set))),
                u16.list().ofMaxSize(300),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(Transaction.MAX_SALT_BYTES))
            .as((netuid, uids, values, salt) -> new RevealWeights(netuid, uids, pad(values, uids.size()), salt));
    Arbitrary<SetHyperparameter> hyperparameters =
        Combinators.combine(
                netuids,
                Arbitraries.of(new ArrayList<>(SubnetHyperparameters.names())),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(Transaction.MAX_HYPERPARAMETER_VALUE_LENGTH))
            .as(SetHyperparameter::new);
    return Arbitraries.oneOf(
        Combinators.combine(keys.filter(k -> !k.equals(SIGNER.hotkey())), rao).as(Transfer::new),
        Combinators.combine(netuids, keys, rao).as(AddStake::new),
        Combinators.combine(netuids, keys, rao).as(RemoveStake::new),
        keys.map(CreateSubnet::new),
        Combinators.combine(netuids, keys).as(Register::new),
        Combinators.combine(netuids, endpoints).as(ServeEndpoint::new),
        Combinators.combine(netuids, keys).as(CommitWeights::new),
        reveals,
        hyperparameters);
  }

  /** {@code values} cut or padded with 1s to {@code size}, so a reveal has a weight per UID. */
  private static List<Integer> pad(List<Integer> values, int size) {
    List<Integer> padded = new ArrayList<>(values.subList(0, Math.min(size, values.size())));
    while (padded.size() < size) {
      padded.add(1);
    }
    return padded;
  }
}
