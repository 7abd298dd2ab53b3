package io.taofabric.core.subnet;

import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.emission.CoinbaseSplit;
import io.taofabric.core.fixed.Fixed;
import io.taofabric.core.ledger.Decision;
import io.taofabric.core.subnet.SubnetCommand.AddStake;
import io.taofabric.core.subnet.SubnetCommand.CommitWeights;
import io.taofabric.core.subnet.SubnetCommand.CreateSubnet;
import io.taofabric.core.subnet.SubnetCommand.Idempotent;
import io.taofabric.core.subnet.SubnetCommand.Register;
import io.taofabric.core.subnet.SubnetCommand.RemoveStake;
import io.taofabric.core.subnet.SubnetCommand.RevealWeights;
import io.taofabric.core.subnet.SubnetCommand.RunEpoch;
import io.taofabric.core.subnet.SubnetCommand.ServeEndpoint;
import io.taofabric.core.subnet.SubnetCommand.SetHyperparameter;
import io.taofabric.core.subnet.SubnetCommand.SetWeights;
import io.taofabric.core.subnet.SubnetEvent.EndpointServed;
import io.taofabric.core.subnet.SubnetEvent.EpochApplied;
import io.taofabric.core.subnet.SubnetEvent.HyperparameterSet;
import io.taofabric.core.subnet.SubnetEvent.NeuronRegistered;
import io.taofabric.core.subnet.SubnetEvent.StakeAdded;
import io.taofabric.core.subnet.SubnetEvent.StakeRemoved;
import io.taofabric.core.subnet.SubnetEvent.SubnetCreated;
import io.taofabric.core.subnet.SubnetEvent.WeightsCommitted;
import io.taofabric.core.subnet.SubnetEvent.WeightsRevealed;
import io.taofabric.core.subnet.SubnetEvent.WeightsSet;
import io.taofabric.core.subnet.WeightCommits.RevealMatch;
import io.taofabric.core.yuma.EpochResult;
import io.taofabric.core.yuma.YumaEpoch;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Subnet#decide}: which events a command produces against one subnet state, or the one
 * reason it is refused. Reads the subnet, never changes it.
 */
final class SubnetRules {
  private final Subnet subnet;
  private final int netuid;
  private final SubnetHyperparameters params;
  private final SubnetState state;

  SubnetRules(Subnet subnet) {
    this.subnet = subnet;
    this.netuid = subnet.netuid();
    this.params = subnet.hyperparameters();
    this.state = subnet.state();
  }

  Decision<SubnetEvent> decide(SubnetCommand command) {
    if (command instanceof CreateSubnet c) {
      return create(c);
    }
    if (!subnet.exists()) {
      return Decision.reject("subnet " + netuid + " does not exist");
    }
    if (command instanceof Idempotent op) {
      if (isBlank(op.operationId())) {
        return Decision.reject("operation id is empty");
      }
      if (subnet.hasApplied(op.operationId())) {
        return new Decision.AlreadyApplied<>();
      }
    }
    if (command instanceof RunEpoch c) {
      return runEpoch(c); // not held to the latest block: a late epoch still runs for its due block
    }
    if (command.block() < subnet.latestBlock()) {
      return Decision.reject(
          "block " + command.block() + " is stale: the subnet is at block " + subnet.latestBlock());
    }
    if (command instanceof Register c) {
      return register(c);
    } else if (command instanceof ServeEndpoint c) {
      return serve(c);
    } else if (command instanceof SetWeights c) {
      return setWeights(c);
    } else if (command instanceof CommitWeights c) {
      return commit(c);
    } else if (command instanceof RevealWeights c) {
      return reveal(c);
    } else if (command instanceof AddStake c) {
      return addStake(c);
    } else if (command instanceof RemoveStake c) {
      return removeStake(c);
    }
    return setHyperparameter((SetHyperparameter) command);
  }

  private Decision<SubnetEvent> create(CreateSubnet c) {
    if (subnet.exists()) {
      boolean repeat =
          subnet.ownerColdkey().equals(c.ownerColdkey())
              && state.neurons().get(Subnet.OWNER_UID).hotkey().equals(c.ownerHotkey());
      return repeat
          ? new Decision.AlreadyApplied<>()
          : Decision.reject("subnet " + netuid + " already exists");
    }
    if (isBlank(c.ownerColdkey()) || isBlank(c.ownerHotkey()) || c.hyperparameters() == null) {
      return Decision.reject("a subnet needs an owner coldkey, an owner hotkey and hyperparameters");
    }
    if (c.block() < 0) {
      return Decision.reject("block is negative: " + c.block());
    }
    return Decision.accept(
        new SubnetCreated(c.ownerColdkey(), c.ownerHotkey(), c.hyperparameters(), c.block()));
  }

  private Decision<SubnetEvent> register(Register c) {
    if (isBlank(c.hotkey()) || isBlank(c.coldkey())) {
      return Decision.reject("registration needs a hotkey and a coldkey");
    }
    if (c.burnPaid() < params.burn()) {
      return Decision.reject(
          "burned " + c.burnPaid() + " rao; registration in subnet " + netuid + " costs "
              + params.burn());
    }
    SubnetState.Registration registration = state.register(c.hotkey(), c.block());
    if (registration instanceof SubnetState.Rejected r) {
      return Decision.reject(r.reason());
    }
    int uid = ((SubnetState.Registered) registration).uid();
    String replaced = uid < state.size() ? state.neurons().get(uid).hotkey() : null;
    long replacedStake = replaced == null ? 0 : state.stakeOf(uid);
    return Decision.accept(
        new NeuronRegistered(
            uid, c.hotkey(), c.coldkey(), c.block(), replaced, c.burnPaid(), c.burnOperationId(),
            replacedStake));
  }

  private Decision<SubnetEvent> serve(ServeEndpoint c) {
    String problem = unknownHotkey(c.hotkey());
    if (problem == null) {
      problem = Endpoint.refusal(c.endpoint());
    }
    return problem != null
        ? Decision.reject(problem)
        : Decision.accept(new EndpointServed(c.hotkey(), c.endpoint(), c.block()));
  }

  private Decision<SubnetEvent> setWeights(SetWeights c) {
    if (params.commitReveal()) {
      return Decision.reject(
          "commit-reveal is on in subnet " + netuid + ": commit the weights' hash, then reveal them");
    }
    String problem = unknownHotkey(c.hotkey());
    if (problem != null) {
      return Decision.reject(problem);
    }
    int[] targets = toArray(c.uids());
    int[] values = toArray(c.values());
    problem = params.weightsPolicy().refusal(state, state.uidOf(c.hotkey()), targets, values, c.block());
    return problem != null
        ? Decision.reject(problem)
        : Decision.accept(new WeightsSet(c.hotkey(), SparseRow.of(targets, values), c.block()));
  }

  private Decision<SubnetEvent> commit(CommitWeights c) {
    String problem = commitRevealOff();
    if (problem == null) {
      problem = unknownHotkey(c.hotkey());
    }
    if (problem == null) {
      Neuron caller = state.neurons().get(state.uidOf(c.hotkey()));
      problem = params.weightsPolicy().rateLimitRefusal(caller, c.block());
    }
    if (problem == null) {
      problem =
          c.hash() == null
              ? "a commit needs a hash"
              : subnet.commitsOf(c.hotkey()).commitRefusal(c.hash(), c.block(), params.revealWindow());
    }
    return problem != null
        ? Decision.reject(problem)
        : Decision.accept(new WeightsCommitted(c.hotkey(), c.hash(), c.block()));
  }

  private Decision<SubnetEvent> reveal(RevealWeights c) {
    String problem = commitRevealOff();
    if (problem == null) {
      problem = unknownHotkey(c.hotkey());
    }
    if (problem == null && c.salt() == null) {
      problem = "a reveal needs the commit's salt";
    }
    if (problem != null) {
      return Decision.reject(problem);
    }
    int[] targets = toArray(c.uids());
    int[] values = toArray(c.values());
    String hash = WeightCommits.hash(c.hotkey(), netuid, targets, values, c.salt());
    RevealMatch match = subnet.commitsOf(c.hotkey()).match(hash, c.block(), params.revealWindow());
    problem =
        match.refusal() != null
            ? match.refusal()
            : params.weightsPolicy().revealRefusal(state, state.uidOf(c.hotkey()), targets, values);
    return problem != null
        ? Decision.reject(problem)
        : Decision.accept(
            new WeightsRevealed(
                c.hotkey(), hash, match.commit().block(), SparseRow.of(targets, values), c.block()));
  }

  private Decision<SubnetEvent> addStake(AddStake c) {
    String problem = stakeMoveProblem(c.hotkey(), c.coldkey(), c.amount());
    if (problem == null && subnet.stakeOf(c.hotkey()) > Long.MAX_VALUE - c.amount()) {
      problem = "stake of " + c.hotkey() + " would overflow";
    }
    return problem != null
        ? Decision.reject(problem)
        : Decision.accept(
            new StakeAdded(c.hotkey(), c.coldkey(), c.amount(), c.operationId(), c.block()));
  }

  private Decision<SubnetEvent> removeStake(RemoveStake c) {
    String problem = stakeMoveProblem(c.hotkey(), c.coldkey(), c.amount());
    if (problem == null && c.amount() > subnet.stakeOf(c.hotkey())) {
      problem =
          "insufficient stake on " + c.hotkey() + " in subnet " + netuid + ": has "
              + subnet.stakeOf(c.hotkey()) + " rao, needs " + c.amount();
    }
    return problem != null
        ? Decision.reject(problem)
        : Decision.accept(
            new StakeRemoved(c.hotkey(), c.coldkey(), c.amount(), c.operationId(), c.block()));
  }

  private String stakeMoveProblem(String hotkey, String coldkey, long amount) {
    if (amount <= 0) {
      return "amount must be positive, got " + amount;
    }
    if (amount > BlockEmission.MAX_SUPPLY_RAO) {
      return "amount exceeds the 21M TAO supply: " + amount;
    }
    if (isBlank(coldkey)) {
      return "a stake move needs a coldkey";
    }
    return unknownHotkey(hotkey);
  }

  private Decision<SubnetEvent> setHyperparameter(SetHyperparameter c) {
    if (!subnet.ownerColdkey().equals(c.callerColdkey())) {
      return Decision.reject("only the owner coldkey of subnet " + netuid + " sets its hyperparameters");
    }
    SubnetHyperparameters next;
    try {
      next = params.with(c.name(), c.value());
    } catch (IllegalArgumentException e) {
      return Decision.reject(e.getMessage());
    }
    if (next.maxUids() < state.size()) {
      return Decision.reject(
          "max_allowed_uids " + next.maxUids() + " is below the " + state.size() + " registered UIDs");
    }
    return Decision.accept(new HyperparameterSet(c.name(), c.value(), next, c.block()));
  }

  private Decision<SubnetEvent> runEpoch(RunEpoch c) {
    if (c.emissionRao() < 0 || c.emissionRao() > BlockEmission.MAX_SUPPLY_RAO) {
      return Decision.reject("epoch emission must be in [0, 21M TAO] rao, got " + c.emissionRao());
    }
    if (c.block() < 0) {
      return Decision.reject("block is negative: " + c.block());
    }
    if (c.block() == subnet.lastEpochBlock()) {
      return new Decision.AlreadyApplied<>();
    }
    if (c.block() < subnet.lastEpochBlock()) {
      return Decision.reject(
          "block " + c.block() + " is before the last epoch's block " + subnet.lastEpochBlock());
    }
    if (!EpochSchedule.isDue(netuid, params.tempo(), c.block())) {
      return Decision.reject(
          "no epoch of subnet " + netuid + " at block " + c.block() + "; the next is at block "
              + EpochSchedule.nextDue(netuid, params.tempo(), c.block()));
    }
    long ownerCut = ownerCut(c.emissionRao());
    EpochResult result = YumaEpoch.run(subnet.epochInput(c.block()), state.params(), c.emissionRao() - ownerCut);
    List<SparseRow> bonds = SubnetState.rows(result.bonds());
    int[] consensus = EpochResult.toU16(result.consensus());
    int[] incentive = EpochResult.toU16(result.incentive());
    int[] dividends = EpochResult.toU16(result.dividends());
    int[] trust = EpochResult.toU16(result.validatorTrust());
    List<UidEpochResult> uids = new ArrayList<>(state.size());
    for (int uid = 0; uid < state.size(); uid++) {
      String hotkey = state.neurons().get(uid).hotkey();
      long emission = result.emission()[uid] + (uid == Subnet.OWNER_UID ? ownerCut : 0);
      if (state.stakeOf(uid) > Long.MAX_VALUE - emission) {
        return Decision.reject("stake of " + hotkey + " would overflow");
      }
      uids.add(
          new UidEpochResult(
              uid, hotkey, subnet.coldkeyOf(hotkey), emission, result.validatorPermit()[uid],
              consensus[uid], incentive[uid], dividends[uid], trust[uid], bonds.get(uid)));
    }
    return Decision.accept(new EpochApplied(subnet.epochsApplied(), c.block(), c.emissionRao(), uids));
  }

  /**
   * The owner's cut of an epoch's emission (Bittensor's 11,796/65,535, about 18 %), paid to the
   * owner's hotkey at UID 0 before Yuma divides the rest between miners and validators. Floored,
   * computed without overflow for any emission up to the supply.
   */
  static long ownerCut(long emissionRao) {
    long cut = CoinbaseSplit.DEFAULT_OWNER_CUT_U16;
    return emissionRao / Fixed.U16_MAX * cut + emissionRao % Fixed.U16_MAX * cut / Fixed.U16_MAX;
  }

  private String commitRevealOff() {
    return params.commitReveal()
        ? null
        : "commit-reveal is off in subnet " + netuid + ": set weights directly";
  }

  private String unknownHotkey(String hotkey) {
    return subnet.coldkeyOf(hotkey) != null
        ? null
        : "hotkey " + hotkey + " is not registered in subnet " + netuid;
  }

  private static int[] toArray(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
