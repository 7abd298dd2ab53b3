package io.taofabric.core.subnet;

import static io.taofabric.core.subnet.Subnets.OWNER;
import static io.taofabric.core.subnet.Subnets.OWNER_HOTKEY;
import static io.taofabric.core.subnet.Subnets.accept;
import static io.taofabric.core.subnet.Subnets.quick;
import static io.taofabric.core.subnet.Subnets.withHotkeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.subnet.SubnetCommand.AddStake;
import io.taofabric.core.subnet.SubnetCommand.RunEpoch;
import io.taofabric.core.subnet.SubnetCommand.ServeEndpoint;
import io.taofabric.core.subnet.SubnetCommand.SetWeights;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetagraphTest {
  @Test
  void shouldShowEveryUidWithTheLastEpochsColumns() {
    Subnet s = withHotkeys(quick().with("tempo", 9), "validator", "miner");
    s = accept(s, new AddStake("validator", "cold-validator", 1_000_000, "stake-v", 2));
    s = accept(s, new ServeEndpoint("miner", "10.0.0.7:8091", 2));
    s = accept(s, new RunEpoch(8, 1_000_000_000L)); // the first epoch grants validator permits by stake
    s = accept(s, new SetWeights("validator", List.of(2), List.of(65_535), 9));
    Metagraph before = Metagraph.of(s, 9);
    assertEquals(3, before.neurons().size());
    assertEquals(0, before.neurons().get(2).incentive(), "no weights before the first epoch");
    assertTrue(before.neurons().get(1).validatorPermit());
    assertEquals("10.0.0.7:8091", before.neurons().get(2).endpoint());
    assertNull(before.neurons().get(1).endpoint());

    Subnet after = accept(s, new RunEpoch(18, 1_000_000_000L));
    Metagraph metagraph = Metagraph.of(after, after.latestBlock());
    assertEquals(2, metagraph.epochs());
    assertEquals(OWNER, metagraph.ownerColdkey());
    assertEquals(OWNER_HOTKEY, metagraph.neurons().get(0).hotkey());
    Metagraph.Row miner = metagraph.neurons().get(2);
    assertEquals("cold-miner", miner.coldkey());
    assertEquals(after.lastEpoch().get(2).incentive(), miner.incentive());
    assertTrue(miner.incentive() > 0 && miner.emission() > 0, miner.toString());
    assertEquals(after.state().stakeOf(2), miner.stake(), "stake includes the emission paid");
    long paid = metagraph.neurons().stream().mapToLong(Metagraph.Row::emission).sum();
    assertTrue(paid <= 1_000_000_000L && paid > 1_000_000_000L - 100, "paid " + paid);
  }

  @Test
  void shouldListThePermittedCallersWithTheirStakeAndTheServedEndpoints() {
    // given
    Subnet s = withHotkeys(quick().with("tempo", 9), "validator", "miner", "unstaked");
    s = accept(s, new AddStake("validator", "cold-validator", 1_000_000, "stake-v", 2));
    s = accept(s, new ServeEndpoint("miner", "10.0.0.7:8091", 2));
    // when
    Metagraph before = Metagraph.of(s, 2);
    Metagraph after = Metagraph.of(accept(s, new RunEpoch(8, 1_000_000_000L)), 8);
    // then
    assertEquals(Map.of(), before.permittedStakes(), "permits come with the first epoch");
    assertEquals(Map.of(OWNER_HOTKEY, after.neurons().get(0).stake(), "validator", after.neurons().get(1).stake()), after.permittedStakes());
    assertEquals(Map.of("miner", "10.0.0.7:8091"), before.servedEndpoints());
  }
}
