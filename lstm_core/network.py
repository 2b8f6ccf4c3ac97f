"""A stack of LSTM, GRU or RNN layers: build it, run it, backpropagate through it.

A stacked LSTM is cells stacked on cells: layer k's h_t is layer k+1's x_t,
and each layer may have its own hidden size. Weights use PyTorch's names and
layout (``weight_ih_l{k}`` (G·H, D_in), ``weight_hh_l{k}`` (G·H, H),
``bias_ih_l{k}``, ``bias_hh_l{k}`` (G·H,), blocks in the kind's order: LSTM
i, f, g, o; GRU r, z, n; RNN one block), so a trained ``nn.LSTM`` /
``nn.GRU`` / ``nn.RNN`` loads as it is. What differs between kinds is in
``kinds.py``; nothing here tests a kind's name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from . import layer as L
from .cell import LayerParams
from .errors import GateLabError, ShapeError, StateDictError, check_array
from .kinds import CELLS, Kind, kind_of
from .overrides import GateOverride, override_masks
from .trace import LayerTrace, Trace, freeze

__all__ = ["CELLS", "Gradients", "Network"]
NAMES = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
FIELDS = ("W_ih", "W_hh", "b_ih", "b_hh")


def _gates_of(cell: str) -> int:
    return kind_of(cell).G


@dataclass(frozen=True)
class Gradients:
    """dL/d(everything) for L = Σ dh_last · h_T(top)."""

    x: np.ndarray  # (T, D_in) or (B, T, D_in): dL/dx_t
    params: dict[str, np.ndarray]  # same names and shapes as state_dict()
    h0: tuple[np.ndarray, ...]  # per layer, dL/dh_0 (H_k,) or (B, H_k)
    c0: tuple[np.ndarray, ...] | None  # per layer, dL/dC_0 (a kind with a memory line only)


@dataclass(frozen=True, eq=False)
class Network:
    """An LSTM, GRU or RNN stack. Immutable: editing weights makes a new Network."""

    cell: str  # a name in kinds.KINDS_BY_NAME: "lstm", "gru" or "rnn"
    layers: tuple[LayerParams, ...]

    @property
    def kind(self) -> Kind:
        return kind_of(self.cell)

    # ---- construction -------------------------------------------------------

    @classmethod
    def from_state_dict(cls, sd: Mapping[str, object], cell: str = "lstm") -> Network:
        """Build from PyTorch-named arrays; checks every name and shape."""
        G = _gates_of(cell)
        keys = set(sd)
        n = 0
        while f"weight_ih_l{n}" in keys:
            n += 1
        if n == 0:
            raise StateDictError(
                f"No 'weight_ih_l0' in the weights; got names {sorted(keys)[:8]}. Expected "
                "PyTorch nn.LSTM/nn.GRU/nn.RNN names: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, …",
                "no_recurrent",
                got=", ".join(sorted(keys)[:6]),
            )
        expected = {f"{nm}_l{k}" for k in range(n) for nm in NAMES}
        missing, extra = sorted(expected - keys), sorted(keys - expected)
        if missing or extra:
            parts = [f"missing {missing}"] * bool(missing) + [f"unexpected {extra}"] * bool(extra)
            raise StateDictError(
                f"The weights for a {n}-layer {cell.upper()} do not match: {'; '.join(parts)}. "
                "(Bias-free layers and LSTM projections (proj_size) are not supported.)",
                "names_mismatch",
                n=n,
                cell=cell.upper(),
                missing=", ".join(missing) or "—",
                extra=", ".join(extra) or "—",
            )
        layers = []
        d_in = None
        for k in range(n):
            W_hh = check_array(f"weight_hh_l{k}", sd[f"weight_hh_l{k}"], (None, None))
            H = W_hh.shape[1]
            if H == 0 or W_hh.shape[0] != G * H:
                raise ShapeError(
                    f"weight_hh_l{k} has shape {W_hh.shape}; a {cell.upper()} layer with hidden "
                    f"size H needs ({G}·H, H), e.g. ({G * max(H, 1)}, {max(H, 1)}).",
                    "hh_shape",
                    name=f"weight_hh_l{k}",
                    shape=str(W_hh.shape),
                    cell=cell.upper(),
                    G=G,
                    example=f"({G * max(H, 1)}, {max(H, 1)})",
                )
            W_ih = check_array(f"weight_ih_l{k}", sd[f"weight_ih_l{k}"], (G * H, None))
            if d_in is not None and W_ih.shape[1] != d_in:
                raise ShapeError(
                    f"weight_ih_l{k} has shape {W_ih.shape}, expected ({G * H}, {d_in}): layer {k} "
                    f"reads layer {k - 1}'s h_t, so its input size must be {d_in}, that layer's "
                    "hidden size.",
                    "ih_chain",
                    name=f"weight_ih_l{k}",
                    shape=str(W_ih.shape),
                    want=f"({G * H}, {d_in})",
                    k=k,
                    below=k - 1,
                    d=d_in,
                )
            if W_ih.shape[1] == 0:
                raise ShapeError(
                    f"weight_ih_l{k} has shape {W_ih.shape}: input size is 0.",
                    "zero_input",
                    name=f"weight_ih_l{k}",
                    shape=str(W_ih.shape),
                )
            b_ih = check_array(f"bias_ih_l{k}", sd[f"bias_ih_l{k}"], (G * H,))
            b_hh = check_array(f"bias_hh_l{k}", sd[f"bias_hh_l{k}"], (G * H,))
            layers.append(LayerParams(W_ih, W_hh, b_ih, b_hh))
            d_in = H  # layer k+1 reads layer k's h_t
        return cls._frozen(cell, layers)

    @classmethod
    def random(
        cls,
        input_size: int,
        hidden_sizes: Sequence[int],
        cell: str = "lstm",
        seed: int = 0,
        scale: float = 1.0,
        forget_bias: float | None = None,
    ) -> Network:
        """PyTorch's init: every weight ~ U(−1/√H, 1/√H), times ``scale``.

        ``forget_bias`` (LSTM), if given, sets b_f = b_if + b_hf to that value
        (b_if = forget_bias, b_hf = 0): σ(1) = 0.73, σ(3) = 0.95, σ(5) = 0.993.
        """
        G = _gates_of(cell)
        if input_size < 1 or not hidden_sizes or min(hidden_sizes) < 1:
            raise ShapeError(
                f"Sizes must be at least 1; got input size {input_size} and hidden sizes "
                f"{list(hidden_sizes)}."
            )
        if not np.isfinite(scale):
            raise GateLabError(f"Weight scale is {scale}; it must be a finite number.")
        rng = np.random.default_rng(seed)
        layers, d_in = [], input_size
        for H in hidden_sizes:
            bound = scale / np.sqrt(H)
            W_ih, W_hh, b_ih, b_hh = (
                rng.uniform(-1, 1, shape) * bound for shape in ((G * H, d_in), (G * H, H), (G * H,), (G * H,))
            )
            layers.append(LayerParams(W_ih, W_hh, b_ih, b_hh))
            d_in = H
        net = cls._frozen(cell, layers)
        return net.with_bias("f", forget_bias) if forget_bias is not None and "f" in net.kind.blocks else net

    @classmethod
    def from_keras(cls, layers: Sequence[Mapping[str, object]], cell: str = "lstm") -> Network:
        """Build from Keras LSTM/GRU/SimpleRNN weights, one mapping per layer.

        Keras keeps ``kernel`` (D, G·H) and ``recurrent_kernel`` (H, G·H),
        PyTorch's matrices transposed, with the blocks in Keras's order (LSTM
        i, f, c, o, as PyTorch; GRU z, r, h, where PyTorch has r, z, n). LSTM
        and SimpleRNN have one ``bias`` (G·H,) (so b_hh = 0); a GRU saved with
        ``reset_after=True`` (Keras's default, the PyTorch-compatible GRU) has
        two rows (2, G·H): the input bias and the recurrent one.
        """
        kind = kind_of(cell)
        G = kind.G
        order = [kind.keras_blocks.index(b) for b in kind.blocks]  # PyTorch block j is Keras block order[j]

        def torch_order(a: np.ndarray) -> np.ndarray:
            parts = np.split(a, G, axis=0)
            return np.concatenate([parts[o] for o in order], axis=0)

        sd: dict[str, np.ndarray] = {}
        for k, lw in enumerate(layers):
            missing = {"kernel", "recurrent_kernel"} - set(lw)
            if missing:
                raise StateDictError(
                    f"Keras layer {k} has no {sorted(missing)}; got {sorted(lw)}.",
                    "keras_missing",
                    k=k,
                    missing=", ".join(sorted(missing)),
                    got=", ".join(sorted(lw)),
                )
            kern = check_array(f"layer {k} kernel", lw["kernel"], (None, None))
            rec = check_array(f"layer {k} recurrent_kernel", lw["recurrent_kernel"], (None, None))
            if rec.shape[1] != G * rec.shape[0]:
                raise ShapeError(
                    f"layer {k} recurrent_kernel has shape {rec.shape}; a Keras {cell.upper()} "
                    f"needs (H, {G}·H).",
                    "keras_rec_shape",
                    k=k,
                    shape=str(rec.shape),
                    cell=cell.upper(),
                    G=G,
                )
            n = rec.shape[1]
            bias = lw.get("bias")
            if bias is None:
                b_ih, b_hh = np.zeros(n), np.zeros(n)
            elif kind.keras_biases == 2:
                if np.ndim(bias) != 2:
                    raise StateDictError(
                        f"Keras layer {k} has one bias row, as a GRU saved with reset_after=False has; "
                        "Gate Lab reads GRUs with reset_after=True (two bias rows), PyTorch's GRU.",
                        "keras_gru_reset_before",
                        k=k,
                    )
                b_ih, b_hh = check_array(f"layer {k} bias", bias, (2, n))
            else:
                b_ih, b_hh = check_array(f"layer {k} bias", bias, (n,)), np.zeros(n)
            sd |= {
                f"weight_ih_l{k}": torch_order(kern.T),
                f"weight_hh_l{k}": torch_order(rec.T),
                f"bias_ih_l{k}": torch_order(b_ih),
                f"bias_hh_l{k}": torch_order(b_hh),
            }
        return cls.from_state_dict(sd, cell)

    @classmethod
    def _frozen(cls, cell: str, layers: Sequence[LayerParams]) -> Network:
        frozen = []
        for p in layers:
            arrs = [np.array(getattr(p, f), dtype=np.float64) for f in FIELDS]
            for a in arrs:
                freeze(a)
            frozen.append(LayerParams(*arrs))
        return cls(cell, tuple(frozen))

    def state_dict(self) -> dict[str, np.ndarray]:
        """PyTorch-named copies of every weight."""
        return {
            f"{nm}_l{k}": np.array(getattr(p, f))
            for k, p in enumerate(self.layers)
            for nm, f in zip(NAMES, FIELDS, strict=True)
        }

    def with_bias(self, gate: str, value: float) -> Network:
        """A copy whose ``gate`` has bias ``value`` in every unit of every layer (b_ih = value, b_hh = 0)."""
        sd = self.state_dict()
        block = self.kind.block(gate)
        for k, p in enumerate(self.layers):
            rows = p.block_rows(block)
            sd[f"bias_ih_l{k}"][rows], sd[f"bias_hh_l{k}"][rows] = value, 0.0
        return Network.from_state_dict(sd, self.cell)

    def with_layer(self, k: int, params: LayerParams) -> Network:
        """A copy with layer k's weights replaced (shapes are checked)."""
        sd = self.state_dict()
        for nm, f in zip(NAMES, FIELDS, strict=True):
            sd[f"{nm}_l{k}"] = getattr(params, f)
        return Network.from_state_dict(sd, self.cell)

    # ---- shape facts ----------------------------------------------------------

    @property
    def input_size(self) -> int:
        return self.layers[0].input_size

    @property
    def hidden_sizes(self) -> tuple[int, ...]:
        return tuple(p.hidden_size for p in self.layers)

    @property
    def num_layers(self) -> int:
        return len(self.layers)

    # ---- forward --------------------------------------------------------------

    def run(
        self,
        x: object,
        h0: Sequence[object] | None = None,
        c0: Sequence[object] | None = None,
        overrides: Sequence[GateOverride] = (),
    ) -> Trace:
        """Run the stack over x: (T, D_in) -> Trace, or a batch (B, T, D_in).

        ``h0``/``c0``: one initial state per layer, (H_k,) (or (B, H_k)); zeros
        if not given. ``overrides`` force gates (see ``GateOverride``).
        """
        xs = np.asarray(x, dtype=np.float64) if not isinstance(x, np.ndarray) else x
        batched = getattr(xs, "ndim", 0) == 3
        xs = check_array("input x", xs, (None, None, self.input_size) if batched else (None, self.input_size))
        if xs.shape[-2] == 0:
            raise ShapeError("The input sequence is empty: it needs at least one timestep.")
        xt = xs.transpose(1, 0, 2) if batched else xs[:, None, :]  # (T, B, D)
        T, B = xt.shape[:2]
        h0s = self._initial("h0", h0, B, batched)
        kind = self.kind
        c0s = self._initial("c0", c0, B, batched) if kind.memory else [None] * self.num_layers
        masks = override_masks(overrides, self.cell, self.hidden_sizes, T)
        runs, inp = [], xt
        for k, p in enumerate(self.layers):
            m = masks[k]
            r = kind.forward(inp, p, h0s[k], c0s[k], *(m if m else (None, None)))
            runs.append(r)
            inp = r.h
        layers = tuple(self._layer_trace(r, p, batched) for r, p in zip(runs, self.layers, strict=True))
        return Trace(self.cell, freeze(xs.copy()), layers)

    def _initial(self, name: str, given: Sequence[object] | None, B: int, batched: bool) -> list:
        if given is None:
            return [np.zeros((B, H)) for H in self.hidden_sizes]
        if len(given) != self.num_layers:
            raise ShapeError(f"{name} has {len(given)} entries; expected one per layer ({self.num_layers}).")
        out = []
        for k, (g, H) in enumerate(zip(given, self.hidden_sizes, strict=True)):
            shape = (B, H) if batched else (H,)
            out.append(check_array(f"{name}[{k}]", g, shape).reshape(B, H))
        return out

    def _layer_trace(self, r: L.LayerRun, p: LayerParams, batched: bool) -> LayerTrace:
        def view(a: np.ndarray | None) -> np.ndarray | None:
            if a is None:
                return None
            return freeze(a.transpose(1, 0, 2) if batched else a[:, 0, :])

        H = p.hidden_size
        gates = {name: view(r.act[..., n * H : (n + 1) * H]) for n, name in enumerate(self.kind.gates)}
        return LayerTrace(
            cell=self.cell,
            params=p,
            x=view(r.x),
            h_prev=view(r.h_prev),
            c_prev=view(r.c_prev),
            ih=view(r.ih),
            hh=view(r.hh),
            bias=freeze(p.b_ih + p.b_hh),
            pre=view(r.pre),
            c=view(r.c),
            h=view(r.h),
            forced=freeze(r.forced.copy()) if r.forced is not None else None,
            acts=gates,
        )

    # ---- backward -------------------------------------------------------------

    def backward(self, trace: Trace, dh_last: object, dh_all: np.ndarray | None = None) -> Gradients:
        """Backpropagation through time for L = Σ dh_last · h_T of the top layer.

        ``dh_last`` is dL/dh_T, (H_top,) (or (B, H_top) for a batch trace). ``dh_all``, if given,
        adds dL/dh_t at every step, (T, H_top) (or (B, T, H_top)): L += Σ_t dh_all[t] · h_t.
        Returns dL/dx_t for every t and dL/dθ for every weight, as PyTorch's
        autograd would for the same L. Values that leave float64's range
        (exploding gradients) become ±inf without a warning.
        """
        batched = trace.x.ndim == 3
        H_top = self.hidden_sizes[-1]
        B = trace.x.shape[0] if batched else 1
        dh = check_array("dh_last", dh_last, (B, H_top) if batched else (H_top,)).reshape(B, H_top)
        if len(trace.layers) != self.num_layers or trace.cell != self.cell:
            raise GateLabError("This trace was not made by this network.")
        runs = [self._layer_run(lt, batched) for lt in trace.layers]
        T = runs[0].h.shape[0]
        dH = np.zeros((T, B, H_top))
        dH[-1] = dh
        if dh_all is not None:
            dH += np.asarray(dh_all, dtype=np.float64).reshape(B, T, H_top).transpose(1, 0, 2)
        params, h0s, c0s = {}, [], []
        with np.errstate(over="ignore", invalid="ignore"):
            for k in range(self.num_layers - 1, -1, -1):
                p, r = self.layers[k], runs[k]
                dA_ih, dA_hh, dh0, dc0 = self.kind.backward(r, p, dH)
                h0s.append(dh0)
                c0s.append(dc0)
                g, dH = L.param_grads(r, p, dA_ih, dA_hh, self._reads(r, p))
                for nm, f in zip(NAMES, FIELDS, strict=True):
                    params[f"{nm}_l{k}"] = g[f]

        def out(a: np.ndarray) -> np.ndarray:
            return a if batched else a[0]

        dx = dH.transpose(1, 0, 2) if batched else dH[:, 0, :]
        return Gradients(
            x=dx,
            params={k: params[k] for k in self.state_dict()},
            h0=tuple(out(a) for a in reversed(h0s)),
            c0=tuple(out(a) for a in reversed(c0s)) if self.kind.memory else None,
        )

    def _reads(self, r: L.LayerRun, p: LayerParams) -> tuple | None:
        """What each block of W_hh multiplied in run ``r`` (the kind's ``reads``; None: h_{t-1})."""
        kind = self.kind
        if kind.reads is None:
            return None
        return kind.reads(r.h_prev, lambda name: r.act[..., p.block_rows(kind.block(name))])

    def _layer_run(self, lt: LayerTrace, batched: bool) -> L.LayerRun:
        def back(a: np.ndarray | None) -> np.ndarray | None:
            if a is None:
                return None
            return a.transpose(1, 0, 2) if batched else a[:, None, :]

        gates = lt.kind.gates
        act = np.concatenate([back(lt.gate(n)) for n in gates], axis=-1) if gates else back(lt.h)
        return L.LayerRun(
            back(lt.x),
            back(lt.h_prev),
            back(lt.c_prev),
            back(lt.ih),
            back(lt.hh),
            back(lt.pre),
            act,
            back(lt.c),
            back(lt.h),
            lt.forced,
        )
