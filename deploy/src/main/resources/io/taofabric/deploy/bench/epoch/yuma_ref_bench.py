#!/usr/bin/env python3
"""Times the spec's reference model (yuma_ref.py, next to this file) on one `fabric epoch --in` case.

    python3 yuma_ref_bench.py CASE.json MAX_EPOCHS MAX_SECONDS

CASE.json is a `fabric epoch --in` document (docs/epoch-io.md) holding one case. Runs yuma_ref.epoch on
it until MAX_EPOCHS epochs have run or MAX_SECONDS have passed (at least one epoch either way), then
prints one JSON object: the wall time of each epoch in ms and the exact I32F32 bits of the incentive and
dividends of the last one, which `fabric bench epoch` compares with its own result.
"""
import json
import sys
import time

sys.dont_write_bytecode = True
import yuma_ref  # noqa: E402  (after dont_write_bytecode, so the copy leaves no __pycache__ behind)

# epoch-io.md's parameter names that yuma_ref spells differently
RENAME = {'last_epoch_block': 'last_mechanism_step_block'}


def reference_input(case):
    params = dict(yuma_ref.DEFAULT_PARAMS)
    for key, value in case.get('params', {}).items():
        params[RENAME.get(key, key)] = value
    if 'commit_blocks' in case:
        params['commit_blocks'] = case['commit_blocks']  # yuma_ref reads them as a parameter
    n = len(case['stake'])
    state = dict(
        n=n, block=case['block'], stake=case['stake'],
        weights=[[tuple(e) for e in row] for row in case.get('weights', [[]] * n)],
        bonds=[[tuple(e) for e in row] for row in case.get('bonds', [[]] * n)],
        last_update=case['last_update'], block_at_registration=case['block_at_registration'],
        validator_permit=case['validator_permit'])
    return state, params, case.get('rao', 1_000_000_000)


def main(path, max_epochs, max_seconds):
    with open(path) as f:
        cases = json.load(f)
    if len(cases) != 1:
        raise SystemExit(f'{path}: expected one case, found {len(cases)}')
    state, params, rao = reference_input(cases[0])
    times_ms = []
    started = time.perf_counter()
    while True:
        t0 = time.perf_counter()
        out = yuma_ref.epoch(state, params, rao)
        t1 = time.perf_counter()
        times_ms.append((t1 - t0) * 1e3)
        if len(times_ms) >= max_epochs or t1 - started >= max_seconds:
            break
    print(json.dumps(dict(epoch_ms=times_ms, incentive_bits=out['incentive'], dividends_bits=out['dividends'])))


if __name__ == '__main__':
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))
