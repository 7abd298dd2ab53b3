package io.taofabric.deploy.bench.epoch;

/**
 * JMH's figure for one epoch size and bond mode.
 *
 * @param allocatedBytes bytes allocated per epoch (JMH's GC profiler), NaN when it gave none
 */
record EngineFigure(int n, String mode, double micros, double errorMicros, double allocatedBytes) {}
