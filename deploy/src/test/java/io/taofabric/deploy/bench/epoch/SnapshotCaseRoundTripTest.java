package io.taofabric.deploy.bench.epoch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taofabric.deploy.epoch.EpochJsonReader;
import io.taofabric.deploy.epoch.EpochJsonWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotCaseRoundTripTest {
  @Test
  void fabricEpochReadsBackTheSameSnapshot() throws Exception {
    SubnetSnapshots.Snapshot snapshot = SubnetSnapshots.forEpochBench(64, true);
    StringWriter json = new StringWriter();
    EpochJsonWriter.writeInput(snapshot.input(), snapshot.params(), SubnetSnapshots.RAO_EMISSION, json);

    List<EpochJsonReader.EpochCase> cases = EpochJsonReader.readCases(new ObjectMapper().readTree(json.toString()));
    assertEquals(1, cases.size());
    EpochJsonReader.EpochCase read = cases.get(0);
    assertEquals(snapshot.params(), read.params());
    assertEquals(SubnetSnapshots.RAO_EMISSION, read.rao());
    assertEquals(snapshot.input().block(), read.input().block());
    assertArrayEquals(snapshot.input().stake(), read.input().stake());
    assertArrayEquals(snapshot.input().lastUpdate(), read.input().lastUpdate());
    assertArrayEquals(snapshot.input().blockAtRegistration(), read.input().blockAtRegistration());
    assertArrayEquals(snapshot.input().validatorPermit(), read.input().validatorPermit());
    assertEquals(snapshot.input().weights(), read.input().weights());
    assertEquals(snapshot.input().bonds(), read.input().bonds());
  }
}
