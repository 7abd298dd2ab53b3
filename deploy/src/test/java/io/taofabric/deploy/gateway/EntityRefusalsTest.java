package io.taofabric.deploy.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taofabric.core.ledger.Account;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.Decision;
import io.taofabric.core.subnet.Subnet;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.core.subnet.SubnetEvent;
import io.taofabric.core.subnet.SubnetHyperparameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind from a sentence the rule book itself writes, so a reworded rule fails here. */
class EntityRefusalsTest {
  private static final int NETUID = 3;

  private static String refusal(Decision<?> decision) {
    return ((Decision.Reject<?>) decision).reason();
  }

  /** Subnet {@link #NETUID}, created at block 10 by {@code owner-cold} with {@code owner-hot} at UID 0. */
  private static Subnet created() {
    Subnet subnet = Subnet.uncreated(NETUID);
    Decision<SubnetEvent> create =
        subnet.decide(new SubnetCommand.CreateSubnet("owner-cold", "owner-hot", SubnetHyperparameters.DEFAULTS, 10));
    for (SubnetEvent event : ((Decision.Accept<SubnetEvent>) create).events()) {
      subnet = subnet.apply(event);
    }
    return subnet;
  }

  private static void assertKind(String sentence, int status, String reason) {
    ApiError error = EntityRefusals.classify(sentence);
    assertEquals(List.of(status, reason, sentence), List.of(error.status(), error.reason(), error.message()));
  }

  @Test
  void shouldNameTheAccountsRefusals() {
    Account account = new Account("alice");
    assertKind(refusal(account.decide(new AccountCommand.SendTransfer("t", "bob", 5, 1))), 409, "insufficient_balance");
    assertKind(refusal(account.decide(new AccountCommand.RemoveStake("u", "hot", NETUID, 5, 1))), 409, "insufficient_stake");
    assertKind("the lock was refused: " + refusal(account.decide(new AccountCommand.SendTransfer("t", "bob", 5, 1))), 409, "insufficient_balance");
  }

  @Test
  void shouldNameTheSubnetsRefusals() {
    assertKind(refusal(Subnet.uncreated(NETUID).decide(new SubnetCommand.ServeEndpoint("hot", "10.0.0.1:1", 0))), 404, "unknown_subnet");
    Subnet subnet = created();
    assertKind(refusal(subnet.decide(new SubnetCommand.SetHyperparameter("mallory", "tempo", "5", 11))), 403, "not_owner");
    assertKind(refusal(subnet.decide(new SubnetCommand.ServeEndpoint("nobody", "10.0.0.1:1", 11))), 409, "not_registered");
    assertKind(refusal(subnet.decide(new SubnetCommand.Register("owner-hot", "c", "r", SubnetHyperparameters.DEFAULTS.burn(), 11))), 409, "already_registered");
    assertKind(refusal(subnet.decide(new SubnetCommand.ServeEndpoint("owner-hot", "10.0.0.1:1", 5))), 409, "stale_block");
    assertKind(refusal(subnet.decide(new SubnetCommand.SetWeights("owner-hot", List.of(0), List.of(1), 11))), 409, "weights_rate_limit");
  }

  @Test
  void shouldLeaveOtherRefusalsGenericAndAnUnansweredStepRetryable() {
    assertKind(refusal(created().decide(new SubnetCommand.CommitWeights("owner-hot", "ab", 200))), 409, "refused");
    assertKind("uid 9 does not exist", 409, "refused");
    assertKind("no answer: the account did not reply", 503, "no_answer");
  }
}
