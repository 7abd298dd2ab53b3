package io.taofabric.core.tx;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.tx.Transaction.AddStake;
import io.taofabric.core.tx.Transaction.CommitWeights;
import io.taofabric.core.tx.Transaction.CreateSubnet;
import io.taofabric.core.tx.Transaction.Register;
import io.taofabric.core.tx.Transaction.RemoveStake;
import io.taofabric.core.tx.Transaction.RevealWeights;
import io.taofabric.core.tx.Transaction.ServeEndpoint;
import io.taofabric.core.tx.Transaction.SetHyperparameter;
import io.taofabric.core.tx.Transaction.Transfer;
import java.util.HexFormat;
import java.util.List;

/** Keys from RFC 8032's test vectors and one transaction of each type, shared by the tests. */
final class Examples {
  /** RFC 8032 §7.1 TEST 1: the signer of the examples. */
  static final SigningKey SIGNER =
      SigningKey.fromSeed(HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

  /** RFC 8032 §7.1 TEST 2's public key: the hotkey in the examples. */
  static final String HOTKEY = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";

  /** RFC 8032 §7.1 TEST 3's public key: the receiving coldkey in the examples. */
  static final String COLDKEY = "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025";

  /** 2023-11-14T22:13:20Z in microseconds. */
  static final long NONCE = 1_700_000_000_000_000L;

  static final byte[] SALT = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f10");

  private Examples() {}

  /** One of each type, in tag order. */
  static List<Transaction> oneOfEach() {
    return List.of(
        new Transfer(COLDKEY, 1_500_000_000L),
        new AddStake(1, HOTKEY, 2_000_000_000L),
        new RemoveStake(1, HOTKEY, 500_000_000L),
        new CreateSubnet(HOTKEY),
        new Register(3, HOTKEY),
        new ServeEndpoint(3, "127.0.0.1:8091"),
        new CommitWeights(3, "ab".repeat(32)),
        new RevealWeights(3, List.of(0, 1), List.of(65_535, 32_768), SALT),
        new SetHyperparameter(3, "tempo", "100"));
  }
}
