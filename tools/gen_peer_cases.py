#!/usr/bin/python3
"""Writes tests/peers/<peer>.jsonl: reference values of the schedulers of PyTorch, Optax, Keras, timm,
Hugging Face transformers, fastai and MXNet, each next to the same schedule written in lrsched's text form.

PyTorch runs here (Debian's python3-torch, `apt-get install python3-torch`; run this with /usr/bin/python3):
its schedulers are stepped on a real SGD optimizer and `optimizer.param_groups[0]['lr']` is recorded before
each step, so the values include PyTorch's own rounding (its chainable schedulers multiply the previous lr
by a factor at every step).

The other peers do not run here. Their formulas are transcribed below, one small function per scheduler,
from the peer's source file named next to it (repository, path and the commit read); each transcription
keeps the peer's boundary rules (`<` or `<=`, clipping, the floating `log` that finds restart cycles) and
its order of operations, computed in Python floats (IEEE double). Where the peer itself computes in float32
(JAX and Keras by default, fastai's phase table), that is said in docs/cookbook.md.

One JSON object per line: id, source, reference (the peer call), expr (lrsched text), first, last (the
inclusive iteration range) and values. The files are committed; the tests never need Python.

    /usr/bin/python3 tools/gen_peer_cases.py [--check path/to/lrsched]

--check evaluates every committed case (tests/peers/*.jsonl, read as they are: nothing is regenerated or
written, and PyTorch is not needed) with the given `lrsched` binary and reports, per case, the largest deviation
against SPEC's tolerance |got - want| <= 1e-12 + 1e-9 |want|.
"""
import bisect
import json
import math
import pathlib
import subprocess
import sys
import warnings

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "peers"

cases = {}  # peer -> list of case dicts


def add(peer, case_id, source, reference, expr, values, first=0):
    values = [float(v) for v in values]
    for v in values:
        assert math.isfinite(v), case_id
    cases.setdefault(peer, []).append({
        "id": case_id, "source": source, "reference": reference, "expr": expr,
        "first": first, "last": first + len(values) - 1, "values": values})


def num(x):
    """A float as lrsched text: shortest round trip, as Python prints it."""
    r = repr(float(x))
    return r[:-2] if r.endswith(".0") else r


# ------------------------------------------------------------------------------------------------------
# PyTorch: torch.optim.lr_scheduler, run.
# ------------------------------------------------------------------------------------------------------
def torch_cases():
    import torch
    from torch.optim import lr_scheduler as L
    warnings.filterwarnings("ignore")
    source = "torch " + torch.__version__ + " (Debian python3-torch 1.13.1)"

    def run(make, n, lr=0.1, momentum=0.0):
        param = torch.nn.Parameter(torch.zeros(1))
        opt = torch.optim.SGD([param], lr=lr, momentum=momentum)
        sched = make(opt)
        out = []
        for k in range(n):
            out.append(opt.param_groups[0]["lr"])
            if k + 1 < n:  # OneCycleLR refuses a step past total_steps
                opt.step()
                sched.step()
        return out

    def case(case_id, reference, expr, make, n, **kw):
        add("torch", "torch-" + case_id, source, reference, expr, run(make, n, **kw))

    case("steplr", "StepLR(SGD(lr=0.1), step_size=7, gamma=0.5)", "step(0.1, 7, 0.5)",
         lambda o: L.StepLR(o, step_size=7, gamma=0.5), 101)
    case("multisteplr", "MultiStepLR(SGD(lr=0.1), milestones=[25, 60, 90], gamma=0.2)",
         "multistep(0.1, [25, 60, 90], 0.2)", lambda o: L.MultiStepLR(o, [25, 60, 90], gamma=0.2), 151)
    case("exponentiallr", "ExponentialLR(SGD(lr=0.1), gamma=0.95)", "exponential(0.1, 0.95)",
         lambda o: L.ExponentialLR(o, gamma=0.95), 301)
    case("constantlr", "ConstantLR(SGD(lr=0.1), factor=0.5, total_iters=4)", "piecewise_constant([4], [0.05, 0.1])",
         lambda o: L.ConstantLR(o, factor=0.5, total_iters=4), 21)
    case("linearlr-up", "LinearLR(SGD(lr=0.1), start_factor=0.25, end_factor=1.0, total_iters=8)",
         "linear(0.025, 0.1, 8)", lambda o: L.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=8), 31)
    case("linearlr-down", "LinearLR(SGD(lr=0.1), start_factor=1.0, end_factor=0.1, total_iters=20)",
         "linear(0.1, 0.01, 20)", lambda o: L.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=20), 41)
    case("multiplicativelr-constant-factor", "MultiplicativeLR(SGD(lr=0.1), lr_lambda=lambda epoch: 0.95)",
         "exponential(0.1, 0.95)", lambda o: L.MultiplicativeLR(o, lr_lambda=lambda epoch: 0.95), 101)
    case("polynomiallr", "PolynomialLR(SGD(lr=0.1), total_iters=40, power=1.5)", "poly(0.1, 40, 1.5)",
         lambda o: L.PolynomialLR(o, total_iters=40, power=1.5), 61)
    case("cosineannealinglr", "CosineAnnealingLR(SGD(lr=0.1), T_max=50, eta_min=0.001)", "cosine(0.001, 0.1, 50)",
         lambda o: L.CosineAnnealingLR(o, T_max=50, eta_min=0.001), 51)
    # Past T_max the recursive form keeps going: a cosine of period 2 * T_max, rising back to the base lr.
    case("cosineannealinglr-past-tmax", "CosineAnnealingLR(SGD(lr=0.1), T_max=50, eta_min=0.001), 250 steps",
         "sequence(cos_anneal(0.1, 0.001, 50), 50, cos_anneal(0.001, 0.1, 50), 100, cos_anneal(0.1, 0.001, 50), "
         "150, cos_anneal(0.001, 0.1, 50), 200, cos_anneal(0.1, 0.001, 50))",
         lambda o: L.CosineAnnealingLR(o, T_max=50, eta_min=0.001), 251)
    case("warmrestarts-tmult1", "CosineAnnealingWarmRestarts(SGD(lr=0.1), T_0=10, T_mult=1, eta_min=0.001)",
         "cyclical(cosine(0.001, 0.1, 10))",
         lambda o: L.CosineAnnealingWarmRestarts(o, T_0=10, T_mult=1, eta_min=0.001), 101)
    case("warmrestarts-tmult2", "CosineAnnealingWarmRestarts(SGD(lr=0.1), T_0=5, T_mult=2, eta_min=0)",
         "cyclical(cosine(0, 0.1, 5), length_decay=2)",
         lambda o: L.CosineAnnealingWarmRestarts(o, T_0=5, T_mult=2, eta_min=0.0), 201)
    cyc = dict(base_lr=0.001, max_lr=0.1, cycle_momentum=False)
    case("cycliclr-triangular", "CyclicLR(SGD(lr=0.1), base_lr=0.001, max_lr=0.1, step_size_up=20, "
         "cycle_momentum=False)", "cyclical(triangular(0.001, 0.1, 40))",
         lambda o: L.CyclicLR(o, step_size_up=20, **cyc), 201)
    case("cycliclr-triangular-asymmetric", "CyclicLR(SGD(lr=0.1), base_lr=0.001, max_lr=0.1, step_size_up=10, "
         "step_size_down=30, cycle_momentum=False)", "cyclical(triangular(0.001, 0.1, 40, 0.25))",
         lambda o: L.CyclicLR(o, step_size_up=10, step_size_down=30, **cyc), 201)
    case("cycliclr-triangular2", "CyclicLR(SGD(lr=0.1), base_lr=0.001, max_lr=0.1, step_size_up=20, "
         "mode='triangular2', cycle_momentum=False)", "cyclical(triangular(0.001, 0.1, 40), amplitude_decay=0.5)",
         lambda o: L.CyclicLR(o, step_size_up=20, mode="triangular2", **cyc), 201)
    case("cycliclr-exp-range", "CyclicLR(SGD(lr=0.1), base_lr=0.001, max_lr=0.1, step_size_up=20, "
         "mode='exp_range', gamma=0.99, cycle_momentum=False)",
         "0.001 + (cyclical(triangular(0.001, 0.1, 40)) - 0.001) * exponential(1, 0.99)",
         lambda o: L.CyclicLR(o, step_size_up=20, mode="exp_range", gamma=0.99, **cyc), 201)
    one = dict(max_lr=0.1, total_steps=100, cycle_momentum=False)
    case("onecyclelr-cos", "OneCycleLR(SGD(lr=0.1), max_lr=0.1, total_steps=100)",
         "sequence(cos_anneal(0.004, 0.1, 29), 29, cos_anneal(0.1, 4e-07, 70))",
         lambda o: L.OneCycleLR(o, **one), 100)
    case("onecyclelr-linear", "OneCycleLR(SGD(lr=0.1), max_lr=0.1, total_steps=100, anneal_strategy='linear')",
         "sequence(linear(0.004, 0.1, 29), 29, linear(0.1, 4e-07, 70))",
         lambda o: L.OneCycleLR(o, anneal_strategy="linear", **one), 100)
    case("onecyclelr-cos-three-phase", "OneCycleLR(SGD(lr=0.1), max_lr=0.1, total_steps=100, three_phase=True)",
         "sequence(cos_anneal(0.004, 0.1, 29), 29, cos_anneal(0.1, 0.004, 29), 58, cos_anneal(0.004, 4e-07, 41))",
         lambda o: L.OneCycleLR(o, three_phase=True, **one), 100)
    case("onecyclelr-linear-three-phase", "OneCycleLR(SGD(lr=0.1), max_lr=0.1, total_steps=100, three_phase=True, "
         "anneal_strategy='linear')",
         "sequence(linear(0.004, 0.1, 29), 29, linear(0.1, 0.004, 29), 58, linear(0.004, 4e-07, 41))",
         lambda o: L.OneCycleLR(o, three_phase=True, anneal_strategy="linear", **one), 100)
    case("onecyclelr-pct-div", "OneCycleLR(SGD(lr=0.1), max_lr=0.2, total_steps=200, pct_start=0.25, "
         "div_factor=10, final_div_factor=100)",
         "sequence(cos_anneal(0.02, 0.2, 49), 49, cos_anneal(0.2, 0.0002, 150))",
         lambda o: L.OneCycleLR(o, max_lr=0.2, total_steps=200, pct_start=0.25, div_factor=10,
                                final_div_factor=100, cycle_momentum=False), 200)
    case("sequentiallr", "SequentialLR(SGD(lr=0.1), [LinearLR(start_factor=0.1, total_iters=5), "
         "ExponentialLR(gamma=0.9)], milestones=[5])", "sequence(linear(0.01, 0.1, 5), 5, exponential(0.1, 0.9))",
         lambda o: L.SequentialLR(o, [L.LinearLR(o, start_factor=0.1, total_iters=5), L.ExponentialLR(o, gamma=0.9)],
                                  milestones=[5]), 61)
    case("chainedscheduler", "ChainedScheduler([ConstantLR(SGD(lr=0.1), factor=0.5, total_iters=3), "
         "ExponentialLR(gamma=0.9)])", "piecewise_constant([3], [0.5, 1]) * exponential(0.1, 0.9)",
         lambda o: L.ChainedScheduler([L.ConstantLR(o, factor=0.5, total_iters=3), L.ExponentialLR(o, gamma=0.9)]), 61)

    # CosineAnnealingWarmRestarts.step(epoch) (the form used to resume) finds the cycle with a floating log.
    param = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([param], lr=0.1)
    sched = L.CosineAnnealingWarmRestarts(opt, T_0=4, T_mult=3)
    sched.step(484)
    print(f"note: CosineAnnealingWarmRestarts(T_0=4, T_mult=3).step(484): lr={opt.param_groups[0]['lr']!r} "
          f"(stepping one by one restarts at 484: 0.1)")

    # What OneCycleLR does at step total_steps (the last step it allows): the last phase is evaluated at
    # pct > 1, below the final lr with linear annealing. Printed for docs/cookbook.md, not a case.
    for strategy in ("cos", "linear"):
        lrs = run(lambda o: L.OneCycleLR(o, anneal_strategy=strategy, **one), 101)
        print(f"note: OneCycleLR({strategy}) total_steps=100: lr[99]={lrs[99]!r} lr[100]={lrs[100]!r}")


# ------------------------------------------------------------------------------------------------------
# Optax: google-deepmind/optax optax/schedules/_schedule.py and _join.py (commit bda4442, 2025).
# ------------------------------------------------------------------------------------------------------
OPTAX = "optax optax/schedules/_schedule.py @ bda4442c (transcribed)"


def optax_polynomial(init, end, power, steps, begin=0):
    def f(count):
        c = min(max(count - begin, 0), steps)  # jnp.clip(count - transition_begin, 0, transition_steps)
        frac = 1 - c / steps
        return (init - end) * (frac ** power) + end
    return f


def optax_linear(init, end, steps, begin=0):
    return optax_polynomial(init, end, 1, steps, begin)


def optax_exponential(init, steps, rate, begin=0, staircase=False, end=None):
    def f(count):
        dec = count - begin
        p = dec / steps
        if staircase:
            p = math.floor(p)
        v = init if dec <= 0 else init * rate ** p
        if end is not None:
            v = max(v, end) if rate < 1.0 else min(v, end)
        return v
    return f


def optax_cosine_decay(init, decay_steps, alpha=0.0, exponent=1.0):
    def f(count):
        count = min(float(count), float(decay_steps))
        cosine_decay = 0.5 * (1 + math.cos(math.pi * count / decay_steps))
        decayed = (1 - alpha) * cosine_decay ** exponent + alpha
        return init * decayed
    return f


def optax_join(schedules, boundaries):
    def f(step):
        out = schedules[0](step)
        for b, s in zip(boundaries, schedules[1:]):
            out = out if step < b else s(step - b)
        return out
    return f


def optax_warmup_cosine(init, peak, warmup, decay_steps, end=0.0, exponent=1.0):
    alpha = 0.0 if peak == 0.0 else end / peak
    return optax_join([optax_linear(init, peak, warmup),
                       optax_cosine_decay(peak, decay_steps - warmup, alpha, exponent)], [warmup])


def optax_piecewise_constant(init, boundaries_and_scales):
    def f(count):
        v = init
        for threshold, scale in sorted(boundaries_and_scales.items()):
            indicator = max(0.0, math.copysign(1.0, threshold - count) if threshold != count else 0.0)
            v = v * indicator + (1 - indicator) * scale * v
        return v
    return f


def optax_piecewise_interpolate(kind, init, boundaries_and_scales):
    bs, scales = zip(*sorted(boundaries_and_scales.items()))
    bounds = (0,) + bs
    values = [init]
    for s in scales:
        values.append(values[-1] * s)  # jnp.cumprod

    def interp(start, end, pct):
        if kind == "linear":
            return (end - start) * pct + start
        return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)

    def f(count):
        total = 0.0
        for k in range(len(bounds) - 1):
            size = max(bounds[k + 1] - bounds[k], 1)
            if bounds[k] <= count < bounds[k + 1]:
                total += interp(values[k], values[k + 1], (count - bounds[k]) / size)
        if bounds[-1] <= count:
            total += values[-1]
        return total
    return f, values


def optax_cases():
    def case(case_id, reference, expr, f, n):
        add("optax", "optax-" + case_id, OPTAX, reference, expr, [f(i) for i in range(n)])

    case("constant", "constant_schedule(0.1)", "constant(0.1)", lambda c: 0.1, 11)
    case("linear", "linear_schedule(init_value=0.1, end_value=0.001, transition_steps=100, transition_begin=20)",
         "linear(0.1, 0.001, 100) | delay(20)", optax_linear(0.1, 0.001, 100, 20), 151)
    case("polynomial", "polynomial_schedule(init_value=0.1, end_value=0.01, power=2, transition_steps=50, "
         "transition_begin=10)", "poly(0.1, 50, 2, 0.01) | delay(10)", optax_polynomial(0.1, 0.01, 2, 50, 10), 81)
    case("cosine-decay", "cosine_decay_schedule(init_value=0.1, decay_steps=100)", "cos_anneal(0.1, 0, 100)",
         optax_cosine_decay(0.1, 100), 131)
    case("cosine-decay-alpha-exponent", "cosine_decay_schedule(init_value=0.1, decay_steps=100, alpha=0.1, "
         "exponent=2)", "cos_anneal(0.1, 0.01, 100, 2)", optax_cosine_decay(0.1, 100, 0.1, 2.0), 131)
    case("warmup-cosine-decay", "warmup_cosine_decay_schedule(init_value=0, peak_value=0.1, warmup_steps=10, "
         "decay_steps=100, end_value=0.001)", "sequence(linear(0, 0.1, 10), 10, cos_anneal(0.1, 0.001, 90))",
         optax_warmup_cosine(0.0, 0.1, 10, 100, 0.001), 131)
    case("warmup-cosine-decay-exponent", "warmup_cosine_decay_schedule(init_value=0.01, peak_value=0.1, "
         "warmup_steps=20, decay_steps=100, end_value=0, exponent=0.5)",
         "sequence(linear(0.01, 0.1, 20), 20, cos_anneal(0.1, 0, 80, 0.5))",
         optax_warmup_cosine(0.01, 0.1, 20, 100, 0.0, 0.5), 121)
    case("exponential-decay", "exponential_decay(init_value=0.1, transition_steps=10, decay_rate=0.8)",
         "exponential(0.1, 0.8, 10)", optax_exponential(0.1, 10, 0.8), 101)
    case("exponential-decay-staircase-begin-end", "exponential_decay(init_value=0.1, transition_steps=20, "
         "decay_rate=0.5, transition_begin=5, staircase=True, end_value=0.01)",
         "max(exponential(0.1, 0.5, 20, true) | delay(5), 0.01)",
         optax_exponential(0.1, 20, 0.5, 5, True, 0.01), 121)
    case("exponential-decay-growing-end", "exponential_decay(init_value=0.01, transition_steps=10, decay_rate=1.5, "
         "end_value=0.05)", "min(exponential(0.01, 1.5, 10), 0.05)", optax_exponential(0.01, 10, 1.5, 0, False, 0.05),
         81)
    case("warmup-exponential-decay", "warmup_exponential_decay_schedule(init_value=0, peak_value=0.1, "
         "warmup_steps=10, transition_steps=20, decay_rate=0.5, transition_begin=5, staircase=True, end_value=0.01)",
         "sequence(linear(0, 0.1, 10), 10, max(exponential(0.1, 0.5, 20, true) | delay(5), 0.01))",
         optax_join([optax_linear(0.0, 0.1, 10), optax_exponential(0.1, 20, 0.5, 5, True, 0.01)], [10]), 151)
    pc = optax_piecewise_constant(0.1, {30: 0.5, 60: 0.1})
    case("piecewise-constant", "piecewise_constant_schedule(init_value=0.1, boundaries_and_scales={30: 0.5, 60: 0.1})",
         f"piecewise_constant([30, 60], [0.1, {num(0.1 * 0.5)}, {num(0.1 * 0.5 * 0.1)}])", pc, 81)
    f, v = optax_piecewise_interpolate("linear", 0.1, {20: 0.5, 50: 0.2})
    case("piecewise-interpolate-linear", "piecewise_interpolate_schedule('linear', init_value=0.1, "
         "boundaries_and_scales={20: 0.5, 50: 0.2})",
         f"piecewise_linear([0, 20, 50], [{num(v[0])}, {num(v[1])}, {num(v[2])}])", f, 71)
    f, v = optax_piecewise_interpolate("cosine", 0.1, {20: 0.5, 50: 0.2})
    case("piecewise-interpolate-cosine", "piecewise_interpolate_schedule('cosine', init_value=0.1, "
         "boundaries_and_scales={20: 0.5, 50: 0.2})",
         f"sequence(cos_anneal({num(v[0])}, {num(v[1])}, 20), 20, cos_anneal({num(v[1])}, {num(v[2])}, 30), 50, "
         f"{num(v[2])})", f, 71)
    case("join-schedules", "join_schedules([linear_schedule(0, 0.1, 10), constant_schedule(0.1), "
         "cosine_decay_schedule(0.1, 50)], boundaries=[10, 40])",
         "sequence(linear(0, 0.1, 10), 10, constant(0.1), 40, cos_anneal(0.1, 0, 50))",
         optax_join([optax_linear(0.0, 0.1, 10), lambda c: 0.1, optax_cosine_decay(0.1, 50)], [10, 40]), 111)
    kwargs = dict(init=0.0, peak=0.1, warmup=5, decay_steps=30, end=0.001)
    one = "sequence(linear(0, 0.1, 5), 5, cos_anneal(0.1, 0.001, 25))"
    case("sgdr", "sgdr_schedule([dict(init_value=0, peak_value=0.1, warmup_steps=5, decay_steps=30, "
         "end_value=0.001)] * 3)", f"sequence({one}, 30, {one}, 60, {one})",
         optax_join([optax_warmup_cosine(**kwargs)] * 3, [30, 60]), 121)
    case("warmup-constant", "warmup_constant_schedule(init_value=0.01, peak_value=0.1, warmup_steps=20)",
         "linear(0.01, 0.1, 20)", optax_linear(0.01, 0.1, 20), 41)
    # linear_onecycle_schedule: piecewise_interpolate('linear', peak / div, {int(pct_start * T): div,
    # int(pct_final * T): 1 / div, T: 1 / final_div})
    f, v = optax_piecewise_interpolate("linear", 0.1 / 25.0, {int(0.3 * 100): 25.0, int(0.85 * 100): 1.0 / 25.0,
                                                               100: 1.0 / 1e4})
    case("linear-onecycle", "linear_onecycle_schedule(transition_steps=100, peak_value=0.1)",
         f"piecewise_linear([0, 30, 85, 100], [{', '.join(num(x) for x in v)}])", f, 121)
    # cosine_onecycle_schedule: piecewise_interpolate('cosine', peak / div, {int(pct * T): div, T: 1 / (div * final)})
    f, v = optax_piecewise_interpolate("cosine", 0.1 / 25.0, {int(0.3 * 100): 25.0, 100: 1.0 / (25.0 * 1e4)})
    case("cosine-onecycle", "cosine_onecycle_schedule(transition_steps=100, peak_value=0.1)",
         f"sequence(cos_anneal({num(v[0])}, {num(v[1])}, 30), 30, cos_anneal({num(v[1])}, {num(v[2])}, 70), 100, "
         f"{num(v[2])})", f, 121)


# ------------------------------------------------------------------------------------------------------
# Keras 3: keras-team/keras keras/src/optimizers/schedules/learning_rate_schedule.py (commit 2534b64).
# ------------------------------------------------------------------------------------------------------
KERAS = "keras keras/src/optimizers/schedules/learning_rate_schedule.py @ 2534b643 (transcribed)"


def keras_exponential(lr, decay_steps, rate, staircase=False):
    def f(step):
        p = step / decay_steps
        if staircase:
            p = math.floor(p)
        return lr * rate ** p
    return f


def keras_piecewise_constant(boundaries, values):
    def f(step):
        r = 0.0
        r += (1.0 if step <= boundaries[0] else 0.0) * values[0]
        r += (1.0 if step > boundaries[-1] else 0.0) * values[-1]
        for low, high, v in zip(boundaries[:-1], boundaries[1:], values[1:-1]):
            r += (1.0 if low < step <= high else 0.0) * v
        return r
    return f


def keras_polynomial(lr, decay_steps, end=0.0001, power=1.0, cycle=False):
    def f(step):
        step = float(step)
        d = float(decay_steps)
        if cycle:
            d = d * (1.0 if step == 0 else math.ceil(step / decay_steps))
        else:
            step = min(step, d)
        p = step / d
        return (lr - end) * (1 - p) ** power + end
    return f


def keras_inverse_time(lr, decay_steps, rate, staircase=False):
    def f(step):
        p = step / decay_steps
        if staircase:
            p = math.floor(p)
        return lr / (1 + rate * p)
    return f


def keras_cosine(lr, decay_steps, alpha=0.0, warmup_target=None, warmup_steps=0):
    def decay(step, from_lr):
        cosine_decayed = 0.5 * (1.0 + math.cos(math.pi * (step / decay_steps)))
        return from_lr * ((1 - alpha) * cosine_decayed + alpha)

    def f(step):
        step = float(step)
        if warmup_target is None:
            return decay(min(step, decay_steps), lr)
        step = min(step, decay_steps + warmup_steps)
        if step < warmup_steps:
            return (warmup_target - lr) * (step / warmup_steps) + lr
        return decay(step - warmup_steps, warmup_target)
    return f


def keras_cosine_restarts(lr, first_decay_steps, t_mul=2.0, m_mul=1.0, alpha=0.0):
    def f(step):
        fraction = step / first_decay_steps
        if t_mul == 1.0:
            i_restart = math.floor(fraction)
            fraction -= i_restart
        else:
            i_restart = math.floor(math.log(1.0 - fraction * (1.0 - t_mul)) / math.log(t_mul))
            sum_r = (1.0 - t_mul ** i_restart) / (1.0 - t_mul)
            fraction = (fraction - sum_r) / t_mul ** i_restart
        m_fac = m_mul ** i_restart
        cosine_decayed = 0.5 * m_fac * (1.0 + math.cos(math.pi * fraction))
        return lr * ((1 - alpha) * cosine_decayed + alpha)
    return f


def keras_cases():
    def case(case_id, reference, expr, f, n):
        add("keras", "keras-" + case_id, KERAS, reference, expr, [f(i) for i in range(n)])

    case("exponential-decay", "ExponentialDecay(0.1, decay_steps=10, decay_rate=0.9)", "exponential(0.1, 0.9, 10)",
         keras_exponential(0.1, 10, 0.9), 101)
    case("exponential-decay-staircase", "ExponentialDecay(0.1, decay_steps=10, decay_rate=0.9, staircase=True)",
         "exponential(0.1, 0.9, 10, true)", keras_exponential(0.1, 10, 0.9, True), 101)
    case("piecewise-constant-decay", "PiecewiseConstantDecay(boundaries=[30, 60], values=[0.1, 0.05, 0.01])",
         "piecewise_constant([31, 61], [0.1, 0.05, 0.01])", keras_piecewise_constant([30, 60], [0.1, 0.05, 0.01]), 81)
    case("polynomial-decay", "PolynomialDecay(0.1, decay_steps=50, end_learning_rate=0.001, power=2)",
         "poly(0.1, 50, 2, 0.001)", keras_polynomial(0.1, 50, 0.001, 2.0), 81)
    # cycle=True: the k-th period (k >= 2) covers steps (k-1)D+1 .. kD and is the whole decay stretched to kD;
    # in its own steps t = 0 .. D-1 that is poly(end + (init - end) * ((D - 1) / (k D))^power, D - 1, power, end).
    D, pw, lo, hi = 20, 2.0, 0.001, 0.1
    parts = [f"poly({num(hi)}, {D}, {num(pw)}, {num(lo)})"]
    for k in (2, 3, 4):
        peak = lo + (hi - lo) * ((D - 1) / (k * D)) ** pw
        parts.append(f"{(k - 1) * D + 1}, poly({num(peak)}, {D - 1}, {num(pw)}, {num(lo)})")
    case("polynomial-decay-cycle", "PolynomialDecay(0.1, decay_steps=20, end_learning_rate=0.001, power=2, "
         "cycle=True), 4 periods", "sequence(" + ", ".join(parts) + ")", keras_polynomial(hi, D, lo, pw, True), 81)
    case("inverse-time-decay", "InverseTimeDecay(0.1, decay_steps=10, decay_rate=0.5)", "inverse_time(0.1, 10, 0.5)",
         keras_inverse_time(0.1, 10, 0.5), 101)
    case("inverse-time-decay-staircase", "InverseTimeDecay(0.1, decay_steps=10, decay_rate=0.5, staircase=True)",
         "inverse_time(0.1, 10, 0.5, true)", keras_inverse_time(0.1, 10, 0.5, True), 101)
    case("cosine-decay", "CosineDecay(0.1, decay_steps=100, alpha=0.01)", "cos_anneal(0.1, 0.001, 100)",
         keras_cosine(0.1, 100, 0.01), 131)
    case("cosine-decay-warmup", "CosineDecay(0.0, decay_steps=90, alpha=0.1, warmup_target=0.1, warmup_steps=10)",
         "cos_anneal(0.1, 0.01, 90) | warmup(0, 10)", keras_cosine(0.0, 90, 0.1, 0.1, 10), 131)
    case("cosine-decay-restarts", "CosineDecayRestarts(0.1, first_decay_steps=10, t_mul=2.0, m_mul=0.5, alpha=0.01)",
         "cyclical(cos_anneal(0.1, 0.001, 10), length_decay=2, amplitude_decay=0.5)",
         keras_cosine_restarts(0.1, 10, 2.0, 0.5, 0.01), 311)
    case("cosine-decay-restarts-tmul1", "CosineDecayRestarts(0.1, first_decay_steps=25, t_mul=1.0, m_mul=0.8)",
         "cyclical(cos_anneal(0.1, 0, 25), amplitude_decay=0.8)", keras_cosine_restarts(0.1, 25, 1.0, 0.8), 151)
    # Cycles of 4, 12, 36, 108 and 324 steps: the fifth restart is at step 484, where Keras's floating log finds
    # log(243) / log(3) = 4.999... and stays in cycle 4. The case stops just before; the note says what happens.
    f = keras_cosine_restarts(0.1, 4, 3.0)
    case("cosine-decay-restarts-tmul3", "CosineDecayRestarts(0.1, first_decay_steps=4, t_mul=3.0), to step 483",
         "cyclical(cos_anneal(0.1, 0, 4), length_decay=3)", f, 484)
    print(f"note: Keras CosineDecayRestarts(0.1, 4, t_mul=3) at step 484: {f(484)!r} (lrsched restarts: 0.1); "
          f"timm CosineLRScheduler(t_initial=4, cycle_mul=3, cycle_limit=9) at 484: "
          f"{timm_cosine(0.1, 4, cycle_mul=3.0, cycle_limit=9)(484)!r}")


# ------------------------------------------------------------------------------------------------------
# timm: huggingface/pytorch-image-models timm/scheduler/ cosine_lr.py (7479d45), tanh_lr.py (0d4c04f),
# poly_lr.py (23f09af), step_lr.py (16664ea), multistep_lr.py (0514e98). _get_lr(t), t = epoch or update.
# ------------------------------------------------------------------------------------------------------
TIMM = "timm timm/scheduler/{} (transcribed)"


def timm_cycle(t, t_initial, cycle_mul):
    if cycle_mul != 1:
        i = math.floor(math.log(1 - t / t_initial * (1 - cycle_mul), cycle_mul))
        t_i = cycle_mul ** i * t_initial
        t_curr = t - (1 - cycle_mul ** i) / (1 - cycle_mul) * t_initial
    else:
        i = t // t_initial
        t_i = t_initial
        t_curr = t - (t_initial * i)
    return i, t_i, t_curr


def timm_cosine(base, t_initial, lr_min=0.0, cycle_mul=1.0, cycle_decay=1.0, cycle_limit=1, warmup_t=0,
                warmup_lr_init=0.0, warmup_prefix=False):
    warmup_step = (base - warmup_lr_init) / warmup_t if warmup_t else 1

    def f(t):
        if t < warmup_t:
            return warmup_lr_init + t * warmup_step
        if warmup_prefix:
            t = t - warmup_t
        i, t_i, t_curr = timm_cycle(t, t_initial, cycle_mul)
        lr_max = base * cycle_decay ** i
        if i < cycle_limit:
            return lr_min + 0.5 * (lr_max - lr_min) * (1 + math.cos(math.pi * t_curr ** 1.0 / t_i ** 1.0))
        return lr_min
    return f


def timm_tanh(base, t_initial, lb=-7.0, ub=3.0, lr_min=0.0, cycle_mul=1.0, cycle_decay=1.0, cycle_limit=1,
              warmup_t=0, warmup_lr_init=0.0, warmup_prefix=False):
    def get(t, warmup_step):
        if t < warmup_t:
            return warmup_lr_init + t * warmup_step
        if warmup_prefix:
            t = t - warmup_t
        i, t_i, t_curr = timm_cycle(t, t_initial, cycle_mul)
        if i < cycle_limit:
            lr_max = base * cycle_decay ** i
            tr = t_curr / t_i
            return lr_min + 0.5 * (lr_max - lr_min) * (1 - math.tanh(lb * (1. - tr) + ub * tr))
        return lr_min

    step = 1
    if warmup_t:
        target = base if warmup_prefix else get(warmup_t, 1)
        step = (target - warmup_lr_init) / warmup_t
    return lambda t: get(t, step)


def timm_poly(base, t_initial, power=0.5, lr_min=0.0, cycle_limit=1):
    def f(t):
        i, t_i, t_curr = timm_cycle(t, t_initial, 1.0)
        if i < cycle_limit:
            return lr_min + (base - lr_min) * (1 - t_curr ** 1.0 / t_i ** 1.0) ** power
        return lr_min
    return f


def timm_step(base, decay_t, decay_rate=1.0, warmup_t=0, warmup_lr_init=0.0, warmup_prefix=True):
    warmup_step = (base - warmup_lr_init) / warmup_t if warmup_t else 1

    def f(t):
        if t < warmup_t:
            return warmup_lr_init + t * warmup_step
        if warmup_prefix:
            t = t - warmup_t
        return base * (decay_rate ** (t // decay_t))
    return f


def timm_multistep(base, decay_t, decay_rate=1.0, warmup_t=0, warmup_lr_init=0.0, warmup_prefix=True):
    warmup_step = (base - warmup_lr_init) / warmup_t if warmup_t else 1

    def f(t):
        if t < warmup_t:
            return warmup_lr_init + t * warmup_step
        if warmup_prefix:
            t = t - warmup_t
        return base * (decay_rate ** bisect.bisect_right(decay_t, t))
    return f


def timm_cases():
    def case(case_id, file, reference, expr, f, n):
        add("timm", "timm-" + case_id, TIMM.format(file), reference, expr, [f(i) for i in range(n)])

    case("cosine", "cosine_lr.py @ 7479d451", "CosineLRScheduler(SGD(lr=0.1), t_initial=50, lr_min=0.001)",
         "cosine(0.001, 0.1, 50)", timm_cosine(0.1, 50, 0.001), 81)
    # warmup_prefix=False (the default): the warm-up replaces the first warmup_t steps of the cosine, which keeps
    # counting from 0; the warm-up aims at the base lr, so the value jumps down at warmup_t.
    case("cosine-warmup", "cosine_lr.py @ 7479d451", "CosineLRScheduler(SGD(lr=0.1), t_initial=20, lr_min=0.001, "
         "warmup_t=5, warmup_lr_init=0.0001)",
         "piecewise_constant([5], [1, 0]) * linear(0.0001, 0.1, 5) + piecewise_constant([5], [0, 1]) * "
         "cosine(0.001, 0.1, 20)", timm_cosine(0.1, 20, 0.001, warmup_t=5, warmup_lr_init=1e-4), 41)
    case("cosine-warmup-prefix", "cosine_lr.py @ 7479d451", "CosineLRScheduler(SGD(lr=0.1), t_initial=20, "
         "lr_min=0.001, warmup_t=5, warmup_lr_init=0.0001, warmup_prefix=True)",
         "cosine(0.001, 0.1, 20) | warmup(0.0001, 5)",
         timm_cosine(0.1, 20, 0.001, warmup_t=5, warmup_lr_init=1e-4, warmup_prefix=True), 41)
    case("cosine-restarts", "cosine_lr.py @ 7479d451", "CosineLRScheduler(SGD(lr=0.1), t_initial=10, lr_min=0.001, "
         "cycle_mul=2, cycle_decay=0.5, cycle_limit=3)",
         "cosine(0.001, 0.1, 10) | cyclical(length_decay=2, peak_decay=0.5, cycle_limit=3)",
         timm_cosine(0.1, 10, 0.001, cycle_mul=2.0, cycle_decay=0.5, cycle_limit=3), 121)
    case("cosine-restarts-constant-length", "cosine_lr.py @ 7479d451", "CosineLRScheduler(SGD(lr=0.1), t_initial=25, "
         "lr_min=0.001, cycle_decay=0.8, cycle_limit=2, warmup_t=5, warmup_lr_init=0.01, warmup_prefix=True)",
         "cosine(0.001, 0.1, 25) | cyclical(peak_decay=0.8, cycle_limit=2) | warmup(0.01, 5)",
         timm_cosine(0.1, 25, 0.001, cycle_decay=0.8, cycle_limit=2, warmup_t=5, warmup_lr_init=0.01,
                     warmup_prefix=True), 81)
    case("tanh", "tanh_lr.py @ 0d4c04f3", "TanhLRScheduler(SGD(lr=0.1), t_initial=40, lr_min=0.001)",
         "sequence(tanh_anneal(0.1, 0.001, 40), 40, 0.001)", timm_tanh(0.1, 40, lr_min=0.001), 61)
    case("tanh-restarts", "tanh_lr.py @ 0d4c04f3", "TanhLRScheduler(SGD(lr=0.1), t_initial=10, lb=-6, ub=4, "
         "lr_min=0.001, cycle_mul=2, cycle_decay=0.5, cycle_limit=2, warmup_t=3, warmup_prefix=True)",
         "sequence(linear(0, 0.1, 3), 3, tanh_anneal(0.1, 0.001, 10, -6, 4) | cyclical(length_decay=2, "
         "peak_decay=0.5), 33, 0.001)",
         timm_tanh(0.1, 10, -6.0, 4.0, 0.001, 2.0, 0.5, 2, warmup_t=3, warmup_prefix=True), 61)
    case("poly", "poly_lr.py @ 23f09af0", "PolyLRScheduler(SGD(lr=0.1), t_initial=50, power=0.5, lr_min=0.001)",
         "poly(0.1, 50, 0.5, 0.001)", timm_poly(0.1, 50, 0.5, 0.001), 71)
    case("step", "step_lr.py @ 16664ea3", "StepLRScheduler(SGD(lr=0.1), decay_t=10, decay_rate=0.5, warmup_t=3, "
         "warmup_lr_init=0.01)", "step(0.1, 10, 0.5) | warmup(0.01, 3)",
         timm_step(0.1, 10, 0.5, 3, 0.01), 61)
    case("multistep", "multistep_lr.py @ 0514e98d", "MultiStepLRScheduler(SGD(lr=0.1), decay_t=[10, 25], "
         "decay_rate=0.3)", "multistep(0.1, [10, 25], 0.3)", timm_multistep(0.1, [10, 25], 0.3), 41)


# ------------------------------------------------------------------------------------------------------
# Hugging Face transformers: src/transformers/optimization.py (commit 005edac). LambdaLR: lr = base * lambda.
# ------------------------------------------------------------------------------------------------------
HF = "transformers src/transformers/optimization.py @ 005edacb (transcribed)"


def hf_linear(w, n):
    def lam(s):
        if s < w:
            return float(s) / float(max(1, w))
        return max(0.0, float(n - s) / float(max(1, n - w)))
    return lam


def hf_cosine(w, n, cycles=0.5, min_lr_rate=0.0):
    def lam(s):
        if s < w:
            return float(s) / float(max(1, w))
        progress = float(s - w) / float(max(1, n - w))
        factor = 0.5 * (1.0 + math.cos(math.pi * float(cycles) * 2.0 * progress))
        factor = factor * (1 - min_lr_rate) + min_lr_rate
        return max(0, factor)
    return lam


def hf_hard_restarts(w, n, cycles=1):
    def lam(s):
        if s < w:
            return float(s) / float(max(1, w))
        progress = float(s - w) / float(max(1, n - w))
        if progress >= 1.0:
            return 0.0
        return max(0.0, 0.5 * (1.0 + math.cos(math.pi * ((float(cycles) * progress) % 1.0))))
    return lam


def hf_polynomial(w, n, lr_end, power, lr_init):
    def lam(s):
        if s < w:
            return float(s) / float(max(1, w))
        if s > n:
            return lr_end / lr_init
        decay_steps = n - w
        pct_remaining = 1 - (s - w) / decay_steps
        return ((lr_init - lr_end) * pct_remaining ** power + lr_end) / lr_init
    return lam


def hf_constant_warmup(w):
    return lambda s: float(s) / float(max(1.0, w)) if s < w else 1.0


def hf_inverse_sqrt(w, timescale=None):
    if timescale is None:
        timescale = w or 10_000

    def lam(s):
        if s < w:
            return float(s) / float(max(1, w))
        shift = timescale - w
        return 1.0 / math.sqrt((s + shift) / timescale)
    return lam


def hf_cosine_warmup_lr_rate(w, n, cycles=0.5, min_lr_rate=0.0, warmup_lr_rate=None):
    def lam(s):
        s, wf, nf = float(s), float(w), float(n)
        if s < wf:
            if warmup_lr_rate is None:
                return (s + 1.) / max(1., wf)
            return warmup_lr_rate + (1.0 - warmup_lr_rate) * s / (max(1, wf - 1))
        progress = (s - wf + 1.) / (max(1., nf - wf))
        factor = 0.5 * (1.0 + math.cos(math.pi * cycles * 2.0 * progress))
        factor = factor * (1 - min_lr_rate) + min_lr_rate
        return max(0, factor)
    return lam


def hf_wsd(w, stable, decay, warmup_type="linear", decay_type="cosine", min_lr_ratio=0.0, cycles=0.5):
    def lam(s):
        if s < w:
            progress = float(s) / float(max(1, w))
            if warmup_type == "linear":
                factor = progress
            elif warmup_type == "cosine":
                factor = 0.5 * (1.0 - math.cos(math.pi * progress))
            else:
                factor = 1.0 - math.sqrt(1.0 - progress)
            factor = factor * (1.0 - min_lr_ratio) + min_lr_ratio
            return max(0.0, factor)
        if s < w + stable:
            return 1.0
        if s < w + stable + decay:
            progress = float(s - w - stable) / float(max(1, decay))
            if decay_type == "linear":
                factor = 1.0 - progress
            elif decay_type == "cosine":
                factor = 0.5 * (1.0 + math.cos(math.pi * float(cycles) * 2.0 * progress))
            else:
                factor = 1.0 - math.sqrt(progress)
            factor = factor * (1.0 - min_lr_ratio) + min_lr_ratio
            return max(0.0, factor)
        return min_lr_ratio
    return lam


def hf_cases():
    base = 0.1

    def case(case_id, reference, expr, lam, n):
        add("hf", "hf-" + case_id, HF, "get_scheduler(" + reference + ") on SGD(lr=0.1)", expr,
            [base * lam(i) for i in range(n)])

    case("linear", "'linear', num_warmup_steps=10, num_training_steps=100", "linear(0.1, 0, 90) | warmup(0, 10)",
         hf_linear(10, 100), 131)
    case("cosine", "'cosine', num_warmup_steps=10, num_training_steps=100", "cos_anneal(0.1, 0, 90) | warmup(0, 10)",
         hf_cosine(10, 100), 101)
    # Past num_training_steps the cosine keeps going: back up to the base lr at 190, down again at 280.
    case("cosine-past-horizon", "'cosine', num_warmup_steps=10, num_training_steps=100, stepped 250 times",
         "sequence(linear(0, 0.1, 10), 10, cos_anneal(0.1, 0, 90), 100, cos_anneal(0, 0.1, 90), 190, "
         "cos_anneal(0.1, 0, 90))", hf_cosine(10, 100), 251)
    case("cosine-with-restarts", "'cosine_with_restarts', num_warmup_steps=10, num_training_steps=100, "
         "scheduler_specific_kwargs={'num_cycles': 3}", "cos_anneal(0.1, 0, 30) | cyclical(cycle_limit=3) | warmup(0, 10)",
         hf_hard_restarts(10, 100, 3), 131)
    case("polynomial", "'polynomial', num_warmup_steps=10, num_training_steps=100, "
         "scheduler_specific_kwargs={'lr_end': 0.0001, 'power': 2}", "poly(0.1, 90, 2, 0.0001) | warmup(0, 10)",
         hf_polynomial(10, 100, 1e-4, 2.0, base), 131)
    case("constant", "'constant'", "constant(0.1)", lambda s: 1, 21)
    case("constant-with-warmup", "'constant_with_warmup', num_warmup_steps=10", "constant(0.1) | warmup(0, 10)",
         hf_constant_warmup(10), 31)
    case("inverse-sqrt", "'inverse_sqrt', num_warmup_steps=10", "inverse_sqrt(0.1, 10) | warmup(0, 10)",
         hf_inverse_sqrt(10), 201)
    case("inverse-sqrt-timescale", "get_inverse_sqrt_schedule(num_warmup_steps=10, timescale=25)",
         "inverse_sqrt(0.1, 25) | warmup(0, 10)", hf_inverse_sqrt(10, 25), 201)
    case("cosine-with-min-lr", "'cosine_with_min_lr', num_warmup_steps=10, num_training_steps=100, "
         "scheduler_specific_kwargs={'min_lr_rate': 0.1}", "cos_anneal(0.1, 0.01, 90) | warmup(0, 10)",
         hf_cosine(10, 100, min_lr_rate=0.1), 101)
    # cosine_warmup_with_min_lr counts one step ahead: the warm-up reaches the base lr at num_warmup_steps - 1.
    case("cosine-warmup-with-min-lr", "'cosine_warmup_with_min_lr', num_warmup_steps=10, num_training_steps=100, "
         "scheduler_specific_kwargs={'min_lr_rate': 0.1}", "sequence(linear(0.01, 0.1, 9), 9, cos_anneal(0.1, 0.01, 90))",
         hf_cosine_warmup_lr_rate(10, 100, min_lr_rate=0.1), 100)
    wsd = "'warmup_stable_decay', num_warmup_steps=10, scheduler_specific_kwargs={{'num_stable_steps': 40, " \
          "'num_decay_steps': 30, 'min_lr_ratio': 0.1, 'decay_type': '{}'{}}}"
    case("wsd-cosine", wsd.format("cosine", ""),
         "sequence(linear(0.01, 0.1, 10), 10, constant(0.1), 50, cos_anneal(0.1, 0.01, 30))",
         hf_wsd(10, 40, 30, decay_type="cosine", min_lr_ratio=0.1), 101)
    case("wsd-1-sqrt", wsd.format("1-sqrt", ""),
         "sequence(linear(0.01, 0.1, 10), 10, constant(0.1), 50, sqrt_anneal(0.1, 0.01, 30))",
         hf_wsd(10, 40, 30, decay_type="1-sqrt", min_lr_ratio=0.1), 101)
    case("wsd-linear-cosine-warmup", wsd.format("linear", ", 'warmup_type': 'cosine'"),
         "sequence(cos_anneal(0.01, 0.1, 10), 10, constant(0.1), 50, linear(0.1, 0.01, 30))",
         hf_wsd(10, 40, 30, warmup_type="cosine", decay_type="linear", min_lr_ratio=0.1), 101)


# ------------------------------------------------------------------------------------------------------
# fastai: fastai/fastai fastai/callback/schedule.py (commit 0a049e8) and fastai/learner.py TrainEvalCallback.
# Per iteration: before each batch the schedule gets pct_train, which starts every epoch at epoch / n_epoch and
# grows by 1 / (n_iter * n_epoch) per batch.
# ------------------------------------------------------------------------------------------------------
FASTAI = "fastai fastai/callback/schedule.py @ 0a049e8a (transcribed)"


def fastai_positions(n_epoch, n_iter):
    out = []
    for epoch in range(n_epoch):
        pct = epoch / n_epoch
        for _ in range(n_iter):
            out.append(pct)
            pct += 1. / (n_iter * n_epoch)
    return out


def sched_lin(start, end, pos): return start + pos * (end - start)
def sched_cos(start, end, pos): return start + (1 + math.cos(math.pi * (1 - pos))) * (end - start) / 2
def sched_exp(start, end, pos): return start * (end / start) ** pos


def fastai_combine(pcts, scheds):
    """combine_scheds in double precision (fastai keeps the table in a float32 tensor: see the cookbook)."""
    assert abs(sum(pcts) - 1.) < 1e-12
    table = [0.0]
    for p in pcts:
        table.append(table[-1] + p)
    lim = len(table) - 2

    def f(pos):
        idx = min(max(k for k in range(len(table)) if pos >= table[k]), lim)
        actual = (pos - table[idx]) / (table[idx + 1] - table[idx])
        return scheds[idx](actual)
    return f


def fastai_float32_effect(n_epoch, n_iter, pcts, scheds):
    """The same schedule with fastai's float32 table (torch.cumsum of tensor([0] + pcts)), for the cookbook."""
    import torch
    table = torch.cumsum(torch.tensor([0] + list(pcts)), 0)
    lim = len(table) - 2
    out = []
    for pos in fastai_positions(n_epoch, n_iter):
        idx = min((pos >= table).nonzero().max(), lim)
        actual = (pos - table[idx]) / (table[idx + 1] - table[idx])
        out.append(scheds[idx](actual.item()))
    return out


def fastai_cases():
    def case(case_id, reference, expr, f, n_epoch, n_iter, float32=None):
        values = [f(p) for p in fastai_positions(n_epoch, n_iter)]
        add("fastai", "fastai-" + case_id, FASTAI, reference + f", per iteration: n_epoch={n_epoch}, "
            f"{n_iter} batches per epoch", expr, values)
        if float32 is not None:
            got = fastai_float32_effect(n_epoch, n_iter, *float32)
            worst = max((abs(a - b) / max(abs(b), 1e-300), i) for i, (a, b) in enumerate(zip(got, values)))
            print(f"note: fastai {case_id} with fastai's float32 table: largest relative difference "
                  f"{worst[0]:.3g} at iteration {worst[1]}")
            for i, (a, b) in enumerate(zip(got, values)):
                if abs(a - b) > 1e-3 * abs(b):
                    print(f"note:   iteration {i}: float32 table {a!r}, exact {b!r}")

    case("sched-lin", "ParamScheduler({'lr': SchedLin(0.1, 0.01)})", "linear(0.1, 0.01, 100)",
         lambda p: sched_lin(0.1, 0.01, p), 4, 25)
    case("sched-cos", "ParamScheduler({'lr': SchedCos(0.1, 0.01)})", "cos_anneal(0.1, 0.01, 100)",
         lambda p: sched_cos(0.1, 0.01, p), 4, 25)
    case("sched-exp", "ParamScheduler({'lr': SchedExp(0.1, 0.0001)})", "exp_anneal(0.1, 0.0001, 100)",
         lambda p: sched_exp(0.1, 0.0001, p), 4, 25)
    case("sched-poly", "ParamScheduler({'lr': SchedPoly(0.1, 0.01, 2)})", "poly_anneal(0.1, 0.01, 100, 2)",
         lambda p: 0.1 + (0.01 - 0.1) * p ** 2, 4, 25)
    case("sched-no", "ParamScheduler({'lr': SchedNo(0.1, 0.5)})", "constant(0.1)", lambda p: 0.1, 2, 10)
    # Learner.lr_find: LRFinder sets SchedExp(start_lr, end_lr)(train_iter / num_it) before each batch.
    values = [sched_exp(1e-7, 10, i / 100) for i in range(101)]
    add("fastai", "fastai-lr-find", FASTAI, "Learner.lr_find(start_lr=1e-7, end_lr=10, num_it=100)",
        "exp_anneal(1e-07, 10, 100)", values)
    scheds = [lambda p: sched_lin(0.01, 0.1, p), lambda p: sched_cos(0.1, 0.0001, p)]
    case("combine-scheds", "combine_scheds([0.25, 0.75], [SchedLin(0.01, 0.1), SchedCos(0.1, 0.0001)])",
         "sequence(linear(0.01, 0.1, 25), 25, cos_anneal(0.1, 0.0001, 75))",
         fastai_combine([0.25, 0.75], scheds), 4, 25, ([0.25, 0.75], scheds))
    lr = 0.1
    scheds = [lambda p: sched_cos(lr / 25., lr, p), lambda p: sched_cos(lr, lr / 1e5, p)]
    case("fit-one-cycle", "Learner.fit_one_cycle(4, lr_max=0.1) (div=25, div_final=1e5, pct_start=0.25)",
         f"sequence(cos_anneal({num(lr / 25.)}, 0.1, 25), 25, cos_anneal(0.1, {num(lr / 1e5)}, 75))",
         fastai_combine([0.25, 0.75], scheds), 4, 25, ([0.25, 0.75], scheds))
    scheds = [lambda p: sched_cos(lr, lr, p), lambda p: sched_cos(lr, lr / 1e5, p)]
    case("fit-flat-cos", "Learner.fit_flat_cos(4, lr=0.1) (div_final=1e5, pct_start=0.75)",
         f"sequence(0.1, 75, cos_anneal(0.1, {num(lr / 1e5)}, 25))",
         fastai_combine([0.75, 0.25], scheds), 4, 25, ([0.75, 0.25], scheds))
    # fit_sgdr(3, 1): n_epoch = 1 * (2**3 - 1) // 1 = 7, cycles of 1, 2 and 4 epochs.
    pcts = [1 * 2 ** i / 7 for i in range(3)]
    scheds = [lambda p: sched_cos(lr, 0, p)] * 3
    case("fit-sgdr", "Learner.fit_sgdr(n_cycles=3, cycle_len=1, lr_max=0.1) (cycle_mult=2, so 7 epochs)",
         "cos_anneal(0.1, 0, 10) | cyclical(length_decay=2, cycle_limit=3)",
         fastai_combine(pcts, scheds), 7, 10, (pcts, scheds))


# ------------------------------------------------------------------------------------------------------
# MXNet 1.x: apache/mxnet python/mxnet/lr_scheduler.py (the 1.x file with warmup_steps and warmup_mode). The schedulers
# are stateful (FactorScheduler multiplies base_lr in a loop), so they are called for 0, 1, 2, ... in order.
# ------------------------------------------------------------------------------------------------------
MXNET = "mxnet python/mxnet/lr_scheduler.py, 1.x with warmup_steps and warmup_mode (transcribed)"


class MxBase:
    def __init__(self, base_lr, warmup_steps, warmup_begin_lr, warmup_mode):
        self.base_lr, self.warmup_steps = base_lr, warmup_steps
        self.warmup_final_lr, self.warmup_begin_lr, self.warmup_mode = base_lr, warmup_begin_lr, warmup_mode

    def get_warmup_lr(self, n):
        if self.warmup_mode == "linear":
            return self.warmup_begin_lr + (self.warmup_final_lr - self.warmup_begin_lr) * float(n) / float(
                self.warmup_steps)
        return self.warmup_begin_lr


class MxFactor(MxBase):
    def __init__(self, step, factor=1, stop_factor_lr=1e-8, base_lr=0.01, warmup_steps=0, warmup_begin_lr=0,
                 warmup_mode="linear"):
        super().__init__(base_lr, warmup_steps, warmup_begin_lr, warmup_mode)
        self.step, self.factor, self.stop_factor_lr, self.count = step, factor, stop_factor_lr, 0

    def __call__(self, n):
        if n < self.warmup_steps:
            return self.get_warmup_lr(n)
        while n > self.count + self.step:
            self.count += self.step
            self.base_lr *= self.factor
            if self.base_lr < self.stop_factor_lr:
                self.base_lr = self.stop_factor_lr
        return self.base_lr


class MxMultiFactor(MxBase):
    def __init__(self, step, factor=1, base_lr=0.01, warmup_steps=0, warmup_begin_lr=0, warmup_mode="linear"):
        super().__init__(base_lr, warmup_steps, warmup_begin_lr, warmup_mode)
        self.step, self.cur_step_ind, self.factor, self.count = step, 0, factor, 0

    def __call__(self, n):
        if n < self.warmup_steps:
            return self.get_warmup_lr(n)
        while self.cur_step_ind <= len(self.step) - 1:
            if n > self.step[self.cur_step_ind]:
                self.count = self.step[self.cur_step_ind]
                self.cur_step_ind += 1
                self.base_lr *= self.factor
            else:
                return self.base_lr
        return self.base_lr


class MxPoly(MxBase):
    def __init__(self, max_update, base_lr=0.01, pwr=2, final_lr=0, warmup_steps=0, warmup_begin_lr=0,
                 warmup_mode="linear"):
        super().__init__(base_lr, warmup_steps, warmup_begin_lr, warmup_mode)
        self.power, self.base_lr_orig, self.max_update, self.final_lr = pwr, base_lr, max_update, final_lr
        self.max_steps = max_update - warmup_steps

    def __call__(self, n):
        if n < self.warmup_steps:
            return self.get_warmup_lr(n)
        if n <= self.max_update:
            self.base_lr = self.final_lr + (self.base_lr_orig - self.final_lr) * pow(
                1 - float(n - self.warmup_steps) / float(self.max_steps), self.power)
        return self.base_lr


class MxCosine(MxBase):
    def __init__(self, max_update, base_lr=0.01, final_lr=0, warmup_steps=0, warmup_begin_lr=0, warmup_mode="linear"):
        super().__init__(base_lr, warmup_steps, warmup_begin_lr, warmup_mode)
        self.base_lr_orig, self.max_update, self.final_lr = base_lr, max_update, final_lr
        self.max_steps = max_update - warmup_steps

    def __call__(self, n):
        if n < self.warmup_steps:
            return self.get_warmup_lr(n)
        if n <= self.max_update:
            self.base_lr = self.final_lr + (self.base_lr_orig - self.final_lr) * (
                1 + math.cos(math.pi * (n - self.warmup_steps) / self.max_steps)) / 2
        return self.base_lr


def mxnet_cases():
    def case(case_id, reference, expr, sched, n):
        add("mxnet", "mxnet-" + case_id, MXNET, reference, expr, [sched(i) for i in range(n)])

    case("factor-warmup-linear", "FactorScheduler(step=10, factor=0.5, stop_factor_lr=0.001, base_lr=0.1, "
         "warmup_steps=5, warmup_begin_lr=0.01, warmup_mode='linear')",
         "min(linear(0.01, 0.1, 5), factor(0.1, 10, 0.5, 0.001))",
         MxFactor(10, 0.5, 0.001, 0.1, 5, 0.01, "linear"), 101)
    case("factor-warmup-constant", "FactorScheduler(step=10, factor=0.5, stop_factor_lr=0.001, base_lr=0.1, "
         "warmup_steps=5, warmup_begin_lr=0.01, warmup_mode='constant')",
         "min(piecewise_constant([5], [0.01, 0.1]), factor(0.1, 10, 0.5, 0.001))",
         MxFactor(10, 0.5, 0.001, 0.1, 5, 0.01, "constant"), 101)
    case("multifactor-warmup", "MultiFactorScheduler(step=[20, 40, 60], factor=0.5, base_lr=0.1, warmup_steps=10, "
         "warmup_begin_lr=0, warmup_mode='linear')", "min(linear(0, 0.1, 10), multi_factor(0.1, [20, 40, 60], 0.5))",
         MxMultiFactor([20, 40, 60], 0.5, 0.1, 10, 0.0, "linear"), 81)
    case("poly-warmup", "PolyScheduler(max_update=100, base_lr=0.1, pwr=2, final_lr=0.001, warmup_steps=10, "
         "warmup_begin_lr=0.01, warmup_mode='linear')", "poly(0.1, 90, 2, 0.001) | warmup(0.01, 10)",
         MxPoly(100, 0.1, 2, 0.001, 10, 0.01, "linear"), 131)
    case("poly-warmup-constant", "PolyScheduler(max_update=100, base_lr=0.1, pwr=1, final_lr=0, warmup_steps=10, "
         "warmup_begin_lr=0.01, warmup_mode='constant')", "sequence(0.01, 10, poly(0.1, 90, 1))",
         MxPoly(100, 0.1, 1, 0.0, 10, 0.01, "constant"), 131)
    case("cosine-warmup", "CosineScheduler(max_update=100, base_lr=0.1, final_lr=0.001, warmup_steps=10, "
         "warmup_begin_lr=0, warmup_mode='linear')", "cosine(0.001, 0.1, 90) | warmup(0, 10)",
         MxCosine(100, 0.1, 0.001, 10, 0.0, "linear"), 131)
    case("cosine-warmup-constant", "CosineScheduler(max_update=100, base_lr=0.1, final_lr=0.001, warmup_steps=10, "
         "warmup_begin_lr=0.001, warmup_mode='constant')", "sequence(0.001, 10, cosine(0.001, 0.1, 90))",
         MxCosine(100, 0.1, 0.001, 10, 0.001, "constant"), 131)


# ------------------------------------------------------------------------------------------------------

def check(cli):
    """Compares every case with `lrsched eval`; prints the worst deviation in units of the tolerance."""
    bad = 0
    for peer, items in cases.items():
        for c in items:
            r = subprocess.run([cli, "eval", c["expr"], "--from", str(c["first"]), "--to", str(c["last"]),
                                "--format", "plain"], capture_output=True, text=True)
            if r.returncode != 0:
                print(f"FAIL {c['id']}: {r.stderr.strip()}")
                bad += 1
                continue
            got = [float(line.split()[1]) for line in r.stdout.splitlines()]
            worst, at = 0.0, None
            for k, (g, w) in enumerate(zip(got, c["values"])):
                ratio = abs(g - w) / (1e-12 + 1e-9 * abs(w))
                if ratio > worst:
                    worst, at = ratio, c["first"] + k
            status = "ok  " if worst <= 1 and len(got) == len(c["values"]) else "FAIL"
            bad += status == "FAIL"
            print(f"{status} {c['id']}: worst {worst:.3g} of the tolerance (iteration {at})")
    print(f"{sum(len(v) for v in cases.values()) - bad} of {sum(len(v) for v in cases.values())} cases within "
          f"tolerance")
    return bad == 0


def load_committed():
    """The committed cases, as main() wrote them: --check needs neither PyTorch nor a rewrite."""
    for path in sorted(OUT.glob("*.jsonl")):
        cases[path.stem] = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        load_committed()
        sys.exit(0 if check(sys.argv[2]) else 1)
    if len(sys.argv) != 1:
        sys.exit("usage: /usr/bin/python3 tools/gen_peer_cases.py [--check path/to/lrsched]")
    torch_cases()
    optax_cases()
    keras_cases()
    timm_cases()
    hf_cases()
    fastai_cases()
    mxnet_cases()
    OUT.mkdir(parents=True, exist_ok=True)
    for peer, items in cases.items():
        ids = [c["id"] for c in items]
        assert len(ids) == len(set(ids)), peer
        (OUT / f"{peer}.jsonl").write_text("".join(json.dumps(c) + "\n" for c in items))
        print(f"wrote tests/peers/{peer}.jsonl: {len(items)} cases")


if __name__ == "__main__":
    main()
