package io.taofabric.deploy.gateway;

import io.taofabric.core.ledger.TransferRequest;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction;

/**
 * What an accepted transaction asks of the network: one entity call, in the entity's own terms.
 * The transaction's id is the operation id wherever the entity takes one (transfers, stake moves,
 * registrations, subnet creation), so the same signed transaction applies once however often it
 * arrives; the subnet's direct commands take none, which {@link AcceptedIds} makes up for.
 */
sealed interface Operation {
  /** Whether the entity applies this operation once by its id: a resend after no answer is safe. */
  boolean idempotent();

  /** A short name for the answer and the logs, e.g. {@code transfer}. */
  String type();

  /** A transfer, carried out by the sender's account, its id the transaction's. */
  record Transfer(TransferRequest request) implements Operation {
    @Override
    public boolean idempotent() {
      return true;
    }

    @Override
    public String type() {
      return "transfer";
    }
  }

  /** Stake moved into ({@code add}) or out of a hotkey in a subnet, a saga under {@code operationId}. */
  record StakeMove(int netuid, boolean add, String hotkey, String coldkey, long amount, String operationId)
      implements Operation {
    @Override
    public boolean idempotent() {
      return true;
    }

    @Override
    public String type() {
      return add ? "add_stake" : "remove_stake";
    }
  }

  /** A subnet created by {@code ownerColdkey}, paying the lock under {@code operationId}. */
  record CreateSubnet(String ownerColdkey, String ownerHotkey, String operationId) implements Operation {
    @Override
    public boolean idempotent() {
      return true;
    }

    @Override
    public String type() {
      return "create_subnet";
    }
  }

  /** A burned registration of {@code hotkey}, paid by {@code coldkey} under {@code operationId}. */
  record Register(int netuid, String hotkey, String coldkey, String operationId) implements Operation {
    @Override
    public boolean idempotent() {
      return true;
    }

    @Override
    public String type() {
      return "register";
    }
  }

  /**
   * A miner's endpoint, through its miner entity, which stamps the block and keeps its own record
   * in step with the subnet's.
   */
  record Serve(int netuid, String hotkey, String endpoint) implements Operation {
    @Override
    public boolean idempotent() {
      return false;
    }

    @Override
    public String type() {
      return "serve_endpoint";
    }
  }

  /** A subnet's direct command (weight commit or reveal, hyperparameter), stamped with a block the subnet has seen. */
  record Direct(int netuid, SubnetCommand.Direct command, String type) implements Operation {
    @Override
    public boolean idempotent() {
      return false;
    }
  }

  /**
   * The operation {@code signed} asks for. {@code block} is the block to stamp it with where the
   * entity needs one from the caller: the clock's height for a transfer, the subnet's block (from
   * the metagraph the signer was checked against) for a direct command.
   */
  static Operation of(SignedTransaction signed, long block) {
    Transaction t = signed.transaction();
    String signer = signed.signer();
    String id = signed.id();
    if (t instanceof Transaction.Transfer x) {
      return new Transfer(new TransferRequest(id, signer, x.toColdkey(), x.rao(), block));
    } else if (t instanceof Transaction.AddStake x) {
      return new StakeMove(x.netuid(), true, x.hotkey(), signer, x.rao(), id);
    } else if (t instanceof Transaction.RemoveStake x) {
      return new StakeMove(x.netuid(), false, x.hotkey(), signer, x.rao(), id);
    } else if (t instanceof Transaction.CreateSubnet x) {
      return new CreateSubnet(signer, x.ownerHotkey(), id);
    } else if (t instanceof Transaction.Register x) {
      return new Register(x.netuid(), x.hotkey(), signer, id);
    } else if (t instanceof Transaction.ServeEndpoint x) {
      return new Serve(x.netuid(), signer, x.endpoint());
    } else if (t instanceof Transaction.CommitWeights x) {
      return new Direct(x.netuid(), new SubnetCommand.CommitWeights(signer, x.commitHash(), block), "commit_weights");
    } else if (t instanceof Transaction.RevealWeights x) {
      return new Direct(
          x.netuid(), new SubnetCommand.RevealWeights(signer, x.uids(), x.values(), x.salt(), block), "reveal_weights");
    }
    Transaction.SetHyperparameter x = (Transaction.SetHyperparameter) t;
    return new Direct(x.netuid(), new SubnetCommand.SetHyperparameter(signer, x.name(), x.value(), block), "set_hyperparameter");
  }
}
