"""One word per concept, in both languages: the article's vocabulary (zuotongbin, 2019).

Every page's strings use these terms; ``tests/app/test_sentences.py`` checks the
Chinese strings for the words this glossary replaces. A unit is not a cell: the
cell (单元) is one layer of neurons, and H counts the hidden units (隐藏单元,
its neurons) inside it. The candidate g is not a gate.
"""

from __future__ import annotations

# concept -> (English, 简体中文, Chinese words not to use for it)
GLOSSARY: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "cell": ("cell (one layer of neurons)", "单元（LSTM 单元，一层神经元）", ()),
    "unit": ("hidden unit (a neuron of the cell)", "隐藏单元（神经元）", ()),
    "hidden_size": ("hidden size H: hidden units per layer", "隐藏单元数 H", ()),
    "memory": ("memory C (the cell state)", "记忆 C（单元状态）", ("细胞状态",)),
    "hidden": ("hidden state h (this step's output)", "隐藏状态 h（本步的输出）", ()),
    "forget_gate": ("forget gate f", "遗忘门 f", ()),
    "input_gate": ("input gate i", "输入门 i", ()),
    "output_gate": ("output gate o", "输出门 o", ()),
    "candidate": ("candidate g (C̃), not a gate", "候选值 g（C̃），不是门", ()),
    "forget_bias": ("forget-gate bias b_f", "遗忘门偏置 b_f", ("遗忘偏置",)),
    "stacked": ("stacked (multi-layer) LSTM", "多层 LSTM（堆叠）", ("堆叠网络", "堆叠单元")),
    "what_if": ("what if (forcing a gate)", "假设实验", ("假如",)),
    "reset": ("back to the random model", "恢复为随机初始模型", ("恢复为随机种子", "恢复为随机初始权重")),
    "fires": ("has an output", "才有输出", ("放电",)),
    "order": ("up first / down first", "先上后下 / 先下后上", ("向上先", "向下先")),
    "timestep": ("timestep t (1 … T on screen)", "时间步 t（屏幕上为 1 … T）", ()),
    "twin": ("a plain-RNN twin (for comparison)", "作为对照的普通 RNN", ("孪生",)),
    "live_class": ("live class", "实时课堂", ("直播",)),
    "epoch": ("epoch (one pass over the training set)", "轮（训练轮数）", ("epoch",)),
    "nearest_neighbour": ("1-NN (1-nearest-neighbour)", "1-最近邻", ("1-NN",)),
    "archive": ("the UCR archive (a data set collection)", "UCR 数据集", ("档案",)),
    "quote": ("quotation marks", "“ ”（不用「」）", ("「", "」")),
    "what_holds": ("what holds", "可以确定的是", ("成立的是",)),
    "count_down": ("count down", "递减计数", ("倒数",)),
    "not_written": ("the article's code not written yet", "代码暂时没写", ("没有写完",)),
}

AVOID_ZH = tuple(w for _, _, avoid in GLOSSARY.values() for w in avoid)
