#!/usr/bin/env python3
"""Generate the coefficient tables of include/lrsched/detail/math.hpp (needs mpmath; the build does not).

Prints the table section of math.hpp (hex-float literals; `// `-lines report the fits) to stdout:
  python3 tools/gen_math_coefficients.py > /tmp/coeffs.txt
The `inline constexpr` blocks are pasted verbatim between "coefficient tables" and "cos(pi t)" in
math.hpp; the scalar constants printed as comments are written by hand next to their use.

Polynomials are weighted least-squares fits on Chebyshev nodes at 80 digits (close to minimax),
coefficients rounded to double; the script reports each fit's max error after rounding.
"""
import struct

import mpmath as mp

mp.mp.dps = 80


def hx(v):
    return float(v).hex()


def fit(f, a, b, degree, weight, nodes=400):
    """Coefficients c[0..degree] of sum c_k t^k ~ f(t) on [a, b], minimizing weight(t)*(p(t)-f(t))."""
    a, b = mp.mpf(a), mp.mpf(b)
    ts = [(a + b) / 2 + (b - a) / 2 * mp.cos(mp.pi * (i + mp.mpf(1) / 2) / nodes) for i in range(nodes)]
    A = mp.matrix(nodes, degree + 1)
    y = mp.matrix(nodes, 1)
    for i, t in enumerate(ts):
        w = weight(t)
        for k in range(degree + 1):
            A[i, k] = w * t**k
        y[i] = w * f(t)
    c = mp.lu_solve(A.T * A, A.T * y)
    return [c[k] for k in range(degree + 1)]


def refit_tail(f, a, b, fixed, degree, weight):
    """Fit with the first coefficients fixed (already rounded to double)."""
    nf = len(fixed)
    g = lambda t: (f(t) - sum(mp.mpf(fixed[k]) * t**k for k in range(nf))) / t**nf
    rest = fit(g, a, b, degree - nf, lambda t: weight(t) * t**nf)
    return [mp.mpf(v) for v in fixed] + rest


def max_err(f, a, b, cs, weight, n=2000):
    a, b = mp.mpf(a), mp.mpf(b)
    m = 0
    for i in range(n + 1):
        t = a + (b - a) * i / n
        p = mp.mpf(0)
        for c in reversed(cs):
            p = p * t + mp.mpf(float(c))
        m = max(m, abs(weight(t) * (p - f(t))))
    return m


def emit(name, cs):
    """A table exactly as it appears in math.hpp (four values a line)."""
    vals = [hx(c) for c in cs]
    one_line = f"inline constexpr double {name}[{len(vals)}] = {{{', '.join(vals)}}};"
    if len(one_line) <= 110:
        print(one_line)
        return
    print(f"inline constexpr double {name}[{len(vals)}] = {{")
    for i in range(0, len(vals), 4):
        print("    " + ", ".join(vals[i:i + 4]) + ",")
    print("};")


# --- sin(pi v) = v * (pi + z * Q(z)), z = v^2, |v| <= 1/4; pi is split as pi_hi + pi_lo ---------
def sinpi_over(z):
    if z == 0:
        return mp.pi
    v = mp.sqrt(z)
    return mp.sin(mp.pi * v) / v


zmax = mp.mpf(1) / 16
sin_q = lambda z: (sinpi_over(z) - mp.pi) / z if z != 0 else -mp.pi**3 / 6
Q = fit(sin_q, 0, zmax, 5, lambda z: z / sinpi_over(z))
emit("sinpi_coeffs", Q)  # Q[0] + z * (Q[1] + ...)
print(f"//   max rel error of sin(pi v)/v {mp.nstr(max_err(sin_q, 0, zmax, Q, lambda z: z / sinpi_over(z)), 5)}")
print(f"// pi_hi = {hx(mp.pi)}; pi_lo = {hx(mp.pi - float(mp.pi))}")
print(f"// half_pi_cubed = {hx(mp.pi**3 / 2)}; pi_sq = {hx(mp.pi**2)}")


# --- cos(pi w) = 1 + z * C(z), z = w^2, |w| <= 1/4 (absolute error of z*C) -------------------
def cospi_m1_over(z):
    if z == 0:
        return -mp.pi**2 / 2
    return (mp.cos(mp.pi * mp.sqrt(z)) - 1) / z


C = fit(cospi_m1_over, 0, zmax, 6, lambda z: 1)
C = refit_tail(cospi_m1_over, 0, zmax, [float(C[0])], 6, lambda z: 1)
emit("cospi_coeffs", C)
print(f"//   max abs error of z*C(z) {mp.nstr(max_err(cospi_m1_over, 0, zmax, C, lambda z: z), 5)}")

# --- tanh(x) = x + x^3 T(x^2), |x| <= 1/16 (relative error) ---------------------------------------
tz = mp.mpf(1) / 256
tanh_t = lambda z: (mp.tanh(mp.sqrt(z)) - mp.sqrt(z)) / mp.sqrt(z) ** 3 if z != 0 else -mp.mpf(1) / 3
T = fit(tanh_t, 0, tz, 4, lambda z: z)
emit("tanh_poly", T)
print(f"//   max rel error of x^3 T(x^2) vs x: {mp.nstr(max_err(tanh_t, 0, tz, T, lambda z: z), 5)}")

# --- exp: 2^(j/N) table and exp(r) - 1 - r = r^2 * P(r), |r| <= ln2/(2N) ---------------------
N = 128
rmax = mp.log(2) / (2 * N) * mp.mpf("1.02")
expP = lambda r: (mp.exp(r) - 1 - r) / r**2 if r != 0 else mp.mpf(1) / 2
E = fit(expP, -rmax, rmax, 3, lambda r: r * r)
emit("exp_poly", E)
print(f"//   max abs error of r^2*P(r) {mp.nstr(max_err(expP, -rmax, rmax, E, lambda r: r * r), 5)}")
hi, tail = [], []
for j in range(N):
    t = mp.power(2, mp.mpf(j) / N)
    h = float(t)
    hi.append(h)
    tail.append((t - h) / h)
emit("exp2_table_hi", hi)
emit("exp2_table_tail", tail)
inv_ln2_n = N / mp.log(2)
ln2n = mp.log(2) / N
ln2n_hi = float(mp.mpf(int(ln2n * 2**43)) / 2**43)  # trailing zeros: k * ln2n_hi is exact for |k| < 2^20
ln2n_lo = float(ln2n - ln2n_hi)
print(f"// inv_ln2_n = {hx(inv_ln2_n)}; ln2n_hi = {hx(ln2n_hi)}; ln2n_lo = {hx(ln2n_lo)}")

# --- log: table over z in [OFF, 2 OFF), log(z) = -log(invc) + log1p(z * invc - 1) ------------
LN = 128
OFF = 0x3FE6955500000000



def d(u):
    return struct.unpack("<d", struct.pack("<Q", u))[0]


invc_t, logc_t, logctail_t = [], [], []
rmx = mp.mpf(0)
for j in range(LN):
    lo = mp.mpf(d(OFF + (j << 45)))
    hi_ = mp.mpf(d(OFF + ((j + 1) << 45)))
    if lo <= 1 < hi_:
        invc = mp.mpf(1)
    else:
        c = (lo + hi_) / 2
        # invc with at most 11 significant bits: zhi * invc (21 x 11 bits) is exact
        e = mp.floor(mp.log(1 / c, 2))
        invc = mp.nint((1 / c) * mp.mpf(2) ** (10 - e)) / mp.mpf(2) ** (10 - e)
    l = -mp.log(invc)
    lc = float(mp.nint(l * 2**42) / 2**42)  # on ln2_hi's grid, so k * ln2_hi + logc is exact
    invc_t.append(float(invc))
    logc_t.append(lc)
    logctail_t.append(float(l - lc))
    rmx = max(rmx, abs(lo * invc - 1), abs(hi_ * invc - 1))
emit("log_invc", invc_t)
emit("log_logc", logc_t)
emit("log_logctail", logctail_t)
print(f"//   log_off = {OFF:#x}; max |r| = {mp.nstr(rmx, 6)}")
l1 = lambda r: (mp.log1p(r) - r + r * r / 2) / r**3 if r != 0 else mp.mpf(1) / 3
rr = rmx * mp.mpf("1.001")
L = fit(l1, -rr, rr, 5, lambda r: r * r)  # weight ~ relative to r
emit("log_poly", L)  # log1p(r) = r - r^2/2 + r^3 * L(r)
print(f"//   max rel error of r^3*L(r) vs r: {mp.nstr(max_err(l1, -rr, rr, L, lambda r: r * r), 5)}")
ln2 = mp.log(2)
ln2_hi = float(mp.mpf(int(ln2 * 2**42)) / 2**42)  # k * ln2_hi exact for |k| < 2^11
ln2_lo = float(ln2 - ln2_hi)
print(f"// ln2_hi = {hx(ln2_hi)}; ln2_lo = {hx(ln2_lo)}")
