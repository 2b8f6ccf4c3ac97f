"""How far back can the network see? Jacobian norms through time.

For a run of T steps, the sensitivity of the last output to each input is

    ‖∂h_T/∂x_t‖_F   (h_T of the top layer, x_t the network input, Frobenius norm)

and, for an LSTM, of the last memory to each earlier memory (top layer)

    ‖∂C_T/∂C_t‖_F   with its direct part ∏_{k=t+1}^{T} f_k along the memory line.

A plain RNN's gradient is multiplied at every step back by W_hhᵀ·diag(tanh'),
so it shrinks (or grows) geometrically; the LSTM's memory line only by f.
Each Jacobian is exact: one backward pass per output unit, run together as a
batch of seeds (the rows of the Jacobian). Norms are taken with scaling
(‖J‖ = m·‖J/m‖, m = max |J|) and ∏f in logs, so that any float64 value is
exact (squaring first would underflow once |J| is about 1e-162). Only a value
beyond float64's range (past ~1e308, or below its smallest normal number,
~2.2e-308) is reported as such, in ``Reach``, instead of drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import layer as L
from .network import Network
from .trace import Trace


@dataclass(frozen=True)
class Reach:
    """Per-step norms (T,), NaN where float64 could not hold the value."""

    dx: np.ndarray  # ‖∂h_T/∂x_t‖_F
    overflow: np.ndarray  # (T,) bool: the true value is beyond float64's largest number
    underflow: np.ndarray  # (T,) bool: the true value is below float64's smallest number
    # Both LSTM curves are root-mean-squares over the top layer's H units, so they start at 1 at t = T
    # (a plain norm would start at √H and look like a gain above 1):
    dc: np.ndarray | None = None  # ‖∂C_T/∂C_t‖_F / √H
    fprod: np.ndarray | None = None  # RMS over units of the per-unit products ∏_{k=t+1}^{T} f_k


def spectral_radius(W: np.ndarray) -> float:
    """max |λ| over the eigenvalues of a square matrix, e.g. W_hh of an RNN."""
    return float(np.abs(np.linalg.eigvals(W)).max())


def _runs(net: Network, trace: Trace) -> list[L.LayerRun]:
    if trace.x.ndim != 2:
        raise ValueError("Jacobian norms are computed for one sequence, not a batch.")
    return [net._layer_run(lt, batched=False) for lt in trace.layers]


TINY = np.finfo(float).tiny  # ≈ 2.2e-308: below this float64 has only subnormal (imprecise) numbers


def _norms(J: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Frobenius norm per step of J (T, B, n), scaled by each step's max |J| so that no square
    underflows or overflows; NaN where the norm itself is beyond float64's range."""
    with np.errstate(over="ignore", invalid="ignore", under="ignore"):
        m = np.abs(J).max(axis=(1, 2)) if J.size else np.zeros(J.shape[0])  # (T,)
        finite = np.isfinite(J).all(axis=(1, 2)) & np.isfinite(m)
        scale = np.where(finite & (m > 0), m, 1.0)
        Js = J / scale[:, None, None]
        n = m * np.sqrt(np.einsum("tbn,tbn->t", Js, Js))
    over = ~finite | ~np.isfinite(n)
    under = (n < TINY) & ~over
    n = np.where(over | under, np.nan, n)
    return n, over, under


def _rms_exp(logs: np.ndarray) -> np.ndarray:
    """sqrt(mean_j exp(2·logs[:, j])) per row, in logs: exact for any value float64 can hold."""
    top = logs.max(axis=1)  # (T,)
    top = np.where(np.isfinite(top), top, 0.0)  # every f was 0: the product is 0
    with np.errstate(under="ignore", over="ignore"):
        return np.exp(top) * np.sqrt(np.mean(np.exp(2 * (logs - top[:, None])), axis=1))


def input_jacobian(net: Network, trace: Trace) -> np.ndarray:
    """∂h_T/∂x_t for every t: (T, H_top, D_in), row j = gradient of h_T[j]."""
    runs = _runs(net, trace)
    T = trace.steps
    H = net.hidden_sizes[-1]
    dH = np.zeros((T, H, H))
    dH[-1] = np.eye(H)
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(net.num_layers - 1, -1, -1):
            p, r = net.layers[k], runs[k]
            dA_ih = net.kind.backward(r, p, dH)[0]
            dH = L._matmul(dA_ih, p.W_ih)
    return dH


def memory_jacobian(net: Network, trace: Trace) -> np.ndarray:
    """∂C_T/∂C_t of the top LSTM layer for every t: (T, H, H), row j = gradient of C_T[j]."""
    if not net.kind.memory:
        raise ValueError("Only an LSTM has a memory C.")
    run, p = _runs(net, trace)[-1], net.layers[-1]
    H = p.hidden_size
    with np.errstate(over="ignore", invalid="ignore"):
        dC = L.lstm_backward(run, p, np.zeros((trace.steps, H, H)), dc_last=np.eye(H), keep_dc=True)[3]
    return dC


def reach(net: Network, trace: Trace) -> Reach:
    """All the norms the "Why LSTM" page draws, for one run."""
    dx, over, under = _norms(input_jacobian(net, trace))
    if not net.kind.memory:
        return Reach(dx, over, under)
    dc, _, _ = _norms(memory_jacobian(net, trace))
    f = trace.layers[-1].f  # (T, H)
    dc = dc / np.sqrt(f.shape[1])
    # ∏_{k=t+1}^{T} f_k, in logs so that a long product cannot underflow early
    with np.errstate(divide="ignore"):
        logf = np.log(f)  # −inf where f itself is 0
    tail = np.concatenate((np.cumsum(logf[::-1], axis=0)[::-1][1:], np.zeros((1, f.shape[1]))))
    fprod = _rms_exp(tail)
    fprod = np.where(fprod >= TINY, fprod, np.nan)
    return Reach(dx, over, under, dc, fprod)


def with_spectral_radius(net: Network, rho: float) -> Network:
    """A copy whose recurrent weights are rescaled so that every layer's
    recurrence matrix has spectral radius ``rho``: W_hh for an RNN, the
    candidate block (W_hg of an LSTM, W_hn of a GRU) otherwise; W_hh is scaled as a whole."""
    if not (np.isfinite(rho) and rho >= 0):
        raise ValueError(f"Spectral radius is {rho}; it must be a number ≥ 0.")
    sd = net.state_dict()
    for k, p in enumerate(net.layers):
        M = _recurrence(net, p)
        r = spectral_radius(M)
        if r > 0:
            sd[f"weight_hh_l{k}"] = p.W_hh * (rho / r)
    return Network.from_state_dict(sd, net.cell)


def recurrent_radius(net: Network, k: int = 0) -> float:
    """ρ of layer k's recurrence matrix (W_hh for an RNN, W_hg for an LSTM, W_hn for a GRU)."""
    return spectral_radius(_recurrence(net, net.layers[k]))


def _recurrence(net: Network, p: object) -> np.ndarray:
    kind = net.kind
    return p.W_hh[p.block_rows(kind.block(kind.candidate))]


def decades(values: np.ndarray) -> float:
    """log10(values[0] / values[-1]): how many powers of ten a curve changes from t = 1 to t = T
    (NaN where the first value left float64's range)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.log10(values[0] / values[-1]))


def per_step(values: np.ndarray) -> float:
    """The measured gain of one step back: the geometric mean of values[t] / values[t + 1]
    over the run, 10^(decades / (T − 1)). NaN when the curve left float64's range."""
    T = values.size
    return float(10 ** (decades(values) / (T - 1))) if T > 1 else 1.0


def gap_at_start(a: np.ndarray, b: np.ndarray) -> float:
    """log10(a[0] / b[0]): how many decades curve a stands above curve b at t = 1 (NaN if either left float64)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        g = float(np.log10(a[0] / b[0]))
    return g if np.isfinite(g) else float("nan")


def geometric_mean(a: np.ndarray) -> float:
    """exp(mean(log a)): the typical factor of a product of many a's (an arithmetic mean is not)."""
    return float(np.exp(np.mean(np.log(np.maximum(a, np.finfo(float).tiny)))))


def mean_tanh_slope(trace: Trace) -> float:
    """Average tanh'(a_t) = 1 − h_t² of the top layer over the run: what each step back multiplies by,
    besides W_hh, in a plain RNN."""
    h = trace.layers[-1].h
    return float(np.mean(1 - h * h))
