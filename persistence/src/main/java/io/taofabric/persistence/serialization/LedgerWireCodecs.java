package io.taofabric.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.core.ledger.AccountCommand.AddStake;
import io.taofabric.core.ledger.AccountCommand.BurnForRegistration;
import io.taofabric.core.ledger.AccountCommand.CreditEmission;
import io.taofabric.core.ledger.AccountCommand.CreditGenesis;
import io.taofabric.core.ledger.AccountCommand.LockForSubnet;
import io.taofabric.core.ledger.AccountCommand.ReceiveTransfer;
import io.taofabric.core.ledger.AccountCommand.RemoveStake;
import io.taofabric.core.ledger.AccountCommand.SendTransfer;
import java.util.List;

/**
 * The forms of the ledger values that travel between nodes inside cluster messages: the commands
 * an account executes (type ids 201–219) and a transfer's request (220; 221–249 are free for
 * other values), and a settled epoch, which travels in its stored form. They are nested frames, so each keeps its own type id and version
 * whatever message carries it. The commands share their layouts with the events they become.
 */
public final class LedgerWireCodecs {
  private LedgerWireCodecs() {}

  /** Every codec of a ledger value carried by a cluster message. */
  public static List<VersionedCodec<?>> all() {
    return List.of(
        new LedgerCodecs.Genesis<>(
            CreditGenesis.class,
            201,
            CreditGenesis::new,
            CreditGenesis::operationId,
            CreditGenesis::amount,
            CreditGenesis::block),
        new LedgerCodecs.Transfer<>(
            SendTransfer.class,
            202,
            SendTransfer::new,
            SendTransfer::operationId,
            SendTransfer::to,
            SendTransfer::amount,
            SendTransfer::block),
        new LedgerCodecs.Transfer<>(
            ReceiveTransfer.class,
            203,
            ReceiveTransfer::new,
            ReceiveTransfer::operationId,
            ReceiveTransfer::from,
            ReceiveTransfer::amount,
            ReceiveTransfer::block),
        new LedgerCodecs.OnHotkey<>(
            AddStake.class,
            204,
            AddStake::new,
            AddStake::operationId,
            AddStake::hotkey,
            AddStake::netuid,
            AddStake::amount,
            AddStake::block),
        new LedgerCodecs.OnHotkey<>(
            RemoveStake.class,
            205,
            RemoveStake::new,
            RemoveStake::operationId,
            RemoveStake::hotkey,
            RemoveStake::netuid,
            RemoveStake::amount,
            RemoveStake::block),
        new LedgerCodecs.OnHotkey<>(
            BurnForRegistration.class,
            206,
            BurnForRegistration::new,
            BurnForRegistration::operationId,
            BurnForRegistration::hotkey,
            BurnForRegistration::netuid,
            BurnForRegistration::amount,
            BurnForRegistration::block),
        new LedgerCodecs.Emission<>(
            CreditEmission.class,
            207,
            CreditEmission::new,
            CreditEmission::netuid,
            CreditEmission::epoch,
            CreditEmission::uid,
            CreditEmission::hotkey,
            CreditEmission::amount,
            CreditEmission::block),
        new LedgerCodecs.SubnetLock<>(
            LockForSubnet.class,
            208,
            LockForSubnet::new,
            LockForSubnet::operationId,
            LockForSubnet::netuid,
            LockForSubnet::amount,
            LockForSubnet::block),
        new LedgerCodecs.Settled());
  }
}
