"""One recurrent layer over a whole sequence, forward and backward, fast.

Same maths as ``cell.lstm_step`` / ``cell.gru_step`` / ``cell.rnn_step``; arrays are laid out
(T, B, ·): time first, then the batch (B = 1 for a single sequence). Two
things make it fast without changing a single equation:

* W_ih·x_t for every t is one matrix product before the loop; so is
  W_hh·h_{t-1} for the trace, after it. The loop does only what must be
  sequential.
* σ(a) = ½ + ½·tanh(a/2). Halving the i, f, o rows of the weights once lets
  one tanh over all 4H pre-activations give the three gates and g together.

Backward is backpropagation through time for L = Σ_t ⟨dH_t, h_t⟩ (dH_t is
the gradient arriving at h_t from above), returning dL/da_t for every gate
pre-activation; parameter and input gradients are then single products.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .cell import LayerParams


@dataclass(frozen=True)
class LayerRun:
    """What one layer's forward pass produced, (T, B, ·) arrays."""

    x: np.ndarray  # (T, B, D) input of this layer
    h_prev: np.ndarray  # (T, B, H) h_{t-1}
    c_prev: np.ndarray | None  # (T, B, H) C_{t-1}; None without a memory line
    ih: np.ndarray  # (T, B, GH) W_ih·x_t
    hh: np.ndarray  # (T, B, GH) W_hh·h_{t-1}
    pre: np.ndarray  # (T, B, GH) what goes into σ or tanh: W_ih·x_t + W_hh·h_{t-1} + b_ih + b_hh
    #   (GRU's n: W_in·x_t + b_in + r_t ⊙ (W_hn·h_{t-1} + b_hn))
    act: np.ndarray  # (T, B, GH) every block after any override: LSTM [i, f, g, o], GRU [r, z, n], RNN h
    c: np.ndarray | None  # (T, B, H) C_t; None without a memory line
    h: np.ndarray  # (T, B, H) h_t
    forced: np.ndarray | None  # (T, GH) bool: where an override set the gate


def _gate_scale(H: int) -> tuple[np.ndarray, np.ndarray]:
    """Per-row scale and offset turning tanh(scale·a) into [σ(i), σ(f), tanh(g), σ(o)]."""
    scale = np.full(4 * H, 0.5)
    scale[2 * H : 3 * H] = 1.0
    offset = np.where(scale == 0.5, 0.5, 0.0)
    return scale, offset


def lstm_forward(
    x: np.ndarray,
    p: LayerParams,
    h0: np.ndarray,
    c0: np.ndarray,
    forced: np.ndarray | None = None,
    forced_value: np.ndarray | None = None,
) -> LayerRun:
    """Run an LSTM layer over x (T, B, D) from (h0, c0) (B, H) each.

    ``forced``/``forced_value`` (T, 4H) replace the gate activations where
    ``forced`` is True (the "what if" overrides).
    """
    T, B, _ = x.shape
    H = p.hidden_size
    scale, offset = _gate_scale(H)
    b = p.b_ih + p.b_hh
    ih = _matmul(x, p.W_ih.T)  # (T, B, 4H)
    xw = (ih + b) * scale  # (T, B, 4H)
    WhhT = (p.W_hh * scale[:, None]).T  # (H, 4H)
    forced_at = set(np.flatnonzero(forced.any(axis=1)).tolist()) if forced is not None else set()
    act = np.empty((T, B, 4 * H))
    hh = np.empty((T, B, 4 * H))  # W_hh·h_{t-1} (scaled in the loop, unscaled after)
    pre = np.empty((T, B, 4 * H))  # the gates' pre-activations (likewise)
    C = np.empty((T, B, H))
    Hs = np.empty((T, B, H))
    h, c = h0, c0
    i_, f_, g_, o_ = slice(0, H), slice(H, 2 * H), slice(2 * H, 3 * H), slice(3 * H, 4 * H)
    # Every array op below writes into its place in the trace (out=...): at
    # small H the cost of a step is the number of NumPy calls, not the flops.
    for t in range(T):
        s, hh_t, pre_t = act[t], hh[t], pre[t]  # (B, 4H) views
        np.dot(h, WhhT, out=hh_t)
        np.add(xw[t], hh_t, out=pre_t)
        np.tanh(pre_t, out=s)
        s *= scale
        s += offset  # s is now [i, f, g, o]
        if t in forced_at:
            np.copyto(s, forced_value[t], where=forced[t])
        c = np.multiply(s[:, f_], c, out=C[t])
        c += s[:, i_] * s[:, g_]  # C_t = f·C_{t-1} + i·g
        h = np.tanh(c, out=Hs[t])
        h *= s[:, o_]  # h_t = o·tanh(C_t)
    hh /= scale  # exact: scale is 1 or 1/2
    pre /= scale
    h_prev = np.concatenate((h0[None], Hs[:-1]))
    c_prev = np.concatenate((c0[None], C[:-1]))
    return LayerRun(x, h_prev, c_prev, ih, hh, pre, act, C, Hs, forced)


def rnn_forward(x: np.ndarray, p: LayerParams, h0: np.ndarray, *_unused: object) -> LayerRun:
    """Run a plain tanh RNN layer over x (T, B, D) from h0 (B, H) (no memory, nothing to force)."""
    T, B, _ = x.shape
    H = p.hidden_size
    b = p.b_ih + p.b_hh
    ih = _matmul(x, p.W_ih.T)  # (T, B, H)
    xw = ih + b
    WhhT = p.W_hh.T
    Hs = np.empty((T, B, H))
    hh = np.empty((T, B, H))
    h = h0
    for t in range(T):
        np.dot(h, WhhT, out=hh[t])
        h = np.add(xw[t], hh[t], out=Hs[t])
        np.tanh(h, out=h)
    h_prev = np.concatenate((h0[None], Hs[:-1]))
    return LayerRun(x, h_prev, None, ih, hh, ih + hh + b, Hs, None, Hs, None)


def gru_forward(
    x: np.ndarray,
    p: LayerParams,
    h0: np.ndarray,
    c0: object = None,
    forced: np.ndarray | None = None,
    forced_value: np.ndarray | None = None,
) -> LayerRun:
    """Run a GRU layer (PyTorch's nn.GRU) over x (T, B, D) from h0 (B, H).

        r_t = σ(W_ir·x_t + b_ir + W_hr·h_{t-1} + b_hr)
        z_t = σ(W_iz·x_t + b_iz + W_hz·h_{t-1} + b_hz)
        n_t = tanh(W_in·x_t + b_in + r_t ⊙ (W_hn·h_{t-1} + b_hn))
        h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}

    A GRU has no memory line (``c0`` is ignored). ``forced``/``forced_value``
    (T, 3H) replace r, z or n where ``forced`` is True.
    """
    T, B, _ = x.shape
    H = p.hidden_size
    rz, n_ = slice(0, 2 * H), slice(2 * H, 3 * H)
    # σ(a) = ½ + ½·tanh(a/2): the r and z rows of W_hh and of the biases are halved once, so
    # one tanh gives both gates (hh and pre of those rows are scaled back after the loop)
    half = np.ones(3 * H)
    half[rz] = 0.5
    ih = _matmul(x, p.W_ih.T)  # (T, B, 3H)
    gi = ih + p.b_ih
    xw = (gi[..., rz] + p.b_hh[rz]) * 0.5  # ½·(W_i·x_t + b_i + b_h) for r and z
    WhhT = (p.W_hh * half[:, None]).T
    b_hn = p.b_hh[n_]
    forced_at = set(np.flatnonzero(forced.any(axis=1)).tolist()) if forced is not None else set()
    hh = np.empty((T, B, 3 * H))
    pre = np.empty((T, B, 3 * H))
    act = np.empty((T, B, 3 * H))
    Hs = np.empty((T, B, H))
    hbn = np.empty((B, H))
    # views made once: a step then costs only its NumPy calls (the point at small H)
    hh_rz, hh_n, pre_rz, pre_n = hh[..., rz], hh[..., n_], pre[..., rz], pre[..., n_]
    s_rz, s_r, s_z, s_n, gi_n = act[..., rz], act[..., :H], act[..., H : 2 * H], act[..., n_], gi[..., n_]
    h = h0
    for t in range(T):
        np.dot(h, WhhT, out=hh[t])
        s = s_rz[t]
        np.tanh(np.add(xw[t], hh_rz[t], out=pre_rz[t]), out=s)
        s *= 0.5
        s += 0.5  # [r, z]
        if t in forced_at:
            np.copyto(s, forced_value[t, rz], where=forced[t, rz])
        np.add(hh_n[t], b_hn, out=hbn)  # W_hn·h_{t-1} + b_hn
        a = np.multiply(s_r[t], hbn, out=pre_n[t])
        a += gi_n[t]  # a_n = W_in·x_t + b_in + r ⊙ (W_hn·h_{t-1} + b_hn)
        n = np.tanh(a, out=s_n[t])
        if t in forced_at:
            np.copyto(n, forced_value[t, n_], where=forced[t, n_])
        hn = np.subtract(h, n, out=Hs[t])
        hn *= s_z[t]
        hn += n  # h_t = n + z ⊙ (h_{t-1} − n) = (1 − z) ⊙ n + z ⊙ h_{t-1}
        h = hn
    hh_rz *= 2.0  # exact: the halving undone
    pre_rz *= 2.0
    h_prev = np.concatenate((h0[None], Hs[:-1]))
    return LayerRun(x, h_prev, None, ih, hh, pre, act, None, Hs, forced)


def mgu_forward(
    x: np.ndarray,
    p: LayerParams,
    h0: np.ndarray,
    c0: object = None,
    forced: np.ndarray | None = None,
    forced_value: np.ndarray | None = None,
) -> LayerRun:
    """Run a minimal gated unit layer (MGU, Zhou et al. 2016) over x (T, B, D) from h0 (B, H).

        f_t = σ(W_if·x_t + b_if + W_hf·h_{t-1} + b_hf)
        n_t = tanh(W_in·x_t + b_in + W_hn·(f_t ⊙ h_{t-1}) + b_hn)
        h_t = (1 − f_t) ⊙ h_{t-1} + f_t ⊙ n_t

    One gate does a GRU's two jobs: it chooses what the candidate reads of h_{t-1} and how much of
    the candidate is written. The n rows of ``hh`` are W_hn·(f_t ⊙ h_{t-1}), what W_hn multiplies
    (``mgu_reads``). No memory line (``c0`` is ignored); ``forced``/``forced_value`` (T, 2H) replace
    f or n where ``forced`` is True.
    """
    T, B, _ = x.shape
    H = p.hidden_size
    f_, n_ = slice(0, H), slice(H, 2 * H)
    ih = _matmul(x, p.W_ih.T)  # (T, B, 2H)
    xw = ih + p.b_ih + p.b_hh
    W_hf, W_hn = p.W_hh[f_], p.W_hh[n_]
    hh = np.empty((T, B, 2 * H))
    pre = np.empty((T, B, 2 * H))
    act = np.empty((T, B, 2 * H))
    Hs = np.empty((T, B, H))
    h = h0
    for t in range(T):
        hh[t, :, f_] = h @ W_hf.T  # (np.dot's out= takes only a C-contiguous block: with B > 1 it is not)
        np.add(xw[t, :, f_], hh[t, :, f_], out=pre[t, :, f_])
        f = np.tanh(0.5 * pre[t, :, f_])
        f = np.multiply(0.5, f + 1.0, out=act[t, :, f_])  # σ(a) = ½ + ½·tanh(a/2)
        if forced is not None and forced[t, f_].any():
            np.copyto(f, forced_value[t, f_], where=forced[t, f_])
        hh[t, :, n_] = (f * h) @ W_hn.T
        np.add(xw[t, :, n_], hh[t, :, n_], out=pre[t, :, n_])
        n = np.tanh(pre[t, :, n_], out=act[t, :, n_])
        if forced is not None and forced[t, n_].any():
            np.copyto(n, forced_value[t, n_], where=forced[t, n_])
        h = np.add(h, f * (n - h), out=Hs[t])  # (1 − f) ⊙ h_{t-1} + f ⊙ n
    h_prev = np.concatenate((h0[None], Hs[:-1]))
    return LayerRun(x, h_prev, None, ih, hh, pre, act, None, Hs, forced)


def mgu_reads(h_prev: np.ndarray, gate) -> tuple[np.ndarray, np.ndarray]:
    """What each block of an MGU's W_hh multiplies: h_{t-1} for f, f_t ⊙ h_{t-1} for n."""
    return h_prev, gate("f") * h_prev


def mgu_backward(
    run: LayerRun, p: LayerParams, dH: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, None]:
    """BPTT through an MGU layer. dH (T, B, H) -> (dA, dA (T, B, 2H), dh0, None).

    Both biases of a block get the same gradient (each pre-activation is a plain sum). The gate f
    reaches h_t twice: directly (h_t = h_{t-1} + f ⊙ (n − h_{t-1})) and through what n reads
    (W_hn·(f ⊙ h_{t-1})). A forced block has zero dA: its value no longer depends on it.
    """
    T, _, H = run.h.shape
    B = dH.shape[1]
    s = run.act
    f, n, hp = s[..., :H], s[..., H:], run.h_prev
    Df = f * (1 - f)
    Dn = 1 - n * n
    if run.forced is not None:
        Df = np.where(run.forced[:, None, :H], 0.0, Df)
        Dn = np.where(run.forced[:, None, H:], 0.0, Dn)
    W_hf, W_hn = p.W_hh[:H], p.W_hh[H:]
    dA = np.empty((T, B, 2 * H))
    dh_next = np.zeros((B, H))
    for t in range(T - 1, -1, -1):
        dh = dH[t] + dh_next
        da_n = dh * f[t] * Dn[t]
        dread = da_n @ W_hn  # dL/d(f ⊙ h_{t-1})
        da_f = (dh * (n[t] - hp[t]) + dread * hp[t]) * Df[t]
        dA[t, :, :H], dA[t, :, H:] = da_f, da_n
        dh_next = dh * (1 - f[t]) + dread * f[t] + da_f @ W_hf
    return dA, dA, dh_next, None


def gru_backward(
    run: LayerRun, p: LayerParams, dH: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, None]:
    """BPTT through a GRU layer. dH (T, B, H) -> (dA_ih, dA_hh (T, B, 3H), dh0, None).

    The two biases of n have different gradients (r multiplies W_hn·h + b_hn
    only), so there are two: dA_ih = dL/d(W_ih·x_t + b_ih) and
    dA_hh = dL/d(W_hh·h_{t-1} + b_hh), equal in the r and z blocks.
    """
    T, _, H = run.h.shape
    B = dH.shape[1]
    s = run.act
    r, z, n = s[..., :H], s[..., H : 2 * H], s[..., 2 * H :]
    hn = run.hh[..., 2 * H :] + p.b_hh[2 * H :]  # W_hn·h_{t-1} + b_hn
    Qz = (run.h_prev - n) * z * (1 - z)  # dh_t/da_z
    Qn = (1 - z) * (1 - n * n)  # dh_t/da_n
    Qr = hn * r * (1 - r)  # da_n/da_r
    if run.forced is not None:
        f = run.forced[:, None, :]
        Qr = np.where(f[..., :H], 0.0, Qr)
        Qz = np.where(f[..., H : 2 * H], 0.0, Qz)
        Qn = np.where(f[..., 2 * H :], 0.0, Qn)
    dA_i = np.empty((T, B, 3 * H))
    dA_h = np.empty((T, B, 3 * H))
    dh_next = np.zeros((B, H))
    W_hh = p.W_hh
    for t in range(T - 1, -1, -1):
        dh = dH[t] + dh_next
        di, dhh = dA_i[t], dA_h[t]
        np.multiply(dh, Qn[t], out=di[:, 2 * H :])
        np.multiply(dh, Qz[t], out=di[:, H : 2 * H])
        np.multiply(di[:, 2 * H :], Qr[t], out=di[:, :H])
        dhh[:, : 2 * H] = di[:, : 2 * H]
        np.multiply(di[:, 2 * H :], r[t], out=dhh[:, 2 * H :])
        dh_next = dh * z[t] + dhh @ W_hh
    return dA_i, dA_h, dh_next, None


def lstm_backward_grads(run: LayerRun, p: LayerParams, dH: np.ndarray) -> tuple:
    """``lstm_backward`` in the kinds' shape: (dA, dA, dh0, dc0) (both biases get dA)."""
    dA, dh0, dc0, _ = lstm_backward(run, p, dH)
    return dA, dA, dh0, dc0


def rnn_backward_grads(run: LayerRun, p: LayerParams, dH: np.ndarray) -> tuple:
    """``rnn_backward`` in the kinds' shape: (dA, dA, dh0, None)."""
    dA, dh0 = rnn_backward(run, p, dH)
    return dA, dA, dh0, None


def lstm_backward(
    run: LayerRun, p: LayerParams, dH: np.ndarray, dc_last: np.ndarray | None = None, keep_dc: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]:
    """BPTT through an LSTM layer. dH (T, B, H) -> (dA (T, B, 4H), dh0, dc0, dC).

    dA[t] = dL/d[a_i, a_f, a_g, a_o] at step t; a forced gate has zero there,
    because its value no longer depends on its pre-activation. ``dc_last``
    (B, H) seeds dL/dC_T; with ``keep_dc`` dC[t] = dL/dC_t is returned too.
    The batch of dH may be wider than the run's (a run of one sequence
    broadcasts against many seeds: the rows of a Jacobian).
    """
    T, _, H = run.h.shape
    B = dH.shape[1]
    s = run.act
    i, f, g, o = s[..., :H], s[..., H : 2 * H], s[..., 2 * H : 3 * H], s[..., 3 * H :]
    tc = np.tanh(run.c)
    # dL/da = dL/d(gate) · gate'(a); dL/d(gate) is dC·g, dC·C_{t-1}, dC·i, dh·tanh(C)
    Q = np.concatenate(
        (g * i * (1 - i), run.c_prev * f * (1 - f), i * (1 - g * g), tc * o * (1 - o)), axis=-1
    )
    if run.forced is not None:
        Q = np.where(run.forced[:, None, :], 0.0, Q)
    K = o * (1 - tc * tc)  # dC_t/dh_t path: h = o·tanh(C)
    dA = np.empty((T, B, 4 * H))
    dC = np.empty((T, B, H)) if keep_dc else None
    dh_next = np.zeros((B, H))
    dc_next = np.zeros((B, H)) if dc_last is None else dc_last
    W_hh = p.W_hh
    for t in range(T - 1, -1, -1):
        dh = dH[t] + dh_next
        dc = dc_next + dh * K[t]
        if keep_dc:
            dC[t] = dc
        da = np.concatenate((dc, dc, dc, dh), axis=1) * Q[t]
        dA[t] = da
        dh_next = da @ W_hh
        dc_next = dc * f[t]
    return dA, dh_next, dc_next, dC


def rnn_backward(run: LayerRun, p: LayerParams, dH: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """BPTT through a tanh RNN layer. dH (T, B, H) -> (dA (T, B, H), dh0)."""
    T, _, H = run.h.shape
    B = dH.shape[1]
    D = 1 - run.h * run.h  # tanh'(a_t)
    dA = np.empty((T, B, H))
    dh_next = np.zeros((B, H))
    W_hh = p.W_hh
    for t in range(T - 1, -1, -1):
        da = (dH[t] + dh_next) * D[t]
        dA[t] = da
        dh_next = da @ W_hh
    return dA, dh_next


def param_grads(
    run: LayerRun, p: LayerParams, dA_ih: np.ndarray, dA_hh: np.ndarray, reads: tuple | None = None
) -> tuple[dict, np.ndarray]:
    """From dA_ih, dA_hh (T, B, GH): gradients of W_ih, b_ih (from dA_ih), W_hh, b_hh
    (from dA_hh), and dL/dx (T, B, D). LSTM and RNN pass the same array twice. ``reads``: what
    each block of W_hh multiplies, (T, B, H) per block (a kind's ``reads``); None: h_{t-1} for all."""
    GH = dA_ih.shape[-1]
    flat_i = dA_ih.reshape(-1, GH)
    flat_h = flat_i if dA_hh is dA_ih else dA_hh.reshape(-1, GH)
    H = run.h_prev.shape[-1]
    if reads is None:
        dW_hh = flat_h.T @ run.h_prev.reshape(-1, H)
    else:
        dW_hh = np.concatenate(
            [flat_h[:, b * H : (b + 1) * H].T @ r.reshape(-1, H) for b, r in enumerate(reads)]
        )
    grads = {
        "W_ih": flat_i.T @ run.x.reshape(-1, run.x.shape[-1]),
        "W_hh": dW_hh,
        "b_ih": flat_i.sum(axis=0),
        "b_hh": flat_h.sum(axis=0),
    }
    return grads, _matmul(dA_ih, p.W_ih)


def _matmul(a: np.ndarray, W: np.ndarray) -> np.ndarray:
    """(T, B, n) @ (n, m) as one 2-D product (a 3-D @ loops over T in NumPy)."""
    return (a.reshape(-1, a.shape[-1]) @ W).reshape(*a.shape[:-1], W.shape[-1])
