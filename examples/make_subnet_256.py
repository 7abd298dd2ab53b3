#!/usr/bin/env python3
"""Writes subnet-256.json, the example scenario `bin/fabric epoch --scenario` runs in the README.

256 UIDs: 64 staked validators and 192 miners of hidden quality (a few lazy ones of quality 0).
Each tempo every validator scores the miners it sees (a noisy view of their quality), sets its
weights a few blocks before the epoch, and the epoch distributes one tempo of emission. Fixed seed,
so the file is the same on every run:  python3 examples/make_subnet_256.py > examples/subnet-256.json
"""
import json
import random
import sys

VALIDATORS, MINERS, TEMPO, EPOCHS = 64, 192, 360, 5
RAO_PER_TAO = 10**9
# one tempo of 1 TAO blocks, less the 18% owner cut: the miners' and validators' 82%
EPOCH_RAO = TEMPO * RAO_PER_TAO * 82 // 100

rng = random.Random(256)
quality = [0.0 if rng.random() < 0.08 else rng.betavariate(2, 2) for _ in range(MINERS)]
steps = []
for v in range(VALIDATORS):
    steps.append({"op": "register", "hotkey": f"validator-{v:02d}", "block": 1})
for m in range(MINERS):
    steps.append({"op": "register", "hotkey": f"miner-{m:03d}", "block": 1})
for v in range(VALIDATORS):
    tao = int(rng.lognormvariate(9, 1.2)) + 1000
    steps.append({"op": "add_stake", "uid": v, "amount": tao * RAO_PER_TAO})
for e in range(1, EPOCHS + 1):
    block = e * TEMPO
    for v in range(VALIDATORS):
        noise = 0.05 + 0.25 * rng.random()
        scores = [max(0.0, q + rng.gauss(0, noise)) for q in quality]
        top = max(scores) or 1.0
        steps.append({
            "op": "set_weights", "uid": v, "block": block - 5,
            "dests": [VALIDATORS + m for m in range(MINERS)],
            "values": [int(65535 * s / top) for s in scores],
        })
    steps.append({"op": "epoch", "block": block, "rao": EPOCH_RAO})

scenario = {
    "n_max": VALIDATORS + MINERS,
    "immunity_period": 5000,
    "params": {"tempo": TEMPO, "yuma3": True, "max_allowed_validators": VALIDATORS},
    "steps": steps,
}
json.dump(scenario, sys.stdout, separators=(",", ":"))
sys.stdout.write("\n")
