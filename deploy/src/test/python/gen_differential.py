#!/usr/bin/env python3
"""Differential test data for the `fabric epoch` command, with yuma_ref.py as the oracle.

Writes (format: the shared spec's epoch-io.md):
  epoch-in.json                mode 1 (`--in`) input: a JSON array of pure-epoch cases
  epoch-in.expected.json       what yuma_ref.epoch() returns for each case, one object per case
  scenarios/NAME.json          mode 2 (`--scenario`) input: {n_max, immunity_period, params, steps}
  scenarios/NAME.expected.json one output object per input step, from a replay through yuma_ref.Subnet
                               done exactly as yuma_ref.run_scenario does it

`incentive_fixed` / `dividends_fixed` are the exact decimal values of I32F32 bits / 2^32, written as
JSON numbers with up to 32 fractional digits (parse them as BigDecimal, not double).

Every random choice comes from `random.Random` with fixed seeds, so a rerun with the same
yuma_ref.py gives byte-identical files. To regenerate, from the repository root:

    python3 deploy/src/test/python/gen_differential.py [SPEC_DIR] [OUT_DIR] [--verify]

SPEC_DIR is the directory holding yuma_ref.py (default: ../shared/spec relative to the repository
root) and OUT_DIR the output directory (default: deploy/src/test/resources/differential relative to
the repository root). `--verify` does not write anything: it reads the files back and recomputes
every case and scenario with yuma_ref (scenarios through yuma_ref.run_scenario itself).
"""
import argparse
import json
import os
import random
import sys
from decimal import Decimal, getcontext
from pathlib import Path

sys.dont_write_bytecode = True

REPO_ROOT = Path(__file__).resolve().parents[4]
DEFAULT_SPEC_DIR = REPO_ROOT.parent / 'shared' / 'spec'
DEFAULT_OUT_DIR = REPO_ROOT / 'deploy' / 'src' / 'test' / 'resources' / 'differential'

U16 = 65535
I64_MAX = (1 << 63) - 1

# The params of epoch-io.md, in the order of its example, with the defaults it shows.
EPOCH_IO_DEFAULTS = {
    'kappa': 32767, 'bonds_penalty': 65535, 'bonds_moving_average': 900000,
    'activity_cutoff_factor_milli': 13889, 'stake_threshold': 0, 'tempo': 360,
    'max_allowed_validators': 64, 'yuma3': False, 'liquid_alpha': False,
    'alpha_low': 45875, 'alpha_high': 58982, 'alpha_sigmoid_steepness': 1000,
    'owner_uid': None, 'last_epoch_block': 0,
}
PARAM_KEYS = list(EPOCH_IO_DEFAULTS)
# epoch-io name -> yuma_ref name (all others are identical)
RENAME = {'last_epoch_block': 'last_mechanism_step_block'}

OUTPUT_KEYS = ['active', 'validator_permit', 'consensus', 'incentive', 'dividends', 'validator_trust',
               'incentive_fixed', 'dividends_fixed', 'server_emission', 'validator_emission',
               'emission', 'bonds']

yr = None   # the yuma_ref module, imported in main()


# ---------------------------------------------------------------------------
# serialisation
# ---------------------------------------------------------------------------
class RawNumber(str):
    """A JSON number written verbatim (the exact decimal of an I32F32)."""


def fixed_decimal(bits):
    """Exact decimal text of bits / 2^32 (2^-32 = 5^32 / 10^32, so 32 digits always suffice)."""
    neg = bits < 0
    q, r = divmod(abs(bits) * 5 ** 32, 10 ** 32)
    frac = str(r).rjust(32, '0').rstrip('0')
    return RawNumber(('-' if neg else '') + str(q) + ('.' + frac if frac else ''))


def dumps(v):
    """Compact, deterministic JSON."""
    if isinstance(v, RawNumber):
        return str(v)
    if v is None:
        return 'null'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, (list, tuple)):
        return '[' + ','.join(dumps(x) for x in v) + ']'
    if isinstance(v, dict):
        return '{' + ','.join(json.dumps(str(k)) + ':' + dumps(x) for k, x in v.items()) + '}'
    raise TypeError(type(v))


def dumps_array_lines(items):
    """A top-level array with one element per line."""
    if not items:
        return '[]\n'
    return '[\n' + ',\n'.join(dumps(x) for x in items) + '\n]\n'


def dumps_scenario(sc):
    head = ',\n'.join(json.dumps(k) + ':' + dumps(sc[k]) for k in ('n_max', 'immunity_period', 'params'))
    steps = ',\n'.join(dumps(s) for s in sc['steps'])
    return '{\n' + head + ',\n"steps":[\n' + steps + '\n]\n}\n'


def write_file(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(text)


# ---------------------------------------------------------------------------
# oracle glue
# ---------------------------------------------------------------------------
def check_defaults():
    """Differences between epoch-io.md's defaults and yuma_ref.DEFAULT_PARAMS."""
    diffs = []
    for k, v in EPOCH_IO_DEFAULTS.items():
        rk = RENAME.get(k, k)
        if rk not in yr.DEFAULT_PARAMS:
            diffs.append(f"{k}: not in yuma_ref.DEFAULT_PARAMS (epoch-io default {v!r})")
        elif yr.DEFAULT_PARAMS[rk] != v:
            diffs.append(f"{k}: epoch-io {v!r} vs yuma_ref {yr.DEFAULT_PARAMS[rk]!r}")
    return diffs


def ref_params(io_params):
    """yuma_ref params for the epoch-io params given (missing keys take epoch-io's defaults)."""
    p = dict(yr.DEFAULT_PARAMS)
    for k, v in EPOCH_IO_DEFAULTS.items():
        p[RENAME.get(k, k)] = v
    for k, v in (io_params or {}).items():
        p[RENAME.get(k, k)] = v
    return p


def ref_param_update(io_params):
    return {RENAME.get(k, k): v for k, v in io_params.items()}


def epoch_fields(out):
    return {
        'active': list(out['active']),
        'validator_permit': list(out['new_validator_permit']),
        'consensus': list(out['u16']['consensus']),
        'incentive': list(out['u16']['incentive']),
        'dividends': list(out['u16']['dividends']),
        'validator_trust': list(out['u16']['validator_trust']),
        'incentive_fixed': [fixed_decimal(x) for x in out['incentive']],
        'dividends_fixed': [fixed_decimal(x) for x in out['dividends']],
        'server_emission': list(out['server_emission']),
        'validator_emission': list(out['validator_emission']),
        'emission': list(out['emission']),
        'bonds': [[[j, v] for j, v in row] for row in out['bonds']],
    }


def run_case(case):
    n = len(case['stake'])
    st = dict(n=n, block=case['block'], stake=list(case['stake']),
              weights=[[tuple(e) for e in r] for r in case['weights']],
              bonds=[[tuple(e) for e in r] for r in case['bonds']],
              last_update=list(case['last_update']),
              block_at_registration=list(case['block_at_registration']),
              validator_permit=list(case['validator_permit']))
    return yr.epoch(st, ref_params(case.get('params')), case['rao'])


# ---------------------------------------------------------------------------
# random helpers
# ---------------------------------------------------------------------------
def pick_u16(rng):
    r = rng.random()
    if r < 0.08:
        return 0
    if r < 0.16:
        return U16
    if r < 0.22:
        return rng.randint(1, 16)
    return rng.randint(0, U16)


def pick_bma(rng):
    return rng.choice([900000, 900000, 975000, 975000, 0, 500000, 999999, 1000000,
                       rng.randint(0, 1000000), rng.randint(800000, 999000)])


def pick_alpha_pair(rng, lo_given, hi_given):
    lo, hi = EPOCH_IO_DEFAULTS['alpha_low'], EPOCH_IO_DEFAULTS['alpha_high']
    if lo_given and hi_given:
        r = rng.random()
        if r < 0.15:
            lo = hi = rng.randint(1638, U16)
        elif r < 0.25:
            lo, hi = 1638, U16
        else:
            a, b = rng.randint(1638, U16), rng.randint(1638, U16)
            lo, hi = min(a, b), max(a, b)
    elif lo_given:
        lo = rng.randint(1638, hi)
    elif hi_given:
        hi = rng.randint(lo, U16)
    return lo, hi


def pick_tempo(rng):
    return rng.choice([1, 2, 10, 99, 100, 360, 360, 360, 1000, 7200, rng.randint(1, U16)])


def pick_factor(rng):
    return rng.choice([13889, 13889, 13889, 0, 1000, 2500, 5000, 20000, rng.randint(0, 50000)])


def pick_kappa(rng):
    return rng.choice([32767, 32767, 32768, 0, 1, U16, 16384, 49151, rng.randint(0, U16), rng.randint(0, U16)])


def pick_penalty(rng):
    return rng.choice([65535, 65535, 0, 0, 1, 32767, 65534, rng.randint(0, U16), rng.randint(0, U16)])


def pick_steepness(rng):
    return rng.choice([1000, 1000, 0, 1, 100, 500, 5000, 10000, 32767, rng.randint(0, 20000)])


# ---------------------------------------------------------------------------
# mode 1: pure epoch cases
# ---------------------------------------------------------------------------
def gen_params(rng, n, all_keys, force=None):
    """(io_params_to_write, effective) for one case."""
    force = force or {}
    present = set(PARAM_KEYS) if all_keys else {k for k in PARAM_KEYS if rng.random() < 0.35}
    present |= set(force)
    eff = dict(EPOCH_IO_DEFAULTS)
    if 'kappa' in present:
        eff['kappa'] = pick_kappa(rng)
    if 'bonds_penalty' in present:
        eff['bonds_penalty'] = pick_penalty(rng)
    if 'bonds_moving_average' in present:
        eff['bonds_moving_average'] = pick_bma(rng)
    if 'activity_cutoff_factor_milli' in present:
        eff['activity_cutoff_factor_milli'] = pick_factor(rng)
    if 'tempo' in present:
        eff['tempo'] = pick_tempo(rng)
    if 'max_allowed_validators' in present:
        eff['max_allowed_validators'] = rng.choice([
            64, 64, 1, 2, max(1, n - 1), n, n + 1, rng.randint(1, max(1, n)),
            rng.randint(n, n + 200), 256, 0 if rng.random() < 0.2 else 64])
    if 'yuma3' in present:
        eff['yuma3'] = rng.random() < 0.6
    if 'liquid_alpha' in present:
        eff['liquid_alpha'] = rng.random() < (0.7 if eff['yuma3'] else 0.4)
    eff['alpha_low'], eff['alpha_high'] = pick_alpha_pair(rng, 'alpha_low' in present, 'alpha_high' in present)
    if 'alpha_sigmoid_steepness' in present:
        eff['alpha_sigmoid_steepness'] = pick_steepness(rng)
    if 'owner_uid' in present:
        eff['owner_uid'] = rng.randrange(n) if rng.random() < 0.5 else None
    # stake_threshold and last_epoch_block depend on stake/block: filled in by the caller
    eff.update(force)
    return present, eff


def gen_stakes(rng, n, mode):
    if mode == 'zero':
        return [0] * n
    if mode == 'single':
        s = [0] * n
        s[rng.randrange(n)] = rng.choice([1, 10 ** 9, rng.randint(1, 10 ** 15), 1 << 62])
        return s
    if mode == 'huge':
        budget = I64_MAX
        s = []
        for _ in range(n):
            r = rng.random()
            if r < 0.3:
                v = 0
            elif r < 0.7:
                v = rng.randint(1 << 55, 1 << 62)
            else:
                v = rng.randint(0, 10 ** 12)
            v = min(v, budget)
            budget -= v
            s.append(v)
        rng.shuffle(s)
        return s
    if mode == 'equal':
        v = rng.choice([1, 1000, 10 ** 9, rng.randint(1, 10 ** 13)])
        return [v if rng.random() < 0.7 else 0 for _ in range(n)]
    if mode == 'tiny':
        return [rng.randint(0, 5) for _ in range(n)]
    # 'normal': a spread over many orders of magnitude, some zeros
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.35:
            out.append(0)
        elif r < 0.45:
            out.append(rng.randint(1, 1000))
        else:
            out.append(int(10 ** rng.uniform(6, 15)))
    return out


def gen_row(rng, n, i, k, self_weight, shuffled, zero_p, upscale):
    k = max(0, min(k, n))
    targets = rng.sample(range(n), k)
    if self_weight and i not in targets:
        if targets:
            targets[rng.randrange(len(targets))] = i
        else:
            targets = [i]
    elif not self_weight and i in targets and rng.random() < 0.5:
        targets.remove(i)
    if not shuffled:
        targets.sort()
    vals = [0 if rng.random() < zero_p else pick_u16(rng) for _ in targets]
    if upscale and vals:
        vals = yr.max_upscale_u16(vals)
    return [[j, v] for j, v in zip(targets, vals)]


def gen_row_coord(rng, n, i, pool, quality, incl_p, sigma, self_weight, shuffled, zero_p, upscale):
    targets = [j for j in pool if rng.random() < incl_p and j != i]
    if rng.random() < 0.1:
        extra = rng.randrange(n)
        if extra not in targets and extra != i:
            targets.append(extra)
    if self_weight:
        targets.append(i)
    if shuffled:
        rng.shuffle(targets)
    else:
        targets.sort()
    vals = []
    for j in targets:
        if rng.random() < zero_p:
            vals.append(0)
        else:
            q = quality.get(j, rng.random()) + rng.gauss(0, sigma)
            vals.append(max(0, min(U16, int(q * U16))))
    if upscale and vals:
        vals = yr.max_upscale_u16(vals)
    return [[j, v] for j, v in zip(targets, vals)]


def gen_case(rng, n, all_keys, force=None, stake_mode=None):
    """One random case of size n; `force` pins some params (they are then always written)."""
    present, eff = gen_params(rng, n, all_keys, force)
    tempo = eff['tempo']
    cutoff = max(1, eff['activity_cutoff_factor_milli'] * tempo // 1000)

    # block
    r = rng.random()
    if r < 0.15:
        block = rng.randint(1, max(1, tempo))                 # before the first full tempo
    elif r < 0.6:
        block = rng.randint(cutoff + 2, cutoff + 200000)
    else:
        block = rng.randint(10 ** 6, 10 ** 8)

    # last_epoch_block
    if 'last_epoch_block' in present and rng.random() < 0.55 and block > 1:
        leb = rng.choice([block - 1, max(1, block - tempo), rng.randint(1, block - 1)])
        eff['last_epoch_block'] = leb
    if 'last_epoch_block' in (force or {}):
        eff['last_epoch_block'] = force['last_epoch_block']
    last_tempo = max(block - tempo, 0) if eff['last_epoch_block'] == 0 else eff['last_epoch_block'] + 1

    stake_mode = stake_mode or rng.choice(['normal'] * 10 + ['zero', 'single', 'single', 'huge', 'huge',
                                                             'equal', 'equal', 'tiny'])
    stake = gen_stakes(rng, n, stake_mode)
    if n > 40:
        # bounded number of stakers on large subnets (keeps the files small)
        nz = [i for i in range(n) if stake[i] > 0]
        keep = set(rng.sample(nz, min(len(nz), rng.randint(1, rng.choice([16, 32, 64, 96])))))
        stake = [s if i in keep else 0 for i, s in enumerate(stake)]
    assert sum(stake) <= I64_MAX

    if 'stake_threshold' in present:
        pos = sorted(s for s in stake if s > 0)
        eff['stake_threshold'] = rng.choice([0, 0, 0, 0, 1, 1000, rng.choice(pos) if pos else 5,
                                             (pos[len(pos) // 2] if pos else 7), (pos[len(pos) // 4] if pos else 9),
                                             (pos[-1] + 1 if pos and rng.random() < 0.3 else 0),
                                             rng.randint(0, 10 ** 9)])
    if 'stake_threshold' in (force or {}):
        eff['stake_threshold'] = force['stake_threshold']

    # registration blocks: mostly old, some inside the bond-masking window, some very recent
    reg = []
    for _ in range(n):
        r = rng.random()
        if r < 0.65:
            reg.append(rng.randint(0, max(0, min(last_tempo, block) - 1)) if min(last_tempo, block) > 0 else 0)
        elif r < 0.85:
            reg.append(rng.randint(min(last_tempo, block), block))
        else:
            reg.append(rng.randint(max(0, block - 3 * cutoff), block))

    # permits stored by the previous epoch
    perm_mode = rng.random()
    permit = []
    for i in range(n):
        if perm_mode < 0.1:
            permit.append(True)
        elif perm_mode < 0.15:
            permit.append(False)
        else:
            permit.append(rng.random() < (0.9 if stake[i] > 0 else 0.15))

    # last_update: some validators inactive (incl. the exact cutoff boundary), some outdated
    inactive_p = rng.choice([0.0, 0.0, 0.1, 0.3, 1.0 if rng.random() < 0.1 else 0.2])
    outdated_p = rng.choice([0.0, 0.05, 0.2, 1.0 if rng.random() < 0.1 else 0.1])
    last_update = []
    for i in range(n):
        lo = reg[i]
        if block - cutoff - 1 >= lo and rng.random() < inactive_p:
            # inactive: last_update + cutoff < block
            lu = rng.choice([block - cutoff - 1, rng.randint(lo, block - cutoff - 1)])
        elif rng.random() < outdated_p:
            lu = lo      # same block as own registration: outdated against recent targets
        else:
            a = max(lo, block - cutoff)
            lu = rng.choice([block, block - cutoff if block - cutoff >= lo else block, rng.randint(min(a, block), block)])
        last_update.append(lu)

    # weights
    big = n > 128
    max_row = n if not big else rng.choice([8, 16, 32, 64])
    shuffle_p = rng.choice([0.0, 0.3, 0.6, 1.0])
    zero_p = rng.choice([0.0, 0.05, 0.2, 0.5])
    upscale = rng.random() < 0.5
    self_p = rng.choice([0.0, 0.1, 0.3])
    empty_p = rng.choice([0.0, 0.05, 0.2])
    # most cases: validators score a common pool of miners around a hidden quality, so that
    # consensus is non-zero; the rest: independent random rows
    coordinated = rng.random() < 0.75
    pool = rng.sample(range(n), rng.randint(1, min(n, max_row)))
    quality = {j: rng.random() ** 2 for j in pool}
    incl_p = rng.choice([1.0, 0.9, 0.7, 0.5])
    sigma = rng.choice([0.0, 0.02, 0.1, 0.3])
    weights = []
    for i in range(n):
        is_val = stake[i] > 0 or permit[i]
        if not is_val:
            r = rng.random()
            if r < 0.25:
                weights.append([[i, rng.choice([U16, pick_u16(rng)])]])      # miner self weight
            elif r < 0.3:
                weights.append(gen_row(rng, n, i, rng.randint(1, min(max_row, 8)), False, True, zero_p, upscale))
            else:
                weights.append([])
            continue
        if rng.random() < empty_p or (stake[i] == 0 and rng.random() < 0.5):
            weights.append([])
            continue
        if coordinated:
            weights.append(gen_row_coord(rng, n, i, pool, quality, incl_p, sigma, rng.random() < self_p,
                                         rng.random() < shuffle_p, zero_p, upscale))
            continue
        k = rng.randint(1, max_row) if rng.random() < 0.7 else rng.randint(max(1, max_row // 2), max_row)
        weights.append(gen_row(rng, n, i, k, rng.random() < self_p, rng.random() < shuffle_p, zero_p, upscale))

    # stored bonds
    bond_p = rng.choice([0.0, 0.5, 0.9, 1.0])
    unsorted_bonds = rng.random() < 0.08
    bonds = []
    for i in range(n):
        if rng.random() < bond_p and (permit[i] or rng.random() < 0.2):
            k = rng.randint(0, min(n, max_row))
            targets = rng.sample(range(n), k)
            if unsorted_bonds:
                rng.shuffle(targets)
            else:
                targets.sort()
            bonds.append([[j, pick_u16(rng)] for j in targets])
        else:
            bonds.append([])

    rao = rng.choice([0, 1, 10 ** 9, 10 ** 9, 10 ** 12, rng.randint(0, 10 ** 12), rng.randint(0, 10 ** 6),
                      rng.randint(10 ** 8, 10 ** 10)])

    params = {k: eff[k] for k in PARAM_KEYS if k in present}
    case = {'params': params, 'block': block, 'rao': rao, 'stake': stake, 'weights': weights,
            'bonds': bonds, 'last_update': last_update, 'block_at_registration': reg,
            'validator_permit': permit}
    return case


def special_cases():
    """Hand-made corner cases, all written with every params key except the last two."""
    cases = []
    P = lambda **kw: dict(EPOCH_IO_DEFAULTS, **kw)

    def base(n, block=1000, **kw):
        c = {'params': P(**kw), 'block': block, 'rao': 10 ** 9, 'stake': [0] * n,
             'weights': [[] for _ in range(n)], 'bonds': [[] for _ in range(n)],
             'last_update': [block] * n, 'block_at_registration': [1] * n,
             'validator_permit': [False] * n}
        return c

    # n=1: self weight only (removed), no stake
    c = base(1); c['weights'] = [[[0, U16]]]; cases.append(c)
    # n=1: owner keeps its self weight
    c = base(1, owner_uid=0); c['stake'] = [10 ** 9]; c['weights'] = [[[0, U16]]]; c['validator_permit'] = [True]
    cases.append(c)
    # n=1 yuma3 + liquid alpha, owner with self weight
    c = base(1, owner_uid=0, yuma3=True, liquid_alpha=True); c['stake'] = [5]; c['weights'] = [[[0, 7]]]
    c['bonds'] = [[[0, 30000]]]; cases.append(c)
    # all-zero stake with weights
    c = base(8); c['weights'] = [[[j, 1000 * (j + 1)] for j in range(8) if j != i] for i in range(8)]
    c['validator_permit'] = [True] * 8; cases.append(c)
    # single staker, no weights: stake fallback
    c = base(6); c['stake'] = [0, 0, 123456789, 0, 0, 0]; c['validator_permit'] = [False, False, True, False, False, False]
    cases.append(c)
    # single staker with weights
    c = base(6, yuma3=True); c['stake'] = [0, 0, 10 ** 12, 0, 0, 0]; c['validator_permit'] = [True] * 6
    c['weights'][2] = [[5, 65535], [0, 0], [3, 1]]; cases.append(c)
    # all inactive: active stake 0 -> fallback to S
    c = base(5, block=100000); c['stake'] = [1, 2, 3, 0, 0]; c['validator_permit'] = [True] * 5
    c['last_update'] = [10, 10, 10, 10, 10]; c['weights'] = [[[3, 1], [4, 2]]] * 3 + [[], []]; cases.append(c)
    # activity boundary: lu + cutoff == block (active) vs lu + cutoff + 1 == block (inactive)
    c = base(4, block=6000); c['stake'] = [10, 10, 0, 0]; c['validator_permit'] = [True, True, False, False]
    c['last_update'] = [1000, 999, 1, 1]; c['weights'] = [[[2, 100], [3, 50]], [[3, 100]], [], []]; cases.append(c)
    # stake threshold filters everybody except the owner
    c = base(5, stake_threshold=1000, owner_uid=4); c['stake'] = [999, 5, 0, 1, 2]
    c['validator_permit'] = [True] * 5; c['weights'] = [[[1, 1]], [[0, 1]], [], [[4, 9]], [[4, 1], [0, 3]]]
    cases.append(c)
    # threshold above every stake, no owner: S = 0
    c = base(4, stake_threshold=10 ** 6); c['stake'] = [5, 6, 7, 8]; c['validator_permit'] = [True] * 4
    c['weights'] = [[[1, 3]], [[2, 3]], [[3, 3]], [[0, 3]]]; cases.append(c)
    # equal stakes, k < n: lower uids lose permits first
    c = base(10, max_allowed_validators=3); c['stake'] = [7] * 10; c['validator_permit'] = [True] * 10; cases.append(c)
    # k = 0
    c = base(4, max_allowed_validators=0); c['stake'] = [1, 2, 3, 4]; c['validator_permit'] = [True] * 4
    c['weights'] = [[[1, 5]], [[2, 5]], [[3, 5]], [[0, 5]]]; cases.append(c)
    # outdated weights: last_update <= reg (equality included)
    c = base(4, block=500); c['stake'] = [10, 0, 0, 0]; c['validator_permit'] = [True, False, False, False]
    c['last_update'] = [200, 200, 200, 200]; c['block_at_registration'] = [1, 200, 199, 201]
    c['weights'][0] = [[1, 100], [2, 100], [3, 100]]; cases.append(c)
    # huge stakes (total just below 2^63)
    c = base(4, yuma3=True); c['stake'] = [1 << 62, (1 << 62) - 2, 1, 0]; c['validator_permit'] = [True] * 4
    c['weights'] = [[[2, 1], [3, 65535]], [[3, 65535], [2, 65535]], [[3, 1]], []]; cases.append(c)
    # rao 0 and 10^12
    for rao in (0, 10 ** 12):
        c = base(3); c['rao'] = rao; c['stake'] = [3, 4, 0]; c['validator_permit'] = [True] * 3
        c['weights'] = [[[2, 9]], [[2, 9], [0, 4]], []]; c['bonds'] = [[[2, 65535]], [[2, 10]], []]; cases.append(c)
    # kappa extremes with a 50/50 split
    for kappa in (0, 32767, 32768, 65535):
        c = base(4, kappa=kappa); c['stake'] = [5, 5, 0, 0]; c['validator_permit'] = [True, True, False, False]
        c['weights'] = [[[2, 10000], [3, 65535]], [[2, 65535], [3, 10000]], [], []]; cases.append(c)
    # yuma3 + liquid alpha, unsorted rows, penalty 0 / 1 / between
    for pen in (0, 65535, 20000):
        c = base(6, yuma3=True, liquid_alpha=True, bonds_penalty=pen)
        c['stake'] = [100, 200, 300, 0, 0, 0]; c['validator_permit'] = [True] * 6
        c['weights'] = [[[5, 100], [3, 65535], [4, 0]], [[3, 5], [4, 65535], [5, 1000]], [[4, 50], [5, 60], [3, 70]], [], [], []]
        c['bonds'] = [[[3, 100], [4, 20000], [5, 65535]], [[3, 65535]], [[5, 1]], [], [], []]
        cases.append(c)
    # last_epoch_block masking bonds on recently registered uids
    c = base(5, block=10000, last_epoch_block=9000, tempo=1000)
    c['stake'] = [10, 20, 0, 0, 0]; c['validator_permit'] = [True, True, False, False, False]
    c['block_at_registration'] = [1, 1, 9000, 9001, 9500]; c['last_update'] = [10000, 10000, 9000, 9001, 9500]
    c['weights'] = [[[2, 1], [3, 1], [4, 1]], [[4, 1], [2, 2]], [], [], []]
    c['bonds'] = [[[2, 500], [3, 600], [4, 700]], [[2, 65535], [3, 65535], [4, 65535]], [], [], []]
    cases.append(c)
    # block < tempo, last_epoch_block 0 -> last_tempo = 0: every bond masked
    c = base(3, block=5, tempo=360); c['stake'] = [1, 0, 0]; c['validator_permit'] = [True, False, False]
    c['block_at_registration'] = [0, 0, 1]; c['weights'][0] = [[1, 1], [2, 1]]; c['bonds'][0] = [[1, 9], [2, 9]]
    cases.append(c)
    # empty weights everywhere but stored bonds
    c = base(4, yuma3=True); c['stake'] = [1, 1, 1, 1]; c['validator_permit'] = [True] * 4
    c['bonds'] = [[[1, 65535]], [[2, 65535]], [[3, 0]], [[0, 1]]]; cases.append(c)
    # a case without a params object, and one with an empty one
    c = base(4); del c['params']; c['stake'] = [1, 2, 0, 0]; c['validator_permit'] = [True, True, False, False]
    c['weights'] = [[[2, 1], [3, 2]], [[3, 1]], [], []]; cases.append(c)
    c = base(4); c['params'] = {}; c['stake'] = [1, 2, 0, 0]; c['validator_permit'] = [True, True, False, False]
    c['weights'] = [[[3, 1], [2, 2]], [[2, 1]], [], []]; c['bonds'] = [[[2, 100]], [[3, 100]], [], []]; cases.append(c)
    return cases


def gen_epoch_cases():
    cases = special_cases()
    n_special = len(cases)
    rng = random.Random(20240601)
    sizes = []
    for _ in range(285 - n_special):
        r = rng.random()
        if r < 0.30:
            sizes.append(rng.randint(1, 8))
        elif r < 0.62:
            sizes.append(rng.randint(9, 40))
        elif r < 0.87:
            sizes.append(rng.randint(41, 128))
        else:
            sizes.append(rng.randint(129, 300))
    for k, n in enumerate(sizes):
        crng = random.Random(1_000_003 * (k + 1))
        cases.append(gen_case(crng, n, all_keys=(k % 2 == 0)))
    # a handful of deliberately covered combinations
    combos = [
        dict(yuma3=True, liquid_alpha=True, bonds_penalty=0),
        dict(yuma3=True, liquid_alpha=True, bonds_penalty=65535),
        dict(yuma3=True, liquid_alpha=True, bonds_penalty=30000),
        dict(yuma3=False, liquid_alpha=True),
        dict(yuma3=True, liquid_alpha=False, bonds_moving_average=975000),
        dict(yuma3=False, bonds_moving_average=975000, bonds_penalty=0),
        dict(yuma3=True, liquid_alpha=True, alpha_low=1638, alpha_high=65535, alpha_sigmoid_steepness=0),
        dict(yuma3=True, liquid_alpha=True, alpha_low=60000, alpha_high=60000),
        dict(yuma3=False, max_allowed_validators=5),
        dict(yuma3=True, max_allowed_validators=300),
        dict(yuma3=True, liquid_alpha=True, owner_uid=3),
        dict(yuma3=False, owner_uid=0, stake_threshold=10 ** 9),
    ]
    for k, f in enumerate(combos):
        crng = random.Random(77_000 + k)
        cases.append(gen_case(crng, crng.randint(4, 60), all_keys=True, force=f))
    # large sparse case
    crng = random.Random(1024)
    cases.append(gen_case(crng, 1024, all_keys=True, force=dict(yuma3=True, liquid_alpha=True),
                          stake_mode='normal'))
    crng = random.Random(1025)
    cases.append(gen_case(crng, 512, all_keys=True, force=dict(yuma3=False), stake_mode='huge'))
    return cases


# ---------------------------------------------------------------------------
# mode 2: scenarios
# ---------------------------------------------------------------------------
class Sim:
    """Drives a yuma_ref.Subnet exactly as yuma_ref.run_scenario does, recording steps and outputs."""

    def __init__(self, n_max, immunity, io_params):
        self.n_max, self.immunity, self.io_params = n_max, immunity, io_params
        self.sn = yr.Subnet(n_max, ref_params(io_params), immunity_period=immunity)
        self.steps, self.expected = [], []
        self.next_hotkey = 0
        self.epochs = 0
        self.prunes = {'non_immune': 0, 'immune_rule': 0, 'all_immune': 0}

    def can_register(self, block):
        sn = self.sn
        if sn.n < sn.n_max:
            return True
        free = sum(1 for u in range(sn.n) if not block - sn.reg[u] < sn.immunity)
        return free > sn.min_non_immune or free < sn.n    # otherwise the chain refuses (no candidate)

    def register(self, block):
        if not self.can_register(block):
            return None
        sn = self.sn
        if sn.n >= sn.n_max:
            free = sum(1 for u in range(sn.n) if not block - sn.reg[u] < sn.immunity)
            kind = 'non_immune' if free > sn.min_non_immune else ('immune_rule' if free else 'all_immune')
            self.prunes[kind] += 1
        hk = self.next_hotkey
        self.next_hotkey += 1
        self.steps.append({'op': 'register', 'hotkey': hk, 'block': block})
        uid = sn.register(hk, block)
        self.expected.append({'op': 'register', 'uid': uid})
        return hk, uid

    def add_stake(self, uid, amount):
        self.steps.append({'op': 'add_stake', 'uid': uid, 'amount': amount})
        self.sn.add_stake(uid, amount)
        self.expected.append({'op': 'add_stake'})

    def set_weights(self, uid, dests, values, block):
        assert len(set(dests)) == len(dests) and all(0 <= d < self.sn.n for d in dests)
        assert all(0 <= v <= U16 for v in values)
        self.steps.append({'op': 'set_weights', 'uid': uid, 'dests': list(dests), 'values': list(values),
                           'block': block})
        self.sn.set_weights(uid, dests, values, block)
        self.expected.append({'op': 'set_weights'})

    def set_param(self, io_params):
        self.steps.append({'op': 'set_param', 'params': dict(io_params)})
        self.sn.p.update(ref_param_update(io_params))
        self.expected.append({'op': 'set_param'})

    def set_state(self, permit=None, last_update=None, raw_weights=None):
        s = {'op': 'set_state'}
        sn = self.sn
        if permit is not None:
            s['validator_permit'] = list(permit)
            sn.permit = list(permit)
        if last_update is not None:
            s['last_update'] = list(last_update)
            sn.last_update = list(last_update)
        if raw_weights:
            s['raw_weights'] = {str(u): [list(e) for e in row] for u, row in raw_weights.items()}
            for uid, row in s['raw_weights'].items():
                sn.weights[int(uid)] = [tuple(x) for x in row]
        self.steps.append(s)
        self.expected.append({'op': 'set_state'})

    def reset_bonds(self, uid):
        self.steps.append({'op': 'reset_bonds', 'uid': uid})
        self.sn.reset_bonds(uid)
        self.expected.append({'op': 'reset_bonds'})

    def epoch(self, block, rao):
        self.steps.append({'op': 'epoch', 'block': block, 'rao': rao})
        out = self.sn.run_epoch(block, rao)
        e = {'op': 'epoch'}
        e.update(epoch_fields(out))
        self.expected.append(e)
        self.epochs += 1
        return out


def scenario_configs():
    """~40 scenario descriptions; features are assigned round-robin so each one recurs."""
    cfgs = []
    modes = ['classic', 'yuma3', 'yuma3_la']
    for k in range(39):
        rng = random.Random(5_000 + k)
        prune = k % 2 == 0
        c = {
            'name': None, 'seed': 9_000 + k, 'mode': modes[k % 3], 'prune': prune,
            'n_max': rng.choice([4, 5, 6, 8, 10, 12, 14, 16, 20, 24, 32, 48, 64]) if k % 5 else rng.choice([12, 16, 24]),
            'epochs': rng.randint(5, 60),
            'tempo': rng.choice([1, 5, 10, 100, 360]),
            'all_params': k % 4 != 3,
            'set_param': k % 3 == 1 or k % 7 == 0,
            'set_state': k % 4 == 2 or k % 9 == 0,
            'reset_bonds': k % 5 == 1 or k % 6 == 0,
            'inactive': k % 3 == 0 or k % 8 == 5,
            'stake_growth': k % 2 == 1 or k % 5 == 0,
            'owner': (not prune) and k % 3 == 1,
            'last_epoch_block': (not prune) and k % 10 == 3,
            'immunity': None,
        }
        if prune:
            c['immunity'] = rng.choice(['zero', 'short', 'short', 'mid', 'long'])
            if c['immunity'] == 'zero' and c['n_max'] <= 11:
                c['immunity'] = 'short'     # nothing could be pruned: the chain refuses the registration
        else:
            c['immunity'] = rng.choice(['mid', 'long'])
        # keep output size bounded
        while c['n_max'] * c['epochs'] > 900:
            c['epochs'] = max(5, c['epochs'] // 2)
        if c['n_max'] >= 48:
            c['epochs'] = min(c['epochs'], 14)
        cfgs.append(c)
    for k, c in enumerate(cfgs):
        tags = [c['mode'], 'prune' if c['prune'] else 'fixed', f"n{c['n_max']}"]
        c['name'] = f"s{k + 1:02d}_" + '_'.join(tags)
    cfgs.append({'name': 's40_big_n256', 'seed': 9_999, 'mode': 'yuma3', 'prune': True, 'n_max': 256,
                 'epochs': 3, 'tempo': 360, 'all_params': True, 'set_param': False, 'set_state': False,
                 'reset_bonds': True, 'inactive': False, 'stake_growth': False, 'owner': False,
                 'last_epoch_block': False, 'immunity': 'short', 'big': True})
    return cfgs


def gen_scenario(cfg):
    rng = random.Random(cfg['seed'])
    n_max, tempo = cfg['n_max'], cfg['tempo']
    params = dict(EPOCH_IO_DEFAULTS)
    params['tempo'] = tempo
    params['yuma3'] = cfg['mode'] != 'classic'
    params['liquid_alpha'] = cfg['mode'] == 'yuma3_la' or (cfg['mode'] == 'classic' and rng.random() < 0.3)
    params['kappa'] = pick_kappa(rng) if rng.random() < 0.4 else 32767
    params['bonds_penalty'] = pick_penalty(rng) if rng.random() < 0.5 else 65535
    params['bonds_moving_average'] = pick_bma(rng) if rng.random() < 0.6 else 900000
    params['activity_cutoff_factor_milli'] = rng.choice([2000, 3000, 5000]) if cfg['inactive'] else 13889
    params['max_allowed_validators'] = rng.choice([64, 64, max(1, n_max // 3), max(1, n_max // 2), n_max + 5])
    if cfg['mode'] == 'yuma3_la':
        params['alpha_low'], params['alpha_high'] = pick_alpha_pair(rng, rng.random() < 0.5, rng.random() < 0.5)
        params['alpha_sigmoid_steepness'] = pick_steepness(rng) if rng.random() < 0.5 else 1000
    if cfg['owner']:
        params['owner_uid'] = rng.randrange(min(n_max, 4))
    if cfg['last_epoch_block']:
        params['last_epoch_block'] = rng.randint(1, tempo * 3)
    if rng.random() < 0.3:
        params['stake_threshold'] = rng.choice([1, 10 ** 9, 10 ** 11])
    if cfg['all_params']:
        io_params = params
    else:
        io_params = {k: v for k, v in params.items()
                     if v != EPOCH_IO_DEFAULTS[k] and rng.random() < 0.8 or k in ('yuma3', 'liquid_alpha')}
        if io_params.get('liquid_alpha'):
            io_params['alpha_low'], io_params['alpha_high'] = params['alpha_low'], params['alpha_high']
    io_params = {k: io_params[k] for k in PARAM_KEYS if k in io_params}

    imm = {'zero': 0, 'short': tempo * rng.randint(2, 6), 'mid': tempo * rng.randint(8, 20),
           'long': rng.choice([5000, 10 ** 6, tempo * 200])}[cfg['immunity']]
    sim = Sim(n_max, imm, io_params)
    sn = sim.sn
    quality, role, behaviour = {}, {}, {}
    behaviours = ['honest', 'honest', 'honest', 'noisy', 'lazy', 'random', 'selfish', 'subset', 'shuffler']

    def new_neuron(block, force_role=None):
        r = sim.register(block)
        if r is None:
            return None
        hk, uid = r
        quality[hk] = rng.random() ** 2
        role[hk] = force_role or ('v' if rng.random() < 0.3 else 'm')
        if role[hk] == 'v':
            behaviour[hk] = rng.choice(behaviours)
            if cfg['inactive'] and rng.random() < 0.3:
                behaviour[hk] = 'quits'
        return hk, uid

    block = rng.randint(1, 3)
    n_init = n_max if cfg['prune'] or rng.random() < 0.5 else rng.randint(max(1, n_max // 2), n_max)
    n_val = max(1, min(n_init - 1 if n_init > 1 else 1, rng.randint(1, max(1, n_init // 3 + 1))))
    if cfg.get('big'):
        n_val = 24
    roles = ['v'] * n_val + ['m'] * (n_init - n_val)
    rng.shuffle(roles)
    for i, ro in enumerate(roles):
        b = block + (i // 4 if rng.random() < 0.5 else 0)
        new_neuron(b, ro)
    block = max(s.get('block', 0) for s in sim.steps)
    for uid in range(sn.n):
        hk = sn.hotkeys[uid]
        if role[hk] == 'v':
            sim.add_stake(uid, rng.choice([10 ** 9, rng.randint(10 ** 9, 10 ** 14), int(10 ** rng.uniform(9, 16))]))
        elif rng.random() < 0.15:
            sim.add_stake(uid, rng.randint(1, 10 ** 6))
    rao_mode = rng.choice(['fixed', 'fixed', 'random'])
    quit_epoch = {}
    last_weights_epoch = {}

    for e in range(cfg['epochs']):
        cur_tempo = sn.p['tempo']
        epoch_block = block + cur_tempo + (rng.randint(0, 2) if rng.random() < 0.2 else 0)
        b = block + 1
        # registrations
        if cfg['prune']:
            for _ in range(rng.choice([0, 1, 1, 2, 3] if not cfg.get('big') else [2, 4])):
                new_neuron(min(b, epoch_block), None)
        elif sn.n < n_max and rng.random() < 0.5:
            new_neuron(min(b, epoch_block), None)
        # stake growth
        if cfg['stake_growth'] and rng.random() < 0.5:
            for _ in range(rng.randint(1, 3)):
                vals = [u for u in range(sn.n) if role[sn.hotkeys[u]] == 'v']
                if vals and rng.random() < 0.85:
                    sim.add_stake(rng.choice(vals), rng.randint(10 ** 9, 10 ** 12))
                else:
                    sim.add_stake(rng.randrange(sn.n), rng.randint(1, 10 ** 6))
        # weights
        miners = [u for u in range(sn.n) if role[sn.hotkeys[u]] == 'm']
        for uid in range(sn.n):
            hk = sn.hotkeys[uid]
            if role[hk] != 'v':
                if rng.random() < 0.05:
                    sim.set_weights(uid, [uid], [rng.randint(1, U16)], rng.randint(b, epoch_block))
                continue
            bh = behaviour[hk]
            if bh == 'quits':
                quit_epoch.setdefault(hk, rng.randint(1, max(1, cfg['epochs'] // 2)))
                if e >= quit_epoch[hk]:
                    continue
            if bh == 'lazy' and e - last_weights_epoch.get(hk, -99) < 4:
                continue
            if rng.random() < 0.07:
                continue          # skips this epoch
            if cfg.get('big'):
                top = miners[:40]
                pool = rng.sample(top, min(len(top), 32)) if top else []
            elif bh == 'subset' and miners:
                pool = rng.sample(miners, rng.randint(1, len(miners)))
            else:
                pool = list(miners)
            if bh == 'selfish' or rng.random() < 0.05:
                pool = pool + [uid]
            if rng.random() < 0.1 and sn.n > 1:
                pool = pool + [rng.choice([u for u in range(sn.n) if u not in pool] or [uid])]
            pool = list(dict.fromkeys(pool))
            if bh == 'shuffler' or rng.random() < 0.15:
                rng.shuffle(pool)
            else:
                pool.sort()
            scale = rng.choice([U16, U16, 1000, 30000, 40000])
            sigma = {'honest': 0.05, 'noisy': 0.3, 'shuffler': 0.1}.get(bh, 0.1)
            vals = []
            for d in pool:
                if bh == 'random':
                    q = rng.random()
                elif d == uid:
                    q = 1.0
                else:
                    q = quality[sn.hotkeys[d]] + rng.gauss(0, sigma)
                vals.append(max(0, min(U16, int(round(max(0.0, q) * scale)))))
            if rng.random() < 0.02:
                vals = [0] * len(vals)
            sim.set_weights(uid, pool, vals, rng.randint(b, epoch_block))
            last_weights_epoch[hk] = e
        # parameter changes
        if cfg['set_param'] and rng.random() < 0.2:
            ch = {}
            for key in rng.sample(['tempo', 'kappa', 'bonds_penalty', 'bonds_moving_average',
                                   'max_allowed_validators', 'liquid_alpha', 'stake_threshold'], rng.randint(1, 3)):
                if key == 'tempo':
                    ch[key] = rng.choice([1, 5, 10, 50, 100, 360])
                elif key == 'kappa':
                    ch[key] = pick_kappa(rng)
                elif key == 'bonds_penalty':
                    ch[key] = pick_penalty(rng)
                elif key == 'bonds_moving_average':
                    ch[key] = pick_bma(rng)
                elif key == 'max_allowed_validators':
                    ch[key] = rng.randint(1, n_max + 3)
                elif key == 'liquid_alpha':
                    ch[key] = not sn.p['liquid_alpha']
                elif key == 'stake_threshold':
                    ch[key] = rng.choice([0, 0, 10 ** 6, 10 ** 10])
            sim.set_param({k: ch[k] for k in PARAM_KEYS if k in ch})
        # state overrides
        if cfg['set_state'] and rng.random() < 0.2:
            kw = {}
            if rng.random() < 0.5:
                kw['permit'] = [rng.random() < 0.5 for _ in range(sn.n)]
            if rng.random() < 0.5:
                lu = list(sn.last_update)
                for u in rng.sample(range(sn.n), rng.randint(1, min(3, sn.n))):
                    lu[u] = rng.choice([0, max(0, epoch_block - 10 ** 6), sn.reg[u], epoch_block])
                kw['last_update'] = lu
            if rng.random() < 0.6 or not kw:
                rw = {}
                for u in sorted(rng.sample(range(sn.n), rng.randint(1, min(2, sn.n)))):
                    k2 = rng.randint(0, sn.n)
                    ts = rng.sample(range(sn.n), k2)
                    rw[u] = [[j, pick_u16(rng)] for j in ts]
                kw['raw_weights'] = rw
            sim.set_state(**kw)
        if cfg['reset_bonds'] and rng.random() < 0.15:
            sim.reset_bonds(rng.randrange(sn.n))
        rao = 10 ** 9 if rao_mode == 'fixed' else rng.choice([0, 1, 10 ** 9, rng.randint(0, 10 ** 12)])
        sim.epoch(epoch_block, rao)
        block = epoch_block
    total = sum(sn.hk_stake.values())
    assert total <= I64_MAX
    sc = {'n_max': n_max, 'immunity_period': imm, 'params': io_params, 'steps': sim.steps}
    return sc, sim


# ---------------------------------------------------------------------------
# checks
# ---------------------------------------------------------------------------
def check_case_shape(case):
    n = len(case['stake'])
    for key in ('weights', 'bonds', 'last_update', 'block_at_registration', 'validator_permit'):
        assert len(case[key]) == n, key
    for rows in (case['weights'], case['bonds']):
        for row in rows:
            ts = [j for j, _ in row]
            assert len(set(ts)) == len(ts) and all(0 <= j < n for j in ts)
            assert all(0 <= v <= U16 for _, v in row)
    assert 0 <= sum(case['stake']) <= I64_MAX
    p = dict(EPOCH_IO_DEFAULTS, **case.get('params', {}))
    assert 1638 <= p['alpha_low'] <= p['alpha_high'] <= U16
    assert 0 <= case['rao'] <= 10 ** 12


def snapshot(out):
    """Copy of an epoch's outputs (Subnet keeps aliases to these lists and mutates them later)."""
    return epoch_fields(out), {'incentive': list(out['incentive']), 'dividends': list(out['dividends'])}


def compare_epoch(exp, snap, where):
    got, raw = snap
    assert list(exp) == OUTPUT_KEYS, (where, list(exp))
    for k in OUTPUT_KEYS:
        if k in ('incentive_fixed', 'dividends_fixed'):
            bits = raw[k.split('_')[0]]
            assert len(exp[k]) == len(bits), (where, k)
            for d, b in zip(exp[k], bits):
                assert isinstance(d, (Decimal, int)), (where, k, d)
                assert Decimal(d) * (1 << 32) == b, (where, k, d, b)
        else:
            assert exp[k] == got[k], (where, k)


def verify(out_dir):
    getcontext().prec = 80
    load = lambda p: json.loads(Path(p).read_text(encoding='utf-8'), parse_float=Decimal)
    cases = load(out_dir / 'epoch-in.json')
    expected = load(out_dir / 'epoch-in.expected.json')
    assert len(cases) == len(expected)
    for k, (c, e) in enumerate(zip(cases, expected)):
        check_case_shape(c)
        compare_epoch(e, snapshot(run_case(c)), f"case {k}")
    print(f"verified {len(cases)} epoch cases")

    class Capture(yr.Subnet):
        log = []

        def register(self, hotkey, block):
            uid = super().register(hotkey, block)
            Capture.log.append(('register', uid))
            return uid

        def run_epoch(self, block, rao):
            out = super().run_epoch(block, rao)
            Capture.log.append(('epoch', snapshot(out)))
            return out

    orig = yr.Subnet
    yr.Subnet = Capture
    try:
        names = sorted(p.name[:-5] for p in (out_dir / 'scenarios').glob('*.json')
                       if not p.name.endswith('.expected.json'))
        n_ep = 0
        for name in names:
            sc = load(out_dir / 'scenarios' / f'{name}.json')
            exp = load(out_dir / 'scenarios' / f'{name}.expected.json')
            assert len(exp) == len(sc['steps']), name
            ref_sc = {'n_max': sc['n_max'], 'immunity_period': sc['immunity_period'],
                      'params': ref_params(sc['params']),
                      'steps': [dict(s, params=ref_param_update(s['params'])) if s['op'] == 'set_param' else s
                                for s in sc['steps']]}
            Capture.log = []
            errs, _, _ = yr.run_scenario(ref_sc)
            assert not errs, (name, errs)
            log = iter(Capture.log)
            for k, (s, e) in enumerate(zip(sc['steps'], exp)):
                assert e['op'] == s['op'], (name, k)
                if s['op'] == 'register':
                    kind, uid = next(log)
                    assert kind == 'register' and list(e) == ['op', 'uid'] and e['uid'] == uid, (name, k)
                elif s['op'] == 'epoch':
                    kind, out = next(log)
                    assert kind == 'epoch'
                    e = dict(e)
                    del e['op']
                    compare_epoch(e, out, f"{name} step {k}")
                    n_ep += 1
                else:
                    assert list(e) == ['op'], (name, k)
            assert next(log, None) is None
    finally:
        yr.Subnet = orig
    print(f"verified {len(names)} scenarios ({n_ep} epochs)")


# ---------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('spec_dir', nargs='?', default=str(DEFAULT_SPEC_DIR), help='directory of yuma_ref.py')
    ap.add_argument('out_dir', nargs='?', default=str(DEFAULT_OUT_DIR), help='output directory')
    ap.add_argument('--verify', action='store_true', help='only re-check the existing files')
    a = ap.parse_args()
    global yr
    sys.path.insert(0, os.path.abspath(a.spec_dir))
    import yuma_ref
    yr = yuma_ref
    out_dir = Path(a.out_dir)

    if a.verify:
        verify(out_dir)
        return

    for d in check_defaults():
        print('WARNING: default mismatch:', d, file=sys.stderr)

    cases = gen_epoch_cases()
    expected = []
    for c in cases:
        check_case_shape(c)
        expected.append(epoch_fields(run_case(c)))
    write_file(out_dir / 'epoch-in.json', dumps_array_lines(cases))
    write_file(out_dir / 'epoch-in.expected.json', dumps_array_lines(expected))
    print(f"{len(cases)} epoch cases")

    sc_dir = out_dir / 'scenarios'
    written = set()
    total_epochs = 0
    prunes = {'non_immune': 0, 'immune_rule': 0, 'all_immune': 0}
    for cfg in scenario_configs():
        sc, sim = gen_scenario(cfg)
        write_file(sc_dir / f"{cfg['name']}.json", dumps_scenario(sc))
        write_file(sc_dir / f"{cfg['name']}.expected.json", dumps_array_lines(sim.expected))
        written |= {f"{cfg['name']}.json", f"{cfg['name']}.expected.json"}
        total_epochs += sim.epochs
        for k in prunes:
            prunes[k] += sim.prunes[k]
    for p in sorted(sc_dir.glob('*.json')):
        if p.name not in written:
            p.unlink()
    print(f"{len(written) // 2} scenarios, {total_epochs} epochs, prunes {prunes}")


if __name__ == '__main__':
    main()
