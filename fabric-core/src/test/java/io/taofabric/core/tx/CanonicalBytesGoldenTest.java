package io.taofabric.core.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The canonical bytes, signatures and ids of one transaction of each type, fixed: a change here is a
 * change of the signed format, which needs a new domain ({@code taofabric-tx-v2}), not an edit.
 */
class CanonicalBytesGoldenTest {
  private static final HexFormat HEX = HexFormat.of();

  /** Domain "taofabric-tx-v1", length-prefixed. */
  private static final String DOMAIN = "0000000f" + "74616f6661627269632d74782d7631";
  private static final String SIGNER = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  /** 1,700,000,000,000,000 microseconds. */
  private static final String NONCE = "00060a24181e4000";
  private static final String HOTKEY = Examples.HOTKEY;
  private static final String COLDKEY = Examples.COLDKEY;

  /** Per type, in tag order: the canonical bytes, the signature by {@link Examples#SIGNER} and the id. */
  private static final List<List<String>> GOLDEN =
      List.of(
          List.of(
              DOMAIN + "01" + SIGNER + NONCE + COLDKEY + "0000000059682f00", // rao 1,500,000,000
              "f93bd56c13720e5e6d4e94666aa2eb3cc276f7e46e9c0b982d1e360e0dc61293528a3a05ce20e4cac790911a1400267e72f48cfea945ecbc732235e529233b04",
              "aacc4be993434b8f1cedbbc2ca518a551735c3cbb5b68291888c64f3b8cf57a6"),
          List.of(
              DOMAIN + "02" + SIGNER + NONCE + "0001" + HOTKEY + "0000000077359400", // netuid 1, rao 2,000,000,000
              "9b08212ebed7d1fcf868e0c9bf4afba2a5d60eaff6e62e62caf5e5e6723534e94a266679cbd6da45e57e75837a699652cfbb28b9bbea7017a4a975066b535c00",
              "9cd4723eefb107bb2ad67e0c984c9ef7e73b92e339a9f8ffa61c3ff0665647fc"),
          List.of(
              DOMAIN + "03" + SIGNER + NONCE + "0001" + HOTKEY + "000000001dcd6500", // netuid 1, rao 500,000,000
              "3ae61df79f87579e3b1ff94dc689e65a4102eb74509519ca4f2dfff64dacff0b84a394b81877253d49fb4b1106987745d5d1851082cee6a22eeb04c02a65160a",
              "d22eed1fc123ab6d15bf2fcab79c2fa9e435d998bd285d674e68fc0134495b65"),
          List.of(
              DOMAIN + "04" + SIGNER + NONCE + HOTKEY,
              "de9c4e3ac64ff10c626a95105424b240a79fadc1102e53c2ef245b47bb1076615ed40fa7e475c97259dd168c9712a49f8e4b352ef3275e11655d33ce1bc49304",
              "384278d24b67799c44cdb12a0dadf848d292baffd9b55b08c3d1080ec33cb9d8"),
          List.of(
              DOMAIN + "05" + SIGNER + NONCE + "0003" + HOTKEY,
              "1f2d312b9aded7cbe28a560372984a0f39b254b2fa0b75c0a2836924c71c9fd1c7e3b7f605320ded2e2c33760f76ff2ba89f400a2695e43730474feb898fb904",
              "c9050712394fd585fb690db0576b0e42437a454a69b9c87401ed901b6cd8b996"),
          List.of(
              DOMAIN + "06" + SIGNER + NONCE + "0003" + "0000000e" + "3132372e302e302e313a38303931", // "127.0.0.1:8091"
              "c8c59cd86af351d27431f0a535ad6818b8847c314d33d7b4182cce68279597e158c1dd00a6e5c4b91cfa2df304df7adb65e2e107c239761c452760f05a923b09",
              "b0bfae6a39a9e8c6c34712565af26029e6782f55d8f8018aa39700b767a07d71"),
          List.of(
              DOMAIN + "07" + SIGNER + NONCE + "0003" + "ab".repeat(32),
              "2b4be767c1be4e1266494e80327956909181a5c350cb0dab55467077ef0c720cf9d73d309f2b04626752c0e26abe7ee8a0d98105a70c4754d660e277e3f86e06",
              "4006cff2f4ba34d71a9744de9713d592568e536807ba3e53cad3011dff5be8a4"),
          List.of(
              DOMAIN + "08" + SIGNER + NONCE + "0003"
                  + "00000002" + "0000" + "0001" // uids [0, 1]
                  + "00000002" + "ffff" + "8000" // values [65535, 32768]
                  + "00000010" + "0102030405060708090a0b0c0d0e0f10", // salt, 16 bytes
              "605fc0fc44f5aaf3b4ad1e1452afbed94c6debc1074272462b67615058b6e6c6c771d34080af9f52c138bb1e1594e80b9ddc5268857843762f6be078066f0908",
              "2c01040cc6758e5cd165a6dd4fa568dd384eb9ec5966045bdc0670e900cc6c09"),
          List.of(
              DOMAIN + "09" + SIGNER + NONCE + "0003" + "00000005" + "74656d706f" + "00000003" + "313030", // "tempo", "100"
              "00042907292a17f62ae4e65d01e72ae4f9bd56bb6334ef769e2cbe4b23fff939ff01b6a6bceaa5d1d21f19d7e256bd1bd6a9c422f88329bbc998fe29533b5d02",
              "d769cd5a4f2faab8b3f5f476312e48246a3448e95a4f63b1540ea6cb1050b4db"));

  @Test
  void shouldEncodeSignAndNameEveryTypeAsItDidWhenTheFormatShipped() {
    List<Transaction> examples = Examples.oneOfEach();
    for (int i = 0; i < examples.size(); i++) {
      SignedTransaction signed = SignedTransaction.sign(Examples.SIGNER, Examples.NONCE, examples.get(i));
      List<String> golden = GOLDEN.get(i);
      String type = examples.get(i).getClass().getSimpleName();

      assertEquals(golden.get(0), HEX.formatHex(signed.canonicalBytes()), type);
      assertEquals(golden.get(1), HEX.formatHex(signed.signature()), type);
      assertEquals(golden.get(2), signed.id(), type);
    }
  }

  @Test
  void shouldDecodeAndVerifyTheGoldenBytes() {
    List<Transaction> examples = Examples.oneOfEach();
    for (int i = 0; i < examples.size(); i++) {
      List<String> golden = GOLDEN.get(i);

      SignedTransaction decoded = SignedTransaction.decode(HEX.parseHex(golden.get(0)), HEX.parseHex(golden.get(1)));

      assertEquals(SignedTransaction.sign(Examples.SIGNER, Examples.NONCE, examples.get(i)), decoded);
      assertTrue(decoded.verify());
    }
  }
}
